"""Write a presentation package as it is drawn: each slide's parts go into the zip at once.

python-pptx keeps every part of a package in memory, as an lxml tree, until the package is saved;
a deck of thousands of slides then holds hundreds of megabytes. :class:`PackageWriter` writes each
slide, its relationships, notes page, pictures and charts into the zip as soon as they are made,
and keeps only names and relationship ids. The template is read with python-pptx (its master,
layouts and theme); its parts are copied as they are when the package is finished, together with
the parts that depend on every slide: ``presentation.xml`` (the list of slides) and its
relationships, ``[Content_Types].xml`` and the document properties.

Part names and ids are counted, never searched for, so each slide costs the same however long the
deck; a picture used again is embedded once (remembered by its SHA-1).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import posixpath
import zipfile
from collections.abc import Iterator
from typing import IO, cast

from attrs import frozen
from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.spec import default_content_types
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.image import Image
from pptx.parts.slide import NotesMasterPart
from pptx.presentation import Presentation
from pptx.slide import NotesSlide

from tuningdeck.oxml.core import parse, serialize
from tuningdeck.oxml.ns import NSMAP
from tuningdeck.oxml.package import content_types, relationships, view_properties
from tuningdeck.render.pptx_adapter import package_rels_xml, part_element, slide_list

__all__ = ["FIRST_SLIDE_ID", "ImageData", "PackageWriter", "Relationships"]

FIRST_SLIDE_ID = 256
_EXTENDED = NSMAP["ep"]


class Relationships:
    """The relationships of one part, numbered as python-pptx numbers them (``rId1``, ...)."""

    def __init__(self, base: str) -> None:
        self._base = base  # the folder of the part they belong to, e.g. "/ppt/slides"
        self._items: dict[str, tuple[str, str, bool]] = {}  # rId -> (type, target, external)
        self._index: dict[tuple[str, str, bool], str] = {}

    def keep(self, rid: str, reltype: str, target: str, external: bool) -> None:
        """Record an existing relationship under its own id (``target`` as written)."""
        self._items[rid] = (reltype, target, external)
        self._index.setdefault((reltype, target, external), rid)

    def relate(self, reltype: str, target: str, *, external: bool = False) -> str:
        """The id of the relationship to ``target`` (a part name, or a URL when ``external``),
        added unless the part already has one of that type."""
        if not external:
            target = posixpath.relpath(target, self._base)
        key = (reltype, target, external)
        rid = self._index.get(key)
        if rid is None:
            rid = self._next_id()
            self._items[rid] = key
            self._index[key] = rid
        return rid

    def retarget(self, old: str, new: str) -> None:
        """Point the relationships to part ``old`` at part ``new`` instead (ids unchanged)."""
        was = posixpath.relpath(old, self._base)
        now = posixpath.relpath(new, self._base)
        for rid, (reltype, target, external) in list(self._items.items()):
            if target == was and not external:
                self._items[rid] = (reltype, now, False)
                self._index.pop((reltype, was, False), None)
                self._index.setdefault((reltype, now, False), rid)

    def has(self, reltype: str) -> bool:
        """Whether the part has a relationship of type ``reltype``."""
        return any(key[0] == reltype for key in self._index)

    def _next_id(self) -> str:
        # python-pptx's choice: the highest free number up to one past the count (gaps first)
        for n in range(len(self._items) + 1, 0, -1):
            if f"rId{n}" not in self._items:
                return f"rId{n}"
        raise AssertionError("unreachable")  # pragma: no cover

    def xml(self) -> bytes:
        """The ``.rels`` part, relationships in the order of their numbers."""

        def number(rid: str) -> tuple[int, str]:
            return (int(rid[3:]) if rid[:3] == "rId" and rid[3:].isdigit() else 0, rid)

        return relationships((rid, *self._items[rid]) for rid in sorted(self._items, key=number))


@frozen
class ImageData:
    """A picture's image as a package holds it: its bytes, their SHA-1, its extension and
    content type, and the description python-pptx gives it (its file name, or ``image.png``)."""

    blob: bytes
    sha1: str
    ext: str
    content_type: str
    description: str

    @classmethod
    def read(cls, source: str | os.PathLike[str] | bytes) -> ImageData:
        """The image in the file ``source`` names, or in the bytes ``source`` is."""
        image = Image.from_file(io.BytesIO(source) if isinstance(source, bytes) else str(source))
        desc = image.filename or f"image.{image.ext}"
        return cls(image.blob, image.sha1, image.ext, image.content_type, desc)


def _rels_path(partname: str) -> str:
    folder, name = posixpath.split(partname)
    return f"{folder}/_rels/{name}.rels"


def _reachable(part: Part) -> Iterator[Part]:
    """``part`` and every part reachable from it, once each, depth first."""
    seen = {id(part)}
    stack = [part]
    while stack:
        found = stack.pop()
        yield found
        for rel in reversed(list(found.rels.values())):
            if not rel.is_external and id(rel.target_part) not in seen:
                seen.add(id(rel.target_part))
                stack.append(rel.target_part)


class PackageWriter:
    """A package written into ``sink`` (a path or a binary file) slide by slide.

    ``prs`` is the template, opened by python-pptx, its slides already removed; the parts it
    still reaches are written as they are by :meth:`close`, which also writes the slide list.
    """

    def __init__(self, prs: Presentation, sink: str | IO[bytes]) -> None:
        self.prs = prs
        # zlib's fastest level: text parts a fifth larger than at its default, saved in 8 % less
        # time (pictures, most of a deck's bytes, hardly compress either way)
        self._zip = zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._types: dict[str, str] = {}  # part name -> content type, of parts not template's
        self._taken = {str(p.partname) for p in prs.part.package.iter_parts()}
        self._counts: dict[str, int] = {}
        self._rels = Relationships("/ppt")
        for rel in prs.part.rels.values():
            self._rels.keep(rel.rId, rel.reltype, rel.target_ref, rel.is_external)
        self._slide_ids: list[str] = []
        self._images: dict[str, str] = {}  # SHA-1 -> part name
        self._notes_master: NotesMasterPart | None = None
        self._notes_proto: etree._Element | None = None
        self.slides = 0
        self.notes = 0

    # -- names and parts ----------------------------------------------------------------------

    def name(self, template: str, counter: str | None = None) -> str:
        """The next free part name like ``template`` (``/ppt/charts/chart%d.xml``), numbered
        by its own count or by ``counter``'s."""
        key = counter or template
        while True:
            n = self._counts.get(key, 0) + 1
            self._counts[key] = n
            name = template % n
            if name not in self._taken:
                return name

    def write(self, partname: str, blob: bytes, content_type: str | None = None) -> None:
        """Put a part into the zip now (``content_type`` for [Content_Types].xml)."""
        self._zip.writestr(partname[1:], blob)
        if content_type is not None:
            self._types[partname] = content_type

    def write_rels(self, partname: str, rels: Relationships) -> None:
        self.write(_rels_path(partname), rels.xml())

    # -- slides -------------------------------------------------------------------------------

    def add_slide(self) -> str:
        """A new slide's part name; listed in the presentation."""
        self.slides += 1
        partname = self.name("/ppt/slides/slide%d.xml")
        self._slide_ids.append(self._rels.relate(RT.SLIDE, partname))
        return partname

    def add_image(self, image: ImageData) -> str:
        """The part name of ``image``, written now unless an image with the same bytes was."""
        partname = self._images.get(image.sha1)
        if partname is None:
            partname = self.name(f"/ppt/media/tuningdeck-image%d.{image.ext}", "image")
            self._images[image.sha1] = partname
            self.write(partname, image.blob, image.content_type)
        return partname

    def add_notes(self, slide: str, slide_rels: Relationships, text: str) -> None:
        """Give the slide ``slide`` a notes page holding ``text`` (the notes master's
        placeholders, as python-pptx makes them)."""
        master = self._master()
        if self._notes_proto is None:
            proto = NotesSlide(CT_NotesSlide.new(), None)  # type: ignore[arg-type]
            proto.clone_master_placeholders(master.notes_master)
            self._notes_proto = proto.element
        self.notes += 1
        partname = self.name("/ppt/notesSlides/notesSlide%d.xml")
        notes = NotesSlide(copy.deepcopy(self._notes_proto), None)  # type: ignore[arg-type]
        frame = notes.notes_text_frame
        if frame is not None:
            frame.text = text
        rels = Relationships("/ppt/notesSlides")
        rels.relate(RT.NOTES_MASTER, str(master.partname))
        rels.relate(RT.SLIDE, slide)
        self.write(partname, serialize(notes.element), CT.PML_NOTES_SLIDE)
        self.write_rels(partname, rels)
        slide_rels.relate(RT.NOTES_SLIDE, partname)

    def _master(self) -> NotesMasterPart:
        """The template's notes master, or python-pptx's default one made now."""
        if self._notes_master is None:
            with contextlib.suppress(KeyError):
                part = self.prs.part.part_related_by(RT.NOTES_MASTER)
                self._notes_master = cast(NotesMasterPart, part)
            if self._notes_master is None:
                self._notes_master = NotesMasterPart.create_default(self.prs.part.package)
                self._rels.relate(RT.NOTES_MASTER, str(self._notes_master.partname))
        return self._notes_master

    # -- the end ------------------------------------------------------------------------------

    def close(self) -> None:
        """Write the template's parts, the slide list, content types and properties; close."""
        if self._zip.fp is None:
            return
        prs_part = self.prs.part
        package = prs_part.package
        package.core_properties  # made now if the template has none  # noqa: B018
        types = dict(self._types)
        parts = list(package.iter_parts())
        master = self._notes_master
        if master is not None and master not in parts:  # made here: the template had none
            parts.extend(p for p in _reachable(master) if p not in parts)
        if not self._rels.has(RT.VIEW_PROPS):  # LibreOffice saves none; PowerPoint wants one
            view = self.name("/ppt/viewProps%d.xml")
            self._rels.relate(RT.VIEW_PROPS, view)
            self.write(view, view_properties(), CT.PML_VIEW_PROPS)
            types[view] = CT.PML_VIEW_PROPS
        for part in parts:
            name = str(part.partname)
            types[name] = part.content_type
            if part is prs_part:
                self.write(name, self._presentation_xml())
                self.write_rels(name, self._rels)
                continue
            blob = part.blob
            if part.content_type == CT.OFC_EXTENDED_PROPERTIES:
                blob = self._app_xml(blob)
            self.write(name, blob)
            if part.rels:
                self.write(_rels_path(name), part.rels.xml)
        self.write("/_rels/.rels", package_rels_xml(package))
        self.write("/[Content_Types].xml", _content_types(types))
        self._zip.close()

    def discard(self) -> None:
        """Close the zip unfinished (its file is to be removed)."""
        with contextlib.suppress(Exception):
            self._zip.close()

    def _presentation_xml(self) -> bytes:
        """``presentation.xml`` listing the slides written."""
        element = copy.deepcopy(part_element(self.prs.part))
        slide_list(element, self._slide_ids, FIRST_SLIDE_ID)
        return serialize(element)

    def _app_xml(self, blob: bytes) -> bytes:
        """The template's ``docProps/app.xml`` counting this deck's slides and notes."""
        try:
            root = parse(blob)
        except etree.XMLSyntaxError:
            return blob
        for tag, count in (("Slides", self.slides), ("Notes", self.notes)):
            element = root.find(f"{{{_EXTENDED}}}{tag}")
            if element is not None:
                element.text = str(count)
        return serialize(root)


def _content_types(types: dict[str, str]) -> bytes:
    """``[Content_Types].xml``: a Default per known extension, an Override per other part."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for partname, content_type in types.items():
        ext = posixpath.splitext(partname)[1][1:]
        if (ext.lower(), content_type) in default_content_types:
            defaults[ext] = content_type
        else:
            overrides[partname] = content_type
    return content_types(defaults, overrides)
