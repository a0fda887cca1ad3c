"""Year-over-year charts: monthly values regrouped as one series per fiscal year.

A tracker keeps a metric month by month (``2020-09: 89,000``). The year-over-year chart puts each
fiscal year on its own line over the same months (``Jul`` … ``Jun``), so this year's line sits
above or below last year's. Its headline compares the average of a quarter's months with the same
quarter a year earlier: ``+7.3% YoY``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence

from tuningdeck.model.fiscal import FiscalYear, Quarter
from tuningdeck.model.visuals import ChartSpec, Series

__all__ = [
    "fiscal_months",
    "format_change",
    "headline_matches",
    "parse_periods",
    "quarter_change",
    "yoy_spec",
]

FISCAL_START = 7  # the Foundation's fiscal year starts in July


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
) -> ChartSpec:
    """A year-over-year chart of monthly ``points``: one series per fiscal year, Jul … Jun.

    ``marked`` (a month) is highlighted on the x axis; months without a value are gaps.
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
    categories = [calendar.month_abbr[m] for m in months]
    mark = calendar.month_abbr[marked.month] if marked else ""
    return ChartSpec(
        kind="yoy", categories=categories, series=series, number_format=number_format, marked=mark
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
    now = [values.get(k) for k in _quarter_months(fiscal_year, quarter, start_month)]
    before = [
        values.get(k)
        for k in _quarter_months(FiscalYear(fiscal_year.start - 1), quarter, start_month)
    ]
    if any(v is None for v in now + before) or not sum(before):  # type: ignore[arg-type]
        return None
    return sum(now) / sum(before) - 1  # type: ignore[arg-type]


def format_change(change: float, *, digits: int = 1) -> str:
    """``0.073`` → ``"+7.3% YoY"``."""
    return f"{change * 100:+.{digits}f}% YoY"


def headline_matches(given: str, computed: float, *, digits: int = 1) -> bool:
    """Whether a callout written in the workbook (``"+7.3% YoY"``) agrees with the data."""
    return format_change(computed, digits=digits) in " ".join(given.split())


def parse_periods(labels: Sequence[str]) -> list[dt.date]:
    """``"2020-09"`` (or a date) → the first of that month."""
    out = []
    for label in labels:
        year, month = str(label)[:7].split("-")
        out.append(dt.date(int(year), int(month), 1))
    return out
