"""Plan and draw a long deck's slides in several processes; write them in order in this one.

Planning and drawing a slide reads the theme, the template and the slide's own content, and
nothing another slide changes, so slides can be drawn anywhere. Worker processes are forked
from this one once its first slide is drawn (fonts loaded, measurements cached, template read),
each handed slide numbers only; they send back each slide drawn
(:class:`~tuningdeck.render.write.DrawnSlide`: its XML and what it refers to), and this process
writes the slides into the package in their order, as they come. The deck's bytes are the same
whatever the number of processes.

Processes are forked, so this runs where ``fork`` is safe: on Linux and other POSIX systems but
macOS, and only from a process that runs no other thread (a notebook kernel runs several: it
draws in its own process). Elsewhere, and for short decks, every slide is drawn here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Generator, Sequence
from concurrent.futures import ProcessPoolExecutor

from tuningdeck.errors import LayoutError
from tuningdeck.model import Slide
from tuningdeck.render.kinds import plan_slide
from tuningdeck.render.plan import PlanContext
from tuningdeck.render.write import Canvas, DrawnSlide

__all__ = ["PARALLEL_FROM", "Outcome", "available_workers", "draw_slides", "workers_for"]

#: A slide of the deck drawn (one or more slides of the package), or why it cannot be laid out.
Outcome = list[DrawnSlide] | LayoutError

#: Decks with fewer slides are drawn in one process: starting workers costs more than it saves.
PARALLEL_FROM = 200
_MOST_WORKERS = 8
_CHUNK = 16  # slides handed to a worker at a time

# What the workers draw from, set before they are forked (a fork shares it without pickling).
_job: tuple[Canvas, PlanContext, Sequence[Slide]] | None = None


def available_workers() -> int:
    """How many processes can draw at once here: the CPUs this process may run on (at most
    eight), or 1 where processes cannot be forked safely (see the module)."""
    if sys.platform in ("win32", "darwin", "emscripten", "wasi"):
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1 or multiprocessing.parent_process() is not None:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, _MOST_WORKERS))


def workers_for(slides: int, jobs: int | None) -> int:
    """The number of processes to draw ``slides`` slides with: ``jobs`` when given (limited to
    what :func:`available_workers` allows), else all that are available for a deck of at least
    :data:`PARALLEL_FROM` slides, one for a shorter one."""
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    most = available_workers()
    if jobs is None:
        return most if slides >= PARALLEL_FROM else 1
    return min(jobs, most)


def draw_slide(canvas: Canvas, ctx: PlanContext, spec: Slide) -> Outcome:
    """Plan and draw one slide of the deck (the package's slides it makes)."""
    try:
        plans = plan_slide(spec, ctx)
    except LayoutError as e:
        return e
    return [canvas.draw(plan) for plan in plans]


def draw_slides(
    canvas: Canvas, ctx: PlanContext, slides: Sequence[Slide], workers: int = 1
) -> Generator[Outcome, None, None]:
    """Each of ``slides`` planned and drawn, in order: in this process, or with ``workers``
    processes drawing all but the first.

    An error other than a layout problem is raised as drawing the slide here raises it."""
    if workers <= 1 or len(slides) < 2:
        for spec in slides:
            yield draw_slide(canvas, ctx, spec)
        return
    yield draw_slide(canvas, ctx, slides[0])  # loads and caches what the workers share
    global _job
    _job = (canvas, ctx, slides)
    # what the workers inherit is left out of their garbage collection: collecting it would
    # touch, and so copy, every page they share with this process
    gc.freeze()
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_leave_interrupts
    )
    try:
        chunk = max(1, min(_CHUNK, len(slides) // (4 * workers)))
        drawn = pool.map(_draw, range(1, len(slides)), chunksize=chunk)
        for index, outcome in enumerate(drawn, start=1):
            # a failure the worker could not send back is met again here, and raised as it is
            yield outcome if outcome is not None else draw_slide(canvas, ctx, slides[index])
    finally:
        _job = None
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _leave_interrupts() -> None:  # pragma: no cover - runs in a worker process
    """Let this process's parent alone answer Ctrl-C (which the terminal sends to every
    process of the build): it stops handing out slides and waits for those being drawn."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _draw(index: int) -> Outcome | None:  # pragma: no cover - runs in a worker process
    """Slide ``index`` of the job drawn; None if drawing it raised an error other than a
    layout problem (not every error survives being sent between processes)."""
    assert _job is not None
    canvas, ctx, slides = _job
    try:
        return draw_slide(canvas, ctx, slides[index])
    except Exception:
        return None
