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

from tuningdeck.fonts import script_family
from tuningdeck.output import atomic_output
from tuningdeck.oxml.core import element, parse, serialize, sub
from tuningdeck.oxml.ns import qn
from tuningdeck.oxml.text import solid_fill
from tuningdeck.render.master.layouts import LAYOUTS, footer, layout_xml, title_placeholder
from tuningdeck.render.master.shapes import ShapeTree, emu, fonts, ph
from tuningdeck.render.pptx_adapter import (
    add_layout_id,
    drop_layouts,
    part_element,
    set_part_blob,
)
from tuningdeck.theme import Theme, layouts_dir
from tuningdeck.vocab import Placeholder as P

__all__ = ["build_template", "main"]


def _levels(style: etree._Element, t: Theme, *, title: bool) -> None:
    """The title's (``title``) or the body's nine list levels, appended to ``style``."""
    c, z = t.colors, t.sizes
    if title:
        level = sub(style, "a:lvl1pPr", {"algn": "l"})
        sub(sub(level, "a:lnSpc"), "a:spcPct", {"val": 100000})
        rpr = sub(level, "a:defRPr", {"sz": int(z.title * 100), "b": 1})
        rpr.append(solid_fill(c.text))
        fonts(rpr, t.fonts.heading, "mj")
        return
    indent = emu(t.spacing.bullet_indent)
    for lvl in range(1, 10):
        attrs: dict[str, str | int] = {"marL": indent * (lvl - 1)}
        attrs.update(indent=-indent if lvl > 1 else 0, algn="l")
        level = sub(style, f"a:lvl{lvl}pPr", attrs)
        sub(sub(level, "a:spcBef"), "a:spcPts", {"val": 0})
        sub(sub(level, "a:spcAft"), "a:spcPts", {"val": int(t.spacing.paragraph_after * 100)})
        if lvl == 1:
            sub(level, "a:buNone")
        else:
            sub(level, "a:buFont", {"typeface": "Arial"})
            sub(level, "a:buChar", {"char": "•"})
        rpr = sub(level, "a:defRPr", {"sz": int(z.body * 100)})
        rpr.append(solid_fill(c.text))
        fonts(rpr, t.fonts.body, "mn")


def _master_tree(t: Theme) -> etree._Element:
    g = t.geometry
    s = ShapeTree()
    title_placeholder(s, t)
    s.placeholder(
        P.BODY,
        ph("body", 1),
        g.margin_x,
        g.body_top,
        g.content_width,
        g.body_bottom - g.body_top,
        prompt="Body text",
    )
    footer(s, t)
    return s.tree


def _restyle_master(prs: PresentationT, t: Theme) -> None:
    el = part_element(prs.slide_master.part)
    c_sld = el.find(qn("p:cSld"))
    old_tree = c_sld.find(qn("p:spTree"))
    old_tree.addprevious(_master_tree(t))
    c_sld.remove(old_tree)
    bg = c_sld.find(qn("p:bg"))
    if bg is not None:
        c_sld.remove(bg)
    background = element("p:bg")
    bg_pr = sub(background, "p:bgPr")
    bg_pr.append(solid_fill(t.colors.background))
    sub(bg_pr, "a:effectLst")
    c_sld.insert(0, background)
    styles = el.find(qn("p:txStyles"))
    for tag, title in (("titleStyle", True), ("bodyStyle", False), ("otherStyle", False)):
        new = element(f"p:{tag}")
        _levels(new, t, title=title)
        styles.replace(styles.find(qn(f"p:{tag}")), new)


def _restyle_theme(prs: PresentationT, t: Theme) -> None:
    master_part = prs.slide_master.part
    theme_part = master_part.part_related_by(RT.THEME)
    root = parse(theme_part.blob)
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
    clr = root.find(f".//{qn('a:clrScheme')}")
    clr.set("name", t.name or "Foundation")
    for key, val in scheme.items():
        slot = clr.find(qn(f"a:{key}"))
        for child in list(slot):
            slot.remove(child)
        sub(slot, "a:srgbClr", {"val": val})
    font_scheme = root.find(f".//{qn('a:fontScheme')}")
    font_scheme.set("name", t.name or "Foundation")
    for which, face in (("majorFont", t.fonts.heading), ("minorFont", t.fonts.body)):
        font_scheme.find(f"{qn('a:' + which)}/{qn('a:latin')}").set("typeface", face)
        _script_fonts(font_scheme.find(qn(f"a:{which}")), t)
    root.find(f".//{qn('a:themeElements')}/..").set("name", t.name or "Foundation")
    set_part_blob(theme_part, serialize(root))


# The theme's fonts for other scripts (ISO 15924 codes, as a:font names them): the fonts that
# text in those scripts is measured and drawn with.
_THEME_SCRIPTS = {
    "Arab": "arabic",
    "Hebr": "hebrew",
    "Deva": "devanagari",
    "Thai": "thai",
    "Hans": "han",
    "Hant": "han",
    "Jpan": "han",
    "Hang": "hangul",
}


def _script_fonts(font: etree._Element, t: Theme) -> None:
    """Set a theme font's East-Asian and complex-script typefaces (the theme's ``east_asian``
    and ``complex`` families) and its per-script fonts to those tuningdeck draws them with."""
    font.find(qn("a:ea")).set("typeface", t.fonts.east_asian)
    font.find(qn("a:cs")).set("typeface", t.fonts.complex)
    for entry in font.findall(qn("a:font")):
        family = script_family(_THEME_SCRIPTS.get(entry.get("script", "")))
        if family:
            entry.set("typeface", family)


def _replace_layouts(prs: PresentationT, t: Theme) -> None:
    master = prs.slide_master
    master_part = master.part
    drop_layouts(master)
    for n, name in enumerate(LAYOUTS, start=1):
        part = SlideLayoutPart.load(
            PackURI(f"/ppt/slideLayouts/slideLayout{n}.xml"),
            CT.PML_SLIDE_LAYOUT,
            prs.part.package,
            layout_xml(name, t),
        )
        part.relate_to(master_part, RT.SLIDE_MASTER)
        rid = master_part.relate_to(part, RT.SLIDE_LAYOUT)
        add_layout_id(master, rid, 2147483649 + n)


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
