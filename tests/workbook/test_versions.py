"""Rows that change from a quarter on: From, Until, Replaces, Quarter ranges and As of."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbook.sheets import Sheets, problems, save
from tuningdeck.model import AcronymsSlide, KeyResultsSlide, ObjectiveSlide, SectionSlide
from tuningdeck.workbook import read_workbook

KR = ["Table", "Key result", "Baseline", "Goal", "Q1", "Q2", "Q3", "Q4", "Level"]
KR += ["From", "Until", "Replaces"]


def sheets() -> Sheets:
    return {
        "Deck": [["Setting", "Value"], ["Priority", "P"], ["Fiscal year", "FY30-31"]],
        "Slides": [
            ["Kind", "Key", "Quarters", "From", "Until", "As of"],
            ["section", "Start"],  # 2
            ["objective", "o"],  # 3
            ["key results", "krs"],  # 4
            ["acronyms"],  # 5
        ],
        "Objectives": [
            ["Key", "Quarter", "Title", "Objective"],
            ["o", "all", "All year", "Do it."],  # 2
            ["o", "Q2", "Only Q2", "Do it."],  # 3
            ["o", "from Q3", "From Q3 on", "Do it."],  # 4
        ],
        "Tables": [["Key", "Quarter", "Title"], ["krs", "all", "Results"]],
        "Key results": [
            KR,
            ["krs", "Read 100 books", "50", "100", "30", "60", "90", "120"],  # 2
            ["krs", "Fiction", None, None, "10", "20", None, None, "sub"],  # 3
            [
                "krs",
                "Read 120 books",
                "50",
                "120",
                "30",
                "60",
                "90",
                "120",
                None,
                "Q2",
                None,
                "Read 100 books",
            ],  # 4
            ["krs", "Fiction", None, None, "12", "20", None, None, "sub", "Q3"],  # 5
            ["krs", "Visit twice", "1", "2", "1", "1", "2", "2", None, None, "Q2"],  # 6
        ],
        "Acronyms": [
            ["Term", "Definition", "From", "Until"],
            ["OKR", "Objectives and key results"],
            ["KR", "Key result", "Q3"],
            ["OKR", "Objectives & key results", "Q4"],
        ],
    }


def read(tmp_path: Path, q: str, data: Sheets | None = None):  # type: ignore[no-untyped-def]
    return read_workbook(save(tmp_path / "v.xlsx", data or sheets()), q)


def test_quarter_ranges_on_a_narrative_sheet(tmp_path: Path) -> None:
    titles = [
        next(s.title for s in read(tmp_path, q).slides if isinstance(s, ObjectiveSlide))
        for q in ("Q1", "Q2", "Q3", "Q4")
    ]
    assert titles == ["All year", "Only Q2", "From Q3 on", "From Q3 on"]


def test_rows_replaced_reworded_and_ended(tmp_path: Path) -> None:
    def results(q: str) -> list[tuple[str, tuple[str, ...]]]:
        grid = next(s for s in read(tmp_path, q).slides if isinstance(s, KeyResultsSlide))
        return [(r.text, r.statuses) for r in grid.results]

    assert results("Q1") == [
        ("Read 100 books", ("30", "", "", "")),
        ("Fiction", ("10", "", "", "")),
        ("Visit twice", ("1", "", "", "")),
    ]
    assert results("Q2") == [
        ("Read 120 books", ("30", "60", "", "")),
        ("Fiction", ("10", "20", "", "")),
        ("Visit twice", ("1", "1", "", "")),
    ]
    # the sub-row follows its reworded parent, and its Q3 version corrects Q1
    assert results("Q3") == [
        ("Read 120 books", ("30", "60", "90", "")),
        ("Fiction", ("12", "20", "", "")),
    ]


def test_acronyms_start_and_change_from_a_quarter(tmp_path: Path) -> None:
    def entries(q: str) -> list[tuple[str, str]]:
        slide = next(s for s in read(tmp_path, q).slides if isinstance(s, AcronymsSlide))
        return [(a.term, a.definition) for a in slide.entries]

    assert entries("Q2") == [("OKR", "Objectives and key results")]
    assert entries("Q3") == [("KR", "Key result"), ("OKR", "Objectives and key results")]
    assert entries("Q4") == [("KR", "Key result"), ("OKR", "Objectives & key results")]


def test_a_slide_moved_from_a_quarter_and_a_snapshot(tmp_path: Path) -> None:
    data = sheets()
    data["Slides"].insert(1, ["acronyms", None, None, "Q3"])  # moved to the front from Q3
    data["Slides"].append(["key results", "krs", "Q3-Q4", None, None, "Q1"])

    def kinds(q: str) -> list[str]:
        return [type(s).__name__ for s in read(tmp_path, q, data).slides]

    assert kinds("Q2") == ["SectionSlide", "ObjectiveSlide", "KeyResultsSlide", "AcronymsSlide"]
    assert kinds("Q3") == [
        "AcronymsSlide",
        "SectionSlide",
        "ObjectiveSlide",
        "KeyResultsSlide",
        "KeyResultsSlide",
    ]
    deck = read(tmp_path, "Q3", data)
    first, snapshot = (s for s in deck.slides if isinstance(s, KeyResultsSlide))
    assert next(r.text for r in snapshot.results) == "Read 100 books"  # as it stood in Q1
    assert snapshot.results[0].statuses == ("30", "", "", "")
    assert first.results[0].text == "Read 120 books"
    assert isinstance(deck.slides[1], SectionSlide)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: d["Key results"].append(
                ["krs", "X", None, None, None, None, None, None, None, None, None, "Nothing"]
            ),
            'Key results!L7: Replaces "Nothing" on a row that starts in Q1; expected a From '
            "quarter after Q1 (the quarter the new wording starts)",
        ),
        (
            lambda d: d["Key results"].append(
                ["krs", "X", None, None, None, None, None, None, None, "Q2", None, "Nothing"]
            ),
            'Key results!L7: Replaces "Nothing" but no row before Q2 has that Key result; '
            "expected the Key result of the row it rewords, as written",
        ),
        (
            lambda d: d["Key results"].append(
                ["krs", "X", None, None, None, None, None, None, None, "Q3", "Q2"]
            ),
            "Key results!K7: Until Q2 is before From Q3; expected a quarter from Q3 to Q4 (or "
            "blank for the rest of the year)",
        ),
        (
            lambda d: d["Acronyms"].append(["KR", "Again", "Q3"]),
            'Acronyms!A5: a second row for Term "KR" starting in Q3 (first at row 3); expected '
            "one row per term and From quarter",
        ),
        (
            lambda d: d["Slides"].append(["acronyms", None, None, None, None, "Q3"]),
            "Slides!F6: As of Q3 is after the deck's quarter Q2; expected Q2 or an earlier "
            "quarter (a deck never shows the future)",
        ),
        (
            lambda d: d["Acronyms"].append(["XY", "Z", "Q5"]),
            'Acronyms!C5: bad From "Q5"; expected Q1, Q2, Q3 or Q4',
        ),
        (
            lambda d: d["Objectives"].append(["o", "Q3-Q2", "Bad", "Do it."]),
            'Objectives!B5: bad quarter "Q3-Q2"; expected Q1, Q2, Q3, Q4, all, a range such as '
            "Q2-Q4 or from Q2",
        ),
    ],
)
def test_bad_changes_name_their_cell(tmp_path: Path, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = sheets()
    edit(data)
    assert problems(save(tmp_path / "bad.xlsx", data), "Q2") == [expected]
