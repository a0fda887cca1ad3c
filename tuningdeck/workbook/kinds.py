"""The slide kinds a workbook's Slides sheet may name, and how each is built from rows.

:data:`KINDS` maps a kind's name (see :func:`~tuningdeck.workbook.schema.normalise_name`) to a
:class:`SlideKind`: the sheet its Key picks a row of, the sheets it reads whole, and a function
that builds the slide from a :class:`SlideSource`. A new kind is one :func:`register` call here
and, when it has a sheet of its own, one :class:`~tuningdeck.workbook.schema.SheetSpec`; the
reader's loop stays as it is. Nothing here knows of Excel.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Literal

from attrs import field, frozen

from tuningdeck.model import (
    AcronymsSlide,
    DrillDownSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    Quarter,
    QuoteSlide,
    SectionSlide,
    Slide,
    TitleSlide,
)
from tuningdeck.workbook.schema import (
    ACRONYMS,
    DRILL_DOWNS,
    OBJECTIVES,
    OKR_CHANGES,
    QUOTES,
    UPDATES,
    SheetSpec,
    normalise_name,
)

__all__ = [
    "ALL",
    "KINDS",
    "KeyUse",
    "Row",
    "RowError",
    "SlideKind",
    "SlideSource",
    "register",
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
        """The read value of ``column``: text, a :class:`Quarter`, ``"all"``, a set of quarters."""
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


class RowError(ValueError):
    """A builder's complaint about a cell: raised by a builder, reported as a problem."""

    def __init__(self, sheet: str, cell: str | None, message: str) -> None:
        self.sheet = sheet
        self.cell = cell
        self.message = message
        super().__init__(f"{sheet}!{cell}: {message}" if cell else f"{sheet}: {message}")


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
    """The readable rows of every sheet the workbook has, by the sheet's declared name."""

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


KINDS: dict[str, SlideKind] = {}
"""Every slide kind, by compared name (``"drill down"``)."""


def register(kind: SlideKind) -> SlideKind:
    """Add ``kind`` to :data:`KINDS` (replacing one of the same name) and return it."""
    KINDS[normalise_name(kind.name)] = kind
    return kind


_COMMON_FIELDS = {"department": "Department", "footnote": "Footnote", "notes": "Notes"}


def _row_kind(name: str, cls: type[Slide], sheet: SheetSpec, /, **fields: str) -> SlideKind:
    """A kind whose slide takes its fields from one row: ``field="Column"``.

    Blank cells are left out, so the slide's own defaults (headings, …) apply.
    """

    def build(src: SlideSource) -> Slide:
        row = src.row
        if row is None:
            raise ValueError(f"a {name} slide is built from a row of sheet {sheet.name}")
        values = {f: row.text(c) for f, c in fields.items()}
        return cls(**{f: v for f, v in values.items() if v}, **src.common())

    return SlideKind(name, build, key=KeyUse.ROW, sheet=sheet, fields={**fields, **_COMMON_FIELDS})


def _title(src: SlideSource) -> Slide:
    return TitleSlide(title=src.title, subtitle=src.settings.get("subtitle", ""), **src.common())


def _section(src: SlideSource) -> Slide:
    return SectionSlide(title=src.slide.text("Key"), **src.common())


def _acronyms(src: SlideSource) -> Slide:
    rows = src.sheets.get(ACRONYMS.name, ())
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
    _row_kind(
        "drill-down",
        DrillDownSlide,
        DRILL_DOWNS,
        title="Title",
        situation="Situation",
        impact="Impact",
        recommendation="Recommendation",
        recommendation_heading="Recommendation heading",
    )
)
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
