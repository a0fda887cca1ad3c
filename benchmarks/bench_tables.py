"""How building table slides scales: tuningdeck against plain python-pptx.

    python benchmarks/bench_tables.py [N ...]      (default: 250 500 1000 2000)

Both sides build N slides, each with a 7 × 6 table of key results (text in every cell), and save
the deck. python-pptx searches every part and relationship of the package for each slide it adds
(its issues #644 and #972), so its time per slide grows with the deck; tuningdeck counts part
names and writes each slide's XML into the zip as soon as it is drawn, and also measures and
lays out every table.

Prints, per N, both times, their ratio, and how each grows from the previous N: a growth factor
of 2.0 for twice the slides is linear.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from compare import compare
from pptx import Presentation
from pptx.util import Inches

from tuningdeck import Deck, KeyResultsSlide, StatusRow
from tuningdeck.render import write_deck

ROWS = 6
STATUSES = ["+7.3% YoY (89K/mo*)", "-", "-", "-"]


def rows() -> list[StatusRow]:
    return [
        StatusRow(
            text=f"KR{i}: Ensure 65% of all grants are from communities that are not well "
            "established",
            baseline="64% of grants",
            goal="66%",
            statuses=STATUSES,
        )
        for i in range(ROWS)
    ]


def with_tuningdeck(n: int, out: Path) -> float:
    deck = Deck(
        [KeyResultsSlide(title=f"Key results {i}", results=rows()) for i in range(n)], quarter="Q1"
    )
    start = time.perf_counter()
    write_deck(deck, out)
    return time.perf_counter() - start


def with_python_pptx(n: int, out: Path) -> float:
    start = time.perf_counter()
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts[5]  # title only
    for i in range(n):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Key results {i}"
        table = slide.shapes.add_table(ROWS + 1, 6, Inches(0.6), Inches(1.5), Inches(12), Inches(5))
        table = table.table
        for j, head in enumerate(["Key Results", "Year Goal", "Q1", "Q2", "Q3", "Q4"]):
            table.cell(0, j).text = head
        for r, row in enumerate(rows(), start=1):
            cells = [f"{row.text}\nBaseline: {row.baseline}", row.goal, *row.statuses]
            for j, text in enumerate(cells):
                table.cell(r, j).text = text
    prs.save(str(out))
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [250, 500, 1000, 2000]
    with tempfile.TemporaryDirectory() as tmp:
        compare(
            sizes,
            lambda n: with_python_pptx(n, Path(tmp) / "pptx.pptx"),
            lambda n: with_tuningdeck(n, Path(tmp) / "ours.pptx"),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
