"""The content slide: text with bullets and numbered items, an optional picture beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import ContentSlide, Deck
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.kinds import content
from tuningdeck.render.plan import PictureShape, PlanContext
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme

THEME = Theme.load()
TEXT = (
    "The toolkit helps teachers build **media and information literacy** with Wikipedia.\n"
    "- 470+ teachers trained in Bolivia, Morocco and the Philippines\n"
    "  - with a learning pathway for each lesson\n"
    "1. Train the trainers\n"
    "2. Pilot in classrooms"
)
LONG = "\n".join(f"- Point {i}: " + "the work went on as planned " * 6 for i in range(18))


@pytest.fixture(scope="module")
def ctx() -> PlanContext:
    return PlanContext(THEME, Canvas(default_template(), THEME).frames)


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "pathway.png"
    PILImage.new("RGB", (800, 500), "#3366cc").save(path)
    return path


def test_the_model_needs_a_title_and_text_and_a_picture_for_alt_text(picture: Path) -> None:
    with pytest.raises(ValueError, match="title: must not be empty"):
        ContentSlide(title=" ", text="x")
    with pytest.raises(ValueError, match="text: must not be empty"):
        ContentSlide(title="T", text="")
    with pytest.raises(ValueError, match=r"ContentSlide\.alt_text: describes a picture"):
        ContentSlide(title="T", text="x", alt_text="A chart")
    slide = ContentSlide(title="T", text="x", image=str(picture), alt_text="A chart")
    assert slide.image == picture
    assert ContentSlide(title="T", text="x", image="").image is None


def test_the_picture_sits_beside_the_text(ctx: PlanContext, picture: Path) -> None:
    spec = ContentSlide(title="Reading Wikipedia", text=TEXT, image=picture, alt_text="Pathway")
    (plan,) = content.plan(spec, ctx)
    region = ctx.frame("Content", "Body")
    (pic,) = plan.shapes
    assert isinstance(pic, PictureShape) and pic.description == "Pathway"
    text = plan.frames["Body"]
    gap = THEME.geometry.gutter * 72
    assert pic.frame.y == region.y and pic.frame.h <= region.h
    assert pic.frame.x + pic.frame.w == pytest.approx(region.x + region.w)
    assert pic.frame.w <= region.w * content.PICTURE_SHARE + 1e-6
    assert pic.frame.w / pic.frame.h == pytest.approx(800 / 500)
    assert text.x == region.x and text.x + text.w == pytest.approx(pic.frame.x - gap)
    body = plan.boxes["Body"]
    assert [b.paragraph.level for b in body] == [0, 1, 2, 1, 1]
    assert [b.paragraph.number for b in body] == [None, None, None, 1, 2]
    (size,) = {b.style.size for b in body}  # one size; short text with room set larger
    assert THEME.sizes.body < size <= (THEME.sizes.body_max or THEME.sizes.body)


def test_without_a_picture_the_text_takes_the_layouts_body(ctx: PlanContext) -> None:
    (plan,) = content.plan(ContentSlide(title="T", text=TEXT), ctx)
    assert plan.shapes == () and plan.frames["Body"] == ctx.frame("Content", "Body")


def test_long_text_continues_across_the_whole_width(ctx: PlanContext, picture: Path) -> None:
    spec = ContentSlide(title="Long", text=LONG, image=picture, notes="Say it.")
    plans = content.plan(spec, ctx)
    assert len(plans) >= 2
    region = ctx.frame("Content", "Body")
    assert [len(p.shapes) for p in plans] == [1] + [0] * (len(plans) - 1)
    assert plans[0].frames["Body"].w < region.w
    assert all(p.frames["Body"] == region for p in plans[1:])
    assert [p.notes for p in plans] == ["Say it."] + [""] * (len(plans) - 1)
    titles = [p.boxes["Title"][0].paragraph.text for p in plans]
    assert titles == ["Long"] + ["Long (cont.)"] * (len(plans) - 1)
    paragraphs = [b.paragraph.text for p in plans for b in p.boxes["Body"]]
    assert paragraphs == [line[2:].strip() for line in LONG.splitlines()]
    assert {b.style.size for p in plans for b in p.boxes["Body"]} == {THEME.sizes.body}


def test_the_slide_reads_back_with_its_picture_and_alt_text(tmp_path: Path, picture: Path) -> None:
    spec = ContentSlide(
        title="Reading Wikipedia",
        text=TEXT,
        image=picture,
        alt_text="The **learning** pathway",
        department="Community Programs",
        footnote="* preliminary",
        notes="Mention the pilot.",
    )
    prs = Presentation(str(write_deck(Deck([spec]), tmp_path / "d.pptx")))
    (slide,) = prs.slides
    assert slide.slide_layout.name == "Content"
    texts = {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
    assert texts["Title"] == "Reading Wikipedia"
    assert texts["Body"].splitlines()[1:3] == [
        "470+ teachers trained in Bolivia, Morocco and the Philippines",
        "with a learning pathway for each lesson",
    ]
    assert texts["Department"] == "Department: Community Programs"
    assert texts["Footnote"] == "* preliminary"
    assert slide.notes_slide.notes_text_frame.text == "Mention the pilot."
    (pic,) = [sh for sh in slide.shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert pic._element.nvPicPr.cNvPr.get("descr") == "The learning pathway"


def test_libreoffice_renders_content_slides_within_their_boxes(
    tmp_path: Path, picture: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    tall = tmp_path / "tall.png"
    PILImage.new("RGB", (300, 900), "#00af89").save(tall)
    deck = Deck(
        [
            ContentSlide(title="Reading Wikipedia", text=TEXT, image=picture, footnote="* note"),
            ContentSlide(title="A tall picture", text=TEXT, image=tall, department="Legal"),
            ContentSlide(title="Text alone", text=TEXT),
            ContentSlide(title="Long", text=LONG, image=picture),
        ]
    )
    path = write_deck(deck, tmp_path / "content.pptx")
    rendered = render_deck(path)
    assert len(rendered.slides) == len(Presentation(str(path)).slides) >= 5
    assert deck_problems(rendered) == []
