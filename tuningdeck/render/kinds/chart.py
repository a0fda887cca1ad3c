"""The chart slide: title, the period as subtitle, the chart, and the headline callout beside it.

With ``engine="native"`` the chart placeholder receives an editable PowerPoint chart (drawn by
:mod:`tuningdeck.render.chart_write`); with ``engine="matplotlib"`` the same spec is drawn as a
picture in the placeholder's place, and the placeholder is dropped.
"""

from __future__ import annotations

import functools
import re

from attrs import evolve

from tuningdeck.charts.look import alt_text
from tuningdeck.charts.mpl import render_png
from tuningdeck.model import ChartSlide, ChartSpec
from tuningdeck.render.plan import (
    PT_PER_INCH,
    Frame,
    PictureShape,
    PlanContext,
    SlidePlan,
    fit,
    inline,
    meta_boxes,
)
from tuningdeck.text.measure import Block, TextStyle, wrap
from tuningdeck.vocab import Engine, Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["callout_blocks", "describe", "plan"]

LAYOUT = Layout.CHART
DPI = 200
HEADLINE_SIZE = 32.0
CLEARANCE = 12.0  # points kept between the title's accent bar and a chart without a subtitle
LEAD_LINE = re.compile(
    r"\s*((?:Q[1-4]|FY\s*\d{2,4}\s*[-/–]\s*\d{2,4})(?:\s+FY\s*\S+)?)\s+(.+)", re.I
)


@functools.lru_cache(maxsize=8)
def _lead_line(quarters: tuple[str, ...]) -> re.Pattern[str]:
    """A callout led by one of the deck's quarter names (``T1 +7,3 % interanual``)."""
    names = "|".join(re.escape(q) for q in sorted(quarters, key=len, reverse=True))
    return re.compile(rf"\s*((?:{names})(?:\s+FY\s*\S+)?)\s+(.+)", re.I)


def callout_blocks(
    callout: str, detail: str, ctx: PlanContext, *, width: float | None = None
) -> list[Block]:
    """The headline as three lines: the period (``Q1``), the number in large accent type
    (``+7.3% YoY``) and the detail in body text (``(Goal: +5% YoY)``).

    The period is the callout's first line when it has several, or a leading ``Q1`` (``Q1
    FY20-21``) or quarter name of the deck's words (``T1``); without one, the whole callout is
    set large. Given the box's ``width``, a long
    headline is set smaller, so that it takes two lines at most (down to the theme's callout size).
    """
    t = ctx.theme
    c = t.colors
    st = ctx.styles
    lines = [line.strip() for line in callout.splitlines() if line.strip()]
    head, rest = "", " ".join(lines)
    if len(lines) > 1:
        head, rest = lines[0], " ".join(lines[1:])
    elif m := LEAD_LINE.fullmatch(rest) or _lead_line(ctx.words.quarter_names).fullmatch(rest):
        head, rest = m.group(1), m.group(2)
    out = []
    if head:
        out.append(inline(head, st.heading(color=c.text_secondary)))
    if rest:
        big = TextStyle(
            t.fonts.heading,
            HEADLINE_SIZE,
            bold=True,
            color=c.accent,
            space_after=t.spacing.paragraph_after,
        )
        block = inline(rest, big)
        size = HEADLINE_SIZE
        while width and size > t.sizes.callout and len(wrap(block.paragraph.runs, big, width)) > 2:
            size = max(size - 4, t.sizes.callout)
            big = evolve(big, size=size)
            block = inline(rest, big)
        out.append(block)
    if detail:
        out.append(inline(detail, st.body(color=c.text_secondary)))
    return out


def describe(spec: ChartSpec) -> str:
    """Alternative text for a chart, generated from its data (see :func:`look.alt_text`)."""
    return alt_text(spec)


def plan(spec: ChartSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One slide: title, subtitle, the chart (native or a picture) and the fitted callout."""
    st = ctx.styles
    c = ctx.theme.colors
    title_style = st.title
    boxes: dict[str, tuple[Block, ...]] = {
        P.TITLE: fit(
            [inline(spec.title, title_style)],
            ctx.frame(LAYOUT, P.TITLE),
            floor=ctx.theme.sizes.heading / title_style.size,
            what=f"chart title {spec.title[:40]!r}",
        )
    }
    if spec.subtitle:
        boxes[P.SUBTITLE] = fit(
            [inline(spec.subtitle, evolve(st.body(color=c.text_secondary), space_after=0))],
            ctx.frame(LAYOUT, P.SUBTITLE),
            floor=st.body_floor,
            what=f"{spec.title}: subtitle",
        )
    callout_frame = ctx.frame(LAYOUT, P.CALLOUT)
    callout = callout_blocks(spec.callout, spec.callout_detail, ctx, width=callout_frame.w)
    if callout:
        boxes[P.CALLOUT] = fit(
            callout, callout_frame, floor=st.body_floor, what=f"{spec.title}: callout"
        )
    boxes.update(meta_boxes(spec, ctx))
    frame = ctx.frame(LAYOUT, P.CHART)
    frames: dict[str, Frame] = {}
    if not spec.subtitle:  # the chart moves up into the subtitle's place
        top = ctx.frame(LAYOUT, P.SUBTITLE).y + CLEARANCE
        frame = evolve(frame, y=top, h=frame.y + frame.h - top)
        frames[P.CHART] = frame
    chart = spec.chart
    if chart.goal is not None and not chart.goal_label:  # the deck's word for the goal line
        chart = evolve(chart, goal_label=ctx.words.goal_label)
    if spec.engine is Engine.NATIVE:
        charts: dict[str, ChartSpec] = {P.CHART: chart}
        return [SlidePlan(LAYOUT, boxes, notes=spec.notes, frames=frames, charts=charts)]
    png = render_png(
        chart,
        ctx.theme,
        width_in=frame.w / PT_PER_INCH,
        height_in=frame.h / PT_PER_INCH,
        dpi=DPI,
    )
    picture = PictureShape(png, frame, name="Chart", description=describe(chart))
    return [SlidePlan(LAYOUT, boxes, notes=spec.notes, shapes=(picture,))]
