"""Slides drawn in several processes make the same deck as slides drawn in one."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest

from tuningdeck.errors import FieldError, LayoutError
from tuningdeck.model import ContentSlide, Deck, KeyResultsSlide, StatusRow
from tuningdeck.render import parallel, write_deck
from tuningdeck.render.write import Canvas
from tuningdeck.workbook import read_workbook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="slides are drawn in forked processes on Linux"
)


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two drawing processes even on a machine with one CPU."""
    monkeypatch.setattr(parallel, "available_workers", lambda: 2)


def parts(path: Path) -> dict[str, bytes]:
    """The deck's parts but those that hold the time they were made (the document properties,
    the charts' workbooks)."""
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n)
            for n in z.namelist()
            if n != "docProps/core.xml" and not n.startswith("ppt/embeddings/")
        }


def children_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_the_example_three_times_over_is_the_same_deck(two_workers: None, tmp_path: Path) -> None:
    """Pictures used on slides drawn by different processes are embedded once, charts and
    notes are numbered in order: the part list and every part are those of one process."""
    example = read_workbook(EXAMPLE, "Q1")
    deck = attrs.evolve(example, slides=list(example.slides) * 3)
    one = write_deck(deck, tmp_path / "one.pptx", jobs=1)
    spent = children_seconds()
    two = write_deck(deck, tmp_path / "two.pptx", jobs=2)
    assert children_seconds() > spent + 0.05  # the slides were drawn by other processes
    with zipfile.ZipFile(one) as a, zipfile.ZipFile(two) as b:
        assert a.namelist() == b.namelist()
    assert parts(one) == parts(two)


def rows(n: int) -> list[StatusRow]:
    return [StatusRow(text=f"KR{i}: grants from new communities", goal="66%") for i in range(n)]


def test_layout_problems_are_all_told_as_from_one_process(
    two_workers: None, tmp_path: Path
) -> None:
    """Every slide that cannot be laid out is named, in order, and nothing is written."""
    crowded = KeyResultsSlide(title="Too much", results=rows(3), origin="Objectives!A9")
    crowded = attrs.evolve(crowded, results=[attrs.evolve(r, text="word " * 3000) for r in rows(3)])
    slides = [KeyResultsSlide(title=f"Fine {i}", results=rows(4)) for i in range(30)]
    slides[7] = slides[21] = crowded
    deck = Deck(slides)
    errors = []
    for jobs in (1, 2):
        with pytest.raises(LayoutError) as caught:
            write_deck(deck, tmp_path / f"deck{jobs}.pptx", jobs=jobs)
        errors.append(str(caught.value))
        assert not (tmp_path / f"deck{jobs}.pptx").exists()
    assert errors[0] == errors[1]
    assert errors[0].count("Objectives!A9") == 2


def test_an_error_a_process_cannot_send_back_is_raised_as_it_is(
    two_workers: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FieldError (not rebuilt from its message alone) raised drawing slide 12 is raised
    by the build, with its own type and words."""
    draw = Canvas.draw

    def failing(canvas: Canvas, plan: object) -> object:
        if getattr(plan, "notes", "") == "twelve":
            raise FieldError("ContentSlide", "image", "cannot be drawn")
        return draw(canvas, plan)  # type: ignore[arg-type]

    monkeypatch.setattr(Canvas, "draw", failing)
    slides = [ContentSlide(title=f"Slide {i}", text="Text.") for i in range(30)]
    slides[11] = ContentSlide(title="Slide 12", text="Text.", notes="twelve")
    with pytest.raises(FieldError, match=r"ContentSlide\.image: cannot be drawn"):
        write_deck(Deck(slides), tmp_path / "deck.pptx", jobs=2)
    assert not (tmp_path / "deck.pptx").exists()


def test_how_many_processes_draw() -> None:
    most = parallel.available_workers()
    assert parallel.workers_for(parallel.PARALLEL_FROM - 1, None) == 1
    assert parallel.workers_for(parallel.PARALLEL_FROM, None) == most
    assert parallel.workers_for(10, 1) == 1
    assert parallel.workers_for(10, 64) == most
    with pytest.raises(ValueError, match="at least 1"):
        parallel.workers_for(10, 0)


_INTERRUPTED = """
import os, signal, sys, threading
from tuningdeck.model import Deck, KeyResultsSlide, StatusRow
from tuningdeck.render import save_deck
rows = [StatusRow(text=f"KR{i}: grants from new communities", goal="66%") for i in range(4)]
deck = Deck([KeyResultsSlide(title=f"Results {i}", results=rows) for i in range(1200)])

def on_slide(done, total):
    if done == 300:  # Ctrl-C a moment later, while this process waits for slides: the
        # terminal signals every process of the build
        threading.Timer(0.05, os.killpg, (os.getpgid(0), signal.SIGINT)).start()

save_deck(deck, sys.argv[1], on_slide=on_slide, jobs=2)
"""


def test_ctrl_c_stops_the_build_and_its_processes(tmp_path: Path) -> None:
    """An interrupt reaching the build and its drawing processes at once stops it within
    seconds, nothing written, no process left behind."""
    out = tmp_path / "deck.pptx"
    run = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED, str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
        cwd=ROOT,
    )
    try:
        _, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        raise
    assert run.returncode != 0 and "KeyboardInterrupt" in err, err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ProcessLookupError):  # the group is gone: no worker left running
        os.killpg(run.pid, 0)
