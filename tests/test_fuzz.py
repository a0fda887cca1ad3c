"""Mutated example workbooks: every one reads and lays out, or is refused with Sheet!Cell problems.

200 seeded cases each change a few cells of the example workbook (the sheets as read from the
file) to values a person or a hostile file might put there: blanks, huge or unbreakable text,
emoji, zero-width and control characters, numbers, dates, booleans, wrong quarters and kinds,
markup gone wrong. Each case must either give a deck whose every slide lays out (and, for every
tenth, a saved deck with no openxml-audit errors), or raise an InputError whose problems each
name a sheet; never another exception.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import warnings
from pathlib import Path

import openxml_audit
import pytest

from tuningdeck.errors import InputError, LayoutError, WorkbookError, WorkbookWarning
from tuningdeck.render import check_deck, render_deck
from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.reader import read_sheets
from tuningdeck.workbook.xlsx import RawSheet, load_sheets

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
CASES = 200

VALUES: list[object] = [
    None,
    "",
    "   ",
    "x",
    "all",
    "Q2",
    "Q5",
    "from Q3",
    "Q4-Q1",
    "sub",
    "lower",
    "crop",
    "stretch",
    "objective",
    "section",
    "no such kind",
    "**bold** and *italic* [a link](https://example.org/A_(b))",
    "[bad link](javascript:alert(1))",
    "**unclosed",
    "^{+o} \\* 1. one\n2. two\n- bullet",
    "word " * 400,
    "x" * 3000,
    "😀" * 150,
    "\u200b" * 50,
    "مرحبا بالعالم",
    "中文标题",
    "=SUM(A1:A2)",
    42,
    0.073,
    -1e308,
    True,
    dt.datetime(2020, 10, 1),
    dt.date(2021, 1, 31),
    "images/reply-tool-sv-wiki.png",
    "../../etc/passwd",
    "/dev/zero",
]


@pytest.fixture(scope="module")
def example() -> dict[str, RawSheet]:
    return load_sheets(EXAMPLE)


def _mutate(sheets: dict[str, RawSheet], rng: random.Random) -> dict[str, RawSheet]:
    out = dict(sheets)
    for _ in range(rng.randint(1, 4)):
        key = rng.choice(sorted(out))
        sheet = out[key]
        if not sheet.rows:
            continue
        rows = [list(r) for r in sheet.rows]
        r = rng.randrange(len(rows))
        width = max(len(rows[0]), 1)
        c = rng.randrange(width + 1)
        rows[r] += [RawCell(None)] * (c + 1 - len(rows[r]))
        value = rng.choice(VALUES)
        kind = "s" if isinstance(value, str) else "b" if isinstance(value, bool) else "n"
        rows[r][c] = RawCell(value, kind, "0.0%" if value == 0.073 else None)
        out[key] = RawSheet(sheet.title, tuple(tuple(row) for row in rows))
    return out


@pytest.mark.parametrize("seed", range(CASES))
def test_a_mutated_workbook_builds_or_is_refused_cell_by_cell(
    example: dict[str, RawSheet], seed: int, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    sheets = _mutate(example, rng)
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", WorkbookWarning)  # an ignored column or setting
            deck = read_sheets(sheets, "Q1", folder=tmp_path, path="fuzz.xlsx")
        check_deck(deck)
    except WorkbookError as e:
        assert e.problems and all(p.sheet for p in e.problems)
        return
    except LayoutError as e:
        assert e.problems and all(p.sheet and "!" not in p.sheet for p in e.problems)
        return
    except InputError as e:
        assert str(e).strip()
        return
    if seed % 10 == 0:
        out = render_deck(deck).save(tmp_path / "fuzz.pptx")
        assert openxml_audit.validate_pptx(out).error_count == 0
