"""Serialise a laid-out table as a native, editable PowerPoint table (``<a:tbl>``).

The whole table is written in one pass (grid, rows, merges, rules, fills and text) and parsed
once, rather than cell by cell through python-pptx's proxies.
"""

from __future__ import annotations

from collections.abc import Callable

from tuningdeck.render.table import Cell, PlacedTable
from tuningdeck.render.text import paragraphs_xml

__all__ = ["table_xml"]

EMU_PER_PT = 12700
#: The built-in "No Style, No Grid" table style: every fill and rule is the table's own.
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"


def _emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _line(side: str, color: str | None, width: int) -> str:
    if color is None:
        return f'<a:{side} w="{width}"><a:noFill/></a:{side}>'
    return (
        f'<a:{side} w="{width}" cmpd="sng"><a:solidFill><a:srgbClr val="{color}"/>'
        f"</a:solidFill></a:{side}>"
    )


def table_xml(
    table: PlacedTable,
    *,
    rule_color: str,
    rule_width: float,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
) -> str:
    """The ``<a:tbl>`` of ``table``: widths, heights, merges, fills, rules and text.

    Rules are horizontal only; the rule between two rows is drawn by both cells, so every
    renderer shows it whichever edge it gives precedence.
    """
    w = _emu(rule_width)
    mar_x, mar_y = _emu(table.pad_x), _emu(table.pad_y)
    covered: set[tuple[int, int]] = set()
    xml = [
        f'<a:tbl><a:tblPr firstRow="1"><a:tableStyleId>{NO_STYLE}</a:tableStyleId>'
        "</a:tblPr><a:tblGrid>",
        *(f'<a:gridCol w="{_emu(x)}"/>' for x in table.widths),
        "</a:tblGrid>",
    ]
    for i, (cells, height) in enumerate(zip(table.page.rows, table.page.heights, strict=True)):
        xml.append(f'<a:tr h="{_emu(height)}">')
        for j, spec in enumerate(cells):
            if spec is None or (i, j) in covered:
                xml.append(
                    '<a:tc vMerge="1"><a:txBody><a:bodyPr/><a:lstStyle/><a:p/></a:txBody>'
                    f"<a:tcPr>{_line('lnL', None, w)}{_line('lnR', None, w)}"
                    f"{_line('lnT', rule_color, w)}{_line('lnB', rule_color, w)}<a:noFill/>"
                    "</a:tcPr></a:tc>"
                )
                continue
            covered.update((i + k, j) for k in range(1, spec.span))
            body = paragraphs_xml(
                spec.blocks, bullet_color=bullet_color, link_color=link_color, link_id=link_id
            )
            xml.append(_cell(spec, body, i, rule_color, w, mar_x, mar_y))
        xml.append("</a:tr>")
    xml.append("</a:tbl>")
    return "".join(xml)


def _cell(spec: Cell, body: str, row: int, rule: str, w: int, mar_x: int, mar_y: int) -> str:
    span = f' rowSpan="{spec.span}"' if spec.span > 1 else ""
    below = rule if spec.rule else None
    above = below if row else None
    paint = "<a:noFill/>"
    if spec.fill:
        paint = f'<a:solidFill><a:srgbClr val="{spec.fill}"/></a:solidFill>'
    return (
        f"<a:tc{span}><a:txBody><a:bodyPr/><a:lstStyle/>{body}</a:txBody>"
        f'<a:tcPr marL="{mar_x}" marR="{mar_x}" marT="{mar_y}" marB="{mar_y}" '
        f'anchor="{spec.anchor}">'
        f"{_line('lnL', None, w)}{_line('lnR', None, w)}{_line('lnT', above, w)}"
        f"{_line('lnB', below, w)}{paint}</a:tcPr></a:tc>"
    )
