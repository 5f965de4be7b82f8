"""Comparing groups of articles.

* :mod:`~framing.stats.compare`: every group against the rest on every measure
  (:func:`~framing.stats.compare.compare_outlets`), one table shape for both methods;
* :mod:`~framing.stats.trends`: the same month by month
  (:func:`~framing.stats.trends.compare_trends`);
* :mod:`~framing.stats.moments`: sufficient statistics that merge exactly, for Dask and
  streamed corpora, and the comparison made from them;
* :mod:`~framing.stats.bootstrap`, :mod:`~framing.stats.significance`: the stratified
  bootstrap, the rank tests and Benjamini-Hochberg q-values underneath;
* :mod:`~framing.stats.classifier`: how well the measures tell the groups apart;
* :mod:`~framing.stats.terms`: the words and phrases that distinguish each group;
* :mod:`~framing.stats.schema`: the columns of the tables and the shared argument checks.
"""
