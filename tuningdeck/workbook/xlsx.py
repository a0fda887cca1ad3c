"""Read an .xlsx file's cells with openpyxl (read-only): the only place that opens a workbook."""

from __future__ import annotations

import os
import warnings
import zipfile
from pathlib import Path

from attrs import frozen
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from tuningdeck.errors import Problem, WorkbookError
from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.schema import SHEETS, normalise_name

__all__ = ["RawSheet", "file_error", "load_sheets"]


@frozen
class RawSheet:
    """A sheet's cells as the file holds them; ``rows[0]`` is row 1."""

    title: str
    rows: tuple[tuple[RawCell, ...], ...]


def load_sheets(path: str | os.PathLike[str]) -> dict[str, RawSheet]:
    """The cells of the sheets the schema knows, by compared sheet name."""
    wanted = {s.key for s in SHEETS}
    name = Path(path).name or str(path)
    try:
        with warnings.catch_warnings():
            # openpyxl's own notes on features it drops (data validation extensions, …)
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                sheets = {}
                for ws in wb.worksheets:
                    if normalise_name(ws.title) not in wanted:
                        continue
                    ws.reset_dimensions()  # a stale stored size would hide rows
                    rows = tuple(
                        tuple(RawCell(c.value, c.data_type, c.number_format) for c in row)
                        for row in ws.iter_rows()
                    )
                    sheets[normalise_name(ws.title)] = RawSheet(ws.title, rows)
            finally:
                wb.close()
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


def file_error(path: str | os.PathLike[str], name: str, what: str) -> WorkbookError:
    """One problem with the file as a whole: missing, a folder, not an .xlsx workbook."""
    message = f"{what}; expected a workbook saved as .xlsx"
    return WorkbookError([Problem(name, None, message)], path=str(path))
