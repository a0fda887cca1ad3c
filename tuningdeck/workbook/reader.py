"""Read a tracker workbook into a :class:`~tuningdeck.model.Deck` for one quarter.

Reading goes in three steps: load the known sheets' cells from the file
(:mod:`~tuningdeck.workbook.xlsx`), read each sheet's rows as
:mod:`~tuningdeck.workbook.schema` declares them, then walk the Slides sheet and build each of
the quarter's slides with its kind's builder (:mod:`~tuningdeck.workbook.kinds`). Every cell of
every known sheet is checked whatever the quarter, and so are the keys a sheet's rows name in
another and each kind's checks across rows; the rows a slide names are looked up only for the
slides the quarter shows. Every problem found is reported at once, each once, in one
:class:`~tuningdeck.errors.WorkbookError`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import string
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs
from attrs import define, frozen

from tuningdeck.errors import FieldError, InputError, Problem, WorkbookError, WorkbookWarning
from tuningdeck.model import Deck, FiscalYear, Quarter, Slide, Words
from tuningdeck.model.fields import NOT_XML, check_xml_chars
from tuningdeck.workbook.cells import (
    CellError,
    RawCell,
    blank_value,
    is_blank,
    parse_span,
    read_cell,
)
from tuningdeck.workbook.kinds import KINDS
from tuningdeck.workbook.ooxml import column_letter
from tuningdeck.workbook.rows import (
    CellRefs,
    KeyUse,
    Reported,
    Row,
    RowError,
    RowErrors,
    SheetRows,
    SlideKind,
    SlideSource,
    did_you_mean,
    key_id,
    short,
)
from tuningdeck.workbook.schema import DECK, CellKind, SheetSpec, normalise_name
from tuningdeck.workbook.sheets import SHEETS, SLIDES, sheet_spec
from tuningdeck.workbook.versions import Versioned, resolve
from tuningdeck.workbook.xlsx import RawSheet, load_sheets

__all__ = ["quarters_with_text", "read_sheets", "read_workbook"]

MAX_SLIDES = 10_000
"""The most Slides rows one quarter's deck may show."""

DEFAULT_TITLE = "{priority} Tuning Session {quarter} {fiscal_year}"
"""The title slide's text when the Deck sheet has no Title setting."""

_TITLE_NAMES = ("priority", "quarter", "fiscal_year")


def read_workbook(
    path: str | os.PathLike[str],
    quarter: Quarter | str | None = None,
    *,
    picture_folders: Iterable[str | os.PathLike[str]] = (),
) -> Deck:
    """Read the workbook at ``path`` into the deck for ``quarter`` (``"Q2"``).

    With no ``quarter``, the latest quarter that any narrative sheet has a row for is built.
    Pictures must lie in the workbook's folder (or below it), or in one of ``picture_folders``.

    Raise :class:`~tuningdeck.errors.WorkbookError` listing every problem found, each at its
    ``Sheet!Cell``; warn (:class:`~tuningdeck.errors.WorkbookWarning`) about what is ignored,
    such as columns the reader does not know. Raise :class:`~tuningdeck.errors.InputError` for a
    ``quarter`` that is not Q1–Q4.
    """
    with _no_collection():
        return read_sheets(
            load_sheets(path),
            quarter,
            folder=Path(os.path.abspath(path)).parent,
            path=str(path),
            picture_folders=picture_folders,
        )


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a workbook is read: its rows and cells
    are many small objects without cycles, which every collection would walk again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def read_sheets(
    raw: Mapping[str, RawSheet],
    quarter: Quarter | str | None = None,
    *,
    folder: Path = Path(),
    path: str = "",
    picture_folders: Iterable[str | os.PathLike[str]] = (),
) -> Deck:
    """Read sheets already loaded (by compared sheet name, as :func:`load_sheets` gives them)
    into the deck for ``quarter``; see :func:`read_workbook`. ``folder`` is where paths in cells
    are relative to, ``path`` names the workbook in messages."""
    if quarter is None:
        quarter = _latest_quarter(raw, path)
    try:
        q = Quarter.parse(quarter)
    except ValueError as exc:
        raise InputError(f'bad quarter "{quarter}"; expected Q1, Q2, Q3 or Q4') from exc
    reading = _Reading(raw, q, folder=folder, picture_folders=tuple(map(Path, picture_folders)))
    deck = reading.deck()
    for message in reading.warnings:
        warnings.warn(WorkbookWarning(message), stacklevel=3)
    if deck is None:
        raise WorkbookError(reading.problems, path=path)
    return deck


