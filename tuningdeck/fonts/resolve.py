"""Family name, weight and style → the font file (and variable-font location) that holds the face.

Looked for, in order: the files, folders and packages a theme names (:func:`add_sources`), the
installed fontpkg packages (the one named after the family first), then fontconfig, taking only
files whose own tables name exactly that family. A static file of the weight asked wins over a
variable font that can be set to it. A family found nowhere is a :class:`FontNotFoundError`
naming it, where it was looked for and the pip package that may provide it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import frozen

from tuningdeck.errors import InputError
from tuningdeck.fonts import sources
from tuningdeck.fonts.tables import FontInfo, read_info, same_family

__all__ = ["WEIGHT_NAMES", "Face", "FontNotFoundError", "resolve", "weight_of"]

WEIGHT_NAMES = {
    100: "Thin",
    200: "ExtraLight",
    300: "Light",
    400: "Regular",
    500: "Medium",
    600: "SemiBold",
    700: "Bold",
    800: "ExtraBold",
    900: "Black",
}
"""The usual names of the weights, as used in static font and file names."""


class FontNotFoundError(InputError):
    """A font family, or a weight or style of it, that is not to be found (a ValueError)."""


@frozen
class Face:
    """One face of a family: the file that holds it and, for a variable font, where on its axes.

    ``location`` gives every axis of a variable font in user units (``(("wght", 700.0),)``); it
    is empty for a static font.
    """

    family: str
    weight: int
    italic: bool
    path: Path
    location: tuple[tuple[str, float], ...] = ()

    @property
    def variable(self) -> bool:
        """Whether the face is set from a variable font."""
        return bool(self.location)


def weight_of(bold: bool, weight: int | None) -> int:
    """The numeric weight for ``bold``/``weight`` arguments: ``weight``, else 700 or 400."""
    if weight is None:
        return 700 if bold else 400
    if not 1 <= weight <= 1000:
        raise ValueError(f"weight {weight} is not available: weights run from 1 to 1000")
    if bold and weight != 700:
        raise ValueError(f"bold=True contradicts weight={weight}")
    return weight


def _stages(family: str) -> list[tuple[str, Callable[[], list[Path]]]]:
    """Where to look, in order: (a description for the error, the files to read)."""
    guess = sources.known_package(family)

    def theme_files() -> list[Path]:
        from tuningdeck.fonts.tables import font_paths

        return font_paths(sources.theme_files())

    def theme_packages() -> list[Path]:
        return [p for name in sources.theme_packages() for p in sources.package_fonts(name)]

    def named_package() -> list[Path]:
        return sources.package_fonts(guess)

    def other_packages() -> list[Path]:
        names = [n for n in sources.fontpkg_packages() if n != guess]
        return [p for name in names for p in sources.package_fonts(name)]

    stages = []
    if sources.theme_files():
        shown = ", ".join(str(p) for p in sources.theme_files())
        stages.append((f"the theme's font files ({shown})", theme_files))
    if sources.theme_packages():
        stages.append(
            (f"the theme's packages ({', '.join(sources.theme_packages())})", theme_packages)
        )
    stages.append((f"the package {guess}", named_package))
    stages.append(("the other installed fontpkg packages", other_packages))
    stages.append(("fontconfig", lambda: sources.fontconfig_files(family)))
    return stages


@functools.lru_cache(maxsize=256)
def _candidates(family: str) -> tuple[tuple[FontInfo, ...], tuple[str, ...]]:
    """The files of the first place that has ``family`` (and every place looked in)."""
    looked = []
    for where, files in _stages(family):
        looked.append(where)
        found = []
        for path in files():
            info = read_info(path)
            if info is not None and same_family(info.family, family):
                found.append(info)
        if found:
            return tuple(found), tuple(looked)
    return (), tuple(looked)


sources.on_change(_candidates.cache_clear)


def _pick(infos: Sequence[FontInfo], weight: int, italic: bool, nearest: bool) -> Face | None:
    styled = [i for i in infos if i.italic == italic]
    if not styled and italic:  # no italic: set upright, as renderers slant it
        styled, italic = [i for i in infos if not i.italic], False
    # a static face of exactly the weight, then a variable font that can be set to it
    for info in styled:
        if not info.variable and info.weight == weight:
            return Face(info.family, weight, italic, info.path)
    for info in styled:
        lo, hi = info.weight_range()
        if info.variable and lo <= weight <= hi:
            return _variable(info, weight, italic)
    if not nearest or not styled:
        return None

    def distance(info: FontInfo) -> int:
        lo, hi = info.weight_range()
        return 0 if lo <= weight <= hi else min(abs(weight - lo), abs(weight - hi))

    best = min(styled, key=distance)
    lo, hi = best.weight_range()
    closest = min(max(weight, lo), hi)
    if best.variable:
        return _variable(best, closest, italic)
    return Face(best.family, best.weight, italic, best.path)


def _variable(info: FontInfo, weight: int, italic: bool) -> Face:
    location = tuple((a.tag, float(weight) if a.tag == "wght" else a.default) for a in info.axes)
    return Face(info.family, weight, italic, info.path, location)


def _available(infos: Sequence[FontInfo]) -> str:
    styles = set()
    for info in infos:
        lo, hi = info.weight_range()
        weights = f"{lo}" if lo == hi else f"{lo}-{hi}"
        styles.add(f"{weights}{' italic' if info.italic else ''}")
    return ", ".join(sorted(styles))


@functools.lru_cache(maxsize=1024)
def resolve(family: str, *, weight: int = 400, italic: bool = False, nearest: bool = False) -> Face:
    """The face of ``family`` in ``weight`` (100 Thin to 900 Black) and style.

    An italic that the family lacks gives its upright face (renderers slant that, at the same
    widths), so the face's ``italic`` is False. A
    weight it lacks is an error unless ``nearest``, which takes the closest it has. Raises
    :class:`FontNotFoundError` naming the family and where it was looked for.
    """
    name = " ".join(family.split())
    if not name:
        raise FontNotFoundError("no font family given (the theme names an empty family)")
    infos, looked = _candidates(name)
    if not infos:
        raise FontNotFoundError(
            f"font family {name!r} was not found: looked in {', '.join(looked)}. "
            f"Install it (`pip install {sources.known_package(name).replace('_', '-')}` may "
            "provide it) or name its "
            "files in the theme's [fonts] files"
        )
    face = _pick(infos, weight, italic, nearest)
    if face is None:
        style = f"weight {weight}{' italic' if italic else ''}"
        raise FontNotFoundError(
            f"font family {name!r} has no {style} (weight {weight} is not available): "
            f"it has {_available(infos)} in {infos[0].path.parent}"
        )
    return face


sources.on_change(resolve.cache_clear)
