"""How adding pictures scales: tuningdeck against plain python-pptx.

    python benchmarks/bench_pictures.py [N ...]      (default: 250 500 1000)

Both sides build N slides, each with its own small picture, and save the deck. python-pptx
hashes its way through every image already in the package to find a duplicate, and names each
new image by listing them all (its issue #972), so its time per picture grows with the deck;
tuningdeck remembers the pictures it added by their SHA-1 and counts their names. tuningdeck
also reads each picture's size, fits it into the layout's region and lays out its caption.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from compare import compare
from PIL import Image as PILImage
from pptx import Presentation
from pptx.util import Inches

from tuningdeck import Deck, Image, ImageSlide
from tuningdeck.render import write_deck


def pictures(folder: Path, n: int) -> list[Path]:
    """``n`` different small PNGs."""
    out = []
    for i in range(n):
        path = folder / f"p{i}.png"
        PILImage.new("RGB", (64, 40), (i % 256, (i // 256) % 256, 120)).save(path)
        out.append(path)
    return out


def with_tuningdeck(paths: list[Path], out: Path) -> float:
    deck = Deck(
        [
            ImageSlide(title=f"Picture {i}", images=[Image(path=p, caption=f"Picture {i}")])
            for i, p in enumerate(paths)
        ]
    )
    start = time.perf_counter()
    write_deck(deck, out)
    return time.perf_counter() - start


def with_python_pptx(paths: list[Path], out: Path) -> float:
    start = time.perf_counter()
    prs = Presentation()
    layout = prs.slide_layouts[5]  # title only
    for i, path in enumerate(paths):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Picture {i}"
        slide.shapes.add_picture(str(path), Inches(1), Inches(1.5), Inches(6), Inches(3.75))
    prs.save(str(out))
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [250, 500, 1000]
    with tempfile.TemporaryDirectory() as tmp:
        paths = pictures(Path(tmp), max(sizes))
        compare(
            sizes,
            lambda n: with_python_pptx(paths[:n], Path(tmp) / "pptx.pptx"),
            lambda n: with_tuningdeck(paths[:n], Path(tmp) / "ours.pptx"),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
