"""One planner per slide kind: a slide spec in, the slides it needs (as plans) out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tuningdeck.model import (
    AcronymsSlide,
    ChartSlide,
    DrillDownSlide,
    HighlightsSlide,
    ImageSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    Slide,
    TitleSlide,
)
from tuningdeck.render.kinds import (
    acronyms,
    chart,
    columns,
    dividers,
    highlights,
    images,
    key_results,
    metrics,
    objective,
    priority,
    quote,
)
from tuningdeck.render.plan import PlanContext, SlidePlan

__all__ = ["PLANNERS", "plan_slide"]

Planner = Callable[[Any, PlanContext], list[SlidePlan]]
"""A planner takes a spec of the slide class it is listed under in :data:`PLANNERS`."""

#: Which planner lays out which slide kind.
PLANNERS: dict[type[Slide], Planner] = {
    TitleSlide: dividers.plan_title,
    SectionSlide: dividers.plan_section,
    PriorityUpdateSlide: priority.plan,
    ObjectiveSlide: objective.plan,
    DrillDownSlide: columns.plan_drill_down,
    OkrChangeSlide: columns.plan_okr_change,
    QuoteSlide: quote.plan,
    AcronymsSlide: acronyms.plan,
    MetricsTableSlide: metrics.plan,
    KeyResultsSlide: key_results.plan,
    ChartSlide: chart.plan,
    ImageSlide: images.plan,
    HighlightsSlide: highlights.plan,
}


def plan_slide(spec: Slide, ctx: PlanContext) -> list[SlidePlan]:
    """Lay out one slide spec; a long one may become several slides."""
    for cls in type(spec).__mro__:
        if cls in PLANNERS:
            return PLANNERS[cls](spec, ctx)
    raise TypeError(f"no renderer for slide kind {type(spec).__name__}")
