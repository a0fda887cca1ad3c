"""A small data table, such as the one a drill-down may carry under its three columns."""

from __future__ import annotations

from attrs import field, frozen

from tuningdeck.model.fields import to_text

__all__ = ["DataGroup", "DataTable"]


def _cells(value: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(to_text(c) for c in row) for row in value)  # type: ignore[attr-defined]


@frozen(kw_only=True)
class DataGroup:
    """Rows of a data table under one heading (e.g. an MTP outcome). Immutable."""

    heading: str = field(default="", converter=to_text)
    rows: tuple[tuple[str, ...], ...] = field(factory=tuple, converter=_cells)


@frozen(kw_only=True)
class DataTable:
    """A small table: a label column, then value columns (``FY19/20``, ``FY20/21``). Immutable."""

    columns: tuple[str, ...] = field(converter=lambda v: tuple(to_text(c) for c in v))
    groups: tuple[DataGroup, ...] = field(converter=tuple)

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
