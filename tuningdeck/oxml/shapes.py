"""PresentationML shapes: a slide and its shape tree, placeholders, graphic frames (tables and
charts), pictures and text boxes, with their positions (``xfrm``) in EMU."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from tuningdeck.oxml.core import SLOT, Prototypes, element, sub
from tuningdeck.oxml.ns import NSMAP, qn
from tuningdeck.oxml.text import solid_fill

__all__ = [
    "CHART_URI",
    "TABLE_URI",
    "Box",
    "chart",
    "describe",
    "graphic_frame",
    "hidden_title",
    "make_title",
    "picture",
    "place",
    "placeholder",
    "set_chart",
    "set_shape_id",
    "shape_holder",
    "slide",
    "text_box",
    "xfrm",
]

TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
CHART_URI = NSMAP["c"]
_A_XFRM = qn("a:xfrm")
_P_XFRM = qn("p:xfrm")
_DEFAULT_INSETS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))


class Box(NamedTuple):
    """A shape's position and size, in EMU."""

    x: int
    y: int
    w: int
    h: int


def xfrm(box: Box, prefix: str = "a", parent: etree._Element | None = None) -> etree._Element:
    """An ``xfrm`` (``a:`` for a shape, ``p:`` for a graphic frame) placing a shape at ``box``,
    appended to ``parent`` when given."""
    tag = f"{prefix}:xfrm"
    el = element(tag) if parent is None else sub(parent, tag)
    sub(el, "a:off", {"x": box.x, "y": box.y})
    sub(el, "a:ext", {"cx": box.w, "cy": box.h})
    return el


def shape_holder() -> etree._Element:
    """An empty ``<p:spTree>`` to build shapes in, outside any slide."""
    return element("p:spTree", prefixes=("a", "p", "r"))


def place(shape: etree._Element, box: Box) -> None:
    """Move ``shape`` (which has an ``xfrm``) to ``box``."""
    found = next(shape.iter(_A_XFRM, _P_XFRM))
    found[0].set("x", str(box.x))
    found[0].set("y", str(box.y))
    found[1].set("cx", str(box.w))
    found[1].set("cy", str(box.h))


def describe(shape: etree._Element, text: str) -> None:
    """Give ``shape`` the description (alternative text) ``text``."""
    shape[0][0].set("descr", text)


def set_shape_id(shape: etree._Element, shape_id: int) -> None:
    """Give ``shape`` (any ``p:sp``, ``p:pic``, ``p:graphicFrame``) the id ``shape_id``."""
    shape[0][0].set("id", str(shape_id))


def _slide(_: None) -> etree._Element:
    sld = element("p:sld", prefixes=("a", "p", "r"))
    tree = sub(sub(sld, "p:cSld"), "p:spTree")
    nv = sub(tree, "p:nvGrpSpPr")
    sub(nv, "p:cNvPr", {"id": 1, "name": ""})
    sub(nv, "p:cNvGrpSpPr")
    sub(nv, "p:nvPr")
    sub(tree, "p:grpSpPr")
    sub(sub(sld, "p:clrMapOvr"), "a:masterClrMapping")
    return sld


_slides: Prototypes[None] = Prototypes(_slide)


def slide() -> tuple[etree._Element, etree._Element]:
    """A new empty ``<p:sld>`` (following its layout's colours) and its shape tree."""
    sld = _slides(None)
    return sld, sld[0][0]


def _nv(
    shape: etree._Element, kind: str, shape_id: int, name: str, ph: etree._Element | None
) -> None:
    """A shape's non-visual properties: id and name, locks, and the placeholder it fills."""
    nv = sub(shape, f"p:nv{kind}Pr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": name})
    if kind == "Sp":
        locks = sub(nv, "p:cNvSpPr")
        if ph is not None:
            sub(locks, "a:spLocks", {"noGrp": 1})
        else:
            locks.set("txBox", "1")
    else:
        sub(sub(nv, "p:cNvGraphicFramePr"), "a:graphicFrameLocks", {"noGrp": 1})
    nv_pr = sub(nv, "p:nvPr")
    if ph is not None:
        nv_pr.append(ph)


def _text_body(
    shape: etree._Element,
    body_pr: dict[str, str | int] | None,
    paragraphs: Iterable[etree._Element] | None,
) -> etree._Element:
    """A shape's text body: ``bodyPr`` with ``body_pr``, no list styles, ``paragraphs`` (None:
    a :data:`SLOT` for them)."""
    tx = sub(shape, "p:txBody")
    pr = sub(tx, "a:bodyPr", body_pr)
    styles = sub(tx, "a:lstStyle")
    if paragraphs is None:
        styles.tail = SLOT
    else:
        tx.extend(paragraphs)
    return pr


def placeholder(
    tree: etree._Element,
    shape_id: int,
    name: str,
    ph: etree._Element,
    box: Box | None,
    paragraphs: Iterable[etree._Element] | None,
) -> etree._Element:
    """A ``<p:sp>`` appended to the shape tree ``tree``, filling the layout's placeholder
    ``ph`` (a ``<p:ph>``, placed as it is) with ``paragraphs`` (None: a :data:`SLOT` for
    them); at ``box``, or where the layout puts it."""
    sp = sub(tree, "p:sp")
    _nv(sp, "Sp", shape_id, name, ph)
    sp_pr = sub(sp, "p:spPr")
    if box is not None:
        xfrm(box, parent=sp_pr)
    _text_body(sp, None, paragraphs)
    return sp


