"""The second rendering pass: draw slide plans into a presentation package, slide by slide.

Each slide is built as an element tree from its plan (:mod:`tuningdeck.oxml`), serialised once
and goes into the zip as soon as it is drawn (see :mod:`tuningdeck.render.parts`): memory stays
flat however long the deck. The template's placeholders are copied onto the slide as elements,
whatever extensions (``a16``, ``p14``, markup compatibility) the application that saved it
added.
"""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from attrs import evolve, frozen
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout

from tuningdeck.charts.look import alt_text
from tuningdeck.errors import TemplateError
from tuningdeck.output import atomic_output, check_output
from tuningdeck.oxml import shapes
from tuningdeck.oxml.core import fill_slots
from tuningdeck.render.mirror import mirror_alignment, mirror_part, mirror_shapes
from tuningdeck.render.parts import ImageData, PackageWriter, Relationships
from tuningdeck.render.plan import Frame, Frames, PictureShape, SlidePlan, TextShape
from tuningdeck.render.pptx_adapter import adopt_core_properties, drop_slides
from tuningdeck.render.table_write import table_bytes
from tuningdeck.render.template import TemplateLayout, TemplatePlaceholder, read_layouts
from tuningdeck.render.text import paragraph_bytes, paragraphs
from tuningdeck.text.markup import plain_text
from tuningdeck.theme import Theme
from tuningdeck.vocab import Placeholder as P

__all__ = ["Canvas", "DrawnSlide", "derived_title"]

EMU_PER_PT = 12700
_ANCHORS = ("t", "ctr", "b")
_PENDING = "/ppt/pending"
"""Where a drawn slide's relationships point until :meth:`Canvas.commit` names its parts."""


@frozen
class DrawnSlide:
    """A slide drawn from its plan but not yet in a package (see :meth:`Canvas.draw`).

    ``rels`` point at stand-in part names (under ``/ppt/pending``) for the parts that only the
    package can name: ``pictures`` (each image with its stand-in, one per distinct image) and
    ``charts`` (stand-in, chart XML, embedded workbook). ``notes`` is the text of its notes
    page, or empty. Everything in it can be pickled, to be drawn in another process.
    """

    xml: bytes
    rels: Relationships
    pictures: tuple[tuple[str, ImageData], ...]
    charts: tuple[tuple[str, bytes, bytes], ...]
    notes: str


def _box(f: Frame) -> shapes.Box:
    """A frame in points as a box in EMU."""
    return shapes.Box(
        round(f.x * EMU_PER_PT),
        round(f.y * EMU_PER_PT),
        round(f.w * EMU_PER_PT),
        round(f.h * EMU_PER_PT),
    )


class _Slots(list[list[bytes]]):
    """The bytes of a slide's text bodies and tables, in the order of their slots."""

    def new(self) -> list[bytes]:
        """The bytes of the next slot (append to it)."""
        self.append([])
        return self[-1]


