"""The image slide: one to four pictures with captions, or one or two pictures beside a quote.

Pictures are laid out in the layout's ``Images`` region: one, two or three across, four as two
rows of two. The captions are measured first and their height kept free under the pictures. The
pictures of a row share one height, each as wide as its aspect ratio makes it (a cropped picture
takes the shape of an equal share of the row), with a gutter between them; rows are centred, and
the whole block, with the slide's own caption under it, is centred in the region. Two pictures
beside a quote go side by side or one above the other, whichever shows them larger.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve, frozen

from tuningdeck.errors import LayoutError
from tuningdeck.imagefile import image_size, picture_source
from tuningdeck.model import Image, ImageSlide
from tuningdeck.render.fitting import place
from tuningdeck.render.plan import (
    Frame,
    PictureShape,
    PlanContext,
    Shape,
    SlidePlan,
    TextShape,
    blocks,
    common_scale,
    fit,
    meta_boxes,
    scaled,
)
from tuningdeck.text.markup import Paragraph, Run, parse_blocks, plain_text
from tuningdeck.text.measure import Block, TextStyle, blocks_height, line_height, text_width
from tuningdeck.vocab import Fit, Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["GRID", "lay_out_images", "plan"]

LAYOUT = Layout.IMAGES
UNTITLED_LAYOUT = Layout.UNTITLED_IMAGES
INTRO_SHARE = 1 / 3  # the most of the region the text above the pictures may take
QUOTE_LAYOUT = Layout.IMAGE_AND_QUOTE

#: Rows and columns for one to four images.
GRID = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2)}
CAPTION_GAP = 6.0  # points between a picture and its caption
CAPTION_SHARE = 0.3  # the most of a row's height its captions may take
CAPTION_FLOOR = 10 / 12  # captions may shrink to 10 pt, no further
SLIDE_CAPTION_SHARE = 0.2  # the most of the region the slide's own caption may take
QUOTE_MARK = 72.0  # points: the size of the opening quote mark beside a quote
QUOTE_INDENT = 46.0  # points: the quote text's distance from the mark's left edge
QUOTE_GAP = 14.0  # points between the quote and its attribution
MARK_RAISE = 0.2  # how far the quote mark is raised, as a share of its size
DASH = "— "  # before the name of who said a quote


def plan(spec: ImageSlide, ctx: PlanContext) -> list[SlidePlan]:
    """Pictures and captions in the ``Images`` region; with a quote, the ``Image and Quote``
    layout: the pictures on the left, the quote (large italic, shrunk to fit) on the right with
    its attribution right under it."""
    layout = QUOTE_LAYOUT if spec.quote else LAYOUT if spec.title else UNTITLED_LAYOUT
    region = ctx.frame(layout, P.IMAGES)
    boxes: dict[str, tuple[Block, ...]] = {}
    if spec.title:
        boxes[P.TITLE] = ctx.title(spec.title, layout)
    shapes: list[Shape] = []
    if spec.intro:
        intro, used = _intro(spec, region, ctx)
        shapes.append(intro)
        region = Frame(region.x, region.y + used, region.w, region.h - used)
    grids = [(1, 2), (2, 1)] if spec.quote and len(spec.images) == 2 else [None]
    shapes += _largest(spec, region, ctx, grids)
    frames: dict[str, Frame] = {}
    if spec.quote:
        quote_boxes, frames, mark = _quote(spec, region, ctx)
        boxes.update(quote_boxes)
        shapes.append(mark)
    boxes.update(meta_boxes(spec, ctx))
    return [SlidePlan(layout, boxes, notes=spec.notes, frames=frames, shapes=tuple(shapes))]


def _intro(spec: ImageSlide, region: Frame, ctx: PlanContext) -> tuple[TextShape, float]:
    """The text above the pictures, fitted into at most a third of the region; the room it takes."""
    st = ctx.styles
    room = Frame(region.x, region.y, region.w, region.h * INTRO_SHARE)
    text = fit(
        blocks(spec.intro, st.body),
        room,
        floor=st.body_floor,
        what=f"{spec.title or 'image slide'}: text above the pictures",
    )
    height = blocks_height(text, region.w)
    shape = TextShape(Frame(region.x, region.y, region.w, height), text, name="Intro")
    return shape, height + CAPTION_GAP * 2


def _quote(
    spec: ImageSlide, region: Frame, ctx: PlanContext
) -> tuple[dict[str, tuple[Block, ...]], dict[str, Frame], TextShape]:
    """The quote and attribution, centred as one block beside the pictures, and the quote mark.

    The attribution is fitted first (into the layout's Attribution box, or a third of the
    region when it has more lines than that holds); the quote takes the rest, up to its box.
    """
    st = ctx.styles
    c = ctx.theme.colors
    box = ctx.frame(QUOTE_LAYOUT, P.QUOTE)
    x, w = box.x + QUOTE_INDENT, box.w - QUOTE_INDENT
    what = spec.title or "image slide"
    attribution: tuple[Block, ...] = ()
    attribution_h = 0.0
    if spec.attribution:
        room = max(ctx.frame(QUOTE_LAYOUT, P.ATTRIBUTION).h, region.h / 3)
        attribution = fit(
            attribution_blocks(spec.attribution, ctx),
            Frame(x, box.y, w, room),
            floor=st.body_floor,
            what=f"{what}: attribution",
        )
        attribution_h = blocks_height(attribution, w)
    room = min(box.h, region.h - (QUOTE_GAP + attribution_h if attribution else 0.0))
    quote = fit(
        blocks(spec.quote, lambda level: st.lead(color=c.text, italic=True)),
        Frame(x, box.y, w, room),
        floor=st.lead_floor,
        what=f"{what}: quote",
    )
    quote_h = blocks_height(quote, w)
    boxes: dict[str, tuple[Block, ...]] = {P.QUOTE: quote}
    if attribution:
        boxes[P.ATTRIBUTION] = attribution
    used = quote_h + (QUOTE_GAP + attribution_h if attribution else 0.0)
    top = region.y + (region.h - used) / 2
    frames: dict[str, Frame] = {P.QUOTE: Frame(x, top, w, quote_h)}
    if attribution:
        frames[P.ATTRIBUTION] = Frame(x, top + quote_h + QUOTE_GAP, w, attribution_h)
    mark_style = TextStyle(ctx.theme.fonts.heading, QUOTE_MARK, bold=True, color=c.accent)
    # the mark's glyph sits well below its line's top: raise it to the quote's first line
    mark = TextShape(
        Frame(box.x, top - QUOTE_MARK * MARK_RAISE, QUOTE_INDENT, line_height(mark_style)),
        (Block.of("“", mark_style),),
        name="Quote mark",
    )
    return boxes, frames, mark


def attribution_blocks(text: str, ctx: PlanContext) -> tuple[Block, ...]:
    """Who said a quote, one paragraph a line: ``— Name`` in bold after an accent dash, then
    role and place in the secondary colour, lined up with the name."""
    st = ctx.styles
    c = ctx.theme.colors
    lines = parse_blocks(text)
    name = evolve(st.body(color=c.text), space_after=0.0)
    dash = Run(DASH, color=c.accent)
    rest = evolve(st.body(color=c.text_secondary), space_after=0.0, indent=text_width(DASH, name))
    first = Paragraph((dash, *(evolve(r, bold=True) for r in lines[0].runs)))
    return (Block(first, name), *(Block(Paragraph(p.runs), rest) for p in lines[1:]))


def _largest(
    spec: ImageSlide, region: Frame, ctx: PlanContext, grids: Sequence[tuple[int, int] | None]
) -> list[Shape]:
    """The pictures laid out on whichever of ``grids`` shows them larger (two pictures beside a
    quote go side by side or one above the other); the error of the last if none fits."""
    best: list[Shape] | None = None
    error: LayoutError | None = None
    for grid in grids:
        try:
            shapes = lay_out_images(
                spec.images, region, ctx, caption=spec.caption, alt=spec.title, grid=grid
            )
        except LayoutError as e:
            error = e
            continue
        if best is None or _picture_area(shapes) > _picture_area(best):
            best = shapes
    if best is None:
        assert error is not None
        raise error
    return best


def _picture_area(shapes: list[Shape]) -> float:
    return sum(s.frame.w * s.frame.h for s in shapes if isinstance(s, PictureShape))


@frozen
class _Row:
    """One row of pictures, laid out: the images' indexes, widths, shared height, caption room."""

    items: tuple[int, ...]
    widths: tuple[float, ...]
    height: float
    caption_h: float

    @property
    def total(self) -> float:
        """The row's height with its captions."""
        return self.height + (self.caption_h + CAPTION_GAP if self.caption_h else 0.0)


