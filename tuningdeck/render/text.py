"""Write measured paragraphs into a PowerPoint text body, sizes and all, exactly as planned.

The paragraphs are serialised to DrawingML in one pass and parsed once per text body: writing
run by run through python-pptx's proxies costs more than laying the text out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame

from tuningdeck.text.measure import Block

__all__ = ["paragraphs_xml", "write_blocks"]

BULLET_CHARS = ("•", "–", "◦")
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _pts(value: float) -> int:
    """Hundredths of a point, as DrawingML sizes and spacing want them."""
    return round(value * 100)


def paragraphs_xml(
    blocks: Sequence[Block],
    *,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
) -> str:
    """The ``<a:p>`` elements for ``blocks`` (without a namespace declaration).

    ``link_id(url)`` returns the relationship id of an external hyperlink.
    """
    out = []
    for block in blocks:
        st = block.style
        level = block.paragraph.level
        indent = round(st.indent * 12700)
        hang = -round(indent / level) if level else 0
        ppr = [
            f'<a:pPr marL="{indent}" indent="{hang}" algn="{st.align}">',
            f'<a:lnSpc><a:spcPct val="{round(st.line * 100000)}"/></a:lnSpc>',
            f'<a:spcBef><a:spcPts val="{_pts(st.space_before)}"/></a:spcBef>',
            f'<a:spcAft><a:spcPts val="{_pts(st.space_after)}"/></a:spcAft>',
        ]
        if level:
            char = BULLET_CHARS[(level - 1) % len(BULLET_CHARS)]
            ppr.append(
                f'<a:buClr><a:srgbClr val="{bullet_color}"/></a:buClr>'
                f'<a:buFont typeface="Arial"/><a:buChar char="{char}"/>'
            )
        else:
            ppr.append("<a:buNone/>")
        ppr.append("</a:pPr>")
        size = _pts(math.floor(st.size * 10) / 10)
        face = quoteattr(st.family)
        runs = []
        for run in block.paragraph.runs:
            attrs = [f'lang="en-US" sz="{size}"']
            attrs.append(f'b="{int(st.bold or run.bold)}" i="{int(st.italic or run.italic)}"')
            if run.href:
                attrs.append('u="sng"')
            if run.superscript:
                attrs.append('baseline="30000"')
            color = link_color if run.href else run.color or st.color
            fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""
            link = f'<a:hlinkClick r:id="{link_id(run.href)}"/>' if run.href else ""
            runs.append(
                f"<a:r><a:rPr {' '.join(attrs)}>{fill}<a:latin typeface={face}/>"
                f"<a:cs typeface={face}/>{link}</a:rPr><a:t>{escape(run.text)}</a:t></a:r>"
            )
        end = f'<a:endParaRPr lang="en-US" sz="{size}"/>'
        out.append(f"<a:p>{''.join(ppr)}{''.join(runs)}{end}</a:p>")
    return "".join(out) or "<a:p/>"


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

    def link_id(url: str) -> str:
        return frame.part.relate_to(url, RT.HYPERLINK, is_external=True)

    xml = paragraphs_xml(blocks, bullet_color=bullet_color, link_color=link_color, link_id=link_id)
    for p in etree.fromstring(f"<a:txBody {_NS}>{xml}</a:txBody>"):
        body.append(p)
