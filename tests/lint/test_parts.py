"""The pieces of the design check: colours, contrast, geometry and reading order."""

from __future__ import annotations

import pytest
from lxml import etree

from tuningdeck.lint.colors import A, ColorScheme, contrast_ratio, resolve_color
from tuningdeck.lint.contrast import needed_ratio
from tuningdeck.lint.geometry import Box
from tuningdeck.lint.region import union_area

SCHEME = ColorScheme({"dk1": "000000", "lt1": "FFFFFF", "accent1": "4472C4"}, {})


def color(xml: str) -> str | None:
    return resolve_color(
        etree.fromstring(f'<a:solidFill xmlns:a="{A}">{xml}</a:solidFill>'), SCHEME
    )


def test_wcag_contrast_ratios() -> None:
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)  # just fails
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)  # just passes


def test_large_text_needs_less_contrast() -> None:
    assert needed_ratio(18, bold=False) == 3.0
    assert needed_ratio(14, bold=True) == 3.0
    assert needed_ratio(17.9, bold=False) == 4.5
    assert needed_ratio(13.9, bold=True) == 4.5


def test_scheme_colours_through_the_map_and_modifiers() -> None:
    assert color('<a:schemeClr val="tx1"/>') == "000000"  # tx1 -> dk1
    assert color('<a:schemeClr val="bg1"/>') == "FFFFFF"
    # PowerPoint's "Accent 1, darker 25%"
    assert color('<a:schemeClr val="accent1"><a:lumMod val="75000"/></a:schemeClr>') == "2F5597"
    # "lighter 80%"
    assert (
        color(
            '<a:schemeClr val="accent1"><a:lumMod val="20000"/><a:lumOff val="80000"/>'
            "</a:schemeClr>"
        )
        == "DAE3F3"
    )
    assert color('<a:srgbClr val="ffffff"><a:shade val="50000"/></a:srgbClr>') == "808080"
    assert color('<a:sysClr val="windowText" lastClr="000000"/>') == "000000"
    assert color('<a:prstClr val="white"/>') == "FFFFFF"
    assert color('<a:schemeClr val="accent6"/>') is None  # not in this scheme


def test_a_colour_map_override_swaps_text_and_background() -> None:
    dark = SCHEME.with_map({"tx1": "lt1", "bg1": "dk1"})
    assert dark.named("tx1") == "FFFFFF"
    assert dark.named("bg1") == "000000"


def test_union_area_counts_overlaps_once() -> None:
    a = Box(0, 0, 10, 10)
    assert union_area([a]) == 100
    assert union_area([a, a]) == 100
    assert union_area([a, Box(5, 5, 15, 15)]) == 175
    assert union_area([a, Box(20, 0, 30, 10)]) == 200
    assert union_area([]) == 0


def test_box_clip() -> None:
    assert Box(0, 0, 10, 10).clip(Box(5, 5, 20, 20)) == Box(5, 5, 10, 10)
    assert Box(0, 0, 10, 10).clip(Box(10, 0, 20, 10)) is None


def test_reading_order_compares_only_shapes_in_one_row_or_column() -> None:
    from tuningdeck.lint.order import reads_before
    from tuningdeck.lint.shapes import Shape

    def at(x0: float, y0: float, x1: float, y1: float) -> Shape:
        return Shape(
            0, "", "", "text", None, Box(x0, y0, x1, y1), False, "", False, None, (), None, ()
        )

    top_left, top_right = at(0, 0, 100, 50), at(120, 0, 220, 50)
    low_left, low_right = at(0, 60, 100, 110), at(120, 60, 220, 110)
    assert reads_before(top_left, low_left)  # above, in one column
    assert reads_before(top_left, top_right)  # left, in one row
    assert not reads_before(low_left, top_left)
    assert not reads_before(low_left, top_right)  # diagonal: either order
    assert not reads_before(top_right, low_left)
    assert not reads_before(top_left, top_left)
    assert reads_before(top_right, low_right)


def test_a_render_without_the_decks_fonts_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    import tuningdeck.fonts
    from tuningdeck.lint.check import _font_note

    monkeypatch.setattr(tuningdeck.fonts, "fonts_registered", lambda: False)
    assert _font_note({"Calibri", "Arial"}) is None
    note = _font_note({"Lato", "Arial"})
    assert note is not None and note.startswith("Lato is not registered")
    assert "Lato and Montserrat are" in (_font_note({"lato", "Montserrat"}) or "")
    monkeypatch.setattr(tuningdeck.fonts, "fonts_registered", lambda: True)
    assert _font_note({"Lato"}) is None
