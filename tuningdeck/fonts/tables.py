"""What a font file holds, read from its own tables: family, weight, style and variation axes.

File names say nothing reliable about a font, so the resolver only ever trusts these tables:
the typographic family (name ID 16, else 1), the OS/2 weight class, the italic bits of OS/2 and
``head``, and the ``fvar`` axes of a variable font.
"""

from __future__ import annotations

import functools
import os
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from attrs import frozen

__all__ = ["FONT_SUFFIXES", "Axis", "FontInfo", "font_paths", "read_info", "same_family"]

FONT_SUFFIXES = (".ttf", ".otf")
"""The kinds of font file the resolver reads (TrueType and OpenType/CFF, one face a file)."""


@frozen
class Axis:
    """One variation axis of a variable font, in user units (a weight axis: 100 to 900)."""

    tag: str
    minimum: float
    default: float
    maximum: float


@frozen
class FontInfo:
    """A font file and the face its tables describe.

    For a variable font ``weight`` and ``italic`` describe the default instance, and ``axes`` the
    range the font can be set to.
    """

    path: Path
    family: str
    weight: int
    italic: bool
    axes: tuple[Axis, ...] = ()

    @property
    def variable(self) -> bool:
        """Whether the file is a variable font."""
        return bool(self.axes)

    def weight_range(self) -> tuple[int, int]:
        """The lowest and highest weight the file can be set in."""
        for axis in self.axes:
            if axis.tag == "wght":
                return round(axis.minimum), round(axis.maximum)
        return self.weight, self.weight


def same_family(a: str, b: str) -> bool:
    """Whether two family names are the same name, ignoring case and runs of spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def font_paths(locations: Iterable[Path]) -> list[Path]:
    """The font files among ``locations``: files as given, folders searched recursively (sorted)."""
    out: list[Path] = []
    for location in locations:
        if location.is_dir():
            out.extend(sorted(_walk(location)))
        elif location.suffix.lower() in FONT_SUFFIXES and location.is_file():
            out.append(location)
    return out


def _walk(folder: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.lower().endswith(FONT_SUFFIXES):
                yield Path(root) / name


def read_info(path: Path) -> FontInfo | None:
    """The face ``path`` holds, or None when it is not a font file fontTools can read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return _read(path.resolve(), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _read(path: Path, size: int, mtime: int) -> FontInfo | None:
    try:
        with open(path, "rb") as f:
            return _info(path, f)
    except OSError:
        return None


def _info(path: Path, file: BinaryIO) -> FontInfo | None:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(file, lazy=True)
    except (TTLibError, OSError, ValueError, AssertionError, struct.error):
        return None
    try:
        if "name" not in font or "OS/2" not in font:
            return None
        names = font["name"]
        family = names.getDebugName(16) or names.getDebugName(1)
        if not family:
            return None
        os2 = font["OS/2"]
        italic = bool(os2.fsSelection & 1) or bool(font["head"].macStyle & 2)
        axes: tuple[Axis, ...] = ()
        if "fvar" in font:
            axes = tuple(
                Axis(a.axisTag, a.minValue, a.defaultValue, a.maxValue) for a in font["fvar"].axes
            )
        return FontInfo(path, family.strip(), int(os2.usWeightClass), italic, axes)
    except Exception:  # a damaged table: not a font we can use
        return None
    finally:
        font.close()
