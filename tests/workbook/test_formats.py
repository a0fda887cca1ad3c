"""What the workbook says beyond a plain cell of text: lists, lines of table cells, headers,
quotes beside pictures, words before a highlight's number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.workbook.sheets import Sheets, problems, save
from tests.workbook.test_tables import table_sheets
from tests.workbook.test_visuals import read, visual_sheets, write
from tuningdeck.model import (
    DrillDownSlide,
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
)
from tuningdeck.text.markup import parse_blocks
from tuningdeck.workbook import read_workbook, write_blank_workbook

# -- numbered lists and several paragraphs in a cell --------------------------------------------


def test_numbered_lists_and_escaped_numbers_reach_the_model_as_written(tmp_path: Path) -> None:
    narrative = "Steps:\n1. Deploy\n2. Measure\n  1. by market\n1\\. FC Köln is a name"
    sheets: Sheets = {
        "Deck": [["Setting", "Value"], ["Priority", "P"], ["Fiscal year", "FY20-21"]],
        "Slides": [["Kind", "Key"], ["objective", "o"]],
        "Objectives": [
            ["Key", "Quarter", "Title", "Objective", "Narrative"],
            ["o", "Q2", "Lists", "1. One objective", narrative],
        ],
    }
    (slide,) = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q2").slides
    assert isinstance(slide, ObjectiveSlide)
    assert slide.narrative == narrative
    assert [(p.text, p.level, p.number) for p in parse_blocks(slide.narrative)] == [
        ("Steps:", 0, None),
        ("Deploy", 1, 1),
        ("Measure", 1, 2),
        ("by market", 2, 1),
        ("1. FC Köln is a name", 0, None),
    ]
    assert slide.objective == "1. One objective"


def test_every_line_of_a_table_cell_is_kept(tmp_path: Path) -> None:
    sheets = table_sheets()
    # Key results row 2: Baseline, Goal and Q1 of two lines each, a list in Q2
    sheets["Key results"][1][2:6] = [
        "99K active editors/month\n(FY19/20)",
        "+5% YoY\nby Q4",
        "+7.3% YoY\n(89K/mo*)",
        "1. Arabic\n2. Czech",
    ]
    sheets["Metrics"][1][3] = "99K/month\n(FY19/20)"
    sheets["Drill-down data"][1][4] = "64%\n(2 of 3)"
    metrics, grid, drill = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q2").slides
    assert isinstance(grid, KeyResultsSlide) and isinstance(metrics, MetricsTableSlide)
    row = grid.results[0]
    assert (row.baseline, row.goal, row.statuses[:2]) == (
        "99K active editors/month\n(FY19/20)",
        "+5% YoY\nby Q4",
        ("+7.3% YoY\n(89K/mo*)", "1. Arabic\n2. Czech"),
    )
    assert metrics.outcomes[0].rows[0].baseline == "99K/month\n(FY19/20)"
    assert isinstance(drill, DrillDownSlide) and drill.table is not None
    assert drill.table.groups[0].rows[0][1] == "64%\n(2 of 3)"


# -- table headers -------------------------------------------------------------------------------

HEADINGS = [
    "Outcome heading",
    "Metric heading",
    "Key result heading",
    "Goal heading",
    "Q1 heading",
    "Q2 heading",
    "Q3 heading",
    "Q4 heading",
]


def with_headings(*rows: tuple[int, list[object]]) -> Sheets:
    """The table sheets with the heading columns, filled on the given Tables rows."""
    sheets = table_sheets()
    sheets["Tables"][0] += HEADINGS
    for number, values in rows:
        row = sheets["Tables"][number - 1]
        row.extend([None] * (7 - len(row)))
        row += values
    return sheets


def test_table_headers_come_from_the_tables_sheet_blank_ones_keeping_the_defaults(
    tmp_path: Path,
) -> None:
    sheets = with_headings(
        (2, ["Outcome", "Metric", None, "Year goal", "Q1", "Q2", "Q3", "Q4"]),
        (3, [None, None, "Key result", "Y2 Goal", None, None, "Q3", None]),
    )
    metrics, grid, _ = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q1").slides
    assert isinstance(metrics, MetricsTableSlide) and isinstance(grid, KeyResultsSlide)
    assert (metrics.outcome_heading, metrics.metric_heading, metrics.goal_heading) == (
        "Outcome",
        "Metric",
        "Year goal",
    )
    assert metrics.quarter_headings == ("Q1", "Q2", "Q3", "Q4")
    assert (grid.result_heading, grid.goal_heading) == ("Key result", "Y2 Goal")
    assert grid.quarter_headings == ("", "", "Q3", "")  # blank: the deck's words


def test_without_heading_columns_tables_keep_todays_headers(tmp_path: Path) -> None:
    deck = read_workbook(save(tmp_path / "t.xlsx", table_sheets()), "Q1")
    metrics, grid, _ = deck.slides
    assert isinstance(metrics, MetricsTableSlide) and isinstance(grid, KeyResultsSlide)
    # the slides leave their headers to the deck, whose words are today's
    assert (metrics.outcome_heading, metrics.goal_heading, grid.goal_heading) == ("", "", "")
    assert metrics.quarter_headings == grid.quarter_headings == ("", "", "", "")
    words = deck.words
    assert (words.outcome_heading, words.metrics_goal_heading, words.results_goal_heading) == (
        "MTP Outcomes",
        "Y2 Goal",
        "Year Goal",
    )
    assert words.quarter_headings == ("Q1 Status", "Q2 Status", "Q3 Status", "Q4 Status")


def test_a_header_for_a_column_the_table_lacks_is_told_at_its_cell_whatever_the_quarter(
    tmp_path: Path,
) -> None:
    sheets = with_headings(
        (2, [None, None, "Key result", None]),
        (4, ["Outcome", "Metric", None, None]),  # armdeb's Q2 row: checked in a Q1 deck too
    )
    assert problems(save(tmp_path / "t.xlsx", sheets)) == [
        'Tables!J2: Key result heading "Key result" for metrics table "metrics", which has no '
        "key-result column; expected Metric heading for its metric column, or Key result "
        "heading blank",
        'Tables!H4: Outcome heading "Outcome" for key results "armdeb", which has no outcome '
        "column; expected Outcome heading blank",
        'Tables!I4: Metric heading "Metric" for key results "armdeb", which has no metric '
        "column; expected Key result heading for its first column, or Metric heading blank",
    ]


# -- a quote beside two pictures -----------------------------------------------------------------


def quote_sheets(tmp_path: Path) -> Sheets:
    sheets = visual_sheets()
    sheets["Images"][0] += ["Quote", "Attribution", "Image 3"]
    sheets["Images"][1] += [
        "The toolkit works.",
        "Ana Reyes\nTeacher trainer\nPasay City, Philippines",
    ]
    return sheets


def test_a_quote_beside_two_pictures_with_an_attribution_of_three_lines(tmp_path: Path) -> None:
    slide = read(write(tmp_path, quote_sheets(tmp_path)))[0].slides[2]
    assert slide == ImageSlide(
        title="Project: Talk pages",
        images=[
            Image(
                path=tmp_path / "images" / "reply-tool.png",
                caption="Reply Tool at sv.wiki",
                fit="crop",
            ),
            Image(path=tmp_path / "images" / "wide.png", fit="crop"),
        ],
        caption="Two screenshots",
        quote="The toolkit works.",
        attribution="Ana Reyes\nTeacher trainer\nPasay City, Philippines",
    )


def test_a_quote_beside_three_pictures_is_told_at_its_cell(tmp_path: Path) -> None:
    sheets = quote_sheets(tmp_path)
    sheets["Images"][1].append("images/wide.png")
    assert problems(write(tmp_path, sheets)) == [
        "Images!I2: a quote beside 3 pictures; expected one or two pictures beside a quote, or "
        "no quote"
    ]


# -- words before a highlight's number -----------------------------------------------------------


def highlight_sheets() -> Sheets:
    sheets = visual_sheets()
    header = ["Key", "Quarter", "Title"]
    header += [f"{c} {i}" for i in range(1, 7) for c in ("Before", "Value", "Label")]
    values = sheets["Highlights"][1][3:]
    row: list[object] = ["numbers", "Q1", "Q1 in numbers"]
    for i in range(6):
        row += [None, *values[2 * i : 2 * i + 2]]
    row[3] = "Deployed on"  # Before 1
    row[9] = "Up"  # Before 3
    sheets["Highlights"] = [header, row]
    return sheets


def test_highlights_read_the_words_before_their_numbers(tmp_path: Path) -> None:
    deck, _ = read(write(tmp_path, highlight_sheets()))
    assert deck.slides[3] == HighlightsSlide(
        title="Q1 in numbers",
        items=[
            Highlight(before="Deployed on", value="470+", label="teachers in 3 countries"),
            Highlight(value="17.2", label="million images scanned"),
            Highlight(before="Up", value="7.3%", label="more active editors"),
            Highlight(value="17", label="Wikipedias with Newcomer tasks"),
        ],
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda row: row.__setitem__(18, "More than"),  # Before 6, no Value 6
            'Highlights!S2: Before 6 "More than" without a number; expected the number it comes '
            "before in Value 6, or Before 6 blank",
            id="before without number",
        ),
        pytest.param(
            lambda row: row.__setitem__(15, 17),  # a number in Before 5 is text
            None,
            id="number as words",
        ),
    ],
)
def test_before_cells_hold_text_and_need_their_number(
    tmp_path: Path, edit: Callable[[list[object]], None], expected: str | None
) -> None:
    sheets = highlight_sheets()
    edit(sheets["Highlights"][1])
    path = write(tmp_path, sheets)
    if expected is None:
        slide = read(path)[0].slides[3]
        assert isinstance(slide, HighlightsSlide) and slide.items[3].before == "17"
    else:
        assert problems(path) == [expected]


# -- the blank workbook --------------------------------------------------------------------------


def test_the_blank_workbook_offers_the_new_columns(tmp_path: Path) -> None:
    wb = load_workbook(write_blank_workbook(tmp_path / "blank.xlsx"))
    tables = [c.value for c in wb["Tables"][1]]
    assert tables[tables.index("Callout") + 1 :][:8] == HEADINGS
    highlights = [c.value for c in wb["Highlights"][1]]
    assert highlights[3:9] == ["Before 1", "Value 1", "Label 1", "Before 2", "Value 2", "Label 2"]
    images = [c.value for c in wb["Images"][1]]
    assert images.index("Attribution") == images.index("Quote") + 1
