"""A user's own master works when its layouts carry the Foundation layout names."""

from __future__ import annotations

from pathlib import Path

import attrs
from pptx import Presentation

from tuningdeck.model import Deck, ObjectiveSlide, SectionSlide
from tuningdeck.render import write_deck
from tuningdeck.render.master import build_template
from tuningdeck.theme import Theme


def test_deck_follows_another_template_geometry_and_colours(tmp_path: Path) -> None:
    base = Theme.load()
    other = attrs.evolve(
        base,
        colors=attrs.evolve(base.colors, accent_dark="14866D"),
        geometry=attrs.evolve(base.geometry, margin_x=1.2, body_top=1.8),
    )
    template = build_template(tmp_path / "other.pptx", other)
    deck = Deck([SectionSlide(title="Appendix"), ObjectiveSlide(title="T", objective="O.")])
    prs = Presentation(str(write_deck(deck, tmp_path / "d.pptx", template=template)))
    section, objective = prs.slides
    background = next(s for s in section.slide_layout.shapes if s.name == "Background")
    assert str(background.fill.fore_color.rgb) == "14866D"
    box = next(s for s in objective.placeholders if s.name == "Objective")
    assert abs(box.left - 1.2 * 914400) < 10
    assert abs(box.top - 1.8 * 914400) < 10
