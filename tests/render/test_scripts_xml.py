"""DrawingML of text in other scripts: right-to-left paragraphs and tables, each run's language
and script font, and the theme's fonts for East-Asian and complex scripts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from tuningdeck.oxml.ns import qn
from tuningdeck.render import default_template
from tuningdeck.render.table import Cell, PlacedTable, TablePage
from tuningdeck.render.table_write import table_bytes, table_direction, table_element
from tuningdeck.render.text import paragraph_bytes, paragraphs
from tuningdeck.text.markup import parse_blocks
from tuningdeck.text.measure import Block, TextStyle

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A}
STYLE = TextStyle("Lato", 14)


def body(*lines: str, style: TextStyle = STYLE) -> etree._Element:
    """The text body of ``lines`` (markup), as the writer builds it; the compiled fragments
    give the same markup."""
    blocks = [Block(p, style) for line in lines for p in parse_blocks(line)]
    kw = {"bullet_color": "000000", "link_color": "0000ff", "link_id": lambda u: ""}
    root = etree.Element(qn("a:txBody"), nsmap={"a": A})
    root.extend(paragraphs(blocks, **kw))  # type: ignore[arg-type]
    out: list[bytes] = []
    paragraph_bytes(out, blocks, **kw)  # type: ignore[arg-type]
    compiled = etree.fromstring(
        f'<a:txBody xmlns:a="{A}" xmlns:r="{R}">'.encode() + b"".join(out) + b"</a:txBody>"
    )
    assert [etree.tostring(p, method="c14n") for p in compiled] == [
        etree.tostring(p, method="c14n") for p in root
    ]
    return root


def runs(el: etree._Element) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """Each run's text, lang, altLang, East-Asian and complex-script typeface."""
    out = []
    for r in el.iterfind(".//a:r", NS):
        rpr = r.find("a:rPr", NS)
        ea, cs = rpr.find("a:ea", NS), rpr.find("a:cs", NS)
        out.append(
            (
                r.findtext("a:t", namespaces=NS),
                rpr.get("lang"),
                rpr.get("altLang"),
                None if ea is None else ea.get("typeface"),
                None if cs is None else cs.get("typeface"),
            )
        )
    return out


def test_rtl_paragraphs_are_marked_and_aligned_right() -> None:
    style = TextStyle("Lato", 14, indent=16)
    el = body("تحديث الربع الثاني", "- בוויקיפדיה העברית", "Plain English", style=style)
    ppr = [p.find("a:pPr", NS) for p in el.iterfind("a:p", NS)]
    assert [(p.get("rtl"), p.get("algn")) for p in ppr] == [("1", "r"), ("1", "r"), (None, "l")]
    # a bullet keeps its hanging indent: applications mirror it under rtl
    assert int(ppr[1].get("marL")) > 0 and int(ppr[1].get("indent")) < 0


def test_centred_rtl_paragraphs_stay_centred() -> None:
    el = body("تحديث", style=TextStyle("Lato", 14, align="ctr"))
    ppr = el.find("a:p/a:pPr", NS)
    assert (ppr.get("rtl"), ppr.get("algn")) == ("1", "ctr")


def test_in_a_mostly_rtl_body_paragraphs_that_start_in_latin_are_rtl() -> None:
    el = body("**WMF:** مؤسسة ويكيميديا", "**OKR:** الأهداف والنتائج الرئيسية", "30%", "WMF")
    ppr = [p.find("a:pPr", NS) for p in el.iterfind("a:p", NS)]
    assert [p.get("rtl") for p in ppr] == ["1", "1", "1", None]
    # in a body mostly in Latin, such a paragraph runs left to right (its first strong letter)
    latin = body("**WMF:** مؤسسة ويكيميديا", "The Wikimedia Foundation, in San Francisco")
    assert latin.find("a:p/a:pPr", NS).get("rtl") is None


def test_runs_are_split_by_script_with_their_language_and_font() -> None:
    el = body("ورشة عن Wikidata في عمّان", "在吉隆坡举办Wikidata工作坊", "हिंदी विकिपीडिया")
    assert runs(el) == [
        ("ورشة عن ", "ar-SA", None, None, "Noto Sans Arabic"),
        ("Wikidata ", "en-US", None, None, "Lato"),
        ("في عمّان", "ar-SA", None, None, "Noto Sans Arabic"),
        ("在吉隆坡举办", "zh-CN", "en-US", "Noto Sans CJK SC", "Lato"),
        ("Wikidata", "en-US", None, None, "Lato"),
        ("工作坊", "zh-CN", "en-US", "Noto Sans CJK SC", "Lato"),
        ("हिंदी विकिपीडिया", "hi-IN", None, None, "Noto Sans Devanagari"),
    ]
    assert [r[0] for r in runs(body("שלום"))] == ["שלום"]
    assert runs(body("שלום"))[0][1:] == ("he-IL", None, None, "Heebo")
    assert runs(body("گزارش فصلی"))[0][1] == "fa-IR"
    assert runs(body("วิกิพีเดียภาษาไทย"))[0][1:] == ("th-TH", None, None, "Noto Sans Thai")


