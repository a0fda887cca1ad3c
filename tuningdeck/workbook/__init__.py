"""The tracker workbook: read one into a deck, or write a blank one to fill in.

The format is described in ``docs/workbook.md`` and declared in
:mod:`tuningdeck.workbook.schema` and the slide kinds' declarations (:mod:`tuningdeck.catalogue`).
This package is the only one that imports openpyxl, and only when a blank workbook is written:
a workbook is read from its XML with lxml (:mod:`tuningdeck.workbook.ooxml`), and the
declarations and builders are plain Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tuningdeck.workbook.blank import write_blank_workbook
    from tuningdeck.workbook.reader import quarters_with_text, read_workbook

__all__ = ["quarters_with_text", "read_workbook", "write_blank_workbook"]


def __getattr__(name: str) -> Any:
    """Load the reader or the writer (and openpyxl) when first asked for."""
    if name in ("read_workbook", "quarters_with_text"):
        from tuningdeck.workbook import reader

        return getattr(reader, name)
    if name == "write_blank_workbook":
        from tuningdeck.workbook.blank import write_blank_workbook

        return write_blank_workbook
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
