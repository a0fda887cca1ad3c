"""Tables are native, laid out by measured text, judged, and paged without splitting rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from tests.render_check import RenderedDeck, deck_problems
from tuningdeck.model import (
    AcronymsSlide,
    DataGroup,
    DataTable,
    Deck,
    DrillDownSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    Outcome,
    StatusRow,
)
from tuningdeck.render import write_deck
from tuningdeck.theme import Theme

THEME = Theme.load()
FOOTER_RULE_PT = THEME.geometry.footer_rule * 72


def tables(slide):  # type: ignore[no-untyped-def]
    return [sh.table for sh in slide.shapes if sh.has_table]


def metrics_slide(**kw: object) -> MetricsTableSlide:
    rows = [
        StatusRow(
            text="Monthly active editors increase YoY",
            baseline="99K active editors/month",
            goal="+5% YoY",
            statuses=["+7.3% YoY (89K/mo*)", "+2.0% YoY", "+9% YoY"],
        ),
        StatusRow(
            text="Established markets",
            goal="+5% YoY",
            level=1,
            statuses=["+6.0% YoY (71K/mo ^{+o})", "+4.8% YoY ↓"],
        ),
        StatusRow(text="Emerging markets", goal="+5% YoY", level=1, statuses=["not available#"]),
    ]
    other = [
        StatusRow(
            text="Decrease in reported threats to safety",
            baseline="35% unsafe",
            goal="33% unsafe, 13% harassed",
            statuses=["Measured annually Q2"],
            better="lower",
        )
    ]
    return MetricsTableSlide(
        title="Thriving Movement Metrics",
        outcomes=[
            Outcome(text="We will welcome and support newcomers.", rows=rows),
            Outcome(text="We will have safe and secure spaces.", rows=other),
        ],
        **kw,  # type: ignore[arg-type]
    )


def test_metrics_table_is_native_with_merged_outcomes_and_quarters(tmp_path: Path) -> None:
    deck = Deck([metrics_slide(callout="Q2 +2.0% YoY")], quarter="Q2")
    prs = Presentation(str(write_deck(deck, tmp_path / "m.pptx")))
    (slide,) = prs.slides
    (tbl,) = tables(slide)
    header = [c.text for c in tbl.rows[0].cells]
    assert header == [
        "MTP Outcomes",
        "MTP Metrics",
        "Y2 Goal",
        "Q1 Status",
        "Q2 Status",
        "Q3 Status",
        "Q4 Status",
    ]
    outcome = tbl.cell(1, 0)
    assert outcome.is_merge_origin and outcome.span_height == 3
    assert tbl.cell(4, 0).is_merge_origin is False and tbl.cell(4, 0).text.startswith(
        "We will have"
    )
    assert (
        tbl.cell(1, 1).text
        == "Monthly active editors increase YoY\nBaseline: 99K active editors/month"
    )
    # Q1 and Q2 shown; Q3 is "-" although the workbook holds a Q3 status
    # each judged status starts with its verdict's glyph (● on track, × off track)
    assert [tbl.cell(1, j).text for j in range(3, 7)] == [
        "●\u00a0+7.3% YoY (89K/mo*)",
        "×\u00a0+2.0% YoY",
        "-",
        "-",
    ]
    # the current quarter is marked: accent header, light accent cells
    assert str(tbl.cell(0, 4).fill.fore_color.rgb) == THEME.colors.accent
    assert str(tbl.cell(2, 4).fill.fore_color.rgb) == THEME.colors.accent_light

    def colour(i: int, j: int) -> str:
        return str(tbl.cell(i, j).text_frame.paragraphs[0].runs[0].font.color.rgb)

    c = THEME.colors
    assert colour(1, 3) == c.on_track  # +7.3% vs +5%: on track
    assert colour(1, 4) == c.off_track  # +2.0% vs +5%: off track
    assert colour(2, 4) == c.at_risk  # +4.8% vs +5%: at risk
    assert tbl.cell(2, 4).text.startswith("◊")
    assert colour(3, 3) == c.not_measured  # not available: not measured
    assert colour(4, 3) == c.not_measured  # measured annually
    assert tbl.cell(4, 3).text.startswith("○")
    arrow = next(r for r in tbl.cell(2, 4).text_frame.paragraphs[0].runs if r.text == "↓")
    assert str(arrow.font.color.rgb) == c.off_track  # a fall in editors is bad
    # the slide names what each glyph means (under the table: the headline is beside the title)
    legend = next(sh for sh in slide.shapes if sh.name == "Legend note")
    assert legend.text_frame.text.replace("\u00a0", " ").split("   ") == [
        "● on track",
        "◊ at risk",
        "× off track",
        "○ not measured",
    ]
    assert legend.top > next(sh for sh in slide.shapes if sh.has_table).top
    sup = next(r for r in tbl.cell(2, 3).text_frame.paragraphs[0].runs if r.text == "+o")
    assert sup.font._rPr.get("baseline") == "30000"
    callout = next(sh for sh in slide.shapes if sh.name == "Callout")
    assert callout.text_frame.text == "Q2 +2.0% YoY"


def test_judge_off_leaves_statuses_neutral(tmp_path: Path) -> None:
    row = StatusRow(text="x", goal="+5% YoY", statuses=["+2% YoY"], judge=False)
    deck = Deck([KeyResultsSlide(title="K", results=[row])], quarter="Q1")
    (tbl,) = tables(Presentation(str(write_deck(deck, tmp_path / "k.pptx"))).slides[0])
    run = tbl.cell(1, 2).text_frame.paragraphs[0].runs[0]
    assert str(run.font.color.rgb) == THEME.colors.text and not run.font.bold


def forty_key_results() -> KeyResultsSlide:
    results = []
    for i in range(40):
        results.append(
            StatusRow(
                text=f"KR{i + 1}: Support at least {i + 5} potential or ongoing consultation "
                "efforts across the movement's regions and languages",
                baseline=f"{i} consultations",
                goal=f"{i + 5} consultations",
                statuses=[f"{i + 3} consultations ✓"],
            )
        )
        if i % 5 == 0:
            results.append(
                StatusRow(
                    text=f"Emerging markets {i + 1}", goal="+5% YoY", level=1, statuses=["+6% YoY"]
                )
            )
    return KeyResultsSlide(title="Movement Consultation", results=results)


def test_forty_key_results_page_without_splitting_a_result(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    spec = forty_key_results()
    path = write_deck(Deck([spec], quarter="Q1"), tmp_path / "kr.pptx")
    prs = Presentation(str(path))
    slides = list(prs.slides)
    assert len(slides) >= 3
    assert [s.shapes.title.text for s in slides] == ["Movement Consultation"] + [
        "Movement Consultation (cont.)"
    ] * (len(slides) - 1)
    seen = []
    for s in slides:
        (tbl,) = tables(s)
        assert tbl.cell(0, 0).text == "Key Results"  # header repeated
        rows = [tbl.cell(i, 0).text.split("\n")[0] for i in range(1, len(tbl.rows))]
        assert not rows[0].startswith("Emerging")  # a sub-row never opens a slide
        seen += rows
    assert seen == [r.text for r in spec.results]  # every row once, in order
    sizes = {
        r.font.size
        for s in slides
        for t in tables(s)
        for row in t.rows
        for c in row.cells
        for p in c.text_frame.paragraphs
        for r in p.runs
    }
    assert min(sizes) >= Pt(THEME.sizes.table_min)
    rendered = render_deck(path)
    assert deck_problems(rendered) == []
    for page in rendered.pages:
        body = [w for w in page.words if w.y1 > FOOTER_RULE_PT and w.y0 < FOOTER_RULE_PT]
        assert body == []  # nothing runs over the footer rule
        table_words = [w for w in page.words if 100 < w.y0 < FOOTER_RULE_PT - 40]
        assert table_words


def test_hundred_twenty_acronyms_render_inside_their_slides(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    entries = [(f"T{i:03d}", f"Term number {i} of a long appendix of acronyms") for i in range(120)]
    path = write_deck(Deck([AcronymsSlide(entries=entries)]), tmp_path / "a.pptx")
    rendered = render_deck(path)
    assert len(rendered.slides) >= 3
    assert deck_problems(rendered) == []
    for page in rendered.pages:
        assert all(w.y1 < FOOTER_RULE_PT for w in page.words if w.text.startswith("T"))
    found = [
        w.text.rstrip(":")
        for p in rendered.pages
        for w in sorted(p.words, key=lambda w: (w.x0 > p.width / 2, w.y0))  # left column first
        if w.text.startswith("T") and w.text.endswith(":")
    ]
    assert found == [t for t, _ in entries]  # each once, in order: no entry split or lost


def test_drill_down_table_sits_below_its_columns(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    table = DataTable(
        columns=["", "FY19/20", "FY20/21"],
        groups=[
            DataGroup(
                heading="We will have strong and empowered movement leaders and affiliates.",
                rows=[
                    (
                        "% of rapid grant grantees that received a rapid grant in the prior year",
                        "55%",
                        "57%",
                    )
                ],
            ),
        ],
    )
    spec = DrillDownSlide(
        title="Drill Down: Grantmaking",
        situation="Not articulated.",
        impact="Leadership asked.",
        recommendation="Review data.",
        table=table,
    )
    path = write_deck(Deck([spec], quarter="Q1"), tmp_path / "d.pptx")
    (slide,) = Presentation(str(path)).slides
    (frame,) = [sh for sh in slide.shapes if sh.has_table]
    left = next(sh for sh in slide.shapes if sh.name == "Left")
    assert frame.top > left.top
    assert frame.table.cell(1, 0).text.startswith("We will have strong")
    assert [frame.table.cell(2, j).text for j in range(3)] == [
        "% of rapid grant grantees that received a rapid grant in the prior year",
        "55%",
        "57%",
    ]
    assert deck_problems(render_deck(path)) == []


def test_quarters_showing_only_dashes_give_their_room_to_the_other_columns(tmp_path: Path) -> None:
    rows = [
        StatusRow(
            text="KR1: " + "long key result text " * 6,
            goal="66%",
            statuses=["Developed a strategy and reviewed values and process"] * 4,
        )
    ]
    widths = {}
    for quarter in ("Q1", "Q4"):
        deck = Deck([KeyResultsSlide(title="K", results=rows)], quarter=quarter)
        (tbl,) = tables(Presentation(str(write_deck(deck, tmp_path / f"{quarter}.pptx"))).slides[0])
        widths[quarter] = [c.width for c in tbl.columns]
    q1, q4 = widths["Q1"], widths["Q4"]
    assert abs(sum(q1) - sum(q4)) <= len(q1)  # EMU rounding
    # built for Q1, the Q2-Q4 columns hold only "-": they narrow, the key result widens (the
    # goal, "66%", already has all the width it can use)
    assert all(q1[j] < q4[j] for j in (3, 4, 5))
    assert q1[0] > q4[0]
    assert sum(q1[:3]) > sum(q4[:3])
