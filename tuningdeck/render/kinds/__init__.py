"""One planner per slide kind: a slide spec in, the slides it needs (as plans) out."""

from __future__ import annotations

from collections.abc import Callable

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

Planner = Callable[[Slide, PlanContext], list[SlidePlan]]

#: Which planner lays out which slide kind.
PLANNERS: dict[type[Slide], Planner] = {
    TitleSlide: dividers.plan_title,  # type: ignore[dict-item]
    SectionSlide: dividers.plan_section,  # type: ignore[dict-item]
    PriorityUpdateSlide: priority.plan,  # type: ignore[dict-item]
    ObjectiveSlide: objective.plan,  # type: ignore[dict-item]
    DrillDownSlide: columns.plan_drill_down,  # type: ignore[dict-item]
    OkrChangeSlide: columns.plan_okr_change,  # type: ignore[dict-item]
    QuoteSlide: quote.plan,  # type: ignore[dict-item]
    AcronymsSlide: acronyms.plan,  # type: ignore[dict-item]
    MetricsTableSlide: metrics.plan,  # type: ignore[dict-item]
    KeyResultsSlide: key_results.plan,  # type: ignore[dict-item]
    ChartSlide: chart.plan,  # type: ignore[dict-item]
    ImageSlide: images.plan,  # type: ignore[dict-item]
    HighlightsSlide: highlights.plan,  # type: ignore[dict-item]
}


def plan_slide(spec: Slide, ctx: PlanContext) -> list[SlidePlan]:
    """Lay out one slide spec; a long one may become several slides."""
    for cls in type(spec).__mro__:
        if cls in PLANNERS:
            return PLANNERS[cls](spec, ctx)
    raise TypeError(f"no renderer for slide kind {type(spec).__name__}")
