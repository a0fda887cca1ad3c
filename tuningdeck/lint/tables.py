"""Table cells: each cell's box, fill and text, with the table style's fill and text colour.

A cell's fill is its own ``a:tcPr`` fill, else the table style's for the cell's region (whole
table, banded rows and columns, first and last row and column, as the table's flags turn them
on; later regions win). Styles are read from the deck's ``tableStyles.xml``; PowerPoint's default
(Medium Style 2 – Accent 1), which decks often name without including, is known here.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from tuningdeck.lint.colors import A, resolve_color
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.parts import EMU_PER_PT, NS, SlideParts
from tuningdeck.lint.styles import TextBody, read_text_body

__all__ = ["read_cells"]

_MEDIUM_STYLE_2_ACCENT_1 = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
_BUILT_IN = f"""<a:tblStyle xmlns:a="{A}" styleId="{_MEDIUM_STYLE_2_ACCENT_1}">
<a:wholeTbl><a:tcTxStyle><a:schemeClr val="dk1"/></a:tcTxStyle>
 <a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="20000"/></a:schemeClr>
 </a:solidFill></a:fill></a:tcStyle></a:wholeTbl>
<a:band1H><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/>
 </a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1H>
<a:band1V><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/>
 </a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1V>
<a:lastCol><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
 <a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastCol>
<a:firstCol><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
 <a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstCol>
<a:lastRow><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
 <a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastRow>
<a:firstRow><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
 <a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstRow>
</a:tblStyle>"""


def _style(tbl: etree._Element, parts: SlideParts) -> etree._Element | None:
    sid = tbl.findtext("a:tblPr/a:tableStyleId", namespaces=NS)
    if sid is None and parts.table_styles is not None:
        sid = parts.table_styles.get("def")
    if not sid:
        return None
    if parts.table_styles is not None:
        for style in parts.table_styles.findall("a:tblStyle", NS):
            if style.get("styleId") == sid:
                return style
    if sid.upper() == _MEDIUM_STYLE_2_ACCENT_1:
        return etree.fromstring(_BUILT_IN)
    return None


def _regions(tbl: etree._Element, row: int, col: int, rows: int, cols: int) -> list[str]:
    """The table style regions that apply to a cell, weakest first."""
    pr = tbl.find("a:tblPr", NS)

    def on(flag: str) -> bool:
        return pr is not None and pr.get(flag) in ("1", "true")

    first_row, first_col = on("firstRow"), on("firstCol")
    names = ["wholeTbl"]
    if on("bandCol"):
        names.append("band1V" if (col - first_col) % 2 == 0 else "band2V")
    if on("bandRow"):
        names.append("band1H" if (row - first_row) % 2 == 0 else "band2H")
    if on("lastCol") and col == cols - 1:
        names.append("lastCol")
    if first_col and col == 0:
        names.append("firstCol")
    if on("lastRow") and row == rows - 1:
        names.append("lastRow")
    if first_row and row == 0:
        names.append("firstRow")
    return names


def _styled(
    style: etree._Element | None, regions: list[str], parts: SlideParts
) -> tuple[str | None, etree._Element | None]:
    """The style's fill colour for the regions, and its text properties as an ``a:rPr``."""
    fill: str | None = None
    bold: str | None = None
    color: str | None = None
    if style is not None:
        for name in regions:
            region = style.find(f"a:{name}", NS)
            if region is None:
                continue
            solid = region.find("a:tcStyle/a:fill/a:solidFill", NS)
            if solid is not None:
                fill = resolve_color(solid, parts.scheme)
            elif region.find("a:tcStyle/a:fill/a:noFill", NS) is not None:
                fill = None
            ref = region.find("a:tcStyle/a:fillRef", NS)
            if ref is not None:
                fill = resolve_color(ref, parts.scheme)
            tx = region.find("a:tcTxStyle", NS)
            if tx is not None:
                bold = tx.get("b", bold)
                color = resolve_color(tx, parts.scheme) or color
    rpr = etree.Element(f"{{{A}}}rPr")
    if bold is not None:
        rpr.set("b", "1" if bold == "on" else "0")
    if color is not None:
        solid = etree.SubElement(rpr, f"{{{A}}}solidFill")
        etree.SubElement(solid, f"{{{A}}}srgbClr", val=color)
    return fill, rpr


def _cell_fill(tc_pr: etree._Element | None, parts: SlideParts) -> tuple[bool, str | None]:
    if tc_pr is None:
        return False, None
    if tc_pr.find("a:noFill", NS) is not None:
        return True, None
    solid = tc_pr.find("a:solidFill", NS)
    if solid is not None:
        return True, resolve_color(solid, parts.scheme)
    return False, None


def read_cells(
    frame: etree._Element, parts: SlideParts, box: Box
) -> Iterator[tuple[int, int, TextBody, Box, str | None]]:
    """Every cell of the table in ``frame`` (merged-over cells skipped): row, column, text,
    box (from the grid's widths and the rows' heights, placed at the frame's box) and fill."""
    tbl = frame.find("a:graphic/a:graphicData/a:tbl", NS)
    if tbl is None:
        return
    widths = [int(c.get("w", "0")) / EMU_PER_PT for c in tbl.findall("a:tblGrid/a:gridCol", NS)]
    rows = tbl.findall("a:tr", NS)
    style = _style(tbl, parts)
    lefts = [box.x0 + sum(widths[:i]) for i in range(len(widths) + 1)]
    top = box.y0
    for r, tr in enumerate(rows):
        height = int(tr.get("h", "0")) / EMU_PER_PT
        for c, tc in enumerate(tr.findall("a:tc", NS)):
            if tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true"):
                continue
            span = int(tc.get("gridSpan", "1"))
            x1 = lefts[min(c + span, len(lefts) - 1)] if lefts else box.x1
            cell_box = Box(
                lefts[min(c, len(lefts) - 1)] if lefts else box.x0, top, x1, top + height
            )
            style_fill, rpr = _styled(style, _regions(tbl, r, c, len(rows), len(widths)), parts)
            known, fill = _cell_fill(tc.find("a:tcPr", NS), parts)
            tx = tc.find("a:txBody", NS)
            if tx is None:
                continue
            body = read_text_body(tx, parts, extra_rpr=[rpr])
            pr = tc.find("a:tcPr", NS)
            margins = tuple(
                int((pr.get(k) if pr is not None else None) or d) / EMU_PER_PT
                for k, d in (("marL", 91440), ("marT", 45720), ("marR", 91440), ("marB", 45720))
            )
            body = TextBody(
                body.paragraphs,
                (margins[0], margins[1], margins[2], margins[3]),
                (pr.get("anchor") if pr is not None else None) or "t",
                True,
                body.font_scale,
                body.autofit,
            )
            yield r, c, body, cell_box, fill if known else style_fill
        top += height
