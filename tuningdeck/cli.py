"""The ``tuningdeck`` command: a thin skin over the library's functions."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

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
        "-q",
        "--quarter",
        help="Q1, Q2, Q3, Q4, or all (every quarter so far) "
        "[default: the latest quarter with text].",
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
    typer.Option(
        help="A .pptx master: its layouts carry the Foundation layout names, or its settings "
        "file (TEMPLATE.toml beside it, or --theme) maps them."
    ),
]
ThemeOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        help="A settings file (foundation.toml's tables, each optional, plus [layouts] and "
        "[placeholders]) [default: TEMPLATE.toml beside the template, if any]."
    ),
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


def _progress(total: int, what: str, quiet: bool) -> contextlib.AbstractContextManager[Any]:
    """A progress bar on stderr for long work at a terminal; otherwise nothing.

    The bar is redrawn by :func:`_advance`, from the thread doing the work: it starts no thread
    of its own, so the build may still fork processes to draw slides."""
    import sys

    if quiet or total < PROGRESS_FROM or not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        f"[bold]{what}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    )
    bar.add_task(what, total=total)
    return bar


_REDRAW = 0.1  # seconds between redraws of a progress bar


def _advance(bar: Any, done: int) -> None:
    """Set the bar's work done to ``done``, and redraw it when it was not redrawn lately or the
    work is finished."""
    import time

    task = bar.tasks[0]
    bar.update(task.id, completed=done)
    now = time.monotonic()
    if done >= (task.total or 0) or now - getattr(bar, "drawn_at", 0.0) >= _REDRAW:
        bar.drawn_at = now
        bar.refresh()


PROGRESS_FROM = 100
"""Builds of at least this many slides (or batches of this many decks) show a progress bar."""


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
    theme: ThemeOption = None,
    pictures_from: PicturesOption = None,
    split_by: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="department: one deck per department (with the shared slides)."),
    ] = None,
    out_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Folder for a batch of decks [default: the workbook's folder]."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write a PDF beside each deck (LibreOffice).")
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "-j",
            "--jobs",
            min=1,
            help="Processes drawing at once [default: one per CPU for a batch or a deck of "
            "200 slides or more].",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print nothing but problems.")] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="List the slides of each deck written.")
    ] = False,
) -> None:
    """Build the Tuning Session deck for one quarter from a tracker workbook.

    --quarter all builds every quarter so far, --split-by department one deck per department;
    a batch goes to --out-dir and is drawn in parallel. Exits 2, writing nothing, when the
    workbook or template has problems; every problem is listed with its Sheet!Cell. An existing
    output is replaced only when it is a deck: never the workbook, a folder or any other file.
    """
    try:
        if (quarter or "").strip().lower() == "all" or split_by or out_dir:
            if out is not None:
                raise InputError("-o names one deck; a batch of decks goes to --out-dir")
            _build_batch(
                workbook,
                quarter,
                template,
                theme,
                pictures_from,
                split_by,
                out_dir,
                pdf,
                jobs,
                quiet,
                verbose,
            )
        else:
            _build_one(
                workbook, out, quarter, template, theme, pictures_from, pdf, jobs, quiet, verbose
            )
    except InputError as e:
        raise _fail(e) from None
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing written", err=True)
        raise typer.Exit(130) from None


def _build_one(
    workbook: Path,
    out: str | None,
    quarter: str | None,
    template: Path | None,
    theme: Path | None,
    pictures_from: list[Path] | None,
    pdf: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    from tuningdeck.render import save_deck
    from tuningdeck.workbook import read_workbook

    # a dangerous -o is refused before any work is done
    target = None if out is None else _output_path(out, workbook, "", template)
    with _warnings_on_stderr():
        deck = read_workbook(workbook, quarter=quarter, picture_folders=pictures_from or ())
        target = target or _output_path(None, workbook, str(deck.quarter), template)
        with _progress(len(deck), "building", quiet) as bar:
            canvas = save_deck(
                deck,
                target,
                template=template,
                theme=theme,
                on_slide=(lambda i, n: _advance(bar, i)) if bar else None,
                protect=[workbook],
                jobs=jobs,
            )
    _report(target, deck, canvas.slide_count, quiet, verbose)
    if pdf:
        from tuningdeck.preview import PreviewError, render_pdfs

        try:
            (written,) = render_pdfs([target])
        except PreviewError as e:
            raise InputError(f"the PDF could not be written: {e}") from None
        if not quiet:
            typer.echo(f"wrote {written}")


def _report(target: Path, deck: Any, slides: int, quiet: bool, verbose: bool) -> None:
    if quiet:
        return
    typer.echo(f"wrote {target} ({deck.quarter}, {slides} slides)")
    if verbose:
        for i, slide in enumerate(deck.slides, start=1):
            title = getattr(slide, "title", "")
            typer.echo(f"  {i:>3}  {slide.kind:<15} {title}".rstrip())


def _build_batch(
    workbook: Path,
    quarter: str | None,
    template: Path | None,
    theme: Path | None,
    pictures_from: list[Path] | None,
    split_by: str | None,
    out_dir: Path | None,
    pdf: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    from tuningdeck.batch import build_batch, plan_batch
    from tuningdeck.model import Quarter
    from tuningdeck.preview import PreviewError
    from tuningdeck.workbook import quarters_with_text, read_workbook

    if quarter is None or quarter.strip().lower() == "all":
        quarters = quarters_with_text(workbook)
    else:
        try:
            quarters = [Quarter.parse(quarter)]
        except ValueError:
            raise InputError(f'bad quarter "{quarter}"; expected Q1, Q2, Q3, Q4 or all') from None
    folder = out_dir if out_dir is not None else workbook.parent
    with _warnings_on_stderr():
        batch = plan_batch(
            workbook,
            quarters,
            lambda q: read_workbook(workbook, q, picture_folders=pictures_from or ()),
            out_dir=folder,
            split_by=split_by,
        )
    by_path = {job.out: job for job in batch}
    with _progress(len(batch) * PROGRESS_FROM, "building decks", quiet or len(batch) < 2) as bar:

        def done(path: Path, slides: int) -> None:
            if bar:
                _advance(bar, bar.tasks[0].completed + PROGRESS_FROM)
            _report(path, by_path[path].deck, slides, quiet, verbose)

        protect = [p for p in (workbook, template) if p is not None]
        try:
            written = build_batch(
                batch,
                template=template,
                theme=theme,
                protect=protect,
                pdf=pdf,
                workers=jobs,
                done=done,
            )
        except PreviewError as e:
            raise InputError(f"the PDFs could not be written: {e}") from None
    if pdf and not quiet:
        for path in written:
            typer.echo(f"wrote {path.with_suffix('.pdf')}")


CheckedArg = Annotated[
    Path, typer.Argument(help="The tracker workbook (.xlsx), or with --design any deck (.pptx).")
]
DesignOption = Annotated[
    bool,
    typer.Option("--design", help="Check a deck's design and accessibility (implied for .pptx)."),
]
RenderOption = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--render/--no-render",
        help="With --design: draw the deck with LibreOffice to find words outside their frames "
        "[default: when LibreOffice is installed].",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="With --design: the report as JSON.")]
FindingsOnlyOption = Annotated[
    bool,
    typer.Option(
        "--quiet", help="With --design: only the findings, not each slide's measurements."
    ),
]


@app.command()
def check(
    workbook: CheckedArg,
    quarter: QuarterOption = None,
    template: TemplateOption = None,
    theme: ThemeOption = None,
    pictures_from: PicturesOption = None,
    design: DesignOption = False,
    render: RenderOption = None,
    as_json: JsonOption = False,
    quiet: FindingsOnlyOption = False,
) -> None:
    """Check a tracker workbook without writing anything: read it and lay every slide out.

    Exits 0 when a deck can be built, 2 with every problem (Sheet!Cell) when it cannot.

    With --design (or a .pptx file), check a deck instead, however it was made: titles, alt
    text, contrast, reading order, type sizes, how much of the body region is used and (rendered)
    words outside their frames; each slide's measurements, then one line per finding. Exits 0
    when nothing fails (notes allowed), 1 when something does, 2 when the file is not a deck.
    """
    if design or workbook.suffix.lower() == ".pptx":
        _check_design(workbook, render, as_json, quiet)
        return
    from tuningdeck.render import render_deck
    from tuningdeck.workbook import read_workbook

    try:
        with _warnings_on_stderr():
            deck = read_workbook(workbook, quarter=quarter, picture_folders=pictures_from or ())
            canvas = render_deck(deck, template=template, theme=theme)
            canvas.discard()  # drawn to be checked, not kept
    except InputError as e:
        raise _fail(e) from None
    typer.echo(f"{workbook}: ok ({deck.quarter}, {canvas.slide_count} slides)")


EXIT_FINDINGS = 1


def _check_design(deck: Path, render: bool | None, as_json: bool, quiet: bool) -> None:
    """``check --design``: the report on stdout; exit 1 when anything fails."""
    import json

    from tuningdeck.lint import check_deck_design
    from tuningdeck.preview import PreviewError

    try:
        report = check_deck_design(deck, render=render)
    except (InputError, PreviewError) as e:
        raise _fail(e) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.to_text(measurements=not quiet))
    if not report.ok:
        raise typer.Exit(EXIT_FINDINGS)


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
    """Install the theme's fonts where LibreOffice finds them (needed for faithful renders)."""
    from tuningdeck.fonts import install_fonts

    typer.echo(
        "preparing the theme's fonts and the installed script fonts (the first time, static "
        "instances are cut from variable fonts: up to a minute)…",
        err=True,
    )
    try:
        where = install_fonts()
    except OSError as e:
        raise _fail(InputError(f"the fonts could not be installed: {e}")) from None
    except InputError as e:
        raise _fail(e) from None
    typer.echo(f"installed fonts in {where}")


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
    except (PreviewError, OSError) as e:
        raise _fail(e) from None
    for png in pngs:
        typer.echo(str(png))


