"""Rows of a workbook sheet, and slide kinds as the reader uses them.

A :class:`SlideKind` is a kind seen from the workbook: the sheet its Key picks a row of, the
sheets it reads whole, a function that builds the slide from a :class:`SlideSource`, and a check
of the rows it reads that runs whatever the quarter. The kinds are declared in
:mod:`tuningdeck.catalogue`, and :mod:`~tuningdeck.workbook.kinds` makes a :class:`SlideKind` of
each. Nothing here knows of Excel.
"""

from __future__ import annotations

import enum
import functools
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from attrs import field, frozen

from tuningdeck.errors import WorkbookWarning
from tuningdeck.model import FiscalYear, Quarter, Slide, Words
from tuningdeck.workbook.schema import SheetSpec, normalise_name

__all__ = [
    "ALL",
    "COMMON_FIELDS",
    "CellRefs",
    "KeyUse",
    "Reported",
    "Row",
    "RowError",
    "RowErrors",
    "SheetRows",
    "SlideKind",
    "SlideSource",
    "by_key",
    "did_you_mean",
    "key_id",
    "one_line",
    "rows_of",
    "short",
    "source_row",
]

ALL: Literal["all"] = "all"
"""The Quarter cell value of a row that holds in every quarter."""


def _values(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(value)


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(value)


def _refs(value: Mapping[str, str]) -> Mapping[str, str]:
    return value if isinstance(value, CellRefs) else MappingProxyType(value)


class CellRefs(Mapping[str, str]):
    """Where a row's cells are, worked out when asked for: column key → ``"D5"``. Immutable.

    ``letters`` (column key → column letter, ``"D"``) is shared by every row of a sheet, so a row
    costs no text per cell until a message names one.
    """

    __slots__ = ("_letters", "_number")

    def __init__(self, letters: Mapping[str, str], number: int) -> None:
        self._letters = letters
        self._number = number

    def __getitem__(self, key: str) -> str:
        return f"{self._letters[key]}{self._number}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)

    def __repr__(self) -> str:
        return repr(dict(self))


_MISSING = object()


@frozen
class Row:
    """One item of a sheet: its values by column and where each cell is. Immutable.

    ``values`` and ``cells`` are keyed by the column's compared name (``"recommendation
    heading"``); a column the sheet lacks has its blank value and no cell. The methods take a
    column's name as written (``"Recommendation heading"``) or its compared name; the compared
    name is looked up without being worked out again.
    """

    sheet: str
    number: int
    values: Mapping[str, object] = field(converter=_values)
    cells: Mapping[str, str] = field(converter=_refs)
    ok: bool = True
    """False when a cell of the row could not be read (the problem is already reported)."""

    def value(self, column: str) -> object:
        """The read value of ``column``: text, a :class:`Quarter`, ``"all"``, a set of quarters,
        a Level's 0 or 1, a Better's ``"higher"`` or ``"lower"``, a yes/no cell's bool, a number
        (a float, None when blank), a Period's date."""
        values = self.values
        v = values.get(column, _MISSING)
        return values.get(normalise_name(column)) if v is _MISSING else v

    def text(self, column: str) -> str:
        """The text of ``column``, ``""`` when blank or absent."""
        values = self.values
        v = values.get(column, _MISSING)
        if v is _MISSING:
            v = values.get(normalise_name(column))
        return v if isinstance(v, str) else ""

    def cell(self, column: str | None = None) -> str:
        """The coordinate of ``column``'s cell (``"D5"``), or of the row's first cell."""
        if column is not None:
            ref = self.cells.get(normalise_name(column))
            if ref:
                return ref
        return min(self.cells.values(), key=_column_order, default=f"A{self.number}")

    def where(self, column: str | None = None) -> str:
        """``Sheet!D5``, for messages."""
        return f"{self.sheet}!{self.cell(column)}"


def _column_order(ref: str) -> tuple[int, str]:
    letters = ref.rstrip("0123456789")
    return len(letters), letters


@functools.lru_cache(maxsize=1 << 16)
def key_id(key: str) -> str:
    """How keys are compared: ``"IP-Masking "`` and ``"ip-masking"`` are the same key.

    A key is asked for by every sheet that names it: each is worked out once.
    """
    return " ".join(key.split()).casefold()


class RowError(ValueError):
    """A builder's complaint about a cell: raised by a builder, reported as a problem."""

    def __init__(self, sheet: str, cell: str | None, message: str) -> None:
        self.sheet = sheet
        self.cell = cell
        self.message = message
        super().__init__(f"{sheet}!{cell}: {message}" if cell else f"{sheet}: {message}")


class RowErrors(ValueError):
    """Several complaints about the cells of one slide, raised together and reported each."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class Reported(Exception):
    """Raised by a builder whose slide cannot be made for a reason already reported.

    A row it reads had a cell that could not be read (the row's ``ok`` is False); that cell's
    problem is in the report already, and the slide adds nothing to it.
    """


def _warn(message: str) -> None:
    warnings.warn(WorkbookWarning(message), stacklevel=3)


@frozen
class SlideSource:
    """Everything a builder may read to build one slide. Immutable."""

    slide: Row
    """The slide's row of the Slides sheet."""
    row: Row | None
    """The row of the kind's sheet chosen for the quarter (None for kinds without a sheet)."""
    quarter: Quarter
    settings: Mapping[str, str]
    """The Deck sheet's settings, by compared name (``"acronyms intro"``)."""
    title: str
    """The deck's title, its template filled in."""
    sheets: Mapping[str, tuple[Row, ...]]
    """The rows of every sheet the workbook has whose header is whole, by the sheet's declared
    name; a row whose ``ok`` is False had a cell that could not be read (already reported)."""
    fiscal_year: FiscalYear | None = None
    """The deck's fiscal year (None when the Deck sheet's is missing or bad: already reported)."""
    folder: Path = field(default=Path(), converter=Path)
    """The workbook's folder: paths in its cells are relative to it."""
    picture_folders: tuple[Path, ...] = ()
    """Folders outside the workbook's that pictures may come from (the workbook's always may)."""
    warn: Callable[[str], None] = field(default=_warn, eq=False)
    """Report something that may be a mistake but does not stop the deck (``Sheet!Cell: …``)."""
    words: Words = field(factory=Words)
    """The deck's words from the Deck sheet (e.g. the suffix of a computed chart callout)."""
    origin: str = ""
    """Where the slide is written (``Tables!A5``): the slide's
    :attr:`~tuningdeck.model.Slide.origin`, which a builder may give it (else the reader does)."""

    def common(self) -> dict[str, str]:
        """Department, footnote and notes from the row, notes falling back to the Slides row's."""
        row = self.row
        out = {
            "department": row.text("department") if row else "",
            "footnote": row.text("footnote") if row else "",
            "notes": (row.text("notes") if row else "") or self.slide.text("notes"),
        }
        return {k: v for k, v in out.items() if v}


class KeyUse(enum.Enum):
    """What a Slides row's Key cell means for a kind."""

    ROW = "row"
    """The Key of a row in the kind's sheet (required)."""
    TEXT = "text"
    """Text shown on the slide, e.g. a section divider's (required)."""
    NONE = "none"
    """Nothing: the cell should be blank."""


@frozen
class SlideKind:
    """A slide kind as the workbook knows it. Immutable."""

    name: str
    """The name shown in messages, e.g. ``"drill-down"``."""
    build: Callable[[SlideSource], Slide]
    key: KeyUse = KeyUse.NONE
    key_help: str = ""
    """What the Key cell holds, for "expected …" messages (KeyUse.TEXT)."""
    sheet: SheetSpec | None = None
    """The keyed sheet whose row the Key picks (KeyUse.ROW)."""
    needs: tuple[SheetSpec, ...] = ()
    """Sheets the builder reads whole; the workbook must have them."""
    fields: Mapping[str, str] = field(factory=dict, converter=_texts)
    """Slide field → column of the kind's sheet, to point a slide's complaint at a cell."""
    check: Callable[[Mapping[str, tuple[Row, ...]]], Iterable[RowError]] | None = None
    """Checks across the rows of the sheets the kind reads (as :attr:`SlideSource.sheets`
    holds them), run on every reading whatever the quarter and whether or not a slide of the
    kind is shown."""


COMMON_FIELDS = {"department": "Department", "footnote": "Footnote", "notes": "Notes"}


def source_row(src: SlideSource, name: str, sheet: SheetSpec) -> Row:
    """The row of the kind's sheet chosen for the quarter."""
    if src.row is None:
        raise ValueError(f"a {name} slide is built from a row of sheet {sheet.name}")
    return src.row


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean "Objectives"?)`` when one of ``choices`` is close to ``word``, else ``""``.

    Names are compared as :func:`~tuningdeck.workbook.schema.normalise_name` compares them.
    """
    import difflib

    by_name = {normalise_name(c): c for c in choices}
    close = difflib.get_close_matches(normalise_name(word), list(by_name), n=1, cutoff=0.75)
    return f' (did you mean "{by_name[close[0]]}"?)' if close else ""


def one_line(text: str) -> str:
    """``text`` with its runs of spaces and line breaks made one space: how labels compare."""
    return " ".join(text.split())


def short(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters, for messages."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SheetRows(tuple[Row, ...]):
    """A sheet's rows (as a quarter shows them) that remember their grouping by a key column, so
    that looking up one slide's rows costs the same however many slides there are."""

    _groups: dict[str, dict[str, list[Row]]]

    def grouped(self, column: str) -> dict[str, list[Row]]:
        """:func:`by_key` of these rows, worked out once per column."""
        try:
            groups = self._groups
        except AttributeError:
            groups = self._groups = {}
        if column not in groups:
            groups[column] = _group(self, column)
        return groups[column]


def by_key(rows: Iterable[Row], column: str) -> dict[str, list[Row]]:
    """Rows grouped by the key in ``column``, keys and rows in sheet order; blank keys left out.

    The result is shared between callers when ``rows`` are :class:`SheetRows`: do not change it.
    """
    if isinstance(rows, SheetRows):
        return rows.grouped(column)
    return _group(rows, column)


def _group(rows: Iterable[Row], column: str) -> dict[str, list[Row]]:
    name = normalise_name(column)
    out: dict[str, list[Row]] = {}
    for row in rows:
        text = row.text(name)
        if text:
            out.setdefault(key_id(text), []).append(row)
    return out


def rows_of(src: SlideSource, name: str, sheet: SheetSpec, column: str) -> list[Row]:
    """The rows of ``sheet`` whose ``column`` names the slide's Key; raise if there are none.

    Raise :class:`Reported` when one of them had a cell that could not be read.
    """
    key = src.slide.text("key")
    rows = by_key(src.sheets.get(sheet.name, ()), column).get(key_id(key), [])
    if not rows:
        raise RowError(
            src.slide.sheet,
            src.slide.cell("Key"),
            f'{name} "{key}" has no rows in sheet {sheet.name}; add rows whose {column} is {key}',
        )
    if not all(r.ok for r in rows):
        raise Reported
    return rows
