"""The shipped corpora, installed as the data package ``framing.corpora``.

``sample/`` holds the sample corpus (``articles.jsonl.gz``, described in its
``DATASHEET.md``) and ``examples/`` single articles; ``pyproject.toml`` maps this
folder to ``framing.corpora`` in the wheel and in an editable install.
"""
