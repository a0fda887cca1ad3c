"""Write measured paragraphs into a PowerPoint text body, sizes and all, exactly as planned.

The paragraphs are built with :mod:`tuningdeck.oxml.text` (copies of one prototype per distinct
format): writing run by run through python-pptx's proxies costs more than laying the text out.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.text.text import TextFrame

from tuningdeck.fonts.fallback import on_script_families_change
from tuningdeck.oxml import fragments
from tuningdeck.oxml.ns import qn
from tuningdeck.oxml.text import (
    Bullet,
    ParaFormat,
    RunFormat,
    add_run,
    empty_paragraph,
    paragraph,
    run,
)
from tuningdeck.render.pptx_adapter import text_body
from tuningdeck.render.script_props import (
    DEFAULT_LANGUAGE,
    main_direction,
    paragraph_align,
    paragraph_rtl,
    run_fonts,
)
from tuningdeck.text.markup import Paragraph, Run
from tuningdeck.text.measure import Block, TextStyle, margins
from tuningdeck.text.scripts import Direction, split_scripts

__all__ = ["formatted", "paragraph_bytes", "paragraphs", "start_numbers", "write_blocks"]

BULLET_CHARS = ("•", "–", "◦")
_NO_BULLET = Bullet()


def _pts(value: float) -> int:
    """Hundredths of a point, as DrawingML sizes and spacing want them."""
    return round(value * 100)


#: A paragraph to write: its format and its runs (format, text, hyperlink id or None).
Formatted = tuple[ParaFormat, list[tuple[RunFormat, str, str | None]]]


def _para_format(
    st: TextStyle,
    margin: float,
    hang: float,
    bullet: Bullet,
    level: int,
    rtl: bool = False,
    end_lang: str = DEFAULT_LANGUAGE,
    mirrored: bool = False,
) -> ParaFormat:
    return ParaFormat(
        round(margin * 12700),
        -round(hang * 12700),
        paragraph_align(st.align, rtl, mirrored),
        round(st.line * 100000),
        _pts(st.space_before),
        _pts(st.space_after),
        bullet,
        _pts(math.floor(st.size * 10) / 10),
        min(level, 9) - 1 if level > 1 else 0,
        rtl,
        end_lang,
    )


def _run_format(st: TextStyle, r: Run, link_color: str) -> RunFormat:
    color = link_color if r.href else r.color or st.color
    fonts = run_fonts(r, st.family)
    return RunFormat(
        _pts(math.floor(st.size * 10) / 10),
        st.family,
        bool(st.bold or r.bold),
        bool(st.italic or r.italic),
        bool(r.href),
        bool(r.superscript),
        color or None,
        fonts.lang,
        fonts.alt_lang,
        fonts.ea,
        fonts.cs,
        fonts.tracked,
    )


def formatted(
    blocks: Sequence[Block],
    *,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
    base: Direction | None = None,
    mirrored: bool = False,
) -> list[Formatted]:
    """Each block's paragraph and run formats, as planned.

    ``link_id(url)`` returns the relationship id of an external hyperlink. A list item's level
    is written as the paragraph's outline level (``lvl``), so PowerPoint indents and numbers it
    as one of its own; a numbered item is an automatic number (see :func:`start_numbers`).
    Sizes are rounded down to a tenth of a point.

    Runs are split where their script changes, each with its language and the font of its
    script (:mod:`tuningdeck.render.script_props`). ``base`` is the text body's main direction
    (default: that of the blocks' text); right-to-left paragraphs are marked so and aligned right.
    On a ``mirrored`` slide, text planned flush right is flush left (see
    :func:`~tuningdeck.render.script_props.paragraph_align`).
    """
    out: list[Formatted] = []
    starts = start_numbers([b.paragraph for b in blocks])
    if base is None:
        base = main_direction(b.paragraph for b in blocks)
    for block, start in zip(blocks, starts, strict=True):
        para, runs = _formats(block, start, base, bullet_color, link_color, mirrored)
        out.append((para, [(f, text, link_id(href) if href else None) for f, text, href in runs]))
    return out


#: A paragraph's formats with each run's hyperlink target (None for none), before the
#: relationship ids are known.
_Formats = tuple[ParaFormat, tuple[tuple[RunFormat, str, str | None], ...]]


def _formats(
    block: Block,
    start: int | None,
    base: Direction,
    bullet_color: str,
    link_color: str,
    mirrored: bool = False,
) -> _Formats:
    """One block's formats (see :func:`formatted`), numbered from ``start``."""
    st = block.style
    level = block.paragraph.level
    pieces = split_scripts(block.paragraph.runs)
    rtl = paragraph_rtl(block.paragraph, base)
    end_lang = run_fonts(pieces[-1], st.family).lang if pieces else DEFAULT_LANGUAGE
    if start is None and not level:
        para = _para_format(st, st.indent, 0.0, _NO_BULLET, 0, rtl, end_lang, mirrored)
    else:
        margin, hang = margins(block.paragraph, st)
        if start is not None:
            bullet = Bullet("number", bullet_color, start=start)
        else:
            bullet = Bullet("char", bullet_color, BULLET_CHARS[(level - 1) % len(BULLET_CHARS)])
        para = _para_format(st, margin, hang, bullet, level, rtl, end_lang, mirrored)
    runs = tuple((_run_format(st, r, link_color), r.text, r.href or None) for r in pieces)
    return para, runs


def paragraphs(
    blocks: Sequence[Block],
    *,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
    base: Direction | None = None,
    mirrored: bool = False,
) -> list[etree._Element]:
    """The ``<a:p>`` elements for ``blocks`` (one empty paragraph when there are none); see
    :func:`formatted`."""
    out = []
    for para, runs in formatted(
        blocks,
        bullet_color=bullet_color,
        link_color=link_color,
        link_id=link_id,
        base=base,
        mirrored=mirrored,
    ):
        p = paragraph(para)
        for f, content, link in runs:
            add_run(p, run(f, content, link))
        out.append(p)
    return out or [empty_paragraph()]


def paragraph_bytes(
    out: list[bytes],
    blocks: Sequence[Block],
    *,
    bullet_color: str,
    link_color: str,
    link_id: Callable[[str], str],
    base: Direction | None = None,
    mirrored: bool = False,
) -> None:
    """Append the bytes of :func:`paragraphs`' elements to ``out`` (compiled fragments, see
    :mod:`tuningdeck.oxml.fragments`)."""
    if not blocks:
        out.append(fragments.EMPTY_PARAGRAPH)
        return
    if base is None:
        base = main_direction(b.paragraph for b in blocks)
    if len(blocks) == 1:  # most table cells: a paragraph numbered from its own number
        starts: list[int | None] = [blocks[0].paragraph.number]
    else:
        starts = start_numbers([b.paragraph for b in blocks])
    for block, start in zip(blocks, starts, strict=True):
        if any(r.href for r in block.paragraph.runs):
            para, runs = _formats(block, start, base, bullet_color, link_color, mirrored)
            fragments.paragraph(
                out, para, [(f, text, link_id(href) if href else None) for f, text, href in runs]
            )
        else:
            out.append(_unlinked_bytes(block, start, base, bullet_color, link_color, mirrored))


@functools.lru_cache(maxsize=1024)
def _unlinked_bytes(
    block: Block,
    start: int | None,
    base: Direction,
    bullet_color: str,
    link_color: str,
    mirrored: bool,
) -> bytes:
    """The bytes of one paragraph without links (see :func:`paragraph_bytes`): kept for the
    paragraphs decks repeat (headers, "-", goals, labels)."""
    para, runs = _formats(block, start, base, bullet_color, link_color, mirrored)
    parts: list[bytes] = []
    fragments.paragraph(parts, para, [(f, text, None) for f, text, _ in runs])
    return b"".join(parts)


# a run's East-Asian and complex-script typefaces are the script families of the theme
on_script_families_change(_unlinked_bytes.cache_clear)


def start_numbers(paragraphs: Sequence[Paragraph]) -> list[int | None]:
    """The ``startAt`` of each numbered paragraph of one text body (None for the others).

    PowerPoint and LibreOffice number an item one more than the item before it when that is the
    nearest paragraph above at its level or shallower, is numbered too, at the same level, with
    the same ``startAt``; otherwise the item shows its ``startAt``. So an item that follows the
    one numbered one less shares that one's ``startAt``, and any other item starts at its own
    number: each shows the number it was planned with, and stays in sequence when edited.
    """
    if all(p.number is None for p in paragraphs):
        return [None] * len(paragraphs)
    out: list[int | None] = []
    above: list[tuple[Paragraph, int | None]] = []  # the nearest paragraph of each depth so far
    for p in paragraphs:
        depth = max(p.level, 1)  # a plain paragraph is at the outline level of a first-level item
        prev = above[depth - 1] if len(above) >= depth else None
        start = None
        if p.number is not None:
            start = p.number
            if prev is not None and prev[0].number == p.number - 1 and prev[0].level == p.level:
                start = prev[1]
        del above[depth - 1 :]
        above += [(Paragraph(()), None)] * (depth - 1 - len(above))
        above.append((p, start))
        out.append(start)
    return out


def write_blocks(
    frame: TextFrame, blocks: Sequence[Block], *, bullet_color: str, link_color: str
) -> None:
    """Replace the frame's paragraphs with ``blocks``: explicit faces, sizes, colours, spacing.

    Sizes are written as planned (rounded down to a tenth of a point), so the text takes the
    space it was measured to take and no application needs to re-fit it.
    """
    body = text_body(frame)
    for p in body.findall(qn("a:p")):
        body.remove(p)

    def link_id(url: str) -> str:
        return frame.part.relate_to(url, RT.HYPERLINK, is_external=True)

    body.extend(
        paragraphs(blocks, bullet_color=bullet_color, link_color=link_color, link_id=link_id)
    )
