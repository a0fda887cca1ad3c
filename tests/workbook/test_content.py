"""Content slides from the workbook's Content sheet: text, a picture beside it, its alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as PILImage
from typer.testing import CliRunner

from tests.workbook.sheets import Sheets, problems, save, set_cell
from tuningdeck.cli import app
from tuningdeck.model import ContentSlide
from tuningdeck.workbook import read_workbook

HEADER = ["Key", "Quarter", "Title", "Text", "Image", "Alt text", "Department", "Footnote", "Notes"]
TEXT = "Teachers trained:\n- 470+ in Bolivia, Morocco and the Philippines\n1. Train\n2. Pilot"


def content_sheets() -> Sheets:
    return {
        "Deck": [
            ["Setting", "Value"],
            ["Priority", "Thriving Movement"],
            ["Fiscal year", "FY20-21"],
        ],
        "Slides": [
            ["Kind", "Key", "Quarters", "Notes"],
            ["content", "reading"],
            ["Content", "plain"],
        ],
        "Content": [
            HEADER,
            [
                "reading",
                "Q1",
                "Reading Wikipedia",
                TEXT,
                "images/pathway.png",
                "The pathway",
                "Community Programs",
                "* preliminary",
                "Mention the pilot.",
            ],
            ["reading", "Q2", "Reading Wikipedia", "Q2 text."],
            ["plain", "all", "Plain", "Just text."],
        ],
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (80, 50)).save(tmp_path / "images" / "pathway.png")
    return tmp_path


def test_a_content_row_becomes_a_content_slide(folder: Path) -> None:
    deck = read_workbook(save(folder / "t.xlsx", content_sheets()), "Q1")
    assert deck.slides == (
        ContentSlide(
            title="Reading Wikipedia",
            text=TEXT,
            image=folder / "images" / "pathway.png",
            alt_text="The pathway",
            department="Community Programs",
            footnote="* preliminary",
            notes="Mention the pilot.",
        ),
        ContentSlide(title="Plain", text="Just text."),
    )
    (q2, _) = read_workbook(folder / "t.xlsx", "Q2").slides
    assert q2 == ContentSlide(title="Reading Wikipedia", text="Q2 text.")


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            [set_cell("Content", 2, 5, "images/missing.png")],
            'Content!E2: image "images/missing.png": image file not found ({folder}/images/'
            "missing.png); expected a picture file (PNG, JPEG, GIF, …), its path relative to the "
            "workbook's folder",
        ),
        (
            [set_cell("Content", 3, 6, "A picture")],
            "Content!F3: the content slide cannot be made (ContentSlide.alt_text: describes a "
            "picture, but there is no image); expected cells the slide can show",
        ),
        (
            [set_cell("Content", 2, 4, None)],
            'Content!D2: empty required cell "Text"; expected the text: a paragraph a line, - for '
            "a bullet, numbered items",
        ),
    ],
    ids=["missing picture", "alt text without a picture", "no text"],
)
def test_bad_content_rows_are_named_by_cell(folder: Path, edits, expected: str) -> None:  # type: ignore[no-untyped-def]
    sheets = content_sheets()
    for edit in edits:
        edit(sheets)
    quarter = "Q2" if "F3" in expected else "Q1"
    path = save(folder / "t.xlsx", sheets)
    assert problems(path, quarter) == [expected.format(folder=folder)]


def test_the_command_line_exits_2_naming_the_cell(folder: Path) -> None:
    sheets = content_sheets()
    set_cell("Content", 2, 5, "images/missing.png")(sheets)
    out = folder / "deck.pptx"
    args = ["build", str(save(folder / "t.xlsx", sheets)), "--quarter", "Q1", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert 'Content!E2: image "images/missing.png": image file not found' in result.stderr
    assert not out.exists()
