"""Lists, lines of table cells, headers, quotes beside pictures and words before a highlight's
number: planned, written and rendered by LibreOffice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pptx import Presentation

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import (
    Deck,
    KeyResultsSlide,
    ObjectiveSlide,
    PriorityUpdateSlide,
    Quarter,
    StatusRow,
)
from tuningdeck.preview import Word
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.plan import PlanContext
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme

THEME = Theme.load()
PT = 12700


@pytest.fixture(scope="module")
def ctx() -> PlanContext:
    return PlanContext(THEME, Canvas(default_template(), THEME).frames, Quarter.Q2)


def word(words: Sequence[Word], text: str, nth: int = 0) -> Word:
    found = [w for w in words if w.text == text]
    assert len(found) > nth, f"{text!r} not rendered; words: {[w.text for w in words]}"
    return found[nth]


def shape(slide, name: str):  # type: ignore[no-untyped-def]
    return next(sh for sh in slide.shapes if sh.name == name)


# -- numbered lists ------------------------------------------------------------------------------

NARRATIVE = "\n".join(
    [
        "Our steps:",
        "1. Deploy **suggested edits** to every pilot Wikipedia this quarter.",
        "2. Measure retention:",
        "  - against a control group;",
        "  1. nested first",
        "  2. nested second",
        "3. Decide",
        "1\\. FCKoeln stays text.",
    ]
)
TEN = "\n".join(f"{n}. item{n}" for n in range(8, 12))
LIST_ROWS = [
    StatusRow(
        text="Ship the Growth features\n1. Arabic Wikipedia\n2. Czech Wikipedia",
        goal="30 wikis",
        statuses=["17 wikis", "22 wikis\n1. Bengali\n2. Persian"],
        judge=False,
    )
]


def test_numbered_lists_render_numbered_in_every_text_field(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck], ctx: PlanContext
) -> None:
    deck = Deck(
        [
            ObjectiveSlide(
                title="Lists", objective="Give newcomers guided edits.", narrative=NARRATIVE
            ),
            ObjectiveSlide(title="Eight to eleven", objective="Count on.", narrative=TEN),
            PriorityUpdateSlide(
                title="Update", overview="Overview.", actions=["1. Decide", "1. Announce"]
            ),
            KeyResultsSlide(title="Grid", results=LIST_ROWS),
        ],
        quarter="Q2",
    )
    path = write_deck(deck, tmp_path / "lists.pptx")
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    prs = Presentation(str(path))
    objective, ten, update, grid = rendered.slides
    words = objective.page.words

    first = word(words, "Deploy")
    one = word(words, "1.")
    # the number where a bullet would be, the text after it at the margin planned for it
    assert one.x0 == pytest.approx(word(words, "Our").x0, abs=0.5)
    (item,) = (p for p in shape(prs.slides[0], "Body").text_frame.paragraphs if "Deploy" in p.text)
    margin = int(item._p.pPr.get("marL")) / PT
    assert first.x0 - one.x0 == pytest.approx(margin, abs=1.0)
    assert first.x0 > one.x1
    assert word(words, "Measure").x0 == pytest.approx(first.x0, abs=0.5)
    assert word(words, "nested", 1).x0 > first.x0  # a nested list is indented
    numbers = [w.text for w in words if w.text.endswith(".") and w.text[:-1].isdigit()]
    assert numbers == ["1.", "2.", "1.", "2.", "3.", "1."]
    assert word(words, "FCKoeln").x0 < first.x0  # the escaped line is text, not an item

    # items 8 to 11 start their text at one place, after the widest number
    xs = [word(ten.page.words, f"item{n}").x0 for n in range(8, 12)]
    assert max(xs) - min(xs) < 0.5
    assert word(ten.page.words, "10.").x1 < min(xs)

    # the priority update's actions, counted on from the first
    assert [w.text for w in update.page.words if w.text in ("1.", "2.")] == ["1.", "2."]
    # a key result and a status cell hold numbered lists inside their cells
    cell_numbers = [w.text for w in grid.page.words if w.text in ("1.", "2.")]
    assert cell_numbers == ["1.", "2.", "1.", "2."]


def test_a_numbered_list_continued_on_the_next_slide_keeps_its_numbers(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    long = "\n".join(
        f"{n}. " + "A long step of the plan that takes two lines. " * 3 for n in (1,) * 14
    )
    path = write_deck(
        Deck([ObjectiveSlide(title="Long", objective="O.", narrative=long)]), tmp_path / "l.pptx"
    )
    rendered = render_deck(path)
    assert len(rendered.slides) > 1
    assert deck_problems(rendered) == []
    numbers = [
        int(w.text[:-1])
        for s in rendered.slides
        for w in s.page.words
        if w.text.endswith(".") and w.text[:-1].isdigit()
    ]
    assert numbers == list(range(1, 15))
