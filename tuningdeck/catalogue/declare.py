"""What declaring a slide kind takes: its model class, its planner, the layouts it draws on and
how a workbook makes one.

A declaration names the planner and the workbook's builders by where they live (a :class:`Ref`)
rather than importing them, so reading the catalogue loads neither the renderers (pptx) nor the
workbook reader (openpyxl). Declarations are checked when they are made: a field the model lacks
or a column its sheet lacks is an error on import, not a surprise when a deck is built.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen

from tuningdeck.model.slides import Slide
from tuningdeck.vocab import Layout, Placeholder
from tuningdeck.workbook.schema import SheetSpec

__all__ = ["EVERY_LAYOUT", "KindSpec", "Ref", "Source"]

EVERY_LAYOUT = frozenset({Placeholder.DEPARTMENT, Placeholder.FOOTNOTE, Placeholder.WORDMARK})
"""The placeholders every kind may fill, whatever its layout: the department tag, the footnote,
the organisation's wordmark."""


@functools.cache
def _load(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    found = getattr(importlib.import_module(module), name)
    if not callable(found):
        raise TypeError(f"{path} is not a function")
    return found


@frozen
class Ref:
    """A function named by where it lives, ``"tuningdeck.render.kinds.quote:plan"``.

    :meth:`load` imports its module the first time it is asked for.
    """

    path: str = field()

    @path.validator
    def _check(self, attribute: object, value: str) -> None:
        module, colon, name = value.partition(":")
        if not (module and colon and name.isidentifier()):
            raise ValueError(f"expected a function as 'package.module:name', got {value!r}")

    def load(self) -> Callable[..., Any]:
        """The function, its module imported on first use."""
        return _load(self.path)


def _fields(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _sheets(value: Iterable[SheetSpec]) -> tuple[SheetSpec, ...]:
    return tuple(value)


@frozen(kw_only=True, eq=False)
class Source:
    """How a workbook makes slides of a kind. Immutable.

    A kind with a ``sheet`` is picked by the Slides sheet's Key: the sheet's row for that key and
    the deck's quarter (or ``all``). Its slide is made from that row's cells, each ``fields``
    entry naming the model field a column fills (``title="Title"``) and read as the column
    declares (a picture's path is checked); ``extra`` adds fields computed from other sheets.
    A ``build`` function replaces all of that for slides that are more than one row's cells.
    """

    sheet: SheetSpec | None = None
    """The narrative sheet (Key and Quarter columns) whose row the Slides sheet's Key picks."""
    fields: Mapping[str, str] = field(factory=dict, converter=_fields)
    """Model field → column of ``sheet``; also where a refused field's problem is reported."""
    build: Ref | None = None
    """``(SlideSource) -> Slide``, for a slide not made from its row's ``fields`` alone."""
    extra: Ref | None = None
    """``(SlideSource) -> dict`` of model fields added to those read from the row."""
    check: Ref | None = None
    """``(sheets) -> problems``: checks across rows, run on every reading whatever the quarter."""
    needs: tuple[SheetSpec, ...] = field(default=(), converter=_sheets)
    """Sheets read whole by the builder (or ``extra``); a workbook showing the kind needs them."""
    reads: tuple[SheetSpec, ...] = field(default=(), converter=_sheets)
    """Sheets read whole when the workbook has them (a drill-down's optional data table)."""
    key_text: str = ""
    """For a kind without a sheet whose Key is text shown on the slide: what that text is."""

    @property
    def sheets(self) -> tuple[SheetSpec, ...]:
        """Every sheet the kind reads: its own, then those it needs, then those it may read."""
        own = (self.sheet,) if self.sheet is not None else ()
        return (*own, *self.needs, *self.reads)


def _layouts(
    value: Mapping[Layout, Iterable[Placeholder]],
) -> Mapping[Layout, frozenset[Placeholder]]:
    return MappingProxyType({k: frozenset(v) | EVERY_LAYOUT for k, v in value.items()})


@frozen(kw_only=True, eq=False)
class KindSpec:
    """One slide kind, declared once. Immutable.

    ``model`` is the slide's class (its ``kind`` is the name the Slides sheet uses), ``planner``
    the function laying a slide out (``(spec, PlanContext) -> list[SlidePlan]``), ``layouts`` the
    layouts it may use with the placeholders it fills on each (the department tag and footnote
    are added to every one), and ``source`` how a workbook makes one.
    """

    model: type[Slide]
    planner: Ref
    layouts: Mapping[Layout, frozenset[Placeholder]] = field(converter=_layouts)
    source: Source = field(factory=Source)

    def __attrs_post_init__(self) -> None:
        src = self.source
        known = attrs.fields_dict(self.model)
        for name, column in src.fields.items():
            if name not in known:
                raise ValueError(f"{self.name}: {self.model.__name__} has no field {name!r}")
            if src.sheet is None:
                raise ValueError(f"{self.name}: fields are read from a sheet, but it has none")
            src.sheet.column(column)  # a KeyError for a column the sheet lacks
        if src.build is None and (src.sheet is None or not src.fields):
            raise ValueError(f"{self.name}: a kind needs a sheet and fields, or a build function")
        if src.sheet is not None and not src.sheet.keyed:
            raise ValueError(f"{self.name}: sheet {src.sheet.name} has no Key and Quarter columns")

    @property
    def name(self) -> str:
        """The kind's name, as the Slides sheet spells it: ``"drill-down"``."""
        return self.model.kind
