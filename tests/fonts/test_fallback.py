"""Characters the theme's font lacks are measured in their script's fallback font, by pieces."""

from __future__ import annotations

import pytest
from PIL import ImageFont

from tuningdeck.fonts import (
    EXTRA,
    Face,
    MissingScriptFont,
    fallback_family,
    resolve,
    script_families,
    script_of,
    set_script_families,
)
from tuningdeck.fonts import fallback as fallback_module
from tuningdeck.text.measure import TextStyle, font_pieces, text_width


def shaped(face: Face, text: str) -> float:
    """HarfBuzz's width of ``text`` in ems, through Pillow, at the face's location."""
    font = ImageFont.truetype(str(face.path), 2000)
    if face.variable:
        font.set_variation_by_axes([value for _, value in face.location])
    return font.getlength(text) / 2000


@pytest.mark.parametrize(
    ("ch", "family"),
    [
        ("中", "Noto Sans CJK SC"),
        ("あ", "Noto Sans CJK SC"),
        ("한", "Noto Sans CJK SC"),
        ("م", "Noto Sans Arabic"),
        ("न", "Noto Sans Devanagari"),
        ("ש", "Heebo"),
        ("ก", "Noto Sans Thai"),
        ("ệ", "Noto Sans"),
    ],
)
def test_each_script_has_its_fallback_family(ch: str, family: str) -> None:
    assert fallback_family(ch) == family


def test_characters_no_installed_font_has_have_no_fallback() -> None:
    assert fallback_family("\U0001f600") is None  # an emoji
    assert fallback_family("\u200d") is None  # a joiner belongs to the characters around it
    assert script_of("a") == "Latn" and script_of("€") is None


def test_a_run_is_split_into_pieces_by_the_font_that_has_them() -> None:
    style = TextStyle("Lato", 12, bold=True)
    assert font_pieces("Hello 世界!", style) == [
        ("Hello ", "Lato"),
        ("世界", "Noto Sans CJK SC"),
        ("!", "Lato"),
    ]
    # a combining mark stays with its letter: the cluster is shaped in one font
    assert font_pieces("नमस्ते, Delhi", style) == [
        ("नमस्ते", "Noto Sans Devanagari"),
        (", Delhi", "Lato"),
    ]


def test_mixed_text_is_as_wide_as_its_pieces_in_their_fonts() -> None:
    size = 20
    style = TextStyle("Lato", size, bold=True)
    lato = resolve("Lato", weight=700)
    devanagari = resolve("Noto Sans Devanagari", weight=700, nearest=True)
    cjk = resolve("Noto Sans CJK SC", weight=700, nearest=True)
    assert devanagari.weight == 700 and cjk.weight == 400  # CJK SC comes in Regular only
    # a space after Devanagari is drawn in the Devanagari font, as LibreOffice draws it (a space
    # takes the script of the letter before it)
    expected = (
        shaped(lato, "Budget ")
        + shaped(devanagari, "नमस्ते ")
        + shaped(lato, "and ")
        + shaped(cjk, "维基媒体")
    ) * size
    assert text_width("Budget नमस्ते and 维基媒体", style) == pytest.approx(expected, rel=1e-3)
    # CJK ideographs are one em wide: a real measurement, not an estimate
    assert text_width("维基媒体", style) == pytest.approx(4 * size, rel=1e-3)


def test_arabic_and_hebrew_are_shaped_in_their_fonts() -> None:
    style = TextStyle("Montserrat", 14)
    arabic = resolve("Noto Sans Arabic")
    hebrew = resolve("Heebo")
    assert text_width("مرحبا بالعالم", style) == pytest.approx(
        shaped(arabic, "مرحبا بالعالم") * 14, rel=1e-3
    )
    assert text_width("שלום", style) == pytest.approx(shaped(hebrew, "שלום") * 14, rel=1e-3)


def test_a_theme_may_name_other_script_families(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fallback_module, "_overrides", {})
    set_script_families({"Hebr": "Noto Sans"})  # no Hebrew in it: the next family that has it
    assert script_families()["Hebr"] == "Noto Sans"
    assert fallback_family("ש") == "Heebo"
    set_script_families({"Latn": "IBM Plex Sans"})
    assert fallback_family("ệ") == "IBM Plex Sans"
    with pytest.raises(ValueError, match="unknown script 'Klingon'"):
        set_script_families({"Klingon": "pIqaD"})
    monkeypatch.setattr(fallback_module, "_overrides", {})
    fallback_module._family_for.cache_clear()


def test_text_in_a_script_whose_font_is_missing_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As without ``tuningdeck[scripts]``: the CJK family is nowhere to be found."""
    missing = "Noto Sans CJK XX"
    monkeypatch.setitem(fallback_module.SCRIPT_FAMILIES, "Hani", missing)
    monkeypatch.setitem(fallback_module.PACKAGES, missing, "mplfonts")
    monkeypatch.setattr(fallback_module, "_overrides", {})
    fallback_module._family_for.cache_clear()
    try:
        with pytest.raises(MissingScriptFont) as e:
            text_width("维基", TextStyle("Lato", 10, italic=True))
        assert f"pip install '{EXTRA}'" in str(e.value)
        assert missing in str(e.value) and "Hani" in str(e.value)
    finally:
        fallback_module._family_for.cache_clear()
