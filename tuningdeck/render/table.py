"""Lay tables out before they are written: column widths, row heights, shrinking and paging.

A table is given as a header row and *groups* of body rows. A group is what must stay on one
slide when possible: an MTP outcome with its metric rows (its outcome cell spans them), a key
result with its sub-rows, a data table's heading with its rows. Every cell's height is measured
with the font files; a spanning cell that is taller than its rows together makes the group's last
row taller. A table that does not fit its frame is first shrunk (never below the theme's
``table_min``), then continued on more slides with the header repeated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

from attrs import evolve, field, frozen

from tuningdeck.errors import LayoutError
from tuningdeck.render.plan import PT_PER_INCH, Frame, scaled
from tuningdeck.render.widths import fit_widths
from tuningdeck.text.measure import Block, blocks_height, paragraph_widths

__all__ = [
    "Cell",
    "Group",
    "PlacedTable",
    "TableLayout",
    "TablePage",
    "align_numbers",
    "lay_out_table",
]

Row = tuple["Cell | None", ...]
_SLACK = 1.5  # points added to every row, so rounding in any renderer never clips a line


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@frozen
class Cell:
    """One cell: its paragraphs, fill, vertical anchor, and how many rows it spans."""

    blocks: tuple[Block, ...] = field(converter=_blocks)
    fill: str | None = None
    anchor: str = "t"
    span: int = 1
    rule: bool = True  # draw the rule under this cell

    def scaled(self, factor: float) -> Cell:
        """The same cell with its text at ``factor`` times the size."""
        if factor == 1.0:
            return self
        return evolve(self, blocks=scaled(self.blocks, factor))


def _rows(value: Iterable[Iterable[Cell | None]]) -> tuple[tuple[Cell | None, ...], ...]:
    return tuple(map(tuple, value))


@frozen
class Group:
    """Body rows that belong together. ``rows[i][j]`` is ``None`` where a span from above covers."""

    rows: tuple[tuple[Cell | None, ...], ...] = field(converter=_rows)


@frozen
class TablePage:
    """One slide's part of a table: every row with its height, the header first."""

    rows: tuple[tuple[Cell | None, ...], ...]
    heights: tuple[float, ...]

    @property
    def height(self) -> float:
        """The table's height on this slide, in points."""
        return sum(self.heights)


@frozen
class PlacedTable:
    """What one slide draws: column widths, its page of rows, cell padding (all in points), and
    a description for screen readers."""

    widths: tuple[float, ...]
    page: TablePage
    pad_x: float
    pad_y: float
    description: str = ""


@frozen
class TableLayout:
    """A table laid out: column widths (points), the pages, and the scale its text was set at."""

    widths: tuple[float, ...]
    pages: tuple[TablePage, ...]
    scale: float
    pad_x: float
    pad_y: float

    def placed(self, page: int, description: str = "") -> PlacedTable:
        """Slide ``page``'s part of the table."""
        return PlacedTable(self.widths, self.pages[page], self.pad_x, self.pad_y, description)


def _cell_height(cell: Cell, width: float, pad_x: float, pad_y: float) -> float:
    return blocks_height(cell.blocks, width - 2 * pad_x, cell=True) + 2 * pad_y


CellHeight = Callable[[Cell, float], float]


def _row_heights(
    rows: Sequence[Sequence[Cell | None]],
    widths: Sequence[float],
    pad_x: float,
    pad_y: float,
    height: CellHeight | None = None,
) -> list[float]:
    """Heights of ``rows`` (one group, or the header): spans are made to fit their rows."""

    def cell_h(cell: Cell, w: float) -> float:
        return height(cell, w) if height else _cell_height(cell, w, pad_x, pad_y)

    heights = []
    for row in rows:
        h = 0.0
        for cell, w in zip(row, widths, strict=True):
            if cell is not None and cell.span == 1:
                h = max(h, cell_h(cell, w))
        heights.append(h + _SLACK)
    for i, row in enumerate(rows):
        for cell, w in zip(row, widths, strict=True):
            if cell is not None and cell.span > 1:
                covered = heights[i : i + cell.span]
                need = cell_h(cell, w) + _SLACK - sum(covered)
                if need > 0:
                    heights[i + len(covered) - 1] += need
    return heights


