"""Reading a tracker workbook: the slides it makes, and every problem at its Sheet!Cell."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workbook.sheets import Sheets, append_rows, drop_row, problems, save, set_cell
from tuningdeck.errors import InputError, Problem, WorkbookError, WorkbookWarning
from tuningdeck.model import (
    Acronym,
    AcronymsSlide,
    DrillDownSlide,
    FiscalYear,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    Quarter,
    QuoteSlide,
    SectionSlide,
    TitleSlide,
)
from tuningdeck.workbook import read_workbook
from tuningdeck.workbook.kinds import KINDS, KeyUse, SlideKind


def good_sheets() -> Sheets:
    """A workbook with one slide of every kind; row numbers matter to the tests below."""
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Thriving Movement"],
            ["Fiscal year", "FY20-21"],
            ["Subtitle", "Quarterly review"],
            ["Acronyms intro", "Terms used in this deck."],
        ],
        "Slides": [
            ["Kind", "Key", "Quarters", "Notes"],
            ["title", None, None, "Welcome everyone"],  # 2
            ["section", "MTP Priority Update"],  # 3
            ["priority update", "thriving-movement"],  # 4
            ["Objective", "ip-masking"],  # 5
            ["Drill_Down", "ip-masking"],  # 6
            ["OKR change", "Grantmaking"],  # 7
            ["quote", "talk-pages"],  # 8
            ["acronyms"],  # 9
        ],
        "Updates": [
            [
                "Key",
                "Quarter",
                "Title",
                "Overview",
                "Progress",
                "Deliverables",
                "Actions",
                "Department",
                "Footnote",
                "Notes",
            ],
            [
                "thriving-movement",
                "all",
                "Thriving Movement",
                "The task force's 2nd year.",
                "We saw **7.3%** more editors.",
                "Grantmaking\nIP Masking",
                "- Fund more\n- Hire",
                None,
                None,
                "Say hello",
            ],
        ],
        "Objectives": [
            [
                "Key",
                "Quarter",
                "Title",
                "Objective",
                "Narrative",
                "Target",
                "Department",
                "Footnote",
                "Notes",
            ],
            [
                "ip-masking",
                "Q1",
                "IP Masking",
                "Protect editors' privacy.",
                "- Prototype done",
                "EOY",
                "Product",
                "* estimate",
                None,
            ],
            [
                "ip-masking",
                "Q2",
                "IP Masking",
                "Protect editors' privacy.",
                "- Rollout begun",
                "EOY",
                "Product",
                None,
                None,
            ],
        ],
        "Drill-downs": [
            [
                "Key",
                "Quarter",
                "Title",
                "Situation",
                "Impact",
                "Recommendation",
                "Recommendation heading",
            ],
            [
                "ip-masking",
                "all",
                "Drill Down: IP Masking",
                "The situation text.",
                "The impact text.",
                "Do this.",
                "Next steps",
            ],
        ],
        "OKR changes": [
            ["Key", "Quarter", "Title", "Original", "Proposed"],
            ["grantmaking", "all", "OKR Change: Grantmaking", "KR1 old\nKR2 old", "KR1 new"],
        ],
        "Quotes": [
            ["Key", "Quarter", "Title", "Quote", "Name", "Affiliation", "Place"],
            ["talk-pages", "all", "Project: Talk pages", "It works.", "Ada", "Wikimedian", "Accra"],
        ],
        "Acronyms": [
            ["Term", "Definition"],
            ["MTP", "Medium-term plan"],
            ["CSAM", "Child Sex Abuse Material"],
        ],
    }


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return save(tmp_path / "tracker.xlsx", good_sheets())


def test_good_workbook_reads_every_slide_in_order(good: Path) -> None:
    deck = read_workbook(good, "Q1")

    assert deck.quarter is Quarter.Q1
    assert deck.fiscal_year == FiscalYear(2020)
    assert deck.title == "Thriving Movement Tuning Session Q1 FY20-21"
    assert deck.slides == (
        TitleSlide(
            title="Thriving Movement Tuning Session Q1 FY20-21",
            subtitle="Quarterly review",
            notes="Welcome everyone",
        ),
        SectionSlide(title="MTP Priority Update"),
        PriorityUpdateSlide(
            title="Thriving Movement",
            overview="The task force's 2nd year.",
            progress="We saw **7.3%** more editors.",
            deliverables=("Grantmaking", "IP Masking"),
            actions=("- Fund more", "- Hire"),
            notes="Say hello",
        ),
        ObjectiveSlide(
            title="IP Masking",
            objective="Protect editors' privacy.",
            narrative="- Prototype done",
            target="EOY",
            department="Product",
            footnote="* estimate",
        ),
        DrillDownSlide(
            title="Drill Down: IP Masking",
            situation="The situation text.",
            impact="The impact text.",
            recommendation="Do this.",
            recommendation_heading="Next steps",
        ),
        OkrChangeSlide(
            title="OKR Change: Grantmaking", original="KR1 old\nKR2 old", proposed="KR1 new"
        ),
        QuoteSlide(
            title="Project: Talk pages",
            quote="It works.",
            name="Ada",
            affiliation="Wikimedian",
            place="Accra",
        ),
        AcronymsSlide(
            entries=[
                Acronym("CSAM", "Child Sex Abuse Material"),
                Acronym("MTP", "Medium-term plan"),
            ],
            intro="Terms used in this deck.",
        ),
    )


def test_title_template_and_default_recommendation_heading(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Deck"].append(["title", "{priority}: {quarter} of {fiscal_year}"])
    sheets["Drill-downs"][1][6] = None
    deck = read_workbook(save(tmp_path / "t.xlsx", sheets), Quarter.Q2)

    assert deck.title == "Thriving Movement: Q2 of FY20-21"
    assert deck.slides[0].title == "Thriving Movement: Q2 of FY20-21"
    drill = deck.slides[4]
    assert isinstance(drill, DrillDownSlide)
    assert drill.recommendation_heading == ""  # blank: the deck's word
    assert deck.words.recommendation_heading == "The recommendation"


def test_quarter_picks_its_own_row_then_the_all_row(good: Path) -> None:
    q1, q2 = read_workbook(good, "Q1"), read_workbook(good, "q2")

    assert q1.slides[3].narrative == "- Prototype done"  # type: ignore[attr-defined]
    assert q2.slides[3].narrative == "- Rollout begun"  # type: ignore[attr-defined]
    assert q2.slides[3].footnote == ""
    # the Updates row is "all": the same in both quarters
    assert q1.slides[2] == q2.slides[2]
    assert q2.title == "Thriving Movement Tuning Session Q2 FY20-21"


def test_quarters_column_leaves_slides_out(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Slides"] = [
        ["Kind", "Key", "Quarters"],
        ["title"],
        ["section", "Every quarter", ""],
        ["section", "Only Q1", "Q1"],
        ["section", "Q2 on", "Q2-Q4"],
        ["section", "Odd", "Q1, Q3"],
        ["section", "All", "all"],
        # shown in Q1 and Q2 only, so Q3 does not need a Q3 row
        ["objective", "ip-masking", "Q1;Q2"],
    ]
    path = save(tmp_path / "t.xlsx", sheets)

    def titles(quarter: str) -> list[str]:
        return [s.title for s in read_workbook(path, quarter).slides[1:]]  # type: ignore[attr-defined]

    assert titles("Q1") == ["Every quarter", "Only Q1", "Odd", "All", "IP Masking"]
    assert titles("Q2") == ["Every quarter", "Q2 on", "All", "IP Masking"]
    assert titles("Q3") == ["Every quarter", "Q2 on", "Odd", "All"]
    assert titles("Q4") == ["Every quarter", "Q2 on", "All"]


def test_slides_of_other_quarters_are_not_looked_up(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Slides"].append(["objective", "not-written-yet", "Q4"])
    path = save(tmp_path / "t.xlsx", sheets)

    assert len(read_workbook(path, "Q1")) == 8
    assert problems(path, "Q4")[-1] == (
        'Slides!B10: unknown objective "not-written-yet"; expected the Key of a row in sheet '
        "Objectives (ip-masking)"
    )


def test_missing_quarter_is_an_error_at_the_slides_key_cell(good: Path) -> None:
    assert problems(good, "Q3") == [
        'Slides!B5: objective "ip-masking" has no text for Q3 in sheet Objectives; '
        "add a row with Quarter Q3 (or all)",
    ]


def test_missing_sheet_missing_column_and_wrong_type_reported_at_once(tmp_path: Path) -> None:
    sheets = good_sheets()
    del sheets["Quotes"]
    sheets["Objectives"] = [row[:3] + row[4:] for row in sheets["Objectives"]]
    sheets["Updates"][1][3] = dt.date(2020, 10, 1)

    assert problems(save(tmp_path / "t.xlsx", sheets)) == [
        "Updates!D2: expected text, found a date (2020-10-01)",
        'Objectives!I1: missing column "Objective"; expected header row with Key, Quarter, '
        "Title, Objective, Narrative, Target, Department, Footnote, Notes",
        "Quotes: sheet missing; the Slides sheet asks for it at Slides!A8",
    ]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            append_rows("Slides", ["pie", "editors"]),
            'Slides!A10: unknown kind "pie"; expected one of '
            + ", ".join(kind.name for kind in KINDS.values()),
            id="unknown kind",
        ),
        pytest.param(
            set_cell("Slides", 5, 2, "ip-maskng"),
            'Slides!B5: unknown objective "ip-maskng"; expected the Key of a row in sheet '
            "Objectives (ip-masking)",
            id="unknown key",
        ),
        pytest.param(
            set_cell("Slides", 3, 2, None),
            "Slides!B3: empty Key for a section slide; expected the divider's text",
            id="section without text",
        ),
        pytest.param(
            append_rows("Objectives", ["IP-Masking", "q1", "Again", "Again"]),
            'Objectives!B4: a second row for Key "IP-Masking" starting in Q1 '
            "(first at row 2); expected one row per key and quarter",
            id="duplicate key and quarter",
        ),
        pytest.param(
            set_cell("Objectives", 3, 2, "Q5"),
            'Objectives!B3: bad quarter "Q5"; expected Q1, Q2, Q3, Q4, all, a range such as '
            "Q2-Q4 or from Q2",
            id="quarter Q5",
        ),
        pytest.param(
            set_cell("Slides", 4, 3, "Q3-Q1"),
            'Slides!C4: bad quarters "Q3-Q1"; expected blank (every quarter), a list such as '
            "Q1, Q2 or a range such as Q2-Q4",
            id="bad quarters",
        ),
        pytest.param(
            set_cell("Deck", 3, 2, "FY20-22"),
            'Deck!B3: bad fiscal year "FY20-22"; expected a fiscal year such as FY20-21 '
            "(also FY2020-2021, FY20/21)",
            id="bad fiscal year",
        ),
        pytest.param(
            drop_row("Deck", 2),
            'Deck!A5: missing setting "Priority"; expected a row with Setting Priority and '
            "its Value: the priority the deck is about, e.g. Thriving Movement",
            id="missing setting",
        ),
        pytest.param(
            set_cell("Deck", 2, 2, "  "),
            'Deck!B2: empty value for setting "Priority"; expected the priority the deck is '
            "about, e.g. Thriving Movement",
            id="empty setting",
        ),
        pytest.param(
            append_rows("Deck", ["Title", "{priority} {year}"]),
            "Deck!B6: unknown name {year} in the Title; expected {priority}, {quarter} or "
            "{fiscal_year}",
            id="bad title template",
        ),
        pytest.param(
            set_cell("Drill-downs", 2, 5, None),
            'Drill-downs!E2: empty required cell "Impact"; expected the impact',
            id="empty required cell",
        ),
        pytest.param(
            set_cell("Quotes", 2, 4, True),
            "Quotes!D2: expected text, found TRUE",
            id="boolean in a text cell",
        ),
        pytest.param(
            set_cell("Quotes", 2, 5, dt.datetime(2020, 10, 1, 9, 30)),
            "Quotes!E2: expected text, found a date and time (2020-10-01 09:30)",
            id="date and time in a text cell",
        ),
        pytest.param(
            set_cell("Updates", 1, 11, "title"),
            'Updates!K1: duplicate column "title" (first in column C); expected it once',
            id="duplicate column",
        ),
        pytest.param(
            append_rows("Acronyms", ["mtp", "Again"]),
            'Acronyms!A4: a second row for Term "mtp" starting in Q1 (first at row 2); expected '
            "one row per term and From quarter",
            id="duplicate acronym",
        ),
        pytest.param(
            lambda sheets: sheets.__setitem__("Acronyms", [["Term", "Definition"]]),
            "Acronyms!A2: no acronyms for the acronyms slide; expected one Term and "
            "Definition a row",
            id="no acronyms",
        ),
    ],
)
def test_each_problem_names_its_cell(
    tmp_path: Path, edit: Callable[[Sheets], None], expected: str
) -> None:
    sheets = good_sheets()
    edit(sheets)
    assert problems(save(tmp_path / "t.xlsx", sheets)) == [expected]


def test_required_sheets_missing(tmp_path: Path) -> None:
    path = save(tmp_path / "t.xlsx", {"Notes": [["anything"]]})
    assert problems(path) == [
        "Deck: sheet missing; expected a sheet named Deck with columns Setting, Value",
        "Slides: sheet missing; expected a sheet named Slides with columns Kind, Key, "
        "Quarters, Notes, From, Until, As of",
    ]


def test_numbers_in_text_cells_become_text(tmp_path: Path) -> None:
    path = save(tmp_path / "t.xlsx", good_sheets())
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Objectives"]
    ws["F2"] = 66.0
    ws["E2"] = 0.073
    ws["E2"].number_format = "0.0%"
    ws["C2"] = 2021
    wb.save(path)

    slide = read_workbook(path, "Q1").slides[3]
    assert isinstance(slide, ObjectiveSlide)
    assert (slide.title, slide.narrative, slide.target) == ("2021", "7.3%", "66")


def test_headers_and_sheet_names_ignore_case_spaces_and_order(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["objectives"] = [
        [" title ", "KEY", "quarter", "Objective"],
        ["IP Masking", "IP-MASKING", "all", "Protect."],
    ]
    del sheets["Objectives"]
    sheets["Slides"] = [["kind", "key"], ["objective", "ip-masking"]]
    deck = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q4")
    assert deck.slides == (ObjectiveSlide(title="IP Masking", objective="Protect."),)


def test_blank_rows_are_skipped(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Slides"] = [["Kind", "Key"], [None, None], ["section", "One"], ["  "], ["title"]]
    deck = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q1")
    assert [type(s) for s in deck.slides] == [SectionSlide, TitleSlide]


def test_unknown_columns_and_settings_warn_with_their_cell(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Objectives"][0] += ["Owner", "Targte"]  # a working column and a typo
    sheets["Objectives"][1] += ["Ada", "EOY"]
    sheets["Deck"].append(["Colour", "blue"])
    sheets["Slides"][1][1] = "ignored"
    path = save(tmp_path / "t.xlsx", sheets)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = read_workbook(path, "Q1")

    assert len(deck) == 8
    assert all(issubclass(w.category, WorkbookWarning) for w in caught)
    assert [str(w.message) for w in caught] == [
        'Objectives!K1: unknown column "Targte" (did you mean "Target"?) ignored; expected one '
        "of Key, Quarter, Title, Objective, Narrative, Target, Department, Footnote, Notes",
        'Deck!A6: unknown setting "Colour" ignored; expected one of Priority, Fiscal year, '
        "Title, Subtitle, Acronyms intro, or a word's setting such as Organisation or Overview "
        "heading (the Deck sheet of a blank workbook lists them all)",
        'Slides!B2: Key "ignored" ignored; a title slide takes no Key',
    ]
    assert caught[0].filename == __file__


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.xlsx", None, "file not found; expected a workbook saved as .xlsx"),
        (
            "tracker.xlsx",
            b"Key,Quarter\n",
            "not an .xlsx workbook (File is not a zip file); expected a workbook saved as .xlsx",
        ),
    ],
)
def test_a_file_that_is_not_a_workbook_is_one_problem(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, "Q1")
    assert info.value.problems == (Problem(name, None, expected),)


def test_wrong_extension_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Kind\n")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, "Q1")
    (problem,) = info.value.problems
    assert (problem.sheet, problem.cell) == ("tracker.csv", None)
    assert "holds one sheet" in problem.message and "save it as .xlsx" in problem.message


def test_bad_quarter_argument(good: Path) -> None:
    with pytest.raises(InputError, match='bad quarter "Q5"; expected Q1, Q2, Q3 or Q4'):
        read_workbook(good, "Q5")


def test_a_new_kind_needs_only_a_registry_entry(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(src):  # type: ignore[no-untyped-def]
        return SectionSlide(title=f"{src.slide.text('Key')} in {src.quarter}")

    monkeypatch.setitem(KINDS, "banner", SlideKind("banner", build, key=KeyUse.TEXT))
    sheets = good_sheets()
    sheets["Slides"] = [["Kind", "Key"], ["Banner", "Hello"]]
    deck = read_workbook(save(good.with_name("b.xlsx"), sheets), "Q2")
    assert deck.slides == (SectionSlide(title="Hello in Q2"),)


def test_model_refusals_become_problems_at_the_rows_cell(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objective = KINDS["objective"]

    def build(src):  # type: ignore[no-untyped-def]
        return ObjectiveSlide(title=src.row.text("Title"), objective="")

    monkeypatch.setitem(
        KINDS,
        "objective",
        SlideKind(
            "objective", build, key=KeyUse.ROW, sheet=objective.sheet, fields=objective.fields
        ),
    )
    assert problems(good) == [
        "Objectives!D2: the objective slide cannot be made (ObjectiveSlide.objective: must "
        "not be empty); expected cells the slide can show",
    ]
