"""A design and accessibility check for any .pptx, however it was made.

>>> from tuningdeck.lint import check_deck_design
>>> report = check_deck_design("deck.pptx")          # doctest: +SKIP
>>> print(report.to_text()); report.ok               # doctest: +SKIP

Per slide it reports: the smallest body and table text, the share of the body region used,
text of too little contrast, a missing title, pictures, charts and tables without alt text,
shapes read out of order and (when the deck is rendered with LibreOffice) words off the slide
or outside every frame. Each finding fails the deck or is a note (allowed, or not checkable);
the thresholds are in :mod:`tuningdeck.lint.rules`. On the command line:
``tuningdeck check --design DECK.pptx``.
"""

from __future__ import annotations

from tuningdeck.lint.check import check_deck_design, check_slide
from tuningdeck.lint.parts import NotADeckError
from tuningdeck.lint.report import CHECKS, Finding, Report, SlideReport

__all__ = [
    "CHECKS",
    "Finding",
    "NotADeckError",
    "Report",
    "SlideReport",
    "check_deck_design",
    "check_slide",
]
