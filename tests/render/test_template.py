"""A user's own master: the Foundation layout names, or its own mapped by a settings file;
saved by PowerPoint (extension elements, its own names), at 4:3, or by LibreOffice."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from lxml import etree
from pptx import Presentation
from typer.testing import CliRunner

from tests.render.brands import (
    BRAND_ORGANISATION,
    a4,
    brand_theme,
    brand_workbook,
    four_by_three,
    libreoffice_saved,
    powerpoint_brand,
    without_layout,
)
from tests.render_check import RenderedDeck, audit_errors, deck_problems
from tuningdeck.catalogue import CATALOGUE
from tuningdeck.cli import app
from tuningdeck.fonts import install_fonts
from tuningdeck.model import AcronymsSlide, ContentSlide, Deck, ObjectiveSlide, SectionSlide
from tuningdeck.render import default_template, resolve_theme, write_deck
from tuningdeck.render.master import build_template
from tuningdeck.render.master.layouts import WORDMARK_IDX
from tuningdeck.render.template import match_names
from tuningdeck.theme import Names, Theme


def test_deck_follows_another_template_geometry_and_colours(tmp_path: Path) -> None:
    base = Theme.load()
    other = attrs.evolve(
        base,
        colors=attrs.evolve(base.colors, accent_dark="14866D"),
        geometry=attrs.evolve(base.geometry, margin_x=1.2, body_top=1.8),
    )
    template = build_template(tmp_path / "other.pptx", other)
    deck = Deck([SectionSlide(title="Appendix"), ObjectiveSlide(title="T", objective="O.")])
    prs = Presentation(str(write_deck(deck, tmp_path / "d.pptx", template=template)))
    section, objective = prs.slides
    background = next(s for s in section.slide_layout.shapes if s.name == "Background")
    assert str(background.fill.fore_color.rgb) == "14866D"
    box = next(s for s in objective.placeholders if s.name == "Objective")
    assert abs(box.left - 1.2 * 914400) < 10
    assert abs(box.top - 1.8 * 914400) < 10


# -- templates as people make them -----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


def _build(template: Path, out: Path, *extra: str, workbook: Path = EXAMPLE) -> Path:
    args = ["build", str(workbook), "--quarter", "Q1", "--template", str(template)]
    result = CliRunner().invoke(app, [*args, *extra, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def brand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another brand's master as PowerPoint saves it, with its settings file beside it."""
    return powerpoint_brand(tmp_path_factory.mktemp("brand"))


@pytest.fixture(scope="module")
def brand_deck(brand: Path, installed_fonts: Path) -> Path:
    install_fonts(theme=brand_theme())  # Source Serif 4 and IBM Plex Sans, for LibreOffice
    workbook = brand_workbook(brand.parent, EXAMPLE)
    return _build(brand, brand.parent / "q1.pptx", workbook=workbook)


SIZES = {"4:3": (10.0, 7.5), "A4": (297 / 25.4, 210 / 25.4)}  # inches


