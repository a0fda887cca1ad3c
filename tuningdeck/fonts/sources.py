"""Where fonts are looked for: a theme's files and packages, fontpkg packages, fontconfig.

A theme adds its own files, folders and packages with :func:`add_sources`; they are searched
before anything installed. Python packages are found without importing them: a fontpkg package
keeps its fonts in a ``files`` folder beside its ``__init__.py``; any other package (such as
``mplfonts``) is searched whole.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from tuningdeck.fonts.tables import font_paths

__all__ = [
    "add_known_packages",
    "add_sources",
    "clear_sources",
    "fontconfig_files",
    "fontpkg_packages",
    "known_package",
    "on_change",
    "package_dir",
    "package_fonts",
    "package_for",
    "theme_files",
    "theme_packages",
]

_files: list[Path] = []
_packages: list[str] = []
_known: dict[str, str] = {}  # casefolded family -> the package known to ship it
_listeners: list[Callable[[], None]] = []


def add_sources(files: Iterable[str | Path] = (), packages: Iterable[str] = ()) -> None:
    """Search these font files and folders, then these Python packages, before anything installed.

    ``packages`` are import names or distribution names (``fontpkg_ibm_plex_sans`` or
    ``fontpkg-ibm-plex-sans``). Sources added earlier are searched first; adding one twice is
    harmless.
    """
    changed = False
    for f in files:
        path = Path(f).expanduser().resolve()
        if path not in _files:
            _files.append(path)
            changed = True
    for p in packages:
        name = _module_name(p)
        if name not in _packages:
            _packages.append(name)
            changed = True
    if changed:
        for clear in _listeners:
            clear()


def clear_sources() -> None:
    """Forget the files, folders and packages added with :func:`add_sources`."""
    _files.clear()
    _packages.clear()
    for clear in _listeners:
        clear()


def add_known_packages(packages: dict[str, str]) -> None:
    """Record which package ships a family (``{"Noto Sans CJK SC": "mplfonts"}``), so that the
    family is looked for there first."""
    for family, package in packages.items():
        _known[" ".join(family.split()).casefold()] = _module_name(package)
    for clear in _listeners:
        clear()


def known_package(family: str) -> str:
    """The import name of the package that ships ``family``: a recorded one, else the fontpkg
    name made from the family (``fontpkg_ibm_plex_sans``)."""
    found = _known.get(" ".join(family.split()).casefold())
    return found or _module_name(package_for(family))


def on_change(clear: Callable[[], None]) -> None:
    """Call ``clear`` (a cache's ``cache_clear``) whenever the sources change."""
    _listeners.append(clear)


def theme_files() -> list[Path]:
    """The files and folders added with :func:`add_sources`, in order."""
    return list(_files)


def theme_packages() -> list[str]:
    """The packages added with :func:`add_sources`, as import names, in order."""
    return list(_packages)


def _module_name(name: str) -> str:
    return name.strip().replace("-", "_").lower()


def package_for(family: str) -> str:
    """The fontpkg distribution that would ship ``family``: ``fontpkg-ibm-plex-sans``."""
    return "fontpkg-" + re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")


def package_dir(name: str) -> Path | None:
    """The folder holding a package's fonts (a fontpkg package's ``files``), or None if the
    package is not installed."""
    try:
        spec = importlib.util.find_spec(_module_name(name))
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or spec.origin in ("built-in", "frozen"):
        return None
    root = Path(spec.origin).parent
    files = root / "files"
    return files if files.is_dir() else root


def package_fonts(name: str) -> list[Path]:
    """The font files of an installed package, none if it is not installed."""
    folder = package_dir(name)
    return font_paths([folder]) if folder is not None else []


@functools.lru_cache(maxsize=1)
def fontpkg_packages() -> tuple[str, ...]:
    """The import names of every installed fontpkg font package, sorted."""
    from importlib.metadata import distributions

    found = set()
    for dist in distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name.startswith("fontpkg-"):
            found.add(_module_name(name))
    return tuple(sorted(found))


def fontconfig_files(family: str) -> list[Path]:
    """The files fontconfig lists for exactly the family ``family`` (never a substitute)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None or not family.strip() or any(c in family for c in ":,=\\"):
        return []
    try:
        out = subprocess.run(
            [fc_list, "--format", "%{file}\n", family],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if out.returncode != 0:
        return []
    return font_paths(sorted({Path(line) for line in out.stdout.splitlines() if line.strip()}))
