"""The matplotlib engine plots the spec's values in the theme's look; the shared axis rules."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tuningdeck.charts.look import (
    LIGHTEST_GREY,
    alt_text,
    axis_title,
    label_above,
    number_formatter,
    on_fill,
    series_colors,
    series_dashes,
    value_scale,
)
from tuningdeck.charts.mpl import figure, render_png, render_svg
from tuningdeck.model import ChartSpec, Series
from tuningdeck.theme import Theme

THEME = Theme.load()
ROOT = Path(__file__).resolve().parents[2]

YOY = ChartSpec(
    kind="yoy",
    categories=["Jul", "Aug", "Sep", "Oct"],
    series=[
        Series(name="FY18-19", values=[84_000, 86_000, None, 88_500]),
        Series(name="FY19-20", values=[86_000, 88_000, 90_000, 90_700]),
        Series(name="FY20-21", values=[88_000, 90_500, 89_000, None]),
    ],
    number_format='0,"K"',
    marked="Sep",
    goal=92_000,
    goal_label="Goal",
)


def plotted_lines(spec: ChartSpec) -> dict[str, list[float | None]]:
    """The y values of every labelled line of the drawn figure (NaN read back as a gap)."""
    (ax,) = figure(spec, THEME).axes
    return {
        line.get_label(): [None if math.isnan(y) else float(y) for y in line.get_ydata()]
        for line in ax.lines
        if not line.get_label().startswith("_")
    }


def plotted_bars(spec: ChartSpec) -> dict[str, dict[int, float]]:
    """Per series: category index → the bar's height, read from the drawn figure."""
    (ax,) = figure(spec, THEME).axes
    out: dict[str, dict[int, float]] = {}
    for container in ax.containers:
        out[container.get_label()] = {
            round(bar.get_x() + bar.get_width() / 2): bar.get_height() for bar in container
        }
    return out


@pytest.mark.parametrize(
    ("fmt", "value", "shown"),
    [
        ("General", 89_000, "89000"),
        ("General", 0.057, "0.057"),
        ("0", 89_123.6, "89124"),
        ("0.0", 3.14159, "3.1"),
        ("0.00", -2.5, "-2.50"),
        ("0%", 0.57, "57%"),
        ("0.0%", 0.057, "5.7%"),
        ("#,##0", 1_234_567, "1,234,567"),
        ("#,##0.0", 1_234.56, "1,234.6"),
        ('0,"K"', 89_000, "89K"),
        ('0.0,"K"', 89_450, "89.5K"),
        ('#,##0,,"M"', 12_400_000, "12M"),
        ("$#,##0", 1_500, "$1,500"),
        ("$#,##0", -1_500, "-$1,500"),
        ("0.0#", 1.5, "1.5"),
        ("0.0#", 1.256, "1.26"),
        ("#,##0;(#,##0)", -1_500, "(1,500)"),
        ('0" editors"', 12, "12 editors"),
        ("0\\%", 12, "12%"),
        ("[Blue]0.0", 1.25, "1.2"),
        ("0.0", -0.01, "0.0"),
    ],
)
def test_number_formatter_shows_values_as_excel_does(fmt: str, value: float, shown: str) -> None:
    assert number_formatter(fmt)(value) == shown


@pytest.mark.parametrize("fmt", ["yyyy-mm-dd", "0.00E+00", "@"])
def test_number_formatter_rejects_formats_an_axis_cannot_use(fmt: str) -> None:
    with pytest.raises(ValueError, match="not supported"):
        number_formatter(fmt)


