"""The priority update: overview and progress narrative beside key deliverables and actions."""

from __future__ import annotations

from tuningdeck.model import PriorityUpdateSlide
from tuningdeck.render.plan import (
    PlanContext,
    SlidePlan,
    blocks,
    bullet,
    fit,
    inline,
    meta_boxes,
    page_title,
    paginate,
)
from tuningdeck.text.measure import Block

__all__ = ["plan"]

LAYOUT = "Priority Update"


def plan(spec: PriorityUpdateSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One slide, or more when the narrative is too long for one even at the smallest size."""
    st = ctx.styles
    narrative: list[Block] = []
    keep: list[bool] = []
    for heading, text in (
        (spec.overview_heading, spec.overview),
        (spec.progress_heading, spec.progress),
    ):
        if not text:
            continue
        narrative.append(inline(heading, st.heading(first=not narrative)))
        keep.append(True)
        body = blocks(text, st.body)
        narrative += body
        keep += [False] * len(body)

    side: list[Block] = []
    if spec.deliverables:
        side.append(inline(spec.deliverables_heading, st.heading()))
        side += [bullet(d, st.body(1)) for d in spec.deliverables]
    if spec.actions:
        side.append(inline(spec.actions_heading, st.heading(first=not side)))
        side += [bullet(a, st.body(1)) for a in spec.actions]

    frame = ctx.frame(LAYOUT, "Narrative")
    pages = (
        paginate(narrative, frame, floor=st.body_floor, keep_with_next=keep) if narrative else [()]
    )
    out = []
    for i, page in enumerate(pages):
        boxes = {"Title": (inline(page_title(spec.title, i), st.title),)}
        if page:
            boxes["Narrative"] = page
        if i == 0 and side:
            boxes["Sidebar"] = fit(
                side,
                ctx.frame(LAYOUT, "Sidebar"),
                floor=st.body_floor,
                what=f"{spec.title}: key deliverables and actions",
            )
        boxes.update(meta_boxes(spec, ctx))
        out.append(SlidePlan(LAYOUT, boxes, notes=spec.notes if i == 0 else ""))
    return out
