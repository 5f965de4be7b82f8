"""Files in and out: raw reading (:mod:`~framing.io.files`), atomic writes
(:mod:`~framing.io.atomic`), the trust policy for model files (:mod:`~framing.io.trust`) and
parallel executors (:mod:`~framing.io.parallel`). The bottom layer: it imports nothing else
of framing but its errors."""
