"""The slide kinds a workbook's Slides sheet may name, and how each is built from rows.

:data:`KINDS` maps a kind's name (see :func:`~tuningdeck.workbook.schema.normalise_name`) to a
:class:`SlideKind`: the sheet its Key picks a row of, the sheets it reads whole, a function
that builds the slide from a :class:`SlideSource`, and a check of the rows it reads that runs
whatever the quarter. A new kind is one :func:`register` call here (or in a module of kinds such
as :mod:`~tuningdeck.workbook.visuals`) and, when it has a sheet of its own, one
:class:`~tuningdeck.workbook.schema.SheetSpec`; the reader's loop stays as it is. Nothing here
knows of Excel.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import attrs
from attrs import field, frozen

from tuningdeck.errors import WorkbookWarning
from tuningdeck.model import (
    AcronymsSlide,
    DataGroup,
    DataTable,
    DrillDownSlide,
    FiscalYear,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    Outcome,
    PriorityUpdateSlide,
    Quarter,
    QuoteSlide,
    SectionSlide,
    Slide,
    StatusRow,
    TitleSlide,
)
from tuningdeck.workbook.schema import (
    ACRONYMS,
    DRILL_DOWN_DATA,
    DRILL_DOWNS,
    KEY_RESULTS,
    METRICS,
    OBJECTIVES,
    OKR_CHANGES,
    QUARTER_COLUMNS,
    QUOTES,
    TABLES,
    UPDATES,
    SheetSpec,
    normalise_name,
)

__all__ = [
    "ALL",
    "KINDS",
    "KeyUse",
    "Reported",
    "Row",
    "RowError",
    "RowErrors",
    "SlideKind",
    "SlideSource",
    "by_key",
    "data_table",
    "key_id",
    "one_line",
    "outcome_groups",
    "register",
    "rows_of",
    "short",
]

ALL: Literal["all"] = "all"
"""The Quarter cell value of a row that holds in every quarter."""


@frozen
class Row:
    """One item of a sheet: its values by column and where each cell is. Immutable.

    ``values`` and ``cells`` are keyed by the column's compared name (``"recommendation
    heading"``); a column the sheet lacks has its blank value and no cell.
    """

    sheet: str
    number: int
    values: Mapping[str, object] = field(converter=MappingProxyType)
    cells: Mapping[str, str] = field(converter=MappingProxyType)
    ok: bool = True
    """False when a cell of the row could not be read (the problem is already reported)."""

    def value(self, column: str) -> object:
        """The read value of ``column``: text, a :class:`Quarter`, ``"all"``, a set of quarters,
        a Level's 0 or 1, a Better's ``"higher"`` or ``"lower"``, a yes/no cell's bool, a number
        (a float, None when blank), a Period's date."""
        return self.values.get(normalise_name(column))

    def text(self, column: str) -> str:
        """The text of ``column``, ``""`` when blank or absent."""
        v = self.values.get(normalise_name(column))
        return v if isinstance(v, str) else ""

    def cell(self, column: str | None = None) -> str:
        """The coordinate of ``column``'s cell (``"D5"``), or of the row's first cell."""
        if column is not None:
            ref = self.cells.get(normalise_name(column))
            if ref:
                return ref
        return min(self.cells.values(), key=_column_order, default=f"A{self.number}")

    def where(self, column: str | None = None) -> str:
        """``Sheet!D5``, for messages."""
        return f"{self.sheet}!{self.cell(column)}"


def _column_order(ref: str) -> tuple[int, str]:
    letters = ref.rstrip("0123456789")
    return len(letters), letters


def key_id(key: str) -> str:
    """How keys are compared: ``"IP-Masking "`` and ``"ip-masking"`` are the same key."""
    return " ".join(key.split()).casefold()


class RowError(ValueError):
    """A builder's complaint about a cell: raised by a builder, reported as a problem."""

    def __init__(self, sheet: str, cell: str | None, message: str) -> None:
        self.sheet = sheet
        self.cell = cell
        self.message = message
        super().__init__(f"{sheet}!{cell}: {message}" if cell else f"{sheet}: {message}")


