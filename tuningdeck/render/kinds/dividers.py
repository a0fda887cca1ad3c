"""The title slide and section dividers."""

from __future__ import annotations

from attrs import evolve

from tuningdeck.model import SectionSlide, TitleSlide
from tuningdeck.render.plan import PlanContext, SlidePlan, fit, inline, meta_boxes
from tuningdeck.text.measure import Block
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan_section", "plan_title"]


def _plan(
    layout: Layout,
    title: str,
    subtitle: str,
    size: float,
    color: str,
    sub_color: str,
    spec: TitleSlide | SectionSlide,
    ctx: PlanContext,
) -> list[SlidePlan]:
    st = ctx.styles
    floor = ctx.theme.sizes.title / size
    title_block = inline(title, evolve(st.title, size=size, color=color))
    boxes: dict[str, tuple[Block, ...]] = {
        P.TITLE: fit(
            [title_block], ctx.frame(layout, P.TITLE), floor=floor, what=f"{layout} title"
        ),
    }
    if subtitle:
        sub = inline(subtitle, st.lead(color=sub_color))
        boxes[P.SUBTITLE] = fit(
            [sub], ctx.frame(layout, P.SUBTITLE), floor=st.lead_floor, what=f"{layout} subtitle"
        )
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(layout, boxes, notes=spec.notes)]


def plan_title(spec: TitleSlide, ctx: PlanContext) -> list[SlidePlan]:
    """The deck's opening slide."""
    c = ctx.theme.colors
    return _plan(
        Layout.TITLE,
        spec.title,
        spec.subtitle,
        ctx.theme.sizes.title_slide,
        c.text,
        c.text_secondary,
        spec,
        ctx,
    )


def plan_section(spec: SectionSlide, ctx: PlanContext) -> list[SlidePlan]:
    """A section divider, white on the Foundation's dark blue."""
    c = ctx.theme.colors
    return _plan(
        Layout.SECTION,
        spec.title,
        spec.subtitle,
        ctx.theme.sizes.section,
        c.background,
        c.accent_light,
        spec,
        ctx,
    )
