"""Text widths from a font's own tables: glyph advances plus pair kerning, without shaping.

For text in scripts that need no shaping (Latin, Greek, Cyrillic, digits, punctuation), a line's
width is the sum of its glyphs' advances and of the kerning the font's GPOS ``kern`` feature
gives each adjacent pair: what HarfBuzz computes for such text, at a small fraction of the cost.
:meth:`Advances.width` returns None for text it cannot measure this way (a character the font
lacks, a script that needs shaping, a ligature-forming sequence), so the caller can shape it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import os
import pickle
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuningdeck.text.kerning import kerning

if TYPE_CHECKING:
    from tuningdeck.fonts.resolve import Face

__all__ = ["Advances", "covers", "face_advances"]

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

    For a variable font, ``location`` (user units of every axis, ``(("wght", 700.0),)``) says
    which instance: its advances, kerning and line metrics are read at that location from the
    HVAR, GDEF and MVAR variation data, rounded as fontTools' instancer rounds them, so they equal
    those of a static instance cut at the location, without cutting one.

    The tables are decoded once per font file and location and kept in the user's cache (as plain
    data keyed by the file's size, time, path and location), so later processes load them in
    milliseconds.
    """

    def __init__(self, path: Path, location: Sequence[tuple[str, float]] = ()) -> None:
        data = _load(path, tuple(location))
        self.line_height: float = data["line_height"]
        """The font's line height (hhea ascender, descender and line gap) in ems."""
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


_VERSION = 2  # bump when the cached data's shape changes


def _load(path: Path, location: tuple[tuple[str, float], ...]) -> dict[str, Any]:
    """The font's tables as plain data, from the cache or decoded (and cached)."""
    from tuningdeck.fonts import cache_dir
    from tuningdeck.fonts.progress import notice

    st = path.stat()
    where = ",".join(f"{tag}={value:g}" for tag, value in location)
    key = hashlib.sha1(
        f"{_VERSION}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{where}".encode()
    )
    cached = cache_dir().parent / "metrics" / f"{path.stem}-{key.hexdigest()[:16]}.pickle"
    try:
        with open(cached, "rb") as f:
            data: dict[str, Any] = pickle.load(f)
        return data
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    with notice(f"reading the metrics of {path.name}{f' at {where}' if where else ''}"):
        data = _decode(path, location)
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    return data


def _decode(path: Path, location: tuple[tuple[str, float], ...] = ()) -> dict[str, Any]:
    from fontTools.ttLib import TTFont

    tt = TTFont(str(path), lazy=True)
    upm = tt["head"].unitsPerEm
    glyph = dict(tt.getBestCmap())
    delta = _Deltas(tt, location)
    advance = delta.advances(set(glyph.values()))
    hhea = tt["hhea"]
    height = (
        hhea.ascent
        + delta.metric("hasc")
        - (hhea.descent + delta.metric("hdsc"))
        + hhea.lineGap
        + delta.metric("hlgp")
    )
    gdef = tt["GDEF"].table if "GDEF" in tt else None
    varstore = getattr(gdef, "VarStore", None) if gdef is not None else None
    data: dict[str, Any] = {
        "glyph": glyph,
        "advance": {g: w / upm for g, w in advance.items()},
        "line_height": height / upm,
        "ligatures": _ligatures(tt["GSUB"].table) if "GSUB" in tt else set(),
        "lookups": (
            kerning(tt.reader["GPOS"], tt.getGlyphOrder(), upm, delta.store(varstore))
            if "GPOS" in tt
            else []
        ),
    }
    tt.close()
    return data


class _Deltas:
    """A variable font's variation data at one location, rounded as the instancer rounds it;
    all nothing for a static font (or the empty location)."""

    def __init__(self, tt: Any, location: tuple[tuple[str, float], ...]) -> None:
        self.tt = tt
        self.normalized: dict[str, float] = {}
        if location and "fvar" in tt:
            from fontTools.varLib.models import normalizeLocation, piecewiseLinearMap

            axes = {a.axisTag: (a.minValue, a.defaultValue, a.maxValue) for a in tt["fvar"].axes}
            normalized = normalizeLocation(dict(location), axes)
            if "avar" in tt:
                for tag, mapping in tt["avar"].segments.items():
                    if tag in normalized and mapping:
                        normalized[tag] = piecewiseLinearMap(normalized[tag], mapping)
            self.normalized = {k: v for k, v in normalized.items() if v}

    def store(self, varstore: Any) -> Callable[[int], int] | None:
        """A function from a VarIdx of ``varstore`` to its rounded delta, or None when static."""
        if not self.normalized or varstore is None:
            return None
        from fontTools.misc.roundTools import otRound
        from fontTools.varLib.varStore import VarStoreInstancer

        instancer = VarStoreInstancer(varstore, self.tt["fvar"].axes, self.normalized)
        return lambda index: otRound(instancer[index])

    def metric(self, tag: str) -> int:
        """The MVAR delta of a font-wide metric (``hasc``, ``hdsc``, ``hlgp``)."""
        if not self.normalized or "MVAR" not in self.tt:
            return 0
        mvar = self.tt["MVAR"].table
        deltas = self.store(mvar.VarStore)
        for record in mvar.ValueRecord or ():
            if record.ValueTag == tag and deltas is not None:
                return deltas(record.VarIdx)
        return 0

    def advances(self, glyphs: set[str]) -> dict[str, int]:
        """Each glyph's advance width in font units at the location."""
        from fontTools.misc.roundTools import otRound

        hmtx = self.tt["hmtx"].metrics
        if not self.normalized:
            return {g: hmtx[g][0] for g in glyphs}
        if "HVAR" in self.tt:
            hvar = self.tt["HVAR"].table
            deltas = self.store(hvar.VarStore)
            assert deltas is not None
            order = self.tt.getReverseGlyphMap()
            mapping = hvar.AdvWidthMap.mapping if hvar.AdvWidthMap else None
            return {
                g: hmtx[g][0] + deltas(mapping[g] if mapping is not None else order[g])
                for g in glyphs
            }
        glyphset = self.tt.getGlyphSet(location=self.normalized, normalized=True)
        return {g: otRound(glyphset[g].width) for g in glyphs}


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


@functools.lru_cache(maxsize=256)
def face_advances(face: Face) -> Advances:
    """The advances of a resolved face (at its location, for a variable font), kept per process."""
    return Advances(face.path, face.location)


def covers(face: Face, ch: str) -> bool:
    """Whether ``face`` has a glyph for the character ``ch``."""
    return face_advances(face).has(ch)
