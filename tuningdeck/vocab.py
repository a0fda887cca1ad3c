"""The closed vocabularies, each spelled once: chart kinds, engines, fits, layouts, placeholders.

Every word is a :class:`Word`: an enum member that is also its text, so ``ChartKind.YOY ==
"yoy"``, it can key a dict that plain text looks up, and it is written into a file, a message
or a repr as its text.
Nothing here imports anything heavier than :mod:`enum`.
"""

from __future__ import annotations

import enum
import re
from typing import TypeVar

__all__ = ["ChartKind", "Engine", "Fit", "Layout", "Placeholder", "Word"]

_W = TypeVar("_W", bound="Word")


class Word(enum.Enum):
    """A word of a closed vocabulary (a base class: its members are in the subclasses)."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        # as its text, so that messages quote a layout or a kind as the user writes it
        return repr(self.value)

    @classmethod
    def parse(cls: type[_W], value: object) -> _W:
        """The member spelled ``value``; a :class:`ValueError` naming the words otherwise."""
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown {cls.what()} {value!r}; expected {cls.spelled()}") from None

    @classmethod
    def spelled(cls) -> str:
        """The words, for messages: ``yoy, line, bar or stacked bar``."""
        words = [str(w.value) for w in cls]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]

    @classmethod
    def what(cls) -> str:
        """What a word of this vocabulary is called in messages: ``chart kind`` for ChartKind."""
        return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


class ChartKind(str, Word):
    """How a chart draws its series."""

    YOY = "yoy"
    """Year over year: one line per fiscal year over the months July to June."""
    LINE = "line"
    BAR = "bar"
    STACKED_BAR = "stacked bar"

    @property
    def has_lines(self) -> bool:
        """Whether the series are drawn as lines (``yoy`` and ``line``), not bars."""
        return self in (ChartKind.YOY, ChartKind.LINE)


class Engine(str, Word):
    """What draws a chart."""

    NATIVE = "native"
    """An editable PowerPoint chart with its data embedded."""
    MATPLOTLIB = "matplotlib"
    """The same chart drawn as a picture."""


class Fit(str, Word):
    """How a picture takes its frame."""

    FIT = "fit"
    """The whole picture, its shape kept, letter-boxed in the frame."""
    CROP = "crop"
    """The picture fills the frame, trimmed equally on both sides."""


class Layout(str, Word):
    """A layout of the master, by name; a template's own layouts carry these names."""

    TITLE = "Title"
    SECTION = "Section"
    PRIORITY_UPDATE = "Priority Update"
    OBJECTIVE = "Objective"
    TWO_COLUMNS = "Two Columns"
    THREE_COLUMNS = "Three Columns"
    QUOTE = "Quote"
    CONTENT = "Content"
    TABLE = "Table"
    THREE_COLUMNS_AND_TABLE = "Three Columns and Table"
    CHART = "Chart"
    IMAGES = "Images"
    UNTITLED_IMAGES = "Untitled Images"
    IMAGE_AND_QUOTE = "Image and Quote"
    HIGHLIGHTS = "Highlights"


class Placeholder(str, Word):
    """A placeholder of a layout, by name, which a slide's text, table or chart fills."""

    TITLE = "Title"
    SUBTITLE = "Subtitle"
    BODY = "Body"
    NARRATIVE = "Narrative"
    SIDEBAR = "Sidebar"
    OBJECTIVE = "Objective"
    TARGET = "Target"
    LEFT = "Left"
    MIDDLE = "Middle"
    RIGHT = "Right"
    QUOTE = "Quote"
    ATTRIBUTION = "Attribution"
    TABLE = "Table"
    CALLOUT = "Callout"
    CHART = "Chart"
    IMAGES = "Images"
    GRID = "Grid"
    DEPARTMENT = "Department"
    FOOTNOTE = "Footnote"
    SLIDE_NUMBER = "Slide Number"
    WORDMARK = "Footer Wordmark"
    """The footer's organisation name (a footer placeholder), filled on every slide."""
