"""DrawingML text: paragraphs (``a:p``) with their properties, and runs (``a:r``).

A paragraph's and a run's formatting are keys (:class:`ParaFormat`, :class:`RunFormat`); each
distinct one is built once and copied (see :class:`tuningdeck.oxml.core.Prototypes`).
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from tuningdeck.oxml.core import Prototypes, element, sub
from tuningdeck.oxml.ns import qn

__all__ = ["Bullet", "ParaFormat", "RunFormat", "add_run", "empty_paragraph", "paragraph", "run"]

_P = qn("a:p")
_HLINK = qn("a:hlinkClick")
_RID = qn("r:id")


class Bullet(NamedTuple):
    """A paragraph's bullet: ``kind`` none, char (``char``) or number (``start``), ``color``."""

    kind: str = "none"
    color: str = ""
    char: str = ""
    start: int = 1


class ParaFormat(NamedTuple):
    """A paragraph's properties; lengths in EMU, spacing in hundredths of a point."""

    margin: int
    indent: int
    align: str
    line: int  # line spacing, thousandths of a percent
    before: int
    after: int
    bullet: Bullet
    end_size: int  # the size of the paragraph mark, hundredths of a point
    level: int = 0  # outline level, 0-based
    rtl: bool = False  # the paragraph runs right to left
    end_lang: str = "en-US"  # the language of the paragraph mark


class RunFormat(NamedTuple):
    """A run's character properties; ``size`` in hundredths of a point, ``color`` RRGGBB."""

    size: int
    face: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    color: str | None = None
    lang: str = "en-US"
    alt_lang: str | None = None  # for East-Asian text: the language of the Latin text in it
    ea: str | None = None  # the East-Asian typeface (East-Asian text only)
    cs: str | None = None  # the complex-script typeface; None: ``face``
    tracked: bool = True  # False: no letter spacing (Arabic, Indic: their letters join)


def solid_fill(color: str) -> etree._Element:
    """``<a:solidFill>`` of an RGB colour."""
    return element("a:solidFill", None, element("a:srgbClr", {"val": color}))


def _paragraph(f: ParaFormat) -> etree._Element:
    p = element("a:p", prefixes=("a", "r"))
    attrs: dict[str, str | int] = {"marL": f.margin}
    if f.level:
        attrs["lvl"] = f.level
    attrs.update(indent=f.indent, algn=f.align)
    if f.rtl:
        attrs["rtl"] = 1
    ppr = sub(p, "a:pPr", attrs)
    sub(sub(ppr, "a:lnSpc"), "a:spcPct", {"val": f.line})
    sub(sub(ppr, "a:spcBef"), "a:spcPts", {"val": f.before})
    sub(sub(ppr, "a:spcAft"), "a:spcPts", {"val": f.after})
    b = f.bullet
    if b.kind == "number":
        sub(ppr, "a:buClr").append(element("a:srgbClr", {"val": b.color}))
        sub(ppr, "a:buSzTx")
        sub(ppr, "a:buFontTx")
        sub(ppr, "a:buAutoNum", {"type": "arabicPeriod", "startAt": b.start})
    elif b.kind == "char":
        sub(ppr, "a:buClr").append(element("a:srgbClr", {"val": b.color}))
        sub(ppr, "a:buFont", {"typeface": "Arial"})
        sub(ppr, "a:buChar", {"char": b.char})
    else:
        sub(ppr, "a:buNone")
    sub(p, "a:endParaRPr", {"lang": f.end_lang, "sz": f.end_size})
    return p


def _run(f: RunFormat) -> etree._Element:
    r = element("a:r", prefixes=("a", "r"))
    attrs: dict[str, str | int] = {"lang": f.lang}
    if f.alt_lang:
        attrs["altLang"] = f.alt_lang
    attrs.update(sz=f.size, b=int(f.bold), i=int(f.italic))
    if f.underline:
        attrs["u"] = "sng"
    if not f.tracked:
        attrs["spc"] = 0  # a letter-spaced placeholder would part joined letters
    if f.superscript:
        attrs["baseline"] = 30000
    rpr = sub(r, "a:rPr", attrs)
    if f.color:
        rpr.append(solid_fill(f.color))
    sub(rpr, "a:latin", {"typeface": f.face})
    if f.ea:
        sub(rpr, "a:ea", {"typeface": f.ea})
    sub(rpr, "a:cs", {"typeface": f.cs or f.face})
    sub(r, "a:t")
    return r


_paragraphs: Prototypes[ParaFormat] = Prototypes(_paragraph)
_runs: Prototypes[RunFormat] = Prototypes(_run)


def paragraph(f: ParaFormat) -> etree._Element:
    """A new ``<a:p>`` with properties ``f`` and its paragraph mark, no runs yet."""
    return _paragraphs(f)


def run(f: RunFormat, text: str, link: str | None = None) -> etree._Element:
    """A new ``<a:r>`` of ``text`` formatted ``f``; ``link`` a hyperlink's relationship id."""
    r = _runs(f)
    r[1].text = text
    if link is not None:
        etree.SubElement(r[0], _HLINK, {_RID: link})
    return r


def add_run(p: etree._Element, r: etree._Element) -> None:
    """Append the run ``r`` to the paragraph ``p`` (before its paragraph mark)."""
    p[-1].addprevious(r)


def empty_paragraph() -> etree._Element:
    """An ``<a:p/>`` without properties or runs."""
    return etree.Element(_P)
