"""The second rendering pass: draw slide plans into a presentation package, slide by slide.

Each slide's XML is written as text straight from its plan and goes into the zip as soon as it is
drawn (see :mod:`tuningdeck.render.parts`): memory stays flat however long the deck, and no
slide is ever parsed or held as a tree.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from attrs import frozen
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.shapes.base import BaseShape
from pptx.shapes.placeholder import LayoutPlaceholder
from pptx.slide import SlideLayout

from tuningdeck.errors import TemplateError
from tuningdeck.output import atomic_output, check_output
from tuningdeck.render.parts import XML_HEADER, PackageWriter, Relationships, xml_attr
from tuningdeck.render.plan import Frame, Frames, PictureShape, SlidePlan, TextShape
from tuningdeck.render.table_write import table_xml
from tuningdeck.render.text import paragraphs_xml
from tuningdeck.text.markup import plain_text
from tuningdeck.theme import Theme

__all__ = ["Canvas"]

EMU_PER_PT = 12700
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
#: A slide's XML before and after its shapes, as python-pptx makes a new slide.
_SLIDE_START = (
    f"{XML_HEADER}<p:sld {_NS}><p:cSld><p:spTree><p:nvGrpSpPr>"
    '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
)
_SLIDE_END = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
#: A text box's insets that python-pptx leaves out, being DrawingML's defaults (EMU).
_DEFAULT_INSETS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))
_ANCHORS = ("t", "ctr", "b")


def _frame(shape: BaseShape) -> Frame:
    return Frame(
        shape.left / EMU_PER_PT,
        shape.top / EMU_PER_PT,
        shape.width / EMU_PER_PT,
        shape.height / EMU_PER_PT,
    )


def _frames(layout: SlideLayout) -> dict[str, Frame]:
    """Where each placeholder of ``layout`` is, by name (points)."""
    # python-pptx declares LayoutPlaceholders.__iter__ as a bare Callable; it is an Iterable
    placeholders: Iterable[LayoutPlaceholder] = layout.placeholders
    return {ph.name: _frame(ph) for ph in placeholders}


@frozen
class _Placeholder:
    """A layout placeholder a slide may fill: its name, idx, type and ``<p:ph>`` as XML."""

    name: str
    idx: int
    kind: str
    ph: str


def _xfrm(f: Frame, ns: str = "a") -> str:
    """An ``xfrm`` element placing a shape at ``f`` (points)."""
    return (
        f'<{ns}:xfrm><a:off x="{round(f.x * EMU_PER_PT)}" y="{round(f.y * EMU_PER_PT)}"/>'
        f'<a:ext cx="{round(f.w * EMU_PER_PT)}" cy="{round(f.h * EMU_PER_PT)}"/></{ns}:xfrm>'
    )


def _without_namespaces(element: etree._Element) -> str:
    """``element`` as XML without the declarations of the slide's own a:, p: and r:."""
    xml = etree.tostring(element, encoding="unicode")
    return re.sub(r'\sxmlns:[apr]="[^"]*"', "", xml)


