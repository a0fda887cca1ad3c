"""The visual slide kinds in a workbook: charts, image slides and highlights.

A chart's slide text is a row of sheet Charts and its data the rows of sheet Chart data, one value
a row (Chart, Period, Series, Value) for the whole year. A year-over-year (``yoy``) chart takes
months and makes one series per fiscal year; it marks the last month of the deck's quarter that
has data, and when its Callout is blank it computes the headline from the data (``Q1 +7.3%
YoY``); a Callout the data contradict is warned about. The other kinds take category labels and
named series. A deck never shows the future: rows dated after the end of the deck's quarter are
left out (:func:`chart_data`), and a Subtitle or Callout naming a month or quarter after it is
an error. Image slides name picture files relative to the workbook's folder; a file is looked
at when a slide shows it. Highlights are three to six pairs of a big number and its label,
each number with the words that come before it, if any.
Nothing here knows of Excel.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypedDict

import attrs
from attrs import field, frozen

from tuningdeck.charts.look import number_formatter
from tuningdeck.charts.periods import (
    Period,
    fiscal_year_of,
    label_period,
    periods_named,
    quarter_span,
)
from tuningdeck.charts.yoy import (
    FISCAL_START,
    MONTH_ABBR,
    MONTHS,
    fiscal_months,
    format_change,
    headline_matches,
    parse_periods,
    period_label,
    quarter_change,
    yoy_spec,
)
from tuningdeck.imagefile import ImageError, check_decodable, image_size
from tuningdeck.model import (
    ChartSlide,
    ChartSpec,
    FiscalYear,
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    Quarter,
    Series,
    Slide,
)
from tuningdeck.vocab import ChartKind, Engine, Fit
from tuningdeck.workbook.rows import (
    Reported,
    Row,
    RowError,
    RowErrors,
    SlideSource,
    by_key,
    key_id,
    one_line,
    rows_of,
    short,
    source_row,
)
from tuningdeck.workbook.schema import (
    CHART_DATA,
    CHARTS,
    HIGHLIGHT_COUNT,
    HIGHLIGHTS,
    IMAGE_COUNT,
    IMAGES,
)

__all__ = [
    "ChartData",
    "build_chart",
    "build_highlights",
    "build_image",
    "chart_data",
    "check_charts",
    "check_highlights",
    "check_images",
    "highlight_problems",
    "image_path",
    "image_problems",
    "number_format_problem",
    "picture_path",
    "quarter_months",
    "row_after",
]

# -- charts --------------------------------------------------------------------------------------


def _points(value: Iterable[tuple[dt.date, float]]) -> tuple[tuple[dt.date, float], ...]:
    return tuple(value)


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _series(value: Iterable[Series]) -> tuple[Series, ...]:
    return tuple(value)


@frozen
class ChartData:
    """One chart's Chart data rows, read for its kind. Immutable.

    A year-over-year chart has ``months``: (the first of a month, its value), in sheet order,
    blank values left out. The other kinds have ``categories`` and ``series`` (None for a gap).
    """

    months: tuple[tuple[dt.date, float], ...] = field(default=(), converter=_points)
    categories: tuple[str, ...] = field(default=(), converter=_labels)
    series: tuple[Series, ...] = field(default=(), converter=_series)


def chart_data(
    rows: Sequence[Row],
    kind: ChartKind,
    *,
    until: tuple[FiscalYear, Quarter] | None = None,
) -> tuple[ChartData, list[RowError]]:
    """One chart's Chart data rows as data for a chart of ``kind``, and what is wrong with them.

    For ``yoy``, each Period is a month (a date, or text such as ``2020-09``) and Series is
    blank. For ``line``, ``bar`` and ``stacked bar``, Period is a category label and Series the
    series' name; categories and series come in the order they first appear, and a period a
    series has no value for is a gap. A second value for the same period (and series) is an
    error, and so is a chart without a single value. Rows whose ``ok`` is False are left out
    and not complained about.

    ``until`` (a fiscal year and quarter) leaves out, once checked, the rows dated after the
    quarter's end (:func:`row_after`): the chart is the same whatever later rows the sheet holds.
    """
    usable = [r for r in rows if r.ok]
    later = None if until is None else _after(*until)
    if kind is ChartKind.YOY:
        data, problems = _months(usable, later)
    else:
        data, problems = _categories(usable, kind, later)
    if usable and not problems and not data.months and not any(_has_value(data.series)):
        first = usable[0]
        problems.append(
            RowError(
                first.sheet,
                first.cell("Value"),
                f'chart "{first.text("Chart")}" has no values; expected numbers in Value',
            )
        )
    return data, problems


def _has_value(series: Iterable[Series]) -> Iterable[bool]:
    return (v is not None for s in series for v in s.values)


def _after(fiscal_year: FiscalYear, quarter: Quarter) -> Callable[[object, str], bool]:
    """Whether a row (its Period and Series) is dated after the quarter's end."""
    end = quarter_span(fiscal_year, quarter).last
    return lambda period, series: row_after(period, series, fiscal_year, end)