class Canvas:
    """A template's layouts, and a package the planned slides are drawn into one by one.

    The package is written to ``out`` as the slides are added (the caller makes it atomic, see
    :func:`tuningdeck.render.save_deck`), or without ``out`` to a temporary file that
    :meth:`save` copies into place. Nothing is written before the first slide is added, and
    :meth:`close` finishes the package. ``prs`` is the template as python-pptx opened it (its
    slides removed): the document properties set on it are written with the deck.
    """

    def __init__(
        self,
        template: str | os.PathLike[str],
        theme: Theme,
        *,
        out: str | os.PathLike[str] | None = None,
    ) -> None:
        path = Path(template)
        if not path.is_file():
            raise TemplateError(f"{path}: template not found")
        try:
            self.prs: PresentationT = Presentation(str(path))
        except Exception as e:  # python-pptx raises several kinds for a bad package
            raise TemplateError(f"{path}: not a PowerPoint file ({e})") from e
        self.path = path
        self.theme = theme
        self._out = out
        self.mirrored = False  # see :meth:`mirror`
        self._package: PackageWriter | None = None
        self._file: Path | None = None  # where the package is written
        self._closed = False
        adopt_core_properties(self.prs)
        drop_slides(self.prs)  # a template may carry example slides; a deck starts empty
        #: The template's layouts by the names tuningdeck gives them (see render/template.py).
        self.template_layouts: dict[str, TemplateLayout] = read_layouts(self.prs, theme.names)
        self.layouts: dict[str, SlideLayout] = {
            name: found.layout for name, found in self.template_layouts.items()
        }
        self._shapes: dict[tuple[str, str, int, str | None, bool], etree._Element] = {}
        self.frames: Frames = {name: found.frames for name, found in self.template_layouts.items()}

    def mirror(self) -> None:
        """Mirror every slide drawn from now on, and the master and layouts the deck is
        written with, for a deck that reads right to left (see :mod:`tuningdeck.render.mirror`).
        Slides are still planned against the layouts as the template has them."""
        if self.mirrored:
            return
        self.mirrored = True
        width = self.prs.slide_width or 0
        for master in self.prs.slide_masters:
            mirror_part(master.element, width)
            for layout in master.slide_layouts:
                mirror_part(layout.element, width)
        numbers = {id(f.slide_number): f.slide_number for f in self.template_layouts.values()}
        for number in numbers.values():  # copied from its layout before: mirrored as it is
            if number is not None:
                mirror_alignment(number)

    @property
    def slide_count(self) -> int:
        """How many slides have been added."""
        return 0 if self._package is None else self._package.slides

    def _writer(self) -> PackageWriter:
        """The package, opened on first use."""
        if self._closed:
            raise ValueError("the deck is closed: no slide can be added")
        if self._package is None:
            if self._out is None:
                fd, name = tempfile.mkstemp(prefix="tuningdeck-", suffix=".pptx")
                os.close(fd)
                self._file = Path(name)
                weakref.finalize(self, _remove, self._file)
            else:
                self._file = Path(self._out)
            self._package = PackageWriter(self.prs, str(self._file))
        return self._package

    def close(self) -> None:
        """Finish the package: the template's parts, the slide list, the properties."""
        if not self._closed:
            package = self._writer()
            self._closed = True
            package.close()

    def discard(self) -> None:
        """Stop writing, the package unfinished (after a failure)."""
        self._closed = True
        if self._package is not None:
            self._package.discard()
        if self._out is None and self._file is not None:
            _remove(self._file)

    def save(
        self, path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()
    ) -> Path:
        """Finish the package and copy it to ``path`` atomically: a failure leaves ``path``
        untouched.

        Refuses (:class:`OutputError`) a path that is the template (or one of ``protect``), a
        folder, a link, a device or an existing file that is not a deck; see
        :func:`tuningdeck.output.check_output`.
        """
        target = check_output(path, protect=[self.path, *protect])
        self.close()
        assert self._file is not None
        with atomic_output(target) as tmp:
            shutil.copyfile(self._file, tmp)
        return target

    def layout(self, name: str) -> SlideLayout:
        """The template's layout called ``name``; a clear error if it has none."""
        try:
            return self.layouts[name]
        except KeyError:
            have = ", ".join(sorted(self.layouts)) or "none"
            raise TemplateError(
                f"{self.path}: no slide layout named {name!r}; the template's layouts are: {have}"
            ) from None

    def add(self, plan: SlidePlan) -> None:
        """Draw one slide from ``plan`` and write it (with its notes, pictures and charts)."""
        self.commit(self.draw(plan))

    def draw(self, plan: SlidePlan) -> DrawnSlide:
        """Draw one slide from ``plan``, not yet written: its XML and relationships, with the
        pictures and charts it brings (see :class:`DrawnSlide`). Drawing reads the template
        and never the package, so slides can be drawn in any process (see
        :mod:`tuningdeck.render.parallel`) and written in order by :meth:`commit`.

        The slide's placeholders are written straight from the plan: only those it fills, named as
        on the layout, at the layout's place unless the plan moves them. Shapes are written in
        reading order (what screen readers follow): the title first, then the content
        placeholders and planned shapes in the order a person reads them, the footer last.
        """
        layout = self.layout(plan.layout)
        found = self.template_layouts[plan.layout]
        known = {p.name: p for p in found.placeholders}
        missing = (set(plan.boxes) | set(plan.tables) | set(plan.charts)) - set(known)
        if missing:
            raise TemplateError(
                f"{self.path}: layout {plan.layout!r} has no placeholder named "
                f"{', '.join(sorted(missing))}"
            )
        for name in plan.charts:
            if known[name].kind != "chart":
                raise TemplateError(
                    f"{self.path}: placeholder {name!r} of layout {plan.layout!r} is not a chart "
                    "placeholder; a chart needs one"
                )
        rels = Relationships("/ppt/slides")
        rels.relate(RT.SLIDE_LAYOUT, str(layout.part.partname))
        c = self.theme.colors
        pictures: dict[str, ImageData] = {}
        drawn_charts: list[tuple[str, bytes, bytes]] = []

        def link_id(url: str) -> str:
            return rels.relate(RT.HYPERLINK, url, external=True)

        sld, tree = shapes.slide()
        staged = shapes.shape_holder()  # shapes built here, then moved to ``tree`` in reading order
        read: list[_Read] = []
        charts: list[tuple[etree._Element, TemplatePlaceholder]] = []
        footer_top = _FOOTER_ZONE * (self.prs.slide_height or 0) / EMU_PER_PT
        top = 1  # the highest shape id
        for shape_id, ph in enumerate(found.placeholders, start=2):
            frame = plan.frames.get(ph.name) or (ph.frame if ph.shared else None)
            slot: list[bytes] | None = None
            place = frame or ph.frame
            if ph.name in plan.tables:
                f = frame or self.frames[plan.layout][ph.name]
                table = plan.tables[ph.name]
                slot = []
                table_bytes(
                    slot,
                    table,
                    rule_color=c.rule,
                    rule_width=self.theme.tables.rule_width,
                    bullet_color=c.accent,
                    link_color=c.accent,
                    link_id=link_id,
                )
                size = Frame(f.x, f.y, sum(table.widths), table.page.height)
                place = size
                self._filled(staged, plan.layout, ph, shape_id, _box(size), shapes.TABLE_URI)
                if table.description:  # read out by screen readers
                    shapes.describe(staged[-1], table.description)
            elif ph.name in plan.charts:
                # related once every placeholder is: the chart's relationship comes after links
                ref = shapes.chart("")
                f = place = frame or self.frames[plan.layout][ph.name]
                shapes.graphic_frame(
                    staged, shape_id, "Chart", copy.deepcopy(ph.ph), _box(f), shapes.CHART_URI, ref
                )
                shapes.describe(staged[-1], alt_text(plan.charts[ph.name]))
                charts.append((ref, ph))
            elif plan.boxes.get(ph.name):
                slot = []
                paragraph_bytes(
                    slot,
                    plan.boxes[ph.name],
                    bullet_color=c.accent,
                    link_color=c.accent,
                    link_id=link_id,
                    mirrored=self.mirrored,
                )
                self._filled(staged, plan.layout, ph, shape_id, _box(frame) if frame else None)
            else:
                continue
            read.append(_Read(staged[-1], slot, place, _role(ph, place, footer_top)))
            top = shape_id
        if found.slide_number is not None:
            top = len(found.placeholders) + 2
            number = copy.deepcopy(found.slide_number)
            shapes.set_shape_id(number, top)
            read.append(_Read(number, None, None, _FOOTER))
        for ref, ph in charts:
            from tuningdeck.render.chart_write import chart_part

            chart_xml, workbook = chart_part(plan.charts[ph.name], self.theme)
            stand_in = f"{_PENDING}/chart{len(drawn_charts) + 1}.xml"
            drawn_charts.append((stand_in, chart_xml, workbook))
            shapes.set_chart(ref, rels.relate(RT.CHART, stand_in))
        first_shape = len(read)  # where the plan's shapes begin in ``read``
        for shape in plan.shapes:
            top += 1
            if isinstance(shape, PictureShape):
                image = ImageData.read(shape.source)
                stand_in = f"{_PENDING}/{image.sha1}"
                pictures.setdefault(stand_in, image)
                shapes.picture(
                    staged,
                    top,
                    shape.name,
                    shape.description or image.description,
                    rels.relate(RT.IMAGE, stand_in),
                    shape.crop,
                    _box(shape.frame),
                )
            else:
                self._text_box(staged, shape, top, link_id)
            read.append(_Read(staged[-1], None, shape.frame, _CONTENT))
        untitled = not any(item.role == _TITLE for item in read)
        if untitled and (shown := _shown_title(plan)) is not None:
            # the caption the slide shows is its title, where it stands, read first
            item = read[first_shape + shown]
            shapes.make_title(item.shape)
            read[first_shape + shown] = evolve(item, role=_TITLE)
        if not any(item.role == _TITLE for item in read):  # read out, never shown
            top += 1
            width, height = self.prs.slide_width or 0, self.prs.slide_height or 0
            # hidden, and off the slide (left of it) where an application draws hidden shapes
            off = shapes.Box(-width, 0, width, height // 6)
            shapes.hidden_title(staged, top, derived_title(plan), off)
            read.append(_Read(staged[-1], None, None, _TITLE))
        slots = _Slots()
        for item in _reading_order(read):
            tree.append(item.shape)
            if item.slot is not None:
                slots.append(item.slot)
        if self.mirrored:
            mirror_shapes(tree, self.prs.slide_width or 0)
        return DrawnSlide(
            fill_slots(sld, slots),
            rels,
            tuple(pictures.items()),
            tuple(drawn_charts),
            plain_text(plan.notes) if plan.notes else "",
        )

    def commit(self, slide: DrawnSlide) -> None:
        """Write a drawn slide into the package as the next slide: the pictures it shows (each
        image once per deck), its charts, its notes page, the slide and its relationships."""
        package = self._writer()
        partname = package.add_slide()
        rels = slide.rels
        for stand_in, chart_xml, workbook in slide.charts:
            chart = package.name("/ppt/charts/chart%d.xml")
            embedded = package.name("/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
            chart_rels = Relationships("/ppt/charts")
            chart_rels.relate(RT.PACKAGE, embedded)
            package.write(chart, chart_xml, CT.DML_CHART)
            package.write_rels(chart, chart_rels)
            package.write(embedded, workbook, CT.SML_SHEET)
            rels.retarget(stand_in, chart)
        for stand_in, image in slide.pictures:
            rels.retarget(stand_in, package.add_image(image))
        if slide.notes:
            package.add_notes(partname, rels, slide.notes)
        package.write(partname, slide.xml, CT.PML_SLIDE)
        package.write_rels(partname, rels)

    def _filled(
        self,
        tree: etree._Element,
        layout: str,
        ph: TemplatePlaceholder,
        shape_id: int,
        box: shapes.Box | None,
        uri: str | None = None,
    ) -> None:
        """Append to ``tree`` the shape filling ``ph`` with a slot for its text (or, with a
        ``uri``, a graphic frame with a slot for its table), at ``box`` or where the layout
        puts it. Each distinct shape is built once per canvas and copied."""
        key = (layout, ph.name, shape_id, uri, box is not None)
        proto = self._shapes.get(key)
        if proto is None:
            holder = shapes.shape_holder()
            ph_copy = copy.deepcopy(ph.ph)
            origin = shapes.Box(0, 0, 0, 0)
            if uri is None:
                shapes.placeholder(holder, shape_id, ph.shape_name, ph_copy, box and origin, None)
            else:
                shapes.graphic_frame(holder, shape_id, ph.shape_name, ph_copy, origin, uri, None)
            proto = self._shapes[key] = holder[0]
        shape = copy.deepcopy(proto)
        tree.append(shape)
        if box is not None:
            shapes.place(shape, box)

    def _text_box(
        self,
        tree: etree._Element,
        shape: TextShape,
        shape_id: int,
        link_id: Callable[[str], str],
    ) -> None:
        """A text box of its planned size in every application, optionally filled."""
        if shape.anchor not in _ANCHORS:
            raise ValueError(f"a text box is anchored at one of {_ANCHORS}, not {shape.anchor!r}")
        c = self.theme.colors
        body = paragraphs(
            shape.blocks,
            bullet_color=c.accent,
            link_color=c.accent,
            link_id=link_id,
            mirrored=self.mirrored,
        )
        shapes.text_box(
            tree,
            shape_id,
            shape.name,
            _box(shape.frame),
            fill=str(RGBColor.from_string(shape.fill)) if shape.fill else None,
            inset=round(shape.inset * EMU_PER_PT),
            anchor=shape.anchor,
            paragraphs=body,
        )


_TITLE_LENGTH = 100  # characters: a derived title longer is cut at a word


def derived_title(plan: SlidePlan) -> str:
    """A title for a slide whose design shows none (an untitled images slide): the first
    paragraph of its first text (an introduction's heading, a caption), else the name of its
    layout; cut at a word after :data:`_TITLE_LENGTH` characters."""
    texts = (
        " ".join(block.paragraph.text.split())
        for shape in plan.shapes
        if isinstance(shape, TextShape)
        for block in shape.blocks
    )
    text = next((t for t in texts if t), "") or plan.layout.removeprefix("Untitled ")
    if len(text) > _TITLE_LENGTH:
        cut = text.rfind(" ", 0, _TITLE_LENGTH)
        text = text[: cut if cut > 0 else _TITLE_LENGTH].rstrip(" ,;:-") + "\u2026"
    return text


def _shown_title(plan: SlidePlan) -> int | None:
    """Which of ``plan``'s shapes is the title of a slide whose design shows none: its first
    text, when that is one paragraph (a caption); None when a hidden title is needed."""
    texts = [
        (i, [b for b in shape.blocks if b.paragraph.text.strip()])
        for i, shape in enumerate(plan.shapes)
        if isinstance(shape, TextShape)
    ]
    first = next(((i, lines) for i, lines in texts if lines), None)
    return first[0] if first is not None and len(first[1]) == 1 else None


_TITLE, _CONTENT, _FOOTER = 0, 1, 2
_TITLE_TYPES = frozenset({"title", "ctrTitle"})
_FOOTER_TYPES = frozenset({"dt", "ftr", "sldNum"})
_FOOTER_NAMES = frozenset({P.DEPARTMENT, P.FOOTNOTE, P.SLIDE_NUMBER, P.WORDMARK})
_FOOTER_ZONE = 0.85
"""A placeholder of another template starting below this share of the slide's height is part of
the footer band."""
_TOLERANCE = 2.0  # points


@frozen
class _Read:
    """A shape built for a slide: its element, the bytes of its slot (if it has one), where it is
    (None: where its layout puts it) and its role (title, content or footer)."""

    shape: etree._Element
    slot: list[bytes] | None
    frame: Frame | None
    role: int


def _role(ph: TemplatePlaceholder, frame: Frame | None, footer_top: float) -> int:
    """Whether placeholder ``ph`` (at ``frame``) is the slide's title, content or footer."""
    if ph.kind in _TITLE_TYPES or ph.name == P.TITLE:
        return _TITLE
    if ph.kind in _FOOTER_TYPES or ph.name in _FOOTER_NAMES:
        return _FOOTER
    if frame is not None and frame.y >= footer_top:
        return _FOOTER
    return _CONTENT


def _reads_before(first: _Read, then: _Read) -> bool:
    """Whether a person reads ``first`` before ``then``: above it in the same column, or to its
    left in the same row."""
    a, b = first.frame, then.frame
    if a is None or b is None:
        return False
    x_overlap = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    y_overlap = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    if x_overlap > 0 and a.y + a.h <= b.y + _TOLERANCE:
        return True
    return y_overlap > 0.5 * min(a.h, b.h) and a.x + a.w <= b.x + _TOLERANCE


def _reading_order(shapes_: list[_Read]) -> list[_Read]:
    """``shapes_`` in the order a screen reader should read them: the title first, the footer
    last, and between them each shape after every shape a person reads before it (above it in
    its column, left of it in its row); otherwise in the order they were built."""
    ordered: list[_Read] = []
    for role in (_TITLE, _CONTENT, _FOOTER):
        left = [s for s in shapes_ if s.role == role]
        while left:
            ready = next(
                (s for s in left if not any(_reads_before(o, s) for o in left if o is not s)),
                left[0],  # a cycle (overlapping shapes): keep the built order
            )
            left.remove(ready)
            ordered.append(ready)
    return ordered


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
