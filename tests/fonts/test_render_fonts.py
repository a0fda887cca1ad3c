"""LibreOffice renders a theme's families and the script fallbacks with the files text is
measured from, once :func:`install_fonts` has registered them."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.fonts.test_resolve import theme_data
from tests.render_check import RenderedDeck
from tuningdeck.fonts import default_install_dir, font_file, install_fonts
from tuningdeck.text.measure import TextStyle, text_width
from tuningdeck.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_FAMILIES = ("IBM Plex Sans", "Source Serif 4")
SIZE = 36


@pytest.fixture(scope="module")
def theme_fonts(installed_fonts: Path) -> Path:
    """A theme's IBM Plex Sans and Source Serif 4, Regular and Bold, registered with fontconfig."""
    theme = Theme.from_dict(theme_data(heading="Source Serif 4", body="IBM Plex Sans"))
    return install_fonts(theme=theme, scripts=(), faces=((400, False), (700, False)))


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} not found: install fontconfig and poppler-utils"
    return found


def fc_match(pattern: str) -> Path:
    out = subprocess.run(
        [tool("fc-match"), "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    )
    return Path(out.stdout.strip())


def pdf_fonts(pdf: Path) -> set[str]:
    """The fonts a PDF embeds, by PostScript name without the subset tag."""
    out = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True)
    names = set()
    for line in out.stdout.splitlines()[2:]:
        name = line.split()[0]
        names.add(name.split("+", 1)[-1])
    return names


def deck(path: Path, lines: list[tuple[str, str, bool, dict[str, str]]]) -> Path:
    """A one-slide deck with one text box per (text, family, bold, {"ea"/"cs": family}) line."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    for i, (text, family, bold, scripts) in enumerate(lines):
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3 + 1.1 * i), Inches(12), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = text
        run.font.name, run.font.size, run.font.bold = family, Pt(SIZE), bold
        rpr = run._r.get_or_add_rPr()
        latin = rpr.find(f"{{{A}}}latin")
        for tag in ("ea", "cs"):  # the schema's order: latin, ea, cs
            if tag in scripts:
                element = etree.Element(f"{{{A}}}{tag}", typeface=scripts[tag])
                latin.addnext(element)
                latin = element
    prs.save(str(path))
    return path


@pytest.mark.parametrize("family", THEME_FAMILIES)
@pytest.mark.parametrize("bold", [False, True])
def test_fontconfig_resolves_the_theme_families_to_the_measured_faces(
    theme_fonts: Path, family: str, bold: bool
) -> None:
    found = fc_match(f"{family}:bold" if bold else f"{family}:regular")
    assert found.is_relative_to(default_install_dir())
    assert filecmp.cmp(found, font_file(family, bold=bold), shallow=False)


def test_libreoffice_sets_a_themes_families_as_measured(
    tmp_path: Path, theme_fonts: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    faces = [(family, bold) for family in THEME_FAMILIES for bold in (False, True)]
    rendered = render_deck(
        deck(tmp_path / "theme.pptx", [("Wikimedia", f, b, {}) for f, b in faces])
    )
    words = [w for w in rendered.pages[0].words if w.text == "Wikimedia"]
    assert len(words) == len(faces)
    for (family, bold), word in zip(faces, words, strict=True):
        measured = text_width("Wikimedia", TextStyle(family, SIZE, bold=bold))
        assert word.x1 - word.x0 == pytest.approx(measured, rel=0.01), (family, bold)
    embedded = pdf_fonts(rendered.pdf)
    assert {"IBMPlexSans-Regular", "IBMPlexSans-Bold"} <= embedded
    assert {"SourceSerif4-Regular", "SourceSerif4-Bold"} <= embedded


def test_libreoffice_draws_other_scripts_with_the_registered_fallbacks(
    tmp_path: Path, installed_fonts: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    lines = [
        ("维基媒体基金会", "Lato", False, {"ea": "Noto Sans CJK SC"}),
        ("नमस्ते", "Lato", True, {"cs": "Noto Sans Devanagari"}),
    ]
    rendered = render_deck(deck(tmp_path / "scripts.pptx", lines))
    embedded = pdf_fonts(rendered.pdf)
    assert any(name.startswith("NotoSansCJKsc-Regular") for name in embedded)  # CID parts
    assert "NotoSansDevanagari-Bold" in embedded
    (cjk,) = [w for w in rendered.pages[0].words if w.text == "维基媒体基金会"]
    measured = text_width("维基媒体基金会", TextStyle("Lato", SIZE))
    assert cjk.x1 - cjk.x0 == pytest.approx(measured, rel=0.01)
