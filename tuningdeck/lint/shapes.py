"""A slide's shapes as plain records: what each is, where it is (points), its alt text, fill and
resolved text, groups flattened with their transforms applied.

Kinds: ``title`` (a title placeholder), ``footer`` (date, footer and slide-number placeholders),
``text`` (any other shape with text), ``picture``, ``table``, ``chart``, ``graphic`` (a diagram,
embedded object or other graphic frame), ``group``, ``line`` and ``shape`` (drawn, no text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from attrs import frozen
from lxml import etree

from tuningdeck.lint.colors import fill_color, resolve_color
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.parts import EMU_PER_PT, NS, SlideParts, iter_children
from tuningdeck.lint.styles import TextBody, read_text_body
from tuningdeck.lint.tables import read_cells

__all__ = ["PICTURE", "Cell", "Shape", "drawn_behind", "shape_of", "slide_shapes"]

PICTURE: Final = "picture"
"""The fill of a shape drawn with a picture: its colour cannot be told from the file."""

_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_CHART_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
)
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


@frozen
class Cell:
    """A table cell: its text, box and fill (``RRGGBB``; None when unfilled)."""

    row: int
    column: int
    body: TextBody
    box: Box
    fill: str | None


@frozen
class Shape:
    """One shape on a slide, resolved. ``order`` is its position in the slide's shape tree (the
    order a screen reader reads in); a group's members share their group's."""

    order: int
    id: str
    name: str
    kind: str
    placeholder: str | None
    box: Box | None
    hidden: bool
    alt: str
    decorative: bool
    body: TextBody | None
    cells: tuple[Cell, ...]
    fill: str | None
    children: tuple[Shape, ...]

    @property
    def text(self) -> str:
        """The shape's text, a table's cells' included."""
        parts = [self.body.text] if self.body is not None else []
        parts += [c.body.text for c in self.cells]
        parts += [c.text for c in self.children]
        return "\n".join(p for p in parts if p.strip())

    @property
    def label(self) -> str:
        """How the report names the shape: its first words, else its name."""
        words = " ".join(self.text.split())
        if words and (self.kind != "footer" or "‹#›" not in words):
            return f'"{words[:40]}…"' if len(words) > 40 else f'"{words}"'
        return f"“{self.name}”" if self.name else self.kind

    def walk(self) -> Iterator[Shape]:
        """This shape and every shape inside it."""
        yield self
        for child in self.children:
            yield from child.walk()


Transform = Callable[[float, float], tuple[float, float]]


def _identity(x: float, y: float) -> tuple[float, float]:
    return x, y


def _xfrm(el: etree._Element) -> etree._Element | None:
    tag = etree.QName(el).localname
    if tag == "graphicFrame":
        return el.find("p:xfrm", NS)
    if tag == "grpSp":
        return el.find("p:grpSpPr/a:xfrm", NS)
    return el.find("p:spPr/a:xfrm", NS)


def _box(el: etree._Element, inherited: list[etree._Element], to_slide: Transform) -> Box | None:
    for candidate in (el, *inherited):
        xfrm = _xfrm(candidate)
        off = xfrm.find("a:off", NS) if xfrm is not None else None
        ext = xfrm.find("a:ext", NS) if xfrm is not None else None
        if off is not None and ext is not None:
            x, y = int(off.get("x", "0")), int(off.get("y", "0"))
            w, h = int(ext.get("cx", "0")), int(ext.get("cy", "0"))
            x0, y0 = to_slide(x, y)
            x1, y1 = to_slide(x + w, y + h)
            return Box(x0 / EMU_PER_PT, y0 / EMU_PER_PT, x1 / EMU_PER_PT, y1 / EMU_PER_PT)
    return None


def _group_transform(el: etree._Element, outer: Transform) -> Transform:
    xfrm = el.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        return outer
    vals = {}
    for name in ("off", "ext", "chOff", "chExt"):
        found = xfrm.find(f"a:{name}", NS)
        keys = ("x", "y") if "ff" in name else ("cx", "cy")
        vals[name] = tuple(int(found.get(k, "0")) if found is not None else 0 for k in keys)
    (ox, oy), (cx, cy), (chx, chy), (chcx, chcy) = (
        vals["off"],
        vals["ext"],
        vals["chOff"],
        vals["chExt"],
    )
    sx = cx / chcx if chcx else 1.0
    sy = cy / chcy if chcy else 1.0

    def to_slide(x: float, y: float) -> tuple[float, float]:
        return outer(ox + (x - chx) * sx, oy + (y - chy) * sy)

    return to_slide


def _own_fill(sp_pr: etree._Element | None, parts: SlideParts) -> tuple[bool, str | None]:
    """(whether the shape properties set a fill, the colour it paints)."""
    if sp_pr is None:
        return False, None
    for child in sp_pr:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name == "noFill":
            return True, None
        if name in ("solidFill", "gradFill"):
            return True, fill_color(child, parts.scheme)
        if name in ("blipFill", "pattFill"):
            return True, PICTURE
    return False, None


