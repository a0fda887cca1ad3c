"""A .xlsx package's cells, streamed from its XML with lxml.

The parts are found as the package's relationships name them: the workbook (its sheets' names
and parts, and its date system), the shared strings, the styles (each cell style's number format,
which says whether a number is a date) and each sheet. A sheet is read row by row, each row
cleared once read, and no further than the end of its cells; memory holds the cells kept and
the shared strings, never a whole XML tree. Values are those Excel stored when it last saved
(a formula's cached result), read as openpyxl reads them with ``read_only=True, data_only=True``.
Both the usual (transitional) namespaces and Strict OOXML's are understood.

Anything that does not make sense raises :class:`Damaged`, whose message says what and where.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Iterator
from functools import cache
from typing import IO

from lxml import etree

from tuningdeck.workbook.cells import RawCell
from tuningdeck.workbook.numfmt import (
    BUILTIN_FORMATS,
    EPOCH_1900,
    EPOCH_1904,
    FIRST_CUSTOM,
    from_excel,
    from_iso8601,
    is_date_format,
    is_timedelta_format,
)

__all__ = ["Damaged", "Package", "RowLimit", "column_letter"]

_MAIN = (
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",  # Strict OOXML
)
_REL_ID = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
"""No entity expansion, no network, no DTD, libxml2's limits on depth and text length."""

Rows = tuple[tuple[RawCell, ...], ...]
_EMPTY = RawCell(None, "n", None)
"""A cell the file does not have (between two it has)."""
_DIGITS = "0123456789"
_GENERAL = ("General", False, False)
"""The style of a cell whose style the workbook lacks."""


class Damaged(Exception):
    """The package is not a workbook that can be read; the message says what and where."""


class RowLimit(Exception):
    """A sheet has a row past the limit it was read with; the message is the sheet's title."""


def _tags(*names: str) -> tuple[str, ...]:
    return tuple(ns + name for name in names for ns in _MAIN)


