"""Fields of the table, image and highlights slides beyond their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuningdeck.model import (
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    Outcome,
    StatusRow,
    Words,
)
from tuningdeck.model.tables import QUARTER_HEADINGS

ROW = StatusRow(text="Monthly active editors increase YoY")


def test_table_headers_left_blank_are_the_decks_words() -> None:
    metrics = MetricsTableSlide(title="M", outcomes=[Outcome(text="O", rows=[ROW])])
    assert (metrics.outcome_heading, metrics.metric_heading, metrics.goal_heading) == ("", "", "")
    assert metrics.quarter_headings == ("", "", "", "") == QUARTER_HEADINGS
    grid = KeyResultsSlide(title="K", results=[ROW])
    assert (grid.result_heading, grid.goal_heading) == ("", "")
    assert grid.quarter_headings == QUARTER_HEADINGS
    words = Words()  # what a blank header shows unless the deck says otherwise
    assert (
        words.outcome_heading,
        words.metric_heading,
        words.metrics_goal_heading,
        words.result_heading,
        words.results_goal_heading,
    ) == ("MTP Outcomes", "MTP Metrics", "Y2 Goal", "Key Results", "Year Goal")
    assert words.quarter_headings == ("Q1 Status", "Q2 Status", "Q3 Status", "Q4 Status")


def test_quarter_headings_take_four_texts_a_blank_one_left_to_the_deck() -> None:
    grid = KeyResultsSlide(
        title="K",
        results=[ROW],
        goal_heading="Year goal",
        quarter_headings=["Q1", "Q2", "Q3", "Q4"],
    )
    assert grid.quarter_headings == ("Q1", "Q2", "Q3", "Q4")
    assert grid.goal_heading == "Year goal"
    partial = KeyResultsSlide(title="K", results=[ROW], quarter_headings=(None, "", " Q3 ", "Q4"))
    assert partial.quarter_headings == ("", "", "Q3", "Q4")
    assert KeyResultsSlide(title="K", results=[ROW], quarter_headings=None).quarter_headings == (
        QUARTER_HEADINGS
    )


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (["Q1", "Q2", "Q3"], ValueError, "four texts, Q1 to Q4, got 3"),
        (["Q1", "Q2", "Q3", "Q4", "Q5"], ValueError, "four texts, Q1 to Q4, got 5"),
        ("Q1 Q2 Q3 Q4", TypeError, "got one text"),
        (["Q1", "Q2", 3, "Q4"], TypeError, "expected text"),
    ],
)
def test_quarter_headings_are_validated(value: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        MetricsTableSlide(
            title="M",
            outcomes=[Outcome(text="O", rows=[ROW])],
            quarter_headings=value,  # type: ignore[arg-type]
        )


def test_a_quote_goes_beside_one_or_two_pictures(tmp_path: Path) -> None:
    pictures = [Image(path=tmp_path / f"{i}.png") for i in range(3)]
    two = ImageSlide(
        images=pictures[:2],
        quote="It works.",
        attribution="Ana Reyes\r\nTeacher trainer\nPasay City",
    )
    assert two.attribution == "Ana Reyes\nTeacher trainer\nPasay City"
    with pytest.raises(ValueError, match="with a quote holds one or two images, got 3"):
        ImageSlide(images=pictures, quote="It works.")
    with pytest.raises(ValueError, match="attribution needs the quote"):
        ImageSlide(images=pictures[:1], attribution="Ana Reyes")
    assert len(ImageSlide(images=pictures).images) == 3  # without a quote, up to four


def test_a_highlight_may_have_words_before_its_number() -> None:
    item = Highlight(before=" Deployed on ", value="17", label="Wikipedias")
    assert (item.before, item.value, item.label) == ("Deployed on", "17", "Wikipedias")
    assert Highlight(value="470+", label="teachers").before == ""
    with pytest.raises(TypeError, match="expected text"):
        Highlight(before=17, value="17", label="Wikipedias")  # type: ignore[arg-type]
    slide = HighlightsSlide(title="Q2", items=[item, item, Highlight(value="3", label="x")])
    assert [h.before for h in slide.items] == ["Deployed on", "Deployed on", ""]
