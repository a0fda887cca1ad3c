"""The fixed namespace map of every part tuningdeck writes, and Clark names from prefixed ones.

Every element the project builds is named through :func:`qn` with one of these prefixes, and
every part's root declares the prefixes it uses from :data:`NSMAP`, so a part never carries a
namespace under another prefix. Foreign elements a template brings (PowerPoint's ``a16``,
``p14`` and markup-compatibility extensions) keep their own declarations when copied.
"""

from __future__ import annotations

from functools import cache

__all__ = ["NSMAP", "nsmap", "qn"]

#: Prefix -> namespace URI, for everything written and everything read by prefix.
NSMAP: dict[str, str] = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "a14": "http://schemas.microsoft.com/office/drawing/2010/main",
    "a16": "http://schemas.microsoft.com/office/drawing/2014/main",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "p15": "http://schemas.microsoft.com/office/powerpoint/2012/main",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


@cache
def qn(tag: str) -> str:
    """The Clark name (``{uri}local``) of a prefixed name such as ``a:rPr``."""
    prefix, _, local = tag.partition(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def nsmap(*prefixes: str) -> dict[str | None, str]:
    """The part of :data:`NSMAP` a root element declares: ``nsmap("a", "p", "r")``."""
    return {p: NSMAP[p] for p in prefixes}
