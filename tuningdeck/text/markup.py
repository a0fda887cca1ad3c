"""Inline markup: the small language every text field of a deck is written in.

A text field is one or more lines; each non-empty line is a paragraph. A line that starts with
``- `` (or ``• ``) is a bullet, and one that starts with a number and a full stop (``1. ``) is a
numbered item; two leading spaces per extra level indent either further. The first item of a
numbered list gives its number and the items after it count on from there, as in Markdown.
``1\\. `` at the start of a line keeps the number as text. Inside a line:

- ``**bold**`` and ``*italic*`` (a ``*`` that opens nothing, as in ``89K/mo*``, stays literal);
- ``[text](https://example.org)`` is a link;
- ``^{+o}`` is superscript, for footnote marks;
- a backslash keeps the next character literal: ``\\*``, ``1\\.``.

This module is pure Python: it knows nothing of PowerPoint.
"""

from __future__ import annotations

import functools
import re

from attrs import evolve, field, frozen

__all__ = [
    "LINK_SCHEMES",
    "MAX_NUMBER",
    "Paragraph",
    "Run",
    "bad_link",
    "escape",
    "parse_blocks",
    "parse_inline",
    "parse_line",
    "plain_text",
    "with_widest",
]

LINK_SCHEMES = ("http", "https", "mailto")
"""The only kinds of link a deck may hold: web pages and e-mail addresses."""


@frozen(cache_hash=True)
class Run:
    """A stretch of text with one style. Immutable."""

    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    href: str | None = None
    color: str | None = None  # RRGGBB; None: the paragraph's colour


MAX_NUMBER = 9999
"""The largest number a numbered item may have (PowerPoint counts up to 32767)."""


@frozen(cache_hash=True)
class Paragraph:
    """One paragraph: its runs, its list level (0 for a plain paragraph) and, for a numbered
    item, its number. Immutable."""

    runs: tuple[Run, ...]
    level: int = 0
    number: int | None = field(default=None, kw_only=True)
    widest: int | None = field(default=None, kw_only=True)
    """The largest number of the item's list, so that every item's text starts at one place
    (items 9 and 10 included); None: the item's own number."""

    @number.validator
    def _number(self, attribute: object, value: int | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_NUMBER:
            raise ValueError(f"a numbered item's number is 1 to {MAX_NUMBER}, got {value!r}")
        if self.level < 1:
            raise ValueError("a numbered item is a list item: its level is 1 or more, got 0")

    @widest.validator
    def _widest(self, attribute: object, value: int | None) -> None:
        if value is None:
            return
        if self.number is None or isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                f"widest is the largest number of a numbered item's list, got {value!r}"
            )
        if not self.number <= value <= MAX_NUMBER:
            raise ValueError(
                f"widest is at least the item's number ({self.number}) and at most {MAX_NUMBER}, "
                f"got {value}"
            )

    @property
    def text(self) -> str:
        """The paragraph's text without markup."""
        runs = self.runs
        if len(runs) == 1:
            return runs[0].text
        return "".join([r.text for r in runs])


_TOKEN = re.compile(
    r"(?P<escape>\\(?P<escaped>[\\*\[\]^_{}.]))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\))"
    r"|(?P<bold>(?<!\*)\*\*(?=[^\s*])(?P<btext>.+?)(?<=[^\s])\*\*(?!\*))"
    r"|(?P<italic>(?<![\w*\\])\*(?=[^\s*])(?P<itext>.+?)(?<=[^\s*\\])\*(?![\w*]))"
    r"|(?P<sup>\^\{(?P<stext>[^}]*)\})"
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-•‣▪]\s+)(?P<body>.*)$")
_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<number>[1-9]\d{0,3})\.\s+(?P<body>.*)$")


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


@functools.lru_cache(maxsize=2048)
def parse_blocks(text: str) -> tuple[Paragraph, ...]:
    """Split a text field into paragraphs, one per non-empty line, with list levels and numbers.

    A numbered list's first item keeps its number; each item after it at the same level is
    numbered one more than the item before, whatever number it was written with. Deeper items in
    between do not interrupt a list; a plain paragraph, a bullet at the same level or anything
    shallower ends it.
    """
    paragraphs: list[Paragraph] = []
    counters: dict[int, int] = {}  # level -> the number of the list running at that level
    for line in text.expandtabs(2).splitlines():
        if not line.strip():
            continue
        para = parse_line(line)
        for level in [
            k for k in counters if k > para.level or (k == para.level and para.number is None)
        ]:
            del counters[level]
        if para.number is not None:
            number = counters[para.level] + 1 if para.level in counters else para.number
            counters[para.level] = min(number, MAX_NUMBER)
            para = evolve(para, number=counters[para.level])
        paragraphs.append(para)
    return tuple(with_widest(paragraphs))


def with_widest(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with each numbered item's ``widest`` set to the last number of its list
    (the items numbered one after another at its level, deeper items in between)."""
    out = list(paragraphs)
    runs: dict[int, list[int]] = {}  # level -> indexes of the list running at that level
    ends: list[list[int]] = []
    for i, p in enumerate(paragraphs):
        for level in [k for k in runs if k > p.level or (k == p.level and p.number is None)]:
            ends.append(runs.pop(level))
        if p.number is not None:
            run = runs.get(p.level)
            if run and paragraphs[run[-1]].number != p.number - 1:
                ends.append(runs.pop(p.level))
            runs.setdefault(p.level, []).append(i)
    ends += runs.values()
    for run in ends:
        widest = max(paragraphs[i].number or 0 for i in run)
        for i in run:
            out[i] = evolve(paragraphs[i], widest=widest)
    return out


def parse_line(line: str) -> Paragraph:
    """One line as a paragraph: a bullet, a numbered item (with the number it is written with)
    or plain text. Runs of spaces fold into one."""
    m = _BULLET.match(line)
    if m:
        indent = len(m.group("indent").expandtabs(2))
        return Paragraph(parse_inline(" ".join(m.group("body").split())), 1 + indent // 2)
    m = _NUMBERED.match(line)
    if m:
        indent = len(m.group("indent").expandtabs(2))
        body = parse_inline(" ".join(m.group("body").split()))
        return Paragraph(body, 1 + indent // 2, number=int(m.group("number")))
    return Paragraph(parse_inline(" ".join(line.split())), 0)


def plain_text(text: str) -> str:
    """The text of a field with its markup removed, paragraphs joined by newlines; a numbered
    item keeps its number (``1. First``)."""
    return "\n".join(
        p.text if p.number is None else f"{p.number}. {p.text}" for p in parse_blocks(text)
    )


def escape(text: str) -> str:
    """Protect ``text`` from being read as markup (``*``, ``[``, ``^`` and ``\\`` kept literal,
    and a number at the start of a line kept from starting a numbered list)."""
    text = re.sub(r"([\\*\[\]^_{}])", r"\\\1", text)
    return re.sub(r"(?m)^([ \t]*[1-9]\d{0,3})\.(?=\s)", r"\1\\.", text)
