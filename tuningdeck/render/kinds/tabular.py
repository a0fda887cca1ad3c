"""Slides that are mostly one table: lay the table out, then one slide per page of it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict

from attrs import evolve

from tuningdeck.model import Slide
from tuningdeck.render.plan import (
    Frame,
    PlanContext,
    SlidePlan,
    TextShape,
    blocks,
    inline,
    meta_boxes,
    page_title,
)
from tuningdeck.render.table import Cell, Group, TableLayout, align_numbers, lay_out_table
from tuningdeck.text.measure import Block, TextStyle, blocks_height, text_width
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["LEGEND_SIZE", "cell_blocks", "describe", "lay_out", "table_slides", "table_style"]

LAYOUT = Layout.TABLE
LEGEND_SIZE = 12.0  # points: a status legend is read, not small print
LEGEND_GAP = 6.0  # points between a table and its legend line
BULLET_INDENT = 9.0  # points a bulleted line in a cell is indented by, per level


class _StyleOptions(TypedDict, total=False):
    """What :func:`table_style` may change of a :class:`TextStyle`."""

    bold: bool
    italic: bool
    line: float
    space_before: float
    space_after: float
    indent: float
    color: str | None
    align: str
    step: float | None


def table_style(ctx: PlanContext, **kw: Unpack[_StyleOptions]) -> TextStyle:
    """Table body text: Lato at the theme's table size."""
    t = ctx.theme
    settings: _StyleOptions = {"color": t.colors.text, "space_after": 2.0, **kw}
    return TextStyle(t.fonts.body, t.sizes.table, **settings)


@functools.lru_cache(maxsize=1024)
def cell_blocks(text: str, style: TextStyle) -> tuple[Block, ...]:
    """A cell's markup as paragraphs in ``style``; bullets hang :data:`BULLET_INDENT` per level
    (kept for the cells decks repeat: goals, statuses, headers)."""

    def at(level: int) -> TextStyle:
        if not level:
            return style
        return evolve(style, indent=style.indent + level * BULLET_INDENT, step=BULLET_INDENT)

    return blocks(text, at)


def lay_out(
    ctx: PlanContext,
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    frame: Frame,
    first_frame: Frame | None = None,
) -> TableLayout:
    """Lay a table out in ``frame`` with the theme's padding and smallest size."""
    t = ctx.theme
    most = t.tables.cell_padding_y_max
    header, groups = align_numbers(header, groups)
    return lay_out_table(
        header,
        groups,
        shares,
        frame,
        floor=t.sizes.table_min / t.sizes.table,
        pad_x=t.tables.cell_padding_x * 72,
        pad_y=t.tables.cell_padding_y * 72,
        first_frame=first_frame,
        ceiling=(t.sizes.table_max or t.sizes.table) / t.sizes.table,
        fill=t.tables.fill,
        pad_y_max=most * 72 if most is not None else None,
    )


def describe(title: str, header: Sequence[Cell], groups: Sequence[Group], page: int = 0) -> str:
    """A table's description for screen readers: what it is, its columns and its size."""
    columns = [" ".join(b.paragraph.text for b in c.blocks).strip() for c in header]
    named = ", ".join(c for c in columns if c) or f"{len(columns)} columns"
    rows = sum(len(g.rows) for g in groups)
    part = f" (part {page + 1})" if page else ""
    return f"Table{part}: {title}. Columns: {named}. {rows} rows."


def table_slides(
    spec: Slide,
    ctx: PlanContext,
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    *,
    callout: str = "",
    legend: Block | None = None,
) -> list[SlidePlan]:
    """The slides of a table: title (with "(cont.)"), the table's pages, an optional callout,
    and an optional legend line right under the table on every page."""
    t = ctx.theme
    region = ctx.frame(LAYOUT, P.TABLE)
    below = 0.0
    beside_title = legend is not None and not callout
    if legend is not None and callout:  # the headline is beside the title: the legend under
        below = blocks_height([legend], region.w) + LEGEND_GAP
        region = evolve(region, h=region.h - below)
    layout = lay_out(ctx, header, groups, shares, region)
    title_frame = ctx.frame(LAYOUT, P.TITLE)
    boxes_common = meta_boxes(spec, ctx)
    frames: dict[str, Frame] = {}
    callout_boxes: dict[str, tuple[Block, ...]] = {}
    if beside_title and legend is not None:
        callout_boxes[P.CALLOUT] = (legend,)
        box = ctx.frame(LAYOUT, P.CALLOUT)
        # the title keeps what the legend leaves of the callout's box
        room = min(box.w, text_width(legend.paragraph.text, legend.style))
        frames[P.TITLE] = evolve(title_frame, w=title_frame.w - room - t.geometry.gutter * 72)
    if callout:
        box = ctx.frame(LAYOUT, P.CALLOUT)
        style = TextStyle(
            t.fonts.heading, t.sizes.callout, bold=True, color=t.colors.accent, align="r"
        )
        callout_boxes[P.CALLOUT] = (inline(callout, style),)
        if blocks_height(callout_boxes[P.CALLOUT], box.w) > box.h:
            callout_boxes[P.CALLOUT] = (inline(callout, evolve(style, size=t.sizes.heading)),)
        frames[P.TITLE] = evolve(title_frame, w=title_frame.w - box.w - t.geometry.gutter * 72)
    out = []
    title = getattr(spec, "title", "")
    for i, page in enumerate(layout.pages):
        title_width = (frames if i == 0 or beside_title else {}).get(P.TITLE, title_frame).w
        boxes = {
            P.TITLE: ctx.title(page_title(title, i, ctx), LAYOUT, width=title_width),
            **boxes_common,
        }
        if i == 0 or beside_title:
            boxes.update(callout_boxes)
        shapes: tuple[TextShape, ...] = ()
        if legend is not None and not beside_title:
            at = Frame(region.x, region.y + page.height + LEGEND_GAP, sum(layout.widths), below)
            shapes = (TextShape(at, (legend,), name="Legend note"),)
        out.append(
            SlidePlan(
                LAYOUT,
                boxes,
                notes=spec.notes if i == 0 else "",
                frames=frames if i == 0 or beside_title else {},
                tables={P.TABLE: layout.placed(i, describe(title, header, groups, i))},
                shapes=shapes,
            )
        )
    return out
