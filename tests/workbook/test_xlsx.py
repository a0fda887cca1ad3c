"""The .xlsx reader: the same cells as openpyxl's read-only reading from every kind of workbook,
Strict OOXML too, and one plain problem, quickly, from a damaged one."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import numbers as openpyxl_numbers
from openpyxl.utils import datetime as openpyxl_datetime

from tuningdeck.errors import WorkbookError
from tuningdeck.workbook import numfmt, write_blank_workbook
from tuningdeck.workbook.schema import normalise_name
from tuningdeck.workbook.sheets import SHEETS
from tuningdeck.workbook.xlsx import MAX_COLUMNS, MAX_ROWS, load_sheets

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
DATA = ROOT / "tests" / "data"

Typed = tuple[str, object, str, "str | None"]


def _typed(value: object, data_type: str, number_format: str | None) -> Typed:
    """A cell compared with its value's type: 1, 1.0 and True are equal in Python, not here."""
    return (type(value).__name__, value, data_type, number_format)


def openpyxl_sheets(path: Path) -> dict[str, tuple[str, list[list[Typed]]]]:
    """What openpyxl's read-only, data-only reading gives, shaped as load_sheets shapes it: the
    schema's sheets up to MAX_COLUMNS columns, each row up to its last cell with a value (or an
    error), no blank rows at the end; the other sheets named, with no rows."""
    wanted = {s.key for s in SHEETS}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on what it drops or cannot read
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            out: dict[str, tuple[str, list[list[Typed]]]] = {}
            for ws in wb.worksheets:
                key = normalise_name(ws.title)
                if key not in wanted:
                    out.setdefault(key, (ws.title, []))
                    continue
                ws.reset_dimensions()
                rows = []
                for row in ws.iter_rows(max_col=MAX_COLUMNS):
                    end = len(row)
                    while end and row[end - 1].value is None and row[end - 1].data_type != "e":
                        end -= 1
                    rows.append([_typed(c.value, c.data_type, c.number_format) for c in row[:end]])
                while rows and not rows[-1]:
                    rows.pop()
                out[key] = (ws.title, rows)
            return out
        finally:
            wb.close()


def our_sheets(path: Path) -> dict[str, tuple[str, list[list[Typed]]]]:
    return {
        key: (sheet.title, [[_typed(c.value, c.data_type, c.number_format) for c in row]
                            for row in sheet.rows])
        for key, sheet in load_sheets(path).items()
    }  # fmt: skip


def assert_same_as_openpyxl(path: Path) -> dict[str, tuple[str, list[list[Typed]]]]:
    ours, theirs = our_sheets(path), openpyxl_sheets(path)
    assert list(ours) == list(theirs)
    for key, (title, rows) in theirs.items():
        assert ours[key][0] == title
        for i, (mine, expected) in enumerate(zip(ours[key][1], rows, strict=False), start=1):
            assert mine == expected, f"{title} row {i}"
        assert len(ours[key][1]) == len(rows), title
    return ours


