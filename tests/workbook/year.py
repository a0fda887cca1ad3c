"""A fiscal year of an invented organisation's tracker, as it stands at the end of each quarter.

Riverbend Public Library keeps one workbook for FY25-26 and builds a deck from it every quarter.
The workbook at the end of a quarter is the one at the end of the quarter before, plus that
quarter's routine (its narrative rows, its status cells, its months of chart data) and its
changes: the things a real tracker goes through in a year, each meant to be one row or one cell.

Edits name rows by their cells, never by position, so they read as what a person does in Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from attrs import frozen

Sheets = dict[str, list[list[object]]]
Edit = Callable[[Sheets], None]

STATUS = ["Baseline", "Goal", "Q1", "Q2", "Q3", "Q4", "Level", "Better", "Judge"]
CHANGES = ["From", "Until", "Replaces"]


def _column(sheets: Sheets, sheet: str, name: str) -> int:
    return sheets[sheet][0].index(name)


def _find(sheets: Sheets, sheet: str, match: Mapping[str, object]) -> int:
    """The index of the one row of ``sheet`` whose cells are ``match``."""
    found = [
        i
        for i, row in enumerate(sheets[sheet])
        if i > 0
        and all((row + [None] * 40)[_column(sheets, sheet, k)] == v for k, v in match.items())
    ]
    assert len(found) == 1, (sheet, match, found)
    return found[0]


def _row(sheets: Sheets, sheet: str, values: Mapping[str, object]) -> list[object]:
    header = sheets[sheet][0]
    unknown = set(values) - set(header)
    assert not unknown, (sheet, unknown)
    return [values.get(h) for h in header]


def put(sheet: str, match: Mapping[str, object], column: str, value: object) -> Edit:
    """Set one cell: ``column`` of the row whose cells are ``match``."""

    def edit(sheets: Sheets) -> None:
        i = _find(sheets, sheet, match)
        row = sheets[sheet][i]
        j = _column(sheets, sheet, column)
        row.extend([None] * (j + 1 - len(row)))
        row[j] = value

    return edit


def add(
    sheet: str, values: Mapping[str, object], after: Mapping[str, object] | None = None
) -> Edit:
    """Add one row: at the end of ``sheet``, or just below the row whose cells are ``after``."""

    def edit(sheets: Sheets) -> None:
        row = _row(sheets, sheet, values)
        if after is None:
            sheets[sheet].append(row)
        else:
            sheets[sheet].insert(_find(sheets, sheet, after) + 1, row)

    return edit


def _months(first: dt.date, values: list[float]) -> list[list[object]]:
    out = []
    year, month = first.year, first.month
    for v in values:
        out.append(["visits", dt.datetime(year, month, 1), None, v])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


OVERVIEW = "Every resident of Riverbend can borrow, read and learn, in any language."
OBJECTIVE = "Every child in Riverbend hears a story a week before they start school."
LAST_YEAR = [41.0, 43.5, 40.2, 44.1, 45.0, 39.8, 42.2, 46.3, 47.9, 45.5, 43.0, 41.8]
THIS_YEAR = [43.9, 46.0, 42.5, 46.8, 47.7, 42.0, 44.9, 49.1, 50.6, 48.0, 45.2, 44.3]


def first_quarter() -> Sheets:
    """The workbook at the end of Q1: the whole year's structure, Q1's text and numbers."""
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Reading for Everyone"],
            ["Fiscal year", "FY25-26"],
            ["Subtitle", "Riverbend Public Library · Board review"],
            ["Acronyms intro", "Terms used in this deck."],
        ],
        "Slides": [
            ["Kind", "Key", "Quarters", "Notes", "From", "Until", "As of"],
            ["title"],
            ["section", "The quarter in review"],
            ["priority update", "literacy"],
            ["highlights", "numbers"],
            ["metrics table", "library-metrics"],
            ["objective", "early-literacy"],
            ["key results", "early-literacy-krs"],
            ["drill-down", "branch-hours"],
            ["chart", "visits"],
            ["section", "Appendix"],
            ["acronyms"],
        ],
        "Updates": [
            ["Key", "Quarter", "Title", "Overview", "Progress", "Deliverables", "Actions"],
            [
                "literacy",
                "Q1",
                "Reading for Everyone",
                "Every resident of Riverbend can borrow, read and learn, in any language.",
                "**Summer reading** closed with 4,100 readers.\nTwo branches cut hours.",
                "Early literacy\nBranch access",
                "- Restore Saturday hours at Eastside\n- Hire two bilingual librarians",
            ],
        ],
        "Highlights": [
            [
                "Key",
                "Quarter",
                "Title",
                "Value 1",
                "Label 1",
                "Value 2",
                "Label 2",
                "Value 3",
                "Label 3",
            ],
            [
                "numbers",
                "Q1",
                "Q1 in numbers",
                "4,100",
                "summer readers",
                "38",
                "story times",
                "12",
                "languages in the catalogue",
            ],
        ],
        "Tables": [
            ["Key", "Quarter", "Title", "Callout"],
            ["library-metrics", "all", "Library Metrics", None],
            ["early-literacy-krs", "all", "Early Literacy Key Results", None],
        ],
        "Metrics": [
            ["Table", "Outcome", "Metric", *STATUS, *CHANGES],
            [
                "library-metrics",
                "Residents read more.",
                "Monthly visits",
                "42K visits/month",
                "+5% YoY",
                "+7.1% YoY",
                None,
                None,
                None,
            ],
            [
                "library-metrics",
                None,
                "Eastside",
                None,
                "+5% YoY",
                "+2.0% YoY",
                None,
                None,
                None,
                "sub",
            ],
            [
                "library-metrics",
                None,
                "Westside",
                None,
                "+5% YoY",
                "+9.0% YoY",
                None,
                None,
                None,
                "sub",
            ],
            [
                "library-metrics",
                None,
                "Active cardholders",
                "61,000",
                "65,000",
                "61,800",
                None,
                None,
                None,
            ],
            [
                "library-metrics",
                "Everyone can reach a branch.",
                "Open hours per week",
                "410 hours",
                "440 hours",
                "396 hours",
                None,
                None,
                None,
            ],
        ],
        "Objectives": [
            ["Key", "Quarter", "Title", "Objective", "Narrative", "Target", "Department"],
            [
                "early-literacy",
                "Q1",
                "Early Literacy",
                "Every child in Riverbend hears a story a week before they start school.",
                "- Story times in four languages\n- **38** story times held",
                "Q4 FY25-26",
                "Youth Services",
            ],
        ],
        "Key results": [
            ["Table", "Key result", *STATUS, *CHANGES],
            [
                "early-literacy-krs",
                "Hold 150 story times",
                "120 last year",
                "150",
                "38",
                None,
                None,
                None,
            ],
            [
                "early-literacy-krs",
                "Reach 2,000 children",
                "1,650 last year",
                "2,000",
                "510",
                None,
                None,
                None,
            ],
            [
                "early-literacy-krs",
                "Open a reading corner in every branch",
                "3 of 7",
                "7",
                "4",
                None,
                None,
                None,
            ],
        ],
        "Drill-downs": [
            ["Key", "Quarter", "Title", "Situation", "Impact", "Recommendation"],
            [
                "branch-hours",
                "all",
                "Drill Down: Branch hours",
                "Two branches closed on Saturdays after staff left.",
                "Saturday visits fell by a third at Eastside.",
                "Restore Saturday hours with two new hires.",
            ],
        ],
        "Drill-down data": [
            ["Drill-down", "Group", "Row", "Column", "Value", *CHANGES],
            ["branch-hours", "Eastside", "Saturday visits", "FY24-25", "1,200"],
            ["branch-hours", None, "Saturday visits", "FY25-26", "800"],
            ["branch-hours", "Westside", "Saturday visits", "FY24-25", "1,400"],
            ["branch-hours", None, "Saturday visits", "FY25-26", "1,380"],
        ],
        "Charts": [
            ["Key", "Quarter", "Title", "Kind", "Number format", "Goal", "Callout"],
            [
                "visits",
                "all",
                "Library visits year-over-year comparison",
                "yoy",
                '0.0"K"',
                45.0,
                None,
            ],
        ],
        "Chart data": [
            ["Chart", "Period", "Series", "Value", "From", "Until"],
            *_months(dt.date(2024, 7, 1), LAST_YEAR),
            *_months(dt.date(2025, 7, 1), THIS_YEAR[:3]),
        ],
        "OKR changes": [["Key", "Quarter", "Title", "Original", "Proposed"]],
        "Acronyms": [
            ["Term", "Definition", "From", "Until"],
            ["ESL", "English as a second language"],
            ["YoY", "Year over year"],
        ],
    }


def _narrative(q: str, progress: str, value: str, cards: str) -> list[Edit]:
    """A quarter's routine narrative rows: the update, the objective, the highlights."""
    return [
        add(
            "Updates",
            {
                "Key": "literacy",
                "Quarter": q,
                "Title": "Reading for Everyone",
                "Overview": OVERVIEW,
                "Progress": progress,
                "Deliverables": "Early literacy\nBranch access",
                "Actions": f"- Report {q} story times to the board",
            },
        ),
        add(
            "Objectives",
            {
                "Key": "early-literacy",
                "Quarter": q,
                "Title": "Early Literacy",
                "Objective": OBJECTIVE,
                "Narrative": f"- **{value}** story times held so far",
                "Target": "Q4 FY25-26",
                "Department": "Youth Services",
            },
        ),
        add(
            "Highlights",
            {
                "Key": "numbers",
                "Quarter": q,
                "Title": f"{q} in numbers",
                "Value 1": value,
                "Label 1": "story times so far",
                "Value 2": cards,
                "Label 2": "new cards",
                "Value 3": "12",
                "Label 3": "languages in the catalogue",
            },
        ),
    ]


