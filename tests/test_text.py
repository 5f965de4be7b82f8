import numpy as np
import pandas as pd
import pytest

import framing
from framing.text import (
    WORD,
    Docs,
    code_points,
    count_matrix,
    fold,
    lower_folded,
    paragraphs,
    sentences,
    term,
    tidy,
    token_spans,
    tokens,
)


def test_fold_keeps_offsets():
    text = "“No to war!” – Putin’s … end"
    assert len(fold(text)) == len(text)
    assert fold(text) == '"No to war!" - Putin\'s . end'


def test_tokens_and_offsets_agree(express):
    spans = list(token_spans(express))
    words = [express[s:e] for s, e in spans]
    assert words[:5] == ["Is", "Putin", "losing", "his", "grip"]
    assert len(spans) == len(tokens(express))
    assert "474" in words and "48" in words


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", []),
        ("no spaces:a,b;c", ["no", "spaces", "a", "b", "c"]),
        ("Путин проиграл войну", ["путин", "проиграл", "войну"]),
        ("emoji 🙂 here", ["emoji", "here"]),
        ("RUSSIA AND BELARUS", ["russia", "and", "belarus"]),
    ],
)
def test_tokens_on_odd_input(text, expected):
    assert tokens(text) == expected


def test_sentences_respect_abbreviations_and_quotes():
    text = "Sen. Smith said the U.S. would act. “No to war!” chanted crowds. He left.\nNew line"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == [
        "Sen. Smith said the U.S. would act.",
        "“No to war!” chanted crowds.",
        "He left.",
        "New line",
    ]


def test_sentences_on_express(express_body):
    spans = sentences(express_body)
    texts = [express_body[s:e] for s, e in spans]
    assert any(t.startswith("Thousands of protesters again took") for t in texts)
    assert all(t == t.strip() and t for t in texts)
    assert len(spans) > 30


def test_sentences_edge_cases():
    assert sentences("") == []
    assert sentences("   \n\n ") == []
    long = "word " * 200_000
    assert sentences(long) == [(0, len(long) - 1)]


def test_fold_matches_translation_table(sample):
    from framing.text.normalise import FOLD_PAIRS

    table = str.maketrans(FOLD_PAIRS)  # the plain reference the fast fold must equal
    for text in [*sample["body"], "“‘–…’” \u00a0x\u3000 `ascii`"]:
        assert fold(text) == text.translate(table)


@pytest.mark.parametrize(
    "text",
    [
        "He said “No.” Then left",
        "Wait… What? ‘Yes.’ (Fine.) [No.] 1. 2… Ok",
        "The U…S. army. And Mr… Smith. Done",
        "a.\u00a0B and x!\u2007‘Y’ then «Z.» Q",
    ],
)
def test_sentences_read_curly_punctuation_as_folded(text):
    # sentences runs on the original text; it must agree with the folded text's sentences
    assert sentences(text) == sentences(fold(text))


def test_sentences_fold_invariant_on_sample(sample):
    for text in sample["body"]:
        assert sentences(text) == sentences(fold(text))


def test_paragraphs_windows_line_endings():
    text = tidy("One.\r\n\r\nTwo.\r\nThree.")
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a \t b\u200b  c\fd\vé", "a b c d é"),
        ("one  two   three\t\tfour", "one two three four"),
        ("plain single spaces stay", "plain single spaces stay"),
        ("line \n  next\u00ad", "line\nnext"),
    ],
)
def test_tidy_spaces_and_zero_width(raw, expected):
    assert tidy(raw) == expected


def test_tidy_html_and_entities():
    assert tidy("<p>Tom &amp; Jerry</p><script>alert(1)</script><p>ran</p>") == "Tom & Jerry\n\nran"
    assert tidy("a\u200bb\u00adc") == "abc"
    assert tidy("5 < 6 and 7 > 3") == "5 < 6 and 7 > 3"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # AllSides headlines (Washington Times, 2012), UTF-8 decoded twice as Windows-1252
        (
            "Supreme Court upholds Obama\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s "
            "health care overhaul",
            "Supreme Court upholds Obama\u2019s health care overhaul",
        ),
        (
            "\u00e2\u20ac\u0153Fiscal cliff\u00e2\u20ac\u009d talks",
            "\u201cFiscal cliff\u201d talks",
        ),
        ("Costs \u00c2\u00a35 a day", "Costs \u00a35 a day"),
        # not mojibake: left alone
        ("S\u00e3o Paulo and N\u00c3O \u00c9", "S\u00e3o Paulo and N\u00c3O \u00c9"),
    ],
)
def test_tidy_repairs_mojibake(raw, expected):
    assert tidy(raw) == expected


def test_a_loaded_corpus_reads_repaired_text():
    df = framing.load_corpus(
        pd.DataFrame(
            {
                "headline": [
                    "Supreme Court upholds Obama\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s law"
                ],
                "body": ["The court ruled.\n\nObama\u00e2\u20ac\u2122s law stands."],
            }
        )
    )
    assert df.loc[0, "headline"] == "Supreme Court upholds Obama\u2019s law"
    assert df.loc[0, "body"] == "The court ruled.\n\nObama\u2019s law stands."


