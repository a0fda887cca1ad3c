"""Titles and alt text: what a screen reader needs to announce a slide and describe its
pictures, charts and tables.

A slide has a title when a title placeholder holds text; a hidden one (or one placed off the
slide) counts, as screen readers read it, and is noted because the visible slide shows none.
Pictures, charts, tables and other graphics need a description (``descr``, or ``title``, on the
shape's ``p:cNvPr``) unless they are marked decorative; a group with a description covers its
members.
"""

from __future__ import annotations

from collections.abc import Iterator

from tuningdeck.lint.report import Finding
from tuningdeck.lint.shapes import Shape
from tuningdeck.lint.view import SlideView

__all__ = ["alt_text_findings", "title_findings"]

_NEEDS_ALT = {"picture": "picture", "chart": "chart", "table": "table", "graphic": "graphic"}


def title_findings(view: SlideView) -> list[Finding]:
    """No title: a failure; only a hidden (or off-slide) title: a note."""
    titles = [s for s in view.flat() if s.kind == "title" and s.text.strip()]
    if not titles:
        return [
            Finding(
                view.number,
                "title",
                "fail",
                "no title: add a title placeholder with text (hidden if the design shows none)",
            )
        ]
    parts = view.parts

    def shown(s: Shape) -> bool:
        return not s.hidden and (
            s.box is None
            or (
                s.box.x1 > 0 and s.box.y1 > 0 and s.box.x0 < parts.width and s.box.y0 < parts.height
            )
        )

    if not any(shown(s) for s in titles):
        return [
            Finding(
                view.number,
                "title",
                "note",
                f"the title {titles[0].label} is hidden: screen readers read it, the slide shows "
                "none",
            )
        ]
    return []


def _missing(shape: Shape) -> Iterator[Shape]:
    if shape.hidden or shape.decorative or shape.alt:
        return
    if shape.kind in _NEEDS_ALT:
        yield shape
    for child in shape.children:
        yield from _missing(child)


def alt_text_findings(view: SlideView) -> list[Finding]:
    """One failure per picture, chart, table or graphic without alt text."""
    return [
        Finding(
            view.number,
            "alt-text",
            "fail",
            f"{_NEEDS_ALT[s.kind]} “{s.name}” has no alt text (or mark it decorative)",
        )
        for top in view.shapes
        for s in _missing(top)
    ]
