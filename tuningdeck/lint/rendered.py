"""The deck as LibreOffice draws it: each slide's words with their boxes, and the words a person
would see misplaced (off the slide, or outside every shape's frame).

Rendering needs LibreOffice (``soffice``) and poppler's ``pdftotext``; see
:mod:`tuningdeck.preview`. Hidden slides are not drawn, so pages are matched to the slides that
are shown.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tuningdeck.lint.geometry import Box
from tuningdeck.lint.parts import SlideParts
from tuningdeck.lint.report import Finding
from tuningdeck.lint.view import SlideView, Word
from tuningdeck.text.tokens import compared_words, signs_apart

__all__ = ["can_render", "frame_findings", "missing_words", "render_words"]

OFF_SLIDE_TOLERANCE = 0.5  # points a word's box may cross the slide's edge
FRAME_TOLERANCE = 2.0  # points a word's middle may lie outside its frame


def can_render() -> bool:
    """Whether LibreOffice and pdftotext are on PATH."""
    return bool(shutil.which("soffice") or shutil.which("libreoffice")) and bool(
        shutil.which("pdftotext")
    )


def render_words(path: Path, slides: list[SlideParts]) -> dict[int, list[Word]]:
    """Each shown slide's rendered words, by slide number. Raises
    :class:`~tuningdeck.preview.PreviewError` when the deck cannot be rendered or its pages do
    not match its slides."""
    from tuningdeck.preview import PreviewError, render_pdf, word_boxes

    shown = [s.number for s in slides if s.slide.get("show", "1") not in ("0", "false")]
    with tempfile.TemporaryDirectory(prefix="tuningdeck-lint-") as tmp:
        pages = word_boxes(render_pdf(path, Path(tmp)))
    if len(pages) != len(shown):
        raise PreviewError(f"{len(shown)} slides shown but LibreOffice drew {len(pages)} pages")
    return {
        number: [Word(Box(w.x0, w.y0, w.x1, w.y1), w.text) for w in page.words]
        for number, page in zip(shown, pages, strict=True)
    }


def _some(words: list[str]) -> str:
    shown = " ".join(repr(w) for w in words[:8])
    return shown + (" …" if len(words) > 8 else "")


def missing_words(view: SlideView) -> list[str]:
    """Words of the slide's visible text (footer fields left out) that LibreOffice did not draw
    on the page: pushed off the slide or clipped."""
    if view.words is None:
        return []
    wanted = Counter(t for s in view.visible() if s.kind != "footer" for t in _tokens(s.text))
    drawn = Counter(t for w in view.words for t in _tokens(w.text))
    return list((wanted - drawn).elements())


def _tokens(text: str) -> Iterator[str]:
    """Words as compared between a slide and its rendering (the letters of Arabic or Chinese one
    by one, % and $ apart from their numbers): see :mod:`tuningdeck.text.tokens`."""
    for word in compared_words(text):
        yield from signs_apart(word)


def frame_findings(view: SlideView) -> list[Finding]:
    """Failures for rendered words off the slide (crossing its edge, or not drawn at all) and
    words outside every frame (the slide's shapes, table cells included, and its layout's and
    master's drawn shapes)."""
    if view.words is None:
        return []
    width, height = view.parts.width, view.parts.height
    tol = OFF_SLIDE_TOLERANCE
    off = [
        w
        for w in view.words
        if w.box.x0 < -tol or w.box.y0 < -tol or w.box.x1 > width + tol or w.box.y1 > height + tol
    ]
    frames = [s.box for s in view.flat() if s.box is not None]
    frames += [c.box for s in view.flat() for c in s.cells]
    frames += [s.box for s in view.behind if s.box is not None]
    stray = [
        w for w in view.words if not any(f.holds(*w.box.center, FRAME_TOLERANCE) for f in frames)
    ]
    found = []
    if off:
        found.append(
            Finding(
                view.number,
                "off-slide",
                "fail",
                f"{len(off)} words cross the slide's edge: {_some([w.text for w in off])}",
            )
        )
    if lost := missing_words(view):
        found.append(
            Finding(
                view.number,
                "off-slide",
                "fail",
                f"{len(lost)} words are not drawn (off the slide or clipped): {_some(lost)}",
            )
        )
    if stray:
        found.append(
            Finding(
                view.number,
                "outside-frame",
                "fail",
                f"{len(stray)} words outside every frame: {_some([w.text for w in stray])}",
            )
        )
    return found
