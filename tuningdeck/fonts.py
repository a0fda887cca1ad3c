"""The fonts a deck is measured and rendered with: static Montserrat and Lato files.

Lato comes as static files in ``fontpkg_lato``. Montserrat comes only as a variable font in
``fontpkg_montserrat``, which LibreOffice draws as Montserrat Thin whatever weight is asked for, so
static instances (Regular, SemiBold, Bold and the italics) are cut from it with fontTools, named as
one family "Montserrat", and kept in a per-user cache keyed by the variable font's content.

Text is measured with :func:`font_file`; :func:`install_fonts` registers the same files with
fontconfig so that LibreOffice renders with them.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import importlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

__all__ = [
    "FAMILIES",
    "cache_dir",
    "default_install_dir",
    "font_file",
    "font_files",
    "fonts_registered",
    "install_fonts",
]

FAMILIES = ("Montserrat", "Lato")
"""The families a deck uses: Montserrat for headings, Lato for body text."""

# Bump when the way instances are cut or named changes, so that old cached files are not reused.
_RECIPE = "2"

# The faces a deck uses, as (weight, italic).
_FACES = ((400, False), (400, True), (600, False), (700, False), (700, True))

_WEIGHT_NAMES = {400: "Regular", 600: "SemiBold", 700: "Bold"}

# Font file names inside the fontpkg packages.
_PACKAGES = {"Montserrat": "fontpkg_montserrat", "Lato": "fontpkg_lato"}
_MONTSERRAT_SOURCES = {False: "Montserrat[wght].ttf", True: "Montserrat-Italic[wght].ttf"}


def _style(weight: int, italic: bool) -> str:
    """The style part of a file or PostScript name: ``Regular``, ``BoldItalic``, ``Italic``."""
    if weight == 400:
        return "Italic" if italic else "Regular"
    return _WEIGHT_NAMES[weight] + ("Italic" if italic else "")


def _family(name: str) -> str:
    for family in FAMILIES:
        if family.lower() == name.strip().lower():
            return family
    raise ValueError(f"unknown font family {name!r}: expected one of {', '.join(FAMILIES)}")


def _weight(bold: bool, weight: int | None) -> int:
    if weight is None:
        return 700 if bold else 400
    if weight not in _WEIGHT_NAMES:
        raise ValueError(f"weight {weight} is not available: expected 400, 600 or 700")
    if bold and weight != 700:
        raise ValueError(f"bold=True contradicts weight={weight}")
    return weight


def _package_files(family: str) -> Path:
    """The ``files`` directory of the fontpkg package that ships ``family``."""
    name = _PACKAGES[family]
    missing = f"the {family} font package is not installed: pip install {name.replace('_', '-')}"
    try:
        module = importlib.import_module(name)
    except ImportError as e:
        raise FileNotFoundError(missing) from e
    if module.__file__ is None:  # a namespace package of that name, not the font package
        raise FileNotFoundError(missing)
    return Path(module.__file__).resolve().parent / "files"


def font_file(
    family: str, *, bold: bool = False, italic: bool = False, weight: int | None = None
) -> Path:
    """The static font file for ``family`` ("Montserrat" or "Lato", any case) in the given style.

    ``weight`` (400, 600 or 700) picks a weight other than Regular or Bold; ``bold=True`` is weight
    700. The first call for a Montserrat face cuts the static instance from the variable font (a
    few seconds) and caches it; later calls only look it up. Raises ValueError for other families
    or weights.
    """
    name = _family(family)
    w = _weight(bold, weight)
    if name == "Lato":
        path = _package_files("Lato") / f"Lato-{_style(w, italic)}.ttf"
        if not path.is_file():
            raise FileNotFoundError(f"the Lato font package lacks {path.name}")
        return path
    return _montserrat(w, italic)


def font_files() -> list[Path]:
    """Every static file a deck uses: Montserrat and Lato, each Regular, SemiBold, Bold, Italic
    and Bold Italic."""
    return [font_file(family, weight=w, italic=i) for family in FAMILIES for w, i in _FACES]


def cache_dir() -> Path:
    """Where the static Montserrat instances are kept: ``$XDG_CACHE_HOME/tuningdeck/fonts``."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "tuningdeck" / "fonts"


def default_install_dir() -> Path:
    """Where :func:`install_fonts` puts the fonts: ``$XDG_DATA_HOME/fonts/tuningdeck``.

    That is ``~/.local/share/fonts/tuningdeck`` unless XDG_DATA_HOME is set; fontconfig reads
    ``$XDG_DATA_HOME/fonts`` by default.
    """
    root = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(root) / "fonts" / "tuningdeck"


