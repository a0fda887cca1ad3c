"""The tracker workbook's sheets and columns, declared once as data.

The same declarations drive reading a workbook (:mod:`tuningdeck.workbook.reader`) and writing a
blank one (:mod:`tuningdeck.workbook.blank`); ``docs/workbook.md`` describes them for people.
A slide kind's sheet joins the workbook through the kind's declaration in
:mod:`tuningdeck.catalogue`; :mod:`tuningdeck.workbook.sheets` lists them all. Nothing here knows
of Excel.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable

from attrs import field, frozen

from tuningdeck.model.words import WORD_SETTINGS
from tuningdeck.vocab import ChartKind, Engine, Fit

__all__ = [
    "ACRONYMS",
    "CHARTS",
    "CHART_DATA",
    "CHOICES",
    "DECK",
    "DRILL_DOWNS",
    "DRILL_DOWN_DATA",
    "HIGHLIGHTS",
    "HIGHLIGHT_COUNT",
    "IMAGES",
    "IMAGE_COUNT",
    "KEY_RESULTS",
    "METRICS",
    "OBJECTIVES",
    "OKR_CHANGES",
    "QUARTER_COLUMNS",
    "QUOTES",
    "TABLES",
    "UPDATES",
    "CellKind",
    "ColumnSpec",
    "SettingSpec",
    "SheetSpec",
    "change_columns",
    "keyed_sheet",
    "normalise_name",
]


def normalise_name(name: object) -> str:
    """How sheet, column, setting and kind names are compared: case, ``-``, ``_`` and spaces aside.

    ``"Drill_Down"``, ``" drill-down "`` and ``"drill down"`` all become ``"drill down"``.
    """
    return _normalise(name if isinstance(name, str) else str(name))


@functools.lru_cache(maxsize=4096)
def _normalise(name: str) -> str:
    # a column's name is normalised once, however many rows ask for it
    return " ".join(_DASHES.sub(" ", name).split()).casefold()


_DASHES = re.compile(r"[-_]")


class CellKind(enum.Enum):
    """What a cell holds, which decides how it is read and what a wrong value is told."""

    TEXT = "text"
    """Inline markup text; a number becomes text, a date or TRUE/FALSE is an error."""
    KEY = "key"
    """A name that rows of two sheets share; compared without regard to case or spaces."""
    QUARTER = "quarter"
    """A narrative row's quarters: ``Q1`` to ``Q4``, ``all``, a range ``Q2-Q4`` or ``from Q2``."""
    ONE_QUARTER = "one quarter"
    """``Q1`` to ``Q4`` (From, Until, As of); blank is None."""
    QUARTERS = "quarters"
    """Blank for every quarter, a list ``Q1, Q2`` or a range ``Q2-Q4``."""
    KIND = "kind"
    """A slide kind's name, e.g. ``priority update``."""
    FISCAL_YEAR = "fiscal year"
    """A fiscal year such as ``FY20-21``."""
    LEVEL = "level"
    """Blank or ``metric``: a row of its own (0); ``sub``: a sub-row under the one above (1)."""
    BETTER = "better"
    """``higher`` (blank) or ``lower``: which direction of a status's number is good."""
    PACE = "pace"
    """``year end`` (blank) or ``cumulative``: what a status is judged against."""
    YES_NO = "yes/no"
    """``yes`` (blank) or ``no``; a TRUE/FALSE cell is read as yes/no."""
    NUMBER = "number"
    """A number, or text holding one (``89,000``, ``5.7%``); blank is no value (None)."""
    PERIOD = "period"
    """A chart's period: a date cell (read as a date) or text such as ``2020-09`` or ``Q1``."""
    CHART_KIND = "chart kind"
    """``yoy`` (blank), ``line``, ``bar`` or ``stacked bar``."""
    ENGINE = "engine"
    """``native`` (blank) or ``matplotlib``: how a chart is drawn."""
    FIT = "fit"
    """``fit`` (blank) or ``crop``: how a picture takes its frame."""
    PICTURE = "picture"
    """A picture file's path, relative to the workbook's folder; looked at when a slide shows it."""


