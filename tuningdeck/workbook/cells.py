"""Reading one cell's value as the column declares it: text, a quarter, a list of quarters.

Pure Python: a cell arrives as its value, its Excel data type and its number format, and leaves
as a Python value or a :class:`CellError` whose message says what is wrong and what was expected.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Collection

from attrs import frozen

from tuningdeck.model import Quarter
from tuningdeck.model.fields import check_xml_chars
from tuningdeck.vocab import ChartKind, Engine, Fit, Word
from tuningdeck.workbook.rows import ALL, did_you_mean, short
from tuningdeck.workbook.schema import CellKind, ColumnSpec, normalise_name
from tuningdeck.workbook.versions import Span

__all__ = [
    "ALL_QUARTERS",
    "CellError",
    "RawCell",
    "blank_value",
    "is_blank",
    "parse_number",
    "parse_quarter",
    "parse_quarters",
    "parse_span",
    "read_cell",
]

ALL_QUARTERS: frozenset[Quarter] = frozenset(Quarter)


@frozen
class RawCell:
    """A cell as the file holds it: value, Excel data type (``"e"`` for an error) and format."""

    value: object
    data_type: str = "n"
    number_format: str | None = None


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong and what was expected."""


_EXPECTED = {
    CellKind.TEXT: "text",
    CellKind.KEY: "text (a key)",
    CellKind.QUARTER: "a quarter (Q1, Q2, Q3, Q4), all, or a range such as Q2-Q4",
    CellKind.ONE_QUARTER: "a quarter (Q1, Q2, Q3 or Q4)",
    CellKind.QUARTERS: "quarters (blank, a list such as Q1, Q2 or a range such as Q2-Q4)",
    CellKind.KIND: "a slide kind",
    CellKind.FISCAL_YEAR: "a fiscal year such as FY20-21",
    CellKind.LEVEL: "blank, metric or sub",
    CellKind.BETTER: "higher or lower",
    CellKind.YES_NO: "yes or no",
    CellKind.PACE: "year end or cumulative",
    CellKind.NUMBER: "a number",
    CellKind.PERIOD: "a date or text",
    CellKind.CHART_KIND: ChartKind.spelled(),
    CellKind.ENGINE: Engine.spelled(),
    CellKind.FIT: Fit.spelled(),
    CellKind.PICTURE: "a picture file's path",
}


def _words(vocabulary: type[Word]) -> dict[str, object]:
    """Each word of ``vocabulary`` by its compared spelling (see :func:`normalise_name`)."""
    return {normalise_name(w.value): w for w in vocabulary}


_WORDS: dict[CellKind, dict[str, object]] = {
    CellKind.LEVEL: {"metric": 0, "0": 0, "sub": 1, "sub row": 1, "1": 1},
    CellKind.BETTER: {"higher": "higher", "lower": "lower"},
    CellKind.YES_NO: {"yes": True, "no": False, "true": True, "false": False},
    CellKind.PACE: {"year end": "year end", "year": "year end", "cumulative": "cumulative"},
    CellKind.CHART_KIND: {**_words(ChartKind), "year over year": ChartKind.YOY},
    CellKind.ENGINE: _words(Engine),
    CellKind.FIT: _words(Fit),
}
"""What each word of a closed vocabulary reads as (compared as :func:`normalise_name` does)."""

_BLANK: dict[CellKind, object] = {
    CellKind.QUARTERS: ALL_QUARTERS,
    CellKind.QUARTER: None,
    CellKind.ONE_QUARTER: None,
    CellKind.LEVEL: 0,
    CellKind.BETTER: "higher",
    CellKind.YES_NO: True,
    CellKind.PACE: "year end",
    CellKind.NUMBER: None,
    CellKind.CHART_KIND: ChartKind.YOY,
    CellKind.ENGINE: Engine.NATIVE,
    CellKind.FIT: Fit.FIT,
}


def is_blank(cell: RawCell | None) -> bool:
    """True for an empty cell or one holding only spaces."""
    if cell is None:
        return True
    if cell.data_type == "e":
        return False
    v = cell.value
    return v is None or (isinstance(v, str) and not v.strip())


def blank_value(column: ColumnSpec) -> object:
    """What a blank (or absent) cell of ``column`` reads as: ``""`` for text, 0 for a Level, …"""
    return _BLANK.get(column.kind, "")


def read_cell(cell: RawCell, column: ColumnSpec, kinds: Collection[str] = ()) -> object:
    """The value of ``cell`` as ``column`` declares it; raise :class:`CellError` if it has none.

    ``kinds`` are the known slide kinds' display names, for :attr:`CellKind.KIND` cells. A
    Level reads as 0 or 1, a Better as ``"higher"`` or ``"lower"``, a yes/no cell as a bool, a
    number as a float (None when blank), a period's date cell as a :class:`datetime.date`.
    """
    if column.kind is CellKind.YES_NO and cell.data_type != "e" and isinstance(cell.value, bool):
        return cell.value
    if column.kind is CellKind.NUMBER:
        return _read_number(cell)
    if column.kind is CellKind.PERIOD and cell.data_type != "e":
        v = cell.value
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
    text = as_text(cell, _EXPECTED[column.kind])
    if not text:
        return blank_value(column)
    if column.kind is CellKind.KEY:
        return " ".join(text.split())
    if column.kind is CellKind.QUARTER:
        return parse_span(text)
    if column.kind is CellKind.ONE_QUARTER:
        return parse_quarter(text, column.name)
    if column.kind is CellKind.QUARTERS:
        return parse_quarters(text)
    if column.kind is CellKind.KIND:
        name = normalise_name(text)
        if name not in _compared(tuple(kinds)):
            raise CellError(
                f'unknown kind "{short(text)}"{did_you_mean(text, kinds)}; expected one of '
                f"{', '.join(kinds)}"
            )
        return name
    words = _WORDS.get(column.kind)
    if words is not None:
        try:
            return words[normalise_name(text)]
        except KeyError:
            raise CellError(f'bad {column.name} "{short(text)}"; expected {column.help}') from None
    return text


