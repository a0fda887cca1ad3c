"""Build one small deck per script (Arabic, Hebrew, Hindi, Chinese, Thai) and render a slide of
each into docs/gallery/script-*.png.

usage: python examples/make_scripts_gallery.py

Each deck is an affiliate's quarter written in its own language: a priority update, a key
results table and an acronyms appendix, built from the model classes (no workbook), its fixed
labels (headings, table headers, "Baseline:", the organisation's name) the deck's words in that
language. Arabic and Hebrew paragraphs run right to left, aligned right, their tables mirrored;
Hindi is shaped Devanagari; Chinese breaks between characters, Thai between the words ICU's
dictionary finds (as LibreOffice breaks it). Latin words (Wikidata, WMF) sit inside the
sentences, as they do in real decks. The texts are illustrative, written to show the scripts,
not taken from a real deck.

The decks are written to build/script-NAME.pptx, and one slide of each (the priority update in
Arabic, Hindi and Thai, the key results in Hebrew and Chinese) is rendered with LibreOffice to
docs/gallery/script-NAME.png (1280 pixels wide); the PNGs depend on the LibreOffice and fonts
installed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tuningdeck

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build"
GALLERY = ROOT / "docs" / "gallery"

#: Per script: the texts of its deck.
TEXTS: dict[str, dict[str, Any]] = {
    "arabic": {
        "words": {
            "organisation": "ويكيميديا المشرق",
            "overview_heading": "نظرة عامة:",
            "progress_heading": "التقدم والتحديات:",
            "deliverables_heading": "أهم المخرجات",
            "actions_heading": "الإجراء:",
            "result_heading": "النتائج الرئيسية",
            "results_goal_heading": "هدف العام",
            "q1_heading": "الربع 1",
            "q2_heading": "الربع 2",
            "q3_heading": "الربع 3",
            "q4_heading": "الربع 4",
            "baseline_label": "خط الأساس:",
            "on_track_label": "على المسار",
            "at_risk_label": "معرض للخطر",
            "off_track_label": "خارج المسار",
            "not_measured_label": "غير مقاس",
            "acronyms_title": "الاختصارات",
            "continued": "(تابع)",
        },
        "title": "المجتمعات المزدهرة: تحديث الربع الثاني",
        "overview": "دعمنا 12 مجموعة مستخدمين في شمال أفريقيا والشرق الأوسط لتنظيم مسابقات "
        "تحرير شهرية على **ويكيبيديا العربية** وعلى Wikidata.",
        "progress": "- ارتفع عدد المحررين الجدد بنسبة 18% مقارنة بالربع الأول.\n"
        "- تأخر إطلاق أداة الترجمة بسبب نقص المراجعين.",
        "deliverables": (
            "ورشة تدريبية عن Wikidata في عمّان",
            "دليل المحرر الجديد باللغة العربية",
            "ثلاث منح صغيرة للمجموعات المحلية",
        ),
        "actions": ("تعيين منسق للمراجعة قبل نهاية الربع الثالث",),
        "kr_title": "النتائج الرئيسية: المحررون الجدد",
        "rows": (
            ("يعود المحررون الجدد في أسبوعهم الثاني", "24% في 2020", "30%", "26%", "29% ↑", 0),
            ("مقالات جديدة عن النساء العالمات", "340 مقالة", "1000", "410", "620", 0),
            ("على ويكيبيديا المصرية", "", "200", "90", "150", 1),
        ),
        "intro": "المصطلحات المستخدمة في هذا العرض.",
        "acronyms": (
            ("WMF", "مؤسسة ويكيميديا"),
            ("OKR", "الأهداف والنتائج الرئيسية"),
            ("KR", "نتيجة رئيسية"),
            ("م.م", "مجموعة مستخدمين معترف بها"),
        ),
    },
    "hebrew": {
        "words": {
            "organisation": "ויקימדיה ישראל",
            "overview_heading": "סקירה:",
            "progress_heading": "התקדמות ואתגרים:",
            "deliverables_heading": "תוצרים עיקריים",
            "actions_heading": "פעולה:",
            "result_heading": "תוצאות מפתח",
            "results_goal_heading": "יעד שנתי",
            "q1_heading": "רבעון 1",
            "q2_heading": "רבעון 2",
            "q3_heading": "רבעון 3",
            "q4_heading": "רבעון 4",
            "baseline_label": "נקודת מוצא:",
            "on_track_label": "במסלול",
            "at_risk_label": "בסיכון",
            "off_track_label": "לא במסלול",
            "not_measured_label": "לא נמדד",
            "acronyms_title": "ראשי תיבות",
            "continued": "(המשך)",
        },
        "title": "קהילות משגשגות: עדכון הרבעון השני",
        "overview": "תמכנו ב-8 קבוצות משתמשים בארגון תחרויות כתיבה חודשיות "
        "**בוויקיפדיה העברית** וב-Wikidata.",
        "progress": "- מספר העורכים החדשים עלה ב-15% לעומת הרבעון הראשון.\n"
        "- השקת כלי התרגום נדחתה בגלל מחסור בבודקים.",
        "deliverables": (
            "סדנת Wikidata בירושלים",
            "מדריך לעורכים חדשים בעברית",
            "שלושה מענקים קטנים לקבוצות מקומיות",
        ),
        "actions": ("מינוי רכזת בדיקה עד סוף הרבעון השלישי",),
        "kr_title": "תוצאות מפתח: עורכים חדשים",
        "rows": (
            ("עורכים חדשים חוזרים בשבוע השני", "22% ב-2020", "28%", "24%", "27% ↑", 0),
            ("ערכים חדשים על מדעניות", "120 ערכים", "400", "180", "260", 0),
            ("בפריפריה", "", "100", "30", "55", 1),
        ),
        "intro": "המונחים שבמצגת זו.",
        "acronyms": (
            ("WMF", "קרן ויקימדיה"),
            ("OKR", "יעדים ותוצאות מפתח"),
            ("KR", "תוצאת מפתח"),
            ("ת״מ", "תוצאת מפתח של קבוצה"),
        ),
    },
    "hindi": {
        "words": {
            "organisation": "हिंदी विकिमीडियन",
            "overview_heading": "सारांश:",
            "progress_heading": "प्रगति/चुनौतियाँ:",
            "deliverables_heading": "मुख्य परिणाम",
            "actions_heading": "कार्रवाई:",
            "result_heading": "मुख्य परिणाम",
            "results_goal_heading": "वार्षिक लक्ष्य",
            "q1_heading": "तिमाही 1",
            "q2_heading": "तिमाही 2",
            "q3_heading": "तिमाही 3",
            "q4_heading": "तिमाही 4",
            "baseline_label": "आधार रेखा:",
            "on_track_label": "सही दिशा में",
            "at_risk_label": "जोखिम में",
            "off_track_label": "लक्ष्य से दूर",
            "not_measured_label": "मापा नहीं गया",
            "acronyms_title": "संक्षिप्ताक्षर",
            "continued": "(जारी)",
        },
        "title": "समृद्ध समुदाय: दूसरी तिमाही की प्रगति",
        "overview": "हमने उत्तर भारत के 10 सदस्य समूहों को **हिंदी विकिपीडिया** और Wikidata पर "
        "मासिक लेखन प्रतियोगिताएँ आयोजित करने में मदद की।",
        "progress": "- नए संपादकों की संख्या पहली तिमाही की तुलना में 21% बढ़ी।\n"
        "- समीक्षकों की कमी के कारण अनुवाद उपकरण का लॉन्च टल गया।",
        "deliverables": (
            "लखनऊ में Wikidata कार्यशाला",
            "हिंदी में नए संपादकों के लिए मार्गदर्शिका",
            "स्थानीय समूहों के लिए तीन छोटे अनुदान",
        ),
        "actions": ("तीसरी तिमाही के अंत तक समीक्षा समन्वयक नियुक्त करना",),
        "kr_title": "मुख्य परिणाम: नए संपादक",
        "rows": (
            ("नए संपादक दूसरे सप्ताह में लौटते हैं", "2020 में 19%", "25%", "21%", "24% ↑", 0),
            ("महिला वैज्ञानिकों पर नए लेख", "150 लेख", "500", "210", "330", 0),
            ("भोजपुरी विकिपीडिया पर", "", "80", "20", "45", 1),
        ),
        "intro": "इस प्रस्तुति में प्रयुक्त शब्द।",
        "acronyms": (
            ("WMF", "विकिमीडिया फ़ाउंडेशन"),
            ("OKR", "उद्देश्य और मुख्य परिणाम"),
            ("KR", "मुख्य परिणाम"),
            ("सं.स.", "संबद्ध सदस्य समूह"),
        ),
    },
    "chinese": {
        "words": {
            "organisation": "维基媒体中文社群",
            "overview_heading": "概述：",
            "progress_heading": "进展与挑战：",
            "deliverables_heading": "主要成果",
            "actions_heading": "行动：",
            "result_heading": "关键成果",
            "results_goal_heading": "年度目标",
            "q1_heading": "第一季度",
            "q2_heading": "第二季度",
            "q3_heading": "第三季度",
            "q4_heading": "第四季度",
            "baseline_label": "基线：",
            "on_track_label": "按计划",
            "at_risk_label": "有风险",
            "off_track_label": "偏离计划",
            "not_measured_label": "未测量",
            "acronyms_title": "缩略语",
            "continued": "（续）",
        },
        "title": "繁荣的社区：第二季度进展",
        "overview": "我们支持了台湾、香港和马来西亚的9个用户组，在**中文维基百科**和Wikidata上"
        "举办每月一次的编辑马拉松。",
        "progress": "- 新编辑人数比第一季度增长了17%。\n- 由于审核人员不足，翻译工具的发布被推迟。",
        "deliverables": (
            "在吉隆坡举办Wikidata工作坊",
            "中文新手编辑指南",
            "为本地社群提供三笔小额资助",
        ),
        "actions": ("在第三季度末前任命一位审核协调员",),
        "kr_title": "关键成果：新编辑",
        "rows": (
            ("新编辑在第二周继续编辑", "2020年为23%", "30%", "25%", "28% ↑", 0),
            ("关于女性科学家的新条目", "200篇", "600篇", "280篇", "410篇", 0),
            ("粤语维基百科", "", "150篇", "40篇", "85篇", 1),
        ),
        "intro": "本演示文稿中使用的术语。",
        "acronyms": (
            ("WMF", "维基媒体基金会"),
            ("OKR", "目标与关键成果"),
            ("KR", "关键成果"),
            ("维基", "维基百科及其姊妹项目"),
        ),
    },
    "thai": {
        "words": {
            "organisation": "ชุมชนวิกิมีเดียประเทศไทย",
            "overview_heading": "ภาพรวม:",
            "progress_heading": "ความคืบหน้าและความท้าทาย:",
            "deliverables_heading": "ผลงานหลัก",
            "actions_heading": "การดำเนินการ:",
            "result_heading": "ผลลัพธ์หลัก",
            "results_goal_heading": "เป้าหมายประจำปี",
            "q1_heading": "ไตรมาส 1",
            "q2_heading": "ไตรมาส 2",
            "q3_heading": "ไตรมาส 3",
            "q4_heading": "ไตรมาส 4",
            "baseline_label": "ค่าเริ่มต้น:",
            "on_track_label": "ตามแผน",
            "at_risk_label": "มีความเสี่ยง",
            "off_track_label": "ไม่เป็นไปตามแผน",
            "not_measured_label": "ไม่ได้วัด",
            "acronyms_title": "คำย่อ",
            "continued": "(ต่อ)",
        },
        "title": "ชุมชนที่เติบโต: ความคืบหน้าไตรมาสที่สอง",
        "overview": "เราสนับสนุนกลุ่มผู้ใช้หกกลุ่มในภาคเหนือและภาคอีสานให้จัดการแข่งขันเขียนบทความ"
        "รายเดือนบน**วิกิพีเดียภาษาไทย**และ Wikidata โดยมีครูและนักศึกษาเข้าร่วมจากหลายจังหวัด",
        "progress": "- จำนวนผู้เขียนใหม่เพิ่มขึ้นร้อยละ 14 เมื่อเทียบกับไตรมาสแรก\n"
        "- การเปิดตัวเครื่องมือแปลล่าช้าเพราะขาดผู้ตรวจทานที่มีประสบการณ์",
        "deliverables": (
            "การอบรม Wikidata สำหรับครูที่เชียงใหม่",
            "คู่มือผู้เขียนใหม่ฉบับภาษาไทย",
            "ทุนขนาดเล็กสามทุนสำหรับกลุ่มในท้องถิ่น",
        ),
        "actions": ("แต่งตั้งผู้ประสานงานการตรวจทานก่อนสิ้นไตรมาสที่สาม",),
        "kr_title": "ผลลัพธ์หลัก: ผู้เขียนใหม่",
        "rows": (
            ("ผู้เขียนใหม่ที่กลับมาแก้ไขในสัปดาห์ที่สอง", "ร้อยละ 21 ในปี 2020", "30%", "24%", "27% ↑", 0),
            ("บทความใหม่เกี่ยวกับนักวิทยาศาสตร์หญิง", "150 บทความ", "500", "210", "330", 0),
            ("บนวิกิพีเดียภาษาไทยถิ่นเหนือ", "", "120", "35", "70", 1),
        ),
        "intro": "คำศัพท์ที่ใช้ในการนำเสนอนี้",
        "acronyms": (
            ("WMF", "มูลนิธิวิกิมีเดีย"),
            ("OKR", "วัตถุประสงค์และผลลัพธ์หลัก"),
            ("KR", "ผลลัพธ์หลัก"),
            ("วิกิ", "วิกิพีเดียและโครงการพี่น้อง"),
        ),
    },
}

SCRIPTS = tuple(TEXTS)

#: The slide (1-based) of each deck the gallery shows: the priority update in Arabic, Hindi and
#: Thai, the key results table in Hebrew (mirrored) and Chinese.
GALLERY_SLIDES = {"arabic": 1, "hebrew": 2, "hindi": 1, "chinese": 2, "thai": 1}


def script_deck(script: str) -> tuningdeck.Deck:
    """The deck of ``script`` ("arabic", "hebrew", "hindi", "chinese" or "thai"): a priority update,
    key results and acronyms, for Q2."""
    t = TEXTS[script]
    rows = [
        tuningdeck.StatusRow(
            text=text,
            baseline=baseline,
            goal=target,
            statuses=(q1, q2, "", ""),
            level=level,
        )
        for text, baseline, target, q1, q2, level in t["rows"]
    ]
    return tuningdeck.Deck(
        [
            tuningdeck.PriorityUpdateSlide(
                title=t["title"],
                overview=t["overview"],
                progress=t["progress"],
                deliverables=t["deliverables"],
                actions=t["actions"],
            ),
            tuningdeck.KeyResultsSlide(title=t["kr_title"], results=rows),
            tuningdeck.AcronymsSlide(intro=t["intro"], entries=t["acronyms"]),
        ],
        words=t["words"],
        quarter="Q2",
        fiscal_year="FY20-21",
    )


def render_gallery(build: Path, gallery: Path) -> list[Path]:
    """Build every script's deck into ``build`` and render one of its slides
    (:data:`GALLERY_SLIDES`) to ``gallery/script-NAME.png``."""
    from tuningdeck.preview import pngs_from_pdf, render_pdf

    out = []
    gallery.mkdir(parents=True, exist_ok=True)
    for script in SCRIPTS:
        deck = script_deck(script).save(build / f"script-{script}.pptx")
        with tempfile.TemporaryDirectory(prefix="tuningdeck-scripts-") as tmp:
            pngs = pngs_from_pdf(render_pdf(deck, Path(tmp)), Path(tmp) / "png")
            target = gallery / f"script-{script}.png"
            shutil.move(pngs[GALLERY_SLIDES[script] - 1], target)
            out.append(target)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Build the decks and render the gallery."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for png in render_gallery(BUILD, GALLERY):
        print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
