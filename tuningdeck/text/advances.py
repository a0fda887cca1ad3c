"""Text widths from a font's own tables: glyph advances plus pair kerning, without shaping.

For text in scripts that need no shaping (Latin, Greek, Cyrillic, digits, punctuation), a line's
width is the sum of its glyphs' advances and of the kerning the font's GPOS ``kern`` feature
gives each adjacent pair: what HarfBuzz computes for such text, at a small fraction of the cost.
:meth:`Advances.width` returns None for text it cannot measure this way (a character the font
lacks, a script that needs shaping, a ligature-forming sequence), so the caller can shape it.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import pickle
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["Advances"]

# Scripts measured from advances and kerning alone: Latin, Greek, Cyrillic and the common
# punctuation and symbol blocks. Anything else is shaped.
_SIMPLE_RANGES = (
    (0x0020, 0x024F),
    (0x0370, 0x03FF),
    (0x0400, 0x04FF),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x218F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
)

Pair = Callable[[str, str], float | None]


# Brackets are mirrored and paired by the shaper; their kerning is left to it.
_SHAPED = frozenset("()[]{}<>")


def _simple(ch: str) -> bool:
    cp = ord(ch)
    return (
        ch not in _SHAPED
        and any(lo <= cp <= hi for lo, hi in _SIMPLE_RANGES)
        and unicodedata.combining(ch) == 0
    )


class Advances:
    """A font file's advance widths and pair kerning, in ems.

    The tables are decoded once per font file and kept in the user's cache (as plain data keyed
    by the file's size, time and path), so later processes load them in milliseconds.
    """

    def __init__(self, path: Path) -> None:
        data = _load(path)
        self._glyph: dict[int, str] = data["glyph"]
        self._advance: dict[str, float] = data["advance"]
        self._ligature_pairs: set[tuple[str, str]] = data["ligatures"]
        self._lookups: list[list[Pair]] = [
            [_pair_function(st) for st in lookup] for lookup in data["lookups"]
        ]
        self._widths: dict[str, float | None] = {}

    def has(self, ch: str) -> bool:
        """Whether the font has a glyph for the character ``ch``."""
        return ord(ch) in self._glyph

    def width(self, text: str) -> float | None:
        """The advance width of ``text`` in ems, or None if it must be shaped to be measured."""
        try:
            return self._widths[text]
        except KeyError:
            pass
        self._widths[text] = found = self._measure(text)
        return found

    def _measure(self, text: str) -> float | None:
        glyphs = []
        for ch in text:
            g = self._glyph.get(ord(ch))
            if g is None or not _simple(ch):
                return None
            glyphs.append(g)
        for a, b in itertools.pairwise(glyphs):
            if (a, b) in self._ligature_pairs:
                return None
        total = sum(self._advance[g] for g in glyphs)
        for a, b in itertools.pairwise(glyphs):
            for lookup in self._lookups:
                for subtable in lookup:
                    value = subtable(a, b)
                    if value is not None:
                        total += value
                        break
        return total


_VERSION = 1  # bump when the cached data's shape changes


def _load(path: Path) -> dict[str, Any]:
    """The font's tables as plain data, from the cache or decoded (and cached)."""
    from tuningdeck.fonts import cache_dir

    st = path.stat()
    key = hashlib.sha1(f"{_VERSION}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    cached = cache_dir().parent / "metrics" / f"{path.stem}-{key.hexdigest()[:16]}.pickle"
    try:
        with open(cached, "rb") as f:
            data: dict[str, Any] = pickle.load(f)
        return data
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    data = _decode(path)
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    return data


def _decode(path: Path) -> dict[str, Any]:
    from fontTools.ttLib import TTFont

    tt = TTFont(str(path))
    upm = tt["head"].unitsPerEm
    glyph = dict(tt.getBestCmap())
    hmtx = tt["hmtx"].metrics
    data: dict[str, Any] = {
        "glyph": glyph,
        "advance": {g: hmtx[g][0] / upm for g in set(glyph.values())},
        "ligatures": _ligatures(tt["GSUB"].table) if "GSUB" in tt else set(),
        "lookups": _kerning(tt["GPOS"].table, upm) if "GPOS" in tt else [],
    }
    tt.close()
    return data


def _value(record: Any, upm: int) -> float:
    return (getattr(record, "XAdvance", 0) or 0) / upm if record is not None else 0.0


def _kerning(gpos: Any, upm: int) -> list[list[tuple[Any, ...]]]:
    """The ``kern`` feature's pair lookups as plain data, subtable by subtable."""
    indices: list[int] = []
    for record in gpos.FeatureList.FeatureRecord:
        if record.FeatureTag == "kern":
            indices += record.Feature.LookupListIndex
    lookups = []
    for i in sorted(set(indices)):
        lookup = gpos.LookupList.Lookup[i]
        subtables: list[tuple[Any, ...]] = []
        for st in lookup.SubTable:
            if lookup.LookupType == 9:
                if st.ExtensionLookupType != 2:
                    continue
                st = st.ExtSubTable
            elif lookup.LookupType != 2:
                continue
            glyphs = st.Coverage.glyphs
            if st.Format == 1:
                pairs = {
                    first: {r.SecondGlyph: _value(r.Value1, upm) for r in ps.PairValueRecord}
                    for first, ps in zip(glyphs, st.PairSet, strict=True)
                }
                subtables.append(("pairs", pairs))
            else:
                class1 = dict(st.ClassDef1.classDefs) if st.ClassDef1 else {}
                class2 = dict(st.ClassDef2.classDefs) if st.ClassDef2 else {}
                matrix = [
                    [_value(r.Value1, upm) for r in row.Class2Record] for row in st.Class1Record
                ]
                subtables.append(("classes", set(glyphs), class1, class2, matrix))
        if subtables:
            lookups.append(subtables)
    return lookups


def _ligatures(gsub: Any) -> set[tuple[str, str]]:
    """The glyph pairs that begin a ligature of a default-on feature (liga, clig, rlig)."""
    pairs: set[tuple[str, str]] = set()
    indices: list[int] = []
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag in ("liga", "clig", "rlig"):
            indices += record.Feature.LookupListIndex
    for i in sorted(set(indices)):
        lookup = gsub.LookupList.Lookup[i]
        for st in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                kind, st = st.ExtensionLookupType, st.ExtSubTable
            if kind != 4:
                continue
            for first, ligatures in st.ligatures.items():
                for lig in ligatures:
                    if lig.Component:
                        pairs.add((first, lig.Component[0]))
    return pairs


def _pair_function(st: tuple[Any, ...]) -> Pair:
    """A function giving the first glyph's x-advance adjustment for a pair, or None if the
    subtable does not cover the pair (so the next subtable is tried)."""
    if st[0] == "pairs":
        pairs: dict[str, dict[str, float]] = st[1]

        def format1(a: str, b: str) -> float | None:
            found = pairs.get(a)
            return None if found is None else found.get(b)

        return format1
    _, coverage, class1, class2, matrix = st

    def format2(a: str, b: str) -> float | None:
        if a not in coverage:
            return None
        return matrix[class1.get(a, 0)][class2.get(b, 0)]

    return format2
