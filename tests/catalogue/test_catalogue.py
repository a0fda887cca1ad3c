"""The catalogue: each slide kind declared once, and every registry derived from it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
import pytest
from PIL import Image as PILImage

import tuningdeck
import tuningdeck.model
from tuningdeck.catalogue import CATALOGUE, KindSpec, Ref, Source, kind_of
from tuningdeck.model import (
    Acronym,
    AcronymsSlide,
    ChartSlide,
    ChartSpec,
    ContentSlide,
    DataGroup,
    DataTable,
    DrillDownSlide,
    Highlight,
    HighlightsSlide,
    Image,
    ImageSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    Outcome,
    PriorityUpdateSlide,
    QuoteSlide,
    SectionSlide,
    Series,
    Slide,
    StatusRow,
    TitleSlide,
)
from tuningdeck.render import default_template
from tuningdeck.render.kinds import PLANNERS
from tuningdeck.render.master import LAYOUTS
from tuningdeck.render.plan import Frame, PlanContext
from tuningdeck.render.write import Canvas
from tuningdeck.theme import Theme
from tuningdeck.vocab import Layout, Placeholder
from tuningdeck.workbook import schema
from tuningdeck.workbook.kinds import KINDS, KeyUse

THEME = Theme.load()


@pytest.fixture(scope="module")
def frames() -> Mapping[str, Mapping[str, Frame]]:
    """The bundled master's layouts and their placeholders' frames."""
    return Canvas(default_template(), THEME).frames


def test_every_kind_is_declared_once() -> None:
    assert len({k.model for k in CATALOGUE}) == len({k.name for k in CATALOGUE}) == len(CATALOGUE)
    for kind in CATALOGUE:
        assert kind_of(kind.model) is kind
    with pytest.raises(LookupError, match="not a declared slide kind"):
        kind_of(Slide)


def test_registries_are_the_declarations() -> None:
    assert list(PLANNERS) == [k.model for k in CATALOGUE]
    assert [k.name for k in KINDS.values()] == [k.name for k in CATALOGUE]
    for kind in CATALOGUE:
        assert PLANNERS[kind.model] is kind.planner.load()
        seen = KINDS[schema.normalise_name(kind.name)]
        assert seen.sheet is kind.source.sheet and seen.needs == kind.source.needs
        text = KeyUse.TEXT if kind.source.key_text else KeyUse.NONE
        assert seen.key is (KeyUse.ROW if kind.source.sheet else text)


def test_every_kind_class_is_exported() -> None:
    for kind in CATALOGUE:
        name = kind.model.__name__
        assert getattr(tuningdeck, name) is kind.model and name in tuningdeck.__all__
        assert getattr(tuningdeck.model, name) is kind.model and name in tuningdeck.model.__all__
    assert len(set(tuningdeck.__all__)) == len(tuningdeck.__all__)


def test_every_reference_loads() -> None:
    for kind in CATALOGUE:
        src = kind.source
        for ref in (kind.planner, src.build, src.extra, src.check):
            if ref is not None:
                assert callable(ref.load()), ref.path


def test_the_catalogue_loads_neither_pptx_nor_openpyxl() -> None:
    code = (
        "import sys, tuningdeck.catalogue, tuningdeck.workbook.kinds, tuningdeck.workbook.sheets\n"
        "bad = [m for m in ('pptx', 'openpyxl', 'matplotlib') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_declarations_are_checked_when_made() -> None:
    planner = Ref("tuningdeck.render.kinds.quote:plan")
    layouts = {Layout.QUOTE: {Placeholder.QUOTE}}
    with pytest.raises(ValueError, match="QuoteSlide has no field 'words'"):
        KindSpec(
            model=QuoteSlide,
            planner=planner,
            layouts=layouts,
            source=Source(sheet=schema.QUOTES, fields={"words": "Quote"}),
        )
    with pytest.raises(KeyError, match="sheet Quotes has no column 'Words'"):
        KindSpec(
            model=QuoteSlide,
            planner=planner,
            layouts=layouts,
            source=Source(sheet=schema.QUOTES, fields={"quote": "Words"}),
        )
    with pytest.raises(ValueError, match="needs a sheet and fields, or a build function"):
        KindSpec(model=QuoteSlide, planner=planner, layouts=layouts)
    with pytest.raises(ValueError, match="has no Key and Quarter columns"):
        KindSpec(
            model=AcronymsSlide,
            planner=planner,
            layouts=layouts,
            source=Source(sheet=schema.ACRONYMS, fields={"title": "Term"}),
        )
    with pytest.raises(ValueError, match=r"'package\.module:name'"):
        Ref("tuningdeck.render.kinds.quote.plan")


def test_the_master_has_every_layout_and_placeholder_declared(
    frames: Mapping[str, Mapping[str, Frame]],
) -> None:
    assert list(LAYOUTS) == list(Layout)
    assert set(frames) == set(Layout)
    for layout, names in frames.items():
        assert set(names) <= set(Placeholder), layout
    for kind in CATALOGUE:
        for layout, placeholders in kind.layouts.items():
            missing = set(placeholders) - set(frames[layout])
            assert not missing, f"{kind.name}: {layout} lacks {sorted(missing)}"


# -- planners draw only on what their kind declares ---------------------------------------------


class _Recording(Mapping[str, Mapping[str, Frame]]):
    """The template's frames, noting every (layout, placeholder) a planner looks up."""

    def __init__(self, frames: Mapping[str, Mapping[str, Frame]]) -> None:
        self.frames = frames
        self.seen: set[tuple[str, str]] = set()

    def __getitem__(self, layout: str) -> Mapping[str, Frame]:
        recording = self

        class _Layout(Mapping[str, Frame]):
            def __getitem__(self, name: str) -> Frame:
                recording.seen.add((layout, name))
                return recording.frames[layout][name]

            def __iter__(self) -> Iterator[str]:
                return iter(recording.frames[layout])

            def __len__(self) -> int:
                return len(recording.frames[layout])

        return _Layout()

    def __iter__(self) -> Iterator[str]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)


