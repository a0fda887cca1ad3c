"""The tracker workbook: read one into a deck, or write a blank one to fill in.

The format is described in ``docs/workbook.md`` and declared in
:mod:`tuningdeck.workbook.schema`. This package is the only one that imports openpyxl.
"""

from tuningdeck.workbook.blank import write_blank_workbook
from tuningdeck.workbook.reader import read_workbook

__all__ = ["read_workbook", "write_blank_workbook"]