def test_complex_script_runs_are_never_letter_spaced() -> None:
    el = body("ويكيميديا Wikimedia विकिमीडिया ויקימדיה 维基媒体")
    spacing = {
        r.findtext("a:t", namespaces=NS).strip(): r.find("a:rPr", NS).get("spc")
        for r in el.iterfind(".//a:r", NS)
    }
    # joined and shaped letters (Arabic, Devanagari, Hebrew) would fall apart in a letter-spaced
    # placeholder such as the wordmark; Latin and CJK text keep the placeholder's spacing
    assert spacing == {
        "ويكيميديا": "0",
        "Wikimedia": None,
        "विकिमीडिया": "0",
        "ויקימדיה": "0",
        "维基媒体": None,
    }


def test_latin_runs_are_written_as_before() -> None:
    (run,) = body("Plain English").iterfind(".//a:r", NS)
    rpr = run.find("a:rPr", NS)
    assert rpr.get("lang") == "en-US" and rpr.get("altLang") is None
    assert [c.tag.split("}")[1] for c in rpr] == ["latin", "cs"]


def cell(text: str) -> Cell:
    return Cell([Block(p, STYLE) for p in parse_blocks(text)])


def placed(rows: list[list[str]]) -> PlacedTable:
    page = TablePage(tuple(tuple(cell(t) for t in row) for row in rows), (20.0,) * len(rows))
    return PlacedTable((200.0, 60.0, 40.0), page, 4.0, 2.0)


def write(table: PlacedTable) -> etree._Element:
    kw = {
        "rule_color": "cccccc",
        "rule_width": 0.75,
        "bullet_color": "000000",
        "link_color": "0000ff",
        "link_id": lambda u: "",
    }
    tbl = table_element(table, **kw)  # type: ignore[arg-type]
    out: list[bytes] = []
    table_bytes(out, table, **kw)  # type: ignore[arg-type]
    compiled = etree.fromstring(
        f'<x xmlns:a="{A}" xmlns:r="{R}">'.encode() + b"".join(out) + b"</x>"
    )[0]
    assert etree.tostring(compiled, method="c14n") == etree.tostring(tbl, method="c14n")
    return tbl


def test_a_table_of_rtl_text_is_mirrored() -> None:
    table = placed([["النتائج الرئيسية", "هدف العام", "الربع 1"], ["مقالات جديدة", "1000", "410"]])
    assert table_direction(table) == "rtl"
    tbl = write(table)
    widths = [int(g.get("w")) for g in tbl.iterfind("a:tblGrid/a:gridCol", NS)]
    assert widths == [40 * 12700, 60 * 12700, 200 * 12700]
    first = [tc.findtext(".//a:t", namespaces=NS) for tc in tbl.find("a:tr", NS)]
    assert first == ["الربع 1", "هدف العام", "النتائج الرئيسية"]
    # every cell's paragraph runs right to left, the numbers' too
    assert {p.get("rtl") for p in tbl.iterfind(".//a:pPr", NS)} == {"1"}


def test_a_latin_table_is_not_mirrored() -> None:
    table = placed([["Key result", "Goal", "Q1"], ["New articles", "1000", "410"]])
    assert table_direction(table) == "ltr"
    tbl = write(table)
    first = [tc.findtext(".//a:t", namespaces=NS) for tc in tbl.find("a:tr", NS)]
    assert first == ["Key result", "Goal", "Q1"]
    assert tbl.find(".//a:pPr[@rtl]", NS) is None


def test_the_theme_names_fonts_for_east_asian_and_complex_scripts() -> None:
    with zipfile.ZipFile(Path(default_template())) as z:
        theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
        master = z.read("ppt/slideMasters/slideMaster1.xml").decode()
    for which in ("majorFont", "minorFont"):
        font = theme.find(f".//a:fontScheme/a:{which}", NS)
        assert font.find("a:ea", NS).get("typeface") == "Noto Sans CJK SC"
        assert font.find("a:cs", NS).get("typeface") == "Noto Sans Arabic"
        scripts = {f.get("script"): f.get("typeface") for f in font.iterfind("a:font", NS)}
        assert scripts["Arab"] == "Noto Sans Arabic"
        assert scripts["Hebr"] == "Heebo"
        assert scripts["Deva"] == "Noto Sans Devanagari"
        assert scripts["Thai"] == "Noto Sans Thai"
        assert scripts["Hans"] == scripts["Jpan"] == "Noto Sans CJK SC"
    # the master's text styles take East-Asian and complex-script text from the theme
    assert '<a:ea typeface="+mj-ea"/>' in master and '<a:cs typeface="+mn-cs"/>' in master


def test_a_new_script_family_reaches_paragraphs_written_before() -> None:
    from tuningdeck.fonts import fallback

    before = fallback.script_families()["Arab"]
    assert runs(body("ورشة"))[0][4] == before
    fallback.set_script_families({"Arab": "Noto Naskh Arabic"})
    try:
        assert runs(body("ورشة"))[0][4] == "Noto Naskh Arabic"
    finally:
        fallback.set_script_families({"Arab": before})
    assert runs(body("ورشة"))[0][4] == before
