"""Turn a deck model into a PowerPoint file: plan every slide, then draw the plans."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from tuningdeck.errors import LayoutError, Problem
from tuningdeck.model import Deck, Slide
from tuningdeck.output import atomic_output, check_output
from tuningdeck.render.kinds import plan_slide
from tuningdeck.render.mirror import deck_reads_right_to_left
from tuningdeck.render.parallel import draw_slides, workers_for
from tuningdeck.render.plan import PlanContext, SlidePlan
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme, layouts_dir

__all__ = [
    "check_deck",
    "default_template",
    "plan_deck",
    "render_deck",
    "resolve_theme",
    "save_deck",
    "write_deck",
]


def default_template() -> Path:
    """The bundled Foundation master."""
    return layouts_dir() / "foundation.pptx"


#: A theme, the settings file to read one from, or None for the template's own settings.
ThemeArg = Theme | str | os.PathLike[str] | None


def resolve_theme(template: str | os.PathLike[str] | None, theme: ThemeArg = None) -> Theme:
    """The theme to build with ``template`` (default: the bundled master): ``theme`` itself, or
    read from the settings file ``theme`` names or, without one, from the file beside the
    template (``brand.toml`` for ``brand.pptx``), the template's slide size and fonts filling in
    (see :mod:`tuningdeck.render.template_theme`)."""
    if isinstance(theme, Theme):
        return theme
    if template is None or Path(template) == default_template():
        return Theme.load(theme)
    from tuningdeck.render.template_theme import template_theme

    return template_theme(template, theme)


def plan_deck(deck: Deck, canvas: Canvas) -> list[SlidePlan]:
    """Lay out every slide of ``deck`` against the canvas's template (the first pass)."""
    ctx = PlanContext(canvas.theme, canvas.frames, deck.quarter, deck.words)
    return [plan for spec in deck.slides for plan in plan_slide(spec, ctx)]


def render_deck(
    deck: Deck,
    *,
    template: str | os.PathLike[str] | None = None,
    theme: ThemeArg = None,
    on_slide: Callable[[int, int], None] | None = None,
    out: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
) -> Canvas:
    """Plan and draw ``deck``; return the canvas holding the finished presentation.

    Each slide is written as soon as it is drawn: into ``out`` when given (the caller closes the
    canvas and renames the file into place), otherwise into a temporary file that
    :meth:`Canvas.save` copies. ``on_slide(done, total)`` is called after each of the deck's
    slides (for a progress bar). On a failure nothing is left behind but ``out``'s partial file.

    ``jobs`` is how many processes draw the slides (see :mod:`tuningdeck.render.parallel`):
    by default every CPU for a deck of 200 slides or more, one process for a shorter one; 1
    draws in this process only. The deck is the same whatever the number.
    """
    canvas = Canvas(template or default_template(), resolve_theme(template, theme), out=out)
    try:
        ctx = PlanContext(canvas.theme, canvas.frames, deck.quarter, deck.words)
        problems: list[Problem] = []
        if deck_reads_right_to_left(deck):
            canvas.mirror()
        workers = workers_for(len(deck.slides), jobs)
        with contextlib.closing(draw_slides(canvas, ctx, deck.slides, workers)) as drawn:
            for number, (spec, outcome) in enumerate(zip(deck.slides, drawn, strict=True), 1):
                # slide by slide, each written as soon as it is drawn: memory stays flat
                if isinstance(outcome, LayoutError):  # every slide is planned, to tell all
                    problems.append(_where(spec, number, outcome))
                    continue
                if not problems:
                    for slide in outcome:
                        canvas.commit(slide)
                if on_slide is not None:
                    on_slide(number, len(deck.slides))
        if problems:
            raise LayoutError.of(problems)
        props = canvas.prs.core_properties
        props.title = deck.title or getattr(next(iter(deck.slides), None), "title", "")
        props.author = "tuningdeck"
    except BaseException:
        canvas.discard()
        raise
    return canvas


def save_deck(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    theme: ThemeArg = None,
    on_slide: Callable[[int, int], None] | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
    jobs: int | None = None,
) -> Canvas:
    """Render ``deck`` straight into a temporary file beside ``path``, renamed into place when
    it is finished: a failure leaves ``path`` untouched. Returns the (closed) canvas.

    ``path`` is checked first (:func:`tuningdeck.output.check_output`: never the template, one
    of ``protect``, a folder or a file that is not a deck). ``jobs``: see :func:`render_deck`.
    """
    template = template or default_template()
    target = check_output(path, protect=[template, *protect])
    with atomic_output(target) as tmp:
        canvas = render_deck(
            deck, template=template, theme=theme, on_slide=on_slide, out=tmp, jobs=jobs
        )
        try:
            canvas.close()
        except BaseException:
            canvas.discard()
            raise
    return canvas


def check_deck(
    deck: Deck,
    *,
    template: str | os.PathLike[str] | None = None,
    theme: ThemeArg = None,
) -> int:
    """Lay every slide of ``deck`` out without drawing it; the number of slides it makes.

    Raises :class:`LayoutError` listing every slide that cannot be laid out.
    """
    canvas = Canvas(template or default_template(), resolve_theme(template, theme))
    ctx = PlanContext(canvas.theme, canvas.frames, deck.quarter, deck.words)
    problems: list[Problem] = []
    count = 0
    for number, spec in enumerate(deck.slides, start=1):
        try:
            count += len(plan_slide(spec, ctx))
        except LayoutError as e:
            problems.append(_where(spec, number, e))
    if problems:
        raise LayoutError.of(problems)
    return count


def _where(spec: Slide, number: int, error: LayoutError) -> Problem:
    """A layout problem at the cell its slide was written in, or at its place in the deck."""
    sheet, _, cell = spec.origin.partition("!")
    if not sheet:
        title = " ".join(str(getattr(spec, "title", "")).split())
        title = title if len(title) <= 40 else title[:39] + "…"
        sheet = f"slide {number} ({spec.kind}{f' {title!r}' if title else ''})"
    return Problem(sheet, cell or None, str(error))


def write_deck(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    theme: ThemeArg = None,
    jobs: int | None = None,
) -> Path:
    """Render ``deck`` and save it to ``path`` atomically: a failure leaves ``path`` untouched.
    ``jobs``: how many processes draw the slides (see :func:`render_deck`)."""
    save_deck(deck, path, template=template, theme=theme, jobs=jobs)
    return Path(path)
