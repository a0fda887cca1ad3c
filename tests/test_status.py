from __future__ import annotations

import pytest

from tuningdeck.status import Quantity, Verdict, judge, parse_quantity, trend, trend_is_good

ON, RISK, OFF = Verdict.ON_TRACK, Verdict.AT_RISK, Verdict.OFF_TRACK
NOT_MEASURED, NEUTRAL = Verdict.NOT_MEASURED, Verdict.NEUTRAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+7.3% YoY (89K/mo*)", Quantity(7.3, "% yoy")),
        ("+6.0% YoY (71K/mo ^{+o})", Quantity(6.0, "% yoy")),
        ("+6.0% YoY (71K/mo ⁺⁰)", Quantity(6.0, "% yoy")),
        ("+9.5% YoY (23K/mo ⁺)", Quantity(9.5, "% yoy")),
        ("−3% y/y", Quantity(-3.0, "% yoy")),
        ("-2.5%", Quantity(-2.5, "%")),
        ("82%", Quantity(82.0, "%")),
        ("**82%**", Quantity(82.0, "%")),
        ("82%^{*}", Quantity(82.0, "%")),
        ("75% (+5% YoY)", Quantity(75.0, "%")),
        ("5.7%/mo", Quantity(5.7, "%/mo")),
        ("89K/mo*", Quantity(89_000.0, "/mo")),
        ("99K", Quantity(99_000.0, "")),
        ("1.2M", Quantity(1_200_000.0, "")),
        ("350K uploads with captions and copyright statements", Quantity(350_000.0, "uploads")),
        ("4 milestones", Quantity(4.0, "milestones")),
        ("2 editors/month", Quantity(2.0, "editors/mo")),
        ("51,289 edits", Quantity(51_289.0, "edits")),
        ("0", Quantity(0.0, "")),
        ("1", Quantity(1.0, "")),
        ("1†", Quantity(1.0, "")),
        ("10+ volunteers", Quantity(10.0, "volunteers", at_least=True)),
        ("+7.3% YoY ↑", Quantity(7.3, "% yoy")),
        ("5km", Quantity(5.0, "km")),
    ],
)
def test_parse_quantity(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        "✓",
        "X",
        "Maintain baseline",
        "Establish baseline",
        "Measured annually Q2",
        "not available#",
        "33% unsafe, 13% harassed",
        "470 teachers in 3 countries/lang",
        "51,289 edits on 84 wikis",
        "1 UN pilot\n4 mentored campaigns",
        "(6.6%/mo ^{+#})",
        "Q1 +7.3% YoY",
        "1,5%",
    ],
)
def test_parse_quantity_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("status", "goal", "expected"),
    [
        ("+7.3% YoY (89K/mo*)", "+5% YoY", ON),
        ("+5% YoY", "+5% YoY", ON),
        ("+4.8% YoY", "+5% YoY", RISK),
        ("+4.5% YoY", "+5% YoY", RISK),  # the band's edge is at risk
        ("+4.4% YoY", "+5% YoY", OFF),
        ("+2% YoY", "+5% YoY", OFF),
        ("-1% YoY", "+5% YoY", OFF),
        ("+6.0% YoY (71K/mo ^{+o})", "+5% YoY", ON),
        ("+9.5% YoY (23K/mo ⁺)", "+5% YoY", ON),
        ("82%", "66%", ON),
        ("62%", "66%", RISK),
        ("55%", "66%", OFF),
        ("6.3%", "7%", RISK),  # 7 − 0.7 is 6.3 up to float rounding
        ("72%^{*}", "75% (+5% YoY)", RISK),
        ("1 milestone", "4 milestones", OFF),
        ("4 milestones", "4 milestones", ON),
        ("5 milestones", "4 milestones", ON),
        ("3 countries", "3 country", ON),
        ("120K uploads", "350K uploads with captions and copyright statements", OFF),
        ("340K uploads", "350K uploads with captions and copyright statements", RISK),
        ("12 volunteers", "10+ volunteers", ON),
        ("9 volunteers", "10+ volunteers", RISK),
        ("1", "1", ON),
        ("0", "1", OFF),
        ("0", "0", ON),
        ("-0.1", "0", OFF),  # a goal of 0 has no at-risk band
        ("-3% YoY", "-5% YoY", ON),
        ("-5.4% YoY", "-5% YoY", RISK),
        ("-6% YoY", "-5% YoY", OFF),
    ],
)
def test_judge_higher_is_better(status: str, goal: str, expected: Verdict) -> None:
    assert judge(status, goal) is expected


@pytest.mark.parametrize(
    ("status", "goal", "expected"),
    [
        ("30%", "33%", ON),
        ("33%", "33%", ON),
        ("35%", "33%", RISK),
        ("36.3%", "33%", RISK),
        ("37%", "33%", OFF),
        ("-7% YoY", "-5% YoY", ON),
        ("-4.6% YoY", "-5% YoY", RISK),
        ("+2% YoY", "-5% YoY", OFF),
        ("0", "0", ON),
        ("0.1", "0", OFF),
    ],
)
def test_judge_lower_is_better(status: str, goal: str, expected: Verdict) -> None:
    assert judge(status, goal, better="lower") is expected


