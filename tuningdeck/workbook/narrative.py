"""The text slide kinds: title, section, priority update, objective, drill-down, OKR change,
quote and acronyms, each built from its sheet's row (or, for a section, the Key's text)."""

from __future__ import annotations

from tuningdeck.model import (
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
from tuningdeck.workbook.rows import KeyUse, RowError, SlideKind, SlideSource, row_kind
from tuningdeck.workbook.schema import (
    ACRONYMS,
    DRILL_DOWNS,
    OBJECTIVES,
    OKR_CHANGES,
    QUOTES,
    UPDATES,
)

__all__ = [
    "ACRONYMS_KIND",
    "DRILL_DOWN",
    "OBJECTIVE",
    "OKR_CHANGE",
    "PRIORITY_UPDATE",
    "QUOTE",
    "SECTION",
    "TITLE",
]


def _title(src: SlideSource) -> Slide:
    return TitleSlide(title=src.title, subtitle=src.settings.get("subtitle", ""), **src.common())


def _section(src: SlideSource) -> Slide:
    return SectionSlide(title=src.slide.text("Key"), **src.common())


def _acronyms(src: SlideSource) -> Slide:
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


TITLE = SlideKind("title", _title)
SECTION = SlideKind("section", _section, key=KeyUse.TEXT, key_help="the divider's text")
PRIORITY_UPDATE = row_kind(
    "priority update",
    PriorityUpdateSlide,
    UPDATES,
    title="Title",
    overview="Overview",
    progress="Progress",
    deliverables="Deliverables",
    actions="Actions",
)
OBJECTIVE = row_kind(
    "objective",
    ObjectiveSlide,
    OBJECTIVES,
    title="Title",
    objective="Objective",
    narrative="Narrative",
    target="Target",
)
DRILL_DOWN = row_kind(
    "drill-down",
    DrillDownSlide,
    DRILL_DOWNS,
    title="Title",
    situation="Situation",
    impact="Impact",
    recommendation="Recommendation",
    recommendation_heading="Recommendation heading",
)
"""The drill-down's three text columns; :mod:`~tuningdeck.workbook.tables` adds its data table."""
OKR_CHANGE = row_kind(
    "okr change",
    OkrChangeSlide,
    OKR_CHANGES,
    title="Title",
    original="Original",
    proposed="Proposed",
)
QUOTE = row_kind(
    "quote",
    QuoteSlide,
    QUOTES,
    title="Title",
    quote="Quote",
    name="Name",
    affiliation="Affiliation",
    place="Place",
)
ACRONYMS_KIND = SlideKind("acronyms", _acronyms, needs=(ACRONYMS,))
