"""One planner per slide kind: a slide spec in, the slides it needs (as plans) out.

Which planner lays out which kind is declared in :mod:`tuningdeck.catalogue`; :data:`PLANNERS`
is read from there, importing each planner's module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import evolve

from tuningdeck.catalogue import CATALOGUE
from tuningdeck.model import Slide
from tuningdeck.render.master.layouts import WORDMARK_SPACING
from tuningdeck.render.plan import PlanContext, SlidePlan, inline
from tuningdeck.text.measure import TextStyle, text_width
from tuningdeck.text.scripts import font_slot, script_of
from tuningdeck.vocab import Placeholder as P

__all__ = ["PLANNERS", "plan_slide", "with_wordmark"]

WORDMARK_MIN = 6.0
"""The smallest size (pt) a long organisation name is set at in the footer; longer ones wrap."""

Planner = Callable[[Any, PlanContext], list[SlidePlan]]
"""A planner takes a spec of the slide class it is listed under in :data:`PLANNERS`."""

#: Which planner lays out which slide kind.
PLANNERS: dict[type[Slide], Planner] = {kind.model: kind.planner.load() for kind in CATALOGUE}


def plan_slide(spec: Slide, ctx: PlanContext) -> list[SlidePlan]:
    """Lay out one slide spec; a long one may become several slides.

    Every slide whose layout has a wordmark placeholder carries the deck's organisation name.
    """
    for cls in type(spec).__mro__:
        if cls in PLANNERS:
            return [with_wordmark(plan, ctx) for plan in PLANNERS[cls](spec, ctx)]
    raise TypeError(f"no renderer for slide kind {type(spec).__name__}")


def with_wordmark(plan: SlidePlan, ctx: PlanContext) -> SlidePlan:
    """``plan`` with the organisation's name in its layout's wordmark placeholder, if it has one.

    The name is set in the wordmark's face and size, smaller when it would not fit the
    placeholder's width on one line; its colour, capitals and letter spacing come from the
    layout (white on a dark divider), letter spacing but for Arabic, Indic and other complex
    scripts, whose letters join."""
    name = ctx.words.organisation
    frame = ctx.frames.get(plan.layout, {}).get(P.WORDMARK)
    if not name or frame is None:
        return plan
    t = ctx.theme
    style = TextStyle(t.fonts.heading, t.sizes.wordmark, bold=True)
    # a long name is set smaller to stay on one line, as the wordmark is (down to a floor)
    block = inline(name, style)
    text = block.paragraph.text.upper()
    spacing = sum(font_slot(script_of(ch)) != "cs" for ch in text) * WORDMARK_SPACING / 100
    width = text_width(text, style)
    if width + spacing > frame.w:
        size = style.size * (frame.w - spacing) / width
        block = inline(name, evolve(style, size=max(size, WORDMARK_MIN)))
    return evolve(plan, boxes={**plan.boxes, P.WORDMARK: (block,)})
