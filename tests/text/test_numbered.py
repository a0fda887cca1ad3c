"""Numbered lists: read from markup, measured with their numbers' room, written as auto-numbers."""

from __future__ import annotations

import re

import pytest

from tuningdeck.render.plan import list_items
from tuningdeck.render.text import paragraph_bytes, start_numbers
from tuningdeck.text.markup import MAX_NUMBER, Paragraph, Run, escape, parse_blocks, plain_text
from tuningdeck.text.measure import (
    NUMBER_GAP,
    Block,
    TextStyle,
    margins,
    paragraph_height,
    text_width,
    wrap,
)

BODY = TextStyle("Lato", 14, indent=16.0)


def items(text: str) -> list[tuple[str, int, int | None]]:
    return [(p.text, p.level, p.number) for p in parse_blocks(text)]


def test_a_number_and_a_full_stop_start_a_numbered_item() -> None:
    assert items("Steps:\n1. one\n2. **two**\n  - sub\n  1. first\n  2. second\n3. three") == [
        ("Steps:", 0, None),
        ("one", 1, 1),
        ("two", 1, 2),
        ("sub", 2, None),
        ("first", 2, 1),
        ("second", 2, 2),
        ("three", 1, 3),
    ]
    (bold,) = [p for p in parse_blocks("2. **two**")]
    assert bold.runs == (Run("two", bold=True),)


def test_the_first_number_starts_a_list_and_the_others_count_on() -> None:
    assert items("3. a\n3. b\n9. c") == [("a", 1, 3), ("b", 1, 4), ("c", 1, 5)]
    # a plain paragraph or a bullet at the same level ends a list; the next starts afresh
    assert items("1. a\nthen\n7. b\n- c\n2. d") == [
        ("a", 1, 1),
        ("then", 0, None),
        ("b", 1, 7),
        ("c", 1, None),
        ("d", 1, 2),
    ]
    # returning from a deeper level ends the deeper list
    assert items("1. a\n  5. x\n2. b\n  1. y") == [
        ("a", 1, 1),
        ("x", 2, 5),
        ("b", 1, 2),
        ("y", 2, 1),
    ]


@pytest.mark.parametrize(
    "text",
    ["1.5 million readers", "7.3% YoY", "1.", "0. zero", "12345. too long", "Q1. first", "1.x"],
)
def test_other_lines_starting_with_digits_are_text(text: str) -> None:
    assert items(text) == [(text, 0, None)]


def test_a_backslash_keeps_the_number_as_text() -> None:
    assert items("1\\. FC Köln won.\n2020\\. A year") == [
        ("1. FC Köln won.", 0, None),
        ("2020. A year", 0, None),
    ]
    raw = "1. not a list\n  22. nor this\n3.5 stays"
    assert escape(raw) == "1\\. not a list\n  22\\. nor this\n3.5 stays"
    assert plain_text(escape(raw)) == "1. not a list\n22. nor this\n3.5 stays"


def test_plain_text_keeps_the_numbers() -> None:
    assert plain_text("Do:\n1. this\n1. that\n- and more") == "Do:\n1. this\n2. that\nand more"


