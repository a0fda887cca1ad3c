"""Write the formats workbook and render its slides into docs/gallery/format-*.png.

usage: python examples/make_formats_gallery.py [--workbook-only]

The workbook, examples/formats-fy20-21.xlsx, is a quarter (Q2 FY20-21) of the Thriving Movement
tracker written with what the format says beyond the example deck, one slide each:

1. numbered lists (`1. `, nested by two spaces, beside bullets) in an objective's narrative;
2. several paragraphs in table cells: a key result's baseline, goal and statuses of two lines, a
   list in a status cell, and a goal column headed "Y2 Goal";
3. a quote beside two pictures, attributed on three lines (name, role, place);
4. highlights whose label starts before the number ("Deployed on" · "17" · "Wikipedias");
5. a metrics table whose headers the workbook writes ("Outcome", "Year goal", "Q1" … "Q4").

Its text is illustrative: written to show the format, not taken from a real deck. The pictures
are the example's illustrations (make_example_images.py). The script then builds the Q2 deck
into build/formats-q2.pptx and renders each slide with LibreOffice to
docs/gallery/format-N-NAME.png (1280 pixels wide). The workbook is the same byte for byte on
every run; the PNGs depend on the LibreOffice and fonts installed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from make_example_workbook import _fill_sheet, lines, workbook_bytes, write_atomic
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKBOOK = HERE / "formats-fy20-21.xlsx"
DECK = ROOT / "build" / "formats-q2.pptx"
GALLERY = ROOT / "docs" / "gallery"
QUARTER = "Q2"

#: The gallery's file name for each slide, in slide order.
NAMES = (
    "format-1-numbered-lists",
    "format-2-cell-paragraphs",
    "format-3-quote-beside-pictures",
    "format-4-words-before-numbers",
    "format-5-table-headers",
)

Rows = Sequence[Mapping[str, object]]

DECK_SETTINGS: Rows = [
    {"Setting": "Priority", "Value": "Thriving Movement"},
    {"Setting": "Fiscal year", "Value": "FY20-21"},
]

SLIDES: Rows = [
    {"Kind": "objective", "Key": "structured-tasks"},
    {"Kind": "key results", "Key": "growth-krs"},
    {"Kind": "image", "Key": "classroom-voices"},
    {"Kind": "highlights", "Key": "q2-numbers"},
    {"Kind": "metrics table", "Key": "metrics-editors"},
]

OBJECTIVES: Rows = [
    {
        "Key": "structured-tasks",
        "Quarter": QUARTER,
        "Title": "Newcomer Experience: Structured tasks",
        "Objective": "Give newcomers small, guided edits that lead them to stay and contribute.",
        "Narrative": lines(
            "Our three steps for Q2, in order:",
            "1. Deploy **suggested edits** to every pilot Wikipedia.",
            "2. Measure how many newcomers who finish a first task come back:",
            "  - against a control group that sees no suggestions;",
            "  - in established and in emerging markets.",
            "3. Choose the next kind of task with the Growth team:",
            "  1. add a link to an article that has too few;",
            "  2. add an image that other wikis already use.",
            "Results for each step are on the next slide.",
        ),
        "Target": "Q4 FY20-21",
        "Department": "Product",
    }
]

TABLES: Rows = [
    {
        "Key": "growth-krs",
        "Quarter": QUARTER,
        "Title": "Newcomer Experience key results",
        "Goal heading": "Y2 Goal",
        "Department": "Product",
    },
    {
        "Key": "metrics-editors",
        "Quarter": QUARTER,
        "Title": "Thriving Movement Metrics",
        "Callout": "Q2 +6.1% YoY",
        "Outcome heading": "Outcome",
        "Metric heading": "Metric",
        "Goal heading": "Year goal",
        "Q1 heading": "Q1",
        "Q2 heading": "Q2",
        "Q3 heading": "Q3",
        "Q4 heading": "Q4",
        "Footnote": "* monthly average; ^{o} established markets only",
    },
]

KEY_RESULTS: Rows = [
    {
        "Table": "growth-krs",
        "Key result": "Newcomers who make a structured edit return in their second week",
        "Baseline": lines("28% in FY19/20", "24% in emerging markets"),
        "Goal": lines("+5 points", "by Q4"),
        "Q1": lines("30%", "(+2 points)"),
        "Q2": lines("33% ↑", "(+5 points)"),
    },
    {
        "Table": "growth-krs",
        "Key result": "Emerging markets",
        "Goal": "+5 points",
        "Q1": "25%",
        "Q2": lines("29% ↑", "(+5 points)"),
        "Level": "sub",
    },
    {
        "Table": "growth-krs",
        "Key result": "Offer structured tasks on 30 Wikipedias",
        "Baseline": lines("12 Wikipedias", "(4 languages with link suggestions)"),
        "Goal": "30 Wikipedias",
        "Q1": "17 Wikipedias",
        "Q2": lines(
            "22 Wikipedias",
            "1. Arabic, Czech, Vietnamese",
            "2. Bengali, Persian",
        ),
        "Judge": "no",
    },
]

METRICS: Rows = [
    {
        "Table": "metrics-editors",
        "Outcome": "We will welcome and support newcomers.",
        "Metric": "Monthly active editors increase YoY",
        "Baseline": "99K active editors/month",
        "Goal": "+5% YoY",
        "Q1": lines("+7.3% YoY", "(89K/mo*)"),
        "Q2": lines("+6.1% YoY", "(91K/mo*)"),
    },
    {
        "Table": "metrics-editors",
        "Metric": "Established markets",
        "Goal": "+5% YoY",
        "Q1": "+6.0% YoY",
        "Q2": "+5.4% YoY ^{o}",
        "Level": "sub",
    },
    {
        "Table": "metrics-editors",
        "Metric": "Emerging markets",
        "Goal": "+5% YoY",
        "Q1": "+9.5% YoY",
        "Q2": "+4.2% YoY ↓",
        "Level": "sub",
    },
    {
        "Table": "metrics-editors",
        "Metric": "New editor retention rate increases YoY",
        "Baseline": "5.3% retained/month",
        "Goal": "+5% YoY",
        "Q1": lines("+7.5% YoY", "(5.7%/mo*)"),
        "Q2": "Measured annually Q2",
    },
]

IMAGES: Rows = [
    {
        "Key": "classroom-voices",
        "Quarter": QUARTER,
        "Title": "Reading Wikipedia in the Classroom: what teachers say",
        "Image 1": "images/fb-live-mou-signing.png",
        "Caption 1": "MOU signing, streamed on Facebook Live",
        "Image 2": "images/fb-live-teacher-training.png",
        "Caption 2": "Module 1 teacher training",
        "Quote": "The toolkit gave our teachers a way to talk about misinformation that "
        "students take part in. Every school in the district has asked to join the next "
        "cohort.",
        "Attribution": lines(
            "Ana Reyes",
            "Teacher trainer, Reading Wikipedia in the Classroom",
            "Pasay City, Philippines",
        ),
        "Department": "Community Programs",
    }
]

HIGHLIGHTS: Rows = [
    {
        "Key": "q2-numbers",
        "Quarter": QUARTER,
        "Title": "Q2 in numbers",
        "Before 1": "Deployed on",
        "Value 1": "17",
        "Label 1": "Wikipedias",
        "Value 2": "470+",
        "Label 2": "teachers trained in 3 countries",
        "Before 3": "Up",
        "Value 3": "6.1%",
        "Label 3": "active editors, year over year",
        "Before 4": "More than",
        "Value 4": "1,200",
        "Label 4": "articles about women scientists",
    }
]

_TAIL = (("Department", 14), ("Footnote", 24), ("Notes", 40))
_STATUS = (
    ("Baseline", 28),
    ("Goal", 14),
    ("Q1", 16),
    ("Q2", 16),
    ("Q3", 12),
    ("Q4", 12),
    ("Level", 8),
    ("Judge", 8),
)

SHEETS = (
    ("Deck", (("Setting", 18), ("Value", 40)), DECK_SETTINGS),
    ("Slides", (("Kind", 16), ("Key", 24)), SLIDES),
    (
        "Objectives",
        (
            ("Key", 20),
            ("Quarter", 9),
            ("Title", 30),
            ("Objective", 50),
            ("Narrative", 70),
            ("Target", 12),
            *_TAIL,
        ),
        OBJECTIVES,
    ),
    (
        "Tables",
        (
            ("Key", 20),
            ("Quarter", 9),
            ("Title", 30),
            ("Callout", 14),
            ("Outcome heading", 14),
            ("Metric heading", 14),
            ("Goal heading", 14),
            *((f"Q{i} heading", 10) for i in range(1, 5)),
            *_TAIL,
        ),
        TABLES,
    ),
    ("Key results", (("Table", 16), ("Key result", 50), *_STATUS), KEY_RESULTS),
    ("Metrics", (("Table", 18), ("Outcome", 34), ("Metric", 40), *_STATUS), METRICS),
    (
        "Images",
        (
            ("Key", 18),
            ("Quarter", 9),
            ("Title", 30),
            ("Image 1", 28),
            ("Caption 1", 24),
            ("Image 2", 28),
            ("Caption 2", 24),
            ("Quote", 50),
            ("Attribution", 30),
            *_TAIL,
        ),
        IMAGES,
    ),
    (
        "Highlights",
        (
            ("Key", 14),
            ("Quarter", 9),
            ("Title", 16),
            *(
                (f"{column} {i}", width)
                for i in range(1, 5)
                for column, width in (("Before", 12), ("Value", 8), ("Label", 22))
            ),
            *_TAIL,
        ),
        HIGHLIGHTS,
    ),
)


def build_workbook() -> Workbook:
    """The formats workbook, in memory."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, columns, rows in SHEETS:
        _fill_sheet(wb.create_sheet(name), columns, rows)
    wb.active = 0
    props = wb.properties
    props.title = "Thriving Movement tracker FY20-21: formats"
    props.creator = "tuningdeck"
    props.lastModifiedBy = "tuningdeck"
    return wb


def render_gallery(workbook: Path, deck: Path, gallery: Path) -> list[Path]:
    """Build the workbook's Q2 deck and render its slides to ``gallery/format-*.png``."""
    import tuningdeck
    from tuningdeck.preview import pngs_from_pdf, render_pdf

    tuningdeck.build(workbook, deck, quarter=QUARTER)
    out = []
    with tempfile.TemporaryDirectory(prefix="tuningdeck-formats-") as tmp:
        pdf = render_pdf(deck, Path(tmp))
        pngs = pngs_from_pdf(pdf, Path(tmp) / "png")
        if len(pngs) != len(NAMES):
            raise RuntimeError(f"{deck}: {len(pngs)} slides, expected {len(NAMES)}")
        gallery.mkdir(parents=True, exist_ok=True)
        for png, name in zip(pngs, NAMES, strict=True):
            target = gallery / f"{name}.png"
            shutil.move(png, target)
            out.append(target)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Write the workbook; unless ``--workbook-only``, build its deck and render the gallery."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--workbook-only"]):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    print(f"wrote {write_atomic(WORKBOOK, workbook_bytes(build_workbook()))}")
    if not args:
        for png in render_gallery(WORKBOOK, DECK, GALLERY):
            print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
