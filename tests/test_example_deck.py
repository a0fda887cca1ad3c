"""The example workbook builds the reference deck's text slides: valid, complete, uncut."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from typer.testing import CliRunner

from tests.render_check import RenderedDeck, audit_errors, deck_problems
from tuningdeck.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
REFERENCE = Path(__file__).parent / "data" / "thriving-movement-q1-fy20-21.txt"


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "q1.pptx"
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--quarter", "Q1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def slide_texts(path: Path) -> list[str]:
    out = []
    for s in Presentation(str(path)).slides:
        out.append("\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame))
    return out


def words(text: str) -> str:
    return " ".join(re.sub(r"[*\[\]()]|\(#\)", " ", text).split())


def test_slide_order_and_kinds(deck: Path) -> None:
    prs = Presentation(str(deck))
    layouts = [s.slide_layout.name for s in prs.slides]
    titles = [s.shapes.title.text if s.shapes.title else "" for s in prs.slides]
    assert titles[:3] == [
        "Thriving Movement Tuning Session Q1 FY20-21",
        "MTP Priority Update",
        "Thriving Movement",
    ]
    assert layouts[:3] == ["Title", "Section", "Priority Update"]
    assert titles[-5:] == [
        "Appendix",
        "Acronyms",
        "Thriving Movement Metrics",
        "Wikimedia Active Editors year-over-year comparison",
        "New Editors Retention year-over-year comparison",
    ]
    assert layouts[-2:] == ["Chart", "Chart"]
    assert layouts.count("Images") == 3 and layouts.count("Untitled Images") == 1
    for expected in (
        "IP Masking",
        "OKR Change: Grantmaking",
        "Drill Down: Grantmaking",
        "Address Knowledge Gaps",
        "OKR Change: Movement Consultation",
        "Community Leadership Development",
    ):
        assert expected in titles
    assert layouts.count("Three Columns") == 1 and layouts.count("Two Columns") == 2
    assert layouts.count("Three Columns and Table") == 1
    assert layouts.count("Table") >= 12


@pytest.mark.parametrize(
    "passage",
    [
        "The Thriving Movement task force enters its 2nd year of collaboration across all"
        " Foundation departments.",
        "Safe Spaces completed 17.2M CSAM images scanned, with no material turning up.",
        "Developer hiring for IP Masking Anti-Harassment Tools",
        "Build useful, delightful, and newcomer-friendly features, in order to attract and retain a"
        " larger and more diverse editor base.",
        "The report from the research is published on the wiki.",
        "This system will be based on the governance and enforcement conclusions in the Universal"
        " Code of Conduct consultations.",
        "KR2: Ensure 66% of all grants are from communities that are not well established so that"
        " grantmaking becomes a key mechanism to empower and welcome newcomers and increase"
        " diversity of content.",
        "KR3: Support at least 5 potential or ongoing consultation efforts.",
        "CSAM: Child Sex Abuse Material",
        "Target quarter for completion: Q4 FY20-21",
        "Department: Legal",
    ],
)
def test_reference_text_is_in_the_deck(deck: Path, passage: str) -> None:
    assert words(passage) in words("\n".join(slide_texts(deck)).replace("\n", " "))


def test_reference_coverage_of_text_slides(deck: Path) -> None:
    """Every paragraph of the reference's text slides appears in the deck, word for word."""
    deck_text = words(" ".join(slide_texts(deck)))
    ref = REFERENCE.read_text(encoding="utf-8")
    start, end = ref.index("Overview:"), ref.index("Key Deliverables")
    paragraphs = [p for p in ref[start:end].split("\n") if len(p.split()) > 6]
    paragraphs += [
        p
        for p in ref.split("\n")
        if p.startswith(("KR1:", "KR2:", "KR3:")) and "<p>" not in p and "\t" not in p
    ]
    missing = [p[:60] for p in paragraphs if words(p) not in deck_text]
    assert len(paragraphs) >= 9 and not missing


def test_every_part_reads_back(deck: Path) -> None:
    """The package written slide by slide is whole: every file is a part reached through
    relationships (or their .rels), every XML part parses, every relationship resolves, the
    slide list and document properties agree, pictures are the source files' bytes once each,
    and every chart has its workbook."""
    with zipfile.ZipFile(deck) as z:
        files = {n: z.read(n) for n in z.namelist()}
    assert len(files) == len(zipfile.ZipFile(deck).namelist())
    prs = Presentation(str(deck))
    parts = {str(p.partname)[1:]: p for p in prs.part.package.iter_parts()}
    for name, part in parts.items():
        assert files[name] == part.blob or name.endswith(".xml")
        if name.endswith(".xml"):
            etree.fromstring(files[name])  # well-formed
        for rel in part.rels.values():
            if not rel.is_external:
                assert str(rel.target_part.partname)[1:] in files, (name, rel.target_ref)
    rels = {f"{n.rsplit('/', 1)[0]}/_rels/{n.rsplit('/', 1)[1]}.rels" for n in parts}
    assert set(files) - set(parts) - rels == {"[Content_Types].xml", "_rels/.rels"}

    slides = sorted(n for n in parts if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    assert len(slides) == len(prs.slides) == 35
    assert f"<Slides>{len(slides)}</Slides>" in files["docProps/app.xml"].decode()
    ids = [s.slide_id for s in prs.slides]
    assert ids == sorted(set(ids))
    assert prs.core_properties.title == "Thriving Movement Tuning Session Q1 FY20-21"

    sources = {hashlib.sha1(p.read_bytes()).hexdigest() for p in (ROOT / "examples").rglob("*.png")}
    media = [hashlib.sha1(files[n]).hexdigest() for n in parts if n.startswith("ppt/media/")]
    assert len(media) == len(set(media)) == 6 and set(media) <= sources
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert hashlib.sha1(shape.image.blob).hexdigest() in sources

    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    assert len(charts) == 2
    for chart in charts:
        book = openpyxl.load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
        assert book.active["A2"].value == chart.plots[0].categories[0]


def test_openxml_audit_reports_no_errors(deck: Path) -> None:
    assert audit_errors(deck) == []


def test_libreoffice_render_has_nothing_off_slide_or_out_of_its_box(
    deck: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    rendered = render_deck(deck)
    assert len(rendered.slides) == len(Presentation(str(deck)).slides)
    assert deck_problems(rendered) == []


def test_render_uses_montserrat_and_lato(
    deck: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    pdf = render_deck(deck).pdf
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    for face in ("Montserrat-Bold", "Lato-Regular", "Lato-Bold"):
        assert face in fonts, fonts


def test_chart_slides_embed_the_workbooks_numbers(deck: Path) -> None:
    """Each chart is a native chart part whose embedded workbook holds the tracker's values."""
    import io

    import openpyxl

    source = openpyxl.load_workbook(EXAMPLE, read_only=True, data_only=True)
    values: dict[str, set[float]] = {}
    rows = list(source["Chart data"].iter_rows(values_only=True))[1:]
    for chart, _period, _series, value, *_changes in rows:
        if value is not None:
            values.setdefault(chart, set()).add(round(float(value), 6))
    charts = [sh.chart for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart]
    assert len(charts) == 2
    for chart, key in zip(charts, ("active-editors", "new-editor-retention"), strict=True):
        blob = chart.part.chart_workbook.xlsx_part.blob
        embedded = openpyxl.load_workbook(io.BytesIO(blob), read_only=True)
        numbers = {
            round(float(v), 6)
            for row in embedded.worksheets[0].iter_rows(values_only=True)
            for v in row
            if isinstance(v, (int, float))
        }
        assert values[key] <= numbers, key
