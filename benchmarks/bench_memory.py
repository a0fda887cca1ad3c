"""Peak memory and time of ``Deck.save`` as the deck grows, beside PptxGenJS writing the same deck.

    python benchmarks/bench_memory.py [N ...] [--repeat R]   (default: 500 ... 8000, R = 3)

Each side builds N slides, each with a title and a 7 × 6 table of key results (as
bench_tables.py builds them), and writes a compressed .pptx, in a process of its own so that
each peak memory (the process's maximum resident set, ``getrusage``) is its own. Seconds are
from the first slide built to the file written (imports and ``require`` excluded).

tuningdeck runs twice: as a user runs it (``Deck.save()``: from 200 slides every CPU draws
slides, the first process writing them) and in one process (``jobs=1``). Its memory is the
first process's peak and the largest drawing process's; CPU is every process's user and
system seconds added up, the work done whatever the number of CPUs.

PptxGenJS runs when ``node`` and ``npm`` are found: it is installed into
``benchmarks/node_modules`` (git-ignored) on the first run. Prints, per N, both sides' seconds
and peak MB, how our time and memory grow per doubling of the slides (2.0 is linear time; 1.0
flat memory), and our time as a fraction of PptxGenJS's.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PPTXGENJS = "pptxgenjs@4.0.1"

_OURS = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from bench_tables import rows
from tuningdeck import Deck, KeyResultsSlide
n, out, jobs = int(sys.argv[2]), sys.argv[3], (int(sys.argv[4]) if sys.argv[4] else None)

def cpu():
    me, them = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + them.ru_utime + them.ru_stime

start, cpu_start = time.perf_counter(), cpu()
Deck([KeyResultsSlide(title=f"Key results {i}", results=rows()) for i in range(n)],
     quarter="Q1").save(out, jobs=jobs)
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
peaks = [resource.getrusage(w).ru_maxrss / 1024
         for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps([seconds, *peaks, cpu_seconds]))
"""


def ours(n: int, out: Path, jobs: int | None = None) -> tuple[float, float, float, float]:
    """Seconds, peak MB of the first and of the largest other process, and CPU seconds of
    ``Deck.save`` of ``n`` table slides (``jobs`` processes drawing), in a process of its own."""
    cmd = [sys.executable, "-c", _OURS, str(HERE), str(n), str(out), str(jobs or "")]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    seconds, peak, workers, cpu = json.loads(done.stdout.splitlines()[-1])
    return seconds, peak, workers, cpu


def ours_alone(n: int, out: Path) -> tuple[float, float, float, float]:
    """:func:`ours` in one process."""
    return ours(n, out, 1)


def pptxgenjs_ready() -> bool:
    """Whether PptxGenJS can run: node is here, and PptxGenJS is installed (now, if need be)."""
    if shutil.which("node") is None:
        return False
    if (HERE / "node_modules" / "pptxgenjs").is_dir():
        return True
    npm = shutil.which("npm")
    if npm is None:
        return False
    cmd = [npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
           "--prefix", str(HERE), PPTXGENJS]  # fmt: skip
    return subprocess.run(cmd, capture_output=True).returncode == 0


def theirs(n: int, out: Path) -> tuple[float, float]:
    """Seconds and peak MB of PptxGenJS writing the same deck, compressed."""
    cmd = ["node", str(HERE / "bench_pptxgenjs.mjs"), str(n), str(out)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    seconds, peak = json.loads(done.stdout.splitlines()[-1])
    return seconds, peak


def growth(now: float, before: float, k: float) -> str:
    """How ``now`` grew from ``before`` per doubling, over a ratio ``k`` of sizes."""
    return f"{(now / before) ** (math.log(2) / math.log(k)):.2f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000, 4000, 8000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    js = pptxgenjs_ready()
    if not js:
        print("(node or PptxGenJS not found: tuningdeck only)")
    sides: dict[str, Callable[[int, Path], Sequence[float]]] = {
        "ours": ours,
        "alone": ours_alone,
        **({"theirs": theirs} if js else {}),
    }
    runs: dict[tuple[str, int], list[Sequence[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):  # rounds over every size: a busy minute spoils one run each
            for n in args.sizes:
                for side, measure in sides.items():
                    runs.setdefault((side, n), []).append(measure(n, Path(tmp) / f"{side}.pptx"))
    # the fastest run's seconds, the lowest peaks and CPU seconds
    best = {key: [min(column) for column in zip(*rs, strict=True)] for key, rs in runs.items()}
    print(f"tuningdeck with {_workers()} drawing processes from 200 slides; alone: one process")
    print(
        f"{'slides':>7} {'ours s':>7} {'ours MB':>8} {'worker MB':>10} {'CPU s':>6}"
        f" {'growth s':>9} {'growth MB':>10} {'alone s':>8} {'alone MB':>9}"
        + (f" {'pptxgenjs s':>12} {'pptxgenjs MB':>13} {'ours/theirs':>12}" if js else "")
        + (f" {'alone/theirs':>13}" if js else "")
    )
    previous: tuple[int, float, float] | None = None
    for n in args.sizes:
        seconds, peak, worker, cpu = best["ours", n]
        alone_s, alone_mb, _, _ = best["alone", n]
        grow = ("", "")
        if previous:
            k = n / previous[0]
            grow = (growth(seconds, previous[1], k), growth(peak, previous[2], k))
        line = (
            f"{n:>7} {seconds:>7.2f} {peak:>8.0f} {worker:>10.0f} {cpu:>6.2f}"
            f" {grow[0]:>9} {grow[1]:>10} {alone_s:>8.2f} {alone_mb:>9.0f}"
        )
        if js:
            t_s, t_mb = best["theirs", n]
            line += f" {t_s:>12.2f} {t_mb:>13.0f} {seconds / t_s:>12.2f} {alone_s / t_s:>13.2f}"
        print(line)
        previous = (n, seconds, peak)
    return 0


def _workers() -> int:
    """How many processes draw a long deck on this machine."""
    code = "from tuningdeck.render.parallel import available_workers; print(available_workers())"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(done.stdout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
