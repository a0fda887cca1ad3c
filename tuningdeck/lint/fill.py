"""How much of the body region a slide's content uses (see :mod:`~tuningdeck.lint.region`).

A slide fails when more than :data:`~tuningdeck.lint.rules.MAX_EMPTY_SHARE` of its body region is
empty, unless its content is one short block: text only (no picture, chart, table or group), so
short that even set at :data:`~tuningdeck.lint.rules.SHORT_BLOCK_PT` in its own frames it would
leave more than that share empty. Empty room then comes from short content, not from small type
or an undersized table: title and section slides, a statement, a list of a few entries. A slide
with no content in its body region is not measured.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve

from tuningdeck.lint.extents import content_shapes, extent, placed
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.heights import body_height
from tuningdeck.lint.region import union_area
from tuningdeck.lint.report import Finding
from tuningdeck.lint.rules import MAX_EMPTY_SHARE, SHORT_BLOCK_PT
from tuningdeck.lint.shapes import Shape
from tuningdeck.lint.styles import TextBody
from tuningdeck.lint.view import SlideView

__all__ = ["body_used", "fill_findings", "short_block"]


def _share(view: SlideView, boxes: Sequence[Box | None]) -> float:
    """The share of the body region covered by the union of ``boxes`` clipped to it."""
    clipped = [c for b in boxes if b is not None and (c := b.clip(view.region)) is not None]
    return min(union_area(clipped) / view.region.area, 1.0)


def body_used(view: SlideView) -> float | None:
    """The share of the body region the content covers, None when there is no content."""
    content = content_shapes(view)
    if not content or view.region.area <= 0:
        return None
    return _share(view, [extent(view, shape) for shape in content])


def _at_size(body: TextBody, size: float) -> TextBody:
    """``body`` with every run set at ``size`` points."""
    paragraphs = tuple(
        evolve(p, runs=tuple(evolve(r, size=size) for r in p.runs)) for p in body.paragraphs
    )
    return evolve(body, paragraphs=paragraphs, font_scale=1.0)


def short_block(view: SlideView, content: Sequence[Shape]) -> bool:
    """Whether ``content`` is one short block: text only, leaving more than
    :data:`~tuningdeck.lint.rules.MAX_EMPTY_SHARE` of the body region empty even when every
    run is set at :data:`~tuningdeck.lint.rules.SHORT_BLOCK_PT` in its shape's frame."""
    texts = [
        (s.box, s.body)
        for s in content
        if s.kind == "text" and s.fill is None and s.box is not None and s.body is not None
    ]
    if not content or len(texts) < len(content):
        return False  # a picture, chart or table, or a filled shape covering its frame
    boxes = []
    for box, body in texts:
        large = _at_size(body, SHORT_BLOCK_PT)
        boxes.append(placed(box, body_height(large, box.width), large.anchor))
    return 1 - _share(view, boxes) > MAX_EMPTY_SHARE


def fill_findings(view: SlideView, used: float | None) -> list[Finding]:
    """A failure when too much of the body region is empty (see the module's description)."""
    if used is None or 1 - used <= MAX_EMPTY_SHARE:
        return []
    if short_block(view, content_shapes(view)):
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
