"""One slide as the checks see it: its shapes, what is drawn behind them, its body region, its
background and (when the deck was rendered) the words LibreOffice drew."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from tuningdeck.lint.colors import fill_color, resolve_color
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.parts import NS, SlideParts
from tuningdeck.lint.region import body_region, in_footer_band
from tuningdeck.lint.shapes import PICTURE, Shape, drawn_behind, slide_shapes

__all__ = ["SlideView", "Word", "slide_background"]


@dataclass(frozen=True)
class Word:
    """A rendered word: its box (points) and text."""

    box: Box
    text: str


def slide_background(parts: SlideParts) -> str | None:
    """The slide's background colour (``RRGGBB``; :data:`PICTURE` for a picture background),
    from the slide, its layout or its master, white when none sets one."""
    for el in (parts.slide, parts.layout, parts.master):
        bg = el.find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        pr = bg.find("p:bgPr", NS)
        if pr is not None:
            for child in pr:
                if not isinstance(child.tag, str):
                    continue
                name = etree.QName(child).localname
                if name in ("solidFill", "gradFill"):
                    return fill_color(child, parts.scheme)
                if name in ("blipFill", "pattFill"):
                    return PICTURE
        ref = bg.find("p:bgRef", NS)
        if ref is not None:
            idx = int(ref.get("idx", "0"))
            styles = (
                parts.theme.find(".//a:bgFillStyleLst", NS) if parts.theme is not None else None
            )
            if styles is not None and idx > 1000 and len(styles) >= idx - 1000:
                style = styles[idx - 1001]
                if etree.QName(style).localname in ("blipFill", "pattFill"):
                    return PICTURE
            return resolve_color(ref, parts.scheme)
    return parts.scheme.named("bg1") or "FFFFFF"


@dataclass
class SlideView:
    """A slide's resolved shapes and surroundings. Not intended to be constructed directly:
    :meth:`of` reads them."""

    parts: SlideParts
    shapes: list[Shape]
    behind: list[Shape]
    region: Box
    background: str | None
    words: list[Word] | None = field(default=None)

    @classmethod
    def of(cls, parts: SlideParts, words: list[Word] | None = None) -> SlideView:
        """Read one slide."""
        return cls(
            parts,
            slide_shapes(parts),
            drawn_behind(parts),
            body_region(parts),
            slide_background(parts),
            words,
        )

    @property
    def number(self) -> int:
        """The slide's number, from 1."""
        return self.parts.number

    def flat(self) -> Iterator[Shape]:
        """Every shape on the slide, group members included, back to front."""
        for shape in self.shapes:
            yield from shape.walk()

    def visible(self) -> Iterator[Shape]:
        """The shapes a person sees: not hidden."""
        return (s for s in self.flat() if not s.hidden)

    def is_footer(self, shape: Shape) -> bool:
        """Whether ``shape`` is in the footer (see :func:`in_footer_band`)."""
        return in_footer_band(shape, self.region)

    def families(self) -> set[str]:
        """The font families of the slide's text."""
        found: set[str] = set()
        for shape in self.flat():
            bodies = ([shape.body] if shape.body is not None else []) + [
                c.body for c in shape.cells
            ]
            found.update(r.family for b in bodies for r in b.runs)
        return found

    def title(self) -> str:
        """The text of the slide's title placeholder, "" when there is none."""
        for shape in self.flat():
            if shape.kind == "title" and shape.text.strip():
                return " ".join(shape.text.split())
        return ""

    def behind_point(self, shape: Shape, x: float, y: float) -> str | None:
        """The colour drawn under the point (x, y) beneath ``shape``: the topmost filled shape
        below it that covers the point, else the slide's background (:data:`PICTURE` when that
        is a picture)."""
        below: list[Shape] = list(self.behind)
        for other in self.flat():
            if other is shape:
                break
            below.append(other)
        for other in reversed(below):
            if other.hidden or other.box is None or other.kind == "group":
                continue
            if other.fill is not None and other.box.holds(x, y):
                return other.fill
        return self.background
