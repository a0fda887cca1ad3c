"""A deck's words through the API: a French library's deck, its name in every footer.

``Deck(words=…)`` sets the organisation's name and every fixed label; a slide's own heading
overrides the deck's word; an empty organisation leaves the footer's name out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Pt

from tuningdeck.errors import FieldError
from tuningdeck.model import (
    Acronym,
    AcronymsSlide,
    ChartSlide,
    ChartSpec,
    ContentSlide,
    DataGroup,
    DataTable,
    Deck,
    DrillDownSlide,
    KeyResultsSlide,
    MetricsTableSlide,
    ObjectiveSlide,
    OkrChangeSlide,
    Outcome,
    PriorityUpdateSlide,
    SectionSlide,
    Series,
    StatusRow,
    TitleSlide,
    Words,
)
from tuningdeck.render import write_deck
from tuningdeck.render.master import build_template
from tuningdeck.theme import Theme

THEME = Theme.load()
LIBRARY = "Médiathèque de Valmont"

FRENCH = Words(
    organisation=LIBRARY,
    continued="(suite)",
    department="Service :",
    overview_heading="Aperçu :",
    progress_heading="Avancées et difficultés :",
    deliverables_heading="Livrables clés",
    actions_heading="Actions :",
    objective_heading="Objectif :",
    target_label="Trimestre visé :",
    situation_heading="La situation actuelle",
    impact_heading="Les conséquences",
    recommendation_heading="Ce que nous proposons",
    original_heading="Version initiale",
    proposed_heading="Nouvelle version",
    outcome_heading="Résultats du plan",
    metric_heading="Indicateurs",
    metrics_goal_heading="Cible an 2",
    result_heading="Résultats clés",
    results_goal_heading="Cible annuelle",
    q1_heading="État T1",
    q2_heading="État T2",
    q3_heading="État T3",
    q4_heading="État T4",
    baseline_label="Référence :",
    goal_label="Cible",
    change_suffix="sur un an",
    acronyms_title="Sigles",
    quarters="T1, T2, T3, T4",
)

ENGLISH = (
    "WIKIMEDIA",
    "Wikimedia",
    "MTP",
    "Y2 Goal",
    "Year Goal",
    "Key Results",
    "Status",
    "Overview:",
    "Progress/Challenges:",
    "Key Deliverables",
    "Action:",
    "Objective:",
    "Target quarter",
    "The situation",
    "The impact",
    "The recommendation",
    "Original",
    "Proposed",
    "Baseline:",
    "Department:",
    "(cont.)",
    "Acronyms",
)

ROWS = [
    StatusRow(text="Prêts de livres", baseline="120 000", goal="+5 %", statuses=["+3 %"]),
    StatusRow(text="Lecteurs inscrits", baseline="8 000", goal="9 000", statuses=["8 300"]),
]


def slides() -> list[object]:
    """A slide of every kind that shows a fixed word; the text and the drill-down's table are
    long enough to continue on a second slide."""
    long_text = "\n".join(f"- Atelier de lecture numéro {i} à la médiathèque" for i in range(40))
    return [
        TitleSlide(title="Lire pour tous : bilan du T1"),
        SectionSlide(title="Le trimestre"),
        PriorityUpdateSlide(
            title="Lire pour tous",
            overview="Chaque habitant peut emprunter et lire.",
            progress="Le club d'été a réuni 4 100 lecteurs.",
            deliverables=["Éveil à la lecture"],
            actions=["Rouvrir le samedi"],
            department="Jeunesse",
        ),
        ObjectiveSlide(
            title="Éveil à la lecture",
            objective="Chaque enfant entend une histoire par semaine.",
            narrative="- 38 heures du conte",
            target="T4",
        ),
        MetricsTableSlide(
            title="Indicateurs de la médiathèque", outcomes=[Outcome(text="Lire", rows=ROWS)]
        ),
        KeyResultsSlide(title="Éveil : résultats", results=ROWS),
        DrillDownSlide(
            title="Zoom : horaires",
            situation="Deux annexes ferment le samedi.",
            impact="Les visites du samedi ont baissé.",
            recommendation="Recruter deux personnes.",
            table=DataTable(
                columns=["Annexe", "2024", "2025"],
                groups=[DataGroup(rows=[(f"Annexe {i}", "1 200", "800") for i in range(40)])],
            ),
        ),
        OkrChangeSlide(title="Changement : horaires", original="- 440 h", proposed="- 420 h"),
        ChartSlide(
            title="Visites",
            chart=ChartSpec(
                kind="line",
                categories=["T1", "T2"],
                series=[Series(name="2025", values=[1.0, 2.0])],
                goal=1.5,
            ),
            callout="T1 +12 % sur un an",
        ),
        ContentSlide(title="Ateliers", text=long_text),
        AcronymsSlide(entries=[Acronym(f"S{i:03d}", f"Sigle {i}") for i in range(90)]),
    ]


def slide_texts(path: Path) -> list[str]:
    """Each slide's text: every shape's, table cells included."""
    out = []
    for slide in Presentation(str(path)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        out.append("\n".join(texts))
    return out


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    deck = Deck(slides(), quarter="Q1", words=FRENCH)
    return write_deck(deck, tmp_path_factory.mktemp("words") / "valmont.pptx")


def test_a_french_deck_has_no_english_label_left(french: Path) -> None:
    texts = slide_texts(french)
    every = "\n".join(texts)
    for english in ENGLISH:
        assert english not in every, english
    assert all(LIBRARY in text for text in texts)
    for word in (
        "Aperçu :",
        "Avancées et difficultés :",
        "Livrables clés",
        "Actions :",
        "Objectif :",
        "Trimestre visé : T4",
        "Service : Jeunesse",
        "La situation actuelle",
        "Les conséquences",
        "Ce que nous proposons",
        "Version initiale",
        "Nouvelle version",
        "Résultats du plan",
        "Indicateurs",
        "Cible an 2",
        "Résultats clés",
        "Cible annuelle",
        "État T1",
        "État T4",
        "Référence : 120 000",
        "Zoom : horaires (suite)",
        "Ateliers (suite)",
        "Sigles",
        "Sigles (suite)",
        "T1\n+12 % sur un an",  # the deck's quarter name leads the callout, on a line of its own
    ):
        assert word in every, word
    with zipfile.ZipFile(french) as z:
        chart = next(z.read(n).decode() for n in z.namelist() if n.startswith("ppt/charts/chart"))
    assert "<c:v>Cible</c:v>" in chart and "<c:v>Goal</c:v>" not in chart


def test_the_wordmark_is_the_footer_placeholder_styled_as_before(french: Path) -> None:
    prs = Presentation(str(french))
    title, section = prs.slides[0], prs.slides[1]
    for slide in (title, section):
        mark = next(sh for sh in slide.placeholders if sh.name == "Footer Wordmark")
        assert mark.placeholder_format.type == 15  # PP_PLACEHOLDER.FOOTER
        run = mark.text_frame.paragraphs[0].runs[0]
        assert (run.text, run.font.name, run.font.bold, run.font.size) == (
            LIBRARY,
            "Montserrat",
            True,
            Pt(THEME.sizes.wordmark),
        )
        # capitals, letter spacing and colour come from the layout: white on the dark divider
        assert run._r.find("{*}rPr/{*}solidFill") is None
        layout_mark = next(
            sh for sh in slide.slide_layout.placeholders if sh.name == "Footer Wordmark"
        )
        rpr = layout_mark._element.find(".//{*}lstStyle/{*}lvl1pPr/{*}defRPr")
        assert (rpr.get("cap"), rpr.get("spc")) == ("all", "300")
        colour = rpr.find("{*}solidFill/{*}srgbClr").get("val")
        dark = slide is section
        assert colour == (THEME.colors.background if dark else THEME.colors.text)


def test_a_slides_own_heading_overrides_the_decks_word(tmp_path: Path) -> None:
    own = PriorityUpdateSlide(title="A", overview="O.", overview_heading="Contexte :")
    deck_wide = PriorityUpdateSlide(title="B", overview="O.")
    table = KeyResultsSlide(title="C", results=ROWS, quarter_headings=["T1", "", "", ""])
    path = write_deck(Deck([own, deck_wide, table], words=FRENCH), tmp_path / "d.pptx")
    first, second, third = slide_texts(path)
    assert "Contexte :" in first and "Aperçu :" not in first
    assert "Aperçu :" in second
    assert "T1\nÉtat T2\nÉtat T3\nÉtat T4" in third


def test_the_default_words_are_the_foundations(tmp_path: Path) -> None:
    slide = PriorityUpdateSlide(title="A", overview="O.", department="Product")
    path = write_deck(Deck([slide]), tmp_path / "d.pptx")
    (text,) = slide_texts(path)
    assert "Overview:" in text and "Department: Product" in text
    assert "Wikimedia Foundation" in text


def test_words_may_be_given_as_a_mapping() -> None:
    deck = Deck([], words={"organisation": LIBRARY, "continued": "(suite)"})
    assert deck.words == Words(organisation=LIBRARY, continued="(suite)")
    with pytest.raises(TypeError, match="unexpected keyword argument 'organization'"):
        Deck([], words={"organization": LIBRARY})
    with pytest.raises(FieldError, match=r"Words\.continued: .* has a line break"):
        Words(continued="(suite\n)")
    with pytest.raises(FieldError, match=r"Words\.months: .* names 2 months"):
        Words(months="janvier, février")


def test_an_empty_organisation_leaves_the_footers_name_out(tmp_path: Path) -> None:
    deck = Deck([SectionSlide(title="S")], words=Words(organisation=""))
    (slide,) = Presentation(str(write_deck(deck, tmp_path / "d.pptx"))).slides
    assert "Footer Wordmark" not in [sh.name for sh in slide.shapes]


def test_a_template_without_a_wordmark_placeholder_still_builds(tmp_path: Path) -> None:
    template = build_template(tmp_path / "t.pptx")
    prs = Presentation(str(template))
    for layout in prs.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.name == "Footer Wordmark":
                shape._element.getparent().remove(shape._element)
    prs.save(str(tmp_path / "plain.pptx"))
    deck = Deck([SectionSlide(title="S")], words=FRENCH)
    path = write_deck(deck, tmp_path / "d.pptx", template=tmp_path / "plain.pptx")
    (text,) = slide_texts(path)
    assert LIBRARY not in text and "S" in text
    with zipfile.ZipFile(path) as z:
        etree.fromstring(z.read("ppt/slides/slide1.xml"))
