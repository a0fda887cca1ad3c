"""The table slide kinds in the workbook: metrics tables, key-results grids, drill-down data."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.workbook.sheets import Sheets, append_rows, problems, save, set_cell
from tuningdeck.model import (
    DataGroup,
    DataTable,
    DrillDownSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    Outcome,
    StatusRow,
)
from tuningdeck.workbook import read_workbook, write_blank_workbook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


STATUS_HEADER = ["Baseline", "Goal", "Q1", "Q2", "Q3", "Q4", "Level", "Better", "Judge"]
CHANGES = ["From", "Until", "Replaces"]


def table_sheets() -> Sheets:
    """A workbook with a metrics table, a key-results grid and a drill-down with data.

    Row numbers matter to the tests below.
    """
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Thriving Movement"],
            ["Fiscal year", "FY20-21"],
        ],
        "Slides": [
            ["Kind", "Key"],
            ["metrics table", "metrics"],  # 2
            ["Key results", "armdeb"],  # 3
            ["drill-down", "grantmaking"],  # 4
        ],
        "Tables": [
            ["Key", "Quarter", "Title", "Callout", "Department", "Footnote", "Notes"],
            ["metrics", "all", "Thriving Movement Metrics", "Q1 +7.3% YoY", "Product", "* monthly"],
            ["armdeb", "Q1", "Attract and Retain Editors", None, None, None, "KR notes"],
            ["armdeb", "Q2", "Attract and Retain Editors (Q2)"],
            ["unused", "all", "A table no slide shows and no row fills"],
        ],
        "Metrics": [
            ["Table", "Outcome", "Metric", *STATUS_HEADER],
            # 2: the outcome cell spans rows 2-4
            [
                "metrics",
                "We will welcome and support newcomers.",
                "Monthly active editors increase YoY",
                "99K active editors/month",
                "+5% YoY",
                "+7.3% YoY (89K/mo*)",
                "+6.1% YoY",
                "+5.2% YoY ↑",
                "+4.0% YoY ↓",
            ],
            # 3, 4: sub-rows
            [
                "metrics",
                None,
                "Established markets",
                None,
                "+5% YoY",
                "+6.0% YoY",
                *[None] * 3,
                "sub",
            ],
            ["metrics", None, "Emerging markets", None, "+5% YoY", "+9.5% YoY", *[None] * 3, 1],
            # 5: a new outcome; lower is better; not judged
            [
                "metrics",
                "We will have safe and secure spaces.",
                "Decrease in reported threats to safety",
                "35% unsafe",
                "33% unsafe",
                "Measured annually Q2",
                None,
                None,
                None,
                "metric",
                "Lower",
                "no",
            ],
            # 6: the outcome of the row above, repeated, continues it
            ["metrics", "We will have safe and secure spaces.", "Documentation", None, "paused"],
        ],
        "Key results": [
            ["Table", "Key result", *STATUS_HEADER],
            [
                "ARMDEB",
                "Monthly active editors increase 5% YoY",
                "99K active editors/month",
                "+5% YoY",
                "+7.3% YoY\n(89K/mo*)",
            ],
            ["armdeb", "Established markets", None, "+5% YoY", "+6.0% YoY", *[None] * 3, "sub"],
            [
                "armdeb",
                "Support 5 consultations",
                None,
                "X",
                "✓",
                None,
                None,
                None,
                None,
                None,
                "yes",
            ],
        ],
        "Drill-downs": [
            ["Key", "Quarter", "Title", "Situation", "Impact", "Recommendation"],
            ["grantmaking", "all", "Drill Down: Grantmaking", "Situation.", "Impact.", "Do this."],
        ],
        "Drill-down data": [
            ["Drill-down", "Group", "Row", "Column", "Value"],
            ["grantmaking", "Strong communities", "KR1: 65% of grants", "FY19/20", "64%"],
            ["grantmaking", None, "KR1: 65% of grants", "FY20/21", "66 %"],
            ["grantmaking", None, "% of funds", "FY19/20", "37%"],
            ["grantmaking", "Strong leaders", "KR2: 70% satisfied", "FY20/21", "70%"],
            ["grantmaking", "Strong leaders", "KR2: 70% satisfied", "FY19/20", "67.7%"],
            # back to the first group, and a third column
            ["grantmaking", "Strong communities", "% of funds", "Q1-Q2", "39%"],
        ],
    }


EDITORS = Outcome(
    text="We will welcome and support newcomers.",
    rows=[
        StatusRow(
            text="Monthly active editors increase YoY",
            baseline="99K active editors/month",
            goal="+5% YoY",
            statuses=("+7.3% YoY (89K/mo*)",),  # the Q1 deck holds no later status
        ),
        StatusRow(text="Established markets", goal="+5% YoY", statuses=["+6.0% YoY"], level=1),
        StatusRow(text="Emerging markets", goal="+5% YoY", statuses=["+9.5% YoY"], level=1),
    ],
)
SAFETY = Outcome(
    text="We will have safe and secure spaces.",
    rows=[
        StatusRow(
            text="Decrease in reported threats to safety",
            baseline="35% unsafe",
            goal="33% unsafe",
            statuses=["Measured annually Q2"],
            better="lower",
            judge=False,
        ),
        StatusRow(text="Documentation", goal="paused"),
    ],
)


def test_tables_and_drill_down_data_read_into_the_model(tmp_path: Path) -> None:
    deck = read_workbook(save(tmp_path / "t.xlsx", table_sheets()), "Q1")

    assert deck.slides == (
        MetricsTableSlide(
            title="Thriving Movement Metrics",
            outcomes=[EDITORS, SAFETY],
            callout="Q1 +7.3% YoY",
            department="Product",
            footnote="* monthly",
        ),
        KeyResultsSlide(
            title="Attract and Retain Editors",
            results=[
                StatusRow(
                    text="Monthly active editors increase 5% YoY",
                    baseline="99K active editors/month",
                    goal="+5% YoY",
                    statuses=["+7.3% YoY\n(89K/mo*)"],
                ),
                StatusRow(
                    text="Established markets", goal="+5% YoY", statuses=["+6.0% YoY"], level=1
                ),
                StatusRow(text="Support 5 consultations", goal="X", statuses=["✓"]),
            ],
            notes="KR notes",
        ),
        DrillDownSlide(
            title="Drill Down: Grantmaking",
            situation="Situation.",
            impact="Impact.",
            recommendation="Do this.",
            table=DataTable(
                columns=("", "FY19/20", "FY20/21", "Q1-Q2"),
                groups=[
                    DataGroup(
                        heading="Strong communities",
                        rows=[
                            ("KR1: 65% of grants", "64%", "66 %", ""),
                            ("% of funds", "37%", "", "39%"),
                        ],
                    ),
                    DataGroup(
                        heading="Strong leaders", rows=[("KR2: 70% satisfied", "67.7%", "70%", "")]
                    ),
                ],
            ),
        ),
    )


def test_tables_take_the_quarters_text_and_statuses_up_to_the_quarter(tmp_path: Path) -> None:
    deck = read_workbook(save(tmp_path / "t.xlsx", table_sheets()), "Q2")

    metrics, results, _ = deck.slides
    assert isinstance(metrics, MetricsTableSlide) and isinstance(results, KeyResultsSlide)
    assert results.title == "Attract and Retain Editors (Q2)"
    assert results.notes == ""
    assert metrics.outcomes[0].rows[0].statuses == ("+7.3% YoY (89K/mo*)", "+6.1% YoY", "", "")


def test_drill_down_without_data_has_no_table(tmp_path: Path) -> None:
    sheets = table_sheets()
    del sheets["Drill-down data"]
    drill = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q1").slides[2]
    assert isinstance(drill, DrillDownSlide) and drill.table is None


def test_numbers_and_booleans_in_status_rows(tmp_path: Path) -> None:
    path = save(tmp_path / "t.xlsx", table_sheets())
    wb = load_workbook(path)
    ws = wb["Metrics"]
    ws["F2"] = 0.073
    ws["F2"].number_format = "0.0%"
    ws["E2"] = 5
    ws["L5"] = True
    ws["L6"] = False
    wb.save(path)

    metrics = read_workbook(path, "Q1").slides[0]
    assert isinstance(metrics, MetricsTableSlide)
    first, safety = metrics.outcomes[0].rows[0], metrics.outcomes[1].rows
    assert (first.goal, first.statuses[0]) == ("5", "7.3%")
    assert [r.judge for r in safety] == [True, False]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            set_cell("Metrics", 3, 10, "deep"),
            'Metrics!J3: bad Level "deep"; expected blank or metric for a row of its own, or '
            "sub for a sub-row such as Established markets",
            id="bad level",
        ),
        pytest.param(
            set_cell("Key results", 2, 10, "up"),
            'Key results!J2: bad Better "up"; expected higher (the default) or lower: which '
            "direction of the number is good",
            id="bad better",
        ),
        pytest.param(
            set_cell("Metrics", 5, 12, "maybe"),
            'Metrics!L5: bad Judge "maybe"; expected yes (the default) to judge the statuses '
            "against the goal, or no",
            id="bad judge",
        ),
        pytest.param(
            set_cell("Metrics", 2, 10, "sub"),
            'Metrics!J2: sub-row "Monthly active editors increase YoY" is the first row of '
            'outcome "We will welcome and support newcomers." in table "metrics"; expected a '
            "row of its own (Level blank or metric) above its sub-rows",
            id="sub-row first in a table",
        ),
        pytest.param(
            set_cell("Metrics", 5, 10, "sub"),
            'Metrics!J5: sub-row "Decrease in reported threats to safety" is the first row of '
            'outcome "We will have safe and secure spaces." in table "metrics"; expected a '
            "row of its own (Level blank or metric) above its sub-rows",
            id="sub-row first under an outcome",
        ),
        pytest.param(
            set_cell("Key results", 2, 9, "sub"),
            'Key results!I2: sub-row "Monthly active editors increase 5% YoY" is the first row '
            'of table "ARMDEB"; expected a row of its own (Level blank or metric) above its '
            "sub-rows",
            id="sub-row first in a key-results grid",
        ),
        pytest.param(
            set_cell("Metrics", 2, 2, None),
            'Metrics!B2: empty Outcome on the first row of table "metrics"; expected the MTP '
            "outcome (blank only continues the outcome of the row above)",
            id="no outcome on a table's first row",
        ),
        pytest.param(
            append_rows("Metrics", ["metrcs", "An outcome.", "A metric."]),
            'Metrics!A7: unknown table "metrcs"; expected the Key of a row in sheet Tables '
            "(armdeb, metrics, unused)",
            id="metrics row of an unknown table",
        ),
        pytest.param(
            set_cell("Key results", 4, 1, "armdb"),
            'Key results!A4: unknown table "armdb"; expected the Key of a row in sheet Tables '
            "(armdeb, metrics, unused)",
            id="key result of an unknown table",
        ),
        pytest.param(
            set_cell("Drill-down data", 3, 1, "grants"),
            'Drill-down data!A3: unknown drill-down "grants"; expected the Key of a row in '
            "sheet Drill-downs (grantmaking)",
            id="data of an unknown drill-down",
        ),
        pytest.param(
            set_cell("Slides", 3, 2, "unused"),
            'Slides!B3: key results "unused" has no rows in sheet Key results; add rows whose '
            "Table is unused",
            id="table without rows",
        ),
        pytest.param(
            set_cell("Slides", 2, 2, "nothing"),
            'Slides!B2: unknown metrics table "nothing"; expected the Key of a row in sheet '
            "Tables (armdeb, metrics, unused)",
            id="unknown slide key",
        ),
        pytest.param(
            append_rows(
                "Drill-down data",
                ["grantmaking", "Strong leaders", "KR2: 70% satisfied", "FY19/20", "68%"],
            ),
            'Drill-down data!D8: a second value for row "KR2: 70% satisfied" and column '
            '"FY19/20" (first at row 6); expected one value per row and column',
            id="two values for one cell",
        ),
        pytest.param(
            set_cell("Metrics", 1, 3, "Metrics"),
            'Metrics!M1: missing column "Metric" (did you mean "Metrics"?); expected header row '
            "with Table, Outcome, Metric, Baseline, Goal, Q1, Q2, Q3, Q4, Level, Better, Judge, "
            "Pace, From, Until, Replaces",
            id="missing column",
        ),
    ],
)
def test_each_problem_names_its_cell(
    tmp_path: Path, edit: Callable[[Sheets], None], expected: str
) -> None:
    sheets = table_sheets()
    edit(sheets)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the renamed header is also an unknown column
        assert problems(save(tmp_path / "t.xlsx", sheets)) == [expected]


def test_every_problem_at_once_and_whatever_the_quarter(tmp_path: Path) -> None:
    sheets = table_sheets()
    # no slide shows these tables in Q1, yet their rows are checked
    sheets["Slides"] = [["Kind", "Key", "Quarters"], ["metrics table", "metrics", "Q4"]]
    set_cell("Metrics", 2, 2, None)(sheets)
    set_cell("Metrics", 6, 11, "sideways")(sheets)
    set_cell("Key results", 2, 9, "sub")(sheets)
    set_cell("Drill-down data", 2, 1, "grants")(sheets)

    assert problems(save(tmp_path / "t.xlsx", sheets)) == [
        'Metrics!K6: bad Better "sideways"; expected higher (the default) or lower: which '
        "direction of the number is good",
        'Drill-down data!A2: unknown drill-down "grants"; expected the Key of a row in sheet '
        "Drill-downs (grantmaking)",
        'Metrics!B2: empty Outcome on the first row of table "metrics"; expected the MTP '
        "outcome (blank only continues the outcome of the row above)",
        'Key results!I2: sub-row "Monthly active editors increase 5% YoY" is the first row of '
        'table "ARMDEB"; expected a row of its own (Level blank or metric) above its sub-rows',
    ]


def test_a_bad_cell_is_told_once_without_follow_on_problems(tmp_path: Path) -> None:
    sheets = table_sheets()
    # the table's first row cannot be read: no "empty Outcome" for the row after it,
    # and the slide built from it adds nothing
    set_cell("Metrics", 2, 10, "deep")(sheets)
    set_cell("Metrics", 5, 10, "sub")(sheets)
    assert problems(save(tmp_path / "t.xlsx", sheets)) == [
        'Metrics!J2: bad Level "deep"; expected blank or metric for a row of its own, or sub '
        "for a sub-row such as Established markets",
        'Metrics!J5: sub-row "Decrease in reported threats to safety" is the first row of '
        'outcome "We will have safe and secure spaces." in table "metrics"; expected a row of '
        "its own (Level blank or metric) above its sub-rows",
    ]


def test_missing_sheets_are_asked_for_where_they_are_named(tmp_path: Path) -> None:
    sheets = table_sheets()
    del sheets["Tables"]
    del sheets["Key results"]
    assert problems(save(tmp_path / "t.xlsx", sheets)) == [
        "Tables: sheet missing; the Metrics sheet asks for it at Metrics!A2",
        "Key results: sheet missing; the Slides sheet asks for it at Slides!A3",
    ]


def test_blank_workbook_has_the_table_sheets_and_reads_once_filled(tmp_path: Path) -> None:
    path = write_blank_workbook(tmp_path / "tracker.xlsx")
    wb = load_workbook(path)
    assert [c.value for c in wb["Metrics"][1]] == [
        "Table",
        "Outcome",
        "Metric",
        *STATUS_HEADER,
        "Pace",
        *CHANGES,
    ]
    assert [c.value for c in wb["Key results"][1]] == [
        "Table",
        "Key result",
        *STATUS_HEADER,
        "Pace",
        *CHANGES,
    ]
    assert [c.value for c in wb["Drill-down data"][1]] == [
        "Drill-down",
        "Group",
        "Row",
        "Column",
        "Value",
        *CHANGES,
    ]
    offered = {
        str(dv.sqref).split(":")[0]: dv.formula1
        for dv in wb["Metrics"].data_validations.dataValidation
    }
    assert offered == {
        "J2": '"metric,sub"',
        "K2": '"higher,lower"',
        "L2": '"yes,no"',
        "M2": '"year end,cumulative"',
        "N2": '"Q1,Q2,Q3,Q4"',
        "O2": '"Q1,Q2,Q3,Q4"',
    }

    wb["Deck"]["B2"] = "Thriving Movement"
    wb["Deck"]["B3"] = "FY20-21"
    wb["Slides"].append(["metrics table", "m"])
    wb["Tables"].append(["m", "all", "Metrics"])
    wb["Metrics"].append(["m", "An outcome.", "A metric.", None, "+5%", "+7%"])
    wb.save(path)

    assert read_workbook(path, "Q1").slides == (
        MetricsTableSlide(
            title="Metrics",
            outcomes=[
                Outcome(
                    text="An outcome.",
                    rows=[StatusRow(text="A metric.", goal="+5%", statuses=["+7%"])],
                )
            ],
        ),
    )


def test_example_workbook_reads_for_q1() -> None:
    deck = read_workbook(EXAMPLE, "Q1")

    kinds = [s.kind for s in deck.slides]
    assert Counter(kinds) == {
        "title": 1,
        "section": 3,
        "priority update": 1,
        "metrics table": 5,
        "objective": 7,
        "key results": 7,
        "drill-down": 2,
        "okr change": 2,
        "image": 4,
        "chart": 2,
        "acronyms": 1,
    }
    assert kinds[:8] == [
        "title",
        "section",
        "priority update",
        "metrics table",
        "metrics table",
        "metrics table",
        "metrics table",
        "section",
    ]
    assert kinds[-5:] == ["section", "acronyms", "metrics table", "chart", "chart"]

    tables = [s for s in deck.slides if isinstance(s, MetricsTableSlide)]
    assert [sum(len(o.rows) for o in t.outcomes) for t in tables] == [3, 3, 2, 6, 8]
    assert [len(t.outcomes) for t in tables] == [1, 1, 2, 3, 2]
    assert [t.department for t in tables] == ["Product", "Product", "", "", ""]
    results = [s for s in deck.slides if isinstance(s, KeyResultsSlide)]
    assert [len(r.results) for r in results] == [6, 1, 3, 2, 3, 3, 3]
    rows = [r for t in tables for o in t.outcomes for r in o.rows]
    rows += [r for t in results for r in t.results]
    assert len(rows) == 22 + 21
    assert all(r.statuses[1:] == ("", "", "") for r in rows)
    assert [r.better for r in rows].count("lower") == 1
    grantmaking = results[4]
    assert (grantmaking.title, grantmaking.department) == ("Grantmaking", "Advancement")
    assert grantmaking.results[2].statuses[0].splitlines()[0] == (
        "- Developed Strategy Review Values & Process"
    )
    assert grantmaking.results[0].baseline == "64% of grants"
    drills = [s for s in deck.slides if isinstance(s, DrillDownSlide)]
    assert [d.table is None for d in drills] == [True, False]
    drill = drills[1]
    assert drill.title == "Drill Down: Grantmaking" and drill.table is not None
    assert drill.table.columns == ("", "FY19/20", "FY20/21")
    assert [len(g.rows) for g in drill.table.groups] == [4, 3]
    assert drill.table.groups[0].rows[0][1:] == ("64%", "66 %")


def _grids(n: int, prefix: str) -> Sheets:
    """A workbook of ``n`` key-results grids of three rows each, every text its own."""
    sheets: Sheets = {
        "Deck": [["Setting", "Value"], ["Priority", "Scale"], ["Fiscal year", "FY20-21"]],
        "Slides": [["Kind", "Key"]],
        "Tables": [["Key", "Quarter", "Title"]],
        "Key results": [["Table", "Key result", *STATUS_HEADER, *CHANGES]],
    }
    for s in range(n):
        key = f"{prefix}-{s}"
        sheets["Slides"].append(["key results", key])
        sheets["Tables"].append([key, "all", f"Grid {key}"])
        for i in range(3):
            sheets["Key results"].append([key, f"Result {i} of {key}", "60%", "65%", f"{s}%"])
    return sheets


def test_reading_grows_with_the_slides_not_faster(tmp_path: Path) -> None:
    """A slide's rows are looked up, never searched for among every slide's: each slide adds the
    same work. Counted in Python function calls, which do not depend on the machine's speed."""
    import cProfile
    import pstats

    def calls(n: int) -> int:
        path = save(tmp_path / f"grids-{n}.xlsx", _grids(n, f"g{n}"))
        profile = cProfile.Profile()
        profile.enable()
        deck = read_workbook(path, "Q1")
        profile.disable()
        assert len(deck) == n
        return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]

    calls(10)  # caches of names and keys warmed
    small, medium, large = calls(60), calls(120), calls(240)
    assert large - medium <= 2.1 * (medium - small), (small, medium, large)
