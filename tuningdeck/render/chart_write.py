"""Draw a :class:`ChartSpec` as a native PowerPoint chart, its data embedded as a workbook.

The chart is editable in PowerPoint ("Edit Data" opens the numbers). It follows the same look as
the matplotlib engine (:mod:`tuningdeck.charts.mpl`): the newest series in the accent colour and
thicker, older ones in greys, the goal as a dashed green line, the marked period's value called
out with a bigger marker and a label above or below it (where there is more room), older years'
lines dashed, the value axis in the spec's number format over the same range and titled with
its unit, light gridlines, the legend at the bottom and no chart title (the slide has one).
"""

from __future__ import annotations

import copy

from lxml import etree
from pptx.chart.axis import ValueAxis
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.datalabel import DataLabels
from pptx.chart.point import Point
from pptx.chart.series import LineSeries
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml import parse_xml
from pptx.text.text import Font
from pptx.util import Pt

from tuningdeck.charts.look import (
    BAR_GAP,
    BAR_SPACE,
    ChartSizes,
    axis_title,
    goal_label,
    label_above,
    on_fill,
    series_colors,
    series_dashes,
    value_scale,
)
from tuningdeck.model import ChartSpec
from tuningdeck.oxml.core import element, serialize, sub
from tuningdeck.oxml.ns import qn
from tuningdeck.oxml.text import solid_fill
from tuningdeck.render.pptx_adapter import chart_space, data_label_element, plot_element
from tuningdeck.theme import Theme
from tuningdeck.vocab import ChartKind

__all__ = ["CHART_TYPES", "chart_data", "chart_part"]

#: The PowerPoint chart type for each chart kind.
CHART_TYPES = {
    ChartKind.YOY: XL_CHART_TYPE.LINE_MARKERS,
    ChartKind.LINE: XL_CHART_TYPE.LINE_MARKERS,
    ChartKind.BAR: XL_CHART_TYPE.COLUMN_CLUSTERED,
    ChartKind.STACKED_BAR: XL_CHART_TYPE.COLUMN_STACKED,
}


def chart_data(spec: ChartSpec) -> CategoryChartData:
    """The categories and series (and the goal, as a constant series) to embed and plot."""
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for s in spec.series:
        data.add_series(s.name, list(s.values))
    if spec.goal is not None:
        data.add_series(goal_label(spec), [spec.goal] * len(spec.categories))
    return data


def chart_part(spec: ChartSpec, theme: Theme) -> tuple[bytes, bytes]:
    """``spec`` as a native chart styled with ``theme``: the chart part's XML and the workbook
    embedded in it (which the chart's relationship ``rId1`` names).

    The chart is written by python-pptx's chart XML writer, outside any presentation.
    """
    data = chart_data(spec)
    space = parse_xml(data.xml_bytes(CHART_TYPES[spec.kind]))
    workbook = data.xlsx_blob
    space.get_or_add_externalData().rId = "rId1"
    _style(Chart(space, None), spec, theme)
    return serialize(space), workbook


def _style(chart: Chart, spec: ChartSpec, theme: Theme) -> None:
    """The look shared with the matplotlib engine (see the module's description)."""
    _positive_axis_ids(chart)
    _style_text(chart, theme)
    _style_axes(chart, spec, theme)
    _style_series(chart, spec, theme)
    if spec.goal is not None:
        _style_goal(chart, spec, theme)
    if spec.marked:
        _mark(chart, spec, theme)


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color)


def _font(font: Font, theme: Theme, *, size: float, color: str, bold: bool = False) -> None:
    font.name = theme.fonts.body
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = _rgb(color)


def _positive_axis_ids(chart: Chart) -> None:
    """python-pptx numbers a bar chart's axes with negative ids, which the schema forbids."""
    space = chart_space(chart)
    for el in (*space.iter(qn("c:axId")), *space.iter(qn("c:crossAx"))):
        el.set("val", str(abs(int(el.get("val")))))


