"""Turn a deck model into a PowerPoint file: plan every slide, then draw the plans."""

from __future__ import annotations

import os
from pathlib import Path

from tuningdeck.model import Deck
from tuningdeck.render.kinds import plan_slide
from tuningdeck.render.plan import PlanContext, SlidePlan
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme, layouts_dir

__all__ = ["default_template", "plan_deck", "render_deck", "write_deck"]


def default_template() -> Path:
    """The bundled Foundation master."""
    return layouts_dir() / "foundation.pptx"


def plan_deck(deck: Deck, canvas: Canvas) -> list[SlidePlan]:
    """Lay out every slide of ``deck`` against the canvas's template (the first pass)."""
    ctx = PlanContext(canvas.theme, canvas.frames, deck.quarter)
    return [plan for spec in deck.slides for plan in plan_slide(spec, ctx)]


def render_deck(
    deck: Deck,
    *,
    template: str | os.PathLike[str] | None = None,
    theme: Theme | None = None,
) -> Canvas:
    """Plan and draw ``deck``; return the canvas holding the finished presentation."""
    canvas = Canvas(template or default_template(), theme or Theme.load())
    ctx = PlanContext(canvas.theme, canvas.frames, deck.quarter)
    for spec in deck.slides:  # plan and draw slide by slide: memory stays flat
        for plan in plan_slide(spec, ctx):
            canvas.add(plan)
    props = canvas.prs.core_properties
    props.title = deck.title or getattr(next(iter(deck.slides), None), "title", "")
    props.author = "tuningdeck"
    return canvas


def write_deck(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    theme: Theme | None = None,
) -> Path:
    """Render ``deck`` and save it to ``path`` atomically: a failure leaves ``path`` untouched."""
    return render_deck(deck, template=template, theme=theme).save(path)
