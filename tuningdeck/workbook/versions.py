"""Which rows of a sheet hold in a quarter: one workbook for the whole fiscal year.

Every row holds for a **span** of quarters. On a keyed narrative sheet the span is its Quarter
cell (``Q2``, ``all``, ``Q2-Q4``, ``from Q2``); on every other sheet it is From (blank: Q1) to
Until (blank: Q4). Rows also have an **identity**: the key of a narrative row, the text of a
metric or key result within its table (a sub-row's within its parent's), a drill-down value's
group, row and column, a chart value's period and series, an acronym's term, a slide's kind and
key. In a quarter, of the rows of one identity that have started by then, the one that started
latest is shown, unless its Until has passed: a row From Q2 replaces the same row from Q2 on,
and the earlier quarters still show the earlier row. On a keyed sheet, of the rows of one key
whose span covers the quarter, the one that starts latest is shown: a row for Q2 overrides the
row for ``all`` in Q2 only. A row that rewords another names the old wording in its Replaces
cell. A new version of a row is shown where the row it replaces was, so it may be added at the
bottom of the sheet; other rows (and on the Slides sheet, every row) are shown in sheet order.

So a change from a quarter on is one row (or, to stop showing a row, one Until cell), and the
deck of an earlier quarter is the same whatever was added for later quarters. Nothing here knows
of Excel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from tuningdeck.model import Quarter
from tuningdeck.workbook.rows import Row, RowError, key_id, short
from tuningdeck.workbook.schema import Versioning, normalise_name

__all__ = ["Span", "Versioned", "resolve"]

QUARTERS: tuple[Quarter, ...] = tuple(Quarter)


@frozen(order=True)
class Span:
    """The quarters a row holds for: ``first`` to ``last``, both included. Immutable."""

    first: Quarter = Quarter.Q1
    last: Quarter = Quarter.Q4

    def __contains__(self, quarter: object) -> bool:
        return isinstance(quarter, Quarter) and self.first <= quarter <= self.last

    def __str__(self) -> str:
        if self.first == self.last:
            return str(self.first)
        if (self.first, self.last) == (Quarter.Q1, Quarter.Q4):
            return "all"
        return f"{self.first}-{self.last}"


@frozen
class Versioned:
    """A sheet's rows with the span and identity of each; :meth:`at` gives a quarter's rows."""

    rows: tuple[Row, ...]
    spans: Mapping[int, Span]
    identities: Mapping[int, tuple[str, ...]]
    """By the row's number in the sheet."""
    keyed: bool = False
    places: Mapping[int, int] | None = None
    """Where each row is shown, by its number: the number of the first row of its identity
    (so a new version takes the place of the row it replaces); None for sheet order."""
    constant: bool = False
    """Every row holds all year and is shown where it is written: every quarter shows
    :attr:`rows` (the same tuple)."""

    def at(self, quarter: Quarter) -> tuple[Row, ...]:
        """The rows shown in ``quarter``, in sheet order.

        On a keyed sheet, of the rows of one key whose span covers the quarter, the one that
        starts latest. On the others, of the rows of one identity that have started by the
        quarter, the latest (the current version), unless its Until has passed: a version
        replaced once is never shown again, even when its replacement ends.
        """
        if self.constant:
            return self.rows
        rows = (
            self.rows
            if self.keyed
            else tuple(r for r in self.rows if self.spans[r.number].first <= quarter)
        )
        if self.keyed:
            rows = tuple(r for r in rows if quarter in self.spans[r.number])
        latest: dict[tuple[str, ...], Quarter] = {}
        for r in rows:
            ident = self.identities[r.number]
            first = self.spans[r.number].first
            if latest.get(ident, Quarter.Q1) <= first:
                latest[ident] = first
        shown = [
            r
            for r in rows
            if latest[self.identities[r.number]] == self.spans[r.number].first
            and quarter in self.spans[r.number]
        ]
        if self.places is not None:
            places = self.places
            shown.sort(key=lambda r: (places[r.number], r.number))
        return tuple(shown)

    def span(self, row: Row) -> Span:
        """The quarters ``row`` holds for."""
        return self.spans[row.number]


_SPANS = {(a, b): Span(a, b) for a in QUARTERS for b in QUARTERS if a <= b}
"""Every span, made once: rows share them."""
_ALL_YEAR = _SPANS[Quarter.Q1, Quarter.Q4]


def _span(row: Row, versioning: Versioning) -> tuple[Span, RowError | None]:
    values = row.values
    if versioning.keyed:
        value = values.get("quarter")
        if not isinstance(value, Span):
            return _ALL_YEAR, None
        return (_ALL_YEAR if value == _ALL_YEAR else value), None
    first, last = values.get("from"), values.get("until")
    first = first if isinstance(first, Quarter) else Quarter.Q1
    last = last if isinstance(last, Quarter) else Quarter.Q4
    if last < first:
        error = RowError(
            row.sheet,
            row.cell("Until"),
            f"Until {last} is before From {first}; expected a quarter from {first} to Q4 "
            "(or blank for the rest of the year)",
        )
        return _SPANS[first, first], error
    return _SPANS[first, last], None


def _name(row: Row, columns: Sequence[str]) -> tuple[str, ...]:
    """The key ids of ``columns`` (compared names) of ``row``."""
    if len(columns) == 1:
        return (key_id(_text(row, columns[0])),)
    return tuple(key_id(_text(row, c)) for c in columns)


