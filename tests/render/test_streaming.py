"""The deck is written slide by slide: memory stays flat, and the package is whole."""

from __future__ import annotations

import gc
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openxml_audit
import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches

from tuningdeck.errors import LayoutError
from tuningdeck.model import (
    ContentSlide,
    Deck,
    KeyResultsSlide,
    OkrChangeSlide,
    QuoteSlide,
    StatusRow,
    TitleSlide,
)
from tuningdeck.render import default_template, render_deck, write_deck

ROOT = Path(__file__).resolve().parents[2]

_PEAK = """
import json, resource, sys, tempfile
from tuningdeck import Deck, KeyResultsSlide, StatusRow

def deck(n):
    rows = [
        StatusRow(
            text=f"KR{i}: Ensure 65% of all grants are from communities that are not well "
            "established",
            baseline="64% of grants",
            goal="66%",
            statuses=["+7.3% YoY (89K/mo*)", "-", "-", "-"],
        )
        for i in range(6)
    ]
    return Deck([KeyResultsSlide(title=f"Key results {i}", results=rows) for i in range(n)])

with tempfile.TemporaryDirectory() as tmp:
    deck(3).save(f"{tmp}/warm.pptx")  # fonts, theme and template read: the fixed costs
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    deck(int(sys.argv[1])).save(f"{tmp}/deck.pptx")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([before / 1024, peak / 1024]))
"""


def peak_mb(slides: int) -> tuple[float, float]:
    """Peak resident MB of a process before and after saving a deck of ``slides`` tables."""
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, str(slides)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    before, peak = json.loads(run.stdout.splitlines()[-1])
    return before, peak


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
def test_memory_does_not_grow_with_the_deck() -> None:
    """Four times the slides, the same peak: no slide is kept once written.

    (Each slide kept as python-pptx keeps it costs about half a megabyte.)
    """
    before_small, small = peak_mb(200)
    before_large, large = peak_mb(800)
    assert large <= 1.5 * small, (small, large)
    # what saving adds to the process: a few MB at most, whatever the length
    assert large - before_large < 25, (before_large, large)
    assert (large - before_large) - (small - before_small) < 12, (small, large)


def picture(path: Path, color: tuple[int, int, int]) -> Path:
    PILImage.new("RGB", (120, 80), color).save(path)
    return path


def test_a_templates_own_slides_notes_and_pictures_are_left_out(tmp_path: Path) -> None:
    """A template with example slides (notes, a picture): only the deck's slides are written,
    they use the template's notes master, and nothing only its slides used remains."""
    prs = Presentation(str(default_template()))
    red = picture(tmp_path / "red.png", (200, 0, 0))
    for i in range(2):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.notes_slide.notes_text_frame.text = f"example notes {i}"
        slide.shapes.add_picture(str(red), Inches(1), Inches(1))
    template = tmp_path / "with-slides.pptx"
    prs.save(str(template))

    blue = picture(tmp_path / "blue.png", (0, 0, 200))
    deck = Deck(
        [
            TitleSlide(title="Ours", notes="first"),
            QuoteSlide(quote="Quoted.", name="Nux", notes="second"),
            ContentSlide(title="Picture", text="Text.", image=blue),
            ContentSlide(title="Again", text="Same picture.", image=blue, notes="third"),
        ]
    )
    out = write_deck(deck, tmp_path / "deck.pptx", template=template)

    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        media = [z.read(n) for n in names if n.startswith("ppt/media/")]
    assert len(names) == len(set(names))
    assert [hashlib.sha1(m).hexdigest() for m in media] == [
        hashlib.sha1(blue.read_bytes()).hexdigest()
    ]
    assert sum(n.startswith("ppt/notesMasters/notesMaster") for n in names) == 1
    back = Presentation(str(out))
    assert [s.shapes.title.text if s.shapes.title else "" for s in back.slides] == [
        "Ours",
        "Quote",  # hidden: the design shows none
        "Picture",
        "Again",
    ]
    notes = [s.notes_slide.notes_text_frame.text for s in back.slides if s.has_notes_slide]
    assert notes == ["first", "second", "third"]
    masters = {s.notes_slide.part.part_related_by(RT.NOTES_MASTER) for s in list(back.slides)[:2]}
    assert len(masters) == 1
    assert openxml_audit.validate_pptx(out).error_count == 0


def test_render_then_save_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an output, slides go to a temporary file: save copies it, and it goes away with
    the canvas."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    canvas = render_deck(Deck([TitleSlide(title="One"), QuoteSlide(quote="Two.", name="N")]))
    assert canvas.slide_count == 2 and len(list(spool.iterdir())) == 1
    first, second = canvas.save(tmp_path / "a.pptx"), canvas.save(tmp_path / "b.pptx")
    assert first.read_bytes() == second.read_bytes()
    assert len(Presentation(str(first)).slides) == 2
    del canvas
    gc.collect()
    assert list(spool.iterdir()) == []


def test_a_failed_render_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    deck = Deck(
        [
            TitleSlide(title="Fine"),
            OkrChangeSlide(title="Too long", original="word " * 3000, proposed="x"),
        ]
    )
    with pytest.raises(LayoutError):
        render_deck(deck)
    with pytest.raises(LayoutError):
        write_deck(deck, tmp_path / "out" / "deck.pptx")
    assert list(spool.iterdir()) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_document_properties_count_the_slides_and_notes(tmp_path: Path) -> None:
    rows = [StatusRow(text="KR1: one", goal="1", statuses=["1", "", "", ""])]
    deck = Deck(
        [
            TitleSlide(title="Counted", notes="a"),
            KeyResultsSlide(title="Table", results=rows),
            QuoteSlide(quote="Q.", name="N", notes="b"),
        ]
    )
    out = write_deck(deck, tmp_path / "deck.pptx")
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode()
        presentation = z.read("ppt/presentation.xml").decode()
    assert "<Slides>3</Slides>" in app and "<Notes>2</Notes>" in app
    assert presentation.count("<p:sldId ") == 3
    props = Presentation(str(out)).core_properties
    assert (props.title, props.author) == ("Counted", "tuningdeck")


def test_every_part_is_reached_and_nothing_else_is_written(tmp_path: Path) -> None:
    """Every file in the zip is a part python-pptx reaches through relationships (or its
    relationships), and text is escaped where it is written."""
    deck = Deck([TitleSlide(title="A & <B>", notes='"quoted" & <escaped>')])
    out = write_deck(deck, tmp_path / "deck.pptx")
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        assert z.testzip() is None
    package = Presentation(str(out)).part.package
    parts = {str(p.partname)[1:] for p in package.iter_parts()}
    rels = {f"{n.rsplit('/', 1)[0]}/_rels/{n.rsplit('/', 1)[1]}.rels" for n in parts}
    assert names - parts - rels == {"[Content_Types].xml", "_rels/.rels"}
    (slide,) = Presentation(str(out)).slides
    assert slide.shapes.title.text == "A & <B>"
    assert slide.notes_slide.notes_text_frame.text == '"quoted" & <escaped>'
