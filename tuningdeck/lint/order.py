"""Reading order: the order of the slide's shape tree (what a screen reader follows) against
the order a person reads the slide in.

The title comes first and the footer (date, footer and slide-number placeholders, and anything
in the footer band) last. Between them, a shape must not be read after one that a person reads
later: one below it in the same column (their widths overlap) or to its right in the same row
(their heights overlap by half the shorter). Shapes that are neither (diagonal neighbours) may
come in either order, so both reading a grid row by row and column by column pass. Shapes
without text that are not pictures, charts or tables (rules, panels) are not read and not
checked; nor are hidden shapes other than a hidden title, which screen readers read.
"""

from __future__ import annotations

from tuningdeck.lint.report import Finding
from tuningdeck.lint.shapes import Shape
from tuningdeck.lint.view import SlideView

__all__ = ["order_findings", "reads_before"]

_READ = {"title", "footer", "text", "picture", "table", "chart", "graphic", "group"}
_TOLERANCE = 2.0  # points


def reads_before(a: Shape, b: Shape) -> bool:
    """Whether a person reads ``a`` before ``b``: ``a`` is above ``b`` in the same column, or to
    its left in the same row."""
    if a.box is None or b.box is None:
        return False
    pa, pb = a.box, b.box
    x_overlap = min(pa.x1, pb.x1) - max(pa.x0, pb.x0)
    y_overlap = min(pa.y1, pb.y1) - max(pa.y0, pb.y0)
    if x_overlap > 0 and pa.y1 <= pb.y0 + _TOLERANCE:
        return True
    shorter = min(pa.height, pb.height)
    return y_overlap > 0.5 * shorter and pa.x1 <= pb.x0 + _TOLERANCE


def order_findings(view: SlideView) -> list[Finding]:
    """A failure per shape read out of order (each named once)."""
    read = [
        s
        for s in view.shapes
        if (not s.hidden or s.kind == "title")  # a hidden title is read, so it must come first
        and s.kind in _READ
        and (s.text.strip() or s.kind not in ("text", "footer"))
    ]
    found: list[Finding] = []
    named: set[int] = set()

    def report(late: Shape, message: str) -> None:
        if id(late) not in named:
            named.add(id(late))
            found.append(Finding(view.number, "reading-order", "fail", message))

    titles = [i for i, s in enumerate(read) if s.kind == "title"]
    if titles and titles[0] > 0:
        title = read[titles[0]]
        report(title, f"the title {title.label} is read after {read[0].label}: it should be first")
    footer = [view.is_footer(s) and s.kind != "title" for s in read]
    last_body = max((i for i, f in enumerate(footer) if not f), default=-1)
    for i, shape in enumerate(read[:last_body]):
        if footer[i]:
            report(
                shape,
                f"the footer {shape.label} is read before {read[last_body].label}: "
                "footers should be read last",
            )
    body = [s for s, f in zip(read, footer, strict=True) if not f and s.kind != "title"]
    for i, early in enumerate(body):
        for late in body[i + 1 :]:
            if reads_before(late, early):
                report(
                    late,
                    f"{late.label} is read after {early.label}, which a person reads later "
                    "(below it or to its right)",
                )
    return found
