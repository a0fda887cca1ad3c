"""Image slides: pictures keep their aspect ratio, in a grid with captions or beside a quote."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from attrs import evolve
from PIL import Image as PILImage
from PIL import ImageDraw
from pptx import Presentation
from pptx.shapes.picture import Picture

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.errors import InputError
from tuningdeck.imagefile import ImageError, image_size, picture_source
from tuningdeck.model import Deck, Image, ImageSlide
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.fitting import place
from tuningdeck.render.kinds import images
from tuningdeck.render.plan import Frame, PictureShape, PlanContext, TextShape
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme

THEME = Theme.load()
EMU_PER_PT = 12700


@pytest.fixture(scope="module")
def ctx() -> PlanContext:
    return PlanContext(THEME, Canvas(default_template(), THEME).frames)


def picture(path: Path, w: int, h: int, fmt: str | None = None) -> Path:
    """A gradient with a ring and a frame: enough to see a crop or a squash at a glance."""
    im = PILImage.new("RGB", (w, h))
    draw = ImageDraw.Draw(im)
    for y in range(h):
        t = y / h
        draw.line([(0, y), (w, y)], fill=(int(51 + 183 * t), int(102 + 141 * t), 204 + int(51 * t)))
    draw.ellipse(
        [w * 0.3, h * 0.3, w * 0.7, h * 0.7], outline=(255, 204, 51), width=max(2, w // 60)
    )
    draw.rectangle([1, 1, w - 2, h - 2], outline=(34, 34, 34), width=3)
    im.save(path, fmt)
    return path


def drawn_ratio(frame_w: float, frame_h: float, crop: tuple[float, float, float, float]) -> float:
    """The aspect ratio of the image as drawn: the frame, undone of its crop."""
    left, top, right, bottom = crop
    return (frame_w / (1 - left - right)) / (frame_h / (1 - top - bottom))


def pictures(slide) -> list[Picture]:  # type: ignore[no-untyped-def]
    return sorted((sh for sh in slide.shapes if isinstance(sh, Picture)), key=lambda p: p.name)


def texts(slide) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}


def pic_ratio(pic: Picture) -> float:
    crop = (pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom)
    return drawn_ratio(pic.width, pic.height, crop)


# -- fitting geometry ------------------------------------------------------------------------------

FRAMES = [Frame(10, 20, 400, 300), Frame(0, 0, 200, 500), Frame(5, 5, 300, 300)]
SIZES = [(1600, 900), (600, 900), (800, 800), (3000, 200), (120, 2000)]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("size", SIZES)
def test_fit_letter_boxes_at_the_image_ratio(frame: Frame, size: tuple[int, int]) -> None:
    f, crop = place(*size, frame, "fit")
    assert crop == (0.0, 0.0, 0.0, 0.0)
    assert drawn_ratio(f.w, f.h, crop) == pytest.approx(size[0] / size[1], rel=1e-9)
    # inside the frame, touching two opposite sides, centred
    assert f.w <= frame.w + 1e-9 and f.h <= frame.h + 1e-9
    assert f.w == pytest.approx(frame.w) or f.h == pytest.approx(frame.h)
    assert f.x + f.w / 2 == pytest.approx(frame.x + frame.w / 2)
    assert f.y + f.h / 2 == pytest.approx(frame.y + frame.h / 2)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("size", SIZES)
def test_crop_fills_the_frame_at_the_image_ratio(frame: Frame, size: tuple[int, int]) -> None:
    f, crop = place(*size, frame, "crop")
    assert f == frame
    left, top, right, bottom = crop
    assert drawn_ratio(f.w, f.h, crop) == pytest.approx(size[0] / size[1], rel=1e-9)
    assert left == pytest.approx(right) and top == pytest.approx(bottom)  # trimmed evenly
    assert min(crop) >= 0 and (left == 0 or top == 0)  # only one dimension is trimmed


def test_place_rejects_empty_sizes() -> None:
    with pytest.raises(ValueError, match="positive size"):
        place(0, 10, Frame(0, 0, 10, 10), "fit")
    with pytest.raises(ValueError, match="frame with area"):
        place(10, 10, Frame(0, 0, 0, 10), "crop")
    with pytest.raises(ValueError, match="unknown fit"):
        place(10, 10, Frame(0, 0, 10, 10), "stretch")  # type: ignore[arg-type]


def test_image_size_reads_the_header_and_names_a_bad_file(tmp_path: Path) -> None:
    assert image_size(picture(tmp_path / "a.png", 320, 200)) == (320, 200)
    missing = tmp_path / "nowhere" / "photo.jpg"
    with pytest.raises(ImageError, match=r"photo\.jpg: image file not found") as e:
        image_size(missing)
    assert isinstance(e.value, InputError) and e.value.path == missing
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(ImageError, match=r"notes\.png: not an image file"):
        image_size(text)


def test_exif_orientation_turns_the_photo_upright(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    im = PILImage.new("RGB", (400, 300), (51, 102, 204))
    exif = im.getexif()
    exif[0x0112] = 6  # stored on its side: turn 90° clockwise to view
    im.save(path, exif=exif)
    assert image_size(path) == (300, 400)
    source = picture_source(path)
    assert isinstance(source, bytes)  # turned upright before it is embedded
    assert picture_source(picture(tmp_path / "plain.png", 40, 30)) == tmp_path / "plain.png"


def test_webp_is_embedded_as_png(tmp_path: Path) -> None:
    source = picture_source(picture(tmp_path / "a.webp", 64, 48, "WEBP"))
    assert isinstance(source, bytes) and source.startswith(b"\x89PNG")


# -- the plan ----------------------------------------------------------------------------------


def slide(
    tmp_path: Path, shapes: list[tuple[int, int]], fits: list[str] | None = None, **kw: object
) -> ImageSlide:
    """An image slide of generated pictures, captioned "Caption 1", "Caption 2", ..."""
    modes = fits or ["fit"] * len(shapes)
    items = [
        Image(
            path=picture(tmp_path / f"p{i}-{w}x{h}.png", w, h),
            caption=f"Caption {i + 1}",
            fit=mode,  # type: ignore[arg-type]
        )
        for i, ((w, h), mode) in enumerate(zip(shapes, modes, strict=True))
    ]
    return ImageSlide(images=items, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("count", "rows"), [(1, [1]), (2, [2]), (3, [3]), (4, [2, 2])], ids=["1", "2", "3", "4"]
)
def test_grid_for_one_to_four_images(
    tmp_path: Path, ctx: PlanContext, count: int, rows: list[int]
) -> None:
    (plan,) = images.plan(slide(tmp_path, [(1600, 900)] * count, title="Photos"), ctx)
    region = ctx.frame("Images", "Images")
    pics = [s for s in plan.shapes if isinstance(s, PictureShape)]
    caps = {s.name: s for s in plan.shapes if isinstance(s, TextShape)}
    assert len(pics) == count
    tops = sorted({round(p.frame.y, 3) for p in pics})
    assert len(tops) == len(rows)  # one top per row
    for top, n in zip(tops, rows, strict=True):
        row = sorted((p for p in pics if round(p.frame.y, 3) == top), key=lambda p: p.frame.x)
        assert len(row) == n
        for a, b in itertools.pairwise(row):  # a gutter apart, never overlapping
            assert b.frame.x - (a.frame.x + a.frame.w) == pytest.approx(THEME.geometry.gutter * 72)
        middle = (row[0].frame.x + row[-1].frame.x + row[-1].frame.w) / 2
        assert middle == pytest.approx(region.x + region.w / 2)  # centred
    for i, p in enumerate(pics, start=1):
        f = p.frame
        assert region.x - 0.01 <= f.x and f.x + f.w <= region.x + region.w + 0.01
        assert region.y - 0.01 <= f.y and f.y + f.h <= region.y + region.h + 0.01
        assert p.description == f"Caption {i}"
        cap = caps[f"Caption {i}"]
        assert cap.frame.y > f.y + f.h  # the caption sits under its picture
        assert cap.frame.y + cap.frame.h <= region.y + region.h + 0.01
        assert abs((cap.frame.x + cap.frame.w / 2) - (f.x + f.w / 2)) < 0.01
    assert plan.boxes["Title"][0].paragraph.text == "Photos"


def test_pictures_of_a_row_share_a_height(tmp_path: Path, ctx: PlanContext) -> None:
    spec = slide(tmp_path, [(1600, 900), (600, 900), (800, 800)], fits=["fit", "fit", "crop"])
    (plan,) = images.plan(spec, ctx)
    pics = [s for s in plan.shapes if isinstance(s, PictureShape)]
    assert len({round(p.frame.h, 6) for p in pics}) == 1
    assert len({round(p.frame.y, 6) for p in pics}) == 1
    assert [drawn_ratio(p.frame.w, p.frame.h, p.crop) for p in pics] == pytest.approx(
        [16 / 9, 2 / 3, 1.0]
    )
    assert pics[2].crop != (0, 0, 0, 0)


def test_no_title_removes_the_title_and_a_slide_caption_goes_under_all(
    tmp_path: Path, ctx: PlanContext
) -> None:
    (plan,) = images.plan(slide(tmp_path, [(800, 600)] * 2, caption="Both photos: 2020"), ctx)
    assert "Title" not in plan.boxes
    under = next(s for s in plan.shapes if s.name == "Caption")
    assert isinstance(under, TextShape)
    assert under.blocks[0].paragraph.text == "Both photos: 2020"
    lowest = max(s.frame.y + s.frame.h for s in plan.shapes if s.name != "Caption")
    assert under.frame.y >= lowest


def test_intro_text_sits_above_the_pictures_and_untitled_has_no_title_bar(
    tmp_path: Path, ctx: PlanContext
) -> None:
    spec = slide(
        tmp_path, [(800, 600)] * 2, intro="**Target Impact**\nGlobal metrics are one element."
    )
    (plan,) = images.plan(spec, ctx)
    assert plan.layout == "Untitled Images"
    intro = next(s for s in plan.shapes if s.name == "Intro")
    assert isinstance(intro, TextShape)
    assert [b.paragraph.text for b in intro.blocks] == [
        "Target Impact",
        "Global metrics are one element.",
    ]
    pictures = [s for s in plan.shapes if isinstance(s, PictureShape)]
    assert all(p.frame.y >= intro.frame.y + intro.frame.h for p in pictures)
    (titled,) = images.plan(evolve(spec, title="Drill Down: Grantmaking"), ctx)
    assert titled.layout == "Images"


def test_a_missing_image_names_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "screenshots" / "homepage.png"
    spec = ImageSlide(title="Growth", images=[Image(path=missing)])
    with pytest.raises(ImageError, match=r"screenshots[/\\]homepage\.png: image file not found"):
        write_deck(Deck([spec]), tmp_path / "deck.pptx")
    assert not (tmp_path / "deck.pptx").exists()


# -- on the slide --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["fit", "crop"])
def test_aspect_ratio_is_kept_on_the_slide(tmp_path: Path, mode: str) -> None:
    shapes = [(1600, 900), (600, 900), (2400, 800), (700, 700)]
    spec = slide(tmp_path, shapes, fits=[mode] * 4, title="Ratios")
    prs = Presentation(str(write_deck(Deck([spec]), tmp_path / "deck.pptx")))
    (s,) = prs.slides
    pics = pictures(s)
    assert [p.name for p in pics] == ["Picture 1", "Picture 2", "Picture 3", "Picture 4"]
    for pic, (w, h) in zip(pics, shapes, strict=True):
        assert pic_ratio(pic) == pytest.approx(w / h, rel=0.005)
        assert pic.image.size == (w, h)
    crops = [(p.crop_left, p.crop_top, p.crop_right, p.crop_bottom) for p in pics]
    if mode == "fit":
        assert all(c == (0, 0, 0, 0) for c in crops)
    else:  # cropped pictures fill equal cells: one size for all, each trimmed to its cell
        assert len({(p.width, p.height) for p in pics}) == 1
        assert sum(1 for c in crops if max(c) > 0.01) >= 3
    descr = [p._element.nvPicPr.cNvPr.get("descr") for p in pics]
    assert descr == ["Caption 1", "Caption 2", "Caption 3", "Caption 4"]
    t = texts(s)
    assert t["Title"] == "Ratios"
    assert [t[f"Caption {i}"] for i in range(1, 5)] == [f"Caption {i}" for i in range(1, 5)]


def test_exif_rotated_photo_is_upright_on_the_slide(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    im = PILImage.new("RGB", (400, 300), (51, 102, 204))
    exif = im.getexif()
    exif[0x0112] = 8
    im.save(path, exif=exif)
    spec = ImageSlide(title="Phone photo", images=[Image(path=path, fit="crop")])
    (s,) = Presentation(str(write_deck(Deck([spec]), tmp_path / "deck.pptx"))).slides
    (pic,) = pictures(s)
    assert pic.image.size == (300, 400)
    assert pic_ratio(pic) == pytest.approx(300 / 400, rel=0.005)


def test_quote_variant(tmp_path: Path) -> None:
    spec = slide(
        tmp_path,
        [(600, 900)],
        title="What teachers said",
        quote="Wikipedia let my students write about their own town for the first time.",
        attribution="María Quispe, teacher, La Paz",
        department="Community Programs",
        notes="Read the quote aloud.",
    )
    prs = Presentation(str(write_deck(Deck([spec]), tmp_path / "deck.pptx")))
    (s,) = prs.slides
    assert s.slide_layout.name == "Image and Quote"
    t = texts(s)
    assert t["Quote"].startswith("Wikipedia let my students")
    assert t["Attribution"] == "— María Quispe, teacher, La Paz"
    assert t["Quote mark"] == "“"
    assert t["Department"] == "Department: Community Programs"
    quote = next(sh for sh in s.shapes if sh.name == "Quote")
    run = quote.text_frame.paragraphs[0].runs[0]
    assert run.font.italic and run.font.name == THEME.fonts.body
    attribution = next(sh for sh in s.shapes if sh.name == "Attribution")
    assert attribution.top > quote.top + quote.height - EMU_PER_PT  # right under the quote
    (pic,) = pictures(s)
    assert pic.left + pic.width < quote.left  # the picture on the left, the quote on the right
    assert pic_ratio(pic) == pytest.approx(600 / 900, rel=0.005)
    assert s.notes_slide.notes_text_frame.text == "Read the quote aloud."


def test_image_decks_render_inside_their_boxes(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    caption = "Participants at the Wikimedia Education Summit in Buenos Aires, October 2020"
    spec = [
        slide(tmp_path, [(1600, 900)], title="One photo", caption=caption, footnote="* CC BY-SA"),
        slide(tmp_path, [(1600, 900), (600, 900)], title="Two", department="Product"),
        slide(tmp_path, [(1600, 900), (600, 900), (800, 800)], title="Three across"),
        slide(
            tmp_path,
            [(1600, 900), (600, 900), (2400, 800), (700, 700)],
            fits=["fit", "crop", "crop", "fit"],
            title="Four",
            caption="All four photos were taken by program participants",
        ),
        slide(
            tmp_path,
            [(600, 900)],
            title="A teacher",
            quote="Wikipedia let my students write about their own town for the first time. "
            "They were proud to see their work read by people all over the world.",
            attribution="María Quispe, teacher, La Paz",
        ),
    ]
    path = write_deck(Deck(spec), tmp_path / "images.pptx")
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    words = {w.text for s in rendered.slides for w in s.page.words}
    assert {"Caption", "Quispe,", "proud"} <= words


def test_a_picture_used_twice_is_embedded_once(tmp_path: Path) -> None:
    import zipfile

    from tuningdeck.model import Deck
    from tuningdeck.render import write_deck

    one = picture(tmp_path / "one.png", 400, 300)
    two = picture(tmp_path / "two.png", 300, 400)
    deck = Deck(
        [
            ImageSlide(title="A", images=[Image(path=one)]),
            ImageSlide(title="B", images=[Image(path=one), Image(path=two)]),
        ]
    )
    out = write_deck(deck, tmp_path / "d.pptx")
    media = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("ppt/media/")]
    assert len(media) == 2


def test_shapes_are_read_title_first_in_visual_order_and_footer_last(tmp_path: Path) -> None:
    spec = slide(tmp_path, [(800, 600)] * 4, title="Order")
    prs = Presentation(str(write_deck(Deck([spec]), tmp_path / "deck.pptx")))
    (s,) = prs.slides
    names = [sh.name for sh in s.shapes]
    footer = {"Footer Wordmark", "Department", "Footnote", "Slide Number"}
    assert names[0] == "Title"
    body = [n for n in names[1:] if n not in footer]
    assert names[1 : 1 + len(body)] == body  # every footer shape after the content
    assert {n for n in names if n in footer} >= {"Footer Wordmark"}
    pics = [sh for sh in s.shapes if isinstance(sh, Picture)]
    for a, b in itertools.pairwise(pics):  # row by row, left to right
        assert (a.top, a.left) < (b.top, b.left)
    for i in range(1, 5):  # each caption read right after its picture
        assert body.index(f"Caption {i}") == body.index(f"Picture {i}") + 1


def test_an_untitled_slide_reads_the_caption_it_shows_as_its_title(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    spec = slide(tmp_path, [(800, 600)] * 2, caption="Summit photos, October 2020")
    path = write_deck(Deck([spec]), tmp_path / "untitled.pptx")
    (s,) = Presentation(str(path)).slides
    assert s.slide_layout.name == "Untitled Images"
    title = s.shapes[0]  # read first
    assert title.is_placeholder and title.placeholder_format.type == 1  # PP_PLACEHOLDER.TITLE
    assert title.text_frame.text == "Caption 1"
    assert title._element.nvSpPr.cNvPr.get("hidden") is None  # shown where it is, under its picture
    assert title.top > s.shapes[1].top  # below the first picture, read before it
    assert [sh for sh in s.shapes if sh.is_placeholder and sh.name == "Title"] == [title]
    run = title.text_frame.paragraphs[0].runs[0]
    assert run.font.size is not None and run.font.size.pt < 24  # a caption's look, not a title's
    rendered = render_deck(path)
    drawn = [w.text for w in rendered.slides[0].page.words]
    assert drawn.count("Caption") == 2  # each caption once: no hidden copy of the title


def test_an_untitled_slide_whose_first_text_is_longer_has_a_hidden_title(tmp_path: Path) -> None:
    spec = slide(tmp_path, [(800, 600)], intro="**Target Impact**\nMore.")
    path = write_deck(Deck([spec]), tmp_path / "intro.pptx")
    (s,) = Presentation(str(path)).slides
    title = s.shapes[0]
    assert title.is_placeholder and title.text_frame.text == "Target Impact"
    assert title._element.nvSpPr.cNvPr.get("hidden") == "1"
    assert title.left + title.width <= 0  # off the slide where hidden shapes are drawn


def test_a_derived_title_is_the_first_text_cut_at_a_word(tmp_path: Path, ctx: PlanContext) -> None:
    from tuningdeck.render.write import derived_title

    (plan,) = images.plan(slide(tmp_path, [(800, 600)], intro="**Target Impact**\nMore."), ctx)
    assert derived_title(plan) == "Target Impact"
    long = "word " * 40
    (plan,) = images.plan(slide(tmp_path, [(800, 600)], caption=long), ctx)
    plan = evolve(plan, shapes=tuple(s for s in plan.shapes if s.name == "Caption"))
    assert derived_title(plan) == ("word " * 20).strip() + "\u2026"
    assert derived_title(evolve(plan, shapes=())) == "Images"
