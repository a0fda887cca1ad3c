"""Year-over-year shaping: fiscal months, one series per fiscal year with gaps, the headline."""

from __future__ import annotations

import datetime as dt

import pytest

from tuningdeck.charts.yoy import (
    fiscal_months,
    format_change,
    headline_matches,
    parse_periods,
    period_label,
    quarter_change,
    yoy_spec,
)
from tuningdeck.model import FiscalYear, Quarter


def monthly(first: dt.date, values: list[float | None]) -> list[tuple[dt.date, float]]:
    """``values`` for consecutive months from ``first``; ``None`` leaves a month out."""
    out = []
    year, month = first.year, first.month
    for v in values:
        if v is not None:
            out.append((dt.date(year, month, 1), v))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def test_fiscal_months_start_in_july_by_default() -> None:
    assert fiscal_months() == [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]
    assert fiscal_months(1) == list(range(1, 13))
    assert fiscal_months(10)[:4] == [10, 11, 12, 1]


def test_yoy_spec_has_one_series_per_fiscal_year_with_gaps() -> None:
    # July 2018 to September 2020, February 2019 missing
    values: list[float | None] = [80_000.0 + i * 100 for i in range(27)]
    values[7] = None
    spec = yoy_spec(
        monthly(dt.date(2018, 7, 1), values),
        number_format='0,"K"',
        marked=dt.date(2020, 9, 1),
    )
    assert spec.kind == "yoy"
    assert spec.categories[:3] == ("Jul", "Aug", "Sep")
    assert spec.categories[-1] == "Jun"
    assert [s.name for s in spec.series] == ["FY18-19", "FY19-20", "FY20-21"]
    first, second, third = spec.series
    assert first.values[0] == 80_000 and first.values[7] is None  # the missing month is a gap
    assert second.values[0] == 81_200  # July 2019, twelve months on
    assert third.values[:3] == (82_400, 82_500, 82_600)
    assert third.values[3:] == (None,) * 9  # months not yet reported
    assert spec.marked == "Sep"
    assert spec.number_format == '0,"K"'


def test_yoy_spec_keeps_a_fiscal_year_without_data_as_an_empty_series() -> None:
    points = [(dt.date(2018, 8, 1), 1.0), (dt.date(2020, 8, 1), 3.0)]
    spec = yoy_spec(points)
    assert [s.name for s in spec.series] == ["FY18-19", "FY19-20", "FY20-21"]
    assert spec.series[1].values == (None,) * 12


def test_yoy_spec_rejects_two_values_for_a_month_and_no_values() -> None:
    with pytest.raises(ValueError, match="two values for 2020-09"):
        yoy_spec([(dt.date(2020, 9, 1), 1.0), (dt.date(2020, 9, 15), 2.0)])
    with pytest.raises(ValueError, match="at least one"):
        yoy_spec([])


def test_quarter_change_compares_quarter_averages_a_year_apart() -> None:
    # Q1 FY19-20 (Jul-Sep 2019) averages 100; Q1 FY20-21 averages 107.3
    points = monthly(dt.date(2019, 7, 1), [90, 100, 110, *[None] * 9, 100.3, 107.3, 114.3])
    change = quarter_change(points, FiscalYear(2020), Quarter.Q1)
    assert change == pytest.approx(0.073)
    assert format_change(change) == "+7.3% YoY"  # type: ignore[arg-type]


def test_quarter_change_is_none_when_a_month_is_missing() -> None:
    points = monthly(dt.date(2019, 7, 1), [90, 100, 110, *[None] * 9, 100, None, 114])
    assert quarter_change(points, FiscalYear(2020), Quarter.Q1) is None
    assert quarter_change(points, FiscalYear(2020), Quarter.Q2) is None


def test_quarter_change_of_a_later_quarter_crosses_the_calendar_year() -> None:
    # Q3 is January to March: of 2020 for FY19-20, of 2021 for FY20-21
    points = monthly(dt.date(2020, 1, 1), [50, 50, 50, *[None] * 9, 45, 45, 45])
    assert quarter_change(points, FiscalYear(2020), Quarter.Q3) == pytest.approx(-0.1)


def test_format_change() -> None:
    assert format_change(0.073) == "+7.3% YoY"
    assert format_change(-0.02) == "-2.0% YoY"
    assert format_change(0.0749, digits=0) == "+7% YoY"
    assert format_change(-0.0001) == "+0.0% YoY"  # never "-0.0%"


@pytest.mark.parametrize(
    ("given", "computed", "agrees"),
    [
        ("+7.3% YoY", 0.073, True),
        ("Q1 +7.3% YoY", 0.0731, True),
        ("Q1  +7.3%  YoY (Goal: +5% YoY)", 0.073, True),
        ("Q1 +7.3% YoY", 0.075, False),
        ("+7% YoY", 0.073, True),  # compared at the precision written
        ("+17.3% YoY", 0.073, False),
        ("-2.0% YoY", -0.02, True),
        ("−2.0% YoY", -0.02, True),  # a typographic minus
        ("+2.0% YoY", -0.02, False),
        ("no change", 0.0, False),
    ],
)
def test_headline_matches(given: str, computed: float, agrees: bool) -> None:
    assert headline_matches(given, computed) is agrees


def test_headline_matches_at_given_digits() -> None:
    assert headline_matches("+7% YoY", 0.073, digits=1) is False
    assert headline_matches("+7.3% YoY", 0.0729, digits=1) is True


def test_parse_periods() -> None:
    assert parse_periods(["2020-09", "2020-10-01", dt.date(2020, 11, 30)]) == [
        dt.date(2020, 9, 1),
        dt.date(2020, 10, 1),
        dt.date(2020, 11, 1),
    ]
    assert parse_periods([dt.datetime(2020, 12, 1, 0, 0)]) == [dt.date(2020, 12, 1)]
    assert parse_periods(["2020-12-01 00:00:00"]) == [dt.date(2020, 12, 1)]
    with pytest.raises(ValueError, match="'Sep 2020'"):
        parse_periods(["Sep 2020"])
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_periods(["2020-13"])


def test_period_label() -> None:
    days = [dt.date(2020, 9, 1), dt.date(2018, 7, 1), dt.date(2019, 5, 1)]
    assert period_label(days) == "July 2018 - September 2020"
    assert period_label([dt.date(2020, 7, 1), dt.date(2020, 9, 1)]) == "July - September 2020"
    assert period_label([dt.date(2020, 9, 1)]) == "September 2020"