def row_after(period: object, series: str, fiscal_year: FiscalYear, end: dt.date) -> bool:
    """Whether a Chart data row is dated after ``end`` (the first of the quarter's last month).

    A row is dated by its Period (a date cell, or a label that names a month, a quarter or a
    fiscal year: ``Sep 2020``, ``2020-09``, ``Q3``, ``Q3 FY20-21``, ``FY21-22``) and by its
    Series when that names one (``FY21-22``, ``Q2``). A bare quarter is of the fiscal year the
    Series names, else of ``fiscal_year``. A label that names no period (``Africa``) dates
    nothing; a row dated by neither is never after.
    """
    named = label_period(series, fiscal_year) if series else None
    if named is not None and named.first > end:
        return True
    if isinstance(period, dt.date):
        return dt.date(period.year, period.month, 1) > end
    own_year = fiscal_year
    if named is not None and named.unit == "fiscal year":  # the series is a fiscal year
        own_year = fiscal_year_of(named.first)
    label = label_period(str(period), own_year)
    return label is not None and label.first > end


def _months(
    rows: Sequence[Row], later: Callable[[object, str], bool] | None
) -> tuple[ChartData, list[RowError]]:
    points: list[tuple[dt.date, float]] = []
    first: dict[dt.date, Row] = {}
    problems: list[RowError] = []
    for row in rows:
        if row.text("Series"):
            problems.append(
                RowError(
                    row.sheet,
                    row.cell("Series"),
                    f'series "{short(row.text("Series"))}" on a row of a yoy chart; expected '
                    "Series blank (a year-over-year chart's series are its fiscal years)",
                )
            )
        period = row.value("Period")
        try:
            (month,) = parse_periods([period])
        except ValueError:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell("Period"),
                    f'bad month "{short(str(period))}" for a yoy chart; expected a date, or a '
                    "month as text such as 2020-09",
                )
            )
            continue
        if month in first:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell("Period"),
                    f"a second value for {month:%Y-%m} (first at row {first[month].number}); "
                    "expected one row per month",
                )
            )
            continue
        first[month] = row
        value = row.value("Value")
        if isinstance(value, float) and not (later and later(month, "")):
            points.append((month, value))
    return ChartData(months=points), problems


def _label(period: object) -> str:
    """A period as a category label: a date cell becomes its month, ``Sep 2020``."""
    if isinstance(period, dt.date):
        return f"{MONTH_ABBR[period.month - 1]} {period.year}"
    return str(period)


def _categories(
    rows: Sequence[Row], kind: ChartKind, later: Callable[[object, str], bool] | None
) -> tuple[ChartData, list[RowError]]:
    categories: dict[str, str] = {}
    names: dict[str, str] = {}
    values: dict[tuple[str, str], float | None] = {}
    first: dict[tuple[str, str], Row] = {}
    problems: list[RowError] = []
    for row in rows:
        name = row.text("Series")
        if not name:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell("Series"),
                    f"empty Series on a row of a {kind} chart; expected the name of its "
                    "line or bars, e.g. FY20-21",
                )
            )
            continue
        label = _label(row.value("Period"))
        at = (one_line(label), one_line(name))
        if at in first:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell("Period"),
                    f'a second value for period "{short(label)}" of series "{short(name)}" '
                    f"(first at row {first[at].number}); expected one value per period and "
                    "series",
                )
            )
            continue
        first[at] = row
        if later and later(row.value("Period"), name):
            continue
        categories.setdefault(at[0], label)
        names.setdefault(at[1], name)
        value = row.value("Value")
        values[at] = value if isinstance(value, float) else None
    series = [
        Series(name=shown, values=[values.get((c, n)) for c in categories])
        for n, shown in names.items()
    ]
    return ChartData(categories=categories.values(), series=series), problems


def number_format_problem(row: Row) -> RowError | None:
    """What is wrong with a Charts row's Number format, if anything."""
    fmt = row.text("Number format")
    if not fmt:
        return None
    try:
        number_formatter(fmt)
    except ValueError:
        return RowError(
            row.sheet,
            row.cell("Number format"),
            f'bad number format "{fmt}"; expected an Excel number format for numbers, such as '
            '0, 0.0, #,##0, 0%, 0.0% or 0,"K" (not a date, time, text or scientific format)',
        )
    return None


