"""Lay tables out before they are written: column widths, row heights, shrinking and paging.

A table is given as a header row and *groups* of body rows. A group is what must stay on one
slide when possible: an MTP outcome with its metric rows (its outcome cell spans them), a key
result with its sub-rows, a data table's heading with its rows. Every cell's height is measured
with the font files; a spanning cell that is taller than its rows together makes the group's last
row taller. A table that does not fit its frame is first shrunk (never below the theme's
``table_min``), then continued on more slides with the header repeated.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Sequence

from attrs import evolve, field, frozen

from tuningdeck.errors import LayoutError
from tuningdeck.render.plan import PT_PER_INCH, Frame, scaled
from tuningdeck.render.widths import fit_widths
from tuningdeck.text.measure import Block, Measured, TextStyle, Wrapping, measured

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


_SHORT_HEADER = 2  # words; a header this short is never wrapped
_CELLS_WEIGHT = 0.25  # how much every cell's height counts beside the table's in fitting widths
_FILLER = frozenset({"", "-", "–", "—"})


_NUMBER = re.compile(r"[-+−–~≈<>$€£]?\s*\d[\d.,]*\s*(?:%|[KkMmBb]\b)?\s*\*?")
_NUMBERS = re.compile(rf"{_NUMBER.pattern}(?:\s*[/–-]\s*{_NUMBER.pattern})*")


def _text(cell: Cell) -> str:
    blocks = cell.blocks
    if len(blocks) == 1:
        return blocks[0].paragraph.text.strip()
    return " ".join([b.paragraph.text for b in blocks]).strip()


def _numeric(texts: Iterable[str]) -> bool:
    """Whether ``texts`` hold a number and nothing but numbers and fillers ("-")."""
    found = False
    for t in texts:
        if t in _FILLER:
            continue
        if not _NUMBERS.fullmatch(t):
            return False
        found = True
    return found


def align_numbers(
    header: Sequence[Cell], groups: Sequence[Group]
) -> tuple[list[Cell], list[Group]]:
    """The table with every column of numbers ("64%", "43% / 51%", "1,204") set flush right,
    its header too, so that digits line up; other columns are left as they are."""
    numeric = [
        _numeric(_text(c) for g in groups for r in g.rows if (c := r[j]) is not None and c.blocks)
        for j in range(len(header))
    ]
    if not any(numeric):
        return list(header), list(groups)

    def right(cell: Cell | None, j: int) -> Cell | None:
        if cell is None or not numeric[j] or not _text(cell):
            return cell
        blocks = tuple(Block(b.paragraph, _flush_right(b.style)) for b in cell.blocks)
        return Cell(blocks, cell.fill, cell.anchor, cell.span, cell.rule)

    head = [right(c, j) or c for j, c in enumerate(header)]
    body = [Group([tuple(right(c, j) for j, c in enumerate(r)) for r in g.rows]) for g in groups]
    return head, body


@functools.lru_cache(maxsize=256)
def _flush_right(style: TextStyle) -> TextStyle:
    return evolve(style, align="r")


def _idle(header: Sequence[Cell], groups: Sequence[Group]) -> list[bool]:
    """The columns whose body holds only "-" or nothing (the quarters after the deck's own)."""
    out = []
    for j in range(len(header)):
        texts = (
            "".join([b.paragraph.text for b in cell.blocks]).strip()
            for g in groups
            for row in g.rows
            if (cell := row[j]) is not None
        )
        first = next(texts, None)
        out.append(first is not None and first in _FILLER and all(t in _FILLER for t in texts))
    if all(out):
        return [False] * len(out)
    return out


# One cell of a column as the measuring needs it: its row (counted from the header's), its band
# (0 for the header, then one per group), its span, the cell, and its paragraphs.
_Entry = tuple[int, int, int, Cell, tuple[Measured, ...]]
# A column in a fitting: each row's cell height (0 where a span or nothing is), each band's
# tallest spanning cell, and all its cells' heights added up.
_Column = tuple[list[float], list[float], float]


class _Heights:
    """A column's cells' text heights at one scale, over the intervals of widths found so far.

    Each wrap of a paragraph tells the interval of widths that wrap it the same way; the
    column's heights hold over the intersection of its paragraphs' intervals, so a width inside
    an interval found before costs a search.
    """

    __slots__ = ("ends", "starts", "wrappings")

    def __init__(self, wrappings: list[list[Wrapping]]) -> None:
        self.wrappings = wrappings  # each cell's paragraphs
        self.starts: list[float] = []  # the intervals [start, end) in order of their starts
        self.ends: list[tuple[float, list[float]]] = []  # each one's end, and the heights

    def at(self, width: float) -> list[float]:
        """The cells' text heights in boxes ``width`` wide."""
        starts = self.starts
        i = bisect.bisect_right(starts, width) - 1
        if i >= 0:
            end, heights = self.ends[i]
            if width < end:
                return heights
        lo, hi = -math.inf, math.inf
        heights = []
        for text in self.wrappings:
            total = 0.0
            for wrapping in text:
                start, end, lines = wrapping.step(width)
                if start > lo:
                    lo = start
                if end < hi:
                    hi = end
                total += (
                    wrapping.space_before + lines * wrapping.cell_line_height + wrapping.space_after
                )
            heights.append(total)
        k = bisect.bisect_right(starts, lo)
        starts.insert(k, lo)
        self.ends.insert(k, (hi, heights))
        return heights


class _Grid:
    """A table's cells ready to be measured at any column width and text scale.

    Each paragraph's pieces are measured once (:func:`~tuningdeck.text.measure.measured`), and
    each wrap of it tells the interval of widths that wrap it the same way; a column's heights
    hold over the intersection of its paragraphs' intervals, so a column is measured again only
    when a width leaves every interval found so far. A cell is as tall as its paragraphs and its
    padding; a row as its tallest cell that spans no other row, plus a little slack; a spanning
    cell taller than the rows it covers makes the last of them taller.
    """

    def __init__(self, header: Sequence[Cell], groups: Sequence[Group]) -> None:
        self.header = header
        self.groups = groups
        # rows as spans of one "band" each: the header, then each group (its spans cover its rows)
        self.bands: list[list[Row]] = [[tuple(header)], *([*g.rows] for g in groups)]
        self.starts = [0]
        for band in self.bands:
            self.starts.append(self.starts[-1] + len(band))
        self.n_rows = self.starts[-1]
        self.columns: list[list[_Entry]] = []
        # the spanning cells of each band, row by row: (row in the band, column, span)
        self.spanning: list[list[tuple[int, int, int]]] = [[] for _ in self.bands]
        for b, band in enumerate(self.bands):
            for k, row in enumerate(band):
                for j, cell in enumerate(row):
                    if cell is not None and cell.span > 1:
                        self.spanning[b].append((k, j, cell.span))
        for j in range(len(header)):
            entries = []
            for b, band in enumerate(self.bands):
                for k, row in enumerate(band):
                    cell = row[j]
                    if cell is not None:
                        text = tuple([measured(x.paragraph, x.style) for x in cell.blocks])
                        entries.append((self.starts[b] + k, b, cell.span, cell, text))
            self.columns.append(entries)
        self.idle = _idle(header, groups)
        # each column's paragraphs, with whether each stays on one line at the table's own size
        # and scaled (a scaled table is a copy of every cell: only its first is the header)
        self.paragraphs: list[list[tuple[Measured, bool, bool]]] = []
        for j, head in enumerate(header):
            found = []
            for n, _band, _span, cell, text in self.columns[j]:
                first = cell is head or n == 0
                for m in text:
                    short = first and (
                        self.idle[j] or len(m.paragraph.text.split()) <= _SHORT_HEADER
                    )
                    found.append((m, cell is head and short, n == 0 and short))
            self.paragraphs.append(found)
        # every column has a cell in every row and none spans: a row's height is its tallest
        # cell's, and each column's heights line up with the rows
        self.full = (
            all(
                [row for row, _b, span, _c, _t in entries if span == 1] == list(range(self.n_rows))
                for entries in self.columns
            )
            and len(self.columns) > 1
        )
        # and each band is one row: the table's height is its rows' heights added up
        self.simple = self.full and self.n_rows == len(self.bands)
        self._heights: dict[float, list[_Heights | None]] = {}

    def column(self, j: int, width: float, scale: float) -> list[float]:
        """Column ``j``'s cells' text heights (no padding) in boxes ``width`` wide, the text
        at ``scale``, in the order of :attr:`columns`."""
        at = self._heights.get(scale)
        if at is None:
            at = self._heights[scale] = [None] * len(self.columns)
        found = at[j]
        if found is None:
            found = at[j] = _Heights([[m.at(scale) for m in entry[4]] for entry in self.columns[j]])
        return found.at(width)

    def needs(self, pad_x: float, scale: float) -> list[tuple[float, float]]:
        """Each column's narrowest and widest useful width (padding included) at ``scale``.

        An idle column keeps its header on one line."""
        out = []
        room = 2 * pad_x + _SLACK
        for paragraphs in self.paragraphs:
            lo = hi = 0.0
            for m, whole_at_size, whole_scaled in paragraphs:
                a, z = m.at(scale).extent
                if whole_at_size if scale == 1.0 else whole_scaled:
                    a = z  # "Year Goal", "Q2 Status": a short header stays on one line
                if a > lo:
                    lo = a
                if z > hi:
                    hi = z
            out.append((lo + room, hi + room))
        return out

    def fitted(
        self,
        shares: Sequence[float],
        width: float,
        pad_x: float,
        pad_y: float = 0.0,
        scale: float = 1.0,
    ) -> tuple[float, ...]:
        """Column widths for the text at ``scale`` (see :func:`fitted_widths`)."""
        n_rows, n_bands, starts = self.n_rows, len(self.bands), self.starts
        pad2 = 2 * pad_y
        memos: list[dict[float, _Column]] = [{} for _ in self.columns]  # by width, rounded
        exact: list[dict[float, _Column]] = [{} for _ in self.columns]  # the same, by width
        derived: dict[int, _Column] = {}

        def column(j: int, w: float, key: float) -> _Column:
            """Column ``j`` at width ``w``, kept under ``key`` (the width rounded: a width that
            rounds alike is not measured again)."""
            texts = self.column(j, w - 2 * pad_x, scale)
            found = derived.get(id(texts))  # the same heights over a step of widths
            if found is None:
                per_row = [0.0] * n_rows
                spans = [0.0] * n_bands
                total = 0.0
                for (row, band, span, _cell, _text), text_h in zip(
                    self.columns[j], texts, strict=True
                ):
                    h = text_h + pad2
                    total += h
                    if span > 1:
                        spans[band] = max(spans[band], h)
                    else:
                        per_row[row] = h
                found = derived[id(texts)] = (per_row, spans, total)
            memos[j][key] = found
            return found

        costs: dict[tuple[int, ...], float] = {}
        simple = self.simple

        def cost(widths: Sequence[float]) -> float:
            # the table's height first; then every cell's, so that a column does not wrap to
            # many lines beside one with room even where its row's height is set by another cell
            cols = []
            for j, w in enumerate(widths):
                col = exact[j].get(w)  # a column a trial leaves as it was: its very width
                if col is None:
                    at = round(w, 2)
                    col = memos[j].get(at)
                    if col is None:
                        col = column(j, w, at)
                    exact[j][w] = col
                cols.append(col)
            key = tuple(map(id, cols))  # the same columns' heights cost the same
            found = costs.get(key)
            if found is not None:
                return found
            heights = [max(h) for h in zip(*[c[0] for c in cols], strict=True)]
            if simple:  # one row a band and no spans: as the loop below adds them up
                total = sum(heights)
            else:
                spans = [max(h) for h in zip(*[c[1] for c in cols], strict=True)]
                total = 0.0
                for b in range(n_bands):
                    total += max(sum(heights[starts[b] : starts[b + 1]]), spans[b])
            found = costs[key] = total + _CELLS_WEIGHT * sum([c[2] for c in cols])
            return found

        return fit_widths(self.needs(pad_x, scale), shares, width, cost, idle=self.idle)

    def row_heights(
        self, widths: Sequence[float], pad_x: float, pad_y: float, scale: float
    ) -> list[float]:
        """Every row's height at ``scale``, band by band (see the class)."""
        pad2 = 2 * pad_y
        if self.full:  # each row's tallest cell, as the loop below finds it
            columns = [self.column(j, w - 2 * pad_x, scale) for j, w in enumerate(widths)]
            return [h + pad2 + _SLACK for h in map(max, *columns)]
        tallest = [0.0] * self.n_rows  # each row's tallest cell that spans no other row
        spanning: dict[tuple[int, int], float] = {}
        for j, w in enumerate(widths):
            texts = self.column(j, w - 2 * pad_x, scale)
            for (row, _band, span, _cell, _text), text_h in zip(
                self.columns[j], texts, strict=True
            ):
                h = text_h + pad2
                if span > 1:
                    spanning[row, j] = h
                elif span == 1 and h > tallest[row]:
                    tallest[row] = h
        heights = [h + _SLACK for h in tallest]
        for b, cells in enumerate(self.spanning):
            start, end = self.starts[b], self.starts[b + 1]
            for k, j, span in cells:
                covered = heights[start + k : min(start + k + span, end)]
                need = spanning[start + k, j] + _SLACK - sum(covered)
                if need > 0:
                    heights[start + k + len(covered) - 1] += need
        return heights

    def height(self, widths: Sequence[float], pad_x: float, pad_y: float, scale: float) -> float:
        """The table's height with its text at ``scale``."""
        return self._total(self.row_heights(widths, pad_x, pad_y, scale))

    def _total(self, heights: Sequence[float]) -> float:
        """The rows' heights added up band by band."""
        if self.simple:
            return sum(heights)
        starts = self.starts
        total = sum(heights[: starts[1]])
        for b in range(1, len(self.bands)):
            total += sum(heights[starts[b] : starts[b + 1]])
        return total

    def fits(
        self, widths: Sequence[float], pad_x: float, pad_y: float, scale: float, room: float
    ) -> bool:
        """Whether the table with its text at ``scale`` is at most ``room`` tall.

        Where a row's height is its tallest cell's, the columns measured so far give a height
        no greater than the table's: once that is more than ``room``, the other columns need
        not be measured (widest first, the column most likely to be the tallest)."""
        if not self.full:
            return self.height(widths, pad_x, pad_y, scale) <= room
        pad2 = 2 * pad_y
        tallest: list[float] = []
        for n, j in enumerate(sorted(range(len(widths)), key=lambda j: -widths[j])):
            column = self.column(j, widths[j] - 2 * pad_x, scale)
            tallest = list(map(max, tallest, column)) if n else column
            if self._total([h + pad2 + _SLACK for h in tallest]) > room:
                return False
        return True

    def measure(
        self, widths: Sequence[float], pad_x: float, pad_y: float, scale: float
    ) -> tuple[list[Cell], list[float], list[tuple[list[Row], list[float]]]]:
        """The cells scaled by ``scale``, with their rows' heights: the header's, and each
        group's rows with theirs."""
        heights = self.row_heights(widths, pad_x, pad_y, scale)
        starts = self.starts
        grid: list[list[Cell | None]] = [[None] * len(self.header) for _ in range(self.n_rows)]
        for j, entries in enumerate(self.columns):
            for row, _band, _span, cell, text in entries:
                grid[row][j] = _scaled(cell, text, scale)
        head = [c for c in grid[0] if c is not None]
        body = []
        for b in range(1, len(self.bands)):
            body.append(
                (
                    [tuple(r) for r in grid[starts[b] : starts[b + 1]]],
                    heights[starts[b] : starts[b + 1]],
                )
            )
        return head, heights[: starts[1]], body


def _scaled(cell: Cell, text: Sequence[Measured], scale: float) -> Cell:
    """``cell.scaled(scale)``, given its paragraphs measured (their styles scaled once)."""
    if scale == 1.0:
        return cell
    blocks = tuple([m.at(scale).block for m in text])
    return Cell(blocks, cell.fill, cell.anchor, cell.span, cell.rule)


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
    return _Grid(header, groups).fitted(shares, width, pad_x, pad_y)


def balance_widths(
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    width: float,
    pad_x: float,
) -> tuple[float, ...]:
    """Column widths fitted to the cells at their full size (see :func:`fitted_widths`)."""
    return fitted_widths(header, groups, shares, width, pad_x)


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
    grid = _Grid(header, groups)
    widths = grid.fitted(shares, frame.w, pad_x)

    def fits(k: int, w: Sequence[float]) -> bool:
        return grid.fits(w, pad_x, pad_y, 1.0 + k * step, first.h)

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
        head, head_h, body = grid.measure(widths, pad_x, pad_y, 1.0)
        return TableLayout(
            widths, tuple(_page(head, head_h, body, first.h, frame.h)), 1.0, pad_x, pad_y
        )
    if k:
        # fitted to the text at this size, the columns may let it grow a step or more further
        refit = grid.fitted(shares, frame.w, pad_x, scale=1.0 + k * step)
        if fits(k, refit):
            widths = refit
            k = largest(k, most, widths) if k < most else k
    scale = round(1.0 + k * step, 6)
    pad = _padding(grid, widths, pad_x, pad_y, scale, fill * first.h, pad_y_max)
    head, head_h, body = grid.measure(widths, pad_x, pad, scale)
    rows = [tuple(head)] + [r for rs, _ in body for r in rs]
    heights = head_h + [h for _, hs in body for h in hs]
    return TableLayout(widths, (TablePage(tuple(rows), tuple(heights)),), scale, pad_x, pad)


def _padding(
    grid: _Grid,
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
    height = grid.height(widths, pad_x, pad_y, scale)
    if height >= target:
        return pad_y
    rows = 1 + sum(len(g.rows) for g in grid.groups)
    pad = min(most, pad_y + (target - height) / (2 * rows))
    # spanning cells can make some rows grow by less than twice the step: settle down exactly
    while pad > pad_y and grid.height(widths, pad_x, pad, scale) > target + 1.0:
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
