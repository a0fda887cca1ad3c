"""The layouts of the Foundation master, by name, and the named placeholders each carries."""

from __future__ import annotations

from collections.abc import Callable

import attrs
from attrs import frozen

from tuningdeck.oxml.core import element, serialize, sub
from tuningdeck.render.master.shapes import ShapeTree, ph
from tuningdeck.theme import Theme
from tuningdeck.vocab import Layout
from tuningdeck.vocab import Placeholder as P

__all__ = [
    "DEPARTMENT_IDX",
    "FOOTNOTE_IDX",
    "LAYOUTS",
    "SLIDE_NUMBER_IDX",
    "WORDMARK_IDX",
    "WORDMARK_SPACING",
    "Box",
    "footer",
    "layout_xml",
    "title_placeholder",
]

#: Placeholder idx values shared by every layout.
DEPARTMENT_IDX = 20
FOOTNOTE_IDX = 21
SLIDE_NUMBER_IDX = 22
WORDMARK_IDX = 23
WORDMARK_SPACING = 300
"""The wordmark's letter spacing, in hundredths of a point (DrawingML's ``spc``)."""


@frozen
class Box:
    """A placeholder on a layout: its name, idx and frame (inches)."""

    name: str
    idx: int
    x: float
    y: float
    w: float
    h: float
    kind: str = "body"  # the placeholder type: body, or tbl for a table
    anchor: str = "t"


def footer(s: ShapeTree, t: Theme, *, dark: bool = False) -> None:
    """Wordmark, rule, department tag, footnote line and slide number: on every layout.

    The wordmark is a footer placeholder that each slide fills with the deck's organisation
    name (set in capitals, letter-spaced, in the heading face)."""
    g, c, z = t.geometry, t.colors, t.sizes
    ink = c.background if dark else c.text_secondary
    if not dark:
        s.rect("Footer rule", g.margin_x, g.footer_rule, g.content_width, 0.01, c.rule)
    s.placeholder(
        P.WORDMARK,
        ph("ftr", WORDMARK_IDX, quarter=True),
        g.margin_x,
        g.footer_top,
        3.2,
        g.footer_height,
        prompt="Organisation",
        anchor="ctr",
        face=t.fonts.heading,
        size=z.wordmark,
        color=c.background if dark else c.text,
        bold=True,
        spacing=WORDMARK_SPACING,
        caps=True,
        wrap="none",
    )
    s.placeholder(
        P.FOOTNOTE,
        ph("body", FOOTNOTE_IDX, quarter=True),
        g.margin_x,
        g.footnote_top,
        g.content_width,
        g.footer_rule - g.footnote_top - 0.04,
        prompt="Footnote",
        anchor="b",
        size=z.footnote,
        color=c.text_muted,
        face=t.fonts.body,
    )
    s.placeholder(
        P.DEPARTMENT,
        ph("body", DEPARTMENT_IDX, quarter=True),
        g.margin_x + 3.4,
        g.footer_top,
        g.content_width - 3.4 - 0.7,
        g.footer_height,
        prompt="Department: X",
        anchor="ctr",
        size=z.small,
        color=ink,
        face=t.fonts.body,
        align="r",
    )
    s.placeholder(
        P.SLIDE_NUMBER,
        ph("sldNum", SLIDE_NUMBER_IDX, quarter=True),
        g.width - g.margin_x - 0.6,
        g.footer_top,
        0.6,
        g.footer_height,
        anchor="ctr",
        size=z.small,
        color=ink,
        face=t.fonts.body,
        align="r",
    )


def title_placeholder(s: ShapeTree, t: Theme) -> None:
    """The slide title's placeholder, where the master and every titled layout put it."""
    g = t.geometry
    s.placeholder(
        P.TITLE,
        ph("title"),
        g.margin_x,
        g.title_top,
        g.content_width,
        g.title_height,
        prompt="Slide title",
        anchor="b",
    )


def _titled(s: ShapeTree, t: Theme) -> None:
    g = t.geometry
    title_placeholder(s, t)
    s.rect("Title accent", g.margin_x, g.rule_under_title, 0.9, 0.05, t.colors.accent)


def _bodies(s: ShapeTree, boxes: list[Box]) -> None:
    for b in boxes:
        s.placeholder(
            b.name,
            ph(b.kind, b.idx),
            b.x,
            b.y,
            b.w,
            b.h,
            prompt=b.name,
            anchor=b.anchor,
        )


def _cover(
    s: ShapeTree,
    t: Theme,
    *,
    title_ph: dict[str, str],
    subtitle_ph: dict[str, str],
    prompt: str,
    top: float,
    height: float,
    size: float,
    ink: str,
    sub_ink: str,
) -> None:
    """A big title, an accent bar and a subtitle: the title slide's and dividers' shared shape."""
    g = t.geometry
    s.placeholder(
        P.TITLE,
        title_ph,
        1.2,
        top,
        g.width - 2.4,
        height,
        prompt=prompt,
        anchor="b",
        size=size,
        color=ink,
        face=t.fonts.heading,
        bold=True,
    )
    bar = top + height + 0.15
    s.rect("Title accent", 1.2, bar, 1.4, 0.07, t.colors.accent if ink == t.colors.text else ink)
    s.placeholder(
        P.SUBTITLE,
        subtitle_ph,
        1.2,
        bar + 0.25,
        g.width - 2.4,
        1.0,
        prompt="Subtitle",
        size=t.sizes.lead,
        color=sub_ink,
        face=t.fonts.body,
    )