def _measure(
    header: Sequence[Cell],
    groups: Sequence[Group],
    widths: Sequence[float],
    pad_x: float,
    pad_y: float,
    scale: float,
) -> tuple[list[Cell], list[float], list[tuple[list[Row], list[float]]]]:
    head = [c.scaled(scale) for c in header]
    head_h = _row_heights([head], widths, pad_x, pad_y)
    body = []
    for g in groups:
        rows = [tuple(c.scaled(scale) if c else None for c in r) for r in g.rows]
        body.append((rows, _row_heights(rows, widths, pad_x, pad_y)))
    return head, head_h, body


_SHORT_HEADER = 2  # words; a header this short is never wrapped
_CELLS_WEIGHT = 0.25  # how much every cell's height counts beside the table's in fitting widths
_FILLER = frozenset({"", "-", "–", "—"})


_NUMBER = re.compile(r"[-+−–~≈<>$€£]?\s*\d[\d.,]*\s*(?:%|[KkMmBb]\b)?\s*\*?")
_NUMBERS = re.compile(rf"{_NUMBER.pattern}(?:\s*[/–-]\s*{_NUMBER.pattern})*")


def _text(cell: Cell) -> str:
    return " ".join(b.paragraph.text for b in cell.blocks).strip()


def align_numbers(
    header: Sequence[Cell], groups: Sequence[Group]
) -> tuple[list[Cell], list[Group]]:
    """The table with every column of numbers ("64%", "43% / 51%", "1,204") set flush right,
    its header too, so that digits line up; other columns are left as they are."""
    numeric = []
    for j in range(len(header)):
        texts = [_text(c) for g in groups for r in g.rows if (c := r[j]) is not None and c.blocks]
        texts = [t for t in texts if t not in _FILLER]
        numeric.append(bool(texts) and all(_NUMBERS.fullmatch(t) for t in texts))
    if not any(numeric):
        return list(header), list(groups)

    def right(cell: Cell | None, j: int) -> Cell | None:
        if cell is None or not numeric[j] or not _text(cell):
            return cell
        blocks = tuple(evolve(b, style=evolve(b.style, align="r")) for b in cell.blocks)
        return evolve(cell, blocks=blocks)

    head = [right(c, j) or c for j, c in enumerate(header)]
    body = [Group([tuple(right(c, j) for j, c in enumerate(r)) for r in g.rows]) for g in groups]
    return head, body


def _idle(header: Sequence[Cell], groups: Sequence[Group]) -> list[bool]:
    """The columns whose body holds only "-" or nothing (the quarters after the deck's own)."""
    out = []
    for j in range(len(header)):
        texts = [
            "".join(b.paragraph.text for b in cell.blocks).strip()
            for g in groups
            for row in g.rows
            if (cell := row[j]) is not None
        ]
        out.append(bool(texts) and all(t in _FILLER for t in texts))
    if all(out):
        return [False] * len(out)
    return out


def _needs(
    header: Sequence[Cell], groups: Sequence[Group], pad_x: float, idle: Sequence[bool]
) -> list[tuple[float, float]]:
    """Each column's narrowest and widest useful width (padding included).

    An idle column keeps its header on one line."""
    needs = []
    for j, head in enumerate(header):
        lo = hi = 0.0
        cells = [head, *(row[j] for g in groups for row in g.rows)]
        for cell in cells:
            for b in cell.blocks if cell is not None else ():
                a, z = paragraph_widths(b)
                if cell is head and (idle[j] or len(b.paragraph.text.split()) <= _SHORT_HEADER):
                    a = z  # "Year Goal", "Q2 Status": a short header stays on one line
                lo, hi = max(lo, a), max(hi, z)
        room = 2 * pad_x + _SLACK
        needs.append((lo + room, hi + room))
    return needs


