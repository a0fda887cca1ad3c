"""Random decks built through the API: valid Open XML, and every text read back by python-pptx.

Hypothesis builds 200 decks of random slides (every text kind, tables, highlights, acronyms)
with random text: letters of many scripts, digits, punctuation, emoji and the markup characters.
Each deck is saved, checked with openxml-audit (no errors) and read back with python-pptx, whose
text must hold every slide's title and every cell's text as the markup leaves it.
"""

from __future__ import annotations

from pathlib import Path

import openxml_audit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

import tuningdeck
from tuningdeck.text.markup import plain_text

WORDS = st.text(
    alphabet=st.characters(
        categories=["L", "N", "P", "Sm", "Sc", "So"],
        exclude_characters="\u2028\u2029",
    ),
    min_size=1,
    max_size=12,
)
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
SHORT = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
LINES = st.lists(TEXT, min_size=0, max_size=4).map("\n".join)

STATUS_ROW = st.builds(
    tuningdeck.StatusRow,
    text=TEXT,
    baseline=st.one_of(st.just(""), SHORT),
    goal=SHORT,
    statuses=st.lists(SHORT, max_size=4),
)

SLIDES = st.one_of(
    st.builds(tuningdeck.TitleSlide, title=TEXT, subtitle=st.one_of(st.just(""), TEXT)),
    st.builds(tuningdeck.SectionSlide, title=SHORT),
    st.builds(tuningdeck.ObjectiveSlide, title=SHORT, objective=TEXT, narrative=LINES),
    st.builds(
        tuningdeck.PriorityUpdateSlide,
        title=SHORT,
        overview=TEXT,
        progress=LINES,
        deliverables=st.lists(SHORT, max_size=4),
        actions=st.lists(TEXT, max_size=3),
    ),
    st.builds(tuningdeck.QuoteSlide, quote=TEXT, name=SHORT),
    st.builds(tuningdeck.OkrChangeSlide, title=SHORT, original=TEXT, proposed=LINES.filter(bool)),
    st.builds(
        tuningdeck.KeyResultsSlide,
        title=SHORT,
        results=st.lists(STATUS_ROW, min_size=1, max_size=5).map(lambda rows: [rows[0], *rows[1:]]),
    ),
    st.builds(
        tuningdeck.AcronymsSlide,
        entries=st.lists(st.tuples(SHORT, TEXT), min_size=1, max_size=12),
    ),
    st.builds(
        tuningdeck.HighlightsSlide,
        title=SHORT,
        items=st.lists(
            st.builds(
                tuningdeck.Highlight,
                value=st.text("0123456789%+K.", min_size=1, max_size=5),
                label=SHORT,
            ),
            min_size=3,
            max_size=6,
        ),
    ),
)


def _deck_text(path: Path) -> str:
    """Every run of text python-pptx finds in the deck, shapes and table cells alike."""
    out: list[str] = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_table", False):
                out += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(out)


def _squash(text: str) -> str:
    return "".join(text.split())


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(slides=st.lists(SLIDES, min_size=1, max_size=4))
def test_random_decks_are_valid_and_hold_their_text(
    tmp_path: Path, slides: list[tuningdeck.Slide]
) -> None:
    out = tmp_path / "random.pptx"
    tuningdeck.Deck(slides, quarter="Q2").save(out)
    result = openxml_audit.validate_pptx(out)
    assert result.error_count == 0, [str(e) for e in result.errors][:5]
    text = _squash(_deck_text(out))
    for slide in slides:
        title = getattr(slide, "title", "")
        if title:
            assert _squash(plain_text(title)) in text.replace("(cont.)", "")
        for row in getattr(slide, "results", ()):
            assert _squash(plain_text(row.text)) in text
