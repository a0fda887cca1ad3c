"""The Deck sheet's words: a library's deck in Spanish, its own name in every footer.

The workbook is the invented Riverbend library's (tests/workbook/year.py) with every word set
in its Deck sheet; the built .pptx is read back with python-pptx and no Foundation or English
label may be left in it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from tests.workbook import year
from tests.workbook.sheets import Sheets, problems, save
from tuningdeck.model import WORD_SETTINGS, Words
from tuningdeck.render import write_deck
from tuningdeck.workbook import read_workbook
from tuningdeck.workbook.schema import DECK

LIBRARY = "Biblioteca Pública de Riverbend"

#: Every word, by its Deck setting's name, in Spanish.
SPANISH = {
    "Organisation": LIBRARY,
    "Continued suffix": "(continuación)",
    "Department label": "Departamento:",
    "Overview heading": "Resumen:",
    "Progress heading": "Avances y retos:",
    "Deliverables heading": "Entregables clave",
    "Actions heading": "Acciones:",
    "Objective heading": "Objetivo:",
    "Target label": "Trimestre previsto de finalización:",
    "Situation heading": "La situación",
    "Impact heading": "El impacto",
    "Recommendation heading": "La recomendación",
    "Original heading": "Versión inicial",
    "Proposed heading": "Propuesta",
    "Outcome heading": "Resultados del plan",
    "Metric heading": "Indicadores",
    "Metrics goal heading": "Meta del año 2",
    "Key result heading": "Resultados clave",
    "Key results goal heading": "Meta anual",
    "Q1 heading": "Estado T1",
    "Q2 heading": "Estado T2",
    "Q3 heading": "Estado T3",
    "Q4 heading": "Estado T4",
    "Baseline label": "Línea base:",
    "Goal label": "Meta",
    "Change suffix": "interanual",
    "Acronyms title": "Siglas",
    "On track label": "en curso",
    "At risk label": "en riesgo",
    "Off track label": "desviado",
    "Not measured label": "sin medir",
    "Quarter names": "T1, T2, T3, T4",
    "Months": "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, "
    "noviembre, diciembre",
    "Month abbreviations": "ene, feb, mar, abr, may, jun, jul, ago, sep, oct, nov, dic",
}

#: What the Foundation's English wording would leave on a slide.
ENGLISH = (
    "on\u00a0track",
    "not\u00a0measured",
    "WIKIMEDIA",
    "Wikimedia",
    "Foundation",
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
    "YoY",
    "July",
    "September",
    "Jul",
    "Q1",
    "Q4",
)


def test_every_word_has_a_spanish_setting_here() -> None:
    assert set(SPANISH) == {w.name for w in WORD_SETTINGS}


def spanish_year() -> Sheets:
    """Riverbend's Q1 workbook with every word in Spanish, an OKR change and a long acronyms
    list (to continue on a second slide)."""
    sheets = year.first_quarter()
    sheets["Deck"] += [[name, value] for name, value in SPANISH.items()]
    sheets["Deck"].append(["Title", "{priority}: sesión de seguimiento {quarter} {fiscal_year}"])
    # the library's own text in Spanish where it would spell a label
    sheets["Tables"][2][2] = "Resultados clave de alfabetización temprana"
    sheets["Highlights"][1][2] = "El T1 en cifras"
    sheets["Objectives"][1][5] = "T4 FY25-26"
    for row in sheets["Metrics"][1:]:
        row[:] = [c.replace("YoY", "interanual") if isinstance(c, str) else c for c in row]
    sheets["Slides"].insert(-2, ["okr change", "hours"])
    sheets["OKR changes"].append(
        ["hours", "Q1", "Cambio de OKR: horarios", "- Abrir 440 horas", "- Abrir 420 horas"]
    )
    # Acronyms the slide shows: none of them spells an English label
    sheets["Acronyms"] = [
        ["Term", "Definition", "From", "Until"],
        *([f"S{i:03d}", f"Sigla número {i} de la biblioteca"] for i in range(90)),
    ]
    # the chart's callout is computed ("+x% interanual") and its subtitle is the data's span
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("words")
    deck = read_workbook(save(folder / "biblioteca.xlsx", spanish_year()), "Q1")
    return write_deck(deck, folder / "biblioteca.pptx")


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


def test_the_deck_sheet_sets_every_word() -> None:
    words = Words(**{w.field: SPANISH[w.name] for w in WORD_SETTINGS})
    assert words.organisation == LIBRARY
    assert words.quarter_headings == ("Estado T1", "Estado T2", "Estado T3", "Estado T4")
    assert words.month_short_names[6] == "jul"


def test_a_spanish_deck_has_no_english_label_left(built: Path) -> None:
    texts = slide_texts(built)
    every = "\n".join(texts)
    for english in ENGLISH:
        assert english not in every, english
    # the library's name is in every slide's footer
    assert all(LIBRARY in text for text in texts)
    for word in (
        "Resumen:",
        "Avances y retos:",
        "Entregables clave",
        "Acciones:",
        "Objetivo:",
        "Trimestre previsto de finalización: T4 FY25-26",
        "Reading for Everyone: sesión de seguimiento T1 FY25-26",
        "Departamento: Youth Services",
        "La situación",
        "El impacto",
        "La recomendación",
        "Versión inicial",
        "Propuesta",
        "Resultados del plan",
        "Indicadores",
        "Meta del año 2",
        "Resultados clave",
        "Meta anual",
        "Estado T1",
        "Estado T4",
        "Línea base: 42K visits/month",
        "Siglas",
        "Siglas (continuación)",
        "T1\n+6.2% interanual",
        "julio 2024 - septiembre 2025",
    ):
        assert word in every, word


def test_a_spanish_chart_names_its_goal_and_months_in_spanish(built: Path) -> None:
    with zipfile.ZipFile(built) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/charts/chart")]
    assert len(charts) == 1
    assert "<c:v>Meta</c:v>" in charts[0]
    assert "<c:v>jul</c:v>" in charts[0] and "<c:v>Jul</c:v>" not in charts[0]
    assert "<c:v>Goal</c:v>" not in charts[0]


def test_the_templates_layouts_name_no_organisation(built: Path) -> None:
    # the wordmark is a placeholder the slides fill: no layout of the deck spells a name
    with zipfile.ZipFile(built) as z:
        layouts = [z.read(n).decode() for n in z.namelist() if "slideLayouts/slideLayout" in n]
    assert layouts and not any("WIKIMEDIA" in x or "Wikimedia" in x for x in layouts)


def test_words_left_blank_keep_the_foundations(tmp_path: Path) -> None:
    sheets = year.first_quarter()
    sheets["Deck"] += [["Organisation", None], ["Continued suffix", "  "]]
    deck = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q1")
    assert deck.words == Words()


def setting_row(sheets: Sheets, name: str) -> int:
    """The Deck sheet's row number of setting ``name``."""
    return next(i for i, r in enumerate(sheets["Deck"], start=1) if r[0] == name)


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        (
            "Overview heading",
            "Resumen\ndel trimestre",
            '"Resumen…" has a line break; expected a word on one line',
        ),
        (
            "Months",
            "enero, febrero, marzo",
            '"enero, febrero, marzo" names 3 months; expected twelve names, January to '
            "December, separated by commas",
        ),
        (
            "Month abbreviations",
            "ene, feb, mar, abr, may, jun, jul, ago, sep, oct, nov, ",
            "names 12 months; expected twelve names",
        ),
    ],
)
def test_a_bad_word_is_told_at_its_value_cell(
    tmp_path: Path, name: str, value: str, reason: str
) -> None:
    sheets = year.first_quarter()
    sheets["Deck"].append([name, value])
    row = setting_row(sheets, name)
    found = problems(save(tmp_path / "t.xlsx", sheets))
    assert len(found) == 1
    assert found[0].startswith(f'Deck!B{row}: bad value for setting "{name}": ')
    assert reason in found[0]
    spec = next(s for s in DECK.settings if s.name == name)
    assert found[0].endswith(f"expected {spec.help}")


def test_a_misspelt_word_setting_is_a_warning_that_suggests_it(tmp_path: Path) -> None:
    sheets = year.first_quarter()
    sheets["Deck"].append(["Organization", LIBRARY])
    with pytest.warns(UserWarning) as caught:
        deck = read_workbook(save(tmp_path / "t.xlsx", sheets), "Q1")
    assert deck.words.organisation == "Wikimedia Foundation"
    message = str(caught[0].message)
    assert 'unknown setting "Organization" (did you mean "Organisation"?) ignored' in message
