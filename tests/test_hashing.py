"""NgramHasher: the n-grams it hashes, its columns computed by hand, odd input, sklearn contract."""

from collections import Counter

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer

from framing.measures.headline.hashing import NgramHasher

MASK = (1 << 64) - 1
BASE = 0x100000001B3
GOLDEN = 0x9E3779B97F4A7C15


def poly(s: str) -> int:
    """The polynomial hash of ``s``: sum of code point times BASE**(distance from the end)."""
    h = 0
    for ch in s:
        h = (h * BASE + ord(ch)) & MASK
    return h


def column(h: int, n: int, n_features: int) -> int:
    """The top bits of h + n, mixed: xor-shift, multiply, xor-shift, multiply (modulo 2**64)."""
    bits = n_features.bit_length() - 1
    h = (h + n) & MASK
    h = ((h ^ (h >> 31)) * 0xBF58476D1CE4E5B9) & MASK
    h = ((h ^ (h >> 29)) * GOLDEN) & MASK
    return h >> (64 - bits)


def char_column(gram: str, n_features: int) -> int:
    return column(poly(gram), len(gram), n_features)


def word_column(words: list[str], n_features: int) -> int:
    h = poly(words[0])
    for w in words[1:]:
        h = (h * GOLDEN + poly(w)) & MASK
    return column(h, len(words), n_features)


def row(X, i: int) -> Counter:
    r = X[i]
    return Counter(dict(zip(r.indices.tolist(), r.data.tolist(), strict=True)))


def test_char_ngrams_of_ab_cd_by_hand():
    n = 2**20
    X = NgramHasher("char_wb", (2, 5), n_features=n).transform(["ab cd"])
    grams = [" a", "ab", "b ", " ab", "ab ", " ab "] + [" c", "cd", "d ", " cd", "cd ", " cd "]
    assert row(X, 0) == Counter(char_column(g, n) for g in grams)


def test_word_ngrams_by_hand():
    n = 2**20
    X = NgramHasher("word", (1, 2), n_features=n).transform(["No to war, a war!"])
    words = ["no", "to", "war", "war"]  # "a" is too short, as in scikit-learn
    grams = [[w] for w in words] + [words[i : i + 2] for i in range(3)]
    assert row(X, 0) == Counter(word_column(g, n) for g in grams)
    assert row(X, 0)[word_column(["war"], n)] == 2


TEXTS = [
    "You Won't Believe What This Senator Said",
    "21 Dogs Who Are Too Cute For Words",
    "",
    "   ",
    "Putin’s war – a “tragedy”\tin   Kyiv\n",
    "Ça va? Über-Größe: naïve café, 日本語のニュース",
    "Emoji 😀🔥 party 🎉 tonight",
    "x",
    "A b c",
    "snake_case and CamelCase 2024 1.9 trillion",
]


@pytest.mark.parametrize("ngram_range", [(2, 5), (1, 3), (3, 3)])
def test_char_wb_equals_scikit_learn_ngrams(ngram_range):
    # scikit-learn's char_wb differs only for a padded word shorter than the smallest n
    # (it keeps the word whole: never the case here, " x " is 3 long) and in counting the
    # space as a 1-gram (dropped here)
    n = 2**22
    X = NgramHasher("char_wb", ngram_range, n_features=n).transform(TEXTS)
    analyse = CountVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    for i, text in enumerate(TEXTS):
        expected = Counter(char_column(g, n) for g in analyse(text) if g != " ")
        assert row(X, i) == expected, text


def test_word_equals_scikit_learn_ngrams():
    n = 2**22
    X = NgramHasher("word", (1, 3), n_features=n).transform(TEXTS)
    analyse = CountVectorizer(ngram_range=(1, 3)).build_analyzer()
    for i, text in enumerate(TEXTS):
        expected = Counter(word_column(g.split(" "), n) for g in analyse(text))
        assert row(X, i) == expected, text


def test_same_ngram_same_column_anywhere_in_the_batch():
    hasher = NgramHasher("char_wb", (2, 5), n_features=2**17)
    alone = hasher.transform(["Senate passes budget"])
    batch = hasher.transform(["x", "", "SENATE passes   budget", "Senate passes budget"])
    assert row(batch, 2) == row(alone, 0) == row(batch, 3)


def test_odd_input():
    hasher = NgramHasher("char_wb", (2, 3), n_features=64)
    X = hasher.transform([None, float("nan"), "", "\0ab", "a\ud800b"])  # NUL, lone surrogate
    assert X.shape == (5, 64) and X[:3].nnz == 0
    assert X[3].sum() > 0 and X[4].sum() > 0
    assert NgramHasher("word").transform([]).shape == (0, 2**20)
    with pytest.raises(ValueError, match="iterable of texts"):
        hasher.transform("one string")
    with pytest.raises(ValueError, match="analyzer"):
        NgramHasher("char").fit(["x"])
    with pytest.raises(ValueError, match="ngram_range"):
        NgramHasher("word", (2, 1)).transform(["x"])
    with pytest.raises(ValueError, match="power of two"):
        NgramHasher("word", n_features=1000).transform(["x"])


def test_batches_larger_than_the_key_space():
    # (row, column) keys are 32-bit: 2**30 columns leave 4 rows per block
    hasher = NgramHasher("word", (1, 1), n_features=2**30)
    texts = [f"text number{i}" for i in range(10)]
    X = hasher.transform(texts)
    assert X.shape == (10, 2**30) and X.sum(axis=1).A1.tolist() == [2.0] * 10
    assert (X[7] != hasher.transform(texts[7:8])).nnz == 0


def test_columns_spread_over_n_features():
    # 3,000 distinct n-grams into 2**17 columns: few collisions, every column in range
    words = [f"w{i}x" for i in range(1000)]
    X = NgramHasher("word", (1, 1), n_features=2**17).transform([" ".join(words)])
    assert X.nnz >= 990 and X.indices.max() < 2**17
    assert np.all(X.data >= 1)


def test_scikit_learn_contract():
    hasher = NgramHasher("char_wb", (2, 4), n_features=2**10)
    copy = clone(hasher)
    assert copy.get_params() == {"analyzer": "char_wb", "ngram_range": (2, 4), "n_features": 2**10}
    copy.set_params(n_features=2**12)
    assert copy.fit(["a"]) is copy and copy.transform(["ab"]).shape == (1, 2**12)
    assert (hasher.fit_transform(TEXTS) != hasher.transform(TEXTS)).nnz == 0  # stateless
