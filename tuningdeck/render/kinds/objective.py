"""The objective slide: the objective statement, the quarter's narrative, the target quarter."""

from __future__ import annotations

from attrs import evolve

from tuningdeck.model import ObjectiveSlide
from tuningdeck.render.plan import (
    Frame,
    PlanContext,
    SlidePlan,
    blocks,
    fit,
    inline,
    meta_boxes,
    page_title,
    paginate,
    word,
)
from tuningdeck.text.measure import Block, blocks_height
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan"]

LAYOUT = Layout.OBJECTIVE
GAP = 10.0  # points between the objective statement and the narrative
TARGET_SIZE = 12.0  # points: the target quarter is read as body text, not small print


def plan(spec: ObjectiveSlide, ctx: PlanContext) -> list[SlidePlan]:
    """The objective box takes the height it needs; the narrative gets the rest, paging if long."""
    st = ctx.styles
    obj_frame = ctx.frame(LAYOUT, P.OBJECTIVE)
    body_frame = ctx.frame(LAYOUT, P.BODY)
    head = inline(word(spec.objective_heading, ctx.words.objective_heading), st.heading())
    statement = blocks(spec.objective, lambda level: st.lead(color=ctx.theme.colors.text))
    # The statement and the narrative share the space from the objective's top to the body's
    # bottom; the statement may grow into it, up to half of it.
    region_bottom = body_frame.y + body_frame.h
    room = (region_bottom - obj_frame.y) / 2
    objective = fit(
        [head, *statement],
        Frame(obj_frame.x, obj_frame.y, obj_frame.w, room),
        floor=st.lead_floor,
        what=f"{spec.title}: objective",
    )
    used = min(room, max(obj_frame.h, blocks_height(objective, obj_frame.w) + 2))
    obj = Frame(obj_frame.x, obj_frame.y, obj_frame.w, used)
    body = Frame(body_frame.x, obj.y + used + GAP, body_frame.w, region_bottom - obj.y - used - GAP)

    narrative = blocks(spec.narrative, st.body)
    pages = paginate(narrative, body, floor=st.body_floor, ceiling=st.body_ceiling)
    pages = pages if narrative else [()]
    out = []
    for i, page in enumerate(pages):
        boxes: dict[str, tuple[Block, ...]] = {
            P.TITLE: ctx.title(page_title(spec.title, i, ctx), LAYOUT)
        }
        frames: dict[str, Frame] = {P.BODY: body}
        if i == 0:
            boxes[P.OBJECTIVE] = objective
            frames[P.OBJECTIVE] = obj
        else:
            frames[P.BODY] = Frame(body.x, obj_frame.y, body.w, region_bottom - obj_frame.y)
        if page:
            boxes[P.BODY] = page
        if spec.target and i == len(pages) - 1:
            boxes[P.TARGET] = (
                inline(
                    f"{word(spec.target_label, ctx.words.target_label)} **{spec.target}**",
                    evolve(st.small(color=ctx.theme.colors.text), size=TARGET_SIZE),
                ),
            )
        boxes.update(meta_boxes(spec, ctx))
        out.append(SlidePlan(LAYOUT, boxes, notes=spec.notes if i == 0 else "", frames=frames))
    return out
