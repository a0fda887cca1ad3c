"""The static font files: their names and weights, their installation, how LibreOffice uses them."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tests.render_check import RenderedDeck
from tuningdeck.fonts import (
    FAMILIES,
    FontNotFoundError,
    cache_dir,
    default_install_dir,
    font_file,
    font_files,
    fonts_registered,
    install_fonts,
)

FACES = [
    # bold, italic, subfamily, PostScript name, weight, fsSelection bits set, macStyle
    (False, False, "Regular", "Montserrat-Regular", 400, 1 << 6, 0),
    (True, False, "Bold", "Montserrat-Bold", 700, 1 << 5, 1),
    (False, True, "Italic", "Montserrat-Italic", 400, 1 << 0, 2),
    (True, True, "Bold Italic", "Montserrat-BoldItalic", 700, 1 << 5 | 1 << 0, 3),
]


def names(font: TTFont) -> dict[int, str]:
    """The Windows English names of ``font`` by name ID."""
    return {
        r.nameID: r.toUnicode()
        for r in font["name"].names
        if (r.platformID, r.platEncID, r.langID) == (3, 1, 0x409)
    }


def advance(path: Path, text: str, size: float) -> float:
    """The width of ``text`` set in the font at ``path`` at ``size`` points, kerning aside."""
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return sum(hmtx[cmap[ord(c)]][0] for c in text) / font["head"].unitsPerEm * size


def test_importing_the_module_loads_neither_fonttools_nor_matplotlib() -> None:
    code = (
        "import sys, tuningdeck.fonts; "
        "print(sorted(m for m in ('fontTools', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("bold", "italic", "subfamily", "postscript", "weight", "bits", "mac"), FACES
)
def test_montserrat_instances_are_static_faces_of_one_family(
    bold: bool, italic: bool, subfamily: str, postscript: str, weight: int, bits: int, mac: int
) -> None:
    path = font_file("Montserrat", bold=bold, italic=italic)
    font = TTFont(path)
    assert path.is_file()
    assert path.name == f"{postscript}.ttf"
    assert "fvar" not in font and "gvar" not in font
    n = names(font)
    assert (n[1], n[2], n[6]) == ("Montserrat", subfamily, postscript)
    assert n[4] == f"Montserrat {subfamily}"
    assert 16 not in n and 17 not in n and 25 not in n
    assert font["OS/2"].usWeightClass == weight
    assert font["OS/2"].fsSelection & 0b1100001 == bits
    assert font["head"].macStyle & 0b11 == mac


def test_montserrat_semibold_joins_the_family_as_a_typographic_style() -> None:
    font = TTFont(font_file("Montserrat", weight=600))
    n = names(font)
    assert (n[1], n[2]) == ("Montserrat SemiBold", "Regular")
    assert (n[16], n[17]) == ("Montserrat", "SemiBold")
    assert font["OS/2"].usWeightClass == 600


def test_bold_glyphs_are_wider_than_regular_ones() -> None:
    regular = TTFont(font_file("Montserrat"))["hmtx"]
    bold = TTFont(font_file("Montserrat", bold=True))["hmtx"]
    assert bold["n"][0] > regular["n"][0]
    assert advance(font_file("Montserrat", bold=True), "Wikimedia", 10) > advance(
        font_file("Montserrat"), "Wikimedia", 10
    )


def test_instances_are_cached_by_the_variable_fonts_content() -> None:
    first = font_file("Montserrat", bold=True)
    assert first.is_relative_to(cache_dir())
    assert first.parent.name.startswith("montserrat-")
    assert font_file("montserrat", bold=True) == first


@pytest.mark.parametrize(
    ("bold", "italic", "name"),
    [
        (False, False, "Lato-Regular.ttf"),
        (True, False, "Lato-Bold.ttf"),
        (False, True, "Lato-Italic.ttf"),
        (True, True, "Lato-BoldItalic.ttf"),
    ],
)
def test_lato_comes_from_its_package(bold: bool, italic: bool, name: str) -> None:
    path = font_file("LATO", bold=bold, italic=italic)
    assert path.name == name
    assert names(TTFont(path))[1] == "Lato"


@pytest.mark.parametrize("family", ["No Such Family", "Montserrat Hairline"])
def test_families_found_nowhere_are_errors_naming_them(family: str) -> None:
    with pytest.raises(FontNotFoundError, match=f"font family '{family}' was not found") as e:
        font_file(family)
    message = str(e.value)
    assert "fontconfig" in message and "fontpkg" in message
    assert "pip install fontpkg-" + family.lower().replace(" ", "-") in message


def test_an_empty_family_is_an_error() -> None:
    with pytest.raises(FontNotFoundError, match="no font family"):
        font_file(" ")


def test_unavailable_or_contradictory_weights_are_refused() -> None:
    with pytest.raises(FontNotFoundError, match="not available"):
        font_file("Lato", weight=450)
    with pytest.raises(FontNotFoundError, match="not available"):
        font_file("Montserrat", weight=950)
    with pytest.raises(ValueError, match="contradicts"):
        font_file("Lato", bold=True, weight=400)


def test_font_files_lists_every_face_once() -> None:
    files = font_files()
    assert len({f.name for f in files}) == len(files) == 10
    assert font_file("Montserrat", bold=True, italic=True) in files
    assert all(f.is_file() for f in files)


def test_install_fonts_copies_the_files_and_is_idempotent(tmp_path: Path) -> None:
    dest = tmp_path / "fonts"
    dest.mkdir()
    (dest / "Montserrat-Thin.ttf").write_bytes(b"left over from an older version")
    (dest / "notes.txt").write_text("not ours")
    (dest / "lato").mkdir()
    (dest / "lato" / "Lato-Hairline.ttf").write_bytes(b"a face no longer used")

    assert install_fonts(dest, families=FAMILIES, scripts=()) == dest
    installed = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*.ttf"))
    expected = [f"montserrat/{f.name}" for f in font_files(("Montserrat",))]
    expected += [f"lato/{f.name}" for f in font_files(("Lato",))]
    assert installed == sorted(expected)
    assert (dest / "notes.txt").exists()
    for f in font_files():
        assert filecmp.cmp(f, dest / f.name.split("-")[0].lower() / f.name, shallow=False)

    stamps = {p: p.stat().st_mtime_ns for p in dest.rglob("*")}
    install_fonts(dest, families=FAMILIES, scripts=())
    assert {p: p.stat().st_mtime_ns for p in dest.rglob("*")} == stamps


def test_default_install_dir_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_install_dir() == tmp_path / "fonts" / "tuningdeck"


def fc_match(pattern: str) -> Path:
    fc = shutil.which("fc-match")
    assert fc, "fc-match not found: install fontconfig"
    out = subprocess.run([fc, "-f", "%{file}", pattern], capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


@pytest.mark.parametrize(
    ("pattern", "bold", "italic"),
    [
        ("Montserrat:bold", True, False),
        ("Montserrat", False, False),
        ("Montserrat:bold:italic", True, True),
        ("Lato:bold", True, False),
    ],
)
def test_fontconfig_resolves_the_families_to_our_files(
    installed_fonts: Path, pattern: str, bold: bool, italic: bool
) -> None:
    found = fc_match(pattern)
    assert found.is_relative_to(installed_fonts)
    family = pattern.split(":")[0]
    assert filecmp.cmp(found, font_file(family, bold=bold, italic=italic), shallow=False)


def test_fonts_registered_after_install(installed_fonts: Path) -> None:
    assert fonts_registered()


def sample_deck(path: Path, words: list[tuple[str, bool]], size: int) -> Path:
    """A one-slide deck with one text box per (family, bold) pair, each holding "Wikimedia"."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    for i, (family, bold) in enumerate(words):
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3 + 1.1 * i), Inches(12), Inches(1))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = "Wikimedia"
        run.font.name, run.font.size, run.font.bold = family, Pt(size), bold
    prs.save(str(path))
    return path


