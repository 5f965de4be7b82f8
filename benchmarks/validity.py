"""Agreement of each measure with hand labels on outlets held out from tuning.

Usage: ``python benchmarks/validity.py``. Reads the development sets under ``tests/dev/``
(each with its codebook at the top and both labellers' codes) and prints, for each measure,
its agreement with the resolved labels on the held-out outlets, beside a naive anchor scored
the same way, and on the tuning outlets. The learned parts (the clickbait model's teaser
threshold, the clutter line model, the induced loaded lexicon) were fitted on the tuning
outlets, so their tuning figures are in-sample; the held-out figures are the honest ones.

Development sets (outlets split into tune and held out by a hash of their name):

* ``headlines/headlines.tsv``: 1,200 headlines (AllSides, 368 outlets, and the Stop
  Clickbait data) coded for question, yes/no question and teaser.
* ``headlines/questions-2/questions.tsv``: 304 further headlines of held-out outlets (204
  with a "?", 100 opening with an auxiliary or a wh-word without one) coded for question and
  yes/no question, drawn after the yes/no rules were last changed: a test set nobody tuned on.
* ``clutter/lines.tsv``: 6,079 body lines of 300 AllSides articles from 300 outlets coded
  clutter or not (with a kind); ``clutter/lines_more.tsv``: 6,082 lines of 300 further
  articles of the tuning outlets, for training only; ``clutter/lines_wire.tsv``: 4,739 lines
  of 200 articles carrying wire copy (an agency's dateline, credit or name), 120 of tuning
  outlets (for training) and 80 of held-out outlets (39 outlets, scored apart).
* ``loaded/sentences.tsv``: 2,000 AllSides sentences (315 outlets) coded biased or not, with
  the words that make them so; ``loaded/sentences_more.tsv``: 3,233 further sentences of the
  tuning outlets, for training only.
* ``stories/judged.tsv``: 400 candidate pairs of AllSides articles of two outlets, at most
  three days apart, in five similarity bands, judged "same event?" by two judges; scored by
  running ``framing.stories`` over the whole AllSides corpus (``../shared/data``);
  ``stories/check*/judged.tsv``: the hand checks of matched stories, an article of a
  held-out outlet and up to three other members of its story (``check``: 447 pairs drawn
  from the first matcher; ``check-2``: 386 pairs from the one shipped), judged the same way.
* ``frames/frames.tsv``: 320 AllSides articles (109 outlets) coded with the 19 questions of
  Semetko & Valkenburg's five generic frames. The texts are not shipped: they are read by
  id from ``../shared/data`` (:func:`devset.coded_articles`).
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

import framing
from framing.text import WORD

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "dev"
sys.path.insert(0, str(REPO / "tools"))
from devset import articles, coded_articles, read  # noqa: E402

_AUX = (
    r"(?:is|are|was|were|will|would|can|could|should|shall|do|does|did|has|have|had|may|might|must)"
)
ANCHORS = {
    # a bare "?" rule
    "question": lambda h: h.str.contains("?", regex=False),
    # "?" and an auxiliary verb opening the headline or the clause before the "?"
    "yesno_question": lambda h: (
        h.str.contains("?", regex=False)
        & h.str.contains(rf"(?:^|[.:!?]\s+){_AUX}\b", flags=re.I, regex=True)
    ),
    # a keyword list of curiosity-gap openers, and a leading number
    "teaser": lambda h: h.str.contains(
        r"^(?:this|these|here'?s|here is|you won't|why you|what happened|the (?:one|surprising|real) )"
        r"|\bwhat happened next\b|^\d+ ",
        flags=re.I,
        regex=True,
    ),
}


def _scores(gold: pd.Series, pred: pd.Series) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(
        gold.astype(int), pred.astype(int), average="binary", zero_division=0
    )
    return float(p), float(r), float(f)


def headlines(path: Path = DEV / "headlines" / "headlines.tsv") -> pd.DataFrame:
    """Scores of the headline measures and their anchors on a headline development set (the
    measures it codes)."""
    dev = read(path)
    feats = framing.extract_features(dev[["headline"]], features="headline")
    predicted = {
        "question": feats["headline_question"] > 0,
        "yesno_question": feats["headline_yesno_question"] > 0,
        "teaser": feats["headline_teaser"] > 0,
    }
    rows = []
    for label, pred in predicted.items():
        if label not in dev.columns:
            continue
        anchor = ANCHORS[label](dev["headline"])
        for split in sorted(dev["split"].unique()):
            for stratum in ("all", *sorted(dev["stratum"].unique())):
                at = dev["split"].eq(split) & (dev["stratum"].eq(stratum) | (stratum == "all"))
                gold = dev.loc[at, label].astype(int)
                p, r, f = _scores(gold, pred[at])
                rows.append(
                    {
                        "measure": f"headline_{label}",
                        "split": split,
                        "stratum": stratum,
                        "n": int(at.sum()),
                        "positives": int(gold.sum()),
                        "precision": p,
                        "recall": r,
                        "F1": f,
                        "anchor F1": _scores(gold, anchor[at])[2],
                    }
                )
    return pd.DataFrame(rows)


CLUTTER_WORDS = re.compile(
    r"advertis|subscri|newsletter|sign up|follow|share|copyright|\u00a9|read more|click|photo|"
    r"video|getty|reuters|associated press|contributed|all rights",
    re.I,
)


def clutter_anchor(line: str) -> bool:
    """The naive rule: a clutter keyword, or a line of under six words without a sentence end."""
    return bool(CLUTTER_WORDS.search(line)) or (
        len(line.split()) < 6 and line[-1:] not in ".!?\"\u201d'"
    )


def line_predictions(texts: list[str], spans: list[list]) -> list[bool]:
    """Per line of the rebuilt articles: do spans cover at least half of it?"""
    out = []
    for text, found in zip(texts, spans, strict=True):
        at = 0
        for line in text.split("\n\n"):
            end = at + len(line)
            covered = sum(max(0, min(end, s.end) - max(at, s.start)) for s in found)
            out.append(covered >= 0.5 * len(line))
            at = end + 2
    return out


CLUTTER_SETS = {
    "lines.tsv": "articles across outlets",
    "lines_wire.tsv": "articles carrying wire copy",
}
"""The clutter development sets scored (``tests/dev/clutter``), each with what it holds."""


def clutter() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Scores of clutter line detection on each clutter development set; per held-out
    outlet (over both sets); and the recall of each kind of clutter on the held-out outlets
    of each set."""
    from framing.measures.clutter import find_clutter_all, scan_docs
    from framing.measures.clutter.rules import load_rules
    from framing.text import Docs

    rows, held = [], []
    for name, what in CLUTTER_SETS.items():
        texts, lines = articles(read(DEV / "clutter" / name))
        docs = Docs(texts)
        lines["gold"] = lines["clutter"].astype(int)
        lines["rules"] = line_predictions(texts, scan_docs(docs, load_rules()))
        lines["measure"] = line_predictions(texts, find_clutter_all(docs))
        lines["anchor"] = [clutter_anchor(t) for t in lines["text"]]
        for split in ("heldout", "tune"):
            at = lines["split"].eq(split)
            gold = lines.loc[at, "gold"]
            for scored in ("measure", "rules"):
                p, r, f = _scores(gold, lines.loc[at, scored])
                rows.append(
                    {
                        "measure": f"clutter lines ({scored})",
                        "set": what,
                        "split": split,
                        "n": int(at.sum()),
                        "outlets": int(lines.loc[at, "outlet"].nunique()),
                        "positives": int(gold.sum()),
                        "precision": p,
                        "recall": r,
                        "F1": f,
                        "anchor F1": _scores(gold, lines.loc[at, "anchor"])[2],
                    }
                )
        held.append(lines[lines["split"].eq("heldout")].assign(set=what))
    held_lines = pd.concat(held)
    clutter_lines = held_lines[held_lines["gold"].eq(1)]
    by_kind = (
        clutter_lines.groupby(["set", "kind"], sort=False)["measure"]
        .agg(lines="size", recall="mean")
        .reset_index()
    )
    per_outlet = held_lines.groupby("outlet").apply(
        lambda g: pd.Series(
            {
                "lines": len(g),
                "clutter": int(g["gold"].sum()),
                "missed": int((g["gold"].eq(1) & ~g["measure"]).sum()),
                "false": int((g["gold"].eq(0) & g["measure"]).sum()),
            }
        ),
        include_groups=False,
    )
    return pd.DataFrame(rows), per_outlet, by_kind


