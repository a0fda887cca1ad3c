"""The slide kinds, each declared once: model class, planner, layouts and workbook source.

:data:`CATALOGUE` lists the declarations (:mod:`tuningdeck.catalogue.kinds`); the registries are
derived from it: the renderer's planners (:data:`tuningdeck.render.kinds.PLANNERS`), the kinds a
workbook's Slides sheet may name (:data:`tuningdeck.workbook.kinds.KINDS`), the workbook's sheets
and the Slides sheet's help (:mod:`tuningdeck.workbook.sheets`), and so the blank workbook.
Reading the catalogue imports neither pptx nor openpyxl.
"""

from __future__ import annotations

from tuningdeck.catalogue.declare import EVERY_LAYOUT, KindSpec, Ref, Source
from tuningdeck.catalogue.kinds import CATALOGUE
from tuningdeck.model.slides import Slide

__all__ = ["CATALOGUE", "EVERY_LAYOUT", "KindSpec", "Ref", "Source", "kind_of"]


def kind_of(slide: Slide | type[Slide]) -> KindSpec:
    """The declaration of a slide's kind (of its class, or of the nearest declared base class)."""
    cls = slide if isinstance(slide, type) else type(slide)
    for base in cls.__mro__:
        for kind in CATALOGUE:
            if kind.model is base:
                return kind
    raise LookupError(f"{cls.__name__} is not a declared slide kind")
