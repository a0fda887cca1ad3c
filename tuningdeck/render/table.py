"""Lay tables out before they are written: column widths, row heights, shrinking and paging.

A table is given as a header row and *groups* of body rows. A group is what must stay on one
slide when possible: an MTP outcome with its metric rows (its outcome cell spans them), a key
result with its sub-rows, a data table's heading with its rows. Every cell's height is measured
with the font files; a spanning cell that is taller than its rows together makes the group's last
row taller. A table that does not fit its frame is first shrunk (never below the theme's
``table_min``), then continued on more slides with the header repeated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import evolve, field, frozen

from tuningdeck.errors import LayoutError
from tuningdeck.render.plan import PT_PER_INCH, Frame, scaled
from tuningdeck.text.measure import Block, blocks_height, text_width

__all__ = ["Cell", "Group", "PlacedTable", "TableLayout", "TablePage", "lay_out_table"]

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
    """What one slide draws: column widths, its page of rows, cell padding (all in points)."""

    widths: tuple[float, ...]
    page: TablePage
    pad_x: float
    pad_y: float


@frozen
class TableLayout:
    """A table laid out: column widths (points), the pages, and the scale its text was set at."""

    widths: tuple[float, ...]
    pages: tuple[TablePage, ...]
    scale: float
    pad_x: float
    pad_y: float

    def placed(self, page: int) -> PlacedTable:
        """Slide ``page``'s part of the table."""
        return PlacedTable(self.widths, self.pages[page], self.pad_x, self.pad_y)


def _cell_height(cell: Cell, width: float, pad_x: float, pad_y: float) -> float:
    return blocks_height(cell.blocks, width - 2 * pad_x) + 2 * pad_y


def _row_heights(
    rows: Sequence[Sequence[Cell | None]], widths: Sequence[float], pad_x: float, pad_y: float
) -> list[float]:
    """Heights of ``rows`` (one group, or the header): spans are made to fit their rows."""
    heights = []
    for row in rows:
        h = 0.0
        for cell, w in zip(row, widths, strict=True):
            if cell is not None and cell.span == 1:
                h = max(h, _cell_height(cell, w, pad_x, pad_y))
        heights.append(h + _SLACK)
    for i, row in enumerate(rows):
        for cell, w in zip(row, widths, strict=True):
            if cell is not None and cell.span > 1:
                covered = heights[i : i + cell.span]
                need = _cell_height(cell, w, pad_x, pad_y) + _SLACK - sum(covered)
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


_FILLER = frozenset({"", "-", "–", "—"})


def balance_widths(
    header: Sequence[Cell],
    groups: Sequence[Group],
    shares: Sequence[float],
    width: float,
    pad_x: float,
) -> tuple[float, ...]:
    """Column widths from their shares, narrowed where a column holds only "-" or nothing.

    The quarters after the deck's own show "-": such a column keeps just the width its header
    needs on one line (measured), and the room it frees goes to the other columns in proportion
    to their shares.
    """
    widths = [width * s for s in shares]
    idle = []
    for j in range(len(header)):
        texts = [
            "".join(b.paragraph.text for b in cell.blocks).strip()
            for g in groups
            for row in g.rows
            if (cell := row[j]) is not None
        ]
        if texts and all(t in _FILLER for t in texts):
            idle.append(j)
    if not idle or len(idle) == len(widths):
        return tuple(widths)
    freed = 0.0
    for j in idle:
        need = max((text_width(b.paragraph.text, b.style) for b in header[j].blocks), default=0.0)
        narrow = min(widths[j], need + 2 * pad_x + 2.0)
        freed += widths[j] - narrow
        widths[j] = narrow
    busy = [j for j in range(len(widths)) if j not in idle]
    total = sum(shares[j] for j in busy)
    for j in busy:
        widths[j] += freed * shares[j] / total
    return tuple(widths)


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
) -> TableLayout:
    """Fit a table into ``frame``: shrink it (no further than ``floor``) or page it.

    ``first_frame``, when given, is the room on the first slide (a drill-down's table shares its
    slide with text); later slides use ``frame``.
    """
    widths = balance_widths(header, groups, shares, frame.w, pad_x)
    first = first_frame or frame
    step = 0.025
    scale = 1.0
    while scale >= floor - 1e-9:
        head, head_h, body = _measure(header, groups, widths, pad_x, pad_y, scale)
        total = sum(head_h) + sum(sum(h) for _, h in body)
        if total <= first.h:
            rows = [tuple(head)] + [r for rs, _ in body for r in rs]
            heights = head_h + [h for _, hs in body for h in hs]
            return TableLayout(
                widths, (TablePage(tuple(rows), tuple(heights)),), scale, pad_x, pad_y
            )
        scale = round(scale - step, 6)
    head, head_h, body = _measure(header, groups, widths, pad_x, pad_y, 1.0)
    return TableLayout(
        widths, tuple(_page(head, head_h, body, first.h, frame.h)), 1.0, pad_x, pad_y
    )


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
