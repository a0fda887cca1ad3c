"""Excel number formats and dates: which formats show a date, and what a date cell holds.

A date is stored in a .xlsx file as a number of days (a "serial") with a date format, or, more
rarely, as ISO 8601 text. These functions read them as openpyxl does, so that a workbook reads
the same whichever of the two opened it: the built-in format codes, the test for a date format,
the 1900 leap-year bug and the 1904 date system.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "BUILTIN_FORMATS",
    "EPOCH_1900",
    "EPOCH_1904",
    "from_excel",
    "from_iso8601",
    "is_date_format",
    "is_timedelta_format",
]

BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
"""The format codes of Excel's built-in number formats, by numFmtId (as openpyxl has them; the
ids a locale defines for itself read as "General")."""

FIRST_CUSTOM = 164
"""numFmtIds below this are built in."""

EPOCH_1900 = dt.datetime(1899, 12, 30)
"""Day 0 of the 1900 date system (Windows Excel's), counted so that day 61 is 1 March 1900."""
EPOCH_1904 = dt.datetime(1904, 1, 1)
"""Day 0 of the 1904 date system (``<workbookPr date1904="1">``, old Mac Excel's)."""

# quoted text and [bracketed] colours and locales say nothing about dates; [h], [mm], [ss] do
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def is_date_format(code: str | None) -> bool:
    """True when a number shown with ``code`` is a date or time (its first section has a d, m,
    h, y or s outside quotes and brackets, not escaped)."""
    if code is None:
        return False
    return _DATE_LETTER.search(_LITERALS.sub("", code.split(";")[0])) is not None


def is_timedelta_format(code: str | None) -> bool:
    """True when ``code`` shows a duration (elapsed hours, minutes or seconds: ``[h]:mm:ss``)."""
    return code is not None and _DURATION.search(code.split(";")[0]) is not None


def from_excel(
    serial: float, epoch: dt.datetime = EPOCH_1900, *, timedelta: bool = False
) -> dt.datetime | dt.time | dt.timedelta:
    """The date, time (a serial under 1) or duration that an Excel serial stands for, to the
    millisecond. Raise OverflowError or ValueError past the years 1-9999."""
    if timedelta:
        td = dt.timedelta(days=serial)
        if td.microseconds:
            td = dt.timedelta(
                seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3)
            )
        return td
    day, fraction = divmod(serial, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < serial < 60 and epoch == EPOCH_1900:
        day += 1  # Excel counts a 29 February 1900 that never was
    return epoch + dt.timedelta(days=day) + diff


_ISO = re.compile(
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})"
    r"(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?"
)
_ISO_DURATION = re.compile(
    r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?"
)


def from_iso8601(text: str) -> dt.datetime | dt.date | dt.time | dt.timedelta | None:
    """The value of a ``t="d"`` cell: an ISO 8601 date, time, date and time, or duration
    (``PT1H30M``). Raise ValueError for other text."""
    if not text:
        return None
    m = _ISO.match(text)
    if m and any(m.groups()):
        g = m.group
        micro = int(float(g("microsecond")) * 1_000_000) if g("microsecond") else 0
        hms = (int(g("hour") or 0), int(g("minute") or 0), int(g("second") or 0), micro)
        if not g("date"):
            return dt.time(*hms)
        ymd = (int(g("year")), int(g("month")), int(g("day")))
        if not g("time"):
            return dt.date(*ymd)
        return dt.datetime(*ymd, *hms)
    m = _ISO_DURATION.match(text)
    if m and any(m.groups()):
        return dt.timedelta(**{k: float(v) for k, v in m.groupdict().items() if v})
    raise ValueError(f"invalid ISO 8601 date {text!r}")
