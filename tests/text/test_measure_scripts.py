"""Arabic, Hebrew, Hindi, Chinese and Thai text: measured widths and wrapped line counts agree
with LibreOffice's render of it (each script drawn from its own font, shaped; Thai broken between
the words of a dictionary, as LibreOffice breaks it)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from tests.render_check import RenderedDeck
from tuningdeck.preview import Page
from tuningdeck.render import default_template
from tuningdeck.render.text import write_blocks
from tuningdeck.text.markup import parse_blocks
from tuningdeck.text.measure import Block, TextStyle, _words, line_height, wrap

# Short texts of the kind a deck holds, a few with a Latin word inside, in each script.
TEXTS = {
    "arabic": [
        "دعمنا 12 مجموعة مستخدمين في شمال أفريقيا والشرق الأوسط لتنظيم مسابقات تحرير شهرية "
        "على **ويكيبيديا العربية** وعلى Wikidata.",
        "ارتفع عدد المحررين الجدد بنسبة 18% مقارنة بالربع الأول، وتأخر إطلاق أداة الترجمة "
        "بسبب نقص المراجعين في مجموعات المستخدمين المحلية.",
        "نظمت المجموعات ورشات تدريبية للمعلمين في عمّان والقاهرة والرباط، وانضم إليها أكثر من "
        "مئتي مشارك جديد خلال ثلاثة أشهر.",
        "تعمل الفرق مع الجامعات لإضافة مقالات عن النساء العالمات وعن تاريخ المدن العربية.",
    ],
    "hebrew": [
        "תמכנו ב-8 קבוצות משתמשים בארגון תחרויות כתיבה חודשיות **בוויקיפדיה העברית** "
        "וב-Wikidata, והוספנו יותר מארבע מאות ערכים חדשים.",
        "מספר העורכים החדשים עלה ב-15% לעומת הרבעון הראשון, אבל השקת כלי התרגום נדחתה בגלל "
        "מחסור בבודקים מתנדבים.",
        "הסדנאות לעורכים חדשים התקיימו בירושלים, בחיפה ובבאר שבע, ובכל אחת מהן השתתפו עשרות "
        "סטודנטים ומורים.",
        "הקבוצה עובדת עם ספריות ציבוריות כדי לסרוק תמונות היסטוריות ולהעלות אותן לוויקישיתוף.",
    ],
    "hindi": [
        "हमने उत्तर भारत के 10 सदस्य समूहों को **हिंदी विकिपीडिया** और Wikidata पर मासिक लेखन "
        "प्रतियोगिताएँ आयोजित करने में मदद की।",
        "नए संपादकों की संख्या पहली तिमाही की तुलना में 21% बढ़ी, लेकिन समीक्षकों की कमी के "
        "कारण अनुवाद उपकरण का लॉन्च टल गया।",
        "लखनऊ, पटना और भोपाल में शिक्षकों के लिए कार्यशालाएँ हुईं, जिनमें दो सौ से अधिक नए प्रतिभागी शामिल हुए।",
        "समूह विश्वविद्यालयों के साथ मिलकर महिला वैज्ञानिकों और भारतीय शहरों के इतिहास पर लेख जोड़ रहे हैं।",
    ],
    "chinese": [
        "我们支持了台湾、香港和马来西亚的9个用户组，在**中文维基百科**和Wikidata上举办每月"
        "一次的编辑马拉松。",
        "新编辑人数比第一季度增长了17%，但由于审核人员不足，翻译工具的发布被推迟到第三季度。",
        "各用户组在吉隆坡、台北和香港为教师举办了工作坊，三个月内有两百多位新参与者加入。",
        "社群正在与大学合作，撰写关于女性科学家以及各地城市历史的新条目（包括照片和地图）。",
    ],
    "thai": [
        "เราสนับสนุนกลุ่มผู้ใช้ 6 กลุ่มในภาคเหนือให้จัดการแข่งขันเขียนบทความรายเดือนบน"
        "**วิกิพีเดียภาษาไทย** และ Wikidata",
        "จำนวนผู้เขียนใหม่เพิ่มขึ้นร้อยละ 14 เมื่อเทียบกับไตรมาสแรก แต่การเปิดตัวเครื่องมือแปลล่าช้าเพราะขาดผู้ตรวจทาน",
        "กลุ่มผู้ใช้จัดอบรมครูที่เชียงใหม่ ขอนแก่น และหาดใหญ่ มีผู้เข้าร่วมใหม่มากกว่าสองร้อยคนภายในสามเดือน",
        "ชุมชนทำงานร่วมกับมหาวิทยาลัยเพื่อเขียนบทความเกี่ยวกับนักวิทยาศาสตร์หญิงและประวัติศาสตร์ของเมืองต่างๆ",
    ],
}
FACES = [("Lato", False), ("Montserrat", True), ("Lato", True), ("Montserrat", False)]
SIZES = [10, 12, 14, 18, 24]
WIDTHS = [140, 200, 260, 330, 420, 560]
ONE_LINE = 880.0  # points: the widest line the width check sets (on a 960-point slide)


def cases(script: str) -> list[tuple[str, TextStyle, float]]:
    """Each text of the script at several faces, sizes and widths: 16 paragraphs."""
    combos = itertools.cycle(itertools.product(FACES, SIZES, WIDTHS))
    out = []
    for text in TEXTS[script]:
        for (family, bold), size, width in itertools.islice(combos, 0, 4 * 7, 7):
            out.append((text, TextStyle(family, size, bold=bold), float(width)))
    return out


def line_tops(page: Page, style: TextStyle) -> list[float]:
    """The top of each rendered line: word tops further apart than half a line start a line."""
    tops = sorted(w.y0 for w in page.words if w.y0 < 480)
    return [t for i, t in enumerate(tops) if i == 0 or t - tops[i - 1] > line_height(style) / 2]


def render_cases(
    chosen: list[tuple[str, TextStyle, float]],
    path: Path,
    render_deck: Callable[[Path], RenderedDeck],
    *,
    wrap_text: bool = True,
) -> list[Page]:
    """One slide per case: the paragraph in a text box of the case's width, no insets."""
    prs = Presentation(str(default_template()))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Content")
    for text, style, width in chosen:
        (para,) = parse_blocks(text)
        slide = prs.slides.add_slide(layout)
        for ph in list(slide.placeholders):
            ph._element.getparent().remove(ph._element)
        box_width = width if wrap_text else 900.0
        box = slide.shapes.add_textbox(
            Emu(20 * 12700), Emu(36 * 12700), Emu(round(box_width * 12700)), Emu(460 * 12700)
        )
        box.text_frame.word_wrap = wrap_text
        body_pr = box.text_frame._txBody.bodyPr
        for side in ("lIns", "tIns", "rIns", "bIns"):
            body_pr.set(side, "0")
        write_blocks(
            box.text_frame, [Block(para, style)], bullet_color="000000", link_color="000000"
        )
    prs.save(str(path))
    return list(render_deck(path).pages)


