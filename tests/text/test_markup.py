from __future__ import annotations

import pytest

from tuningdeck.text.markup import Run, escape, parse_blocks, parse_inline, plain_text


def styles(text: str) -> list[tuple[str, bool, bool, bool, str | None]]:
    return [(r.text, r.bold, r.italic, r.superscript, r.href) for r in parse_inline(text)]


def test_bold_italic_link_superscript() -> None:
    assert styles("a **b** *c* [d](https://x.org) e^{+o}") == [
        ("a ", False, False, False, None),
        ("b", True, False, False, None),
        (" ", False, False, False, None),
        ("c", False, True, False, None),
        (" ", False, False, False, None),
        ("d", False, False, False, "https://x.org"),
        (" e", False, False, False, None),
        ("+o", False, False, True, None),
    ]


@pytest.mark.parametrize(
    "text",
    ["+7.3% YoY (89K/mo*)", "not well established * so that", "3 * 4 = 12", "x*"],
)
def test_a_star_that_opens_nothing_stays_literal(text: str) -> None:
    assert parse_inline(text) == (Run(text),)


def test_nested_bold_inside_link() -> None:
    assert styles("[see **this**](https://a.b)") == [
        ("see ", False, False, False, "https://a.b"),
        ("this", True, False, False, "https://a.b"),
    ]


def test_escape_round_trips() -> None:
    raw = "a*b*c [x](y) ^{z} \\"
    assert plain_text(escape(raw)) == raw


def test_blocks_bullets_and_levels() -> None:
    paras = parse_blocks("Intro\n- one\n  - two\n\n• three\nend")
    assert [(p.text, p.level) for p in paras] == [
        ("Intro", 0),
        ("one", 1),
        ("two", 2),
        ("three", 1),
        ("end", 0),
    ]


def test_whitespace_and_tabs_fold() -> None:
    assert parse_blocks("a\t b   c")[0].text == "a b c"


def test_a_link_may_hold_balanced_parentheses() -> None:
    from tuningdeck.text.markup import parse_inline

    runs = parse_inline("see [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) now")
    assert [r.href for r in runs] == [None, "https://en.wikipedia.org/wiki/Mercury_(planet)", None]
    assert "".join(r.text for r in runs) == "see Mercury now"


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "vbscript:x",
        "file:///etc/passwd",
        "data:text/html,x",
        "\\\\server\\share",
        "#",
        "relative/page",
    ],
)
def test_only_web_and_mail_links_are_taken(target: str) -> None:
    from tuningdeck import FieldError, ObjectiveSlide

    with pytest.raises(FieldError, match="expected a link starting http:, https:, mailto:"):
        ObjectiveSlide(title="T", objective=f"[x]({target})")
    assert ObjectiveSlide(title="T", objective="[x](mailto:a@example.org)").objective
