"""A deck never shows the future: a quarter's charts are the same whatever later data the
workbook holds (the year-end workbook builds the Q1 deck too)."""

from __future__ import annotations

import datetime as dt
import io
import math
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation

from tests.workbook.sheets import Sheets, save
from tuningdeck.charts.periods import add_months, quarter_span
from tuningdeck.errors import WorkbookWarning
from tuningdeck.model import ChartSlide, Deck, FiscalYear, Quarter
from tuningdeck.render import write_deck
from tuningdeck.theme import Theme
from tuningdeck.workbook import read_workbook

FY = FiscalYear(2020)
FIRST = dt.date(2018, 7, 1)  # the editors' data start
YEAR_END = dt.date(2021, 6, 1)  # the last month of FY20-21
CHARTS_HEADER = ["Key", "Quarter", "Title", "Subtitle", "Kind", "Callout", "Engine"]
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def end_of(quarter: Quarter) -> dt.date:
    """The first day of the quarter's last month in FY20-21."""
    return quarter_span(FY, quarter).last


def editors(day: dt.date) -> float:
    """A monthly series that differs every month (and from year to year)."""
    return 80_000.0 + 150 * (day.year - 2018) * 12 + 70 * day.month


def year_sheets(through: dt.date, engine: str | None = None) -> Sheets:
    """Three charts whose data run from their start to ``through``, FY20-21's deck settings.

    ``editors`` is year over year (monthly date cells); ``regions`` a bar chart over Q1-Q4 with
    a series per fiscal year; ``grants`` a line chart over date cells, two series.
    """
    months = []
    day = FIRST
    while day <= through:
        months.append(day)
        day = add_months(day, 1)
    data: list[list[object]] = [["Chart", "Period", "Series", "Value"]]
    data += [["editors", dt.datetime(m.year, m.month, 1), None, editors(m)] for m in months]
    for fy, start in (("FY19-20", 2019), ("FY20-21", 2020)):
        for q in Quarter:
            if quarter_span(FiscalYear(start), q).first <= through:
                value = round(0.4 + 0.02 * int(q) + (start - 2019) / 10, 2)
                data.append(["regions", str(q), fy, value])
    for m in months:
        if m >= dt.date(2020, 7, 1):
            day_cell = dt.datetime(m.year, m.month, 15)
            data.append(["grants", day_cell, "Grants", float(m.month)])
            if m.month % 2:
                data.append(["grants", day_cell, "Rapid grants", m.month / 2])
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Thriving Movement"],
            ["Fiscal year", "FY20-21"],
        ],
        "Slides": [
            ["Kind", "Key"],
            ["chart", "editors"],
            ["chart", "regions"],
            ["chart", "grants"],
        ],
        "Charts": [
            CHARTS_HEADER,
            ["editors", "all", "Active editors", None, "yoy", None, engine],
            ["regions", "all", "Grants by region", "FY19-20 and FY20-21", "bar", None, engine],
            ["grants", "all", "Grants", None, "line", None, engine],
        ],
        "Chart data": data,
    }


def read(path: Path, quarter: str) -> Deck:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = read_workbook(path, quarter)
    assert [str(w.message) for w in caught if issubclass(w.category, WorkbookWarning)] == []
    return deck


def charts(deck: Deck) -> list[ChartSlide]:
    slides = [s for s in deck.slides if isinstance(s, ChartSlide)]
    assert len(slides) == 3
    return slides


def native_charts(pptx: Path) -> list[dict[str, Any]]:
    """Each native chart as written: its categories, cached series and embedded workbook rows."""
    out = []
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                blob = shape.chart.part.chart_workbook.xlsx_part.blob
                rows = list(load_workbook(io.BytesIO(blob)).active.iter_rows(values_only=True))
                out.append(
                    {
                        "categories": list(plot.categories),
                        "series": {s.name: s.values for s in plot.series},
                        "embedded": rows,
                    }
                )
    return out


