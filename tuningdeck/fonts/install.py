"""Registering a theme's fonts with fontconfig, so that LibreOffice renders with the measured files.

Every face a deck can use (each family's Regular, Italic, SemiBold, Bold and Bold Italic, and
Regular and Bold of each installed script fallback) is copied as a static file into one folder
per family under ``$XDG_DATA_HOME/fonts/tuningdeck``, which fontconfig reads, and ``fc-cache``
is run on it.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tuningdeck.fonts.instances import static_file
from tuningdeck.fonts.resolve import FontNotFoundError, resolve
from tuningdeck.fonts.tables import FONT_SUFFIXES, read_info, same_family

if TYPE_CHECKING:
    from tuningdeck.theme import Theme

__all__ = ["THEME_FACES", "default_install_dir", "fonts_registered", "install_fonts", "theme_files"]

THEME_FACES = ((400, False), (400, True), (600, False), (700, False), (700, True))
"""The faces of a theme's heading and body families a deck uses, as (weight, italic)."""

_SCRIPT_FACES = ((400, False), (700, False))


def default_install_dir() -> Path:
    """Where :func:`install_fonts` puts the fonts: ``$XDG_DATA_HOME/fonts/tuningdeck``.

    That is ``~/.local/share/fonts/tuningdeck`` unless XDG_DATA_HOME is set; fontconfig reads
    ``$XDG_DATA_HOME/fonts`` by default.
    """
    root = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(root) / "fonts" / "tuningdeck"


def _slug(family: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-") or "font"


def theme_files(
    families: Iterable[str],
    scripts: Iterable[str] = (),
    faces: Sequence[tuple[int, bool]] = THEME_FACES,
) -> dict[str, dict[str, Path]]:
    """The static files to register, by family then file name.

    Every face of ``families`` in ``faces`` that the family has; Regular and Bold (or the nearest
    weights) of each of ``scripts`` that is installed. Raises FontNotFoundError for a family of
    ``families`` that is not to be found.
    """
    out: dict[str, dict[str, Path]] = {}
    wanted: list[tuple[str, Sequence[tuple[int, bool]], bool]]
    wanted = [(f, faces, False) for f in families]
    wanted += [(f, _SCRIPT_FACES, True) for f in scripts]
    for family, faces, optional in wanted:
        for weight, italic in faces:
            try:
                face = resolve(family, weight=weight, italic=italic, nearest=optional)
            except FontNotFoundError:
                if optional or (weight, italic) != (400, False):
                    continue  # a face the family lacks, or a script font not installed
                raise
            if face.italic != italic or (face.weight != weight and not optional):
                continue
            path = static_file(face)
            out.setdefault(face.family, {})[path.name] = path
    return out


def _theme_families(theme: Theme | None) -> tuple[list[str], list[str]]:
    """A theme's (default: the bundled one's) heading and body families, and its script fonts."""
    from tuningdeck.fonts.fallback import script_families
    from tuningdeck.theme import Theme

    fonts = (theme or Theme.load()).fonts
    scripts = [fonts.east_asian, fonts.complex, *dict(fonts.scripts).values()]
    return [fonts.heading, fonts.body], list(dict.fromkeys([*scripts, *script_families().values()]))


def install_fonts(
    dest: Path | None = None,
    *,
    families: Iterable[str] | None = None,
    scripts: Iterable[str] | None = None,
    faces: Sequence[tuple[int, bool]] = THEME_FACES,
    theme: Theme | None = None,
) -> Path:
    """Copy the static files of a deck's fonts into ``dest`` and register them with fontconfig.

    ``families`` are the heading and body families (default: those of ``theme``, else of the
    bundled theme), of which the ``faces`` (weight, italic) are installed (those the family
    has); ``scripts`` the fallback families for other scripts (default: the theme's and those of
    :mod:`tuningdeck.fonts.fallback`; the ones not installed are left out). Each
    family gets a folder of its own in ``dest`` (default :func:`default_install_dir`); files
    already there with the same content are left alone, other font files there are removed, as
    are font files of these families left directly in ``dest`` (by older versions). Runs
    ``fc-cache -f`` on ``dest`` when fc-cache exists. Idempotent; returns ``dest``.
    """
    target = Path(dest) if dest is not None else default_install_dir()
    if families is None or scripts is None:
        default_families, default_scripts = _theme_families(theme)
        families = default_families if families is None else families
        scripts = default_scripts if scripts is None else scripts
    target.mkdir(parents=True, exist_ok=True)
    chosen = theme_files(list(families), list(scripts), faces)
    for stale in target.iterdir():  # the flat layout of older versions: one copy of a family
        if stale.is_file() and stale.suffix.lower() in FONT_SUFFIXES:
            info = read_info(stale)
            if info is None or any(same_family(info.family, f) for f in chosen):
                stale.unlink()
    for family, files in chosen.items():
        folder = target / _slug(family)
        folder.mkdir(exist_ok=True)
        for name, source in files.items():
            _copy(source, folder / name)
        for stale in folder.iterdir():
            if stale.suffix.lower() in FONT_SUFFIXES and stale.name not in files:
                stale.unlink()
    fc_cache = shutil.which("fc-cache")
    if fc_cache:
        subprocess.run([fc_cache, "-f", str(target)], check=True, capture_output=True, timeout=300)
    return target


def _copy(source: Path, installed: Path) -> None:
    if installed.is_file() and filecmp.cmp(source, installed, shallow=False):
        return
    fd, tmp = tempfile.mkstemp(dir=installed.parent, prefix=f".{installed.stem}-", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, installed)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fc_match(pattern: str) -> Path | None:
    """The file fontconfig picks for ``pattern`` (``Lato:bold``), or None without fontconfig."""
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    out = subprocess.run([fc, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=60)
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def fonts_registered(families: Iterable[str] | None = None) -> bool:
    """Whether fontconfig resolves ``families`` (default: the bundled theme's heading and body),
    regular and bold, to our static files.

    False when fontconfig is missing, when it falls back to another family, or when another copy
    of the family (such as a variable font) wins over ours.
    """
    if families is None:
        families = _theme_families(None)[0]
    for family in families:
        for bold in (False, True):
            found = fc_match(f"{family}:bold" if bold else f"{family}:regular")
            ours = static_file(resolve(family, weight=700 if bold else 400))
            if found is None or not found.is_file():
                return False
            if not filecmp.cmp(found, ours, shallow=False):
                return False
    return True
