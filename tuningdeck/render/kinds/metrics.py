"""The MTP metrics table: outcomes spanning their metric rows, goals, and Q1–Q4 statuses."""

from __future__ import annotations

from tuningdeck.model import MetricsTableSlide
from tuningdeck.render.kinds.grid import header_cells, legend, result_cells, status_cells
from tuningdeck.render.kinds.tabular import LEGEND_SIZE, cell_blocks, table_slides, table_style
from tuningdeck.render.plan import PlanContext, SlidePlan, word
from tuningdeck.render.table import Cell, Group
from tuningdeck.status import Verdict

__all__ = ["plan"]


def plan(spec: MetricsTableSlide, ctx: PlanContext) -> list[SlidePlan]:
    """One slide, or more with the header repeated when the table is long."""
    t = ctx.theme
    w = ctx.words
    headings = [
        word(spec.outcome_heading, w.outcome_heading),
        word(spec.metric_heading, w.metric_heading),
        word(spec.goal_heading, w.metrics_goal_heading),
        *map(word, spec.quarter_headings, w.quarter_headings),
    ]
    header = header_cells(ctx, headings, first_quarter_column=3)
    groups = []
    seen: set[Verdict] = set()
    for outcome in spec.outcomes:
        rows = []
        for i, row in enumerate(outcome.rows):
            lead: Cell | None = None
            if i == 0:
                lead = Cell(
                    cell_blocks(outcome.text, table_style(ctx)),
                    fill=t.colors.band_light,
                    span=len(outcome.rows),
                )
            rows.append((lead, *result_cells(ctx, row), *status_cells(ctx, row, seen)))
        groups.append(Group(rows))
    key = legend(ctx, seen, LEGEND_SIZE)
    return table_slides(
        spec, ctx, header, groups, t.tables.metrics, callout=spec.callout, legend=key
    )
