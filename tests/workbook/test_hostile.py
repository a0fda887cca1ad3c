"""Hostile and mistaken files: refused quickly, in bounded memory, with one plain message."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PIL import Image as PILImage

from tuningdeck.errors import WorkbookError
from tuningdeck.workbook import read_workbook
from tuningdeck.workbook.xlsx import MAX_ROWS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"


def _zip(path: Path, name: str, data: bytes, size: int, crc: int) -> Path:
    """A one-entry zip whose entry holds raw DEFLATE ``data`` declared to unpack to ``size``."""
    name_b = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(name_b), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(data),
        size,
        len(name_b),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    end = struct.pack(
        "<IHHHHIIH",
        0x06054B50,
        0,
        0,
        1,
        1,
        len(central) + len(name_b),
        len(local) + len(name_b) + len(data),
        0,
    )
    path.write_bytes(local + name_b + data + central + name_b + end)
    return path


def _deflated_spaces(megabytes: int) -> tuple[bytes, int]:
    """Raw DEFLATE of ``megabytes`` MB of spaces, made in milliseconds, and its CRC-32."""
    chunk = b" " * 2**20
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)  # a self-contained block
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return block * megabytes + c.flush(zlib.Z_FINISH), crc


def _peak_of(*args: str) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run the CLI; its exit, its CPU seconds (user and system: the work it did, however busy
    the machine) and its peak memory (MB)."""
    script = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = usage.ru_utime + usage.ru_stime\n"
        "print(r.returncode, cpu, usage.ru_maxrss / 1024)\n"
        "sys.stderr.write(r.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, sys.executable, "-m", "tuningdeck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    code, cpu, peak = out.stdout.split()
    result = subprocess.CompletedProcess(args, int(code), "", out.stderr)
    return result, float(cpu), float(peak)