def test_libreoffice_sets_text_in_our_static_faces(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    """Each rendered word is as wide as our own face of it says, not another weight's."""
    import fontpkg_montserrat

    size = 40
    faces = [("Montserrat", False), ("Montserrat", True), ("Lato", False), ("Lato", True)]
    deck = render_deck(sample_deck(tmp_path / "faces.pptx", faces, size))
    words = [w for w in deck.pages[0].words if w.text == "Wikimedia"]
    assert len(words) == len(faces)
    variable = fontpkg_montserrat.ROOT / "files" / "Montserrat[wght].ttf"  # drawn as Thin
    for (family, bold), word in zip(faces, words, strict=True):
        candidates = {"regular": font_file(family), "bold": font_file(family, bold=True)}
        if family == "Montserrat":
            candidates["thin"] = variable
        expected = {k: advance(path, "Wikimedia", size) for k, path in candidates.items()}
        width = word.x1 - word.x0
        closest = min(expected, key=lambda k: abs(expected[k] - width))
        assert closest == ("bold" if bold else "regular"), (family, bold, width, expected)
        assert width == pytest.approx(expected[closest], rel=0.01)


def test_a_first_build_cuts_no_static_instance(tmp_path: Path) -> None:
    """Measurement reads the variable fonts at their weights: a fresh machine's first build
    prepares only metrics, in milliseconds, and leaves static files to LibreOffice's needs."""
    example = Path(__file__).resolve().parents[2] / "examples" / "thriving-movement-fy20-21.xlsx"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    build = ["build", str(example), "--quarter", "Q1", "-o", str(tmp_path / "deck.pptx")]
    out = subprocess.run(
        [sys.executable, "-m", "tuningdeck", *build],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "deck.pptx").is_file()
    cache = tmp_path / "cache" / "tuningdeck"
    assert list((cache / "metrics").glob("*.pickle"))
    assert not list(cache.glob("fonts/*/*/*.ttf"))
