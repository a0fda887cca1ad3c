"""A template's layouts as the planner and the writer see them: found by tuningdeck's names,
their placeholders matched to the names slides fill.

A layout is the template's layout of the same name, or of the name its settings map it to
(``[layouts]``). A placeholder is matched, in this order:

1. by the settings' ``[placeholders]`` (for every layout, or for one: ``[placeholders."Two
   Content"]``), the template's name for each of ours;
2. by its own name, when it is one of ours (the Foundation master's names);
3. by type and idx, as the Foundation master gives them: a title placeholder (``title`` or
   ``ctrTitle``) is the title, any other the placeholder of the Foundation's idx (PowerPoint's
   own names, "Title 1", "Text Placeholder 2", match this way when a layout keeps our idx).

Date and footer placeholders are never filled; the slide-number placeholder is copied onto each
slide.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from functools import cache

from attrs import frozen
from lxml import etree
from pptx.presentation import Presentation
from pptx.shapes.placeholder import LayoutPlaceholder
from pptx.slide import SlideLayout

from tuningdeck.oxml.ns import qn
from tuningdeck.render.plan import Frame
from tuningdeck.theme import Names, Theme
from tuningdeck.vocab import Layout

__all__ = ["TemplateLayout", "TemplatePlaceholder", "match_names", "read_layout", "read_layouts"]

EMU_PER_PT = 12700
_TITLES = ("title", "ctrTitle")
_UNFILLED = ("dt",)


@frozen
class TemplatePlaceholder:
    """A placeholder of a template's layout: the name slides fill it by (ours when matched), its
    name on the layout, type, idx, frame (points; None if the template places it nowhere) and
    ``<p:ph>`` element (copy it before placing it into a slide)."""

    name: str
    shape_name: str
    kind: str
    idx: int
    frame: Frame | None
    ph: etree._Element
    #: Another placeholder of the layout has the same type and idx (LibreOffice saves every
    #: content placeholder as idx 0), so a slide cannot inherit this one's place: it is written.
    shared: bool = False


@frozen
class TemplateLayout:
    """A layout found for one of tuningdeck's layout names: the template's layout, its fillable
    placeholders in z-order, and its slide-number shape (None if it has none)."""

    name: str
    layout: SlideLayout
    placeholders: tuple[TemplatePlaceholder, ...]
    slide_number: etree._Element | None

    @property
    def frames(self) -> dict[str, Frame]:
        """Where each placeholder is, by the name slides fill it by (points)."""
        return {p.name: p.frame for p in self.placeholders if p.frame is not None}


@cache
def _expected(layout: str) -> dict[str, tuple[str, int]]:
    """The Foundation master's placeholders of ``layout``: name -> (type, idx); none if it is
    not one of tuningdeck's layouts."""
    from tuningdeck.render.master.layouts import placeholder_keys

    try:
        name = Layout(layout)
    except ValueError:
        return {}
    return placeholder_keys(name, Theme.load())


def _frame(ph: LayoutPlaceholder) -> Frame | None:
    if None in (ph.left, ph.top, ph.width, ph.height):
        return None
    return Frame(
        ph.left / EMU_PER_PT, ph.top / EMU_PER_PT, ph.width / EMU_PER_PT, ph.height / EMU_PER_PT
    )


def _ph(sp: etree._Element) -> etree._Element:
    return next(sp.iter(qn("p:ph")))


def _matches(kind: str, idx: int, want: tuple[str, int]) -> bool:
    if want[0] in _TITLES or kind in _TITLES:
        return want[0] in _TITLES and kind in _TITLES
    return idx == want[1]


def match_names(layout: str, found: Iterable[tuple[str, str, int]], names: Names) -> dict[int, str]:
    """Which of ``found`` (name, type, idx of each placeholder, in order) each of our names is:
    position -> our name, matched as the module describes."""
    found = list(found)
    expected = _expected(layout)
    out: dict[int, str] = {}
    for ours, theirs in names.placeholders_on(layout).items():
        for i, (name, _, _) in enumerate(found):
            if name == theirs and i not in out:
                out[i] = ours
                break
    taken = set(out.values())
    for i, (name, _, _) in enumerate(found):
        if i not in out and name in expected and name not in taken:
            out[i] = name
            taken.add(name)
    for ours, want in expected.items():
        if ours in taken:
            continue
        for i, (_, kind, idx) in enumerate(found):
            if i not in out and _matches(kind, idx, want):
                out[i] = ours
                taken.add(ours)
                break
    return out


def _slide_number(sp: etree._Element) -> etree._Element:
    """The layout's slide-number shape as a slide carries it: its geometry inherited."""
    clone = copy.deepcopy(sp)
    for ext in clone.iterfind(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}/{qn('a:extLst')}"):
        ext.getparent().remove(ext)  # a creation id belongs to the layout's shape
    sp_pr = clone.find(qn("p:spPr"))
    if sp_pr is not None:
        for child in list(sp_pr):
            sp_pr.remove(child)
    return clone


def read_layout(name: str, layout: SlideLayout, names: Names) -> TemplateLayout:
    """``layout`` of the template as the layout tuningdeck calls ``name``."""
    fillable: list[tuple[LayoutPlaceholder, etree._Element, str, int]] = []
    number = None
    placeholders: Iterable[LayoutPlaceholder] = layout.placeholders
    for shape in placeholders:
        ph = _ph(shape.element)
        kind = ph.get("type", "obj")
        if kind == "sldNum":
            number = _slide_number(shape.element)
        elif kind not in _UNFILLED:
            fillable.append((shape, ph, kind, int(ph.get("idx", "0"))))
    ours = match_names(name, ((s.name, k, i) for s, _, k, i in fillable), names)
    keys = [(k, i) for _, _, k, i in fillable]
    return TemplateLayout(
        name,
        layout,
        tuple(
            TemplatePlaceholder(
                ours.get(n, s.name), s.name, k, i, _frame(s), ph, keys.count((k, i)) > 1
            )
            for n, (s, ph, k, i) in enumerate(fillable)
        ),
        number,
    )


def read_layouts(prs: Presentation, names: Names) -> dict[str, TemplateLayout]:
    """Every layout of the template, by the name tuningdeck calls it (its own name when no
    mapping names it)."""
    by_name = {lay.name: lay for lay in prs.slide_layouts}
    ours = {names.layout(str(lay)): str(lay) for lay in Layout}
    out = {}
    for theirs, lay in by_name.items():
        name = ours.get(theirs, theirs)
        if name not in out:
            out[name] = read_layout(name, lay, names)
    return out
