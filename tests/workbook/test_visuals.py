"""The visual slide kinds in the workbook: charts and their data, image slides, highlights."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image as PILImage

from tests.workbook.sheets import Sheets, append_rows, problems, save, set_cell
from tuningdeck.errors import WorkbookWarning
from tuningdeck.model import (
    ChartSlide,
    ChartSpec,
    Deck,
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    Series,
)
from tuningdeck.workbook import read_workbook, write_blank_workbook
from tuningdeck.workbook.cells import parse_number

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


CHARTS_HEADER = [
    "Key",
    "Quarter",
    "Title",
    "Subtitle",
    "Kind",
    "Number format",
    "Goal",
    "Goal label",
    "Callout",
    "Callout detail",
    "Engine",
    "Note",
    "Department",
]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
MONTHS = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def month(year: int, m: int) -> dt.datetime:
    """A date cell, as Excel holds one."""
    return dt.datetime(year, m, 1)


def editors_rows() -> list[list[object]]:
    """Active editors, July 2019 to September 2020: Q1 FY20-21 is Q1 FY19-20 +7.3%."""
    rows: list[list[object]] = []
    for i in range(12):
        y, m = (2019, 7 + i) if i < 6 else (2020, i - 5)
        rows.append(["editors", month(y, m), None, 100.0 + (i % 3) * 10])
    rows += [
        ["editors", "2020-07", None, 107.3],
        ["editors", "2020-08", None, 118.03],
        ["editors", dt.date(2020, 9, 15), None, 128.76],
    ]
    return rows


def visual_sheets() -> Sheets:
    """A workbook with a yoy chart, a bar chart, an image slide and a highlights slide.

    Row numbers matter to the tests below; images are under ``images/`` next to the workbook.
    """
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Thriving Movement"],
            ["Fiscal year", "FY20-21"],
        ],
        "Slides": [
            ["Kind", "Key"],
            ["chart", "editors"],  # 2
            ["chart", "grants"],  # 3
            ["image", "talk-pages"],  # 4
            ["highlights", "numbers"],  # 5
        ],
        "Charts": [
            CHARTS_HEADER,
            [
                "editors",
                "all",
                "Wikimedia Active Editors year-over-year comparison",
                None,
                None,
                '0,"K"',
                None,
                None,
                None,
                "(Goal: +5% YoY)",
                None,
                "illustrative monthly series",
                "Product",
            ],
            # 3: a bar chart with a gap, drawn by matplotlib, with a goal line
            [
                "grants",
                "Q1",
                "Grants by region",
                "FY19-20 and FY20-21",
                "Bar",
                "0%",
                "0.5",
                "Target",
                "Q1 66%",
                None,
                "matplotlib",
            ],
        ],
        "Chart data": [
            ["Chart", "Period", "Series", "Value"],
            *editors_rows(),  # 2-16
            ["grants", "Africa", "FY19-20", 0.43],  # 17
            ["grants", "Asia", "FY19-20", "51%"],
            ["grants", "Africa", "FY20-21", 0.45],
            ["grants", "Latin America", "FY20-21", 0.53],  # 20: FY19-20 has no value here
            ["grants", "Asia", "FY20-21", None],  # 21: a blank value is a gap too
        ],
        "Images": [
            ["Key", "Quarter", "Title", "Image 1", "Caption 1", "Image 2", "Fit", "Caption"],
            [
                "talk-pages",
                "Q1",
                "Project: Talk pages",
                "images/reply-tool.png",
                "Reply Tool at sv.wiki",
                "images/../images/wide.png",
                "crop",
                "Two screenshots",
            ],
        ],
        "Highlights": [
            [
                "Key",
                "Quarter",
                "Title",
                *[f"{c} {i}" for i in range(1, 7) for c in ("Value", "Label")],
            ],
            [
                "numbers",
                "Q1",
                "Q1 in numbers",
                "470+",
                "teachers in 3 countries",
                17.2,
                "million images scanned",
                "7.3%",
                "more active editors",
                None,
                None,
                "17",
                "Wikipedias with Newcomer tasks",
            ],
        ],
    }


def write(folder: Path, sheets: Sheets, name: str = "t.xlsx", *, images: bool = True) -> Path:
    """Write ``sheets`` (row 1 first) to ``folder/name``, and the pictures they name."""
    folder.mkdir(parents=True, exist_ok=True)
    if images:
        (folder / "images").mkdir(exist_ok=True)
        PILImage.new("RGB", (160, 100), (51, 102, 204)).save(folder / "images" / "reply-tool.png")
        PILImage.new("RGB", (300, 100), (0, 175, 137)).save(folder / "images" / "wide.png")
    return save(folder / name, sheets)


def read(path: Path, quarter: str = "Q1") -> tuple[Deck, list[str]]:
    """The deck, and the workbook warnings reading it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = read_workbook(path, quarter)
    return deck, [str(w.message) for w in caught if issubclass(w.category, WorkbookWarning)]


