"""Write measured paragraphs into a PowerPoint text frame, sizes and all, exactly as planned."""

from __future__ import annotations

import math
from collections.abc import Sequence

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from tuningdeck.text.measure import Block

__all__ = ["write_blocks"]

BULLET_CHARS = ("•", "–", "◦")


def _pts(value: float) -> int:
    """Hundredths of a point, as DrawingML spacing wants them."""
    return round(value * 100)


def write_blocks(
    frame: TextFrame, blocks: Sequence[Block], *, bullet_color: str, link_color: str
) -> None:
    """Replace the frame's paragraphs with ``blocks``: explicit faces, sizes, colours, spacing.

    Sizes are written as planned (rounded down to a tenth of a point), so the text takes the
    space it was measured to take and no application needs to re-fit it.
    """
    body = frame._txBody
    for p in body.findall(qn("a:p")):
        body.remove(p)
    for block in blocks:
        p = body.add_p()
        para = _Paragraph(p, frame)
        _paragraph_props(p, block, bullet_color)
        for run in block.paragraph.runs:
            r = para.add_run()
            r.text = run.text
            font = r.font
            size = math.floor(block.style.size * 10) / 10
            font.size = Pt(size)
            font.name = block.style.family
            font.bold = block.style.bold or run.bold
            font.italic = block.style.italic or run.italic
            if run.href:
                r.hyperlink.address = run.href
                font.underline = True
            color = link_color if run.href else run.color or block.style.color
            if color:
                font.color.rgb = RGBColor.from_string(color)
            if run.superscript:
                font._rPr.set("baseline", "30000")
    if not blocks:
        body.add_p()


def _paragraph_props(p: etree._Element, block: Block, bullet_color: str) -> None:
    st = block.style
    level = block.paragraph.level
    ppr = p.get_or_add_pPr()
    ppr.set("algn", st.align)
    indent = st.indent * 12700
    ppr.set("marL", str(round(indent)))
    ppr.set("indent", str(-round(indent / level)) if level else "0")
    children = [
        f'<a:lnSpc><a:spcPct val="{round(st.line * 100000)}"/></a:lnSpc>',
        f'<a:spcBef><a:spcPts val="{_pts(st.space_before)}"/></a:spcBef>',
        f'<a:spcAft><a:spcPts val="{_pts(st.space_after)}"/></a:spcAft>',
    ]
    if level:
        char = BULLET_CHARS[(level - 1) % len(BULLET_CHARS)]
        children += [
            f'<a:buClr><a:srgbClr val="{bullet_color}"/></a:buClr>',
            '<a:buFont typeface="Arial"/>',
            f'<a:buChar char="{char}"/>',
        ]
    else:
        children.append("<a:buNone/>")
    ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    for xml in children:
        ppr.append(etree.fromstring(_with_ns(xml, ns)))


def _with_ns(xml: str, ns: str) -> str:
    """Give a snippet's root element the DrawingML namespace declaration."""
    head, _, rest = xml.partition(">")
    if head.endswith("/"):
        return f"{head[:-1]} {ns}/>{rest}"
    return f"{head} {ns}>{rest}"
