"""Lexicons: word lists with provenance, matched against a corpus as one sparse product.

A :class:`Lexicon` is a tuple of entries ``(pattern, category, weight)``. A pattern is a
word (``chaos``), a wildcard stem (``abus*`` matches every vocabulary term starting with
``abus``) or a phrase (``on condition of anonymity``, ``far-left``, ``useful idiot*``).
Matching is case-insensitive and token-exact.

Scoring never loops over entries per token: :meth:`Lexicon.matrix` compiles the word and
wildcard entries once per vocabulary into a sparse ``terms x categories`` matrix, so the
counts of a whole batch are ``docs.counts @ M``; phrases are found in one Aho-Corasick pass
per text (:meth:`Lexicon.phrase_counts`).

Shipped lexicons are data files in ``framing/measures/lexicons/data`` with a header (name,
description, source, citation, licence); ``LEXICONS.md`` lists them. Users bring their own
from a word list, a CSV (``term,category,weight``), a LIWC-format ``.dic`` (LIWC, the Moral
Foundations Dictionary 2.0) or an MPQA ``.tff`` file with :func:`read_lexicon`.

Modules: :mod:`~framing.measures.lexicons.lexicon` (the class and its compiled forms),
:mod:`~framing.measures.lexicons.readers` (users' files) and
:mod:`~framing.measures.lexicons.shipped` (the shipped lexicons, by name).

Examples
--------
>>> from framing.measures.lexicons import Lexicon, available, load_lexicon
>>> from framing.text import Docs
>>> "emotive" in available()
True
>>> lex = Lexicon.from_terms("demo", ["chaos", "abus*", "riot police"])
>>> docs = Docs(["Chaos! Abusive riot police, abuse.", "calm"])
>>> lex.count(docs).tolist()
[[4.0], [0.0]]
"""

from framing.measures.lexicons.lexicon import Lexicon, is_word
from framing.measures.lexicons.readers import read_lexicon
from framing.measures.lexicons.shipped import available, load_lexicon
from framing.text import lower_folded

__all__ = ["Lexicon", "available", "is_word", "load_lexicon", "read_lexicon", "lower_folded"]
