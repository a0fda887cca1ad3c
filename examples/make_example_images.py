"""Draw the example workbook's pictures: labelled illustrations of the reference deck's images.

usage: python examples/make_example_images.py [OUTPUT_FOLDER]

The reference deck shows screenshots (the Reply Tool on Swedish Wikipedia, a Reading Wikipedia
toolkit page, Facebook Live streams) and two charts of grant targets. Their pixels are not ours
to copy, so this script draws a stand-in for each: a plain mock-up in the Foundation's colours,
with a band across the top saying which picture it stands for ("Illustration: Reply Tool at
sv.wiki"). Chart stand-ins carry no numbers. Nothing is downloaded.

Each picture is 1600 x 1000 pixels, drawn at twice that size and scaled down for smooth edges,
and written as PNG into ``examples/images/`` (or OUTPUT_FOLDER). The files are the same on every
run with the same Pillow and fonts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tuningdeck.fonts import font_file

__all__ = ["PICTURES", "draw_picture", "main"]

HERE = Path(__file__).resolve().parent
DEFAULT_FOLDER = HERE / "images"

WIDTH, HEIGHT = 1600, 1000
SCALE = 2  # drawn at twice the size, then scaled down
BAND = 84  # the height of the label band across the top

# The Foundation's palette (wikimedia-ui-base).
TEXT = "#222222"  # Base10
TEXT_2 = "#54595d"  # Base20
TEXT_3 = "#72777d"  # Base30
RULE = "#c8ccd1"  # Base70
FILL = "#eaecf0"  # Base80
FILL_LIGHT = "#f8f9fa"  # Base90
WHITE = "#ffffff"
ACCENT = "#3366cc"
ACCENT_DARK = "#2a4b8d"
ACCENT_LIGHT = "#eaf3ff"
RED = "#dd3333"
GREEN = "#00af89"
GREEN_DARK = "#14866d"
YELLOW = "#ffcc33"

Box = tuple[float, float, float, float]


class Canvas:
    """A picture being drawn, in 1600 x 1000 coordinates whatever its pixel size."""

    def __init__(self, background: str = WHITE) -> None:
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _xy(box: Sequence[float]) -> list[float]:
        return [v * SCALE for v in box]

    def rect(
        self, box: Box, fill: str | None = None, outline: str | None = None, width: float = 0
    ) -> None:
        """A rectangle ``(left, top, right, bottom)``."""
        self.draw.rectangle(self._xy(box), fill=fill, outline=outline, width=round(width * SCALE))

    def rounded(
        self,
        box: Box,
        radius: float,
        fill: str | None = None,
        outline: str | None = None,
        width: float = 0,
    ) -> None:
        """A rectangle with rounded corners."""
        self.draw.rounded_rectangle(
            self._xy(box), radius * SCALE, fill=fill, outline=outline, width=round(width * SCALE)
        )

    def ellipse(
        self, box: Box, fill: str | None = None, outline: str | None = None, width: float = 0
    ) -> None:
        """An ellipse inside ``box``."""
        self.draw.ellipse(self._xy(box), fill=fill, outline=outline, width=round(width * SCALE))

    def line(self, points: Sequence[float], fill: str, width: float) -> None:
        """A line through ``(x0, y0, x1, y1, …)``."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * SCALE), joint="curve")

    def polygon(self, points: Sequence[float], fill: str) -> None:
        """A filled polygon through ``(x0, y0, x1, y1, …)``."""
        self.draw.polygon(self._xy(points), fill=fill)

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        size: float,
        fill: str = TEXT,
        *,
        bold: bool = False,
        heading: bool = False,
        anchor: str = "la",
    ) -> float:
        """Draw ``text`` at ``xy`` (Pillow's ``anchor``); return its width."""
        font = _font(heading, bold, size)
        self.draw.text(self._xy(xy), text, fill=fill, font=font, anchor=anchor)
        return self.draw.textlength(text, font=font) / SCALE

    def measure(self, text: str, size: float, *, bold: bool = False) -> float:
        """The width ``text`` takes in the body face at ``size``."""
        return self.draw.textlength(text, font=_font(False, bold, size)) / SCALE

    def bars(self, x: float, y: float, widths: Sequence[float], *, color: str = FILL) -> None:
        """Grey bars standing for lines of text, 26 points apart."""
        for i, w in enumerate(widths):
            self.rounded((x, y + i * 26, x + w, y + i * 26 + 12), 6, fill=color)

    def person(self, cx: float, top: float, size: float, color: str) -> None:
        """A head-and-shoulders figure ``size`` tall."""
        head = size * 0.36
        self.ellipse((cx - head / 2, top, cx + head / 2, top + head), fill=color)
        body_top = top + head * 1.08
        self.rounded(
            (cx - size * 0.36, body_top, cx + size * 0.36, top + size * 1.1),
            size * 0.3,
            fill=color,
        )

    def finish(self, label: str) -> Image.Image:
        """Add the label band and a thin frame; return the picture at its final size."""
        self.rect((0, 0, WIDTH, BAND), fill=ACCENT_DARK)
        self.rect((0, 0, 14, BAND), fill=YELLOW)
        self.text((44, BAND / 2), label, 32, WHITE, bold=True, anchor="lm")
        self.rect((0, 0, WIDTH - 1, HEIGHT - 1), outline=RULE, width=2)
        return self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


