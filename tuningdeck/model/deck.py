"""The deck: an ordered, immutable list of slides and what they are about."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import attrs
from attrs import field, frozen

from tuningdeck.model.fiscal import FiscalYear, Quarter
from tuningdeck.model.slides import Slide
from tuningdeck.model.words import Words, to_words

__all__ = ["Deck"]


def _slides(value: Iterable[Slide]) -> tuple[Slide, ...]:
    slides = tuple(value)
    for i, s in enumerate(slides):
        if not isinstance(s, Slide):
            raise TypeError(f"slide {i + 1} is a {type(s).__name__}, not a Slide")
    return slides


def _quarter(value: object) -> Quarter | None:
    return None if value is None else Quarter.parse(value)


def _fiscal_year(value: object) -> FiscalYear | None:
    return None if value is None else FiscalYear.parse(value)


@frozen
class Deck:
    """A Tuning Session deck as data.

    Build one in code (``Deck([TitleSlide(title=...), ...], quarter="Q1")``) or read one from a
    workbook with :func:`tuningdeck.read_workbook`. Decks are immutable: :meth:`append` returns a
    new deck.

    ``words`` are the organisation's name (in every slide's footer) and the fixed labels the
    slides show, the Foundation's wording by default: a :class:`Words`, or a mapping of its
    field names, e.g. ``{"organisation": "Riverside Library", "continued": "(suite)"}``.
    """

    slides: tuple[Slide, ...] = field(factory=tuple, converter=_slides)
    quarter: Quarter | None = field(default=None, converter=_quarter)
    fiscal_year: FiscalYear | None = field(default=None, converter=_fiscal_year)
    title: str = ""
    words: Words = field(factory=Words, converter=to_words)

    def append(self, *slides: Slide) -> Deck:
        """A new deck with ``slides`` added at the end."""
        return attrs.evolve(self, slides=self.slides + slides)

    def __len__(self) -> int:
        return len(self.slides)

    def save(
        self,
        path: str | os.PathLike[str],
        *,
        template: str | os.PathLike[str] | None = None,
        jobs: int | None = None,
    ) -> Path:
        """Render the deck and write it to ``path`` atomically; return the path written.

        ``template`` is a .pptx whose layouts carry the Foundation layout names; by default the
        bundled Foundation master is used. ``jobs`` is how many processes draw the slides: by
        default every CPU for a deck of 200 slides or more; 1 draws in this process only. The
        file is the same whatever the number.
        """
        from tuningdeck.render import write_deck  # the model itself never imports pptx

        return write_deck(self, path, template=template, jobs=jobs)
