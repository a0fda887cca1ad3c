"""Where a line may break inside a word of Chinese or Japanese text.

Text written without spaces between words (Chinese, Japanese) breaks between any two of its
characters, as LibreOffice and PowerPoint break it, except where the usual line-breaking rules
(kinsoku) forbid: never before closing punctuation, a small kana or a prolonged sound
mark (、。）」ー…), never after opening punctuation (（「『…). Latin text stays whole: it
breaks at spaces and hyphens, which :mod:`tuningdeck.text.measure` handles.
"""

from __future__ import annotations

from tuningdeck.text.scripts import script_of

__all__ = ["AUTOSPACE", "autospaces", "cjk_pieces"]

AUTOSPACE = 0.25
"""The space (em) LibreOffice adds between CJK text and Latin letters or digits beside it."""

# Characters a line may not start with.
_NO_START = frozenset(
    "、。，．・：；？！ー）」』】〕〉》〙〗｝］〟’”‰℃°′″…‥〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻゛゜ゝゞヽヾ"
    ",.:;!?)]}%"
)
# Characters a line may not end with.
_NO_END = frozenset("（「『【〔〈《〘〖｛［〝‘“([{$£¥￥")
_IDEOGRAPHIC = frozenset({"han", "hiragana", "katakana"})


def _wide(ch: str) -> bool:
    """Whether ``ch`` breaks on either side: an ideograph, a kana or CJK punctuation."""
    if script_of(ch) in _IDEOGRAPHIC:
        return True
    cp = ord(ch)
    return 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFF60


def cjk_pieces(word: str) -> list[str]:
    """``word`` (text with no space but at its end) cut at each place a line may break between
    two characters because one of them is CJK; ``[word]`` when there is none.

    >>> cjk_pieces("新编辑（第二周）留存率")
    ['新', '编', '辑', '（第', '二', '周）', '留', '存', '率']
    """
    if word.isascii():
        return [word]
    out: list[str] = []
    start = 0
    for i in range(1, len(word)):
        a, b = word[i - 1], word[i]
        if b.isspace() or not (_wide(a) or _wide(b)):
            continue
        if b in _NO_START or a in _NO_END:
            continue
        out.append(word[start:i])
        start = i
    out.append(word[start:])
    return out


def _latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or script_of(ch) == "latin"


def autospaces(text: str, start: int, end: int) -> int:
    """How many places between ``text[start - 1]`` and ``text[end - 1]`` join CJK text to a Latin
    letter or digit (``的9``, ``Wikidata工``): LibreOffice sets :data:`AUTOSPACE` apart there."""
    count = 0
    for i in range(max(start, 1), end):
        a, b = text[i - 1], text[i]
        if (_wide(a) and _latin(b)) or (_latin(a) and _wide(b)):
            count += 1
    return count