template_app = typer.Typer(
    help="Check a PowerPoint master before building with it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(template_app, name="template")


@template_app.command("check")
def template_check(
    template: Annotated[Path, typer.Argument(help="A .pptx master.")],
    theme: ThemeOption = None,
) -> None:
    """List each layout's placeholders and say, for every slide kind, whether the template can
    carry it and what is missing.

    Placeholders are matched by the settings' [placeholders], then by name, then by type and
    idx. Exits 0 when every kind can be built, 2 naming those that cannot.
    """
    from tuningdeck.render.template_check import check_template

    try:
        report = check_template(template, theme)
    except InputError as e:
        raise _fail(e) from None
    for layout in report.layouts:
        renamed = "" if layout.name == layout.layout_name else f" (as {layout.name!r})"
        typer.echo(f"layout {layout.layout_name!r}{renamed}")
        for p in layout.placeholders:
            size = "" if p.frame is None else f" {p.frame.w / 72:.2f} x {p.frame.h / 72:.2f} in"
            ours = "" if p.name == p.shape_name else f" -> {p.name}"
            typer.echo(f"  {p.shape_name!r}{ours}: type {p.kind}, idx {p.idx}{size}")
    width = max(len(k.kind) for k in report.kinds)
    for k in report.kinds:
        status = "supported" if k.supported else "missing " + ", ".join(k.missing)
        if k.supported and k.optional:
            status += f" (no slide may fill the missing {', '.join(k.optional)})"
        typer.echo(f"{k.kind:<{width}}  {status}")
    unsupported = [k.kind for k in report.kinds if not k.supported]
    if unsupported:
        typer.echo(f"error: cannot build {', '.join(unsupported)}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)


def main() -> None:
    """Entry point for ``python -m tuningdeck``."""
    app(prog_name="tuningdeck")


if __name__ == "__main__":  # pragma: no cover
    main()
