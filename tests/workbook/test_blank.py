"""The blank workbook: every sheet and header, written safely, and readable once filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tuningdeck.errors import WorkbookError
from tuningdeck.model import (
    WORD_SETTINGS,
    Acronym,
    AcronymsSlide,
    DrillDownSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    TitleSlide,
)
from tuningdeck.workbook import read_workbook, write_blank_workbook
from tuningdeck.workbook.sheets import SHEETS


def test_blank_workbook_has_every_sheet_and_header(tmp_path: Path) -> None:
    path = write_blank_workbook(tmp_path / "tracker.xlsx")

    assert path == tmp_path / "tracker.xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]
    wb = load_workbook(path)
    assert wb.sheetnames == [spec.name for spec in SHEETS]
    assert {"Deck", "Slides", "Tables", "Metrics", "Key results", "Acronyms"} <= set(wb.sheetnames)
    for spec in SHEETS:
        ws = wb[spec.name]
        header = [c.value for c in ws[1]]
        assert header == [c.name for c in spec.columns], spec.name
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width == spec.columns[0].width
    assert [c.value for c in wb["Objectives"][1]][:4] == ["Key", "Quarter", "Title", "Objective"]
    assert [r[0].value for r in wb["Deck"].iter_rows(min_row=2)] == [
        "Priority",
        "Fiscal year",
        "Title",
        "Subtitle",
        "Acronyms intro",
        *(w.name for w in WORD_SETTINGS),
    ]
    # every word's setting is listed with its default in its note
    notes = {r[0].value: r[0].comment.text for r in wb["Deck"].iter_rows(min_row=2)}
    assert "default Wikimedia Foundation" in notes["Organisation"]
    assert "default (cont.)" in notes["Continued suffix"]
    assert wb["Objectives"]["D1"].comment.text == "Required: the objective statement."


def test_blank_workbook_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_blank_workbook(path)
    assert path.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_unfilled_blank_workbook_asks_for_the_required_settings(tmp_path: Path) -> None:
    path = write_blank_workbook(tmp_path / "tracker.xlsx")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, "Q1")
    assert [str(p) for p in info.value.problems] == [
        'Deck!B2: empty value for setting "Priority"; expected the priority the deck is '
        "about, e.g. Thriving Movement",
        'Deck!B3: empty value for setting "Fiscal year"; expected a fiscal year such as '
        "FY20-21 (also FY2020-2021, FY20/21)",
    ]


def test_blank_workbook_filled_with_one_row_per_sheet_reads(tmp_path: Path) -> None:
    path = write_blank_workbook(tmp_path / "tracker.xlsx")
    wb = load_workbook(path)
    wb["Deck"]["B2"] = "Thriving Movement"
    wb["Deck"]["B3"] = "FY2020-2021"
    rows = {
        "Slides": [
            ["title"],
            ["section", "Appendix"],
            ["priority update", "tm"],
            ["objective", "o"],
            ["drill-down", "d"],
            ["okr change", "k"],
            ["quote", "q"],
            ["acronyms"],
        ],
        "Updates": [["tm", "Q1", "Thriving Movement", "Overview."]],
        "Objectives": [["o", "all", "Objective title", "The objective."]],
        "Drill-downs": [["d", "Q1", "Drill Down: X", "S.", "I.", "R."]],
        "OKR changes": [["k", "Q1", "OKR Change: X", "Old.", "New."]],
        "Quotes": [["q", "Q1", None, "Quoted."]],
        "Acronyms": [["MTP", "Medium-term plan"]],
    }
    for name, values in rows.items():
        for row in values:
            wb[name].append(row)
    wb.save(path)

    deck = read_workbook(path, "Q1")
    assert deck.title == "Thriving Movement Tuning Session Q1 FY20-21"
    assert deck.slides == (
        TitleSlide(title="Thriving Movement Tuning Session Q1 FY20-21"),
        SectionSlide(title="Appendix"),
        PriorityUpdateSlide(title="Thriving Movement", overview="Overview."),
        ObjectiveSlide(title="Objective title", objective="The objective."),
        DrillDownSlide(title="Drill Down: X", situation="S.", impact="I.", recommendation="R."),
        OkrChangeSlide(title="OKR Change: X", original="Old.", proposed="New."),
        QuoteSlide(quote="Quoted."),
        AcronymsSlide(entries=[Acronym("MTP", "Medium-term plan")]),
    )
