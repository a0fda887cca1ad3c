"""The words a deck writes that are not its content: the organisation's name and the labels.

Every slide's footer carries the organisation's name; the priority update, the objective, the
drill-down, the OKR change and the tables carry headings; a slide continued on another gets
a suffix on its title. :class:`Words` holds them all, the Foundation's English wording by
default, so that a deck in another organisation's name or another language needs no code: set
them on the :class:`~tuningdeck.model.Deck` (``Deck(slides, words=Words(organisation=…))``) or
in the workbook's Deck sheet, one setting a word (:data:`WORD_SETTINGS`).

A slide's own heading field (``PriorityUpdateSlide.overview_heading``, a table's
``goal_heading``, …) overrides the deck's word for that slide; left blank, the deck's is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen

from tuningdeck.model.fields import to_text

__all__ = ["WORD_SETTINGS", "WordSetting", "Words"]


@frozen
class WordSetting:
    """How one word of :class:`Words` is set in the workbook: the Deck sheet's setting name,
    the field it fills, its default and what it is."""

    name: str
    """The setting's name in the Deck sheet, e.g. ``Overview heading``."""
    field: str
    """The :class:`Words` field it sets, e.g. ``overview_heading``."""
    default: str
    help: str
    """What the word is, e.g. ``the priority update's heading above the overview``."""


def _one_line(value: str | None) -> str:
    text = to_text(value)
    if "\n" in text:
        first = text.split("\n")[0][:40]
        raise ValueError(f'"{first}…" has a line break; expected a word on one line')
    return text


def _word(setting: str, default: str, help: str, converter: Any = _one_line) -> Any:
    """A field of :class:`Words`: its default and, as metadata, its setting's name and help."""
    return field(default=default, converter=converter, metadata={"setting": setting, "help": help})


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


def _four(value: str | None) -> str:
    """Four quarter names on one line, separated by commas."""
    text = _one_line(value)
    names = _names(text)
    if len(names) != 4 or not all(names):
        raise ValueError(
            f'"{text[:60]}" names {len(names)} quarter{"s" if len(names) != 1 else ""}; '
            "expected four names, Q1 to Q4, separated by commas"
        )
    return text


def _twelve(value: str | None) -> str:
    """Twelve month names on one line, separated by commas."""
    text = _one_line(value)
    names = _names(text)
    if len(names) != 12 or not all(names):
        raise ValueError(
            f'"{text[:60]}" names {len(names)} month{"s" if len(names) != 1 else ""}; expected '
            "twelve names, January to December, separated by commas"
        )
    return text


MONTHS = "January, February, March, April, May, June, July, August, September, October, " + (
    "November, December"
)


