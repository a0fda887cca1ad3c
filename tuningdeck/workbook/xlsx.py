"""Read an .xlsx file's cells (streamed from its XML by :mod:`~tuningdeck.workbook.ooxml`):
the only place that opens a workbook.

The file is looked at before it is parsed: a file saved in another format gets plain advice, and
a zip whose entries would unpack to more than the limits below (a "zip bomb") is refused from its
directory alone, without unpacking anything. Sheets are read up to :data:`MAX_ROWS` rows and
:data:`MAX_COLUMNS` columns.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

from attrs import frozen

from tuningdeck.errors import Problem, WorkbookError
from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.ooxml import Damaged, Package, RowLimit
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
        with zipfile.ZipFile(path) as archive:
            package = Package(archive)
            sheets: dict[str, RawSheet] = {}
            for title, part in package.sheets:
                key = normalise_name(title)
                if key not in wanted:
                    # named, not read: a misspelt sheet's name makes a suggestion
                    sheets.setdefault(key, RawSheet(title, ()))
                    continue
                if part is None:
                    raise Damaged(f'the part holding the sheet "{title}" is missing')
                rows = package.rows(part, title, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
                sheets[key] = RawSheet(title, rows)
    except RowLimit as exc:
        message = (
            f"more than {MAX_ROWS:,} rows; expected at most {MAX_ROWS:,} rows a sheet "
            "(split the workbook)"
        )
        raise WorkbookError(
            [Problem(str(exc), f"A{MAX_ROWS + 1}", message)], path=str(path)
        ) from None
    except FileNotFoundError as exc:
        raise file_error(path, name, "file not found") from exc
    except IsADirectoryError as exc:
        raise file_error(path, name, "a folder, not a file") from exc
    except PermissionError as exc:
        raise file_error(path, name, "cannot be read (permission denied)") from exc
    except (
        Damaged,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a compression method zipfile lacks
        RuntimeError,  # an encrypted entry
        ValueError,
        OSError,
    ) as exc:
        raise file_error(path, name, f"not an .xlsx workbook ({_one_line(exc)})") from exc
    return sheets


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _check_file(path: str | os.PathLike[str], name: str) -> None:
    """Refuse, with advice, a file in another format, and a zip that would unpack too far."""
    suffix = Path(path).suffix.lower()
    if suffix in _OTHER_FORMATS:
        raise _advice(path, name, _OTHER_FORMATS[suffix])
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return  # told, with its cause, when it is opened
    if head == _OLE2:
        raise _advice(path, name, _OTHER_FORMATS[".xls"])
    try:
        with zipfile.ZipFile(path) as z:
            entries = z.infolist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # told when it is opened
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
