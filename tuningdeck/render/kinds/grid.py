"""Cells shared by the status tables: headers, a row's text with its baseline, judged statuses."""

from __future__ import annotations

from attrs import evolve

from tuningdeck import status
from tuningdeck.model import Quarter, StatusRow, Words
from tuningdeck.render.kinds.tabular import cell_blocks, table_style
from tuningdeck.render.plan import PlanContext, inline
from tuningdeck.render.table import Cell
from tuningdeck.text.markup import Run
from tuningdeck.text.measure import Block, TextStyle

__all__ = ["baseline_blocks", "header_cells", "result_cells", "status_cells"]

BASELINE = Words().baseline_label  # "Baseline:", unless the deck has its own word
SUB_ROW_INDENT = 10.0  # points a sub-row's text is indented by
ARROWS = frozenset("↑↓▲▼")


def header_cells(ctx: PlanContext, headings: list[str], first_quarter_column: int) -> list[Cell]:
    """The header row; the deck's quarter column is marked in the accent colour."""
    t = ctx.theme
    cells = []
    for j, text in enumerate(headings):
        current = ctx.quarter is not None and j - first_quarter_column == int(ctx.quarter) - 1
        style = TextStyle(
            t.fonts.heading,
            t.sizes.table_header,
            bold=True,
            color=t.colors.background if current else t.colors.text,
        )
        fill = t.colors.accent if current else t.colors.band
        # a blank header keeps one empty line at its own size (an empty cell would take the
        # application's default size, and make the header taller than planned)
        text_blocks = cell_blocks(text, style) or (inline(text, style),)
        cells.append(Cell(text_blocks, fill=fill, anchor="b"))
    return cells


def result_cells(ctx: PlanContext, row: StatusRow) -> list[Cell]:
    """The metric or key result (bold unless a sub-row) with its baseline line, and its goal."""
    t = ctx.theme
    indent = SUB_ROW_INDENT if row.level else 0.0
    main = cell_blocks(row.text, table_style(ctx, bold=not row.level, indent=indent))
    if row.baseline:
        muted = table_style(ctx, color=t.colors.text_secondary, indent=indent)
        main = (*main, *baseline_blocks(row.baseline, muted, label=ctx.words.baseline_label))
    goal = cell_blocks(row.goal, table_style(ctx)) if row.goal else ()
    return [Cell(main), Cell(goal)]


def baseline_blocks(baseline: str, style: TextStyle, *, label: str = BASELINE) -> tuple[Block, ...]:
    """``Baseline: …``, one paragraph per line of the baseline; a baseline that starts with a
    list item has ``Baseline:`` on a line of its own above it. ``label`` is the deck's word for
    ``Baseline:`` (an empty one: the baseline alone)."""
    body = cell_blocks(baseline, style)
    if not label:
        return body
    first = body[0].paragraph
    if first.level:
        return (inline(label, style), *body)
    *lead, last = inline(label, style).paragraph.runs
    runs = (*lead, evolve(last, text=f"{last.text} "), *first.runs)
    return (evolve(body[0], paragraph=evolve(first, runs=runs)), *body[1:])


_VERDICT_COLOURS = {
    status.Verdict.ON_TRACK: "green_dark",
    status.Verdict.AT_RISK: "yellow_dark",
    status.Verdict.OFF_TRACK: "red_dark",
    status.Verdict.NOT_MEASURED: "text_muted",
}


def status_cells(ctx: PlanContext, row: StatusRow) -> list[Cell]:
    """Q1–Q4: judged and coloured up to the deck's quarter, "-" after it."""
    t = ctx.theme
    c = t.colors
    cells = []
    for q, text in zip(Quarter, row.statuses, strict=True):
        current = ctx.quarter is not None and q == ctx.quarter
        fill = c.accent_light if current else None
        later = ctx.quarter is not None and q > ctx.quarter
        if later or not text.strip() or text.strip() == "-":
            dash = table_style(ctx, color=c.text_muted)
            cells.append(Cell((inline("-", dash),), fill=fill))
            continue
        verdict = status.judge(text, row.goal, better=row.better) if row.judge else None
        colour = getattr(c, _VERDICT_COLOURS[verdict]) if verdict in _VERDICT_COLOURS else c.text
        strong = verdict in (
            status.Verdict.ON_TRACK,
            status.Verdict.AT_RISK,
            status.Verdict.OFF_TRACK,
        )
        style = table_style(ctx, color=colour)
        body = cell_blocks(text, style)
        if strong:
            body = (evolve(body[0], style=evolve(body[0].style, bold=True)), *body[1:])
        cells.append(Cell(tuple(_colour_arrows(b, row, ctx) for b in body), fill=fill))
    return cells


def _colour_arrows(block: Block, row: StatusRow, ctx: PlanContext) -> Block:
    """Trend arrows in green when their direction is good for this metric, red when bad."""
    c = ctx.theme.colors
    runs: list[Run] = []
    for run in block.paragraph.runs:
        if not ARROWS & set(run.text):
            runs.append(run)
            continue
        for ch in run.text:
            if ch in ARROWS:
                direction: status.Direction = "up" if ch in "↑▲" else "down"
                good = status.trend_is_good(direction, row.better)
                runs.append(evolve(run, text=ch, color=c.green_dark if good else c.red_dark))
            elif runs and runs[-1].color is None and runs[-1].href == run.href:
                runs[-1] = evolve(runs[-1], text=runs[-1].text + ch)
            else:
                runs.append(evolve(run, text=ch))
    return Block(evolve(block.paragraph, runs=tuple(runs)), block.style)
