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

from tuningdeck.text.markup import Paragraph
from tuningdeck.text.measure import Block, margins

__all__ = ["paragraphs_xml", "start_numbers", "write_blocks"]

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

    ``link_id(url)`` returns the relationship id of an external hyperlink. A list item's level
    is written as the paragraph's outline level (``lvl``), so PowerPoint indents and numbers it
    as one of its own; a numbered item is an automatic number (see :func:`start_numbers`).
    """
    out = []
    starts = start_numbers([b.paragraph for b in blocks])
    for block, start in zip(blocks, starts, strict=True):
        st = block.style
        level = block.paragraph.level
        margin, hang = margins(block.paragraph, st)
        lvl = f' lvl="{min(level, 9) - 1}"' if level > 1 else ""
        ppr = [
            f'<a:pPr marL="{round(margin * 12700)}"{lvl} indent="{-round(hang * 12700)}" '
            f'algn="{st.align}">',
            f'<a:lnSpc><a:spcPct val="{round(st.line * 100000)}"/></a:lnSpc>',
            f'<a:spcBef><a:spcPts val="{_pts(st.space_before)}"/></a:spcBef>',
            f'<a:spcAft><a:spcPts val="{_pts(st.space_after)}"/></a:spcAft>',
        ]
        if start is not None:
            ppr.append(
                f'<a:buClr><a:srgbClr val="{bullet_color}"/></a:buClr><a:buSzTx/><a:buFontTx/>'
                f'<a:buAutoNum type="arabicPeriod" startAt="{start}"/>'
            )
        elif level:
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


def start_numbers(paragraphs: Sequence[Paragraph]) -> list[int | None]:
    """The ``startAt`` of each numbered paragraph of one text body (None for the others).

    PowerPoint and LibreOffice number an item one more than the item before it when that is the
    nearest paragraph above at its level or shallower, is numbered too, at the same level, with
    the same ``startAt``; otherwise the item shows its ``startAt``. So an item that follows the
    one numbered one less shares that one's ``startAt``, and any other item starts at its own
    number: each shows the number it was planned with, and stays in sequence when edited.
    """
    if all(p.number is None for p in paragraphs):
        return [None] * len(paragraphs)
    out: list[int | None] = []
    above: list[tuple[Paragraph, int | None]] = []  # the nearest paragraph of each depth so far
    for p in paragraphs:
        depth = max(p.level, 1)  # a plain paragraph is at the outline level of a first-level item
        prev = above[depth - 1] if len(above) >= depth else None
        start = None
        if p.number is not None:
            start = p.number
            if prev is not None and prev[0].number == p.number - 1 and prev[0].level == p.level:
                start = prev[1]
        del above[depth - 1 :]
        above += [(Paragraph(()), None)] * (depth - 1 - len(above))
        above.append((p, start))
        out.append(start)
    return out


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
