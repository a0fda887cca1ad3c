"""The slide kinds a workbook's Slides sheet may name, registered in the catalogue's order.

A new kind is a :class:`~tuningdeck.workbook.rows.SlideKind` (and, when it has a sheet of its
own, a :class:`~tuningdeck.workbook.schema.SheetSpec`) passed to :func:`register`; the reader's
loop stays as it is.
"""

from __future__ import annotations

from tuningdeck.workbook import narrative, tables, visuals
from tuningdeck.workbook.rows import KINDS, KeyUse, SlideKind, SlideSource, register

__all__ = ["KINDS", "KeyUse", "SlideKind", "SlideSource", "register"]

for _kind in (
    narrative.TITLE,
    narrative.SECTION,
    narrative.PRIORITY_UPDATE,
    tables.METRICS_TABLE,
    narrative.OBJECTIVE,
    tables.KEY_RESULTS_KIND,
    tables.DRILL_DOWN,
    narrative.OKR_CHANGE,
    narrative.QUOTE,
    narrative.ACRONYMS_KIND,
    visuals.CHART,
    visuals.IMAGE,
    visuals.HIGHLIGHTS_KIND,
):
    register(_kind)