def quarter_months(fiscal_year: FiscalYear, quarter: Quarter) -> tuple[dt.date, ...]:
    """The first days of the quarter's three months: Q1 FY20-21 → 2020-07-01, -08-01, -09-01."""
    months = fiscal_months()[(int(quarter) - 1) * 3 : int(quarter) * 3]
    return tuple(
        dt.date(fiscal_year.start if m >= FISCAL_START else fiscal_year.start + 1, m, 1)
        for m in months
    )


def check_charts(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """The Charts rows' number formats, and each chart's data read for every kind it is given."""
    charts = [r for r in sheets.get(CHARTS.name, ()) if r.ok]
    problems = [p for p in map(number_format_problem, charts) if p is not None]
    kinds: dict[str, dict[ChartKind, None]] = {}
    for row in charts:
        kinds.setdefault(key_id(row.text("Key")), {})[_chart_kind(row)] = None
    for key, rows in by_key(sheets.get(CHART_DATA.name, ()), "Chart").items():
        for kind in kinds.get(key, {}):
            problems += chart_data(rows, kind)[1]
    return problems


class _Look(TypedDict, total=False):
    """How a Charts row draws its chart, as :class:`ChartSpec` takes it."""

    number_format: str
    goal: float | None
    goal_label: str


def _chart_kind(row: Row) -> ChartKind:
    """A Charts row's Kind: ``yoy`` unless the cell reads as another chart kind."""
    kind = row.value("Kind")
    return kind if isinstance(kind, ChartKind) else ChartKind.YOY


def build_chart(src: SlideSource) -> Slide:
    """A chart slide: its Charts row's text and look, its Chart data rows read for its kind."""
    row = source_row(src, "chart", CHARTS)
    kind = _chart_kind(row)
    rows = rows_of(src, "chart", CHART_DATA, "Chart")
    data, problems = chart_data(rows, kind)
    bad_format = number_format_problem(row)
    if bad_format is not None:
        problems.insert(0, bad_format)
    if problems:
        raise RowErrors(problems)
    fiscal_year = src.fiscal_year
    if fiscal_year is None:  # the Deck sheet's fiscal year is missing or bad: reported
        if kind is ChartKind.YOY:
            raise Reported
    else:  # what the deck shows ends with its quarter
        data = chart_data(rows, kind, until=(fiscal_year, src.quarter))[0]
        problems = _future_problems(src, row, data, fiscal_year)
        if problems:
            raise RowErrors(problems)
    goal = row.value("Goal")
    look: _Look = {
        "number_format": row.text("Number format") or "General",
        "goal": goal if isinstance(goal, float) else None,
    }
    if row.text("Goal label"):
        look["goal_label"] = row.text("Goal label")
    subtitle, callout = row.text("Subtitle"), row.text("Callout")
    if kind is ChartKind.YOY:
        spec, callout = _yoy(src, row, data, callout)
        spec = attrs.evolve(spec, **look)
        subtitle = subtitle or period_label(
            (m for m, _ in data.months), names=src.words.month_names
        )
    else:
        spec = ChartSpec(kind=kind, categories=data.categories, series=data.series, **look)
    return ChartSlide(
        title=row.text("Title"),
        chart=spec,
        subtitle=subtitle,
        callout=callout,
        callout_detail=row.text("Callout detail"),
        engine=Engine.MATPLOTLIB if row.value("Engine") is Engine.MATPLOTLIB else Engine.NATIVE,
        **src.common(),
    )


def _future_problems(
    src: SlideSource, row: Row, shown: ChartData, fiscal_year: FiscalYear
) -> list[RowError]:
    """What would show the future on a chart slide: no data up to the quarter's end, or a
    Subtitle or Callout naming a month or quarter after it. ``shown`` is the data up to then."""
    quarter = quarter_span(fiscal_year, src.quarter)
    end = _month_name(quarter.last)
    problems = []
    if not shown.months and not any(_has_value(shown.series)):
        key = src.slide.text("Key")
        problems.append(
            RowError(
                src.slide.sheet,
                src.slide.cell("Key"),
                f'chart "{short(key)}" has no values up to the end of {quarter.name} ({end}) '
                f"in sheet Chart data; expected a value for a period up to then, or the slide "
                f"left out of {src.quarter} in the Quarters column",
            )
        )
    subtitle = row.text("Subtitle")
    later = _later(subtitle, fiscal_year, quarter)
    if later is not None:
        if shown.months:
            span = period_label((m for m, _ in shown.months), names=src.words.month_names)
            expected = f"the span of the data shown, {span} (or Subtitle blank for it)"
        else:
            expected = f"a period that ends by {end}"
        problems.append(
            RowError(
                row.sheet,
                row.cell("Subtitle"),
                f'subtitle "{short(subtitle)}" names {later.name}, after the end of '
                f"{quarter.name} ({end}); expected {expected}",
            )
        )
    callout = row.text("Callout")
    later = _later(callout, fiscal_year, quarter)
    if later is not None:
        problems.append(
            RowError(
                row.sheet,
                row.cell("Callout"),
                f'callout "{short(callout)}" names {later.name}, after {quarter.name}, the '
                f"deck's quarter; expected a headline about {quarter.name} or earlier, or "
                "Callout blank",
            )
        )
    return problems


def _later(text: str, fiscal_year: FiscalYear, quarter: Period) -> Period | None:
    """The first month or quarter ``text`` names that begins after ``quarter``, if any."""
    return next((p for p in periods_named(text, fiscal_year) if p.first > quarter.last), None)


def _month_name(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _yoy(src: SlideSource, row: Row, data: ChartData, callout: str) -> tuple[ChartSpec, str]:
    """The year-over-year spec, its month marked, and the callout: computed, or as given.

    ``data`` holds the months up to the end of the deck's quarter only.
    """
    fiscal_year, quarter = src.fiscal_year, src.quarter
    if fiscal_year is None:  # the Deck sheet's fiscal year is missing or bad: reported
        raise Reported
    current = set(quarter_months(fiscal_year, quarter))
    shown = [m for m, _ in data.months if m in current]
    spec = yoy_spec(
        data.months,
        marked=max(shown) if shown else None,
        month_names=src.words.month_short_names,
    )
    change = quarter_change(data.months, fiscal_year, quarter)
    period = f"{quarter} {fiscal_year}"
    if change is None:
        if not callout:
            src.warn(
                f'{row.where("Callout")}: no callout for chart "{row.text("Key")}": its data '
                f"lack a month of {period} or of the same quarter a year earlier; expected "
                "all six months in Chart data, or a Callout"
            )
        return spec, callout
    computed = format_change(change, suffix=src.words.change_suffix)
    if not callout:
        return spec, f"{src.words.quarter_names[int(quarter) - 1]} {computed}"
    if not headline_matches(callout, change):
        src.warn(
            f'{row.where("Callout")}: callout "{callout}" but the data give {computed} for '
            f"{period}; check the Callout or the chart's rows in Chart data"
        )
    return spec, callout


# -- images --------------------------------------------------------------------------------------


def image_path(
    folder: str | os.PathLike[str], text: str, allowed: Iterable[str | os.PathLike[str]] = ()
) -> Path | None:
    """An Image cell's path made absolute (relative paths are taken from the workbook's
    ``folder``), or None when it lies outside ``folder`` and every ``allowed`` folder (links
    followed). Nothing about the file is looked at first, so a refusal tells nothing of it."""
    path = Path(os.path.abspath(Path(folder) / Path(text).expanduser()))
    real = os.path.realpath(path)
    for root in (folder, *allowed):
        base = os.path.realpath(os.path.abspath(root))
        if os.path.commonpath([base, real]) == base:
            return path
    return None


def picture_path(row: Row, column: str, src: SlideSource) -> Path:
    """The picture file a cell names, made absolute and checked as :func:`build_image` checks an
    Image cell: inside the workbook's folder (or one given with ``--pictures-from``), and a
    picture that can be read. Raise :class:`RowError` at the cell otherwise."""
    text = row.text(column)
    path = image_path(src.folder, text, src.picture_folders)
    if path is None:
        raise RowError(
            row.sheet,
            row.cell(column),
            f'image "{short(text)}" is outside the workbook\'s folder; expected a path '
            "inside it, or the picture's folder given with --pictures-from",
        )
    try:
        image_size(path)
        check_decodable(path)
    except ImageError as exc:
        raise RowError(
            row.sheet,
            row.cell(column),
            f'image "{short(text)}": {exc.reason} ({path}); expected '
            + (
                exc.expected
                or "a picture file (PNG, JPEG, GIF, …), its path relative to the workbook's folder"
            ),
        ) from exc
    return path


def image_problems(row: Row) -> list[RowError]:
    """What is wrong with an Images row, whatever the files: a caption without its picture, a
    quote beside more than two pictures, an attribution without a quote."""
    problems = []
    count = 0
    for i in range(1, IMAGE_COUNT + 1):
        if row.text(f"Image {i}"):
            count += 1
        elif row.text(f"Caption {i}"):
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Caption {i}"),
                    f"Caption {i} without a picture; expected the picture's file in Image {i}, "
                    f"or Caption {i} blank",
                )
            )
    if row.text("Quote") and count > 2:
        problems.append(
            RowError(
                row.sheet,
                row.cell("Quote"),
                f"a quote beside {count} pictures; expected one or two pictures beside a quote, "
                "or no quote",
            )
        )
    if row.text("Attribution") and not row.text("Quote"):
        problems.append(
            RowError(
                row.sheet,
                row.cell("Attribution"),
                "an attribution without a quote; expected the Quote it belongs to, or "
                "Attribution blank",
            )
        )
    return problems