def test_reading_a_workbook_imports_no_openpyxl() -> None:
    code = (
        "import sys\n"
        "from tuningdeck.workbook import read_workbook\n"
        f"read_workbook({str(EXAMPLE)!r}, 'Q1')\n"
        "bad = [m for m in ('openpyxl', 'numpy', 'matplotlib') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# -- packages written by hand ----------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def package(
    path: Path,
    sheets: dict[str, str],
    *,
    strings: list[str] | None = None,
    styles: str | None = None,
    workbook_pr: str = "",
    omit: tuple[str, ...] = (),
    replace: dict[str, str] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A .xlsx package: ``sheets`` maps titles to the XML inside ``<worksheet>``; ``strings`` are
    the ``<si>`` elements' insides; ``omit`` leaves parts out of the zip, ``replace`` gives
    parts' whole text."""
    parts: dict[str, str] = {}
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>']
    rels = []
    entries = []
    for i, (title, body) in enumerate(sheets.items(), start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = f'<worksheet xmlns="{MAIN}">{body}</worksheet>'
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT}.worksheet+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        )
        entries.append(f'<sheet name="{title}" sheetId="{i}" r:id="rId{i}"/>')
    if strings is not None:
        parts["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{MAIN}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>"
        )
        overrides.append(
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if styles is not None:
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>'
        overrides.append(f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>')
        rels.append(f'<Relationship Id="rIdY" Type="{RELS}/styles" Target="styles.xml"/>')
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">{workbook_pr}'
        f"<sheets>{''.join(entries)}</sheets></workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides)
        + "</Types>"
    )
    parts.update(replace or {})
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, xml in parts.items():
            if name not in omit:
                z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    return path


STRINGS = [
    "<t>plain</t>",
    '<r><t xml:space="preserve">rich </t></r><r><rPr><b/><sz val="11"/></rPr><t>text</t></r>',
    # Excel's escapes: openpyxl reads _x005F_ (an underscore) and leaves the rest as written
    "<t>a_x000D_b _x005F_x000D_ c</t>",
    "<t/>",
    '<t>ph</t><rPh sb="0" eb="1"><t>PH</t></rPh><phoneticPr fontId="1"/>',
    "<t>first</t><t>second</t>",
    '<t xml:space="preserve">  both ends  \n</t>',
    "<r><t>one run</t></r>",
    "<t>&lt;&amp;&gt; &#x1F600; ünïcödé</t>",
]

STYLES = (
    '<numFmts count="5"><numFmt numFmtId="164" formatCode="0.0%"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm"/>'
    '<numFmt numFmtId="166" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="167" formatCode="#,##0 &quot;days&quot;"/>'
    '<numFmt numFmtId="14" formatCode="d/m/yyyy"/></numFmts>'
    '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
    '<cellXfs count="11"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
    '<xf numFmtId="46"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="20"/>'
    '<xf numFmtId="167"/><xf numFmtId="45"/><xf numFmtId="10"/><xf/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
)

SLIDES = """<dimension ref="A1:A1"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Kind</t></is></c>
  <c r="B1" t="inlineStr"><is><r><t>Ke</t></r><r><rPr><b/></rPr><t>y</t></r></is></c>
  <c r="C1" t="inlineStr"><is><t>plain</t><rPh sb="0" eb="1"><t>x</t></rPh></is></c>
  <c r="D1" t="inlineStr"/><c r="E1" t="inlineStr"><v>ignored</v><is><t>_x000D_ kept</t></is></c>
</row>
<row r="3"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="E3" t="s"><v>2</v></c><c><v>7</v></c>
  <c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c><c t="s"><v>6</v></c>
  <c t="s"><v>7</v></c><c t="s"><v> 8 </v></c></row>
<row><c r="A4" t="str"><v>cached text</v></c><c r="B4" t="b"><v>0</v></c>
  <c r="C4" t="e"><v>#N/A</v></c>
  <c r="D4" t="d"><v>2020-07-01</v></c><c r="E4" t="d"><v>2020-07-01T13:45:30.250</v></c>
  <c r="F4" t="d"><v>13:45:00</v></c><c r="G4" t="d"><v>PT1H30M</v></c><c r="H4" t="n"><v>5</v></c>
  <c r="I4" t="str"><f>""</f><v></v></c><c r="J4" t="b"><v>1</v></c></row>
<row r="5"><c r="A5" s="1"><v>0.073</v></c><c r="B5" s="2"><v>44013</v></c>
  <c r="C5" s="3"><v>1.5</v></c><c r="D5" s="4"><v>44013.75</v></c>
  <c r="E5" s="5"><v>3000000</v></c><c r="F5" s="6"><v>0.5</v></c>
  <c r="G5" s="7"><v>1E3</v></c><c r="H5" s="8"><v>0.25</v></c><c r="I5" s="2"><v>30</v></c>
  <c r="J5" s="2"><v>61</v></c><c r="K5" s="2"><v>0</v></c><c r="L5" s="9"><v>-1.5e-3</v></c>
  <c r="M5" s="10"><v>2</v></c><c r="N5" s="01"><v>4</v></c>
  <c r="P5" s="1"/><c r="Q5" t="s"/></row>
<row r="6"><c r="B6" s="2"/><c r="C6" t="e"/></row>
<row r="7" spans="1:3"><c r="A7"><v>  12 </v></c><c r="B7"><v>-0.5</v></c><c r="IV7"><v>256</v></c>
  <c r="IW7"><v>257</v></c><c r="XFD7"><v>16384</v></c></row>
<row r="9"><c r="C9" s="1"/><c r="D9"><v></v></c></row>
<row r="8"><c r="A8"><v>1</v></c></row>
<row r="10"><c r="C10"><v>3</v></c><c r="A10"><v>1</v></c><c r="C10"><v>4</v></c>
  <c><v>5</v></c></row>
<row r="0"><c r="A0"><v>0</v></c></row>
<row r="12" s="1" customFormat="1"/><row r="13"><c r="A13" s="1"/></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>"""
"""Every kind of cell: inline and shared strings, plain and rich; cells without r= (taking the
next column) and out of order; a row without r=; missing rows; every data type; number formats
built in, custom and redefined; a date past the year 9999 (an error, #VALUE!); a style the
workbook lacks; cells past the last column read; blank rows at the end."""

TABLES = """<sheetData><row r="2"><c r="B2"><v>2</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>four</t></is></c></row></sheetData>"""


def handmade_workbook(path: Path, *, date1904: bool = False) -> Path:
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    return package(
        path,
        {"Notes": TABLES, "Slides": SLIDES, "Tables": TABLES, "Hidden notes": ""},
        strings=STRINGS,
        styles=STYLES,
        workbook_pr=pr,
    )


@pytest.fixture(params=["1900", "1904"])
def handmade(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return handmade_workbook(tmp_path / "handmade.xlsx", date1904=request.param == "1904")


def test_a_handmade_workbook_reads_as_openpyxl_reads_it(handmade: Path) -> None:
    sheets = assert_same_as_openpyxl(handmade)
    assert list(sheets) == ["notes", "slides", "tables", "hidden notes"]
    rows = sheets["slides"][1]
    assert rows[0][1][1] == "Key" and rows[1] == []
    assert [c[1] for c in rows[2][:5]] == ["plain", "rich text", None, None, "a_x000D_b _x000D_ c"]
    assert rows[4][4] == ("str", "#VALUE!", "e", "dd/mm/yyyy")  # 3,000,000 days on
    assert len(rows[6]) == MAX_COLUMNS
    assert sheets["tables"][1] == [[], [_typed(None, "n", None), _typed(2, "n", "General")], [],
                                   [_typed("four", "s", "General")]]  # fmt: skip


def test_openpyxl_written_workbooks_of_every_cell_type(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chart data"
    ws.append(["Chart", "Period", "Series", "Value", "Note"])
    ws.append(["a", dt.date(2020, 7, 1), "x", 0.073, True])
    ws.append(["b", dt.datetime(2020, 7, 1, 13, 45, 30, 500_000), None, 66, False])
    ws.append(["c", dt.time(8, 15), "#N/A", "=1+1", -1.25e-7])
    ws.append(["d", dt.timedelta(days=1, hours=6), "  ", 10**15, "line\nbreak"])
    ws.append([CellRichText(["rich ", TextBlock(InlineFont(b=True), "bold")]), "_x000D_", "é"])
    ws["D2"].number_format = "0.0%"
    ws["D3"].number_format = "0.00%"
    ws["C4"].data_type = "e"
    ws.cell(row=9, column=3, value="after a gap")
    ws.cell(row=9, column=7).number_format = "0.0%"  # a formatted, empty cell at the end
    ws.cell(row=12, column=1).number_format = "yyyy-mm-dd"
    wb.create_sheet("Unknown").append(["x"])
    path = tmp_path / "types.xlsx"
    wb.save(path)
    sheets = assert_same_as_openpyxl(path)
    rows = sheets["chart data"][1]
    assert rows[1][1] == ("datetime", dt.datetime(2020, 7, 1), "d", "yyyy-mm-dd")
    assert rows[1][3] == ("float", 0.073, "n", "0.0%")
    assert rows[3][2] == ("str", "#N/A", "e", "General")
    assert rows[3][3] == ("NoneType", None, "n", "General")  # a formula with no cached value
    assert len(sheets) == 2 and sheets["unknown"] == ("Unknown", [])


def test_the_1904_date_system(tmp_path: Path) -> None:
    wb = Workbook()
    wb.epoch = openpyxl_datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Chart data"
    ws.append([dt.date(2020, 7, 1), dt.datetime(1904, 1, 1, 6), dt.time(12)])
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    rows = assert_same_as_openpyxl(path)["chart data"][1]
    assert rows[0][0][1] == dt.datetime(2020, 7, 1)


@pytest.mark.parametrize(
    "path",
    [EXAMPLE, DATA / "libreoffice-1900.xlsx", DATA / "libreoffice-1904.xlsx"],
    ids=["example", "LibreOffice 1900", "LibreOffice 1904"],
)
def test_saved_workbooks_read_as_openpyxl_reads_them(path: Path) -> None:
    sheets = assert_same_as_openpyxl(path)
    assert any(rows for _, rows in sheets.values())


def test_the_libreoffice_workbook_has_formulas_cached_values() -> None:
    rows = our_sheets(DATA / "libreoffice-1900.xlsx")["chart data"][1]
    assert rows[2][1:6] == [
        ("datetime", dt.datetime(2021, 1, 31), "d", "yyyy\\-mm\\-dd"),
        ("str", "st", "s", "General"),
        ("float", 0.146, "n", "0.0%"),
        ("bool", True, "b", "General"),
        ("float", 4.5, "n", "General"),
    ]
    assert [c[1:3] for c in rows[3][1:3]] == [("#N/A", "e"), ("#DIV/0!", "e")]
    assert rows[3][4] == ("NoneType", None, "str", "0.0%")  # ="" saves an empty <v>


def test_the_blank_workbook_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    assert_same_as_openpyxl(write_blank_workbook(tmp_path / "blank.xlsx"))


def _strict(source: Path, target: Path) -> Path:
    """``source`` rewritten in Strict OOXML's namespaces (as Excel's "Strict Open XML" saves)."""
    swaps = [
        (MAIN.encode(), b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
        (RELS.encode(), b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ]
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            for old, new in swaps:
                data = data.replace(old, new)
            dst.writestr(info, data)
    return target


@pytest.mark.parametrize("which", ["handmade", "handmade 1904", "example", "LibreOffice", "blank"])
def test_strict_ooxml_reads_as_its_transitional_twin(which: str, tmp_path: Path) -> None:
    # openpyxl finds no cells in Strict OOXML (its namespaces differ), so the twin is the judge
    source = {
        "handmade": lambda: handmade_workbook(tmp_path / "t.xlsx"),
        "handmade 1904": lambda: handmade_workbook(tmp_path / "t.xlsx", date1904=True),
        "example": lambda: EXAMPLE,
        "LibreOffice": lambda: DATA / "libreoffice-1900.xlsx",
        "blank": lambda: write_blank_workbook(tmp_path / "t.xlsx"),
    }[which]()
    strict = _strict(source, tmp_path / "strict.xlsx")
    with zipfile.ZipFile(strict) as z:
        assert b"purl.oclc.org" in z.read("xl/workbook.xml")
    sheets = load_sheets(strict)
    assert sheets == load_sheets(source)
    assert any(sheet.rows for sheet in sheets.values())


# -- number formats and dates, as openpyxl has them -----------------------------------------

FORMATS = [
    *openpyxl_numbers.BUILTIN_FORMATS.values(),
    *(v for k, v in vars(openpyxl_numbers).items() if k.startswith("FORMAT_")),
    "[$-409]mmmm d, yyyy;@",
    '"Day" 0',
    "[Red]0.0",
    "0.0_d",
    "\\d0",
    "[h]:mm;@",
    "[mm]:ss",
    "[ss].00",
    "[hh]",
    "0%;[Red]-0%",
    "yyyy;0",
    None,
]


@pytest.mark.parametrize("code", FORMATS)
def test_date_formats_are_told_as_openpyxl_tells_them(code: str | None) -> None:
    assert numfmt.is_date_format(code) == openpyxl_numbers.is_date_format(code)
    assert numfmt.is_timedelta_format(code) == openpyxl_numbers.is_timedelta_format(code)


def test_builtin_formats_are_openpyxls() -> None:
    assert numfmt.BUILTIN_FORMATS == openpyxl_numbers.BUILTIN_FORMATS


@pytest.mark.parametrize(
    "serial",
    [0, 0.25, 0.999_999_99, 1, 1.5, 59, 59.99, 60, 60.5, 61, 44013, 44013.572_916_666_7, 2_958_465],
)
@pytest.mark.parametrize("epoch", [numfmt.EPOCH_1900, numfmt.EPOCH_1904])
@pytest.mark.parametrize("timedelta", [False, True])
def test_serials_become_dates_as_openpyxl_makes_them(
    serial: float, epoch: dt.datetime, timedelta: bool
) -> None:
    def outcome(from_excel):  # type: ignore[no-untyped-def]
        try:
            return from_excel(serial, epoch, timedelta=timedelta)
        except OverflowError as exc:  # past the year 9999
            return type(exc)

    assert outcome(numfmt.from_excel) == outcome(openpyxl_datetime.from_excel)


@pytest.mark.parametrize(
    "text",
    ["2020-07-01", "2020-07-01T13:45:00", "2020-07-01T13:45:30.25Z", "13:45", "13:45:30.5",
     "PT1H30M", "PT2.5S", "PT10M"],
)  # fmt: skip
def test_iso_dates_read_as_openpyxl_reads_them(text: str) -> None:
    assert numfmt.from_iso8601(text) == openpyxl_datetime.from_ISO8601(text)


# -- damaged and hostile files ---------------------------------------------------------------


def _one_problem(path: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(WorkbookError) as info:
        load_sheets(path)
    assert time.perf_counter() - start < 2
    (problem,) = info.value.problems
    text = str(problem)
    assert "\n" not in text and "Traceback" not in text
    return text


@pytest.mark.parametrize(
    ("sheets", "kwargs", "expected"),
    [
        (
            {"Slides": '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>'},
            {},
            "not an .xlsx workbook (xl/worksheets/sheet1.xml: Opening and ending tag mismatch",
        ),
        (
            {"Slides": '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'},
            {"omit": ("xl/sharedStrings.xml",), "strings": ["<t>x</t>"]},
            "not an .xlsx workbook (its part xl/sharedStrings.xml is missing)",
        ),
        (
            {"Slides": '<sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData>'},
            {},
            "not an .xlsx workbook (Slides!B1: shared string 0 is missing)",
        ),
        (
            {"Slides": '<sheetData><row r="2"><c r="B2" t="s"><v>9</v></c></row></sheetData>'},
            {"strings": ["<t>x</t>"]},
            "not an .xlsx workbook (Slides!B2: shared string 9 is missing)",
        ),
        (
            {"Slides": '<sheetData><row r="2"><c r="C2" t="s"><v>-1</v></c></row></sheetData>'},
            {"strings": ["<t>x</t>"]},
            "(Slides!C2: shared string -1 is missing)",
        ),
        (
            {"Slides": '<sheetData><row r="1"><c r="A1"><v>abc</v></c></row></sheetData>'},
            {},
            "not an .xlsx workbook (Slides!A1: the value 'abc' of a cell of type 'n' cannot be",
        ),
        (
            {"Slides": '<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>'},
            {},
            "not an .xlsx workbook (Slides: '1A' is not a cell reference)",
        ),
        (
            {"Slides": '<sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData>'},
            {},
            "not an .xlsx workbook (Slides: 'x' is not a row number)",
        ),
        (
            {"Slides": ""},
            {"replace": {"xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData><ro'}},
            "not an .xlsx workbook (xl/worksheets/sheet1.xml: ",
        ),
        (
            {"Slides": ""},
            {"omit": ("xl/worksheets/sheet1.xml",)},
            'not an .xlsx workbook (the part holding the sheet "Slides" is missing)',
        ),
        (
            {"Slides": ""},
            {"omit": ("xl/workbook.xml",)},
            "not an .xlsx workbook (its part xl/workbook.xml is missing)",
        ),
        (
            {"Slides": ""},
            {"omit": ("xl/workbook.xml", "_rels/.rels")},
            "not an .xlsx workbook (it has no workbook part)",
        ),
    ],
    ids=[
        "malformed XML",
        "sharedStrings part missing",
        "no shared strings",
        "shared string out of range",
        "negative shared string",
        "a number that is not",
        "a bad cell reference",
        "a bad row number",
        "cut short",
        "sheet part missing",
        "workbook part missing",
        "no workbook at all",
    ],
)
def test_a_damaged_workbook_is_one_plain_problem(
    tmp_path: Path, sheets: dict[str, str], kwargs: dict[str, object], expected: str
) -> None:
    path = package(tmp_path / "damaged.xlsx", sheets, **kwargs)  # type: ignore[arg-type]
    message = _one_problem(path)
    assert message.startswith("damaged.xlsx: ") and expected in message, message
    assert message.endswith("; expected a workbook saved as .xlsx")


@pytest.mark.parametrize("where", ["data", "checksum"])
def test_corrupt_zip_data_is_one_plain_problem(tmp_path: Path, where: str) -> None:
    body = "<sheetData>" + "".join(
        f'<row r="{i}"><c r="A{i}"><v>{i * 7919 % 10007}</v></c></row>' for i in range(1, 3000)
    )
    path = package(tmp_path / "corrupt.xlsx", {"Slides": body + "</sheetData>"})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    if where == "data":
        middle = start + info.compress_size // 2
        data[middle : middle + 64] = bytes(64)
    else:
        # the CRC-32 in the central directory, against which zipfile checks what it unpacks
        name = info.filename.encode()
        offset = data.index(b"PK\x01\x02")
        while data[offset + 46 : offset + 46 + len(name)] != name:
            offset = data.index(b"PK\x01\x02", offset + 4)
        data[offset + 16] ^= 0xFF
    path.write_bytes(bytes(data))
    message = _one_problem(path)
    assert message.startswith("corrupt.xlsx: not an .xlsx workbook ("), message


@pytest.mark.parametrize("row", ["100001", "1048576", "99999999999999999999", "1e9"])
def test_a_huge_row_number_is_the_row_limits_problem_at_once(tmp_path: Path, row: str) -> None:
    body = f'<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="{row}"/></sheetData>'
    message = _one_problem(package(tmp_path / "far.xlsx", {"Slides": body}))
    assert message.startswith(f"Slides!A{MAX_ROWS + 1}: more than {MAX_ROWS:,} rows"), message


def test_a_row_just_inside_the_limit_is_read(tmp_path: Path) -> None:
    body = f'<sheetData><row r="{MAX_ROWS}"><c r="B{MAX_ROWS}"><v>1</v></c></row></sheetData>'
    rows = load_sheets(package(tmp_path / "edge.xlsx", {"Slides": body}))["slides"].rows
    assert len(rows) == MAX_ROWS and rows[-1][1].value == 1 and not any(rows[:-1])


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    body = (
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData>'
    )
    path = package(tmp_path / "laughs.xlsx", {"Slides": body})
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    head, _, rest = sheet.partition("\n")
    parts["xl/worksheets/sheet1.xml"] = f"{head}\n<!DOCTYPE worksheet [{laughs}]>\n{rest}".encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    start = time.perf_counter()
    try:
        rows = load_sheets(path)["slides"].rows
    except WorkbookError as exc:
        (problem,) = exc.problems
        assert "\n" not in str(problem)
    else:
        assert not rows or not rows[0] or len(str(rows[0][0].value)) < 100
    assert time.perf_counter() - start < 2


def test_a_large_sheet_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """120 MB of XML, most of it in cells past the last column read: streamed, not held."""
    filler = "x" * 4000
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>k{i}</t></is></c>'
        f'<c r="IW{i}" t="inlineStr"><is><t>{filler}</t></is></c></row>'
        for i in range(1, 30_001)
    )
    # stored, not deflated, so that the zip bomb check (a ratio) lets it through
    path = package(
        tmp_path / "large.xlsx",
        {"Slides": f"<sheetData>{rows}</sheetData>"},
        compression=zipfile.ZIP_STORED,
    )
    del rows
    assert path.stat().st_size > 120 * 10**6
    script = (
        "import resource, sys\n"
        "from tuningdeck.workbook.xlsx import load_sheets\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "rows = load_sheets(sys.argv[1])['slides'].rows\n"
        "assert len(rows) == 30_000 and rows[-1][0].value == 'k30000', rows[-1]\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True,
        cwd=ROOT,
    )  # fmt: skip
    grown = float(done.stdout)
    assert grown < 60, f"reading grew the process by {grown:.0f} MB"


def test_a_style_the_workbook_lacks_is_general(tmp_path: Path) -> None:
    # openpyxl fails on this one (IndexError)
    body = '<sheetData><row r="1"><c r="A1" s="7"><v>3</v></c><c r="B1" s="x"/></row></sheetData>'
    path = package(tmp_path / "styles.xlsx", {"Slides": body}, styles=STYLES)
    ((cell,),) = load_sheets(path)["slides"].rows
    assert (cell.value, cell.data_type, cell.number_format) == (3, "n", '#,##0 "days"')
    body = body.replace('s="7"', 's="99"')
    ((cell,),) = load_sheets(package(tmp_path / "s.xlsx", {"Slides": body}, styles=STYLES))[
        "slides"
    ].rows
    assert (cell.value, cell.number_format) == (3, "General")
