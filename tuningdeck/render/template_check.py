"""What a template can build: each layout's placeholders, and for every slide kind whether the
template carries the layouts and placeholders it needs (``tuningdeck template check``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from attrs import frozen

from tuningdeck.catalogue import CATALOGUE, EVERY_LAYOUT
from tuningdeck.render.plan import Frame
from tuningdeck.render.template import TemplateLayout

__all__ = ["KindSupport", "LayoutReport", "PlaceholderReport", "TemplateReport", "check_template"]


@frozen
class PlaceholderReport:
    """A placeholder of a layout: the name slides fill it by, its own name, type, idx, frame."""

    name: str
    shape_name: str
    kind: str
    idx: int
    frame: Frame | None


@frozen
class LayoutReport:
    """A layout of the template: tuningdeck's name for it, its own name, its placeholders (the
    slide number included)."""

    name: str
    layout_name: str
    placeholders: tuple[PlaceholderReport, ...]


@frozen
class KindSupport:
    """Whether the template can carry a slide kind: what it lacks (``Layout`` for a missing
    layout, ``Layout: Placeholder`` for a missing placeholder); nothing when it can.

    ``optional`` lists the missing placeholders that only some slides fill (the department tag,
    the footnote): the kind is supported, but not a slide that carries one of them.
    """

    kind: str
    missing: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        """Whether every slide of this kind can be built."""
        return not self.missing


@frozen
class TemplateReport:
    """A template's layouts and what each slide kind needs of them."""

    layouts: tuple[LayoutReport, ...]
    kinds: tuple[KindSupport, ...]

    @property
    def supported(self) -> bool:
        """Whether every slide kind can be built with the template."""
        return all(k.supported for k in self.kinds)


def _placeholders(found: TemplateLayout) -> Iterator[PlaceholderReport]:
    for p in found.placeholders:
        yield PlaceholderReport(p.name, p.shape_name, p.kind, p.idx, p.frame)
    if found.slide_number is not None:
        ph = next(found.slide_number.iter("{*}ph"))
        name = found.slide_number[0][0].get("name", "")
        yield PlaceholderReport("Slide Number", name, "sldNum", int(ph.get("idx", "0")), None)


def check_template(
    template: str | os.PathLike[str], theme: str | os.PathLike[str] | None = None
) -> TemplateReport:
    """Read ``template`` (with its settings file, or ``theme``) and say what it can build.

    Raises :class:`tuningdeck.errors.TemplateError` for a file that is not a PowerPoint
    template.
    """
    from tuningdeck.render import resolve_theme
    from tuningdeck.render.write import Canvas

    canvas = Canvas(template, resolve_theme(template, theme))
    found = canvas.template_layouts
    layouts = tuple(
        LayoutReport(name, f.layout.name, tuple(_placeholders(f))) for name, f in found.items()
    )
    kinds = []
    for spec in CATALOGUE:
        missing: list[str] = []
        optional: list[str] = []
        for layout, needs in spec.layouts.items():
            if layout not in found:
                missing.append(str(layout))
                continue
            have = {p.name for p in found[layout].placeholders}
            for p in sorted(needs - have):
                (optional if p in EVERY_LAYOUT else missing).append(f"{layout}: {p}")
        kinds.append(KindSupport(spec.name, tuple(missing), tuple(optional)))
    canvas.discard()
    return TemplateReport(layouts, tuple(kinds))
