"""Slides of side-by-side columns: the drill-down (three) and the OKR change (two)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from attrs import evolve

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
    TextShape,
    blocks,
    common_scale,
    grow_scale,
    inline,
    meta_boxes,
    page_title,
    scaled,
    word,
)
from tuningdeck.render.table import Cell, Group
from tuningdeck.text.measure import Block, TextStyle, blocks_height
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
    if scale == 1.0:
        scale = min(grow_scale(b, f, st.body_ceiling) for b, f in content)
    boxes: dict[str, tuple[Block, ...]] = {P.TITLE: ctx.title(title, layout)}
    for name, (body, _frame) in zip(names, content, strict=True):
        boxes[name] = scaled(body, scale)
    boxes.update(meta_boxes(spec, ctx))
    used = max(blocks_height(boxes[n], f.w) for n, (_b, f) in zip(names, content, strict=True))
    rules = column_rules(ctx, layout, names, used)
    return [SlidePlan(layout, boxes, notes=spec.notes, shapes=rules)]


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


CARD_INSET = 12.0  # points between a card's edge and its text
ARROW_W = 40.0  # points: the column the arrow between the cards takes
BAR_W = 4.0  # points: the accent bar down the proposed card's left edge
RULE_W = 0.75  # points: the rule between drill-down columns


def plan_okr_change(spec: OkrChangeSlide, ctx: PlanContext) -> list[SlidePlan]:
    """Original and proposed key results as two cards, the original muted and the proposed
    accented, an arrow between them; both at one size, grown when they have room."""
    st = ctx.styles
    t = ctx.theme
    c = t.colors
    layout = Layout.TWO_COLUMNS
    left, right = ctx.frame(layout, P.LEFT), ctx.frame(layout, P.RIGHT)
    card_w = (right.x + right.w - left.x - ARROW_W) / 2
    inner = Frame(0.0, 0.0, card_w - 2 * CARD_INSET - BAR_W, left.h - 2 * CARD_INSET)
    muted = st.heading(color=c.text_secondary)
    original = (
        inline(word(spec.original_heading, ctx.words.original_heading), muted),
        *blocks(spec.original, lambda level: st.body(level, color=c.text_secondary)),
    )
    proposed_heading = word(spec.proposed_heading, ctx.words.proposed_heading)
    proposed = (inline(proposed_heading, st.heading()), *blocks(spec.proposed, st.body))
    scale = common_scale([(original, inner), (proposed, inner)], floor=st.body_floor)
    if scale is None:
        raise LayoutError(
            f"{spec.title}: a column is too long for the slide even at {t.sizes.body_min:g} pt;"
            " shorten it"
        )
    if scale == 1.0:
        scale = min(grow_scale(b, inner, st.body_ceiling) for b in (original, proposed))
    cards = [scaled(original, scale), scaled(proposed, scale)]
    height = max(blocks_height(b, inner.w) for b in cards) + 2 * CARD_INSET + 2
    shapes: list[TextShape] = []
    for k, (body, fill) in enumerate(zip(cards, (c.band_light, c.accent_light), strict=True)):
        x = left.x + k * (card_w + ARROW_W)
        shapes.append(
            TextShape(
                Frame(x, left.y, card_w, height),
                body,
                fill=fill,
                name=("Original" if k == 0 else "Proposed") + " card",
                inset=CARD_INSET,
            )
        )
    bar = evolve(st.small(), size=1.0)
    shapes.append(
        TextShape(
            Frame(left.x + card_w + ARROW_W, left.y, BAR_W, height),
            (Block.of("", bar),),
            fill=c.accent,
            name="Proposed bar",
        )
    )
    arrow_style = TextStyle(t.fonts.body, 28.0, bold=True, color=c.accent, align="ctr")
    shapes.append(
        TextShape(
            Frame(left.x + card_w, left.y, ARROW_W, height),
            (Block.of("→", arrow_style),),
            anchor="ctr",
            name="Arrow",
        )
    )
    # the proposed card's text clears its accent bar
    shapes[1] = evolve(
        shapes[1], frame=evolve(shapes[1].frame, x=shapes[1].frame.x + BAR_W, w=card_w - BAR_W)
    )
    # read in the order seen: the original, the arrow, the proposed card (its bar first)
    original_card, proposed_card, bar_shape, arrow = shapes
    shapes = [original_card, arrow, bar_shape, proposed_card]
    boxes: dict[str, tuple[Block, ...]] = {P.TITLE: ctx.title(spec.title, layout)}
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(layout, boxes, notes=spec.notes, shapes=tuple(shapes))]


def column_rules(
    ctx: PlanContext, layout: Layout, names: Sequence[P], height: float
) -> tuple[TextShape, ...]:
    """Thin vertical rules in the gutters between columns, as tall as the columns' text."""
    frames = [ctx.frame(layout, n) for n in names]
    style = evolve(ctx.styles.small(), size=1.0)
    out = []
    for a, b in itertools.pairwise(frames):
        x = (a.x + a.w + b.x) / 2 - RULE_W / 2
        out.append(
            TextShape(
                Frame(x, a.y, RULE_W, height),
                (Block.of("", style),),
                fill=ctx.theme.colors.rule,
                name="Column rule",
            )
        )
    return tuple(out)


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
                    shapes=column_rules(ctx, WITH_TABLE, names, used),
                )
            )
        else:
            boxes = {P.TITLE: title, **meta_boxes(spec, ctx)}
            placed = laid.placed(i, describe(spec.title, header, groups, i))
            plans.append(SlidePlan(LAYOUT, boxes, tables={P.TABLE: placed}))
    return plans