def lay_out_images(
    images: Sequence[Image],
    region: Frame,
    ctx: PlanContext,
    *,
    caption: str = "",
    alt: str = "",
    grid: tuple[int, int] | None = None,
) -> list[Shape]:
    """Pictures, their captions and an optional caption under them all, placed in ``region``.

    ``grid`` is (rows, columns); by default :data:`GRID` gives it for the number of pictures.

    ``alt`` describes a picture that has neither a caption of its own nor a slide caption (for
    screen readers). A missing or unreadable image file raises
    :class:`~tuningdeck.render.fitting.ImageError`; captions too long to leave the pictures room
    raise :class:`~tuningdeck.errors.LayoutError`.
    """
    st = ctx.styles
    gap = ctx.theme.geometry.gutter * 72
    rows, cols = grid or GRID[len(images)]
    if rows * cols != len(images):
        raise ValueError(f"a {rows} x {cols} grid does not hold {len(images)} pictures")
    sizes = [image_size(im.path) for im in images]

    # The slide's caption is measured first: the pictures get what it leaves.
    under: tuple[Block, ...] = ()
    under_h = 0.0
    if caption:
        style = st.caption
        under = fit(
            blocks(caption, lambda level: style),
            Frame(region.x, region.y, region.w, region.h * SLIDE_CAPTION_SHARE),
            floor=CAPTION_FLOOR,
            what="image slide caption",
        )
        under_h = blocks_height(under, region.w)

    room = region.h - (under_h + gap / 2 if under else 0.0)
    row_h = (room - (rows - 1) * gap) / rows
    cell_w = (region.w - (cols - 1) * gap) / cols
    captions = _captions(images, cell_w, row_h, ctx)
    laid = [
        _row(images, sizes, captions, tuple(range(r * cols, (r + 1) * cols)), region.w, row_h, gap)
        for r in range(rows)
    ]
    # rows of a grid share one picture height, so the grid reads as one
    height = min(r.height for r in laid)
    laid = [_scaled(r, height / r.height, captions) for r in laid]

    shapes: list[Shape] = []
    used = sum(r.total for r in laid) + (rows - 1) * gap + (under_h + gap / 2 if under else 0.0)
    y = region.y + (region.h - used) / 2
    for r in laid:
        x = region.x + (region.w - sum(r.widths) - (len(r.items) - 1) * gap) / 2
        for i, w in zip(r.items, r.widths, strict=True):
            image = images[i]
            frame, crop = place(*sizes[i], Frame(x, y, w, r.height), image.fit)
            shapes.append(
                PictureShape(
                    picture_source(image.path),
                    frame,
                    crop,
                    name=f"Picture {i + 1}",
                    description=plain_text(image.caption or caption or alt),
                )
            )
            if captions[i]:
                below = Frame(x, y + r.height + CAPTION_GAP, w, r.caption_h)
                shapes.append(TextShape(below, captions[i], name=f"Caption {i + 1}"))
            x += w + gap
        y += r.total + gap
    if under:
        shapes.append(
            TextShape(Frame(region.x, y - gap / 2, region.w, under_h), under, name="Caption")
        )
    return shapes


