"""The measured line count of wrapped text agrees with LibreOffice's render of it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from tests.render_check import RenderedDeck
from tuningdeck.render import default_template
from tuningdeck.render.text import write_blocks
from tuningdeck.text.markup import parse_blocks
from tuningdeck.text.measure import Block, TextStyle, line_height, wrap

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "thriving-movement-q1-fy20-21.txt"
FACES = [
    ("Lato", False, False),
    ("Lato", True, False),
    ("Montserrat", False, False),
    ("Montserrat", True, False),
    ("Lato", False, True),
]
SIZES = [9, 10, 11, 12, 14, 16, 18, 24]
PAGE_ROOM = 400.0  # points of text height that stay above the footer of a test slide
WIDTHS = [150, 220, 300, 400, 520, 700, 860]


def paragraphs() -> list[str]:
    text = REFERENCE.read_text(encoding="utf-8")
    return [
        p.strip().removeprefix("- ")
        for p in text.splitlines()
        if len(p.split()) > 15 and "\t" not in p and "<" not in p
    ]


def cases() -> list[tuple[str, TextStyle, float]]:
    """30 paragraphs of the reference, each at its own face, size and width, fitting one page."""
    combos = itertools.cycle(itertools.product(FACES, SIZES, WIDTHS))
    out = []
    for text in paragraphs()[:30]:
        (para,) = parse_blocks(text)
        for (family, bold, italic), size, width in itertools.islice(combos, 0, None, 7):
            style = TextStyle(family, size, bold=bold, italic=italic)
            if len(wrap(para.runs, style, width)) * line_height(style) < PAGE_ROOM:
                out.append((text, style, float(width)))
                break
    return out


def test_predicted_line_counts_match_libreoffice(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    chosen = cases()
    assert len(chosen) >= 20
    prs = Presentation(str(default_template()))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Content")
    predicted = []
    for text, style, width in chosen:
        (para,) = parse_blocks(text)
        predicted.append(len(wrap(para.runs, style, width)))
        slide = prs.slides.add_slide(layout)
        for ph in list(slide.placeholders):
            ph._element.getparent().remove(ph._element)
        box = slide.shapes.add_textbox(
            Emu(36 * 12700), Emu(36 * 12700), Emu(round(width * 12700)), Emu(460 * 12700)
        )
        box.text_frame.word_wrap = True
        body_pr = box.text_frame._txBody.bodyPr
        for side in ("lIns", "tIns", "rIns", "bIns"):
            body_pr.set(side, "0")
        write_blocks(
            box.text_frame, [Block(para, style)], bullet_color="000000", link_color="000000"
        )
    path = tmp_path / "lines.pptx"
    prs.save(str(path))
    rendered = render_deck(path)
    agree = 0
    misses = []
    for (text, style, width), n, page in zip(chosen, predicted, rendered.pages, strict=True):
        tops = sorted({round(w.y0, 1) for w in page.words if w.y0 < 480})
        lines = [
            t for i, t in enumerate(tops) if i == 0 or t - tops[i - 1] > line_height(style) / 2
        ]
        if len(lines) == n:
            agree += 1
        else:
            misses.append((style.family, style.size, width, n, len(lines), text[:40]))
    assert agree / len(chosen) >= 0.95, misses
