"""The fonts a deck is measured and rendered with: any family, found as files, by name.

A theme names its heading and body families; :func:`resolve` finds the file holding each face
(the theme's own files and packages, installed fontpkg packages, fontconfig) and reads family,
weight and style from the fonts' own tables. Text is measured from those files, a variable font
at the face's location (:mod:`tuningdeck.text.advances`); :func:`install_fonts` registers static
files of the same faces with fontconfig (cut from a variable font when needed, and cached) so
that LibreOffice renders with them. Characters a theme's font lacks are measured and drawn with a
fallback font per script (:func:`fallback_family`), installed by ``tuningdeck[scripts]``.
"""

from __future__ import annotations

from pathlib import Path

from tuningdeck.fonts.fallback import (
    EXTRA,
    SCRIPT_FAMILIES,
    MissingScriptFont,
    fallback_family,
    script_families,
    script_family,
    script_of,
    set_script_families,
)
from tuningdeck.fonts.install import (
    THEME_FACES,
    default_install_dir,
    fonts_registered,
    install_fonts,
)
from tuningdeck.fonts.instances import cache_dir, static_file
from tuningdeck.fonts.resolve import Face, FontNotFoundError, resolve, weight_of
from tuningdeck.fonts.sources import add_sources, clear_sources

__all__ = [
    "EXTRA",
    "FAMILIES",
    "SCRIPT_FAMILIES",
    "THEME_FACES",
    "Face",
    "FontNotFoundError",
    "MissingScriptFont",
    "add_sources",
    "cache_dir",
    "clear_sources",
    "default_install_dir",
    "face",
    "fallback_family",
    "font_file",
    "font_files",
    "fonts_registered",
    "install_fonts",
    "resolve",
    "script_families",
    "script_family",
    "script_of",
    "set_script_families",
    "static_file",
]

FAMILIES = ("Montserrat", "Lato")
"""The bundled theme's families: Montserrat for headings, Lato for body text."""


def face(
    family: str, *, bold: bool = False, italic: bool = False, weight: int | None = None
) -> Face:
    """The face of ``family`` (any case) in the given style: :func:`resolve` with ``bold``."""
    return resolve(family, weight=weight_of(bold, weight), italic=italic)


def font_file(
    family: str, *, bold: bool = False, italic: bool = False, weight: int | None = None
) -> Path:
    """A static font file for ``family`` in the given style, as LibreOffice renders it.

    ``weight`` (100 to 900) picks a weight other than Regular or Bold; ``bold=True`` is weight
    700. A face held by a variable font is cut from it the first time (a few seconds) and cached.
    Raises FontNotFoundError (a ValueError) for a family or weight that is not to be found.
    """
    return static_file(face(family, bold=bold, italic=italic, weight=weight))


def font_files(families: tuple[str, ...] = FAMILIES) -> list[Path]:
    """Every static file of ``families`` a deck uses: each one's Regular, Italic, SemiBold, Bold
    and Bold Italic (those the family has)."""
    out: list[Path] = []
    for family in families:
        for w, i in THEME_FACES:
            found = face(family, weight=w, italic=i)
            if found.italic == i and found.weight == w:
                out.append(static_file(found))
    return out
