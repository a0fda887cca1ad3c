"""The table slide kinds: the MTP metrics table and the key-results grid.

A status row holds the whole fiscal year: one status per quarter, Q1 to Q4. Which quarters are
shown is decided when the deck is rendered: quarters after the deck's own show "-".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from attrs import field, frozen

from tuningdeck.model.fields import not_empty, to_text
from tuningdeck.model.slides import Slide

__all__ = [
    "QUARTER_HEADINGS",
    "KeyResultsSlide",
    "MetricsTableSlide",
    "Outcome",
    "StatusRow",
]

Better = Literal["higher", "lower"]


def _statuses(value: Iterable[str | None] | None) -> tuple[str, str, str, str]:
    """Four quarters' statuses; a shorter list is padded with blanks, a longer one refused."""
    items = [] if value is None else [to_text(v) for v in value]
    if len(items) > 4:
        raise ValueError(f"a fiscal year has four quarters, got {len(items)} statuses")
    items += [""] * (4 - len(items))
    return (items[0], items[1], items[2], items[3])


QUARTER_HEADINGS: tuple[str, str, str, str] = ("", "", "", "")
"""A table's own quarter column headers when it has none: all blank, the deck's words."""


def _quarter_headings(value: Iterable[str | None] | None) -> tuple[str, str, str, str]:
    """Four quarters' column headers; a blank one (or None for all) is the deck's word."""
    if value is None:
        return QUARTER_HEADINGS
    if isinstance(value, str):
        raise TypeError(f"quarter headings are four texts, Q1 to Q4, got one text {value!r}")
    items = [to_text(v) for v in value]
    if len(items) != 4:
        raise ValueError(f"quarter headings are four texts, Q1 to Q4, got {len(items)}")
    return (items[0], items[1], items[2], items[3])


def _better(value: object) -> Better:
    if value in ("higher", "lower"):
        return value
    raise ValueError(f'expected "higher" or "lower" for which direction is better, got {value!r}')


@frozen(kw_only=True)
class StatusRow:
    """One metric or key result and its status in each quarter. Immutable.

    ``level`` 1 marks a sub-row (e.g. "Established markets") under the row above. ``better``
    says which direction of the number is good, for judging the status against the goal and for
    colouring trend arrows; ``judge=False`` leaves this row's statuses uncoloured.
    ``cumulative`` marks a goal that builds up over the year (a count, milestones): each
    quarter's status is judged against that quarter's share of it.
    """

    text: str = field(converter=to_text, validator=not_empty)
    baseline: str = field(default="", converter=to_text)
    goal: str = field(default="", converter=to_text)
    statuses: tuple[str, str, str, str] = field(default=("", "", "", ""), converter=_statuses)
    level: int = field(default=0)
    better: Better = field(default="higher", converter=_better)
    judge: bool = True
    cumulative: bool = False

    @level.validator
    def _level(self, attribute: object, value: int) -> None:
        if value not in (0, 1):
            raise ValueError(f"a row's level is 0 (a metric) or 1 (a sub-row), got {value!r}")


def _rows(value: Iterable[StatusRow]) -> tuple[StatusRow, ...]:
    rows = tuple(value)
    if not rows:
        raise ValueError("a table needs at least one row")
    if rows[0].level != 0:
        raise ValueError("the first row cannot be a sub-row (level 1)")
    return rows


@frozen(kw_only=True)
class Outcome:
    """An MTP outcome and the metric rows under it (its cell spans them all). Immutable."""

    text: str = field(converter=to_text, validator=not_empty)
    rows: tuple[StatusRow, ...] = field(converter=_rows)


def _outcomes(value: Iterable[Outcome]) -> tuple[Outcome, ...]:
    outcomes = tuple(value)
    if not outcomes:
        raise ValueError("a metrics table needs at least one outcome")
    return outcomes


@frozen(kw_only=True)
class MetricsTableSlide(Slide):
    """The MTP metrics table: Outcomes · Metrics (with baseline) · Y2 Goal · Q1–Q4 Status.

    ``callout`` is an optional headline for the current quarter, e.g. ``"Q1 +7.3% YoY"``. The
    ``*_heading`` fields and ``quarter_headings`` (four texts, Q1 to Q4) are the column headers,
    e.g. ``"Year goal"`` or ``("Q1", "Q2", "Q3", "Q4")``; a blank one is the deck's word (see
    :class:`~tuningdeck.model.Words`: ``MTP Outcomes``, ``MTP Metrics``, ``Y2 Goal``,
    ``Q1 Status`` … by default).
    """

    kind: ClassVar[str] = "metrics table"

    title: str = field(converter=to_text, validator=not_empty)
    outcomes: tuple[Outcome, ...] = field(converter=_outcomes)
    callout: str = field(default="", converter=to_text)
    outcome_heading: str = field(default="", converter=to_text)
    metric_heading: str = field(default="", converter=to_text)
    goal_heading: str = field(default="", converter=to_text)
    quarter_headings: tuple[str, str, str, str] = field(
        default=QUARTER_HEADINGS, converter=_quarter_headings
    )


@frozen(kw_only=True)
class KeyResultsSlide(Slide):
    """A priority's key results: Key Results (with baseline) · Year Goal · Q1–Q4 Status.

    The column headers are ``result_heading``, ``goal_heading`` and ``quarter_headings``, as in
    :class:`MetricsTableSlide`; blank ones are the deck's words (``Key Results``, ``Year Goal``,
    ``Q1 Status`` … by default).
    """

    kind: ClassVar[str] = "key results"

    title: str = field(converter=to_text, validator=not_empty)
    results: tuple[StatusRow, ...] = field(converter=_rows)
    result_heading: str = field(default="", converter=to_text)
    goal_heading: str = field(default="", converter=to_text)
    quarter_headings: tuple[str, str, str, str] = field(
        default=QUARTER_HEADINGS, converter=_quarter_headings
    )
