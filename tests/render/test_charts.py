"""Chart slides: a native chart with its numbers embedded, or the same spec as a picture."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Pt

from tests.render_check import RenderedDeck, audit_errors, deck_problems, slide_words
from tuningdeck.charts.look import LIGHTEST_GREY, alt_text, axis_title, label_above, series_dashes
from tuningdeck.model import ChartSlide, ChartSpec, Deck, Series
from tuningdeck.render import default_template, write_deck
from tuningdeck.render.chart_write import chart_part
from tuningdeck.render.kinds.chart import callout_blocks, describe, plan
from tuningdeck.render.plan import PictureShape, PlanContext
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme

THEME = Theme.load()

YOY = ChartSpec(
    kind="yoy",
    categories=["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"],
    series=[
        Series(
            name="FY18-19",
            values=[
                84_000,
                86_200,
                87_800,
                88_500,
                88_200,
                86_900,
                85_100,
                None,
                81_600,
                81_600,
                82_300,
                84_000,
            ],
        ),
        Series(
            name="FY19-20",
            values=[
                86_200,
                88_300,
                90_000,
                90_700,
                90_300,
                89_100,
                87_200,
                85_400,
                84_100,
                83_800,
                84_500,
                86_100,
            ],
        ),
        Series(name="FY20-21", values=[88_300, 90_500, 89_000, *[None] * 9]),
    ],
    number_format='0,"K"',
    marked="Sep",
    goal=92_000,
    goal_label="Goal",
)
RETENTION = ChartSpec(
    kind="bar",
    categories=["Q1", "Q2", "Q3", "Q4"],
    series=[
        Series(name="FY19-20", values=[0.42, 0.45, 0.47, 0.50]),
        Series(name="FY20-21", values=[0.48, 0.51, None, None]),
    ],
    number_format="0%",
    marked="Q2",
    goal=0.5,
    goal_label="Goal (50%)",
)
MARKETS = ChartSpec(
    kind="stacked bar",
    categories=["Jul", "Aug", "Sep"],
    series=[
        Series(name="Established", values=[71_000, 72_000, 70_500]),
        Series(name="Emerging", values=[17_000, 18_500, 18_500]),
    ],
    number_format="#,##0",
    marked="Sep",
)


def chart_slide(chart: ChartSpec = YOY, **kw: object) -> ChartSlide:
    settings: dict[str, object] = {
        "title": "Wikimedia Active Editors year-over-year comparison",
        "subtitle": "July 2018 - September 2020",
        "callout": "Q1 +7.3% YoY",
        "callout_detail": "(Goal: +5% YoY)",
        "department": "Product",
        "footnote": "* Editors with 5 or more edits in a month",
        "chart": chart,
        **kw,
    }
    return ChartSlide(**settings)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Native and matplotlib versions of a line, a bar and a stacked bar chart."""
    slides = [
        chart_slide(),
        chart_slide(RETENTION, title="New Editors Retention", callout="Q2 +7.5% YoY"),
        chart_slide(MARKETS, title="Active editors by market", callout="Q1\n89K/mo"),
        chart_slide(engine="matplotlib"),
        chart_slide(RETENTION, title="New Editors Retention", engine="matplotlib"),
        chart_slide(MARKETS, title="Active editors by market", engine="matplotlib"),
    ]
    path = tmp_path_factory.mktemp("charts") / "charts.pptx"
    return write_deck(Deck(slides), path)


def charts_of(slide):  # type: ignore[no-untyped-def]
    return [sh.chart for sh in slide.shapes if sh.has_chart]


