"""Year-over-year charts: monthly values regrouped as one series per fiscal year.

A tracker keeps a metric month by month (``2020-09: 89,000``). The year-over-year chart puts each
fiscal year on its own line over the same months (``Jul`` … ``Jun``), so this year's line sits
above or below last year's. Its headline compares the average of a quarter's months with the same
quarter a year earlier: ``+7.3% YoY``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from tuningdeck.model.fiscal import FiscalYear, Quarter
from tuningdeck.model.visuals import ChartSpec, Series
from tuningdeck.model.words import Words
from tuningdeck.vocab import ChartKind

__all__ = [
    "fiscal_months",
    "format_change",
    "headline_matches",
    "parse_periods",
    "period_label",
    "quarter_change",
    "yoy_spec",
]

FISCAL_START = 7  # the Foundation's fiscal year starts in July

# The default month names, English whatever the process's locale; a deck's own words (its
# Months and Month abbreviations settings) are passed to yoy_spec and period_label.
MONTHS: tuple[str, ...] = Words().month_names
MONTH_ABBR: tuple[str, ...] = Words().month_short_names


def fiscal_months(start_month: int = FISCAL_START) -> list[int]:
    """The calendar months of a fiscal year, in order: 7, 8, … 12, 1, … 6."""
    return [(start_month - 1 + i) % 12 + 1 for i in range(12)]


def _fiscal_year(day: dt.date, start_month: int) -> FiscalYear:
    return FiscalYear(day.year if day.month >= start_month else day.year - 1)


def _monthly(points: Iterable[tuple[dt.date, float]]) -> dict[tuple[int, int], float]:
    out: dict[tuple[int, int], float] = {}
    for day, value in points:
        key = (day.year, day.month)
        if key in out:
            raise ValueError(f"two values for {day:%Y-%m}")
        out[key] = float(value)
    return out


def yoy_spec(
    points: Iterable[tuple[dt.date, float]],
    *,
    number_format: str = "General",
    marked: dt.date | None = None,
    start_month: int = FISCAL_START,
    month_names: Sequence[str] = MONTH_ABBR,
) -> ChartSpec:
    """A year-over-year chart of monthly ``points``: one series per fiscal year, Jul … Jun.

    ``marked`` (a month) is highlighted on the x axis; months without a value are gaps.
    ``month_names`` are the twelve categories' names, January first (a deck's
    ``Words.month_short_names``).
    """
    values = _monthly(points)
    if not values:
        raise ValueError("a year-over-year chart needs at least one monthly value")
    years = sorted({_fiscal_year(dt.date(y, m, 1), start_month).start for y, m in values})
    months = fiscal_months(start_month)
    series = []
    for start in range(years[0], years[-1] + 1):
        row: list[float | None] = []
        for m in months:
            year = start if m >= start_month else start + 1
            row.append(values.get((year, m)))
        series.append(Series(name=FiscalYear(start).label, values=row))
    categories = [month_names[m - 1] for m in months]
    mark = month_names[marked.month - 1] if marked else ""
    return ChartSpec(
        kind=ChartKind.YOY,
        categories=categories,
        series=series,
        number_format=number_format,
        marked=mark,
    )


def _quarter_months(
    fiscal_year: FiscalYear, quarter: Quarter, start_month: int
) -> list[tuple[int, int]]:
    months = fiscal_months(start_month)[(int(quarter) - 1) * 3 : int(quarter) * 3]
    return [(fiscal_year.start if m >= start_month else fiscal_year.start + 1, m) for m in months]


def quarter_change(
    points: Iterable[tuple[dt.date, float]],
    fiscal_year: FiscalYear,
    quarter: Quarter,
    *,
    start_month: int = FISCAL_START,
) -> float | None:
    """The change of the quarter's monthly average against the same quarter a year earlier.

    ``0.073`` for +7.3%; ``None`` when either quarter lacks a month.
    """
    values = _monthly(points)
    months_now = _quarter_months(fiscal_year, quarter, start_month)
    months_before = _quarter_months(FiscalYear(fiscal_year.start - 1), quarter, start_month)
    if any(k not in values for k in months_now + months_before):
        return None
    now = [values[k] for k in months_now]
    before = [values[k] for k in months_before]
    if not sum(before):
        return None
    return sum(now) / sum(before) - 1


def format_change(change: float, *, digits: int = 1, suffix: str = "YoY") -> str:
    """``0.073`` → ``"+7.3% YoY"``; a change that rounds to nothing is ``"+0.0% YoY"``.

    ``suffix`` is the word after the percentage (the deck's ``Words.change_suffix``)."""
    percent = round(change * 100, digits)
    text = f"{percent + 0.0:+.{digits}f}%"  # + 0.0 turns -0.0 into 0.0
    return f"{text} {suffix}" if suffix else text


_PERCENT = re.compile(r"([+\-\u2212\u2013]?)\s*(\d+(?:\.(\d+))?)\s*%")


def headline_matches(given: str, computed: float, *, digits: int | None = None) -> bool:
    """Whether a callout written in the workbook (``"Q1 +7.3% YoY"``) agrees with the data.

    The callout's first percentage must be ``computed`` (``0.073``) as rounded to the decimals
    the callout shows (``"+7% YoY"`` agrees with 0.073), or to ``digits`` decimals when given.
    A callout without a percentage never agrees.
    """
    m = _PERCENT.search(given)
    if m is None:
        return False
    sign, number, decimals = m.groups()
    shown = float(number) * (-1 if sign and sign != "+" else 1)
    places = len(decimals or "") if digits is None else digits
    return abs(shown - computed * 100) <= 0.5 * 10.0**-places + 1e-9


def parse_periods(labels: Sequence[object]) -> list[dt.date]:
    """``"2020-09"`` (or a date) → the first of that month; ``ValueError`` naming a bad label."""
    out = []
    for label in labels:
        if isinstance(label, dt.date):
            out.append(dt.date(label.year, label.month, 1))
            continue
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-\d{1,2}(?:[ T][\d:.]+)?)?\s*", str(label))
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"expected a month as YYYY-MM, such as 2020-09, got {label!r}")
        out.append(dt.date(int(m.group(1)), int(m.group(2)), 1))
    return out


def period_label(days: Iterable[dt.date], *, names: Sequence[str] = MONTHS) -> str:
    """The span of ``days`` as a chart's subtitle: ``"July 2018 - September 2020"``.

    ``names`` are the twelve month names, January first (a deck's ``Words.month_names``)."""
    ordered = sorted(days)
    if not ordered:
        raise ValueError("a period needs at least one month")
    first, last = ordered[0], ordered[-1]
    if (first.year, first.month) == (last.year, last.month):
        return f"{names[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{names[first.month - 1]} - {names[last.month - 1]} {last.year}"
    return f"{names[first.month - 1]} {first.year} - {names[last.month - 1]} {last.year}"
