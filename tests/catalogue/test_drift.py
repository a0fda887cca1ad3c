"""What is written for people follows the declarations: the workbook reference, the README, the
blank workbook and the example workbook name every declared kind, sheet, column and layout."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

from tuningdeck.catalogue import CATALOGUE
from tuningdeck.vocab import Layout
from tuningdeck.workbook.blank import build_blank_workbook
from tuningdeck.workbook.schema import ColumnSpec, SheetSpec
from tuningdeck.workbook.sheets import SHEETS, SLIDES

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK_DOC = ROOT / "docs" / "workbook.md"
README = ROOT / "README.md"
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
NAMES = [k.name for k in CATALOGUE]


def _sections(text: str) -> dict[str, str]:
    """The ``### Sheet (…)`` sections under the workbook reference's ``## Sheets``, by sheet."""
    out = {}
    sheets = text.split("\n## Sheets\n", 1)[1]
    for part in re.split(r"^### ", sheets, flags=re.M)[1:]:
        heading, _, body = part.partition("\n")
        out[heading.split(" (")[0].strip()] = heading + "\n" + body.split("\n## ")[0]
    return out


def _mentions(text: str, column: ColumnSpec) -> bool:
    """Whether ``text`` names the column, or a range such as ``Image 2 … Image 4`` holding it."""
    if re.search(rf"(?<![\w-]){re.escape(column.name)}(?![\w-])", text):
        return True
    m = re.fullmatch(r"(.+) (\d+)", column.name)
    if not m:
        return False
    stem, n = re.escape(m.group(1)), int(m.group(2))
    ranges = re.findall(rf"{stem} (\d+)[^…]{{0,40}}…[^…]{{0,40}}?{stem} (\d+)", text)
    return any(int(a) <= n <= int(b) for a, b in ranges)


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    return _sections(WORKBOOK_DOC.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.name for s in SHEETS])
def test_the_workbook_reference_describes_every_sheet_and_column(
    sheet: SheetSpec, sections: dict[str, str]
) -> None:
    assert sheet.name in sections, f"docs/workbook.md has no section ### {sheet.name}"
    text = sections[sheet.name]
    missing = [c.name for c in sheet.columns if not _mentions(text, c)]
    assert not missing, f"### {sheet.name} does not name {missing}"
    for setting in sheet.settings:
        assert f"| {setting.name} |" in text


def test_the_workbook_reference_has_no_sheet_the_reader_lacks(sections: dict[str, str]) -> None:
    assert set(sections) == {s.name for s in SHEETS}


def test_the_workbook_reference_names_every_kind(sections: dict[str, str]) -> None:
    kind_row = next(ln for ln in sections["Slides"].splitlines() if ln.startswith("| Kind |"))
    assert re.findall(r"`([^`]+)`", kind_row.split("(case")[0]) == NAMES
    for kind in CATALOGUE:
        if kind.source.sheet is not None:
            heading = sections[kind.source.sheet.name].splitlines()[0]
            assert f"`{kind.name}`" in heading, heading


def test_the_readme_names_every_kind_class_and_layout() -> None:
    text = README.read_text(encoding="utf-8")
    for kind in CATALOGUE:
        assert f"`{kind.model.__name__}`" in text
    for layout in Layout:
        assert f"`{layout}`" in text


def test_the_slides_help_and_the_blank_workbook_offer_every_kind() -> None:
    kind = SLIDES.column("Kind")
    assert kind.help == f"a slide kind: {', '.join(NAMES[:-1])} or {NAMES[-1]}"
    wb = build_blank_workbook()
    assert wb.sheetnames == [s.name for s in SHEETS]
    for spec in SHEETS:
        assert [c.value for c in wb[spec.name][1]] == [c.name for c in spec.columns]
    ws = wb["Slides"]
    assert ws["A1"].comment.text == f"Required: {kind.help}."
    (offered,) = [dv for dv in ws.data_validations.dataValidation if "A2" in str(dv.sqref)]
    assert offered.formula1 == '"' + ",".join(NAMES) + '"'


def _example_generator() -> ModuleType:
    path = ROOT / "examples" / "make_example_workbook.py"
    spec = importlib.util.spec_from_file_location("make_example_workbook", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_workbook_has_the_declared_sheets_as_generated() -> None:
    generator = _example_generator()
    written = generator.sheets()
    assert [name for name, _, _ in written] == [s.name for s in SHEETS]
    for (name, columns, _), spec in zip(written, SHEETS, strict=True):
        assert [c for c, _ in columns] == [c.name for c in spec.columns], name
    generated = generator.build_workbook()
    committed = load_workbook(EXAMPLE)
    assert committed.sheetnames == generated.sheetnames
    for name in generated.sheetnames:
        new = [[c.value for c in row] for row in generated[name].iter_rows()]
        old = [[c.value for c in row] for row in committed[name].iter_rows()]
        assert old == new, (
            f"{EXAMPLE.name} sheet {name} is not what examples/make_example_workbook.py "
            "writes; run it again"
        )


def test_the_pictures_the_workbook_reference_shows_exist() -> None:
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", WORKBOOK_DOC.read_text(encoding="utf-8"))
    assert shown and all((WORKBOOK_DOC.parent / p).is_file() for p in shown)
