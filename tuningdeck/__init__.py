"""tuningdeck: turn a quarterly OKR tracker workbook into a Tuning Session deck.

>>> import tuningdeck
>>> deck = tuningdeck.read_workbook("tracker.xlsx", quarter="Q1")   # doctest: +SKIP
>>> deck.save("q1.pptx")                                            # doctest: +SKIP

Or build the deck in code from the slide classes (:class:`TitleSlide`, :class:`ObjectiveSlide`,
...) and save it the same way. Importing this package is cheap: PowerPoint, Excel and plotting
libraries are loaded only when a deck is read, rendered or charted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuningdeck.errors import FieldError as FieldError
from tuningdeck.errors import InputError as InputError
from tuningdeck.errors import LayoutError as LayoutError
from tuningdeck.errors import OutputError as OutputError
from tuningdeck.errors import Problem as Problem
from tuningdeck.errors import TemplateError as TemplateError
from tuningdeck.errors import WorkbookError as WorkbookError

if TYPE_CHECKING:
    # Every model name (the deck, each slide kind's class and its parts) is exported from here;
    # at run time they are loaded on first use (see __getattr__), so the command starts quickly.
    from tuningdeck.model import *  # noqa: F403
    from tuningdeck.model import Deck as _Deck
    from tuningdeck.model import Quarter
    from tuningdeck.theme import Theme as Theme

__version__ = "0.1.0"

_OWN = [
    "FieldError",
    "InputError",
    "LayoutError",
    "OutputError",
    "Problem",
    "TemplateError",
    "Theme",
    "WorkbookError",
    "build",
    "read_workbook",
    "write_blank_workbook",
]


def __getattr__(name: str) -> Any:
    """The model's names and :class:`Theme`, imported when first asked for."""
    import importlib

    if name == "Theme":
        return importlib.import_module("tuningdeck.theme").Theme
    model = importlib.import_module("tuningdeck.model")

    if name == "__all__":
        return sorted({*_OWN, *model.__all__})
    if name in model.__all__:
        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__getattr__("__all__")})


def read_workbook(
    path: str | os.PathLike[str],
    quarter: Quarter | str | None = None,
    *,
    picture_folders: Iterable[str | os.PathLike[str]] = (),
) -> _Deck:
    """Read a tracker workbook into a :class:`Deck` for one quarter.

    Pictures come from the workbook's folder, or from ``picture_folders``. Raises
    :class:`WorkbookError` listing every problem as ``Sheet!Cell: ...``.
    """
    from tuningdeck.workbook import read_workbook as _read

    return _read(path, quarter=quarter, picture_folders=picture_folders)


def write_blank_workbook(path: str | os.PathLike[str]) -> Path:
    """Write an empty tracker workbook with every sheet and header row; never overwrites."""
    from tuningdeck.workbook import write_blank_workbook as _write

    return _write(path)


def build(
    workbook: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    quarter: Quarter | str | None = None,
    template: str | os.PathLike[str] | None = None,
    picture_folders: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Read ``workbook`` and write the quarter's deck to ``out`` (atomically); return ``out``.

    Raises :class:`OutputError` before reading anything when ``out`` is the workbook, the template
    or another file that is not a deck.
    """
    from tuningdeck.output import check_output

    check_output(out, protect=[p for p in (workbook, template) if p is not None])
    deck = read_workbook(workbook, quarter=quarter, picture_folders=picture_folders)
    return deck.save(out, template=template)