def check_images(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """What is wrong with the Images rows, whatever the files (see :func:`image_problems`)."""
    return [p for row in sheets.get(IMAGES.name, ()) if row.ok for p in image_problems(row)]


def build_image(src: SlideSource) -> Slide:
    """An image slide: its Images row's pictures (each file looked at), captions and quote."""
    row = source_row(src, "image", IMAGES)
    problems = image_problems(row)
    images = []
    for i in range(1, IMAGE_COUNT + 1):
        text = row.text(f"Image {i}")
        if not text:
            continue
        path = image_path(src.folder, text, src.picture_folders)
        if path is None:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Image {i}"),
                    f'image "{short(text)}" is outside the workbook\'s folder; expected a path '
                    "inside it, or the picture's folder given with --pictures-from",
                )
            )
            continue
        try:
            image_size(path)
            check_decodable(path)
        except ImageError as exc:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Image {i}"),
                    f'image "{short(text)}": {exc.reason} ({path}); expected '
                    + (
                        exc.expected
                        or "a picture file (PNG, JPEG, GIF, …), its path relative to the "
                        "workbook's folder"
                    ),
                )
            )
            continue
        images.append(
            Image(
                path=path,
                caption=row.text(f"Caption {i}"),
                fit=Fit.CROP if row.value("Fit") is Fit.CROP else Fit.FIT,
            )
        )
    if problems:
        raise RowErrors(problems)
    return ImageSlide(
        title=row.text("Title"),
        images=images,
        caption=row.text("Caption"),
        intro=row.text("Intro"),
        quote=row.text("Quote"),
        attribution=row.text("Attribution"),
        **src.common(),
    )


