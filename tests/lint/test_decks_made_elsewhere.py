"""The design check on the example deck, on decks other tools made, and on the command line."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.lint.decks import bad_deck, good_deck
from tuningdeck.cli import app
from tuningdeck.lint import CHECKS, check_deck_design
from tuningdeck.preview import _tool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lint-example") / "q1.pptx"
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--quarter", "Q1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_example_deck_is_checked_slide_by_slide(example: Path) -> None:
    report = check_deck_design(example, render=False)
    assert len(report.slides) == 35
    assert not [f for f in report.findings if "could not be read" in f.message]
    assert report.slides[0].title == "Thriving Movement Tuning Session Q1 FY20-21"
    # what the deck's own renderer guarantees: every slide but the untitled picture slide has a
    # title, and its text is at least the theme's floors
    assert set(report.failing_slides("title")) <= {18}
    for s in report.slides:
        assert s.smallest_body is None or s.smallest_body >= 10
        assert s.smallest_table is None or s.smallest_table >= 8


def test_rendering_agrees_with_measuring(example: Path, installed_fonts: Path) -> None:
    measured = check_deck_design(example, render=False)
    rendered = check_deck_design(example, render=True)
    assert rendered.rendered and not measured.rendered
    for m, r in zip(measured.slides, rendered.slides, strict=True):
        if m.body_used is None:
            assert r.body_used is None
        else:
            assert r.body_used is not None and abs(m.body_used - r.body_used) < 0.1, m.number


def test_words_off_the_slide_are_found_in_the_render(tmp_path: Path, libreoffice: None) -> None:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Running off the edge"
    box = slide.shapes.add_textbox(Inches(6), Inches(2), Inches(3), Inches(1))
    box.text_frame.word_wrap = False
    box.text_frame.text = "this sentence is far too long to stay on the slide at this size"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    path = tmp_path / "edge.pptx"
    prs.save(str(path))
    report = check_deck_design(path, render=True)
    assert report.failing_slides("off-slide") == [1]
    assert report.failing_slides("outside-frame") == [1]
    assert check_deck_design(path, render=False).failing_slides("off-slide") == []


def _libreoffice_copy(deck: Path, folder: Path) -> Path:
    """The deck opened and saved again as .pptx by LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="lint-lo-") as profile:
        subprocess.run(
            [
                _tool("soffice"),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pptx",
                "--outdir",
                str(folder),
                str(deck),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return folder / deck.name


def test_a_deck_libreoffice_saved_is_checked(
    example: Path, tmp_path: Path, libreoffice: None
) -> None:
    copy = _libreoffice_copy(example, tmp_path)
    report = check_deck_design(copy, render=False)
    assert len(report.slides) == 35
    assert not [f for f in report.findings if "could not be read" in f.message]
    assert report.slides[2].smallest_body is not None


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(app, ["check", "--design", str(good_deck(tmp_path)), "--no-render"])
    assert good.exit_code == 0, good.output
    assert good.output.splitlines()[-1].startswith("0 failures")
    bad = runner.invoke(app, ["check", str(bad_deck(tmp_path)), "--no-render", "--json"])
    assert bad.exit_code == 1
    data = json.loads(bad.output)
    assert set(data["failures"]) == set(CHECKS)
    assert data["failures"]["title"] == 1 and not data["ok"]
    assert data["failing_slides"]["title"] == [3] and data["failing_slides"]["alt-text"] == [2]
    assert [s["number"] for s in data["slides"]] == [1, 2, 3, 4, 5]
    measured = runner.invoke(app, ["check", str(bad_deck(tmp_path)), "--no-render"])
    assert 'slide 4 "Small print": smallest body text 8 pt' in measured.output
    quiet = runner.invoke(app, ["check", str(bad_deck(tmp_path)), "--no-render", "--quiet"])
    assert "smallest body text" not in quiet.output
    failures = sum(data["failures"].values())
    assert len(quiet.output.splitlines()) == 1 + failures + 1  # the deck, findings, summary
    not_deck = tmp_path / "x.pptx"
    not_deck.write_bytes(b"PK\x03\x04 not really")
    refused = runner.invoke(app, ["check", "--design", str(not_deck)])
    assert refused.exit_code == 2
    assert "not a PowerPoint deck" in refused.output
