"""Building test workbooks: sheets as lists of rows, edits to them, and reading the problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from tuningdeck.errors import WorkbookError
from tuningdeck.workbook import read_workbook

#: A workbook as data: sheet name -> rows, row 1 (the header) first.
Sheets = dict[str, list[list[object]]]
Edit = Callable[[Sheets], None]


def save(path: Path, sheets: Sheets) -> Path:
    """Write ``sheets`` to ``path`` as an .xlsx workbook."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def problems(path: Path, quarter: str = "Q1") -> list[str]:
    """The problems reading ``path`` reports, as ``Sheet!Cell: message`` lines."""
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, quarter)
    assert info.value.path == str(path)
    return [str(p) for p in info.value.problems]


def set_cell(sheet: str, row: int, col: int, value: object) -> Edit:
    """An edit putting ``value`` at ``sheet`` row ``row``, column ``col`` (1-based)."""

    def edit(sheets: Sheets) -> None:
        cells = sheets[sheet][row - 1]
        cells.extend([None] * (col - len(cells)))
        cells[col - 1] = value

    return edit


def append_rows(sheet: str, *rows: list[object]) -> Edit:
    """An edit adding ``rows`` at the end of ``sheet``."""

    def edit(sheets: Sheets) -> None:
        sheets[sheet].extend(rows)

    return edit


def drop_row(sheet: str, row: int) -> Edit:
    """An edit deleting row ``row`` (1-based) of ``sheet``."""

    def edit(sheets: Sheets) -> None:
        del sheets[sheet][row - 1]

    return edit
