"""Add slide, notes and picture parts in constant time each.

python-pptx looks for a free part name by listing every part of the package, for an existing
relationship by scanning every relationship of the presentation, and for an identical picture by
hashing through every image already in the package, on each slide or picture it adds (its issues
#644 and #972); a deck of thousands of slides then costs time that grows with the square of its
length. A deck built here starts with no slides, so names and ids can simply be counted, and the
pictures it adds are remembered by their SHA-1.
"""

from __future__ import annotations

from typing import IO

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.slide import Slide, SlideLayout
from pptx.util import Length

__all__ = ["PartCounter"]

FIRST_SLIDE_ID = 256


class PartCounter:
    """Hands out slide and notes parts for a presentation whose slides were all removed."""

    def __init__(self, prs: Presentation) -> None:
        self.prs = prs
        self._slides = 0
        self._notes = 0
        self._images: dict[str, ImagePart] = {}

    def add_slide(self, layout: SlideLayout) -> Slide:
        """A new, empty slide on ``layout``, appended to the presentation."""
        self._slides += 1
        package = self.prs.part.package
        partname = PackURI(f"/ppt/slides/slide{self._slides}.xml")
        slide_part = SlidePart.new(partname, package, layout.part)
        rid = self.prs.part._rels._add_relationship(RT.SLIDE, slide_part)
        self.prs.slides._sldIdLst._add_sldId(id=FIRST_SLIDE_ID + self._slides - 1, rId=rid)
        return slide_part.slide

    def set_notes(self, slide: Slide, text: str) -> None:
        """Give ``slide`` a notes page holding ``text``."""
        self._notes += 1
        package = self.prs.part.package
        master_part = self.prs.part.notes_master_part
        notes_part = NotesSlidePart(
            PackURI(f"/ppt/notesSlides/notesSlide{self._notes}.xml"),
            CT.PML_NOTES_SLIDE,
            package,
            CT_NotesSlide.new(),
        )
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide.part, RT.SLIDE)
        notes = notes_part.notes_slide
        notes.clone_master_placeholders(master_part.notes_master)
        slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        notes.notes_text_frame.text = text

    def add_picture(
        self,
        slide: Slide,
        image_file: str | IO[bytes],
        left: Length,
        top: Length,
        width: Length,
        height: Length,
    ) -> Picture:
        """A picture on ``slide``; an image added before is embedded once and shared."""
        image = Image.from_file(image_file)
        part = self._images.get(image.sha1)
        if part is None:
            n = len(self._images) + 1
            partname = PackURI(f"/ppt/media/tuningdeck-image{n}.{image.ext}")
            part = ImagePart(
                partname, image.content_type, self.prs.part.package, image.blob, image.filename
            )
            self._images[image.sha1] = part
        rid = slide.part.relate_to(part, RT.IMAGE)
        shapes = slide.shapes
        pic = shapes._add_pic_from_image_part(part, rid, left, top, width, height)
        shape = shapes._shape_factory(pic)
        assert isinstance(shape, Picture)
        return shape
