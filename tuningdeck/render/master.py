"""Make the bundled Foundation master, ``layouts/foundation.pptx``, from ``foundation.toml``.

Run ``python -m tuningdeck.render.master [OUT.pptx]`` after changing the theme's colours, fonts or
geometry. The master carries the layouts the renderers ask for by name (:data:`LAYOUTS`), each with
named placeholders; a user's own template works when its layouts carry the same names.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import attrs
from attrs import frozen
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu

from tuningdeck.render.atomic import atomic_output
from tuningdeck.theme import Theme, layouts_dir

__all__ = ["LAYOUTS", "Box", "build_template"]

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
EMU_PER_INCH = 914400

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


def _emu(inches: float) -> int:
    return round(inches * EMU_PER_INCH)


def _xfrm(x: float, y: float, w: float, h: float) -> str:
    return (
        f'<a:xfrm><a:off x="{_emu(x)}" y="{_emu(y)}"/>'
        f'<a:ext cx="{_emu(w)}" cy="{_emu(h)}"/></a:xfrm>'
    )


def _font(face: str) -> str:
    return f'<a:latin typeface="{face}"/><a:ea typeface="{face}"/><a:cs typeface="{face}"/>'


class _Shapes:
    """Collects the shapes of one spTree, numbering their ids."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.next_id = 2

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def placeholder(
        self,
        name: str,
        ph: str,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        prompt: str = "",
        anchor: str = "t",
        size: float | None = None,
        color: str | None = None,
        face: str | None = None,
        bold: bool = False,
        align: str = "l",
        fill: str | None = None,
        inset: float = 0.0,
    ) -> None:
        rpr = ""
        if size or color or face or bold:
            attrs = (f' sz="{int(size * 100)}"' if size else "") + (' b="1"' if bold else "")
            inner = (f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else "") + (
                _font(face) if face else ""
            )
            rpr = f"<a:defRPr{attrs}>{inner}</a:defRPr>"
        lst = (
            f'<a:lstStyle><a:lvl1pPr algn="{align}" marL="0" indent="0"><a:buNone/>{rpr}'
            "</a:lvl1pPr></a:lstStyle>"
        )
        fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else ""
        ins = _emu(inset)
        body = (
            f'<a:bodyPr lIns="{ins}" tIns="{ins}" rIns="{ins}" bIns="{ins}" anchor="{anchor}" '
            f'wrap="square"><a:noAutofit/></a:bodyPr>'
        )
        text = f'<a:r><a:rPr lang="en-US"/><a:t>{escape(prompt)}</a:t></a:r>' if prompt else ""
        if 'type="sldNum"' in ph:
            text = (
                '<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">'
                '<a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld>'
            )
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
            f"<p:spPr>{_xfrm(x, y, w, h)}{fill_xml}</p:spPr>"
            f"<p:txBody>{body}{lst}<a:p>{text}</a:p></p:txBody></p:sp>"
        )

    def rect(self, name: str, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            "<p:cNvSpPr/><p:nvPr/>"
            f'</p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'
            f"</p:sp>"
        )

    def text(
        self,
        name: str,
        text: str,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        face: str,
        size: float,
        color: str,
        bold: bool = False,
        spacing: int = 0,
        align: str = "l",
        anchor: str = "ctr",
    ) -> None:
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            '<p:txBody><a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="{anchor}" wrap="none">'
            f'<a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{align}"/><a:r>'
            f'<a:rPr lang="en-US" sz="{int(size * 100)}" b="{int(bold)}" spc="{spacing}">'
            f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>{_font(face)}</a:rPr>'
            f"<a:t>{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp>"
        )

    def xml(self) -> str:
        return (
            '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(self.items) + "</p:spTree>"
        )


# -- the layouts ---------------------------------------------------------------------------------


def _footer(s: _Shapes, t: Theme, *, dark: bool = False) -> None:
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


def _title_placeholder(s: _Shapes, t: Theme) -> None:
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


def _titled(s: _Shapes, t: Theme) -> None:
    g = t.geometry
    _title_placeholder(s, t)
    s.rect("Title accent", g.margin_x, g.rule_under_title, 0.9, 0.05, t.colors.accent)


def _bodies(s: _Shapes, boxes: list[Box]) -> None:
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
    s: _Shapes,
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


def _title_layout(s: _Shapes, t: Theme) -> None:
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


def _section_layout(s: _Shapes, t: Theme) -> None:
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
    "Image and Quote": _image_quote_boxes,
    "Highlights": _region_boxes("Grid"),
}


def _layout_xml(name: str, t: Theme) -> str:
    s = _Shapes()
    special = {"Title": _title_layout, "Section": _section_layout}
    if name in special:
        special[name](s, t)
        _footer(s, t, dark=name == "Section")
    else:
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
        _footer(s, t)
    show_master = "0"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<p:sldLayout {NS} preserve="1" userDrawn="1" showMasterSp="{show_master}">'
        f'<p:cSld name="{escape(name)}">{s.xml()}</p:cSld>'
        f"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


# -- the master and theme -----------------------------------------------------------------------


