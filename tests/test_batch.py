"""Many decks at once: every quarter, one deck per department, and a PDF beside each."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation
from typer.testing import CliRunner

from tests.workbook import year
from tests.workbook.sheets import save
from tuningdeck.batch import split_by_department
from tuningdeck.cli import app
from tuningdeck.model import Deck, ObjectiveSlide, SectionSlide, TitleSlide
from tuningdeck.output import is_deck
from tuningdeck.workbook import read_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def test_every_department_of_the_example_gets_a_deck_and_a_pdf(
    tmp_path: Path, libreoffice: None
) -> None:
    out = tmp_path / "decks"
    result = run(
        "build", EXAMPLE, "--quarter", "all", "--split-by", "department", "--out-dir", out, "--pdf"
    )
    assert result.exit_code == 0, result.output
    deck = read_workbook(EXAMPLE, "Q1")
    departments = list(dict.fromkeys(s.department for s in deck.slides if s.department))
    assert len(departments) >= 2
    names = {p.name for p in out.iterdir()}
    for d in departments:
        stem = f"thriving-movement-fy20-21-Q1-{d.lower().replace(' ', '-')}"
        assert {f"{stem}.pptx", f"{stem}.pdf"} <= names, names
        pptx = out / f"{stem}.pptx"
        assert is_deck(pptx) and (out / f"{stem}.pdf").read_bytes().startswith(b"%PDF")
        shown = {
            shape.text_frame.text
            for slide in Presentation(str(pptx)).slides
            for shape in slide.placeholders
            if shape.name == "Department"
        }
        assert shown <= {"", f"Department: {d}"}, shown
    assert len(names) == 2 * len(departments)


def test_quarter_all_builds_every_quarter_so_far(tmp_path: Path) -> None:
    workbook = save(tmp_path / "library.xlsx", year.at_end_of(3))
    result = run("build", workbook, "--quarter", "all", "-v")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.pptx")) == [
        "library-Q1.pptx",
        "library-Q2.pptx",
        "library-Q3.pptx",
    ]
    assert "okr change" in result.output  # -v lists the slides


def test_a_batch_refuses_o_and_a_workbook_without_departments(tmp_path: Path) -> None:
    bad = run("build", EXAMPLE, "--quarter", "all", "-o", tmp_path / "x.pptx")
    assert bad.exit_code == 2 and "--out-dir" in bad.stderr
    sheets = year.at_end_of(1)
    column = sheets["Objectives"][0].index("Department")
    for row in sheets["Objectives"][1:]:
        row[column] = None
    plain = save(tmp_path / "plain.xlsx", sheets)
    result = run("build", plain, "--split-by", "department", "--out-dir", tmp_path / "o")
    assert result.exit_code == 2 and "nothing to split by" in result.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_a_department_deck_keeps_shared_slides_and_drops_empty_dividers() -> None:
    deck = Deck(
        [
            TitleSlide(title="T"),
            SectionSlide(title="Product work"),
            ObjectiveSlide(title="A", objective="o", department="Product"),
            SectionSlide(title="Legal work"),
            ObjectiveSlide(title="B", objective="o", department="Legal"),
            SectionSlide(title="Appendix"),
            ObjectiveSlide(title="C", objective="o"),
        ]
    )
    parts = split_by_department(deck)
    assert list(parts) == ["Product", "Legal"]
    assert [s.title for s in parts["Product"].slides] == [  # type: ignore[attr-defined]
        "T",
        "Product work",
        "A",
        "Appendix",
        "C",
    ]
    assert [s.title for s in parts["Legal"].slides] == [  # type: ignore[attr-defined]
        "T",
        "Legal work",
        "B",
        "Appendix",
        "C",
    ]


def test_images_folder_is_found_for_batches(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    shutil.copy(EXAMPLE, tmp_path / "t.xlsx")
    result = run("build", tmp_path / "t.xlsx", "--quarter", "Q1", "--out-dir", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["t-Q1.pptx"]