@pytest.mark.parametrize("script", list(TEXTS))
def test_line_counts_match_libreoffice(
    script: str, tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    chosen = cases(script)
    pages = render_cases(chosen, tmp_path / f"{script}.pptx", render_deck)
    agree, misses = 0, []
    for (text, style, width), page in zip(chosen, pages, strict=True):
        (para,) = parse_blocks(text)
        predicted = len(wrap(para.runs, style, width))
        rendered = len(line_tops(page, style))
        agree += predicted == rendered
        if predicted != rendered:
            misses.append((style.family, style.bold, style.size, width, predicted, rendered))
        # never fewer lines planned than drawn: the text would spill out of its frame
        assert predicted >= rendered - 1, misses
    assert agree / len(chosen) >= 0.85, misses


def one_line_width(text: str, style: TextStyle) -> float:
    """The measured width of ``text`` set on one line (its pieces as the wrapper adds them)."""
    (para,) = parse_blocks(text)
    pieces = _words(para.runs, style)
    return sum(full for _, _, full in pieces[:-1]) + pieces[-1][1]


@pytest.mark.parametrize("script", list(TEXTS))
def test_widths_match_libreoffice(
    script: str, tmp_path: Path, render_deck: Callable[[Path], RenderedDeck]
) -> None:
    chosen = [
        (text, style, 0.0)
        for text in TEXTS[script]
        for (family, bold), size in zip(FACES, (10, 11, 12, 14), strict=True)
        if one_line_width(text, style := TextStyle(family, size, bold=bold)) < ONE_LINE
    ]
    assert len(chosen) >= 10
    pages = render_cases(chosen, tmp_path / f"{script}-widths.pptx", render_deck, wrap_text=False)
    errors = []
    for (text, style, _), page in zip(chosen, pages, strict=True):
        words = [w for w in page.words if w.y0 < 480]
        drawn = max(w.x1 for w in words) - min(w.x0 for w in words)
        errors.append((one_line_width(text, style) - drawn) / drawn)
    assert abs(statistics.mean(errors)) < 0.02, errors
    assert max(abs(e) for e in errors) < 0.05, errors
