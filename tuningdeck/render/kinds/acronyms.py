"""The acronyms appendix: alphabetical, in two columns when long, continued over more slides."""

from __future__ import annotations

from tuningdeck.model import AcronymsSlide
from tuningdeck.render.plan import (
    PlanContext,
    SlidePlan,
    blocks,
    grow_scale,
    inline,
    meta_boxes,
    page_title,
    paginate,
    scaled,
)
from tuningdeck.text.markup import escape
from tuningdeck.text.measure import Block, fit_scale
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan"]

LAYOUT = Layout.CONTENT
COLUMNS = Layout.TWO_COLUMNS


def plan(spec: AcronymsSlide, ctx: PlanContext) -> list[SlidePlan]:
    """An intro paragraph, then one ``TERM: definition`` line per acronym.

    A list that fits one slide is set in one column; a longer one flows down two columns, left
    then right, and continues on as many slides as it needs.
    """
    st = ctx.styles
    c = ctx.theme.colors
    intro = blocks(spec.intro, lambda level: st.body(color=c.text_secondary))
    entries = [inline(f"**{escape(a.term)}:** {a.definition}", st.body()) for a in spec.entries]
    items = [*intro, *entries]
    body = ctx.frame(LAYOUT, P.BODY)
    if fit_scale(items, body.w, body.h, min_scale=st.body_floor) is not None:
        # a short list is set larger, up to the theme's largest body size
        grown = [*intro, *scaled(entries, grow_scale(items, body, st.body_ceiling))]
        return [
            _slide(spec, ctx, LAYOUT, 0, {P.BODY: paginate(grown, body, floor=st.body_floor)[0]})
        ]
    columns = paginate(items, ctx.frame(COLUMNS, P.LEFT), floor=1.0)
    out = []
    for i in range(0, len(columns), 2):
        boxes: dict[str, tuple[Block, ...]] = {P.LEFT: columns[i]}
        if i + 1 < len(columns):
            boxes[P.RIGHT] = columns[i + 1]
        out.append(_slide(spec, ctx, COLUMNS, i // 2, boxes))
    return out


def _slide(
    spec: AcronymsSlide,
    ctx: PlanContext,
    layout: Layout,
    page: int,
    boxes: dict[str, tuple[Block, ...]],
) -> SlidePlan:
    content: dict[str, tuple[Block, ...]] = {
        P.TITLE: ctx.title(page_title(spec.title or ctx.words.acronyms_title, page, ctx), layout),
        **boxes,
    }
    content.update(meta_boxes(spec, ctx))
    return SlidePlan(layout, content, notes=spec.notes if page == 0 else "")
