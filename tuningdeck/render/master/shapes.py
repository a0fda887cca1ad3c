"""The master's shapes: placeholders, rectangles and text, with numbered ids, as elements."""

from __future__ import annotations

from lxml import etree

from tuningdeck.oxml.core import element, sub
from tuningdeck.oxml.text import solid_fill

__all__ = ["EMU_PER_INCH", "ShapeTree", "emu", "fonts", "ph", "xfrm"]

EMU_PER_INCH = 914400
#: The id PowerPoint gives the slide-number field.
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def emu(inches: float) -> int:
    """Inches in EMU."""
    return round(inches * EMU_PER_INCH)


def ph(kind: str | None = None, idx: int | None = None, *, quarter: bool = False) -> dict[str, str]:
    """The attributes of a ``<p:ph>``: type, size (a quarter) and idx, as given."""
    out = {} if kind is None else {"type": kind}
    if quarter:
        out["sz"] = "quarter"
    if idx is not None:
        out["idx"] = str(idx)
    return out


def xfrm(parent: etree._Element, x: float, y: float, w: float, h: float) -> None:
    """An ``<a:xfrm>`` at (``x``, ``y``), ``w`` by ``h`` inches, appended to ``parent``."""
    el = sub(parent, "a:xfrm")
    sub(el, "a:off", {"x": emu(x), "y": emu(y)})
    sub(el, "a:ext", {"cx": emu(w), "cy": emu(h)})


def fonts(parent: etree._Element, face: str, theme: str | None = None) -> None:
    """Latin, East Asian and complex-script typefaces ``face``, appended to ``parent``; with
    ``theme`` ("mj" for the theme's major fonts, "mn" for its minor ones), East-Asian and
    complex-script text takes the theme's fonts for those scripts instead."""
    for script in ("a:latin", "a:ea", "a:cs"):
        typeface = face if theme is None or script == "a:latin" else f"+{theme}-{script[2:]}"
        sub(parent, script, {"typeface": typeface})


class ShapeTree:
    """Collects the shapes of one spTree, numbering their ids."""

    def __init__(self) -> None:
        self.tree = element("p:spTree", prefixes=("a", "p", "r"))
        nv = sub(self.tree, "p:nvGrpSpPr")
        sub(nv, "p:cNvPr", {"id": 1, "name": ""})
        sub(nv, "p:cNvGrpSpPr")
        sub(nv, "p:nvPr")
        group = sub(sub(self.tree, "p:grpSpPr"), "a:xfrm")
        for tag, x, y in (("a:off", "x", "y"), ("a:ext", "cx", "cy")):
            sub(group, tag, {x: 0, y: 0})
        for tag, x, y in (("a:chOff", "x", "y"), ("a:chExt", "cx", "cy")):
            sub(group, tag, {x: 0, y: 0})
        self.next_id = 2

    def _shape(self, name: str, locks: dict[str, str] | None, ph_attrs: dict[str, str] | None,
               *, user_drawn: bool = False) -> etree._Element:  # fmt: skip
        sp = sub(self.tree, "p:sp")
        nv = sub(sp, "p:nvSpPr")
        sub(nv, "p:cNvPr", {"id": self.next_id, "name": name})
        self.next_id += 1
        c_nv = sub(nv, "p:cNvSpPr", locks if ph_attrs is None else None)
        if ph_attrs is not None:
            sub(c_nv, "a:spLocks", {"noGrp": 1})
        nv_pr = sub(nv, "p:nvPr", {"userDrawn": 1} if user_drawn else None)
        if ph_attrs is not None:
            sub(nv_pr, "p:ph", ph_attrs)
        return sp

    def placeholder(
        self,
        name: str,
        ph_attrs: dict[str, str],
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
        spacing: int = 0,
        caps: bool = False,
        wrap: str = "square",
    ) -> None:
        """A placeholder (``ph_attrs``: see :func:`ph`) with its text's look and a prompt;
        ``spacing`` is letter spacing (hundredths of a point), ``caps`` sets it in capitals."""
        sp = self._shape(name, None, ph_attrs)
        sp_pr = sub(sp, "p:spPr")
        xfrm(sp_pr, x, y, w, h)
        if fill:
            sp_pr.append(solid_fill(fill))
        body = sub(sp, "p:txBody")
        ins = emu(inset)
        insets = {"lIns": ins, "tIns": ins, "rIns": ins, "bIns": ins}
        sub(sub(body, "a:bodyPr", {**insets, "anchor": anchor, "wrap": wrap}), "a:noAutofit")
        level = sub(sub(body, "a:lstStyle"), "a:lvl1pPr", {"algn": align, "marL": 0, "indent": 0})
        sub(level, "a:buNone")
        if size or color or face or bold or spacing or caps:
            attrs: dict[str, str | int] = {"sz": int(size * 100)} if size else {}
            if bold:
                attrs["b"] = 1
            if caps:
                attrs["cap"] = "all"
            if spacing:
                attrs["spc"] = spacing
            rpr = sub(level, "a:defRPr", attrs)
            if color:
                rpr.append(solid_fill(color))
            if face:
                fonts(rpr, face)
        p = sub(body, "a:p")
        if ph_attrs.get("type") == "sldNum":
            field = sub(p, "a:fld", {"id": SLIDE_NUMBER_FIELD, "type": "slidenum"})
            sub(field, "a:rPr", {"lang": "en-US"})
            sub(field, "a:t", text="‹#›")
        elif prompt:
            r = sub(p, "a:r")
            sub(r, "a:rPr", {"lang": "en-US"})
            sub(r, "a:t", text=prompt)

    def rect(self, name: str, x: float, y: float, w: float, h: float, fill: str) -> None:
        """A filled rectangle without an outline."""
        sp = self._shape(name, None, None)
        sp_pr = sub(sp, "p:spPr")
        xfrm(sp_pr, x, y, w, h)
        sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
        sp_pr.append(solid_fill(fill))
        sub(sub(sp_pr, "a:ln"), "a:noFill")

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
        """A text box of one run, drawn by the master (not a placeholder)."""
        sp = self._shape(name, {"txBox": "1"}, None, user_drawn=True)
        sp_pr = sub(sp, "p:spPr")
        xfrm(sp_pr, x, y, w, h)
        sub(sub(sp_pr, "a:prstGeom", {"prst": "rect"}), "a:avLst")
        sub(sp_pr, "a:noFill")
        body = sub(sp, "p:txBody")
        insets = {"lIns": 0, "tIns": 0, "rIns": 0, "bIns": 0}
        sub(sub(body, "a:bodyPr", {**insets, "anchor": anchor, "wrap": "none"}), "a:noAutofit")
        sub(body, "a:lstStyle")
        p = sub(body, "a:p")
        sub(p, "a:pPr", {"algn": align})
        r = sub(p, "a:r")
        attrs: dict[str, str | int] = {"lang": "en-US", "sz": int(size * 100), "b": int(bold)}
        attrs["spc"] = spacing
        rpr = sub(r, "a:rPr", attrs)
        rpr.append(solid_fill(color))
        fonts(rpr, face)
        sub(r, "a:t", text=text)
