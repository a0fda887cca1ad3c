"""Decks made with python-pptx's default template, good and deliberately bad, for the check."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

TITLE_ONLY = 5  # layouts of python-pptx's default template
BLANK = 6


def picture_file(folder: Path) -> Path:
    """A small PNG to place on slides."""
    path = folder / "photo.png"
    Image.new("RGB", (320, 200), (40, 90, 160)).save(path)
    return path


def _text(slide, left, top, width, height, text, size=14.0, color=None):  # type: ignore[no-untyped-def]
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = RGBColor.from_string(color)
    return box


def _no_alt(picture) -> None:  # type: ignore[no-untyped-def]
    cnv = picture._element.nvPicPr.cNvPr
    for name in ("descr", "title"):
        if name in cnv.attrib:
            del cnv.attrib[name]


def _alt(picture, text: str) -> None:  # type: ignore[no-untyped-def]
    picture._element.nvPicPr.cNvPr.set("descr", text)


SENTENCE = (
    "Editors in emerging markets grew by a tenth this quarter while retention held steady "
    "across the established communities we measure. "
)


def bad_deck(folder: Path) -> Path:
    """Slide 1: grey text on a grey panel. Slide 2: a picture without alt text. Slide 3: no
    title. Slide 4: body text at 8 pt. Slide 5: the lower text box is read before the upper."""
    prs = Presentation()
    photo = picture_file(folder)

    s1 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s1.shapes.title.text = "Grey on grey"
    panel = s1.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.5), Inches(1.6), Inches(9), Inches(5))
    panel.fill.solid()
    panel.fill.fore_color.rgb = RGBColor.from_string("AAAAAA")
    panel.line.fill.background()
    panel.text_frame.text = SENTENCE * 3
    for p in panel.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(16)
            r.font.color.rgb = RGBColor.from_string("999999")

    s2 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s2.shapes.title.text = "A picture nobody described"
    pic = s2.shapes.add_picture(str(photo), Inches(0.5), Inches(1.6), Inches(9), Inches(5))
    _no_alt(pic)

    s3 = prs.slides.add_slide(prs.slide_layouts[BLANK])
    _text(s3, 0.5, 0.5, 9, 6.5, SENTENCE * 12, size=14)

    s4 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s4.shapes.title.text = "Small print"
    _text(s4, 0.5, 1.6, 9, 1, "Three short words.", size=8)
    _text(s4, 0.5, 2.8, 9, 3.8, SENTENCE * 8, size=14)

    s5 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s5.shapes.title.text = "Out of order"
    _text(s5, 0.5, 4.2, 9, 2.4, SENTENCE * 4, size=14)  # lower, but first in the tree
    _text(s5, 0.5, 1.6, 9, 2.4, SENTENCE * 4, size=14)
    path = folder / "bad.pptx"
    prs.save(str(path))
    return path


def good_deck(folder: Path) -> Path:
    """Two slides that pass every check: titled, described, dark on white, in order, full."""
    prs = Presentation()
    photo = picture_file(folder)
    s1 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s1.shapes.title.text = "Editors this quarter"
    _text(s1, 0.5, 1.6, 9, 2.4, SENTENCE * 4, size=14, color="222222")
    _text(s1, 0.5, 4.2, 9, 2.4, SENTENCE * 4, size=14, color="222222")
    s2 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s2.shapes.title.text = "The new reply tool"
    pic = s2.shapes.add_picture(str(photo), Inches(0.5), Inches(1.6), Inches(9), Inches(4.6))
    _alt(pic, "The reply tool on Swedish Wikipedia")
    _text(s2, 0.5, 6.25, 9, 0.3, "The reply tool on sv.wiki", size=12, color="222222")
    path = folder / "good.pptx"
    prs.save(str(path))
    return path


def set_attribute(shape, xpath: str, **attributes: str) -> None:  # type: ignore[no-untyped-def]
    """Set attributes on the element at ``xpath`` under the shape (python-pptx's namespaces)."""
    (el,) = shape._element.xpath(xpath)
    for key, value in attributes.items():
        el.set(key, value)


def add_child(shape, xpath: str, xml: str) -> None:  # type: ignore[no-untyped-def]
    """Append the XML fragment (in DrawingML's ``a:`` namespace) to the element at ``xpath``."""
    (el,) = shape._element.xpath(xpath)
    el.append(
        etree.fromstring(
            f'<wrap xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{xml}</wrap>'
        )[0]
    )
