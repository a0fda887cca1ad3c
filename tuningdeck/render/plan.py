"""The first rendering pass: what goes in which placeholder, measured and fitted.

A :class:`SlidePlan` names a layout and, for each placeholder (by name), the paragraphs to write
and the scale they were fitted at. Planning needs only the placeholders' sizes (:data:`Frames`),
so plans are computed and tested without opening a .pptx; :mod:`tuningdeck.render.write` then
draws them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import evolve, field, frozen

from tuningdeck.errors import LayoutError, TemplateError
from tuningdeck.model import ChartSpec, Quarter, Slide, Words
from tuningdeck.text.markup import (
    MAX_NUMBER,
    Paragraph,
    parse_blocks,
    parse_inline,
    parse_line,
    with_widest,
)
from tuningdeck.text.measure import Block, TextStyle, blocks_height, fit_scale, line_height
from tuningdeck.theme import Theme
from tuningdeck.vocab import Placeholder as P

if TYPE_CHECKING:
    from tuningdeck.render.table import PlacedTable

__all__ = [
    "Frame",
    "Frames",
    "PictureShape",
    "PlanContext",
    "SlidePlan",
    "Styles",
    "TextShape",
    "bind_marks",
    "blocks",
    "bullet",
    "fit",
    "grow_scale",
    "list_items",
    "paginate",
    "word",
]

PT_PER_INCH = 72.0
NO_BREAK_SPACE = "\u00a0"
CAPTION_SIZE = 12.0  # points: captions are read, so set at the smallest body size


@frozen
class Frame:
    """A placeholder's position and size, in points."""

    x: float
    y: float
    w: float
    h: float


#: layout name -> placeholder name -> frame, read from the template.
Frames = Mapping[str, Mapping[str, Frame]]


@frozen
class PictureShape:
    """A picture drawn at ``frame``; ``crop`` trims (left, top, right, bottom) as fractions."""

    source: Path | bytes
    frame: Frame
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    name: str = "Picture"
    description: str = ""


@frozen
class TextShape:
    """A text box drawn at ``frame`` (captions, highlight tiles), optionally filled."""

    frame: Frame
    blocks: tuple[Block, ...]
    fill: str | None = None
    anchor: str = "t"
    name: str = "Text"
    inset: float = 0.0


Shape = PictureShape | TextShape


@frozen
class SlidePlan:
    """One slide, laid out: layout name, placeholder contents, speaker notes.

    ``boxes`` maps a placeholder name to its paragraphs, already at their final sizes;
    ``frames`` overrides a placeholder's frame where the layout was adjusted to the content;
    ``tables`` puts a laid-out table into a table placeholder, ``charts`` a native chart into a
    chart placeholder; ``shapes`` are drawn on top (pictures, captions, tiles).
    Placeholders not named in ``boxes`` are removed from the slide.
    """

    layout: str
    boxes: Mapping[str, tuple[Block, ...]]
    notes: str = ""
    frames: Mapping[str, Frame] = field(factory=dict)
    tables: Mapping[str, PlacedTable] = field(factory=dict)
    charts: Mapping[str, ChartSpec] = field(factory=dict)
    shapes: tuple[Shape, ...] = ()


@frozen
class Styles:
    """The theme's text roles as :class:`TextStyle` values."""

    theme: Theme

    @property
    def title(self) -> TextStyle:
        """Slide titles: Montserrat bold."""
        t = self.theme
        return TextStyle(t.fonts.heading, t.sizes.title, bold=True, color=t.colors.text)

    def heading(self, *, first: bool = True, color: str | None = None) -> TextStyle:
        """A heading inside a body ("Overview:", "The situation")."""
        t = self.theme
        return TextStyle(
            t.fonts.heading,
            t.sizes.heading,
            bold=True,
            color=color or t.colors.accent_dark,
            space_before=0 if first else t.spacing.heading_before,
            space_after=t.spacing.paragraph_after * 0.5,
        )

    def body(self, level: int = 0, *, color: str | None = None) -> TextStyle:
        """Narrative text; bullets are indented by level."""
        t = self.theme
        return TextStyle(
            t.fonts.body,
            t.sizes.body,
            color=color or t.colors.text,
            space_after=t.spacing.paragraph_after,
            indent=level * t.spacing.bullet_indent * PT_PER_INCH,
            line=t.spacing.line,
        )

    def lead(self, *, color: str | None = None, italic: bool = False) -> TextStyle:
        """A statement set larger: an objective, a quote."""
        t = self.theme
        return TextStyle(
            t.fonts.body,
            t.sizes.lead,
            color=color or t.colors.text,
            italic=italic,
            space_after=t.spacing.paragraph_after,
            line=t.spacing.line,
        )

    def small(self, *, color: str | None = None, align: str = "l") -> TextStyle:
        """Department tags and other small print."""
        t = self.theme
        return TextStyle(
            t.fonts.body, t.sizes.small, color=color or t.colors.text_secondary, align=align
        )

    @property
    def caption(self) -> TextStyle:
        """Every caption, under one picture or under them all: one style."""
        t = self.theme
        return TextStyle(
            t.fonts.body, CAPTION_SIZE, color=t.colors.text_secondary, align="ctr", space_after=2.0
        )

    @property
    def footnote(self) -> TextStyle:
        """The footnote line."""
        t = self.theme
        return TextStyle(t.fonts.body, t.sizes.footnote, color=t.colors.text_muted)

    @property
    def body_floor(self) -> float:
        """The smallest scale body text may be shrunk to."""
        return self.theme.sizes.body_min / self.theme.sizes.body

    @property
    def body_ceiling(self) -> float:
        """The largest scale body text may grow to when it has room."""
        return (self.theme.sizes.body_max or self.theme.sizes.body) / self.theme.sizes.body

    @property
    def lead_floor(self) -> float:
        """The smallest scale lead text may be shrunk to."""
        return self.theme.sizes.lead_min / self.theme.sizes.lead


