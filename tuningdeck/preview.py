"""See a deck as a person would: LibreOffice renders it to PDF, poppler to PNGs and word boxes.

Needs LibreOffice Impress (``soffice``) and poppler-utils (``pdftoppm``, ``pdftotext``). Run
``python -m tuningdeck.preview DECK.pptx OUTDIR`` to write one PNG per slide.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Page",
    "PreviewError",
    "Word",
    "main",
    "pngs_from_pdf",
    "render_pdf",
    "render_pdfs",
    "render_pngs",
    "word_boxes",
]

_INSTALL_HINT = {
    "soffice": "install LibreOffice Impress (Debian: apt-get install libreoffice-impress)",
    "pdftoppm": "install poppler (Debian: apt-get install poppler-utils)",
    "pdftotext": "install poppler (Debian: apt-get install poppler-utils)",
}


class PreviewError(RuntimeError):
    """A deck could not be rendered: a tool is missing, failed or took too long."""


class Word(NamedTuple):
    """One word on a rendered page: its box in points from the top left, and its text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def center(self) -> tuple[float, float]:
        """The middle of the word's box."""
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Page:
    """One rendered slide: its size in points and the words on it, in reading order."""

    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        """The page's words joined by spaces."""
        return " ".join(w.text for w in self.words)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if name == "soffice" and found is None:
        found = shutil.which("libreoffice")
    if found is None:
        raise PreviewError(f"{name} was not found on PATH: {_INSTALL_HINT[name]}")
    return found


def _run(cmd: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` in its own process group, killing the whole group if it runs too long."""
    with subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PreviewError(
                f"{Path(cmd[0]).name} took longer than {timeout:g} s: {' '.join(cmd)}"
            ) from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def render_pdf(pptx: Path, outdir: Path, *, timeout: float = 300) -> Path:
    """Convert ``pptx`` to ``outdir/<stem>.pdf`` with LibreOffice and return the PDF's path.

    Each call uses a private, throw-away LibreOffice profile, so it neither disturbs nor waits for
    a LibreOffice the user has open. Raises PreviewError when soffice is missing or fails.
    """
    pptx = Path(pptx).resolve()
    if not pptx.is_file():
        raise FileNotFoundError(pptx)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    (pdf,) = _convert([pptx], outdir.resolve(), timeout=timeout)
    return pdf


def render_pdfs(decks: Sequence[Path], *, timeout: float = 900) -> list[Path]:
    """Convert every deck to a PDF beside it, with one LibreOffice run per folder.

    Starting LibreOffice is most of the cost of converting a deck, so a batch shares one start.
    Raises PreviewError when soffice is missing or a PDF is not written.
    """
    by_folder: dict[Path, list[Path]] = {}
    for deck in decks:
        p = Path(deck).resolve()
        by_folder.setdefault(p.parent, []).append(p)
    return [pdf for folder, group in by_folder.items() for pdf in _convert(group, folder, timeout)]


def _convert(decks: list[Path], outdir: Path, timeout: float) -> list[Path]:
    """One LibreOffice run converting ``decks`` to PDFs in ``outdir``, with a throw-away
    profile; the PDFs, or PreviewError naming the first that was not written."""
    soffice = _tool("soffice")
    pdfs = [outdir / f"{p.stem}.pdf" for p in decks]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="tuningdeck-lo-") as profile:
        proc = _run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, decks),
            ],
            timeout=timeout,
        )
    for deck, pdf in zip(decks, pdfs, strict=True):
        if proc.returncode != 0 or not pdf.is_file():
            detail = (proc.stderr or proc.stdout).strip()
            raise PreviewError(
                f"LibreOffice could not convert {deck.name} to PDF (exit {proc.returncode}): "
                f"{detail}"
            )
    return pdfs


def pngs_from_pdf(
    pdf: Path, outdir: Path, *, width: int = 1280, prefix: str = "slide", timeout: float = 300
) -> list[Path]:
    """Write one PNG per page of ``pdf``, ``width`` pixels wide, as ``outdir/slide-01.png`` ...

    PNGs of an earlier rendering with the same prefix are removed first, so the directory holds
    exactly the pages of this PDF. Returns the PNGs in page order.
    """
    pdftoppm = _tool("pdftoppm")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for stale in outdir.glob(f"{prefix}-*.png"):
        stale.unlink()
    with tempfile.TemporaryDirectory(prefix="tuningdeck-png-") as tmp:
        cmd = [pdftoppm, "-png", "-scale-to-x", str(width), "-scale-to-y", "-1"]
        proc = _run([*cmd, str(pdf), str(Path(tmp) / "page")], timeout=timeout)
        if proc.returncode != 0:
            raise PreviewError(f"pdftoppm failed on {pdf}: {proc.stderr.strip()}")
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        out = []
        for number, page in enumerate(pages, start=1):
            target = outdir / f"{prefix}-{number:02d}.png"
            shutil.move(page, target)
            out.append(target)
    return out


def render_pngs(pptx: Path, outdir: Path, *, width: int = 1280) -> list[Path]:
    """Render ``pptx`` to one PNG per slide in ``outdir`` (``slide-01.png`` ...); return them.

    Older ``slide-*.png`` files in ``outdir`` are removed first.
    """
    with tempfile.TemporaryDirectory(prefix="tuningdeck-pdf-") as tmp:
        pdf = render_pdf(Path(pptx), Path(tmp))
        return pngs_from_pdf(pdf, outdir, width=width)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
)


def word_boxes(pdf: Path, *, timeout: float = 120) -> list[Page]:
    """Every page of ``pdf`` with its words' boxes (points, from the top left), by pdftotext."""
    proc = _run([_tool("pdftotext"), "-bbox", str(pdf), "-"], timeout=timeout)
    if proc.returncode != 0:
        raise PreviewError(f"pdftotext failed on {pdf}: {proc.stderr.strip()}")
    pages = []
    for width, height, body in _PAGE.findall(proc.stdout):
        words = tuple(
            Word(float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in _WORD.findall(body)
        )
        pages.append(Page(float(width), float(height), words))
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: render a deck to one PNG per slide and print their paths."""
    parser = argparse.ArgumentParser(
        prog="python -m tuningdeck.preview",
        description="Render a .pptx to one PNG per slide (slide-01.png ...) with LibreOffice.",
    )
    parser.add_argument("deck", type=Path, help="the .pptx to render")
    parser.add_argument("outdir", type=Path, help="directory for the PNGs (old ones are removed)")
    parser.add_argument("--width", type=int, default=1280, help="width in pixels (1280)")
    args = parser.parse_args(argv)
    try:
        pngs = render_pngs(args.deck, args.outdir, width=args.width)
    except (PreviewError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for png in pngs:
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
