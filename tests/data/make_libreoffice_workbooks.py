"""Write libreoffice-1900.xlsx and libreoffice-1904.xlsx: workbooks saved by LibreOffice Calc.

    python tests/data/make_libreoffice_workbooks.py     (needs soffice with Calc)

openpyxl writes formulas without their results; LibreOffice opens its file, calculates every
formula and saves the results with them, as Excel does: numbers, text (``t="str"``), booleans,
errors (#N/A, #DIV/0!), dates and times, an empty text result. The files are kept in the
repository so that the tests that read them need no LibreOffice Calc.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = Path(__file__).resolve().parent


def source(path: Path, *, date1904: bool) -> Path:
    wb = Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Chart data"
    ws.append(["Chart", "Period", "Series", "Value", "Note", "Count"])
    ws.append(["a", dt.date(2020, 7, 1), "x", 0.073, "plain", 3])
    ws.append(["b", "=DATE(2021,1,31)", '="s"&"t"', "=D2*2", "=1=1", "=F2*1.5"])
    ws.append(["c", "=NA()", "=1/0", "=TIME(12,30,0)", '=""', "=A2"])
    ws.append(
        [None, None, None, None, CellRichText(["bold ", TextBlock(InlineFont(b=True), "part")])]
    )
    ws.append([])
    ws.append(["d", dt.datetime(2020, 7, 1, 13, 45), True, 12345.678, "  spaced  ", -2])
    ws.append(["e", "=B2+0.25", "=ISBLANK(A5)", "=SUM(D2:D3)", "Line one\nline two", "=F7^0.5"])
    ws.append(["f", dt.time(8, 15), dt.timedelta(hours=30), "=B9", "=C9", "=LEN(E8)"])
    for cell in ("D2", "D3", "D5", "E4"):
        ws[cell].number_format = "0.0%"
    ws["B3"].number_format = "yyyy-mm-dd"
    ws["D4"].number_format = "h:mm"
    ws["B7"].number_format = "dd/mm/yyyy hh:mm"
    ws["D7"].number_format = "#,##0.00"
    ws["B8"].number_format = "d mmm yyyy"
    ws["D9"].number_format = "[h]:mm:ss"
    ws["E9"].number_format = "0.00"
    ws["Z12"].number_format = "0.0%"  # a formatted cell with nothing in it
    slides = wb.create_sheet("Slides")
    slides.append(["Kind", "Key"])
    slides.append(["title", None])
    slides.append(["objective", '="o"&ROW()'])
    notes = wb.create_sheet("Notes")
    notes.append(["not read"])
    hidden = wb.create_sheet("Acronyms")
    hidden.sheet_state = "hidden"
    hidden.append(["Term", "Definition"])
    hidden.append(["OKR", '="Objectives and "&"key results"'])
    wb.save(path)
    return path


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: install LibreOffice Calc", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for name, date1904 in (("libreoffice-1900", False), ("libreoffice-1904", True)):
            src = source(Path(tmp) / f"{name}.xlsx", date1904=date1904)
            out = Path(tmp) / "out"
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                 "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                 "--outdir", str(out), str(src)],
                check=True, capture_output=True,
            )  # fmt: skip
            shutil.copy(out / src.name, HERE / src.name)
            print(HERE / src.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
