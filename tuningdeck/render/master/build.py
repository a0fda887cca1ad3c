"""Build the master: restyle python-pptx's default package with the theme and our layouts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlideLayoutPart
from pptx.presentation import Presentation as PresentationT
from pptx.util import Emu

from tuningdeck.output import atomic_output
from tuningdeck.render.master.layouts import LAYOUTS, footer, layout_xml, title_placeholder
from tuningdeck.render.master.shapes import NS, ShapeTree, emu, font_xml
from tuningdeck.theme import Theme, layouts_dir
from tuningdeck.vocab import Placeholder as P

__all__ = ["build_template", "main"]


def _levels(t: Theme, *, title: bool) -> str:
    c, z = t.colors, t.sizes
    if title:
        return (
            f'<a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:defRPr '
            f'sz="{int(z.title * 100)}" b="1">'
            f'<a:solidFill><a:srgbClr val="{c.text}"/></a:solidFill>'
            f"{font_xml(t.fonts.heading)}</a:defRPr></a:lvl1pPr>"
        )
    out = []
    for lvl in range(1, 10):
        indent = emu(t.spacing.bullet_indent)
        mar = indent * (lvl - 1)
        bullet = "<a:buNone/>" if lvl == 1 else '<a:buFont typeface="Arial"/><a:buChar char="•"/>'
        out.append(
            f'<a:lvl{lvl}pPr marL="{mar}" indent="{-indent if lvl > 1 else 0}" algn="l">'
            f'<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts '
            f'val="{int(t.spacing.paragraph_after * 100)}"/></a:spcAft>{bullet}'
            f'<a:defRPr sz="{int(z.body * 100)}"><a:solidFill><a:srgbClr val="{c.text}"/>'
            f"</a:solidFill>{font_xml(t.fonts.body)}</a:defRPr></a:lvl{lvl}pPr>"
        )
    return "".join(out)


def _master_tree(t: Theme) -> str:
    g = t.geometry
    s = ShapeTree()
    title_placeholder(s, t)
    s.placeholder(
        P.BODY,
        '<p:ph type="body" idx="1"/>',
        g.margin_x,
        g.body_top,
        g.content_width,
        g.body_bottom - g.body_top,
        prompt="Body text",
    )
    footer(s, t)
    return s.xml()


def _restyle_master(prs: PresentationT, t: Theme) -> None:
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


def _restyle_theme(prs: PresentationT, t: Theme) -> None:
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


def _replace_layouts(prs: PresentationT, t: Theme) -> None:
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
            layout_xml(name, t).encode("utf-8"),
        )
        part.relate_to(master_part, RT.SLIDE_MASTER)
        rid = master_part.relate_to(part, RT.SLIDE_LAYOUT)
        id_lst._add_sldLayoutId(id=str(2147483649 + n), rId=rid)


def build_template(out: str | os.PathLike[str], theme: Theme | None = None) -> Path:
    """Write the Foundation master for ``theme`` (default: the bundled one) to ``out``."""
    t = theme or Theme.load()
    prs = Presentation()
    prs.slide_width = Emu(emu(t.geometry.width))
    prs.slide_height = Emu(emu(t.geometry.height))
    _restyle_theme(prs, t)
    _restyle_master(prs, t)
    _replace_layouts(prs, t)
    prs.core_properties.title = f"{t.name} Tuning Session master"
    prs.core_properties.author = "tuningdeck"
    with atomic_output(out) as tmp:
        prs.save(str(tmp))
    return Path(out)


def main(argv: list[str] | None = None) -> int:
    """``python -m tuningdeck.render.master [OUT]``: regenerate the bundled master."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else layouts_dir() / "foundation.pptx"
    build_template(out)
    print(out)
    return 0
