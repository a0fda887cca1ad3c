"""Inline markup: the small language every text field of a deck is written in.

A text field is one or more lines; each non-empty line is a paragraph. A line that starts with
``- `` (or ``• ``) is a bullet; two leading spaces per extra level indent it further. Inside a
line:

- ``**bold**`` and ``*italic*`` (a ``*`` that opens nothing, as in ``89K/mo*``, stays literal);
- ``[text](https://example.org)`` is a link;
- ``^{+o}`` is superscript, for footnote marks;
- a backslash keeps the next character literal: ``\\*``.

This module is pure Python: it knows nothing of PowerPoint.
"""

from __future__ import annotations

import functools
import re

from attrs import evolve, frozen

__all__ = [
    "LINK_SCHEMES",
    "Paragraph",
    "Run",
    "bad_link",
    "escape",
    "parse_blocks",
    "parse_inline",
    "plain_text",
]

LINK_SCHEMES = ("http", "https", "mailto")
"""The only kinds of link a deck may hold: web pages and e-mail addresses."""


@frozen
class Run:
    """A stretch of text with one style. Immutable."""

    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    href: str | None = None
    color: str | None = None  # RRGGBB; None: the paragraph's colour


@frozen
class Paragraph:
    """One paragraph: its runs and its bullet level (0 for a plain paragraph). Immutable."""

    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        """The paragraph's text without markup."""
        return "".join(r.text for r in self.runs)


_TOKEN = re.compile(
    r"(?P<escape>\\(?P<escaped>[\\*\[\]^_{}]))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\))"
    r"|(?P<bold>(?<!\*)\*\*(?=[^\s*])(?P<btext>.+?)(?<=[^\s])\*\*(?!\*))"
    r"|(?P<italic>(?<![\w*\\])\*(?=[^\s*])(?P<itext>.+?)(?<=[^\s*\\])\*(?![\w*]))"
    r"|(?P<sup>\^\{(?P<stext>[^}]*)\})"
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-•‣▪]\s+)(?P<body>.*)$")


def bad_link(text: str) -> str | None:
    """The first link target in ``text`` a deck may not hold (not http, https or mailto), or None.

    ``javascript:``, ``file:``, ``data:``, UNC paths (``\\\\server``) and relative targets are
    refused: a deck opened by someone else must not run or open anything but a page or a mail.
    """
    for m in _TOKEN.finditer(text):
        url = m.group("url")
        if url is None:
            continue
        scheme, colon, rest = url.partition(":")
        if not colon or scheme.lower() not in LINK_SCHEMES or not rest.strip("/"):
            return url
    return None


def parse_inline(
    text: str, *, bold: bool = False, italic: bool = False, href: str | None = None
) -> tuple[Run, ...]:
    """Split one line of markup into styled runs.

    >>> parse_inline("a **b** c")
    (Run(text='a ', ...), Run(text='b', bold=True, ...), Run(text=' c', ...))
    """
    runs: list[Run] = []
    pos = 0

    def plain(chunk: str) -> None:
        if chunk:
            runs.append(Run(chunk, bold=bold, italic=italic, href=href))

    for m in _TOKEN.finditer(text):
        plain(text[pos : m.start()])
        pos = m.end()
        if m.group("escape"):
            plain(m.group("escaped"))
        elif m.group("link"):
            runs += parse_inline(m.group("ltext"), bold=bold, italic=italic, href=m.group("url"))
        elif m.group("bold"):
            runs += parse_inline(m.group("btext"), bold=True, italic=italic, href=href)
        elif m.group("italic"):
            runs += parse_inline(m.group("itext"), bold=bold, italic=True, href=href)
        else:
            runs.append(
                Run(m.group("stext"), bold=bold, italic=italic, superscript=True, href=href)
            )
    plain(text[pos:])
    return tuple(_merge(runs))


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs of the same style."""
    out: list[Run] = []
    for r in runs:
        if out and evolve(out[-1], text="") == evolve(r, text=""):
            out[-1] = evolve(out[-1], text=out[-1].text + r.text)
        else:
            out.append(r)
    return out


@functools.lru_cache(maxsize=16384)
def parse_blocks(text: str) -> tuple[Paragraph, ...]:
    """Split a text field into paragraphs, one per non-empty line, with bullet levels."""
    paragraphs = []
    for line in text.expandtabs(2).splitlines():
        if not line.strip():
            continue
        m = _BULLET.match(line)
        if m:
            indent = len(m.group("indent"))
            body = " ".join(m.group("body").split())
            paragraphs.append(Paragraph(parse_inline(body), 1 + indent // 2))
        else:
            paragraphs.append(Paragraph(parse_inline(" ".join(line.split())), 0))
    return tuple(paragraphs)


def plain_text(text: str) -> str:
    """The text of a field with its markup removed, paragraphs joined by newlines."""
    return "\n".join(p.text for p in parse_blocks(text))


def escape(text: str) -> str:
    """Protect ``text`` from being read as markup (``*``, ``[``, ``^`` and ``\\`` kept literal)."""
    return re.sub(r"([\\*\[\]^_{}])", r"\\\1", text)