def test_value_scale_gives_round_distinct_ticks() -> None:
    low, high, step = value_scale(YOY)
    assert low <= 84_000 and high >= 92_000  # the values and the goal
    assert step % 1000 == 0  # 2,500 would show as 3K in the 0,"K" format
    fmt = number_formatter(YOY.number_format)
    ticks = [fmt(low + k * step) for k in range(round((high - low) / step) + 1)]
    assert len(set(ticks)) == len(ticks)

    percent = ChartSpec(
        kind="bar",
        categories=["Q1", "Q2"],
        series=[Series(name="Retention", values=[0.071, 0.075])],
        number_format="0.0%",
    )
    low, high, step = value_scale(percent)
    assert low == 0  # bars start at zero
    assert high >= 0.075
    assert (high - low) / step <= 8


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        def f(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, bl = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_series_colors_put_the_newest_series_in_the_accent() -> None:
    colors = series_colors(YOY, THEME)
    c = THEME.colors
    assert colors[-1] == c.accent
    assert colors[-2] == c.text_secondary  # the year before: Base20
    assert colors[0] == LIGHTEST_GREY  # the oldest: the lightest grey with 3:1 on white
    for grey in colors[:-1]:
        assert _contrast(grey, c.background) >= 3.0
    dashes = series_dashes(YOY)
    assert dashes[-2:] == ["solid", "solid"] and len(set(dashes[:-2])) == len(dashes) - 2
    assert on_fill(c.accent, THEME) == c.background
    assert on_fill(c.rule, THEME) == c.text


def test_lines_plot_the_spec_values_with_gaps_and_the_goal() -> None:
    lines = plotted_lines(YOY)
    for s in YOY.series:
        assert lines[s.name] == list(s.values)
    assert set(lines["Goal"]) == {92_000}


def test_line_styles_follow_the_theme() -> None:
    fig = figure(YOY, THEME)
    (ax,) = fig.axes
    by_name = {line.get_label(): line for line in ax.lines}
    newest, before = by_name["FY20-21"], by_name["FY19-20"]
    assert newest.get_color().lower() == f"#{THEME.colors.accent}".lower()
    assert newest.get_linewidth() > before.get_linewidth()
    goal = by_name["Goal"]
    assert goal.get_color().lower() == f"#{THEME.colors.green}".lower()
    assert goal.get_linestyle() != "-"
    # the marked period: a big marker at the newest value, its label bold, its value shown
    marked = by_name["_marked"]
    assert list(marked.get_ydata()) == [89_000]
    labels = {t.get_text(): t for t in ax.get_xticklabels()}
    assert labels["Sep"].get_fontweight() == "bold"
    assert "89K" in [t.get_text() for t in ax.texts]
    fig.canvas.draw()  # tick labels are formatted at draw time
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks and all(t.endswith("K") for t in ticks)
    assert fig.legends[0].get_texts()[-1].get_text() == "Goal"


def test_bars_plot_the_spec_values() -> None:
    spec = ChartSpec(
        kind="bar",
        categories=["Q1", "Q2", "Q3"],
        series=[
            Series(name="FY19-20", values=[0.42, 0.45, 0.47]),
            Series(name="FY20-21", values=[0.48, 0.51, None]),
        ],
        number_format="0%",
        marked="Q2",
        goal=0.5,
    )
    bars = plotted_bars(spec)
    assert bars["FY19-20"] == {0: 0.42, 1: 0.45, 2: 0.47}
    assert bars["FY20-21"] == {0: 0.48, 1: 0.51}  # no bar for the missing value
    assert set(plotted_lines(spec)["Goal"]) == {0.5}


def test_stacked_bars_stack_the_spec_values() -> None:
    spec = ChartSpec(
        kind="stacked bar",
        categories=["Jul", "Aug"],
        series=[
            Series(name="Established", values=[71_000, 72_000]),
            Series(name="Emerging", values=[17_000, None]),
        ],
        number_format="#,##0",
        marked="Jul",
    )
    (ax,) = figure(spec, THEME).axes
    established, emerging = ax.containers
    assert [b.get_height() for b in established] == [71_000, 72_000]
    assert [(b.get_y(), b.get_height()) for b in emerging] == [(71_000, 17_000)]
    assert {t.get_text() for t in ax.texts} == {"71,000", "17,000"}


def test_render_png_and_svg() -> None:
    png = render_png(YOY, THEME, width_in=8.5, height_in=4.5, dpi=100)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (850, 450)
    svg = render_svg(YOY, THEME, width_in=8.5, height_in=4.5)
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert svg == render_svg(YOY, THEME, width_in=8.5, height_in=4.5)  # reproducible


def test_figures_are_drawn_in_lato() -> None:
    fig = figure(YOY, THEME)
    (ax,) = fig.axes
    fig.canvas.draw()
    from matplotlib import font_manager

    for text in [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts]:
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert Path(path).name.startswith("Lato-"), (text.get_text(), path)


def test_importing_tuningdeck_does_not_import_matplotlib() -> None:
    code = "import tuningdeck, tuningdeck.charts.mpl, tuningdeck.render, tuningdeck.render.kinds"
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    modules = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "tuningdeck.charts.mpl" in modules
    assert not [m for m in modules if m.split(".")[0] == "matplotlib"]


def test_the_marked_label_goes_to_the_side_clear_of_the_lines() -> None:
    # the other years run just under the marked point: the label goes above it
    under = ChartSpec(
        kind="yoy",
        categories=["Jul", "Aug", "Sep", "Oct"],
        series=[
            Series(name="FY19-20", values=[0.052, 0.055, 0.0566, 0.062]),
            Series(name="FY20-21", values=[0.056, 0.0597, 0.0597, None]),
        ],
        number_format="0.0%",
        marked="Sep",
    )
    assert label_above(under, 2, 0.0597) is True
    # the goal and another year just above it: below
    over = ChartSpec(
        kind="yoy",
        categories=["Jul", "Aug", "Sep"],
        series=[
            Series(name="FY19-20", values=[95.0, 96.0, 97.0]),
            Series(name="FY20-21", values=[60.0, 80.0, 94.0]),
        ],
        marked="Sep",
        goal=96.0,
    )
    assert label_above(over, 2, 94.0) is False


def test_the_value_axis_is_titled_and_the_chart_described_from_its_data() -> None:
    assert axis_title(YOY) == "Thousands"
    text = alt_text(YOY)
    assert text.startswith("Year-over-year line chart of FY18-19, FY19-20, FY20-21")
    assert "FY20-21 latest 89K in Sep" in text and "Goal 92K" in text
    fig = figure(YOY, THEME, width_in=8, height_in=4.5)
    assert fig.axes[0].get_ylabel() == "Thousands"
