"""Write a blank tracker workbook: every sheet the reader knows, with its header row."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from tuningdeck.workbook.kinds import KINDS
from tuningdeck.workbook.schema import CHOICES, CellKind, SheetSpec
from tuningdeck.workbook.sheets import SHEETS

__all__ = ["write_blank_workbook"]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="EAECF0")  # Base80
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)
_AUTHOR = "tuningdeck"


def write_blank_workbook(path: str | os.PathLike[str]) -> Path:
    """Write a workbook with every sheet and header row of ``docs/workbook.md``; return its path.

    Header cells carry a note saying what the column holds; the Deck sheet lists the setting
    names. The file is written atomically, and an existing file is never replaced: raise
    :class:`FileExistsError` if ``path`` exists.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another name or remove it first")
    wb = build_blank_workbook()
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp.xlsx")
    try:
        wb.save(tmp)
        if path.exists():
            raise FileExistsError(f"{path} already exists; choose another name or remove it")
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def build_blank_workbook() -> Workbook:
    """The blank workbook in memory: one sheet per :data:`~tuningdeck.workbook.sheets.SHEETS`."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = _AUTHOR
    for spec in SHEETS:
        _write_sheet(wb.create_sheet(spec.name), spec)
    return wb


def _write_sheet(ws: Worksheet, spec: SheetSpec) -> None:
    for i, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i, value=column.name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
        note = f"{'Required: ' if column.required else ''}{column.help}."
        cell.comment = Comment(note[0].upper() + note[1:], _AUTHOR, width=240, height=90)
        ws.column_dimensions[letter].width = column.width
        rows = f"{letter}2:{letter}1048576"
        if column.kind is CellKind.QUARTER:
            _choices(ws, rows, ["Q1", "Q2", "Q3", "Q4", "all"])
        elif column.kind is CellKind.ONE_QUARTER:
            _choices(ws, rows, ["Q1", "Q2", "Q3", "Q4"])
        elif column.kind is CellKind.KIND:
            _choices(ws, rows, [k.name for k in KINDS.values()])
        elif column.kind in CHOICES:
            _choices(ws, rows, list(CHOICES[column.kind]))
    for row, setting in enumerate(spec.settings, start=2):
        cell = ws.cell(row=row, column=1, value=setting.name)
        cell.alignment = _TOP_WRAP
        note = f"{'Required: ' if setting.required else ''}{setting.help}."
        cell.comment = Comment(note[0].upper() + note[1:], _AUTHOR, width=240, height=90)
    ws.freeze_panes = "A2"


def _choices(ws: Worksheet, cells: str, values: list[str]) -> None:
    """Offer ``values`` in a drop-down, but accept other text (the reader judges it)."""
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    dv.showErrorMessage = False
    dv.add(cells)
    ws.add_data_validation(dv)
