"""A note on stderr while slow font preparation runs, shown only once it has taken a second."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["DELAY", "notice"]

DELAY = 1.0
"""Seconds of work before the note is shown: quick preparation stays silent."""


@contextmanager
def notice(what: str, *, delay: float = DELAY) -> Iterator[None]:
    """Print ``preparing fonts: <what>…`` to stderr if the block is still running after ``delay``
    seconds, and how long it took when it ends."""
    shown = threading.Event()
    start = time.perf_counter()

    def show() -> None:
        shown.set()
        print(f"preparing fonts: {what}…", file=sys.stderr, flush=True)

    timer = threading.Timer(delay, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if shown.is_set():
            took = time.perf_counter() - start
            print(f"preparing fonts: {what}: done in {took:.1f} s", file=sys.stderr, flush=True)
