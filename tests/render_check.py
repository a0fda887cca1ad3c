"""Checks on a deck as LibreOffice renders it: words off the slide, outside their boxes, colliding.

Built on :mod:`tuningdeck.preview`. :func:`render` converts a .pptx once per content (cached for the
test session) and pairs each rendered page with the frames of the shapes on its slide, read with
python-pptx. Coordinates are points from the slide's top left, as pdftotext gives them.

    deck = render(path)
    assert not deck_problems(deck)
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from tuningdeck.fonts import fonts_registered, install_fonts
from tuningdeck.preview import Page, PreviewError, Word, render_pdf, word_boxes
from tuningdeck.text.tokens import compared_words, signs_apart

__all__ = [
    "Frame",
    "RenderedDeck",
    "RenderedSlide",
    "collisions",
    "deck_problems",
    "ensure_fonts",
    "missing_words",
    "render",
    "require_tools",
    "set_render_dir",
    "slide_frames",
    "slide_words",
    "words_off_slide",
    "words_outside_frames",
]

EMU_PER_POINT = 12700
_GROUP = 6  # MSO_SHAPE_TYPE.GROUP


class Frame(NamedTuple):
    """A shape's frame in points: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    def holds(self, x: float, y: float, tol: float = 0.0) -> bool:
        """Whether the point lies inside the frame, widened by ``tol`` on every side."""
        return self.x0 - tol <= x <= self.x1 + tol and self.y0 - tol <= y <= self.y1 + tol


@dataclass(frozen=True)
class RenderedSlide:
    """One slide as rendered: its page, the frames of everything drawn on it, and its text."""

    number: int
    page: Page
    frames: tuple[Frame, ...]
    words: Counter[str]


@dataclass(frozen=True)
class RenderedDeck:
    """A deck rendered by LibreOffice: the source, the PDF and one entry per slide."""

    pptx: Path
    pdf: Path
    slides: tuple[RenderedSlide, ...]

    @property
    def pages(self) -> tuple[Page, ...]:
        """The rendered pages in slide order."""
        return tuple(s.page for s in self.slides)


_state: dict[str, Any] = {"dir": None, "fonts": None}
_cache: dict[str, RenderedDeck] = {}


def set_render_dir(path: Path) -> None:
    """Keep rendered PDFs in ``path`` (the test session's temporary directory)."""
    _state["dir"] = Path(path)


def _render_dir() -> Path:
    if _state["dir"] is None:
        _state["dir"] = Path(tempfile.mkdtemp(prefix="tuningdeck-render-"))
    return _state["dir"]


def ensure_fonts() -> Path:
    """Install the deck's fonts once per process; fail unless fontconfig then resolves them."""
    if _state["fonts"] is None:
        target = install_fonts()
        if not fonts_registered():
            raise RuntimeError(
                f"fonts were installed into {target}, but fontconfig does not resolve Montserrat "
                "and Lato to them: is another copy of those families installed?"
            )
        _state["fonts"] = target
    return _state["fonts"]


def require_tools() -> None:
    """Fail with a clear message when LibreOffice or poppler is missing."""
    missing = [t for t in ("soffice", "pdftoppm", "pdftotext") if shutil.which(t) is None]
    if "soffice" in missing and shutil.which("libreoffice"):
        missing.remove("soffice")
    if missing:
        raise PreviewError(
            f"{', '.join(missing)} not found: rendering tests need LibreOffice Impress and "
            "poppler-utils (./dev test installs them)"
        )


def render(pptx: Path) -> RenderedDeck:
    """Render ``pptx`` with LibreOffice (once per file content in a test session)."""
    pptx = Path(pptx)
    digest = hashlib.sha256(pptx.read_bytes()).hexdigest()[:20]
    if digest in _cache:
        return _cache[digest]
    require_tools()
    ensure_fonts()
    outdir = _render_dir() / digest
    pdf = render_pdf(pptx, outdir)
    pages = word_boxes(pdf)
    layout = slide_frames(pptx)
    if len(pages) != len(layout):
        raise AssertionError(f"{pptx.name}: {len(layout)} slides but {len(pages)} rendered pages")
    slides = tuple(
        RenderedSlide(n, page, frames, words)
        for n, (page, (frames, words)) in enumerate(zip(pages, layout, strict=True), start=1)
    )
    deck = RenderedDeck(pptx, pdf, slides)
    _cache[digest] = deck
    return deck


def _frames(shapes: Iterable[Any]) -> Iterator[Frame]:
    for shape in shapes:
        if shape.shape_type == _GROUP:
            yield from _frames(shape.shapes)
            continue
        try:
            x, y, w, h = shape.left, shape.top, shape.width, shape.height
        except (AttributeError, KeyError, ValueError):
            continue
        if None in (x, y, w, h):
            continue
        yield Frame(
            x / EMU_PER_POINT, y / EMU_PER_POINT, (x + w) / EMU_PER_POINT, (y + h) / EMU_PER_POINT
        )


def _drawn(shapes: Iterable[Any]) -> list[Any]:
    """The shapes of a layout or master that appear on slides (placeholders do not)."""
    return [s for s in shapes if not s.is_placeholder]


def _tokens(text: str) -> Iterator[str]:
    """The words of ``text`` as compared across the slide and its rendering (see
    :func:`tuningdeck.text.tokens.compared_words`): the letters of Arabic or Chinese one by one."""
    return compared_words(text)


