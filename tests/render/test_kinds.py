"""Every slide kind renders, and reads back with python-pptx with its texts, runs and formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import (
    AcronymsSlide,
    Deck,
    DrillDownSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    TitleSlide,
)
from tuningdeck.render import write_deck
from tuningdeck.theme import Theme

THEME = Theme.load()


def build(tmp_path: Path, *slides):  # type: ignore[no-untyped-def]
    out = write_deck(Deck(slides), tmp_path / "deck.pptx")
    return Presentation(str(out))


def texts(slide) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}


def runs(slide, name: str):  # type: ignore[no-untyped-def]
    shape = next(sh for sh in slide.shapes if sh.name == name)
    return [r for p in shape.text_frame.paragraphs for r in p.runs]


def test_title_and_section(tmp_path: Path) -> None:
    prs = build(
        tmp_path,
        TitleSlide(title="Thriving Movement Tuning Session Q1 FY20-21", subtitle="Q1 review"),
        SectionSlide(title="MTP Priority Update", notes="Say **hello**"),
    )
    title, section = prs.slides
    assert title.slide_layout.name == "Title"
    assert title.shapes.title.text == "Thriving Movement Tuning Session Q1 FY20-21"
    r = runs(title, "Title")[0]
    assert (r.font.name, r.font.bold, r.font.size) == (
        "Montserrat",
        True,
        Pt(THEME.sizes.title_slide),
    )
    assert section.slide_layout.name == "Section"
    assert str(runs(section, "Title")[0].font.color.rgb) == THEME.colors.background
    assert section.notes_slide.notes_text_frame.text == "Say hello"
    # unused placeholders are removed, not left showing their prompt
    assert "Department" not in texts(title) and "Footnote" not in texts(section)


def test_priority_update_runs_and_bullets(tmp_path: Path) -> None:
    prs = build(
        tmp_path,
        PriorityUpdateSlide(
            title="Thriving Movement",
            overview="The task force enters its 2nd year.",
            progress="We introduced **Grantmaking** practices.\nSecond paragraph.",
            deliverables=["ARMDEB", "IP Masking"],
            actions=["Developer hiring"],
            department="Product",
        ),
    )
    (s,) = prs.slides
    t = texts(s)
    assert t["Narrative"].split("\n") == [
        "Overview:",
        "The task force enters its 2nd year.",
        "Progress/Challenges:",
        "We introduced Grantmaking practices.",
        "Second paragraph.",
    ]
    assert t["Sidebar"].split("\n") == [
        "Key Deliverables",
        "ARMDEB",
        "IP Masking",
        "Action:",
        "Developer hiring",
    ]
    assert t["Department"] == "Department: Product"
    bold = [r.text for r in runs(s, "Narrative") if r.font.bold]
    assert bold == ["Overview:", "Progress/Challenges:", "Grantmaking"]
    shape = next(sh for sh in s.shapes if sh.name == "Sidebar")
    bullets = [
        p._p.pPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buChar")
        for p in shape.text_frame.paragraphs
    ]
    assert [b is not None for b in bullets] == [False, True, True, False, True]


def test_objective_link_superscript_footnote_target(tmp_path: Path) -> None:
    prs = build(
        tmp_path,
        ObjectiveSlide(
            title="IP Masking",
            objective="Protect our users.",
            narrative="- The report is [published](https://meta.wikimedia.org/wiki/X) on the wiki."
            "\n"
            "- 71K/mo ^{+o} and *article importance*",
            target="EOY",
            footnote="* preliminary",
            department="Product",
        ),
    )
    (s,) = prs.slides
    t = texts(s)
    assert t["Objective"] == "Objective:\nProtect our users."
    assert t["Target"] == "Target quarter for completion: EOY"
    assert t["Footnote"] == "* preliminary"
    body = runs(s, "Body")
    link = next(r for r in body if r.text == "published")
    assert link.hyperlink.address == "https://meta.wikimedia.org/wiki/X"
    sup = next(r for r in body if r.text == "+o")
    assert sup.font._rPr.get("baseline") == "30000"
    assert next(r for r in body if r.text == "article importance").font.italic is True
    assert all(r.font.name == "Lato" for r in body)


def test_drill_down_columns_share_one_size(tmp_path: Path) -> None:
    long = " ".join(["The situation had not been articulated."] * 12)
    prs = build(
        tmp_path,
        DrillDownSlide(
            title="Drill Down: Grantmaking",
            situation=long,
            impact="Short.",
            recommendation="Review data.",
            recommendation_heading="Next steps",
        ),
    )
    (s,) = prs.slides
    t = texts(s)
    assert t["Left"].startswith("The situation\n") and t["Right"] == "Next steps\nReview data."
    sizes = {
        r.font.size
        for name in ("Left", "Middle", "Right")
        for r in runs(s, name)
        if not r.font.bold
    }
    assert len(sizes) == 1


def test_okr_change(tmp_path: Path) -> None:
    prs = build(
        tmp_path,
        OkrChangeSlide(
            title="OKR Change: Grantmaking", original="KR1: a\nKR2: b", proposed="KR1: c"
        ),
    )
    slide = prs.slides[0]
    t = texts(slide)
    # two cards, the original muted and the proposed accented, an arrow between them
    assert (t["Original card"], t["Proposed card"]) == (
        "Original\nKR1: a\nKR2: b",
        "Proposed\nKR1: c",
    )
    shapes = {sh.name: sh for sh in slide.shapes}
    original, proposed = shapes["Original card"], shapes["Proposed card"]
    assert str(original.fill.fore_color.rgb) == THEME.colors.band_light
    assert str(proposed.fill.fore_color.rgb) == THEME.colors.accent_light
    assert str(shapes["Proposed bar"].fill.fore_color.rgb) == THEME.colors.accent
    assert t["Arrow"] == "→"
    assert original.left + original.width <= shapes["Arrow"].left < proposed.left
    assert original.top == proposed.top and original.height == proposed.height
    muted = runs(slide, "Original card")[-1].font.color.rgb
    assert str(muted) == THEME.colors.text_secondary


def test_quote(tmp_path: Path) -> None:
    prs = build(
        tmp_path,
        QuoteSlide(
            quote="The gadget works great.",
            name="Nux",
            affiliation="Polish Wikipedia",
            place="Poland",
        ),
    )
    t = texts(prs.slides[0])
    assert t["Quote"] == "The gadget works great."
    assert t["Attribution"] == "Nux\nPolish Wikipedia, Poland"
    assert runs(prs.slides[0], "Quote")[0].font.italic is True


def test_long_acronym_list_continues_on_more_slides(tmp_path: Path) -> None:
    entries = [(f"A{i:03d}", f"Acronym number {i} of a long appendix") for i in range(120)]
    prs = build(tmp_path, AcronymsSlide(entries=entries, intro="Define them here."))
    slides = list(prs.slides)
    assert len(slides) >= 2
    assert slides[0].shapes.title.text == "Acronyms"
    assert all(s.shapes.title.text == "Acronyms (cont.)" for s in slides[1:])
    assert all(s.slide_layout.name == "Two Columns" for s in slides)  # long lists take two columns
    columns = [texts(s).get(name, "") for s in slides for name in ("Left", "Right")]
    lines = [ln for column in columns for ln in column.split("\n") if ln]
    assert lines[0] == "Define them here."
    assert lines[1:] == [f"{t}: {d}" for t, d in entries]  # down the left, then the right
    body_sizes = {
        r.font.size
        for s in slides
        for name in texts(s)
        if name in ("Left", "Right")
        for r in runs(s, name)
    }
    assert body_sizes == {Pt(THEME.sizes.body)}


def test_short_acronym_list_stays_in_one_column(tmp_path: Path) -> None:
    prs = build(tmp_path, AcronymsSlide(entries=[("CSAM", "Child Sex Abuse Material")]))
    (slide,) = prs.slides
    assert slide.slide_layout.name == "Content"
    assert texts(slide)["Body"] == "CSAM: Child Sex Abuse Material"


def test_text_is_shrunk_but_never_below_the_floor(tmp_path: Path) -> None:
    statement = " ".join(["Build useful, delightful, newcomer-friendly features."] * 5)
    prs = build(tmp_path, ObjectiveSlide(title="T", objective=statement))
    sizes = [r.font.size.pt for r in runs(prs.slides[0], "Objective")[1:]]
    assert THEME.sizes.lead_min <= min(sizes) <= THEME.sizes.lead


def test_missing_layout_in_template_is_a_clear_error(tmp_path: Path) -> None:
    from tuningdeck.errors import TemplateError

    plain = tmp_path / "plain.pptx"
    Presentation().save(str(plain))
    with pytest.raises(TemplateError, match="no slide layout named 'Section'"):
        write_deck(Deck([SectionSlide(title="x")]), tmp_path / "o.pptx", template=plain)
    assert not (tmp_path / "o.pptx").exists()


def test_long_deliverables_and_narrative_continue_on_more_slides(tmp_path: Path) -> None:
    narrative = "\n".join(
        f"Paragraph {i}: " + "progress was made on the work. " * 12 for i in range(14)
    )
    deliverables = [f"Workstream number {i}" for i in range(40)]
    prs = build(
        tmp_path,
        PriorityUpdateSlide(
            title="Thriving Movement",
            progress=narrative,
            deliverables=deliverables,
            actions=["Hire"],
        ),
    )
    slides = list(prs.slides)
    assert len(slides) >= 2
    assert [s.shapes.title.text for s in slides[1:]] == ["Thriving Movement (cont.)"] * (
        len(slides) - 1
    )
    side = [ln for s in slides for ln in texts(s).get("Sidebar", "").split("\n") if ln]
    assert side == ["Key Deliverables", *deliverables, "Action:", "Hire"]
    # a slide with no sidebar left has no (empty) panel: its narrative is a plain body
    narrative = [texts(s).get("Narrative", texts(s).get("Body", "")) for s in slides]
    paragraphs = [ln for t in narrative for ln in t.split("\n") if ln]
    assert paragraphs[0] == "Progress/Challenges:" and len(paragraphs) == 15
    for s in slides:
        if "Sidebar" not in texts(s):
            assert s.slide_layout.name != "Priority Update"
            assert all(sh.name != "Sidebar panel" for sh in s.slide_layout.shapes)


def test_emoji_runs_and_zero_width_titles_stay_inside_their_frames(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    deck = Deck(
        [
            ObjectiveSlide(title="Emoji", objective="😀" * 300),
            TitleSlide(title="\u200b" * 200 + "Zero width"),
        ]
    )
    out = deck.save(tmp_path / "hostile-text.pptx")
    assert deck_problems(render_deck(out)) == []
