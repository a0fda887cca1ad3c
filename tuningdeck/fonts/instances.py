"""Static font files cut from variable fonts, for renderers that cannot set a variable's weight.

LibreOffice draws a variable font at its default instance whatever weight is asked for (the
variable Montserrat as Montserrat Thin), so each face a deck is rendered with is cut from the
variable font with fontTools' instancer, named as a face of the family, and kept in a per-user
cache keyed by the variable font's content. Measurement does not need these files: it reads the
variable font at the face's location (:mod:`tuningdeck.text.advances`) with the same results.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tuningdeck.fonts.progress import notice
from tuningdeck.fonts.resolve import WEIGHT_NAMES, Face

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

__all__ = ["cache_dir", "postscript_name", "static_file", "style_name"]

# Bump when the way instances are cut or named changes, so that old cached files are not reused.
_RECIPE = "3"


def cache_dir() -> Path:
    """Where static instances are kept: ``$XDG_CACHE_HOME/tuningdeck/fonts``, in a folder per
    recipe (``static-r3``) and variable font (``montserrat-<digest of its content>``)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "tuningdeck" / "fonts"


def style_name(weight: int, italic: bool) -> str:
    """The style part of a file or PostScript name: ``Regular``, ``SemiBoldItalic``, ``Italic``."""
    if weight == 400:
        return "Italic" if italic else "Regular"
    return WEIGHT_NAMES.get(weight, f"W{weight}") + ("Italic" if italic else "")


def postscript_name(family: str, weight: int, italic: bool) -> str:
    """The PostScript name of a static face: ``IBMPlexSans-BoldItalic``."""
    return re.sub(r"[^A-Za-z0-9]", "", family) + "-" + style_name(weight, italic)


@functools.cache
def _source_key(source: Path, family: str) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    slug = re.sub(r"[^a-z0-9]", "", family.lower()) or "font"
    return f"{slug}-{digest}"


def _recipe_dir() -> Path:
    return cache_dir() / f"static-r{_RECIPE}"


def static_file(face: Face) -> Path:
    """A static font file of ``face``: its own file, or an instance cut from the variable font.

    The first call for a variable face cuts the instance (a few seconds, with a note on stderr)
    and caches it; later calls only look it up.
    """
    if not face.variable:
        return face.path
    name = postscript_name(face.family, face.weight, face.italic)
    target = _recipe_dir() / _source_key(face.path, face.family) / f"{name}.ttf"
    if not target.is_file():
        with notice(f"cutting a static {face.family} {style_name(face.weight, face.italic)}"):
            _write_instance(face, target)
        _prune_cache()
    return target


def _prune_cache() -> None:
    """Remove instances cut by an older recipe: nothing reads them any more."""
    for old in cache_dir().glob("static-r*"):
        if old.is_dir() and old != _recipe_dir():
            shutil.rmtree(old, ignore_errors=True)


def _write_instance(face: Face, target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    # No fresh timestamp in the head table: the same source gives the same bytes on every machine.
    font = TTFont(face.path, recalcTimestamp=False)
    instantiateVariableFont(font, dict(face.location), inplace=True, updateFontNames="STAT" in font)
    name_static(font, face.family, face.weight, face.italic)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
    os.close(fd)
    try:
        font.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def name_static(font: TTFont, family: str, weight: int, italic: bool) -> None:
    """Name a static instance as one face of ``family``, and set its style bits.

    Regular, Bold, Italic and Bold Italic form the family itself; other weights get the family
    "<family> SemiBold" (Regular/Italic) with ``family`` as typographic family, as static font
    families do so that every application groups them.
    """
    ribbi = weight in (400, 700)
    words = "" if weight == 400 else WEIGHT_NAMES.get(weight, f"W{weight}")
    typo_sub = " ".join(w for w in (words, "Italic" if italic else "") if w) or "Regular"
    if ribbi:
        legacy_family, subfamily = family, typo_sub
    else:
        legacy_family, subfamily = f"{family} {words}", "Italic" if italic else "Regular"
    postscript = postscript_name(family, weight, italic)

    table = font["name"]
    unique = table.getDebugName(3) or ""
    version = unique.split(";")[0] if ";" in unique else f"{font['head'].fontRevision:.3f}"
    values = {
        1: legacy_family,
        2: subfamily,
        3: f"{version};ULA;{postscript}",
        4: f"{family} {typo_sub}",
        6: postscript,
    }
    if not ribbi:
        values[16] = family
        values[17] = typo_sub
    for name_id in (16, 17, 21, 22, 25):
        if name_id not in values:
            table.removeNames(nameID=name_id)
    platforms = {(r.platformID, r.platEncID, r.langID) for r in table.names if r.nameID == 1}
    platforms.add((3, 1, 0x409))
    for name_id, text in values.items():
        table.removeNames(nameID=name_id)
        for platform in sorted(platforms):
            table.setName(text, name_id, *platform)

    os2 = font["OS/2"]
    os2.usWeightClass = weight
    bold = weight == 700
    selection = os2.fsSelection & ~0b1100001  # clear ITALIC (0), BOLD (5), REGULAR (6)
    if italic:
        selection |= 1 << 0
    if bold:
        selection |= 1 << 5
    if not italic and not bold:
        selection |= 1 << 6
    os2.fsSelection = selection
    head = font["head"]
    head.macStyle = (head.macStyle & ~0b11) | (1 if bold else 0) | (2 if italic else 0)