def _hidden(shape: Any) -> bool:
    """Whether ``shape`` is hidden (``hidden="1"`` on its ``p:cNvPr``): not drawn."""
    c_nv_pr = shape._element.find(".//{*}cNvPr")
    return c_nv_pr is not None and c_nv_pr.get("hidden") in ("1", "true")


def _text_words(shapes: Iterable[Any]) -> Iterator[str]:
    for shape in shapes:
        if _hidden(shape):  # screen readers read it; nothing draws it
            continue
        if shape.shape_type == _GROUP:
            yield from _text_words(shape.shapes)
            continue
        texts = []
        if getattr(shape, "has_text_frame", False):
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False):
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
        for text in texts:
            yield from _tokens(text)


def slide_frames(pptx: Path) -> list[tuple[tuple[Frame, ...], Counter[str]]]:
    """Per slide: the frames of its shapes and of its layout's and master's drawn shapes, and
    the words of its text (normalised, counted)."""
    from pptx import Presentation

    out = []
    for slide in Presentation(str(pptx)).slides:
        layout = slide.slide_layout
        frames = [
            *_frames(slide.shapes),
            *_frames(_drawn(layout.shapes)),
            *_frames(_drawn(layout.slide_master.shapes)),
        ]
        out.append((tuple(frames), Counter(_text_words(slide.shapes))))
    return out


def slide_words(page: Page) -> Counter[str]:
    """The rendered words of ``page``, normalised as :func:`missing_words` compares them."""
    return Counter(t for w in page.words for t in _tokens(w.text))


def words_off_slide(page: Page, *, tol: float = 0.5) -> list[Word]:
    """Words whose box crosses the edge of the page."""
    return [
        w
        for w in page.words
        if w.x0 < -tol or w.y0 < -tol or w.x1 > page.width + tol or w.y1 > page.height + tol
    ]


def words_outside_frames(page: Page, frames: Sequence[Frame], *, tol: float = 2.0) -> list[Word]:
    """Words whose centre lies outside every frame: text that ran out of its box."""
    return [w for w in page.words if not any(f.holds(*w.center, tol) for f in frames)]


_TRIM = 0.15  # of a word box's height, off its top and bottom, before boxes are compared


def _band(word: Word) -> tuple[float, float]:
    """The top and bottom of the middle of a word's box: the boxes of fonts with tall ascents and
    descents (Arabic, Devanagari) reach into the lines above and below without touching them."""
    trim = _TRIM * (word.y1 - word.y0)
    return word.y0 + trim, word.y1 - trim


def collisions(page: Page, *, overlap: float = 0.25) -> list[tuple[Word, Word]]:
    """Pairs of words from different lines whose boxes (less a sliver at top and bottom) overlap
    by more than ``overlap`` of the smaller box: text of one box running into another's."""
    found = []
    words = sorted(page.words, key=lambda w: w.x0)
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b.x0 >= a.x1:
                break
            if abs(a.y0 - b.y0) < 0.5 and abs(a.y1 - b.y1) < 0.5:
                continue  # side by side on one line
            (a0, a1), (b0, b1) = _band(a), _band(b)
            ix = min(a.x1, b.x1) - max(a.x0, b.x0)
            iy = min(a1, b1) - max(a0, b0)
            if ix <= 0 or iy <= 0:
                continue
            smaller = min((a.x1 - a.x0) * (a1 - a0), (b.x1 - b.x0) * (b1 - b0))
            if smaller > 0 and ix * iy > overlap * smaller:
                found.append((a, b))
    return found


def missing_words(slide: RenderedSlide) -> Counter[str]:
    """Words of the slide's text that do not appear on its rendered page (clipped or lost);
    % and $ signs are compared apart from their numbers."""

    def apart(words: Counter[str]) -> Counter[str]:
        return Counter(t for word, n in words.items() for t in signs_apart(word) for _ in range(n))

    return apart(slide.words) - apart(slide_words(slide.page))


def deck_problems(deck: RenderedDeck) -> list[str]:
    """One line per slide that a person would see something wrong on; empty when all is well."""

    def some(words: Iterable[Any]) -> str:
        shown = [w if isinstance(w, str) else w.text for w in words]
        return " ".join(repr(s) for s in shown[:8]) + (" ..." if len(shown) > 8 else "")

    lines = []
    for s in deck.slides:
        parts = []
        if off := words_off_slide(s.page):
            parts.append(f"{len(off)} off the slide: {some(off)}")
        if stray := words_outside_frames(s.page, s.frames):
            parts.append(f"{len(stray)} outside every box: {some(stray)}")
        if hits := collisions(s.page):
            parts.append(f"{len(hits)} colliding: {some(w for pair in hits for w in pair)}")
        if lost := missing_words(s):
            parts.append(f"{sum(lost.values())} missing: {some(lost.elements())}")
        if parts:
            lines.append(f"slide {s.number}: " + "; ".join(parts))
    return lines


def audit_errors(pptx: Path) -> list[str]:
    """What openxml-audit (the Open XML SDK's rules) finds wrong in ``pptx``; [] when valid."""
    import openxml_audit

    return [str(e) for e in openxml_audit.validate_pptx(pptx).errors]