# -- charts --------------------------------------------------------------------------------------


def test_yoy_chart_has_a_series_per_fiscal_year_its_month_marked_and_callout_computed(
    tmp_path: Path,
) -> None:
    deck, warned = read(write(tmp_path, visual_sheets()))

    assert warned == []
    chart = deck.slides[0]
    fy19 = [100.0, 110.0, 120.0] * 4
    fy20 = [107.3, 118.03, 128.76] + [None] * 9
    assert chart == ChartSlide(
        title="Wikimedia Active Editors year-over-year comparison",
        chart=ChartSpec(
            kind="yoy",
            categories=MONTHS,
            series=[Series(name="FY19-20", values=fy19), Series(name="FY20-21", values=fy20)],
            number_format='0,"K"',
            marked="Sep",
        ),
        subtitle="July 2019 - September 2020",
        callout="Q1 +7.3% YoY",
        callout_detail="(Goal: +5% YoY)",
        department="Product",
    )


def test_line_and_bar_charts_keep_first_appearance_order_and_gaps(tmp_path: Path) -> None:
    deck, _ = read(write(tmp_path, visual_sheets()))

    assert deck.slides[1] == ChartSlide(
        title="Grants by region",
        subtitle="FY19-20 and FY20-21",
        chart=ChartSpec(
            kind="bar",
            categories=["Africa", "Asia", "Latin America"],
            series=[
                Series(name="FY19-20", values=[0.43, 0.51, None]),
                Series(name="FY20-21", values=[0.45, None, 0.53]),
            ],
            number_format="0%",
            goal=0.5,
            goal_label="Target",
        ),
        callout="Q1 66%",
        engine="matplotlib",
    )


