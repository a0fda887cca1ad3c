"""The highlights slide: three to six big numbers, each on a tile with its short label.

Tiles sit on a grid that adapts to the count: three or four across in one row; five as three
over two (the second row centred); six as three by two. Every value is set at one size, the
largest at which the widest of them fits its tile on one line; the labels, and the words some
numbers have before them ("Deployed on" · "17" · "Wikipedias"), share one size too. Every value
sits at the same height in its tile.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve

from tuningdeck.errors import LayoutError
from tuningdeck.model import Highlight, HighlightsSlide
from tuningdeck.render.plan import (
    Frame,
    PlanContext,
    SlidePlan,
    TextShape,
    inline,
    meta_boxes,
    scaled,
)
from tuningdeck.text.measure import (
    SUPERSCRIPT_SCALE,
    Block,
    TextStyle,
    blocks_height,
    line_height,
    text_width,
)
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["ROWS", "plan", "tile_frames"]

LAYOUT = Layout.HIGHLIGHTS

#: How many tiles go in each row, by the number of highlights.
ROWS = {3: (3,), 4: (4,), 5: (3, 2), 6: (3, 3)}
VALUE_MAX = 60.0  # points: the values' size when they all fit at it
VALUE_MIN = 24.0  # points: values are never set smaller
VALUE_GAP = 6.0  # points between a value and its label
BEFORE_GAP = 2.0  # points between the words before a value and the value
STEP = 0.025  # how much the words' scale shrinks at a time
TILE_INSET = 14.0  # points of padding inside a tile
TILE_RATIO = 0.75  # a tile is at most this tall for its width
ACCENT_BAR = 5.0  # points: the accent stripe along each tile's top
SAFETY = 0.96  # values are sized to this share of the tile's width (renderers differ a little)


def tile_frames(count: int, region: Frame, gap: float) -> list[Frame]:
    """The frames of ``count`` tiles in ``region``: rows per :data:`ROWS`, centred."""
    rows = ROWS[count]
    cols = max(rows)
    w = (region.w - (cols - 1) * gap) / cols
    h = min((region.h - (len(rows) - 1) * gap) / len(rows), w * TILE_RATIO)
    top = region.y + (region.h - len(rows) * h - (len(rows) - 1) * gap) / 2
    frames = []
    for r, n in enumerate(rows):
        left = region.x + (region.w - n * w - (n - 1) * gap) / 2
        y = top + r * (h + gap)
        frames += [Frame(left + k * (w + gap), y, w, h) for k in range(n)]
    return frames


def plan(spec: HighlightsSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One tile per highlight: the value huge in the accent's dark blue, the label below it and
    any words that come before the number above it.

    A tile is three shapes: its light fill, the accent stripe along its top, and the text. Every
    tile's value sits at the same height in its tile: the room of the tallest line above a value
    and of the tallest label below one is kept in every tile, and the whole is centred.
    """
    c = ctx.theme.colors
    count = len(spec.items)
    frames = tile_frames(count, ctx.frame(LAYOUT, P.GRID), ctx.theme.geometry.gutter * 72)
    tile = frames[0]
    inner_w, inner_h = tile.w - 2 * TILE_INSET, tile.h - 2 * TILE_INSET - ACCENT_BAR
    value_style, befores, labels = _fitted(spec.items, inner_w, inner_h, ctx)
    above = max(blocks_height(b, inner_w) for b in befores)
    below = max(blocks_height(b, inner_w) for b in labels)
    content = above + line_height(value_style) + VALUE_GAP + below
    shapes: list[TextShape] = []
    for i, f in enumerate(frames):
        top = f.y + ACCENT_BAR + TILE_INSET + (inner_h - content) / 2
        # a tile without words before its number starts lower, so its value lines up
        top += above - blocks_height(befores[i], inner_w)
        height = content - (above - blocks_height(befores[i], inner_w))
        shapes += [
            TextShape(f, (), fill=c.accent_light, name=f"Tile {i + 1}"),
            TextShape(Frame(f.x, f.y, f.w, ACCENT_BAR), (), fill=c.accent, name=f"Accent {i + 1}"),
            TextShape(
                Frame(f.x + TILE_INSET, top, inner_w, height),
                (*befores[i], inline(spec.items[i].value, value_style), *labels[i]),
                name=f"Highlight {i + 1}",
            ),
        ]
    boxes = {P.TITLE: ctx.title(spec.title, LAYOUT), **meta_boxes(spec, ctx)}
    return [SlidePlan(LAYOUT, boxes, notes=spec.notes, shapes=tuple(shapes))]


def _value_style(ctx: PlanContext, size: float) -> TextStyle:
    t = ctx.theme
    return TextStyle(
        t.fonts.heading,
        size,
        bold=True,
        color=t.colors.accent_dark,
        align="ctr",
        space_after=VALUE_GAP,
    )


def _width(block: Block) -> float:
    """The width of a one-line block, superscript runs set small."""
    total = 0.0
    for run in block.paragraph.runs:
        size = block.style.size * (SUPERSCRIPT_SCALE if run.superscript else 1.0)
        style = evolve(block.style, size=size, bold=block.style.bold or run.bold)
        total += text_width(run.text, style)
    return total


Texts = list[tuple[Block, ...]]


def _fitted(
    items: Sequence[Highlight], inner_w: float, inner_h: float, ctx: PlanContext
) -> tuple[TextStyle, Texts, Texts]:
    """The values' shared style, and the words before the values and the labels at one shared
    size: values as large as the widest allows, the words as large as the room left allows
    (the tallest words before a value and the tallest label, since every tile keeps their
    room)."""
    st = ctx.styles
    unit = [inline(h.value, _value_style(ctx, 1.0)) for h in items]
    size = min(VALUE_MAX, *(inner_w * SAFETY / _width(b) for b in unit))
    if size < VALUE_MIN:
        widest = max(zip(items, unit, strict=True), key=lambda p: _width(p[1]))[0]
        raise LayoutError(
            f"highlight {widest.value!r} is too wide for its tile even at {VALUE_MIN:.0f} pt; "
            "shorten it"
        )
    label_style = evolve(st.lead(color=ctx.theme.colors.text), align="ctr", space_after=0.0)
    before_style = evolve(label_style, space_after=BEFORE_GAP)
    labels = [(inline(h.label, label_style),) for h in items]
    befores = [(inline(h.before, before_style),) if h.before else () for h in items]
    floor = ctx.theme.sizes.body_min / ctx.theme.sizes.lead
    while size >= VALUE_MIN:
        style = _value_style(ctx, size)
        room = inner_h - line_height(style) - VALUE_GAP
        scale = 1.0
        while room > 0 and scale >= floor - 1e-9:
            need = sum(
                max(blocks_height(b, inner_w, scale) for b in texts) for texts in (befores, labels)
            )
            if need <= room:
                return (
                    style,
                    [scaled(b, scale) for b in befores],
                    [scaled(b, scale) for b in labels],
                )
            scale = round(scale - STEP, 6)
        size *= 0.9
    longest = max(items, key=lambda h: len(h.before) + len(h.label))
    words = f"{longest.before} … {longest.label}" if longest.before else longest.label
    raise LayoutError(
        f"highlight label {words[:40]!r} is too long for its tile even at the smallest "
        "allowed size; shorten it"
    )