def _statuses(q: str, values: Mapping[tuple[str, str], str]) -> list[Edit]:
    """A quarter's routine status cells, each found by its table and text."""
    edits = []
    for (sheet, text), value in values.items():
        column = "Metric" if sheet == "Metrics" else "Key result"
        edits.append(put(sheet, {column: text, "From": None}, q, value))
    return edits


def _chart(q: int) -> list[Edit]:
    months = _months(dt.date(2025, 7, 1), THIS_YEAR)[3 * (q - 1) : 3 * q]
    return [
        add("Chart data", dict(zip(["Chart", "Period", "Series", "Value"], m, strict=True)))
        for m in months
    ]


@frozen
class Quarter:
    """What one quarter does to the workbook: its routine edits and its named changes."""

    routine: tuple[Edit, ...]
    changes: tuple[tuple[str, Edit], ...]


Q2 = Quarter(
    routine=(
        *_narrative("Q2", "Saturday hours are back at Eastside.", "79", "640"),
        *_statuses(
            "Q2",
            {
                ("Metrics", "Monthly visits"): "+6.4% YoY",
                ("Metrics", "Eastside"): "+4.0% YoY",
                ("Metrics", "Westside"): "+8.1% YoY",
                ("Metrics", "Open hours per week"): "430 hours",
                ("Key results", "Reach 2,000 children"): "1,020",
                ("Key results", "Open a reading corner in every branch"): "5",
            },
        ),
        *_chart(2),
    ),
    changes=(
        (
            "a key result reworded",
            add(
                "Key results",
                {
                    "Table": "early-literacy-krs",
                    "Key result": "Hold 160 story times",
                    "Baseline": "120 last year",
                    "Goal": "160",
                    "Q1": "38",
                    "Q2": "79",
                    "From": "Q2",
                    "Replaces": "Hold 150 story times",
                },
                after={"Key result": "Hold 150 story times"},
            ),
        ),
        (
            "a baseline restated",
            add(
                "Metrics",
                {
                    "Table": "library-metrics",
                    "Metric": "Active cardholders",
                    "Baseline": "60,400 (recounted)",
                    "Goal": "65,000",
                    "Q1": "61,800",
                    "Q2": "62,900",
                    "From": "Q2",
                },
                after={"Metric": "Active cardholders"},
            ),
        ),
        (
            "a footnote mark on a row",
            add(
                "Metrics",
                {
                    "Table": "library-metrics",
                    "Metric": "Open hours per week^{†}",
                    "Outcome": "Everyone can reach a branch.",
                    "Baseline": "410 hours",
                    "Goal": "440 hours",
                    "Q1": "396 hours",
                    "Q2": "430 hours",
                    "From": "Q2",
                    "Replaces": "Open hours per week",
                },
                after={"Metric": "Open hours per week"},
            ),
        ),
        (
            "an earlier quarter's status corrected",
            add(
                "Metrics",
                {
                    "Table": "library-metrics",
                    "Metric": "Eastside",
                    "Goal": "+5% YoY",
                    "Q1": "+2.4% YoY",
                    "Q2": "+4.0% YoY",
                    "Level": "sub",
                    "From": "Q2",
                },
                after={"Metric": "Eastside"},
            ),
        ),
        (
            "two slides swap places",
            add(
                "Slides",
                {"Kind": "highlights", "Key": "numbers", "From": "Q2"},
                after={"Kind": "metrics table"},
            ),
        ),
        (
            "an acronym starts",
            add("Acronyms", {"Term": "KR", "Definition": "Key result", "From": "Q2"}),
        ),
        (
            "chart settings change",
            add(
                "Charts",
                {
                    "Key": "visits",
                    "Quarter": "from Q2",
                    "Title": "Library visits year-over-year comparison",
                    "Kind": "yoy",
                    "Number format": '0.0"K"',
                    "Goal": 46.0,
                },
            ),
        ),
        (
            "a drill-down value restated",
            add(
                "Drill-down data",
                {
                    "Drill-down": "branch-hours",
                    "Row": "Saturday visits",
                    "Column": "FY24-25",
                    "Value": "1,250",
                    "From": "Q2",
                },
                after={"Group": "Eastside"},
            ),
        ),
        (
            "an appendix table as it stood in Q1",
            add(
                "Slides",
                {
                    "Kind": "metrics table",
                    "Key": "library-metrics",
                    "Quarters": "Q2-Q4",
                    "As of": "Q1",
                },
            ),
        ),
    ),
)