@functools.lru_cache(maxsize=8)
def _compared(names: tuple[str, ...]) -> frozenset[str]:
    """``names`` as :func:`normalise_name` compares them, worked out once for many cells."""
    return frozenset(normalise_name(n) for n in names)


def as_text(cell: RawCell, expected: str = "text") -> str:
    """A cell's value as text: numbers become text (``66.0`` → ``"66"``); dates are errors."""
    v = cell.value
    if cell.data_type == "e":
        raise CellError(f"expected {expected}, found the Excel error {v}")
    if v is None:
        return ""
    if isinstance(v, str):
        try:
            check_xml_chars(v)
        except ValueError as e:
            raise CellError(str(e)) from None
        return v.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(v, bool):
        raise CellError(f"expected {expected}, found {'TRUE' if v else 'FALSE'}")
    if isinstance(v, int | float):
        return _number(v, cell.number_format)
    raise CellError(f"expected {expected}, found {_describe(v)}")


def _read_number(cell: RawCell) -> float | None:
    v = cell.value
    if cell.data_type != "e" and isinstance(v, int | float) and not isinstance(v, bool):
        if isinstance(v, float) and not math.isfinite(v):
            raise CellError(f"expected a number, found {v}")
        return float(v)
    text = as_text(cell, "a number")
    if not text:
        return None
    number = parse_number(text)
    if number is None:
        raise CellError(f'expected a number, found the text "{short(text)}"')
    return number


_NUMBER = re.compile(r"([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*(%?)")


def parse_number(text: str) -> float | None:
    """``"89,000"`` → 89000.0; ``"5.7%"`` → 0.057; ``"-1.5"`` → -1.5; None for other text."""
    m = _NUMBER.fullmatch(text.strip().replace("\u2212", "-"))
    if m is None or not (m.group(2) or m.group(3)):
        return None
    sign, whole, fraction, percent = m.groups()
    number = float((whole or "0").replace(",", "") + (fraction or ""))
    number = -number if sign == "-" else number
    return number / 100 if percent else number


def _number(v: float, number_format: str | None) -> str:
    if number_format and "%" in number_format:
        return f"{v * 100:.15g}%"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return f"{v:.15g}" if isinstance(v, float) else str(v)


def _describe(v: object) -> str:
    if isinstance(v, dt.datetime):
        if v.time() == dt.time():
            return f"a date ({v.date().isoformat()})"
        return f"a date and time ({v.isoformat(sep=' ', timespec='minutes')})"
    if isinstance(v, dt.date):
        return f"a date ({v.isoformat()})"
    if isinstance(v, dt.time):
        return f"a time ({v.isoformat(timespec='minutes')})"
    if isinstance(v, dt.timedelta):
        return f"a duration ({v})"
    return f"a {type(v).__name__} ({v})"


_QUARTER = re.compile(r"[Qq]\s*([1-4])")
_SPAN = re.compile(
    r"(?:(?P<from>from\s+)?[Qq]\s*(?P<first>[1-4])(?P<on>\s*\+|\s*(?:on|onwards?))?"
    r"(?:\s*(?:-|–|to)\s*[Qq]?\s*(?P<last>[1-4]))?)",
    re.IGNORECASE,
)


def parse_quarter(text: str, column: str = "quarter") -> Quarter:
    """``"Q2"`` → :attr:`Quarter.Q2`; raise :class:`CellError` otherwise."""
    m = _QUARTER.fullmatch(text.strip())
    if not m:
        raise CellError(f'bad {column} "{short(text)}"; expected Q1, Q2, Q3 or Q4')
    return Quarter(int(m.group(1)))


def parse_span(text: str) -> Span:
    """A narrative row's Quarter: ``"Q2"`` (that quarter), ``"all"``, ``"Q2-Q4"``, ``"from Q2"``
    or ``"Q2+"`` (to the end of the year); raise :class:`CellError` otherwise."""
    t = " ".join(text.split())
    if t.casefold() == ALL:
        return Span()
    m = _SPAN.fullmatch(t)
    if m is not None:
        first = int(m.group("first"))
        open_ended = m.group("from") or m.group("on")
        last = 4 if open_ended and not m.group("last") else int(m.group("last") or first)
        if first <= last and not (open_ended and m.group("last")):
            return Span(Quarter(first), Quarter(last))
    raise CellError(
        f'bad quarter "{short(text)}"; expected Q1, Q2, Q3, Q4, all, a range such as Q2-Q4 '
        "or from Q2"
    )


_RANGE = re.compile(r"[Qq]([1-4])(?:-[Qq]?([1-4]))?")


def parse_quarters(text: str) -> frozenset[Quarter]:
    """``""`` or ``"all"`` → every quarter; ``"Q1, Q3"``; ``"Q2-Q4"``; a mix of the two."""
    t = text.strip()
    if not t or t.casefold() == ALL:
        return ALL_QUARTERS
    quarters: set[Quarter] = set()
    for part in re.split(r"[,;\s]+", re.sub(r"\s*[-–]\s*", "-", t)):
        m = _RANGE.fullmatch(part)
        first, last = (int(m.group(1)), int(m.group(2) or m.group(1))) if m else (0, 0)
        if not m or first > last:
            raise CellError(
                f'bad quarters "{short(text)}"; expected blank (every quarter), a list such as '
                "Q1, Q2 or a range such as Q2-Q4"
            )
        quarters.update(Quarter(i) for i in range(first, last + 1))
    return frozenset(quarters)
