"""How quickly tuningdeck starts: ``--help``, the example deck end to end, the first build.

    python benchmarks/bench_start.py [--repeat R]      (default: R = 5)

Each is a command run as a user runs it, timed from process start to exit (wall seconds, the
fastest of R runs, and the CPU seconds of that run):

- ``tuningdeck --help``;
- ``tuningdeck build`` of the example workbook's Q1 (35 slides), caches warm;
- the same build on a "fresh machine": each run with an empty cache folder and home
  (``XDG_CACHE_HOME``, ``HOME``), so that no font is prepared and no measurement cached.

Python's compiled bytecode is allowed (``PYTHONDONTWRITEBYTECODE`` unset), as after any
``pip install``; one run of each command before the timed ones writes it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thriving-movement-fy20-21.xlsx"
GOALS = {"--help": 0.15, "example deck": 1.0, "first build": 5.0}


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``cmd`` (with its children), process start to exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    tool = [sys.executable, "-m", "tuningdeck"]
    with tempfile.TemporaryDirectory() as tmp:
        deck = str(Path(tmp) / "q1.pptx")
        build = [*tool, "build", str(EXAMPLE), "--quarter", "Q1", "-o", deck]
        cases = {"--help": [*tool, "--help"], "example deck": build, "first build": build}
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for cmd in (cases["--help"], build):
            run(cmd, env)  # bytecode written, caches warm
        for i in range(args.repeat):  # in rounds: a busy moment spoils one run of each
            for name, cmd in cases.items():
                case_env = env
                if name == "first build":
                    fresh = Path(tmp) / f"fresh{i}"
                    case_env = {**env, "XDG_CACHE_HOME": str(fresh / "cache"),
                                "HOME": str(fresh / "home")}  # fmt: skip
                results[name].append(run(cmd, case_env))
    print(f"{'':<14} {'wall s':>7} {'CPU s':>6} {'goal s':>7}")
    for name, runs in results.items():
        wall, cpu = min(runs)
        print(f"{name:<14} {wall:>7.2f} {cpu:>6.2f} {GOALS[name]:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