@pytest.mark.parametrize(
    ("status", "goal", "at_risk", "expected"),
    [
        ("+4.8% YoY", "+5% YoY", 0.0, OFF),
        ("+4% YoY", "+5% YoY", 0.25, RISK),
        ("+3.7% YoY", "+5% YoY", 0.25, OFF),
    ],
)
def test_judge_at_risk_band(status: str, goal: str, at_risk: float, expected: Verdict) -> None:
    assert judge(status, goal, at_risk=at_risk) is expected


@pytest.mark.parametrize(
    ("status", "goal"),
    [
        # a word goal, or a goal of several quantities
        ("82%", "Maintain baseline"),
        ("82%", "Establish baseline"),
        ("3", "X"),
        ("30%", "33% unsafe, 13% harassed"),
        # a status that is no single quantity
        ("✓", "4 milestones"),
        ("470 teachers in 3 countries/lang", "500 teachers"),
        ("(6.6%/mo ^{+#})", "+5% YoY"),
        ("1 UN pilot\n4 mentored campaigns", "1 UN pilot"),
        # units that differ
        ("+7.3% YoY", "66%"),
        ("82%", "+5% YoY"),
        ("89K/mo", "66%"),
        ("5.7%/mo", "+5% YoY"),
        ("1", "4 milestones"),
        ("4 milestones", "4 volunteers"),
        ("350K", "350K uploads"),
    ],
)
def test_judge_leaves_what_it_cannot_compare_neutral(status: str, goal: str) -> None:
    assert judge(status, goal) is NEUTRAL
    assert judge(status, goal, better="lower") is NEUTRAL


@pytest.mark.parametrize(
    "status",
    [
        "Measured annually Q2",
        "Measured Annually",
        "measured in Q3",
        "paused",
        "Paused until Q3",
        "no data yet",
        "No data",
        "not available#",
        "not available^{#}",
        "Not yet measured",
        "n/a",
        "N/A",
        "TBD",
    ],
)
def test_word_statuses_are_not_measured(status: str) -> None:
    assert judge(status, "+5% YoY") is NOT_MEASURED
    assert judge(status, "Maintain baseline") is NOT_MEASURED


@pytest.mark.parametrize("status", ["", "  ", "-", "–", "—", " - "])
def test_blank_status_is_neutral(status: str) -> None:
    assert judge(status, "+5% YoY") is NEUTRAL


@pytest.mark.parametrize(
    ("status", "goal", "better", "expected"),
    [
        # "10+" may be any value from 10 up: judged only when they all agree.
        ("10+ volunteers", "10 volunteers", "higher", ON),
        ("10+ volunteers", "12 volunteers", "higher", NEUTRAL),
        ("10+ volunteers", "5 volunteers", "lower", OFF),
        ("10+ volunteers", "10 volunteers", "lower", NEUTRAL),
        # a goal of "10+" is 10 when higher is better, and makes no sense when lower is
        ("3 volunteers", "10+ volunteers", "lower", NEUTRAL),
    ],
)
def test_at_least(status: str, goal: str, better: str, expected: Verdict) -> None:
    assert judge(status, goal, better=better) is expected  # type: ignore[arg-type]


def test_verdict_values() -> None:
    assert [v.value for v in Verdict] == [
        "on track",
        "at risk",
        "off track",
        "not measured",
        "neutral",
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"better": "more"}, "better"),
        ({"at_risk": -0.1}, "at_risk"),
        ({"at_risk": float("nan")}, "at_risk"),
    ],
)
def test_judge_rejects_bad_options(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        judge("82%", "66%", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("+7.3% YoY ↑", "up"),
        ("+7.3% YoY (89K/mo*) ▲", "up"),
        ("-2% YoY ↓", "down"),
        ("▼ 33% unsafe", "down"),
        ("+7.3% YoY", None),
        ("↑ ↓", None),
        ("", None),
    ],
)
def test_trend(status: str, expected: str | None) -> None:
    assert trend(status) == expected


@pytest.mark.parametrize(
    ("direction", "better", "expected"),
    [
        ("up", "higher", True),
        ("down", "higher", False),
        ("up", "lower", False),
        ("down", "lower", True),
    ],
)
def test_trend_is_good(direction: str, better: str, expected: bool) -> None:
    assert trend_is_good(direction, better) is expected  # type: ignore[arg-type]


def test_arrows_do_not_change_the_verdict() -> None:
    assert judge("+7.3% YoY ↑", "+5% YoY") is ON
    assert judge("+2% YoY ↓", "+5% YoY") is OFF
