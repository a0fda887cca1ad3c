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
from tuningdeck.model.visuals import (
    ChartSlide,
    ChartSpec,
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    Series,
)

__all__ = [
    "Acronym",
    "AcronymsSlide",
    "ChartSlide",
    "ChartSpec",
    "DataGroup",
    "DataTable",
    "Deck",
    "DrillDownSlide",
    "FiscalYear",
    "Highlight",
    "HighlightsSlide",
    "Image",
    "ImageSlide",
    "KeyResultsSlide",
    "MetricsTableSlide",
    "ObjectiveSlide",
    "OkrChangeSlide",
    "Outcome",
    "PriorityUpdateSlide",
    "Quarter",
    "QuoteSlide",
    "SectionSlide",
    "Series",
    "Slide",
    "StatusRow",
    "TitleSlide",
]
