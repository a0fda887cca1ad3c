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
from typing import TYPE_CHECKING

from tuningdeck import model
from tuningdeck.errors import (
    InputError,
    LayoutError,
    OutputError,
    Problem,
    TemplateError,
    WorkbookError,
)
from tuningdeck.model import Quarter

# Every model name (the deck, each slide kind's class and its parts) is exported from here.
from tuningdeck.model.data import *  # noqa: F403
from tuningdeck.model.deck import *  # noqa: F403
from tuningdeck.model.fiscal import *  # noqa: F403
from tuningdeck.model.slides import *  # noqa: F403
from tuningdeck.model.tables import *  # noqa: F403
from tuningdeck.model.visuals import *  # noqa: F403
from tuningdeck.theme import Theme

if TYPE_CHECKING:
    from tuningdeck.model import Deck as _Deck

__version__ = "0.1.0"

__all__ = [
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
__all__ += model.__all__  # the deck, each slide kind's class and its parts


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
