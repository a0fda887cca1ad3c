"""The ``tuningdeck`` command: a thin skin over the library's functions."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from tuningdeck.errors import InputError

__all__ = ["app", "main"]

app = typer.Typer(
    name="tuningdeck",
    help="Turn a quarterly OKR tracker workbook into a Tuning Session deck.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_BAD_INPUT = 2


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    typer.echo(f"warning: {message}", err=True)


@app.command()
def build(
    workbook: Annotated[Path, typer.Argument(help="The tracker workbook (.xlsx).")],
    out: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
        typer.Option(
            "-o", "--out", help="Where to write the deck [default: WORKBOOK-QUARTER.pptx]."
        ),
    ] = None,
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "-q", "--quarter", help="Q1, Q2, Q3 or Q4 [default: the latest quarter with text]."
        ),
    ] = None,
    template: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="A .pptx master whose layouts carry the Foundation layout names."),
    ] = None,
) -> None:
    """Build the Tuning Session deck for one quarter from a tracker workbook.

    Exits 2, writing nothing, when the workbook or template has problems; every problem is listed
    with its Sheet!Cell.
    """
    from tuningdeck.render import write_deck
    from tuningdeck.workbook import read_workbook

    warnings.showwarning = _show_warning
    try:
        deck = read_workbook(workbook, quarter=quarter)
        target = out or Path(f"{workbook.stem}-{deck.quarter}.pptx")
        write_deck(deck, target, template=template)
    except InputError as e:
        raise _fail(e) from None
    n = len(deck.slides)
    typer.echo(f"wrote {target} ({deck.quarter}, {n} slide spec{'s' if n != 1 else ''})")


@app.command()
def new(
    path: Annotated[Path, typer.Argument(help="Where to write the blank workbook (.xlsx).")],
) -> None:
    """Write a blank tracker workbook with every sheet and header row."""
    from tuningdeck.workbook import write_blank_workbook

    try:
        write_blank_workbook(path)
    except FileExistsError:
        raise _fail(FileExistsError(f"{path} exists; choose another name")) from None
    typer.echo(f"wrote {path}")


@app.command()
def fonts() -> None:
    """Install Montserrat and Lato where LibreOffice finds them (needed for faithful renders)."""
    from tuningdeck.fonts import install_fonts

    typer.echo(f"installed fonts in {install_fonts()}")


@app.command()
def preview(
    deck: Annotated[Path, typer.Argument(help="A .pptx deck.")],
    outdir: Annotated[Path, typer.Argument(help="Directory for the PNGs (slide-01.png, ...).")],
    width: Annotated[int, typer.Option(help="Width of each PNG in pixels.")] = 1280,
) -> None:
    """Render a deck to one PNG per slide with LibreOffice."""
    from tuningdeck.preview import render_pngs

    for png in render_pngs(deck, outdir, width=width):
        typer.echo(str(png))


def main() -> None:
    """Entry point for ``python -m tuningdeck``."""
    app(prog_name="tuningdeck")


if __name__ == "__main__":  # pragma: no cover
    main()
