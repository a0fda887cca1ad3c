"""The matplotlib engine: a chart drawn as a picture, in the same look as the native charts.

matplotlib is imported only when :func:`figure`, :func:`render_png` or :func:`render_svg` is
called; the shared conventions live in :mod:`tuningdeck.charts.look`.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from tuningdeck.charts.look import (
    BAR_GAP,
    BAR_SPACE,
    ChartSizes,
    Formatter,
    axis_title,
    goal_label,
    label_above,
    number_formatter,
    on_fill,
    series_colors,
    series_dashes,
    value_scale,
)
from tuningdeck.model.visuals import ChartSpec
from tuningdeck.theme import Theme
from tuningdeck.vocab import ChartKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["figure", "render_png", "render_svg"]


# -- matplotlib ----------------------------------------------------------------------------------


def _hex(color: str) -> str:
    return f"#{color}"


def _register_fonts(family: str) -> None:
    """Give matplotlib the static files of ``family`` (the charts' text is in the body font)."""
    from matplotlib import font_manager

    from tuningdeck.fonts import font_file

    known = {f.fname for f in font_manager.fontManager.ttflist}
    for bold in (False, True):
        path = str(font_file(family, bold=bold))
        if path not in known:
            font_manager.fontManager.addfont(path)


@contextmanager
def _look(theme: Theme) -> Iterator[None]:
    """matplotlib settings for the theme, for the duration of drawing and saving."""
    import matplotlib

    _register_fonts(theme.fonts.body)
    c = theme.colors
    with matplotlib.rc_context(
        {
            "font.family": [theme.fonts.body, "DejaVu Sans"],
            "font.size": ChartSizes.tick_label,
            "text.color": _hex(c.text),
            "axes.edgecolor": _hex(c.rule),
            "axes.labelcolor": _hex(c.text_secondary),
            "xtick.color": _hex(c.text_secondary),
            "ytick.color": _hex(c.text_secondary),
            "svg.hashsalt": "tuningdeck",
            "svg.fonttype": "path",
        }
    ):
        yield


def figure(
    spec: ChartSpec, theme: Theme, *, width_in: float = 8.6, height_in: float = 4.5
) -> Figure:
    """Draw ``spec`` on a new matplotlib figure of the given size (inches) and return it.

    Every series is an artist labelled with the series' name: a line (``ax.lines``, gaps as NaN)
    or a container of bars (``ax.containers``); the goal is a horizontal line labelled with the
    goal's label. The figure has no pyplot manager: save it with ``savefig``.
    """
    with _look(theme):
        return _figure(spec, theme, width_in, height_in)


def _figure(spec: ChartSpec, theme: Theme, width_in: float, height_in: float) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FixedLocator, FuncFormatter

    c = theme.colors
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    ax = fig.add_subplot()
    n = len(spec.categories)
    fmt = number_formatter(spec.number_format)
    mark = spec.categories.index(spec.marked) if spec.marked else None
    if mark is not None:
        ax.axvspan(mark - 0.5, mark + 0.5, color=_hex(c.accent_light), zorder=0, lw=0)

    if spec.kind.has_lines:
        _lines(ax, spec, theme, mark, fmt)
    else:
        _bars(ax, spec, theme, mark, fmt)
    if spec.goal is not None:
        ax.axhline(
            spec.goal,
            color=_hex(c.green),
            lw=ChartSizes.goal,
            ls=(0, (4, 2.5)),
            label=goal_label(spec),
            zorder=6,
        )

    low, high, step = value_scale(spec)
    ax.set_ylim(low, high)
    count = round((high - low) / step)
    ax.yaxis.set_major_locator(FixedLocator([low + k * step for k in range(count + 1)]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt(v)))
    title = axis_title(spec)
    if title:
        ax.set_ylabel(title, fontsize=ChartSizes.tick_label, color=_hex(c.text_secondary))
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_xticks(range(n), list(spec.categories))
    ax.grid(axis="y", color=_hex(c.rule), lw=ChartSizes.rule)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(_hex(c.rule))
    ax.spines["bottom"].set_linewidth(ChartSizes.rule)
    ax.tick_params(length=0, pad=6, labelsize=ChartSizes.tick_label)
    if mark is not None:
        label = ax.get_xticklabels()[mark]
        label.set_fontweight("bold")
        label.set_color(_hex(c.accent))

    handles, labels = ax.get_legend_handles_labels()
    if spec.goal is not None:  # the goal last, as in the native chart's legend
        k = labels.index(goal_label(spec))
        handles.append(handles.pop(k))
        labels.append(labels.pop(k))
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncol=len(labels),
        frameon=False,
        fontsize=ChartSizes.legend,
        handlelength=2.2,
        columnspacing=1.8,
        labelcolor=_hex(c.text_secondary),
    )
    return fig


_DASHES = {
    "solid": "-",
    "dash": (0, (5, 3)),
    "sysDot": (0, (1, 2)),
    "lgDash": (0, (8, 3)),
    "sysDash": (0, (3, 2)),
}


