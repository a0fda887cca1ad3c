"""Every slide kind, declared once, in catalogue order.

The order is the one the Slides sheet's help lists the kinds in, and (through the sheets each
kind reads) the order of the blank workbook's sheets. A new kind is one more :class:`KindSpec`
here and in :data:`CATALOGUE`, its model class and its planner: the renderer's planners, the
workbook's kinds, sheets and help, and the package's exports follow from it.
"""

from __future__ import annotations

from tuningdeck.catalogue.declare import KindSpec, Ref, Source
from tuningdeck.model.slides import (
    AcronymsSlide,
    ContentSlide,
    DrillDownSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    TitleSlide,
)
from tuningdeck.model.tables import KeyResultsSlide, MetricsTableSlide
from tuningdeck.model.visuals import ChartSlide, HighlightsSlide, ImageSlide
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P
from tuningdeck.workbook import schema
from tuningdeck.workbook.schema import CellKind, ColumnSpec

__all__ = ["CATALOGUE"]

_RENDER = "tuningdeck.render.kinds"
_BUILD = "tuningdeck.workbook"

TITLE = KindSpec(
    model=TitleSlide,
    planner=Ref(f"{_RENDER}.dividers:plan_title"),
    layouts={Layout.TITLE: {P.TITLE, P.SUBTITLE}},
    source=Source(build=Ref(f"{_BUILD}.narrative:build_title")),
)

SECTION = KindSpec(
    model=SectionSlide,
    planner=Ref(f"{_RENDER}.dividers:plan_section"),
    layouts={Layout.SECTION: {P.TITLE, P.SUBTITLE}},
    source=Source(build=Ref(f"{_BUILD}.narrative:build_section"), key_text="the divider's text"),
)

PRIORITY_UPDATE = KindSpec(
    model=PriorityUpdateSlide,
    planner=Ref(f"{_RENDER}.priority:plan"),
    layouts={Layout.PRIORITY_UPDATE: {P.TITLE, P.NARRATIVE, P.SIDEBAR}},
    source=Source(
        sheet=schema.UPDATES,
        fields={
            "title": "Title",
            "overview": "Overview",
            "progress": "Progress",
            "deliverables": "Deliverables",
            "actions": "Actions",
        },
    ),
)

_TABLE = {Layout.TABLE: {P.TITLE, P.TABLE, P.CALLOUT}}

METRICS_TABLE = KindSpec(
    model=MetricsTableSlide,
    planner=Ref(f"{_RENDER}.metrics:plan"),
    layouts=_TABLE,
    source=Source(
        sheet=schema.TABLES,
        needs=(schema.METRICS,),
        fields={"title": "Title", "callout": "Callout"},
        build=Ref(f"{_BUILD}.tables:build_metrics_table"),
        check=Ref(f"{_BUILD}.tables:check_metrics"),
    ),
)

OBJECTIVE = KindSpec(
    model=ObjectiveSlide,
    planner=Ref(f"{_RENDER}.objective:plan"),
    layouts={Layout.OBJECTIVE: {P.TITLE, P.OBJECTIVE, P.BODY, P.TARGET}},
    source=Source(
        sheet=schema.OBJECTIVES,
        fields={
            "title": "Title",
            "objective": "Objective",
            "narrative": "Narrative",
            "target": "Target",
        },
    ),
)

KEY_RESULTS = KindSpec(
    model=KeyResultsSlide,
    planner=Ref(f"{_RENDER}.key_results:plan"),
    layouts=_TABLE,
    source=Source(
        sheet=schema.TABLES,
        needs=(schema.KEY_RESULTS,),
        fields={"title": "Title"},
        build=Ref(f"{_BUILD}.tables:build_key_results"),
        check=Ref(f"{_BUILD}.tables:check_key_results"),
    ),
)

DRILL_DOWN = KindSpec(
    model=DrillDownSlide,
    planner=Ref(f"{_RENDER}.columns:plan_drill_down"),
    layouts={
        Layout.THREE_COLUMNS: {P.TITLE, P.LEFT, P.MIDDLE, P.RIGHT},
        Layout.THREE_COLUMNS_AND_TABLE: {P.TITLE, P.LEFT, P.MIDDLE, P.RIGHT, P.TABLE},
        Layout.TABLE: {P.TITLE, P.TABLE},  # the data table's later pages
    },
    source=Source(
        sheet=schema.DRILL_DOWNS,
        fields={
            "title": "Title",
            "situation": "Situation",
            "impact": "Impact",
            "recommendation": "Recommendation",
            "recommendation_heading": "Recommendation heading",
        },
        reads=(schema.DRILL_DOWN_DATA,),
        extra=Ref(f"{_BUILD}.tables:drill_down_table"),
        check=Ref(f"{_BUILD}.tables:check_drill_down_data"),
    ),
)