def _levels(t: Theme, *, title: bool) -> str:
    c, z = t.colors, t.sizes
    if title:
        return (
            f'<a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:defRPr '
            f'sz="{int(z.title * 100)}" b="1">'
            f'<a:solidFill><a:srgbClr val="{c.text}"/></a:solidFill>'
            f"{_font(t.fonts.heading)}</a:defRPr></a:lvl1pPr>"
        )
    out = []
    for lvl in range(1, 10):
        indent = _emu(t.spacing.bullet_indent)
        mar = indent * (lvl - 1)
        bullet = "<a:buNone/>" if lvl == 1 else '<a:buFont typeface="Arial"/><a:buChar char="•"/>'
        out.append(
            f'<a:lvl{lvl}pPr marL="{mar}" indent="{-indent if lvl > 1 else 0}" algn="l">'
            f'<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts '
            f'val="{int(t.spacing.paragraph_after * 100)}"/></a:spcAft>{bullet}'
            f'<a:defRPr sz="{int(z.body * 100)}"><a:solidFill><a:srgbClr val="{c.text}"/>'
            f"</a:solidFill>{_font(t.fonts.body)}</a:defRPr></a:lvl{lvl}pPr>"
        )
    return "".join(out)


def _master_tree(t: Theme) -> str:
    g = t.geometry
    s = _Shapes()
    _title_placeholder(s, t)
    s.placeholder(
        "Body",
        '<p:ph type="body" idx="1"/>',
        g.margin_x,
        g.body_top,
        g.content_width,
        g.body_bottom - g.body_top,
        prompt="Body text",
    )
    _footer(s, t)
    return s.xml()


def _restyle_master(prs: Presentation, t: Theme) -> None:
    master = prs.slide_master
    el = master._element
    nsmap = {
        "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    }
    c_sld = el.find("p:cSld", nsmap)
    old_tree = c_sld.find("p:spTree", nsmap)
    old_tree.addprevious(etree.fromstring(f"<x {NS}>{_master_tree(t)}</x>")[0])
    c_sld.remove(old_tree)
    bg = c_sld.find("p:bg", nsmap)
    if bg is not None:
        c_sld.remove(bg)
    c_sld.insert(
        0,
        etree.fromstring(
            f"<p:bg {NS}><p:bgPr>"
            f'<a:solidFill><a:srgbClr val="{t.colors.background}"/></a:solidFill>'
            f"<a:effectLst/></p:bgPr></p:bg>"
        ),
    )
    styles = el.find("p:txStyles", nsmap)
    for tag, title in (("titleStyle", True), ("bodyStyle", False), ("otherStyle", False)):
        old = styles.find(f"p:{tag}", nsmap)
        new = etree.fromstring(f"<p:{tag} {NS}>{_levels(t, title=title)}</p:{tag}>")
        styles.replace(old, new)


def _restyle_theme(prs: Presentation, t: Theme) -> None:
    master_part = prs.slide_master.part
    theme_part = master_part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    c = t.colors
    scheme = {
        "dk1": c.text,
        "lt1": c.background,
        "dk2": c.accent_dark,
        "lt2": c.band,
        "accent1": c.accent,
        "accent2": c.green,
        "accent3": c.red,
        "accent4": c.yellow,
        "accent5": c.text_muted,
        "accent6": c.green_dark,
        "hlink": c.accent,
        "folHlink": c.accent_dark,
    }
    clr = root.find(f".//{a}clrScheme")
    clr.set("name", t.name or "Foundation")
    for key, val in scheme.items():
        slot = clr.find(f"{a}{key}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{a}srgbClr", val=val)
    fonts = root.find(f".//{a}fontScheme")
    fonts.set("name", t.name or "Foundation")
    for which, face in (("majorFont", t.fonts.heading), ("minorFont", t.fonts.body)):
        fonts.find(f"{a}{which}/{a}latin").set("typeface", face)
    root.find(f".//{a}themeElements/..").set("name", t.name or "Foundation")
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _replace_layouts(prs: Presentation, t: Theme) -> None:
    master = prs.slide_master
    master_part = master.part
    id_lst = master._element.get_or_add_sldLayoutIdLst()
    for entry in list(id_lst):
        master_part.drop_rel(entry.rId)
        id_lst.remove(entry)
    for n, name in enumerate(LAYOUTS, start=1):
        part = SlideLayoutPart.load(
            PackURI(f"/ppt/slideLayouts/slideLayout{n}.xml"),
            CT.PML_SLIDE_LAYOUT,
            prs.part.package,
            _layout_xml(name, t).encode("utf-8"),
        )
        part.relate_to(master_part, RT.SLIDE_MASTER)
        rid = master_part.relate_to(part, RT.SLIDE_LAYOUT)
        id_lst._add_sldLayoutId(id=str(2147483649 + n), rId=rid)


def build_template(out: str | os.PathLike[str], theme: Theme | None = None) -> Path:
    """Write the Foundation master for ``theme`` (default: the bundled one) to ``out``."""
    t = theme or Theme.load()
    prs = Presentation()
    prs.slide_width = Emu(_emu(t.geometry.width))
    prs.slide_height = Emu(_emu(t.geometry.height))
    _restyle_theme(prs, t)
    _restyle_master(prs, t)
    _replace_layouts(prs, t)
    prs.core_properties.title = f"{t.name} Tuning Session master"
    prs.core_properties.author = "tuningdeck"
    with atomic_output(out) as tmp:
        prs.save(tmp)
    return Path(out)


def main(argv: list[str] | None = None) -> int:
    """``python -m tuningdeck.render.master [OUT]``: regenerate the bundled master."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else layouts_dir() / "foundation.pptx"
    build_template(out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