def test_native_chart_embeds_its_numbers(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[0]
    (chart,) = charts_of(slide)
    # a line chart with markers, which only the newest series shows (the others are plain lines)
    line_chart = chart._chartSpace.find(f"{qn('c:chart')}/{qn('c:plotArea')}/{qn('c:lineChart')}")
    assert line_chart.find(qn("c:marker")).get("val") == "1"
    assert chart.plots[0].series[2].marker.style == XL_MARKER_STYLE.CIRCLE
    assert chart.plots[0].series[0].marker.style == XL_MARKER_STYLE.NONE
    assert [s.name for s in chart.plots[0].series] == ["FY18-19", "FY19-20", "FY20-21", "Goal"]
    assert list(chart.plots[0].categories) == list(YOY.categories)
    workbook = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][1:] == ("FY18-19", "FY19-20", "FY20-21", "Goal")
    assert [r[0] for r in rows[1:]] == list(YOY.categories)
    for j, s in enumerate(YOY.series, start=1):
        assert [r[j] for r in rows[1:]] == list(s.values)  # a gap is an empty cell
    assert {r[4] for r in rows[1:]} == {92_000}
    # the cached values PowerPoint shows before the data is opened are the same
    assert chart.plots[0].series[2].values == (88_300, 90_500, 89_000, *[None] * 9)


def test_native_chart_follows_the_theme(deck: Path) -> None:
    (chart,) = charts_of(Presentation(str(deck)).slides[0])
    c = THEME.colors
    assert not chart.has_title
    assert chart.legend.position == XL_LEGEND_POSITION.BOTTOM
    assert chart.font.name == "Lato"
    values = chart.value_axis
    assert values.tick_labels.number_format == '0,"K"'
    assert not values.tick_labels.number_format_is_linked
    assert values.tick_labels.font.name == "Lato"
    assert str(values.major_gridlines.format.line.color.rgb) == c.rule
    assert values.minimum_scale <= 81_600 and values.maximum_scale >= 92_000
    old, before, newest, goal = chart.plots[0].series
    assert str(newest.format.line.color.rgb) == c.accent
    assert newest.format.line.width > before.format.line.width
    assert str(before.format.line.color.rgb) == c.text_secondary
    assert str(old.format.line.color.rgb) == LIGHTEST_GREY  # 3:1 on white, not lighter
    assert str(goal.format.line.color.rgb) == c.green
    assert goal.format.line.dash_style == MSO_LINE_DASH_STYLE.DASH
    # the marked month: a bigger accent marker and its value shown in the axis's format
    point = newest.points[YOY.categories.index("Sep")]
    assert point.marker.size > newest.marker.size
    assert str(point.marker.format.fill.fore_color.rgb) == c.accent
    dlbl = newest._element.find(f"{qn('c:dLbls')}/{qn('c:dLbl')}")
    assert dlbl.find(qn("c:idx")).get("val") == "2"
    assert dlbl.find(qn("c:numFmt")).get("formatCode") == '0,"K"'
    assert dlbl.find(qn("c:showVal")).get("val") == "1"


def test_native_chart_has_the_pictures_dashes_axis_title_label_side_and_alt_text(
    deck: Path,
) -> None:
    slides = Presentation(str(deck)).slides
    (chart,) = charts_of(slides[0])
    old, before, newest, _goal = chart.plots[0].series
    assert series_dashes(YOY) == ["dash", "solid", "solid"]
    assert old.format.line.dash_style == MSO_LINE_DASH_STYLE.DASH
    assert before.format.line.dash_style is None and newest.format.line.dash_style is None
    values = chart.value_axis
    assert values.has_title and values.axis_title.text_frame.text == "Thousands"
    assert axis_title(YOY) == "Thousands"
    body_pr = values.axis_title._title.find(f".//{qn('a:bodyPr')}")
    assert body_pr.get("rot") == "-5400000"  # read upwards, along the axis
    frames = [sh for sh in slides[0].shapes if sh.has_chart]
    assert frames[0]._element.nvGraphicFramePr.cNvPr.get("descr") == alt_text(YOY)
    (bars,) = charts_of(slides[1])
    assert bars.value_axis.axis_title.text_frame.text == "Percent"
    assert not any(s.format.line.dash_style for s in list(bars.plots[0].series)[:2])
    (stacked,) = charts_of(slides[2])
    assert not stacked.value_axis.has_title  # "#,##0" says nothing of a unit


