"""Every use of python-pptx's private API, in one place.

python-pptx reads the template and writes what it has no public API for (a slide list, a
layout list, a chart's inner elements, a part's bytes); those calls reach into its private
attributes. Keeping them here means a python-pptx upgrade is checked in one module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.datalabel import DataLabel
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage, Part, XmlPart
from pptx.presentation import Presentation
from pptx.slide import SlideLayout, SlideMaster
from pptx.text.text import TextFrame

from tuningdeck.oxml.ns import qn

__all__ = [
    "add_layout_id",
    "adopt_core_properties",
    "chart_space",
    "data_label_element",
    "drop_layouts",
    "drop_slides",
    "layout_shapes",
    "package_rels_xml",
    "part_element",
    "plot_element",
    "set_part_blob",
    "slide_list",
    "text_body",
]


#: The core properties' relationship type as LibreOffice writes it (an early draft's spelling).
LEGACY_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)


def adopt_core_properties(prs: Presentation) -> None:
    """Relate the document properties a template lists under LibreOffice's relationship type
    with the standard one, so python-pptx uses that part rather than adding a second
    ``docProps/core.xml``."""
    package = prs.part.package
    rels = package._rels
    for rid, rel in list(rels.items()):
        if rel.reltype == LEGACY_CORE_PROPERTIES and not rel.is_external:
            rels.pop(rid)
            package.relate_to(rel.target_part, RT.CORE_PROPERTIES)


def drop_slides(prs: Presentation) -> None:
    """Remove every slide from ``prs``'s slide list and its relationships."""
    id_lst = prs.slides._sldIdLst
    for sld_id in list(id_lst):
        prs.part.drop_rel(sld_id.rId)
        id_lst.remove(sld_id)


def slide_list(presentation: etree._Element, rids: list[str], first_id: int) -> None:
    """Make ``presentation``'s (a ``<p:presentation>``) slide list the slides related as
    ``rids``, numbered from ``first_id``."""
    id_lst: Any = presentation.get_or_add_sldIdLst()
    for sld_id in list(id_lst):
        id_lst.remove(sld_id)
    for n, rid in enumerate(rids):
        id_lst._add_sldId(id=first_id + n, rId=rid)


def part_element(part: Part) -> etree._Element:
    """The root element of an XML part as python-pptx holds it (not a copy)."""
    if not isinstance(part, XmlPart):
        raise TypeError(f"{part.partname} is not an XML part")
    return part._element


def set_part_blob(part: Part, blob: bytes) -> None:
    """Replace the bytes of a part python-pptx keeps as bytes (a theme, say)."""
    part._blob = blob


def package_rels_xml(package: OpcPackage) -> bytes:
    """The package's own relationships (``/_rels/.rels``)."""
    return package._rels.xml


def layout_shapes(layout: SlideLayout | SlideMaster) -> Iterator[etree._Element]:
    """The shapes at the top of a layout's (or master's) shape tree, in z-order."""
    tree = layout.element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    if tree is not None:
        yield from (child for child in tree if isinstance(child.tag, str))


def add_layout_id(master: SlideMaster, rid: str, layout_id: int) -> None:
    """List the layout related to ``master`` as ``rid`` in the master's layout list."""
    id_lst = master._element.get_or_add_sldLayoutIdLst()
    id_lst._add_sldLayoutId(id=str(layout_id), rId=rid)


def drop_layouts(master: SlideMaster) -> None:
    """Remove every layout from ``master``'s layout list and its relationships."""
    id_lst = master._element.get_or_add_sldLayoutIdLst()
    for entry in list(id_lst):
        master.part.drop_rel(entry.rId)
        id_lst.remove(entry)


def text_body(frame: TextFrame) -> etree._Element:
    """The ``<p:txBody>`` (or ``<a:txBody>``) element behind a text frame."""
    return frame._txBody


def chart_space(chart: Chart) -> etree._Element:
    """The ``<c:chartSpace>`` element behind a chart."""
    return chart._chartSpace


def plot_element(chart: Chart) -> etree._Element:
    """The element of the chart's first plot (``<c:lineChart>``, ``<c:barChart>``)."""
    return chart.plots[0]._element


def data_label_element(label: DataLabel) -> etree._Element:
    """The ``<c:dLbl>`` of a data label, made now if the point has none."""
    return label._dLbl
