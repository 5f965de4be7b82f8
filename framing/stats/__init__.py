"""Comparing outlets: bootstrap comparisons, trends and mergeable moments
(:mod:`~framing.stats.compare`, :mod:`~framing.stats.moments`) and distinguishing terms
(:mod:`~framing.stats.terms`)."""