def test_count_matrix_matches_tokens(sample):
    texts = sample["body"].tolist()[:50]
    X, vocab = count_matrix(texts)
    assert X.shape == (50, len(vocab))
    for i in (0, 17, 49):
        toks = tokens(texts[i])
        assert X[i].sum() == len(toks)
        for word in set(toks[:20]):
            assert X[i, vocab[word]] == toks.count(word)


def test_count_matrix_fixed_vocabulary_drops_unknown_terms():
    X, vocab = count_matrix(["war and peace", "", "peace, peace"], vocabulary={"peace": 0})
    assert vocab == {"peace": 0}
    assert X.toarray().tolist() == [[1], [0], [2]]


def test_docs_rates_are_zero_for_empty_text():
    d = Docs(["", None, float("nan"), "war war"])
    assert d.n_tokens.tolist() == [0, 0, 0, 2]
    war = d.counts @ d.term_mask(lambda t: t == "war")
    assert np.allclose(d.rate(war), [0, 0, 0, 100])


ODD = [
    "Café naïve 北京 emoji🤷 x İstanbul’s ‘quoted’ dónde-está",
    "don't won’t rock'n'roll '' 'a' b'",
    "supercalifragilisticexpialidocious antidisestablishmentarianism " * 2,
    "a" * 300 + " " + "a" * 299 + "b",  # tokens longer than every step of the key loop
    "\ud83d lone surrogate",
    "𝐁𝐨𝐥𝐝 𝔣𝔞𝔫𝔠𝔶 𝐁𝐨𝐥𝐝 words 😀 beyond U+FFFF 𠀋𠀋 𠀋𠀋x",
    "",
]


def test_docs_tokens_are_the_word_pattern_on_folded_text(sample):
    """The vectorised offsets and keys give exactly WORD.findall's tokens, and equal terms
    share a column, on real bodies and on odd text."""
    texts = sample["body"].tolist()[:200] + ODD
    d = Docs(texts)
    low = "\n".join(lower_folded(t) for t in texts)
    found = [low[s:e] for s, e in zip(d.token_starts.tolist(), d.token_ends.tolist(), strict=True)]
    assert found == WORD.findall(low)
    assert d.terms[d.token_columns].tolist() == [term(t) for t in found]
    assert len(set(d.terms)) == len(d.terms)  # one column per term: no two terms merged
    assert d.n_tokens.tolist() == [len(tokens(lower_folded(t))) for t in texts]


def test_docs_keep_offsets_past_emoji_and_astral_letters():
    # an emoji stands as U+FFFD in the joined text, which stays two bytes a character
    d = Docs(["Putin 😀 said 🤷\u200d♂️ no", "plain"])
    assert d.codes.dtype == np.uint16 and len(d.joined) == len(d.texts[0]) + 6
    spans = zip(d.token_starts.tolist(), d.token_ends.tolist(), strict=True)
    assert [d.joined[s:e] for s, e in spans] == ["Putin", "said", "no", "plain"]
    # styled letters beyond U+FFFF (as in AllSides bodies) read as their plain forms, so
    # the batch stays two bytes a character and they are words the lexicons know
    d = Docs(["𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 and 𝐁𝐨𝐥𝐝 😀 𝔣𝔞𝔫𝔠𝔶", "𝒜𝓇𝒾𝑒𝓈𝒶 is 𝟐𝟎"])
    assert d.codes.dtype == np.uint16 and len(d.joined) == sum(map(len, d.texts)) + 1
    words = "breaking and bold fancy ariesa is 20".split()
    assert d.terms[d.token_columns].tolist() == words
    # a letter with no plain form there stays a word, its code the whole code point
    text = "𠀋𠀋 and 𠀋𠀋 😀 x"
    d = Docs([text])
    narrowed = code_points(text.replace("😀", "\ufffd")).tolist()
    assert d.codes.dtype == np.uint32 and d.codes.tolist() == narrowed
    assert d.terms[d.token_columns].tolist() == tokens(lower_folded(text))
    assert d.n_types.tolist() == [3]


def test_blanks_find_every_white_space_character():
    import re

    from framing.text.scan import Blanks, char_table

    # Blanks looks up only code points up to U+0020 and beyond ASCII: all white space is there
    space = np.flatnonzero(char_table(r"\s"))
    assert ((space <= 32) | (space >= 128)).all() and len(space) > 20
    text = "a\tb\x0bc\x1fd\x85e\xa0f\u2003g\u3000 h\r\n\ni" + "".join(map(chr, space))
    blanks = Blanks(code_points(text))
    assert blanks.at.tolist() == [m.start() for m in re.finditer(r"\s", text)]
    runs = [(m.start(), m.end()) for m in re.finditer(r"\s+", text)]
    assert list(zip(blanks.starts.tolist(), blanks.ends.tolist(), strict=True)) == runs


def test_docs_batch_measures_equal_per_text_ones(sample):
    texts = sample["body"].tolist()[:100] + ODD
    d = Docs(texts)
    assert d.n_sentences.tolist() == [len(sentences(t)) for t in texts]
    assert d.n_paragraphs.tolist() == [len(paragraphs(t)) for t in texts]
    assert d.n_types.tolist() == [len(set(tokens(lower_folded(t)))) for t in texts]
    assert (d.counts.toarray().sum(axis=1) == d.n_tokens).all()
