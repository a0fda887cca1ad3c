"""DrawingML for the master's shapes: placeholders, rectangles and text, with numbered ids."""

from __future__ import annotations

from xml.sax.saxutils import escape

__all__ = ["EMU_PER_INCH", "NS", "ShapeTree", "emu", "font_xml", "xfrm"]

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
EMU_PER_INCH = 914400


def emu(inches: float) -> int:
    return round(inches * EMU_PER_INCH)


def xfrm(x: float, y: float, w: float, h: float) -> str:
    return (
        f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
    )


def font_xml(face: str) -> str:
    return f'<a:latin typeface="{face}"/><a:ea typeface="{face}"/><a:cs typeface="{face}"/>'


class ShapeTree:
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
        spacing: int = 0,
        caps: bool = False,
        wrap: str = "square",
    ) -> None:
        rpr = ""
        if size or color or face or bold or spacing or caps:
            attrs = (
                (f' sz="{int(size * 100)}"' if size else "")
                + (' b="1"' if bold else "")
                + (' cap="all"' if caps else "")
                + (f' spc="{spacing}"' if spacing else "")
            )
            inner = (f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else "") + (
                font_xml(face) if face else ""
            )
            rpr = f"<a:defRPr{attrs}>{inner}</a:defRPr>"
        lst = (
            f'<a:lstStyle><a:lvl1pPr algn="{align}" marL="0" indent="0"><a:buNone/>{rpr}'
            "</a:lvl1pPr></a:lstStyle>"
        )
        fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else ""
        ins = emu(inset)
        body = (
            f'<a:bodyPr lIns="{ins}" tIns="{ins}" rIns="{ins}" bIns="{ins}" anchor="{anchor}" '
            f'wrap="{wrap}"><a:noAutofit/></a:bodyPr>'
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
            f"<p:spPr>{xfrm(x, y, w, h)}{fill_xml}</p:spPr>"
            f"<p:txBody>{body}{lst}<a:p>{text}</a:p></p:txBody></p:sp>"
        )

    def rect(self, name: str, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            "<p:cNvSpPr/><p:nvPr/>"
            f'</p:nvSpPr><p:spPr>{xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
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
            f'<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            '<p:txBody><a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="{anchor}" wrap="none">'
            f'<a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{align}"/><a:r>'
            f'<a:rPr lang="en-US" sz="{int(size * 100)}" b="{int(bold)}" spc="{spacing}">'
            f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>{font_xml(face)}</a:rPr>'
            f"<a:t>{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp>"
        )

    def xml(self) -> str:
        return (
            '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(self.items) + "</p:spTree>"
        )