def _title_layout(s: ShapeTree, t: Theme) -> None:
    g, c = t.geometry, t.colors
    s.rect("Accent band", 0, 0, 0.28, g.height, c.accent)
    _cover(
        s,
        t,
        title_ph=ph("ctrTitle"),
        subtitle_ph=ph("subTitle", 1),
        prompt="Deck title",
        top=2.0,
        height=2.3,
        size=t.sizes.title_slide,
        ink=c.text,
        sub_ink=c.text_secondary,
    )


def _section_layout(s: ShapeTree, t: Theme) -> None:
    g, c = t.geometry, t.colors
    s.rect("Background", 0, 0, g.width, g.height, c.accent_dark)
    _cover(
        s,
        t,
        title_ph=ph("title"),
        subtitle_ph=ph("body", 1),
        prompt="Section title",
        top=2.4,
        height=1.6,
        size=t.sizes.section,
        ink=c.background,
        sub_ink=c.accent_light,
    )


def _columns(t: Theme, names: list[P], first: int = 10) -> list[Box]:
    g = t.geometry
    n = len(names)
    w = (g.content_width - (n - 1) * g.gutter) / n
    return [
        Box(
            name,
            first + i,
            g.margin_x + i * (w + g.gutter),
            g.body_top,
            w,
            g.body_bottom - g.body_top,
        )
        for i, name in enumerate(names)
    ]


PANEL_PAD = (0.15, 0.1)  # inches between the sidebar's grey panel and its text (x, y)


def _priority_boxes(t: Theme) -> list[Box]:
    """The narrative, and the sidebar's text inside its panel: the panel ends at the margin."""
    g = t.geometry
    main_w = g.content_width - g.sidebar_width - g.gutter
    h = g.body_bottom - g.body_top
    px, py = PANEL_PAD
    side_x = g.margin_x + main_w + g.gutter + px
    return [
        Box(P.NARRATIVE, 10, g.margin_x, g.body_top, main_w, h),
        Box(P.SIDEBAR, 11, side_x, g.body_top + py, g.sidebar_width - 2 * px, h - 2 * py),
    ]


def _objective_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [
        Box(P.OBJECTIVE, 10, g.margin_x, g.body_top, g.content_width, 1.2),
        Box(
            P.BODY,
            11,
            g.margin_x,
            g.body_top + 1.35,
            g.content_width,
            g.body_bottom - g.body_top - 1.35 - 0.45,
        ),
        Box(P.TARGET, 12, g.margin_x, g.body_bottom - 0.4, g.content_width, 0.4),
    ]


def _quote_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [
        Box(P.QUOTE, 10, g.margin_x + 0.9, g.body_top + 0.2, g.content_width - 1.8, 3.6),
        Box(P.ATTRIBUTION, 11, g.margin_x + 0.9, g.body_top + 3.95, g.content_width - 1.8, 0.9),
    ]


def _content_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [Box(P.BODY, 10, g.margin_x, g.body_top, g.content_width, g.body_bottom - g.body_top)]


def _table_boxes(t: Theme) -> list[Box]:
    """The table, and beside the title its headline or status legend (read before the table)."""
    g = t.geometry
    return [
        Box(
            P.CALLOUT, 11, g.width - g.margin_x - 4.0, g.title_top, 4.0, g.title_height, anchor="b"
        ),
        Box(
            P.TABLE,
            10,
            g.margin_x,
            g.body_top,
            g.content_width,
            g.body_bottom - g.body_top,
            kind="tbl",
        ),
    ]


def _columns_and_table_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    columns = [attrs.evolve(b, h=1.9) for b in _columns(t, [P.LEFT, P.MIDDLE, P.RIGHT])]
    top = g.body_top + 1.9 + 0.2
    return [
        *columns,
        Box(P.TABLE, 13, g.margin_x, top, g.content_width, g.body_bottom - top, kind="tbl"),
    ]


def _chart_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    panel = 3.2
    top = g.body_top + 0.45
    return [
        Box(P.SUBTITLE, 12, g.margin_x, g.body_top - 0.1, g.content_width - panel - g.gutter, 0.45),
        Box(
            P.CHART,
            10,
            g.margin_x,
            top,
            g.content_width - panel - g.gutter,
            g.body_bottom - top,
            kind="chart",
        ),
        Box(
            P.CALLOUT,
            11,
            g.width - g.margin_x - panel,
            top,
            panel,
            g.body_bottom - top,
            anchor="ctr",
        ),
    ]