# -- highlights ----------------------------------------------------------------------------------


def highlight_problems(row: Row) -> list[RowError]:
    """What is wrong with a Highlights row: a number without its label, a label without its
    number, or words before a number that is not there (the first three numbers and labels
    are required cells, checked as such)."""
    problems = []
    for i in range(4, HIGHLIGHT_COUNT + 1):  # Value 1 to 3 are required cells
        before = row.text(f"Before {i}")
        if before and not row.text(f"Value {i}"):
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Before {i}"),
                    f'Before {i} "{short(before)}" without a number; expected the number it '
                    f"comes before in Value {i}, or Before {i} blank",
                )
            )
    for i in range(4, HIGHLIGHT_COUNT + 1):
        value, label = row.text(f"Value {i}"), row.text(f"Label {i}")
        if value and not label:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Label {i}"),
                    f'empty Label {i} for the number "{short(value)}"; expected its short '
                    "label, e.g. teachers in 3 countries",
                )
            )
        elif label and not value:
            problems.append(
                RowError(
                    row.sheet,
                    row.cell(f"Value {i}"),
                    f'empty Value {i} for the label "{short(label)}"; expected the big number, '
                    "e.g. 470+",
                )
            )
    return problems


def check_highlights(sheets: Mapping[str, tuple[Row, ...]]) -> list[RowError]:
    """What is wrong with the Highlights rows (see :func:`highlight_problems`)."""
    return [p for row in sheets.get(HIGHLIGHTS.name, ()) if row.ok for p in highlight_problems(row)]


def build_highlights(src: SlideSource) -> Slide:
    """A highlights slide: its Highlights row's numbers and labels, blank pairs skipped."""
    row = source_row(src, "highlights", HIGHLIGHTS)
    problems = highlight_problems(row)
    if problems:
        raise RowErrors(problems)
    items = [
        Highlight(value=value, label=label, before=row.text(f"Before {i}"))
        for i in range(1, HIGHLIGHT_COUNT + 1)
        if (value := row.text(f"Value {i}")) and (label := row.text(f"Label {i}"))
    ]
    return HighlightsSlide(title=row.text("Title"), items=items, **src.common())