Q3 = Quarter(
    routine=(
        *_narrative("Q3", "A new branch opened in Northgate.", "117", "990"),
        *_statuses(
            "Q3",
            {
                ("Metrics", "Monthly visits"): "+6.0% YoY",
                ("Metrics", "Westside"): "+7.7% YoY",
                ("Key results", "Reach 2,000 children"): "1,480",
            },
        ),
        put("Metrics", {"Metric": "Eastside", "From": "Q2"}, "Q3", "+5.2% YoY"),
        put("Metrics", {"Metric": "Active cardholders", "From": "Q2"}, "Q3", "63,700"),
        put("Metrics", {"Metric": "Open hours per week^{†}"}, "Q3", "452 hours"),
        put("Key results", {"Key result": "Hold 160 story times"}, "Q3", "117"),
        *_chart(3),
        add(
            "Slides",
            {"Kind": "okr change", "Key": "reading-corners", "Quarters": "Q3"},
            after={"Kind": "key results"},
        ),
        add(
            "OKR changes",
            {
                "Key": "reading-corners",
                "Quarter": "Q3",
                "Title": "OKR Change: Reading corners",
                "Original": "Open a reading corner in every branch (7)",
                "Proposed": "Open reading corners in 5 branches; the other two lack floor space",
            },
        ),
    ),
    changes=(
        (
            "a metric split in two",
            add(
                "Metrics",
                {
                    "Table": "library-metrics",
                    "Metric": "Visits in person",
                    "Goal": "+5% YoY",
                    "Q3": "+4.1% YoY",
                    "From": "Q3",
                    "Replaces": "Monthly visits",
                    "Outcome": "Residents read more.",
                },
                after={"Metric": "Monthly visits"},
            ),
        ),
        (
            "the split's second half",
            add(
                "Metrics",
                {
                    "Table": "library-metrics",
                    "Metric": "Visits online",
                    "Goal": "+10% YoY",
                    "Q3": "+12.5% YoY",
                    "From": "Q3",
                },
                after={"Metric": "Westside"},
            ),
        ),
        (
            "an OKR changed mid-year",
            put(
                "Key results",
                {"Key result": "Open a reading corner in every branch"},
                "Until",
                "Q2",
            ),
        ),
        (
            "its replacement",
            add(
                "Key results",
                {
                    "Table": "early-literacy-krs",
                    "Key result": "Open reading corners in 5 branches",
                    "Baseline": "3 of 7",
                    "Goal": "5",
                    "Q3": "5",
                    "From": "Q3",
                },
            ),
        ),
        ("an acronym ends", put("Acronyms", {"Term": "ESL"}, "Until", "Q2")),
    ),
)

