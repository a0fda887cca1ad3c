"""The deck as data: frozen attrs classes, one per slide kind. Imports neither pptx nor openpyxl."""

from tuningdeck.model.deck import Deck
from tuningdeck.model.fiscal import FiscalYear, Quarter
from tuningdeck.model.slides import (
    Acronym,
    AcronymsSlide,
    DrillDownSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    Slide,
    TitleSlide,
)

__all__ = [
    "Acronym",
    "AcronymsSlide",
    "Deck",
    "DrillDownSlide",
    "FiscalYear",
    "ObjectiveSlide",
    "OkrChangeSlide",
    "PriorityUpdateSlide",
    "Quarter",
    "QuoteSlide",
    "SectionSlide",
    "Slide",
    "TitleSlide",
]