@pytest.mark.parametrize(("last", "side"), [(86_000, "b"), (99_000, "t")], ids=["under", "over"])
def test_native_chart_labels_the_marked_value_on_the_side_with_room(last: int, side: str) -> None:
    spec = ChartSpec(
        kind="yoy",
        categories=["Jul", "Aug", "Sep"],
        series=[
            Series(name="FY19-20", values=[84_000, 85_000, 87_000]),
            Series(name="FY20-21", values=[90_000, 92_000, last]),
        ],
        number_format='0,"K"',
        marked="Sep",
        goal=91_000,
    )
    xml, _ = chart_part(spec, THEME)
    positions = [
        el.get("val")
        for el in etree.fromstring(xml).iter(qn("c:dLblPos"))
        if el.getparent().tag == qn("c:dLbl")
    ]
    assert positions == [side]
    assert label_above(spec, 2, last) is (side == "t")  # the picture's side


def test_bar_charts_draw_the_goal_as_a_line(deck: Path) -> None:
    prs = Presentation(str(deck))
    (bars,) = charts_of(prs.slides[1])
    assert bars.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    column, line = bars.plots
    assert [s.name for s in column.series] == ["FY19-20", "FY20-21"]
    assert [s.name for s in line.series] == ["Goal (50%)"]
    assert line.series[0].values == (0.5,) * 4
    assert bars.value_axis.tick_labels.number_format == "0%"
    assert bars.value_axis.minimum_scale == 0
    (stacked,) = charts_of(prs.slides[2])
    assert stacked.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    assert [s.name for s in stacked.plots[0].series] == ["Established", "Emerging"]
    xlsx = load_workbook(io.BytesIO(stacked.part.chart_workbook.xlsx_part.blob))
    assert list(xlsx.active.iter_rows(min_row=2, values_only=True))[2] == ("Sep", 70_500, 18_500)


def test_chart_slide_texts(deck: Path) -> None:
    slide = Presentation(str(deck)).slides[0]
    assert slide.slide_layout.name == "Chart"
    shapes = {sh.name: sh for sh in slide.shapes}
    assert shapes["Title"].text_frame.text == "Wikimedia Active Editors year-over-year comparison"
    assert shapes["Subtitle"].text_frame.text == "July 2018 - September 2020"
    period, headline, detail = shapes["Callout"].text_frame.paragraphs
    assert (period.text, headline.text, detail.text) == ("Q1", "+7.3% YoY", "(Goal: +5% YoY)")
    big = headline.runs[0].font
    assert (big.name, big.bold, str(big.color.rgb)) == ("Montserrat", True, THEME.colors.accent)
    assert big.size >= Pt(28)
    assert detail.runs[0].font.name == "Lato"
    assert shapes["Department"].text_frame.text == "Department: Product"
    assert shapes["Footnote"].text_frame.text.startswith("* Editors")
    # a callout of two lines: the first is the period
    callout = {sh.name: sh for sh in Presentation(str(deck)).slides[2].shapes}["Callout"]
    assert [p.text for p in callout.text_frame.paragraphs][:2] == ["Q1", "89K/mo"]


