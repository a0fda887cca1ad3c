"""Words as compared between a slide's text and the words a rendering of it yields.

A PDF's text (pdftotext) is cut where lines broke and in the order glyphs were drawn: Latin words
split at spaces, hyphens and slashes, right-to-left text given in drawing order and cut into glyph
clusters, CJK text broken between any two characters. :func:`compared_words` turns both sides
into the same tokens: Latin words lower-cased with only their letters, digits, % and $; the
letters of every other script one by one, without their marks.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from tuningdeck.text.scripts import script_of

__all__ = ["compared_words", "signs_apart"]

# Where LibreOffice may break a line inside a word: spaces, hyphens, dashes and slashes.
_BREAKS = re.compile(r"[\s\-\u2010-\u2014/]+")


def compared_words(text: str) -> Iterator[str]:
    """The tokens of ``text`` (HTML entities read as characters) for comparing a slide with its
    rendering; see the module's description.

    >>> list(compared_words("Q2: +6.1% YoY, ويكيبيديا 中文"))
    ['q2', '61%', 'yoy', 'و', 'ي', 'ك', 'ي', 'ب', 'ي', 'د', 'ي', 'ا', '中', '文']
    """
    for part in _BREAKS.split(unicodedata.normalize("NFKC", html.unescape(text))):
        if all(script_of(ch) in (None, "latin") for ch in part):
            token = re.sub(r"[^\w%$]", "", part).lower()
            if token:
                yield token
            continue
        word = ""
        for ch in part:
            if script_of(ch) not in (None, "latin"):
                if word:
                    yield word
                    word = ""
                if ch.isalpha():
                    yield ch
            elif (ch.isalnum() or ch in "%$") and not unicodedata.category(ch).startswith("M"):
                word += ch.lower()
        if word:
            yield word


def signs_apart(token: str) -> Iterator[str]:
    """``token`` without its % and $ signs, then each sign: a right-to-left line draws ``18%``
    as ``%18``, and pdftotext may give the sign as a word of its own.

    >>> list(signs_apart("18%")), list(signs_apart("%"))
    (['18', '%'], ['%'])
    """
    bare = token.replace("%", "").replace("$", "")
    if bare:
        yield bare
    yield from (ch for ch in token if ch in "%$")
