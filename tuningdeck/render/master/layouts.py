"""The layouts of the Foundation master, by name, and the named placeholders each carries."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

import attrs
from attrs import frozen

from tuningdeck.render.master.shapes import NS, ShapeTree
from tuningdeck.theme import Theme

__all__ = [
    "DEPARTMENT_IDX",
    "FOOTNOTE_IDX",
    "LAYOUTS",
    "SLIDE_NUMBER_IDX",
    "Box",
    "footer",
    "layout_xml",
    "title_placeholder",
]

#: Placeholder idx values shared by every layout.
DEPARTMENT_IDX = 20
FOOTNOTE_IDX = 21
SLIDE_NUMBER_IDX = 22


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
    """Wordmark, rule, department tag, footnote line and slide number: on every layout."""
    g, c, z = t.geometry, t.colors, t.sizes
    ink = c.background if dark else c.text_secondary
    if not dark:
        s.rect("Footer rule", g.margin_x, g.footer_rule, g.content_width, 0.01, c.rule)
    s.text(
        "Wordmark",
        "WIKIMEDIA FOUNDATION",
        g.margin_x,
        g.footer_top,
        3.2,
        g.footer_height,
        face=t.fonts.heading,
        size=z.wordmark,
        color=c.background if dark else c.text,
        bold=True,
        spacing=300,
    )
    s.placeholder(
        "Footnote",
        f'<p:ph type="body" sz="quarter" idx="{FOOTNOTE_IDX}"/>',
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
        "Department",
        f'<p:ph type="body" sz="quarter" idx="{DEPARTMENT_IDX}"/>',
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
        "Slide Number",
        f'<p:ph type="sldNum" sz="quarter" idx="{SLIDE_NUMBER_IDX}"/>',
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
        "Title",
        '<p:ph type="title"/>',
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
            f'<p:ph type="{b.kind}" idx="{b.idx}"/>',
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
    title_ph: str,
    subtitle_ph: str,
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
        "Title",
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
        "Subtitle",
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
        title_ph='<p:ph type="ctrTitle"/>',
        subtitle_ph='<p:ph type="subTitle" idx="1"/>',
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
        title_ph='<p:ph type="title"/>',
        subtitle_ph='<p:ph type="body" idx="1"/>',
        prompt="Section title",
        top=2.4,
        height=1.6,
        size=t.sizes.section,
        ink=c.background,
        sub_ink=c.accent_light,
    )


def _columns(t: Theme, names: list[str], first: int = 10) -> list[Box]:
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


def _priority_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    main_w = g.content_width - g.sidebar_width - g.gutter
    h = g.body_bottom - g.body_top
    return [
        Box("Narrative", 10, g.margin_x, g.body_top, main_w, h),
        Box("Sidebar", 11, g.margin_x + main_w + g.gutter, g.body_top, g.sidebar_width, h),
    ]


def _objective_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [
        Box("Objective", 10, g.margin_x, g.body_top, g.content_width, 1.2),
        Box(
            "Body",
            11,
            g.margin_x,
            g.body_top + 1.35,
            g.content_width,
            g.body_bottom - g.body_top - 1.35 - 0.45,
        ),
        Box("Target", 12, g.margin_x, g.body_bottom - 0.4, g.content_width, 0.4),
    ]


def _quote_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [
        Box("Quote", 10, g.margin_x + 0.9, g.body_top + 0.2, g.content_width - 1.8, 3.6),
        Box("Attribution", 11, g.margin_x + 0.9, g.body_top + 3.95, g.content_width - 1.8, 0.9),
    ]


def _content_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [Box("Body", 10, g.margin_x, g.body_top, g.content_width, g.body_bottom - g.body_top)]


#: The layouts of the Foundation master, by name, and the body placeholders each carries.
def _table_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    return [
        Box(
            "Table",
            10,
            g.margin_x,
            g.body_top,
            g.content_width,
            g.body_bottom - g.body_top,
            kind="tbl",
        ),
        Box(
            "Callout", 11, g.width - g.margin_x - 4.0, g.title_top, 4.0, g.title_height, anchor="b"
        ),
    ]


def _columns_and_table_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    columns = [attrs.evolve(b, h=1.9) for b in _columns(t, ["Left", "Middle", "Right"])]
    top = g.body_top + 1.9 + 0.2
    return [
        *columns,
        Box("Table", 13, g.margin_x, top, g.content_width, g.body_bottom - top, kind="tbl"),
    ]


def _chart_boxes(t: Theme) -> list[Box]:
    g = t.geometry
    panel = 3.2
    top = g.body_top + 0.45
    return [
        Box("Subtitle", 12, g.margin_x, g.body_top - 0.1, g.content_width - panel - g.gutter, 0.45),
        Box(
            "Chart",
            10,
            g.margin_x,
            top,
            g.content_width - panel - g.gutter,
            g.body_bottom - top,
            kind="chart",
        ),
        Box(
            "Callout",
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
        Box("Images", 10, g.margin_x, g.body_top, half, h),
        Box("Quote", 11, g.margin_x + half + g.gutter, g.body_top, half, h - 1.0, anchor="ctr"),
        Box("Attribution", 12, g.margin_x + half + g.gutter, g.body_bottom - 0.9, half, 0.9),
    ]


def _region_boxes(name: str) -> Callable[[Theme], list[Box]]:
    def boxes(t: Theme) -> list[Box]:
        g = t.geometry
        return [Box(name, 10, g.margin_x, g.body_top, g.content_width, g.body_bottom - g.body_top)]

    return boxes


def _untitled_region_boxes(name: str) -> Callable[[Theme], list[Box]]:
    def boxes(t: Theme) -> list[Box]:
        g = t.geometry
        return [
            Box(name, 10, g.margin_x, g.title_top, g.content_width, g.body_bottom - g.title_top)
        ]

    return boxes


#: Layouts without a title (nor its accent bar): the region starts where the title would.
UNTITLED = frozenset({"Untitled Images"})

LAYOUTS: dict[str, Callable[[Theme], list[Box]]] = {
    "Title": lambda t: [],
    "Section": lambda t: [],
    "Priority Update": _priority_boxes,
    "Objective": _objective_boxes,
    "Two Columns": lambda t: _columns(t, ["Left", "Right"]),
    "Three Columns": lambda t: _columns(t, ["Left", "Middle", "Right"]),
    "Quote": _quote_boxes,
    "Content": _content_boxes,
    "Table": _table_boxes,
    "Three Columns and Table": _columns_and_table_boxes,
    "Chart": _chart_boxes,
    "Images": _region_boxes("Images"),
    "Untitled Images": _untitled_region_boxes("Images"),
    "Image and Quote": _image_quote_boxes,
    "Highlights": _region_boxes("Grid"),
}


def layout_xml(name: str, t: Theme) -> str:
    s = ShapeTree()
    special = {"Title": _title_layout, "Section": _section_layout}
    if name in special:
        special[name](s, t)
        footer(s, t, dark=name == "Section")
    else:
        if name not in UNTITLED:
            _titled(s, t)
        if name == "Quote":
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
        if name == "Priority Update":
            b = _priority_boxes(t)[1]
            s.rect(
                "Sidebar panel", b.x - 0.15, b.y - 0.1, b.w + 0.3, b.h + 0.2, t.colors.band_light
            )
        _bodies(s, LAYOUTS[name](t))
        footer(s, t)
    show_master = "0"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<p:sldLayout {NS} preserve="1" userDrawn="1" showMasterSp="{show_master}">'
        f'<p:cSld name="{escape(name)}">{s.xml()}</p:cSld>'
        f"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
