"""One frozen value class per slide kind.

Every text field holds inline markup (see :mod:`tuningdeck.text.markup`). Every slide also takes
three keyword-only fields: ``department`` (the "Department: X" tag), ``notes`` (speaker notes) and
``footnote`` (the small line that explains ``*``, ``+``, ``o``, ``#`` and ``†`` marks).

Nothing here knows of PowerPoint or Excel: a script builds these directly, the workbook reader
builds them from rows, and the renderer turns them into shapes.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from attrs import field, frozen

__all__ = [
    "Acronym",
    "AcronymsSlide",
    "DrillDownSlide",
    "ObjectiveSlide",
    "OkrChangeSlide",
    "PriorityUpdateSlide",
    "QuoteSlide",
    "SectionSlide",
    "Slide",
    "TitleSlide",
]


def _text(value: object) -> str:
    """Normalise a text field: ``None`` becomes ``""``, line endings become ``\\n``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__} {value!r}")
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _lines(value: object) -> tuple[str, ...]:
    """Normalise a list field: a string is split into lines; empty items are dropped."""
    if value is None:
        return ()
    items = value.splitlines() if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return tuple(t for t in (_text(i) for i in items) if t)


def _required(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    if not value:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must not be empty")


@frozen(kw_only=True)
class Slide:
    """What every slide kind has. Not intended to be constructed directly."""

    kind: ClassVar[str] = "slide"

    department: str = field(default="", converter=_text)
    notes: str = field(default="", converter=_text)
    footnote: str = field(default="", converter=_text)


@frozen(kw_only=True)
class TitleSlide(Slide):
    """The opening slide: ``"Thriving Movement Tuning Session Q1 FY20-21"`` and a subtitle."""

    kind: ClassVar[str] = "title"

    title: str = field(converter=_text, validator=_required)
    subtitle: str = field(default="", converter=_text)


@frozen(kw_only=True)
class SectionSlide(Slide):
    """A divider: ``"MTP Priority Update"``, ``"MTP Priority OKRs"``, ``"Appendix"``."""

    kind: ClassVar[str] = "section"

    title: str = field(converter=_text, validator=_required)
    subtitle: str = field(default="", converter=_text)


@frozen(kw_only=True)
class PriorityUpdateSlide(Slide):
    """A priority's quarter at a glance: overview, progress, key deliverables and actions."""

    kind: ClassVar[str] = "priority update"

    title: str = field(converter=_text, validator=_required)
    overview: str = field(default="", converter=_text)
    progress: str = field(default="", converter=_text)
    deliverables: tuple[str, ...] = field(default=(), converter=_lines)
    actions: tuple[str, ...] = field(default=(), converter=_lines)
    overview_heading: str = field(default="Overview:", converter=_text)
    progress_heading: str = field(default="Progress/Challenges:", converter=_text)
    deliverables_heading: str = field(default="Key Deliverables", converter=_text)
    actions_heading: str = field(default="Action:", converter=_text)


@frozen(kw_only=True)
class ObjectiveSlide(Slide):
    """A priority's or workstream's objective, the quarter's narrative and its target."""

    kind: ClassVar[str] = "objective"

    title: str = field(converter=_text, validator=_required)
    objective: str = field(converter=_text, validator=_required)
    narrative: str = field(default="", converter=_text)
    target: str = field(default="", converter=_text)
    objective_heading: str = field(default="Objective:", converter=_text)
    target_label: str = field(default="Target quarter for completion:", converter=_text)


@frozen(kw_only=True)
class DrillDownSlide(Slide):
    """Three columns: the situation, the impact and the recommendation (or "Next steps")."""

    kind: ClassVar[str] = "drill-down"

    title: str = field(converter=_text, validator=_required)
    situation: str = field(converter=_text, validator=_required)
    impact: str = field(converter=_text, validator=_required)
    recommendation: str = field(converter=_text, validator=_required)
    situation_heading: str = field(default="The situation", converter=_text)
    impact_heading: str = field(default="The impact", converter=_text)
    recommendation_heading: str = field(default="The recommendation", converter=_text)


@frozen(kw_only=True)
class OkrChangeSlide(Slide):
    """Original and proposed key results, side by side."""

    kind: ClassVar[str] = "okr change"

    title: str = field(converter=_text, validator=_required)
    original: str = field(converter=_text, validator=_required)
    proposed: str = field(converter=_text, validator=_required)
    original_heading: str = field(default="Original", converter=_text)
    proposed_heading: str = field(default="Proposed", converter=_text)


@frozen(kw_only=True)
class QuoteSlide(Slide):
    """A testimonial: the quote, who said it, their affiliation and place."""

    kind: ClassVar[str] = "quote"

    quote: str = field(converter=_text, validator=_required)
    name: str = field(default="", converter=_text)
    affiliation: str = field(default="", converter=_text)
    place: str = field(default="", converter=_text)
    title: str = field(default="", converter=_text)


@frozen
class Acronym:
    """One appendix entry: ``CSAM`` — ``Child Sex Abuse Material``."""

    term: str = field(converter=_text, validator=_required)
    definition: str = field(converter=_text, validator=_required)


def _acronyms(value: object) -> tuple[Acronym, ...]:
    items = [
        a if isinstance(a, Acronym) else Acronym(*a)  # type: ignore[misc]
        for a in (value or ())  # type: ignore[attr-defined]
    ]
    return tuple(sorted(items, key=lambda a: (a.term.casefold(), a.term)))


@frozen(kw_only=True)
class AcronymsSlide(Slide):
    """The appendix of acronyms, kept in alphabetical order; long lists continue on more slides."""

    kind: ClassVar[str] = "acronyms"

    entries: tuple[Acronym, ...] = field(converter=_acronyms)
    title: str = field(default="Acronyms", converter=_text, validator=_required)
    intro: str = field(default="", converter=_text)
