"""Column widths fitted to what the columns hold.

Each column has a *narrowest* width (its longest word, so that no word is split between
characters) and a *widest useful* width (its longest paragraph on one line). Columns start at
their theme share, narrowed to what they can use and widened to their narrowest; the width that
frees goes to the columns that still wrap. Then width moves, a step at a time, from column to
column while that makes the table shorter: a status that wraps to five lines beside a key result
with room to spare gets the room.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["ColumnNeed", "fit_widths"]

#: (narrowest, widest useful) width of a column's text, in points, padding included.
ColumnNeed = tuple[float, float]

_STEPS = 80  # at most this many moves of width from one column to another
_DIVISIONS = (150, 40, 15)  # step sizes, as fractions of the table's width
_TOLERANCE = 0.05  # points: a move must shorten the table by more than this


def _settle(
    widths: list[float],
    needs: Sequence[ColumnNeed],
    shares: Sequence[float],
    idle: Sequence[bool],
    total: float,
) -> list[float]:
    """Widths that add up to ``total``: room left over goes to the columns that still wrap
    (then to the busy columns, by share); room lacking comes from the columns above their
    narrowest."""
    w = list(widths)
    for _ in range(len(w) + 1):
        extra = total - sum(w)
        if extra <= 1e-6:
            break
        short = [j for j in range(len(w)) if w[j] < needs[j][1] - 1e-6]
        if not short:
            busy = [j for j in range(len(w)) if not idle[j]] or list(range(len(w)))
            weight = sum(shares[j] for j in busy)
            for j in busy:
                w[j] += extra * shares[j] / weight
            break
        weight = sum(shares[j] for j in short)
        for j in short:
            w[j] = min(needs[j][1], w[j] + extra * shares[j] / weight)
    over = sum(w) - total
    if over > 1e-6:
        room = [max(0.0, w[j] - needs[j][0]) for j in range(len(w))]
        if sum(room) >= over:
            w = [x - over * r / sum(room) for x, r in zip(w, room, strict=True)]
        else:  # even the narrowest widths are too wide: every column gives in proportion
            w = [x * total / sum(w) for x in w]
    return w


def fit_widths(
    needs: Sequence[ColumnNeed],
    shares: Sequence[float],
    total: float,
    cost: Callable[[Sequence[float]], float],
    *,
    idle: Sequence[bool] = (),
) -> tuple[float, ...]:
    """Widths adding up to ``total`` that make ``cost`` (the table's height) small.

    ``needs`` gives each column's narrowest and widest useful width, ``shares`` the theme's
    proportions (the starting point, and how leftover room is shared), ``idle`` the columns that
    hold nothing but dashes (they get no leftover room).
    """
    n = len(shares)
    idle = list(idle) or [False] * n
    lo = [a for a, _ in needs]
    if sum(lo) >= total:
        return tuple(_settle(list(lo), needs, shares, idle, total))
    start = [max(lo[j], min(total * shares[j], needs[j][1])) for j in range(n)]
    w = _settle(start, needs, shares, idle, total)
    best = cost(w)
    # small steps tune, large ones cross plateaus (a line saved only after many points)
    steps = [total / d for d in _DIVISIONS]
    for _ in range(_STEPS):
        found: tuple[float, list[float]] | None = None
        for step in steps:
            for a in range(n):
                if w[a] - step < lo[a]:
                    continue
                for b in range(n):
                    if a == b or idle[b]:
                        continue
                    trial = list(w)
                    trial[a] -= step
                    trial[b] += step
                    c = cost(trial)
                    if c < best - _TOLERANCE and (found is None or c < found[0]):
                        found = (c, trial)
        if found is None:
            break
        best, w = found
    return tuple(w)
