"""The builders of the slide kinds without a sheet of their own: the title slide, section
dividers and the acronyms appendix. The text kinds made from one row of their sheet need no
builder: their declarations (:mod:`tuningdeck.catalogue.kinds`) name the columns."""

from __future__ import annotations

from tuningdeck.model import AcronymsSlide, SectionSlide, Slide, TitleSlide
from tuningdeck.workbook.rows import RowError, SlideSource
from tuningdeck.workbook.schema import ACRONYMS

__all__ = ["build_acronyms", "build_section", "build_title"]


def build_title(src: SlideSource) -> Slide:
    """The title slide: the deck's title (its template filled in) and the Deck's Subtitle."""
    return TitleSlide(title=src.title, subtitle=src.settings.get("subtitle", ""), **src.common())


def build_section(src: SlideSource) -> Slide:
    """A section divider showing the Slides row's Key."""
    return SectionSlide(title=src.slide.text("Key"), **src.common())


def build_acronyms(src: SlideSource) -> Slide:
    """The acronyms appendix: every row of sheet Acronyms, with the Deck's Acronyms intro."""
    rows = [r for r in src.sheets.get(ACRONYMS.name, ()) if r.ok]
    if not rows:
        raise RowError(
            ACRONYMS.name,
            "A2",
            "no acronyms for the acronyms slide; expected one Term and Definition a row",
        )
    return AcronymsSlide(
        entries=[(r.text("Term"), r.text("Definition")) for r in rows],
        intro=src.settings.get("acronyms intro", ""),
        **src.common(),
    )
