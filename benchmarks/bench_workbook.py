"""The workbook path: reading a tracker and `tuningdeck build`, against the same deck by the API.

    python benchmarks/bench_workbook.py [N ...] [--repeat R]   (default: 500 1000 2000, R = 3)

For each N a workbook is written with N key-results slides (a Tables row and six Key results rows
each, as bench_tables.py builds them), then measured in separate processes, so that each peak
memory is its own:

- read: ``read_workbook`` alone (the reader: rows indexed once per sheet);
- api: ``Deck.save`` of the deck built in code, the same slides;
- cli: ``tuningdeck build WORKBOOK -o OUT``.

Each is timed as a whole process, from its start to its exit (Python's start and import, and
its teardown, included alike), with the peak memory of its largest process (a build draws a
long deck in several): the fastest of R runs, made in rounds over the sizes. Prints seconds
and peak MB of each, and cli / api (the goal: at most 1.3).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
ROWS = 6
TEXT = "KR{i}: Ensure 65% of all grants are from communities that are not well established"


def write_workbook(n: int, path: Path) -> Path:
    wb = Workbook(write_only=True)
    deck = wb.create_sheet("Deck")
    deck.append(["Setting", "Value"])
    deck.append(["Priority", "Benchmark"])
    deck.append(["Fiscal year", "FY20-21"])
    deck.append(["Title", "Key results {quarter} {fiscal_year}"])
    slides = wb.create_sheet("Slides")
    slides.append(["Kind", "Key"])
    tables = wb.create_sheet("Tables")
    tables.append(["Key", "Quarter", "Title"])
    results = wb.create_sheet("Key results")
    results.append(["Table", "Key result", "Baseline", "Goal", "Q1", "Q2", "Q3", "Q4"])
    for s in range(n):
        slides.append(["key results", f"t{s}"])
        tables.append([f"t{s}", "all", f"Key results {s}"])
        for i in range(ROWS):
            results.append(
                [f"t{s}", TEXT.format(i=i), "64% of grants", "66%", "+7.3% YoY (89K/mo*)"]
            )
    wb.save(path)
    return path


_BUILD = """
import sys
what, workbook, out = sys.argv[1:4]
if what == "read":
    from tuningdeck.workbook import read_workbook
    read_workbook(workbook, "Q1")
elif what == "api":
    sys.path.insert(0, sys.argv[4])
    from bench_tables import rows
    from tuningdeck import Deck, KeyResultsSlide
    n = int(sys.argv[5])
    Deck([KeyResultsSlide(title=f"Key results {i}", results=rows()) for i in range(n)],
         quarter="Q1").save(out)
"""

_PROCESS = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps([seconds, peak]))
"""


def measure(what: str, workbook: Path, out: Path, n: int) -> tuple[float, float]:
    """Seconds and peak MB of one way of building, a process of its own from start to exit."""
    if what == "cli":
        run = ["-m", "tuningdeck", "build", str(workbook), "--quarter", "Q1", "-o", str(out)]
    else:
        run = ["-c", _BUILD, what, str(workbook), str(out), str(HERE), str(n)]
    cmd = [sys.executable, "-c", _PROCESS, sys.executable, *run]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    seconds, peak = json.loads(done.stdout.splitlines()[-1])
    return seconds, peak


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(
        f"{'slides':>7} {'read s':>7} {'read MB':>8} {'api s':>6} {'api MB':>7} "
        f"{'cli s':>6} {'cli MB':>7} {'cli/api':>8}"
    )
    ways = ("read", "api", "cli")
    with tempfile.TemporaryDirectory() as tmp:
        workbooks = {n: write_workbook(n, Path(tmp) / f"tracker-{n}.xlsx") for n in args.sizes}
        runs: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for _ in range(args.repeat):  # rounds over every size: a busy minute spoils one run each
            for n, workbook in workbooks.items():
                for way in ways:
                    out = Path(tmp) / f"{way}.pptx"
                    runs.setdefault((way, n), []).append(measure(way, workbook, out, n))
    for n in args.sizes:  # the fastest run's seconds, the lowest peak
        read, api, cli = (
            (min(r[0] for r in runs[w, n]), min(r[1] for r in runs[w, n])) for w in ways
        )
        print(
            f"{n:>7} {read[0]:>7.2f} {read[1]:>8.0f} {api[0]:>6.2f} {api[1]:>7.0f} "
            f"{cli[0]:>6.2f} {cli[1]:>7.0f} {cli[0] / api[0]:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