def _image_quote_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    half = (g.content_width - g.gutter) / 2
    h = g.body_bottom - g.body_top
    return [
        Box(P.IMAGES, 10, g.margin_x, g.body_top, half, h),
        Box(P.QUOTE, 11, g.margin_x + half + g.gutter, g.body_top, half, h - 1.0, anchor="ctr"),
        Box(P.ATTRIBUTION, 12, g.margin_x + half + g.gutter, g.body_bottom - 0.9, half, 0.9),
    ]


def _region_boxes(name: P) -> Callable[[Theme], list[Box]]:
    def boxes(t: Theme) -> list[Box]:
        g = t.geometry
        return [Box(name, 10, g.margin_x, g.body_top, g.content_width, g.body_bottom - g.body_top)]

    return boxes


def _untitled_region_boxes(name: P) -> Callable[[Theme], list[Box]]:
    def boxes(t: Theme) -> list[Box]:
        g = t.geometry
        return [
            Box(name, 10, g.margin_x, g.title_top, g.content_width, g.body_bottom - g.title_top)
        ]

    return boxes


#: Layouts without a title (nor its accent bar): the region starts where the title would.
UNTITLED = frozenset({Layout.UNTITLED_IMAGES})

#: The layouts of the Foundation master, in the master's order, and the body placeholders of each.
LAYOUTS: dict[Layout, Callable[[Theme], list[Box]]] = {
    Layout.TITLE: lambda t: [],
    Layout.SECTION: lambda t: [],
    Layout.PRIORITY_UPDATE: _priority_boxes,
    Layout.OBJECTIVE: _objective_boxes,
    Layout.TWO_COLUMNS: lambda t: _columns(t, [P.LEFT, P.RIGHT]),
    Layout.THREE_COLUMNS: lambda t: _columns(t, [P.LEFT, P.MIDDLE, P.RIGHT]),
    Layout.QUOTE: _quote_boxes,
    Layout.CONTENT: _content_boxes,
    Layout.TABLE: _table_boxes,
    Layout.THREE_COLUMNS_AND_TABLE: _columns_and_table_boxes,
    Layout.CHART: _chart_boxes,
    Layout.IMAGES: _region_boxes(P.IMAGES),
    Layout.UNTITLED_IMAGES: _untitled_region_boxes(P.IMAGES),
    Layout.IMAGE_AND_QUOTE: _image_quote_boxes,
    Layout.HIGHLIGHTS: _region_boxes(P.GRID),
}


def layout_xml(name: Layout, t: Theme) -> bytes:
    """The slide layout part's XML for layout ``name`` of the master."""
    s = ShapeTree()
    special = {Layout.TITLE: _title_layout, Layout.SECTION: _section_layout}
    if name in special:
        special[name](s, t)
        footer(s, t, dark=name is Layout.SECTION)
    else:
        if name not in UNTITLED:
            _titled(s, t)
        if name is Layout.QUOTE:
            g = t.geometry
            s.text(
                "Quote mark",
                "“",
                g.margin_x,
                g.body_top,
                0.8,
                1.2,
                face=t.fonts.heading,
                size=96,
                color=t.colors.accent,
                bold=True,
                anchor="t",
            )
        if name is Layout.PRIORITY_UPDATE:
            b = _priority_boxes(t)[1]
            px, py = PANEL_PAD
            s.rect(
                "Sidebar panel",
                b.x - px,
                b.y - py,
                b.w + 2 * px,
                b.h + 2 * py,
                t.colors.band_light,
            )
        _bodies(s, LAYOUTS[name](t))
        footer(s, t)
    root = element(
        "p:sldLayout",
        {"preserve": 1, "userDrawn": 1, "showMasterSp": 0},
        prefixes=("a", "r", "p"),
    )
    sub(root, "p:cSld", {"name": str(name)}).append(s.tree)
    sub(sub(root, "p:clrMapOvr"), "a:masterClrMapping")
    return serialize(root)


#: The placeholders of the footer, on every layout: name -> (type, idx).
_FOOTER_KEYS: dict[str, tuple[str, int]] = {
    P.DEPARTMENT: ("body", DEPARTMENT_IDX),
    P.FOOTNOTE: ("body", FOOTNOTE_IDX),
    P.SLIDE_NUMBER: ("sldNum", SLIDE_NUMBER_IDX),
    P.WORDMARK: ("ftr", WORDMARK_IDX),
}


def placeholder_keys(name: Layout, t: Theme) -> dict[str, tuple[str, int]]:
    """The placeholders of layout ``name`` on the Foundation master: name -> (type, idx).

    A template whose placeholders are named otherwise (PowerPoint names them "Title 1", "Text
    Placeholder 2") is matched against these types and idx values.
    """
    keys: dict[str, tuple[str, int]] = {}
    if name is Layout.TITLE:
        keys = {P.TITLE: ("ctrTitle", 0), P.SUBTITLE: ("subTitle", 1)}
    elif name is Layout.SECTION:
        keys = {P.TITLE: ("title", 0), P.SUBTITLE: ("body", 1)}
    elif name not in UNTITLED:
        keys = {P.TITLE: ("title", 0)}
    keys.update({b.name: (b.kind, b.idx) for b in LAYOUTS[name](t)})
    keys.update(_FOOTER_KEYS)
    return keys
