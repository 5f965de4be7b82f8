"""Package list for setuptools; everything else is in pyproject.toml.

``framing.corpora`` is built from the top-level ``corpora/`` folder (the mapping is
``[tool.setuptools.package-dir]`` in pyproject.toml). A package mapped from another
folder cannot be picked up by ``[tool.setuptools.packages.find]``, and listing every
``framing`` package by hand would drop the next new one from the wheel, so the list
is found here: each package under ``framing/`` plus ``framing.corpora`` and its
data folders (namespace packages, like ``framing.measures.headline.data``).
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["framing", "framing.*"]),
        *(f"framing.{name}" for name in find_namespace_packages(include=["corpora", "corpora.*"])),
    ]
)