Q4 = Quarter(
    routine=(
        *_narrative("Q4", "The year closed with 162 story times.", "162", "1,300"),
        *_statuses(
            "Q4",
            {
                ("Metrics", "Westside"): "+7.9% YoY",
                ("Key results", "Reach 2,000 children"): "2,060 ✓",
            },
        ),
        put("Metrics", {"Metric": "Visits in person"}, "Q4", "+4.4% YoY"),
        put("Metrics", {"Metric": "Visits online"}, "Q4", "+13.0% YoY"),
        put("Metrics", {"Metric": "Eastside", "From": "Q2"}, "Q4", "+5.9% YoY"),
        put("Metrics", {"Metric": "Active cardholders", "From": "Q2"}, "Q4", "64,800"),
        put("Metrics", {"Metric": "Open hours per week^{†}"}, "Q4", "455 hours"),
        put("Key results", {"Key result": "Hold 160 story times"}, "Q4", "162 ✓"),
        put("Key results", {"Key result": "Open reading corners in 5 branches"}, "Q4", "5 ✓"),
        *_chart(4),
    ),
    changes=(
        (
            "the acronyms slide moves before the appendix",
            add(
                "Slides",
                {"Kind": "acronyms", "From": "Q4"},
                after={"Kind": "chart"},
            ),
        ),
    ),
)

QUARTERS = {2: Q2, 3: Q3, 4: Q4}


def at_end_of(quarter: int) -> Sheets:
    """The workbook as it stands at the end of ``quarter`` (1-4)."""
    sheets = first_quarter()
    for q in range(2, quarter + 1):
        for edit in (*QUARTERS[q].routine, *(e for _, e in QUARTERS[q].changes)):
            edit(sheets)
    return sheets


def with_routine(quarter: int) -> Sheets:
    """The workbook at the end of the quarter before ``quarter``, plus only its routine."""
    sheets = at_end_of(quarter - 1)
    for edit in QUARTERS[quarter].routine:
        edit(sheets)
    return sheets
