"""The effective look of every run of text: size, weight, face and colour, through inheritance.

A run's properties come from the first place that sets them, nearest first: the run's own
``a:rPr``; the paragraph's level in the shape's ``a:lstStyle``; for a placeholder, the same level
in the layout placeholder's and the master placeholder's list styles, then the master's
``p:titleStyle`` or ``p:bodyStyle``; for other shapes (and table cells), the shape's style
reference colour, the table style's text colour, the presentation's ``p:defaultTextStyle`` and the
master's ``p:otherStyle``. Sizes are scaled by the text body's ``a:normAutofit fontScale``;
theme fonts (``+mj-lt``, ``+mn-lt``) are resolved through the theme's font scheme.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen
from lxml import etree

from tuningdeck.lint.colors import A, fill_color
from tuningdeck.lint.parts import EMU_PER_PT, NS, SlideParts

__all__ = ["Para", "Run", "TextBody", "read_text_body"]

DEFAULT_SIZE = 18.0  # points: DrawingML's size when nothing sets one
_FILLS = ("solidFill", "gradFill", "noFill", "blipFill", "pattFill", "grpFill")


@frozen
class Run:
    """A run of text as drawn: size in points (after autofit), face, weight and ``RRGGBB`` colour
    (None when it cannot be told, e.g. a picture fill; "none" for unfilled text)."""

    text: str
    size: float
    bold: bool
    italic: bool
    family: str
    color: str | None


@frozen
class Para:
    """A paragraph: its runs, list level, spacing before and after (pt), line spacing (a factor
    of the font's line, or points when ``line_points``), and left indent (pt)."""

    runs: tuple[Run, ...]
    level: int
    space_before: float
    space_after: float
    line: float
    line_points: bool
    indent: float

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return "".join(r.text for r in self.runs)

    @property
    def size(self) -> float:
        """The largest size in the paragraph (its line height follows it)."""
        return max((r.size for r in self.runs if r.text.strip()), default=0.0)


@frozen
class TextBody:
    """A shape's (or table cell's) text: paragraphs, insets (left, top, right, bottom, pt),
    vertical anchor (``t``, ``ctr``, ``b``), whether lines wrap, and the autofit font scale."""

    paragraphs: tuple[Para, ...]
    insets: tuple[float, float, float, float]
    anchor: str
    wrap: bool
    font_scale: float
    autofit: str | None

    @property
    def text(self) -> str:
        """The text, paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def runs(self) -> list[Run]:
        """Every run with visible text."""
        return [r for p in self.paragraphs for r in p.runs if r.text.strip()]


def _first(sources: Sequence[etree._Element | None], attr: str) -> str | None:
    for el in sources:
        if el is not None and el.get(attr) is not None:
            return el.get(attr)
    return None


def _bool(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _theme_font(parts: SlideParts, name: str) -> str:
    if not name.startswith("+") or parts.theme is None:
        return name
    which = "majorFont" if name.startswith("+mj") else "minorFont"
    latin = parts.theme.find(f".//a:fontScheme/a:{which}/a:latin", NS)
    return latin.get("typeface", name) if latin is not None else name


def _level(sources: Sequence[etree._Element | None], level: int) -> list[etree._Element | None]:
    """Each list style's ``a:lvlNpPr`` for ``level`` (0-based)."""
    return [s.find(f"a:lvl{level + 1}pPr", NS) if s is not None else None for s in sources]


def _spacing(el: etree._Element | None, size: float) -> float | None:
    """A spacing element (``a:spcBef``…) in points; percentages count of the line (1.2 em)."""
    if el is None:
        return None
    pts = el.find("a:spcPts", NS)
    if pts is not None:
        return int(pts.get("val", "0")) / 100
    pct = el.find("a:spcPct", NS)
    if pct is not None:
        return int(pct.get("val", "0")) / 100000 * size * 1.2
    return None


def _color(
    props: Sequence[etree._Element | None], parts: SlideParts, fallback: str | None
) -> str | None:
    for el in props:
        if el is None:
            continue
        for child in el:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name in _FILLS:
                if name == "noFill":
                    return "none"
                return fill_color(child, parts.scheme)
    return fallback


def _pct(value: str | None, default: float) -> float:
    """A DrawingML percentage (``62500``, or ``62.5%`` in strict files) as a fraction."""
    if value is None:
        return default
    try:
        return float(value[:-1]) / 100 if value.endswith("%") else int(value) / 100000
    except ValueError:
        return default


def _body_props(
    bodies: Sequence[etree._Element | None],
) -> tuple[tuple[float, float, float, float], str, bool, float, str | None]:
    pr = [b.find("a:bodyPr", NS) if b is not None else None for b in bodies]
    insets = tuple(
        int(_first(pr, key) or default) / EMU_PER_PT
        for key, default in (("lIns", 91440), ("tIns", 45720), ("rIns", 91440), ("bIns", 45720))
    )
    anchor = _first(pr, "anchor") or "t"
    wrap = (_first(pr, "wrap") or "square") != "none"
    scale, autofit = 1.0, None
    for el in pr:
        if el is None:
            continue
        found = next(
            (
                c
                for c in el
                if c.tag in {f"{{{A}}}{t}" for t in ("normAutofit", "noAutofit", "spAutoFit")}
            ),
            None,
        )
        if found is not None:
            autofit = etree.QName(found).localname
            if autofit == "normAutofit":
                scale = _pct(found.get("fontScale"), 1.0)
            break
    return (insets[0], insets[1], insets[2], insets[3]), anchor, wrap, scale, autofit


def _run(
    r: etree._Element,
    near: Sequence[etree._Element | None],
    far: Sequence[etree._Element | None],
    parts: SlideParts,
    kind: str | None,
    scale: float,
    style_color: str | None,
) -> Run:
    """One run: ``near`` are its own properties and the list styles of its shape (and the
    placeholders it inherits from), ``far`` the table style's and the deck's defaults."""
    text = "".join(t.text or "" for t in r.findall("a:t", NS))
    chain = [*near, *far]
    size = int(_first(chain, "sz") or DEFAULT_SIZE * 100) / 100 * scale
    latin = next(
        (
            el.find("a:latin", NS)
            for el in chain
            if el is not None and el.find("a:latin", NS) is not None
        ),
        None,
    )
    default_face = "+mj-lt" if kind in ("title", "ctrTitle") else "+mn-lt"
    family = _theme_font(
        parts, latin.get("typeface", default_face) if latin is not None else default_face
    )
    color = _color(near, parts, None) or style_color or _color(far, parts, None)
    return Run(
        text,
        size,
        _bool(_first(chain, "b")),
        _bool(_first(chain, "i")),
        family,
        color or parts.scheme.named("tx1"),
    )


def _line_spacing(levels: Sequence[etree._Element | None]) -> tuple[float, bool]:
    """The paragraph's line spacing: (a factor of the line, False) or (points, True)."""
    for el in levels:
        found = el.find("a:lnSpc", NS) if el is not None else None
        if found is None:
            continue
        pct, pts = found.find("a:spcPct", NS), found.find("a:spcPts", NS)
        if pct is not None:
            return int(pct.get("val", "100000")) / 100000, False
        if pts is not None:
            return int(pts.get("val", "0")) / 100, True
    return 1.0, False


def _space(levels: Sequence[etree._Element | None], which: str, size: float) -> float:
    """Space before (``spcBef``) or after (``spcAft``) the paragraph, in points."""
    for el in levels:
        if el is not None and (v := _spacing(el.find(f"a:{which}", NS), size)) is not None:
            return v
    return 0.0


def read_text_body(
    tx_body: etree._Element,
    parts: SlideParts,
    *,
    inherited: Sequence[etree._Element] = (),
    kind: str | None = None,
    placeholder: bool = False,
    extra_rpr: Sequence[etree._Element | None] = (),
    style_color: str | None = None,
) -> TextBody:
    """Resolve a text body (``p:txBody`` or ``a:txBody``) into paragraphs of drawn runs.

    ``inherited`` are the layout and master placeholders the shape inherits from; ``kind`` its
    placeholder type (None for other shapes); ``extra_rpr`` run properties that apply before the
    deck's defaults (a table style's text properties); ``style_color`` the colour of the shape's
    style reference.
    """
    bodies = [tx_body, *(p.find("p:txBody", NS) for p in inherited)]
    list_styles = [b.find("a:lstStyle", NS) if b is not None else None for b in bodies]
    if placeholder:
        sources = [*list_styles, parts.text_style(kind)]
    else:
        sources = [list_styles[0], parts.default_text, parts.text_style(None)]
    near_count = len(list_styles) if placeholder else 1
    insets, anchor, wrap, scale, autofit = _body_props(bodies)
    paragraphs = []
    for p in tx_body.findall("a:p", NS):
        ppr = p.find("a:pPr", NS)
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        levels = [ppr, *_level(sources, level)]
        defaults = [el.find("a:defRPr", NS) if el is not None else None for el in levels[1:]]
        near, far = defaults[:near_count], [*extra_rpr, *defaults[near_count:]]
        runs = []
        for r in p:
            name = etree.QName(r).localname if isinstance(r.tag, str) else ""
            if name == "br":
                runs.append(Run("\n", 0.0, False, False, "", None))
            elif name in ("r", "fld"):
                runs.append(
                    _run(r, [r.find("a:rPr", NS), *near], far, parts, kind, scale, style_color)
                )
        size = max((r.size for r in runs if r.text.strip()), default=DEFAULT_SIZE * scale)
        line, line_points = _line_spacing(levels)
        before, after = _space(levels, "spcBef", size), _space(levels, "spcAft", size)
        indent = int(_first(levels, "marL") or 0) / EMU_PER_PT
        paragraphs.append(Para(tuple(runs), level, before, after, line, line_points, indent))
    return TextBody(tuple(paragraphs), insets, anchor, wrap, scale, autofit)
