"""One planner per slide kind: a slide spec in, the slides it needs (as plans) out.

Which planner lays out which kind is declared in :mod:`tuningdeck.catalogue`; :data:`PLANNERS`
is read from there, importing each planner's module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tuningdeck.catalogue import CATALOGUE
from tuningdeck.model import Slide
from tuningdeck.render.plan import PlanContext, SlidePlan

__all__ = ["PLANNERS", "plan_slide"]

Planner = Callable[[Any, PlanContext], list[SlidePlan]]
"""A planner takes a spec of the slide class it is listed under in :data:`PLANNERS`."""

#: Which planner lays out which slide kind.
PLANNERS: dict[type[Slide], Planner] = {kind.model: kind.planner.load() for kind in CATALOGUE}


def plan_slide(spec: Slide, ctx: PlanContext) -> list[SlidePlan]:
    """Lay out one slide spec; a long one may become several slides."""
    for cls in type(spec).__mro__:
        if cls in PLANNERS:
            return PLANNERS[cls](spec, ctx)
    raise TypeError(f"no renderer for slide kind {type(spec).__name__}")