def _row(
    images: Sequence[Image],
    sizes: Sequence[tuple[int, int]],
    captions: Sequence[tuple[Block, ...]],
    items: tuple[int, ...],
    width: float,
    row_h: float,
    gap: float,
) -> _Row:
    """Lay out one row: the tallest pictures that leave room for their captions and fit across.

    A caption is as wide as its picture, so a narrower picture may need a taller caption, which
    leaves less height for the pictures: repeat until the captions fit.
    """
    cell_w = (width - (len(items) - 1) * gap) / len(items)
    caption_h = max((blocks_height(captions[i], cell_w) for i in items), default=0.0)
    for _ in range(8):
        room = row_h - (caption_h + CAPTION_GAP if caption_h else 0.0)
        if room < row_h * (1 - CAPTION_SHARE) - 0.01:
            break
        ratios = [
            sizes[i][0] / sizes[i][1] if images[i].fit is Fit.FIT else cell_w / room for i in items
        ]
        height = min(room, (width - (len(items) - 1) * gap) / sum(ratios))
        widths = tuple(height * a for a in ratios)
        need = max(
            (blocks_height(captions[i], w) for i, w in zip(items, widths, strict=True)),
            default=0.0,
        )
        if need <= caption_h + 0.01:
            return _Row(items, widths, height, caption_h)
        caption_h = need
    raise LayoutError(
        f"{images[items[0]].path}: the captions of its row leave too little room for the "
        "pictures; shorten them"
    )


def _scaled(row: _Row, factor: float, captions: Sequence[tuple[Block, ...]]) -> _Row:
    """The row with its pictures scaled by ``factor``; caption room measured again."""
    widths = tuple(w * factor for w in row.widths)
    caption_h = max(
        (blocks_height(captions[i], w) for i, w in zip(row.items, widths, strict=True)),
        default=0.0,
    )
    return _Row(row.items, widths, row.height * factor, caption_h)


def _captions(
    images: Sequence[Image], width: float, row_h: float, ctx: PlanContext
) -> list[tuple[Block, ...]]:
    """Each image's caption, all at one size: the largest at which each, as wide as a cell,
    takes at most its share of the row's height."""
    st = ctx.styles
    style = st.caption
    items = [blocks(im.caption, lambda level: style) if im.caption else () for im in images]
    limit = Frame(0.0, 0.0, width, row_h * CAPTION_SHARE)
    scale = common_scale([(b, limit) for b in items], floor=CAPTION_FLOOR)
    if scale is None:
        longest = max(images, key=lambda im: len(im.caption))
        raise LayoutError(
            f"{longest.path}: its caption is too long to fit under the picture even at the "
            "smallest allowed size; shorten it"
        )
    return [scaled(b, scale) if b else () for b in items]
