"""The deck's words: today's Foundation wording by default, one setting a word, one line each."""

from __future__ import annotations

import attrs
import pytest

from tuningdeck.errors import FieldError
from tuningdeck.model import WORD_SETTINGS, Deck, Words
from tuningdeck.workbook.schema import DECK, normalise_name


def test_the_defaults_are_todays_wording() -> None:
    w = Words()
    assert w.organisation == "Wikimedia Foundation"
    assert (w.continued, w.department, w.baseline_label) == ("(cont.)", "Department:", "Baseline:")
    assert (w.overview_heading, w.progress_heading, w.deliverables_heading, w.actions_heading) == (
        "Overview:",
        "Progress/Challenges:",
        "Key Deliverables",
        "Action:",
    )
    assert (w.objective_heading, w.target_label) == ("Objective:", "Target quarter for completion:")
    assert (w.situation_heading, w.impact_heading, w.recommendation_heading) == (
        "The situation",
        "The impact",
        "The recommendation",
    )
    assert (w.original_heading, w.proposed_heading) == ("Original", "Proposed")
    assert (w.outcome_heading, w.metric_heading, w.metrics_goal_heading) == (
        "MTP Outcomes",
        "MTP Metrics",
        "Y2 Goal",
    )
    assert (w.result_heading, w.results_goal_heading) == ("Key Results", "Year Goal")
    assert w.quarter_headings == ("Q1 Status", "Q2 Status", "Q3 Status", "Q4 Status")
    assert (w.goal_label, w.change_suffix, w.acronyms_title) == ("Goal", "YoY", "Acronyms")
    assert w.quarter_names == ("Q1", "Q2", "Q3", "Q4")
    assert w.month_names[0] == "January" and w.month_short_names[-1] == "Dec"
    assert Deck([]).words == w


def test_every_word_is_one_setting_named_once() -> None:
    fields = [a.name for a in attrs.fields(Words)]
    assert [s.field for s in WORD_SETTINGS] == fields
    names = [normalise_name(s.name) for s in WORD_SETTINGS]
    assert len(set(names)) == len(names)
    # the Deck sheet lists them after its own settings, their help saying the default
    words = [s for s in DECK.settings if s.word]
    assert [(s.name, s.word) for s in words] == [(w.name, w.field) for w in WORD_SETTINGS]
    for s, w in zip(words, WORD_SETTINGS, strict=True):
        assert s.help.endswith(f"default {w.default}")
    others = {s.key for s in DECK.settings if not s.word}
    assert not others & set(names)


def test_the_continued_suffix_follows_the_title_on_later_pages() -> None:
    w = Words(continued="(suite)")
    assert [w.continued_title("Sigles", page) for page in (0, 1, 2)] == [
        "Sigles",
        "Sigles (suite)",
        "Sigles (suite)",
    ]
    assert Words(continued="").continued_title("Sigles", 1) == "Sigles"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("organisation", "Riverbend\nLibrary", '"Riverbend…" has a line break'),
        ("months", "janvier, février", '"janvier, février" names 2 months'),
        ("quarters", "T1, T2, T3", '"T1, T2, T3" names 3 quarters; expected four names'),
        ("month_abbreviations", "a, b, c, d, e, f, g, h, i, j, k, ", "names 12 months"),
        ("overview_heading", 3, "expected text, got int 3"),
    ],
)
def test_a_bad_word_names_its_field(field: str, value: object, reason: str) -> None:
    with pytest.raises(FieldError) as info:
        Words(**{field: value})
    assert info.value.field == field
    assert reason in str(info.value)


def test_words_are_trimmed_and_blank_means_no_word() -> None:
    w = Words(organisation="  Riverbend Public Library ", department="")
    assert (w.organisation, w.department) == ("Riverbend Public Library", "")