@pytest.mark.parametrize("lying", [False, True], ids=["declared", "lying about its size"])
def test_a_zip_bomb_is_refused_within_2_s_and_300_mb(tmp_path: Path, lying: bool) -> None:
    data, crc = _deflated_spaces(2048)  # 2 GB of spaces in about 2 MB
    size = 1024 if lying else 2048 * 2**20
    bomb = _zip(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", data, size, crc)
    assert bomb.stat().st_size < 4 * 2**20
    result, cpu, peak = _peak_of("check", str(bomb), "--quarter", "Q1")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert cpu < 2.0 and peak < 300, (cpu, peak)


def test_old_excel_and_other_formats_get_advice(tmp_path: Path) -> None:
    xls = tmp_path / "tracker.xlsx"
    xls.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    numbers = tmp_path / "tracker.numbers"
    numbers.write_bytes(b"PK\3\4")
    csv = tmp_path / "tracker.csv"
    csv.write_text("Kind\n")
    for path, advice in (
        (xls, "Excel 97-2003"),
        (numbers, "export it from Numbers as Excel (.xlsx)"),
        (csv, "save it as .xlsx"),
    ):
        with pytest.raises(WorkbookError) as info:
            read_workbook(path, "Q1")
        (problem,) = info.value.problems
        assert advice in problem.message and "xlrd" not in problem.message


def test_a_sheet_past_the_row_limit_is_one_problem_quickly(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Slides"
    ws.append(["Kind", "Key"])
    ws.cell(row=MAX_ROWS + 50, column=1, value="title")
    path = tmp_path / "long.xlsx"
    wb.save(path)
    start = time.perf_counter()
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, "Q1")
    assert time.perf_counter() - start < 5
    (problem,) = info.value.problems
    assert problem.where == f"Slides!A{MAX_ROWS + 1}"
    assert f"more than {MAX_ROWS:,} rows" in problem.message


def test_misspelt_sheets_columns_and_kinds_get_a_suggestion(tmp_path: Path) -> None:
    wb = load_workbook(EXAMPLE)
    wb["Objectives"].title = "Objectivs"
    wb["Slides"]["A3"] = "sectoin"
    ws = wb["Acronyms"]
    ws["A1"] = "Terms"
    path = tmp_path / "typos.xlsx"
    wb.save(path)
    with (
        pytest.warns(UserWarning, match=r'"Terms" \(did you mean "Term"\?\) ignored'),
        pytest.raises(WorkbookError) as info,
    ):
        read_workbook(path, "Q1")
    text = str(info.value)
    assert 'Objectives: sheet missing (did you mean "Objectivs"?)' in text
    assert 'unknown kind "sectoin" (did you mean "section"?)' in text
    assert 'missing column "Term" (did you mean "Terms"?)' in text


def _example_copy(tmp_path: Path, picture: str) -> Path:
    """The example workbook in ``tmp_path`` whose first picture cell names ``picture``."""
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    wb = load_workbook(EXAMPLE)
    ws = wb["Images"]
    column = [c.value for c in ws[1]].index("Image 1") + 1
    ws.cell(row=2, column=column).value = picture
    path = tmp_path / "tracker.xlsx"
    wb.save(path)
    return path


def _png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that says it is ``width`` x ``height`` and holds almost nothing."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


def _one_problem(path: Path, **kwargs: object) -> str:
    with pytest.raises(WorkbookError) as info:
        read_workbook(path, "Q1", **kwargs)  # type: ignore[arg-type]
    (problem,) = info.value.problems
    return str(problem)


def test_a_picture_outside_the_workbooks_folder_needs_its_folder_given(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    PILImage.new("RGB", (40, 30)).save(outside / "photo.png")
    book = tmp_path / "book"
    for n, picture in enumerate(
        (
            str(outside / "photo.png"),
            "../outside/photo.png",
            "../outside/nothing.png",
            "/etc/passwd",
        )
    ):
        message = _one_problem(_example_copy(book / str(n), picture))
        assert "is outside the workbook's folder" in message, message
        assert "not found" not in message and "passwd" not in message.split(":", 1)[0]
    path = _example_copy(tmp_path / "again", "../outside/photo.png")
    assert "is outside" in _one_problem(path)
    assert read_workbook(path, "Q1", picture_folders=[outside]).slides


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda p: _png_header(p / "huge.png", 30_000, 30_000),
            "too many pixels",
        ),
        (lambda p: p / ("x" * 300 + ".png"), "cannot be read (File name too long)"),
        (
            lambda p: (
                p.joinpath("cut.png").write_bytes(
                    (EXAMPLE.parent / "images" / "reply-tool-sv-wiki.png").read_bytes()[:5000]
                )
                and p / "cut.png"
            ),
            "the picture is damaged or cut short",
        ),
    ],
    ids=["30000 x 30000", "name too long", "truncated"],
)
def test_bad_pictures_are_told_at_their_cell(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    picture = make(tmp_path)
    message = _one_problem(_example_copy(tmp_path, picture.name))
    assert message.startswith("Images!") and expected in message, message


def test_a_control_character_in_a_cell_is_told_at_its_cell() -> None:
    from tuningdeck.workbook.cells import RawCell
    from tuningdeck.workbook.reader import read_sheets
    from tuningdeck.workbook.xlsx import RawSheet

    rows = {
        "Deck": [["Setting", "Value"], ["Priority", "P"], ["Fiscal year", "FY20-21"]],
        "Slides": [["Kind", "Key"], ["section", "Bell\x07 here"]],
    }
    raw = {
        name.lower(): RawSheet(name, tuple(tuple(RawCell(v) for v in r) for r in sheet))
        for name, sheet in rows.items()
    }
    with pytest.raises(WorkbookError) as info:
        read_sheets(raw, "Q1")
    (problem,) = info.value.problems
    assert str(problem).startswith("Slides!B2: contains the control character U+0007 at ")


def test_too_many_slides_for_one_deck_is_one_problem(tmp_path: Path) -> None:
    from tuningdeck.workbook.reader import MAX_SLIDES

    wb = Workbook(write_only=True)
    deck = wb.create_sheet("Deck")
    for row in (["Setting", "Value"], ["Priority", "P"], ["Fiscal year", "FY20-21"]):
        deck.append(row)
    slides = wb.create_sheet("Slides")
    slides.append(["Kind", "Key"])
    for i in range(MAX_SLIDES + 5):
        slides.append(["section", f"Part {i}"])
    path = tmp_path / "many.xlsx"
    wb.save(path)
    message = _one_problem(path)
    assert message.startswith(f"Slides!A{MAX_SLIDES + 2}: {MAX_SLIDES + 5:,} slides in Q1")
