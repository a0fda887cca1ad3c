"""Fonts for the characters a theme's font lacks: one family per script, installed from PyPI.

``pip install 'tuningdeck[scripts]'`` installs them: Noto Sans (Latin, Greek, Cyrillic), Noto
Sans Arabic, Noto Sans Devanagari, Noto Sans Thai, Heebo (Hebrew: there is no packaged Noto Sans
Hebrew) and Noto Sans CJK SC (Chinese, Japanese kana, Korean, from ``mplfonts``). A theme may name
other families per script (``[fonts.scripts]``, :func:`set_script_families`).

:func:`fallback_family` says which family draws a character; text measurement splits a run into
pieces by it, and the same families are registered for LibreOffice.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Mapping

from tuningdeck.fonts import sources
from tuningdeck.fonts.resolve import FontNotFoundError, resolve

__all__ = [
    "EXTRA",
    "SCRIPT_FAMILIES",
    "MissingScriptFont",
    "fallback_family",
    "on_script_families_change",
    "script_families",
    "script_family",
    "script_of",
    "set_script_families",
]

EXTRA = "tuningdeck[scripts]"
"""The pip extra that installs the fallback fonts."""

SCRIPT_FAMILIES: dict[str, str] = {
    "Latn": "Noto Sans",
    "Grek": "Noto Sans",
    "Cyrl": "Noto Sans",
    "Arab": "Noto Sans Arabic",
    "Deva": "Noto Sans Devanagari",
    "Thai": "Noto Sans Thai",
    "Hebr": "Heebo",
    "Hani": "Noto Sans CJK SC",
}
"""The default fallback family of each script (ISO 15924 codes; ``Hani`` covers all of CJK)."""

# The package that ships each default family, for the resolver and for error messages.
PACKAGES = {
    "Noto Sans": "fontpkg_noto_sans",
    "Noto Sans Arabic": "fontpkg_noto_sans_arabic",
    "Noto Sans Devanagari": "fontpkg_noto_sans_devanagari",
    "Noto Sans Thai": "fontpkg_noto_sans_thai",
    "Heebo": "fontpkg_heebo",
    "Noto Sans CJK SC": "mplfonts",
}

# Code point ranges of each script, first match wins.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0000, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x0870, 0x08FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hani"),  # Hangul Jamo
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2E80, 0x2FDF, "Hani"),
    (0x3000, 0x30FF, "Hani"),  # CJK punctuation, Hiragana, Katakana
    (0x3100, 0x31FF, "Hani"),
    (0x3200, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA8E0, 0xA8FF, "Deva"),
    (0xAC00, 0xD7AF, "Hani"),  # Hangul syllables
    (0xF900, 0xFAFF, "Hani"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE30, 0xFE4F, "Hani"),
    (0xFE70, 0xFEFF, "Arab"),
    (0xFF00, 0xFFEF, "Hani"),  # full- and half-width forms
    (0x20000, 0x3134F, "Hani"),
)

_overrides: dict[str, str] = {}
_listeners: list[Callable[[], None]] = []


class MissingScriptFont(FontNotFoundError):
    """Text in a script whose fallback font is not installed."""


def script_of(ch: str) -> str | None:
    """The script (ISO 15924 code) a fallback font is chosen by for ``ch``, or None."""
    cp = ord(ch)
    for lo, hi, script in _RANGES:
        if lo <= cp <= hi:
            return script
    return None


def set_script_families(families: Mapping[str, str]) -> None:
    """Use these families (by ISO 15924 script code) instead of the defaults."""
    before = dict(_overrides)
    try:
        for script, family in families.items():
            if script not in SCRIPT_FAMILIES:
                known = ", ".join(sorted(SCRIPT_FAMILIES))
                raise ValueError(f"unknown script {script!r}: expected one of {known}")
            _overrides[script] = family
    finally:
        if _overrides != before:
            for clear in _listeners:
                clear()
    _family_for.cache_clear()


def on_script_families_change(clear: Callable[[], None]) -> None:
    """Call ``clear`` (a cache's ``cache_clear``) whenever a script's family changes."""
    _listeners.append(clear)


def script_families() -> dict[str, str]:
    """The fallback family of each script, the theme's choices included."""
    return {**SCRIPT_FAMILIES, **_overrides}


# The ISO 15924 code of each script as tuningdeck.text.scripts names it, where it has a family.
_CODES = {
    "latin": "Latn",
    "arabic": "Arab",
    "hebrew": "Hebr",
    "devanagari": "Deva",
    "thai": "Thai",
    "han": "Hani",
    "hiragana": "Hani",
    "katakana": "Hani",
    "hangul": "Hani",
}


def script_family(script: str | None) -> str | None:
    """The family that draws a run of ``script`` (as :func:`tuningdeck.text.scripts.script_of`
    names it: ``"arabic"``, ``"han"``…) in its East-Asian or complex-script font slot: the
    theme's choice, else the default fallback; None for a script without one."""
    code = _CODES.get(script or "")
    return script_families().get(code) if code else None


@functools.lru_cache(maxsize=4096)
def _family_for(ch: str) -> str | None:
    from tuningdeck.text.advances import covers

    script = script_of(ch)
    families = script_families()
    order = [families[script]] if script in families else []
    others = [*families.values(), *SCRIPT_FAMILIES.values()]
    order += [f for f in dict.fromkeys(others) if f not in order]
    missing = None
    for family in order:
        try:
            face = resolve(family, nearest=True)
        except FontNotFoundError:
            if family == order[0] and script is not None:
                missing = family
            continue
        if covers(face, ch):
            return family
    if missing is not None:
        package = PACKAGES.get(missing)
        hint = f"pip install '{EXTRA}'" if package else f"install the font {missing!r}"
        raise MissingScriptFont(
            f"text in the {script} script ({ch!r}) needs the font {missing!r}, which is not "
            f"installed: {hint}"
        )
    return None


def fallback_family(ch: str) -> str | None:
    """The family that draws ``ch`` when the theme's font lacks it, or None if none installed has
    it (emoji and rare symbols). Zero-width and combining characters have none.

    Raises :class:`MissingScriptFont` (naming the pip extra) for a script whose fallback font is
    not installed.
    """
    if unicodedata.category(ch) in ("Cf", "Mn", "Me", "Cc", "Zl", "Zp"):
        return None
    return _family_for(ch)


sources.add_known_packages(PACKAGES)
