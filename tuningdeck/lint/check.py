"""The design and accessibility check of a deck: every check on every slide, one report."""

from __future__ import annotations

import os
from pathlib import Path

from tuningdeck.lint.access import alt_text_findings, title_findings
from tuningdeck.lint.contrast import contrast_findings
from tuningdeck.lint.fill import body_used, fill_findings
from tuningdeck.lint.order import order_findings
from tuningdeck.lint.parts import open_deck
from tuningdeck.lint.rendered import can_render, frame_findings, render_words
from tuningdeck.lint.report import Finding, Report, SlideReport
from tuningdeck.lint.sizes import size_findings, smallest_sizes
from tuningdeck.lint.view import SlideView, Word

__all__ = ["check_deck_design", "check_slide"]


def check_slide(view: SlideView) -> SlideReport:
    """Every check on one slide."""
    used = body_used(view)
    smallest_body, smallest_table = smallest_sizes(view)
    findings = [
        *title_findings(view),
        *alt_text_findings(view),
        *contrast_findings(view),
        *order_findings(view),
        *size_findings(view),
        *fill_findings(view, used),
        *frame_findings(view),
    ]
    return SlideReport(view.number, view.title(), smallest_body, smallest_table, used, findings)


def check_deck_design(path: str | os.PathLike[str], *, render: bool | None = None) -> Report:
    """Check any .pptx for design and accessibility; see :mod:`tuningdeck.lint`.

    ``render`` draws the deck with LibreOffice to find words off the slide or outside their
    frames and to measure text as drawn: True requires LibreOffice, False skips it, None (the
    default) renders when LibreOffice and pdftotext are installed. Raises
    :class:`~tuningdeck.lint.NotADeckError` for a file that is not a deck.
    """
    deck = open_deck(Path(path))
    notes: list[str] = []
    words: dict[int, list[Word]] | None = None
    if render or (render is None and can_render()):
        from tuningdeck.preview import PreviewError

        try:
            words = render_words(deck.path, deck.slides)
        except PreviewError as e:
            if render:
                raise
            notes.append(f"not rendered ({e}): words outside frames are not checked")
    elif render is None:
        notes.append("LibreOffice not found: words outside frames are not checked")
    slides = []
    families: set[str] = set()
    for parts in deck.slides:
        try:
            view = SlideView.of(parts, words.get(parts.number) if words is not None else None)
            families |= view.families()
            slides.append(check_slide(view))
        except (ValueError, LookupError, AttributeError, TypeError, ArithmeticError) as e:
            finding = Finding(
                parts.number, "unchecked", "note", f"the slide could not be read: {e}"
            )
            slides.append(SlideReport(parts.number, "", None, None, None, [finding]))
    if words is not None and (note := _font_note(families)):
        notes.append(note)
    return Report(deck.path, slides, rendered=words is not None, notes=notes)


def _font_note(families: set[str]) -> str | None:
    """A warning when the deck uses Montserrat or Lato but LibreOffice would draw a substitute."""
    from tuningdeck.fonts import FAMILIES, fonts_registered

    used = sorted(f for f in FAMILIES if f.lower() in {x.lower() for x in families})
    if not used:
        return None
    try:
        if fonts_registered():
            return None
    except (OSError, ValueError):
        pass
    verb = "are" if len(used) > 1 else "is"
    return (
        f"{' and '.join(used)} {verb} not registered with fontconfig, so LibreOffice drew a "
        "substitute: run `tuningdeck fonts` for a faithful render"
    )
