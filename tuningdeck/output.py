"""Where a deck may be written, and writing it so that nothing the user had is ever lost.

:func:`check_output` refuses, before any work is done, an output path that would destroy something
that is not a deck: the input workbook, any other existing file that is not a PowerPoint package,
a folder, a symbolic link or a device. :func:`atomic_output` then writes through a temporary file
beside the target and renames it into place, so a reader sees the old file or the new one, never
half of one. The temporary file is removed when the block fails or the process is interrupted
(SIGINT, SIGTERM); one left by a killed process is named so that it is never taken for a deck and
is removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from tuningdeck.errors import OutputError

__all__ = ["atomic_output", "check_output", "is_deck"]

_TMP_SUFFIX = ".tmp"


def is_deck(path: Path) -> bool:
    """Whether ``path`` is a PowerPoint package (a zip holding ``ppt/presentation.xml``)."""
    try:
        with zipfile.ZipFile(path) as z:
            return any(n == "ppt/presentation.xml" for n in z.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def _cause(e: OSError) -> str:
    """The OS's reason for ``e`` in a few words, without the path Python repeats."""
    if e.errno == errno.ENAMETOOLONG:
        return "the name is too long for this file system"
    if e.errno == errno.ENOSPC:
        return "the disk is full"
    if e.errno == errno.EDQUOT:
        return "the disk quota is exhausted"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.EROFS:
        return "the file system is read-only"
    return e.strerror or type(e).__name__


def output_error(path: str | os.PathLike[str], e: OSError) -> OutputError:
    """One line naming ``path`` and why the OS would not write it."""
    return OutputError(f"{os.fspath(path)}: cannot write the deck: {_cause(e)}")


def check_output(
    path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse an output path that would destroy something; return it as a :class:`Path`.

    ``protect`` names files that must never be written over whatever they hold (the input
    workbook, the template). An existing output is replaced only when it is a deck itself (or
    empty). Raises :class:`OutputError` with a one-line message otherwise.
    """
    raw = os.fspath(path)
    if not raw.strip():
        raise OutputError("the output path is empty; give a file name ending in .pptx")
    if raw.endswith((os.sep, "/")) or (os.altsep and raw.endswith(os.altsep)):
        raise OutputError(f"{raw}: is a folder name; give a file name ending in .pptx")
    target = Path(raw)
    for kept in protect:
        with contextlib.suppress(OSError):
            if target.exists() and os.path.samefile(target, kept):
                raise OutputError(
                    f"{raw}: is an input of this build ({os.fspath(kept)}); "
                    "choose another output name"
                )
    try:
        st = target.lstat()
    except FileNotFoundError:
        return target
    except OSError as e:
        raise output_error(raw, e) from None
    if stat.S_ISLNK(st.st_mode):
        raise OutputError(f"{raw}: is a symbolic link; give the path of a file, not of a link")
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{raw}: is a folder; give a file name ending in .pptx")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{raw}: is not a regular file (a device, pipe or socket); not replaced")
    if st.st_size and not is_deck(target):
        raise OutputError(
            f"{raw}: exists and is not a PowerPoint deck; not replaced (choose another name "
            "or remove it first)"
        )
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's live process
    return True


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporary files of earlier writes to ``target`` whose process no longer runs."""
    prefix = f".{target.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _new_file_mode(existing: Path) -> int:
    """The mode a new file gets here: an existing file's own, or 0666 less the umask."""
    try:
        return stat.S_IMODE(existing.stat().st_mode)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit`` for the block, so ``finally`` clauses run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except (ValueError, OSError):  # not settable here (an embedded interpreter)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds, rename it over ``path``.

    If the block raises or the process is interrupted, the temporary file is removed and ``path``
    is left as it was. The file gets an existing target's mode, or the umask's. Operating-system
    errors become one-line :class:`OutputError` messages naming ``path``.
    """
    target = Path(path)
    mode = _new_file_mode(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(target)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=target.parent
        )
    except OSError as e:
        raise output_error(path, e) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with _terminate_as_exit():
            try:
                yield tmp
                os.chmod(tmp, mode)
                os.replace(tmp, target)
            except OSError as e:
                raise output_error(path, e) from None
    finally:
        tmp.unlink(missing_ok=True)
