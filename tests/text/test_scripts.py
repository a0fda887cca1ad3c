"""Scripts of characters and runs, runs split where the script changes, paragraph direction,
and where Chinese, Japanese, Thai, Lao and Khmer lines may break."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuningdeck.text import breaks, icu
from tuningdeck.text.breaks import autospaces, cjk_pieces, clusters, word_pieces
from tuningdeck.text.markup import Run, parse_inline
from tuningdeck.text.measure import TextStyle, wrap
from tuningdeck.text.scripts import (
    font_slot,
    language,
    paragraph_direction,
    run_script,
    script_of,
    split_scripts,
)


@pytest.mark.parametrize(
    ("ch", "script"),
    [
        ("a", "latin"),
        ("é", "latin"),
        ("Ж", "latin"),
        ("ب", "arabic"),
        ("ﻻ", "arabic"),
        ("ש", "hebrew"),
        ("ܐ", "syriac"),
        ("ދ", "thaana"),
        ("ह", "devanagari"),
        ("ি", "bengali"),
        ("ก", "thai"),
        ("中", "han"),
        ("𠀋", "han"),
        ("の", "hiragana"),
        ("カ", "katakana"),
        ("한", "hangul"),
        ("1", None),
        ("٣", None),
        (" ", None),
        ("،", None),
        ("%", None),
    ],
)
def test_script_of(ch: str, script: str | None) -> None:
    assert script_of(ch) == script


def test_font_slots() -> None:
    assert [font_slot(s) for s in ("latin", None, "arabic", "hebrew", "devanagari", "thai")] == [
        "latin",
        "latin",
        "cs",
        "cs",
        "cs",
        "cs",
    ]
    assert {font_slot(s) for s in ("han", "hiragana", "katakana", "hangul")} == {"ea"}


def test_languages() -> None:
    assert language("arabic", "مرحبا") == "ar-SA"
    assert language("arabic", "گزارش سه ماهه") == "fa-IR"
    assert language("hebrew") == "he-IL"
    assert language("devanagari") == "hi-IN"
    assert language("han") == "zh-CN"
    assert language("latin") is None
    assert language(None) is None


def test_a_mixed_paragraph_keeps_each_runs_script() -> None:
    runs = parse_inline("ورشة عن Wikidata في **عمّان** 2021")
    split = split_scripts(runs)
    assert [r.text for r in split] == ["ورشة عن ", "Wikidata ", "في ", "عمّان", " 2021"]
    assert [run_script(r.text) for r in split] == [
        "arabic",
        "latin",
        "arabic",
        "arabic",
        None,
    ]
    assert [r.bold for r in split] == [False, False, False, True, False]
    assert "".join(r.text for r in split) == "".join(r.text for r in runs)


def test_shared_characters_join_the_text_before_them() -> None:
    (run,) = split_scripts([Run("2021: تحديث")])  # leading digits join the Arabic after them
    assert run.text == "2021: تحديث"
    assert [r.text for r in split_scripts([Run("新编辑增长了17%。Wikidata上")])] == [
        "新编辑增长了17%。",
        "Wikidata",
        "上",
    ]
    assert [r.text for r in split_scripts([Run("ひらがなとカタカナと漢字")])] == [
        "ひらがなとカタカナと漢字"
    ]


def test_runs_in_one_script_are_kept_as_they_are() -> None:
    runs = (Run("Plain English", bold=True), Run("עברית בלבד"))
    split = split_scripts(runs)
    assert split == runs
    assert split[0] is runs[0]


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("تحديث الربع الثاني", "rtl"),
        ("2021: تحديث", "rtl"),
        ("«עדכון» Wiki", "rtl"),
        ("Wikidata في عمّان", "ltr"),
        ("हिंदी विकिपीडिया", "ltr"),
        ("中文维基百科", "ltr"),
        ("30%", "ltr"),
        ("", "ltr"),
        ("\u2067Wiki\u2069 שלום", "rtl"),  # text inside an isolate does not count (P2)
    ],
)
def test_paragraph_direction(text: str, direction: str) -> None:
    assert paragraph_direction(text) == direction


def test_cjk_breaks_between_characters_but_not_against_kinsoku() -> None:
    assert cjk_pieces("新编辑（第二周）留存率。") == [
        "新",
        "编",
        "辑",
        "（第",
        "二",
        "周）",
        "留",
        "存",
        "率。",
    ]
    # Japanese: no line starts with a small kana or a prolonged sound mark
    assert cjk_pieces("ウィキペディア") == ["ウィ", "キ", "ペ", "ディ", "ア"]
    assert cjk_pieces("データー") == ["デー", "ター"]
    # Latin words inside stay whole; their edges next to CJK text may break
    assert cjk_pieces("在Wikidata上") == ["在", "Wikidata", "上"]
    assert cjk_pieces("newcomer-friendly ") == ["newcomer-friendly "]
    assert cjk_pieces("مرحبا ") == ["مرحبا "]


def test_autospaces_between_cjk_and_latin() -> None:
    text = "的9个在Wikidata上。"
    assert autospaces(text, 0, len(text)) == 4
    assert autospaces("中文维基百科", 0, 6) == 0
    assert autospaces(text, 2, 3) == 1  # 9|个


@given(
    st.lists(
        st.tuples(
            st.text(
                alphabet=st.sampled_from("ab 1%،ت ب中文。ש-हि्ंกา\u200c"), min_size=1, max_size=12
            ),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_split_runs_keep_their_text_and_style_and_hold_one_script(
    parts: list[tuple[str, bool]],
) -> None:
    runs = [Run(text, bold=bold) for text, bold in parts]
    split = split_scripts(runs)
    assert "".join(r.text for r in split) == "".join(r.text for r in runs)
    assert [r.bold for r in split for _ in r.text] == [r.bold for r in runs for _ in r.text]
    for r in split:
        scripts = {script_of(ch) for ch in r.text} - {None}
        scripts = {"han" if s in ("hiragana", "katakana") else s for s in scripts}
        assert len(scripts) <= 1, r.text


def test_compared_words_take_other_scripts_letter_by_letter() -> None:
    from tuningdeck.text.tokens import compared_words, signs_apart

    # pdftotext gives Arabic in drawing order, cut into clusters, presentation forms and all
    slide = list(compared_words("ورشة عن Wikidata"))
    drawn = list(compared_words("ةشرو نع Wikidata"))
    assert sorted(slide) == sorted(drawn) and "wikidata" in slide
    assert list(compared_words("\ufefb")) == ["ل", "ا"]  # the lam-alef ligature, NFKC
    # Devanagari marks are left out, CJK breaks between characters, Latin words stay whole
    assert list(compared_words("हिंदी")) == ["ह", "द"]
    assert list(compared_words("2020年为23%")) == ["2020", "年", "为", "23%"]
    assert list(compared_words("newcomer-friendly, 89K/mo*")) == [
        "newcomer",
        "friendly",
        "89k",
        "mo",
    ]
    assert [t for w in ("18%", "%18") for t in signs_apart(w)] == ["18", "%", "18", "%"]


@pytest.mark.skipif(icu._icu() is None, reason="no ICU library (LibreOffice brings one)")
def test_thai_lao_and_khmer_break_between_dictionary_words() -> None:
    assert word_pieces("ประเทศไทยเป็นสิ่งสำคัญ") == ["ประเทศไทย", "เป็น", "สิ่ง", "สำคัญ"]
    assert "".join(word_pieces("ຂ້ອຍຮັກພາສາລາວ ")) == "ຂ້ອຍຮັກພາສາລາວ "
    assert len(word_pieces("ຂ້ອຍຮັກພາສາລາວ")) > 1
    assert len(word_pieces("ខ្ញុំស្រលាញ់ភាសាខ្មែរ")) > 1
    # the trailing space stays with the last word; a word of other scripts is not cut
    assert word_pieces("สำคัญมาก ")[-1].endswith(" ")
    assert word_pieces("Wikipedia") == ["Wikipedia"]
    assert word_pieces("विकिपीडिया") == ["विकिपीडिया"]
    # indices past an astral character are string indices, not UTF-16 units
    assert "".join(word_pieces("𝐀ประเทศไทยเป็น")) == "𝐀ประเทศไทยเป็น"


def test_without_icu_a_thai_word_stays_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(breaks, "line_breaks", lambda text, language="th": None)
    assert word_pieces("ประเทศไทยเป็นสิ่งสำคัญ") == ["ประเทศไทยเป็นสิ่งสำคัญ"]


def test_a_long_word_is_broken_between_clusters_never_inside_one() -> None:
    assert list(clusters("สำหรับ")) == ["สำ", "ห", "รั", "บ"]
    assert list(clusters("เป็น")) == ["เป็", "น"]  # a preposed vowel begins its cluster
    assert list(clusters("नमस्ते")) == ["न", "म", "स्", "ते"]
    assert list(clusters("e\u0301te\u0301")) == ["e\u0301", "t", "e\u0301"]
    assert list(clusters("👩\u200d💻x")) == ["👩\u200d💻", "x"]
    style = TextStyle("Lato", 14)
    lines = wrap(parse_inline("สำหรับสำหรับสำหรับสำหรับสำหรับสำหรับ"), style, 30)
    assert len(lines) > 1
    for line in lines:  # no line starts with a mark
        assert not unicodedata.category(line[0]).startswith("M") and line[0] != "\u0e33"
