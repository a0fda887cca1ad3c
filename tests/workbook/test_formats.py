"""What the workbook says beyond a plain cell of text: lists, lines of table cells, headers,
quotes beside pictures, words before a highlight's number."""

from __future__ import annotations

from pathlib import Path

from tests.workbook.sheets import Sheets, save
from tests.workbook.test_tables import table_sheets
from tuningdeck.model import (
    DrillDownSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
)
from tuningdeck.text.markup import parse_blocks
from tuningdeck.workbook import read_workbook

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
