"""Write a laid-out table as a native, editable PowerPoint table (``<a:tbl>``).

The whole table (grid, rows, merges, rules, fills and text) is written in one pass, rather than
cell by cell through python-pptx's proxies: as elements (:mod:`tuningdeck.oxml.table`), or, on
the slide writer's hot path, as the same markup from compiled fragments
(:mod:`tuningdeck.oxml.fragments`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import evolve
from lxml import etree

from tuningdeck.oxml import fragments
from tuningdeck.oxml.table import CellFormat, cell, covered_cell, row, table
from tuningdeck.render.script_props import main_direction
from tuningdeck.render.table import Cell, PlacedTable
from tuningdeck.render.text import paragraph_bytes, paragraphs
from tuningdeck.text.scripts import Direction

__all__ = ["table_bytes", "table_direction", "table_element"]

EMU_PER_PT = 12700
#: The built-in "No Style, No Grid" table style: every fill and rule is the table's own.
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"


def _emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def table_element(
    table_: PlacedTable,
    *,
    rule_color: str,
    rule_width: float,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
) -> etree._Element:
    """The ``<a:tbl>`` of ``table_``: widths, heights, merges, fills, rules and text.

    Rules are horizontal only; the rule between two rows is drawn by both cells, so every
    renderer shows it whichever edge it gives precedence. A table whose text is mostly right to
    left is mirrored: its first column at the right.
    """
    base = table_direction(table_)
    if base == "rtl":
        table_ = _mirrored(table_)
    tbl = table([_emu(x) for x in table_.widths], NO_STYLE)
    for height, cells in _rows(table_, rule_color, rule_width):
        tr = row(tbl, height)
        for fmt, spec in cells:
            if spec is None:
                tr.append(covered_cell(rule_color, fmt.rule_width))
                continue
            body = paragraphs(
                spec.blocks,
                bullet_color=bullet_color,
                link_color=link_color,
                link_id=link_id,
                base=base,
            )
            tr.append(cell(fmt, body))
    return tbl


def table_bytes(
    out: list[bytes],
    table_: PlacedTable,
    *,
    rule_color: str,
    rule_width: float,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
) -> None:
    """Append the bytes of :func:`table_element`'s table to ``out``, from compiled fragments
    (:mod:`tuningdeck.oxml.fragments`): the same markup in a fraction of the time."""
    base = table_direction(table_)
    if base == "rtl":
        table_ = _mirrored(table_)
    head, tail = fragments.table_parts([_emu(x) for x in table_.widths], NO_STYLE)
    out.append(head)
    for height, cells in _rows(table_, rule_color, rule_width):
        end_row = fragments.row(out, height)
        for fmt, spec in cells:
            if spec is None:
                fragments.covered_cell(out, rule_color, fmt.rule_width)
                continue
            end_cell = fragments.cell(out, fmt)
            paragraph_bytes(
                out,
                spec.blocks,
                bullet_color=bullet_color,
                link_color=link_color,
                link_id=link_id,
                base=base,
            )
            out.append(end_cell)
        out.append(end_row)
    out.append(tail)


def table_direction(table_: PlacedTable) -> Direction:
    """The direction of ``table_``: right to left when most of its text is (see
    :func:`~tuningdeck.render.script_props.main_direction`)."""
    rows = table_.page.rows
    return main_direction(b.paragraph for row in rows for cell in row if cell for b in cell.blocks)


def _mirrored(table_: PlacedTable) -> PlacedTable:
    """``table_`` with its columns in reverse order: a right-to-left table's first column at the
    right. (LibreOffice does not mirror a table marked ``rtl="1"``; a table whose columns are
    written in reverse order looks mirrored in every application.)"""
    page = table_.page
    rows = tuple(tuple(reversed(row)) for row in page.rows)
    return evolve(table_, widths=tuple(reversed(table_.widths)), page=evolve(page, rows=rows))


def _rows(
    table_: PlacedTable, rule_color: str, rule_width: float
) -> Iterator[tuple[int, list[tuple[CellFormat, Cell | None]]]]:
    """Each row's height (EMU) and cells, with each cell's format; ``None`` for a cell that a
    span covers."""
    w = _emu(rule_width)
    mar_x, mar_y = _emu(table_.pad_x), _emu(table_.pad_y)
    covered: set[tuple[int, int]] = set()
    covering = CellFormat(0, 0, "t", None, None, w)
    for i, (cells, height) in enumerate(zip(table_.page.rows, table_.page.heights, strict=True)):
        found: list[tuple[CellFormat, Cell | None]] = []
        for j, spec in enumerate(cells):
            if spec is None or (i, j) in covered:
                found.append((covering, None))
                continue
            covered.update((i + k, j) for k in range(1, spec.span))
            below = rule_color if spec.rule else None
            fmt = CellFormat(
                mar_x, mar_y, spec.anchor, below if i else None, below, w, spec.fill, spec.span
            )
            found.append((fmt, spec))
        yield _emu(height), found