CHOICES: dict[CellKind, tuple[str, ...]] = {
    CellKind.LEVEL: ("metric", "sub"),
    CellKind.BETTER: ("higher", "lower"),
    CellKind.YES_NO: ("yes", "no"),
    CellKind.PACE: ("year end", "cumulative"),
    CellKind.CHART_KIND: tuple(ChartKind),
    CellKind.ENGINE: tuple(Engine),
    CellKind.FIT: tuple(Fit),
}
"""The words a cell of a closed vocabulary holds; the blank workbook offers them in a drop-down."""


@frozen
class ColumnSpec:
    """One column of a sheet: its header, what its cells hold and whether a row needs it."""

    name: str
    kind: CellKind = CellKind.TEXT
    required: bool = False
    """Every row needs a value in this column (so the header must be there too)."""
    present: bool = False
    """The header must be there, though a row's cell may be blank."""
    help: str = ""
    """What the cell holds, as the end of "expected …" messages and the blank header's note."""
    width: int = 30
    """The column's width in the blank workbook, in characters."""
    refers: str = ""
    """The keyed sheet whose Key this column names; a value naming no row of it is an error."""

    @property
    def key(self) -> str:
        """The header as compared: see :func:`normalise_name`."""
        return normalise_name(self.name)

    @property
    def in_header(self) -> bool:
        """Whether a header row without this column is an error."""
        return self.required or self.present


@frozen
class SettingSpec:
    """One row of the Deck sheet: a setting's name, whether it is required and what it holds."""

    name: str
    required: bool = False
    kind: CellKind = CellKind.TEXT
    help: str = ""

    word: str = ""
    """The :class:`~tuningdeck.model.Words` field the setting sets (``""``: not a word)."""

    @property
    def key(self) -> str:
        """The name as compared: see :func:`normalise_name`."""
        return normalise_name(self.name)


def _columns(value: Iterable[ColumnSpec]) -> tuple[ColumnSpec, ...]:
    return tuple(value)


