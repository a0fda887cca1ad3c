"""The content slide: a title, then text with bullets and numbered items, and a picture beside it.

The picture takes the right of the layout's Body region: the whole picture, as large as its shape
allows within :data:`PICTURE_SHARE` of the width and the region's height, its top level with the
text's. The text takes the width left of it. Text that does not fit, even shrunk to the theme's
floor, continues at full size on further slides titled "(cont.)", across the whole width.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuningdeck.errors import LayoutError
from tuningdeck.imagefile import image_size, picture_source
from tuningdeck.model import ContentSlide
from tuningdeck.render.fitting import place
from tuningdeck.render.plan import (
    PT_PER_INCH,
    Frame,
    PictureShape,
    PlanContext,
    SlidePlan,
    blocks,
    meta_boxes,
    page_title,
    paginate,
)
from tuningdeck.text.markup import plain_text
from tuningdeck.text.measure import Block
from tuningdeck.vocab import Fit, Layout
from tuningdeck.vocab import Placeholder as P

__all__ = ["PICTURE_SHARE", "plan"]

LAYOUT = Layout.CONTENT
PICTURE_SHARE = 0.45  # the most of the region's width the picture may take


def plan(spec: ContentSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One slide, or more when the text is long; the picture on the first."""
    st = ctx.styles
    region = ctx.frame(LAYOUT, P.BODY)
    text = blocks(spec.text, st.body)
    shapes: tuple[PictureShape, ...] = ()
    first = region
    if spec.image is not None:
        picture = _picture(spec, region)
        gap = ctx.theme.geometry.gutter * PT_PER_INCH
        first = Frame(region.x, region.y, picture.frame.x - gap - region.x, region.h)
        shapes = (picture,)
    pages = paginate(text, first, floor=st.body_floor, ceiling=st.body_ceiling)
    if len(pages) > 1 and first != region:  # later pages have the whole width
        pages = [pages[0], *_continued(text[len(pages[0]) :], region, st.body_floor)]
    out = []
    for i, page in enumerate(pages):
        boxes: dict[str, tuple[Block, ...]] = {
            P.TITLE: ctx.title(page_title(spec.title, i, ctx), LAYOUT),
            P.BODY: page,
            **meta_boxes(spec, ctx),
        }
        out.append(
            SlidePlan(
                LAYOUT,
                boxes,
                notes=spec.notes if i == 0 else "",
                frames={P.BODY: first if i == 0 else region},
                shapes=shapes if i == 0 else (),
            )
        )
    return out


def _continued(rest: Sequence[Block], region: Frame, floor: float) -> list[tuple[Block, ...]]:
    """The pages after the first, at the first page's full size where they can be."""
    try:
        return paginate(rest, region, floor=1.0)
    except LayoutError:  # a paragraph longer than a page: shrunk alone, as far as allowed
        return paginate(rest, region, floor=floor)


def _picture(spec: ContentSlide, region: Frame) -> PictureShape:
    """The picture at the right of ``region``, top-aligned, its whole image shown."""
    assert spec.image is not None
    room = Frame(0.0, 0.0, region.w * PICTURE_SHARE, region.h)
    frame, crop = place(*image_size(spec.image), room, Fit.FIT)
    at = Frame(region.x + region.w - frame.w, region.y, frame.w, frame.h)
    return PictureShape(
        picture_source(spec.image),
        at,
        crop,
        name="Picture",
        description=plain_text(spec.alt_text or spec.title),
    )