def marked_tokens(sentence: str, words: str) -> set[int]:
    """Offsets of the word tokens inside the labellers' marks (each mark found in the text)."""
    out: set[int] = set()
    for mark in filter(None, (w.strip() for w in words.split(" | "))):
        at = sentence.find(mark)
        if at >= 0:
            out |= {m.start() + at for m in WORD.finditer(mark)}
    return out


def span_tokens(sentence: str, spans: list) -> set[int]:
    """Offsets of the word tokens inside loaded-language spans (the loaded kinds only)."""
    return {
        m.start()
        for m in WORD.finditer(sentence)
        if any(s.start <= m.start() < s.end for s in spans)
    }


def loaded() -> pd.DataFrame:
    """Sentence AUC of ``loaded_language`` and token F1 of its spans against hand labels."""
    from framing.measures.lexicons import load_lexicon
    from framing.measures.loaded import LOADED_KINDS, loaded_spans
    from framing.text import Docs

    dev = read(DEV / "loaded" / "sentences.tsv")
    feats = framing.extract_features(
        dev[["sentence"]].rename(columns={"sentence": "body"}), "loaded"
    )
    docs = Docs(dev["sentence"])
    tokens = np.maximum(docs.n_tokens, 1)
    anchors = {
        f"{name} words per token": load_lexicon(name).count(docs).sum(axis=1) / tokens
        for name in ("opinion", "bias")
    }
    scores = {
        "loaded_language": feats["loaded_language"],
        "loaded_language + loaded_language_quoted": feats["loaded_language"]
        + feats["loaded_language_quoted"],
        "loaded_words": feats["loaded_words"],
    }
    gold_tokens = [marked_tokens(t, w) for t, w in zip(dev["sentence"], dev["words"], strict=True)]
    kinds = set(LOADED_KINDS)
    found = [
        span_tokens(t, [s for s in loaded_spans(t) if s.kind in kinds]) for t in dev["sentence"]
    ]
    opinion = set(load_lexicon("opinion").to_frame()["term"])
    naive = [
        {m.start() for m in WORD.finditer(t) if m.group().lower() in opinion}
        for t in dev["sentence"]
    ]
    rows = []
    for split in ("heldout", "tune"):
        at = dev["split"].eq(split).to_numpy()
        gold = dev.loc[at, "biased"].astype(int)
        for name, score in scores.items():
            rows.append(
                {
                    "measure": f"{name} (sentence ROC AUC)",
                    "split": split,
                    "n": int(at.sum()),
                    "positives": int(gold.sum()),
                    "value": roc_auc_score(gold, np.asarray(score)[at]),
                    "anchor": "; ".join(
                        f"{a} {roc_auc_score(gold, np.asarray(v)[at]):.3f}"
                        for a, v in anchors.items()
                    ),
                }
            )
        tp = sum(len(g & f) for g, f, a in zip(gold_tokens, found, at, strict=True) if a)
        fp = sum(len(f - g) for g, f, a in zip(gold_tokens, found, at, strict=True) if a)
        fn = sum(len(g - f) for g, f, a in zip(gold_tokens, found, at, strict=True) if a)
        ntp = sum(len(g & f) for g, f, a in zip(gold_tokens, naive, at, strict=True) if a)
        nfp = sum(len(f - g) for g, f, a in zip(gold_tokens, naive, at, strict=True) if a)
        nfn = sum(len(g - f) for g, f, a in zip(gold_tokens, naive, at, strict=True) if a)
        f1 = 2 * tp / max(2 * tp + fp + fn, 1)
        rows.append(
            {
                "measure": "loaded spans (token F1)",
                "split": split,
                "n": int(at.sum()),
                "positives": int(sum(len(g) for g, a in zip(gold_tokens, at, strict=True) if a)),
                "value": f1,
                "anchor": f"P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f}; "
                f"Hu & Liu words as spans F1 {2 * ntp / max(2 * ntp + nfp + nfn, 1):.3f}",
            }
        )
    return pd.DataFrame(rows)