def _style_text(chart: Chart, theme: Theme) -> None:
    """Lato everywhere, no title, the legend below the plot."""
    c = theme.colors
    _font(chart.font, theme, size=ChartSizes.tick_label, color=c.text_secondary)
    chart.has_title = False
    chart.has_legend = True
    legend = chart.legend
    legend.position = XL_LEGEND_POSITION.BOTTOM
    legend.include_in_layout = False
    _font(legend.font, theme, size=ChartSizes.legend, color=c.text_secondary)


def _style_axes(chart: Chart, spec: ChartSpec, theme: Theme) -> None:
    """Light gridlines, no axis line on the values, the spec's number format and range."""
    c = theme.colors
    values = chart.value_axis
    low, high, step = value_scale(spec)
    values.minimum_scale, values.maximum_scale, values.major_unit = low, high, step
    values.has_major_gridlines = True
    grid = values.major_gridlines.format.line
    grid.color.rgb = _rgb(c.rule)
    grid.width = Pt(ChartSizes.rule)
    values.format.line.fill.background()
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.minor_tick_mark = XL_TICK_MARK.NONE
    values.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    labels = values.tick_labels
    labels.number_format = spec.number_format
    labels.number_format_is_linked = False
    _font(labels.font, theme, size=ChartSizes.tick_label, color=c.text_secondary)
    _axis_title(values, axis_title(spec), theme)

    categories = chart.category_axis
    line = categories.format.line
    line.color.rgb = _rgb(c.rule)
    line.width = Pt(ChartSizes.rule)
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.minor_tick_mark = XL_TICK_MARK.NONE
    categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    _font(categories.tick_labels.font, theme, size=ChartSizes.tick_label, color=c.text_secondary)


def _axis_title(axis: ValueAxis, title: str, theme: Theme) -> None:
    """The value axis's title (its unit), turned to read upwards; none when it is empty."""
    if not title:
        return
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = title
    _font(
        frame.paragraphs[0].runs[0].font,
        theme,
        size=ChartSizes.tick_label,
        color=theme.colors.text_secondary,
    )
    body = frame._txBody.find(qn("a:bodyPr"))
    body.set("rot", "-5400000")
    body.set("vert", "horz")
    title_el = axis.axis_title._title
    if title_el.find(qn("c:overlay")) is None:
        title_el.get_or_add_overlay().val = False


def _style_series(chart: Chart, spec: ChartSpec, theme: Theme) -> None:
    """Colours by age: the newest series accent and thicker, older ones grey."""
    colors = series_colors(spec, theme)
    dashes = series_dashes(spec)
    newest = len(spec.series) - 1
    plot = chart.plots[0]
    lines = spec.kind.has_lines
    if not lines:
        plot.gap_width = BAR_GAP[spec.kind]
        plot.overlap = 100 if spec.kind is ChartKind.STACKED_BAR else -round(BAR_SPACE * 100)
    for i, series in enumerate(list(plot.series)[: len(spec.series)]):
        color = _rgb(colors[i])
        if lines:
            series.smooth = False
            line = series.format.line
            line.color.rgb = color
            line.width = Pt(ChartSizes.newest if i == newest else ChartSizes.older)
            if dashes[i] != "solid":  # older years told apart by their dashes, not only greys
                line.dash_style = MSO_LINE_DASH_STYLE.from_xml(dashes[i])
            marker = series.marker
            if i == newest:
                marker.style = XL_MARKER_STYLE.CIRCLE
                marker.size = round(ChartSizes.marker)
                marker.format.fill.solid()
                marker.format.fill.fore_color.rgb = color
                marker.format.line.color.rgb = color
            else:
                marker.style = XL_MARKER_STYLE.NONE
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color
            series.format.line.fill.background()
            series.invert_if_negative = False