def test_line_chart_takes_date_periods_as_month_labels(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Charts"][2][4] = "line"
    sheets["Chart data"][16:] = [
        ["grants", month(2020, 7), "Grants", 3],
        ["grants", month(2020, 8), "Grants", 5],
        ["grants", month(2020, 7), "Rapid grants", 1],
    ]
    chart = read(write(tmp_path, sheets))[0].slides[1]

    assert isinstance(chart, ChartSlide)
    assert chart.chart.kind == "line"
    assert chart.chart.categories == ("Jul 2020", "Aug 2020")
    assert [s.values for s in chart.chart.series] == [(3.0, 5.0), (1.0, None)]


def test_a_callout_the_data_contradict_is_warned_about_at_its_cell(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Charts"][1][8] = "Q1 +6.9% YoY"
    deck, warned = read(write(tmp_path, sheets))

    assert deck.slides[0].callout == "Q1 +6.9% YoY"  # type: ignore[attr-defined]
    assert warned == [
        'Charts!I2: callout "Q1 +6.9% YoY" but the data give +7.3% YoY for Q1 FY20-21; '
        "check the Callout or the chart's rows in Chart data"
    ]


def test_a_callout_the_data_agree_with_is_kept_as_written(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Charts"][1][8] = "+7% YoY"
    deck, warned = read(write(tmp_path, sheets))

    assert deck.slides[0].callout == "+7% YoY"  # type: ignore[attr-defined]
    assert warned == []


def test_yoy_marks_the_quarters_last_month_with_data(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Slides"][2:] = []
    sheets["Chart data"].insert(16, ["editors", "2020-10", None, 111.0])
    deck, warned = read(write(tmp_path, sheets), "Q2")

    chart = deck.slides[0]
    assert isinstance(chart, ChartSlide)
    assert chart.chart.marked == "Oct"
    assert chart.callout == ""
    assert chart.subtitle == "July 2019 - October 2020"
    assert warned == [
        'Charts!I2: no callout for chart "editors": its data lack a month of Q2 FY20-21 or of '
        "the same quarter a year earlier; expected all six months in Chart data, or a Callout"
    ]


def test_a_yoy_quarter_without_data_is_not_marked(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Slides"][2:] = []
    sheets["Charts"][1][8] = "Q3 tbd"
    deck, warned = read(write(tmp_path, sheets), "Q3")

    assert deck.slides[0].chart.marked == ""  # type: ignore[attr-defined]
    assert deck.slides[0].callout == "Q3 tbd"  # type: ignore[attr-defined]
    assert warned == []


def later_sheets() -> Sheets:
    """The visual workbook with the yoy chart alone, its data running on to December 2020."""
    sheets = visual_sheets()
    sheets["Slides"][2:] = []
    sheets["Chart data"][16:16] = [
        ["editors", month(2020, 10), None, 130.0],
        ["editors", "2020-11", None, 131.0],
        ["editors", dt.date(2020, 12, 31), None, 132.0],
    ]
    return sheets


def test_a_yoy_chart_shows_no_month_after_the_quarter(tmp_path: Path) -> None:
    path = write(tmp_path, later_sheets())
    q1, q2 = read(path, "Q1")[0].slides[0], read(path, "Q2")[0].slides[0]

    assert isinstance(q1, ChartSlide) and isinstance(q2, ChartSlide)
    assert q1.chart.series[-1].values == (107.3, 118.03, 128.76, *[None] * 9)
    assert q1.subtitle == "July 2019 - September 2020"
    assert q1.callout == "Q1 +7.3% YoY"
    assert q2.chart.series[-1].values == (107.3, 118.03, 128.76, 130.0, 131.0, 132.0, *[None] * 6)
    assert q2.subtitle == "July 2019 - December 2020"
    assert q2.chart.marked == "Dec"


def test_a_yoy_chart_keeps_the_later_months_of_earlier_years(tmp_path: Path) -> None:
    sheets = later_sheets()
    sheets["Chart data"].append(["editors", "2021-07", None, 140.0])  # FY21-22
    chart = read(write(tmp_path, sheets), "Q4")[0].slides[0]

    assert isinstance(chart, ChartSlide)
    assert [s.name for s in chart.chart.series] == ["FY19-20", "FY20-21"]
    assert chart.chart.series[0].values == (100.0, 110.0, 120.0) * 4
    assert chart.subtitle == "July 2019 - December 2020"


def label_sheets(rows: list[list[object]], kind: str = "bar") -> Sheets:
    """The visual workbook with the grants chart alone, of ``kind``, over ``rows``."""
    sheets = visual_sheets()
    sheets["Slides"][1:] = [["chart", "grants"]]
    sheets["Charts"][2][1] = "all"
    sheets["Charts"][2][4] = kind
    sheets["Charts"][2][8] = None
    sheets["Chart data"][16:] = [["grants", *r] for r in rows]
    return sheets


def test_dated_categories_after_the_quarter_are_left_out(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [month(2020, 9), "Grants", 1],
        [month(2020, 10), "Grants", 2],  # a date cell after September
        ["Oct 2020", "Rapid grants", 3],  # a month as text
        ["Q1", "Rapid grants", 4],
        ["Q2", "Rapid grants", 5],  # Q2 of the deck's year, FY20-21
        ["Q4 FY19-20", "Rapid grants", 6],
        ["Q1 FY21-22", "Rapid grants", 7],
        ["FY21-22", "Grants", 8],
        ["Africa", "Grants", 9],  # names no period: kept
    ]
    chart = read(write(tmp_path, label_sheets(rows, "line")))[0].slides[0]

    assert isinstance(chart, ChartSlide)
    assert chart.chart.categories == ("Sep 2020", "Q1", "Q4 FY19-20", "Africa")
    assert [s.values for s in chart.chart.series] == [(1.0, None, None, 9.0), (None, 4, 6, None)]


def test_a_series_named_after_a_fiscal_year_dates_its_quarters(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [q, fy, v] for fy, v in (("FY19-20", 1), ("FY20-21", 2), ("FY21-22", 3)) for q in QUARTERS
    ]
    rows += [["Africa", "Q2", 4], ["Africa", "Q1", 5]]  # a series named after a quarter
    chart = read(write(tmp_path, label_sheets(rows)))[0].slides[0]

    assert isinstance(chart, ChartSlide)
    assert chart.chart.categories == ("Q1", "Q2", "Q3", "Q4", "Africa")
    assert [(s.name, s.values) for s in chart.chart.series] == [
        ("FY19-20", (1.0, 1.0, 1.0, 1.0, None)),  # the past: all of last year
        ("FY20-21", (2.0, None, None, None, None)),
        ("Q1", (None, None, None, None, 5.0)),
    ]


def test_a_chart_with_nothing_up_to_the_quarter_is_an_error(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Q1", "Grants", None], ["Q2", "Grants", 1]]
    path = write(tmp_path, label_sheets(rows))

    assert problems(path) == [
        'Slides!B2: chart "grants" has no values up to the end of Q1 FY20-21 (September '
        "2020) in sheet Chart data; expected a value for a period up to then, or the slide "
        "left out of Q1 in the Quarters column"
    ]
    q2 = read(path, "Q2")[0].slides[0]
    assert isinstance(q2, ChartSlide) and q2.chart.categories == ("Q1", "Q2")


@pytest.mark.parametrize(
    ("subtitle", "quarter"),
    [
        ("July 2019 - September 2020", "Q1"),
        ("Jul 2019 – Sep 2020", "Q1"),
        ("2019-07 to 2020-09", "Q1"),
        ("Monthly active editors", "Q1"),
        ("July 2018 - December 2020", "Q2"),  # ends within Q2
    ],
)
def test_a_subtitle_up_to_the_quarter_is_kept_as_written(
    tmp_path: Path, subtitle: str, quarter: str
) -> None:
    sheets = later_sheets()
    sheets["Charts"][1][3] = subtitle
    chart = read(write(tmp_path, sheets), quarter)[0].slides[0]
    assert isinstance(chart, ChartSlide) and chart.subtitle == subtitle


def test_a_subtitle_or_callout_naming_a_later_time_is_an_error_at_its_cell(
    tmp_path: Path,
) -> None:
    sheets = later_sheets()
    sheets["Slides"].append(["chart", "grants"])
    sheets["Charts"][1][3] = "July 2018 - December 2020"
    sheets["Charts"][1][8] = "Q3 +5% YoY"
    sheets["Charts"][2][3] = "Jul 2019 to Q2 FY20-21"
    sheets["Charts"][2][8] = "Q1 FY21-22 66%"
    path = write(tmp_path, sheets)

    assert problems(path) == [
        'Charts!D2: subtitle "July 2018 - December 2020" names December 2020, after the end of '
        "Q1 FY20-21 (September 2020); expected the span of the data shown, July 2019 - "
        "September 2020 (or Subtitle blank for it)",
        'Charts!I2: callout "Q3 +5% YoY" names Q3 FY20-21, after Q1 FY20-21, the deck\'s '
        "quarter; expected a headline about Q1 FY20-21 or earlier, or Callout blank",
        'Charts!D3: subtitle "Jul 2019 to Q2 FY20-21" names Q2 FY20-21, after the end of Q1 '
        "FY20-21 (September 2020); expected a period that ends by September 2020",
        'Charts!I3: callout "Q1 FY21-22 66%" names Q1 FY21-22, after Q1 FY20-21, the deck\'s '
        "quarter; expected a headline about Q1 FY20-21 or earlier, or Callout blank",
    ]


# -- images --------------------------------------------------------------------------------------


def test_image_paths_are_resolved_against_the_workbooks_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "tracker"
    path = write(folder, visual_sheets())
    monkeypatch.chdir(tmp_path)

    slide = read(Path("tracker") / path.name)[0].slides[2]

    assert slide == ImageSlide(
        title="Project: Talk pages",
        images=[
            Image(
                path=folder / "images" / "reply-tool.png",
                caption="Reply Tool at sv.wiki",
                fit="crop",
            ),
            Image(path=folder / "images" / "wide.png", fit="crop"),
        ],
        caption="Two screenshots",
    )
    assert all(im.path.is_absolute() for im in slide.images)  # type: ignore[attr-defined]


def test_an_absolute_image_path_and_a_quote(tmp_path: Path) -> None:
    sheets = visual_sheets()
    picture = tmp_path / "elsewhere.png"
    PILImage.new("RGB", (40, 40)).save(picture)
    sheets["Images"][0] += ["Quote", "Attribution"]
    sheets["Images"][1][3:8] = [str(picture), None, None, None, None]
    sheets["Images"][1] += ["The gadget works great.", "Nux"]

    slide = read(write(tmp_path, sheets))[0].slides[2]

    assert slide == ImageSlide(
        title="Project: Talk pages",
        images=[Image(path=picture)],
        quote="The gadget works great.",
        attribution="Nux",
    )


def test_missing_and_unreadable_images_are_told_at_their_cells_naming_the_path(
    tmp_path: Path,
) -> None:
    sheets = visual_sheets()
    sheets["Images"][1][3] = "images/missing.png"
    path = write(tmp_path, sheets)
    (tmp_path / "images" / "wide.png").write_text("not a picture", encoding="utf-8")

    found = problems(path)

    assert found == [
        'Images!D2: image "images/missing.png": image file not found '
        f"({tmp_path / 'images' / 'missing.png'}); expected a picture file (PNG, JPEG, GIF, …), "
        "its path relative to the workbook's folder",
        'Images!F2: image "images/../images/wide.png": not an image file Pillow can read (PNG, '
        f"JPEG, GIF, ...) ({tmp_path / 'images' / 'wide.png'}); expected a picture file (PNG, "
        "JPEG, GIF, …), its path relative to the workbook's folder",
    ]


def test_image_files_are_looked_at_only_for_the_slides_shown(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Images"].append(["talk-pages", "Q2", "Later", "images/not-yet.png"])
    deck, _ = read(write(tmp_path, sheets))

    assert len(deck.slides) == 4


# -- highlights ----------------------------------------------------------------------------------


def test_highlights_take_three_to_six_numbers_in_order(tmp_path: Path) -> None:
    deck, _ = read(write(tmp_path, visual_sheets()))

    assert deck.slides[3] == HighlightsSlide(
        title="Q1 in numbers",
        items=[
            Highlight(value="470+", label="teachers in 3 countries"),
            Highlight(value="17.2", label="million images scanned"),
            Highlight(value="7.3%", label="more active editors"),
            Highlight(value="17", label="Wikipedias with Newcomer tasks"),
        ],
    )


def test_six_highlights(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Highlights"][1][9:] = [f"{i}" for i in range(4, 7) for _ in (0, 1)]
    slide = read(write(tmp_path, sheets))[0].slides[3]

    assert isinstance(slide, HighlightsSlide)
    assert [h.value for h in slide.items] == ["470+", "17.2", "7.3%", "4", "5", "6"]


# -- problems, each at its cell ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            set_cell("Charts", 2, 5, "pie"),
            'Charts!E2: bad Kind "pie"; expected yoy (the default), line, bar or stacked bar',
            id="bad chart kind",
        ),
        pytest.param(
            set_cell("Charts", 3, 11, "excel"),
            'Charts!K3: bad Engine "excel"; expected native (an editable chart, the default) '
            "or matplotlib (a picture)",
            id="bad engine",
        ),
        pytest.param(
            set_cell("Images", 2, 7, "stretch"),
            'Images!G2: bad Fit "stretch"; expected fit (the whole picture, the default) or '
            "crop (the picture fills its frame)",
            id="bad fit",
        ),
        pytest.param(
            set_cell("Charts", 2, 6, "yyyy-mm"),
            'Charts!F2: bad number format "yyyy-mm"; expected an Excel number format for '
            'numbers, such as 0, 0.0, #,##0, 0%, 0.0% or 0,"K" (not a date, time, text or '
            "scientific format)",
            id="date number format",
        ),
        pytest.param(
            set_cell("Charts", 3, 7, "half"),
            'Charts!G3: expected a number, found the text "half"',
            id="goal not a number",
        ),
        pytest.param(
            set_cell("Chart data", 3, 4, "n/a"),
            'Chart data!D3: expected a number, found the text "n/a"',
            id="value not a number",
        ),
        pytest.param(
            set_cell("Chart data", 3, 2, "Aug 2019"),
            'Chart data!B3: bad month "Aug 2019" for a yoy chart; expected a date, or a month as '
            "text such as 2020-09",
            id="yoy period not a month",
        ),
        pytest.param(
            set_cell("Chart data", 4, 3, "FY19-20"),
            'Chart data!C4: series "FY19-20" on a row of a yoy chart; expected Series blank (a '
            "year-over-year chart's series are its fiscal years)",
            id="series on a yoy chart",
        ),
        pytest.param(
            append_rows("Chart data", ["editors", "2020-09", None, 1.0]),
            "Chart data!B22: a second value for 2020-09 (first at row 16); expected one row "
            "per month",
            id="a month twice",
        ),
        pytest.param(
            set_cell("Chart data", 19, 3, None),
            "Chart data!C19: empty Series on a row of a bar chart; expected the name of its "
            "line or bars, e.g. FY20-21",
            id="empty series",
        ),
        pytest.param(
            append_rows("Chart data", ["grants", "Africa ", "FY19-20", 0.5]),
            'Chart data!B22: a second value for period "Africa" of series "FY19-20" (first at '
            "row 17); expected one value per period and series",
            id="a bar twice",
        ),
        pytest.param(
            append_rows("Chart data", ["ediotrs", "2020-09", None, 1.0]),
            'Chart data!A22: unknown chart "ediotrs"; expected the Key of a row in sheet Charts '
            "(editors, grants)",
            id="unknown chart",
        ),
        pytest.param(
            set_cell("Slides", 3, 2, "grant"),
            'Slides!B3: unknown chart "grant"; expected the Key of a row in sheet Charts '
            "(editors, grants)",
            id="unknown chart key",
        ),
        pytest.param(
            set_cell("Images", 2, 4, None),
            'Images!D2: empty required cell "Image 1"; expected the first picture\'s file (PNG, '
            "JPEG, GIF, …), its path relative to the workbook's folder",
            id="no image",
        ),
        pytest.param(
            set_cell("Highlights", 2, 6, None),
            'Highlights!F2: empty required cell "Value 2"; expected the second big number, '
            "e.g. 470+",
            id="two highlights",
        ),
        pytest.param(
            set_cell("Highlights", 2, 14, "12"),
            'Highlights!O2: empty Label 6 for the number "12"; expected its short label, e.g. '
            "teachers in 3 countries",
            id="number without label",
        ),
        pytest.param(
            set_cell("Highlights", 2, 11, "wikis"),
            'Highlights!J2: empty Value 4 for the label "wikis"; expected the big number, e.g. '
            "470+",
            id="label without number",
        ),
    ],
)
def test_each_problem_names_its_cell(
    tmp_path: Path, edit: Callable[[Sheets], None], expected: str
) -> None:
    sheets = visual_sheets()
    edit(sheets)
    assert problems(write(tmp_path, sheets)) == [expected]


def test_image_row_problems_all_at_once_whatever_the_quarter(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Images"][0] += ["Caption 3", "Quote", "Attribution", "Image 4"]
    sheets["Images"].append(
        ["later", "Q4", None, "a.png", None, "b.png", None, None, "Cap", "Said.", None]
    )
    sheets["Images"].append(["later", "Q3", None, "a.png", *[None] * 6, "Nobody"])
    sheets["Images"].append(
        ["later", "Q2", None, "a.png", None, "b.png", None, None, None, "Said.", None, "c.png"]
    )

    assert problems(write(tmp_path, sheets)) == [
        "Images!I3: Caption 3 without a picture; expected the picture's file in Image 3, or "
        "Caption 3 blank",
        "Images!K4: an attribution without a quote; expected the Quote it belongs to, or "
        "Attribution blank",
        "Images!J5: a quote beside 3 pictures; expected one or two pictures beside a quote, or "
        "no quote",
    ]


def test_chart_data_problems_are_told_whatever_the_quarter_and_all_at_once(
    tmp_path: Path,
) -> None:
    sheets = visual_sheets()
    sheets["Slides"][1:3] = [["chart", "editors", "Q2"], ["chart", "grants", "Q2"]]
    sheets["Slides"][0].append("Quarters")
    sheets["Chart data"][2][1] = "August"
    sheets["Chart data"][16][2] = None

    assert problems(write(tmp_path, sheets)) == [
        'Chart data!B3: bad month "August" for a yoy chart; expected a date, or a month as '
        "text such as 2020-09",
        "Chart data!C17: empty Series on a row of a bar chart; expected the name of its line "
        "or bars, e.g. FY20-21",
    ]


def test_a_chart_without_data_rows_or_values(tmp_path: Path) -> None:
    sheets = visual_sheets()
    sheets["Charts"].append(["empty", "all", "Nothing yet"])
    sheets["Slides"].append(["chart", "empty"])
    sheets["Chart data"][16:] = [["grants", "Africa", "FY19-20", None]]

    assert problems(write(tmp_path, sheets)) == [
        'Chart data!D17: chart "grants" has no values; expected numbers in Value',
        'Slides!B6: chart "empty" has no rows in sheet Chart data; add rows whose Chart is empty',
    ]


def test_numbers_in_text_cells() -> None:
    assert parse_number("89,000") == 89000
    assert parse_number("5.7%") == pytest.approx(0.057)
    assert parse_number(" -1.5 ") == -1.5
    assert parse_number("\u22123") == -3
    assert [parse_number(t) for t in ("1,23", "89K", "1e3", "", "-")] == [None] * 5


def test_blank_workbook_offers_the_visual_sheets_and_reads_once_filled(tmp_path: Path) -> None:
    path = write_blank_workbook(tmp_path / "tracker.xlsx")
    wb = load_workbook(path)
    assert [c.value for c in wb["Charts"][1]] == [*CHARTS_HEADER, "Footnote", "Notes"]
    assert [c.value for c in wb["Chart data"][1]] == [
        "Chart",
        "Period",
        "Series",
        "Value",
        "From",
        "Until",
    ]
    assert [c.value for c in wb["Images"][1]][2:8] == [
        "Title",
        "Image 1",
        "Caption 1",
        "Image 2",
        "Caption 2",
        "Image 3",
    ]
    assert [c.value for c in wb["Highlights"][1]][3:7] == [
        "Before 1",
        "Value 1",
        "Label 1",
        "Before 2",
    ]
    offered = {
        str(dv.sqref).split(":")[0]: dv.formula1
        for dv in wb["Charts"].data_validations.dataValidation
    }
    assert offered["E2"] == '"yoy,line,bar,stacked bar"'
    assert offered["K2"] == '"native,matplotlib"'

    wb["Deck"]["B2"] = "Thriving Movement"
    wb["Deck"]["B3"] = "FY20-21"
    wb["Slides"].append(["chart", "c"])
    wb["Charts"].append(["c", "all", "Editors"])
    wb["Chart data"].append(["c", "2019-07", None, 1])
    wb["Chart data"].append(["c", "2020-07", None, 2])
    wb.save(path)

    deck, _ = read(path)
    chart = deck.slides[0]
    assert isinstance(chart, ChartSlide)
    assert chart.chart.marked == "Jul"
    assert chart.subtitle == "July 2019 - July 2020"
    assert [s.values[0] for s in chart.chart.series] == [1.0, 2.0]


def test_example_workbook_charts_and_images_for_q1() -> None:
    deck, warned = read(EXAMPLE)

    assert warned == []
    charts = [s for s in deck.slides if isinstance(s, ChartSlide)]
    assert [(c.title, c.subtitle, c.callout, c.callout_detail) for c in charts] == [
        (
            "Wikimedia Active Editors year-over-year comparison",
            "July 2018 - September 2020",
            "Q1 +7.3% YoY",
            "(Goal: +5% YoY)",
        ),
        (
            "New Editors Retention year-over-year comparison",
            "July 2017 - June 2020",
            "Q1 +7.5% YoY",
            "(Goal: +5% YoY)",
        ),
    ]
    assert [c.chart.marked for c in charts] == ["Sep", "Sep"]
    assert [c.chart.number_format for c in charts] == ['0,"K"', "0.0%"]
    assert deck.slides[-2:] == tuple(charts)
    images = [s for s in deck.slides if isinstance(s, ImageSlide)]
    assert [s.title for s in images] == [
        "Project: Talk pages",
        "Reading Wikipedia in the Classroom: Engaging educators in the age of COVID",
        "",
        "Drill Down: Grantmaking",
    ]
    assert [len(s.images) for s in images] == [1, 1, 2, 2]
    assert all(im.path.is_file() for s in images for im in s.images)