@frozen
class PlanContext:
    """What a planner needs: the theme's styles, the template's placeholder frames, the quarter
    and the deck's words (the organisation's name and the fixed labels)."""

    theme: Theme
    frames: Frames
    quarter: Quarter | None = None
    words: Words = field(factory=Words)

    @property
    def styles(self) -> Styles:
        """The theme's text roles."""
        return Styles(self.theme)

    def title(self, text: str, layout: str, *, width: float | None = None) -> tuple[Block, ...]:
        """A slide title on ``layout``: one line at the theme's title size, or set smaller (no
        smaller than ``title_min``) to stay on one line; wrapped at full size only when even that
        is too long. ``width`` overrides the title box's width."""
        style = self.styles.title
        block = inline(text, style)
        room = width if width is not None else self.frame(layout, P.TITLE).w
        least = (self.theme.sizes.title_min or style.size) / style.size
        scale = 1.0
        while scale >= least - 1e-9:
            if blocks_height([block], room, scale) <= line_height(style.scaled(scale)) + 0.5:
                return (Block(block.paragraph, style.scaled(scale)),)
            scale = round(scale - 0.025, 6)
        return (block,)

    def frame(self, layout: str, name: str) -> Frame:
        """The frame of placeholder ``name`` on ``layout``; a :class:`TemplateError` if none."""
        if layout not in self.frames:
            have = ", ".join(sorted(self.frames)) or "none"
            raise TemplateError(
                f"the template has no slide layout named {layout!r}; its layouts are: {have}"
            )
        if name not in self.frames[layout]:
            have = ", ".join(sorted(self.frames[layout])) or "none"
            raise TemplateError(
                f"the template's layout {layout!r} has no placeholder named {name!r}; "
                f"its placeholders are: {have}"
            )
        return self.frames[layout][name]


def bind_marks(paragraph: Paragraph) -> Paragraph:
    """``paragraph`` with the space before each footnote mark (superscript) made a no-break
    space, so that a mark never starts a line alone ("71K/mo ⁺ᵒ")."""
    runs = list(paragraph.runs)
    changed = False
    for i in range(1, len(runs)):
        before = runs[i - 1]
        if runs[i].superscript and not before.superscript and before.text.endswith(" "):
            runs[i - 1] = evolve(before, text=before.text[:-1] + NO_BREAK_SPACE)
            changed = True
    return evolve(paragraph, runs=tuple(runs)) if changed else paragraph


def blocks(text: str, style_for_level: Callable[..., TextStyle]) -> tuple[Block, ...]:
    """Parse a markup field into blocks; ``style_for_level(level)`` gives each one's style."""
    return tuple(Block(bind_marks(p), style_for_level(p.level)) for p in parse_blocks(text))


@functools.lru_cache(maxsize=1024)
def inline(text: str, style: TextStyle) -> Block:
    """One paragraph of inline markup (line breaks folded into spaces); kept for the text decks
    repeat ("-" in a table, headers, labels)."""
    return Block(bind_marks(Paragraph(parse_inline(" ".join(text.split())))), style)


def bullet(text: str, style: TextStyle, level: int = 1) -> Block:
    """One bulleted paragraph of inline markup at ``level``."""
    return Block(bind_marks(Paragraph(parse_inline(" ".join(text.split())), level)), style)


_LIST_MARK = re.compile(r"^[-•–*] (?=\S)")  # a bullet typed before an item that is one already


def list_items(items: Sequence[str], style: TextStyle, level: int = 1) -> tuple[Block, ...]:
    """One list item per entry at ``level``: bulleted, or numbered when it starts with a number
    (``1. ``), the numbers of consecutive items counting on from the first as in a text field."""
    out: list[Block] = []
    previous: int | None = None
    for item in items:
        line = _LIST_MARK.sub("", " ".join(item.split()), count=1)
        number = parse_line(line).number
        if number is None:
            out.append(bullet(line, style, level))
            previous = None
            continue
        number = min(previous + 1, MAX_NUMBER) if previous is not None else number
        previous = number
        runs = parse_line(line).runs
        out.append(Block(bind_marks(Paragraph(runs, level, number=number)), style))
    widest = with_widest([b.paragraph for b in out])
    return tuple(Block(p, b.style) for p, b in zip(widest, out, strict=True))


