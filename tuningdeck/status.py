"""Status judgement: how a metric's status cell stands against its goal cell.

A status cell says how a metric did in a quarter (``+7.3% YoY (89K/mo*)``, ``82%``,
``Measured annually Q2``, ``-``); a goal cell says what was aimed at (``+5% YoY``, ``66%``,
``4 milestones``, ``Maintain baseline``). :func:`judge` turns the pair into a :class:`Verdict`,
which the deck shows as a colour. It never guesses: a pair it cannot compare is ``NEUTRAL``.

Reading a cell (:func:`parse_quantity`)
    Markup is removed (``**bold**``, links keep their text), and so is everything that is not the
    value itself: superscript footnote marks (``^{+o}``, ``⁺⁰``), the marks ``* # † ‡ §``, trend
    arrows (``↑ ↓ ▲ ▼``) and text in parentheses (``(89K/mo*)``, ``(+5% YoY)``). What is left must
    *start* with a number and hold *no other* number (``33% unsafe, 13% harassed`` and
    ``470 teachers in 3 countries`` hold two, so they are not one quantity). Digits inside a word
    (``Q2``, ``lib1ref``) are not numbers. ``K`` and ``M`` right after the number multiply it
    (``350K`` is 350000); ``51,289`` is 51289; ``−`` counts as a minus sign.

    The unit is what follows the number, lowercased: ``%`` with an optional per-period
    (``%/mo``), or a per-period alone (``89K/mo`` → 89000 ``/mo``; ``/month`` is written
    ``/mo``), or else the first word (``350K uploads with captions`` → ``uploads``); then
    ``YoY`` (or ``Y/Y``, ``year over year``) after it adds `` yoy`` (``+5% YoY`` → ``% yoy``). A
    bare number has the unit ``""``. A ``+`` right after the number means "at least"
    (``10+ volunteers`` → 10 ``volunteers``, ``at_least=True``).

Judging (:func:`judge`), first rule that applies:
    1. A blank status, or a dash (``-``, ``–``, ``—``): ``NEUTRAL`` (nothing to judge yet).
    2. A word status: ``Measured annually …``, ``Measured in Q2``, ``paused …``,
       ``on hold``, ``no data``/``no data yet``, ``not available``, ``not (yet) measured``,
       ``n/a``, ``TBD``, ``pending`` (any case, footnote marks ignored): ``NOT_MEASURED``.
    3. Either side not one quantity (``✓``, ``Maintain baseline``, ``Establish baseline``,
       ``X``, several numbers): ``NEUTRAL``.
    4. Units differ: ``NEUTRAL``. ``% yoy`` is not ``%``, ``/mo`` is not ``%``, ``""`` (a bare
       ``1``) is not ``milestones``. Word units match regardless of singular or plural
       (``milestone`` = ``milestones``, ``country`` = ``countries``).
    5. Compare, with ``band = at_risk × |goal|`` (so a goal of 0 has no band); a cumulative
       goal is first multiplied by the share of it due by the quarter (``share``). When higher is
       better: status ≥ goal → ``ON_TRACK``; status ≥ goal − band → ``AT_RISK``; else
       ``OFF_TRACK``. When lower is better, the mirror: status ≤ goal → ``ON_TRACK``;
       status ≤ goal + band → ``AT_RISK``; else ``OFF_TRACK``. Boundaries are inclusive and
       compared with a tiny tolerance, so float rounding never moves a verdict.
    6. "At least" quantities: a goal of ``10+`` means 10 when higher is better, and cannot be
       judged (``NEUTRAL``) when lower is better. A status of ``10+`` could be any value from 10 up,
       so it is judged only when every such value gets the same verdict (higher is better and
       10 is on track; lower is better and 10 is already off track), else ``NEUTRAL``.

:func:`trend` finds a trend arrow in a status; :func:`trend_is_good` says whether its direction is
the good one. This module is pure Python: it knows nothing of PowerPoint or Excel.
"""

from __future__ import annotations

import enum
import functools
import math
import re
from typing import Literal

from attrs import frozen

from tuningdeck.text.markup import parse_inline

__all__ = [
    "Better",
    "Direction",
    "Quantity",
    "Verdict",
    "judge",
    "parse_quantity",
    "trend",
    "trend_is_good",
]

