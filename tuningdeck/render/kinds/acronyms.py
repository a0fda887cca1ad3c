"""The acronyms appendix: alphabetical, continued over as many slides as it needs."""

from __future__ import annotations

from tuningdeck.model import AcronymsSlide
from tuningdeck.render.plan import (
    PlanContext,
    SlidePlan,
    blocks,
    inline,
    meta_boxes,
    page_title,
    paginate,
)
from tuningdeck.text.markup import escape

__all__ = ["plan"]

LAYOUT = "Content"


def plan(spec: AcronymsSlide, ctx: PlanContext) -> list[SlidePlan]:
    """An intro paragraph, then one ``TERM: definition`` line per acronym; pages when long."""
    st = ctx.styles
    c = ctx.theme.colors
    intro = blocks(spec.intro, lambda level: st.body(color=c.text_secondary))
    entries = [inline(f"**{escape(a.term)}:** {a.definition}", st.body()) for a in spec.entries]
    pages = paginate([*intro, *entries], ctx.frame(LAYOUT, "Body"), floor=st.body_floor)
    out = []
    for i, page in enumerate(pages):
        boxes = {"Title": (inline(page_title(spec.title, i), st.title),), "Body": page}
        boxes.update(meta_boxes(spec, ctx))
        out.append(SlidePlan(LAYOUT, boxes, notes=spec.notes if i == 0 else ""))
    return out
