"""The body region of a slide and how much of it the content uses.

The body region is the area below the title and above the footer, taken from the slide's layout:
the extent of the layout's content placeholders (neither title nor footer, starting above the
bottom 15% of the slide, where footnotes and footer tags sit), below the title placeholder's
bottom and above the top of the date, footer and slide-number placeholders. A layout without
content placeholders gives the slide between the title (or the top margin) and the footer (or
the bottom margin).

A shape's *extent* is the part of its frame its content covers: a picture, chart or table its
whole frame, and so does text on a filled shape; other text its frame's width by the height of
its text (from the rendered words when the deck was rendered, else measured, anchored as the
text body says). The share used is the area of the union of the content's extents inside the
region over the region's area.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from tuningdeck.lint.geometry import Box
from tuningdeck.lint.parts import NS, SlideParts, iter_children
from tuningdeck.lint.rules import FOOTER_BAND_TOLERANCE_PT
from tuningdeck.lint.shapes import Shape, shape_of

__all__ = ["body_region", "in_footer_band", "union_area"]

_FOOTER_ZONE = 0.85  # placeholders starting below this share of the height are footers
_MARGIN = 0.05  # of the slide's size, when the layout says nothing


def body_region(parts: SlideParts) -> Box:
    """The slide's body region (see the module's description)."""
    tree = parts.layout.find("p:cSld/p:spTree", NS)
    phs = [
        shape_of(el, parts)
        for el in (iter_children(tree) if tree is not None else ())
        if el.find("./*/p:nvPr/p:ph", NS) is not None
    ]
    phs = [s for s in phs if s.box is not None]
    titles = [s.box for s in phs if s.kind == "title" and s.box is not None]
    top = max((b.y1 for b in titles), default=_MARGIN * parts.height)
    footers = [
        s.box
        for s in phs
        if s.kind == "footer" and s.box is not None and s.box.y0 > parts.height / 2
    ]
    bottom = min((b.y0 for b in footers), default=(1 - _MARGIN) * parts.height)
    content = [
        s.box
        for s in phs
        if s.kind not in ("title", "footer")
        and s.box is not None
        and s.box.y0 < _FOOTER_ZONE * parts.height
        and s.box.y1 > top
    ]
    if not content:
        return Box(_MARGIN * parts.width, top, (1 - _MARGIN) * parts.width, bottom)
    return Box(
        min(b.x0 for b in content),
        max(top, min(b.y0 for b in content)),
        max(b.x1 for b in content),
        min(bottom, max(b.y1 for b in content)),
    )


def in_footer_band(shape: Shape, region: Box) -> bool:
    """Whether ``shape`` is a footer: a footer placeholder, or a shape at or below the body
    region's bottom."""
    if shape.kind == "footer":
        return True
    return shape.box is not None and shape.box.y0 >= region.y1 - FOOTER_BAND_TOLERANCE_PT


def union_area(boxes: Sequence[Box]) -> float:
    """The area covered by the union of ``boxes``."""
    xs = sorted({x for b in boxes for x in (b.x0, b.x1)})
    total = 0.0
    for left, right in itertools.pairwise(xs):
        spans = sorted((b.y0, b.y1) for b in boxes if b.x0 <= left and b.x1 >= right)
        covered, end = 0.0, float("-inf")
        for y0, y1 in spans:
            if y1 <= end:
                continue
            covered += y1 - max(y0, end)
            end = y1
        total += covered * (right - left)
    return total
