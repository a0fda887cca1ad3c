"""Any family: found by its tables in the theme's files and packages, fontpkg or fontconfig, and
measured from those files (a variable font at the face's weight) as fontTools and HarfBuzz do."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import fontpkg_ibm_plex_sans
import fontpkg_lato
import fontpkg_source_serif_4
import pytest
from fontTools.ttLib import TTFont
from PIL import ImageFont

from tuningdeck.fonts import (
    Face,
    FontNotFoundError,
    add_sources,
    clear_sources,
    font_file,
    resolve,
)
from tuningdeck.fonts.progress import notice
from tuningdeck.text.advances import Advances
from tuningdeck.text.measure import TextStyle, line_height, text_width
from tuningdeck.theme import Theme

TEXT = "Wikimedia volunteers, 2024: “Affiliates” grew by 12%"


@pytest.fixture(autouse=True)
def _own_sources() -> Iterator[None]:
    """Each test starts and ends with no theme sources."""
    clear_sources()
    yield
    clear_sources()


def theme_data(**fonts: object) -> dict[str, object]:
    """The bundled theme's settings with other [fonts]."""
    from tuningdeck.theme import layouts_dir, tomllib

    data = tomllib.loads((layouts_dir() / "foundation.toml").read_text(encoding="utf-8"))
    return {**data, "fonts": {**data["fonts"], **fonts}}


def renamed_font(source: Path, target: Path, family: str) -> Path:
    """A copy of ``source`` whose tables name it ``family`` (the file name says otherwise)."""
    font = TTFont(source)
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 16):
            table.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target)
    return target


def shaped(face: Face, text: str) -> float:
    """HarfBuzz's width of ``text`` (ems), through Pillow, at the face's location."""
    font = ImageFont.truetype(str(face.path), 2000)
    if face.variable:
        font.set_variation_by_axes([value for _, value in face.location])
    return font.getlength(text) / 2000


def test_plex_and_source_serif_come_from_their_packages_as_variable_faces() -> None:
    plex = resolve("IBM Plex Sans", weight=700)
    assert plex.path.parent == fontpkg_ibm_plex_sans.ROOT / "files"
    assert dict(plex.location)["wght"] == 700
    serif = resolve("source serif 4", weight=400, italic=True)
    assert serif.path.parent == fontpkg_source_serif_4.ROOT / "files"
    assert serif.family == "Source Serif 4" and serif.italic
    assert "fvar" in TTFont(serif.path)
    assert TTFont(serif.path)["OS/2"].fsSelection & 1  # read from its tables: italic


@pytest.mark.parametrize(
    ("family", "weight", "italic"),
    [("IBM Plex Sans", 400, False), ("IBM Plex Sans", 700, False), ("Source Serif 4", 700, True)],
)
def test_a_theme_naming_them_measures_text_from_those_files(
    family: str, weight: int, italic: bool
) -> None:
    theme = Theme.from_dict(
        theme_data(
            heading="Source Serif 4",
            body="IBM Plex Sans",
            packages=["fontpkg_source_serif_4", "fontpkg-ibm-plex-sans"],
        )
    )
    assert family in (theme.fonts.heading, theme.fonts.body)
    face = resolve(family, weight=weight, italic=italic)
    style = TextStyle(family, 20, bold=weight == 700, italic=italic)

    # HarfBuzz shaping the variable font at the weight: kerning included
    expected = shaped(face, TEXT) * 20
    assert text_width(TEXT, style) == pytest.approx(expected, abs=0.05)

    # each glyph's advance as fontTools computes it at the location
    font = TTFont(face.path)
    glyphs, cmap = font.getGlyphSet(location=dict(face.location)), font.getBestCmap()
    for ch in "Wikmedia2%":
        expected = round(glyphs[cmap[ord(ch)]].width) / font["head"].unitsPerEm * 20
        assert text_width(ch, style) == pytest.approx(expected, abs=1e-9), ch
    bold_wider = TextStyle(family, 20, bold=True, italic=italic)
    regular = TextStyle(family, 20, italic=italic)
    assert text_width("Wikimedia", bold_wider) > text_width("Wikimedia", regular)
    assert line_height(style) > 20


