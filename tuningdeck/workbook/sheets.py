"""The workbook's sheets: Deck and Slides, then the sheets of each declared kind.

:data:`SHEETS` is the catalogue's sheets in catalogue order, each once; the Slides sheet's help
names the catalogue's kinds. The reader loads these sheets and the blank workbook writes them.
"""

from __future__ import annotations

from tuningdeck.catalogue import CATALOGUE
from tuningdeck.workbook.schema import (
    DECK,
    CellKind,
    ColumnSpec,
    SheetSpec,
    Versioning,
    change_columns,
    normalise_name,
)

__all__ = ["SHEETS", "SLIDES", "sheet_spec"]


def _listed(names: list[str]) -> str:
    """``a, b or c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _and(names: list[str]) -> str:
    """``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _key_help() -> str:
    parts = ["the Key of a row in the kind's sheet"]
    parts += [f"for {k.name}, {k.source.key_text}" for k in CATALOGUE if k.source.key_text]
    blank = [k.name for k in CATALOGUE if k.source.sheet is None and not k.source.key_text]
    if blank:
        parts.append(f"blank for {_and(blank)}")
    return "; ".join(parts)


_SHEETLESS = [k.name for k in CATALOGUE if k.source.sheet is None]

SLIDES = SheetSpec(
    "Slides",
    (
        ColumnSpec(
            "Kind",
            CellKind.KIND,
            required=True,
            width=18,
            help=f"a slide kind: {_listed([k.name for k in CATALOGUE])}",
        ),
        ColumnSpec("Key", CellKind.TEXT, width=28, help=_key_help()),
        ColumnSpec(
            "Quarters",
            CellKind.QUARTERS,
            width=12,
            help="blank for every quarter, a list such as Q1, Q2 or a range such as Q2-Q4",
        ),
        ColumnSpec("Notes", help=f"speaker notes for {_and(_SHEETLESS)} slides", width=40),
        *change_columns(),
        ColumnSpec(
            "As of",
            CellKind.ONE_QUARTER,
            width=8,
            help="show the slide as it stood in an earlier quarter (a snapshot), e.g. Q1; "
            "blank for the deck's quarter",
        ),
    ),
    required=True,
    help="The slide order, top to bottom.",
    versioning=Versioning(("Kind", "Key"), in_place=False),
)


def _sheets() -> tuple[SheetSpec, ...]:
    found: dict[str, SheetSpec] = {}
    for kind in CATALOGUE:
        for spec in kind.source.sheets:
            found.setdefault(spec.key, spec)
    return (DECK, SLIDES, *found.values())


SHEETS: tuple[SheetSpec, ...] = _sheets()
"""Every sheet the reader knows, in the order the blank workbook has them."""


def sheet_spec(name: str) -> SheetSpec:
    """The sheet called ``name`` (compared as :func:`normalise_name` does)."""
    wanted = normalise_name(name)
    for s in SHEETS:
        if s.key == wanted:
            return s
    raise KeyError(f"no sheet called {name!r}")
