"""The chart look both engines share: colours, line and type sizes, the value axis scale, and
Excel number formats for axis labels.

Both engines follow one set of conventions: the newest series in the accent colour and thicker,
older ones in greys (the oldest lightest), the goal as a dashed green line, the marked period
called out with its value, and the value axis labelled in the spec's Excel number format over
the same tick range. Plain Python: nothing here imports matplotlib or pptx.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence

from tuningdeck.model.visuals import ChartSpec
from tuningdeck.model.words import Words
from tuningdeck.theme import Theme
from tuningdeck.vocab import ChartKind

Formatter = Callable[[float], str]

__all__ = [
    "BAR_GAP",
    "BAR_SPACE",
    "ChartSizes",
    "Formatter",
    "alt_text",
    "axis_title",
    "goal_label",
    "label_above",
    "number_formatter",
    "on_fill",
    "series_colors",
    "series_dashes",
    "value_scale",
]


class ChartSizes:
    """Line widths, marker sizes and type sizes in points, the same in both engines."""

    newest = 3.0
    older = 2.0
    goal = 1.75
    rule = 0.75
    marker = 5.0
    marked_marker = 11.0
    marker_edge = 1.5
    tick_label = 11.0
    legend = 11.0
    data_label = 12.0


#: The gap between groups of bars, as a percentage of a bar group's width (PowerPoint's gapWidth).
BAR_GAP = {ChartKind.BAR: 60, ChartKind.STACKED_BAR: 80}
#: The space between the bars of one group, as a fraction of a bar's width (overlap -10%).
BAR_SPACE = 0.1


# -- colours -------------------------------------------------------------------------------------


def _mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (``RRGGBB`` strings)."""
    pa = [int(a[i : i + 2], 16) for i in (0, 2, 4)]
    pb = [int(b[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(pa, pb, strict=True))


def series_colors(spec: ChartSpec, theme: Theme) -> list[str]:
    """One ``RRGGBB`` colour per series of ``spec`` (the goal line is green, not listed here).

    The last series is the newest and takes the accent colour; older ones are greys from Base30
    (the year before) to Base70 (the oldest). The parts of a stacked bar are told apart instead:
    accent, dark accent, then greys.
    """
    c = theme.colors
    n = len(spec.series)
    if spec.kind is ChartKind.STACKED_BAR:
        cycle = [c.accent, c.accent_dark, c.text_muted, c.rule]
        return [cycle[i % len(cycle)] for i in range(n)]
    older = n - 1
    greys = [
        _mix(LIGHTEST_GREY, c.text_secondary, i / (older - 1)) if older > 1 else c.text_muted
        for i in range(older)
    ]
    return [*greys, c.accent]


def goal_label(spec: ChartSpec) -> str:
    """The goal line's label: the spec's, else the default goal label (``Goal``).

    A deck's own goal label is put in the spec when the slide is laid out."""
    return spec.goal_label or Words().goal_label


#: The lightest grey an older series is drawn in: 3:1 against white, as graphics need.
LIGHTEST_GREY = "8C9196"
#: Line dashes (DrawingML preset names) for the series older than the year before the newest.
OLDER_DASHES = ("dash", "sysDot", "lgDash", "sysDash")


def series_dashes(spec: ChartSpec) -> list[str]:
    """One dash style per series (DrawingML's preset names): the newest and the year before
    solid, older years dashed, then dotted, so that greys are told apart without their tint."""
    n = len(spec.series)
    if not spec.kind.has_lines:
        return ["solid"] * n
    return [
        "solid" if i >= n - 2 else OLDER_DASHES[(n - 3 - i) % len(OLDER_DASHES)] for i in range(n)
    ]


_SCALES = {"K": "thousands", "M": "millions", "B": "billions"}


def axis_title(spec: ChartSpec) -> str:
    """The value axis's title: the chart's unit, else what its number format says (percent,
    thousands); empty when nothing is known."""
    unit = getattr(spec, "unit", "")
    if unit:
        return str(unit)
    fmt = spec.number_format
    if "%" in fmt:
        return "Percent"
    if m := re.search(r'"\s*([KMB])\s*"', fmt):
        return _SCALES[m.group(1)].capitalize()
    return ""


def alt_text(spec: ChartSpec) -> str:
    """A chart described from its data, for screen readers: kind, series and span, the newest
    series' latest value and its range, the marked period and the goal."""
    fmt = number_formatter(spec.number_format)
    kind = {
        ChartKind.YOY: "Year-over-year line chart",
        ChartKind.LINE: "Line chart",
        ChartKind.BAR: "Bar chart",
        ChartKind.STACKED_BAR: "Stacked bar chart",
    }.get(spec.kind, "Chart")
    names = ", ".join(s.name for s in spec.series)
    parts = [f"{kind} of {names}"]
    if spec.categories:
        parts.append(f"{spec.categories[0]} to {spec.categories[-1]}")
    title = axis_title(spec)
    if title:
        parts.append(f"values in {title.lower()}")
    newest = spec.series[-1]
    known = [
        (cat, v) for cat, v in zip(spec.categories, newest.values, strict=True) if v is not None
    ]
    if known:
        cat, value = known[-1]
        low, high = min(v for _, v in known), max(v for _, v in known)
        parts.append(f"{newest.name} latest {fmt(value)} in {cat}")
        if len(known) > 1:
            parts.append(f"{newest.name} ranges from {fmt(low)} to {fmt(high)}")
    if spec.marked:
        parts.append(f"{spec.marked} marked")
    if spec.goal is not None:
        parts.append(f"{goal_label(spec)} {fmt(spec.goal)}")
    return "; ".join(parts) + "."


def on_fill(fill: str, theme: Theme) -> str:
    """The text colour that reads on ``fill``: white on dark colours, the text colour on light."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6
    return theme.colors.text if light else theme.colors.background


# -- Excel number formats ------------------------------------------------------------------------

_UNSUPPORTED = re.compile(r"[eEyYmMdDhHsS@]")


def _sections(fmt: str) -> list[str]:
    """Split a format at the ``;`` that are not inside quotes or after a backslash."""
    out, cur, quoted, escaped = [], [], False, False
    for ch in fmt:
        if escaped:
            cur.append(ch)
            escaped = False
        elif ch == "\\":
            cur.append(ch)
            escaped = True
        elif ch == '"':
            cur.append(ch)
            quoted = not quoted
        elif ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _general(value: float) -> str:
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def _section_formatter(section: str, fmt: str) -> tuple[Callable[[float], str], float]:
    """A formatter for one section (no sign handling: it is given the value to show), and the
    smallest difference it shows (0.001 for ``0.0%``, 1000 for ``0,"K"``; 0 for text only)."""
    prefix: list[str] = []
    suffix: list[str] = []
    number: list[str] = []
    percent = 0
    i = 0
    while i < len(section):
        ch = section[i]
        target = suffix if number else prefix
        if ch == '"':
            end = section.find('"', i + 1)
            if end < 0:
                raise ValueError(f"number format {fmt!r}: a quote is not closed")
            target.append(section[i + 1 : end])
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(section):
            target.append(section[i + 1])
            i += 2
            continue
        if ch == "[":  # a colour or condition: [Red], [>=100]
            end = section.find("]", i)
            i = len(section) if end < 0 else end + 1
            continue
        if ch in "_*":  # _x pads with the width of x; *x repeats x to fill the cell
            if ch == "_":
                target.append(" ")
            i += 2
            continue
        if ch in "0#?" or (ch in ".," and number and not suffix):
            number.append(ch)
        elif ch == "%":
            percent += 1
            target.append("%")
        elif _UNSUPPORTED.match(ch):
            raise ValueError(
                f"number format {fmt!r} is not supported on a chart axis: use a number format "
                'such as 0, 0.0, #,##0, 0%, 0.0% or 0,"K"'
            )
        else:
            target.append(ch)
        i += 1
    if not number:
        text = "".join(prefix)
        return (lambda v: text), 0.0
    pattern = "".join(number)
    whole, _, frac = pattern.partition(".")
    scale = 0
    # commas after the last digit placeholder divide by 1000 each
    while pattern.endswith(","):
        scale += 1
        pattern = pattern[:-1]
        if frac:
            frac = frac[:-1]
        else:
            whole = whole[:-1]
    grouping = "," in whole
    required = frac.count("0")
    optional = frac.count("#") + frac.count("?")
    head, tail = "".join(prefix), "".join(suffix)

    def formatted(value: float) -> str:
        v = value * 100**percent / 1000**scale
        text = f"{v:,.{required + optional}f}" if grouping else f"{v:.{required + optional}f}"
        if optional and "." in text:
            keep = len(text) - optional
            text = text[:keep] + text[keep:].rstrip("0")
            text = text.rstrip(".")
        if not whole.count("0") and text.startswith("0."):
            text = text[1:]
        return head + text + tail

    resolution = 10.0 ** -(required + optional) * 1000.0**scale / 100.0**percent
    return formatted, resolution


def number_formatter(fmt: str) -> Callable[[float], str]:
    """A function that shows a number as Excel shows it in the format ``fmt``.

    Supports General, digit placeholders (``0``, ``#``), decimals, thousands separators
    (``#,##0``), scaling by trailing commas (``0,"K"`` shows 89000 as ``89K``), percent, quoted
    and escaped literals, and a second section for negative numbers. Raises ``ValueError`` for
    date, time, text and scientific formats.
    """
    return _parse(fmt)[0]


def _parse(fmt: str) -> tuple[Callable[[float], str], float]:
    """The formatter for ``fmt`` and the smallest difference its first section shows."""
    sections = _sections(fmt.strip() or "General")
    if sections[0].strip().lower() == "general":
        return _general, 0.0
    positive, resolution = _section_formatter(sections[0], fmt)
    negative = _section_formatter(sections[1], fmt)[0] if len(sections) > 1 else None
    zero = _section_formatter(sections[2], fmt)[0] if len(sections) > 2 else None

    def show(value: float) -> str:
        if value == 0 and zero is not None:
            return zero(0.0)
        if value < 0:
            if negative is not None:
                return negative(-value)
            text = positive(-value)
            return text if _is_zero(text) else "-" + text
        return positive(value)

    return show, resolution


def _is_zero(text: str) -> bool:
    return not any(ch in "123456789" for ch in text)


# -- the value axis ------------------------------------------------------------------------------

_STEPS = (1.0, 2.0, 2.5, 5.0)


def _stacked_totals(spec: ChartSpec) -> list[float]:
    totals = []
    for i in range(len(spec.categories)):
        up = sum(v for s in spec.series if (v := s.values[i]) is not None and v > 0)
        down = sum(v for s in spec.series if (v := s.values[i]) is not None and v < 0)
        totals += [up, down]
    return totals


def _candidate_steps(raw: float) -> Iterator[float]:
    power = 10.0 ** math.floor(math.log10(raw))
    while True:
        for m in _STEPS:
            if m * power >= raw * (1 - 1e-9):
                yield m * power
        power *= 10


def value_scale(spec: ChartSpec, *, ticks: int = 5) -> tuple[float, float, float]:
    """The value axis as ``(minimum, maximum, major step)``, the same for both engines.

    Bars start at zero; lines get a range around their values (and the goal) with a little room
    above for the marked value's label. The step is a round number (1, 2, 2.5 or 5 times a power
    of ten) whose tick labels, shown in the spec's number format, are all different.
    """
    if spec.kind is ChartKind.STACKED_BAR:
        values = _stacked_totals(spec)
    else:
        values = [v for s in spec.series for v in s.values if v is not None]
    if spec.goal is not None:
        values.append(spec.goal)
    bars = not spec.kind.has_lines
    if bars:
        values.append(0.0)
    if not values:
        return 0.0, 1.0, 0.2
    lo, hi = min(values), max(values)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = (lo if bars and lo == 0 else lo - pad), hi + pad
    span = hi - lo
    if bars:
        hi += span * 0.04
        lo -= span * 0.04 if lo < 0 else 0.0
    else:
        hi += span * 0.08  # room above for the marked value's label
        padded = lo - span * 0.04
        lo = padded if lo < 0 or padded >= 0 else 0.0  # positive values keep the axis positive
    fmt, resolution = _parse(spec.number_format)
    for step in _candidate_steps(max((hi - lo) / ticks, resolution)):
        if resolution and abs(step / resolution - round(step / resolution)) > 1e-6:
            continue  # 2,500 shown as 0,"K" would read 3K
        first = math.floor(lo / step + 1e-9) * step
        if bars and lo >= 0:
            first = 0.0
        last = math.ceil(hi / step - 1e-9) * step
        count = round((last - first) / step)
        if count > ticks + 3:
            continue
        labels = [fmt(first + k * step) for k in range(count + 1)]
        if len(set(labels)) == len(labels):
            return _clean(first), _clean(last), _clean(step)
    raise AssertionError("unreachable: a large enough step always gives distinct labels")


def _clean(value: float) -> float:
    """Round away floating-point noise: 0.30000000000000004 → 0.3."""
    return float(f"{value:.12g}")


def label_above(spec: ChartSpec, mark: int, value: float) -> bool:
    """Whether the marked value's label goes above its point (else below): the side with the
    most room between the point and every line under the label's width (the series, its own
    included, and the goal). Both engines can place the label by it."""
    low, high, _step = value_scale(spec)
    span = (high - low) or 1.0
    near: list[float] = []
    for k, s in enumerate(spec.series):
        for dx in _LABEL_XS:
            if k == len(spec.series) - 1 and dx == 0.0:
                continue  # the point itself
            if (v := _at(s.values, mark + dx)) is not None:
                near.append(v)
    if spec.goal is not None:
        near.append(spec.goal)
    room_up = min((v - value for v in near if v > value), default=high - value) / span
    room_down = min((value - v for v in near if v < value), default=value - low) / span
    if value + _LABEL_ROOM * span > high:  # no room above the axis's top
        return False
    if value - _LABEL_ROOM * span < low:
        return True
    return room_up >= room_down


_LABEL_XS = (-0.4, -0.2, 0.0, 0.2, 0.4)  # where, in categories from its point, a label spans
_LABEL_ROOM = 0.12  # of the axis's span: what a label takes above or below its point


def _at(values: Sequence[float | None], x: float) -> float | None:
    """A series' value at ``x`` (in categories), along the straight line between its points."""
    a = math.floor(x)
    b = a + 1
    t = x - a
    va = values[a] if 0 <= a < len(values) else None
    vb = values[b] if 0 <= b < len(values) else None
    if t == 0.0:
        return va
    if va is None or vb is None:
        return None
    return va + (vb - va) * t