@pytest.fixture(scope="module", params=list(SIZES))
def resized_deck(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[tuple[float, float], Path]:
    """The example built with the master at 4:3 or on A4 paper, and that size in inches."""
    folder = tmp_path_factory.mktemp("resized")
    master = four_by_three(folder) if request.param == "4:3" else a4(folder)
    return SIZES[request.param], _build(master, folder / "q1.pptx")


def test_powerpoint_extensions_survive_in_the_template_and_the_deck(
    brand: Path, brand_deck: Path
) -> None:
    """The master carries PowerPoint's extension elements, and reading it did not choke on them:
    the deck's layouts keep them, its slides fill the renamed layouts."""
    with zipfile.ZipFile(brand_deck) as z:
        layouts = [z.read(n) for n in z.namelist() if n.startswith("ppt/slideLayouts/s")]
        slides = [z.read(n) for n in z.namelist() if n.startswith("ppt/slides/s")]
    assert all(b"a16:creationId" in x and b"p14:creationId" in x for x in layouts)
    assert any(b"mc:AlternateContent" in x for x in layouts)
    for xml in slides:
        root = etree.fromstring(xml)  # well-formed, every prefix declared
        assert root.find(".//{*}ph") is not None
    prs = Presentation(str(brand_deck))
    used = {s.slide_layout.name for s in prs.slides}
    assert {"Title Slide", "Section Header", "Title and Table", "Two Content"} <= used
    assert not used & {"Title", "Section", "Table", "Two Columns"}


def test_second_brand_deck_takes_its_colours_fonts_and_organisation(brand_deck: Path) -> None:
    prs = Presentation(str(brand_deck))
    title = next(s for s in prs.slides if s.slide_layout.name == "Title and Table").shapes.title
    run = title.text_frame.paragraphs[0].runs[0]
    assert run.font.name == "Source Serif 4"  # the brand's heading font
    assert str(run.font.color.rgb) == "1B1B3A"
    update = next(s for s in prs.slides if s.slide_layout.name == "Priority Update")
    narrative = next(ph for ph in update.placeholders if ph.placeholder_format.idx == 10)
    assert narrative.name.startswith("Text Placeholder")  # matched by its idx
    assert narrative.text_frame.paragraphs[-1].runs[0].font.name == "IBM Plex Sans"
    for slide in prs.slides:  # the footer placeholder, matched by its type and idx
        marks = [ph for ph in slide.placeholders if ph.placeholder_format.idx == WORDMARK_IDX]
        assert [m.text_frame.text for m in marks] == [BRAND_ORGANISATION]
        assert marks[0].name.startswith("Footer Placeholder")


def test_second_brand_deck_is_valid_and_renders_clean(
    brand_deck: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    assert audit_errors(brand_deck) == []
    rendered = render_deck(brand_deck)
    assert len(rendered.slides) == 35
    assert deck_problems(rendered) == []


def test_a_4_by_3_or_a4_deck_fits_its_slide_and_renders_clean(
    resized_deck: tuple[tuple[float, float], Path], render_deck: Callable[[Path], RenderedDeck]
) -> None:
    size, deck = resized_deck
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == tuple(round(914400 * x) for x in size)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.width is not None:
                assert shape.left + shape.width <= prs.slide_width, (slide.slide_id, shape.name)
                assert shape.top + shape.height <= prs.slide_height, (slide.slide_id, shape.name)
    assert audit_errors(deck) == []
    assert deck_problems(render_deck(deck)) == []


def test_theme_of_a_template_takes_its_slide_size_and_fonts(tmp_path: Path) -> None:
    base = Theme.load()
    other = attrs.evolve(
        base,
        fonts=attrs.evolve(base.fonts, heading="Lato", body="Montserrat"),
        geometry=attrs.evolve(base.geometry, width=10.0),
    )
    template = build_template(tmp_path / "narrow.pptx", other)
    theme = resolve_theme(template)
    assert (theme.fonts.heading, theme.fonts.body) == ("Lato", "Montserrat")
    assert theme.geometry.width == pytest.approx(10.0)
    k = 10.0 / base.geometry.width
    assert theme.geometry.gutter == pytest.approx(base.geometry.gutter * k)
    assert theme.geometry.body_top == pytest.approx(base.geometry.body_top)
    # a settings file beside the template wins over what the template states
    (tmp_path / "narrow.toml").write_text('[fonts]\nheading = "Montserrat"\n', encoding="utf-8")
    assert resolve_theme(template).fonts.heading == "Montserrat"
    assert resolve_theme(template).fonts.body == "Montserrat"
    # and a file named explicitly wins over the one beside it
    explicit = tmp_path / "explicit.toml"
    explicit.write_text('[colors]\naccent = "00FF00"\n', encoding="utf-8")
    chosen = resolve_theme(template, explicit)
    assert chosen.colors.accent == "00FF00" and chosen.fonts.heading == "Lato"
    # a typeface tuningdeck cannot measure (not installed anywhere) is not taken
    unknown = attrs.evolve(base, fonts=attrs.evolve(base.fonts, heading="Nowhere Sans Pro"))
    elsewhere = build_template(tmp_path / "unknown-font.pptx", unknown)
    assert resolve_theme(elsewhere).fonts.heading == base.fonts.heading


def test_placeholders_match_by_mapping_then_name_then_type_and_idx() -> None:
    names = Names(
        layouts={"Two Columns": "Two Content"},
        placeholders={"Two Content": {"Left": "Content 7"}},
    )
    found = [
        ("Title 1", "title", 0),  # type: the title
        ("Content 7", "obj", 1),  # the mapping
        ("Right", "obj", 2),  # its name
        ("Text Placeholder 4", "body", 21),  # idx: the footnote's
        ("Other", "body", 99),  # nothing: keeps its own name
    ]
    assert match_names("Two Columns", found, names) == {
        0: "Title",
        1: "Left",
        2: "Right",
        3: "Footnote",
    }


def test_template_check_reports_every_kind_supported_for_our_master() -> None:
    result = CliRunner().invoke(app, ["template", "check", str(default_template())])
    assert result.exit_code == 0, result.output
    assert "layout 'Chart'" in result.output
    assert "'Chart': type chart, idx 10 8.58 x 4.55 in" in result.output
    kinds = [line for line in result.output.splitlines() if not line.startswith(("layout", " "))]
    assert len(kinds) == len(CATALOGUE)
    assert all(line.endswith("supported") for line in kinds)


def test_template_check_names_the_kinds_a_master_cannot_build(tmp_path: Path) -> None:
    template = without_layout(tmp_path, "Chart")
    result = CliRunner().invoke(app, ["template", "check", str(template)])
    assert result.exit_code == 2
    assert re.search(r"^chart\s+missing Chart$", result.output, re.M)
    assert "cannot build chart" in result.output
    assert re.search(r"^content\s+supported$", result.output, re.M)


def test_template_check_of_a_renamed_master_needs_its_settings(brand: Path) -> None:
    ok = CliRunner().invoke(app, ["template", "check", str(brand)])
    assert ok.exit_code == 0, ok.output
    assert "layout 'Two Content' (as 'Two Columns')" in ok.output
    assert "'Content Placeholder 2' -> Left: type obj, idx 1" in ok.output
    elsewhere = brand.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    bare = elsewhere / "brand.pptx"
    shutil.copyfile(brand, bare)  # without brand.toml beside it
    result = CliRunner().invoke(app, ["template", "check", str(bare)])
    assert result.exit_code == 2
    assert re.search(r"^title\s+missing Title$", result.output, re.M)
    named = CliRunner().invoke(
        app, ["template", "check", str(bare), "--theme", str(brand.with_suffix(".toml"))]
    )
    assert named.exit_code == 0, named.output


def test_template_check_refuses_what_is_not_a_template(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.pptx"
    bogus.write_text("not a deck", encoding="utf-8")
    for path in (bogus, tmp_path / "missing.pptx"):
        result = CliRunner().invoke(app, ["template", "check", str(path)])
        assert result.exit_code == 2
        assert "error:" in result.output and str(path) in result.output


def test_master_saved_by_libreoffice_builds_with_a_mapping(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    """LibreOffice saves its own layouts, every content placeholder "PlaceHolder N" at idx 0:
    the settings file maps two of them, and those slides build, placed where the layout is."""
    template = libreoffice_saved(tmp_path, default_template())
    check = CliRunner().invoke(app, ["template", "check", str(template)])
    assert check.exit_code == 2
    assert re.search(r"^content\s+supported \(no slide may fill", check.output, re.M)
    entries = [(f"TERM{i}", f"the meaning of term number {i}, in a few words") for i in range(40)]
    deck = Deck(
        [
            ContentSlide(title="Why", text="Because the movement grows.\n- one\n- two"),
            AcronymsSlide(entries=entries),  # two columns: "Title, 2 Content"
        ]
    )
    out = write_deck(deck, tmp_path / "d.pptx", template=template)
    prs = Presentation(str(out))
    two = prs.slides[1]
    assert two.slide_layout.name == "Title, 2 Content"
    left, right = (ph for ph in two.placeholders if ph.name in ("PlaceHolder 2", "PlaceHolder 3"))
    assert left.left < right.left  # each written at its own place, not inherited from idx 0
    assert audit_errors(out) == []
    assert deck_problems(render_deck(out)) == []