def quarters_with_text(path: str | os.PathLike[str]) -> list[Quarter]:
    """Q1 up to the latest quarter any narrative sheet has a row for: the decks a year has so far.

    Raises :class:`~tuningdeck.errors.WorkbookError` when no sheet names a quarter.
    """
    return [q for q in Quarter if q <= _latest_quarter(load_sheets(path), path)]


def _latest_quarter(raw: Mapping[str, RawSheet], path: str | os.PathLike[str]) -> Quarter:
    """The latest quarter named in the Quarter column of any keyed sheet."""
    found: set[Quarter] = set()
    for spec in SHEETS:
        sheet = raw.get(spec.key)
        if not spec.keyed or sheet is None or not sheet.rows:
            continue
        heads = [normalise_name(c.value) for c in sheet.rows[0]]
        if "quarter" not in heads:
            continue
        col = heads.index("quarter")
        for row in sheet.rows[1:]:
            value = row[col].value if col < len(row) else None
            if isinstance(value, str):
                try:
                    found.add(parse_span(value).first)
                except CellError:
                    continue  # reported when the sheet is read
    if not found:
        raise WorkbookError(
            [
                Problem(
                    Path(path).name,
                    None,
                    "no quarter given and no sheet has a row for Q1-Q4; pass --quarter",
                )
            ],
            path=str(path),
        )
    return max(found)


# -- step 2: the sheets -------------------------------------------------------------------------


@frozen
class _Sheet:
    """A sheet read as its spec declares: its rows, and whether its header lacked a column.

    ``versions`` says which rows hold in which quarter (None for a sheet without versions).
    """

    spec: SheetSpec
    title: str
    rows: tuple[Row, ...]
    broken: bool
    versions: Versioned | None = None

    def at(self, quarter: Quarter) -> tuple[Row, ...]:
        """The rows shown in ``quarter``."""
        return self.rows if self.versions is None else self.versions.at(quarter)