def _style_goal(chart: Chart, spec: ChartSpec, theme: Theme) -> None:
    """The goal series as a dashed green line without markers (a line over bars, too)."""
    plot_xml = plot_element(chart)
    goal_ser = plot_xml.findall(qn("c:ser"))[-1]
    if not spec.kind.has_lines:
        _move_to_line_chart(plot_xml, goal_ser)
    series = LineSeries(goal_ser)
    series.smooth = False
    series.marker.style = XL_MARKER_STYLE.NONE
    line = series.format.line
    line.color.rgb = _rgb(theme.colors.green)
    line.width = Pt(ChartSizes.goal)
    line.dash_style = MSO_LINE_DASH_STYLE.DASH


def _move_to_line_chart(bar_chart: etree._Element, ser: etree._Element) -> None:
    """Move a bar chart's series into a line chart on the same axes (a combination chart)."""
    line_chart = element("c:lineChart")
    sub(line_chart, "c:grouping", {"val": "standard"})
    sub(line_chart, "c:varyColors", {"val": "0"})
    for el in ser.findall(qn("c:invertIfNegative")):
        ser.remove(el)
    line_chart.append(ser)  # moves it out of the bar chart
    sub(line_chart, "c:marker", {"val": "1"})
    for ax_id in bar_chart.findall(qn("c:axId")):
        line_chart.append(copy.deepcopy(ax_id))
    bar_chart.addnext(line_chart)


def _mark(chart: Chart, spec: ChartSpec, theme: Theme) -> None:
    """Call out the marked period: the newest value with a big accent marker (lines) or a dark
    bar, and its value above; each part of a stacked bar labelled with its value."""
    c = theme.colors
    i = spec.categories.index(spec.marked)
    all_series = list(chart.plots[0].series)
    if spec.kind is ChartKind.STACKED_BAR:
        colors = series_colors(spec, theme)
        for k, s in enumerate(spec.series):
            if s.values[i] is not None:
                point = all_series[k].points[i]
                _label(point, spec, theme, XL_LABEL_POSITION.CENTER, on_fill(colors[k], theme))
        return
    if spec.series[-1].values[i] is None:
        return
    point = all_series[len(spec.series) - 1].points[i]
    if spec.kind is ChartKind.BAR:
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(c.accent_dark)
        _label(point, spec, theme, XL_LABEL_POSITION.OUTSIDE_END, c.accent)
        return
    marker = point.marker
    marker.style = XL_MARKER_STYLE.CIRCLE
    marker.size = round(ChartSizes.marked_marker)
    marker.format.fill.solid()
    marker.format.fill.fore_color.rgb = _rgb(c.accent)
    marker.format.line.color.rgb = _rgb(c.background)
    marker.format.line.width = Pt(ChartSizes.marker_edge)
    above = label_above(spec, i, spec.series[-1].values[i] or 0.0)
    position = XL_LABEL_POSITION.ABOVE if above else XL_LABEL_POSITION.BELOW
    _label(point, spec, theme, position, c.accent)


def _label(point: Point, spec: ChartSpec, theme: Theme, position: int, color: str) -> None:
    """Show a data point's value in the spec's number format, bold."""
    label = point.data_label
    label.position = position
    _font(label.font, theme, size=ChartSizes.data_label, color=color, bold=True)
    dlbl = data_label_element(label)
    num_fmt = element("c:numFmt", {"formatCode": spec.number_format, "sourceLinked": "0"})
    sp_pr = dlbl.find(qn("c:spPr"))
    sp_pr.addprevious(num_fmt)
    if position != XL_LABEL_POSITION.CENTER:  # a white ground keeps it clear of other lines
        sp_pr.append(solid_fill(theme.colors.background))
    # LibreOffice takes a label's type from its series' labels, PowerPoint from the label itself
    series_labels = dlbl.getparent()
    _font(DataLabels(series_labels).font, theme, size=ChartSizes.data_label, color=color, bold=True)
