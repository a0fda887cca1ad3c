"""The ``kern`` feature's pair adjustments, read straight from a font's GPOS bytes.

fontTools builds an object for every value record of a table it decompiles, which for the pair
kerning of a large family takes the better part of a second; this reads only the pair lookups of
the ``kern`` feature, with :mod:`struct`, in a few milliseconds. The result is plain data, the
shape :class:`~tuningdeck.text.advances.Advances` keeps: a list of lookups, each a list of
subtables, ``("pairs", {first: {second: ems}})`` (PairPos format 1) or ``("classes", coverage,
class1, class2, matrix)`` (format 2), in x-advance adjustments of the first glyph, in ems.

A variable font's adjustments are read at a location: ``deltas`` maps a device table's variation
index to its rounded delta (as fontTools' instancer applies it).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["kerning"]

_U16 = struct.Struct(">H")
_FOUR = struct.Struct(">4s")


def _u16(data: bytes, offset: int) -> int:
    value: int = _U16.unpack_from(data, offset)[0]
    return value


def _u16s(data: bytes, offset: int, count: int) -> tuple[int, ...]:
    return struct.unpack_from(f">{count}H", data, offset)


def kerning(
    gpos: bytes,
    glyphs: Sequence[str],
    upm: int,
    deltas: Callable[[int], int] | None = None,
) -> list[list[tuple[Any, ...]]]:
    """The ``kern`` feature's pair lookups of the raw GPOS table ``gpos``, in ems.

    ``glyphs`` is the font's glyph order; ``deltas`` turns a variation index into a delta in font
    units (None for a static font, or the default instance).
    """
    feature_list = _u16(gpos, 6)
    lookup_list = _u16(gpos, 8)
    indices: set[int] = set()
    count = _u16(gpos, feature_list)
    for i in range(count):
        record = feature_list + 2 + 6 * i
        (tag,) = _FOUR.unpack_from(gpos, record)
        if tag == b"kern":
            feature = feature_list + _u16(gpos, record + 4)
            n = _u16(gpos, feature + 2)
            indices.update(_u16s(gpos, feature + 4, n))
    lookups = []
    n_lookups = _u16(gpos, lookup_list)
    for index in sorted(indices):
        if index >= n_lookups:
            continue
        lookup = lookup_list + _u16(gpos, lookup_list + 2 + 2 * index)
        kind = _u16(gpos, lookup)
        n_sub = _u16(gpos, lookup + 4)
        subtables: list[tuple[Any, ...]] = []
        for offset in _u16s(gpos, lookup + 6, n_sub):
            start = lookup + offset
            sub_kind = kind
            if kind == 9:
                sub_kind = _u16(gpos, start + 2)
                start += struct.unpack_from(">I", gpos, start + 4)[0]
            if sub_kind != 2:
                continue
            reader = _PairPos(gpos, start, glyphs, upm, deltas)
            subtables.append(reader.read())
        if subtables:
            lookups.append(subtables)
    return lookups


class _PairPos:
    """One PairPos subtable at ``start`` of ``data``."""

    def __init__(
        self,
        data: bytes,
        start: int,
        glyphs: Sequence[str],
        upm: int,
        deltas: Callable[[int], int] | None,
    ) -> None:
        self.data, self.start, self.glyphs, self.upm, self.deltas = data, start, glyphs, upm, deltas
        self.format1 = _u16(data, start + 4)
        self.format2 = _u16(data, start + 6)
        self.size1 = 2 * bin(self.format1).count("1")
        self.size2 = 2 * bin(self.format2).count("1")

    def read(self) -> tuple[Any, ...]:
        data, start = self.data, self.start
        coverage = self._coverage(start + _u16(data, start + 2))
        if _u16(data, start) == 1:
            count = _u16(data, start + 8)
            pairs: dict[str, dict[str, float]] = {}
            for glyph, offset in zip(coverage, _u16s(data, start + 10, count), strict=False):
                pairs[glyph] = self._pair_set(start + offset)
            return ("pairs", pairs)
        class1 = self._classes(start + _u16(data, start + 8))
        class2 = self._classes(start + _u16(data, start + 10))
        n1, n2 = _u16(data, start + 12), _u16(data, start + 14)
        record = self.size1 + self.size2
        pos = start + 16
        matrix = []
        for _ in range(n1):
            row = []
            for _ in range(n2):
                row.append(self._x_advance(pos, self.format1, start))
                pos += record
            matrix.append(row)
        return ("classes", set(coverage), class1, class2, matrix)

    def _pair_set(self, base: int) -> dict[str, float]:
        data = self.data
        count = _u16(data, base)
        step = 2 + self.size1 + self.size2
        out = {}
        pos = base + 2
        for _ in range(count):
            second = self.glyphs[_u16(data, pos)]
            out[second] = self._x_advance(pos + 2, self.format1, base)
            pos += step
        return out

    def _x_advance(self, pos: int, fmt: int, base: int) -> float:
        """The XAdvance (and its variation) of the value record at ``pos``, in ems."""
        if not fmt & 0x4 and not fmt & 0x40:
            return 0.0
        data = self.data
        value = 0
        field = pos
        if fmt & 0x1:
            field += 2
        if fmt & 0x2:
            field += 2
        if fmt & 0x4:
            value = struct.unpack_from(">h", data, field)[0]
            field += 2
        if fmt & 0x40 and self.deltas is not None:
            if fmt & 0x8:
                field += 2
            if fmt & 0x10:
                field += 2
            if fmt & 0x20:
                field += 2
            device = _u16(data, field)
            if device:
                outer, inner, kind = struct.unpack_from(">3H", data, base + device)
                if kind == 0x8000:
                    value += self.deltas((outer << 16) + inner)
        return value / self.upm

    def _coverage(self, base: int) -> list[str]:
        data, glyphs = self.data, self.glyphs
        fmt, count = _u16(data, base), _u16(data, base + 2)
        if fmt == 1:
            return [glyphs[g] for g in _u16s(data, base + 4, count)]
        out: list[str] = []
        for i in range(count):
            first, last, _ = struct.unpack_from(">3H", data, base + 4 + 6 * i)
            out.extend(glyphs[g] for g in range(first, last + 1))
        return out

    def _classes(self, base: int) -> dict[str, int]:
        data, glyphs = self.data, self.glyphs
        fmt = _u16(data, base)
        out: dict[str, int] = {}
        if fmt == 1:
            first, count = _u16(data, base + 2), _u16(data, base + 4)
            for i, cls in enumerate(_u16s(data, base + 6, count)):
                if cls:
                    out[glyphs[first + i]] = cls
            return out
        count = _u16(data, base + 2)
        for i in range(count):
            first, last, cls = struct.unpack_from(">3H", data, base + 4 + 6 * i)
            if cls:
                for g in range(first, last + 1):
                    out[glyphs[g]] = cls
        return out
