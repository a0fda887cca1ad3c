"""The theme a template is built with: its settings file over foundation.toml, and what the
template itself states (its slide size, its heading and body fonts) where the file is silent.

``brand.pptx`` comes with ``brand.toml`` beside it when it has settings (or any file named
explicitly). The file has foundation.toml's tables, every one optional, plus ``[layouts]`` and
``[placeholders]`` naming the template's layouts and placeholders where they differ.

Without a geometry of its own, a template of another slide size gets foundation.toml's geometry
scaled to it (across by the width, down by the height), so margins and gaps keep their share of
the slide.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from tuningdeck.errors import TemplateError
from tuningdeck.oxml.core import parse
from tuningdeck.oxml.ns import NSMAP, qn
from tuningdeck.theme import Theme, read_toml

__all__ = ["SlideFacts", "read_facts", "settings_file", "template_theme"]

EMU_PER_INCH = 914400
_ACROSS = ("margin_x", "gutter", "sidebar_width")
_DOWN = (
    "title_top",
    "title_height",
    "rule_under_title",
    "body_top",
    "body_bottom",
    "footnote_top",
    "footer_rule",
    "footer_top",
    "footer_height",
)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_MASTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster"


class SlideFacts:
    """What a template states about itself: slide size (inches), heading and body typefaces."""

    def __init__(self, width: float, height: float, heading: str | None, body: str | None):
        self.width = width
        self.height = height
        self.heading = heading
        self.body = body


def settings_file(template: str | os.PathLike[str]) -> Path | None:
    """The settings file beside ``template`` (``brand.toml`` for ``brand.pptx``), if any."""
    path = Path(template).with_suffix(".toml")
    return path if path.is_file() else None


def _target(z: zipfile.ZipFile, part: str, reltype: str) -> str | None:
    """The part that ``part`` relates to as ``reltype`` (the first), by its name in the zip."""
    folder, name = posixpath.split(part)
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in z.namelist():
        return None
    for rel in parse(z.read(rels)).iter(_REL):
        if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return None


def read_facts(template: str | os.PathLike[str]) -> SlideFacts:
    """Read the slide size and the theme's major and minor Latin typefaces of ``template``."""
    path = Path(template)
    try:
        with zipfile.ZipFile(path) as z:
            prs = parse(z.read("ppt/presentation.xml"))
            size = prs.find(qn("p:sldSz"))
            width = int(size.get("cx")) / EMU_PER_INCH if size is not None else 10.0
            height = int(size.get("cy")) / EMU_PER_INCH if size is not None else 7.5
            fonts: dict[str, str | None] = {"majorFont": None, "minorFont": None}
            master = _target(z, "ppt/presentation.xml", _MASTER)
            theme = master and _target(z, master, _THEME)
            if theme and theme in z.namelist():
                scheme = parse(z.read(theme)).find(f".//{qn('a:fontScheme')}")
                for which in fonts if scheme is not None else ():
                    latin = scheme.find(f"a:{which}/a:latin", NSMAP)
                    face = latin.get("typeface") if latin is not None else None
                    fonts[which] = face or None
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as e:
        raise TemplateError(f"{path}: not a PowerPoint file ({e})") from e
    return SlideFacts(width, height, fonts["majorFont"], fonts["minorFont"])


def _measurable(family: str) -> bool:
    """Whether text in ``family`` can be measured: its regular and bold faces are found (see
    :func:`tuningdeck.fonts.resolve`)."""
    from tuningdeck.fonts import face

    try:
        face(family)
        face(family, bold=True)
    except (ValueError, OSError):
        return False
    return True


def template_theme(
    template: str | os.PathLike[str], settings: str | os.PathLike[str] | None = None
) -> Theme:
    """The theme to build with ``template``: ``settings`` (default: the file beside the
    template) over foundation.toml, the template's slide size and fonts where it is silent.

    A template's typeface is taken only if tuningdeck can measure text in it.
    """
    source = Path(settings) if settings is not None else settings_file(template)
    own: dict[str, Any] = read_toml(source) if source is not None else {}
    data = Theme.settings(source)
    facts = read_facts(template)
    geometry = dict(data["geometry"])
    given = own.get("geometry", {})
    across = facts.width / geometry["width"]
    down = facts.height / geometry["height"]
    resized = abs(across - 1) > 1e-3 or abs(down - 1) > 1e-3
    if "width" not in given and "height" not in given and resized:
        geometry.update(width=round(facts.width, 4), height=round(facts.height, 4))
        geometry.update({k: geometry[k] * across for k in _ACROSS if k not in given})
        geometry.update({k: geometry[k] * down for k in _DOWN if k not in given})
    fonts = dict(data["fonts"])
    for key, face in (("heading", facts.heading), ("body", facts.body)):
        if key not in own.get("fonts", {}) and face and face != fonts[key] and _measurable(face):
            fonts[key] = face
    data = {**data, "geometry": geometry, "fonts": fonts}
    folder = (source or Path(template)).resolve().parent
    return Theme.from_dict(data, source=str(source or template), base=folder)