class Package:
    """An open .xlsx zip: its sheets in workbook order, and each sheet's cells on demand."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._zip = archive
        self._entries = set(archive.namelist())
        self._names = {n.casefold(): n for n in self._entries}
        workbook = self._office_document()
        self._rels = self._relationships(workbook)
        self.sheets: list[tuple[str, str | None]] = []
        """Each worksheet's title and part (None when the file lacks it), in tab order."""
        self.epoch = EPOCH_1900
        self._read_workbook(workbook)
        self._strings: list[str] | None = None
        self._styles: dict[str, tuple[str, bool, bool]] | None = None

    # -- parts ---------------------------------------------------------------------------------

    def _find(self, part: str) -> str | None:
        """The zip entry of ``part``: part names are compared without case, as OPC says."""
        return part if part in self._entries else self._names.get(part.casefold())

    def _open(self, part: str) -> IO[bytes]:
        entry = self._find(part)
        if entry is None:
            raise Damaged(f"its part {part} is missing")
        return self._zip.open(entry)

    def _parse(self, part: str, tags: tuple[str, ...]) -> Iterator[etree._Element]:
        """The elements named ``tags`` of ``part`` as each ends; XML errors name the part."""
        with self._open(part) as f:
            try:
                for _, el in etree.iterparse(f, events=("end",), tag=tags, **_SAFE):
                    yield el
            except etree.XMLSyntaxError as exc:
                raise Damaged(f"{part}: {' '.join(str(exc).split())}") from None

    def _office_document(self) -> str:
        """The workbook part, as the package's relationships name it."""
        if self._find("_rels/.rels") is not None:
            for el in self._parse("_rels/.rels", (_PACKAGE_REL,)):
                if (el.get("Type") or "").endswith("/officeDocument") and el.get("Target"):
                    return _resolve("", el.get("Target", ""))
        if self._find("xl/workbook.xml") is not None:
            return "xl/workbook.xml"
        raise Damaged("it has no workbook part")

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``part``'s relationships: id → (kind, such as ``worksheet``; the part it names)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        found: dict[str, tuple[str, str]] = {}
        if self._find(rels) is None:
            return found
        for el in self._parse(rels, (_PACKAGE_REL,)):
            target, rid = el.get("Target"), el.get("Id")
            if target and rid and el.get("TargetMode") != "External":
                kind = (el.get("Type") or "").rpartition("/")[2]
                found[rid] = (kind, _resolve(folder, target))
            el.clear()
        return found

    def _related(self, kind: str, default: str) -> str | None:
        """The workbook's part of ``kind`` (``styles``), if it has one."""
        for k, target in self._rels.values():
            if k == kind:
                return target
        return default if self._find(default) is not None else None

    def _read_workbook(self, part: str) -> None:
        is_workbook = False
        for el in self._parse(part, _tags("sheet", "workbookPr", "workbook")):
            local = el.tag.rpartition("}")[2]
            if local == "sheet":
                title = el.get("name")
                rid = el.get(_REL_ID[0]) or el.get(_REL_ID[1])
                if title is not None and rid:  # openpyxl drops a sheet without an id
                    kind, target = self._rels.get(rid, ("", ""))
                    if kind != "chartsheet":
                        found = self._find(target) if target else None
                        self.sheets.append((title, found))
                el.clear()
            elif local == "workbookPr":
                if (el.get("date1904") or "").strip().lower() in ("1", "true"):
                    self.epoch = EPOCH_1904
            else:
                is_workbook = True
        if not is_workbook:
            raise Damaged(f"{part} is not a workbook")

    # -- shared strings and styles -------------------------------------------------------------

    def shared_strings(self) -> list[str]:
        """The shared strings table: plain or rich text, formatting dropped."""
        if self._strings is None:
            strings: list[str] = []
            part = self._related("sharedStrings", "xl/sharedStrings.xml")
            if part is not None:
                t_tags = set(_tags("t"))
                r_tags = set(_tags("r"))
                for si in self._parse(part, _tags("si")):
                    if len(si) == 1 and si[0].tag in t_tags:
                        text = si[0].text or ""
                    else:
                        text = _rich_text(si, t_tags, r_tags)
                    # openpyxl's reading of the "_x005F_" escape (an underscore); the other
                    # _xHHHH_ escapes are left as written
                    strings.append(text.replace("x005F_", "") if "x005F_" in text else text)
                    _drop(si)
            self._strings = strings
        return self._strings

    def styles(self) -> dict[str, tuple[str, bool, bool]]:
        """Each cell style (the ``s`` attribute) → its number format, whether the format shows a
        date, and whether it shows a duration."""
        if self._styles is None:
            custom: dict[int, str] = {}
            xfs: list[int] = []
            part = self._related("styles", "xl/styles.xml")
            xf_tags = set(_tags("xf"))
            if part is not None:
                for el in self._parse(part, _tags("numFmts", "cellXfs")):
                    if el.tag.endswith("}numFmts"):
                        for fmt in el:
                            given, number = fmt.get("formatCode"), fmt.get("numFmtId")
                            if given is not None and number is not None:
                                custom[_integer(number, part)] = given
                    else:
                        xfs = [
                            _integer(xf.get("numFmtId") or "0", part)
                            for xf in el
                            if xf.tag in xf_tags
                        ]
                        break  # nothing after the cell styles is needed
            styles: dict[str, tuple[str, bool, bool]] = {}
            for i, fid in enumerate(xfs):
                if fid in custom:
                    code: str | None = custom[fid]
                else:
                    code = BUILTIN_FORMATS.get(fid) if fid < FIRST_CUSTOM else None
                date = is_date_format(code)
                styles[str(i)] = (code or "General", date, date and is_timedelta_format(code))
            self._styles = styles
        return self._styles

    # -- sheets --------------------------------------------------------------------------------

    def rows(self, part: str, title: str, *, max_rows: int, max_columns: int) -> Rows:
        """The rows of the sheet in ``part``: ``rows[0]`` is row 1, each up to its last cell with
        a value (or an error); no blank rows at the end. Cells past ``max_columns`` are left
        out; a row past ``max_rows`` raises :class:`RowLimit`."""
        strings = self.shared_strings()
        styles = self.styles()
        plain = styles.get("0", _GENERAL)
        epoch = self.epoch
        out: list[tuple[RawCell, ...]] = []
        counter = 0  # the last row's number: a row without r="" is the next one
        c_tag = v_tag = is_tag = ""
        t_tags: set[str] = set()
        r_tags: set[str] = set()
        blanks: dict[tuple[str | None, str], RawCell] = {}
        read: dict[tuple[str, str | None, str], RawCell] = {}
        for row in self._parse(part, _tags("row", "sheetData")):
            tag = row.tag
            if tag.endswith("}sheetData"):
                break  # the rest of the sheet holds no cells
            if not c_tag:
                ns = tag[: -len("row")]
                c_tag, v_tag, is_tag = ns + "c", ns + "v", ns + "is"
                t_tags, r_tags = {ns + "t"}, {ns + "r"}
            r = row.get("r")
            counter = counter + 1 if r is None else _row_number(r, title)
            if counter > max_rows:
                raise RowLimit(title)
            if counter <= len(out):  # a row out of order or twice: openpyxl skips it
                _drop(row)
                continue
            while len(out) < counter - 1:
                out.append(())
            # one pass over the row's <c> and their <v> and <is> (which follow their <c>): a
            # cell is put in its column as blank, then given the value of its first <v> (or
            # <is>, for an inline string)
            cells: list[RawCell] = []
            column = 0
            t: str | None = None
            style = plain
            done = True  # the current cell has its value (or is past the last column)
            for el in row.iter(c_tag, v_tag, is_tag):
                tag = el.tag
                if tag == c_tag:
                    ref = el.get("r")
                    if ref is None:
                        column += 1
                    else:
                        column = _column_of(ref.rstrip(_DIGITS)) or _bad_reference(ref, title)
                    if column > max_columns:
                        done = True
                        continue
                    s, t = el.get("s"), el.get("t")
                    style = plain if s is None else styles.get(s) or _style(s, styles, plain)
                    blank = blanks.get((t, style[0]))
                    if blank is None:
                        blank = blanks[t, style[0]] = RawCell(None, t or "n", style[0])
                    n = len(cells)
                    if column > n:
                        if column > n + 1:
                            cells.extend([_EMPTY] * (column - 1 - n))
                        cells.append(blank)
                    else:
                        cells[column - 1] = blank
                    done = False
                elif done:
                    continue
                elif tag == v_tag:
                    if t == "inlineStr":
                        continue
                    done = True
                    text = el.text
                    if text:
                        # a value is read once per sheet: repeated cells (a shared string, a
                        # status, a number) share one RawCell, as they are immutable
                        known = (text, t, style[0])  # a format's code decides the rest
                        cell = read.get(known)
                        if cell is None:
                            try:
                                value, dtype = _value(text, t or "n", style, strings, epoch)
                            except IndexError:
                                raise Damaged(
                                    f"{title}!{_cell_name(column, counter)}: shared string "
                                    f"{text.strip()[:20]} is missing"
                                ) from None
                            except (ValueError, OverflowError):
                                raise Damaged(
                                    f"{title}!{_cell_name(column, counter)}: the value "
                                    f"{text[:40]!r} of a cell of type {t or 'n'!r} cannot be read"
                                ) from None
                            cell = read[known] = RawCell(value, dtype, style[0])
                        cells[column - 1] = cell
                elif t == "inlineStr":  # its <is>
                    done = True
                    first = el[0] if len(el) == 1 else None
                    if first is not None and first.tag in t_tags:
                        inline = first.text or ""
                    else:
                        inline = _rich_text(el, t_tags, r_tags)
                    known = (inline, t, style[0])
                    cell = read.get(known)
                    if cell is None:
                        cell = read[known] = RawCell(inline, "s", style[0])
                    cells[column - 1] = cell
            while cells and cells[-1].value is None and cells[-1].data_type != "e":
                cells.pop()
            out.append(tuple(cells))
            _drop(row)
        while out and not out[-1]:
            out.pop()
        return tuple(out)


