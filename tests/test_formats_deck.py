"""The formats workbook (examples/formats-fy20-21.xlsx) is what its script writes and builds a
valid, clean Q2 deck: numbered lists, cells of several paragraphs, a quote beside two pictures,
words before highlights' numbers, and headers written in the workbook."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from pptx import Presentation

from tests.render_check import RenderedDeck, audit_errors, deck_problems
from tuningdeck import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WORKBOOK = EXAMPLES / "formats-fy20-21.xlsx"


def script() -> ModuleType:
    """examples/make_formats_gallery.py, imported as its folder's scripts import each other."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        spec = importlib.util.spec_from_file_location(
            "make_formats_gallery", EXAMPLES / "make_formats_gallery.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(EXAMPLES))


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(WORKBOOK, tmp_path_factory.mktemp("formats") / "q2.pptx", quarter="Q2")


def test_the_workbook_is_what_the_script_writes() -> None:
    module = script()
    assert module.workbook_bytes(module.build_workbook()) == WORKBOOK.read_bytes()


def test_one_slide_per_format_and_a_gallery_png_for_each(deck: Path) -> None:
    prs = Presentation(str(deck))
    assert [s.slide_layout.name for s in prs.slides] == [
        "Objective",
        "Table",
        "Image and Quote",
        "Highlights",
        "Table",
    ]
    for name in script().NAMES:
        assert (ROOT / "docs" / "gallery" / f"{name}.png").is_file()


def test_openxml_audit_reports_no_errors(deck: Path) -> None:
    assert audit_errors(deck) == []


def test_libreoffice_render_is_clean(
    deck: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    rendered = render_deck(deck)
    assert deck_problems(rendered) == []
    numbers = [w.text for w in rendered.slides[0].page.words if w.text in ("1.", "2.", "3.")]
    assert numbers == ["1.", "2.", "3.", "1.", "2."]  # steps 1-3, the third with its own 1, 2
