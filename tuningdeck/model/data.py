"""A small data table, such as the one a drill-down may carry under its three columns."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from tuningdeck.model.fields import to_text

__all__ = ["DataGroup", "DataTable"]


def _cells(value: Iterable[Iterable[str | None]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(to_text(c) for c in row) for row in value)


def _columns(value: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(to_text(c) for c in value)


@frozen(kw_only=True)
class DataGroup:
    """Rows of a data table under one heading (e.g. an MTP outcome). Immutable."""

    heading: str = field(default="", converter=to_text)
    rows: tuple[tuple[str, ...], ...] = field(factory=tuple, converter=_cells)


def _groups(value: Iterable[DataGroup]) -> tuple[DataGroup, ...]:
    return tuple(value)


@frozen(kw_only=True)
class DataTable:
    """A small table: a label column, then value columns (``FY19/20``, ``FY20/21``). Immutable."""

    columns: tuple[str, ...] = field(converter=_columns)
    groups: tuple[DataGroup, ...] = field(converter=_groups)

    @columns.validator
    def _check(self, attribute: object, value: tuple[str, ...]) -> None:
        if len(value) < 2:
            raise ValueError("a data table needs a label column and at least one value column")
        width = len(value)
        for g in self.groups:
            for row in g.rows:
                if len(row) != width:
                    raise ValueError(
                        f"a row has {len(row)} cells but the table has {width} columns: {row!r}"
                    )
