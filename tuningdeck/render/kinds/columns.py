"""Slides of side-by-side columns: the drill-down (three) and the OKR change (two)."""

from __future__ import annotations

from collections.abc import Sequence

from tuningdeck.errors import LayoutError
from tuningdeck.model import DataTable, DrillDownSlide, OkrChangeSlide, Slide
from tuningdeck.render.kinds.grid import header_cells
from tuningdeck.render.kinds.tabular import (
    LAYOUT,
    cell_blocks,
    describe,
    lay_out,
    table_style,
)
from tuningdeck.render.plan import (
    Frame,
    PlanContext,
    SlidePlan,
    blocks,
    common_scale,
    inline,
    meta_boxes,
    page_title,
    scaled,
    word,
)
from tuningdeck.render.table import Cell, Group
from tuningdeck.text.measure import Block, blocks_height
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["plan_drill_down", "plan_okr_change"]


def _plan(
    spec: Slide,
    title: str,
    layout: Layout,
    names: Sequence[P],
    columns: Sequence[tuple[str, str]],
    ctx: PlanContext,
) -> list[SlidePlan]:
    """Each column is a heading and its text; all columns share one type size."""
    st = ctx.styles
    content: list[tuple[tuple[Block, ...], Frame]] = []
    for name, (heading, text) in zip(names, columns, strict=True):
        body = (inline(heading, st.heading()), *blocks(text, st.body))
        content.append((body, ctx.frame(layout, name)))
    scale = common_scale(content, floor=st.body_floor)
    if scale is None:
        raise LayoutError(
            f"{title}: a column is too long for the slide even at {ctx.theme.sizes.body_min:g} pt;"
            " shorten it"
        )
    boxes: dict[str, tuple[Block, ...]] = {P.TITLE: ctx.title(title, layout)}
    for name, (body, _frame) in zip(names, content, strict=True):
        boxes[name] = scaled(body, scale)
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(layout, boxes, notes=spec.notes)]


def plan_drill_down(spec: DrillDownSlide, ctx: PlanContext) -> list[SlidePlan]:
    """The situation, the impact and the recommendation, in three columns; a data table below."""
    if spec.table is not None:
        return _with_table(spec, spec.table, ctx)
    return _plan(
        spec,
        spec.title,
        Layout.THREE_COLUMNS,
        (P.LEFT, P.MIDDLE, P.RIGHT),
        _drill_down_columns(spec, ctx),
        ctx,
    )


def _drill_down_columns(spec: DrillDownSlide, ctx: PlanContext) -> tuple[tuple[str, str], ...]:
    """The drill-down's three columns as (heading, text), its own headings or the deck's."""
    w = ctx.words
    return (
        (word(spec.situation_heading, w.situation_heading), spec.situation),
        (word(spec.impact_heading, w.impact_heading), spec.impact),
        (word(spec.recommendation_heading, w.recommendation_heading), spec.recommendation),
    )


def plan_okr_change(spec: OkrChangeSlide, ctx: PlanContext) -> list[SlidePlan]:
    """Original and proposed key results, side by side."""
    return _plan(
        spec,
        spec.title,
        Layout.TWO_COLUMNS,
        (P.LEFT, P.RIGHT),
        (
            (word(spec.original_heading, ctx.words.original_heading), spec.original),
            (word(spec.proposed_heading, ctx.words.proposed_heading), spec.proposed),
        ),
        ctx,
    )


WITH_TABLE = Layout.THREE_COLUMNS_AND_TABLE
GAP = 12.0  # points between the columns' text and the table


def _with_table(spec: DrillDownSlide, table: DataTable, ctx: PlanContext) -> list[SlidePlan]:
    """Columns take the height their text needs; the table starts below and continues if long."""
    st = ctx.styles
    t = ctx.theme
    names = (P.LEFT, P.MIDDLE, P.RIGHT)
    texts = _drill_down_columns(spec, ctx)
    content = [
        ((inline(h, st.heading()), *blocks(x, st.body)), ctx.frame(WITH_TABLE, n))
        for n, (h, x) in zip(names, texts, strict=True)
    ]
    scale = common_scale(content, floor=st.body_floor)
    if scale is None:
        raise LayoutError(f"{spec.title}: a column is too long to leave room for the table")
    columns: dict[str, tuple[Block, ...]] = {
        n: scaled(b, scale) for n, (b, _f) in zip(names, content, strict=True)
    }
    used = max(blocks_height(b, f.w) for (_b, f), b in zip(content, columns.values(), strict=True))
    slot = ctx.frame(WITH_TABLE, P.TABLE)
    top = content[0][1].y + used + GAP
    first = Frame(slot.x, top, slot.w, slot.y + slot.h - top)

    n = len(table.columns)
    shares = [t.tables.data_label] + [(1 - t.tables.data_label) / (n - 1)] * (n - 1)
    header = header_cells(ctx, list(table.columns), first_quarter_column=n)
    body = table_style(ctx)
    groups = []
    for g in table.groups:
        rows: list[tuple[Cell | None, ...]] = []
        if g.heading:
            head = table_style(ctx, bold=True)
            band = t.colors.band_light
            rest = [Cell((), fill=band) for _ in range(n - 1)]
            rows.append((Cell(cell_blocks(g.heading, head), fill=band), *rest))
        for r in g.rows:
            rows.append(tuple(Cell(cell_blocks(v, body)) for v in r))
        groups.append(Group(rows))
    laid = lay_out(ctx, header, groups, shares, ctx.frame(LAYOUT, P.TABLE), first_frame=first)

    plans = []
    for i in range(len(laid.pages)):
        title = ctx.title(page_title(spec.title, i, ctx), WITH_TABLE if i == 0 else LAYOUT)
        if i == 0:
            boxes: dict[str, tuple[Block, ...]] = {P.TITLE: title, **columns}
            boxes.update(meta_boxes(spec, ctx))
            plans.append(
                SlidePlan(
                    WITH_TABLE,
                    boxes,
                    notes=spec.notes,
                    frames={P.TABLE: first},
                    tables={P.TABLE: laid.placed(0, describe(spec.title, header, groups))},
                )
            )
        else:
            boxes = {P.TITLE: title, **meta_boxes(spec, ctx)}
            placed = laid.placed(i, describe(spec.title, header, groups, i))
            plans.append(SlidePlan(LAYOUT, boxes, tables={P.TABLE: placed}))
    return plans