def scaled(items: Sequence[Block], scale: float) -> tuple[Block, ...]:
    """The blocks with every size multiplied by ``scale``."""
    if scale == 1.0:
        return tuple(items)
    return tuple(Block(b.paragraph, b.style.scaled(scale)) for b in items)


def fit(items: Sequence[Block], frame: Frame, *, floor: float, what: str) -> tuple[Block, ...]:
    """Shrink ``items`` just enough to fit ``frame``; raise :class:`LayoutError` if they cannot."""
    scale = fit_scale(items, frame.w, frame.h, min_scale=floor)
    if scale is None:
        need = blocks_height(items, frame.w, floor)
        raise LayoutError(
            f"{what}: the text needs {need:.0f} pt at the smallest allowed size but its box is "
            f"{frame.h:.0f} pt tall; shorten it or split it over two slides"
        )
    return scaled(items, scale)


def grow_scale(items: Sequence[Block], frame: Frame, ceiling: float, step: float = 0.025) -> float:
    """The largest scale in ``[1, ceiling]`` at which ``items`` fit ``frame`` (1 if none above):
    text that has room is set larger before anything is shrunk."""
    best = 1.0
    scale = 1.0
    while scale < ceiling - 1e-9:
        scale = min(ceiling, round(scale + step, 6))
        if blocks_height(items, frame.w, scale) > frame.h:
            break
        best = scale
    return best


def common_scale(boxes: Sequence[tuple[Sequence[Block], Frame]], *, floor: float) -> float | None:
    """The largest scale at which every box's blocks fit their frame (one size for all columns)."""
    scales = [fit_scale(b, f.w, f.h, min_scale=floor) for b, f in boxes if b]
    if any(s is None for s in scales):
        return None
    return min((s for s in scales if s is not None), default=1.0)


def paginate(
    items: Sequence[Block],
    frame: Frame,
    *,
    floor: float,
    keep_with_next: Sequence[bool] = (),
    ceiling: float = 1.0,
) -> list[tuple[Block, ...]]:
    """Split ``items`` over as many frames as needed.

    If everything fits one frame when shrunk no further than ``floor``, that is one page, set as
    large as fits up to ``ceiling`` times its size. Otherwise
    pages are filled at full size, never splitting a paragraph, and a paragraph marked in
    ``keep_with_next`` (a heading) is never left last on a page.
    """
    scale = fit_scale(items, frame.w, frame.h, min_scale=floor)
    if scale is not None:
        if scale == 1.0 and ceiling > 1.0:
            scale = grow_scale(items, frame, ceiling)
        return [scaled(items, scale)]
    keep = list(keep_with_next) + [False] * (len(items) - len(keep_with_next))
    fitted = list(items)
    heights = [blocks_height([b], frame.w) for b in items]
    for i, b in enumerate(items):
        if heights[i] > frame.h:
            # a single paragraph taller than a page: shrink it alone, as far as allowed
            s = fit_scale([b], frame.w, frame.h, min_scale=floor)
            if s is None:
                raise LayoutError(
                    f"a paragraph of {len(b.paragraph.text.split())} words does not fit on a "
                    f"slide even at the smallest allowed size: {b.paragraph.text[:60]!r}"
                )
            fitted[i], heights[i] = scaled([b], s)[0], blocks_height([b], frame.w, s)
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, h in enumerate(heights):
        if pages[-1] and used + h > frame.h:
            carry: list[int] = []
            while len(pages[-1]) > 1 and keep[pages[-1][-1]]:
                carry.insert(0, pages[-1].pop())
            pages.append(carry)
            used = sum(heights[j] for j in carry)
        pages[-1].append(i)
        used += h
    return [tuple(fitted[i] for i in page) for page in pages if page]


def page_title(title: str, page: int, ctx: PlanContext) -> str:
    """``"Acronyms"``, then ``"Acronyms (cont.)"`` on later pages (the deck's continued
    suffix)."""
    return ctx.words.continued_title(title, page)


def word(own: str, deck: str) -> str:
    """A slide's own heading or label, or the deck's word when the slide's is blank."""
    return own or deck


def meta_boxes(spec: Slide, ctx: PlanContext) -> dict[str, tuple[Block, ...]]:
    """The department tag and footnote line every slide kind may carry."""
    st = ctx.styles
    out: dict[str, tuple[Block, ...]] = {}
    if spec.department:
        tag = " ".join(w for w in (ctx.words.department, spec.department) if w)
        out[P.DEPARTMENT] = (inline(tag, st.small(align="r")),)
    if spec.footnote:
        out[P.FOOTNOTE] = (inline(spec.footnote, st.footnote),)
    return out
