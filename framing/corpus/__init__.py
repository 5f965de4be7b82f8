"""Corpora: files and frames into the canonical DataFrame (:mod:`~framing.corpus.load`),
public datasets (:mod:`~framing.corpus.datasets`) and streaming in chunks
(:mod:`~framing.corpus.stream`)."""
