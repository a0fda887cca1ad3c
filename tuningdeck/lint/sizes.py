"""Type sizes: the smallest body and table text on each slide, and text below the floors.

Text is *secondary* (floor :data:`~tuningdeck.lint.rules.SECONDARY_MIN_PT`) when it is in the
footer (see :func:`~tuningdeck.lint.region.in_footer_band`: footers, slide numbers, footnotes
below the body region) or a caption (a text of at most
:data:`~tuningdeck.lint.rules.CAPTION_MAX_WORDS` words within
:data:`~tuningdeck.lint.rules.CAPTION_GAP_PT` above or below a picture, chart or table it lines
up with); table text has the floor :data:`~tuningdeck.lint.rules.TABLE_MIN_PT`; all other text
:data:`~tuningdeck.lint.rules.BODY_MIN_PT`.

Body or table text under its floor is allowed, and reported as a note, when the content cannot
fit otherwise: set at the floor (every size in the shape scaled up alike), the text would be
taller than the room it has (its frame grown down to the next content in its column or the body
region's bottom; for a table, from its top to the region's bottom). Heights are measured with
the font files for Montserrat and Lato and estimated for other faces.
"""

from __future__ import annotations

from tuningdeck.lint.heights import body_height
from tuningdeck.lint.report import Finding
from tuningdeck.lint.rules import (
    BODY_MIN_PT,
    CAPTION_GAP_PT,
    CAPTION_MAX_WORDS,
    SECONDARY_MIN_PT,
    TABLE_MIN_PT,
)
from tuningdeck.lint.shapes import Shape
from tuningdeck.lint.view import SlideView

__all__ = ["is_caption", "size_findings", "smallest_sizes"]

_VISUAL = {"picture", "chart", "table", "graphic"}


def is_caption(view: SlideView, shape: Shape) -> bool:
    """Whether ``shape`` is a short text set against a picture, chart or table."""
    if shape.kind != "text" or shape.box is None or len(shape.text.split()) > CAPTION_MAX_WORDS:
        return False
    box = shape.box
    for other in view.visible():
        if other.kind not in _VISUAL or other.box is None:
            continue
        o = other.box
        overlap = min(o.x1, box.x1) - max(o.x0, box.x0)
        if overlap < 0.5 * min(box.width, o.width):
            continue
        gap = max(box.y0 - o.y1, o.y0 - box.y1)
        if -2.0 <= gap <= CAPTION_GAP_PT:
            return True
    return False


def _role(view: SlideView, shape: Shape) -> str:
    if view.is_footer(shape) or is_caption(view, shape):
        return "secondary"
    return "table" if shape.cells else "body"


def _sizes(shape: Shape) -> list[float]:
    bodies = ([shape.body] if shape.body is not None else []) + [c.body for c in shape.cells]
    return [r.size for b in bodies for r in b.runs if r.size > 0]


def smallest_sizes(view: SlideView) -> tuple[float | None, float | None]:
    """The smallest body text and the smallest table text on the slide (pt), secondary text
    left out; None where there is none."""
    body: list[float] = []
    table: list[float] = []
    for shape in view.visible():
        role = _role(view, shape)
        if role == "body":
            body += _sizes(shape)
        elif role == "table":
            table += _sizes(shape)
    return (round(min(body), 2) if body else None, round(min(table), 2) if table else None)


def _table_height(shape: Shape, scale: float) -> float:
    rows: dict[int, float] = {}
    for cell in shape.cells:
        h = body_height(cell.body, cell.box.width, scale)
        rows[cell.row] = max(rows.get(cell.row, 0.0), h)
    return sum(rows.values())


def _room(view: SlideView, shape: Shape) -> float:
    from tuningdeck.lint.extents import room_below

    if shape.cells and shape.box is not None:
        return max(view.region.y1 - shape.box.y0, shape.box.height)
    return room_below(view, shape)


def _quote(shape: Shape) -> str:
    return shape.label


def size_findings(view: SlideView) -> list[Finding]:
    """One finding per shape with text under its floor: a failure, or a note when the text
    cannot fit at the floor."""
    found = []
    for shape in view.visible():
        sizes = _sizes(shape)
        if not sizes or shape.box is None:
            continue
        role = _role(view, shape)
        floor = {"secondary": SECONDARY_MIN_PT, "table": TABLE_MIN_PT, "body": BODY_MIN_PT}[role]
        small = min(sizes)
        if small + 1e-6 >= floor:
            continue
        what = {"secondary": "footer or caption text", "table": "table text", "body": "body text"}
        head = f"{what[role]} at {small:g} pt in {_quote(shape)} (needs {floor:g} pt)"
        if role == "secondary":
            found.append(Finding(view.number, "small-text", "fail", head))
            continue
        scale = floor / small
        if shape.cells:
            needed = _table_height(shape, scale)
        elif shape.body is not None:
            needed = body_height(shape.body, shape.box.width, scale)
        else:
            needed = 0.0
        room = _room(view, shape)
        detail = f"at {floor:g} pt it would take {needed:.0f} pt of the {room:.0f} pt it has"
        if needed > room + 1.0:
            found.append(
                Finding(
                    view.number,
                    "small-text",
                    "note",
                    f"{head}; allowed: it cannot fit otherwise ({detail})",
                )
            )
        else:
            found.append(Finding(view.number, "small-text", "fail", f"{head}; {detail}"))
    return found
