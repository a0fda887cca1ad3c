"""The key-results grid: each key result (with its sub-rows), its year goal, Q1–Q4 statuses."""

from __future__ import annotations

from tuningdeck.model import KeyResultsSlide, StatusRow
from tuningdeck.render.kinds.grid import header_cells, legend, result_cells, status_cells
from tuningdeck.render.kinds.tabular import LEGEND_SIZE, table_slides
from tuningdeck.render.plan import PlanContext, SlidePlan, word
from tuningdeck.render.table import Group
from tuningdeck.status import Verdict

__all__ = ["plan"]


def plan(spec: KeyResultsSlide, ctx: PlanContext) -> list[SlidePlan]:
    """A key result and its sub-rows stay on one slide; long grids continue on more slides."""
    w = ctx.words
    headings = [
        word(spec.result_heading, w.result_heading),
        word(spec.goal_heading, w.results_goal_heading),
        *map(word, spec.quarter_headings, w.quarter_headings),
    ]
    header = header_cells(ctx, headings, first_quarter_column=2)
    grouped: list[list[StatusRow]] = []
    for row in spec.results:
        if row.level == 0 or not grouped:
            grouped.append([])
        grouped[-1].append(row)
    seen: set[Verdict] = set()
    groups = [
        Group([(*result_cells(ctx, r), *status_cells(ctx, r, seen)) for r in rows])
        for rows in grouped
    ]
    key = legend(ctx, seen, LEGEND_SIZE)
    return table_slides(spec, ctx, header, groups, ctx.theme.tables.key_results, legend=key)
