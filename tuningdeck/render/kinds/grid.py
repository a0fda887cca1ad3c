"""Cells shared by the status tables: headers, a row's text with its baseline, judged statuses."""

from __future__ import annotations

import functools

from attrs import evolve

from tuningdeck import status
from tuningdeck.model import Quarter, StatusRow, Words
from tuningdeck.render.kinds.tabular import cell_blocks, table_style
from tuningdeck.render.plan import NO_BREAK_SPACE, PlanContext, inline
from tuningdeck.render.table import Cell
from tuningdeck.text.markup import Paragraph, Run
from tuningdeck.text.measure import Block, TextStyle

__all__ = [
    "GLYPHS",
    "baseline_blocks",
    "header_cells",
    "legend",
    "result_cells",
    "status_cells",
    "verdict_colour",
]

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
    runs = (*_label_runs(label, style), *first.runs)
    return (evolve(body[0], paragraph=evolve(first, runs=runs)), *body[1:])


@functools.lru_cache(maxsize=64)
def _label_runs(label: str, style: TextStyle) -> tuple[Run, ...]:
    """The runs of ``label`` with a space after it, to lead a baseline's first line."""
    *lead, last = inline(label, style).paragraph.runs
    return (*lead, evolve(last, text=f"{last.text} "))


_VERDICT_COLOURS = {
    status.Verdict.ON_TRACK: "on_track",
    status.Verdict.AT_RISK: "at_risk",
    status.Verdict.OFF_TRACK: "off_track",
    status.Verdict.NOT_MEASURED: "not_measured",
}
#: A shape for each verdict, so that a status reads without its colour (all in Lato).
GLYPHS = {
    status.Verdict.ON_TRACK: "●",
    status.Verdict.AT_RISK: "◊",
    status.Verdict.OFF_TRACK: "×",
    status.Verdict.NOT_MEASURED: "○",
}
CHECKS = frozenset("✓✔☑")  # a status that is a tick reads as on track


def verdict_colour(ctx: PlanContext, verdict: status.Verdict) -> str:
    """The text colour of a status with ``verdict``."""
    c = ctx.theme.colors
    return getattr(c, _VERDICT_COLOURS[verdict]) if verdict in _VERDICT_COLOURS else c.text


def status_cells(
    ctx: PlanContext, row: StatusRow, seen: set[status.Verdict] | None = None
) -> list[Cell]:
    """Q1–Q4: judged, marked and coloured up to the deck's quarter, "-" after it.

    Each judged status starts with its verdict's glyph; the verdicts shown are added to
    ``seen`` (for the slide's legend).
    """
    t = ctx.theme
    c = t.colors
    cells = []
    dashes: dict[bool, Block] = {}  # "-", on the quarter's band or not
    for q, text in zip(Quarter, row.statuses, strict=True):
        current = ctx.quarter is not None and q == ctx.quarter
        fill = c.accent_light if current else None
        later = ctx.quarter is not None and q > ctx.quarter
        if later or not text.strip() or text.strip() == "-":
            dash = dashes.get(current)
            if dash is None:
                # on the quarter's band a dash needs a darker grey to keep 4.5:1
                grey = table_style(ctx, color=c.text_secondary if current else c.text_muted)
                dash = dashes[current] = inline("-", grey)
            cells.append(Cell((dash,), fill=fill))
            continue
        verdict = judge(text, row, q) if row.judge else None
        tick = bool(text.strip()) and set(text.strip()) <= CHECKS
        if tick and row.judge:
            verdict = status.Verdict.ON_TRACK
        colour = verdict_colour(ctx, verdict) if verdict is not None else c.text
        strong = verdict in (
            status.Verdict.ON_TRACK,
            status.Verdict.AT_RISK,
            status.Verdict.OFF_TRACK,
        )
        style = table_style(ctx, color=colour)
        body = cell_blocks(text, style)
        if strong:
            body = (evolve(body[0], style=evolve(body[0].style, bold=True)), *body[1:])
        if verdict in GLYPHS and body:
            if seen is not None:
                seen.add(verdict)
            if not tick:  # a tick is its own mark
                first = body[0].paragraph
                mark = Run(GLYPHS[verdict] + NO_BREAK_SPACE)
                body = (
                    evolve(body[0], paragraph=evolve(first, runs=(mark, *first.runs))),
                    *body[1:],
                )
        cells.append(Cell(tuple(_colour_arrows(b, row, ctx) for b in body), fill=fill))
    return cells


def judge(text: str, row: StatusRow, quarter: Quarter) -> status.Verdict:
    """A status judged against its row's goal (see :func:`tuningdeck.status.judge`); a
    cumulative goal against the share of it due by ``quarter``."""
    share = int(quarter) / len(Quarter) if row.cumulative else 1.0
    return status.judge(text, row.goal, better=row.better, share=share)


def _legend_word(ctx: PlanContext, verdict: status.Verdict) -> str:
    """The deck's word for ``verdict`` in a legend."""
    w = ctx.words
    return {
        status.Verdict.ON_TRACK: w.on_track_label,
        status.Verdict.AT_RISK: w.at_risk_label,
        status.Verdict.OFF_TRACK: w.off_track_label,
        status.Verdict.NOT_MEASURED: w.not_measured_label,
    }.get(verdict, verdict.value)


def legend(ctx: PlanContext, seen: set[status.Verdict], size: float) -> Block | None:
    """One line naming the glyph and colour of each verdict in ``seen``, in a fixed order."""
    if not seen:
        return None
    runs: list[Run] = []
    for verdict in GLYPHS:
        if verdict in seen:
            colour = verdict_colour(ctx, verdict)
            gap = "   " if runs else ""
            runs.append(Run(f"{gap}{GLYPHS[verdict]}{NO_BREAK_SPACE}", color=colour))
            runs.append(Run(_legend_word(ctx, verdict).replace(" ", NO_BREAK_SPACE)))
    style = TextStyle(ctx.theme.fonts.body, size, color=ctx.theme.colors.text_secondary, align="r")
    return Block(Paragraph(tuple(runs)), style)


def _colour_arrows(block: Block, row: StatusRow, ctx: PlanContext) -> Block:
    """Trend arrows in green when their direction is good for this metric, red when bad."""
    if not any(ARROWS.intersection(run.text) for run in block.paragraph.runs):
        return block
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
                runs.append(evolve(run, text=ch, color=c.on_track if good else c.off_track))
            elif runs and runs[-1].color is None and runs[-1].href == run.href:
                runs[-1] = evolve(runs[-1], text=runs[-1].text + ch)
            else:
                runs.append(evolve(run, text=ch))
    return Block(evolve(block.paragraph, runs=tuple(runs)), block.style)
