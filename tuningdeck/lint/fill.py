"""How much of the body region a slide's content uses (see :mod:`~tuningdeck.lint.region`).

A slide fails when more than :data:`~tuningdeck.lint.rules.MAX_EMPTY_SHARE` of its body region is
empty, unless its content is one short block: no picture, chart, table or group, and at most
:data:`~tuningdeck.lint.rules.SHORT_BLOCK_WORDS` words (title and section slides, a quote). A
slide with no content in its body region is not measured.
"""

from __future__ import annotations

from tuningdeck.lint.extents import content_shapes, extent
from tuningdeck.lint.region import union_area
from tuningdeck.lint.report import Finding
from tuningdeck.lint.rules import MAX_EMPTY_SHARE, SHORT_BLOCK_WORDS
from tuningdeck.lint.view import SlideView

__all__ = ["body_used", "fill_findings"]


def body_used(view: SlideView) -> float | None:
    """The share of the body region the content covers, None when there is no content."""
    content = content_shapes(view)
    if not content or view.region.area <= 0:
        return None
    boxes = []
    for shape in content:
        box = extent(view, shape)
        clipped = box.clip(view.region) if box is not None else None
        if clipped is not None:
            boxes.append(clipped)
    return min(union_area(boxes) / view.region.area, 1.0)


def fill_findings(view: SlideView, used: float | None) -> list[Finding]:
    """A failure when too much of the body region is empty (see the module's description)."""
    if used is None or 1 - used <= MAX_EMPTY_SHARE:
        return []
    content = content_shapes(view)
    words = sum(len(s.text.split()) for s in content)
    if all(s.kind == "text" for s in content) and words <= SHORT_BLOCK_WORDS:
        return []
    return [
        Finding(
            view.number,
            "body-fill",
            "fail",
            f"the content uses {used:.0%} of the body region: {1 - used:.0%} is empty "
            f"(at most {MAX_EMPTY_SHARE:.0%} may be)",
        )
    ]
