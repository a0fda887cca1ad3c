"""What a paragraph's and a run's script changes in DrawingML: direction, alignment, language
and the typeface of each font slot.

A paragraph whose first strong character is right to left (Arabic, Hebrew…), or that holds
right-to-left text in a text body that is mostly right to left, is written with ``rtl="1"`` and,
unless it is centred or justified, aligned right. Each run is in one script (see
:func:`tuningdeck.text.scripts.split_scripts`); it is marked with that script's language and its
East-Asian (``a:ea``) and complex-script (``a:cs``) typefaces name the font that draws the script,
the font the measurer measured it with. The values are plain data: the writers put them in XML.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from attrs import frozen

from tuningdeck.fonts import script_family
from tuningdeck.text.markup import Paragraph, Run
from tuningdeck.text.scripts import (
    Direction,
    font_slot,
    language,
    letter_directions,
    paragraph_direction,
    run_script,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "RunFonts",
    "main_direction",
    "paragraph_align",
    "paragraph_rtl",
    "run_fonts",
]

DEFAULT_LANGUAGE = "en-US"
"""The language of runs whose script does not tell one (Latin text, digits, punctuation)."""


@frozen
class RunFonts:
    """A run's language (``lang``, and ``altLang`` for East-Asian text) and the typefaces of its
    three font slots."""

    lang: str
    alt_lang: str | None
    latin: str
    ea: str | None
    cs: str
    tracked: bool = True
    """Whether the run may be letter-spaced: not a complex script's, whose letters join or are
    shaped together (Arabic, Devanagari…); such a run is written with no letter spacing."""


def run_fonts(run: Run, family: str) -> RunFonts:
    """The language and typefaces of ``run``, set in ``family``: the slot its script is drawn from
    names that script's font (:func:`tuningdeck.fonts.script_family`) when ``family`` lacks it."""
    script, slot, lang = _text_script(run.text)
    own = script_family(script) if slot != "latin" else None
    if slot == "ea":
        return RunFonts(lang, DEFAULT_LANGUAGE, family, own or family, family)
    return RunFonts(lang, None, family, None, own or family, tracked=slot != "cs")


@functools.lru_cache(maxsize=8192)
def _text_script(text: str) -> tuple[str | None, str, str]:
    """A run's script, font slot and language (decks repeat their runs: "-", goals, headers)."""
    script = run_script(text)
    return script, font_slot(script), language(script, text) or DEFAULT_LANGUAGE


def paragraph_rtl(paragraph: Paragraph, base: Direction = "ltr") -> bool:
    """Whether ``paragraph`` runs right to left: its first strong character is RTL (UAX #9, P2
    and P3), or, in a text body whose main direction ``base`` is RTL, it holds RTL text or no
    strong character at all ("**WMF:** مؤسسة ويكيميديا", "30%")."""
    text = paragraph.text
    if base != "rtl" and text.isascii():  # no right-to-left letter in it
        return False
    if paragraph_direction(text) == "rtl":
        return True
    if base != "rtl":
        return False
    kinds = {unicodedata.bidirectional(ch) for ch in text}
    return bool(kinds & {"R", "AL"}) or "L" not in kinds


def paragraph_align(align: str, rtl: bool, mirrored: bool = False) -> str:
    """The DrawingML alignment of a paragraph planned as ``align``: a right-to-left paragraph
    starts at the right, so its start alignment (``"l"``, the default) becomes ``"r"``; text
    planned flush right (with the slide's far edge: a legend, a department tag) is flush left
    on a ``mirrored`` slide (see :mod:`tuningdeck.render.mirror`)."""
    if align == "l":
        return "r" if rtl else "l"
    if align == "r" and mirrored:
        return "l"
    return align


def main_direction(paragraphs: Iterable[Paragraph]) -> Direction:
    """The main direction of a text body: right to left when most of its strong characters
    (letters) are RTL, as in a list of acronyms in Arabic whose terms are Latin."""
    texts = [p.text for p in paragraphs]
    if all(text.isascii() for text in texts):  # no right-to-left letter in any
        return "ltr"
    rtl, ltr = letter_directions(texts)
    return "rtl" if rtl > ltr else "ltr"