class RowErrors(ValueError):
    """Several complaints about the cells of one slide, raised together and reported each."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class Reported(Exception):
    """Raised by a builder whose slide cannot be made for a reason already reported.

    A row it reads had a cell that could not be read (the row's ``ok`` is False); that cell's
    problem is in the report already, and the slide adds nothing to it.
    """


def _warn(message: str) -> None:
    warnings.warn(WorkbookWarning(message), stacklevel=3)


@frozen
class SlideSource:
    """Everything a builder may read to build one slide. Immutable."""

    slide: Row
    """The slide's row of the Slides sheet."""
    row: Row | None
    """The row of the kind's sheet chosen for the quarter (None for kinds without a sheet)."""
    quarter: Quarter
    settings: Mapping[str, str]
    """The Deck sheet's settings, by compared name (``"acronyms intro"``)."""
    title: str
    """The deck's title, its template filled in."""
    sheets: Mapping[str, tuple[Row, ...]]
    """The rows of every sheet the workbook has whose header is whole, by the sheet's declared
    name; a row whose ``ok`` is False had a cell that could not be read (already reported)."""
    fiscal_year: FiscalYear | None = None
    """The deck's fiscal year (None when the Deck sheet's is missing or bad: already reported)."""
    folder: Path = field(default=Path(), converter=Path)
    """The workbook's folder: paths in its cells are relative to it."""
    warn: Callable[[str], None] = field(default=_warn, eq=False)
    """Report something that may be a mistake but does not stop the deck (``Sheet!Cell: …``)."""

    def common(self) -> dict[str, str]:
        """Department, footnote and notes from the row, notes falling back to the Slides row's."""
        row = self.row
        out = {
            "department": row.text("Department") if row else "",
            "footnote": row.text("Footnote") if row else "",
            "notes": (row.text("Notes") if row else "") or self.slide.text("Notes"),
        }
        return {k: v for k, v in out.items() if v}


class KeyUse(enum.Enum):
    """What a Slides row's Key cell means for a kind."""

    ROW = "row"
    """The Key of a row in the kind's sheet (required)."""
    TEXT = "text"
    """Text shown on the slide, e.g. a section divider's (required)."""
    NONE = "none"
    """Nothing: the cell should be blank."""


@frozen
class SlideKind:
    """A slide kind as the workbook knows it. Immutable."""

    name: str
    """The name shown in messages, e.g. ``"drill-down"``."""
    build: Callable[[SlideSource], Slide]
    key: KeyUse = KeyUse.NONE
    key_help: str = ""
    """What the Key cell holds, for "expected …" messages (KeyUse.TEXT)."""
    sheet: SheetSpec | None = None
    """The keyed sheet whose row the Key picks (KeyUse.ROW)."""
    needs: tuple[SheetSpec, ...] = ()
    """Sheets the builder reads whole; the workbook must have them."""
    fields: Mapping[str, str] = field(factory=dict, converter=MappingProxyType)
    """Slide field → column of the kind's sheet, to point a slide's complaint at a cell."""
    check: Callable[[Mapping[str, tuple[Row, ...]]], Iterable[RowError]] | None = None
    """Checks across the rows of the sheets the kind reads (as :attr:`SlideSource.sheets`
    holds them), run on every reading whatever the quarter and whether or not a slide of the
    kind is shown."""


KINDS: dict[str, SlideKind] = {}
"""Every slide kind, by compared name (``"drill down"``)."""


def register(kind: SlideKind) -> SlideKind:
    """Add ``kind`` to :data:`KINDS` (replacing one of the same name) and return it."""
    KINDS[normalise_name(kind.name)] = kind
    return kind


_COMMON_FIELDS = {"department": "Department", "footnote": "Footnote", "notes": "Notes"}


def _source_row(src: SlideSource, name: str, sheet: SheetSpec) -> Row:
    """The row of the kind's sheet chosen for the quarter."""
    if src.row is None:
        raise ValueError(f"a {name} slide is built from a row of sheet {sheet.name}")
    return src.row


def _row_kind(name: str, cls: type[Slide], sheet: SheetSpec, /, **fields: str) -> SlideKind:
    """A kind whose slide takes its fields from one row: ``field="Column"``.

    Blank cells are left out, so the slide's own defaults (headings, …) apply.
    """

    def build(src: SlideSource) -> Slide:
        row = _source_row(src, name, sheet)
        values = {f: row.text(c) for f, c in fields.items()}
        return cls(**{f: v for f, v in values.items() if v}, **src.common())

    return SlideKind(name, build, key=KeyUse.ROW, sheet=sheet, fields={**fields, **_COMMON_FIELDS})


def _title(src: SlideSource) -> Slide:
    return TitleSlide(title=src.title, subtitle=src.settings.get("subtitle", ""), **src.common())


def _section(src: SlideSource) -> Slide:
    return SectionSlide(title=src.slide.text("Key"), **src.common())


def _acronyms(src: SlideSource) -> Slide:
    rows = [r for r in src.sheets.get(ACRONYMS.name, ()) if r.ok]
    if not rows:
        raise RowError(
            ACRONYMS.name,
            "A2",
            "no acronyms for the acronyms slide; expected one Term and Definition a row",
        )
    return AcronymsSlide(
        entries=[(r.text("Term"), r.text("Definition")) for r in rows],
        intro=src.settings.get("acronyms intro", ""),
        **src.common(),
    )


# -- rows that belong to a key: the tables' rows and the drill-downs' data -----------------------


def one_line(text: str) -> str:
    """``text`` with its runs of spaces and line breaks made one space: how labels compare."""
    return " ".join(text.split())


def short(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters, for messages."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def by_key(rows: Iterable[Row], column: str) -> dict[str, list[Row]]:
    """Rows grouped by the key in ``column``, keys and rows in sheet order; blank keys left out."""
    out: dict[str, list[Row]] = {}
    for row in rows:
        if row.text(column):
            out.setdefault(key_id(row.text(column)), []).append(row)
    return out


def rows_of(src: SlideSource, name: str, sheet: SheetSpec, column: str) -> list[Row]:
    """The rows of ``sheet`` whose ``column`` names the slide's Key; raise if there are none.

    Raise :class:`Reported` when one of them had a cell that could not be read.
    """
    key = src.slide.text("Key")
    rows = by_key(src.sheets.get(sheet.name, ()), column).get(key_id(key), [])
    if not rows:
        raise RowError(
            src.slide.sheet,
            src.slide.cell("Key"),
            f'{name} "{key}" has no rows in sheet {sheet.name}; add rows whose {column} is {key}',
        )
    if not all(r.ok for r in rows):
        raise Reported
    return rows


def _first_sub_row(row: Row, text_column: str, where: str) -> RowError:
    return RowError(
        row.sheet,
        row.cell("Level"),
        f'sub-row "{short(row.text(text_column))}" is the first row of {where}; expected a '
        "row of its own (Level blank or metric) above its sub-rows",
    )


def outcome_groups(rows: Sequence[Row]) -> tuple[list[tuple[str, list[Row]]], list[RowError]]:
    """One metrics table's Metrics rows under their outcomes, and what is wrong with them.

    A blank Outcome, or the outcome of the row above repeated, continues the outcome above: its
    cell spans the rows. The table's first row needs an outcome, and an outcome's first row
    cannot be a sub-row. Rows whose ``ok`` is False are grouped but not complained about.
    """
    groups: list[tuple[str, list[Row]]] = []
    problems: list[RowError] = []
    for row in rows:
        outcome = row.text("Outcome")
        if not groups or (outcome and one_line(outcome) != one_line(groups[-1][0])):
            if not outcome and row.ok:
                problems.append(
                    RowError(
                        row.sheet,
                        row.cell("Outcome"),
                        f'empty Outcome on the first row of table "{row.text("Table")}"; expected '
                        "the MTP outcome (blank only continues the outcome of the row above)",
                    )
                )
            groups.append((outcome, []))
        under = groups[-1][1]
        if not under and row.value("Level") == 1 and row.ok:
            where = f'outcome "{short(groups[-1][0])}"' if groups[-1][0] else "its outcome"
            where += f' in table "{row.text("Table")}"'
            problems.append(_first_sub_row(row, "Metric", where))
        under.append(row)
    return groups, problems


def _results_problems(rows: Sequence[Row]) -> list[RowError]:
    """What is wrong with one key-results grid's rows: a sub-row cannot come first."""
    first = rows[0] if rows else None
    if first is None or not first.ok or first.value("Level") != 1:
        return []
    return [_first_sub_row(first, "Key result", f'table "{first.text("Table")}"')]


def _status_row(row: Row, text_column: str) -> StatusRow:
    return StatusRow(
        text=row.text(text_column),
        baseline=row.text("Baseline"),
        goal=row.text("Goal"),
        statuses=[row.text(q) for q in QUARTER_COLUMNS],
        level=1 if row.value("Level") == 1 else 0,
        better="lower" if row.value("Better") == "lower" else "higher",
        judge=row.value("Judge") is not False,
    )


def _metrics_table(src: SlideSource) -> Slide:
    row = _source_row(src, "metrics table", TABLES)
    groups, problems = outcome_groups(rows_of(src, "metrics table", METRICS, "Table"))
    if problems:
        raise problems[0]
    return MetricsTableSlide(
        title=row.text("Title"),
        outcomes=[
            Outcome(text=text, rows=[_status_row(r, "Metric") for r in rows])
            for text, rows in groups
        ],
        callout=row.text("Callout"),
        **src.common(),
    )


def _key_results(src: SlideSource) -> Slide:
    row = _source_row(src, "key results", TABLES)
    rows = rows_of(src, "key results", KEY_RESULTS, "Table")
    problems = _results_problems(rows)
    if problems:
        raise problems[0]
    return KeyResultsSlide(
        title=row.text("Title"),
        results=[_status_row(r, "Key result") for r in rows],
        **src.common(),
    )


def _check_metrics(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    tables = by_key(sheets.get(METRICS.name, ()), "Table").values()
    return [p for rows in tables for p in outcome_groups(rows)[1]]


def _check_key_results(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    tables = by_key(sheets.get(KEY_RESULTS.name, ()), "Table").values()
    return [p for rows in tables for p in _results_problems(rows)]


def data_table(rows: Sequence[Row]) -> tuple[DataTable, list[RowError]]:
    """One drill-down's Drill-down data rows as a table, and what is wrong with them.

    The rows are long: one value a row, at its Row and Column. Groups, rows and columns come in
    the order they first appear; a blank Group continues the group of the row above; a (row,
    column) with no value is blank. A second value for the same cell is an error.
    """
    headings: dict[str, str] = {}
    headers: dict[str, str] = {}
    labels: dict[tuple[str, str], str] = {}
    groups: dict[str, dict[str, dict[str, str]]] = {}
    first: dict[tuple[str, str, str], Row] = {}
    problems: list[RowError] = []
    heading = ""
    for row in rows:
        heading = one_line(row.text("Group")) or heading
        label, column = one_line(row.text("Row")), one_line(row.text("Column"))
        headings.setdefault(heading, row.text("Group"))
        headers.setdefault(column, row.text("Column"))
        labels.setdefault((heading, label), row.text("Row"))
        cells = groups.setdefault(heading, {}).setdefault(label, {})
        at = (heading, label, column)
        if at in first:
            if row.ok:
                problems.append(
                    RowError(
                        row.sheet,
                        row.cell("Column"),
                        f'a second value for row "{short(label)}" and column "{column}" '
                        f"(first at row {first[at].number}); expected one value per row and "
                        "column",
                    )
                )
            continue
        first[at] = row
        cells[column] = row.text("Value")
    table = DataTable(
        columns=("", *headers.values()),
        groups=[
            DataGroup(
                heading=headings[heading],
                rows=[
                    (labels[heading, label], *(cells.get(c, "") for c in headers))
                    for label, cells in by_label.items()
                ],
            )
            for heading, by_label in groups.items()
        ],
    )
    return table, problems


def _check_drill_down_data(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    keys = by_key(sheets.get(DRILL_DOWN_DATA.name, ()), "Drill-down").values()
    return [p for rows in keys for p in data_table(rows)[1]]


_DRILL_DOWN = _row_kind(
    "drill-down",
    DrillDownSlide,
    DRILL_DOWNS,
    title="Title",
    situation="Situation",
    impact="Impact",
    recommendation="Recommendation",
    recommendation_heading="Recommendation heading",
)


def _drill_down(src: SlideSource) -> Slide:
    """The drill-down's three columns, and its data table when Drill-down data has rows for it."""
    slide = _DRILL_DOWN.build(src)
    data = by_key(src.sheets.get(DRILL_DOWN_DATA.name, ()), "Drill-down")
    rows = data.get(key_id(src.slide.text("Key")))
    if not rows:
        return slide
    if not all(r.ok for r in rows):
        raise Reported
    table, problems = data_table(rows)
    if problems:
        raise problems[0]
    return attrs.evolve(slide, table=table)


register(SlideKind("title", _title))
register(SlideKind("section", _section, key=KeyUse.TEXT, key_help="the divider's text"))
register(
    _row_kind(
        "priority update",
        PriorityUpdateSlide,
        UPDATES,
        title="Title",
        overview="Overview",
        progress="Progress",
        deliverables="Deliverables",
        actions="Actions",
    )
)
register(
    SlideKind(
        "metrics table",
        _metrics_table,
        key=KeyUse.ROW,
        sheet=TABLES,
        needs=(METRICS,),
        fields={"title": "Title", "callout": "Callout", **_COMMON_FIELDS},
        check=_check_metrics,
    )
)
register(
    _row_kind(
        "objective",
        ObjectiveSlide,
        OBJECTIVES,
        title="Title",
        objective="Objective",
        narrative="Narrative",
        target="Target",
    )
)
register(
    SlideKind(
        "key results",
        _key_results,
        key=KeyUse.ROW,
        sheet=TABLES,
        needs=(KEY_RESULTS,),
        fields={"title": "Title", **_COMMON_FIELDS},
        check=_check_key_results,
    )
)
register(attrs.evolve(_DRILL_DOWN, build=_drill_down, check=_check_drill_down_data))
register(
    _row_kind(
        "okr change",
        OkrChangeSlide,
        OKR_CHANGES,
        title="Title",
        original="Original",
        proposed="Proposed",
    )
)
register(
    _row_kind(
        "quote",
        QuoteSlide,
        QUOTES,
        title="Title",
        quote="Quote",
        name="Name",
        affiliation="Affiliation",
        place="Place",
    )
)
register(SlideKind("acronyms", _acronyms, needs=(ACRONYMS,)))

# The visual kinds (chart, image, highlights) are registered by their own module, after these.
from tuningdeck.workbook import visuals as _visuals  # noqa: E402, F401
