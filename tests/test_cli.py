"""The command line: exit codes, messages naming Sheet!Cell, and outputs that are never damaged."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import tuningdeck
from tuningdeck.cli import app
from tuningdeck.render import render_deck

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def broken_copy(tmp_path: Path) -> Path:
    """The example with a missing sheet, a missing column and a wrong-typed cell."""
    wb = openpyxl.load_workbook(EXAMPLE)
    del wb["OKR changes"]
    ws = wb["Objectives"]
    headers = [c.value for c in ws[1]]
    ws.delete_cols(headers.index("Objective") + 1)
    dd = wb["Drill-downs"]
    col = [c.value for c in dd[1]].index("Situation") + 1
    dd.cell(row=2, column=col).value = datetime.datetime(2020, 10, 1)
    path = tmp_path / "broken.xlsx"
    wb.save(path)
    return path


def test_build_writes_the_deck(tmp_path: Path) -> None:
    out = tmp_path / "q1.pptx"
    result = run("build", EXAMPLE, "--quarter", "Q1", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 20_000
    assert "wrote" in result.output


def test_bad_workbook_exits_2_naming_every_cell_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    result = run("build", broken_copy(tmp_path), "--quarter", "Q1", "-o", out)
    assert result.exit_code == 2
    err = result.stderr
    assert "OKR changes: sheet missing" in err
    assert "Objectives!" in err and '"Objective"' in err
    assert "Drill-downs!" in err and "date" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "broken.xlsx"]  # no temp files left behind


def test_existing_output_is_never_damaged(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"previous deck")
    result = run("build", broken_copy(tmp_path), "--quarter", "Q1", "-o", out)
    assert result.exit_code == 2
    assert out.read_bytes() == b"previous deck"


def test_missing_quarter_is_an_error(tmp_path: Path) -> None:
    result = run("build", EXAMPLE, "--quarter", "Q3", "-o", tmp_path / "q3.pptx")
    assert result.exit_code == 2
    assert "has no text for Q3" in result.stderr
    assert not (tmp_path / "q3.pptx").exists()


def test_bad_quarter_option_and_missing_file(tmp_path: Path) -> None:
    assert run("build", EXAMPLE, "--quarter", "Q7", "-o", tmp_path / "x.pptx").exit_code == 2
    result = run("build", tmp_path / "nope.xlsx", "--quarter", "Q1")
    assert result.exit_code == 2 and "nope.xlsx" in result.stderr


def test_bad_template_exits_2(tmp_path: Path) -> None:
    bogus = tmp_path / "t.pptx"
    bogus.write_text("not a zip")
    result = run(
        "build", EXAMPLE, "--quarter", "Q1", "--template", bogus, "-o", tmp_path / "o.pptx"
    )
    assert result.exit_code == 2 and "not a PowerPoint file" in result.stderr


def test_new_writes_a_blank_workbook_that_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    assert run("new", path).exit_code == 0
    assert {"Deck", "Slides", "Objectives", "Acronyms"} <= set(
        openpyxl.load_workbook(path).sheetnames
    )
    again = run("new", path)
    assert again.exit_code == 2 and "exists" in again.stderr


def test_check_reads_and_lays_out_without_writing(tmp_path: Path) -> None:
    result = run("check", EXAMPLE, "--quarter", "Q1")
    assert result.exit_code == 0, result.output
    assert "ok (Q1, " in result.output
    bad = run("check", broken_copy(tmp_path), "--quarter", "Q1")
    assert bad.exit_code == 2 and "OKR changes: sheet missing" in bad.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.xlsx"]


def test_warnings_are_shown_and_the_deck_still_built(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["Objectives"]
    ws.cell(row=1, column=ws.max_column + 1).value = "Owner"  # a working column: no warning
    ws.cell(row=1, column=ws.max_column + 1).value = "Narative"  # a typo: a warning
    path = tmp_path / "owned.xlsx"
    wb.save(path)
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    result = run("build", path, "--quarter", "Q1", "-o", tmp_path / "d.pptx")
    assert result.exit_code == 0, result.output
    assert "warning: Objectives!" in result.stderr and '"Narative"' in result.stderr
    assert "Owner" not in result.stderr
    assert (tmp_path / "d.pptx").is_file()


def test_layout_problems_are_told_together_at_their_cells(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    wb = openpyxl.load_workbook(EXAMPLE)
    long = " ".join(["word"] * 3000)
    for sheet, column in (("Drill-downs", "Situation"), ("OKR changes", "Original")):
        ws = wb[sheet]
        ws.cell(row=2, column=[c.value for c in ws[1]].index(column) + 1).value = long
    path = tmp_path / "long.xlsx"
    wb.save(path)
    result = run("check", path, "--quarter", "Q1")
    assert result.exit_code == 2
    assert "2 slides cannot be laid out" in result.stderr
    assert "Drill-downs!A2: IP Masking: a column is too long" in result.stderr
    assert "OKR changes!A2: OKR Change: Grantmaking: a column is too long" in result.stderr


def test_layout_problems_of_a_deck_built_in_code_name_the_slide() -> None:
    deck = tuningdeck.Deck(
        [
            tuningdeck.TitleSlide(title="Fine"),
            tuningdeck.OkrChangeSlide(title="Too long", original="word " * 3000, proposed="x"),
        ]
    )
    with pytest.raises(tuningdeck.LayoutError) as info:
        render_deck(deck)
    (problem,) = info.value.problems
    assert str(problem).startswith("slide 2 (okr change 'Too long'): Too long: a column")
