"""A right-to-left deck's slides, mirrored: what a left-to-right master puts on the left goes
to the right.

A deck whose slides are titled in Arabic, Hebrew or another right-to-left script (most of its
titles' letters) reads from the right: its title's accent bar belongs under the title's start,
at the right; the narrative of a priority update, read first, on the right and the sidebar on
the left; the organisation's name at the right of the footer and the slide number at the left.
Slides are planned as on the master, then every shape is moved to its mirror image across the
slide's vertical centre line, and so are the shapes of the master and its layouts (placeholders
and decoration, their text's alignment left for right), so that what a slide inherits is
mirrored too. Text keeps its own direction (a right-to-left paragraph is already aligned
right), pictures are not flipped; an arrow or another shape without text is flipped, to point
the way the slide reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from tuningdeck.model import Deck
from tuningdeck.oxml.ns import qn
from tuningdeck.text.scripts import letter_directions, paragraph_direction

__all__ = ["deck_reads_right_to_left", "mirror_alignment", "mirror_part", "mirror_shapes"]

_SHAPES = {qn("p:sp"), qn("p:pic"), qn("p:graphicFrame"), qn("p:cxnSp"), qn("p:grpSp")}
_PROPERTIES = (qn("p:spPr"), qn("p:grpSpPr"))
_A_XFRM, _P_XFRM = qn("a:xfrm"), qn("p:xfrm")
_TEXT = qn("a:t")
_PH, _TX_BODY = qn("p:ph"), qn("p:txBody")
_PARAGRAPH_PROPERTIES = {qn("a:pPr"), *(qn(f"a:lvl{n}pPr") for n in range(1, 10))}
_SWAPPED = {"l": "r", "r": "l"}
_ARROWS = {pair[i]: pair[1 - i] for pair in ("→←", "⟶⟵", "➔⬅", "⇒⇐", "▶◀", "►◄") for i in (0, 1)}


def deck_reads_right_to_left(deck: Deck) -> bool:
    """Whether most of the letters of the deck's slide titles are of right-to-left scripts (the
    organisation's name deciding when the titles have none, or as many of each)."""
    rtl, ltr = letter_directions(str(getattr(slide, "title", "") or "") for slide in deck.slides)
    if rtl != ltr:
        return rtl > ltr
    name = deck.words.organisation.strip()
    return bool(name) and paragraph_direction(name) == "rtl"


def mirror_shapes(tree: etree._Element, width: int) -> None:
    """Move every shape of the shape tree ``tree`` to its mirror image across the vertical line
    at half of ``width`` (EMU): a shape at ``x`` that is ``cx`` wide goes to ``width - x - cx``.
    A drawing without text (not a picture) is also flipped horizontally, and a text that is one
    arrow ("→") is turned the other way: an arrow points the way the slide reads. A group
    moves whole."""
    for shape in _shapes(tree):
        xfrm = _xfrm(shape)
        if xfrm is None:
            continue  # where its layout puts it: mirrored there
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        if off is None or ext is None:
            continue
        x, cx = int(off.get("x", "0")), int(ext.get("cx", "0"))
        off.set("x", str(width - x - cx))
        texts = list(shape.iter(_TEXT))
        if shape.tag in (qn("p:sp"), qn("p:cxnSp")) and _drawing_only(shape):
            if xfrm.get("flipH") in ("1", "true"):
                del xfrm.attrib["flipH"]
            else:
                xfrm.set("flipH", "1")
        elif len(texts) == 1 and (texts[0].text or "").strip() in _ARROWS:
            # an arrow standing alone (between two cards) points the way the slide reads
            arrow = texts[0].text or ""
            texts[0].text = arrow.replace(arrow.strip(), _ARROWS[arrow.strip()])


def mirror_part(root: etree._Element, width: int) -> None:
    """Mirror a layout or master part (its root element): its shapes as :func:`mirror_shapes`
    does, and the alignment of their text, left for right (a slide number at the right edge,
    right-aligned, goes to the left edge, left-aligned)."""
    tree = root.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    if tree is None:
        return
    mirror_shapes(tree, width)
    for shape in _shapes(tree):
        mirror_alignment(shape)


def mirror_alignment(shape: etree._Element) -> None:
    """Swap the left and right alignment of the text of ``shape`` (its list styles and
    paragraphs)."""
    for props in shape.iter(*_PARAGRAPH_PROPERTIES):
        align = props.get("algn")
        if align in _SWAPPED:
            props.set("algn", _SWAPPED[align])


def _shapes(tree: etree._Element) -> Iterable[etree._Element]:
    """The shapes directly in ``tree``, those inside markup-compatibility choices included."""
    for child in tree:
        if child.tag in _SHAPES:
            yield child
        elif child.tag == qn("mc:AlternateContent"):
            for branch in child:
                yield from _shapes(branch)


def _drawing_only(shape: etree._Element) -> bool:
    """Whether ``shape`` is a drawing (a line, an arrow, a panel) and holds no text: neither a
    placeholder nor a shape with text, or a place kept for text to be filled in."""
    if shape.find(f".//{_PH}") is not None:
        return False
    body = shape.find(_TX_BODY)
    return body is None or not "".join(body.itertext()).strip()


def _xfrm(shape: etree._Element) -> etree._Element | None:
    """The shape's own position and size, if it has one."""
    if shape.tag == qn("p:graphicFrame"):
        return shape.find(_P_XFRM)
    for tag in _PROPERTIES:
        props = shape.find(tag)
        if props is not None:
            return props.find(_A_XFRM)
    return None
