"""Reports: assembly (:mod:`~framing.report.build`), figures (:mod:`~framing.report.plots`)
and evidence rendering (:mod:`~framing.report.evidence`: :func:`framing.explain`)."""
