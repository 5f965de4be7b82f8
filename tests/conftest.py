"""Shared fixtures: the example article, the sample corpus, and the shared data when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def express() -> str:
    """The shared Express article: headline on the first line, body after."""
    from framing.corpus.load import load_example

    return load_example("express-putin-protests")


@pytest.fixture(scope="session")
def express_body(express: str) -> str:
    return express.partition("\n")[2].strip()


@pytest.fixture(scope="session")
def sample():
    import framing

    return framing.load_sample()


def shared(path: str) -> Path:
    """A file under ../shared/data, or skip the test saying why."""
    p = SHARED_DATA / path
    if not p.exists():
        pytest.skip(f"{p} not present (the shared data folder is only on developer machines)")
    return p


def coded_set(name: str, table: str):
    """The hand codes ``tests/dev/<name>/<table>`` beside each article's headline and body,
    read by id from ../shared/data (not shipped), or skip the test saying why."""
    import sys

    shared("allsides/articles.jsonl.gz")
    sys.path.insert(0, str(REPO / "tools"))
    from devset import coded_articles

    return coded_articles(REPO / "tests" / "dev" / name, table, SHARED_DATA)


class HashedEncoder:
    """A stand-in for the sentence encoder: each text's hashed words as a unit vector of
    384 dimensions (texts sharing words point alike); counts its calls."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts, batch_size=64, normalize_embeddings=True):
        from sklearn.feature_extraction.text import HashingVectorizer

        self.encoded += list(texts)
        vectors = HashingVectorizer(n_features=384, alternate_sign=False).transform(texts)
        return vectors.toarray()


@pytest.fixture
def hashed_encoder(monkeypatch):
    """The embeddings block with :class:`HashedEncoder` in place of all-MiniLM-L6-v2, and the
    optional extra taken as installed: the block's own work is tested without PyTorch."""
    from framing.models import embeddings

    encoder = HashedEncoder()
    monkeypatch.setattr(embeddings, "_encoder", lambda: encoder)
    monkeypatch.setattr(embeddings, "check_extra", lambda: None)
    monkeypatch.setattr(embeddings, "_vectors", {})
    return encoder
