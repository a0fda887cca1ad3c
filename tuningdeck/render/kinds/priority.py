"""The priority update: overview and progress narrative beside key deliverables and actions."""

from __future__ import annotations

from tuningdeck.model import PriorityUpdateSlide
from tuningdeck.render.plan import (
    Frame,
    PlanContext,
    SlidePlan,
    blocks,
    common_scale,
    grow_scale,
    inline,
    list_items,
    meta_boxes,
    page_title,
    paginate,
    scaled,
    word,
)
from tuningdeck.text.measure import Block
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan"]

LAYOUT = Layout.PRIORITY_UPDATE


def plan(spec: PriorityUpdateSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One slide, or more when the narrative or the deliverables are too long for one."""
    st = ctx.styles
    w = ctx.words
    narrative: list[Block] = []
    keep: list[bool] = []
    for heading, text in (
        (word(spec.overview_heading, w.overview_heading), spec.overview),
        (word(spec.progress_heading, w.progress_heading), spec.progress),
    ):
        if not text:
            continue
        narrative.append(inline(heading, st.heading(first=not narrative)))
        keep.append(True)
        body = blocks(text, st.body)
        narrative += body
        keep += [False] * len(body)

    side: list[Block] = []
    side_keep: list[bool] = []
    for heading, items in (
        (word(spec.deliverables_heading, w.deliverables_heading), spec.deliverables),
        (word(spec.actions_heading, w.actions_heading), spec.actions),
    ):
        if not items:
            continue
        side.append(inline(heading, st.heading(first=not side)))
        side += list_items(items, st.body(1))
        side_keep += [True] + [False] * len(items)

    def pages_of(items: list[Block], name: P, keep: list[bool]) -> list[tuple[Block, ...]]:
        if not items:
            return []
        frame = ctx.frame(LAYOUT, name)
        return paginate(items, frame, floor=st.body_floor, keep_with_next=keep)

    # both columns fit one slide: they share one size, the larger that fits them both
    columns = [(narrative, ctx.frame(LAYOUT, P.NARRATIVE)), (side, ctx.frame(LAYOUT, P.SIDEBAR))]
    scale = common_scale(columns, floor=st.body_floor)
    if scale is not None:
        if scale == 1.0:
            scale = min(grow_scale(b, f, st.body_ceiling) for b, f in columns if b)
        narrative_pages = [scaled(narrative, scale)] if narrative else []
        side_pages = [scaled(side, scale)] if side else []
    else:
        # the narrative and the sidebar each continue on further slides when they are long
        narrative_pages = pages_of(narrative, P.NARRATIVE, keep)
        side_pages = pages_of(side, P.SIDEBAR, side_keep)
    out = []
    for i in range(max(len(narrative_pages), len(side_pages), 1)):
        boxes: dict[str, tuple[Block, ...]] = {
            P.TITLE: ctx.title(page_title(spec.title, i, ctx), LAYOUT)
        }
        layout = LAYOUT
        frames: dict[str, Frame] = {}
        if i < len(narrative_pages):
            boxes[P.NARRATIVE] = narrative_pages[i]
        if i < len(side_pages):
            boxes[P.SIDEBAR] = side_pages[i]
        elif i:
            # no sidebar left: no empty panel either; the narrative keeps its column
            layout = Layout.CONTENT
            frames = {P.BODY: ctx.frame(LAYOUT, P.NARRATIVE)}
            boxes[P.BODY] = boxes.pop(P.NARRATIVE, ())
        boxes.update(meta_boxes(spec, ctx))
        out.append(SlidePlan(layout, boxes, notes=spec.notes if i == 0 else "", frames=frames))
    return out
