"""What the design check found: findings per slide, a summary, as text or JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from attrs import asdict, field, frozen

__all__ = ["CHECKS", "Finding", "Report", "Severity", "SlideReport"]

Severity = Literal["fail", "note"]

CHECKS = (
    "contrast",
    "title",
    "alt-text",
    "reading-order",
    "small-text",
    "body-fill",
    "outside-frame",
    "off-slide",
    "unchecked",
)
"""Every kind of finding, in the order the summary lists them. ``unchecked`` notes what the
check could not tell (text over a picture, a deck it could not render)."""


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


def _slides(value: Iterable[SlideReport]) -> tuple[SlideReport, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Finding:
    """One thing found on a slide: which check, whether it fails the deck or is a note, and a
    sentence saying what and where."""

    slide: int
    check: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        mark = "" if self.severity == "fail" else "note: "
        return f"slide {self.slide}: {mark}{self.message}"


@frozen
class SlideReport:
    """One slide's measurements and findings.

    ``smallest_body`` and ``smallest_table`` are the smallest text sizes (pt) outside and inside
    tables (None when there is no such text); ``body_used`` the share of the body region the
    content covers (None when the slide has no body content).
    """

    number: int
    title: str
    smallest_body: float | None
    smallest_table: float | None
    body_used: float | None
    findings: tuple[Finding, ...] = field(converter=_findings, default=())

    def summary_line(self) -> str:
        """``slide 3 "Title": body ≥ 12.6 pt, tables ≥ 10 pt, body region 84% used``."""

        def pt(v: float | None) -> str:
            return "—" if v is None else f"{v:g} pt"

        used = "—" if self.body_used is None else f"{self.body_used:.0%}"
        title = f' "{self.title[:50]}"' if self.title else ""
        return (
            f"slide {self.number}{title}: smallest body text {pt(self.smallest_body)}, "
            f"table text {pt(self.smallest_table)}, body region {used} used"
        )


@frozen
class Report:
    """The design check of one deck. ``ok`` is True when nothing fails (notes allowed)."""

    path: Path
    slides: tuple[SlideReport, ...] = field(converter=_slides)
    rendered: bool
    notes: tuple[str, ...] = field(converter=_strings, default=())

    @property
    def findings(self) -> list[Finding]:
        """Every finding, slide by slide."""
        return [f for s in self.slides for f in s.findings]

    @property
    def failures(self) -> list[Finding]:
        """The findings that fail the deck."""
        return [f for f in self.findings if f.severity == "fail"]

    @property
    def ok(self) -> bool:
        """Whether the deck passes: no failures."""
        return not self.failures

    def counts(self, severity: Severity = "fail") -> dict[str, int]:
        """Findings of ``severity`` per check, every check listed."""
        found = Counter(f.check for f in self.findings if f.severity == severity)
        return {check: found.get(check, 0) for check in CHECKS}

    def failing_slides(self, check: str) -> list[int]:
        """The slides with a failure of ``check``."""
        return sorted({f.slide for f in self.failures if f.check == check})

    def to_text(self, *, measurements: bool = True) -> str:
        """The report as a person reads it: per slide its measurements (unless
        ``measurements`` is False) and one line per finding, then a summary."""
        lines = [f"{self.path}: {len(self.slides)} slides"]
        lines += [f"note: {n}" for n in self.notes]
        for s in self.slides:
            if measurements:
                lines.append(s.summary_line())
            lines += [str(f) for f in s.findings]
        fails, notes = self.counts("fail"), self.counts("note")
        parts = [f"{k} {v}" for k, v in fails.items() if k != "unchecked"]
        noted = [f"{k} {v}" for k, v in notes.items() if v]
        noted_text = f" ({', '.join(noted)})" if noted else ""
        lines.append(
            f"{len(self.failures)} failures ({', '.join(parts)}); "
            f"{sum(notes.values())} notes{noted_text}; "
            f"{'rendered with LibreOffice' if self.rendered else 'not rendered'}"
        )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``--json``)."""
        return {
            "deck": str(self.path),
            "ok": self.ok,
            "rendered": self.rendered,
            "notes": list(self.notes),
            "failures": self.counts("fail"),
            "failing_slides": {check: self.failing_slides(check) for check in CHECKS},
            "notes_by_check": self.counts("note"),
            "slides": [
                {**asdict(s, recurse=False), "findings": [asdict(f) for f in s.findings]}
                for s in self.slides
            ],
        }
