"""Lists, lines of table cells, headers, quotes beside pictures and words before a highlight's
number: planned, written and rendered by LibreOffice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pptx import Presentation

from tests.render.test_images import slide as image_slide
from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import (
    DataGroup,
    DataTable,
    Deck,
    DrillDownSlide,
    Highlight,
    HighlightsSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    Outcome,
    PriorityUpdateSlide,
    Quarter,
    StatusRow,
)
from tuningdeck.preview import Word
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.kinds import highlights, images, key_results
from tuningdeck.render.kinds.grid import header_cells
from tuningdeck.render.plan import PictureShape, PlanContext, TextShape
from tuningdeck.render.text import paragraph_bytes
from tuningdeck.render.write import Canvas
from tuningdeck.text.measure import blocks_height
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


# -- several paragraphs in a table cell ----------------------------------------------------------

TWO_LINES = StatusRow(
    text="Newcomers who make a structured edit return",
    baseline="28% in FY19/20\n24% in emerging markets",
    goal="+5 points\nby Q4",
    statuses=["30%\n(+2 points)", "33% ↑\n(+5 points)"],
)


def test_each_line_of_a_cell_is_its_own_paragraph_and_row_heights_hold_them(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck], ctx: PlanContext
) -> None:
    (plan,) = key_results.plan(KeyResultsSlide(title="Grid", results=[TWO_LINES]), ctx)
    page = plan.tables["Table"].page
    result, goal, q1, q2 = (cell.blocks for cell in page.rows[1][:4] if cell is not None)
    assert [b.paragraph.text for b in result] == [
        "Newcomers who make a structured edit return",
        "Baseline: 28% in FY19/20",
        "24% in emerging markets",
    ]
    assert [b.paragraph.text for b in goal] == ["+5 points", "by Q4"]
    assert [b.paragraph.text for b in q2] == ["33% ↑", "(+5 points)"]
    assert len(q1) == 2

    deck = Deck(
        [
            KeyResultsSlide(title="Grid", results=[TWO_LINES, TWO_LINES]),
            MetricsTableSlide(
                title="Metrics",
                outcomes=[
                    Outcome(text="We will welcome newcomers.\nAnd support them.", rows=[TWO_LINES])
                ],
            ),
            DrillDownSlide(
                title="Drill Down",
                situation="S.",
                impact="I.",
                recommendation="R.",
                table=DataTable(
                    columns=("", "FY19/20", "FY20/21"),
                    groups=[
                        DataGroup(
                            heading="Strong\ncommunities", rows=[("Grants", "64%\n(2 of 3)", "66%")]
                        )
                    ],
                ),
            ),
        ],
        quarter="Q2",
    )
    path = write_deck(deck, tmp_path / "cells.pptx")
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    prs = Presentation(str(path))
    for slide, page in zip(prs.slides, rendered.pages, strict=True):
        table = next(sh for sh in slide.shapes if sh.has_table)
        bottoms = []
        y = table.top / PT
        for row in table.table.rows:
            y += row.height / PT
            bottoms.append(y)
        for r, row in enumerate(table.table.rows):
            top = bottoms[r - 1] if r else table.top / PT
            for cell in row.cells:
                for p in cell.text_frame.paragraphs:
                    text = "".join(run.text for run in p.runs).split()
                    if not text or cell.is_spanned:
                        continue
                    # every line is drawn inside its row: the row is tall enough for them all
                    w = [
                        x
                        for x in page.words
                        if x.text == text[-1] and top < x.center[1] < bottoms[r]
                    ]
                    assert w, f"{text[-1]!r} not drawn inside its row {r}"
    grid = prs.slides[0]
    table = next(sh for sh in grid.shapes if sh.has_table).table
    assert [len(c.text_frame.paragraphs) for c in table.rows[1].cells][:4] == [3, 2, 2, 2]


def test_a_blank_header_keeps_one_line_at_its_own_size(ctx: PlanContext) -> None:
    # a drill-down's label column has a blank header: an empty cell would take the application's
    # default size and make the header row taller than planned
    blank, year = header_cells(ctx, ["", "FY19/20"], first_quarter_column=2)
    assert len(blank.blocks) == len(year.blocks) == 1
    assert blank.blocks[0].style.size == year.blocks[0].style.size
    out: list[bytes] = []
    paragraph_bytes(out, blank.blocks, bullet_color="000000", link_color="000000", link_id=str)
    xml = b"".join(out).decode()
    assert f'<a:endParaRPr lang="en-US" sz="{round(THEME.sizes.table_header * 100)}"/>' in xml


# -- a quote beside one or two pictures ----------------------------------------------------------

ATTRIBUTION = (
    "Ana Reyes\nTeacher trainer, Reading Wikipedia in the Classroom\nPasay City, Philippines"
)
QUOTE = (
    "The toolkit gave our teachers a way to talk about misinformation that students take part in."
)


@pytest.mark.parametrize(
    ("size", "side_by_side"),
    [((600, 900), True), ((1600, 900), False)],
    ids=["portrait", "landscape"],
)
def test_two_pictures_beside_a_quote_take_the_larger_arrangement(
    tmp_path: Path, ctx: PlanContext, size: tuple[int, int], side_by_side: bool
) -> None:
    spec = image_slide(tmp_path, [size, size], title="Voices", quote=QUOTE, attribution=ATTRIBUTION)
    (plan,) = images.plan(spec, ctx)
    assert plan.layout == "Image and Quote"
    a, b = (s.frame for s in plan.shapes if isinstance(s, PictureShape))
    region = ctx.frame("Image and Quote", "Images")
    if side_by_side:
        assert a.y == pytest.approx(b.y) and b.x > a.x + a.w
    else:
        assert a.x == pytest.approx(b.x) and b.y > a.y + a.h
    for f in (a, b):
        assert region.x - 0.01 <= f.x and f.x + f.w <= region.x + region.w + 0.01
        assert region.y - 0.01 <= f.y and f.y + f.h <= region.y + region.h + 0.01
    quote, attribution = plan.frames["Quote"], plan.frames["Attribution"]
    assert quote.x >= region.x + region.w
    assert attribution.y >= quote.y + quote.h
    assert attribution.y + attribution.h <= region.y + region.h + 0.01
    lines = plan.boxes["Attribution"]
    assert [b.paragraph.text for b in lines] == [
        "— Ana Reyes",
        "Teacher trainer, Reading Wikipedia in the Classroom",
        "Pasay City, Philippines",
    ]
    assert lines[0].paragraph.runs[1].bold and lines[0].style.color == THEME.colors.text
    assert {b.style.color for b in lines[1:]} == {THEME.colors.text_secondary}
    assert lines[1].style.indent == lines[2].style.indent > 0


def test_quotes_beside_pictures_render_inside_their_boxes(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    deck = Deck(
        [
            image_slide(
                tmp_path,
                [(600, 900), (600, 900)],
                title="Two portraits",
                quote=QUOTE,
                attribution=ATTRIBUTION,
            ),
            image_slide(
                tmp_path,
                [(1600, 900), (1600, 1000)],
                title="Two landscapes",
                quote=QUOTE * 2,
                attribution=ATTRIBUTION,
                department="Community Programs",
            ),
            image_slide(tmp_path, [(1600, 900)], title="One", quote=QUOTE, attribution="Nux"),
        ]
    )
    path = write_deck(deck, tmp_path / "quotes.pptx")
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    for s in rendered.slides[:2]:
        words = s.page.words
        name, role, place = word(words, "Ana"), word(words, "Teacher"), word(words, "Pasay")
        # one line each, one under the other
        assert name.center[1] + 10 < role.center[1] and role.center[1] + 10 < place.center[1]
        assert role.x0 == pytest.approx(name.x0, abs=1.0) == pytest.approx(place.x0, abs=1.0)
        dash = word(words, "—")
        assert dash.x1 < name.x0


# -- words before a highlight's number -----------------------------------------------------------

ITEMS = [
    Highlight(before="Deployed on", value="17", label="Wikipedias"),
    Highlight(value="470+", label="teachers trained in 3 countries"),
    Highlight(before="Up", value="6.1%", label="active editors, year over year"),
    Highlight(before="More than", value="1,200", label="articles about women scientists"),
    Highlight(value="89K", label="active editors a month"),
]


@pytest.mark.parametrize("count", [3, 4, 5])
def test_every_value_sits_at_one_height_with_or_without_words_before_it(
    ctx: PlanContext, count: int
) -> None:
    (plan,) = highlights.plan(HighlightsSlide(title="Q2", items=ITEMS[:count]), ctx)
    tiles = [s for s in plan.shapes if isinstance(s, TextShape) and s.name.startswith("Tile ")]
    texts = [s for s in plan.shapes if isinstance(s, TextShape) and s.name.startswith("Highlight ")]
    value_tops = []
    for tile, text, item in zip(tiles, texts, ITEMS, strict=False):
        before = text.blocks[:-2]
        assert [b.paragraph.text for b in text.blocks] == [
            *([item.before] if item.before else []),
            item.value,
            item.label,
        ]
        value_tops.append(text.frame.y - tile.frame.y + blocks_height(before, text.frame.w))
        assert (
            tile.frame.y < text.frame.y
            and text.frame.y + text.frame.h <= tile.frame.y + tile.frame.h
        )
    assert max(value_tops) - min(value_tops) < 0.01
    sizes = {b.style.size for t in texts for b in t.blocks if b.style.family == THEME.fonts.body}
    assert len(sizes) == 1  # the words before and the labels share one size


def test_highlights_with_words_before_render_aligned(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    deck = Deck([HighlightsSlide(title="Q2 in numbers", items=ITEMS[:n]) for n in (4, 5)])
    rendered = render_deck(write_deck(deck, tmp_path / "h.pptx"))
    assert deck_problems(rendered) == []
    for s, rows in zip(rendered.slides, ([4], [3, 2]), strict=True):
        words = s.page.words
        values = [word(words, item.value) for item in ITEMS[: sum(rows)]]
        for row in (values[:3], values[3:]) if rows == [3, 2] else (values,):
            tops = [v.y0 for v in row]
            assert max(tops) - min(tops) < 1.0  # every value of a row at one height
        above, value, below = (word(words, w) for w in ("Deployed", "17", "Wikipedias"))
        assert above.center[1] < value.y0 + 10 < value.y1 - 10 < below.center[1]
        assert word(words, "Deployed").x0 > word(words, "17").x0 - 60  # in the same tile


# -- table headers -------------------------------------------------------------------------------


def test_table_headers_are_written_as_the_workbook_says(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    row = StatusRow(
        text="Monthly active editors", goal="+5% YoY", statuses=["+7.3% YoY", "+6.1% YoY"]
    )
    deck = Deck(
        [
            MetricsTableSlide(
                title="Metrics",
                outcomes=[Outcome(text="Newcomers.", rows=[row])],
                outcome_heading="Outcome",
                metric_heading="Metric",
                goal_heading="Year goal",
                quarter_headings=("Q1", "Q2", "Q3", "Q4"),
            ),
            KeyResultsSlide(
                title="Grid",
                results=[row],
                goal_heading="Y2 Goal",
                quarter_headings=(None, None, "Q3 target", None),
            ),
            KeyResultsSlide(title="Defaults", results=[row]),
        ],
        quarter="Q2",
    )
    path = write_deck(deck, tmp_path / "headers.pptx")
    prs = Presentation(str(path))
    heads = [
        [c.text for c in next(sh for sh in s.shapes if sh.has_table).table.rows[0].cells]
        for s in prs.slides
    ]
    assert heads == [
        ["Outcome", "Metric", "Year goal", "Q1", "Q2", "Q3", "Q4"],
        ["Key Results", "Y2 Goal", "Q1 Status", "Q2 Status", "Q3 target", "Q4 Status"],
        ["Key Results", "Year Goal", "Q1 Status", "Q2 Status", "Q3 Status", "Q4 Status"],
    ]
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    first = rendered.slides[0].page.words
    assert {"Outcome", "Year", "goal", "Q3", "Q4"} <= {w.text for w in first}
    # the deck's quarter stays marked whatever its header says
    q2 = next(sh for sh in prs.slides[0].shapes if sh.has_table).table.rows[0].cells[4]
    assert str(q2.fill.fore_color.rgb) == THEME.colors.accent
