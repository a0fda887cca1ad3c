"""One frozen value class per slide kind.

Every text field holds inline markup (see :mod:`tuningdeck.text.markup`). A ``*_heading`` or
``*_label`` field left blank shows the deck's word (see :class:`~tuningdeck.model.Words`): the
Foundation's "Overview:" and so on unless the deck says otherwise. Every slide also takes three
keyword-only fields: ``department`` (the "Department: X" tag), ``notes`` (speaker notes) and
``footnote`` (the small line that explains ``*``, ``+``, ``o``, ``#`` and ``†`` marks).

Nothing here knows of PowerPoint or Excel: a script builds these directly, the workbook reader
builds them from rows, and the renderer turns them into shapes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from attrs import field, frozen

from tuningdeck.errors import FieldError
from tuningdeck.model.data import DataTable
from tuningdeck.model.fields import not_empty, to_lines, to_text

__all__ = [
    "Acronym",
    "AcronymsSlide",
    "ContentSlide",
    "DrillDownSlide",
    "ObjectiveSlide",
    "OkrChangeSlide",
    "PriorityUpdateSlide",
    "QuoteSlide",
    "SectionSlide",
    "Slide",
    "TitleSlide",
]


@frozen(kw_only=True)
class Slide:
    """What every slide kind has. Not intended to be constructed directly."""

    kind: ClassVar[str] = "slide"

    department: str = field(default="", converter=to_text)
    notes: str = field(default="", converter=to_text)
    footnote: str = field(default="", converter=to_text)
    origin: str = field(default="", eq=False, repr=False)
    """Where the slide was written, for messages: ``"Objectives!A5"`` when read from a workbook.
    Not part of the slide: two slides that differ only here are equal."""


@frozen(kw_only=True)
class TitleSlide(Slide):
    """The opening slide: ``"Thriving Movement Tuning Session Q1 FY20-21"`` and a subtitle."""

    kind: ClassVar[str] = "title"

    title: str = field(converter=to_text, validator=not_empty)
    subtitle: str = field(default="", converter=to_text)


@frozen(kw_only=True)
class SectionSlide(Slide):
    """A divider: ``"MTP Priority Update"``, ``"MTP Priority OKRs"``, ``"Appendix"``."""

    kind: ClassVar[str] = "section"

    title: str = field(converter=to_text, validator=not_empty)
    subtitle: str = field(default="", converter=to_text)


@frozen(kw_only=True)
class PriorityUpdateSlide(Slide):
    """A priority's quarter at a glance: overview, progress, key deliverables and actions."""

    kind: ClassVar[str] = "priority update"

    title: str = field(converter=to_text, validator=not_empty)
    overview: str = field(default="", converter=to_text)
    progress: str = field(default="", converter=to_text)
    deliverables: tuple[str, ...] = field(default=(), converter=to_lines)
    actions: tuple[str, ...] = field(default=(), converter=to_lines)
    overview_heading: str = field(default="", converter=to_text)
    progress_heading: str = field(default="", converter=to_text)
    deliverables_heading: str = field(default="", converter=to_text)
    actions_heading: str = field(default="", converter=to_text)


@frozen(kw_only=True)
class ObjectiveSlide(Slide):
    """A priority's or workstream's objective, the quarter's narrative and its target."""

    kind: ClassVar[str] = "objective"

    title: str = field(converter=to_text, validator=not_empty)
    objective: str = field(converter=to_text, validator=not_empty)
    narrative: str = field(default="", converter=to_text)
    target: str = field(default="", converter=to_text)
    objective_heading: str = field(default="", converter=to_text)
    target_label: str = field(default="", converter=to_text)


@frozen(kw_only=True)
class DrillDownSlide(Slide):
    """Three columns: the situation, the impact and the recommendation (or "Next steps").

    An optional :class:`DataTable` is drawn below the columns, continuing on more slides if long.
    """

    kind: ClassVar[str] = "drill-down"

    title: str = field(converter=to_text, validator=not_empty)
    situation: str = field(converter=to_text, validator=not_empty)
    impact: str = field(converter=to_text, validator=not_empty)
    recommendation: str = field(converter=to_text, validator=not_empty)
    situation_heading: str = field(default="", converter=to_text)
    impact_heading: str = field(default="", converter=to_text)
    recommendation_heading: str = field(default="", converter=to_text)
    table: DataTable | None = None


@frozen(kw_only=True)
class OkrChangeSlide(Slide):
    """Original and proposed key results, side by side."""

    kind: ClassVar[str] = "okr change"

    title: str = field(converter=to_text, validator=not_empty)
    original: str = field(converter=to_text, validator=not_empty)
    proposed: str = field(converter=to_text, validator=not_empty)
    original_heading: str = field(default="", converter=to_text)
    proposed_heading: str = field(default="", converter=to_text)


@frozen(kw_only=True)
class QuoteSlide(Slide):
    """A testimonial: the quote, who said it, their affiliation and place."""

    kind: ClassVar[str] = "quote"

    quote: str = field(converter=to_text, validator=not_empty)
    name: str = field(default="", converter=to_text)
    affiliation: str = field(default="", converter=to_text)
    place: str = field(default="", converter=to_text)
    title: str = field(default="", converter=to_text)


def _path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None or value == "" else Path(value)


@frozen(kw_only=True)
class ContentSlide(Slide):
    """A plain slide: a title and text (paragraphs, bullets and numbered items), with an
    optional picture beside the text.

    ``image`` is a picture file, shown whole to the right of the text; ``alt_text`` says what it
    shows for people who cannot see it (the title stands in when it is blank). Text too long for
    one slide continues on further slides.
    """

    kind: ClassVar[str] = "content"

    title: str = field(converter=to_text, validator=not_empty)
    text: str = field(converter=to_text, validator=not_empty)
    image: Path | None = field(default=None, converter=_path)
    alt_text: str = field(default="", converter=to_text)

    def __attrs_post_init__(self) -> None:
        if self.alt_text and self.image is None:
            raise FieldError(
                "ContentSlide", "alt_text", "describes a picture, but there is no image"
            )


@frozen
class Acronym:
    """One appendix entry: ``CSAM`` — ``Child Sex Abuse Material``."""

    term: str = field(converter=to_text, validator=not_empty)
    definition: str = field(converter=to_text, validator=not_empty)


def _acronyms(value: Iterable[Acronym | tuple[str, str]] | None) -> tuple[Acronym, ...]:
    items = [a if isinstance(a, Acronym) else Acronym(*a) for a in (value or ())]
    return tuple(sorted(items, key=lambda a: (a.term.casefold(), a.term)))


@frozen(kw_only=True)
class AcronymsSlide(Slide):
    """The appendix of acronyms, kept in alphabetical order; long lists continue on more slides.

    A blank ``title`` shows the deck's acronyms title (``Words.acronyms_title``, "Acronyms")."""

    kind: ClassVar[str] = "acronyms"

    entries: tuple[Acronym, ...] = field(converter=_acronyms)
    title: str = field(default="", converter=to_text)
    intro: str = field(default="", converter=to_text)
