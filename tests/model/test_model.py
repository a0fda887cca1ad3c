from __future__ import annotations

import attrs
import pytest

from tuningdeck.errors import FieldError, InputError
from tuningdeck.model import (
    Acronym,
    AcronymsSlide,
    ChartSpec,
    Deck,
    FiscalYear,
    Image,
    ObjectiveSlide,
    PriorityUpdateSlide,
    Quarter,
    Series,
    TitleSlide,
)


def test_quarter_parse() -> None:
    assert Quarter.parse("q3") is Quarter.Q3
    assert Quarter.parse(2) is Quarter.Q2
    for bad in ("Q5", "", 0, True, None, "Q1Q2"):
        with pytest.raises(ValueError, match="expected a quarter"):
            Quarter.parse(bad)


@pytest.mark.parametrize("text", ["FY20-21", "fy2020-2021", "FY 20/21", "FY20–21"])
def test_fiscal_year_forms(text: str) -> None:
    assert FiscalYear.parse(text) == FiscalYear(2020)
    assert FiscalYear.parse(text).label == "FY20-21"


def test_fiscal_year_must_span_consecutive_years() -> None:
    with pytest.raises(ValueError, match="consecutive"):
        FiscalYear.parse("FY20-22")


def test_required_fields_and_text_normalised() -> None:
    with pytest.raises(ValueError, match="title: must not be empty"):
        TitleSlide(title="  ")
    s = ObjectiveSlide(title=" IP Masking ", objective="a\r\nb", department=None)  # type: ignore[arg-type]
    assert (s.title, s.objective, s.department) == ("IP Masking", "a\nb", "")


def test_lists_from_lines() -> None:
    s = PriorityUpdateSlide(title="T", deliverables="ARMDEB\n\nIP Masking\n", actions=["a", " "])
    assert s.deliverables == ("ARMDEB", "IP Masking")
    assert s.actions == ("a",)


def test_acronyms_sorted_alphabetically() -> None:
    s = AcronymsSlide(entries=[("INGO", "x"), Acronym("app", "y"), ("CSAM", "z")])
    assert [a.term for a in s.entries] == ["app", "CSAM", "INGO"]


def test_deck_is_immutable_and_append_returns_new() -> None:
    d = Deck([TitleSlide(title="a")], quarter="Q1", fiscal_year="FY20-21")
    d2 = d.append(TitleSlide(title="b"))
    assert len(d) == 1 and len(d2) == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.quarter = Quarter.Q2  # type: ignore[misc]
    with pytest.raises(TypeError, match="not a Slide"):
        Deck(["nope"])  # type: ignore[list-item]


def test_model_imports_neither_pptx_nor_openpyxl() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tuningdeck, tuningdeck.model\n"
        "bad = [m for m in ('pptx', 'openpyxl', 'matplotlib') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: ObjectiveSlide(title="a\x01b", objective="x"),
            "ObjectiveSlide.title: contains the control character U+0001",
        ),
        (lambda: Image(path="x.png", fit="stretch"), "Image.fit: unknown fit 'stretch'"),
        (
            lambda: ChartSpec(categories=["a"], series=[Series(name="s", values=[1])], goal="5"),
            "ChartSpec.goal: expected a number",
        ),
        (
            lambda: ChartSpec(
                categories=["a"], series=[Series(name="s", values=[1])], number_format="yyyy"
            ),
            'ChartSpec.number_format: bad number format "yyyy"',
        ),
        (lambda: TitleSlide(title=5), "TitleSlide.title: expected text, got int 5"),
    ],
)
def test_refused_values_are_input_errors_naming_their_field(make, expected: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FieldError) as info:
        make()
    assert isinstance(info.value, InputError)
    assert str(info.value).startswith(expected)
