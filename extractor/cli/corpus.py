"""The commands over many files and the corpus: `schema`, `evaluate`, `batch`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.cli.common import (
    OCR_TIMEOUT,
    MemoryOpt,
    OcrEngineOpt,
    OcrOpt,
    OcrPagesOpt,
    PasswordOpt,
    TimeoutOpt,
    WorkersOpt,
    app,
    err,
    guarded,
    ocr_options,
    options,
    say,
)
from extractor.errors import printable
from extractor.filenames import shown
from extractor.pdf.guard import DEFAULT_MAX_MEMORY_MB
from extractor.splits import listed


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schemas.")] = Path(
        "models/schemas"
    ),
) -> None:
    """Write the JSON Schemas of the records (Report, GoldReport) into models/schemas.

    Example: pinggu schema --out models/schemas
    """
    from extractor.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


@app.command()
def evaluate(
    corpus: Annotated[
        Path, typer.Argument(help="Folder with PDFs and *.gold.json beside them.")
    ] = Path("corpora"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="List every mismatching field.")
    ] = False,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Break the figures down by 'folder' or by a variant key of the gold "
            "files (e.g. family, ruled, font).",
        ),
    ] = "folder",
    per_file: Annotated[bool, typer.Option("--per-file", help="One line per file.")] = False,
    include_scans: Annotated[
        bool,
        typer.Option(
            "--include-scans",
            help="Also score the image-only scans (corpora/scanned) through OCR: minutes per scan.",
        ),
    ] = False,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Only the PDFs whose file name contains this text."),
    ] = None,
    ocr: OcrOpt = None,
    ocr_engine: OcrEngineOpt = "rapidocr",
    include_validation: Annotated[
        bool,
        typer.Option(
            "--include-validation",
            help=f"Also score the held-out splits ({listed()} folders): look at them last.",
        ),
    ] = False,
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
) -> None:
    """Compare extraction with gold: per field group and overall precision / recall / F1
    (strict and normalised), whole-record accuracy, table cell accuracy, indicator rows
    found, praise/concern count accuracy per section, and the checker's findings (false
    alarms on clean reports counted apart), overall and per folder or variant.

    Example: pinggu evaluate corpora --by family --per-file
    """
    from rich.progress import Progress

    from extractor.evaluation.corpus import evaluate_corpus, gold_pairs
    from extractor.evaluation.render import files_table, groups_table, summary_table
    from extractor.evaluation.summary import file_figures

    opts = options(None, timeout, max_memory, ocr_options(ocr, "auto", ocr_engine))
    pairs = gold_pairs(corpus, include_scans, include_validation, only)
    if not pairs:
        say("[bold red]error:[/]", f"no *.gold.json with a PDF beside it under {corpus}")
        raise typer.Exit(2)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("evaluating", total=len(pairs))
        run = evaluate_corpus(
            corpus,
            opts,
            on_file=lambda _: progress.advance(task),
            include_scans=include_scans,
            include_validation=include_validation,
            by=by,
            only=only,
        )
    summary = run.summary
    if per_file:
        summary.per_file = [file_figures(r) for r in run.results]
    if as_json:
        if details:
            summary.mismatches = {r.file: m for r in run.results if (m := r.mismatches())}
        typer.echo(summary.model_dump_json(indent=2, exclude_none=True))
        return
    out = Console()
    out.print(summary_table(summary))
    if (groups := groups_table(summary)) is not None:
        out.print(groups)
    if summary.per_file is not None:
        out.print(files_table(summary.per_file))
    if details:
        for r in run.results:
            for line in r.mismatches():
                typer.echo(printable(f"{r.file}: {line}"))


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(help="PDFs or folders (searched recursively).")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store to fill.")] = Path("pinggu.sqlite"),
    workers: WorkersOpt = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again files already in the store.")
    ] = False,
    redact_names: Annotated[
        bool, typer.Option("--redact-names", help="Store roster names as pseudonyms.")
    ] = False,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            help="Spread the files over a Dask cluster (tcp://host:8786); its workers "
            "must see the files at the same absolute paths. Needs pip install 'pinggu\\[dask]'.",
        ),
    ] = None,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
) -> None:
    """Extract every PDF under PATHS into a SQLite store (reports, records, findings,
    indicator rows, narrative, assessments, party scores, staffing, roster, problems,
    files, failures; views station_summary, file_status, superseded_reports; columns:
    `pinggu metadata`). Content already stored (same sha256, under any
    name) is skipped and its path recorded, so a rerun after a crash only does what is
    left; a file that fails is listed with its reason (also in DB.failures.csv) and the
    batch goes on; a parser process that dies is retried once alone. Exit 0 when every
    file is stored, 2 when any failed. See RELIABILITY.md.

    Example: pinggu batch corpora --db out/pinggu.sqlite
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from extractor.batch import BatchProgress, failures_csv_path, run_batch, write_failures_csv

    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    if opts.ocr_page_s is not None:  # a batch bounds each file once: room for a scan
        opts = replace(opts, limits=replace(opts.limits, timeout_s=OCR_TIMEOUT), ocr_page_s=None)
    columns = (
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeRemainingColumn(),
    )
    # No refresh thread: extraction forks, and a fork must not copy a thread mid-write.
    with Progress(*columns, console=err, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("batch", total=None, failed=0)

        def show(p: BatchProgress) -> None:
            bar.update(task, total=p.total, completed=p.finished, failed=p.failed)
            bar.refresh()

        result = guarded(
            lambda: run_batch(
                paths, db, opts, workers, redact_names, dask_scheduler, show, force=force
            )
        )
    csv_path = failures_csv_path(db)
    write_failures_csv(result.failures, csv_path)
    out = Console()
    rate = result.done / result.elapsed_s if result.elapsed_s else 0.0
    out.print(
        f"{result.found} files: {result.done} stored, {result.skipped} skipped "
        f"(already stored), {len(result.failures)} failed — {result.elapsed_s:.1f} s, "
        f"{rate:.2f} files/s → {escape(printable(shown(db)))}",
        highlight=False,
        soft_wrap=True,
    )
    if result.failures:
        table = Table(title="failed files")
        table.add_column("path", overflow="fold")
        table.add_column("reason", overflow="fold")
        for f in result.failures:
            hint = f"\n[dim]{escape(printable(f.hint))}[/]" if f.hint else ""
            table.add_row(escape(printable(f.path)), escape(printable(f.message)) + hint)
        out.print(table)
        out.print(f"failures also in {escape(printable(str(csv_path)))}", highlight=False)
        raise typer.Exit(2)
