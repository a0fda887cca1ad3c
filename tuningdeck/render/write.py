"""The second rendering pass: draw slide plans onto a presentation opened from the template."""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from tuningdeck.errors import TemplateError
from tuningdeck.render.plan import Frame, Frames, PictureShape, SlidePlan, TextShape
from tuningdeck.render.table_write import draw_table
from tuningdeck.render.text import write_blocks
from tuningdeck.text.markup import plain_text
from tuningdeck.theme import Theme

__all__ = ["Canvas"]

EMU_PER_PT = 12700


def _frame(shape: object) -> Frame:
    return Frame(
        shape.left / EMU_PER_PT,  # type: ignore[attr-defined]
        shape.top / EMU_PER_PT,  # type: ignore[attr-defined]
        shape.width / EMU_PER_PT,  # type: ignore[attr-defined]
        shape.height / EMU_PER_PT,  # type: ignore[attr-defined]
    )


def _place(shape: object, f: Frame) -> None:
    """Move and size a shape to ``f`` (points)."""
    shape.left, shape.top = Emu(round(f.x * EMU_PER_PT)), Emu(round(f.y * EMU_PER_PT))  # type: ignore[attr-defined]
    shape.width, shape.height = Emu(round(f.w * EMU_PER_PT)), Emu(round(f.h * EMU_PER_PT))  # type: ignore[attr-defined]


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
        self.layouts: dict[str, SlideLayout] = {lay.name: lay for lay in self.prs.slide_layouts}
        self.frames: Frames = {
            name: {ph.name: _frame(ph) for ph in lay.placeholders}
            for name, lay in self.layouts.items()
        }

    def _drop_existing_slides(self) -> None:
        """A template may carry example slides; a built deck starts empty."""
        id_lst = self.prs.slides._sldIdLst
        for sld_id in list(id_lst):
            self.prs.part.drop_rel(sld_id.rId)
            id_lst.remove(sld_id)

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
        """Add one slide drawn from ``plan``."""
        layout = self.layout(plan.layout)
        names = {ph.placeholder_format.idx: ph.name for ph in layout.placeholders}
        missing = (set(plan.boxes) | set(plan.tables) | set(plan.charts)) - set(names.values())
        if missing:
            raise TemplateError(
                f"{self.path}: layout {plan.layout!r} has no placeholder named "
                f"{', '.join(sorted(missing))}"
            )
        slide = self.prs.slides.add_slide(layout)
        c = self.theme.colors
        for ph in list(slide.placeholders):
            name = names.get(ph.placeholder_format.idx)
            if name in plan.charts:
                from tuningdeck.render.chart_write import draw_chart

                draw_chart(ph, plan.charts[name], self.theme)
                continue
            if name in plan.tables:
                if name in plan.frames:
                    _place(ph, plan.frames[name])
                draw_table(
                    ph,
                    plan.tables[name],
                    rule_color=c.rule,
                    rule_width=self.theme.tables.rule_width,
                    bullet_color=c.accent,
                    link_color=c.accent,
                )
                continue
            content = plan.boxes.get(name or "")
            if not content:
                ph._element.getparent().remove(ph._element)
                continue
            ph._element.nvSpPr.cNvPr.name = name
            if name in plan.frames:
                _place(ph, plan.frames[name])
            write_blocks(ph.text_frame, content, bullet_color=c.accent, link_color=c.accent)
        for shape in plan.shapes:
            self._draw(slide, shape)
        self._add_slide_number(slide, layout)
        if plan.notes:
            slide.notes_slide.notes_text_frame.text = plain_text(plan.notes)
        return slide

    def _draw(self, slide: Slide, shape: PictureShape | TextShape) -> None:
        """Draw a free shape: a picture (cropped as planned) or a text box."""
        f = shape.frame
        x, y = Emu(round(f.x * EMU_PER_PT)), Emu(round(f.y * EMU_PER_PT))
        w, h = Emu(round(f.w * EMU_PER_PT)), Emu(round(f.h * EMU_PER_PT))
        if isinstance(shape, PictureShape):
            source = (
                io.BytesIO(shape.source) if isinstance(shape.source, bytes) else str(shape.source)
            )
            pic = slide.shapes.add_picture(source, x, y, w, h)
            pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom = shape.crop
            pic.name = shape.name
            if shape.description:
                pic._element.nvPicPr.cNvPr.set("descr", shape.description)
            return
        box = slide.shapes.add_textbox(x, y, w, h)
        box.name = shape.name
        tf = box.text_frame
        tf.word_wrap = True
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

    @staticmethod
    def _add_slide_number(slide: Slide, layout: SlideLayout) -> None:
        """Copy the layout's slide-number placeholder, as PowerPoint does when numbers are on."""
        for sp in layout.shapes._spTree.iter(qn("p:sp")):
            ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            if ph is not None and ph.get("type") == "sldNum":
                clone = copy.deepcopy(sp)
                ids = [int(e.get("id")) for e in slide.shapes._spTree.iter(qn("p:cNvPr"))]
                clone.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", str(max(ids) + 1))
                sp_pr = clone.find(qn("p:spPr"))
                for child in list(sp_pr):
                    sp_pr.remove(child)  # geometry is inherited from the layout
                slide.shapes._spTree.append(clone)
                return