_FONTS: dict[tuple[bool, bool, float], ImageFont.FreeTypeFont] = {}


def _font(heading: bool, bold: bool, size: float) -> ImageFont.FreeTypeFont:
    key = (heading, bold, size)
    if key not in _FONTS:
        path = font_file("Montserrat" if heading else "Lato", bold=bold)
        _FONTS[key] = ImageFont.truetype(str(path), round(size * SCALE))
    return _FONTS[key]


# -- the pictures --------------------------------------------------------------------------------


def reply_tool() -> Image.Image:
    """A talk page on Swedish Wikipedia with the Reply Tool open under a comment."""
    c = Canvas(FILL_LIGHT)
    # the browser window
    c.rounded((60, 120, 1540, 960), 14, fill=WHITE, outline=RULE, width=2)
    c.rect((61, 121, 1539, 176), fill=FILL)
    for i, color in enumerate((RED, YELLOW, GREEN)):
        c.ellipse((88 + i * 30, 140, 106 + i * 30, 158), fill=color)
    c.rounded((200, 134, 1100, 164), 15, fill=WHITE)
    c.text((220, 149), "sv.wikipedia.org/wiki/Diskussion:Exempel", 18, TEXT_3, anchor="lm")
    # the page
    c.text((110, 200), "Diskussion:Exempel", 40, TEXT)
    c.line((110, 258, 1490, 258), RULE, 2)
    c.text((110, 280), "Verktygsfältet", 28, TEXT, bold=True)
    c.line((110, 322, 1490, 322), RULE, 1)
    c.bars(110, 344, (1180, 1240, 720))
    c.text((850, 408), "Signatur (diskussion)", 18, ACCENT, anchor="lm")
    c.text((1030, 408), "[svara]", 18, ACCENT, anchor="lm")
    c.bars(150, 448, (1150, 560))
    c.text((730, 486), "Signatur (diskussion)", 18, ACCENT, anchor="lm")
    # the reply widget, indented under the comment it answers
    c.rounded((190, 530, 1490, 920), 8, fill=WHITE, outline=ACCENT, width=3)
    c.rect((192, 532, 1488, 592), fill=FILL_LIGHT)
    x = 214
    for label, bold in (("B", True), ("I", False), ("A", False), ("...", False)):
        c.text((x, 562), label, 24, TEXT_2, bold=bold, anchor="lm")
        x += 48
    c.rounded((1200, 544, 1300, 580), 4, fill=ACCENT_LIGHT, outline=ACCENT, width=2)
    c.text((1250, 562), "Visual", 18, ACCENT_DARK, bold=True, anchor="mm")
    c.text((1360, 562), "Source", 18, TEXT_2, anchor="mm")
    c.line((192, 593, 1488, 593), RULE, 2)
    c.bars(220, 620, (1000, 1160, 640), color=ACCENT_LIGHT)
    c.line((220, 700, 220, 730), TEXT, 2)  # the cursor
    w = c.text((220, 790), "Advanced", 18, TEXT_3, anchor="lm")
    c.polygon((228 + w, 786, 242 + w, 786, 235 + w, 795), TEXT_3)
    c.bars(220, 830, (760,))
    c.text((1250, 880), "Cancel", 20, ACCENT, bold=True, anchor="mm")
    c.rounded((1330, 858, 1460, 902), 4, fill=ACCENT)
    c.text((1395, 880), "Reply", 20, WHITE, bold=True, anchor="mm")
    return c.finish("Illustration: Reply Tool at sv.wiki")


