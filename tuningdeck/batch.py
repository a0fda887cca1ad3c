"""Many decks from one workbook: every quarter, one deck per department, PDFs beside them.

The workbook is read once per quarter in this process (reading is quick); the decks are drawn in
parallel worker processes, one deck a task, and written atomically. With ``pdf``, one LibreOffice
run converts the whole batch. Nothing is written when any quarter's workbook has problems: every
deck is read and laid out before the first is drawn.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import attrs
from attrs import frozen

from tuningdeck.errors import InputError
from tuningdeck.model import Deck, Quarter, SectionSlide, Slide, TitleSlide

__all__ = ["Job", "build_batch", "plan_batch", "split_by_department"]

SPLITS = ("department",)
"""What ``split_by`` may name."""


@frozen
class Job:
    """One deck of a batch: its quarter, its department (or None) and where it goes."""

    deck: Deck
    out: Path
    department: str | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-").lower() or "deck"


def split_by_department(deck: Deck) -> dict[str, Deck]:
    """One deck per department named on ``deck``'s slides, in order of first appearance.

    A department's deck has its own slides and every slide that names no department (the title,
    dividers, acronyms, ...), less the dividers left with nothing of the department after them.
    Raises :class:`InputError` when no slide names a department.
    """
    names = list(dict.fromkeys(s.department for s in deck.slides if s.department))
    if not names:
        raise InputError(
            "no slide names a department, so there is nothing to split by; expected Department "
            "cells on the slides' rows (or leave out --split-by)"
        )
    out = {}
    for name in names:
        kept = [s for s in deck.slides if s.department in ("", name)]
        out[name] = attrs.evolve(deck, slides=_without_empty_dividers(kept))
    return out


def _without_empty_dividers(slides: Sequence[Slide]) -> list[Slide]:
    """``slides`` less the section dividers with no slide under them before the next."""
    kept: list[Slide] = []
    for i, s in enumerate(slides):
        if isinstance(s, SectionSlide):
            rest = slides[i + 1 :]
            end = next((j for j, t in enumerate(rest) if isinstance(t, SectionSlide)), len(rest))
            if not rest[:end]:  # nothing of this deck under the divider
                continue
        kept.append(s)
    if not any(not isinstance(s, TitleSlide | SectionSlide) for s in kept):
        return list(slides)
    return kept


def plan_batch(
    workbook: Path,
    quarters: Iterable[Quarter],
    read: Callable[[Quarter], Deck],
    *,
    out_dir: Path,
    split_by: str | None = None,
) -> list[Job]:
    """The decks of a batch: one per quarter, or per quarter and department."""
    if split_by is not None and split_by not in SPLITS:
        raise InputError(f'cannot split by "{split_by}"; expected one of {", ".join(SPLITS)}')
    jobs = []
    for q in quarters:
        deck = read(q)
        name = f"{workbook.stem}-{q}"
        if split_by is None:
            jobs.append(Job(deck, out_dir / f"{name}.pptx"))
            continue
        for department, part in split_by_department(deck).items():
            jobs.append(Job(part, out_dir / f"{name}-{_slug(department)}.pptx", department))
    return jobs


def _draw(
    job: Job,
    template: str | None,
    theme: str | None,
    protect: tuple[str, ...],
    jobs: int | None = 1,
) -> tuple[Path, int]:  # pragma: no cover - run in a worker process (tested through the CLI)
    from tuningdeck.render import save_deck

    canvas = save_deck(
        job.deck, job.out, template=template, theme=theme, protect=protect, jobs=jobs
    )
    return job.out, canvas.slide_count


def build_batch(
    jobs: Sequence[Job],
    *,
    template: str | os.PathLike[str] | None = None,
    theme: str | os.PathLike[str] | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
    pdf: bool = False,
    workers: int | None = None,
    done: Callable[[Path, int], None] | None = None,
) -> list[Path]:
    """Draw and write every job's deck in parallel; with ``pdf``, a PDF beside each.

    Every deck is laid out first (in this process), so a deck that cannot be laid out stops the
    batch before anything is written. ``done`` is called with each deck's path and slide count
    as it is written. ``theme`` names a settings file for the template (see
    :func:`tuningdeck.render.resolve_theme`). ``workers`` decks are drawn at once (default: one
    per CPU), each in a process of its own; when that is one, decks are drawn one after another,
    each by up to ``workers`` processes (see :func:`tuningdeck.render.render_deck`).
    """
    from tuningdeck.output import check_output
    from tuningdeck.render import check_deck

    guard = tuple(os.fspath(p) for p in protect)
    for job in jobs:
        check_output(job.out, protect=guard)
    for job in jobs:
        check_deck(job.deck, template=template, theme=theme)
    tmpl = None if template is None else os.fspath(template)
    settings = None if theme is None else os.fspath(theme)
    written: list[Path] = []
    n = min(len(jobs), workers or os.cpu_count() or 1)
    if n <= 1:  # one deck at a time, each drawn by as many processes as it may use
        for job in jobs:
            path, slides = _draw(job, tmpl, settings, guard, workers)
            written.append(path)
            if done:
                done(path, slides)
    else:
        with ProcessPoolExecutor(max_workers=n) as pool:
            futures = [pool.submit(_draw, job, tmpl, settings, guard) for job in jobs]
            for future in as_completed(futures):
                path, slides = future.result()
                written.append(path)
                if done:
                    done(path, slides)
    order = {job.out: i for i, job in enumerate(jobs)}
    written.sort(key=order.__getitem__)
    if pdf:
        from tuningdeck.preview import render_pdfs

        render_pdfs(written)
    return written