def texts(pptx: Path) -> list[dict[str, str]]:
    return [
        {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
        for slide in Presentation(str(pptx)).slides
    ]


@pytest.fixture(scope="module")
def full_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The year-end workbook: data through June 2021."""
    return save(tmp_path_factory.mktemp("year") / "year.xlsx", year_sheets(YEAR_END))


def test_the_q1_deck_shows_nothing_after_september(full_year: Path) -> None:
    yoy, bars, line = charts(read(full_year, "Q1"))

    assert [s.name for s in yoy.chart.series] == ["FY18-19", "FY19-20", "FY20-21"]
    this_year = yoy.chart.series[-1].values
    assert this_year[:3] == tuple(editors(dt.date(2020, m, 1)) for m in (7, 8, 9))
    assert this_year[3:] == (None,) * 9  # October to June are the future
    assert yoy.chart.series[1].values[3:] == tuple(  # last year's October to June are the past
        editors(dt.date(2019 + (m < 7), m, 1)) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6)
    )
    assert yoy.chart.marked == "Sep"
    assert yoy.subtitle == "July 2018 - September 2020"
    assert yoy.callout == "Q1 +2.2% YoY"
    # quarters of FY19-20 are the past; FY20-21's after Q1 are the future
    assert bars.chart.categories == ("Q1", "Q2", "Q3", "Q4")
    assert [s.values[1:] for s in bars.chart.series] == [(0.44, 0.46, 0.48), (None,) * 3]
    assert line.chart.categories == ("Jul 2020", "Aug 2020", "Sep 2020")
    assert [s.values for s in line.chart.series] == [(7.0, 8.0, 9.0), (3.5, None, 4.5)]


@pytest.mark.parametrize(
    ("quarter", "subtitle", "last"),
    [("Q1", "July 2018 - September 2020", "Sep"), ("Q2", "July 2018 - December 2020", "Dec")],
)
def test_the_native_charts_hold_no_month_after_the_quarter(
    full_year: Path, tmp_path: Path, quarter: str, subtitle: str, last: str
) -> None:
    pptx = write_deck(read(full_year, quarter), tmp_path / f"{quarter}.pptx")
    yoy, _bars, line = native_charts(pptx)

    shown = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    shown = shown[: shown.index(last) + 1]
    newest = yoy["series"]["FY20-21"]
    assert [v is not None for v in newest] == [True] * len(shown) + [False] * (12 - len(shown))
    assert "FY21-22" not in yoy["series"]
    header, *rows = yoy["embedded"]
    column = header.index("FY20-21")
    assert [r[column] for r in rows][len(shown) :] == [None] * (12 - len(shown))
    assert line["categories"] == [f"{m} 2020" for m in shown]
    assert [r[0] for r in line["embedded"][1:]] == [f"{m} 2020" for m in shown]
    assert texts(pptx)[0]["Subtitle"] == subtitle
    assert texts(pptx)[0]["Subtitle"].endswith(
        f"{'September' if last == 'Sep' else 'December'} 2020"
    )


def test_the_q1_deck_is_the_same_from_the_september_and_the_year_end_workbooks(
    full_year: Path, tmp_path: Path
) -> None:
    september = save(tmp_path / "september.xlsx", year_sheets(end_of(Quarter.Q1)))
    early, late = read(september, "Q1"), read(full_year, "Q1")
    assert early == late

    early_pptx = write_deck(early, tmp_path / "early.pptx")
    late_pptx = write_deck(late, tmp_path / "late.pptx")
    assert native_charts(early_pptx) == native_charts(late_pptx)
    assert texts(early_pptx) == texts(late_pptx)


def test_the_matplotlib_engine_draws_the_same_shown_data(full_year: Path, tmp_path: Path) -> None:
    from tuningdeck.charts.mpl import figure

    late = read(save(tmp_path / "late.xlsx", year_sheets(YEAR_END, "matplotlib")), "Q1")
    early = read(save(tmp_path / "early.xlsx", year_sheets(end_of(Quarter.Q1), "matplotlib")), "Q1")
    assert early == late
    yoy, _bars, line = charts(late)
    assert yoy.engine == "matplotlib"
    (ax,) = figure(yoy.chart, Theme.load()).axes
    lines = {ln.get_label(): list(ln.get_ydata()) for ln in ax.lines}
    assert "FY21-22" not in lines
    assert [not math.isnan(y) for y in lines["FY20-21"]] == [True] * 3 + [False] * 9
    (ax,) = figure(line.chart, Theme.load()).axes
    assert [len(ln.get_ydata()) for ln in ax.lines if not ln.get_label().startswith("_")] == [3, 3]

    def pictures(deck: Deck, name: str) -> list[bytes]:
        prs = Presentation(str(write_deck(deck, tmp_path / name)))
        return [sh.image.blob for s in prs.slides for sh in s.shapes if sh.shape_type == 13]

    assert pictures(early, "early.pptx") == pictures(late, "late.pptx")


def test_a_slide_shown_as_of_an_earlier_quarter_ends_with_that_quarter(full_year: Path) -> None:
    sheets = year_sheets(YEAR_END)
    sheets["Slides"] = [["Kind", "Key", "As of"], *[[*r, "Q1"] for r in sheets["Slides"][1:]]]
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = read(save(Path(tmp) / "as-of.xlsx", sheets), "Q2")
    assert charts(snapshot) == charts(read(full_year, "Q1"))


# -- a property: rows after the quarter never change its deck --------------------------------


@st.composite
def later_rows(draw: st.DrawFn, quarter: Quarter) -> list[list[object]]:
    """Chart data rows dated after the quarter's end, each chart's kind of period."""
    end = end_of(quarter)
    value = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
    rows: list[list[object]] = []
    for offset in draw(st.sets(st.integers(1, 24), max_size=6)):
        month = add_months(end, offset)
        period = draw(
            st.sampled_from(
                [dt.datetime(month.year, month.month, 1), f"{month.year}-{month.month:02d}"]
            )
        )
        rows.append(["editors", period, None, draw(value)])
    later_quarters = [f"Q{k}" for k in range(int(quarter) + 1, 5)]
    bars = [("FY20-21", q) for q in later_quarters]
    bars += [("FY21-22", q) for q in QUARTERS]
    bars += [("FY19-20", f"{q} FY21-22") for q in QUARTERS]
    for series, label in draw(st.sets(st.sampled_from(bars), max_size=6)):
        rows.append(["regions", label, series, draw(value)])
    grants = [(offset, s) for offset in range(1, 13) for s in ("Grants", "Rapid grants", "New")]
    for offset, series in draw(st.sets(st.sampled_from(grants), max_size=6)):
        month = add_months(end, offset)
        rows.append(["grants", dt.datetime(month.year, month.month, 3), series, draw(value)])
    return rows


_BASE: dict[Quarter, Deck] = {}


def base_deck(folder: Path, quarter: Quarter) -> Deck:
    if quarter not in _BASE:
        _BASE[quarter] = read(
            save(folder / "base.xlsx", year_sheets(end_of(quarter))), str(quarter)
        )
    return _BASE[quarter]


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_rows_after_the_quarter_never_change_its_charts(data: st.DataObject) -> None:
    quarter = data.draw(st.sampled_from(list(Quarter)), label="quarter")
    later = data.draw(later_rows(quarter), label="later rows")
    sheets = year_sheets(end_of(quarter))
    rows = sheets["Chart data"]
    for row in later:  # anywhere below the header
        rows.insert(data.draw(st.integers(1, len(rows)), label="at"), row)
    with tempfile.TemporaryDirectory() as tmp:
        deck = read(save(Path(tmp) / "later.xlsx", sheets), str(quarter))
        assert charts(deck) == charts(base_deck(Path(tmp), quarter))