def test_measured_metrics_equal_those_of_the_static_instance_libreoffice_gets() -> None:
    face = resolve("IBM Plex Sans", weight=700)
    static = font_file("IBM Plex Sans", bold=True)
    assert "fvar" not in TTFont(static)
    measured = Advances(face.path, face.location)
    cut = Advances(static)
    for text in (TEXT, "AVATAR Tuning Wave", "Ўкраїна Ελλάδα"):
        assert measured.width(text) == cut.width(text)
    assert measured.line_height == cut.line_height


def test_theme_files_and_folders_are_relative_to_the_toml_file(tmp_path: Path) -> None:
    regular = fontpkg_lato.ROOT / "files" / "Lato-Regular.ttf"
    bold = fontpkg_lato.ROOT / "files" / "Lato-Bold.ttf"
    # misleading file names: the family, weight and style are read from the tables
    renamed_font(regular, tmp_path / "fonts" / "Deck-Bold.ttf", "Tuningdeck Test Sans")
    renamed_font(bold, tmp_path / "more" / "Deck-Regular.ttf", "Tuningdeck Test Sans")
    toml = tmp_path / "look.toml"
    toml.write_text(
        (Path(__file__).resolve().parents[2] / "layouts" / "foundation.toml")
        .read_text(encoding="utf-8")
        .replace(
            'heading = "Montserrat"',
            'heading = "Tuningdeck Test Sans"\nfiles = ["fonts/", "more/Deck-Regular.ttf"]',
        ),
        encoding="utf-8",
    )
    theme = Theme.load(toml)
    assert theme.fonts.files == (str(tmp_path / "fonts"), str(tmp_path / "more/Deck-Regular.ttf"))
    assert resolve("Tuningdeck Test Sans").path.name == "Deck-Bold.ttf"
    assert resolve("Tuningdeck Test Sans", weight=700).path.name == "Deck-Regular.ttf"
    style = TextStyle("Tuningdeck Test Sans", 10)
    assert text_width(TEXT, style) == pytest.approx(text_width(TEXT, TextStyle("Lato", 10)))


def test_a_font_that_cannot_be_found_is_an_error_naming_it_and_where_it_looked(
    tmp_path: Path,
) -> None:
    add_sources([tmp_path], ["fontpkg_ibm_plex_sans"])
    with pytest.raises(FontNotFoundError) as e:
        resolve("Frutiger Next Pro")
    message = str(e.value)
    assert "'Frutiger Next Pro' was not found" in message
    assert str(tmp_path) in message and "fontpkg_ibm_plex_sans" in message
    assert "fontconfig" in message and "pip install fontpkg-frutiger-next-pro" in message


def test_measuring_text_in_a_missing_font_is_that_error() -> None:
    with pytest.raises(FontNotFoundError, match="'Frutiger Next Pro' was not found"):
        text_width("x", TextStyle("Frutiger Next Pro", 10))


def test_a_weight_the_family_lacks_is_an_error_unless_the_nearest_is_asked() -> None:
    with pytest.raises(FontNotFoundError, match="no weight 800"):
        resolve("IBM Plex Sans", weight=800)
    assert resolve("IBM Plex Sans", weight=800, nearest=True).weight == 700


def test_fontconfig_families_are_taken_only_when_exactly_named() -> None:
    if shutil.which("fc-list") is None:
        pytest.fail("fc-list not found: install fontconfig")
    face = resolve("DejaVu Sans")
    assert face.path.name.startswith("DejaVuSans")
    with pytest.raises(FontNotFoundError):
        resolve("DejaVu Sans Hairline")  # fontconfig would substitute; we do not


def test_slow_preparation_is_announced_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    import time

    with notice("cutting something", delay=0.01):
        time.sleep(0.2)
    with notice("reading something quick", delay=5):
        pass
    err = capsys.readouterr().err
    assert "preparing fonts: cutting something…" in err and "done in" in err
    assert "quick" not in err
