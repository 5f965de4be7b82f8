"""Small I/O helpers: atomic writes so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from framing.errors import CorpusError

_UMASK = os.umask(0)
os.umask(_UMASK)


def _publish(tmp: str, path: Path) -> None:
    """Give the temporary file ordinary permissions (mkstemp makes it 0600) and move it."""
    os.chmod(tmp, 0o666 & ~_UMASK)
    os.replace(tmp, path)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", **kwargs) -> Iterator[IO]:
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
    path.parent.mkdir(parents=True, exist_ok=True)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _publish(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Like :func:`atomic_write` for writers that want a path (``df.to_parquet(tmp)``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        _publish(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def regular_file(path: Path) -> Path:
    """``path`` if it is a regular file (a link to one counts); else :class:`CorpusError`.

    Named pipes, devices and sockets would block or never end when read.

    Examples
    --------
    >>> regular_file(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: /dev/null: not a regular file (a device, pipe or socket); point at a file or a folder of files
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file or folder") from None
    if not stat.S_ISREG(mode):
        raise CorpusError(
            f"{path}: not a regular file (a device, pipe or socket); point at a file or a "
            "folder of files"
        )
    return path


def folder_files(
    folder: Path, keep: Callable[[Path], bool], *, recursive: bool = True
) -> list[Path]:
    """The regular files below ``folder`` that ``keep`` accepts, sorted; nothing outside it.

    Symbolic links are followed only while they stay inside ``folder`` (a link to
    ``/etc/passwd`` is not an article); special files (pipes, devices, sockets) are never
    opened. What was skipped is said in one warning with the counts.

    Parameters
    ----------
    folder : Path
        The folder to list.
    keep : callable
        Takes a file's path, says whether it is wanted (by name, suffix ...).
    recursive : bool, default True
        Look into subfolders (not into linked ones).

    Examples
    --------
    >>> import tempfile, warnings
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBody.")
    >>> (folder / "b.txt").symlink_to("/etc/hostname")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     [p.name for p in folder_files(folder, lambda p: p.suffix == ".txt")]
    ['a.txt']
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    /...: skipped 1 link leading outside the folder (not read)
    """
    root = folder.resolve()
    found: list[Path] = []
    outside = special = 0
    for here, dirs, names in os.walk(folder):
        if not recursive:
            dirs.clear()
        dirs.sort()
        for name in names:
            path = Path(here) / name
            if not keep(path):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                outside += 1
            elif not path.is_file():
                special += 1
            else:
                found.append(path)
    skipped = []
    if outside:
        skipped.append(f"{outside} link{'s' * (outside > 1)} leading outside the folder")
    if special:
        skipped.append(f"{special} special file{'s' * (special > 1)} (pipes, devices, sockets)")
    if skipped:
        warnings.warn(f"{folder}: skipped {' and '.join(skipped)} (not read)", stacklevel=2)
    return sorted(found)