def _text(row: Row, column: str) -> str:
    """The value of ``column`` (a compared name) as text."""
    value = row.values.get(column)
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def resolve(rows: Sequence[Row], versioning: Versioning) -> tuple[Versioned, list[RowError]]:
    """The spans and identities of a sheet's ``rows``, and what is wrong with them.

    A Replaces cell must name a row of the same group (and, for a sub-row, the same parent) that
    starts in an earlier quarter, by its wording or by what it replaced in turn. On a keyed
    sheet, two rows of one key that start in the same quarter and overlap are an error.
    """
    # columns by their compared names, which rows look up directly
    names = tuple(normalise_name(c) for c in versioning.names)
    group_column = normalise_name(versioning.group) if versioning.group else ""
    continued = normalise_name(versioning.continued) if versioning.continued else ""
    problems: list[RowError] = []
    spans: dict[int, Span] = {}
    for row in rows:
        values = row.values
        if not versioning.keyed and values.get("from") is None and values.get("until") is None:
            spans[row.number] = _ALL_YEAR  # the usual row, From and Until blank
            continue
        spans[row.number], error = _span(row, versioning)
        if error is not None:
            problems.append(error)

    # a row's scope: its group, and for a sub-row the row of its own above it (in sheet order)
    scopes: dict[int, tuple[str, ...]] = {}
    parents: dict[int, Row] = {}
    above: dict[str, Row] = {}
    carried: dict[str, str] = {}
    for row in rows:
        group = key_id(_text(row, group_column)) if group_column else ""
        scopes[row.number] = (group,)
        if continued:
            value = key_id(_text(row, continued)) or carried.get(group, "")
            carried[group] = value
            scopes[row.number] += (value,)
        if versioning.nested:
            if row.values.get("level") == 1 and group in above:
                parents[row.number] = above[group]
            else:
                above[group] = row

    identities: dict[int, tuple[str, ...]] = {}
    # rows by the quarter they start in, so that a Replaces finds the rows it rewords; rows of
    # their own before their sub-rows, whose scope is their parent's identity
    by_start = [
        (r.number in parents, spans[r.number].first, r.number, i) for i, r in enumerate(rows)
    ]
    by_start.sort()
    order = [rows[i] for _, _, _, i in by_start]
    known: dict[tuple[tuple[str, ...], str], tuple[tuple[str, ...], Quarter]] = {}
    for row in order:
        number = row.number
        scope = scopes[number]
        parent = parents.get(number)
        if parent is not None:
            scope = scope + identities[parent.number]
        own = _name(row, names)
        first = spans[number].first
        replaces = _text(row, "replaces").strip() if versioning.replaces else ""
        ident = scope + own
        earlier = known.get((scope, own[0])) if own else None
        if earlier is not None and earlier[1] < first:
            ident = earlier[0]  # a new version of a row by its current wording
        replaced = key_id(replaces) if replaces else ""
        if replaces:
            found = known.get((scope, replaced))
            if first == Quarter.Q1:
                problems.append(
                    RowError(
                        row.sheet,
                        row.cell("Replaces"),
                        f'Replaces "{short(replaces)}" on a row that starts in Q1; expected a '
                        "From quarter after Q1 (the quarter the new wording starts)",
                    )
                )
            elif found is None or found[1] >= first:
                problems.append(
                    RowError(
                        row.sheet,
                        row.cell("Replaces"),
                        f'Replaces "{short(replaces)}" but no row before {first} has that '
                        f"{versioning.replaces}; expected the {versioning.replaces} of the "
                        "row it rewords, as written",
                    )
                )
            else:
                ident = found[0]
        identities[number] = ident
        for name in (own[0] if own else "", replaced):
            if name:
                known.setdefault((scope, name), (ident, first))

    if versioning.unique:
        problems += _overlaps(rows, spans, identities, versioning)
    places = None
    if versioning.in_place:
        first_of: dict[tuple[str, ...], int] = {}
        for row in rows:
            first_of.setdefault(identities[row.number], row.number)
        places = {row.number: first_of[identities[row.number]] for row in rows}
    # the usual sheet, whose rows all hold all year, each of an identity of its own
    constant = all(s is _ALL_YEAR for s in spans.values()) and (
        places is None or all(n == p for n, p in places.items())
    )
    versioned = Versioned(tuple(rows), spans, identities, versioning.keyed, places, constant)
    return versioned, problems


def _overlaps(
    rows: Sequence[Row],
    spans: Mapping[int, Span],
    identities: Mapping[int, tuple[str, ...]],
    versioning: Versioning,
) -> list[RowError]:
    """Two rows of one identity that start in the same quarter: which one holds is not said."""
    column = versioning.names[0]
    per = "key and quarter" if versioning.keyed else f"{column.lower()} and From quarter"
    first_at: dict[tuple[tuple[str, ...], Quarter], Row] = {}
    problems = []
    for row in rows:
        if not row.ok:
            continue
        at = (identities[row.number], spans[row.number].first)
        first = first_at.setdefault(at, row)
        if first is not row:
            where = "Quarter" if versioning.keyed else column
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(where),
                    f'a second row for {column} "{short(row.text(column))}" starting in {at[1]} '
                    f"(first at row {first.number}); expected one row per {per}",
                )
            )
    return problems