Better = Literal["higher", "lower"]
"""Which way a metric improves."""

Direction = Literal["up", "down"]
"""Which way a trend arrow points."""


class Verdict(enum.Enum):
    """How a status stands against its goal; the value is the words shown to people."""

    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    NOT_MEASURED = "not measured"
    NEUTRAL = "neutral"


@frozen
class Quantity:
    """A number and its normalised unit, read from a cell. Immutable.

    ``unit`` is lowercased: ``"%"``, ``"% yoy"``, ``"%/mo"``, ``"/mo"``, ``""`` for a bare
    number, or a word such as ``"milestones"``. ``at_least`` is true for ``10+``.
    """

    value: float
    unit: str
    at_least: bool = False

    def same_unit(self, other: Quantity) -> bool:
        """Whether the two units are the same, a word's singular and plural counting as one."""
        return _unit_key(self.unit) == _unit_key(other.unit)


_UP = "↑▲⬆"
_DOWN = "↓▼⬇"
_MARKS = re.compile(r"[*#†‡§¶⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵒ" + _UP + _DOWN + "]")
_PARENS = re.compile(r"\([^()]*\)")
_DASHES = {"-", "–", "—", "−"}
_WORD_STATUS = re.compile(
    r"(measured (annually|yearly|quarterly|biannually|semi-?annually|once|twice|in|every|each|at)"
    r"\b.*|paused\b.*|on hold\b.*|no data( yet)?|not (yet )?(available|measured)|n/?a|tbd|pending)",
)
_LETTER = r"[^\W\d_]"
_NUMBER = re.compile(
    r"(?P<sign>[-+−–])?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![.,]\d)"
    rf"(?P<mult>[kKmM](?!{_LETTER}))?(?P<plus>\+)?"
)
_ANY_NUMBER = re.compile(rf"(?<!{_LETTER})\d+(?:[.,]\d+)*")
_PERCENT = re.compile(rf"\s*%(?P<per>\s*/\s*{_LETTER}+)?")
_PER = re.compile(rf"\s*/\s*(?P<per>{_LETTER}+)")
_WORD = re.compile(rf"\s*(?P<word>{_LETTER}+(?:[-'’]{_LETTER}+)*(?:/{_LETTER}+)?)")
_YOY = re.compile(r"\s*(?:yoy|y/y|year[- ]over[- ]year)(?![^\W\d_])", re.IGNORECASE)
_PERIODS = {"month": "mo", "months": "mo", "mon": "mo", "year": "yr", "years": "yr"}
_TOLERANCE = 1e-9


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity a cell starts with, or None when it has none or more than one.

    >>> parse_quantity("+7.3% YoY (89K/mo*)")
    Quantity(value=7.3, unit='% yoy', at_least=False)
    >>> parse_quantity("350K uploads with captions and copyright statements")
    Quantity(value=350000.0, unit='uploads', at_least=False)
    >>> parse_quantity("33% unsafe, 13% harassed") is None
    True
    """
    clean = _clean(text)
    m = _NUMBER.match(clean)
    if m is None or len(_ANY_NUMBER.findall(clean)) != 1:
        return None
    value = float(m.group("num").replace(",", ""))
    if m.group("sign") in ("-", "−", "–"):
        value = -value
    if m.group("mult"):
        value *= 1_000 if m.group("mult") in "kK" else 1_000_000
    return Quantity(value, _unit(clean[m.end() :]), at_least=m.group("plus") is not None)


@functools.lru_cache(maxsize=8192)
def judge(
    status: str,
    goal: str,
    *,
    better: Better = "higher",
    at_risk: float = 0.1,
    share: float = 1.0,
) -> Verdict:
    """Judge a status cell against its goal cell; see the module's rules.

    ``better`` says whether higher or lower values are good; ``at_risk`` is the fraction of the
    goal by which a status may miss it and still be "at risk" rather than "off track";
    ``share`` is the part of the goal due by now (a cumulative goal's ``0.25`` in Q1).

    >>> judge("+7.3% YoY (89K/mo*)", "+5% YoY")
    <Verdict.ON_TRACK: 'on track'>
    """
    if better not in ("higher", "lower"):
        raise ValueError(f'better must be "higher" or "lower", not {better!r}')
    if not (math.isfinite(at_risk) and at_risk >= 0):
        raise ValueError(f"at_risk must be a finite number ≥ 0, not {at_risk!r}")
    words = _words(status)
    if not words or words in _DASHES:
        return Verdict.NEUTRAL
    if _WORD_STATUS.fullmatch(words):
        return Verdict.NOT_MEASURED
    got = parse_quantity(status)
    want = parse_quantity(goal)
    if got is None or want is None or not got.same_unit(want):
        return Verdict.NEUTRAL
    if want.at_least and better == "lower":
        return Verdict.NEUTRAL
    if not (math.isfinite(share) and 0 < share <= 1):
        raise ValueError(f"share must be a number in (0, 1], not {share!r}")
    verdict = _compare(got.value, want.value * share, better, at_risk)
    if got.at_least:
        # The status may be any value from got.value up; only a verdict they all share holds.
        highest = Verdict.ON_TRACK if better == "higher" else Verdict.OFF_TRACK
        return verdict if verdict is highest else Verdict.NEUTRAL
    return verdict


def trend(status: str) -> Direction | None:
    """The direction of the trend arrow in a status (``↑``/``▲`` up, ``↓``/``▼`` down).

    None when there is no arrow, or arrows both ways.
    """
    up = any(c in status for c in _UP)
    down = any(c in status for c in _DOWN)
    if up == down:
        return None
    return "up" if up else "down"


def trend_is_good(direction: Direction, better: Better) -> bool:
    """Whether a trend in ``direction`` is good for a metric where ``better`` values are good."""
    if direction not in ("up", "down"):
        raise ValueError(f'direction must be "up" or "down", not {direction!r}')
    if better not in ("higher", "lower"):
        raise ValueError(f'better must be "higher" or "lower", not {better!r}')
    return (direction == "up") == (better == "higher")


def _compare(got: float, want: float, better: Better, at_risk: float) -> Verdict:
    band = at_risk * abs(want)
    if better == "lower":
        got, want = -got, -want
    if _at_least(got, want):
        return Verdict.ON_TRACK
    if _at_least(got, want - band):
        return Verdict.AT_RISK
    return Verdict.OFF_TRACK


def _at_least(a: float, b: float) -> bool:
    return a >= b or math.isclose(a, b, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE)


def _plain(text: str) -> str:
    """The text without markup, superscript runs (footnote marks) dropped."""
    return "\n".join(
        "".join(run.text for run in parse_inline(line) if not run.superscript)
        for line in text.splitlines()
    )


def _clean(text: str) -> str:
    """The text without markup, footnote marks, arrows and parenthesised details."""
    out = _MARKS.sub("", _plain(text))
    previous = None
    while previous != out:  # innermost parentheses first, so nested ones go too
        previous, out = out, _PARENS.sub(" ", out)
    return " ".join(out.split())


def _words(text: str) -> str:
    """The cleaned text, lowercased and without trailing punctuation, for word statuses."""
    return _clean(text).lower().rstrip(".:;,!").strip()


def _unit(rest: str) -> str:
    unit = ""
    if m := _PERCENT.match(rest):
        per = m.group("per")
        unit = "%" + (_per(per.replace(" ", "").lstrip("/")) if per else "")
    elif m := _PER.match(rest):
        unit = _per(m.group("per"))
    elif (m := _WORD.match(rest)) and not _YOY.match(rest):
        word = m.group("word").lower()
        base, slash, period = word.partition("/")
        unit = base + (_per(period) if slash else "")
    else:
        m = None
    if m is not None:
        rest = rest[m.end() :]
    if _YOY.match(rest):
        unit = f"{unit} yoy" if unit else "yoy"
    return unit


def _per(period: str) -> str:
    period = period.lower()
    return "/" + _PERIODS.get(period, period)


def _unit_key(unit: str) -> str:
    return " ".join(_singular(w) for w in unit.split(" "))


def _singular(word: str) -> str:
    base, slash, period = word.partition("/")
    if len(base) > 3 and base.endswith("ies"):
        base = base[:-3] + "y"
    elif base.endswith(("sses", "xes", "ches", "shes")):
        base = base[:-2]
    elif len(base) > 1 and base.endswith("s") and not base.endswith("ss"):
        base = base[:-1]
    return base + slash + period