TOPIC_WORDS = {
    # the naive anchor of each frame: a list of its topic keywords, counted
    "conflict": ["conflict", "fight", "dispute", "war", "battle", "clash", "disagree"],
    "human_interest": ["family", "children", "life", "story", "personal", "people", "mother"],
    "economic": ["economy", "economic", "money", "cost", "jobs", "tax", "billion"],
    "morality": ["moral", "morality", "god", "religion", "values", "faith", "ethics"],
    "responsibility": ["government", "responsible", "blame", "solution", "policy", "law"],
}


def coded(name: str, table: str) -> pd.DataFrame:
    """The hand codes ``tests/dev/<name>/<table>`` beside each article's headline and body
    (:func:`devset.coded_articles`, the texts read from ../shared/data)."""
    return coded_articles(DEV / name, table, REPO.parent / "shared" / "data")


def frames() -> pd.DataFrame:
    """ROC AUC of each ``frames_*`` score against the coders' frame (present when at least
    half its questions are yes), beside topic keywords and a supervised TF-IDF model."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    dev = coded("frames", "frames.tsv")
    feats = framing.extract_features(dev[["headline", "body"]], "frames")
    article = dev["headline"].fillna("") + "\n" + dev["body"].fillna("")
    tune = dev["split"].eq("tune").to_numpy()
    rows = []
    for frame, words in TOPIC_WORDS.items():
        y = dev[frame].to_numpy()
        keywords = CountVectorizer(vocabulary=words).transform(article).sum(axis=1).A1
        tfidf = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            LogisticRegression(max_iter=2000),
        )
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        cv = cross_val_predict(tfidf, article, y, cv=folds, method="predict_proba")[:, 1]
        held = tfidf.fit(article[tune], y[tune]).predict_proba(article[~tune])[:, 1]
        for split, at in (("heldout", ~tune), ("tune", tune)):
            rows.append(
                {
                    "frame": frame,
                    "split": split,
                    "n": int(at.sum()),
                    "present": int(y[at].sum()),
                    "outlets": int(dev["outlet"][at].nunique()),
                    "frames_auc": roc_auc_score(y[at], feats[f"frames_{frame}"][at]),
                    "topic_words_auc": roc_auc_score(y[at], keywords[at]),
                    "tfidf_lr_auc": roc_auc_score(y[at], held) if split == "heldout" else np.nan,
                    "tfidf_lr_cv5_auc": roc_auc_score(y, cv) if split == "heldout" else np.nan,
                }
            )
    return pd.DataFrame(rows)


@functools.cache
def _allsides_stories(threshold: float) -> pd.Series:
    """``framing.stories`` over the whole AllSides corpus, indexed by article id."""
    from framing.stats.stories import stories

    corpus = pd.read_json(
        REPO.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz",
        lines=True,
        dtype={"id": str},
    )
    return pd.Series(stories(corpus, threshold=threshold).to_numpy(), index=corpus["id"])


def _together(story: pd.Series, pairs: pd.DataFrame) -> np.ndarray:
    return story.loc[pairs["id_a"]].to_numpy() == story.loc[pairs["id_b"]].to_numpy()


def story_pairs(thresholds: tuple[float, ...] = ()) -> pd.DataFrame:
    """Pairwise precision, recall and F1 of ``framing.stories`` on the judged pairs, at the
    default threshold and at each of ``thresholds``; beside it, the naive anchor: one story
    for every candidate pair whose similarity reaches the threshold that gives the best F1
    on the tuning pairs (no clustering, no dates).
    The pairs were drawn by similarity band, so the figures describe those bands, not the
    corpus's mix of pairs."""
    from framing.stats.stories import THRESHOLD

    judged = read(DEV / "stories" / "judged.tsv")
    judged = judged[judged["same"] != ""]
    y = judged["same"].astype(int).to_numpy()
    similarity = judged["similarity"].astype(float).to_numpy()
    tune = judged["split"].eq("tune").to_numpy()
    cut = max(
        np.arange(0.1, 0.6, 0.01),
        key=lambda c: precision_recall_fscore_support(
            y[tune], similarity[tune] >= c, average="binary", zero_division=0
        )[2],
    )
    anchor = similarity >= cut
    rows = []
    for t in dict.fromkeys((THRESHOLD, *thresholds)):
        predicted = _together(_allsides_stories(t), judged)
        for split in ("heldout", "tune"):
            at = judged["split"].eq(split).to_numpy()
            p, r, f, _ = precision_recall_fscore_support(
                y[at], predicted[at], average="binary", zero_division=0
            )
            _, _, fa, _ = precision_recall_fscore_support(
                y[at], anchor[at], average="binary", zero_division=0
            )
            rows.append(
                {
                    "threshold": t,
                    "split": split,
                    "pairs": int(at.sum()),
                    "same": int(y[at].sum()),
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "anchor_f1": fa,
                    "anchor_at": round(float(cut), 2),
                }
            )
    return pd.DataFrame(rows)


