"""What the workbook says beyond a plain cell of text: lists, lines of table cells, headers,
quotes beside pictures, words before a highlight's number."""

from __future__ import annotations

from pathlib import Path

from tests.workbook.sheets import Sheets, save
from tuningdeck.model import (
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
