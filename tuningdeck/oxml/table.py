"""DrawingML tables (``a:tbl``): the grid, rows, and cells with their margins, rules and fill."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from tuningdeck.oxml.core import Prototypes, element, sub
from tuningdeck.oxml.text import solid_fill

__all__ = ["CellFormat", "cell", "covered_cell", "row", "table"]


class CellFormat(NamedTuple):
    """A cell's properties: margins (EMU), anchor, rules above and below (colour or None), the
    rules' width (EMU), fill (RRGGBB or None) and how many rows it spans."""

    margin_x: int
    margin_y: int
    anchor: str
    above: str | None
    below: str | None
    rule_width: int
    fill: str | None = None
    span: int = 1


def _line(side: str, color: str | None, width: int) -> etree._Element:
    if color is None:
        return element(f"a:{side}", {"w": width}, element("a:noFill"))
    return element(f"a:{side}", {"w": width, "cmpd": "sng"}, solid_fill(color))


def _text_body() -> etree._Element:
    return element("a:txBody", None, element("a:bodyPr"), element("a:lstStyle"))


def _cell(f: CellFormat) -> etree._Element:
    tc = element("a:tc", {"rowSpan": f.span} if f.span > 1 else None, prefixes=("a", "r"))
    tc.append(_text_body())
    margins = {"marL": f.margin_x, "marR": f.margin_x, "marT": f.margin_y, "marB": f.margin_y}
    tc_pr = sub(tc, "a:tcPr", {**margins, "anchor": f.anchor})
    tc_pr.extend(
        (
            _line("lnL", None, f.rule_width),
            _line("lnR", None, f.rule_width),
            _line("lnT", f.above, f.rule_width),
            _line("lnB", f.below, f.rule_width),
            solid_fill(f.fill) if f.fill else element("a:noFill"),
        )
    )
    return tc


def _covered(key: tuple[str, int]) -> etree._Element:
    rule, width = key
    tc = element("a:tc", {"vMerge": 1}, prefixes=("a", "r"))
    body = _text_body()
    sub(body, "a:p")
    tc.append(body)
    sub(tc, "a:tcPr").extend(
        (
            _line("lnL", None, width),
            _line("lnR", None, width),
            _line("lnT", rule, width),
            _line("lnB", rule, width),
            element("a:noFill"),
        )
    )
    return tc


_cells: Prototypes[CellFormat] = Prototypes(_cell)
_covered_cells: Prototypes[tuple[str, int]] = Prototypes(_covered)


def table(widths: Iterable[int], style_id: str) -> etree._Element:
    """A new ``<a:tbl>`` with a header row, the table style ``style_id`` and its column widths
    (EMU); rows are appended to it."""
    tbl = element("a:tbl", prefixes=("a", "r"))
    tbl_pr = sub(tbl, "a:tblPr", {"firstRow": 1})
    sub(tbl_pr, "a:tableStyleId", text=style_id)
    grid = sub(tbl, "a:tblGrid")
    for w in widths:
        sub(grid, "a:gridCol", {"w": w})
    return tbl


def row(tbl: etree._Element, height: int) -> etree._Element:
    """A new ``<a:tr>`` of ``height`` (EMU) appended to ``tbl``."""
    return sub(tbl, "a:tr", {"h": height})


def cell(f: CellFormat, paragraphs: Iterable[etree._Element]) -> etree._Element:
    """A new ``<a:tc>`` formatted ``f`` holding ``paragraphs``."""
    tc = _cells(f)
    tc[0].extend(paragraphs)
    return tc


def covered_cell(rule: str, width: int) -> etree._Element:
    """A cell that the span of a cell above covers (``vMerge``), with its rules."""
    return _covered_cells((rule, width))
