"""Quarters and fiscal years: the calendar a tracker workbook is kept in."""

from __future__ import annotations

import enum
import re

from attrs import frozen

__all__ = ["FiscalYear", "Quarter"]


class Quarter(enum.IntEnum):
    """A quarter of the fiscal year, ``Q1`` to ``Q4``."""

    Q1 = 1
    Q2 = 2
    Q3 = 3
    Q4 = 4

    def __str__(self) -> str:
        return self.name

    @classmethod
    def parse(cls, value: object) -> Quarter:
        """Read ``"Q2"``, ``"q2"``, ``2`` or a :class:`Quarter`; raise ``ValueError`` otherwise."""
        if isinstance(value, Quarter):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
            return cls(value)
        if isinstance(value, str):
            m = re.fullmatch(r"\s*[Qq]([1-4])\s*", value)
            if m:
                return cls(int(m.group(1)))
        raise ValueError(f"expected a quarter Q1, Q2, Q3 or Q4, got {value!r}")


_FY = re.compile(r"\s*FY\s*(\d{2}|\d{4})\s*[-/–]\s*(\d{2}|\d{4})\s*", re.IGNORECASE)


@frozen
class FiscalYear:
    """A fiscal year that starts in one calendar year and ends in the next, e.g. ``FY20-21``."""

    start: int

    @classmethod
    def parse(cls, value: object) -> FiscalYear:
        """Read ``"FY20-21"``, ``"FY2020-2021"`` or ``"FY20/21"``; else raise ``ValueError``."""
        if isinstance(value, FiscalYear):
            return value
        m = _FY.fullmatch(value) if isinstance(value, str) else None
        if not m:
            raise ValueError(f"expected a fiscal year such as FY20-21, got {value!r}")
        first, second = (int(g) % 100 for g in m.groups())
        if (first + 1) % 100 != second:
            raise ValueError(f"a fiscal year spans two consecutive years, got {value!r}")
        return cls(2000 + first)

    @property
    def label(self) -> str:
        """The short form used on slides: ``FY20-21``."""
        return f"FY{self.start % 100:02d}-{(self.start + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label
