"""Widths from the font's advance and kerning tables agree with HarfBuzz shaping (via Pillow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageFont

from tuningdeck.fonts import font_file
from tuningdeck.text.advances import Advances

REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "data"


def _corpus() -> list[str]:
    lines = [
        line.strip()
        for path in sorted(REFERENCE.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return sorted({w for line in lines for w in line.split()}) + lines


@pytest.mark.parametrize(
    ("family", "bold", "italic"),
    [
        ("Lato", False, False),
        ("Lato", True, False),
        ("Lato", False, True),
        ("Montserrat", False, False),
        ("Montserrat", True, False),
    ],
)
def test_table_widths_match_shaped_widths(family: str, bold: bool, italic: bool) -> None:
    path = font_file(family, bold=bold, italic=italic)
    ours, shaped = Advances(path), ImageFont.truetype(str(path), 2000)
    measured = 0
    for text in _corpus():
        width = ours.width(text)
        if width is None:
            continue
        measured += 1
        assert width == pytest.approx(shaped.getlength(text) / 2000, abs=0.002), text
    assert measured > 500  # most of the text is measured from the tables


def test_text_that_needs_shaping_is_left_to_the_shaper() -> None:
    ours = Advances(font_file("Lato", bold=False, italic=False))
    assert ours.width("office") is None  # "ff"/"fi" form ligatures
    assert ours.width("(see)") is None  # brackets are mirrored and paired by the shaper
    assert ours.width("مرحبا") is None and ours.width("नमस्ते") is None
    assert ours.width("Wave AV") is not None


def test_decoded_tables_are_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = font_file("Lato", bold=False, italic=False)
    first = Advances(path).width("Wave")
    assert len(list((tmp_path / "tuningdeck" / "metrics").glob("*.pickle"))) == 1
    assert Advances(path).width("Wave") == first