def learning_pathway() -> Image.Image:
    """A course's learning pathway: five steps along a path, read right to left."""
    c = Canvas(WHITE)
    c.text(
        (800, 170),
        "Module 1 · Learning Pathway",
        44,
        ACCENT_DARK,
        bold=True,
        heading=True,
        anchor="mm",
    )
    c.text((800, 228), "Reading Wikipedia in the Classroom", 26, TEXT_2, anchor="mm")
    # the path, right to left as in the Arabic version, turning back at the left
    c.line((1240, 420, 520, 420), FILL, 18)
    c.draw.arc([v * SCALE for v in (340, 420, 700, 780)], 90, 270, fill=FILL, width=18 * SCALE)
    c.line((520, 780, 1240, 780), FILL, 18)
    steps = ((1240, 420), (880, 420), (520, 420), (520, 780), (880, 780))
    colors = (ACCENT, ACCENT, ACCENT_DARK, GREEN, GREEN_DARK)
    for i, ((x, y), color) in enumerate(zip(steps, colors, strict=True), start=1):
        c.ellipse((x - 62, y - 62, x + 62, y + 62), fill=color)
        c.text((x, y), str(i), 52, WHITE, bold=True, heading=True, anchor="mm")
        c.bars(x - 110, y + 84, (220, 160))
    # the end of the path: the module's certificate
    c.ellipse((1178, 718, 1302, 842), fill=WHITE, outline=YELLOW, width=10)
    c.ellipse((1216, 756, 1264, 804), fill=YELLOW)
    c.bars(1130, 864, (220,))
    return c.finish("Illustration: Reading WP Toolkit (Arabic version) - Module 1 Learning Pathway")


def _live_stage(c: Canvas, box: Box) -> None:
    """A live video's dark stage, to draw the scene on."""
    c.rect(box, fill="#2b2f33")


def _live_overlay(c: Canvas, box: Box) -> None:
    """What a live video shows over its scene: the LIVE badge, a viewer count, the progress."""
    left, top, right, bottom = box
    c.rounded((left + 24, top + 24, left + 124, top + 64), 6, fill=RED)
    c.text((left + 74, top + 44), "LIVE", 22, WHITE, bold=True, heading=True, anchor="mm")
    c.rounded((left + 136, top + 24, left + 236, top + 64), 6, fill="#1b1e21")
    c.ellipse((left + 150, top + 36, left + 166, top + 52), fill=WHITE)
    c.rounded((left + 176, top + 38, left + 222, top + 50), 6, fill=WHITE)
    c.rect((left, bottom - 56, right, bottom), fill="#1b1e21")
    c.rounded((left + 24, bottom - 34, right - 24, bottom - 22), 6, fill="#555a5f")
    c.rounded((left + 24, bottom - 34, left + (right - left) * 0.42, bottom - 22), 6, fill=RED)


def _comments(c: Canvas, box: Box, count: int) -> None:
    """A column of viewers' comments beside a live video."""
    left, top, right, _ = box
    c.rect(box, fill=WHITE)
    c.text((left + 28, top + 36), "Comments", 24, TEXT, bold=True, anchor="lm")
    for i in range(count):
        y = top + 90 + i * 112
        c.ellipse((left + 28, y, left + 76, y + 48), fill=(ACCENT, GREEN, YELLOW, FILL)[i % 4])
        c.rounded((left + 92, y - 4, right - 28, y + 70), 14, fill=FILL_LIGHT)
        c.bars(left + 108, y + 12, (right - left - 160, (right - left) * 0.4))


def mou_signing() -> Image.Image:
    """A Facebook Live stream: two people at a table signing a memorandum, comments beside."""
    c = Canvas(FILL)
    stage = (60, 120, 1120, 950)
    _live_stage(c, stage)
    c.rect((60, 470, 1120, 520), fill="#3d4348")  # the back wall's rail
    for cx, color in ((380, ACCENT), (800, GREEN_DARK)):
        c.person(cx, 340, 300, color)
    c.polygon((140, 690, 1040, 690, 1110, 894, 70, 894), "#8a6a4a")  # the table
    c.polygon((470, 720, 700, 720, 720, 830, 450, 830), WHITE)  # the memorandum
    for i in range(4):
        c.line((490, 746 + i * 20, 680 - i * 18, 746 + i * 20), RULE, 4)
    c.line((600, 812, 660, 800), ACCENT_DARK, 4)  # a signature
    c.polygon((720, 760, 840, 700, 850, 712, 730, 772), TEXT)  # the pen
    c.rect((800, 144, 1096, 192), fill="#1b1e21")
    c.text((948, 168), "MOU signing", 24, WHITE, bold=True, anchor="mm")
    _live_overlay(c, stage)
    _comments(c, (1140, 120, 1540, 950), 6)
    return c.finish("Illustration: FB Live screenshot - MOU signing")