class Canvas:
    """A template's layouts, and a package the planned slides are drawn into one by one.

    The package is written to ``out`` as the slides are added (the caller makes it atomic, see
    :func:`tuningdeck.render.save_deck`), or without ``out`` to a temporary file that
    :meth:`save` copies into place. Nothing is written before the first slide is added, and
    :meth:`close` finishes the package. ``prs`` is the template as python-pptx opened it (its
    slides removed): the document properties set on it are written with the deck.
    """

    def __init__(
        self,
        template: str | os.PathLike[str],
        theme: Theme,
        *,
        out: str | os.PathLike[str] | None = None,
    ) -> None:
        path = Path(template)
        if not path.is_file():
            raise TemplateError(f"{path}: template not found")
        try:
            self.prs: PresentationT = Presentation(str(path))
        except Exception as e:  # python-pptx raises several kinds for a bad package
            raise TemplateError(f"{path}: not a PowerPoint file ({e})") from e
        self.path = path
        self.theme = theme
        self._out = out
        self._package: PackageWriter | None = None
        self._file: Path | None = None  # where the package is written
        self._closed = False
        self._drop_existing_slides()
        self._layout_phs: dict[str, list[_Placeholder]] = {}
        self._slide_number: dict[str, str | None] = {}
        self.layouts: dict[str, SlideLayout] = {lay.name: lay for lay in self.prs.slide_layouts}
        self.frames: Frames = {name: _frames(lay) for name, lay in self.layouts.items()}

    def _drop_existing_slides(self) -> None:
        """A template may carry example slides; a built deck starts empty."""
        id_lst = self.prs.slides._sldIdLst
        for sld_id in list(id_lst):
            self.prs.part.drop_rel(sld_id.rId)
            id_lst.remove(sld_id)

    @property
    def slide_count(self) -> int:
        """How many slides have been added."""
        return 0 if self._package is None else self._package.slides

    def _writer(self) -> PackageWriter:
        """The package, opened on first use."""
        if self._closed:
            raise ValueError("the deck is closed: no slide can be added")
        if self._package is None:
            if self._out is None:
                fd, name = tempfile.mkstemp(prefix="tuningdeck-", suffix=".pptx")
                os.close(fd)
                self._file = Path(name)
                weakref.finalize(self, _remove, self._file)
            else:
                self._file = Path(self._out)
            self._package = PackageWriter(self.prs, str(self._file))
        return self._package

    def close(self) -> None:
        """Finish the package: the template's parts, the slide list, the properties."""
        if not self._closed:
            package = self._writer()
            self._closed = True
            package.close()

    def discard(self) -> None:
        """Stop writing, the package unfinished (after a failure)."""
        self._closed = True
        if self._package is not None:
            self._package.discard()
        if self._out is None and self._file is not None:
            _remove(self._file)

    def save(
        self, path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
    ) -> Path:
        """Finish the package and copy it to ``path`` atomically: a failure leaves ``path``
        untouched.

        Refuses (:class:`OutputError`) a path that is the template (or one of ``protect``), a
        folder, a link, a device or an existing file that is not a deck; see
        :func:`tuningdeck.output.check_output`.
        """
        target = check_output(path, protect=[self.path, *protect])
        self.close()
        assert self._file is not None
        with atomic_output(target) as tmp:
            shutil.copyfile(self._file, tmp)
        return target

    def layout(self, name: str) -> SlideLayout:
        """The template's layout called ``name``; a clear error if it has none."""
        try:
            return self.layouts[name]
        except KeyError:
            have = ", ".join(sorted(self.layouts)) or "none"
            raise TemplateError(
                f"{self.path}: no slide layout named {name!r}; the template's layouts are: {have}"
            ) from None

    def add(self, plan: SlidePlan) -> None:
        """Draw one slide from ``plan`` and write it (with its notes, pictures and charts).

        The slide's placeholders are written straight from the plan: only those it fills, in the
        layout's order, named as on the layout, at the layout's place unless the plan moves them.
        """
        layout = self.layout(plan.layout)
        placeholders = self._placeholders(plan.layout)
        known = {p.name: p for p in placeholders}
        missing = (set(plan.boxes) | set(plan.tables) | set(plan.charts)) - set(known)
        if missing:
            raise TemplateError(
                f"{self.path}: layout {plan.layout!r} has no placeholder named "
                f"{', '.join(sorted(missing))}"
            )
        for name in plan.charts:
            if known[name].kind != "chart":
                raise TemplateError(
                    f"{self.path}: placeholder {name!r} of layout {plan.layout!r} is not a chart "
                    "placeholder; a chart needs one"
                )
        package = self._writer()
        partname, rels = package.add_slide()
        rels.relate(RT.SLIDE_LAYOUT, str(layout.part.partname))
        c = self.theme.colors

        def link_id(url: str) -> str:
            return rels.relate(RT.HYPERLINK, url, external=True)

        xml: list[str] = [_SLIDE_START]
        charts: list[tuple[int, int, _Placeholder, Frame]] = []
        top = 1  # the highest shape id
        for shape_id, ph in enumerate(placeholders, start=2):
            frame = plan.frames.get(ph.name)
            xfrm = _xfrm(frame) if frame else ""
            nv = f'<p:cNvPr id="{shape_id}" name={xml_attr(ph.name)}/>'
            if ph.name in plan.tables and plan.tables[ph.name].description:
                descr = xml_attr(plan.tables[ph.name].description)
                nv = f'<p:cNvPr id="{shape_id}" name={xml_attr(ph.name)} descr={descr}/>'
            if ph.name in plan.tables:
                f = frame or self.frames[plan.layout][ph.name]
                table = plan.tables[ph.name]
                tbl = table_xml(
                    table,
                    rule_color=c.rule,
                    rule_width=self.theme.tables.rule_width,
                    bullet_color=c.accent,
                    link_color=c.accent,
                    link_id=link_id,
                )
                size = Frame(f.x, f.y, sum(table.widths), table.page.height)
                xml.append(
                    f"<p:graphicFrame><p:nvGraphicFramePr>{nv}<p:cNvGraphicFramePr>"
                    '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
                    f"<p:nvPr>{ph.ph}</p:nvPr></p:nvGraphicFramePr>"
                    f'{_xfrm(size, "p")}<a:graphic><a:graphicData uri="{TABLE_URI}">{tbl}'
                    "</a:graphicData></a:graphic></p:graphicFrame>"
                )
            elif ph.name in plan.charts:
                # drawn once every placeholder is: the chart's relationship comes after links
                charts.append((len(xml), shape_id, ph, frame or self.frames[plan.layout][ph.name]))
                xml.append("")
            elif plan.boxes.get(ph.name):
                body = paragraphs_xml(
                    plan.boxes[ph.name],
                    bullet_color=c.accent,
                    link_color=c.accent,
                    link_id=link_id,
                )
                xml.append(
                    f'<p:sp><p:nvSpPr>{nv}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
                    f"<p:nvPr>{ph.ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr>"
                    f"<p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>"
                )
            else:
                continue
            top = shape_id
        if (number := self._slide_number[plan.layout]) is not None:
            top = len(placeholders) + 2
            xml.append(number.replace("{id}", str(top)))
        for at, shape_id, ph, frame in charts:
            xml[at] = self._chart(package, rels, plan, ph, shape_id, frame)
        for shape in plan.shapes:
            top += 1
            if isinstance(shape, PictureShape):
                xml.append(self._picture(package, rels, shape, top))
            else:
                xml.append(self._text_box(shape, top, link_id))
        xml.append(_SLIDE_END)
        if plan.notes:
            package.add_notes(partname, rels, plain_text(plan.notes))
        package.write(partname, "".join(xml).encode(), CT.PML_SLIDE)
        package.write_rels(partname, rels)

    def _placeholders(self, layout: str) -> list[_Placeholder]:
        """The layout's fillable placeholders in z-order (read once per layout)."""
        if layout not in self._layout_phs:
            found = []
            number = None
            for sp in self.layout(layout).shapes._spTree.iter_ph_elms():
                ph = next(sp.iter(qn("p:ph")))
                kind = ph.get("type", "body")
                if kind == "sldNum":
                    number = self._number_xml(sp)
                    continue
                if kind == "dt":
                    continue
                name = next(sp.iter(qn("p:cNvPr"))).get("name")
                found.append(_Placeholder(name, sp.ph_idx, kind, _without_namespaces(ph)))
            self._layout_phs[layout] = found
            self._slide_number[layout] = number
        return self._layout_phs[layout]

    @staticmethod
    def _number_xml(sp: etree._Element) -> str:
        """The layout's slide-number placeholder as slide XML, as PowerPoint writes it."""
        clone = copy.deepcopy(sp)
        clone.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", "{id}")
        sp_pr = clone.find(qn("p:spPr"))
        for child in list(sp_pr):
            sp_pr.remove(child)  # geometry is inherited from the layout
        return _without_namespaces(clone)

    def _chart(
        self,
        package: PackageWriter,
        rels: Relationships,
        plan: SlidePlan,
        ph: _Placeholder,
        shape_id: int,
        frame: Frame,
    ) -> str:
        """A native chart in place of the chart placeholder ``ph``; its parts written now."""
        from tuningdeck.charts.look import alt_text
        from tuningdeck.render.chart_write import chart_part

        chart_xml, workbook = chart_part(plan.charts[ph.name], self.theme)
        chart = package.name("/ppt/charts/chart%d.xml")
        embedded = package.name("/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
        chart_rels = Relationships("/ppt/charts")
        chart_rels.relate(RT.PACKAGE, embedded)
        package.write(chart, chart_xml, CT.DML_CHART)
        package.write_rels(chart, chart_rels)
        package.write(embedded, workbook, CT.SML_SHEET)
        rid = rels.relate(RT.CHART, chart)
        return (
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Chart" '
            f"descr={xml_attr(alt_text(plan.charts[ph.name]))}/>"
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
            f"<p:nvPr>{ph.ph}</p:nvPr></p:nvGraphicFramePr>{_xfrm(frame, 'p')}<a:graphic>"
            f'<a:graphicData uri="{CHART_URI}"><c:chart xmlns:c="{CHART_URI}" r:id="{rid}"/>'
            "</a:graphicData></a:graphic></p:graphicFrame>"
        )

    @staticmethod
    def _picture(
        package: PackageWriter, rels: Relationships, shape: PictureShape, shape_id: int
    ) -> str:
        """A picture, cropped as planned; its image written now unless it was before."""
        source = io.BytesIO(shape.source) if isinstance(shape.source, bytes) else str(shape.source)
        image, desc = package.add_picture(source)
        rid = rels.relate(RT.IMAGE, image)
        crop = "".join(
            f' {side}="{round(value * 100000)}"'
            for side, value in zip("ltrb", shape.crop, strict=True)
            if value
        )
        return (
            f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name={xml_attr(shape.name)} '
            f"descr={xml_attr(shape.description or desc)}/><p:cNvPicPr>"
            '<a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill>'
            f'<a:blip r:embed="{rid}"/><a:srcRect{crop}/><a:stretch><a:fillRect/></a:stretch>'
            f"</p:blipFill><p:spPr>{_xfrm(shape.frame)}"
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
        )

    def _text_box(self, shape: TextShape, shape_id: int, link_id: Callable[[str], str]) -> str:
        """A text box of its planned size in every application, optionally filled."""
        if shape.anchor not in _ANCHORS:
            raise ValueError(f"a text box is anchored at one of {_ANCHORS}, not {shape.anchor!r}")
        inset = round(shape.inset * EMU_PER_PT)
        insets = "".join(f' {a}="{inset}"' for a, default in _DEFAULT_INSETS if inset != default)
        fill = "<a:noFill/>"
        if shape.fill:
            color = RGBColor.from_string(shape.fill)
            fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
        c = self.theme.colors
        body = paragraphs_xml(
            shape.blocks, bullet_color=c.accent, link_color=c.accent, link_id=link_id
        )
        return (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={xml_attr(shape.name)}/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(shape.frame)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr><p:txBody>'
            f'<a:bodyPr wrap="square"{insets} anchor="{shape.anchor}"><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{body}</p:txBody></p:sp>"
        )


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
