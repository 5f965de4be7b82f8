"""The lexicon engine: loaders on fixtures, matching rules, sparse scoring = naive counts."""

from pathlib import Path

import numpy as np
import pytest

from framing import InputError
from framing.measures.lexicons import Lexicon, available, load_lexicon, read_lexicon
from framing.text import Docs, tokens

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_shipped_lexicon_has_provenance_and_is_listed():
    doc = (Path(__file__).parents[1] / "framing/measures/lexicons/LEXICONS.md").read_text()
    for name in available():
        lex = load_lexicon(name)
        assert len(lex) > 10, name
        assert all(lex.info[k] for k in ("description", "source", "citation", "licence")), name
        assert f"`{name}`" in doc, f"{name} missing from LEXICONS.md"


def test_vader_is_read_from_the_installed_package():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = load_lexicon("vader").to_frame().set_index("term").weight
    assert vader["tragedy"] == SentimentIntensityAnalyzer().lexicon["tragedy"]
    assert "fed up" in vader.index  # phrases kept, emoticons without words dropped


def test_word_list_fixture():
    lex = read_lexicon(FIXTURES / "words.txt")
    assert lex.name == "words" and [p for p, _, _ in lex.entries] == [
        "chaos",
        "abus*",
        "riot police",
    ]


def test_csv_fixture():
    lex = read_lexicon(FIXTURES / "mine.csv")
    assert lex.categories == ("conflict", "emotion")
    counts = lex.count(Docs(["Trump slams critics in a war of words. FURY!"]))
    assert counts.tolist() == [[5.0, 1.5]]


def test_liwc_dic_fixture():
    lex = read_lexicon(FIXTURES / "tiny.dic")
    assert lex.categories == ("care", "harm")
    assert ("protect", "harm", 1.0) in lex.entries  # an entry in two categories
    assert not any(p == "like" for p, _, _ in lex.entries)  # LIWC rule lines skipped
    counts = lex.count(Docs(["They kill and killed; we protect the safest.", "hurt"]))
    assert counts.tolist() == [[2.0, 3.0], [0.0, 1.0]]


def test_mpqa_tff_fixture():
    lex = read_lexicon(FIXTURES / "tiny.tff")
    assert lex.entries == (("abandon*", "negative", 1.0), ("calm", "positive", 0.5))
    assert lex.count(Docs(["Abandoned, calm, calmly"])).tolist() == [[1.0, 0.5]]


def test_bad_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_lexicon(tmp_path / "none.csv")
    (tmp_path / "x.json").write_text("{}")
    with pytest.raises(InputError, match="cannot tell the lexicon format"):
        read_lexicon(tmp_path / "x.json")
    (tmp_path / "bad.dic").write_text("happy 1\n")
    with pytest.raises(InputError, match="two '%' lines"):
        read_lexicon(tmp_path / "bad.dic")
    (tmp_path / "empty.txt").write_text("# only a comment\n")
    with pytest.raises(InputError, match="no lexicon entries"):
        read_lexicon(tmp_path / "empty.txt")
    with pytest.raises(InputError, match="no lexicon called 'nope'"):
        load_lexicon("nope")


def test_matching_is_case_insensitive_token_exact_wildcard_and_phrase_aware():
    lex = Lexicon.from_terms("t", ["war", "abus*", "riot police", "far-left"])
    texts = [
        "WAR, war; warfare and postwar",  # 2: token-exact
        "Abuse, abusive ABUSERS, disabuse",  # 3: stem at token start only
        "Riot police. riot  police, riot-police",  # 1: phrase needs its single space
        "Far-left far left",  # 1
    ]
    assert lex.count(Docs(texts))[:, 0].tolist() == [2.0, 3.0, 1.0, 1.0]


def naive(lex: Lexicon, text: str) -> np.ndarray:
    """Count entries per category token by token (the slow way, for checking)."""
    toks = tokens(text)
    joined = " " + " ".join(toks) + " "
    out = np.zeros(len(lex.categories))
    for p, c, w in lex.entries:
        i = lex.categories.index(c)
        if p.endswith("*"):
            out[i] += w * sum(t.startswith(p[:-1]) for t in toks)
        elif " " in p:
            out[i] += w * joined.count(" " + p + " ")
        else:
            out[i] += w * toks.count(p)
    return out


def test_sparse_scoring_equals_naive_count(express_body):
    lex = load_lexicon("emotive").merge(load_lexicon("conflict"), load_lexicon("opinion"))
    texts = [express_body, "Chaos and brutality: a tragic crackdown.", "", "calm day"]
    got = lex.count(Docs(texts))
    want = np.array([naive(lex, t) for t in texts])
    np.testing.assert_allclose(got, want)
    assert got[0].sum() > 20


def _lexicon_tool():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))
    import build_loaded_lexicon

    return build_loaded_lexicon


def test_the_loaded_lexicons_prior_reads_each_words_vector_once():
    tool = _lexicon_tool()
    asked: list[list[str]] = []

    def embed(terms: list[str]) -> np.ndarray:
        asked.append(terms)
        return (
            np.array([[len(t), 1.0] for t in terms]) / np.hypot([len(t) for t in terms], 1)[:, None]
        )

    prior = tool.Prior({"regime": 0.8}, embed=embed)
    first = prior.features(["regime", "odious", "regime"]).toarray()
    again = prior.features(["odious"]).toarray()
    assert asked == [["odious", "regime"]]  # each new term embedded once, then remembered
    vectors = first[:, -2:]
    assert np.allclose(np.linalg.norm(vectors, axis=1), tool.VECTOR_LENGTH)
    assert np.allclose(first[0], first[2]) and np.allclose(first[1], again[0])
    assert first[0, 0] == 0.8 and first[1, 0] == 0.0  # the distant weight still leads


def test_the_lexicon_tool_says_what_to_install_for_its_word_vectors():
    import importlib.util

    if importlib.util.find_spec("sentence_transformers"):
        pytest.skip("sentence-transformers is installed here; the message is for those without")
    with pytest.raises(SystemExit, match="requirements-lexicon.txt"):
        _lexicon_tool().word_vectors(["odious"])