def teacher_training() -> Image.Image:
    """A Facebook Live stream of an online training: the trainer's slide and a participant grid."""
    c = Canvas(FILL)
    stage = (60, 120, 1120, 950)
    _live_stage(c, stage)
    # the trainer's shared slide
    c.rect((100, 200, 760, 560), fill=WHITE)
    c.rect((100, 200, 760, 256), fill=ACCENT)
    c.text((126, 228), "Module 1", 28, WHITE, bold=True, heading=True, anchor="lm")
    c.bars(130, 284, (560, 480, 520, 300))
    for i, color in enumerate((ACCENT, GREEN, YELLOW)):
        c.ellipse((150 + i * 200, 410, 250 + i * 200, 510), fill=color)
    # the trainer and the participants
    tiles = [(790, 200, 1090, 370), (790, 390, 1090, 560)]
    tiles += [(100 + i * 250, 590, 330 + i * 250, 870) for i in range(4)]
    people = (ACCENT, GREEN_DARK, ACCENT_DARK, GREEN, YELLOW, TEXT_3)
    for (left, top, right, bottom), color in zip(tiles, people, strict=True):
        c.rect((left, top, right, bottom), fill="#41464b")
        h = (bottom - top) * 0.62
        c.person((left + right) / 2, bottom - h * 1.1, h, color)
    _live_overlay(c, stage)
    _comments(c, (1140, 120, 1540, 950), 6)
    return c.finish(
        "Illustration: FB Live screenshot - Module 1 teacher training (Pasay School District)"
    )


PROGRAMS = ("Program A", "Program B", "Program C", "Program D")


ILLUSTRATIVE = "Programs and bar heights are illustrative, not the Foundation's figures."


def _bar_chart(
    c: Canvas, title: str, series: Sequence[tuple[str, str, Sequence[float]]], note: str
) -> None:
    """Bars per program on a value axis without numbers, a legend and a note."""
    c.text((800, 160), title, 36, TEXT, bold=True, heading=True, anchor="mm")
    left, top, right, bottom = 200, 260, 1480, 840
    for i in range(5):
        y = bottom - i * (bottom - top) / 4
        c.line((left, y, right, y), RULE if i else TEXT_3, 2)
    group = (right - left) / len(PROGRAMS)
    bar = group * 0.6 / len(series)
    for g, program in enumerate(PROGRAMS):
        x = left + g * group + group * 0.2
        for _, color, values in series:
            height = values[g] * (bottom - top)
            c.rect((x, bottom - height, x + bar - 6, bottom), fill=color)
            x += bar
        c.text((left + (g + 0.5) * group, bottom + 34), program, 24, TEXT_2, anchor="mm")
    widths = [34 + c.measure(name, 22) for name, _, _ in series]
    x = 800 - (sum(widths) + 48 * (len(series) - 1)) / 2
    for (name, color, _), w in zip(series, widths, strict=True):
        c.rect((x, 208, x + 24, 232), fill=color)
        c.text((x + 34, 220), name, 22, TEXT_2, anchor="lm")
        x += w + 48
    c.text((800, 930), note, 22, TEXT_3, anchor="mm")


def target_participants() -> Image.Image:
    """Grouped bars: participant and new-editor targets per grant program (no real numbers)."""
    c = Canvas(WHITE)
    _bar_chart(
        c,
        "Target Numbers for Participants and New Editors",
        (
            ("Participants", ACCENT, (0.34, 0.58, 0.46, 0.92)),
            ("New editors", GREEN, (0.16, 0.28, 0.2, 0.4)),
        ),
        ILLUSTRATIVE,
    )
    return c.finish("Illustration: Target Numbers for Participants and New Editors")


def target_content() -> Image.Image:
    """Bars: content pages created or improved per grant program (no real numbers)."""
    c = Canvas(WHITE)
    _bar_chart(
        c,
        "Target Number of Content Pages Created or Improved",
        (("Content pages", ACCENT_DARK, (0.4, 0.74, 0.5, 0.9)),),
        ILLUSTRATIVE,
    )
    return c.finish("Illustration: Target Number of Content Pages Created or Improved")


PICTURES: dict[str, Callable[[], Image.Image]] = {
    "reply-tool-sv-wiki.png": reply_tool,
    "reading-wp-toolkit-module-1.png": learning_pathway,
    "fb-live-mou-signing.png": mou_signing,
    "fb-live-teacher-training.png": teacher_training,
    "target-participants-new-editors.png": target_participants,
    "target-content-pages.png": target_content,
}
"""Every picture the example workbook names, by file name, and the function that draws it."""


def draw_picture(name: str, folder: str | Path = DEFAULT_FOLDER) -> Path:
    """Draw the picture called ``name`` into ``folder``; return its path."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    image = PICTURES[name]()
    tmp = path.with_name(f".{path.name}.tmp")
    image.save(tmp, "PNG", optimize=True)
    tmp.replace(path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Draw every picture into the folder given, or ``examples/images``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for name in PICTURES:
        print(f"wrote {draw_picture(name, args[0] if args else DEFAULT_FOLDER)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
