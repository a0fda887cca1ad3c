"""The table slide kinds: the metrics table, the key-results grid and a drill-down's data table,
built from the Tables, Metrics, Key results and Drill-down data sheets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tuningdeck.model import (
    DataGroup,
    DataTable,
    KeyResultsSlide,
    MetricsTableSlide,
    Outcome,
    Quarter,
    Slide,
    StatusRow,
)
from tuningdeck.workbook.rows import (
    Reported,
    Row,
    RowError,
    RowErrors,
    SlideSource,
    by_key,
    key_id,
    one_line,
    rows_of,
    short,
    source_row,
)
from tuningdeck.workbook.schema import (
    DRILL_DOWN_DATA,
    KEY_RESULTS,
    METRICS,
    QUARTER_COLUMNS,
    TABLES,
    normalise_name,
)

__all__ = [
    "build_key_results",
    "build_metrics_table",
    "check_drill_down_data",
    "check_key_results",
    "check_metrics",
    "data_table",
    "drill_down_table",
    "outcome_groups",
]


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


_STATUSES = tuple(normalise_name(q) for q in QUARTER_COLUMNS)
"""The status columns' compared names, which rows look up directly."""


def _status_row(row: Row, text_column: str, quarter: Quarter) -> StatusRow:
    """A status row as the deck for ``quarter`` shows it: later quarters' statuses left out.

    ``text_column`` is the compared name of the row's text column (``"key result"``).
    """
    values = row.values  # by compared name, as Row.text and Row.value read them
    text, baseline, goal, *statuses = [
        v if isinstance(v, str) else ""
        for v in map(values.get, (text_column, "baseline", "goal", *_STATUSES))
    ]
    return StatusRow(
        text=text,
        baseline=baseline,
        goal=goal,
        statuses=[s if i < quarter else "" for i, s in enumerate(statuses)],
        level=1 if values.get("level") == 1 else 0,
        better="lower" if values.get("better") == "lower" else "higher",
        judge=values.get("judge") is not False,
        cumulative=values.get("pace") == "cumulative",
    )


#: The header columns of sheet Tables each kind of table has, by the slide field they fill.
METRICS_HEADINGS = {
    "outcome_heading": "Outcome heading",
    "metric_heading": "Metric heading",
    "goal_heading": "Goal heading",
}
KEY_RESULTS_HEADINGS = {"result_heading": "Key result heading", "goal_heading": "Goal heading"}
_NOT_IN = {
    "metrics table": {
        "Key result heading": ("key-result column", "Metric heading for its metric column"),
    },
    "key results": {
        "Outcome heading": ("outcome column", ""),
        "Metric heading": ("metric column", "Key result heading for its first column"),
    },
}
"""The header columns a kind of table lacks: what it does not have, what to write instead."""


def heading_problems(row: Row, kind: str) -> list[RowError]:
    """What is wrong with a Tables row's headers for a table of ``kind``: a header for a column
    that kind of table does not have (an outcome column on a key-results grid, …)."""
    problems = []
    for column, (lacks, instead) in _NOT_IN[kind].items():
        if row.text(column):
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(column),
                    f'{column} "{short(row.text(column))}" for {kind} "{row.text("Key")}", which '
                    f"has no {lacks}; expected "
                    + (f"{instead}, or {column} blank" if instead else f"{column} blank"),
                )
            )
    return problems


_QUARTER_HEADINGS = tuple(normalise_name(f"{q} heading") for q in QUARTER_COLUMNS)


def _headings(row: Row, columns: Mapping[str, str]) -> dict[str, Any]:
    """The header fields of a table slide from its Tables row; blank cells keep the defaults."""
    out: dict[str, Any] = {}
    for f, c in columns.items():
        text = row.text(c)
        if text:
            out[f] = text
    out["quarter_headings"] = [row.text(c) for c in _QUARTER_HEADINGS]
    return out


def build_metrics_table(src: SlideSource) -> Slide:
    """A metrics table: its Tables row's text, its Metrics rows under their outcomes."""
    row = source_row(src, "metrics table", TABLES)
    groups, problems = outcome_groups(rows_of(src, "metrics table", METRICS, "Table"))
    problems += heading_problems(row, "metrics table")
    if problems:
        raise RowErrors(problems)
    return MetricsTableSlide(
        title=row.text("Title"),
        outcomes=[
            Outcome(text=text, rows=[_status_row(r, "metric", src.quarter) for r in rows])
            for text, rows in groups
        ],
        callout=row.text("Callout"),
        **_headings(row, METRICS_HEADINGS),
        **src.common(),
        origin=src.origin,
    )


def build_key_results(src: SlideSource) -> Slide:
    """A key-results grid: its Tables row's text, and its rows of sheet Key results."""
    row = source_row(src, "key results", TABLES)
    rows = rows_of(src, "key results", KEY_RESULTS, "Table")
    problems = _results_problems(rows) + heading_problems(row, "key results")
    if problems:
        raise RowErrors(problems)
    return KeyResultsSlide(
        title=row.text("Title"),
        results=[_status_row(r, "key result", src.quarter) for r in rows],
        **_headings(row, KEY_RESULTS_HEADINGS),
        **src.common(),
        origin=src.origin,
    )


def _tables_rows_of(sheets: Mapping[str, tuple[Row, ...]], rows_sheet: str) -> list[Row]:
    """The readable Tables rows whose key has rows in ``rows_sheet`` (Metrics or Key results)."""
    keys = by_key(sheets.get(rows_sheet, ()), "Table")
    return [r for r in sheets.get(TABLES.name, ()) if r.ok and key_id(r.text("Key")) in keys]


def check_metrics(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """What is wrong with each metrics table's rows in sheet Metrics."""
    tables = by_key(sheets.get(METRICS.name, ()), "Table").values()
    problems = [p for rows in tables for p in outcome_groups(rows)[1]]
    for row in _tables_rows_of(sheets, METRICS.name):
        problems += heading_problems(row, "metrics table")
    return problems


def check_key_results(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """What is wrong with each key-results grid's rows in sheet Key results."""
    tables = by_key(sheets.get(KEY_RESULTS.name, ()), "Table").values()
    problems = [p for rows in tables for p in _results_problems(rows)]
    for row in _tables_rows_of(sheets, KEY_RESULTS.name):
        problems += heading_problems(row, "key results")
    return problems


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


def check_drill_down_data(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """What is wrong with each drill-down's rows in sheet Drill-down data."""
    keys = by_key(sheets.get(DRILL_DOWN_DATA.name, ()), "Drill-down").values()
    return [p for rows in keys for p in data_table(rows)[1]]


def drill_down_table(src: SlideSource) -> dict[str, DataTable]:
    """A drill-down's ``table`` when Drill-down data has rows for its key; nothing otherwise."""
    data = by_key(src.sheets.get(DRILL_DOWN_DATA.name, ()), "Drill-down")
    rows = data.get(key_id(src.slide.text("Key")))
    if not rows:
        return {}
    if not all(r.ok for r in rows):
        raise Reported
    table, problems = data_table(rows)
    if problems:
        raise problems[0]
    return {"table": table}
