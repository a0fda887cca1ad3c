"""Periods named in chart labels and texts: months, quarters, fiscal years; a quarter's span."""

from __future__ import annotations

import datetime as dt

import pytest

from tuningdeck.charts.periods import (
    add_months,
    fiscal_year_of,
    label_period,
    periods_named,
    quarter_span,
)
from tuningdeck.model import FiscalYear, Quarter

FY = FiscalYear(2020)


def d(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def test_quarter_span_starts_in_july() -> None:
    assert quarter_span(FY, Quarter.Q1) == (d(2020, 7), d(2020, 9), "Q1 FY20-21", "quarter")
    assert quarter_span(FY, Quarter.Q2)[:2] == (d(2020, 10), d(2020, 12))
    assert quarter_span(FY, Quarter.Q3)[:2] == (d(2021, 1), d(2021, 3))
    assert quarter_span(FY, Quarter.Q4)[:2] == (d(2021, 4), d(2021, 6))
    assert quarter_span(FY, Quarter.Q1, start_month=1)[:2] == (d(2020, 1), d(2020, 3))


def test_add_months_and_fiscal_year_of() -> None:
    assert add_months(dt.date(2020, 11, 30), 2) == d(2021, 1)
    assert add_months(d(2020, 1), -1) == d(2019, 12)
    assert fiscal_year_of(d(2021, 6)) == FY
    assert fiscal_year_of(d(2020, 7)) == FY
    assert fiscal_year_of(d(2020, 6)) == FiscalYear(2019)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("July 2018 - September 2020", [d(2018, 7), d(2020, 9)]),
        ("Jul 2018 – Sep 2020", [d(2018, 7), d(2020, 9)]),
        ("2018-07 to 2020-09", [d(2018, 7), d(2020, 9)]),
        ("Sept. 2018 through Dec, 2020", [d(2018, 9), d(2020, 12)]),
        ("7/2018 - 12/2020", [d(2018, 7), d(2020, 12)]),
        ("monthly, 2020-09-30", [d(2020, 9)]),
        # a range's first month may take its year from the end
        ("July - September 2020", [d(2020, 7), d(2020, 9)]),
        ("October to March 2021", [d(2020, 10), d(2021, 3)]),
        # quarters: bare ones are of the fiscal year given
        ("Q3 +5%", [d(2021, 1)]),
        ("Q1 FY21-22 +1%", [d(2021, 7)]),
        ("FY19-20 Q4", [d(2020, 4)]),
        ("Q1-Q2", [d(2020, 7), d(2020, 10)]),
        # no dates
        ("FY19-20 and FY20-21", []),
        ("FY2020-2021, FY 2011-12", []),
        ("Figures may change", []),
        ("Decisions since 2019", []),
        ("+7.3% YoY", []),
        ("2020-13", []),
    ],
)
def test_periods_named(text: str, named: list[dt.date]) -> None:
    assert [p.first for p in periods_named(text, FY)] == named


def test_periods_are_named_for_messages() -> None:
    assert [p.name for p in periods_named("Jul 2018 - Q3", FY)] == ["July 2018", "Q3 FY20-21"]


@pytest.mark.parametrize(
    ("label", "span"),
    [
        ("Sep 2020", (d(2020, 9), d(2020, 9))),
        ("September 2020", (d(2020, 9), d(2020, 9))),
        ("2020-09", (d(2020, 9), d(2020, 9))),
        ("Q3", (d(2021, 1), d(2021, 3))),
        (" q3 ", (d(2021, 1), d(2021, 3))),
        ("Q3 FY19-20", (d(2020, 1), d(2020, 3))),
        ("FY19-20 Q3", (d(2020, 1), d(2020, 3))),
        ("FY21-22", (d(2021, 7), d(2022, 6))),
        ("Africa", None),
        ("Established markets", None),
        ("Q1-Q2", None),
        ("Q1 2020", None),
        ("FY20-22", None),
        ("May", None),
    ],
)
def test_label_period_reads_a_whole_label(label: str, span: tuple[dt.date, dt.date] | None) -> None:
    period = label_period(label, FY)
    assert (period[:2] if period else None) == span
