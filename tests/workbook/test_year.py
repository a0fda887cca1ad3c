"""One workbook for the whole year: past decks never change, and no deck shows the future.

The fixture is an invented organisation's year (tests/workbook/year.py), saved as the workbook at
the end of each quarter. Decks are compared as models: every text, table cell, chart series and
the slide order are in them.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.workbook import year
from tests.workbook.sheets import save
from tuningdeck.model import (
    AcronymsSlide,
    ChartSlide,
    Deck,
    DrillDownSlide,
    HighlightsSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    OkrChangeSlide,
)
from tuningdeck.workbook import read_workbook


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("year")
    return {q: save(folder / f"end-of-q{q}.xlsx", year.at_end_of(q)) for q in (1, 2, 3, 4)}


def deck(path: Path, quarter: int) -> Deck:
    return read_workbook(path, f"Q{quarter}")


@pytest.mark.parametrize("quarter", [1, 2, 3])
def test_a_past_quarters_deck_never_changes(workbooks: dict[int, Path], quarter: int) -> None:
    own = deck(workbooks[quarter], quarter)
    for later in range(quarter + 1, 5):
        assert deck(workbooks[later], quarter) == own, f"Q{quarter} deck from Q{later} workbook"


def _texts(sheets: year.Sheets) -> set[str]:
    return {v for rows in sheets.values() for row in rows for v in row if isinstance(v, str)}


@pytest.mark.parametrize("quarter", [1, 2, 3])
def test_no_deck_holds_a_value_written_for_a_later_quarter(
    workbooks: dict[int, Path], quarter: int
) -> None:
    shown = repr(deck(workbooks[4], quarter))
    own = repr(deck(workbooks[quarter], quarter))  # what the quarter itself says
    later = _texts(year.at_end_of(4)) - _texts(year.at_end_of(quarter))
    leaked = sorted(t for t in later if len(t) > 3 and t in shown and t not in own)
    assert leaked == []


def _slides(d: Deck, cls: type) -> list:  # type: ignore[type-arg]
    return [s for s in d.slides if isinstance(s, cls)]


def test_each_quarter_shows_its_changes(workbooks: dict[int, Path]) -> None:
    q1, q2, q3, q4 = (deck(workbooks[4], q) for q in (1, 2, 3, 4))
    kinds = [type(s).__name__ for s in q1.slides]
    assert kinds.index("HighlightsSlide") < kinds.index("MetricsTableSlide")
    kinds2 = [type(s).__name__ for s in q2.slides]
    assert kinds2.index("HighlightsSlide") == kinds2.index("MetricsTableSlide") + 1

    krs = {q: _slides(d, KeyResultsSlide)[0] for q, d in enumerate((q1, q2, q3, q4), 1)}
    assert next(r.text for r in krs[1].results) == "Hold 150 story times"
    assert [r.text for r in krs[2].results] == [
        "Hold 160 story times",
        "Reach 2,000 children",
        "Open a reading corner in every branch",
    ]
    assert [r.text for r in krs[3].results][-1] == "Open reading corners in 5 branches"
    assert krs[2].results[1].statuses == ("510", "1,020", "", "")

    main1, *appendix1 = _slides(q1, MetricsTableSlide)
    main2, appendix2 = _slides(q2, MetricsTableSlide)
    assert appendix1 == [] and appendix2 == main1  # the appendix shows the table as of Q1
    rows2 = [r for o in main2.outcomes for r in o.rows]
    assert [(r.text, r.statuses[0]) for r in rows2][:3] == [
        ("Monthly visits", "+7.1% YoY"),
        ("Eastside", "+2.4% YoY"),  # Q1's status corrected from Q2 on
        ("Westside", "+9.0% YoY"),
    ]
    rows1 = [r for o in main1.outcomes for r in o.rows]
    assert rows1[1].statuses[0] == "+2.0% YoY"  # ... and the Q1 deck keeps what it said
    assert rows2[3].baseline == "60,400 (recounted)" and rows1[3].baseline == "61,000"
    assert rows2[4].text == "Open hours per week^{†}"
    rows3 = [r.text for o in _slides(q3, MetricsTableSlide)[0].outcomes for r in o.rows]
    assert rows3[:4] == ["Visits in person", "Eastside", "Westside", "Visits online"]

    drill1, drill2 = (_slides(d, DrillDownSlide)[0] for d in (q1, q2))
    assert drill1.table is not None and drill2.table is not None
    assert drill1.table.groups[0].rows[0][1] == "1,200"
    assert drill2.table.groups[0].rows[0][1] == "1,250"

    chart1, chart2 = (_slides(d, ChartSlide)[0] for d in (q1, q2))
    assert (chart1.chart.goal, chart2.chart.goal) == (45.0, 46.0)
    assert chart1.subtitle.endswith("September 2025") and chart2.subtitle.endswith("December 2025")

    terms = {
        q: [a.term for a in _slides(d, AcronymsSlide)[0].entries]
        for q, d in enumerate((q1, q2, q3, q4), 1)
    }
    assert terms == {1: ["ESL", "YoY"], 2: ["ESL", "KR", "YoY"], 3: ["KR", "YoY"], 4: ["KR", "YoY"]}
    assert _slides(q3, OkrChangeSlide) and not _slides(q4, OkrChangeSlide)
    assert isinstance(q4.slides[-3], AcronymsSlide)  # moved before the appendix in Q4
    assert _slides(q4, HighlightsSlide)[0].title == "Q4 in numbers"


def _changed_rows(before: year.Sheets, after: year.Sheets) -> int:
    """How many rows differ between two workbooks: added, removed or edited."""
    count = 0
    for name in sorted(set(before) | set(after)):
        a = [tuple(r) for r in before.get(name, [])]
        b = [tuple(r) for r in after.get(name, [])]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op != "equal":
                count += max(i2 - i1, j2 - j1)
    return count


@pytest.mark.parametrize("quarter", [2, 3, 4])
def test_each_change_is_one_row_or_one_cell(quarter: int) -> None:
    routine = year.with_routine(quarter)
    for name, edit in year.QUARTERS[quarter].changes:
        changed = year.with_routine(quarter)
        edit(changed)
        assert _changed_rows(routine, changed) == 1, name
    assert _changed_rows(routine, year.at_end_of(quarter)) == len(year.QUARTERS[quarter].changes)
