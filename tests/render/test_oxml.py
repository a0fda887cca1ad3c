"""The XML layer: builders with one namespace map, and the compiled fragments the slide writer
uses being exactly the builders' markup."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from tuningdeck.oxml import shapes
from tuningdeck.oxml.core import SLOT, compile_parts, element, fill_slots, serialize, sub
from tuningdeck.oxml.ns import NSMAP, qn
from tuningdeck.render.table import Cell, PlacedTable, TablePage
from tuningdeck.render.table_write import table_bytes, table_element
from tuningdeck.render.text import paragraph_bytes, paragraphs
from tuningdeck.text.markup import parse_blocks
from tuningdeck.text.measure import Block, TextStyle

TEXT = (
    "Plain & <angled> text\n- a **bold** bullet with [a link](https://example.org/?a=1&b=2)\n"
    "  - deeper *italic*\n1. first\n2. second with x^{2}"
)


def _blocks(text: str = TEXT, size: float = 14) -> list[Block]:
    return [
        Block(p, TextStyle("Lato", size, color="222222", indent=16.0 * p.level))
        for p in parse_blocks(text)
    ]


def _as_in_slide(elements: list[etree._Element]) -> bytes:
    return b"".join(b"".join(compile_parts(el)) for el in elements)


def test_qn_uses_the_fixed_namespace_map() -> None:
    assert qn("a:rPr") == f"{{{NSMAP['a']}}}rPr"
    assert (
        qn("p14:creationId")
        == "{http://schemas.microsoft.com/office/powerpoint/2010/main}creationId"
    )
    with pytest.raises(KeyError):
        qn("x:unknown")


def test_compiled_paragraphs_are_the_builders_markup() -> None:
    def link_id(url: str) -> str:
        return "rId7" if url == "https://example.org/?a=1&b=2" else "?"

    blocks = _blocks()
    kwargs = {"bullet_color": "3366CC", "link_color": "3366CC", "link_id": link_id}
    out: list[bytes] = []
    paragraph_bytes(out, blocks, **kwargs)  # type: ignore[arg-type]
    built = _as_in_slide(paragraphs(blocks, **kwargs))  # type: ignore[arg-type]
    assert b"".join(out) == built
    assert b"Plain &amp; &lt;angled&gt; text" in built
    assert b'<a:hlinkClick r:id="rId7"/>' in built and b'baseline="30000"' in built
    assert b"xmlns" not in built  # the slide root declares a:, r:
    empty: list[bytes] = []
    paragraph_bytes(empty, [], **kwargs)  # type: ignore[arg-type]
    assert b"".join(empty) == b"<a:p/>"


def test_compiled_table_is_the_builders_markup() -> None:
    header = (Cell(_blocks("Key result", 10), fill="EAECF0"), Cell(_blocks("Q1", 10)))
    body = (Cell(_blocks("KR1: **grow**"), span=2, anchor="ctr"), Cell(_blocks("On track")))
    table = PlacedTable(
        (200.0, 80.0),
        TablePage((header, body, (None, Cell(_blocks("-"), rule=False))), (20.0, 30.0, 30.0)),
        4.0,
        3.0,
    )
    kwargs = {
        "rule_color": "C8CCD1",
        "rule_width": 0.75,
        "bullet_color": "3366CC",
        "link_color": "3366CC",
        "link_id": str,
    }
    out: list[bytes] = []
    table_bytes(out, table, **kwargs)  # type: ignore[arg-type]
    built = _as_in_slide([table_element(table, **kwargs)])  # type: ignore[arg-type]
    assert b"".join(out) == built
    declared = " ".join(f'xmlns:{k}="{NSMAP[k]}"' for k in "apr").encode()
    root = etree.fromstring(b"<p:sld " + declared + b">" + built + b"</p:sld>")
    rows = root.findall(f".//{qn('a:tr')}")
    assert [r.get("h") for r in rows] == ["254000", "381000", "381000"]
    assert rows[1][0].get("rowSpan") == "2" and rows[2][0].get("vMerge") == "1"


def test_a_compiled_fragment_never_declares_its_own_namespaces() -> None:
    foreign = etree.Element("{urn:example}thing")
    with pytest.raises(ValueError, match="namespace"):
        compile_parts(foreign)


def test_slots_are_filled_in_order_and_counted() -> None:
    sld, tree = shapes.slide()
    ph = element("p:ph", {"type": "title"})
    shapes.placeholder(tree, 2, "Title 1", ph, shapes.Box(1, 2, 3, 4), None)
    shapes.graphic_frame(tree, 3, "Table", copy.deepcopy(ph), shapes.Box(0, 0, 9, 9), "urn:t", None)
    xml = fill_slots(sld, [[b"<a:p/>"], [b"<a:tbl/>"]])
    root = etree.fromstring(xml)
    assert root.find(f".//{qn('p:txBody')}/{qn('a:p')}") is not None
    assert root.find(f".//{qn('a:graphicData')}/{qn('a:tbl')}") is not None
    assert SLOT.encode() not in xml
    with pytest.raises(ValueError, match="expected 1 slots, found 2"):
        fill_slots(sld, [[b"<a:p/>"]])


def test_foreign_extensions_of_a_placeholder_are_kept_when_it_is_copied() -> None:
    layout = etree.fromstring(
        f'<p:sp xmlns:p="{NSMAP["p"]}" xmlns:a="{NSMAP["a"]}"><p:nvSpPr><p:cNvPr id="2" '
        'name="Title 1"><a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}">'
        f'<a16:creationId xmlns:a16="{NSMAP["a16"]}" id="{{0A}}"/></a:ext></a:extLst></p:cNvPr>'
        '<p:cNvSpPr/><p:nvPr><p:ph type="title"><p:extLst><p:ext uri="{X}">'
        f'<p14:modId xmlns:p14="{NSMAP["p14"]}" val="1"/></p:ext></p:extLst></p:ph></p:nvPr>'
        "</p:nvSpPr></p:sp>"
    )
    ph = next(layout.iter(qn("p:ph")))
    sld, tree = shapes.slide()
    shapes.placeholder(tree, 2, "Title 1", copy.deepcopy(ph), None, None)
    xml = fill_slots(sld, [[b"<a:p/>"]])
    copied = etree.fromstring(xml).find(f".//{qn('p:ph')}")
    assert copied.find(f".//{{{NSMAP['p14']}}}modId").get("val") == "1"
    assert serialize(sld).count(b"xmlns:p14") == 1


def test_element_builders_declare_only_what_they_are_asked_to() -> None:
    root = element("p:sld", prefixes=("a", "p", "r"))
    sub(sub(root, "p:cSld"), "a:off", {"x": 1})
    assert root.nsmap == {"a": NSMAP["a"], "p": NSMAP["p"], "r": NSMAP["r"]}
    assert b'<a:off x="1"/>' in serialize(root)