def _pairwise(labels: np.ndarray, same: pd.DataFrame, split: np.ndarray) -> dict[str, dict]:
    """Pairwise precision, recall and F1 of story ``labels`` per split (and over all): every
    pair of articles of one split, the same event where ``same`` (positions ``a``, ``b``)
    says so; two articles of different samples are never one event."""
    out = {}
    for name in ("tune", "heldout", "all"):
        inside = (split == name) | (name == "all")
        sizes = np.bincount(labels[inside])
        together = int((sizes * (sizes - 1) // 2).sum())
        pairs = same[inside[same["a"]]]
        tp = int((labels[pairs["a"]] == labels[pairs["b"]]).sum())
        p = tp / together if together else 0.0
        r = tp / len(pairs) if len(pairs) else 0.0
        out[name] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def _judged_samples(pattern: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles of the grouped sample sets ``stories/<pattern>`` with their texts and
    event (the connected groups of the judged same-event pairs), and those pairs as
    positions ``a``, ``b`` in the articles."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    folders = [f for f in sorted((DEV / "stories").glob(pattern)) if (f / "judged.tsv").exists()]
    articles = pd.concat([read(f / "articles.tsv") for f in folders], ignore_index=True)
    judged = pd.concat([read(f / "judged.tsv") for f in folders], ignore_index=True)
    position = pd.Series(np.arange(len(articles)), index=articles["article"])
    same = judged[judged["same"].eq("1")]
    same = pd.DataFrame(
        {
            "a": position[same["article_a"]].to_numpy(),
            "b": position[same["article_b"]].to_numpy(),
        }
    )
    n = len(articles)
    graph = coo_matrix((np.ones(len(same)), (same["a"], same["b"])), shape=(n, n))
    texts = pd.read_json(
        REPO.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz",
        lines=True,
        dtype={"id": str},
    ).set_index("id")[["headline", "body"]]
    articles = articles.join(texts, on="id")
    articles["event"] = connected_components(graph, directed=False)[1]
    return articles, same


def _anchor_stories(corpus: pd.DataFrame, same: pd.DataFrame, split: np.ndarray) -> tuple:
    """The naive anchor: plain TF-IDF cosine of headline and body, a three-day window and
    average linkage, cut where the tuning samples' pairwise F1 is best; its labels and cut."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        corpus["headline"].fillna("") + " " + corpus["body"].fillna("")
    )
    dist = 1.0 - (X @ X.T).toarray()
    days = pd.to_datetime(corpus["date"], format="mixed").to_numpy()
    dist[np.abs(days[:, None] - days[None, :]) > np.timedelta64(3, "D")] = 1.0
    np.fill_diagonal(dist, 0.0)
    tree = linkage(np.clip(dist, 0, None)[np.triu_indices(len(dist), 1)], method="average")
    cuts = {t: fcluster(tree, t=1.0 - t, criterion="distance") for t in np.arange(0.05, 0.6, 0.01)}
    best = max(cuts, key=lambda t: _pairwise(cuts[t], same, split)["tune"]["f1"])
    return cuts[best], best


STORY_VIEWS = {
    "roundup-like samples": ("days*", None, False),
    "roundup-like samples, one per outlet": ("days*", ["event", "outlet"], False),
    "dense samples": ("weeks*", None, False),
    "dense samples, roundups overlaid": ("weeks*", ["event", "leaning"], True),
}
"""The views of the grouped samples that :func:`story_views` gives: their folders, the
columns of which the view keeps one article per value (None: every article), and whether
it is overlaid (only events that kept two articles or more, every window moved to begin on
one day)."""


def story_views() -> list[tuple[str, pd.DataFrame, pd.DataFrame]]:
    """The grouped samples as corpora, each with its same-event pairs (positions ``a``,
    ``b``), one per :data:`STORY_VIEWS`: every article; one article per outlet and event
    (the first by article name), as a roundup shows each outlet once per event (an outlet's
    follow-ups and reactions, which make the large events, left out); roundups overlaid,
    one article of each leaning (left, centre, right) of each event that two or more
    leanings reported, every window moved to begin on one day, as a corpus made of editors'
    roundups holds them: three outlets an event, many events a day, no article alone."""
    samples = {pattern: _judged_samples(pattern) for pattern, _, _ in STORY_VIEWS.values()}
    views = []
    for name, (pattern, one_per, overlaid) in STORY_VIEWS.items():
        articles, same = samples[pattern]
        keep = np.ones(len(articles), bool)
        if one_per is not None:
            keep = ~articles.duplicated(one_per).to_numpy()
        if overlaid:
            kept = articles[keep].groupby("event").size()
            keep &= articles["event"].map(kept).ge(2).to_numpy()
            day = pd.to_datetime(articles["date"])
            since = (day - day.groupby(articles["sample"]).transform("min")).dt.days
            articles = articles.assign(
                date=pd.Timestamp("2020-01-01") + pd.to_timedelta(since, "D")
            )
        at = np.cumsum(keep) - 1  # old position -> new
        kept = same[keep[same["a"]] & keep[same["b"]]]
        pairs = pd.DataFrame({"a": at[kept["a"]], "b": at[kept["b"]]})
        views.append((name, articles[keep].reset_index(drop=True), pairs))
    return views


def story_samples() -> pd.DataFrame:
    """Story matching as editors' roundups would score it, on the grouped samples in each
    of :func:`story_views`: ``framing.stories`` run on their articles alone, pairwise
    precision, recall and F1 against the judges' events, per split; beside it, the anchor
    (plain TF-IDF cosine, a three-day window, average linkage, its cut tuned on the tuning
    samples of the view)."""
    from framing.stats.stories import stories

    rows = []
    for view, corpus, pairs in story_views():
        split = corpus["split"].to_numpy()
        anchor, cut = _anchor_stories(corpus, pairs, split)
        for matcher, labels in (
            ("framing.stories", stories(corpus).to_numpy()),
            (f"anchor (cut {cut:.2f})", anchor),
        ):
            for s, m in _pairwise(labels, pairs, split).items():
                rows.append(
                    {
                        "view": view,
                        "matcher": matcher,
                        "split": s,
                        "pairs": int((split[pairs["a"]] == s).sum() if s != "all" else len(pairs)),
                        **m,
                    }
                )
    return pd.DataFrame(rows)


def story_checks() -> pd.DataFrame:
    """The hand checks of matched stories: per check, the judges' kappa, how many of its
    pairs the default ``framing.stories`` puts in one story, and the share of those judged
    the same event (its precision; for a check drawn from an earlier matcher, on the pairs
    it still joins)."""
    from sklearn.metrics import cohen_kappa_score

    from framing.stats.stories import THRESHOLD

    rows = []
    for folder in sorted((DEV / "stories").glob("check*")):
        if not (folder / "judged.tsv").exists():  # drawn, not judged yet
            continue
        judged = read(folder / "judged.tsv")
        together = _together(_allsides_stories(THRESHOLD), judged)
        same = judged["same"].astype(int).to_numpy()
        rows.append(
            {
                "check": folder.name,
                "pairs": len(judged),
                "kappa": cohen_kappa_score(judged["a"], judged["b"]),
                "together": int(together.sum()),
                "precision": same[together].mean(),
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    table = headlines()
    with pd.option_context("display.width", 160, "display.max_rows", 200):
        print("Headline measures against hand labels (tests/dev/headlines)\n")
        main_rows = table[table["stratum"].eq("all")]
        print(main_rows.round(3).to_string(index=False))
        print("\nPer stratum, held-out outlets:\n")
        per = table[table["split"].eq("heldout") & table["stratum"].ne("all")]
        print(per.round(3).to_string(index=False))
        print(
            "\nQuestion headlines of held-out outlets, a second set drawn after the yes/no "
            "rules were last changed (tests/dev/headlines/questions-2)\n"
        )
        second = headlines(DEV / "headlines" / "questions-2" / "questions.tsv")
        print(second.round(3).to_string(index=False))
        scores, per_outlet, by_kind = clutter()
        print("\nClutter lines against hand labels (tests/dev/clutter)\n")
        print(scores.round(3).to_string(index=False))
        print("\nRecall of each kind of clutter (lines), held-out outlets:\n")
        cells = by_kind.assign(
            cell=[
                f"{r:.2f} ({n})" for r, n in zip(by_kind["recall"], by_kind["lines"], strict=True)
            ]
        )
        print(cells.pivot(index="set", columns="kind", values="cell").fillna("").to_string())
        wrong = per_outlet["missed"] + per_outlet["false"]
        print(
            f"\nPer held-out outlet ({len(per_outlet)}): {int((wrong == 0).sum())} without an "
            f"error; most errors: "
            + ", ".join(f"{o} {int(n)}" for o, n in wrong.nlargest(8).items())
        )
        print("\nLoaded language against hand labels (tests/dev/loaded)\n")
        print(loaded().round(3).to_string(index=False))
        print("\nStory matching against judged pairs (tests/dev/stories)\n")
        print(story_pairs().round(3).to_string(index=False))
        print("\nStory matching on grouped samples (tests/dev/stories/days*, weeks*)\n")
        print(story_samples().round(3).to_string(index=False))
        print("\nHand checks of matched stories (tests/dev/stories/check*)\n")
        print(story_checks().round(3).to_string(index=False))
        print("\nGeneric frames against hand codes (tests/dev/frames)\n")
        table = frames()
        print(table.round(3).to_string(index=False))
        held = table[table["split"].eq("heldout")]
        print(
            f"\nMean held-out AUC: frames {held['frames_auc'].mean():.3f} (lowest "
            f"{held['frames_auc'].min():.3f}), topic words {held['topic_words_auc'].mean():.3f}, "
            f"TF-IDF + LR trained on the tuning outlets {held['tfidf_lr_auc'].mean():.3f}, "
            f"TF-IDF + LR 5-fold over all {held['tfidf_lr_cv5_auc'].mean():.3f}"
        )


if __name__ == "__main__":
    main()