@define
class _Reading:
    """One reading of a workbook for one quarter: the sheets read, problems and warnings found."""

    raw: Mapping[str, RawSheet]
    quarter: Quarter
    folder: Path = Path()
    """The workbook's folder, which paths in its cells are relative to."""
    picture_folders: tuple[Path, ...] = ()
    problems: list[Problem] = attrs.Factory(list)
    warnings: list[str] = attrs.Factory(list)
    sheets: dict[str, _Sheet] = attrs.Factory(dict)
    missing_asked: set[str] = attrs.Factory(set)
    keys: dict[str, frozenset[str]] = attrs.Factory(dict)
    views: dict[Quarter, dict[str, tuple[Row, ...]]] = attrs.Factory(dict)
    picks: dict[tuple[str, Quarter], dict[str, Row]] = attrs.Factory(dict)
    whole: dict[str, SheetRows] = attrs.Factory(dict)
    """The rows of each sheet that shows the same rows in every quarter."""

    def hint(self, sheet: str) -> str:
        """`` (did you mean "Objectivs"?)`` for a missing sheet that another's name is close to."""
        known = {s.key for s in SHEETS}
        return did_you_mean(sheet, [r.title for k, r in self.raw.items() if k not in known])

    def problem(self, sheet: str, cell: str | None, message: str) -> None:
        """Add a problem to the report, unless it is there already."""
        found = Problem(sheet, cell, message)
        if found not in self.problems:
            self.problems.append(found)

    # the whole workbook

    def deck(self) -> Deck | None:
        """The deck, or None when there were problems."""
        for spec in SHEETS:
            raw = self.raw.get(spec.key)
            if raw is not None:
                self.sheets[spec.name] = self.read_sheet(spec, raw)
            elif spec.required:
                self.problem(
                    spec.name,
                    None,
                    f"sheet missing{self.hint(spec.name)}; expected a sheet named "
                    f"{spec.name} with columns {spec.header}",
                )
        self.check_references()
        self.check_rows()
        words = self.read_words()
        settings, fiscal_year, title = self.read_settings(words)
        slides = self.read_slides(settings, title, fiscal_year, words)
        if self.problems:
            return None
        return Deck(slides, quarter=self.quarter, fiscal_year=fiscal_year, title=title, words=words)

    # one sheet

    def read_sheet(self, spec: SheetSpec, raw: RawSheet) -> _Sheet:
        header = raw.rows[0] if raw.rows else ()
        columns, broken = self.read_header(spec, raw.title, header)
        kinds = tuple(k.name for k in KINDS.values())
        # per column, worked out once: every column's blank value, and for those the sheet has,
        # where each is, its letter and whether its cells are plain text (read here at once)
        blanks = {c.key: blank_value(c) for c in spec.columns}
        letters = {
            c.key: column_letter(columns[c.key] + 1) for c in spec.columns if c.key in columns
        }
        plan = [
            (c, c.key, columns[c.key], c.kind is CellKind.TEXT, c.kind is CellKind.KEY, c.required)
            for c in spec.columns
            if c.key in columns
        ]
        present = [i for _, _, i, _, _, _ in plan]
        bad_char = NOT_XML.search
        texts_read: dict[str, str] = {}
        keys_read: dict[str, str] = {}
        rows: list[Row] = []
        for number, cells in enumerate(raw.rows[1:], start=2):
            n = len(cells)
            for i in present:  # read when a known column's cell is not blank (see is_blank)
                if i < n:
                    v = cells[i].value
                    if cells[i].data_type == "e" or not (
                        v is None or (isinstance(v, str) and not v.strip())
                    ):
                        break
            else:
                continue  # a blank row
            values = blanks.copy()
            ok = True
            for col, key, i, text, key_text, required in plan:
                if i >= n:
                    value = values[key]
                else:
                    cell = cells[i]
                    v = cell.value
                    if (text or key_text) and cell.data_type == "s" and type(v) is str:
                        # a text cell, as read_cell reads it, without the calls; a text the
                        # sheet repeats (a table's key, a status) is read once
                        memo = keys_read if key_text else texts_read
                        value = memo.get(v)
                        if value is not None:
                            pass
                        elif bad_char(v) is None:
                            raw_text = v
                            if "\r" in v:
                                v = v.replace("\r\n", "\n").replace("\r", "\n")
                            value = " ".join(v.split()) if key_text else v.strip()
                            memo[raw_text] = value
                        else:
                            self.problem(raw.title, f"{letters[key]}{number}", _cell_error(v))
                            ok = False
                            continue
                    elif is_blank(cell):
                        value = values[key] if v is None else read_cell(cell, col, kinds)
                    else:
                        try:
                            value = read_cell(cell, col, kinds)
                        except CellError as exc:
                            self.problem(raw.title, f"{letters[key]}{number}", str(exc))
                            ok = False
                            continue
                    values[key] = value
                if required and value in ("", None):
                    self.problem(
                        raw.title,
                        f"{letters[key]}{number}",
                        f'empty required cell "{col.name}"; expected {col.help}',
                    )
                    ok = False
            rows.append(Row(raw.title, number, values, CellRefs(letters, number), ok))
        checked = self.check_unique(spec, rows)
        versions = None
        if spec.versioning is not None and not broken:
            versions, problems = resolve(checked, spec.versioning)
            for p in problems:
                self.problem(p.sheet, p.cell, p.message)
        return _Sheet(spec, raw.title, checked, broken, versions)

    def read_header(
        self, spec: SheetSpec, title: str, header: tuple[RawCell, ...]
    ) -> tuple[dict[str, int], bool]:
        """Column key → index in the row, and whether a needed column is missing."""
        known = {c.key: c for c in spec.columns}
        columns: dict[str, int] = {}
        unknown: list[str] = []
        first_empty = len(header)
        for i, cell in enumerate(header):
            ref = f"{column_letter(i + 1)}1"
            name = "" if cell.value is None else " ".join(str(cell.value).split())
            if not name:
                first_empty = min(first_empty, i)
                continue
            key = normalise_name(name)
            if key not in known:
                # a tracker's own working columns (Owner, Comments) are left alone; a name close
                # to one of ours is likely a typo and is warned about
                hint = did_you_mean(name, [c.name for c in spec.columns])
                if hint:
                    self.warnings.append(
                        f'{title}!{ref}: unknown column "{name}"{hint} ignored; expected one of '
                        f"{spec.header}"
                    )
                unknown.append(name)
            elif key in columns:
                first = column_letter(columns[key] + 1)
                self.problem(
                    title,
                    ref,
                    f'duplicate column "{name}" (first in column {first}); expected it once',
                )
            else:
                columns[key] = i
        missing = [c.name for c in spec.columns if c.in_header and c.key not in columns]
        if missing:
            names = ", ".join(f'"{m}"{did_you_mean(m, unknown)}' for m in missing)
            self.problem(
                title,
                f"{column_letter(first_empty + 1)}1",
                f"missing column{'s' if len(missing) > 1 else ''} {names}; "
                f"expected header row with {spec.header}",
            )
        return columns, bool(missing)

    def check_unique(self, spec: SheetSpec, rows: list[Row]) -> tuple[Row, ...]:
        """Report rows that repeat another's unique columns; leave them out of use."""
        if not spec.unique:
            return tuple(rows)
        seen: dict[tuple[object, ...], Row] = {}
        out = []
        for row in rows:
            ident = tuple(_identity(row.value(c)) for c in spec.unique)
            if any(v in ("", None) for v in ident):
                out.append(row)
                continue
            first = seen.setdefault(ident, row)
            if first is not row:
                what = " and ".join(f'{c} "{row.value(c)}"' for c in spec.unique)
                per = " and ".join(spec.unique)
                self.problem(
                    row.sheet,
                    row.cell(spec.unique[0]),
                    f"duplicate row for {what} (first at row {first.number}); "
                    f"expected one row per {per}",
                )
                row = attrs.evolve(row, ok=False)
            out.append(row)
        return tuple(out)

    def view(self, quarter: Quarter) -> dict[str, tuple[Row, ...]]:
        """The rows shown in ``quarter`` of every sheet read whose header is whole, by the
        sheet's declared name."""
        if quarter not in self.views:
            view: dict[str, tuple[Row, ...]] = {}
            for name, sheet in self.sheets.items():
                if sheet.broken:
                    continue
                rows = sheet.at(quarter)
                if rows is sheet.rows:  # the same rows all year: shared, grouped once
                    if name not in self.whole:
                        self.whole[name] = SheetRows(rows)
                    view[name] = self.whole[name]
                else:
                    view[name] = SheetRows(rows)
            self.views[quarter] = view
        return self.views[quarter]

    # across sheets and rows

    def check_references(self) -> None:
        """Report each key a column names (``refers``) that its sheet has no row for."""
        for sheet in self.sheets.values():
            if sheet.broken:
                continue
            for column in sheet.spec.columns:
                if column.refers:
                    self.check_reference(sheet, column.name, sheet_spec(column.refers))

    def check_reference(self, sheet: _Sheet, column: str, target: SheetSpec) -> None:
        """Report the rows of ``sheet`` whose ``column`` names no row of ``target``."""
        name = normalise_name(column)
        rows = [r for r in sheet.rows if r.text(name)]
        if not rows:
            return
        if target.name not in self.sheets:
            if target.name not in self.missing_asked:
                self.missing_asked.add(target.name)
                self.problem(
                    target.name,
                    None,
                    f"sheet missing{self.hint(target.name)}; the {sheet.title} sheet asks for "
                    f"it at {rows[0].where(column)}",
                )
            return
        if self.sheets[target.name].broken:
            return
        keys = self.index(target)
        for row in rows:
            if key_id(row.text(name)) not in keys:
                self.problem(
                    row.sheet,
                    row.cell(column),
                    f'unknown {column.lower()} "{row.text(column)}"; expected the Key of a row '
                    f"in sheet {self.sheet_title(target)}{self.known_keys(target)}",
                )

    def check_rows(self) -> None:
        """Run every kind's checks across the rows each quarter shows, whatever the quarter;
        report what they find in sheet order."""
        found: dict[Problem, None] = {}
        checked: list[dict[str, tuple[Row, ...]]] = []
        for quarter in Quarter:
            view = self.view(quarter)
            if any(_same_rows(view, seen) for seen in checked):
                continue  # the rows of a quarter already checked: the checks find the same
            checked.append(view)
            for kind in KINDS.values():
                if kind.check is not None:
                    for exc in kind.check(view):
                        found.setdefault(Problem(exc.sheet, exc.cell, exc.message))
        for p in sorted(found, key=_position):
            self.problem(p.sheet, p.cell, p.message)

    # the Deck sheet

    def read_settings(
        self, words: Words | None = None
    ) -> tuple[dict[str, str], FiscalYear | None, str]:
        """The settings by compared name, the fiscal year and the filled-in deck title (its
        ``{quarter}`` named in the deck's ``words``)."""
        sheet = self.sheets.get(DECK.name)
        if sheet is None or sheet.broken:
            return {}, None, ""
        specs = {s.key: s for s in DECK.settings}
        found: dict[str, Row] = {}
        for row in sheet.rows:
            key = normalise_name(row.text("Setting"))
            if key in specs:
                found.setdefault(key, row)
            elif row.ok:
                name = row.text("Setting")
                hint = did_you_mean(name, (s.name for s in DECK.settings))
                deck = ", ".join(s.name for s in DECK.settings if not s.word)
                self.warnings.append(
                    f'{row.where("Setting")}: unknown setting "{name}"{hint} ignored; expected '
                    f"one of {deck}, or a word's setting such as Organisation or Overview "
                    "heading (the Deck sheet of a blank workbook lists them all)"
                )
        next_row = max((r.number for r in sheet.rows), default=1) + 1
        settings: dict[str, str] = {}
        fiscal_year = None
        for spec in DECK.settings:
            if spec.key not in found:
                if spec.required:
                    self.problem(
                        sheet.title,
                        f"A{next_row}",
                        f'missing setting "{spec.name}"; expected a row with Setting '
                        f"{spec.name} and its Value: {spec.help}",
                    )
                continue
            row = found[spec.key]
            if not row.ok:
                continue
            value = row.text("Value")
            if not value:
                if spec.required:
                    self.problem(
                        sheet.title,
                        row.cell("Value"),
                        f'empty value for setting "{spec.name}"; expected {spec.help}',
                    )
                continue
            if spec.kind is CellKind.FISCAL_YEAR:
                try:
                    fiscal_year = FiscalYear.parse(value)
                except ValueError:
                    self.problem(
                        sheet.title,
                        row.cell("Value"),
                        f'bad fiscal year "{short(value)}"; expected {spec.help}',
                    )
                    continue
            settings[spec.key] = value
        title = self.fill_title(settings, fiscal_year, found.get("title"), words or Words())
        return settings, fiscal_year, title

    def read_words(self) -> Words:
        """The deck's words from the Deck sheet's settings; each bad one told at its Value."""
        sheet = self.sheets.get(DECK.name)
        if sheet is None or sheet.broken:
            return Words()
        rows: dict[str, Row] = {}
        for each in sheet.rows:
            rows.setdefault(normalise_name(each.text("Setting")), each)
        words: dict[str, str] = {}
        for spec in DECK.settings:
            row = rows.get(spec.key)
            if not spec.word or row is None or not row.ok or not row.text("Value"):
                continue  # a blank value keeps the default word
            try:
                Words(**{spec.word: row.text("Value")})
            except FieldError as exc:
                self.problem(
                    row.sheet,
                    row.cell("Value"),
                    f'bad value for setting "{spec.name}": {exc.reason}; expected {spec.help}',
                )
                continue
            words[spec.word] = row.text("Value")
        return Words(**words)

    def fill_title(
        self,
        settings: Mapping[str, str],
        fiscal_year: FiscalYear | None,
        row: Row | None,
        words: Words,
    ) -> str:
        template = settings.get("title") or DEFAULT_TITLE
        values = {
            "priority": settings.get("priority", ""),
            "quarter": words.quarter_names[int(self.quarter) - 1],
            "fiscal_year": str(fiscal_year or ""),
        }
        expected = "expected {priority}, {quarter} or {fiscal_year}"
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
            unknown = [f for f in names if f not in _TITLE_NAMES]
            if unknown:
                raise ValueError(f"unknown name {{{unknown[0]}}} in the Title; {expected}")
            return template.format_map(values).strip()
        except ValueError as exc:
            message = str(exc) if "{" in str(exc) else f"bad Title template ({exc}); {expected}"
            where = row.cell("Value") if row else None
            self.problem(DECK.name if row is None else row.sheet, where, message)
            return template

    # the Slides sheet

    def read_slides(
        self,
        settings: Mapping[str, str],
        title: str,
        fiscal_year: FiscalYear | None,
        words: Words | None = None,
    ) -> list[Slide]:
        sheet = self.sheets.get(SLIDES.name)
        if sheet is None or sheet.broken:
            return []
        slides: list[Slide] = []
        rows = sheet.at(self.quarter)
        if len(rows) > MAX_SLIDES:
            self.problem(
                sheet.title,
                rows[MAX_SLIDES].cell("Kind"),
                f"{len(rows):,} slides in {self.quarter}; expected at most {MAX_SLIDES:,} "
                "slides a deck (split the deck, e.g. with --split-by department)",
            )
            return []
        for row in rows:
            if not row.ok:
                continue
            kind = KINDS[str(row.value("kind"))]
            shown = row.value("quarters")
            if not isinstance(shown, frozenset) or self.quarter not in shown:
                continue
            as_of = self.as_of(row)
            if as_of is None or not self.resolve(kind, row):
                continue
            chosen = None
            if kind.sheet is not None:
                chosen = self.pick_quarter(kind, row, as_of)
                if chosen is None:
                    continue
            where = chosen.where() if chosen is not None else row.where("kind")
            source = SlideSource(
                slide=row,
                row=chosen,
                quarter=as_of,
                settings=settings,
                title=title,
                sheets=self.view(as_of),
                fiscal_year=fiscal_year,
                folder=self.folder,
                picture_folders=self.picture_folders,
                warn=self.warnings.append,
                words=words or Words(),
                origin=where,
            )
            slide = self.build(kind, source)
            if slide is not None:
                if slide.origin != where:  # a builder that did not give it
                    slide = attrs.evolve(slide, origin=where)
                slides.append(slide)
        return slides

    def as_of(self, row: Row) -> Quarter | None:
        """The quarter a Slides row shows its slide as of: its As of, else the deck's."""
        as_of = row.value("as of")
        if not isinstance(as_of, Quarter):
            return self.quarter
        if as_of > self.quarter:
            self.problem(
                row.sheet,
                row.cell("As of"),
                f"As of {as_of} is after the deck's quarter {self.quarter}; expected "
                f"{self.quarter} or an earlier quarter (a deck never shows the future)",
            )
            return None
        return as_of

    def resolve(self, kind: SlideKind, row: Row) -> bool:
        """Check a Slides row's Key and the sheets its kind needs; False if it cannot be built."""
        key = row.text("key")
        ok = True
        for spec in (kind.sheet, *kind.needs):
            if spec is None:
                continue
            if spec.name not in self.sheets:
                if spec.name not in self.missing_asked:
                    self.missing_asked.add(spec.name)
                    asked_at = row.where("Kind")
                    self.problem(
                        spec.name,
                        None,
                        f"sheet missing{self.hint(spec.name)}; the {SLIDES.name} sheet asks "
                        f"for it at {asked_at}",
                    )
                ok = False
            elif self.sheets[spec.name].broken:
                ok = False
        if kind.key is KeyUse.NONE:
            if key:
                self.warnings.append(
                    f'{row.where("Key")}: Key "{key}" ignored; a {kind.name} slide takes no Key'
                )
            return ok
        if not key:
            expected = kind.key_help or f"the Key of a row in sheet {self.sheet_title(kind.sheet)}"
            self.problem(
                row.sheet,
                row.cell("Key"),
                f"empty Key for a {kind.name} slide; expected {expected}",
            )
            return False
        if ok and kind.sheet is not None and key_id(key) not in self.index(kind.sheet):
            self.problem(
                row.sheet,
                row.cell("Key"),
                f'unknown {kind.name} "{key}"; expected the Key of a row in sheet '
                f"{self.sheet_title(kind.sheet)}{self.known_keys(kind.sheet)}",
            )
            return False
        return ok

    def sheet_title(self, spec: SheetSpec | None) -> str:
        """The workbook's name for a declared sheet (``OKR Changes`` for ``OKR changes``)."""
        if spec is None:
            return ""
        sheet = self.sheets.get(spec.name)
        return sheet.title if sheet else spec.name

    def known_keys(self, spec: SheetSpec) -> str:
        """`` (a, b, c)``: the keys a keyed sheet has, for messages; `` (it has none)``."""
        known = sorted({r.text("Key") for r in self.sheets[spec.name].rows if r.text("Key")})
        if not known:
            return " (it has none)"
        return " (" + ", ".join(known[:12]) + (", …" if len(known) > 12 else "") + ")"

    def index(self, spec: SheetSpec) -> frozenset[str]:
        """The key ids a keyed sheet has rows for, in any quarter."""
        if spec.name not in self.keys:
            self.keys[spec.name] = frozenset(
                key_id(r.text("key")) for r in self.sheets[spec.name].rows
            )
        return self.keys[spec.name]

    def pick_quarter(self, kind: SlideKind, row: Row, quarter: Quarter) -> Row | None:
        """The row of the kind's sheet shown in ``quarter`` for the slide's Key; None (after
        reporting why, unless a cell of it was unreadable) when there is none."""
        assert kind.sheet is not None
        if (kind.sheet.name, quarter) not in self.picks:
            picked: dict[str, Row] = {}
            for r in self.view(quarter)[kind.sheet.name]:
                picked.setdefault(key_id(r.text("key")), r)
            self.picks[kind.sheet.name, quarter] = picked
        key = row.text("key")
        chosen = self.picks[kind.sheet.name, quarter].get(key_id(key))
        if chosen is None:
            rows = [
                r for r in self.sheets[kind.sheet.name].rows if key_id(r.text("Key")) == key_id(key)
            ]
            if all(r.ok for r in rows):  # else a Quarter cell was unreadable, already reported
                self.problem(
                    row.sheet,
                    row.cell("Key"),
                    f'{kind.name} "{key}" has no text for {quarter} in sheet '
                    f"{self.sheet_title(kind.sheet)}; add a row with Quarter {quarter} (or all)",
                )
            return None
        return chosen if chosen.ok else None

    def build(self, kind: SlideKind, source: SlideSource) -> Slide | None:
        """The slide, or None after reporting why the model refused it."""
        try:
            return kind.build(source)
        except Reported:
            pass
        except RowError as exc:
            self.problem(exc.sheet, exc.cell, exc.message)
        except RowErrors as exc:
            for error in exc.errors:
                self.problem(error.sheet, error.cell, error.message)
        except FieldError as exc:  # the model refused a value: told at that field's cell
            row = source.row or source.slide
            column = kind.fields.get(exc.field or "")
            self.problem(
                row.sheet,
                row.cell(column),
                f"the {kind.name} slide cannot be made ({exc}); expected cells the slide can show",
            )
        return None


def _same_rows(a: Mapping[str, tuple[Row, ...]], b: Mapping[str, tuple[Row, ...]]) -> bool:
    """Whether two quarters' views hold the very same rows of the same sheets."""
    return a.keys() == b.keys() and all(a[k] is b[k] for k in a)


def _cell_error(text: str) -> str:
    """What :func:`read_cell` says of a text cell holding a character a deck cannot hold."""
    try:
        check_xml_chars(text)
    except ValueError as exc:
        return str(exc)
    raise AssertionError("the text holds no such character")  # pragma: no cover


def _position(problem: Problem) -> tuple[int, int, str]:
    """Where a problem is, for sorting: its sheet, its row, its column (as in a sheet)."""
    order = {s.key: i for i, s in enumerate(SHEETS)}
    cell = problem.cell or ""
    letters = cell.rstrip("0123456789")
    row = int(cell[len(letters) :] or 0)
    return order.get(normalise_name(problem.sheet), len(order)), row, f"{len(letters)}{letters}"


def _identity(value: object) -> object:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value