def _settings(value: Iterable[SettingSpec]) -> tuple[SettingSpec, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Versioning:
    """How a sheet's rows are told apart across quarters. Immutable.

    ``group`` is the column that says which table (drill-down, chart) a row belongs to, or ``""``;
    ``names`` the columns that name a row within its group. A sheet with ``nested`` rows (Level
    ``sub``) names a sub-row within the row of its own above it. ``replaces`` is the column of
    ``names`` that a Replaces cell rewords (``""`` when rows cannot be reworded).
    """

    names: tuple[str, ...] = field(converter=_names)
    group: str = ""
    nested: bool = False
    replaces: str = ""
    continued: str = ""
    """A column whose blank cell continues the value of the row above in the same group (a
    drill-down value's Group); its value so continued is part of the identity."""
    keyed: bool = False
    """A narrative sheet: the span is the Quarter cell rather than From and Until."""
    unique: bool = False
    """Two rows of one identity may not start in the same quarter (else both are shown)."""
    in_place: bool = True
    """A new version of a row is shown where the row it replaces is, wherever it is written
    (False: where it is written, as a moved slide is)."""


@frozen
class SheetSpec:
    """One sheet: its name and columns.

    ``keyed`` sheets hold narrative that changes every quarter: their first two columns are Key
    and Quarter and there is one row per key and quarter. ``required`` sheets must be in every
    workbook; the others only when a slide asks for them. ``settings`` lists the rows of a
    two-column Setting/Value sheet.
    """

    name: str
    columns: tuple[ColumnSpec, ...] = field(converter=_columns)
    keyed: bool = False
    required: bool = False
    settings: tuple[SettingSpec, ...] = field(default=(), converter=_settings)
    unique: tuple[str, ...] = field(default=(), converter=_names)
    """Columns whose values together may appear in one row only (a Deck setting)."""
    help: str = ""
    versioning: Versioning | None = None
    """How the sheet's rows change from a quarter on (see :mod:`~tuningdeck.workbook.versions`);
    None for a sheet that holds one value all year (Deck)."""

    @property
    def key(self) -> str:
        """The sheet name as compared: see :func:`normalise_name`."""
        return normalise_name(self.name)

    def column(self, name: str) -> ColumnSpec:
        """The column called ``name`` (compared as :func:`normalise_name` does)."""
        wanted = normalise_name(name)
        for c in self.columns:
            if c.key == wanted:
                return c
        raise KeyError(f"sheet {self.name} has no column {name!r}")

    @property
    def header(self) -> str:
        """The column names in order, for messages: ``Key, Quarter, Title, …``."""
        return ", ".join(c.name for c in self.columns)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

_COMMON = (
    ColumnSpec("Department", help="the department tag, e.g. Product", width=18),
    ColumnSpec("Footnote", help="the slide's footnote line", width=30),
    ColumnSpec("Notes", help="speaker notes", width=40),
)


def _keyed(name: str, help: str, *columns: ColumnSpec) -> SheetSpec:
    """A sheet with Key and Quarter first and Department, Footnote and Notes last."""
    return SheetSpec(
        name,
        (
            ColumnSpec(
                "Key",
                CellKind.KEY,
                required=True,
                width=18,
                help="the name the Slides sheet uses for this row",
            ),
            ColumnSpec(
                "Quarter",
                CellKind.QUARTER,
                required=True,
                width=10,
                help="Q1, Q2, Q3, Q4, all, a range such as Q2-Q4, or from Q2",
            ),
            *columns,
            *_COMMON,
        ),
        keyed=True,
        help=help,
        versioning=Versioning(("Key",), keyed=True, unique=True),
    )


def _changes(replaces: str = "") -> tuple[ColumnSpec, ...]:
    """From and Until (and Replaces, when rows may be reworded): how a row changes in the year."""
    columns = [
        ColumnSpec(
            "From",
            CellKind.ONE_QUARTER,
            width=8,
            help="the first quarter the row is shown in (blank: Q1); a row From Q2 replaces the "
            "same row from Q2 on",
        ),
        ColumnSpec(
            "Until",
            CellKind.ONE_QUARTER,
            width=8,
            help="the last quarter the row is shown in (blank: Q4)",
        ),
    ]
    if replaces:
        columns.append(
            ColumnSpec(
                "Replaces",
                width=30,
                help=f"the {replaces} of the row this one rewords from its From quarter on, as "
                "written there",
            )
        )
    return tuple(columns)


def keyed_sheet(name: str, help: str, *columns: ColumnSpec) -> SheetSpec:
    """A narrative sheet, one row per key and quarter: Key and Quarter, then ``columns``, then
    Department, Footnote and Notes."""
    return _keyed(name, help, *columns)


def change_columns(replaces: str = "") -> tuple[ColumnSpec, ...]:
    """From and Until, and Replaces when ``replaces`` names the column a row may reword: the
    columns saying how a row changes in the year."""
    return _changes(replaces)


DECK = SheetSpec(
    "Deck",
    (
        ColumnSpec("Setting", CellKind.TEXT, required=True, width=20, help="a setting's name"),
        ColumnSpec("Value", CellKind.TEXT, present=True, width=60, help="the setting's value"),
    ),
    required=True,
    unique=("Setting",),
    settings=(
        SettingSpec(
            "Priority", required=True, help="the priority the deck is about, e.g. Thriving Movement"
        ),
        SettingSpec(
            "Fiscal year",
            required=True,
            kind=CellKind.FISCAL_YEAR,
            help="a fiscal year such as FY20-21 (also FY2020-2021, FY20/21)",
        ),
        SettingSpec(
            "Title",
            help="the title slide's text; default "
            "{priority} Tuning Session {quarter} {fiscal_year}",
        ),
        SettingSpec("Subtitle", help="the title slide's subtitle"),
        SettingSpec("Acronyms intro", help="the paragraph above the acronyms list"),
        # the organisation's name and the fixed labels, declared once with the model's Words
        *(
            SettingSpec(w.name, help=f"{w.help}; default {w.default}", word=w.field)
            for w in WORD_SETTINGS
        ),
    ),
    help="What the deck is about, one setting a row.",
)

UPDATES = _keyed(
    "Updates",
    "Priority updates (kind priority update), one row per key and quarter.",
    ColumnSpec("Title", required=True, help="the priority's name", width=24),
    ColumnSpec("Overview", help="the Overview paragraph", width=50),
    ColumnSpec(
        "Progress", help="the Progress/Challenges narrative, one paragraph a line", width=60
    ),
    ColumnSpec("Deliverables", help="key deliverables, one a line", width=40),
    ColumnSpec("Actions", help="action bullets, one a line", width=40),
)

OBJECTIVES = _keyed(
    "Objectives",
    "Objectives (kind objective), one row per key and quarter.",
    ColumnSpec("Title", required=True, help="the slide's title", width=24),
    ColumnSpec("Objective", required=True, help="the objective statement", width=50),
    ColumnSpec("Narrative", help="the quarter's paragraphs and bullets", width=60),
    ColumnSpec("Target", help="the target quarter for completion, e.g. EOY", width=14),
)

TABLES = _keyed(
    "Tables",
    "The slide text of the metrics tables and key-results grids (kinds metrics table and "
    "key results), one row per key and quarter; their rows are in Metrics and Key results.",
    ColumnSpec(
        "Title", required=True, help="the slide's title, e.g. Thriving Movement Metrics", width=28
    ),
    ColumnSpec("Callout", help="a headline for the quarter, e.g. Q1 +7.3% YoY", width=18),
    ColumnSpec(
        "Outcome heading",
        help="a metrics table's first column header; blank: the Deck sheet's Outcome heading",
        width=16,
    ),
    ColumnSpec(
        "Metric heading",
        help="a metrics table's metric column header; blank: the Deck sheet's Metric heading",
        width=16,
    ),
    ColumnSpec(
        "Key result heading",
        help="a key-results grid's first column header; blank: the Deck sheet's Key result heading",
        width=16,
    ),
    ColumnSpec(
        "Goal heading",
        help="the goal column's header; blank: the Deck sheet's Metrics goal heading or Key "
        "results goal heading",
        width=14,
    ),
    *(
        ColumnSpec(
            f"{q} heading",
            help=f"the {q} column's header, e.g. {q}; blank: the Deck sheet's {q} heading",
            width=12,
        )
        for q in ("Q1", "Q2", "Q3", "Q4")
    ),
)

QUARTER_COLUMNS: tuple[str, ...] = ("Q1", "Q2", "Q3", "Q4")
"""The status columns of Metrics and Key results, one per quarter of the fiscal year."""


def _status_sheet(name: str, help: str, text: str, *lead: ColumnSpec) -> SheetSpec:
    """A sheet of status rows: Table, the ``lead`` columns, Baseline, Goal, Q1–Q4 and flags."""
    return SheetSpec(
        name,
        (
            ColumnSpec(
                "Table",
                CellKind.KEY,
                required=True,
                refers="Tables",
                width=18,
                help="the Key of the table's row in sheet Tables",
            ),
            *lead,
            ColumnSpec("Baseline", help="the baseline, shown after Baseline:", width=30),
            ColumnSpec("Goal", help="the year's goal, e.g. +5% YoY", width=18),
            *(
                ColumnSpec(q, help=f"the status in {q}; blank shows -", width=18)
                for q in QUARTER_COLUMNS
            ),
            ColumnSpec(
                "Level",
                CellKind.LEVEL,
                width=9,
                help="blank or metric for a row of its own, or sub for a sub-row such as "
                "Established markets",
            ),
            ColumnSpec(
                "Better",
                CellKind.BETTER,
                width=9,
                help="higher (the default) or lower: which direction of the number is good",
            ),
            ColumnSpec(
                "Judge",
                CellKind.YES_NO,
                width=8,
                help="yes (the default) to judge the statuses against the goal, or no",
            ),
            ColumnSpec(
                "Pace",
                CellKind.PACE,
                width=11,
                help="year end (the default): each status is judged against the goal; "
                "cumulative: a count that builds up over the year (18 of 120), judged against "
                "the quarter's share of the goal (a quarter of it in Q1, half in Q2, …)",
            ),
            *_changes(replaces=text),
        ),
        help=help,
        versioning=Versioning((text,), group="Table", nested=True, replaces=text),
    )


METRICS = _status_sheet(
    "Metrics",
    "The rows of the metrics tables, in order: one metric or sub-row a row.",
    "Metric",
    ColumnSpec(
        "Outcome",
        present=True,
        width=34,
        help="the MTP outcome; blank for the same outcome as the row above",
    ),
    ColumnSpec(
        "Metric",
        required=True,
        width=45,
        help="the metric, e.g. Monthly active editors increase YoY",
    ),
)

KEY_RESULTS = _status_sheet(
    "Key results",
    "The rows of the key-results grids, in order: one key result or sub-row a row.",
    "Key result",
    ColumnSpec("Key result", required=True, help="the key result", width=50),
)

DRILL_DOWNS = _keyed(
    "Drill-downs",
    "Drill-downs (kind drill-down), one row per key and quarter.",
    ColumnSpec(
        "Title", required=True, help="the slide's title, e.g. Drill Down: Grantmaking", width=28
    ),
    ColumnSpec("Situation", required=True, help="the situation", width=45),
    ColumnSpec("Impact", required=True, help="the impact", width=45),
    ColumnSpec("Recommendation", required=True, help="the recommendation", width=45),
    ColumnSpec(
        "Recommendation heading",
        help="the third column's heading; blank: the Deck sheet's Recommendation heading",
        width=22,
    ),
)

DRILL_DOWN_DATA = SheetSpec(
    "Drill-down data",
    (
        ColumnSpec(
            "Drill-down",
            CellKind.KEY,
            required=True,
            refers="Drill-downs",
            width=18,
            help="the Key of the drill-down's row in sheet Drill-downs",
        ),
        ColumnSpec(
            "Group",
            width=34,
            help="the heading of the rows' group, e.g. an MTP outcome; blank for the same "
            "group as the row above",
        ),
        ColumnSpec("Row", required=True, help="the row's label", width=50),
        ColumnSpec("Column", required=True, help="the column's header, e.g. FY19/20", width=12),
        ColumnSpec("Value", present=True, help="the value in that row and column", width=14),
        *_changes(replaces="Row"),
    ),
    help="The data tables under drill-downs, one value a row: Drill-down, Group, Row, Column, "
    "Value.",
    versioning=Versioning(("Row", "Column"), group="Drill-down", continued="Group", replaces="Row"),
)

OKR_CHANGES = _keyed(
    "OKR changes",
    "OKR changes (kind okr change), one row per key and quarter.",
    ColumnSpec(
        "Title", required=True, help="the slide's title, e.g. OKR Change: Grantmaking", width=28
    ),
    ColumnSpec("Original", required=True, help="the original key results, one a line", width=50),
    ColumnSpec("Proposed", required=True, help="the proposed key results, one a line", width=50),
)

QUOTES = _keyed(
    "Quotes",
    "Testimonials (kind quote), one row per key and quarter.",
    ColumnSpec("Title", help="an optional title, e.g. Project: Talk pages", width=24),
    ColumnSpec("Quote", required=True, help="the quote", width=60),
    ColumnSpec("Name", help="who said it", width=20),
    ColumnSpec("Affiliation", help="their affiliation", width=24),
    ColumnSpec("Place", help="where they are", width=18),
)

CHARTS = _keyed(
    "Charts",
    "Charts (kind chart), one row per key and quarter; their data is in Chart data.",
    ColumnSpec(
        "Title",
        required=True,
        help="the slide's title, e.g. Wikimedia Active Editors year-over-year comparison",
        width=34,
    ),
    ColumnSpec(
        "Subtitle",
        help="the period shown, e.g. July 2018 - September 2020; blank for a yoy chart shows "
        "the span of its data",
        width=26,
    ),
    ColumnSpec(
        "Kind",
        CellKind.CHART_KIND,
        help="yoy (the default), line, bar or stacked bar",
        width=11,
    ),
    ColumnSpec(
        "Number format",
        help='the value axis\'s Excel number format, e.g. 0,"K" or 0.0%; blank for General',
        width=14,
    ),
    ColumnSpec("Goal", CellKind.NUMBER, help="a number to draw a goal line at", width=10),
    ColumnSpec(
        "Goal label", help="the goal line's label; blank: the Deck sheet's Goal label", width=14
    ),
    ColumnSpec(
        "Callout",
        help="the headline, e.g. Q1 +7.3% YoY; blank for a yoy chart computes it from the data",
        width=16,
    ),
    ColumnSpec("Callout detail", help="a line under the headline, e.g. (Goal: +5% YoY)", width=18),
    ColumnSpec(
        "Engine",
        CellKind.ENGINE,
        help="native (an editable chart, the default) or matplotlib (a picture)",
        width=11,
    ),
    ColumnSpec("Note", help="a note for the workbook's readers; not shown", width=30),
)

CHART_DATA = SheetSpec(
    "Chart data",
    (
        ColumnSpec(
            "Chart",
            CellKind.KEY,
            required=True,
            refers="Charts",
            width=18,
            help="the Key of the chart's row in sheet Charts",
        ),
        ColumnSpec(
            "Period",
            CellKind.PERIOD,
            required=True,
            width=12,
            help="a month (a date, or text such as 2020-09) for a yoy chart; a category label, "
            "e.g. Q1, for the other kinds",
        ),
        ColumnSpec(
            "Series",
            width=20,
            help="the series' name (a line or a set of bars); blank for a yoy chart",
        ),
        ColumnSpec(
            "Value",
            CellKind.NUMBER,
            present=True,
            width=12,
            help="the number at that period in that series; blank for a gap",
        ),
        *_changes(),
    ),
    help="The charts' data, one value a row: Chart, Period, Series, Value.",
    versioning=Versioning(("Period", "Series"), group="Chart"),
)

IMAGE_COUNT = 4
"""The most pictures an image slide holds: columns Image 1 … Image 4."""

IMAGES = _keyed(
    "Images",
    "Image slides (kind image), one row per key and quarter.",
    ColumnSpec("Title", help="the slide's title, e.g. Project: Talk pages", width=28),
    *(
        column
        for i in range(1, IMAGE_COUNT + 1)
        for column in (
            ColumnSpec(
                f"Image {i}",
                required=i == 1,
                width=28,
                help=f"the {'first' if i == 1 else 'next'} picture's file (PNG, JPEG, GIF, …), "
                "its path relative to the workbook's folder",
            ),
            ColumnSpec(f"Caption {i}", help=f"the caption under Image {i}", width=28),
        )
    ),
    ColumnSpec(
        "Fit",
        CellKind.FIT,
        help="fit (the whole picture, the default) or crop (the picture fills its frame)",
        width=8,
    ),
    ColumnSpec("Caption", help="a caption under all the pictures", width=40),
    ColumnSpec("Intro", help="text above the pictures, e.g. a heading and a paragraph", width=40),
    ColumnSpec("Quote", help="a quote shown beside one or two pictures", width=40),
    ColumnSpec(
        "Attribution",
        help="who said the quote, one a line: name, role, place",
        width=24,
    ),
)

HIGHLIGHT_COUNT = 6
"""The most numbers a highlights slide holds: columns Before 1, Value 1, Label 1 … Label 6."""

HIGHLIGHTS = _keyed(
    "Highlights",
    "Highlights slides (kind highlights), three to six big numbers, one row per key and quarter.",
    ColumnSpec("Title", required=True, help="the slide's title, e.g. Q1 in numbers", width=24),
    *(
        column
        for i in range(1, HIGHLIGHT_COUNT + 1)
        for column in (
            ColumnSpec(
                f"Before {i}",
                width=14,
                help=f"words before the {_ORDINALS[i - 1]} number, set above it, e.g. Deployed on",
            ),
            ColumnSpec(
                f"Value {i}",
                required=i <= 3,
                width=12,
                help=f"the {_ORDINALS[i - 1]} big number, e.g. 470+",
            ),
            ColumnSpec(
                f"Label {i}",
                required=i <= 3,
                width=24,
                help=f"the {_ORDINALS[i - 1]} number's short label, e.g. teachers in 3 countries",
            ),
        )
    ),
)

ACRONYMS = SheetSpec(
    "Acronyms",
    (
        ColumnSpec("Term", required=True, help="the acronym, e.g. CSAM", width=14),
        ColumnSpec("Definition", required=True, help="what it stands for", width=60),
        *_changes(),
    ),
    help="The acronyms appendix, one acronym a row.",
    versioning=Versioning(("Term",), unique=True),
)
