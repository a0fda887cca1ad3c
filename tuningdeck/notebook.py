"""See a deck in a notebook while building it: ``gallery(deck)`` shows every slide as rendered.

>>> from tuningdeck.notebook import gallery
>>> gallery(deck)  # last expression of a cell: a grid of thumbnails  # doctest: +SKIP

The slides are rendered by LibreOffice (see :mod:`tuningdeck.preview`), so what the notebook
shows is what a person opening the file would see, not an approximation.
"""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

from attrs import frozen

from tuningdeck.model import Deck
from tuningdeck.preview import render_pngs

__all__ = ["Gallery", "gallery", "thumbnails"]


def thumbnails(
    deck: Deck | str | os.PathLike[str],
    *,
    width: int = 640,
    template: str | os.PathLike[str] | None = None,
) -> list[bytes]:
    """PNGs of every slide of ``deck`` (a :class:`Deck` or a saved .pptx), ``width`` px wide."""
    with tempfile.TemporaryDirectory(prefix="tuningdeck-") as tmp:
        if isinstance(deck, Deck):
            path = deck.save(Path(tmp) / "deck.pptx", template=template)
        else:
            path = Path(deck)
        return [png.read_bytes() for png in render_pngs(path, Path(tmp) / "png", width=width)]


@frozen
class Gallery:
    """Slide thumbnails that Jupyter shows as a grid (``_repr_html_``). Immutable."""

    images: tuple[bytes, ...]
    columns: int = 3

    def __len__(self) -> int:
        return len(self.images)

    def _repr_html_(self) -> str:
        cells = []
        for n, png in enumerate(self.images, start=1):
            data = base64.b64encode(png).decode("ascii")
            cells.append(
                f'<figure style="margin:0"><img src="data:image/png;base64,{data}" '
                f'alt="slide {n}" style="width:100%;border:1px solid #c8ccd1"/>'
                f'<figcaption style="font:12px sans-serif;color:#54595d">{n}</figcaption></figure>'
            )
        grid = f"display:grid;grid-template-columns:repeat({self.columns},1fr);gap:12px"
        return f'<div style="{grid}">{"".join(cells)}</div>'


def gallery(
    deck: Deck | str | os.PathLike[str],
    *,
    columns: int = 3,
    width: int = 640,
    template: str | os.PathLike[str] | None = None,
) -> Gallery:
    """Render ``deck`` and return a :class:`Gallery` of its slides for a notebook to show."""
    return Gallery(tuple(thumbnails(deck, width=width, template=template)), columns)
