"""The hot path: paragraphs and table cells as compiled fragments, for a slide's bytes.

A table slide has some 1,500 elements; copying prototypes into a tree and serialising it costs
twice what laying the table out does (see benchmarks/README.md). Here each distinct format is
built once as elements by the builders of :mod:`tuningdeck.oxml.text` and
:mod:`tuningdeck.oxml.table`, serialised once by lxml (:func:`tuningdeck.oxml.core.compile_parts`)
and kept as the bytes around its variable parts; a use joins those bytes with the escaped text.
The markup is therefore exactly the builders' (a test holds the two to the same bytes), and a
slide's tree, holding everything else, is serialised with these fragments in its slots
(:func:`tuningdeck.oxml.core.fill_slots`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from lxml import etree

from tuningdeck.oxml import table, text
from tuningdeck.oxml.core import MAX_PROTOTYPES, SLOT, compile_parts, escape_text
from tuningdeck.oxml.ns import qn
from tuningdeck.oxml.table import CellFormat
from tuningdeck.oxml.text import ParaFormat, RunFormat

__all__ = ["EMPTY_PARAGRAPH", "Compiled", "cell", "covered_cell", "paragraph", "row", "table_parts"]

_K = TypeVar("_K", bound=Hashable)
EMPTY_PARAGRAPH = compile_parts(text.empty_paragraph())[0]


class Compiled(Generic[_K]):
    """The compiled parts of the fragment ``make(key)`` builds, once per key."""

    def __init__(self, make: Callable[[_K], etree._Element]) -> None:
        self._parts: dict[_K, tuple[bytes, ...]] = {}
        self._make = make

    def __call__(self, key: _K) -> tuple[bytes, ...]:
        """The bytes between the fragment's slots."""
        parts = self._parts.get(key)
        if parts is None:
            if len(self._parts) >= MAX_PROTOTYPES:  # a long-lived process starts afresh
                self._parts.clear()
            parts = self._parts[key] = compile_parts(self._make(key))
        return parts


def _run(key: tuple[RunFormat, bool]) -> etree._Element:
    f, linked = key
    return text.run(f, SLOT, SLOT if linked else None)


def _paragraph(f: ParaFormat) -> etree._Element:
    p = text.paragraph(f)
    p[0].tail = SLOT  # the runs go after the properties
    return p


def _cell(f: CellFormat) -> etree._Element:
    tc = table.cell(f, ())
    tc[0][-1].tail = SLOT  # the paragraphs go after the text body's list styles
    return tc


_runs: Compiled[tuple[RunFormat, bool]] = Compiled(_run)
_paragraphs: Compiled[ParaFormat] = Compiled(_paragraph)
_cells: Compiled[CellFormat] = Compiled(_cell)
_covered: Compiled[tuple[str, int]] = Compiled(lambda key: table.covered_cell(*key))
_rows: Compiled[None] = Compiled(lambda _: _row())


def _row() -> etree._Element:
    tr = etree.Element(qn("a:tr"), h=SLOT)
    tr.text = SLOT
    return tr


def paragraph(
    out: list[bytes], f: ParaFormat, runs: Iterable[tuple[RunFormat, str, str | None]]
) -> None:
    """Append a paragraph formatted ``f`` of ``runs`` (format, text, hyperlink id or None)."""
    head, tail = _paragraphs(f)
    out.append(head)
    for rf, content, link in runs:
        if link is None:
            before, after = _runs((rf, False))
            out += (before, escape_text(content), after)
        else:
            before, between, after = _runs((rf, True))
            out += (before, escape_text(link), between, escape_text(content), after)
    out.append(tail)


def cell(out: list[bytes], f: CellFormat) -> bytes:
    """Append the start of a cell formatted ``f``; its paragraphs follow, then the bytes
    returned."""
    head, tail = _cells(f)
    out.append(head)
    return tail


def covered_cell(out: list[bytes], rule: str, width: int) -> None:
    """Append a cell that the span of a cell above covers."""
    out.extend(_covered((rule, width)))


def row(out: list[bytes], height: int) -> bytes:
    """Append the start of a row of ``height`` (EMU); its cells follow, then the bytes
    returned."""
    head, mid, tail = _rows(None)
    out += (head, str(height).encode(), mid)
    return tail


def _table(key: tuple[tuple[int, ...], str]) -> etree._Element:
    tbl = table.table(*key)
    tbl[-1].tail = SLOT  # the rows go after the column grid
    return tbl


_tables: Compiled[tuple[tuple[int, ...], str]] = Compiled(_table)


def table_parts(widths: Iterable[int], style_id: str) -> tuple[bytes, bytes]:
    """The bytes before and after a table's rows: its properties and column grid."""
    head, tail = _tables((tuple(widths), style_id))
    return head, tail
