"""The quote slide: a testimonial, who said it, where from."""

from __future__ import annotations

from tuningdeck.model import QuoteSlide
from tuningdeck.render.plan import PlanContext, SlidePlan, blocks, fit, inline, meta_boxes
from tuningdeck.text.measure import Block
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan"]

LAYOUT = Layout.QUOTE


def plan(spec: QuoteSlide, ctx: PlanContext) -> list[SlidePlan]:
    """The quote in large italic type, shrunk to fit; the attribution below it."""
    st = ctx.styles
    c = ctx.theme.colors
    quote = blocks(spec.quote, lambda level: st.lead(color=c.text, italic=True))
    boxes: dict[str, tuple[Block, ...]] = {
        P.TITLE: ctx.title(spec.title, LAYOUT) if spec.title else (),
        P.QUOTE: fit(
            quote,
            ctx.frame(LAYOUT, P.QUOTE),
            floor=st.lead_floor,
            what=f"quote by {spec.name or 'unnamed'}",
        ),
    }
    if not spec.title:
        del boxes[P.TITLE]
    lines = []
    if spec.name:
        lines.append(inline(f"**{spec.name}**", st.body(color=c.text)))
    detail = ", ".join(x for x in (spec.affiliation, spec.place) if x)
    if detail:
        lines.append(inline(detail, st.body(color=c.text_secondary)))
    if lines:
        boxes[P.ATTRIBUTION] = fit(
            lines, ctx.frame(LAYOUT, P.ATTRIBUTION), floor=st.body_floor, what="quote attribution"
        )
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(LAYOUT, boxes, notes=spec.notes)]
