"""Open any .pptx and reach, for each slide, the XML its look is inherited from.

A slide's text and fills inherit from its layout, the layout's master and the master's theme;
:class:`SlideParts` holds those four elements with the colour scheme as the slide sees it, and
finds the layout and master placeholders a slide placeholder inherits from.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tuningdeck.errors import InputError
from tuningdeck.lint.colors import A, ColorScheme

__all__ = [
    "EMU_PER_PT",
    "NS",
    "DeckParts",
    "NotADeckError",
    "P",
    "SlideParts",
    "iter_children",
    "open_deck",
    "ph_key",
]

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P, "r": R}
EMU_PER_PT = 12700

_RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_RT_TABLE_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles"

# placeholder types a layout's or master's placeholder of another type stands in for
_TITLES = {"title", "ctrTitle"}
_FOOTERS = {"dt", "ftr", "sldNum"}


class NotADeckError(InputError):
    """A file that is not a PowerPoint deck (.pptx): exit code 2 on the command line."""


def ph_key(sp: etree._Element) -> tuple[str, int | None] | None:
    """A shape's placeholder type (``obj`` when unstated) and index, or None if it is not one."""
    ph = sp.find("./*/p:nvPr/p:ph", NS)
    if ph is None:
        return None
    idx = ph.get("idx")
    return ph.get("type", "obj"), (int(idx) if idx is not None and idx.isdigit() else None)


def _placeholders(tree: etree._Element) -> list[tuple[tuple[str, int | None], etree._Element]]:
    found = []
    for sp in tree.iterfind("p:cSld/p:spTree/*", NS):
        key = ph_key(sp)
        if key is not None:
            found.append((key, sp))
    return found


def _by_type(
    kind: str, candidates: list[tuple[tuple[str, int | None], etree._Element]]
) -> etree._Element | None:
    """The placeholder among ``candidates`` that one of ``kind`` inherits from: a title from a
    title, a footer from the same footer, anything else from the same type, else the body."""
    if kind in _TITLES:
        wanted: list[set[str]] = [_TITLES]
    elif kind in _FOOTERS:
        wanted = [{kind}]
    else:
        wanted = [{kind}, {"body"}]
    for types in wanted:
        for (other, _), sp in candidates:
            if other in types:
                return sp
    return None


@dataclass
class SlideParts:
    """One slide and the parts it inherits from: layout, master, theme and deck defaults.

    Not intended to be constructed directly: :func:`open_deck` makes them.
    """

    number: int
    slide: etree._Element
    layout: etree._Element
    master: etree._Element
    theme: etree._Element | None
    scheme: ColorScheme
    width: float
    height: float
    default_text: etree._Element | None
    table_styles: etree._Element | None

    def inherited(self, sp: etree._Element) -> list[etree._Element]:
        """The layout placeholder and master placeholder ``sp`` inherits from (either may be
        missing), nearest first; [] for a shape that is not a placeholder."""
        key = ph_key(sp)
        if key is None:
            return []
        kind, idx = key
        layout_phs = _placeholders(self.layout)
        chain = []
        on_layout = None
        if idx is not None:
            on_layout = next((s for (_, i), s in layout_phs if i == idx), None)
        if on_layout is None:
            on_layout = _by_type(kind, layout_phs)
        if on_layout is not None:
            chain.append(on_layout)
            kind = (ph_key(on_layout) or (kind, None))[0]
        on_master = _by_type(kind, _placeholders(self.master))
        if on_master is not None:
            chain.append(on_master)
        return chain

    def layout_placeholder_kind(self, sp: etree._Element) -> str | None:
        """The placeholder type of ``sp``, taken from the layout when the slide leaves it out."""
        key = ph_key(sp)
        if key is None:
            return None
        if key[0] != "obj":
            return key[0]
        for parent in self.inherited(sp):
            parent_key = ph_key(parent)
            if parent_key is not None and parent_key[0] != "obj":
                return parent_key[0]
        return key[0]

    def text_style(self, kind: str | None) -> etree._Element | None:
        """The master's text style for a placeholder of ``kind`` (titleStyle, bodyStyle), or its
        otherStyle for text that is not in a placeholder."""
        name = (
            "otherStyle"
            if kind is None or kind in _FOOTERS
            else "titleStyle"
            if kind in _TITLES
            else "bodyStyle"
        )
        return self.master.find(f"p:txStyles/p:{name}", NS)


