"""Package parts: a part's relationships and the content types (Open Packaging Conventions),
and the presentation's view properties."""

from __future__ import annotations

from collections.abc import Iterable

from tuningdeck.oxml.core import element, serialize, sub

__all__ = ["content_types", "relationships", "view_properties"]


def relationships(items: Iterable[tuple[str, str, str, bool]]) -> bytes:
    """A ``.rels`` part listing ``items`` (id, type, target, external) in the order given."""
    root = element("pr:Relationships", default=True)
    for rid, reltype, target, external in items:
        rel = sub(root, "pr:Relationship", {"Id": rid, "Type": reltype, "Target": target})
        if external:
            rel.set("TargetMode", "External")
    return serialize(root)


def content_types(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    """``[Content_Types].xml``: a Default per extension, an Override per part name."""
    root = element("ct:Types", default=True)
    for ext, content_type in sorted(defaults.items()):
        sub(root, "ct:Default", {"Extension": ext, "ContentType": content_type})
    for name, content_type in sorted(overrides.items()):
        sub(root, "ct:Override", {"PartName": name, "ContentType": content_type})
    return serialize(root)


def view_properties() -> bytes:
    """A presentation's view properties (``viewProps.xml``), every view at its default."""
    return serialize(element("p:viewPr", prefixes=("a", "r", "p")))