@functools.cache
def _source_key(source: Path) -> str:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"montserrat-{digest}-r{_RECIPE}"


def _montserrat(weight: int, italic: bool) -> Path:
    """The cached static Montserrat instance, cut from the variable font when missing."""
    source = _package_files("Montserrat") / _MONTSERRAT_SOURCES[italic]
    if not source.is_file():
        raise FileNotFoundError(f"the Montserrat font package lacks {source.name}")
    target = cache_dir() / _source_key(source) / f"Montserrat-{_style(weight, italic)}.ttf"
    if not target.is_file():
        _write_instance(source, target, weight, italic)
        _prune_cache()
    return target


def _prune_cache() -> None:
    """Remove instances cut by an older recipe: nothing reads them any more."""
    for old in cache_dir().glob("montserrat-*-r*"):
        if old.is_dir() and not old.name.endswith(f"-r{_RECIPE}"):
            shutil.rmtree(old, ignore_errors=True)


def _write_instance(source: Path, target: Path, weight: int, italic: bool) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    # No fresh timestamp in the head table: the same source gives the same bytes on every machine.
    font = TTFont(source, recalcTimestamp=False)
    instantiateVariableFont(font, {"wght": weight}, inplace=True, updateFontNames=True)
    _name_static(font, weight, italic)
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


def _name_static(font: TTFont, weight: int, italic: bool) -> None:
    """Name a static instance as one face of the family "Montserrat", and set its style bits.

    Regular, Bold, Italic and Bold Italic form the family "Montserrat" itself; other weights get
    the family "Montserrat SemiBold" (Regular/Italic) with "Montserrat" as typographic family, as
    static font families do so that every application groups them.
    """
    ribbi = weight in (400, 700)
    words = {400: "", 600: "SemiBold", 700: "Bold"}[weight]
    typo_sub = " ".join(w for w in (words, "Italic" if italic else "") if w) or "Regular"
    if ribbi:
        family, subfamily = "Montserrat", typo_sub
    else:
        family, subfamily = f"Montserrat {words}", "Italic" if italic else "Regular"
    postscript = f"Montserrat-{_style(weight, italic)}"

    table = font["name"]
    unique = table.getDebugName(3) or ""
    version = unique.split(";")[0] if ";" in unique else f"{font['head'].fontRevision:.3f}"
    values = {
        1: family,
        2: subfamily,
        3: f"{version};ULA;{postscript}",
        4: f"Montserrat {typo_sub}",
        6: postscript,
    }
    if not ribbi:
        values[16] = "Montserrat"
        values[17] = typo_sub
    for name_id in (16, 17, 25):
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


def install_fonts(dest: Path | None = None) -> Path:
    """Copy the deck's static fonts into ``dest`` and register them with fontconfig.

    ``dest`` defaults to :func:`default_install_dir`. Files already there with the same content
    are left alone; older Montserrat/Lato files of ours there are replaced or removed. Runs
    ``fc-cache -f`` on the directory when fc-cache exists. Idempotent; returns the directory.
    """
    target = Path(dest) if dest is not None else default_install_dir()
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name: p for p in font_files()}
    for name, source in wanted.items():
        installed = target / name
        if installed.is_file() and filecmp.cmp(source, installed, shallow=False):
            continue
        fd, tmp = tempfile.mkstemp(dir=target, prefix=f".{installed.stem}-", suffix=".tmp")
        os.close(fd)
        try:
            shutil.copyfile(source, tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, installed)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    for stale in target.glob("*.ttf"):
        if stale.name not in wanted and stale.name.startswith(tuple(f"{f}-" for f in FAMILIES)):
            stale.unlink()
    fc_cache = shutil.which("fc-cache")
    if fc_cache:
        subprocess.run([fc_cache, "-f", str(target)], check=True, capture_output=True, timeout=300)
    return target


def _fc_match(pattern: str) -> Path | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    out = subprocess.run(
        [fc_match, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=60
    )
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def fonts_registered() -> bool:
    """Whether fontconfig resolves Montserrat and Lato (regular and bold) to our static files.

    False when fontconfig is missing, when it falls back to another family, or when another copy of
    the family (such as the variable Montserrat) wins over ours.
    """
    for family in FAMILIES:
        for bold in (False, True):
            found = _fc_match(f"{family}:bold" if bold else f"{family}:regular")
            ours = font_file(family, bold=bold)
            if found is None or not found.is_file():
                return False
            if not filecmp.cmp(found, ours, shallow=False):
                return False
    return True
