"""A deck that reads right to left is drawn mirrored: its slides, layouts and master."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import (
    AcronymsSlide,
    Deck,
    KeyResultsSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    StatusRow,
    TitleSlide,
)
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.mirror import deck_reads_right_to_left, mirror_shapes

HEBREW = {"organisation": "ויקימדיה ישראל", "deliverables_heading": "תוצרים עיקריים"}


def update(title: str) -> PriorityUpdateSlide:
    return PriorityUpdateSlide(
        title=title,
        overview="תמכנו בשמונה קבוצות משתמשים.",
        progress="- מספר העורכים החדשים עלה.",
        deliverables=["סדנה בירושלים", "מדריך לעורכים חדשים"],
        actions=["מינוי רכז בודקים"],
    )


def test_a_deck_reads_right_to_left_when_most_titles_do() -> None:
    assert deck_reads_right_to_left(Deck([update("עדכון הרבעון"), update("Wikidata: סיכום")]))
    assert not deck_reads_right_to_left(Deck([update("Quarterly update"), update("עדכון")]))
    assert not deck_reads_right_to_left(Deck([update("Quarter update")], words=HEBREW))
    # a tie (or no title) goes the organisation's way
    assert deck_reads_right_to_left(Deck([AcronymsSlide(entries=[("WMF", "x")])], words=HEBREW))
    assert not deck_reads_right_to_left(Deck([AcronymsSlide(entries=[("WMF", "x")])]))


def positions(root: etree._Element) -> dict[str, int]:
    """Each named shape's left edge (EMU), where the shape sets one."""
    out = {}
    for shape in root.iter("{*}sp", "{*}cxnSp", "{*}pic"):
        name = shape.find(".//{*}cNvPr").get("name")
        off = shape.find("./{*}spPr/{*}xfrm/{*}off")
        if off is not None:
            out[name] = int(off.get("x"))
    return out


def test_slides_layouts_and_master_are_mirrored(tmp_path: Path) -> None:
    row = StatusRow(text="עורכים חדשים", goal="30%", statuses=["24%", "27%", "", ""])
    results = KeyResultsSlide(title="תוצאות מפתח", results=[row])  # its title narrowed: a frame
    deck = Deck(
        [TitleSlide(title="סקירה רבעונית"), update("עדכון הרבעון"), results],
        words=HEBREW,
        quarter="Q2",
    )
    path = write_deck(deck, tmp_path / "rtl.pptx")
    prs = Presentation(str(path))
    width = prs.slide_width
    template = Presentation(str(default_template()))
    for ours, theirs in zip(prs.slide_layouts, template.slide_layouts, strict=True):
        a, b = positions(ours.element), positions(theirs.element)
        assert a.keys() == b.keys()
        for name, x in b.items():  # every shape at its mirror image
            (shape,) = [s for s in theirs.shapes if s.name == name][:1]
            assert a[name] == width - x - shape.width, (ours.name, name)
    slide = prs.slides[1]
    by_name = {s.name: s for s in slide.shapes}
    narrative = next(s for s in slide.placeholders if s.placeholder_format.idx == 10)
    sidebar = next(s for s in slide.shapes if s.has_text_frame and "תוצרים" in s.text_frame.text)
    assert sidebar.left < narrative.left  # the sidebar, read after, on the left
    number = by_name["Slide Number"]
    assert number.left < width / 2  # the slide number at the left of the footer
    # the slide number's text is flush with the slide's left edge
    aligns = {p.get("algn") for p in number._element.iter("{*}lvl1pPr")}
    assert aligns == {"l"}
    for shape in (s for slide in prs.slides for s in slide.shapes):  # text is never flipped
        xfrm = shape._element.find("./{*}spPr/{*}xfrm")
        if shape.has_text_frame and xfrm is not None:
            assert xfrm.get("flipH") is None, shape.name


def test_a_left_to_right_deck_keeps_the_template_as_it_is(tmp_path: Path) -> None:
    deck = Deck([TitleSlide(title="Quarterly review"), update("Quarter update")])
    path = write_deck(deck, tmp_path / "ltr.pptx")
    with zipfile.ZipFile(path) as ours, zipfile.ZipFile(default_template()) as theirs:
        layouts = [n for n in theirs.namelist() if n.startswith("ppt/slideLayouts/slideL")]
        assert layouts
        for name in [*layouts, "ppt/slideMasters/slideMaster1.xml"]:
            assert etree.tostring(etree.fromstring(ours.read(name))) == etree.tostring(
                etree.fromstring(theirs.read(name))
            )


@pytest.mark.parametrize("flip", [None, "1"])
def test_a_shape_without_text_is_flipped_a_picture_or_text_is_not(flip: str | None) -> None:
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ' \
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'  # fmt: skip
    xfrm = f'<a:xfrm{f" flipH={flip!r}" if flip else ""}><a:off x="100" y="0"/>' \
           '<a:ext cx="50" cy="10"/></a:xfrm>'  # fmt: skip
    tree = etree.fromstring(
        f"<p:spTree {ns}>"
        f"<p:sp><p:spPr>{xfrm}</p:spPr></p:sp>"
        f"<p:sp><p:spPr>{xfrm}</p:spPr><p:txBody><a:p><a:r><a:t>→</a:t></a:r></a:p></p:txBody></p:sp>"
        f"<p:pic><p:spPr>{xfrm}</p:spPr></p:pic>"
        "</p:spTree>"
    )
    mirror_shapes(tree, 1000)
    arrow, text, picture = (s.find(".//{*}xfrm") for s in tree)
    assert [s.find("{*}off").get("x") for s in (arrow, text, picture)] == ["850"] * 3
    assert arrow.get("flipH") == (None if flip else "1")
    assert text.get("flipH") == flip and picture.get("flipH") == flip


def test_an_okr_change_in_hebrew_points_left_and_renders_clean(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    deck = Deck(
        [OkrChangeSlide(title="שינוי יעד", original="1,000 ערכים חדשים", proposed="600 ערכים")],
        words=HEBREW,
    )
    path = write_deck(deck, tmp_path / "change.pptx")
    (slide,) = Presentation(str(path)).slides
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "←" in texts and "→" not in texts  # from the original, at the right, to the proposed
    assert deck_problems(render_deck(path)) == []


@pytest.mark.parametrize(("title", "edge"), [("תוצאות מפתח", "l"), ("Key results", "r")])
def test_a_legend_is_flush_with_the_slides_far_edge(tmp_path: Path, title: str, edge: str) -> None:
    """Beside the title, the status legend ends where the table does: at the right of a
    left-to-right slide, at the left of a mirrored one."""
    row = StatusRow(text="עורכים חדשים", goal="30%", statuses=["24%", "27%", "", ""])
    path = write_deck(
        Deck([KeyResultsSlide(title=title, results=[row])], quarter="Q2"), tmp_path / "kr.pptx"
    )
    (slide,) = Presentation(str(path)).slides
    (legend,) = [s for s in slide.placeholders if s.placeholder_format.idx == 11]
    assert {p._p.get_or_add_pPr().get("algn") for p in legend.text_frame.paragraphs} == {edge}
    table = next(s for s in slide.shapes if s.has_table)
    if edge == "l":
        assert legend.left <= table.left + 12700
    else:
        assert legend.left + legend.width >= table.left + table.width - 12700
