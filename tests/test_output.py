"""Output safety: nothing the user had is ever overwritten or damaged, and failures are one line."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tuningdeck
from tuningdeck.cli import app
from tuningdeck.errors import OutputError
from tuningdeck.output import atomic_output, check_output

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
TINY = tuningdeck.Deck([tuningdeck.TitleSlide(title="Tiny")], quarter="Q1")


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.xlsx"
    shutil.copy(EXAMPLE, path)
    return path


def one_line_refusal(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_output_onto_the_workbook_is_refused_and_the_workbook_kept(workbook: Path) -> None:
    before = workbook.read_bytes()
    one_line_refusal(run("build", workbook, "-o", workbook), "is an input of this build")
    assert workbook.read_bytes() == before


def test_output_through_a_link_or_other_name_of_the_workbook_is_refused(
    workbook: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.pptx"
    link.symlink_to(workbook)
    hard = tmp_path / "hard.pptx"
    os.link(workbook, hard)
    before = workbook.read_bytes()
    one_line_refusal(run("build", workbook, "-o", link), "input of this build")
    one_line_refusal(run("build", workbook, "-o", hard), "input of this build")
    assert workbook.read_bytes() == before and link.is_symlink()


def test_output_onto_the_template_is_refused(tmp_path: Path, workbook: Path) -> None:
    template = tmp_path / "master.pptx"
    shutil.copy(ROOT / "layouts" / "foundation.pptx", template)
    before = template.read_bytes()
    result = run("build", workbook, "--template", template, "-o", template)
    one_line_refusal(result, "input of this build")
    with pytest.raises(OutputError, match="input of this build"):
        TINY.save(template, template=template)
    assert template.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("", "output path is empty"),
        ("   ", "output path is empty"),
        ("newdir/", "is a folder name"),
        ("folder", "is a folder"),
        ("notes.txt", "is not a PowerPoint deck"),
        ("other.xlsx", "is not a PowerPoint deck"),
        ("x" * 300 + ".pptx", "name is too long"),
    ],
)
def test_dangerous_or_impossible_outputs_are_one_line_errors(
    tmp_path: Path, workbook: Path, name: str, needle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.txt").write_text("a year of notes")
    shutil.copy(EXAMPLE, tmp_path / "other.xlsx")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    monkeypatch.chdir(tmp_path)
    one_line_refusal(run("build", workbook, "-o", name), needle)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before
    assert not (tmp_path / "newdir").exists()


def test_device_files_are_never_replaced(workbook: Path) -> None:
    one_line_refusal(run("build", workbook, "-o", "/dev/null"), "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_existing_deck_is_replaced_keeping_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    TINY.save(out)
    out.chmod(0o640)
    TINY.append(tuningdeck.SectionSlide(title="More")).save(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert tuningdeck.output.is_deck(out)


def test_a_new_deck_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        TINY.save(tmp_path / "a.pptx")
        os.umask(0o077)
        TINY.save(tmp_path / "b.pptx")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.pptx").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.pptx").stat().st_mode) == 0o600


def test_an_empty_file_may_be_written_over(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    out.touch()
    TINY.save(out)
    assert tuningdeck.output.is_deck(out)


def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    with pytest.raises(OutputError) as caught, atomic_output(out):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"{out}: cannot write the deck: the disk is full"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write the deck"):
        TINY.save(blocker / "deck.pptx")


def test_non_pptx_suffix_warns_but_writes(tmp_path: Path) -> None:
    out = tmp_path / "deck.ppt"
    result = run("build", EXAMPLE, "--quarter", "Q1", "-o", out)
    assert result.exit_code == 0, result.output
    assert "does not end in .pptx" in result.stderr
    assert tuningdeck.output.is_deck(out)


def test_default_output_is_beside_the_workbook(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("build", workbook, "--quarter", "Q1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tracker-Q1.pptx").is_file()
    assert list(elsewhere.iterdir()) == []


def test_api_build_refuses_the_workbook_before_reading(workbook: Path) -> None:
    before = workbook.read_bytes()
    with pytest.raises(OutputError):
        tuningdeck.build(workbook, workbook, quarter="Q1")
    assert workbook.read_bytes() == before


WRITER = textwrap.dedent(
    """
    import sys, time
    from tuningdeck.output import atomic_output
    with atomic_output(sys.argv[1]) as tmp:
        tmp.write_bytes(b"half a deck")
        print("writing", flush=True)
        time.sleep(60)
    """
)


def _start_writer(out: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(out)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    return proc


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_no_temporary_file_remains_after_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "deck.pptx"
    proc = _start_writer(out)
    assert len(list(tmp_path.glob(".deck.pptx.*.tmp"))) == 1
    proc.send_signal(sig)
    with proc:
        assert proc.wait(timeout=10) != 0
    assert list(tmp_path.iterdir()) == []


def test_a_killed_writers_temporary_is_removed_by_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    proc = _start_writer(out)
    with proc:
        proc.kill()
        proc.wait(timeout=10)
    stale = list(tmp_path.glob(".deck.pptx.*.tmp"))
    assert len(stale) == 1
    assert not tuningdeck.output.is_deck(stale[0])  # never taken for a deck
    time.sleep(0.05)
    TINY.save(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_check_output_accepts_a_new_path(tmp_path: Path) -> None:
    assert check_output(tmp_path / "new.pptx") == tmp_path / "new.pptx"
