"""Where a line may break inside a word of text written without spaces between words.

Chinese and Japanese break between any two of their characters, as LibreOffice and PowerPoint
break them, except where the usual line-breaking rules (kinsoku) forbid: never before closing
punctuation, a small kana or a prolonged sound mark (、。）」ー…), never after opening
punctuation (（「『…). Thai, Lao, Khmer and Burmese break between words, found with the
dictionaries of ICU as LibreOffice finds them (:mod:`tuningdeck.text.icu`). Latin text stays
whole: it breaks at spaces and hyphens, which :mod:`tuningdeck.text.measure` handles. A word
longer than a line is broken between grapheme clusters (:func:`clusters`), never between a
letter and its marks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from tuningdeck.text.icu import line_breaks
from tuningdeck.text.scripts import script_of

__all__ = ["AUTOSPACE", "autospaces", "cjk_pieces", "clusters", "word_pieces"]

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


# Scripts written without spaces between words, broken with a dictionary: Thai, Lao, Burmese
# (with its extensions), Khmer (with its symbols), Tai Tham, New Tai Lue, Tai Viet.
_DICTIONARY = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1950-\u19ff\u1a20-\u1aaf\ua9e0-\ua9ff\uaa60-\uaadf]"
)


def dictionary_pieces(word: str) -> list[str]:
    """``word`` cut between the words of its Thai, Lao, Khmer or Burmese text, where ICU's
    line breaking (LibreOffice's) may break a line; ``[word]`` when it has none of these
    scripts, or where ICU is missing.

    >>> dictionary_pieces("ประเทศไทยเป็นสิ่งสำคัญ")
    ['ประเทศไทย', 'เป็น', 'สิ่ง', 'สำคัญ']
    """
    if word.isascii() or not _DICTIONARY.search(word):
        return [word]
    breaks = line_breaks(word)
    if not breaks:
        return [word]
    out, start = [], 0
    for end in breaks:
        if end > start:
            out.append(word[start:end])
            start = end
    if start < len(word):
        out.append(word[start:])
    return out


def word_pieces(word: str) -> list[str]:
    """``word`` (text with no space but at its end) cut at every place a line may break inside
    it: between CJK characters (:func:`cjk_pieces`), between Thai, Lao, Khmer or Burmese words
    (:func:`dictionary_pieces`)."""
    if word.isascii():
        return [word]
    return [p for piece in cjk_pieces(word) for p in dictionary_pieces(piece)]


# Thai and Lao vowels written before the consonant they follow in speech: they begin a cluster
_PREPOSED = frozenset("เแโใไເແໂໃໄ")
_JOINERS = frozenset("\u200d\u034f")  # zero width joiner, combining grapheme joiner
_SPACING_MARKS = frozenset("\u0e33\u0eb3")  # Thai and Lao sara am: letters that join as marks


def clusters(text: str) -> Iterator[str]:
    """``text`` as the clusters a line never breaks inside: a character with the marks that
    follow it (Thai vowels and tones, Devanagari signs, accents), joined by a zero width
    joiner, and a preposed Thai or Lao vowel with the consonant after it.

    >>> list(clusters("สำหรับ"))
    ['สำ', 'ห', 'รั', 'บ']
    """
    if text.isascii():
        yield from text
        return
    cluster = ""
    for ch in text:
        attach = bool(cluster) and (
            unicodedata.category(ch)[0] == "M"
            or ch in _SPACING_MARKS
            or ch in _JOINERS
            or cluster[-1] in _JOINERS
            or cluster[-1] in _PREPOSED
            or "\ufe00" <= ch <= "\ufe0f"  # variation selectors
        )
        if cluster and not attach:
            yield cluster
            cluster = ""
        cluster += ch
    if cluster:
        yield cluster


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
