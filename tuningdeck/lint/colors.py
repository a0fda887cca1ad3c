"""DrawingML colours resolved to ``RRGGBB``, and the WCAG 2.x contrast ratio between two of them.

A colour element (``a:srgbClr``, ``a:schemeClr``, ``a:sysClr``, ``a:prstClr``, ``a:hslClr``,
``a:scrgbClr``) is resolved through the master's colour map (``p:clrMap``, or a slide's
``p:clrMapOvr``) and the theme's ``a:clrScheme``, then its modifiers (``lumMod``, ``lumOff``,
``tint``, ``shade``, ``satMod``) are applied. Transparency (``alpha``) is ignored.
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping

from lxml import etree

__all__ = [
    "A",
    "ColorScheme",
    "contrast_ratio",
    "fill_color",
    "relative_luminance",
    "resolve_color",
]

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_COLOR_TAGS = {
    f"{{{A}}}{t}" for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "hslClr", "scrgbClr")
}

_PRESET = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "gray": "808080",
    "grey": "808080",
    "silver": "C0C0C0",
    "darkGray": "A9A9A9",
    "lightGray": "D3D3D3",
    "navy": "000080",
    "orange": "FFA500",
}

_DEFAULT_MAP = {
    "bg1": "lt1",
    "tx1": "dk1",
    "bg2": "lt2",
    "tx2": "dk2",
}


class ColorScheme:
    """A theme's colour scheme seen through a colour map: scheme names to ``RRGGBB``.

    Not intended to be constructed directly: :meth:`of` reads a theme and a ``p:clrMap``.
    """

    def __init__(self, scheme: Mapping[str, str], color_map: Mapping[str, str]) -> None:
        self.scheme = dict(scheme)
        self.color_map = {**_DEFAULT_MAP, **color_map}

    @classmethod
    def of(cls, theme: etree._Element | None, color_map: Mapping[str, str]) -> ColorScheme:
        """The scheme of ``theme`` (an ``a:theme`` element) under ``color_map``."""
        scheme: dict[str, str] = {}
        if theme is not None:
            found = theme.find(f".//{{{A}}}clrScheme")
            for slot in found if found is not None else ():
                if not isinstance(slot.tag, str):
                    continue
                name = etree.QName(slot).localname
                value = next((c for c in slot if c.tag in _COLOR_TAGS), None)
                if value is not None:
                    rgb = _base(value, None)
                    if rgb is not None:
                        scheme[name] = rgb
        return cls(scheme, color_map)

    def with_map(self, color_map: Mapping[str, str]) -> ColorScheme:
        """The same scheme under another colour map (a slide's override)."""
        return ColorScheme(self.scheme, {**self.color_map, **color_map})

    def named(self, name: str) -> str | None:
        """The colour of a scheme name (``tx1``, ``accent1``, ``dk1``…), or None if unknown."""
        slot = self.color_map.get(name, name)
        return self.scheme.get(slot)


def _base(
    el: etree._Element, scheme: ColorScheme | None, placeholder: str | None = None
) -> str | None:
    tag = etree.QName(el).localname
    if tag == "srgbClr":
        return (el.get("val") or "").upper() or None
    if tag == "sysClr":
        return (
            el.get("lastClr")
            or {"windowText": "000000", "window": "FFFFFF"}.get(el.get("val", ""), "")
        ).upper() or None
    if tag == "prstClr":
        return _PRESET.get(el.get("val", ""))
    if tag == "schemeClr":
        name = el.get("val", "")
        if name == "phClr":
            return placeholder
        return scheme.named(name) if scheme is not None else None
    if tag == "hslClr":
        h = int(el.get("hue", "0")) / 21600000
        s = int(el.get("sat", "0")) / 100000
        lum = int(el.get("lum", "0")) / 100000
        return _hex(colorsys.hls_to_rgb(h, lum, s))
    if tag == "scrgbClr":
        return _hex(tuple(_gamma(int(el.get(k, "0")) / 100000) for k in ("r", "g", "b")))
    return None


def _gamma(linear: float) -> float:
    linear = min(max(linear, 0.0), 1.0)
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def _rgb(value: str) -> tuple[float, float, float]:
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _hex(rgb: tuple[float, ...]) -> str:
    return "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in rgb)


def _modified(value: str, el: etree._Element) -> str:
    """Apply the colour element's modifiers, in document order, to ``value``."""
    r, g, b = _rgb(value)
    for mod in el:
        if not isinstance(mod.tag, str):
            continue
        name = etree.QName(mod).localname
        amount = int(mod.get("val", "100000")) / 100000
        if name in ("lumMod", "lumOff", "satMod"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            if name == "lumMod":
                lum *= amount
            elif name == "lumOff":
                lum += amount
            else:
                s *= amount
            r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), min(max(s, 0.0), 1.0))
        elif name == "tint":  # towards white
            r, g, b = (c + (1 - c) * (1 - amount) for c in (r, g, b))
        elif name == "shade":  # towards black
            r, g, b = (c * amount for c in (r, g, b))
    return _hex((r, g, b))


def resolve_color(
    el: etree._Element | None, scheme: ColorScheme, placeholder: str | None = None
) -> str | None:
    """The ``RRGGBB`` of a colour element (or of the first colour inside ``el``), or None.

    ``placeholder`` is what ``phClr`` stands for (the colour of a style reference).
    """
    if el is None:
        return None
    if el.tag not in _COLOR_TAGS:
        el = next((c for c in el if c.tag in _COLOR_TAGS), None)
        if el is None:
            return None
    value = _base(el, scheme, placeholder)
    if value is None or len(value) != 6:
        return None
    return _modified(value, el)


def fill_color(fill: etree._Element, scheme: ColorScheme) -> str | None:
    """The colour a fill element paints: a solid fill's, a gradient's middle stop's; else None."""
    tag = etree.QName(fill).localname
    if tag == "solidFill":
        return resolve_color(fill, scheme)
    if tag == "gradFill":
        stops = fill.findall(f"{{{A}}}gsLst/{{{A}}}gs")
        if stops:
            return resolve_color(stops[len(stops) // 2], scheme)
    return None


def relative_luminance(rgb: str) -> float:
    """WCAG 2.x relative luminance of an ``RRGGBB`` colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(rgb))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) between two ``RRGGBB`` colours."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
