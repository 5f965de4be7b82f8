"""Small I/O helpers: atomic writes so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

_UMASK = os.umask(0)
os.umask(_UMASK)


TMP_SUFFIX = ".framing-tmp"
"""Temporary outputs are ``.NAME.PID.RANDOM.framing-tmp`` beside ``NAME``: a run that was
killed leaves one, and the next run writing ``NAME`` removes it (its process is gone)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def temporary_beside(path: Path) -> Path:
    """A new empty temporary file beside ``path`` (mode 0600 until published), after
    removing those a killed earlier run left for the same ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> stale = out.with_name(f".a.csv.999999999.x{TMP_SUFFIX}")
    >>> _ = stale.write_text("half")
    >>> tmp = temporary_beside(out)
    >>> stale.exists(), tmp.name.startswith(f".a.csv.{os.getpid()}."), tmp.name.endswith(TMP_SUFFIX)
    (False, True, True)
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f".{glob.escape(path.name)}.*{TMP_SUFFIX}"):
        pid = old.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            _remove(old)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=path.parent
    )
    os.close(fd)
    return Path(tmp)


def publish(tmp: str | os.PathLike, path: str | os.PathLike) -> None:
    """Give the temporary file ordinary permissions (the umask's, as any new file) and move
    it into place."""
    os.chmod(tmp, 0o666 & ~_UMASK)
    os.replace(tmp, path)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", **kwargs: Any) -> Iterator[IO]:
    """Open a temporary file beside ``path``; move it into place only if the block succeeds.

    Missing parent folders are created. If the block raises, ``path`` is untouched (an
    earlier file of that name survives) and the temporary file is removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sub" / "a.txt"
    >>> with atomic_write(out) as f:
    ...     _ = f.write("done")
    >>> out.read_text()
    'done'
    """
    path = Path(path)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    tmp = temporary_beside(path)
    try:
        with open(tmp, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        publish(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Like :func:`atomic_write` for writers that want a path (``df.to_parquet(tmp)``)."""
    path = Path(path)
    tmp = temporary_beside(path)
    try:
        yield tmp
        publish(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary folder beside ``path`` that replaces ``path`` whole if the block succeeds.

    If the block raises, ``path`` (an earlier folder of that name included) is left as it was
    and the temporary folder is removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "r_files"
    >>> out.mkdir(); _ = (out / "old.png").write_bytes(b"old")
    >>> with atomic_folder(out) as folder:
    ...     _ = (folder / "new.png").write_bytes(b"new")
    >>> sorted(p.name for p in out.iterdir())
    ['new.png']
    """
    import shutil

    path = Path(path)
    tmp = temporary_beside(path)
    tmp.unlink()
    tmp.mkdir()
    old = None
    try:
        yield tmp
        if path.exists():  # moved aside, so that the new folder goes in with one rename
            old = temporary_beside(path)
            old.unlink()
            os.rename(path, old)
        os.rename(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        _remove(old)


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