@frozen(kw_only=True)
class Words:
    """The organisation's name and every fixed label a deck shows. Immutable.

    The defaults are the Foundation's wording. Each word is one line of inline markup (``**``
    for bold and the like); an empty word leaves its label out (an empty organisation, the
    footer's name).
    """

    organisation: str = _word(
        "Organisation",
        "Wikimedia Foundation",
        "the organisation's name, in capitals in every slide's footer",
    )
    continued: str = _word(
        "Continued suffix",
        "(cont.)",
        "added to the title of a slide continued on the next (a long text or table)",
    )
    department: str = _word(
        "Department label", "Department:", "written before a slide's department tag"
    )
    overview_heading: str = _word(
        "Overview heading", "Overview:", "the priority update's heading above the overview"
    )
    progress_heading: str = _word(
        "Progress heading",
        "Progress/Challenges:",
        "the priority update's heading above the progress narrative",
    )
    deliverables_heading: str = _word(
        "Deliverables heading",
        "Key Deliverables",
        "the priority update's heading above the key deliverables",
    )
    actions_heading: str = _word(
        "Actions heading", "Action:", "the priority update's heading above the actions"
    )
    objective_heading: str = _word(
        "Objective heading", "Objective:", "the objective slide's heading above the objective"
    )
    target_label: str = _word(
        "Target label",
        "Target quarter for completion:",
        "written before an objective's target quarter",
    )
    situation_heading: str = _word(
        "Situation heading", "The situation", "a drill-down's first column heading"
    )
    impact_heading: str = _word(
        "Impact heading", "The impact", "a drill-down's second column heading"
    )
    recommendation_heading: str = _word(
        "Recommendation heading", "The recommendation", "a drill-down's third column heading"
    )
    original_heading: str = _word(
        "Original heading", "Original", "an OKR change's heading above the original key results"
    )
    proposed_heading: str = _word(
        "Proposed heading", "Proposed", "an OKR change's heading above the proposed key results"
    )
    outcome_heading: str = _word(
        "Outcome heading", "MTP Outcomes", "a metrics table's first column header"
    )
    metric_heading: str = _word(
        "Metric heading", "MTP Metrics", "a metrics table's metric column header"
    )
    metrics_goal_heading: str = _word(
        "Metrics goal heading", "Y2 Goal", "a metrics table's goal column header"
    )
    result_heading: str = _word(
        "Key result heading", "Key Results", "a key-results grid's first column header"
    )
    results_goal_heading: str = _word(
        "Key results goal heading", "Year Goal", "a key-results grid's goal column header"
    )
    q1_heading: str = _word("Q1 heading", "Q1 Status", "the tables' Q1 column header")
    q2_heading: str = _word("Q2 heading", "Q2 Status", "the tables' Q2 column header")
    q3_heading: str = _word("Q3 heading", "Q3 Status", "the tables' Q3 column header")
    q4_heading: str = _word("Q4 heading", "Q4 Status", "the tables' Q4 column header")
    baseline_label: str = _word(
        "Baseline label", "Baseline:", "written before a metric's or key result's baseline"
    )
    goal_label: str = _word(
        "Goal label", "Goal", "the label of a chart's goal line, unless the chart has its own"
    )
    change_suffix: str = _word(
        "Change suffix",
        "YoY",
        "written after a year-over-year chart's computed change, as in +7.3% YoY",
    )
    acronyms_title: str = _word("Acronyms title", "Acronyms", "the acronyms slide's title")
    on_track_label: str = _word(
        "On track label", "on track", "the status legend's name for a status on track (●)"
    )
    at_risk_label: str = _word(
        "At risk label", "at risk", "the status legend's name for a status at risk (◊)"
    )
    off_track_label: str = _word(
        "Off track label", "off track", "the status legend's name for a status off track (×)"
    )
    not_measured_label: str = _word(
        "Not measured label",
        "not measured",
        "the status legend's name for a status not measured yet (○)",
    )
    quarters: str = _word(
        "Quarter names",
        "Q1, Q2, Q3, Q4",
        "the four quarters' names, separated by commas, as in the title's {quarter} and a "
        "year-over-year chart's computed callout (Q1 +7.3% YoY)",
        _four,
    )
    months: str = _word(
        "Months",
        MONTHS,
        "the twelve month names, January to December, separated by commas, as in a "
        "year-over-year chart's period (July 2024 - September 2025)",
        _twelve,
    )
    month_abbreviations: str = _word(
        "Month abbreviations",
        ", ".join(m[:3] for m in _names(MONTHS)),
        "the twelve months' short names, January to December, separated by commas, along a "
        "year-over-year chart's axis",
        _twelve,
    )

    @property
    def quarter_headings(self) -> tuple[str, str, str, str]:
        """The tables' Q1 to Q4 column headers."""
        return (self.q1_heading, self.q2_heading, self.q3_heading, self.q4_heading)

    @property
    def quarter_names(self) -> tuple[str, ...]:
        """The four quarters' names, Q1 first."""
        return _names(self.quarters)

    @property
    def month_names(self) -> tuple[str, ...]:
        """The twelve month names, January first."""
        return _names(self.months)

    @property
    def month_short_names(self) -> tuple[str, ...]:
        """The twelve months' short names, January first: ``("Jan", "Feb", …)``."""
        return _names(self.month_abbreviations)

    def continued_title(self, title: str, page: int) -> str:
        """``title`` on the first page (0), then with the continued suffix: ``Acronyms
        (cont.)``."""
        if page == 0 or not self.continued:
            return title
        return f"{title} {self.continued}"


def _settings() -> tuple[WordSetting, ...]:
    return tuple(
        WordSetting(a.metadata["setting"], a.name, str(a.default), a.metadata["help"])
        for a in attrs.fields(Words)
    )


WORD_SETTINGS: tuple[WordSetting, ...] = _settings()
"""Every word of :class:`Words` as a Deck-sheet setting, in the class's order."""


def to_words(value: Words | Mapping[str, str] | None) -> Words:
    """A :class:`Words`, or one made from a mapping of field names to words (None: defaults)."""
    if value is None:
        return Words()
    if isinstance(value, Words):
        return value
    if isinstance(value, Mapping):
        return Words(**value)
    raise TypeError(f"expected Words or a mapping of words, got {type(value).__name__}")
