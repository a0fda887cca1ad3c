"""The slide kinds a workbook's Slides sheet may name: the catalogue's declarations as the reader
uses them.

Each :class:`~tuningdeck.catalogue.KindSpec` becomes a :class:`SlideKind`: its builder is the
declared one, or one that makes the model from the row's cells as the declaration's ``fields``
name them. The reader's loop stays as it is whatever the kinds.
"""

from __future__ import annotations

from collections.abc import Callable

from tuningdeck.catalogue import CATALOGUE, KindSpec
from tuningdeck.model import Slide
from tuningdeck.workbook.rows import (
    COMMON_FIELDS,
    KeyUse,
    Row,
    RowError,
    RowErrors,
    SlideKind,
    SlideSource,
    source_row,
)
from tuningdeck.workbook.schema import CellKind, ColumnSpec, normalise_name
from tuningdeck.workbook.visuals import picture_path

__all__ = ["KINDS", "KeyUse", "SlideKind", "SlideSource", "slide_kind"]


def slide_kind(spec: KindSpec) -> SlideKind:
    """The workbook's view of a declared kind: how its Key is read, its sheets and builder."""
    src = spec.source
    if src.sheet is not None:
        key = KeyUse.ROW
    elif src.key_text:
        key = KeyUse.TEXT
    else:
        key = KeyUse.NONE
    build = src.build.load() if src.build is not None else _from_row(spec)
    return SlideKind(
        spec.name,
        build,
        key=key,
        key_help=src.key_text,
        sheet=src.sheet,
        needs=src.needs,
        fields={**src.fields, **COMMON_FIELDS} if src.sheet is not None else {},
        check=src.check.load() if src.check is not None else None,
    )


def _from_row(spec: KindSpec) -> Callable[[SlideSource], Slide]:
    """A builder making ``spec.model`` from the row's cells, each field from its column: text,
    or for a picture column the file's path, made absolute and checked to be a picture.

    Blank cells are left out, so the model's own defaults (headings, …) apply. Every picture that
    cannot be read is reported at its cell.
    """
    src = spec.source
    sheet = src.sheet
    assert sheet is not None  # a declaration without a build function has a sheet
    columns = {name: sheet.column(column) for name, column in src.fields.items()}
    extra = src.extra.load() if src.extra is not None else None
    model: Callable[..., Slide] = spec.model  # its fields are those the declaration names

    def build(source: SlideSource) -> Slide:
        row = source_row(source, spec.name, sheet)
        values: dict[str, object] = {}
        problems: list[RowError] = []
        for name, column in columns.items():
            try:
                value = _value(row, column, source)
            except RowError as exc:
                problems.append(exc)
                continue
            if value:
                values[name] = value
        if problems:
            raise RowErrors(problems)
        if extra is not None:
            values.update(extra(source))
        return model(**values, **source.common(), origin=source.origin)

    return build


def _value(row: Row, column: ColumnSpec, source: SlideSource) -> object:
    """A cell's value for the model: its text, or a picture column's checked path."""
    text = row.text(column.name)
    if column.kind is not CellKind.PICTURE or not text:
        return text
    return picture_path(row, column.name, source)


KINDS: dict[str, SlideKind] = {normalise_name(k.name): slide_kind(k) for k in CATALOGUE}
"""Every slide kind, by compared name (``"drill down"``), in catalogue order."""