def fitted_widths(
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    width: float,
    pad_x: float,
    pad_y: float = 0.0,
) -> tuple[float, ...]:
    """Column widths for cells as given (already at their size): no word split where another
    column has room, and the table as short as width moved between its columns can make it."""
    idle = _idle(header, groups)
    needs = _needs(header, groups, pad_x, idle)
    # rows as spans of one "band" each: the header, then each group (its spans cover its rows)
    bands: list[list[Row]] = [[tuple(header)], *([*g.rows] for g in groups)]
    rows = [r for band in bands for r in band]
    starts = [0]
    for band in bands:
        starts.append(starts[-1] + len(band))
    memo: dict[tuple[int, float], tuple[list[float], list[float], float]] = {}

    def column(j: int, w: float) -> tuple[list[float], list[float], float]:
        """Column ``j`` at width ``w``: each row's cell height (0 where a span or nothing is),
        each band's tallest spanning cell, and all its cells' heights together."""
        key = (j, round(w, 2))
        if key not in memo:
            per_row = [0.0] * len(rows)
            spans = [0.0] * len(bands)
            total = 0.0
            for b, band in enumerate(bands):
                for k, row in enumerate(band):
                    cell = row[j]
                    if cell is None:
                        continue
                    h = _cell_height(cell, w, pad_x, pad_y)
                    total += h
                    if cell.span > 1:
                        spans[b] = max(spans[b], h)
                    else:
                        per_row[starts[b] + k] = h
            memo[key] = (per_row, spans, total)
        return memo[key]

    def cost(widths: Sequence[float]) -> float:
        # the table's height first; then every cell's, so that a column does not wrap to many
        # lines beside one with room even where its row's height is set by another cell
        cols = [column(j, w) for j, w in enumerate(widths)]
        heights = [max(h) for h in zip(*(c[0] for c in cols), strict=True)]
        total = 0.0
        for b in range(len(bands)):
            own = sum(heights[starts[b] : starts[b + 1]])
            total += max(own, max(c[1][b] for c in cols))
        return total + _CELLS_WEIGHT * sum(c[2] for c in cols)

    return fit_widths(needs, shares, width, cost, idle=idle)


def balance_widths(
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    width: float,
    pad_x: float,
) -> tuple[float, ...]:
    """Column widths fitted to the cells at their full size (see :func:`fitted_widths`)."""
    return fitted_widths(header, groups, shares, width, pad_x)


def _scaled_table(
    header: Sequence[Cell], groups: Sequence[Group], scale: float
) -> tuple[list[Cell], list[Group]]:
    head = [c.scaled(scale) for c in header]
    body = [
        Group([tuple(c.scaled(scale) if c else None for c in r) for r in g.rows]) for g in groups
    ]
    return head, body


def _height(
    header: Sequence[Cell],
    groups: Sequence[Group],
    widths: Sequence[float],
    pad_x: float,
    pad_y: float,
    scale: float,
) -> float:
    """The table's height with its text at ``scale`` (no scaled copy of the cells is made)."""

    def cell_h(cell: Cell, w: float) -> float:
        return blocks_height(cell.blocks, w - 2 * pad_x, scale, cell=True) + 2 * pad_y

    total = sum(_row_heights([header], widths, pad_x, pad_y, cell_h))
    for g in groups:
        total += sum(_row_heights(g.rows, widths, pad_x, pad_y, cell_h))
    return total


def lay_out_table(
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    frame: Frame,
    *,
    floor: float,
    pad_x: float = 0.06 * PT_PER_INCH,
    pad_y: float = 0.04 * PT_PER_INCH,
    first_frame: Frame | None = None,
    ceiling: float = 1.0,
    fill: float = 0.0,
    pad_y_max: float | None = None,
) -> TableLayout:
    """Fit a table into ``frame``: set it as large as fits (up to ``ceiling`` times its size,
    no smaller than ``floor``), or page it at its own size.

    A table that fits is given room: its rows are padded (up to ``pad_y_max``) until it fills
    ``fill`` of the frame's height. Column widths are fitted to the text at the size it is set.
    ``first_frame``, when given, is the room on the first slide (a drill-down's table shares its
    slide with text); later slides use ``frame``.
    """
    first = first_frame or frame
    step = 0.025
    widths = fitted_widths(header, groups, shares, frame.w, pad_x)

    def fits(k: int, w: Sequence[float]) -> bool:
        return _height(header, groups, w, pad_x, pad_y, 1.0 + k * step) <= first.h

    def largest(lo: int, hi: int, w: Sequence[float]) -> int:
        """The largest step in [lo, hi] at which the table fits (it fits at ``lo``)."""
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if fits(mid, w) else (lo, mid - 1)
        return lo

    most = math.floor((ceiling - 1.0) / step + 1e-9)
    least = math.ceil((floor - 1.0) / step - 1e-9)
    if fits(0, widths):
        k = largest(0, most, widths)
    elif fits(least, widths):
        k = largest(least, -1, widths)
    else:
        head, head_h, body = _measure(header, groups, widths, pad_x, pad_y, 1.0)
        return TableLayout(
            widths, tuple(_page(head, head_h, body, first.h, frame.h)), 1.0, pad_x, pad_y
        )
    if k:
        # fitted to the text at this size, the columns may let it grow a step or more further
        refit = fitted_widths(
            *_scaled_table(header, groups, 1.0 + k * step), shares, frame.w, pad_x
        )
        if fits(k, refit):
            widths = refit
            k = largest(k, most, widths) if k < most else k
    scale = round(1.0 + k * step, 6)
    pad = _padding(header, groups, widths, pad_x, pad_y, scale, fill * first.h, pad_y_max)
    head, head_h, body = _measure(header, groups, widths, pad_x, pad, scale)
    rows = [tuple(head)] + [r for rs, _ in body for r in rs]
    heights = head_h + [h for _, hs in body for h in hs]
    return TableLayout(widths, (TablePage(tuple(rows), tuple(heights)),), scale, pad_x, pad)


