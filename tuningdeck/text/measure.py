"""Measure text with the real font files: widths, wrapped lines and heights, in points.

The renderers lay text out before they write it: how many lines a paragraph wraps to in a box of
a given width, how tall a set of paragraphs is, and the largest size (within the theme's floor) at
which it fits. Widths come from the same font files that LibreOffice renders with (a variable
font read at the face's location gives what the static instance LibreOffice gets does), shaped
by HarfBuzz (through Pillow's raqm layout) when it is available, so kerning is counted as well;
text that needs no shaping is measured from the font's advances and kerning tables directly
(:mod:`~tuningdeck.text.advances`), which gives the same widths far sooner. Characters the
theme's font lacks are measured in their script's fallback font (:func:`font_pieces`).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from attrs import evolve, field, frozen

from tuningdeck.text.breaks import AUTOSPACE, autospaces, clusters, word_pieces
from tuningdeck.text.markup import Paragraph, Run

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

    from tuningdeck.fonts import Face

__all__ = [
    "Block",
    "TextStyle",
    "blocks_height",
    "fit_scale",
    "font_pieces",
    "line_height",
    "margins",
    "paragraph_height",
    "paragraph_widths",
    "text_width",
    "wrap",
]

NUMBER_GAP = 0.5  # ems between a numbered item's number and its text
_UNITS = 2000  # the size, in pixels, text is measured at; widths are scaled from it
SUPERSCRIPT_SCALE = 0.58  # how much smaller PowerPoint and LibreOffice draw superscript text


@frozen(cache_hash=True)
class TextStyle:
    """How a paragraph is set: face, size, spacing and left indent (pt), colour, alignment.

    ``indent`` is where the text of a paragraph starts; a list item's bullet hangs left of it by
    ``step`` (one level of the list's indent), by ``indent / level`` when ``step`` is None.
    """

    family: str
    size: float
    bold: bool = False
    italic: bool = False
    line: float = 1.0
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0
    color: str | None = None
    align: str = field(default="l")
    step: float | None = None

    @align.validator
    def _align(self, attribute: object, value: str) -> None:
        if value not in ("l", "ctr", "r", "just"):
            raise ValueError(f'align is "l", "ctr", "r" or "just" (DrawingML), got {value!r}')

    def scaled(self, factor: float) -> TextStyle:
        """The same style with size and spacing multiplied by ``factor`` (indents stay)."""
        if factor == 1.0:
            return self
        return evolve(
            self,
            size=self.size * factor,
            space_before=self.space_before * factor,
            space_after=self.space_after * factor,
        )


@frozen(cache_hash=True)
class Block:
    """A paragraph and the style it is set in: the unit of layout."""

    paragraph: Paragraph
    style: TextStyle = field()

    @classmethod
    def of(cls, text: str | Sequence[Run], style: TextStyle, level: int = 0) -> Block:
        """A block from plain text (no markup parsing) or ready runs."""
        runs = (Run(text),) if isinstance(text, str) else tuple(text)
        return cls(Paragraph(runs, level), style)


_KEPT_WIDTHS = 65536  # texts whose width a face keeps


class _Face:
    """One face, measured from its advances and kerning, or shaped with Pillow (HarfBuzz shaping
    when raqm is present) at the face's location in a variable font."""

    def __init__(self, face: Face) -> None:
        from tuningdeck.text.advances import face_advances

        self.face = face
        self.advances = face_advances(face)
        self.line_height = self.advances.line_height
        self._font: FreeTypeFont | None = None
        self._widths: dict[str, float] = {}

    @property
    def font(self) -> FreeTypeFont:
        """The Pillow font, opened when text first needs shaping."""
        if self._font is None:
            from PIL import ImageFont

            font = ImageFont.truetype(str(self.face.path), _UNITS)
            if self.face.variable:
                font.set_variation_by_axes([value for _, value in self.face.location])
            self._font = font
        return self._font

    def shaped(self, text: str) -> float:
        """The shaped width of ``text`` in ems."""
        return self.font.getlength(text) / _UNITS

    def width(self, text: str) -> float:
        """Advance width of ``text`` in ems: from the font's advances and kerning where that
        gives what shaping would (Latin, Greek, Cyrillic text), else shaped by Pillow; characters
        the face lacks are measured in their fallback font, piece by piece. Each text's width is
        kept (words repeat), up to :data:`_KEPT_WIDTHS` texts a face."""
        found = self._widths.get(text)
        if found is None:
            if len(self._widths) >= _KEPT_WIDTHS:  # a long-lived process starts afresh
                self._widths.clear()
            found = self._widths[text] = self._measure(text)
        return found

    def _measure(self, text: str) -> float:
        fast = self.advances.width(text)
        if fast is not None:
            return fast
        if all(self.advances.has(ch) for ch in text):
            return self.shaped(text)
        total = 0.0
        for piece, face in _pieces(text, self.face):
            if face is None:  # no installed font has it (emoji, …): counted generously
                total += sum(_fallback_width(ch) for ch in piece)
            elif face == self.face:
                total += self.shaped(piece)
            else:
                total += _face_of(face).width(piece)
        return total


def _fallback_width(ch: str) -> float:
    """How wide (em) a character no installed font has may be drawn by a system font."""
    category = unicodedata.category(ch)
    if category in ("Cf", "Mn", "Me", "Cc"):
        return 0.0  # zero-width and combining marks
    if ord(ch) >= 0x1F000 or category == "So":
        return 1.3  # emoji and pictographs
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.05
    return 0.7


def _joins(ch: str) -> bool:
    """Whether ``ch`` belongs to the character before it (a combining mark, a joiner)."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d\ufe0e\ufe0f"


def _pieces(text: str, face: Face) -> list[tuple[str, Face | None]]:
    """``text`` split into pieces each drawn by one face: ``face`` where it has the character,
    else the character's fallback face (None where no installed font has it)."""
    from tuningdeck.fonts import fallback_family, resolve
    from tuningdeck.text.advances import covers

    out: list[tuple[str, Face | None]] = []
    for ch in text:
        if covers(face, ch):
            which: Face | None = face
        elif _joins(ch) and out:
            which = out[-1][1]
        else:
            family = fallback_family(ch)
            which = None
            if family is not None:
                which = resolve(family, weight=face.weight, italic=face.italic, nearest=True)
        if out and out[-1][1] == which:
            out[-1] = (out[-1][0] + ch, which)
        else:
            out.append((ch, which))
    return out


def font_pieces(text: str, style: TextStyle) -> list[tuple[str, str | None]]:
    """``text`` split into pieces by the family that draws them in ``style``: the style's family
    where its font has the characters, else each character's fallback family
    (:func:`tuningdeck.fonts.fallback_family`), None where no installed font has them.

    Combining marks and joiners stay with the character before them. Raises
    :class:`tuningdeck.fonts.MissingScriptFont` for text in a script whose fallback font is not
    installed.
    """
    face = _style_face(style.family, style.bold, style.italic)
    return [(piece, f.family if f else None) for piece, f in _pieces(text, face)]


@functools.lru_cache(maxsize=64)
def _style_face(family: str, bold: bool, italic: bool) -> Face:
    from tuningdeck.fonts import resolve

    return resolve(family, weight=700 if bold else 400, italic=italic)


@functools.lru_cache(maxsize=128)
def _face_of(face: Face) -> _Face:
    return _Face(face)


@functools.lru_cache(maxsize=64)
def _face(family: str, bold: bool, italic: bool) -> _Face:
    return _face_of(_style_face(family, bold, italic))


def _script_face(script: str | None, bold: bool, italic: bool) -> _Face | None:
    """The face text of ``script`` is drawn with instead of the style's family: East-Asian and
    complex scripts (see :func:`tuningdeck.fonts.script_family`); None for the others, and for a
    script whose font is not installed (its characters are then measured one by one as the
    style's font's fallbacks, which names the missing font)."""
    from tuningdeck.fonts import script_family
    from tuningdeck.text.scripts import font_slot

    family = script_family(script) if font_slot(script) != "latin" else None
    return None if family is None else _family_face(family, bold, italic)


@functools.lru_cache(maxsize=64)
def _family_face(family: str, bold: bool, italic: bool) -> _Face | None:
    from tuningdeck.fonts import FontNotFoundError, resolve

    try:
        face = resolve(family, weight=700 if bold else 400, italic=italic, nearest=True)
    except FontNotFoundError:
        return None
    return _face_of(face)


def line_height(style: TextStyle, text: str = "") -> float:
    """The height of one line of text in ``style``, in points.

    With ``text``, the height of a line of it as a table cell sets it: as tall as the tallest
    font it is drawn from (a line of Arabic is drawn from a font with lines nearly twice Lato's).
    A text box spaces lines by the paragraph's own font, whatever else they hold.
    """
    height = _face(style.family, style.bold, style.italic).line_height
    if text and not text.isascii():
        for script in _scripts(text):
            face = _script_face(script, style.bold, style.italic)
            if face is not None:
                height = max(height, face.line_height)
    return height * style.size * style.line


@functools.lru_cache(maxsize=4096)
def _scripts(text: str) -> frozenset[str | None]:
    from tuningdeck.text.scripts import script_pieces

    return frozenset(script for _, script in script_pieces(text))


def text_width(text: str, style: TextStyle) -> float:
    """The width of ``text`` on one line, in points; each stretch of an East-Asian or complex
    script is measured (shaped, as a whole) with the font that draws it, spaces and digits
    among it included, as LibreOffice draws them."""
    face = _face(style.family, style.bold, style.italic)
    if text.isascii():
        return face.width(text) * style.size
    from tuningdeck.text.scripts import script_pieces

    total = 0.0
    for piece, script in script_pieces(text):
        total += (_script_face(script, style.bold, style.italic) or face).width(piece)
    return total * style.size


def _run_style(run: Run, style: TextStyle) -> TextStyle:
    if not (run.superscript or (run.bold and not style.bold) or (run.italic and not style.italic)):
        return style
    size = style.size * (SUPERSCRIPT_SCALE if run.superscript else 1.0)
    return evolve(style, size=size, bold=style.bold or run.bold, italic=style.italic or run.italic)


# A break opportunity follows a space, or a hyphen or dash before a letter ("newcomer-friendly");
# Chinese and Japanese text also breaks between its characters (see tuningdeck.text.breaks).
# A no-break space binds the words on either side ("71K/mo ⁺ᵒ"), and a hyphen before a digit
# is no break ("FY24-25", "2020-21"), as in Unicode's line breaking rules.
NO_BREAK_SPACES = "\u00a0\u202f"
_PIECES = re.compile(
    rf"(?:[^\s\-–—]|[{NO_BREAK_SPACES}]|[\-–—]+(?![^\W\d]))*"
    rf"(?:[\-–—]+(?=[^\W\d])|[\-–—]*[^\S{NO_BREAK_SPACES}]*)|.+",
    re.UNICODE,
)


def _span_width(
    runs: Sequence[Run], starts: Sequence[int], style: TextStyle, a: int, b: int
) -> float:
    """Width of characters ``a:b`` of the runs' joined text, each part in its run's style."""
    total = 0.0
    for run, start in zip(runs, starts, strict=True):
        lo, hi = max(a, start), min(b, start + len(run.text))
        if lo < hi:
            total += text_width(run.text[lo - start : hi - start], _run_style(run, style))
    return total


def _words(runs: Sequence[Run], style: TextStyle) -> list[tuple[str, float, float]]:
    """Split runs into unbreakable pieces: (text, width without trailing spaces, full width)."""
    starts, pos = [], 0
    for run in runs:
        starts.append(pos)
        pos += len(run.text)
    joined = "".join(r.text for r in runs)
    pieces = []
    for text, a, b, core_end, spaces in _piece_spans(joined):
        full = _span_width(runs, starts, style, a, b)
        core = full if core_end == b else _span_width(runs, starts, style, a, core_end)
        if spaces is not None:
            extra = spaces * AUTOSPACE * style.size
            core, full = core + extra, full + extra
        pieces.append((text, core, full))
    return pieces


def _piece_spans(joined: str) -> Iterator[tuple[str, int, int, int, int | None]]:
    """The unbreakable pieces of a paragraph's text: (text, start, end, end without trailing
    spaces, autospaces or None). Chinese and Japanese break between characters; ``autospaces``
    counts the room LibreOffice leaves between CJK text and Latin letters or digits, None for
    a piece of ASCII text after ASCII text (which never has any)."""
    for m in _PIECES.finditer(joined):
        if not m.group(0):
            continue
        a = m.start()
        for text in word_pieces(m.group(0)):
            b = a + len(text)
            core_end = a + len(text.rstrip())
            spaces = None
            if not text.isascii() or (a and not joined[a - 1].isascii()):
                spaces = autospaces(joined, a, core_end)
            yield text, a, b, core_end, spaces
            a = b


def wrap(runs: Sequence[Run], style: TextStyle, width: float) -> list[str]:
    """The lines ``runs`` wrap to in a box ``width`` points wide (greedy, as office suites do)."""
    avail = width - style.indent
    lines: list[str] = []
    line, used = "", 0.0
    for text, core, full in _words(runs, style):
        if line and used + core > avail:
            lines.append(line.rstrip())
            line, used = "", 0.0
        if not line and core > avail:
            # a word longer than the line is broken between characters (clusters)
            for ch in clusters(text):
                w = text_width(ch, style)
                if line and used + w > avail and not ch.isspace():
                    lines.append(line.rstrip())
                    line, used = "", 0.0
                line, used = line + ch, used + w
            continue
        line, used = line + text, used + full
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def margins(paragraph: Paragraph, style: TextStyle) -> tuple[float, float]:
    """Where a paragraph's text starts and how far its bullet or number hangs left of it (pt).

    A bullet hangs by one step of the list's indent (``style.step``, else ``indent / level``).
    A number needs room for itself: it hangs by that step or by the width of the widest number
    of its list (so that items 9 and 10 start their text at one place) and a gap, whichever is
    more, and the text moves right by the difference. The number sits where a bullet would.
    """
    level = paragraph.level
    if not level:
        return style.indent, 0.0
    step = style.indent / level if style.step is None else style.step
    if paragraph.number is None:
        return style.indent, step
    digits = len(str(paragraph.widest or paragraph.number))
    number = evolve(style, bold=True, italic=False)  # the widest the number may be drawn
    hang = max(step, text_width("0" * digits + ".", number) + NUMBER_GAP * style.size)
    return style.indent - step + hang, hang


def paragraph_widths(block: Block) -> tuple[float, float]:
    """The narrowest and the widest box ``block`` may want, in points (text and indent).

    The first is the longest piece that cannot be broken (the box below which a word is split
    between characters); the second sets the whole paragraph on one line.
    """
    return measured(block.paragraph, block.style).at(1.0).extent


def paragraph_height(block: Block, width: float, *, cell: bool = False) -> float:
    """The height of one paragraph, spacing included, in a box ``width`` points wide; in a table
    cell (``cell``), its lines are as tall as the tallest font they are drawn from."""
    return measured(block.paragraph, block.style).at(1.0).height(width, cell=cell)


def _line_count(paragraph: Paragraph, style: TextStyle, width: float) -> int:
    """Lines of a paragraph in ``style`` in a box ``width`` points wide."""
    return measured(paragraph, style).at(1.0).lines(width)


def blocks_height(
    blocks: Sequence[Block], width: float, scale: float = 1.0, *, cell: bool = False
) -> float:
    """The height of ``blocks`` stacked, at ``scale`` times their sizes (in a table ``cell``:
    see :func:`paragraph_height`)."""
    total = 0.0
    for b in blocks:
        total += measured(b.paragraph, b.style).at(scale).height(width, cell=cell)
    return total


# A piece's width as the runs it crosses: (em width, size factor) for each, so that its width
# at any size is worked out as measuring it at that size would (em width times the run's size).
_Terms = tuple[tuple[float, float], ...]
# An unbreakable piece: its text, whether it has more than spaces, and its width's terms without
# and with its trailing spaces (the same object when it has none).
_Piece = tuple[str, bool, _Terms, _Terms]


@functools.lru_cache(maxsize=1024)
def _em_pieces(paragraph: Paragraph, family: str, bold: bool, italic: bool) -> tuple[_Piece, ...]:
    """The unbreakable pieces of ``paragraph`` as :func:`_words` splits them, their widths in
    ems: a size's widths are the ems times the size, added up run by run as :func:`_words`
    adds them."""
    style = TextStyle(family, 1.0, bold=bold, italic=italic)
    # each run: where it starts and ends in the paragraph's text, its style and its size factor
    spans = []
    pos = 0
    for run in paragraph.runs:
        rs = _run_style(run, style)
        spans.append((pos, pos + len(run.text), rs, rs.size))
        pos += len(run.text)
    joined = paragraph.text
    one = spans[0] if len(spans) == 1 else None
    if one is not None and joined.isascii():
        return _ascii_pieces(joined, one[2], one[3])

    def terms(a: int, b: int) -> _Terms:
        if one is not None:  # one run: a piece's width is its text's
            return ((_ems(joined[a:b], one[2]), one[3]),)
        out = []
        for start, end, face, factor in spans:
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                out.append((_ems(joined[lo:hi], face), factor))
        return tuple(out)

    pieces = []
    for text, a, b, core_end, spaces in _piece_spans(joined):
        full = terms(a, b)
        core = full if core_end == b else terms(a, core_end) if core_end > a else ()
        if spaces:
            extra = ((spaces * AUTOSPACE, 1.0),)
            core, full = core + extra, full + extra
        pieces.append((text, core_end > a, core, full))
    return tuple(pieces)


def _ascii_pieces(text: str, style: TextStyle, factor: float) -> tuple[_Piece, ...]:
    """:func:`_em_pieces` of a paragraph of one run of ASCII text: no piece is broken between
    characters nor spaced from CJK text, and each is measured in the run's face alone."""
    face = _face(style.family, style.bold, style.italic)
    pieces: list[_Piece] = []
    for m in _PIECES.finditer(text):
        piece = m.group(0)
        if not piece:
            continue
        ink = piece.rstrip()
        full = ((face.width(piece), factor),)
        core = full if ink == piece else ((face.width(ink), factor),) if ink else ()
        pieces.append((piece, bool(ink), core, full))
    return tuple(pieces)


def _ems(text: str, style: TextStyle) -> float:
    """The width of ``text`` in ems of ``style``'s size, measured as :func:`text_width` does."""
    if text.isascii():
        return _face(style.family, style.bold, style.italic).width(text)
    return text_width(text, style) / style.size


def _sized(terms: _Terms, size: float) -> float:
    total = 0.0
    for em, factor in terms:
        total += em * (size * factor)
    return total


class Wrapping:
    """A paragraph in one style at one scale: its pieces' widths, and what wrapping it in each
    width tried so far found.

    Greedy wrapping compares the width of a line so far with the box's, nothing else: every box
    between the widest comparison that fitted and the narrowest that did not wraps the same
    way. Each wrap keeps that interval of box widths with its line count, so that a width inside
    a known interval costs a search, not a wrap: a line count is a step function of the width,
    and each step is found once.
    """

    __slots__ = (
        "_block",
        "_extent",
        "_found",
        "_last",
        "_starts",
        "cell_line_height",
        "indent",
        "line_height",
        "paragraph",
        "space_after",
        "space_before",
        "style",
        "widths",
    )

    def __init__(self, measured: Measured, scale: float) -> None:
        self.style = style = _scaled_style(measured.style, scale)
        self.space_before, self.space_after = style.space_before, style.space_after
        paragraph = measured.paragraph
        self.paragraph = paragraph
        self._block: Block | None = None
        self.indent = style.indent
        if paragraph.number is not None:
            self.indent = margins(paragraph, style)[0]
        self.line_height = _line_height(style)
        # in a table cell a line is as tall as the tallest font it is drawn from
        text = paragraph.text
        self.cell_line_height = self.line_height if text.isascii() else line_height(style, text)
        size = style.size
        # (core, full, has ink, text): widths at this size, without and with trailing spaces
        self.widths: list[tuple[float, float, bool, str]]
        if measured.plain is not None:
            self.widths = [(c * size, f * size, ink, t) for c, f, ink, t in measured.plain]
        else:
            self.widths = []
            for text, ink, core, full in measured.pieces:
                full_w = _sized(full, size)
                core_w = full_w if core is full else _sized(core, size)
                self.widths.append((core_w, full_w, ink, text))
        self._extent: tuple[float, float] | None = None
        self._found: list[tuple[float, float, int]] = []  # (from, below, lines), by ``from``
        self._starts: list[float] = []  # each one's ``from``
        self._last = (0.0, -1.0, 0)

    @property
    def block(self) -> Block:
        """The paragraph in its style at this scale."""
        if self._block is None:
            self._block = Block(self.paragraph, self.style)
        return self._block

    @property
    def extent(self) -> tuple[float, float]:
        """The narrowest and the widest box the paragraph may want (see
        :func:`paragraph_widths`)."""
        if self._extent is None:
            pieces = self.widths
            if not pieces:
                self._extent = (self.indent, self.indent)
            else:
                longest = max(p[0] for p in pieces)
                one_line = sum(p[1] for p in pieces[:-1]) + pieces[-1][0]
                self._extent = (self.indent + longest, self.indent + one_line)
        return self._extent

    def step(self, width: float) -> tuple[float, float, int]:
        """The widths ``[from, below)`` around ``width`` that wrap the paragraph as ``width``
        does, and its line count there."""
        last = self._last
        if last[0] <= width < last[1]:
            return last
        found, starts = self._found, self._starts
        i = bisect.bisect_right(starts, width) - 1
        if i >= 0 and width < found[i][1]:
            self._last = found[i]
            return found[i]
        lo, hi, n = self._wrap(width - self.indent)
        self._last = step = (self._box(lo), self._box(hi), n)
        k = bisect.bisect_right(starts, step[0])
        starts.insert(k, step[0])
        found.insert(k, step)
        return step

    def lines(self, width: float) -> int:
        """How many lines the paragraph wraps to in a box ``width`` points wide."""
        return self.step(width)[2]

    def height(self, width: float, *, cell: bool = False) -> float:
        """The paragraph's height, spacing included, in a box ``width`` points wide (in a table
        ``cell``: see :func:`paragraph_height`)."""
        line = self.cell_line_height if cell else self.line_height
        return self.space_before + self.step(width)[2] * line + self.space_after

    def _box(self, avail: float) -> float:
        """The narrowest box whose room for text (its width less the indent, as :func:`wrap`
        works it out) is at least ``avail``."""
        indent = self.indent
        if indent == 0.0 or math.isinf(avail):
            return avail
        box = avail + indent
        while box - indent < avail:
            box = math.nextafter(box, math.inf)
        while (below := math.nextafter(box, -math.inf)) - indent >= avail:
            box = below
        return box

    def _wrap(self, avail: float) -> tuple[float, float, int]:
        """Wrap as :func:`wrap` does into ``avail`` points; the line count, and the interval of
        widths that wrap the same way."""
        lo, hi = -math.inf, math.inf
        n = 0
        started = ink = False  # the line has text; the line has more than spaces
        used = 0.0
        for core, full, has_ink, text in self.widths:
            if started:
                x = used + core
                if x > avail:
                    if x < hi:
                        hi = x
                    n += 1
                    started = ink = False
                    used = 0.0
                elif x > lo:
                    lo = x
            if not started:
                if core > avail:
                    if core < hi:
                        hi = core
                    # a word longer than the line is broken between characters (clusters)
                    for ch in clusters(text):
                        w = text_width(ch, self.style)
                        if started and not ch.isspace():
                            x = used + w
                            if x > avail:
                                hi = min(hi, x)
                                n += 1
                                started = ink = False
                                used = 0.0
                            else:
                                lo = max(lo, x)
                        started = True
                        ink = ink or not ch.isspace()
                        used = used + w
                    continue
                if core > lo:
                    lo = core
            started = True
            ink = ink or has_ink
            used = used + full
        if ink or not n:
            n += 1
        return lo, hi, n


class Measured:
    """A paragraph in its style, its pieces measured once, ready to be wrapped at any scale
    (:meth:`at`)."""

    __slots__ = ("_scales", "paragraph", "pieces", "plain", "style")

    def __init__(self, paragraph: Paragraph, style: TextStyle) -> None:
        self.paragraph = paragraph
        self.style = style
        self.pieces = _em_pieces(paragraph, style.family, style.bold, style.italic)
        # the pieces as (core, full) ems when each lies in one run at the style's own size
        self.plain: list[tuple[float, float, bool, str]] | None = []
        for text, ink, core, full in self.pieces:
            if len(full) != 1 or full[0][1] != 1.0:
                self.plain = None
                break
            self.plain.append((core[0][0] if core else 0.0, full[0][0], ink, text))
        self._scales: dict[float, Wrapping] = {}

    def at(self, scale: float) -> Wrapping:
        """The paragraph with its style :meth:`~TextStyle.scaled` by ``scale``."""
        found = self._scales.get(scale)
        if found is None:
            found = self._scales[scale] = Wrapping(self, scale)
        return found


@functools.lru_cache(maxsize=512)
def measured(paragraph: Paragraph, style: TextStyle) -> Measured:
    """``paragraph`` in ``style``, its widths measured once for every width and scale."""
    return Measured(paragraph, style)


@functools.lru_cache(maxsize=4096)
def _scaled_style(style: TextStyle, scale: float) -> TextStyle:
    return style.scaled(scale)


@functools.lru_cache(maxsize=4096)
def _line_height(style: TextStyle) -> float:
    return line_height(style)


def fit_scale(
    blocks: Sequence[Block], width: float, height: float, *, min_scale: float, step: float = 0.025
) -> float | None:
    """The largest scale in ``[min_scale, 1]`` at which ``blocks`` fit the box, or ``None``."""
    scale = 1.0
    while scale >= min_scale - 1e-9:
        if blocks_height(blocks, width, scale) <= height:
            return scale
        scale = round(scale - step, 6)
    return None
