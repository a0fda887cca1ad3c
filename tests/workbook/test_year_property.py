"""Generated years: whatever a year's later quarters add, an earlier quarter's deck is the same.

Each example is a random year of one tracker: key results reworded, restated, added and ended
from random quarters, statuses filled in quarter by quarter (sometimes correcting an earlier
one), acronyms that start and end, slides moved and snapshots taken. The workbook is kept as it
stands at the end of every quarter; the deck of quarter k read from the workbook at the end of
quarter k must equal the one read from the workbook at the end of any later quarter.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuningdeck.model import Deck, KeyResultsSlide
from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.reader import read_sheets
from tuningdeck.workbook.schema import normalise_name
from tuningdeck.workbook.xlsx import RawSheet

Sheets = dict[str, list[list[object]]]

KR_HEADER = ["Table", "Key result", "Baseline", "Goal", "Q1", "Q2", "Q3", "Q4", "Level"]
KR_HEADER += ["From", "Until", "Replaces"]
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def raw(sheets: Sheets) -> dict[str, RawSheet]:
    return {
        normalise_name(name): RawSheet(name, tuple(tuple(RawCell(v) for v in r) for r in rows))
        for name, rows in sheets.items()
    }


def start() -> Sheets:
    return {
        "Deck": [["Setting", "Value"], ["Priority", "Generated"], ["Fiscal year", "FY30-31"]],
        "Slides": [
            ["Kind", "Key", "Quarters", "From", "Until", "As of"],
            ["title"],
            ["objective", "o"],
            ["key results", "krs"],
            ["section", "Appendix"],
            ["acronyms"],
        ],
        "Objectives": [["Key", "Quarter", "Title", "Objective", "Narrative"]],
        "Tables": [["Key", "Quarter", "Title"], ["krs", "all", "Key results"]],
        "Key results": [KR_HEADER],
        "Acronyms": [["Term", "Definition", "From", "Until"], ["ZZ", "Always there"]],
    }


def col(sheets: Sheets, sheet: str, name: str) -> int:
    return sheets[sheet][0].index(name)


def cell(sheets: Sheets, sheet: str, row: list[object], name: str) -> object:
    j = col(sheets, sheet, name)
    return row[j] if j < len(row) else None


def live(sheets: Sheets, sheet: str, q: int) -> list[int]:
    """Indexes of the rows of ``sheet`` whose From..Until covers quarter ``q``."""
    out = []
    for i, row in enumerate(sheets[sheet][1:], start=1):
        first = cell(sheets, sheet, row, "From") or "Q1"
        last = cell(sheets, sheet, row, "Until") or "Q4"
        if QUARTERS.index(str(first)) + 1 <= q <= QUARTERS.index(str(last)) + 1:
            out.append(i)
    return out


def shown_results(sheets: Sheets, q: int) -> list[int]:
    """The key-result rows quarter ``q`` shows: of the rows of one identity (a text, or what
    it replaces) that have started by ``q``, the latest, unless it has ended."""
    krs = sheets["Key results"]

    def first(i: int) -> int:
        return QUARTERS.index(str(cell(sheets, "Key results", krs[i], "From") or "Q1")) + 1

    def last(i: int) -> int:
        return QUARTERS.index(str(cell(sheets, "Key results", krs[i], "Until") or "Q4")) + 1

    names: dict[str, str] = {}
    ident: dict[int, str] = {}
    for i in sorted(range(1, len(krs)), key=lambda i: (first(i), i)):
        name = str(krs[i][1])
        replaced = cell(sheets, "Key results", krs[i], "Replaces")
        ident[i] = names.get(str(replaced), str(replaced)) if replaced else names.get(name, name)
        names.setdefault(name, ident[i])
    started = [i for i in range(1, len(krs)) if first(i) <= q]
    latest: dict[str, int] = {}
    for i in started:
        latest[ident[i]] = max(latest.get(ident[i], 1), first(i))
    return [i for i in started if first(i) == latest[ident[i]] and q <= last(i)]


def put(sheets: Sheets, sheet: str, i: int, name: str, value: object) -> None:
    row = sheets[sheet][i]
    j = col(sheets, sheet, name)
    row.extend([None] * (j + 1 - len(row)))
    row[j] = value


counter = iter(range(10**9))


@st.composite
def years(draw: st.DrawFn) -> list[Sheets]:
    """The workbook at the end of each of the four quarters."""
    sheets = start()
    for n in range(draw(st.integers(1, 4))):
        sheets["Key results"].append(["krs", f"Result {n}", f"base {n}", f"goal {n}"])
    ends: list[Sheets] = []
    for q in range(1, 5):
        label = QUARTERS[q - 1]
        if q > 1:
            for _ in range(draw(st.integers(0, 4))):
                change(draw, sheets, q)
        sheets["Objectives"].append(["o", label, "Objective", "Do it.", f"Said in {label}"])
        for i in shown_results(sheets, q):
            put(sheets, "Key results", i, label, f"{label} status {next(counter)}")
        ends.append({name: [list(r) for r in rows] for name, rows in sheets.items()})
    return ends


def change(draw: st.DrawFn, sheets: Sheets, q: int) -> None:
    """One change from quarter ``q`` on, as a person makes it: one row or one cell."""
    label = QUARTERS[q - 1]
    krs = sheets["Key results"]
    shown = shown_results(sheets, q)
    what = draw(
        st.sampled_from(
            [
                "reword",
                "restate",
                "add",
                "end",
                "correct",
                "acronym",
                "end acronym",
                "move",
                "snapshot",
            ]
        )
    )
    n = next(counter)
    # a row added this quarter is edited in place, not replaced: only older rows are replaced
    older = [
        i
        for i in shown
        if QUARTERS.index(str(cell(sheets, "Key results", krs[i], "From") or "Q1")) < q - 1
    ]
    if what in ("reword", "restate", "correct", "end") and not older:
        what = "add"
    if what == "add":
        krs.append(["krs", f"New {n}", "", "g", None, None, None, None, None, label])
    elif what in ("reword", "restate", "correct"):
        i = draw(st.sampled_from(older))
        old = list(krs[i]) + [None] * (len(KR_HEADER) - len(krs[i]))
        new = list(old)
        new[col(sheets, "Key results", "From")] = label
        new[col(sheets, "Key results", "Until")] = None
        new[col(sheets, "Key results", "Replaces")] = None
        if what == "reword":
            new[1] = f"Reworded {n}"
            new[col(sheets, "Key results", "Replaces")] = old[1]
        elif what == "restate":
            new[2] = f"restated {n}"
        else:
            earlier = draw(st.integers(1, q - 1))
            new[col(sheets, "Key results", QUARTERS[earlier - 1])] = f"corrected {n}"
        for later in QUARTERS[q - 1 :]:
            new[col(sheets, "Key results", later)] = None
        krs.insert(i + 1, new)
    elif what == "end":
        candidates = [
            i
            for i in shown
            if QUARTERS.index(str(cell(sheets, "Key results", krs[i], "From") or "Q1")) < q - 1
        ]
        if candidates and len(shown) > 1:
            put(sheets, "Key results", draw(st.sampled_from(candidates)), "Until", QUARTERS[q - 2])
    elif what == "acronym":
        sheets["Acronyms"].append([f"A{n}", f"Acronym {n}", label])
    elif what == "end acronym":
        rows = [i for i in live(sheets, "Acronyms", q - 1) if sheets["Acronyms"][i][0] != "ZZ"]
        rows = [
            i
            for i in rows
            if QUARTERS.index(str(cell(sheets, "Acronyms", sheets["Acronyms"][i], "From") or "Q1"))
            <= q - 2
        ]
        if rows:
            put(sheets, "Acronyms", draw(st.sampled_from(rows)), "Until", QUARTERS[q - 2])
    elif what == "move":
        slide = draw(st.sampled_from([["objective", "o"], ["key results", "krs"], ["acronyms"]]))
        at = draw(st.integers(2, len(sheets["Slides"])))
        sheets["Slides"].insert(at, [*[*slide, None][:2], None, label])
    else:
        earlier = QUARTERS[draw(st.integers(1, q - 1)) - 1]
        sheets["Slides"].append(["key results", "krs", f"{label}-Q4", None, None, earlier])


def deck(sheets: Sheets, q: int) -> Deck:
    return read_sheets(raw(sheets), QUARTERS[q - 1])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(years())
def test_an_earlier_quarters_deck_is_the_same_whatever_later_quarters_add(
    ends: list[Sheets],
) -> None:
    for k in range(1, 4):
        own = deck(ends[k - 1], k)
        for later in range(k + 1, 5):
            assert deck(ends[later - 1], k) == own, (k, later)
        assert f"Q{k + 1} status" not in repr(deck(ends[3], k))
    for q in range(1, 5):
        results = next(s for s in deck(ends[3], q).slides if isinstance(s, KeyResultsSlide))
        krs = ends[3]["Key results"]
        assert [r.text for r in results.results] == [krs[i][1] for i in shown_results(ends[3], q)]