def hidden_title(tree: etree._Element, shape_id: int, text: str, box: Box) -> etree._Element:
    """A hidden title placeholder holding ``text`` at ``box``, appended to the shape tree
    ``tree``: a slide whose design shows no title still has one for screen readers and the
    outline. ``box`` should lie off the slide, for applications that draw hidden shapes."""
    sp = sub(tree, "p:sp")
    _nv(sp, "Sp", shape_id, "Title", element("p:ph", {"type": "title"}))
    sp[0][0].set("hidden", "1")
    xfrm(box, parent=sub(sp, "p:spPr"))
    p = element("a:p")
    sub(sub(p, "a:r"), "a:t", text=text)
    _text_body(sp, None, [p])
    return sp


def make_title(sp: etree._Element) -> None:
    """Make the text box ``sp`` the slide's title placeholder, looking as it did (its text body
    sets every property): a slide whose design shows no title reads the caption or heading it
    shows as its title, where it is, instead of a hidden copy of it."""
    nv = sp.find(qn("p:nvSpPr"))
    if nv is None or nv.find(qn("p:nvPr")) is None:
        raise ValueError("not a shape with non-visual properties")
    cnv = nv.find(qn("p:cNvPr"))
    if cnv is not None:
        cnv.set("name", "Title")
    locks = nv.find(qn("p:cNvSpPr"))
    if locks is not None:
        locks.attrib.pop("txBox", None)
        if locks.find(qn("a:spLocks")) is None:
            sub(locks, "a:spLocks", {"noGrp": 1})
    nv_pr = nv.find(qn("p:nvPr"))
    if nv_pr is not None and nv_pr.find(qn("p:ph")) is None:
        nv_pr.insert(0, element("p:ph", {"type": "title"}))


def graphic_frame(
    tree: etree._Element,
    shape_id: int,
    name: str,
    ph: etree._Element,
    box: Box,
    uri: str,
    content: etree._Element | None,
) -> etree._Element:
    """A ``<p:graphicFrame>`` appended to ``tree`` at ``box``, holding ``content`` (a table
    or a chart reference) in place of the placeholder ``ph``; without ``content``, a
    :data:`SLOT` for it."""
    frame = sub(tree, "p:graphicFrame")
    _nv(frame, "GraphicFrame", shape_id, name, ph)
    xfrm(box, "p", frame)
    data = sub(sub(frame, "a:graphic"), "a:graphicData", {"uri": uri})
    if content is None:
        data.text = SLOT
    else:
        data.append(content)
    return frame


def chart(rid: str) -> etree._Element:
    """A ``<c:chart>`` reference to the chart part related as ``rid``."""
    return element("c:chart", {qn("r:id"): rid}, prefixes=("c", "r"))


def set_chart(ref: etree._Element, rid: str) -> None:
    """Point the ``<c:chart>`` reference ``ref`` at the chart part related as ``rid``."""
    ref.set(qn("r:id"), rid)


def picture(
    tree: etree._Element,
    shape_id: int,
    name: str,
    description: str,
    rid: str,
    crop: tuple[float, float, float, float],
    box: Box,
) -> etree._Element:
    """A ``<p:pic>`` appended to ``tree``: the image related as ``rid``, cropped by ``crop``
    (left, top, right, bottom, fractions) and stretched over ``box``."""
    pic = sub(tree, "p:pic")
    nv = sub(pic, "p:nvPicPr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": name, "descr": description})
    sub(sub(nv, "p:cNvPicPr"), "a:picLocks", {"noChangeAspect": 1})
    sub(nv, "p:nvPr")
    fill = sub(pic, "p:blipFill")
    sub(fill, "a:blip", {qn("r:embed"): rid})
    src_rect = sub(fill, "a:srcRect")
    for side, value in zip("ltrb", crop, strict=True):
        if value:
            src_rect.set(side, str(round(value * 100000)))
    sub(sub(fill, "a:stretch"), "a:fillRect")
    sp_pr = sub(pic, "p:spPr")
    xfrm(box, parent=sp_pr)
    sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
    return pic


def text_box(
    tree: etree._Element,
    shape_id: int,
    name: str,
    box: Box,
    *,
    fill: str | None,
    inset: int,
    anchor: str,
    paragraphs: Iterable[etree._Element] | None,
) -> etree._Element:
    """A text box appended to ``tree`` at ``box``, which keeps its size in every application
    (no autofit), with ``inset`` (EMU) on every side, optionally filled; ``paragraphs`` None
    leaves a :data:`SLOT` for them."""
    sp = sub(tree, "p:sp")
    _nv(sp, "Sp", shape_id, name, None)
    sp_pr = sub(sp, "p:spPr")
    xfrm(box, parent=sp_pr)
    sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
    if fill:
        sp_pr.append(solid_fill(fill))
    else:
        sub(sp_pr, "a:noFill")
    attrs: dict[str, str | int] = {"wrap": "square"}
    attrs.update({attr: inset for attr, default in _DEFAULT_INSETS if inset != default})
    attrs["anchor"] = anchor
    sub(_text_body(sp, attrs, paragraphs), "a:noAutofit")
    return sp
