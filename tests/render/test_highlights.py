"""Highlights: big numbers on tiles, on a grid that adapts to the count, one value size for all."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.util import Pt

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.errors import LayoutError
from tuningdeck.model import Deck, Highlight, HighlightsSlide
from tuningdeck.preview import pngs_from_pdf
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.kinds import highlights
from tuningdeck.render.plan import Frame, PlanContext, TextShape
from tuningdeck.render.write import Canvas
from tuningdeck.text.measure import text_width
from tuningdeck.theme import Theme

THEME = Theme.load()
GAP = THEME.geometry.gutter * 72

ITEMS = [
    Highlight(value="17.2M", label="edits by newcomers"),
    Highlight(value="470+", label="teachers in 3 countries"),
    Highlight(value="89K", label="active editors a month"),
    Highlight(value="+7.3%", label="year over year"),
    Highlight(value="1,204", label="new articles about women in science and history"),
    Highlight(value="36", label="affiliates funded"),
]


@pytest.fixture(scope="module")
def ctx() -> PlanContext:
    return PlanContext(THEME, Canvas(default_template(), THEME).frames)


def shapes(plan, prefix: str) -> list[TextShape]:  # type: ignore[no-untyped-def]
    return [s for s in plan.shapes if s.name.startswith(prefix + " ")]


@pytest.mark.parametrize(
    ("count", "rows"), [(3, [3]), (4, [4]), (5, [3, 2]), (6, [3, 3])], ids=["3", "4", "5", "6"]
)
def test_tiles_form_the_grid(ctx: PlanContext, count: int, rows: list[int]) -> None:
    spec = HighlightsSlide(title="Highlights", items=ITEMS[:count])
    (plan,) = highlights.plan(spec, ctx)
    grid = ctx.frame("Highlights", "Grid")
    tiles = [s.frame for s in shapes(plan, "Tile")]
    assert len(tiles) == count
    assert len({(round(f.w, 6), round(f.h, 6)) for f in tiles}) == 1  # all one size
    w, h = tiles[0].w, tiles[0].h
    assert w == pytest.approx((grid.w - (max(rows) - 1) * GAP) / max(rows))
    tops = sorted({round(f.y, 6) for f in tiles})
    assert len(tops) == len(rows)
    if len(rows) == 2:
        assert tops[1] - tops[0] == pytest.approx(h + GAP)
    first = 0
    for top, n in zip(tops, rows, strict=True):
        row = tiles[first : first + n]
        first += n
        assert all(round(f.y, 6) == top for f in row)  # in reading order, row by row
        for a, b in itertools.pairwise(row):
            assert b.x - a.x == pytest.approx(w + GAP)
        middle = (row[0].x + row[-1].x + w) / 2
        assert middle == pytest.approx(grid.x + grid.w / 2)  # every row centred
    # the grid is centred in the region and stays inside it
    assert tiles[0].y - grid.y == pytest.approx(grid.y + grid.h - (tiles[-1].y + h))
    assert all(grid.x - 0.01 <= f.x and f.x + f.w <= grid.x + grid.w + 0.01 for f in tiles)
    texts = [[b.paragraph.text for b in s.blocks] for s in shapes(plan, "Highlight")]
    assert texts == [[i.value, i.label] for i in ITEMS[:count]]
    for tile, text in zip(tiles, shapes(plan, "Highlight"), strict=True):
        f = text.frame
        assert tile.x < f.x and f.x + f.w < tile.x + tile.w  # the text inside its tile
        assert tile.y < f.y and f.y + f.h < tile.y + tile.h + 0.01
    bars = [s.frame for s in shapes(plan, "Accent")]
    assert [(b.x, b.y, b.w) for b in bars] == [(t.x, t.y, t.w) for t in tiles]


@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_values_share_the_largest_size_that_fits(ctx: PlanContext, count: int) -> None:
    spec = HighlightsSlide(title="Highlights", items=ITEMS[:count])
    (plan,) = highlights.plan(spec, ctx)
    texts = shapes(plan, "Highlight")
    values = [s.blocks[0] for s in texts]
    sizes = {b.style.size for b in values}
    assert len(sizes) == 1  # one size for every value
    (size,) = sizes
    assert size <= highlights.VALUE_MAX
    widths = [text_width(b.paragraph.text, b.style) for b in values]
    assert max(widths) <= texts[0].frame.w  # "17.2M" and "470+" fit their tiles
    if size < highlights.VALUE_MAX:  # shrunk no more than the widest value needs
        assert max(widths) > texts[0].frame.w * 0.9
    style = values[0].style
    assert (style.family, style.bold, style.color) == (
        THEME.fonts.heading,
        True,
        THEME.colors.accent_dark,
    )
    labels = [s.blocks[1].style for s in texts]
    assert len({s.size for s in labels}) == 1 and labels[0].family == THEME.fonts.body
    # the values of a row start at one height, whatever their labels' lengths
    row = texts[:3]
    assert len({round(s.frame.y, 6) for s in row}) == 1


def test_a_value_too_wide_for_its_tile_is_an_error(ctx: PlanContext) -> None:
    items = [*ITEMS[:3], Highlight(value="1,234,567,890 readers", label="a month")]
    with pytest.raises(LayoutError, match="'1,234,567,890 readers' is too wide"):
        highlights.plan(HighlightsSlide(title="Too wide", items=items), ctx)


def test_tile_frames_for_five_centre_the_second_row() -> None:
    region = Frame(0, 0, 900, 400)
    frames = highlights.tile_frames(5, region, 20)
    w = (900 - 2 * 20) / 3
    assert [round(f.x, 6) for f in frames[3:]] == [round(450 - w - 10, 6), 460]


def test_highlights_slide_on_the_page(tmp_path: Path) -> None:
    spec = HighlightsSlide(
        title="Q1 in numbers", items=ITEMS[:4], department="Community Programs", notes="Pause."
    )
    (s,) = Presentation(str(write_deck(Deck([spec]), tmp_path / "h.pptx"))).slides
    assert s.slide_layout.name == "Highlights"
    assert s.shapes.title.text == "Q1 in numbers"
    named = {sh.name: sh for sh in s.shapes}
    for i, item in enumerate(ITEMS[:4], start=1):
        text = named[f"Highlight {i}"].text_frame
        assert text.text == f"{item.value}\n{item.label}"
        value = text.paragraphs[0].runs[0].font
        assert (value.name, value.bold) == (THEME.fonts.heading, True)
        assert str(value.color.rgb) == THEME.colors.accent_dark
        assert value.size > Pt(30)
        tile = named[f"Tile {i}"]
        assert str(tile.fill.fore_color.rgb) == THEME.colors.accent_light
    assert "Grid" not in named  # the region placeholder is not left on the slide
    assert s.notes_slide.notes_text_frame.text == "Pause."


def test_highlights_decks_render_inside_their_boxes(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    deck = Deck(
        [
            HighlightsSlide(title=f"{n} highlights", items=ITEMS[:n], footnote="* Q1 FY20-21")
            for n in (3, 4, 5, 6)
        ]
    )
    path = write_deck(deck, tmp_path / "highlights.pptx")
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    for s, n in zip(rendered.slides, (3, 4, 5, 6), strict=True):
        words = {w.text for w in s.page.words}
        assert {i.value for i in ITEMS[:n]} <= words  # every value on one line, whole
    # each tile is drawn at its planned size: its fill reaches its bottom corners
    pngs = pngs_from_pdf(rendered.pdf, tmp_path / "png", width=1280)
    light = tuple(int(THEME.colors.accent_light[i : i + 2], 16) for i in (0, 2, 4))
    prs = Presentation(str(path))
    scale = 1280 / prs.slide_width  # pixels per EMU
    inside = 4 * 12700  # 4 pt in from the tile's edges
    for png, slide in zip(pngs, prs.slides, strict=True):
        with PILImage.open(png) as im:
            px = im.convert("RGB")
        for tile in (sh for sh in slide.shapes if sh.name.startswith("Tile ")):
            y = tile.top + tile.height - inside
            for x in (tile.left + inside, tile.left + tile.width - inside):
                assert px.getpixel((int(x * scale), int(y * scale))) == light, tile.name
