"""Read an .xlsx file's cells with openpyxl (read-only): the only place that opens a workbook.

The file is looked at before it is parsed: a file saved in another format gets plain advice, and
a zip whose entries would unpack to more than the limits below (a "zip bomb") is refused from its
directory alone, without unpacking anything. Sheets are read up to :data:`MAX_ROWS` rows and
:data:`MAX_COLUMNS` columns.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from attrs import frozen
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from tuningdeck.errors import Problem, WorkbookError
from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.schema import normalise_name
from tuningdeck.workbook.sheets import SHEETS

__all__ = [
    "MAX_COLUMNS",
    "MAX_ENTRIES",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "RawSheet",
    "file_error",
    "load_sheets",
]

MAX_ROWS = 100_000
"""The most rows a sheet may have (header included)."""
MAX_COLUMNS = 256
"""Columns after this many are not read."""
MAX_UNPACKED = 256 * 1024 * 1024
"""The most bytes a workbook's entries may unpack to, together."""
MAX_ENTRIES = 10_000
"""The most entries (files) a workbook's zip may hold."""
MAX_RATIO = 1_000
"""An entry of over 1 MB that unpacks to more than this many times its packed size is refused."""

_OTHER_FORMATS = {
    ".xls": "an Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice, save as .xlsx",
    ".csv": "a CSV file, which holds one sheet; the tracker has several: save it as .xlsx",
    ".tsv": "a tab-separated file, which holds one sheet; the tracker has several: save as .xlsx",
    ".numbers": "a Numbers file; export it from Numbers as Excel (.xlsx)",
    ".ods": "an OpenDocument spreadsheet (.ods); save it as .xlsx (File > Save As in LibreOffice)",
    ".xlsb": "a binary Excel workbook (.xlsb); save it as .xlsx",
}
_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


@frozen
class RawSheet:
    """A sheet's cells as the file holds them; ``rows[0]`` is row 1."""

    title: str
    rows: tuple[tuple[RawCell, ...], ...]


def load_sheets(path: str | os.PathLike[str]) -> dict[str, RawSheet]:
    """The cells of the sheets the schema knows, by compared sheet name; the workbook's other
    sheets are there too, with no rows."""
    wanted = {s.key for s in SHEETS}
    name = Path(path).name or str(path)
    _check_file(path, name)
    try:
        with warnings.catch_warnings():
            # openpyxl's own notes on features it drops (data validation extensions, …)
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                sheets: dict[str, RawSheet] = {}
                for ws in wb.worksheets:
                    if normalise_name(ws.title) not in wanted:
                        # named, not read: a misspelt sheet's name makes a suggestion
                        sheets.setdefault(normalise_name(ws.title), RawSheet(ws.title, ()))
                        continue
                    ws.reset_dimensions()  # a stale stored size would hide rows
                    rows = _read_rows(ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS))
                    if len(rows) > MAX_ROWS:
                        raise WorkbookError(
                            [
                                Problem(
                                    ws.title,
                                    f"A{MAX_ROWS + 1}",
                                    f"more than {MAX_ROWS:,} rows; expected at most "
                                    f"{MAX_ROWS:,} rows a sheet (split the workbook)",
                                )
                            ],
                            path=str(path),
                        )
                    sheets[normalise_name(ws.title)] = RawSheet(ws.title, _trim(rows))
            finally:
                wb.close()
    except WorkbookError:
        raise
    except FileNotFoundError as exc:
        raise file_error(path, name, "file not found") from exc
    except IsADirectoryError as exc:
        raise file_error(path, name, "a folder, not a file") from exc
    except PermissionError as exc:
        raise file_error(path, name, "cannot be read (permission denied)") from exc
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        SyntaxError,
        OSError,
    ) as exc:
        raise file_error(path, name, f"not an .xlsx workbook ({exc})") from exc
    return sheets


def _read_rows(rows: Iterable[tuple[Any, ...]]) -> tuple[tuple[RawCell, ...], ...]:
    """Each row's cells up to its last one with a value; missing rows cost next to nothing."""
    out: list[tuple[RawCell, ...]] = []
    blank: object = None  # openpyxl yields one shared tuple for every missing row
    for row in rows:
        if row is blank:
            out.append(())
            continue
        end = len(row)
        while end and row[end - 1].value is None and row[end - 1].data_type != "e":
            end -= 1
        if not end:
            blank = row
        out.append(tuple(RawCell(c.value, c.data_type, c.number_format) for c in row[:end]))
    return tuple(out)


def _trim(rows: tuple[tuple[RawCell, ...], ...]) -> tuple[tuple[RawCell, ...], ...]:
    """``rows`` without the blank rows at the end (a formatted but empty sheet has many)."""
    end = len(rows)
    while end and not rows[end - 1]:
        end -= 1
    return rows[:end]


def _check_file(path: str | os.PathLike[str], name: str) -> None:
    """Refuse, with advice, a file in another format, and a zip that would unpack too far."""
    suffix = Path(path).suffix.lower()
    if suffix in _OTHER_FORMATS:
        raise _advice(path, name, _OTHER_FORMATS[suffix])
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return  # told, with its cause, when openpyxl opens it
    if head == _OLE2:
        raise _advice(path, name, _OTHER_FORMATS[".xls"])
    try:
        with zipfile.ZipFile(path) as z:
            entries = z.infolist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # told when openpyxl opens it
    if len(entries) > MAX_ENTRIES:
        raise _advice(path, name, f"a zip of {len(entries):,} files; a workbook has far fewer")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED:
        raise _advice(
            path,
            name,
            f"its contents would unpack to {unpacked / 2**20:,.0f} MB; expected a workbook of "
            f"at most {MAX_UNPACKED // 2**20} MB unpacked",
        )
    for e in entries:
        if e.file_size > 2**20 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise _advice(
                path,
                name,
                f"its part {e.filename} would unpack {e.file_size // max(e.compress_size, 1):,} "
                "times its size, as no real workbook does",
            )


def _advice(path: str | os.PathLike[str], name: str, what: str) -> WorkbookError:
    return WorkbookError([Problem(name, None, f"{what}; not read")], path=str(path))


def file_error(path: str | os.PathLike[str], name: str, what: str) -> WorkbookError:
    """One problem with the file as a whole: missing, a folder, not an .xlsx workbook."""
    message = f"{what}; expected a workbook saved as .xlsx"
    return WorkbookError([Problem(name, None, message)], path=str(path))
