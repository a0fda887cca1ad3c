"""Periods named in a chart's labels and texts, and the end of the deck's quarter.

A deck for a quarter shows nothing after that quarter: a tracker's data and text may run ahead of
it (the year-end workbook builds the Q1 deck too). This module reads the periods a label or a
text names, so the workbook reader can leave out what lies after the quarter's end:

- a month: ``September 2020``, ``Sep 2020``, ``Sept. 2020``, ``2020-09``, ``9/2020``; in a range
  the first month may leave its year to the second (``July - September 2020``);
- a quarter of a fiscal year: ``Q3`` (of the fiscal year the context gives), ``Q3 FY20-21``,
  ``FY20-21 Q3``;
- a fiscal year, as a whole label only: ``FY21-22``.

A year alone (``2020``) names no period here: it is as often a number. Nothing here knows of
Excel or of the deck's model beyond its calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, NamedTuple

from tuningdeck.charts.yoy import FISCAL_START, MONTHS
from tuningdeck.model.fiscal import FiscalYear, Quarter

__all__ = [
    "Period",
    "add_months",
    "fiscal_year_of",
    "label_period",
    "periods_named",
    "quarter_span",
]


class Period(NamedTuple):
    """A span of whole months, each month as its first day, and its name for messages."""

    first: dt.date
    last: dt.date
    name: str
    unit: Literal["month", "quarter", "fiscal year"]


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month (before it when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def fiscal_year_of(day: dt.date, start_month: int = FISCAL_START) -> FiscalYear:
    """The fiscal year ``day`` falls in: 2020-09-01 is in FY20-21, 2021-06-30 too."""
    return FiscalYear(day.year if day.month >= start_month else day.year - 1)


def quarter_span(
    fiscal_year: FiscalYear, quarter: Quarter, *, start_month: int = FISCAL_START
) -> Period:
    """The quarter's months: Q1 FY20-21 is July to September 2020 (``Q1 FY20-21``)."""
    first = add_months(dt.date(fiscal_year.start, start_month, 1), 3 * (int(quarter) - 1))
    return Period(first, add_months(first, 2), f"{quarter} {fiscal_year}", "quarter")


def _fiscal_year_span(fiscal_year: FiscalYear, start_month: int) -> Period:
    first = dt.date(fiscal_year.start, start_month, 1)
    return Period(first, add_months(first, 11), fiscal_year.label, "fiscal year")


def _month(day: dt.date) -> Period:
    return Period(day, day, f"{MONTHS[day.month - 1]} {day.year}", "month")


_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FY_TEXT = r"FY\s*\d{2}(?:\d{2})?\s*[-/–]\s*\d{2}(?:\d{2})?"
_TOKEN = re.compile(
    # a month name, its year after it or (in a range) after the next month
    rf"(?P<name>\b{_MONTH_NAME}\b)\.?(?:(?:,?\s+|-)(?P<year>\d{{4}})\b)?"
    # 2020-09 (a day may follow), not a fiscal year's FY2020-21
    r"|(?<![\w./-])(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})(?:-\d{1,2})?(?![\w/-]|\.\d)"
    r"|(?<![\w./-])(?P<slash_month>\d{1,2})/(?P<slash_year>\d{4})(?![\w/-]|\.\d)"
    # Q3, Q3 FY20-21, FY20-21 Q3
    rf"|\bQ(?P<quarter>[1-4])\b(?:\s*(?P<quarter_fy>{_FY_TEXT})(?!\d))?"
    rf"|(?P<fy_quarter_fy>{_FY_TEXT})\s*Q(?P<fy_quarter>[1-4])\b",
    re.IGNORECASE,
)
_AFTER_FY = re.compile(r"FY\s*$", re.IGNORECASE)  # FY 2011-12 is a fiscal year, not a month
_RANGE = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*", re.IGNORECASE)
_FISCAL_YEAR = re.compile(rf"\s*({_FY_TEXT})\s*", re.IGNORECASE)


def _fiscal_year(text: str | None, default: FiscalYear) -> FiscalYear:
    if text is None:
        return default
    try:
        return FiscalYear.parse(text)
    except ValueError:
        return default


def _month_number(name: str) -> int:
    return [m[:3].lower() for m in MONTHS].index(name[:3].lower()) + 1


def _tokens(
    text: str, fiscal_year: FiscalYear, start_month: int
) -> list[tuple[re.Match[str], Period | None]]:
    """Each period-like match in ``text`` and the period it names (None: a month without year)."""
    out: list[tuple[re.Match[str], Period | None]] = []
    for m in _TOKEN.finditer(text):
        period: Period | None = None
        if m["name"]:
            if m["year"]:
                period = _month(dt.date(int(m["year"]), _month_number(m["name"]), 1))
        elif m["iso_year"] or m["slash_year"]:
            year = int(m["iso_year"] or m["slash_year"])
            month = int(m["iso_month"] or m["slash_month"])
            if not 1 <= month <= 12 or _AFTER_FY.search(text, 0, m.start()):
                continue
            period = _month(dt.date(year, month, 1))
        else:
            number = m["quarter"] or m["fy_quarter"]
            fy = _fiscal_year(m["quarter_fy"] or m["fy_quarter_fy"], fiscal_year)
            period = quarter_span(fy, Quarter(int(number)), start_month=start_month)
        out.append((m, period))
    return out


def periods_named(
    text: str, fiscal_year: FiscalYear, *, start_month: int = FISCAL_START
) -> list[Period]:
    """The months and quarters ``text`` names, in order (a bare ``Q3`` is of ``fiscal_year``).

    ``"July 2018 - September 2020"`` names July 2018 and September 2020; ``"July - September
    2020"`` names July and September 2020 (``"October - March 2021"``: October 2020); ``"Q3 +5%"``
    names Q3 of ``fiscal_year``. Text without dates names none (``"FY19-20 and FY20-21"``).
    """
    tokens = _tokens(text, fiscal_year, start_month)
    out: list[Period] = []
    for i, (m, period) in enumerate(tokens):
        if period is None:  # a month without its year takes the year of the range's end
            if i + 1 == len(tokens):
                continue
            after, end = tokens[i + 1]
            if (
                end is None
                or not after["name"]
                or not _RANGE.fullmatch(text[m.end() : after.start()])
            ):
                continue
            month = _month_number(m["name"])
            year = end.first.year - (1 if month > end.first.month else 0)
            period = _month(dt.date(year, month, 1))
        out.append(period)
    return out


def label_period(
    label: str, fiscal_year: FiscalYear, *, start_month: int = FISCAL_START
) -> Period | None:
    """The period a chart's category or series label names as a whole, or None.

    ``"Sep 2020"``, ``"2020-09"`` (a month); ``"Q3"`` (Q3 of ``fiscal_year``), ``"Q3 FY20-21"``;
    ``"FY21-22"`` (the whole fiscal year). ``"Africa"``, ``"Established markets"`` or
    ``"Q1-Q2"`` name no single period: None.
    """
    if m := _FISCAL_YEAR.fullmatch(label):
        try:
            return _fiscal_year_span(FiscalYear.parse(m.group(1)), start_month)
        except ValueError:
            return None
    tokens = _tokens(label, fiscal_year, start_month)
    if len(tokens) == 1:
        m, period = tokens[0]
        if period is not None and not (label[: m.start()] + label[m.end() :]).strip():
            return period
    return None
