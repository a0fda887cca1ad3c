"""The deck's look as data: colours, fonts, sizes and geometry, read from ``layouts/*.toml``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "Colors",
    "Fonts",
    "Geometry",
    "Names",
    "Sizes",
    "Spacing",
    "Tables",
    "Theme",
    "layouts_dir",
    "read_toml",
]


def layouts_dir() -> Path:
    """The directory holding the bundled master and its settings.

    In a wheel it is ``tuningdeck/layouts``; in a source checkout, the top-level ``layouts/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "layouts", here.parent / "layouts"):
        if (candidate / "foundation.toml").is_file():
            return candidate
    raise FileNotFoundError("tuningdeck's layouts directory is missing from the installation")


def _hex(value: str) -> str:
    value = value.strip().lstrip("#").upper()
    if len(value) != 6 or any(c not in "0123456789ABCDEF" for c in value):
        raise ValueError(f"expected a colour as six hex digits, got {value!r}")
    return value


@frozen
class Colors:
    """The palette, as ``RRGGBB`` strings."""

    text: str = field(converter=_hex)
    text_secondary: str = field(converter=_hex)
    text_muted: str = field(converter=_hex)
    rule: str = field(converter=_hex)
    band: str = field(converter=_hex)
    band_light: str = field(converter=_hex)
    background: str = field(converter=_hex)
    accent: str = field(converter=_hex)
    accent_dark: str = field(converter=_hex)
    accent_light: str = field(converter=_hex)
    red: str = field(converter=_hex)
    red_dark: str = field(converter=_hex)
    green: str = field(converter=_hex)
    green_dark: str = field(converter=_hex)
    yellow: str = field(converter=_hex)
    yellow_dark: str = field(converter=_hex)
    on_track: str = field(default="0E6E58", converter=_hex)
    """Status text: each status colour reads at 4.5:1 or more on white and on the quarter's band."""
    at_risk: str = field(default="8C5300", converter=_hex)
    off_track: str = field(default="B32424", converter=_hex)
    not_measured: str = field(default="54595D", converter=_hex)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _scripts(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))


@frozen
class Fonts:
    """Font families: Montserrat for headings, Lato for body text, and where to find them.

    ``heading`` and ``body`` may be any family: one in ``files`` (font files and folders,
    relative to the theme's TOML file), in ``packages`` (Python packages holding fonts, such as
    ``fontpkg_ibm_plex_sans``), in an installed fontpkg package, or known to fontconfig.
    ``east_asian`` and ``complex`` are the families set for East Asian and complex-script
    (Arabic, Hebrew, Indic, Thai) text; ``scripts`` names the fallback family of other scripts by
    ISO 15924 code (``Deva = "Noto Sans Devanagari"``). Creating a Fonts adds its files and
    packages to the font search and its script families to the fallbacks
    (:mod:`tuningdeck.fonts`).
    """

    heading: str
    body: str
    fallback: str = "Arial"
    east_asian: str = "Noto Sans CJK SC"
    complex: str = "Noto Sans Arabic"
    files: tuple[str, ...] = field(default=(), converter=_names)
    packages: tuple[str, ...] = field(default=(), converter=_names)
    scripts: tuple[tuple[str, str], ...] = field(default=(), converter=_scripts)

    def __attrs_post_init__(self) -> None:
        from tuningdeck.fonts import add_sources, set_script_families

        add_sources(self.files, self.packages)
        set_script_families({"Hani": self.east_asian, "Arab": self.complex, **dict(self.scripts)})


@frozen
class Sizes:
    """Type sizes in points; ``*_min`` are the floors text is never shrunk below."""

    title_slide: float
    section: float
    title: float
    heading: float
    body: float
    body_min: float
    lead: float
    lead_min: float
    small: float
    footnote: float
    wordmark: float
    wordmark_title: float
    table: float
    table_min: float
    table_header: float
    callout: float
    table_max: float | None = None
    """The largest table text may grow to when a table has room (None: ``table``)."""
    title_min: float | None = None
    """The smallest a slide title is set to stay on one line before it wraps (None: ``title``)."""
    body_max: float | None = None
    """The largest narrative text may grow to when it has room (None: ``body``)."""


@frozen
class Spacing:
    """Paragraph spacing (points) and bullet indents (inches)."""

    paragraph_after: float
    heading_before: float
    bullet_indent: float
    line: float = 1.0


@frozen
class Geometry:
    """Where things go on the slide, in inches."""

    width: float
    height: float
    margin_x: float
    title_top: float
    title_height: float
    rule_under_title: float
    body_top: float
    body_bottom: float
    footnote_top: float
    footer_rule: float
    footer_top: float
    footer_height: float
    gutter: float
    sidebar_width: float

    @property
    def content_width(self) -> float:
        """The width between the side margins."""
        return self.width - 2 * self.margin_x


def _shares(value: Iterable[float]) -> tuple[float, ...]:
    shares = tuple(float(v) for v in value)
    if abs(sum(shares) - 1.0) > 1e-6 or any(v <= 0 for v in shares):
        raise ValueError(f"column shares must be positive and add up to 1, got {shares}")
    return shares


