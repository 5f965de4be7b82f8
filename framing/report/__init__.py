"""Reports: :func:`~framing.report.build.build_report` computes what a report shows
(:mod:`~framing.report.analysis`), lays it out as sections of tables and figures
(:mod:`~framing.report.sections`, drawn by :mod:`~framing.report.plots`) and writes HTML or
Markdown (:mod:`~framing.report.render`); :mod:`~framing.report.evidence` renders the
evidence of one article (:func:`framing.explain`)."""
