"""Design rules: tables use the page, columns fit their content, statuses read without colour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from tests.render_check import RenderedDeck
from tuningdeck.model import (
    AcronymsSlide,
    Deck,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    Outcome,
    PriorityUpdateSlide,
    Quarter,
    StatusRow,
)
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.kinds import acronyms, key_results, metrics, objective, priority
from tuningdeck.render.plan import PlanContext
from tuningdeck.render.table import PlacedTable
from tuningdeck.render.write import Canvas
from tuningdeck.text.measure import wrap
from tuningdeck.theme import Theme

THEME = Theme.load()


@pytest.fixture(scope="module")
def ctx() -> PlanContext:
    return PlanContext(THEME, Canvas(default_template(), THEME).frames, quarter=Quarter.Q1)


def _table(plan_tables: dict[str, PlacedTable]) -> PlacedTable:
    (table,) = plan_tables.values()
    return table


def _sizes(table: PlacedTable) -> set[float]:
    return {b.style.size for row in table.page.rows for c in row if c for b in c.blocks}


def short_metrics() -> MetricsTableSlide:
    rows = [
        StatusRow(
            text="Monthly active editors increase YoY",
            baseline="99K active editors/month",
            goal="+5% YoY",
            statuses=["+7.3% YoY (89K/mo*)"],
        ),
        StatusRow(
            text="Established markets",
            goal="+5% YoY",
            level=1,
            statuses=["+6.0% YoY (71K/mo ^{+o})"],
        ),
        StatusRow(
            text="Emerging markets", goal="+5% YoY", level=1, statuses=["+9.5% YoY (23K/mo ^{+})"]
        ),
    ]
    outcome = Outcome(text="We will welcome and support newcomers.", rows=rows)
    return MetricsTableSlide(title="Thriving Movement Metrics", outcomes=[outcome])


def test_a_short_table_grows_and_fills_most_of_its_region(ctx: PlanContext) -> None:
    (plan,) = metrics.plan(short_metrics(), ctx)
    table = _table(dict(plan.tables))
    region = ctx.frame("Table", "Table")
    body = [s for s in _sizes(table) if s != THEME.sizes.table_header]
    assert min(body) > THEME.sizes.table  # larger than the theme's size for a full table
    assert max(_sizes(table)) <= (THEME.sizes.table_max or THEME.sizes.table) + 1e-9
    assert table.page.height >= 0.55 * region.h
    assert table.pad_y > THEME.tables.cell_padding_y * 72  # the room is in the rows


def test_a_table_of_one_key_result_gets_room(ctx: PlanContext) -> None:
    row = StatusRow(
        text="Build and ship two tools to identify and block bad actors without exposing IP "
        "addresses, improving the ability to protect users and wiki content",
        baseline="Zero existing tools that allow patrollers to work without relying on IP "
        "addresses when dealing with vandalism from unregistered editors.",
        goal="Develop 2 tools towards IP Masking",
        statuses=["Developed prototype for the first of the two tools and began user testing"],
    )
    (plan,) = key_results.plan(KeyResultsSlide(title="IP Masking", results=[row]), ctx)
    table = _table(dict(plan.tables))
    # larger text and airier rows: no blank half slide under a single row
    assert table.page.height >= 0.55 * ctx.frame("Table", "Table").h
    assert max(_sizes(table)) <= (THEME.sizes.table_max or THEME.sizes.table) + 1e-9


def test_a_long_table_is_not_padded(ctx: PlanContext) -> None:
    results = [
        StatusRow(
            text=f"KR{i}: support at least {i} consultations across the movement's regions",
            baseline=f"{i} consultations",
            goal=f"{i + 5} consultations",
            statuses=[f"{i + 3} consultations"],
        )
        for i in range(12)
    ]
    for plan in key_results.plan(KeyResultsSlide(title="K", results=results), ctx):
        table = _table(dict(plan.tables))
        assert table.pad_y == pytest.approx(THEME.tables.cell_padding_y * 72)
        assert min(_sizes(table)) >= THEME.sizes.table_min


def _lines(table: PlacedTable, row: int, column: int) -> list[list[str]]:
    cell = table.page.rows[row][column]
    assert cell is not None
    width = table.widths[column] - 2 * table.pad_x
    return [wrap(b.paragraph.runs, b.style, width) for b in cell.blocks]


def test_a_status_never_breaks_mid_word_while_another_column_has_room(ctx: PlanContext) -> None:
    row = StatusRow(
        text="Build and ship two tools to identify and block bad actors",
        goal="Develop 2 tools",
        statuses=[
            "Developed prototype for the first of the two tools (IP Info) and began user "
            "testing; internationalization"
        ],
    )
    (plan,) = key_results.plan(KeyResultsSlide(title="IP Masking", results=[row]), ctx)
    table = _table(dict(plan.tables))
    words = set(row.statuses[0].replace(";", " ").split())
    for paragraph in _lines(table, 1, 2):
        for line in paragraph:
            for word in line.replace(";", " ").split():
                assert word.strip("●\u00a0") in words | {""}, f"{word!r} was split"
    # the status takes more than its share of the width rather than five or more lines
    assert sum(len(p) for p in _lines(table, 1, 2)) <= 4


def test_a_footnote_mark_never_starts_a_line(ctx: PlanContext) -> None:
    (plan,) = metrics.plan(short_metrics(), ctx)
    table = _table(dict(plan.tables))
    cell = table.page.rows[2][3]  # Established markets, Q1
    assert cell is not None
    (block,) = cell.blocks
    for width in range(100, 300, 3):  # however narrow the column (the bound word fits)
        lines = wrap(block.paragraph.runs, block.style, width)
        assert all(not line.startswith("+o") for line in lines)


def test_a_fiscal_year_is_not_broken_at_its_hyphen() -> None:
    from tuningdeck.text.measure import TextStyle

    style = TextStyle("Montserrat", 40, bold=True)
    from tuningdeck.text.markup import Run

    for width in range(200, 700, 10):  # wide enough for "FY24-25" on a line
        lines = wrap((Run("Thriving Movement Tuning Session Q1 FY24-25"),), style, width)
        assert not any(line.endswith("FY24-") for line in lines)


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        def f(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, bl = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_status_colour_reads_on_the_quarters_band() -> None:
    c = THEME.colors
    for colour in (c.on_track, c.at_risk, c.off_track, c.not_measured):
        for ground in (c.accent_light, c.background):
            assert _contrast(colour, ground) >= 4.5, (colour, ground)


def test_statuses_carry_a_glyph_and_the_slide_a_legend(ctx: PlanContext) -> None:
    (plan,) = metrics.plan(short_metrics(), ctx)
    table = _table(dict(plan.tables))
    cell = table.page.rows[1][3]
    assert cell is not None
    assert cell.blocks[0].paragraph.runs[0].text.startswith("●")
    legend = plan.boxes["Callout"]
    assert "on track" in legend[0].paragraph.text.replace("\u00a0", " ")
    assert "off track" not in legend[0].paragraph.text.replace("\u00a0", " ")  # none shown


def test_a_tick_is_drawn_in_the_on_track_colour(ctx: PlanContext) -> None:
    row = StatusRow(text="Support consultations", goal="X", statuses=["✓"])
    (plan,) = key_results.plan(KeyResultsSlide(title="K", results=[row]), ctx)
    cell = _table(dict(plan.tables)).page.rows[1][2]
    assert cell is not None
    assert cell.blocks[0].style.color == THEME.colors.on_track
    assert cell.blocks[0].paragraph.text == "✓"


def test_priority_update_columns_share_one_size_inside_the_margins(ctx: PlanContext) -> None:
    spec = PriorityUpdateSlide(
        title="Thriving Movement",
        progress="\n".join("Progress was made on the work this quarter. " * 9 for _ in range(5)),
        deliverables=["ARMDEB", "IP Masking"],
        actions=["- Developer hiring", "- Grantmaking OKRs update"],
    )
    (plan,) = priority.plan(spec, ctx)
    sizes = {
        b.style.size
        for name in ("Narrative", "Sidebar")
        for b in plan.boxes[name]
        if not b.style.bold
    }
    assert len(sizes) == 1
    actions = [b.paragraph.text for b in plan.boxes["Sidebar"]][-2:]
    assert actions == ["Developer hiring", "Grantmaking OKRs update"]  # no "• -"
    side = ctx.frame("Priority Update", "Sidebar")
    assert side.x + side.w <= (THEME.geometry.width - THEME.geometry.margin_x) * 72


def test_a_short_acronym_list_is_set_larger(ctx: PlanContext) -> None:
    spec = AcronymsSlide(entries=[("APP", "Annual Planning Process"), ("CSAM", "Child Safety")])
    (plan,) = acronyms.plan(spec, ctx)
    entries = [b for b in plan.boxes["Body"] if b.paragraph.text.startswith(("APP", "CSAM"))]
    assert {b.style.size for b in entries} == {THEME.sizes.body_max}


def test_a_short_objective_narrative_grows_to_the_largest_body_size(ctx: PlanContext) -> None:
    spec = ObjectiveSlide(
        title="Movement Consultation",
        objective="Develop and iterate on a framework for consultations.",
        narrative="Defined a consultation as a **focused, time-bound engagement**.\n\n"
        "Consultations focus on a decision that the Foundation is looking to advance.",
    )
    (plan,) = objective.plan(spec, ctx)
    assert {b.style.size for b in plan.boxes["Body"]} == {THEME.sizes.body_max}
    assert (THEME.sizes.body_max or 0) >= 18  # as large as text the design check calls large


def test_grown_short_tables_render_without_overflow(
    tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    from tests.render_check import deck_problems

    path = write_deck(Deck([short_metrics()], quarter="Q1"), tmp_path / "m.pptx")
    assert deck_problems(render_deck(path)) == []
    (slide,) = Presentation(str(path)).slides
    callout = next(sh for sh in slide.shapes if sh.name == "Callout")  # the legend
    assert "on track" in callout.text_frame.text.replace("\u00a0", " ")


def test_a_cumulative_goal_is_judged_against_the_quarters_share(ctx: PlanContext) -> None:
    from tuningdeck.status import Verdict, judge

    assert judge("35", "120", share=0.25) is Verdict.ON_TRACK
    assert judge("35", "120") is Verdict.OFF_TRACK
    assert judge("50", "120", share=0.5) is Verdict.OFF_TRACK
    with pytest.raises(ValueError, match="share"):
        judge("1", "4", share=0.0)
    for cumulative, glyph in ((True, "●"), (False, "×")):
        row = StatusRow(
            text="Prioritization",
            goal="4 milestones",
            statuses=["1 milestone"],
            cumulative=cumulative,
        )
        (plan,) = key_results.plan(KeyResultsSlide(title="K", results=[row]), ctx)
        cell = _table(dict(plan.tables)).page.rows[1][2]
        assert cell is not None
        assert cell.blocks[0].paragraph.text.startswith(glyph)
