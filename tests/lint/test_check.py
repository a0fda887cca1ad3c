"""The design check finds what is wrong with a deck made by any tool, and passes a good one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

from tests.lint.decks import (
    BLANK,
    SENTENCE,
    TITLE_ONLY,
    add_child,
    bad_deck,
    good_deck,
    picture_file,
    set_attribute,
)
from tuningdeck.lint import NotADeckError, Report, check_deck_design


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lint")


@pytest.fixture(scope="module")
def bad(folder: Path) -> Report:
    return check_deck_design(bad_deck(folder), render=False)


def failing(report: Report, check: str) -> list[int]:
    return report.failing_slides(check)


def test_grey_on_grey_text_fails_contrast(bad: Report) -> None:
    assert failing(bad, "contrast") == [1]
    (finding,) = [f for f in bad.failures if f.check == "contrast"]
    assert "#999999 on #AAAAAA: 1.2:1 contrast (needs 4.5:1)" in finding.message


def test_a_picture_without_alt_text_fails(bad: Report) -> None:
    assert failing(bad, "alt-text") == [2]


def test_a_slide_without_title_fails(bad: Report) -> None:
    assert failing(bad, "title") == [3]


def test_text_at_8_pt_fails(bad: Report) -> None:
    assert failing(bad, "small-text") == [4]
    assert bad.slides[3].smallest_body == 8
    assert bad.slides[0].smallest_body == 16


def test_a_shape_read_before_one_above_it_fails(bad: Report) -> None:
    assert failing(bad, "reading-order") == [5]


def test_the_bad_deck_fails_and_says_so_per_slide(bad: Report) -> None:
    assert not bad.ok
    text = bad.to_text()
    assert "slide 3: no title" in text
    assert text.splitlines()[-1].startswith(f"{len(bad.failures)} failures (contrast 1, title 1")


def test_a_good_deck_is_clean(folder: Path) -> None:
    report = check_deck_design(good_deck(folder), render=False)
    assert report.failures == []
    assert report.ok
    assert [s.title for s in report.slides] == ["Editors this quarter", "The new reply tool"]
    assert all(s.body_used is not None and s.body_used > 0.55 for s in report.slides)


def one_slide(folder: Path, name: str, layout: int = TITLE_ONLY):  # type: ignore[no-untyped-def]
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    return prs, slide, folder / name


def test_a_hidden_title_is_a_note_and_a_decorative_picture_needs_no_alt(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "hidden-title.pptx")
    slide.shapes.title.text = "Read by screen readers only"
    set_attribute(slide.shapes.title, "./p:nvSpPr/p:cNvPr", hidden="1")
    pic = slide.shapes.add_picture(
        str(picture_file(folder)), Inches(0.5), Inches(1.6), Inches(9), Inches(5)
    )
    cnv = pic._element.nvPicPr.cNvPr
    del cnv.attrib["descr"]
    add_child(
        pic,
        "./p:nvPicPr/p:cNvPr",
        '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"'
        ' val="1"/></a:ext></a:extLst>',
    )
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    assert report.failures == []
    (note,) = [f for f in report.findings if f.check == "title"]
    assert note.severity == "note" and "hidden" in note.message


def test_sizes_come_through_inheritance_and_autofit(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "inherit.pptx")
    slide.shapes.title.text = "A title sized by the master"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(9), Inches(1))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Twenty points shrunk to half."
    run.font.size = Pt(20)
    (body_pr,) = box._element.xpath("./p:txBody/a:bodyPr")
    for autofit in list(body_pr):
        body_pr.remove(autofit)
    add_child(box, "./p:txBody/a:bodyPr", '<a:normAutofit fontScale="50000"/>')
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    # the default template's titleStyle sets 44 pt; the text box is 20 pt at 50%
    assert report.slides[0].smallest_body == 10
    (finding,) = [f for f in report.findings if f.check == "small-text"]
    assert "body text at 10 pt" in finding.message and finding.severity == "fail"


def test_scheme_colours_resolve_through_the_theme(folder: Path) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR

    prs, slide, path = one_slide(folder, "scheme.pptx")
    slide.shapes.title.text = "Accent text"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(9), Inches(5))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Light accent text on white."
    run.font.size = Pt(12)
    run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
    run.font.color.brightness = 0.6  # lumMod 40000 lumOff 60000: a pale blue
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    (finding,) = [f for f in report.failures if f.check == "contrast"]
    assert "on #FFFFFF" in finding.message and "needs 4.5:1" in finding.message


def test_table_text_under_10_pt_is_a_note_only_when_it_cannot_fit(folder: Path) -> None:
    def table_slide(rows: int, name: str) -> Report:
        prs, slide, path = one_slide(folder, name)
        slide.shapes.title.text = "A table"
        frame = slide.shapes.add_table(rows, 3, Inches(0.5), Inches(1.6), Inches(9), Inches(5))
        frame._element.nvGraphicFramePr.cNvPr.set("descr", "Editors by region")
        for r, row in enumerate(frame.table.rows):
            row.height = Inches(5) // rows
            for cell in row.cells:
                cell.text = f"Row {r} holds a figure"
                cell.text_frame.paragraphs[0].runs[0].font.size = Pt(8)
        prs.save(str(path))
        return check_deck_design(path, render=False)

    few = table_slide(12, "few-rows.pptx")
    (finding,) = [f for f in few.findings if f.check == "small-text"]
    assert finding.severity == "fail" and "table text at 8 pt" in finding.message
    assert few.slides[0].smallest_table == 8
    many = table_slide(30, "many-rows.pptx")
    (finding,) = [f for f in many.findings if f.check == "small-text"]
    assert finding.severity == "note" and "cannot fit otherwise" in finding.message


def test_a_footer_read_before_the_content_fails(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "footer-first.pptx", BLANK)
    slide.shapes.add_textbox(Inches(0.5), Inches(7.0), Inches(4), Inches(0.3)).text = "Footer"
    title = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(9), Inches(1))
    title.text = "Looks like a title"
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    (finding,) = [f for f in report.findings if f.check == "reading-order"]
    assert 'the footer "Footer" is read before' in finding.message


def test_a_sparse_slide_fails_unless_it_is_one_short_block(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "sparse.pptx")
    slide.shapes.title.text = "Half empty"

    def text_box(s: Any, paragraphs: list[str], size: float) -> None:
        box = s.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(9), Inches(5))
        box.text_frame.word_wrap = True
        box.text_frame.text = "\n".join(paragraphs)
        for p in box.text_frame.paragraphs:
            p.runs[0].font.size = Pt(size)

    # small text that would fill the region set larger: the room is the type's fault
    text_box(slide, [SENTENCE * 6], 12)
    statement = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    statement.shapes.title.text = "A statement"
    statement.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(9), Inches(1)).text = "We grew."
    # a list of a few entries leaves the room at any reading size: one short block
    glossary = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    glossary.shapes.title.text = "Acronyms"
    intro = "Terms used in this deck, defined so that every reader can follow the figures."
    entries = ["APP: Annual Planning Process", "INGO: International non-Governmental Organization"]
    text_box(glossary, [intro, *entries, "KR: Key result", "Q: Quarter"], 16)
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    assert report.failing_slides("body-fill") == [1]
    for n in (0, 2):
        used = report.slides[n].body_used
        assert used is not None and used < 0.55


def test_text_over_a_picture_is_noted_not_judged(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "over-picture.pptx")
    slide.shapes.title.text = "A caption on the photo"
    pic = slide.shapes.add_picture(
        str(picture_file(folder)), Inches(0.5), Inches(1.6), Inches(9), Inches(5)
    )
    pic._element.nvPicPr.cNvPr.set("descr", "A blue field")
    slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1)).text = "On the photo"
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    assert report.failing_slides("contrast") == []
    assert any(f.check == "unchecked" and "On the photo" in f.message for f in report.findings)


def test_a_file_that_is_not_a_deck_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.pptx"
    text.write_text("not a deck")
    with pytest.raises(NotADeckError):
        check_deck_design(text, render=False)
    with pytest.raises(NotADeckError):
        check_deck_design(tmp_path / "missing.pptx", render=False)


def test_every_layout_of_the_default_template_is_read(folder: Path) -> None:
    prs = Presentation()
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for ph in slide.placeholders:
            if ph.has_text_frame:
                ph.text = f"{layout.name}: {ph.name}"
    path = folder / "layouts.pptx"
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    assert len(report.slides) == len(prs.slide_layouts)
    assert not [f for f in report.findings if "could not be read" in f.message]
    assert report.failing_slides("title") == [7]  # the Blank layout has no title


def test_a_described_group_covers_its_pictures(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "groups.pptx")
    slide.shapes.title.text = "Two groups of pictures"
    photo = str(picture_file(folder))
    described = slide.shapes.add_group_shape()
    undescribed = slide.shapes.add_group_shape()
    for group, top in ((described, 1.6), (undescribed, 4.2)):
        for left in (0.5, 5):
            pic = group.shapes.add_picture(photo, Inches(left), Inches(top), Inches(4), Inches(2.4))
            del pic._element.nvPicPr.cNvPr.attrib["descr"]
    described._element.nvGrpSpPr.cNvPr.set("descr", "Screenshots of the tool, before and after")
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    missing = [f for f in report.failures if f.check == "alt-text"]
    assert len(missing) == 2
    assert report.failing_slides("reading-order") == []


def test_a_hidden_title_read_last_is_out_of_order(folder: Path) -> None:
    prs, slide, path = one_slide(folder, "hidden-title-last.pptx")
    slide.shapes.title.text = "Read by screen readers only"
    set_attribute(slide.shapes.title, "./p:nvSpPr/p:cNvPr", hidden="1")
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(9), Inches(5))
    box.text_frame.text = "What the slide says."
    title = slide.shapes.title._element
    tree = title.getparent()
    tree.remove(title)
    tree.append(title)
    prs.save(str(path))
    report = check_deck_design(path, render=False)
    (finding,) = [f for f in report.failures if f.check == "reading-order"]
    assert finding.message.startswith('the title "Read by screen readers only" is read after')