def test_each_item_knows_the_widest_number_of_its_list() -> None:
    paras = parse_blocks("\n".join(f"{n}. item" for n in range(8, 12)) + "\n  1. sub\nend")
    assert [(p.number, p.widest) for p in paras] == [
        (8, 11),
        (9, 11),
        (10, 11),
        (11, 11),
        (1, 1),
        (None, None),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": 1, "number": 0}, "number is 1 to"),
        ({"level": 1, "number": MAX_NUMBER + 1}, "number is 1 to"),
        ({"level": 1, "number": True}, "number is 1 to"),
        ({"level": 0, "number": 1}, "level is 1 or more"),
        ({"level": 1, "number": 3, "widest": 2}, "at least the item's number"),
        ({"level": 1, "widest": 2}, "largest number of a numbered item's list"),
    ],
)
def test_a_numbered_paragraph_is_validated(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Paragraph((Run("x"),), **kwargs)  # type: ignore[arg-type]


def test_margins_leave_the_number_its_room() -> None:
    bullet = Paragraph((Run("x"),), 1)
    assert margins(bullet, BODY) == (16.0, 16.0)  # a bullet hangs by the list's step
    assert margins(Paragraph((Run("x"),), 0), BODY) == (16.0, 0.0)
    one = Paragraph((Run("x"),), 1, number=1)
    left, hang = margins(one, BODY)
    number = text_width("0.", TextStyle("Lato", 14, bold=True))
    assert hang == pytest.approx(max(16.0, number + NUMBER_GAP * 14))
    assert left == pytest.approx(hang)  # the number sits where a bullet would: at 0
    # items 9 and 10 of one list start their text at one place, wider than a list to 9
    nine, ten = parse_blocks("9. a\n10. b")
    assert margins(nine, BODY) == margins(ten, BODY)
    assert margins(nine, BODY)[0] > left
    # a nested item hangs from its level's indent; a style's step sets the bullets' hang
    nested = Paragraph((Run("x"),), 2, number=1)
    deep = TextStyle("Lato", 14, indent=32.0)
    assert margins(nested, deep)[0] - margins(nested, deep)[1] == pytest.approx(16.0)
    cell = TextStyle("Lato", 11, indent=19.0, step=9.0)  # a sub-row's bullet in a table cell
    assert margins(bullet, cell) == (19.0, 9.0)


def test_a_numbered_item_wraps_in_the_width_its_number_leaves() -> None:
    text = "Measure how many newcomers who finish a first task come back in their second week"
    (numbered,) = parse_blocks(f"1. {text}")
    (bulleted,) = parse_blocks(f"- {text}")
    left, _ = margins(numbered, BODY)
    for width in range(200, 700, 7):
        lines = len(wrap(numbered.runs, TextStyle("Lato", 14, indent=left), width))
        height = paragraph_height(Block(numbered, BODY), width)
        assert height == pytest.approx(lines * paragraph_height(Block(bulleted, BODY), 10_000))
    # somewhere the number's extra room costs a line that a bullet does not need
    assert any(
        paragraph_height(Block(numbered, BODY), w) > paragraph_height(Block(bulleted, BODY), w)
        for w in range(200, 700, 3)
    )


def test_start_numbers_follow_the_lists_through_a_text_body() -> None:
    paras = parse_blocks("1. a\n  - x\n  1. y\n2. b\nplain\n3. c\n4. d")
    assert start_numbers(paras) == [1, None, 1, 1, None, 3, 3]
    # a page that starts inside a list starts at the number its first item had
    assert start_numbers(paras[3:]) == [2, None, 3, 3]


def test_numbered_items_are_written_as_powerpoint_auto_numbers() -> None:
    blocks = [
        Block(p, TextStyle("Lato", 14, indent=16.0 * p.level))
        for p in parse_blocks("Plan:\n4. one\n5. two\n  - sub\n  1. deeper")
    ]
    out: list[bytes] = []
    paragraph_bytes(out, blocks, bullet_color="3366CC", link_color="3366CC", link_id=str)
    xml = b"".join(out).decode()
    ppr = re.findall(r"<a:pPr [^>]*>.*?</a:pPr>", xml)
    assert "<a:buNone/>" in ppr[0]
    for p in ppr[1:3]:
        assert '<a:buAutoNum type="arabicPeriod" startAt="4"/>' in p
        assert "<a:buFontTx/>" in p and "lvl=" not in p
    assert '<a:buChar char="–"/>' in ppr[3] and 'lvl="1"' in ppr[3]
    assert 'lvl="1"' in ppr[4] and 'startAt="1"' in ppr[4]
    left, hang = margins(blocks[1].paragraph, blocks[1].style)
    assert f'marL="{round(left * 12700)}"' in ppr[1]
    assert f'indent="{-round(hang * 12700)}"' in ppr[1]


def test_list_fields_take_numbered_items_too() -> None:
    style = TextStyle("Lato", 14, indent=16.0)
    out = list_items(["1. Ship it", "1. Measure it", "Tell people"], style)
    assert [(b.paragraph.text, b.paragraph.level, b.paragraph.number) for b in out] == [
        ("Ship it", 1, 1),
        ("Measure it", 1, 2),
        ("Tell people", 1, None),
    ]
    assert out[0].paragraph.widest == 2
