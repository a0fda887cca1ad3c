"""The deck as data: frozen attrs classes, one per slide kind. Imports neither pptx nor openpyxl."""

from tuningdeck.model.data import DataGroup, DataTable
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
from tuningdeck.model.tables import KeyResultsSlide, MetricsTableSlide, Outcome, StatusRow

__all__ = [
    "Acronym",
    "AcronymsSlide",
    "DataGroup",
    "DataTable",
    "Deck",
    "DrillDownSlide",
    "FiscalYear",
    "KeyResultsSlide",
    "MetricsTableSlide",
    "ObjectiveSlide",
    "OkrChangeSlide",
    "Outcome",
    "PriorityUpdateSlide",
    "Quarter",
    "QuoteSlide",
    "SectionSlide",
    "Slide",
    "StatusRow",
    "TitleSlide",
]
