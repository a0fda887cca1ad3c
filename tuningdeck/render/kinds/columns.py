"""Slides of side-by-side columns: the drill-down (three) and the OKR change (two)."""

from __future__ import annotations

from collections.abc import Sequence

from tuningdeck.errors import LayoutError
from tuningdeck.model import DrillDownSlide, OkrChangeSlide, Slide
from tuningdeck.render.plan import (
    PlanContext,
    SlidePlan,
    blocks,
    common_scale,
    inline,
    meta_boxes,
    scaled,
)
from tuningdeck.text.measure import Block

__all__ = ["plan_drill_down", "plan_okr_change"]


def _plan(
    spec: Slide,
    title: str,
    layout: str,
    names: Sequence[str],
    columns: Sequence[tuple[str, str]],
    ctx: PlanContext,
) -> list[SlidePlan]:
    """Each column is a heading and its text; all columns share one type size."""
    st = ctx.styles
    content: list[tuple[tuple[Block, ...], object]] = []
    for name, (heading, text) in zip(names, columns, strict=True):
        body = (inline(heading, st.heading()), *blocks(text, st.body))
        content.append((body, ctx.frame(layout, name)))
    scale = common_scale(content, floor=st.body_floor)  # type: ignore[arg-type]
    if scale is None:
        raise LayoutError(
            f"{title}: a column is too long for the slide even at {ctx.theme.sizes.body_min:g} pt;"
            " shorten it"
        )
    boxes = {"Title": (inline(title, st.title),)}
    for name, (body, _frame) in zip(names, content, strict=True):
        boxes[name] = scaled(body, scale)
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(layout, boxes, notes=spec.notes)]


def plan_drill_down(spec: DrillDownSlide, ctx: PlanContext) -> list[SlidePlan]:
    """The situation, the impact and the recommendation, in three columns."""
    return _plan(
        spec,
        spec.title,
        "Three Columns",
        ("Left", "Middle", "Right"),
        (
            (spec.situation_heading, spec.situation),
            (spec.impact_heading, spec.impact),
            (spec.recommendation_heading, spec.recommendation),
        ),
        ctx,
    )


def plan_okr_change(spec: OkrChangeSlide, ctx: PlanContext) -> list[SlidePlan]:
    """Original and proposed key results, side by side."""
    return _plan(
        spec,
        spec.title,
        "Two Columns",
        ("Left", "Right"),
        ((spec.original_heading, spec.original), (spec.proposed_heading, spec.proposed)),
        ctx,
    )