def _padding(
    header: Sequence[Cell],
    groups: Sequence[Group],
    widths: Sequence[float],
    pad_x: float,
    pad_y: float,
    scale: float,
    target: float,
    most: float | None,
) -> float:
    """The row padding that makes a table ``target`` points tall, between ``pad_y`` and
    ``most``: a short table gets airy rows rather than a blank half slide."""
    if most is None or most <= pad_y:
        return pad_y
    height = _height(header, groups, widths, pad_x, pad_y, scale)
    if height >= target:
        return pad_y
    rows = 1 + sum(len(g.rows) for g in groups)
    pad = min(most, pad_y + (target - height) / (2 * rows))
    # spanning cells can make some rows grow by less than twice the step: settle down exactly
    while pad > pad_y and _height(header, groups, widths, pad_x, pad, scale) > target + 1.0:
        pad = max(pad_y, pad - 0.25)
    return pad


def _page(
    head: list[Cell],
    head_h: list[float],
    body: list[tuple[list[Row], list[float]]],
    first_room: float,
    room: float,
) -> list[TablePage]:
    """Fill slides group by group; split a group only when it is taller than a whole slide."""
    pages: list[TablePage] = []
    rows: list[tuple[Cell | None, ...]] = [tuple(head)]
    heights: list[float] = list(head_h)

    def limit() -> float:
        return first_room if not pages else room

    def flush() -> None:
        nonlocal rows, heights
        pages.append(TablePage(tuple(_respan(rows)), tuple(heights)))
        rows, heights = [tuple(head)], list(head_h)

    for group_rows, group_h in body:
        if sum(heights) + sum(group_h) <= limit():
            rows += group_rows
            heights += group_h
            continue
        if len(rows) > 1 and sum(head_h) + sum(group_h) <= room:
            flush()
            rows += group_rows
            heights += group_h
            continue
        # a group taller than a slide: split it between rows, repeating spanning cells
        for i, (r, h) in enumerate(zip(group_rows, group_h, strict=True)):
            r = tuple(evolve(c, span=1) if c is not None else None for c in r)
            if sum(heights) + h > limit():
                if len(rows) == 1:
                    room = limit() - sum(head_h)
                    if room <= 0:
                        raise LayoutError(
                            "what is above the table leaves it no room on the slide; shorten "
                            "that text"
                        )
                    raise LayoutError(
                        f"a table row needs {h:.0f} pt but a slide has room for {room:.0f} pt; "
                        "shorten it"
                    )
                flush()
                r = _uncover(r, group_rows[:i])
            rows.append(r)
            heights.append(h)
    if len(rows) > 1:
        flush()
    return pages


def _uncover(
    row: tuple[Cell | None, ...], above: list[tuple[Cell | None, ...]]
) -> tuple[Cell | None, ...]:
    """On a continuation slide, repeat the text of cells that a span covered on the slide before."""
    out = list(row)
    for j, cell in enumerate(row):
        if cell is None:
            origin = next((r[j] for r in reversed(above) if r[j] is not None), None)
            out[j] = evolve(origin, span=1) if origin is not None else None
    return tuple(out)


def _respan(rows: list[tuple[Cell | None, ...]]) -> list[tuple[Cell | None, ...]]:
    """Make each cell span the covered (``None``) cells below it on the same slide."""
    grid = [list(r) for r in rows]
    for j in range(len(grid[0]) if grid else 0):
        for i, row in enumerate(grid):
            cell = row[j]
            if cell is None:
                continue
            k = i + 1
            while k < len(grid) and grid[k][j] is None:
                k += 1
            if k - i != cell.span:
                row[j] = evolve(cell, span=k - i)
    return [tuple(r) for r in grid]
