"""The second rendering pass: draw slide plans onto a presentation opened from the template."""

from __future__ import annotations

import copy
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from attrs import frozen
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.shapes.base import BaseShape
from pptx.shapes.placeholder import ChartPlaceholder, LayoutPlaceholder
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from tuningdeck.errors import TemplateError
from tuningdeck.output import atomic_output, check_output
from tuningdeck.render.parts import PartCounter
from tuningdeck.render.plan import Frame, Frames, PictureShape, SlidePlan, TextShape
from tuningdeck.render.table_write import table_xml
from tuningdeck.render.text import paragraphs_xml, write_blocks
from tuningdeck.text.markup import plain_text
from tuningdeck.theme import Theme

__all__ = ["Canvas"]

EMU_PER_PT = 12700
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)


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
    """A layout placeholder a slide may fill: its name, idx and ``<p:ph>`` element as XML."""

    name: str
    idx: int
    ph: str


def _xfrm(f: Frame, ns: str = "a") -> str:
    """An ``xfrm`` element placing a shape at ``f`` (points)."""
    return (
        f'<{ns}:xfrm><a:off x="{round(f.x * EMU_PER_PT)}" y="{round(f.y * EMU_PER_PT)}"/>'
        f'<a:ext cx="{round(f.w * EMU_PER_PT)}" cy="{round(f.h * EMU_PER_PT)}"/></{ns}:xfrm>'
    )


class Canvas:
    """A presentation opened from a template, and the means to add planned slides to it."""

    def __init__(self, template: str | os.PathLike[str], theme: Theme) -> None:
        path = Path(template)
        if not path.is_file():
            raise TemplateError(f"{path}: template not found")
        try:
            self.prs: PresentationT = Presentation(str(path))
        except Exception as e:  # python-pptx raises several kinds for a bad package
            raise TemplateError(f"{path}: not a PowerPoint file ({e})") from e
        self.path = path
        self.theme = theme
        self._drop_existing_slides()
        self._parts = PartCounter(self.prs)
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
        return len(self.prs.slides)

    def save(
        self, path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
    ) -> Path:
        """Write the presentation to ``path`` atomically: a failure leaves ``path`` untouched.

        Refuses (:class:`OutputError`) a path that is the template (or one of ``protect``), a
        folder, a link, a device or an existing file that is not a deck; see
        :func:`tuningdeck.output.check_output`.
        """
        target = check_output(path, protect=[self.path, *protect])
        with atomic_output(target) as tmp:
            self.prs.save(str(tmp))
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

    def add(self, plan: SlidePlan) -> Slide:
        """Add one slide drawn from ``plan``.

        The slide's placeholders are written straight from the plan: only those it fills, in the
        layout's order, named as on the layout, at the layout's place unless the plan moves them.
        """
        layout = self.layout(plan.layout)
        placeholders = self._placeholders(plan.layout)
        known = {p.name for p in placeholders}
        missing = (set(plan.boxes) | set(plan.tables) | set(plan.charts)) - known
        if missing:
            raise TemplateError(
                f"{self.path}: layout {plan.layout!r} has no placeholder named "
                f"{', '.join(sorted(missing))}"
            )
        slide = self._parts.add_slide(layout)
        c = self.theme.colors

        def link_id(url: str) -> str:
            return slide.part.relate_to(url, RT.HYPERLINK, is_external=True)

        xml = []
        charts = []
        for shape_id, ph in enumerate(placeholders, start=2):
            frame = plan.frames.get(ph.name)
            xfrm = _xfrm(frame) if frame else ""
            nv = f'<p:cNvPr id="{shape_id}" name={quoteattr(ph.name)}/>'
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
                charts.append((len(xml), ph.name))
                xml.append(
                    f'<p:sp><p:nvSpPr>{nv}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
                    f"<p:nvPr>{ph.ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr></p:sp>"
                )
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
        if (number := self._slide_number[plan.layout]) is not None:
            xml.append(number.replace("{id}", str(len(placeholders) + 2)))
        tree = slide.shapes._spTree
        for element in etree.fromstring(f"<p:spTree {_NS}>{''.join(xml)}</p:spTree>"):
            tree.append(element)
        for _, name in charts:
            from tuningdeck.render.chart_write import draw_chart

            sp = next(e for e in tree.iter_ph_elms() if e.ph_idx == self._idx(plan.layout, name))
            placeholder = slide.shapes._shape_factory(sp)
            if not isinstance(placeholder, ChartPlaceholder):
                raise TemplateError(
                    f"{self.path}: placeholder {name!r} of layout {plan.layout!r} is not a chart "
                    "placeholder; a chart needs one"
                )
            draw_chart(placeholder, plan.charts[name], self.theme)
        for shape in plan.shapes:
            self._draw(slide, shape)
        if plan.notes:
            self._parts.set_notes(slide, plain_text(plan.notes))
        return slide

    def _idx(self, layout: str, name: str) -> int:
        return next(p.idx for p in self._placeholders(layout) if p.name == name)

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
                if kind in ("dt", "ftr"):
                    continue
                xml = etree.tostring(ph, encoding="unicode")
                xml = re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", xml)
                name = next(sp.iter(qn("p:cNvPr"))).get("name")
                found.append(_Placeholder(name, sp.ph_idx, xml))
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
        xml = etree.tostring(clone, encoding="unicode")
        return re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", xml)

    def _draw(self, slide: Slide, shape: PictureShape | TextShape) -> None:
        """Draw a free shape: a picture (cropped as planned) or a text box."""
        f = shape.frame
        x, y = Emu(round(f.x * EMU_PER_PT)), Emu(round(f.y * EMU_PER_PT))
        w, h = Emu(round(f.w * EMU_PER_PT)), Emu(round(f.h * EMU_PER_PT))
        if isinstance(shape, PictureShape):
            source = (
                io.BytesIO(shape.source) if isinstance(shape.source, bytes) else str(shape.source)
            )
            pic = self._parts.add_picture(slide, source, x, y, w, h)
            pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom = shape.crop
            pic.name = shape.name
            if shape.description:
                pic._element.nvPicPr.cNvPr.set("descr", shape.description)  # type: ignore[union-attr]
            return
        box = slide.shapes.add_textbox(x, y, w, h)
        box.name = shape.name
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE  # the box keeps its planned size in every application
        inset = Emu(round(shape.inset * EMU_PER_PT))
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = inset
        tf.vertical_anchor = {
            "t": MSO_ANCHOR.TOP,
            "ctr": MSO_ANCHOR.MIDDLE,
            "b": MSO_ANCHOR.BOTTOM,
        }[shape.anchor]
        if shape.fill:
            box.fill.solid()
            box.fill.fore_color.rgb = RGBColor.from_string(shape.fill)
        c = self.theme.colors
        write_blocks(tf, shape.blocks, bullet_color=c.accent, link_color=c.accent)
