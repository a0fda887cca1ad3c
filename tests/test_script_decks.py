"""Decks in Arabic, Hebrew, Hindi and Chinese (examples/make_scripts_gallery.py): a priority
update, key results and acronyms each, valid and rendered clean by LibreOffice, every letter
drawn from its script's font, right-to-left text aligned right and its tables mirrored."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from pptx import Presentation

from tests.render_check import Frame, RenderedDeck, audit_errors, deck_problems
from tuningdeck.preview import Word
from tuningdeck.text.scripts import script_of

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EMU_PER_POINT = 12700

#: Per deck: its script, the font file (PostScript name) that draws it, its direction.
DECKS = {
    "arabic": ("arabic", "NotoSansArabic", "rtl"),
    "hebrew": ("hebrew", "Heebo", "rtl"),
    "hindi": ("devanagari", "NotoSansDevanagari", "ltr"),
    "chinese": ("han", "NotoSansCJKsc", "ltr"),
    "thai": ("thai", "NotoSansThai", "ltr"),
}


def script() -> ModuleType:
    """examples/make_scripts_gallery.py, imported as a module."""
    spec = importlib.util.spec_from_file_location(
        "make_scripts_gallery", EXAMPLES / "make_scripts_gallery.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_scripts_gallery", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scripts")
    module = script()
    return {name: module.script_deck(name).save(folder / f"{name}.pptx") for name in DECKS}


def test_three_slides_each_and_a_gallery_png(decks: dict[str, Path]) -> None:
    for name, path in decks.items():
        prs = Presentation(str(path))
        assert [s.slide_layout.name for s in prs.slides] == ["Priority Update", "Table", "Content"]
        assert (ROOT / "docs" / "gallery" / f"script-{name}.png").is_file()


def test_openxml_audit_reports_no_errors(decks: dict[str, Path]) -> None:
    for path in decks.values():
        assert audit_errors(path) == []


@pytest.mark.parametrize("name", list(DECKS))
def test_libreoffice_render_is_clean(
    name: str, decks: dict[str, Path], render_deck: Callable[[Path], RenderedDeck]
) -> None:
    assert deck_problems(render_deck(decks[name])) == []


def letters(text: str, script_name: str) -> Counter[str]:
    """The letters of ``script_name`` in ``text`` (presentation forms read as their letters)."""
    text = unicodedata.normalize("NFKC", text)
    return Counter(ch for ch in text if ch.isalpha() and script_of(ch) == script_name)


@pytest.mark.parametrize("name", list(DECKS))
def test_every_letter_is_drawn_from_its_scripts_font(
    name: str, decks: dict[str, Path], render_deck: Callable[[Path], RenderedDeck]
) -> None:
    script_name, font, _ = DECKS[name]
    rendered = render_deck(decks[name])
    fonts = subprocess.run(
        ["pdffonts", str(rendered.pdf)], capture_output=True, text=True, check=True
    ).stdout
    embedded = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts.splitlines()[2:]}
    assert any(f.startswith(f"{font}-") for f in embedded), embedded
    # no other font drew the script (DejaVu, say, when the script's font was not picked)
    assert {f.split("-")[0] for f in embedded} <= {font, "Montserrat", "Lato", "NotoSans"}
    text = subprocess.run(
        ["pdftotext", str(rendered.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    prs = Presentation(str(decks[name]))
    written = "".join(
        sh.text_frame.text
        if sh.has_text_frame
        else "".join(c.text for r in sh.table.rows for c in r.cells)
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_text_frame or sh.has_table
    )
    assert letters(written, script_name)  # the deck is in the script
    assert letters(text, script_name) == letters(written, script_name)


def text_frames(path: Path, slide: int) -> list[Frame]:
    """The frames of the shapes with text on a slide (1-based), in points."""
    prs = Presentation(str(path))
    return [
        Frame(
            sh.left / EMU_PER_POINT,
            sh.top / EMU_PER_POINT,
            (sh.left + sh.width) / EMU_PER_POINT,
            (sh.top + sh.height) / EMU_PER_POINT,
        )
        for sh in prs.slides[slide - 1].shapes
        if sh.has_text_frame and sh.text_frame.text.strip()
    ]


def lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines by their vertical centre."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.center[1]):
        if out and abs(out[-1][-1].center[1] - w.center[1]) < 5:
            out[-1].append(w)
        else:
            out.append([w])
    return out


@pytest.mark.parametrize("name", list(DECKS))
def test_lines_start_at_the_scripts_side(
    name: str, decks: dict[str, Path], render_deck: Callable[[Path], RenderedDeck]
) -> None:
    """On the priority update, each line of the title, narrative and sidebar starts at its
    frame's right edge in Arabic and Hebrew, at its left edge in Hindi and Chinese."""
    direction = DECKS[name][2]
    page = render_deck(decks[name]).slides[0].page
    checked = 0
    for frame in text_frames(decks[name], 1):
        inside = [w for w in page.words if frame.holds(*w.center)]
        if frame.x1 - frame.x0 < 200 or not inside:
            continue  # the department tag and the slide number
        for line in lines(inside):
            if direction == "rtl":
                gap = frame.x1 - max(w.x1 for w in line)
            else:
                gap = min(w.x0 for w in line) - frame.x0
            assert -1 <= gap < 30, (frame, [w.text for w in line], gap)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("name", ["arabic", "hebrew"])
def test_rtl_tables_are_mirrored(
    name: str, decks: dict[str, Path], render_deck: Callable[[Path], RenderedDeck]
) -> None:
    """The key results table runs right to left: its first column (the key results) at the
    right, then the year's goal, then the quarters towards the left."""
    texts = script().TEXTS[name]
    _, _, goal, q1, q2, _ = texts["rows"][0]
    page = render_deck(decks[name]).slides[1].page

    def x(value: str) -> float:
        (found,) = [w for w in page.words if w.y0 > 122 and w.text.strip("%↑ ") == value]
        return found.x0

    assert x(goal.strip("%")) > x(q1.strip("%")) > x(q2.strip("% ↑"))
    result = letters(texts["rows"][0][0], DECKS[name][0])
    drawn = [w for w in page.words if w.y0 > 122 and letters(w.text, DECKS[name][0]) & result]
    assert min(w.x0 for w in drawn[:3]) > x(goal.strip("%"))
