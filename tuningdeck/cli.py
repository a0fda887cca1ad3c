"""The ``tuningdeck`` command: a thin skin over the library's functions."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from tuningdeck.errors import InputError

__all__ = ["app", "main"]

app = typer.Typer(
    name="tuningdeck",
    help="Turn a quarterly OKR tracker workbook into a Tuning Session deck.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: defaults stay visible, and it starts faster
)


def _version(value: bool) -> None:
    if value:
        from tuningdeck import __version__

        typer.echo(f"tuningdeck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn a quarterly OKR tracker workbook into a Tuning Session deck."""


EXIT_BAD_INPUT = 2


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


@contextlib.contextmanager
def _warnings_on_stderr() -> Iterator[None]:
    """Show the library's warnings (an ignored column, a callout the data disagree with) plainly."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                if issubclass(w.category, UserWarning):
                    typer.echo(f"warning: {w.message}", err=True)


WorkbookArg = Annotated[Path, typer.Argument(help="The tracker workbook (.xlsx).")]
QuarterOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time on Python 3.10
    typer.Option(
        "-q", "--quarter", help="Q1, Q2, Q3 or Q4 [default: the latest quarter with text]."
    ),
]
PicturesOption = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Option(
        "--pictures-from",
        help="A folder outside the workbook's that pictures may come from (repeatable).",
    ),
]
TemplateOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(help="A .pptx master whose layouts carry the Foundation layout names."),
]


def _output_path(out: str | None, workbook: Path, quarter: str, template: Path | None) -> Path:
    """The deck's path: ``-o`` as given, or WORKBOOK-QUARTER.pptx beside the workbook."""
    from tuningdeck.output import check_output

    target = check_output(
        workbook.with_name(f"{workbook.stem}-{quarter}.pptx") if out is None else out,
        protect=[p for p in (workbook, template) if p is not None],
    )
    if target.suffix.lower() != ".pptx":
        typer.echo(
            f"warning: {target} does not end in .pptx; the file is a .pptx deck whatever its name",
            err=True,
        )
    return target


@app.command()
def build(
    workbook: WorkbookArg,
    out: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "-o",
            "--out",
            help="Where to write the deck [default: WORKBOOK-QUARTER.pptx beside the workbook].",
        ),
    ] = None,
    quarter: QuarterOption = None,
    template: TemplateOption = None,
    pictures_from: PicturesOption = None,
) -> None:
    """Build the Tuning Session deck for one quarter from a tracker workbook.

    Exits 2, writing nothing, when the workbook or template has problems; every problem is listed
    with its Sheet!Cell. An existing output is replaced only when it is a deck: never the workbook,
    a folder or any other file.
    """
    from tuningdeck.render import render_deck
    from tuningdeck.workbook import read_workbook

    try:
        # a dangerous -o is refused before any work is done
        target = None if out is None else _output_path(out, workbook, "", template)
        with _warnings_on_stderr():
            deck = read_workbook(workbook, quarter=quarter, picture_folders=pictures_from or ())
            canvas = render_deck(deck, template=template)
        target = canvas.save(target or _output_path(None, workbook, str(deck.quarter), template))
    except InputError as e:
        raise _fail(e) from None
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing written", err=True)
        raise typer.Exit(130) from None
    typer.echo(f"wrote {target} ({deck.quarter}, {canvas.slide_count} slides)")


@app.command()
def check(
    workbook: WorkbookArg,
    quarter: QuarterOption = None,
    template: TemplateOption = None,
    pictures_from: PicturesOption = None,
) -> None:
    """Check a tracker workbook without writing anything: read it and lay every slide out.

    Exits 0 when a deck can be built, 2 with every problem (Sheet!Cell) when it cannot.
    """
    from tuningdeck.render import render_deck
    from tuningdeck.workbook import read_workbook

    try:
        with _warnings_on_stderr():
            deck = read_workbook(workbook, quarter=quarter, picture_folders=pictures_from or ())
            canvas = render_deck(deck, template=template)
    except InputError as e:
        raise _fail(e) from None
    typer.echo(f"{workbook}: ok ({deck.quarter}, {canvas.slide_count} slides)")


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
    from tuningdeck.preview import PreviewError, render_pngs

    try:
        pngs = render_pngs(deck, outdir, width=width)
    except PreviewError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    for png in pngs:
        typer.echo(str(png))


def main() -> None:
    """Entry point for ``python -m tuningdeck``."""
    app(prog_name="tuningdeck")


if __name__ == "__main__":  # pragma: no cover
    main()