def _value(
    text: str,
    t: str,
    style: tuple[str, bool, bool],
    strings: list[str],
    epoch: dt.datetime,
) -> tuple[object, str]:
    """A cell's value and data type from its ``<v>`` text and its ``t`` attribute."""
    if t == "n":
        number: float = float(text) if "." in text or "e" in text or "E" in text else int(text)
        if not style[1]:
            return number, "n"
        try:
            return from_excel(number, epoch, timedelta=style[2]), "d"
        except (OverflowError, ValueError):
            return "#VALUE!", "e"  # a date past 9999, as openpyxl reads it
    if t == "s":
        i = int(text)
        if not 0 <= i < len(strings):
            raise IndexError(i)
        return strings[i], "s"
    if t == "str":  # a formula's cached text
        return text, "s"
    if t == "b":
        return bool(int(text)), "b"
    if t == "d":
        return from_iso8601(text), "d"
    return text, t  # "e": an error such as #N/A


def _rich_text(el: etree._Element, t_tags: set[str], r_tags: set[str]) -> str:
    """The text of an ``<si>`` or ``<is>``: its ``<t>``, then each run's ``<t>``; phonetic runs
    are not part of it."""
    plain: str | None = None
    runs: list[str] = []
    for child in el:
        if child.tag in t_tags:
            plain = child.text
        elif child.tag in r_tags:
            run: str | None = None
            for part in child:
                if part.tag in t_tags:
                    run = part.text
            if run:
                runs.append(run)
    return (plain or "") + "".join(runs)


def _drop(el: etree._Element) -> None:
    """Free ``el`` and what came before it: memory holds only the element being read."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name: absolute, or relative to ``folder``."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(folder, target))


def _integer(text: str, part: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise Damaged(f"{part}: {text[:40]!r} is not a number") from None


def _style(
    s: str, styles: dict[str, tuple[str, bool, bool]], plain: tuple[str, bool, bool]
) -> tuple[str, bool, bool]:
    """The style of an ``s=""`` written unusually (``"01"``), or of one the workbook lacks."""
    try:
        i = int(s)
    except ValueError:
        return plain if not s.strip() else _GENERAL
    return styles.get(str(i), _GENERAL) if i else plain


def _row_number(r: str, title: str) -> int:
    try:
        return int(r)
    except ValueError:
        try:
            number = float(r)
        except ValueError:
            number = 0.5
        if not number.is_integer():
            raise Damaged(f"{title}: {r[:40]!r} is not a row number") from None
        return int(number)


@cache
def _column_of(letters: str) -> int:
    """``"A"`` → 1, ``"AB"`` → 28, up to ``"ZZZ"``; 0 for anything else."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        return 0
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _bad_reference(ref: str, title: str) -> int:
    raise Damaged(f"{title}: {ref[:40]!r} is not a cell reference")


def column_letter(column: int) -> str:
    """``1`` → ``"A"``, ``28`` → ``"AB"``: a column's name in a cell reference."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_name(column: int, row: int) -> str:
    return f"{column_letter(column)}{row}"
