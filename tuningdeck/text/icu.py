"""Line-break opportunities from ICU, the library LibreOffice breaks lines with.

Thai, Lao, Khmer and Burmese are written without spaces between words; a line breaks between
words that only a dictionary can find. ICU's line break iterator holds those dictionaries, and
it is on every machine with LibreOffice (``libicuuc``). It is called through :mod:`ctypes`, so
nothing has to be built or installed; where no ICU library is found, :func:`line_breaks`
returns None and the caller breaks between grapheme clusters instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import glob
import os
import re
import sysconfig
from collections.abc import Callable
from typing import Any

__all__ = ["line_breaks"]

_UBRK_LINE = 2
_UBRK_DONE = -1


class _Icu:
    """The few functions of ICU's C API that break lines."""

    def __init__(self, lib: ctypes.CDLL, suffix: str) -> None:
        def fn(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
            f = getattr(lib, name + suffix)
            f.restype, f.argtypes = restype, argtypes
            return f

        p = ctypes.c_void_p
        self.open = fn(
            "ubrk_open", p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int32,
            ctypes.POINTER(ctypes.c_int),
        )  # fmt: skip
        self.first = fn("ubrk_first", ctypes.c_int32, p)
        self.next = fn("ubrk_next", ctypes.c_int32, p)
        self.close = fn("ubrk_close", None, p)


def _candidates() -> list[str]:
    """Paths or names of ICU's common library, newest version first."""
    found = ctypes.util.find_library("icuuc")  # the linker's cache (ldconfig), no version
    names = [found] if found else []
    arch = sysconfig.get_config_var("MULTIARCH") or ""
    folders = [f"/usr/lib/{arch}", "/usr/lib", "/usr/lib64", "/usr/local/lib"]
    folders += ["/opt/homebrew/opt/icu4c/lib", "/usr/local/opt/icu4c/lib"]
    for folder in folders:
        paths = glob.glob(os.path.join(folder, "libicuuc.so.*"))
        paths += glob.glob(os.path.join(folder, "libicuuc.*.dylib"))
        names += sorted(paths, key=_version, reverse=True)
    return names


def _version(path: str) -> int:
    m = re.search(r"icuuc\.(?:so\.)?(\d+)", path)
    return int(m.group(1)) if m else 0


@functools.cache
def _icu() -> _Icu | None:
    """ICU's line breaking, or None where no ICU library can be loaded."""
    for name in _candidates():
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        # functions carry the library's major version ("ubrk_open_72") unless built without
        for suffix in (f"_{_version(name)}", ""):
            try:
                return _Icu(lib, suffix)
            except AttributeError:
                continue
        for v in range(80, 49, -1):  # a library found by name alone: try its version
            try:
                return _Icu(lib, f"_{v}")
            except AttributeError:
                continue
    return None


def line_breaks(text: str, language: str = "th") -> list[int] | None:
    """The places (indices into ``text``) after which a line may break, its end included, as
    ICU's line break iterator finds them for ``language``; None without ICU."""
    icu = _icu()
    if icu is None:
        return None
    data = text.encode("utf-16-le")
    status = ctypes.c_int(0)
    it = icu.open(_UBRK_LINE, language.encode(), data, len(data) // 2, ctypes.byref(status))
    if status.value > 0 or not it:
        return None
    try:
        units: list[int] = []
        icu.first(it)
        while (b := icu.next(it)) != _UBRK_DONE:
            units.append(b)
    finally:
        icu.close(it)
    if len(data) // 2 == len(text):  # no character outside the basic plane: units are indices
        return units
    index, unit, out = 0, 0, []  # UTF-16 code units to string indices
    for b in units:
        while unit < b:
            unit += 2 if ord(text[index]) > 0xFFFF else 1
            index += 1
        out.append(index)
    return out
