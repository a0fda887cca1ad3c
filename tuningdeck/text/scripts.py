"""Which writing system each stretch of text is in, and which way a paragraph runs.

A deck's text may be in any script: Latin, Arabic, Hebrew, Devanagari, Chinese… Office documents
set each run in one of three font slots (DrawingML's ``a:latin``, ``a:ea`` for East-Asian text and
``a:cs`` for complex scripts) and mark a paragraph that runs right to left; the measurer shapes
right-to-left and Indic text as a whole and breaks CJK text between any two ideographs. This
module tells them what a piece of text is:

- :func:`script_of` names the script of one character (None for the characters every script
  shares: spaces, digits, punctuation);
- :func:`split_scripts` cuts runs where the script changes, so each run keeps its script (a
  Latin word in an Arabic sentence is a run of its own);
- :func:`paragraph_direction` is the paragraph's direction from its first strong character
  (UAX #9, rules P2 and P3).

Pure Python: it knows nothing of fonts or PowerPoint.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from attrs import evolve

from tuningdeck.text.markup import Run

__all__ = [
    "EAST_ASIAN",
    "RTL",
    "Direction",
    "Slot",
    "font_slot",
    "language",
    "letter_directions",
    "paragraph_direction",
    "run_script",
    "script_of",
    "script_pieces",
    "split_scripts",
]

Direction = Literal["ltr", "rtl"]
Slot = Literal["latin", "ea", "cs"]

# (first, last, script) for the blocks of each script a deck is expected to hold. Characters
# outside them (Latin, Greek, Cyrillic, symbols) are "latin" when they are letters.
_BLOCKS = sorted(
    [
        (0x0590, 0x05FF, "hebrew"),
        (0xFB1D, 0xFB4F, "hebrew"),
        (0x0600, 0x06FF, "arabic"),
        (0x0750, 0x077F, "arabic"),
        (0x0870, 0x08FF, "arabic"),
        (0xFB50, 0xFDFF, "arabic"),
        (0xFE70, 0xFEFF, "arabic"),
        (0x0700, 0x074F, "syriac"),
        (0x0780, 0x07BF, "thaana"),
        (0x0900, 0x097F, "devanagari"),
        (0xA8E0, 0xA8FF, "devanagari"),
        (0x0980, 0x09FF, "bengali"),
        (0x0A00, 0x0A7F, "gurmukhi"),
        (0x0A80, 0x0AFF, "gujarati"),
        (0x0B00, 0x0B7F, "oriya"),
        (0x0B80, 0x0BFF, "tamil"),
        (0x0C00, 0x0C7F, "telugu"),
        (0x0C80, 0x0CFF, "kannada"),
        (0x0D00, 0x0D7F, "malayalam"),
        (0x0D80, 0x0DFF, "sinhala"),
        (0x0E00, 0x0E7F, "thai"),
        (0x0E80, 0x0EFF, "lao"),
        (0x0F00, 0x0FFF, "tibetan"),
        (0x1000, 0x109F, "myanmar"),
        (0x1780, 0x17FF, "khmer"),
        (0x1100, 0x11FF, "hangul"),
        (0x3130, 0x318F, "hangul"),
        (0xA960, 0xA97F, "hangul"),
        (0xAC00, 0xD7AF, "hangul"),
        (0xD7B0, 0xD7FF, "hangul"),
        (0x3040, 0x309F, "hiragana"),
        (0x30A0, 0x30FF, "katakana"),
        (0x31F0, 0x31FF, "katakana"),
        (0xFF66, 0xFF9F, "katakana"),
        (0x2E80, 0x2FDF, "han"),
        (0x3005, 0x3007, "han"),
        (0x3021, 0x3029, "han"),
        (0x3038, 0x303B, "han"),
        (0x3400, 0x4DBF, "han"),
        (0x4E00, 0x9FFF, "han"),
        (0xF900, 0xFAFF, "han"),
        (0x20000, 0x3FFFF, "han"),
    ]
)
_STARTS = [b[0] for b in _BLOCKS]

RTL = frozenset({"arabic", "hebrew", "syriac", "thaana"})
"""Scripts written right to left."""

EAST_ASIAN = frozenset({"han", "hiragana", "katakana", "hangul"})
"""Scripts set in the East-Asian font slot (``a:ea``)."""

# The complex scripts: shaped, and set in the complex-script font slot (``a:cs``).
_COMPLEX = RTL | {
    "devanagari",
    "bengali",
    "gurmukhi",
    "gujarati",
    "oriya",
    "tamil",
    "telugu",
    "kannada",
    "malayalam",
    "sinhala",
    "thai",
    "lao",
    "tibetan",
    "myanmar",
    "khmer",
}

# The language a run of each script is marked with, where the script tells it.
_LANGUAGES = {
    "arabic": "ar-SA",
    "hebrew": "he-IL",
    "syriac": "syr-SY",
    "thaana": "dv-MV",
    "devanagari": "hi-IN",
    "bengali": "bn-IN",
    "gurmukhi": "pa-IN",
    "gujarati": "gu-IN",
    "oriya": "or-IN",
    "tamil": "ta-IN",
    "telugu": "te-IN",
    "kannada": "kn-IN",
    "malayalam": "ml-IN",
    "sinhala": "si-LK",
    "thai": "th-TH",
    "lao": "lo-LA",
    "tibetan": "bo-CN",
    "myanmar": "my-MM",
    "khmer": "km-KH",
    "han": "zh-CN",
    "hiragana": "ja-JP",
    "katakana": "ja-JP",
    "hangul": "ko-KR",
}
# Letters Persian writes and Arabic does not: a run with one of them is Persian.
_PERSIAN = frozenset("پچژگ")
# Punctuation of the CJK blocks (、。「」…): shared, but East-Asian.
_CJK_PUNCTUATION = ((0x3000, 0x303F), (0xFF00, 0xFFEF))


def script_of(ch: str) -> str | None:
    """The script of the character ``ch`` (``"latin"``, ``"arabic"``, ``"han"``…), or None for
    a character every script shares: a space, a digit, punctuation, a combining mark.

    >>> script_of("ب"), script_of("中"), script_of("a"), script_of("1")
    ('arabic', 'han', 'latin', None)
    """
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _BLOCKS[i][1]:
        script = _BLOCKS[i][2]
        category = unicodedata.category(ch)
        if category[0] in "LM" or script in ("han", "hiragana", "katakana"):
            return script
        return None  # the block's digits and punctuation (٣، ।) are shared
    if unicodedata.category(ch)[0] == "L":
        return "latin"
    return None


def _has_letter(text: str) -> bool:
    """Whether the ASCII ``text`` has a letter (the only ASCII characters with a script)."""
    return any(ch.isalpha() for ch in text)


def _cjk_punctuation(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_PUNCTUATION)


def run_script(text: str) -> str | None:
    """The script of a run: that of its first character that has one (None if none has)."""
    if text.isascii():  # most text: Latin letters, or none at all
        return "latin" if _has_letter(text) else None
    for ch in text:
        script = script_of(ch)
        if script is not None:
            return script
    return "han" if any(_cjk_punctuation(ch) for ch in text) else None


def font_slot(script: str | None) -> Slot:
    """The DrawingML font slot text of ``script`` is set in: ``"ea"``, ``"cs"`` or ``"latin"``."""
    if script in EAST_ASIAN:
        return "ea"
    if script in _COMPLEX:
        return "cs"
    return "latin"


def language(script: str | None, text: str = "") -> str | None:
    """The language tag (BCP 47) for a run of ``script``, when the script tells it; Arabic-script
    text with a letter only Persian uses (پ چ ژ گ) is Persian."""
    if script == "arabic" and _PERSIAN.intersection(text):
        return "fa-IR"
    return _LANGUAGES.get(script or "")


def script_pieces(text: str) -> Iterable[tuple[str, str | None]]:
    """``text`` cut where the script changes: (piece, script). Shared characters join the piece
    before them (the piece after them at the start), except CJK punctuation, which joins CJK."""
    if text.isascii():  # one piece: Latin if it has a letter
        if text:
            yield text, "latin" if _has_letter(text) else None
        return
    pieces: list[list[str | None]] = []  # [text, script]
    for ch in text:
        script = script_of(ch)
        if script is None and _cjk_punctuation(ch):
            script = "han"
        if script in ("hiragana", "katakana"):
            script = "han"  # Japanese mixes them in one run: one font slot, one language
        if not pieces:
            pieces.append([ch, script])
        elif script is None or pieces[-1][1] == script:
            pieces[-1][0] = f"{pieces[-1][0]}{ch}"
        elif pieces[-1][1] is None:
            pieces[-1] = [f"{pieces[-1][0]}{ch}", script]
        else:
            pieces.append([ch, script])
    for piece, script in pieces:
        yield str(piece), script


def split_scripts(runs: Sequence[Run]) -> tuple[Run, ...]:
    """``runs`` cut where the script changes, so that each run is in one script.

    Spaces, digits and punctuation stay with the text before them. Runs that are already in one
    script are returned as they are (the same objects).
    """
    out: list[Run] = []
    for run in runs:
        pieces = list(script_pieces(run.text))
        if len(pieces) <= 1:
            out.append(run)
            continue
        out += [evolve(run, text=piece) for piece, _ in pieces]
    return tuple(out)


_ISOLATES = {"LRI", "RLI", "FSI"}


def letter_directions(texts: Iterable[str]) -> tuple[int, int]:
    """How many letters of ``texts`` are of right-to-left scripts, and how many left to right.

    >>> letter_directions(["WMF", "مؤسسة ويكيميديا"])
    (14, 3)
    """
    rtl = ltr = 0
    for text in texts:
        if text.isascii():  # ASCII letters are all left to right
            ltr += sum(ch.isalpha() for ch in text)
            continue
        for ch in text:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                ltr += 1
            elif kind in ("R", "AL"):
                rtl += 1
    return rtl, ltr


def paragraph_direction(text: str) -> Direction:
    """The direction of a paragraph of ``text``: that of its first strong character, skipping
    text inside directional isolates (UAX #9, P2 and P3); left to right when it has none.

    >>> paragraph_direction("2021: تحديث"), paragraph_direction("Wiki שלום")
    ('rtl', 'ltr')
    """
    depth = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _ISOLATES:
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif depth == 0 and kind == "L":
            return "ltr"
        elif depth == 0 and kind in ("R", "AL"):
            return "rtl"
    return "ltr"