@dataclass
class DeckParts:
    """An opened deck: its path, slide size (points) and one :class:`SlideParts` per slide."""

    path: Path
    width: float
    height: float
    slides: list[SlideParts]


def _is_zip_deck(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return "[Content_Types].xml" in z.namelist() and any(
                n.startswith("ppt/") for n in z.namelist()
            )
    except (zipfile.BadZipFile, OSError):
        return False


def _color_map(el: etree._Element | None) -> dict[str, str]:
    if el is None:
        return {}
    mapping = el.find("a:overrideClrMapping", NS) if el.tag != f"{{{P}}}clrMap" else el
    return dict(mapping.attrib) if mapping is not None else {}


def _related(part: Any, reltype: str) -> etree._Element | None:
    try:
        related = part.part_related_by(reltype)
    except KeyError:
        return None
    try:
        return etree.fromstring(related.blob)
    except etree.XMLSyntaxError:
        return None


def open_deck(path: str | Path) -> DeckParts:
    """Open a .pptx (any maker) for checking; NotADeckError when it is not a deck."""
    path = Path(path)
    if not path.is_file():
        raise NotADeckError(f"{path}: no such file")
    if not _is_zip_deck(path):
        raise NotADeckError(f"{path}: not a PowerPoint deck (.pptx)")
    from pptx import Presentation

    try:
        prs = Presentation(str(path))
    except Exception as e:  # python-pptx raises many kinds for a broken package
        raise NotADeckError(f"{path}: not a readable PowerPoint deck ({e})") from e
    width = (prs.slide_width or 12192000) / EMU_PER_PT
    height = (prs.slide_height or 6858000) / EMU_PER_PT
    pres = prs.element
    default_text = pres.find("p:defaultTextStyle", NS)
    table_styles = _related(prs.part, _RT_TABLE_STYLES)
    try:
        slides = _slide_parts(prs, width, height, default_text, table_styles)
    except (KeyError, ValueError, AttributeError) as e:
        raise NotADeckError(f"{path}: a slide, layout or master cannot be read ({e})") from e
    return DeckParts(path, width, height, slides)


def _slide_parts(
    prs: Any,
    width: float,
    height: float,
    default_text: etree._Element | None,
    table_styles: etree._Element | None,
) -> list[SlideParts]:
    slides = []
    themes: dict[int, etree._Element | None] = {}
    for number, slide in enumerate(prs.slides, start=1):
        layout = slide.slide_layout
        master = layout.slide_master
        if id(master) not in themes:
            themes[id(master)] = _related(master.part, _RT_THEME)
        theme = themes[id(master)]
        color_map = _color_map(master.element.find("p:clrMap", NS))
        for el in (layout.element, slide.element):
            color_map.update(_color_map(el.find("p:clrMapOvr", NS)))
        slides.append(
            SlideParts(
                number=number,
                slide=slide.element,
                layout=layout.element,
                master=master.element,
                theme=theme,
                scheme=ColorScheme.of(theme, color_map),
                width=width,
                height=height,
                default_text=default_text,
                table_styles=table_styles,
            )
        )
    return slides


def iter_children(tree: etree._Element) -> Iterator[etree._Element]:
    """The shapes directly in a shape tree or group, in drawing (z) order."""
    for child in tree:
        if isinstance(child.tag, str) and etree.QName(child).localname in (
            "sp",
            "pic",
            "graphicFrame",
            "grpSp",
            "cxnSp",
            "contentPart",
        ):
            yield child
        elif isinstance(child.tag, str) and etree.QName(child).localname == "AlternateContent":
            choice = child.find(
                "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
            )
            fallback = child.find(
                "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
            )
            branch = choice if choice is not None else fallback
            if branch is not None:
                yield from iter_children(branch)