@frozen
class Tables:
    """Table geometry: column shares, cell padding (inches) and rule width (points)."""

    metrics: tuple[float, ...] = field(converter=_shares)
    key_results: tuple[float, ...] = field(converter=_shares)
    data_label: float
    cell_padding_x: float
    cell_padding_y: float
    rule_width: float
    cell_padding_y_max: float | None = None
    """Inches of row padding a short table's rows may grow to (None: ``cell_padding_y``)."""
    fill: float = 0.0
    """The share of its region's height a table's rows are padded to fill."""

    @metrics.validator
    def _metrics(self, attribute: object, value: tuple[float, ...]) -> None:
        if len(value) != 7:
            raise ValueError("metrics needs 7 column shares: outcome, metric, goal, Q1-Q4")

    @key_results.validator
    def _key_results(self, attribute: object, value: tuple[float, ...]) -> None:
        if len(value) != 6:
            raise ValueError("key_results needs 6 column shares: key result, goal, Q1-Q4")


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, dict):
        value = value.items()
    return tuple((str(k), str(v)) for k, v in value)


def _triples(value: Any) -> tuple[tuple[str, str, str], ...]:
    if isinstance(value, dict):
        out: list[tuple[str, str, str]] = []
        for key, v in value.items():
            if isinstance(v, dict):
                out.extend((str(key), str(ours), str(theirs)) for ours, theirs in v.items())
            else:
                out.append(("", str(key), str(v)))
        return tuple(out)
    return tuple((str(a), str(b), str(c)) for a, b, c in value)


@frozen
class Names:
    """How a template names the layouts and placeholders tuningdeck fills, where its names are
    not the Foundation master's (a settings file's ``[layouts]`` and ``[placeholders]``).

    ``layouts`` pairs a layout's name (a :class:`tuningdeck.vocab.Layout` value) with the
    template's; ``placeholders`` is (layout, ours, the template's) with layout ``""`` for a name
    used on every layout, or a layout named either way for one layout's own.
    """

    layouts: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)
    placeholders: tuple[tuple[str, str, str], ...] = field(default=(), converter=_triples)

    def layout(self, ours: str) -> str:
        """The template's name for the layout called ``ours``."""
        return dict(self.layouts).get(ours, ours)

    def placeholders_on(self, layout: str) -> dict[str, str]:
        """Ours -> the template's name of the placeholders renamed on ``layout`` (our name)."""
        theirs = self.layout(layout)
        out = {ours: name for where, ours, name in self.placeholders if not where}
        out.update(
            {ours: name for where, ours, name in self.placeholders if where in (layout, theirs)}
        )
        return out


_TABLES: tuple[tuple[str, type], ...] = (
    ("colors", Colors),
    ("fonts", Fonts),
    ("sizes", Sizes),
    ("spacing", Spacing),
    ("geometry", Geometry),
    ("tables", Tables),
)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file, parsed."""
    with open(path, "rb") as f:
        return tomllib.load(f)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over``'s values over ``base``'s, table by table."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out


@frozen
class Theme:
    """A complete look. Load the bundled one with ``Theme.load()``."""

    name: str
    colors: Colors
    fonts: Fonts
    sizes: Sizes
    spacing: Spacing
    geometry: Geometry
    tables: Tables
    names: Names = field(factory=Names)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Theme:
        """Read a theme from a TOML file (default: the bundled ``foundation.toml``).

        Every table and key the file leaves out is the bundled theme's; relative paths in its
        ``[fonts] files`` are taken from the file's folder.
        """
        source = Path(path) if path is not None else layouts_dir() / "foundation.toml"
        data = cls.settings(path)
        return cls.from_dict(data, source=str(source), base=source.resolve().parent)

    @staticmethod
    def settings(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
        """A settings file's tables over the bundled ``foundation.toml``'s, as parsed TOML."""
        base = read_toml(layouts_dir() / "foundation.toml")
        return base if path is None else _merged(base, read_toml(Path(path)))

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, source: str = "theme", base: Path | None = None
    ) -> Theme:
        """Build a theme from parsed TOML, naming the table and key of anything wrong.

        Relative paths in ``[fonts] files`` are taken from ``base`` (the TOML file's folder;
        default the current directory).
        """
        fonts = data.get("fonts")
        if isinstance(fonts, dict) and "files" in fonts:
            root = base if base is not None else Path.cwd()
            data = {
                **data,
                "fonts": {**fonts, "files": [str(root / f) for f in _names(fonts["files"])]},
            }
        parts: dict[str, Any] = {}
        for key, kind in _TABLES:
            table = data.get(key)
            if not isinstance(table, dict):
                raise ValueError(f"{source}: missing table [{key}]")
            try:
                parts[key] = kind(**table)
            except (TypeError, ValueError) as e:
                raise ValueError(f"{source}: [{key}]: {e}") from e
        for key in ("layouts", "placeholders"):
            if not isinstance(data.get(key, {}), dict):
                raise ValueError(f"{source}: [{key}] must be a table of names")
        names = Names(data.get("layouts", {}), data.get("placeholders", {}))
        return cls(name=str(data.get("name", "")), names=names, **parts)