def _lines(ax: Axes, spec: ChartSpec, theme: Theme, mark: int | None, fmt: Formatter) -> None:
    """One line per series, gaps where a value is missing; the marked value called out."""
    c = theme.colors
    w = ChartSizes
    colors = series_colors(spec, theme)
    dashes = series_dashes(spec)
    newest = len(spec.series) - 1
    x = range(len(spec.categories))
    for i, s in enumerate(spec.series):
        top = i == newest
        ax.plot(
            x,
            [math.nan if v is None else v for v in s.values],
            color=_hex(colors[i]),
            ls=_DASHES.get(dashes[i], "-"),
            lw=w.newest if top else w.older,
            marker="o" if top else None,
            ms=w.marker,
            label=s.name,
            zorder=3 + i,
            solid_capstyle="round",
            solid_joinstyle="round",
        )
    if mark is None or (value := spec.series[newest].values[mark]) is None:
        return
    ax.plot(
        [mark],
        [value],
        "o",
        ms=w.marked_marker,
        color=_hex(c.accent),
        mec=_hex(c.background),
        mew=w.marker_edge,
        zorder=10,
        label="_marked",
    )
    above = label_above(spec, mark, value)
    _value_label(ax, fmt(value), (mark, value), theme, above=above, color=c.accent, clear=True)


def _bars(ax: Axes, spec: ChartSpec, theme: Theme, mark: int | None, fmt: Formatter) -> None:
    """Clustered or stacked columns, the gaps and overlap of the native chart's."""
    c = theme.colors
    colors = series_colors(spec, theme)
    stacked = spec.kind is ChartKind.STACKED_BAR
    count = len(spec.series)
    group = 1 / (1 + BAR_GAP[spec.kind] / 100)
    width = group if stacked else group / (count + BAR_SPACE * (count - 1))
    up = [0.0] * len(spec.categories)
    down = [0.0] * len(spec.categories)
    for i, s in enumerate(spec.series):
        xs: list[float] = []
        heights: list[float] = []
        bottoms: list[float] = []
        for j, v in enumerate(s.values):
            if v is None:
                continue
            if stacked:
                base = up if v >= 0 else down
                xs.append(j)
                bottoms.append(base[j])
                base[j] += v
            else:
                xs.append(j - group / 2 + width * (i * (1 + BAR_SPACE) + 0.5))
                bottoms.append(0.0)
            heights.append(v)
        bars = ax.bar(
            xs, heights, width=width, bottom=bottoms, color=_hex(colors[i]), label=s.name, zorder=3
        )
        if mark is None or (value := s.values[mark]) is None:
            continue
        k = [j for j, v in enumerate(s.values) if v is not None].index(mark)
        bar = bars[k]
        if stacked:
            centre = (bar.get_x() + width / 2, bar.get_y() + bar.get_height() / 2)
            color = on_fill(colors[i], theme)
            _value_label(ax, fmt(value), centre, theme, above=False, color=color)
        elif i == count - 1:
            bar.set_color(_hex(c.accent_dark))
            top = (bar.get_x() + width / 2, bar.get_y() + bar.get_height())
            _value_label(ax, fmt(value), top, theme, above=True, color=c.accent)


def _value_label(
    ax: Axes,
    text: str,
    at: tuple[float, float],
    theme: Theme,
    *,
    above: bool,
    color: str,
    clear: bool = False,
) -> None:
    """A bold value: above a point on a white ground, or centred on a bar; with ``clear``, a
    point's label above or below it (``above``), away from the lines."""
    ground = {"boxstyle": "square,pad=0.15", "fc": _hex(theme.colors.background), "ec": "none"}
    offset = 9 if above else (-9 if clear else 0)
    ax.annotate(
        text,
        at,
        xytext=(0, offset),
        textcoords="offset points",
        ha="center",
        va="bottom" if above else "top" if clear else "center",
        fontsize=ChartSizes.data_label,
        fontweight="bold",
        color=_hex(color),
        zorder=11,
        bbox=ground if above or clear else None,
    )


def _render(spec: ChartSpec, theme: Theme, width_in: float, height_in: float, **save: Any) -> bytes:
    with _look(theme):
        fig = _figure(spec, theme, width_in, height_in)
        out = io.BytesIO()
        fig.savefig(out, facecolor="white", **save)
    return out.getvalue()


def render_png(
    spec: ChartSpec, theme: Theme, *, width_in: float, height_in: float, dpi: int = 200
) -> bytes:
    """``spec`` drawn as a PNG of ``width_in`` × ``height_in`` inches at ``dpi``."""
    return _render(spec, theme, width_in, height_in, format="png", dpi=dpi)


def render_svg(spec: ChartSpec, theme: Theme, *, width_in: float, height_in: float) -> bytes:
    """``spec`` drawn as an SVG of ``width_in`` × ``height_in`` inches (text as outlines)."""
    return _render(spec, theme, width_in, height_in, format="svg", metadata={"Date": None})
