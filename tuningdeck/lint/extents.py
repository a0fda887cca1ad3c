"""Where a shape's content lies on the slide, and how much room it has to grow.

A text shape's extent is its frame's width by the height its text takes: from the rendered words
inside its frame when the deck was rendered, else measured (:mod:`~tuningdeck.lint.heights`) and
placed by the text body's anchor. Other content, and text on a filled shape, covers its frame.
"""

from __future__ import annotations

from tuningdeck.lint.geometry import Box
from tuningdeck.lint.heights import body_height
from tuningdeck.lint.shapes import Shape
from tuningdeck.lint.view import SlideView

__all__ = ["content_shapes", "extent", "placed", "room_below"]

_CONTENT = {"text", "picture", "table", "chart", "graphic", "group"}
_TOLERANCE = 2.0


def content_shapes(view: SlideView) -> list[Shape]:
    """The slide's visible content in its body region: not title, footer or decoration."""
    out = []
    for shape in view.shapes:
        if shape.hidden or shape.kind not in _CONTENT or shape.box is None:
            continue
        if view.is_footer(shape) or shape.box.clip(view.region) is None:
            continue
        if shape.kind == "text" and not shape.text.strip():
            continue
        out.append(shape)
    return out


def extent(view: SlideView, shape: Shape) -> Box | None:
    """The part of the slide ``shape``'s content covers (see the module's description)."""
    box = shape.box
    if box is None:
        return None
    if shape.kind != "text" or shape.body is None or shape.fill is not None:
        return box  # a filled text shape shows its whole frame
    if view.words is not None:
        inside = [w.box for w in view.words if box.holds(*w.box.center, _TOLERANCE)]
        if inside:
            return Box(box.x0, min(b.y0 for b in inside), box.x1, max(b.y1 for b in inside))
    return placed(box, body_height(shape.body, box.width), shape.body.anchor)


def placed(box: Box, height: float, anchor: str) -> Box:
    """Text ``height`` points tall in ``box``, where the text body's ``anchor`` (``t``, ``ctr``,
    ``b``) puts it."""
    if anchor == "ctr":
        top = box.y0 + (box.height - height) / 2
    elif anchor == "b":
        top = box.y1 - height
    else:
        top = box.y0
    return Box(box.x0, top, box.x1, top + height)


def room_below(view: SlideView, shape: Shape) -> float:
    """The height ``shape`` could use: its frame, grown down to the next content below it in its
    column or to the body region's bottom, whichever comes first."""
    box = shape.box
    if box is None:
        return 0.0
    limit = max(view.region.y1, box.y1)
    for other in content_shapes(view):
        if other is shape or other.box is None:
            continue
        o = other.box
        overlaps = min(o.x1, box.x1) - max(o.x0, box.x0) > 0
        if overlaps and o.y0 >= box.y1 - _TOLERANCE:
            limit = min(limit, max(o.y0, box.y1))
    return limit - box.y0
