"""Draw a laid-out table into a table placeholder: a native, editable PowerPoint table."""

from __future__ import annotations

from lxml import etree
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.shapes.placeholder import TablePlaceholder
from pptx.util import Emu

from tuningdeck.render.table import PlacedTable
from tuningdeck.render.text import write_blocks

__all__ = ["draw_table"]

EMU_PER_PT = 12700
#: The built-in "No Style, No Grid" table style: every fill and rule is the table's own.
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
_ANCHORS = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'


def _emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_PT))


def draw_table(
    placeholder: TablePlaceholder,
    table: PlacedTable,
    *,
    rule_color: str,
    rule_width: float,
    bullet_color: str,
    link_color: str,
) -> None:
    """Replace ``placeholder`` with ``table``: widths, heights, merges, fills, rules and text."""
    rows = table.page.rows
    frame = placeholder.insert_table(len(rows), len(table.widths))
    frame.width = _emu(sum(table.widths))
    frame.height = _emu(table.page.height)
    tbl = frame.table
    style = tbl._tbl.tblPr.find(qn("a:tableStyleId"))
    style.text = NO_STYLE
    tbl.first_row = True
    tbl.horz_banding = False
    for col, w in zip(tbl.columns, table.widths, strict=True):
        col.width = _emu(w)
    for row, h in zip(tbl.rows, table.page.heights, strict=True):
        row.height = _emu(h)
    for i, cells in enumerate(rows):
        for j, spec in enumerate(cells):
            if spec is None:
                continue
            cell = tbl.cell(i, j)
            if spec.span > 1:
                cell.merge(tbl.cell(i + spec.span - 1, j))
            write_blocks(
                cell.text_frame, spec.blocks, bullet_color=bullet_color, link_color=link_color
            )
            cell.margin_left = cell.margin_right = _emu(table.pad_x)
            cell.margin_top = cell.margin_bottom = _emu(table.pad_y)
            cell.vertical_anchor = _ANCHORS[spec.anchor]
            rule = rule_color if spec.rule else None
            _borders_and_fill(cell._tc, spec.fill, rule, rule if i else None, rule_width)
    # cells covered by a merge still need a well-formed, empty body and the same rules
    for i, cells in enumerate(rows):
        for j, spec in enumerate(cells):
            if spec is None:
                _borders_and_fill(tbl.cell(i, j)._tc, None, rule_color, rule_color, rule_width)


def _line(side: str, color: str | None, width: int) -> str:
    if color is None:
        return f'<a:{side} {_A} w="{width}"><a:noFill/></a:{side}>'
    return (
        f'<a:{side} {_A} w="{width}" cmpd="sng"><a:solidFill><a:srgbClr val="{color}"/>'
        f"</a:solidFill></a:{side}>"
    )


def _borders_and_fill(
    tc: etree._Element, fill: str | None, below: str | None, above: str | None, width: float
) -> None:
    """Horizontal rules only (none at the cell's sides), then its fill, in schema order.

    The rule between two rows is drawn by both cells, so every renderer shows it whichever
    edge it gives precedence.
    """
    tc_pr = tc.get_or_add_tcPr()
    for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB", "a:solidFill", "a:noFill"):
        for old in tc_pr.findall(qn(tag)):
            tc_pr.remove(old)
    w = round(width * EMU_PER_PT)
    edges = [
        _line("lnL", None, w),
        _line("lnR", None, w),
        _line("lnT", above, w),
        _line("lnB", below, w),
    ]
    paint = (
        f'<a:solidFill {_A}><a:srgbClr val="{fill}"/></a:solidFill>'
        if fill
        else f"<a:noFill {_A}/>"
    )
    for i, xml in enumerate([*edges, paint]):
        tc_pr.insert(i, etree.fromstring(xml))
