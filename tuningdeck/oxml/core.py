"""Element builders: new elements, memoised prototypes copied per use, serialisation, and the
compiled fragments of the hot path.

Building a table slide's 1,500 elements one ``SubElement`` at a time costs more than laying the
table out. The builders therefore make each distinct fragment (a run's properties, a cell's
borders, a paragraph's spacing) once, keep it as a *prototype*, and hand out
:func:`copy.deepcopy` copies of it, which lxml makes in C; only text and the few attributes that
vary per use are set on the copy. A part is serialised once, whole, by :func:`serialize`.

Even so, copying a table's cells into a tree and serialising it costs twice what writing them as
text did (benchmarks/README.md). So for a slide's text bodies and tables a prototype is also
serialised once, as it reads inside a slide, and cut at its :data:`SLOT` marks
(:func:`compile_parts`): a use joins those bytes with its escaped text. The slide's own tree
carries a :data:`SLOT` where each goes, and :func:`fill_slots` serialises it with them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable, Mapping
from typing import Generic, TypeVar

from lxml import etree

from tuningdeck.oxml.ns import NSMAP, nsmap, qn

__all__ = [
    "MAX_PROTOTYPES",
    "SLOT",
    "Prototypes",
    "compile_parts",
    "element",
    "escape_text",
    "fill_slots",
    "parse",
    "serialize",
    "sub",
]

_K = TypeVar("_K", bound=Hashable)
#: How many prototypes (or compiled fragments) of one kind are kept at most.
MAX_PROTOTYPES = 4096
#: A parser that keeps what it reads as written (no entity resolution, no network).
_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)


def element(
    tag: str,
    attrs: Mapping[str, str | int] | None = None,
    *children: etree._Element,
    prefixes: tuple[str, ...] = (),
    default: bool = False,
    text: str | None = None,
) -> etree._Element:
    """A new element ``tag`` (prefixed, ``"a:rPr"``) with ``attrs`` and ``children``.

    ``prefixes`` are the namespaces it declares (a part's root declares those its tree uses);
    ``default`` declares the tag's own namespace as the default one instead (package parts).
    """
    declared = nsmap(*prefixes) if prefixes else None
    if default:
        declared = {None: NSMAP[tag.partition(":")[0]]}
    el = etree.Element(
        qn(tag), {k: str(v) for k, v in attrs.items()} if attrs else None, nsmap=declared
    )
    if text is not None:
        el.text = text
    el.extend(children)
    return el


def sub(
    parent: etree._Element,
    tag: str,
    attrs: Mapping[str, str | int] | None = None,
    *,
    text: str | None = None,
) -> etree._Element:
    """A new element ``tag`` appended to ``parent``."""
    el = etree.SubElement(parent, qn(tag), {k: str(v) for k, v in attrs.items()} if attrs else None)
    if text is not None:
        el.text = text
    return el


class Prototypes(Generic[_K]):
    """Fragments made once per key by ``make(key)``; calling hands out a deep copy.

    A prototype is never handed out itself, so no caller can change what the next one gets.
    """

    def __init__(self, make: Callable[[_K], etree._Element]) -> None:
        self._made: dict[_K, etree._Element] = {}
        self._make = make

    def __call__(self, key: _K) -> etree._Element:
        """A fresh copy of the prototype for ``key`` (made now if it is the first)."""
        proto = self._made.get(key)
        if proto is None:
            if len(self._made) >= MAX_PROTOTYPES:  # a long-lived process starts afresh
                self._made.clear()
            proto = self._made[key] = self._make(key)
        return copy.deepcopy(proto)


def serialize(root: etree._Element) -> bytes:
    """A part's XML as PowerPoint writes it: UTF-8, declared standalone."""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)


def parse(blob: bytes) -> etree._Element:
    """A part's root element, parsed from its bytes."""
    return etree.fromstring(blob, _PARSER)


#: A character no deck text uses (Unicode private use): marks where a compiled fragment's
#: variable parts go.
SLOT = "\ue000"
_SLOT_BYTES = SLOT.encode()


def _context() -> etree._Element:
    """The root every compiled fragment is serialised under: a slide's own declarations."""
    return element("p:sld", prefixes=("a", "p", "r"))


_WRAPPER = _context()
_WRAPPER.text = SLOT
_START, _END = etree.tostring(_WRAPPER, encoding="UTF-8").split(_SLOT_BYTES)


def compile_parts(el: etree._Element) -> tuple[bytes, ...]:
    """``el`` serialised as it reads inside a slide (no namespace declarations of its own), cut
    at each :data:`SLOT` in its text, tails or attribute values.

    The variable parts (escaped with :func:`escape_text`) go between the pieces. ``el`` is
    moved under a throwaway root; pass a fresh element.
    """
    root = _context()
    root.append(el)
    out = etree.tostring(root, encoding="UTF-8")
    body = out[len(_START) : len(out) - len(_END)]
    if not (out.startswith(_START) and out.endswith(_END)) or b" xmlns" in body:
        raise ValueError("a compiled fragment declares a namespace of its own")
    return tuple(body.split(_SLOT_BYTES))


def fill_slots(root: etree._Element, parts: list[list[bytes]]) -> bytes:
    """Serialise ``root`` (a part) with the bytes of ``parts[i]`` at its i-th :data:`SLOT`."""
    pieces = serialize(root).split(_SLOT_BYTES)
    if len(pieces) != len(parts) + 1:
        raise ValueError(f"expected {len(parts)} slots, found {len(pieces) - 1}")
    out = [pieces[0]]
    for part, piece in zip(parts, pieces[1:], strict=True):
        out.extend(part)
        out.append(piece)
    return b"".join(out)


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def escape_text(text: str) -> bytes:
    """``text`` as lxml writes it in element content (UTF-8)."""
    return text.translate(_TEXT_ESCAPES).encode()
