"""Time tuningdeck against plain python-pptx over growing decks and print how each grows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

Build = Callable[[int], float]  # builds a deck of n slides, returns the seconds it took


def compare(sizes: Sequence[int], python_pptx: Build, tuningdeck: Build) -> None:
    """Print both times per size, their ratio, and each one's growth since the previous size.

    Growth is scaled to a doubling: 2.0 means the time grows in proportion to the slides.
    """
    print(
        f"{'slides':>7} {'python-pptx s':>14} {'tuningdeck s':>13} {'ratio':>6} "
        f"{'growth pptx':>12} {'growth ours':>12}"
    )
    previous: tuple[int, float, float] | None = None
    for n in sizes:
        theirs, ours = python_pptx(n), tuningdeck(n)
        growth = ("", "")
        if previous:
            k = n / previous[0]
            growth = (
                f"{theirs / previous[1] / k * 2:.2f}",
                f"{ours / previous[2] / k * 2:.2f}",
            )
        print(
            f"{n:>7} {theirs:>14.2f} {ours:>13.2f} {theirs / ours:>6.1f} "
            f"{growth[0]:>12} {growth[1]:>12}"
        )
        previous = (n, theirs, ours)
