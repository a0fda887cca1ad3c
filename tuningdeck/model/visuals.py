"""The visual slide kinds: charts, images (with an optional quote), and big-number highlights."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from attrs import field, frozen

from tuningdeck.errors import FieldError
from tuningdeck.model.fields import not_empty, to_text
from tuningdeck.model.slides import Slide
from tuningdeck.vocab import ChartKind, Engine, Fit

__all__ = [
    "ChartKind",
    "ChartSlide",
    "ChartSpec",
    "Engine",
    "Fit",
    "Highlight",
    "HighlightsSlide",
    "Image",
    "ImageSlide",
    "Series",
]


def _chart_kind(value: ChartKind | str) -> ChartKind:
    return ChartKind.parse(value)


def _engine(value: Engine | str) -> Engine:
    return Engine.parse(value)


def _fit(value: Fit | str) -> Fit:
    return Fit.parse(value)


def _values(value: Iterable[float | None]) -> tuple[float | None, ...]:
    out: list[float | None] = []
    for v in value:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        elif isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError(f"a chart value must be a number or None, got {v!r}")
        else:
            out.append(float(v))
    return tuple(out)


@frozen(kw_only=True)
class Series:
    """One line or set of bars: a name and one value per category (``None`` for a gap)."""

    name: str = field(converter=to_text, validator=not_empty)
    values: tuple[float | None, ...] = field(converter=_values)


def _categories(value: Iterable[object]) -> tuple[str, ...]:
    return tuple(to_text(str(c)) for c in value)


def _series(value: Iterable[Series]) -> tuple[Series, ...]:
    series = tuple(value)
    if not series:
        raise ValueError("a chart needs at least one series")
    return series


def _goal(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number (or None), got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value!r}")
    return float(value)


@frozen(kw_only=True)
class ChartSpec:
    """A chart's data and how to draw it. Immutable.

    ``categories`` are the periods along the x axis (``"Jul"``, ``"Aug"``, … for a year-over-year
    chart, whose series are the years). ``number_format`` is an Excel format for the value axis
    (``'0,"K"'`` shows 89000 as 89K; ``"0.0%"`` shows 0.057 as 5.7%). ``marked`` is the category
    to highlight (the current period); ``goal`` draws a horizontal goal line at that value,
    labelled ``goal_label`` (blank: the deck's goal label, ``Words.goal_label``, "Goal").
    """

    kind: ChartKind = field(default=ChartKind.LINE, converter=_chart_kind)
    categories: tuple[str, ...] = field(converter=_categories)
    series: tuple[Series, ...] = field(converter=_series)
    number_format: str = field(default="General", converter=to_text)
    marked: str = field(default="", converter=to_text)
    goal: float | None = field(default=None, converter=_goal)
    goal_label: str = field(default="", converter=to_text)

    @number_format.validator
    def _number_format(self, attribute: object, value: str) -> None:
        from tuningdeck.charts.look import number_formatter  # plain Python, no plotting

        try:
            number_formatter(value or "General")
        except ValueError:
            raise FieldError(
                "ChartSpec",
                "number_format",
                f'bad number format "{value}"; expected an Excel number format for numbers, such '
                'as 0, 0.0, #,##0, 0%, 0.0% or 0,"K"',
            ) from None

    def __attrs_post_init__(self) -> None:
        n = len(self.categories)
        for s in self.series:
            if len(s.values) != n:
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for {n} categories")
        if self.marked and self.marked not in self.categories:
            raise ValueError(f"the marked period {self.marked!r} is not one of the categories")


@frozen(kw_only=True)
class ChartSlide(Slide):
    """A chart with its title, period subtitle and headline callout.

    ``engine="native"`` writes an editable PowerPoint chart with its data embedded;
    ``engine="matplotlib"`` draws the same spec as a picture (see :class:`Engine`).
    """

    kind: ClassVar[str] = "chart"

    title: str = field(converter=to_text, validator=not_empty)
    chart: ChartSpec
    subtitle: str = field(default="", converter=to_text)
    callout: str = field(default="", converter=to_text)
    callout_detail: str = field(default="", converter=to_text)
    engine: Engine = field(default=Engine.NATIVE, converter=_engine)


@frozen(kw_only=True)
class Image:
    """A picture file and its caption. ``fit`` is ``"crop"`` (fill the frame) or ``"fit"``."""

    path: Path = field(converter=Path)
    caption: str = field(default="", converter=to_text)
    fit: Fit = field(default=Fit.FIT, converter=_fit)


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    images = tuple(value)
    if not 1 <= len(images) <= 4:
        raise ValueError(f"an image slide holds one to four images, got {len(images)}")
    return images


@frozen(kw_only=True)
class ImageSlide(Slide):
    """One to four images with captions; with ``quote`` set, one or two images beside a quote.

    ``intro`` is text above the pictures (a heading and a paragraph); ``caption`` goes under them.
    ``attribution`` says who said the quote, one line each for name, role and place
    (``"Ana Reyes\\nTeacher trainer\\nPasay City, Philippines"``).
    """

    kind: ClassVar[str] = "image"

    title: str = field(default="", converter=to_text)
    images: tuple[Image, ...] = field(converter=_images)
    intro: str = field(default="", converter=to_text)
    quote: str = field(default="", converter=to_text)
    attribution: str = field(default="", converter=to_text)
    caption: str = field(default="", converter=to_text)

    def __attrs_post_init__(self) -> None:
        if self.quote and len(self.images) > 2:
            raise ValueError(
                f"an image slide with a quote holds one or two images, got {len(self.images)}"
            )
        if self.attribution and not self.quote:
            raise ValueError("an attribution needs the quote it belongs to")


@frozen(kw_only=True)
class Highlight:
    """A big number and its short label: ``"470+"`` — ``"teachers in 3 countries"``.

    ``before`` is an optional line set above the number, for a label that starts before it:
    ``"Deployed on"`` · ``"17"`` · ``"Wikipedias"``.
    """

    value: str = field(converter=to_text, validator=not_empty)
    label: str = field(converter=to_text, validator=not_empty)
    before: str = field(default="", converter=to_text)


def _highlights(value: Iterable[Highlight]) -> tuple[Highlight, ...]:
    items = tuple(value)
    if not 3 <= len(items) <= 6:
        raise ValueError(f"a highlights slide holds three to six numbers, got {len(items)}")
    return items


@frozen(kw_only=True)
class HighlightsSlide(Slide):
    """Three to six big numbers, each with a short label, on a grid that adapts to the count."""

    kind: ClassVar[str] = "highlights"

    title: str = field(converter=to_text, validator=not_empty)
    items: tuple[Highlight, ...] = field(converter=_highlights)