def test_matplotlib_engine_draws_a_picture_and_no_chart(deck: Path) -> None:
    prs = Presentation(str(deck))
    native_parts = [p.partname for p in prs.part.package.iter_parts() if "/charts/" in p.partname]
    assert len(native_parts) == 3  # the three native slides' charts only
    ctx = PlanContext(THEME, Canvas(default_template(), THEME).frames)
    frame = ctx.frame("Chart", "Chart")
    for slide in list(prs.slides)[3:]:
        assert not charts_of(slide)
        (picture,) = [sh for sh in slide.shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert picture.name == "Chart"
        assert (picture.left, picture.top) == (Pt(frame.x), Pt(frame.y))
        assert abs(picture.width - Pt(frame.w)) <= 1 and abs(picture.height - Pt(frame.h)) <= 1
        assert picture.image.content_type == "image/png"
        assert "marked" in picture._element.nvPicPr.cNvPr.get("descr")
        assert "Chart" not in {sh.name for sh in slide.placeholders}


def test_matplotlib_plan_plots_the_spec_values() -> None:
    ctx = PlanContext(THEME, Canvas(default_template(), THEME).frames)
    (only,) = plan(chart_slide(engine="matplotlib"), ctx)
    assert not only.charts and "Chart" not in only.boxes
    (picture,) = only.shapes
    assert isinstance(picture, PictureShape) and picture.frame == ctx.frame("Chart", "Chart")
    from tuningdeck.charts.mpl import figure

    (ax,) = figure(YOY, THEME).axes
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.lines}
    for s in YOY.series:
        assert [None if y != y else y for y in lines[s.name]] == list(s.values)
    (native,) = plan(chart_slide(), ctx)
    assert native.charts == {"Chart": YOY} and not native.shapes


def test_callout_lines() -> None:
    ctx = PlanContext(THEME, {})
    texts = [b.paragraph.text for b in callout_blocks("Q1 +7.3% YoY", "(Goal: +5% YoY)", ctx)]
    assert texts == ["Q1", "+7.3% YoY", "(Goal: +5% YoY)"]
    assert [b.paragraph.text for b in callout_blocks("Q3 FY20-21 -2.0% YoY", "", ctx)] == [
        "Q3 FY20-21",
        "-2.0% YoY",
    ]
    assert [b.paragraph.text for b in callout_blocks("+7.3% YoY", "", ctx)] == ["+7.3% YoY"]
    assert callout_blocks("", "", ctx) == []
    assert describe(YOY) == (
        "Year-over-year line chart of FY18-19, FY19-20, FY20-21; Jul to Jun; values in "
        "thousands; FY20-21 latest 89K in Sep; FY20-21 ranges from 88K to 90K; Sep marked; "
        "Goal 92K."
    )


def test_openxml_audit_reports_no_errors(deck: Path) -> None:
    assert audit_errors(deck) == []


def test_libreoffice_renders_axes_inside_the_slide(
    deck: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    rendered = render_deck(deck)
    assert deck_problems(rendered) == []
    line, bars, stacked = (slide_words(s.page) for s in rendered.slides[:3])
    # native charts are drawn as text: axis labels, legend and the marked value are words
    assert {"jul", "sep", "jun", "85k", "90k", "fy18", "goal", "89k"} <= set(line), line
    assert {"q1", "q4", "0%", "40%", "51%"} <= set(bars)
    assert {"established", "emerging", "80000", "18500"} <= {w.replace(",", "") for w in stacked}


def test_without_subtitle_the_chart_moves_up_and_a_long_headline_is_set_smaller() -> None:
    ctx = PlanContext(THEME, Canvas(default_template(), THEME).frames)
    (with_subtitle,) = plan(chart_slide(), ctx)
    assert with_subtitle.frames == {}
    long = "Q1 +7.5% YoY in established markets and +2.1% YoY in emerging markets"
    for engine in ("native", "matplotlib"):
        (bare,) = plan(chart_slide(subtitle="", callout=long, engine=engine), ctx)
        assert "Subtitle" not in bare.boxes
        chart = ctx.frame("Chart", "Chart")
        moved = bare.frames.get("Chart") or bare.shapes[0].frame  # type: ignore[union-attr]
        assert ctx.frame("Chart", "Subtitle").y < moved.y < chart.y
        assert moved.y + moved.h == chart.y + chart.h
        period, headline, _detail = bare.boxes["Callout"]
        assert period.paragraph.text == "Q1"
        assert THEME.sizes.callout <= headline.style.size < 32
    (short,) = plan(chart_slide(), ctx)
    assert short.boxes["Callout"][1].style.size == 32
