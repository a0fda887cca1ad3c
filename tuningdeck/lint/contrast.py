"""Contrast between text and what it sits on (WCAG 2.x).

Each run's colour is compared with its background: the table cell's fill, the shape's own fill,
else the topmost filled shape drawn behind the shape's middle (on the slide, its layout or its
master), else the slide's background. Text over a picture or chart cannot be judged from the
file and is noted. Large text (at least :data:`~tuningdeck.lint.rules.LARGE_PT`, or
:data:`~tuningdeck.lint.rules.LARGE_BOLD_PT` bold) needs
:data:`~tuningdeck.lint.rules.CONTRAST_LARGE`, other text
:data:`~tuningdeck.lint.rules.CONTRAST_TEXT`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tuningdeck.lint.colors import contrast_ratio
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.report import Finding
from tuningdeck.lint.rules import CONTRAST_LARGE, CONTRAST_TEXT, LARGE_BOLD_PT, LARGE_PT
from tuningdeck.lint.shapes import PICTURE, Shape
from tuningdeck.lint.styles import Run, TextBody
from tuningdeck.lint.view import SlideView

__all__ = ["contrast_findings", "needed_ratio"]


def needed_ratio(size: float, bold: bool) -> float:
    """The contrast ratio text of this size and weight needs."""
    large = size >= LARGE_PT or (bold and size >= LARGE_BOLD_PT)
    return CONTRAST_LARGE if large else CONTRAST_TEXT


def _bodies(shape: Shape) -> Iterator[tuple[TextBody, Box | None, str | None]]:
    """Each text body of a shape with the box it sits in and its own fill (None: see through)."""
    if shape.body is not None:
        yield shape.body, shape.box, shape.fill
    for cell in shape.cells:
        yield cell.body, cell.box, cell.fill


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return f'"{words[:40]}…"' if len(words) > 40 else f'"{words}"'


def contrast_findings(view: SlideView) -> list[Finding]:
    """A failure per text of too little contrast (one per shape, colour pair and size class);
    a note per shape whose text sits on a picture."""
    found: list[Finding] = []
    for shape in view.visible():
        unknown = False
        seen: set[tuple[str, str, float]] = set()
        for body, box, fill in _bodies(shape):
            background = fill
            if background is None:
                background = (
                    view.behind_point(shape, *box.center) if box is not None else view.background
                )
            runs: list[Run] = body.runs
            for run in runs:
                if run.color in (None, "none") or run.size <= 0:
                    continue
                if background is None or background == PICTURE:
                    unknown = True
                    continue
                assert run.color is not None
                ratio = contrast_ratio(run.color, background)
                need = needed_ratio(run.size, run.bold)
                key = (run.color, background, need)
                if ratio + 1e-9 < need and key not in seen:
                    seen.add(key)
                    found.append(
                        Finding(
                            view.number,
                            "contrast",
                            "fail",
                            f"text {_quote(run.text)} #{run.color} on #{background}: "
                            f"{ratio:.1f}:1 contrast (needs {need:g}:1)",
                        )
                    )
        if unknown:
            found.append(
                Finding(
                    view.number,
                    "unchecked",
                    "note",
                    f"{shape.label} sits on a picture or chart: its contrast is not checked",
                )
            )
    return found