def _fill(el: etree._Element, inherited: list[etree._Element], parts: SlideParts) -> str | None:
    tag = etree.QName(el).localname
    if tag == "pic":
        return PICTURE
    if tag == "graphicFrame":
        uri = _graphic_uri(el)
        return PICTURE if uri in _CHART_URIS else None
    for candidate in (el, *inherited):
        known, color = _own_fill(candidate.find("p:spPr", NS), parts)
        if known:
            return color
    ref = el.find("p:style/a:fillRef", NS)
    if ref is not None and ref.get("idx", "0") != "0":
        return resolve_color(ref, parts.scheme)
    return None


def _graphic_uri(el: etree._Element) -> str:
    data = el.find("a:graphic/a:graphicData", NS)
    return data.get("uri", "") if data is not None else ""


def _kind(el: etree._Element, placeholder: str | None, body: TextBody | None) -> str:
    tag = etree.QName(el).localname
    if placeholder in ("title", "ctrTitle"):
        return "title"
    if placeholder in ("dt", "ftr", "sldNum"):
        return "footer"
    if tag == "pic":
        return "picture"
    if tag == "grpSp":
        return "group"
    if tag == "cxnSp":
        return "line"
    if tag == "graphicFrame":
        uri = _graphic_uri(el)
        return "table" if uri == _TABLE_URI else "chart" if uri in _CHART_URIS else "graphic"
    if body is not None and body.text.strip():
        return "text"
    return "shape"


def _cnv(el: etree._Element) -> etree._Element | None:
    return el.find("./*/p:cNvPr", NS)


def _is_decorative(cnv: etree._Element | None) -> bool:
    if cnv is None:
        return False
    return any(d.get("val") in ("1", "true") for d in cnv.iter(_DECORATIVE))


def _shape(
    el: etree._Element,
    order: int,
    parts: SlideParts,
    to_slide: Transform,
    hidden_above: bool,
    with_text: bool,
) -> Shape:
    cnv = _cnv(el)
    inherited = parts.inherited(el)
    placeholder = parts.layout_placeholder_kind(el)
    hidden = hidden_above or (cnv is not None and cnv.get("hidden") in ("1", "true"))
    body = None
    tx = el.find("p:txBody", NS)
    if tx is not None and with_text:
        style_color = resolve_color(el.find("p:style/a:fontRef", NS), parts.scheme)
        body = read_text_body(
            tx,
            parts,
            inherited=inherited,
            kind=placeholder,
            placeholder=placeholder is not None,
            style_color=style_color,
        )
    box = _box(el, inherited, to_slide)
    kind = _kind(el, placeholder, body)
    children: tuple[Shape, ...] = ()
    if kind == "group":
        inner = _group_transform(el, to_slide)
        children = tuple(
            _shape(c, order, parts, inner, hidden, with_text) for c in iter_children(el)
        )
    cells: tuple[Cell, ...] = ()
    if kind == "table" and with_text and box is not None:
        cells = tuple(
            Cell(row, col, body_, cell_box, fill)
            for row, col, body_, cell_box, fill in read_cells(el, parts, box)
        )
    return Shape(
        order=order,
        id=cnv.get("id", "") if cnv is not None else "",
        name=cnv.get("name", "") if cnv is not None else "",
        kind=kind,
        placeholder=placeholder,
        box=box,
        hidden=hidden,
        alt=((cnv.get("descr") or cnv.get("title") or "") if cnv is not None else "").strip(),
        decorative=_is_decorative(cnv),
        body=body,
        cells=cells,
        fill=_fill(el, inherited, parts),
        children=children,
    )


def slide_shapes(parts: SlideParts) -> list[Shape]:
    """The slide's shapes in shape-tree order (back to front)."""
    tree = parts.slide.find("p:cSld/p:spTree", NS)
    if tree is None:
        return []
    return [
        _shape(el, n, parts, _identity, False, True) for n, el in enumerate(iter_children(tree))
    ]


def drawn_behind(parts: SlideParts) -> list[Shape]:
    """The master's and layout's drawn shapes (not placeholders) that show on the slide, back to
    front; their text is not read."""
    out: list[Shape] = []
    show_master = parts.slide.get("showMasterSp", "1") not in ("0", "false") and parts.layout.get(
        "showMasterSp", "1"
    ) not in ("0", "false")
    sources = ([parts.master] if show_master else []) + [parts.layout]
    for source in sources:
        tree = source.find("p:cSld/p:spTree", NS)
        if tree is None:
            continue
        for el in iter_children(tree):
            if el.find("./*/p:nvPr/p:ph", NS) is not None:
                continue
            out.append(shape_of(el, parts))
    return out


def shape_of(el: etree._Element, parts: SlideParts) -> Shape:
    """A layout's or master's shape (or any shape element) resolved without its text."""
    return _shape(el, -1, parts, _identity, False, False)
