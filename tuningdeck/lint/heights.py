"""How tall a text body is when set in a box of a given width, in points.

Text in Montserrat or Lato is measured with tuningdeck's own text measurement (the same font
files LibreOffice renders with); text in any other face is estimated at half an em per character
and a line of 1.2 em. Lines wrap greedily at spaces, as office suites do.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from tuningdeck.lint.styles import Para, Run, TextBody

__all__ = ["body_height", "known_family"]

_AVERAGE_CHAR_EM = 0.5
_LINE_EM = 1.2


@functools.cache
def known_family(family: str) -> bool:
    """Whether ``family`` is measured with its font files (Montserrat, Lato)."""
    from tuningdeck.fonts import FAMILIES

    return family.strip().lower() in {f.lower() for f in FAMILIES}


@functools.lru_cache(maxsize=65536)
def _width(text: str, family: str, size: float, bold: bool, italic: bool) -> float:
    if known_family(family):
        from tuningdeck.text.measure import TextStyle, text_width

        try:
            return text_width(text, TextStyle(family, size, bold=bold, italic=italic))
        except (OSError, ValueError):
            pass
    return len(text) * _AVERAGE_CHAR_EM * size


@functools.lru_cache(maxsize=1024)
def _line(family: str, size: float, bold: bool) -> float:
    if known_family(family):
        from tuningdeck.text.measure import TextStyle, line_height

        try:
            return line_height(TextStyle(family, size, bold=bold))
        except (OSError, ValueError):
            pass
    return _LINE_EM * size


def _pieces(runs: Sequence[Run], scale: float) -> list[tuple[str, float, float] | None]:
    """Words with their width and the width of the space after them; None for a line break."""
    out: list[tuple[str, float, float] | None] = []
    for run in runs:
        if run.text == "\n":
            out.append(None)
            continue
        size = run.size * scale
        space = _width(" ", run.family, size, run.bold, run.italic)
        for word in run.text.split(" "):
            if word:
                out.append((word, _width(word, run.family, size, run.bold, run.italic), space))
            elif out and out[-1] is not None:
                word_, width, gap = out[-1]
                out[-1] = (word_, width, gap + space)
    return out


def _lines(para: Para, width: float, wrap: bool, scale: float) -> int:
    avail = max(width - para.indent, 1.0)
    lines, used = 1, 0.0
    for piece in _pieces(para.runs, scale):
        if piece is None:
            lines, used = lines + 1, 0.0
            continue
        _, w, gap = piece
        if wrap and used > 0 and used + w > avail:
            lines, used = lines + 1, 0.0
        while wrap and w > avail:  # a word longer than the line breaks between characters
            lines, w = lines + 1, w - avail
        used += w + gap
    return lines


def body_height(body: TextBody, width: float, scale: float = 1.0) -> float:
    """The height of ``body`` with insets, in a box ``width`` points wide, its sizes multiplied
    by ``scale``."""
    left, top, right, bottom = body.insets
    inner = width - left - right
    total = top + bottom
    last = 12.0
    for para in body.paragraphs:
        runs = [r for r in para.runs if r.text.strip()]
        size = max((r.size for r in runs), default=last)
        last = size
        face = max(runs, key=lambda r: r.size) if runs else None
        family = face.family if face is not None else ""
        bold = face.bold if face is not None else False
        n = _lines(para, inner, body.wrap, scale) if runs else 1
        if para.line_points:
            line = para.line * scale
        else:
            line = _line(family, size * scale, bold) * para.line
        total += (para.space_before + para.space_after) * scale + n * line
    return total
