"""Measures, one package per phenomenon: promotional clutter (:mod:`~framing.measures.clutter`),
loaded language (:mod:`~framing.measures.loaded`), headline devices
(:mod:`~framing.measures.headline`) and the lexicons they read
(:mod:`~framing.measures.lexicons`). Each finds its hits once; the feature families
(:mod:`framing.features`) turn them into columns and :func:`framing.explain` shows them."""