OKR_CHANGE = KindSpec(
    model=OkrChangeSlide,
    planner=Ref(f"{_RENDER}.columns:plan_okr_change"),
    layouts={Layout.TWO_COLUMNS: {P.TITLE, P.LEFT, P.RIGHT}},
    source=Source(
        sheet=schema.OKR_CHANGES,
        fields={"title": "Title", "original": "Original", "proposed": "Proposed"},
    ),
)

QUOTE = KindSpec(
    model=QuoteSlide,
    planner=Ref(f"{_RENDER}.quote:plan"),
    layouts={Layout.QUOTE: {P.TITLE, P.QUOTE, P.ATTRIBUTION}},
    source=Source(
        sheet=schema.QUOTES,
        fields={
            "title": "Title",
            "quote": "Quote",
            "name": "Name",
            "affiliation": "Affiliation",
            "place": "Place",
        },
    ),
)

CHART = KindSpec(
    model=ChartSlide,
    planner=Ref(f"{_RENDER}.chart:plan"),
    layouts={Layout.CHART: {P.TITLE, P.SUBTITLE, P.CHART, P.CALLOUT}},
    source=Source(
        sheet=schema.CHARTS,
        needs=(schema.CHART_DATA,),
        fields={
            "title": "Title",
            "subtitle": "Subtitle",
            "callout": "Callout",
            "callout_detail": "Callout detail",
            "engine": "Engine",
        },
        build=Ref(f"{_BUILD}.visuals:build_chart"),
        check=Ref(f"{_BUILD}.visuals:check_charts"),
    ),
)

IMAGE = KindSpec(
    model=ImageSlide,
    planner=Ref(f"{_RENDER}.images:plan"),
    layouts={
        Layout.IMAGES: {P.TITLE, P.IMAGES},
        Layout.UNTITLED_IMAGES: {P.IMAGES},
        Layout.IMAGE_AND_QUOTE: {P.TITLE, P.IMAGES, P.QUOTE, P.ATTRIBUTION},
    },
    source=Source(
        sheet=schema.IMAGES,
        fields={
            "title": "Title",
            "caption": "Caption",
            "intro": "Intro",
            "quote": "Quote",
            "attribution": "Attribution",
        },
        build=Ref(f"{_BUILD}.visuals:build_image"),
        check=Ref(f"{_BUILD}.visuals:check_images"),
    ),
)

HIGHLIGHTS = KindSpec(
    model=HighlightsSlide,
    planner=Ref(f"{_RENDER}.highlights:plan"),
    layouts={Layout.HIGHLIGHTS: {P.TITLE, P.GRID}},
    source=Source(
        sheet=schema.HIGHLIGHTS,
        fields={"title": "Title"},
        build=Ref(f"{_BUILD}.visuals:build_highlights"),
        check=Ref(f"{_BUILD}.visuals:check_highlights"),
    ),
)

CONTENT = KindSpec(
    model=ContentSlide,
    planner=Ref(f"{_RENDER}.content:plan"),
    layouts={Layout.CONTENT: {P.TITLE, P.BODY}},
    source=Source(
        sheet=schema.keyed_sheet(
            "Content",
            "Plain content slides (kind content): text, and a picture beside it; one row per key "
            "and quarter.",
            ColumnSpec("Title", required=True, help="the slide's title", width=28),
            ColumnSpec(
                "Text",
                required=True,
                help="the text: a paragraph a line, - for a bullet, numbered items",
                width=60,
            ),
            ColumnSpec(
                "Image",
                CellKind.PICTURE,
                help="a picture beside the text (PNG, JPEG, GIF, …), its path relative to the "
                "workbook's folder",
                width=28,
            ),
            ColumnSpec(
                "Alt text", help="what the picture shows, for people who cannot see it", width=30
            ),
        ),
        fields={"title": "Title", "text": "Text", "image": "Image", "alt_text": "Alt text"},
    ),
)

ACRONYMS = KindSpec(
    model=AcronymsSlide,
    planner=Ref(f"{_RENDER}.acronyms:plan"),
    layouts={
        Layout.CONTENT: {P.TITLE, P.BODY},
        Layout.TWO_COLUMNS: {P.TITLE, P.LEFT, P.RIGHT},  # a list too long for one column
    },
    source=Source(needs=(schema.ACRONYMS,), build=Ref(f"{_BUILD}.narrative:build_acronyms")),
)

CATALOGUE: tuple[KindSpec, ...] = (
    TITLE,
    SECTION,
    PRIORITY_UPDATE,
    METRICS_TABLE,
    OBJECTIVE,
    KEY_RESULTS,
    DRILL_DOWN,
    OKR_CHANGE,
    QUOTE,
    CHART,
    IMAGE,
    HIGHLIGHTS,
    CONTENT,
    ACRONYMS,
)
"""Every slide kind, in catalogue order."""