def _samples(tmp: Path) -> list[Slide]:
    """A slide of every kind, in every shape that takes another layout."""
    picture = tmp / "picture.png"
    PILImage.new("RGB", (400, 300), "#3366cc").save(picture)
    row = StatusRow(text="Monthly active editors", goal="+5% YoY", statuses=["+7.3%"])
    long_table = DataTable(
        columns=["", "FY19/20", "FY20/21"],
        groups=[DataGroup(heading="Outcome", rows=[[f"Row {i}", "1", "2"] for i in range(40)])],
    )
    chart = ChartSpec(categories=["Q1", "Q2"], series=[Series(name="a", values=[1, 2])])
    entries = [Acronym(f"A{i:03d}", "An acronym of a long appendix") for i in range(90)]
    slides: list[Slide] = [
        TitleSlide(title="Tuning Session", subtitle="Q1"),
        SectionSlide(title="Appendix", subtitle="More"),
        PriorityUpdateSlide(
            title="Thriving Movement",
            overview="Overview.",
            progress="Progress.",
            deliverables=["One"],
            actions=["Act"],
        ),
        MetricsTableSlide(
            title="Metrics", outcomes=[Outcome(text="Newcomers", rows=[row])], callout="Q1 +7%"
        ),
        ObjectiveSlide(title="IP Masking", objective="Protect.", narrative="- Done.", target="EOY"),
        KeyResultsSlide(title="Key results", results=[row]),
        DrillDownSlide(title="Drill Down", situation="S.", impact="I.", recommendation="R."),
        DrillDownSlide(
            title="Drill Down", situation="S.", impact="I.", recommendation="R.", table=long_table
        ),
        OkrChangeSlide(title="OKR Change", original="Old.", proposed="New."),
        QuoteSlide(title="Talk pages", quote="It works.", name="Nux", place="Poland"),
        ChartSlide(title="Chart", chart=chart, subtitle="2020", callout="Q1 +7.3% YoY"),
        ChartSlide(title="Chart", chart=chart),
        ImageSlide(title="Pictures", images=[Image(path=picture, caption="A picture")]),
        ImageSlide(images=[Image(path=picture)], intro="Above", caption="Below"),
        ImageSlide(title="Quoted", images=[Image(path=picture)], quote="Q.", attribution="Nux"),
        HighlightsSlide(
            title="Numbers", items=[Highlight(value=str(i), label="things") for i in range(3)]
        ),
        ContentSlide(title="Content", text="- A point.\n1. A step.", image=picture),
        ContentSlide(title="Content", text="Just text."),
        AcronymsSlide(entries=[("MTP", "Medium-term plan")], intro="Intro."),
        AcronymsSlide(entries=entries),
    ]
    return [attrs.evolve(s, department="Product", footnote="* note") for s in slides]


def test_planners_use_only_what_their_kind_declares(
    tmp_path: Path, frames: Mapping[str, Mapping[str, Frame]]
) -> None:
    samples = _samples(tmp_path)
    assert {kind_of(s) for s in samples} == set(CATALOGUE)
    layouts_used: dict[KindSpec, set[str]] = {}
    for spec in samples:
        kind = kind_of(spec)
        recording = _Recording(frames)
        plans = kind.planner.load()(spec, PlanContext(THEME, recording, tuningdeck.Quarter.Q1))
        for plan in plans:
            declared = kind.layouts.get(plan.layout)
            assert declared is not None, f"{kind.name} drew on undeclared layout {plan.layout}"
            filled = {*plan.boxes, *plan.frames, *plan.tables, *plan.charts}
            assert filled <= declared, f"{kind.name} on {plan.layout}: {filled - declared}"
            layouts_used.setdefault(kind, set()).add(plan.layout)
        for layout, name in recording.seen:
            assert name in kind.layouts.get(layout, ()), f"{kind.name} measured {layout}/{name}"
    for kind, used in layouts_used.items():
        assert used == set(kind.layouts), f"{kind.name} declares layouts no sample used"
