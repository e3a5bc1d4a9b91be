"""`pinggu`: the command line. Thin over `extractor.pipeline`; the only place that turns
`PingguError`s into a one-line message, a hint and an exit code (docs/errors.md)."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor import pipeline
from extractor.errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    InternalError,
    PingguError,
    combined_exit,
    printable,
)
from extractor.filenames import shown
from extractor.pdf.guard import Limits
from extractor.pdf.ocr import OcrMode, OcrOptions
from extractor.records import Report

app = typer.Typer(
    name="pinggu",
    help="Structured, checkable records from 社工服务站评估报告 PDFs.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
T = TypeVar("T")

DEFAULT_TIMEOUT = 60.0
# OCR: time added to the bound per page recognised (RapidOCR takes 3-10 s of CPU per page,
# and the engine a few seconds to load, on two busy cores), and the bound of a batch
# file when OCR may run (a batch cannot rerun a file with more time).
OCR_PAGE_S = 30.0
OCR_TIMEOUT = 900.0

PasswordOpt = Annotated[
    str | None, typer.Option("--password", help="Password of an encrypted PDF.")
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help=f"Seconds allowed to parse one PDF (default {DEFAULT_TIMEOUT:g}, plus "
        f"{OCR_PAGE_S:g} per page recognised by OCR; {OCR_TIMEOUT:g} per file in a batch "
        "that may OCR). Given, it bounds the whole parse, OCR included.",
        show_default=False,
    ),
]
MemoryOpt = Annotated[int, typer.Option("--max-memory", help="MB of memory one parse may add.")]
OcrOpt = Annotated[
    bool | None,
    typer.Option(
        "--ocr/--no-ocr",
        help="Recognise pages that have no usable text layer (scans, garbage text) from "
        "their images. Default: on when the OCR extra is installed (pip install "
        "'pinggu[ocr]'); --ocr makes a missing engine an error, --no-ocr refuses scans.",
        show_default=False,
    ),
]
OcrPagesOpt = Annotated[
    str,
    typer.Option(
        "--ocr-pages",
        help="auto: only pages without a usable text layer; all: every page.",
    ),
]
OcrEngineOpt = Annotated[
    str,
    typer.Option(
        "--ocr-engine",
        help="rapidocr (PP-OCR, the OCR extra) or tesseract (apt: tesseract-ocr "
        "tesseract-ocr-chi-sim; reads about twice as many characters wrong).",
    ),
]


def ocr_options(ocr: bool | None, pages: str = "auto", engine: str = "rapidocr") -> OcrOptions:
    """OcrOptions from the flags: no flag means OCR when the chosen engine is installed."""
    if pages not in ("auto", "all") or engine not in ("rapidocr", "tesseract"):
        raise typer.BadParameter(
            "--ocr-pages must be auto or all; --ocr-engine rapidocr or tesseract"
        )
    if ocr is None:
        ocr = engine_installed(engine)
    mode: OcrMode = ("all" if pages == "all" else "auto") if ocr else "off"
    return OcrOptions(mode=mode, engine="tesseract" if engine == "tesseract" else "rapidocr")


def engine_installed(engine: str) -> bool:
    if engine == "tesseract":
        import shutil

        return shutil.which("tesseract") is not None
    from extractor.pdf.ocr.rapid import RapidEngine

    return RapidEngine.available()


def options(
    password: str | None,
    timeout: float | None,
    max_memory: int,
    ocr: OcrOptions | None = None,
) -> pipeline.PipelineOptions:
    """PipelineOptions from the shared flags. Without --timeout a file gets the text
    bound, and OCR time per page only if it turns out to need OCR."""
    ocr = ocr or OcrOptions()
    page_s = OCR_PAGE_S if timeout is None and ocr.mode != "off" else None
    return pipeline.PipelineOptions(
        password=password,
        ocr=ocr,
        limits=Limits(timeout_s=timeout or DEFAULT_TIMEOUT, max_memory_mb=max_memory),
        ocr_page_s=page_s,
    )


def guarded(fn: Callable[[], T]) -> T:
    """Run a command body; a PingguError becomes `error: message` + hint + its exit code,
    any other exception (a bug) the same one-line form with exit 70."""
    try:
        return fn()
    except PingguError as exc:
        report_error(exc)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:
        report_error(InternalError.wrap(exc))
        raise typer.Exit(EXIT_INTERNAL) from None


def say(label: str, text: str) -> None:
    """One line on stderr: `label: text`, control characters escaped (a file name or PDF
    string cannot break the line or drive the terminal), rich markup not interpreted."""
    err.print(f"{label} {escape(printable(text))}", highlight=False, soft_wrap=True)


def report_error(exc: PingguError | InternalError) -> None:
    """`error: message` and `hint: …` on stderr; the batch or file loop goes on. With
    PINGGU_DEBUG=1 a bug's traceback follows."""
    say("[bold red]error:[/]", str(exc))
    if exc.hint:
        say("[dim]hint:[/]", exc.hint)
    if isinstance(exc, InternalError) and exc.traceback and os.environ.get("PINGGU_DEBUG"):
        sys.stderr.write(exc.traceback if exc.traceback.endswith("\n") else exc.traceback + "\n")


def report_partial(outcome: pipeline.FileOutcome, limit: int = 3) -> None:
    """`warning: FILE: record is partial: …` naming the first problems, for a record
    that was written but is incomplete or holds nothing of a report."""
    r = outcome.report
    if r is None or r.status == "success":
        return
    word = "partial" if r.status == "partial" else "unusable (status failure)"
    parts = [f"{p.message} (page {p.page})" if p.page else p.message for p in r.problems]
    more = f"; {len(parts) - limit} more in the record's problems" if len(parts) > limit else ""
    say(
        "[yellow]warning:[/]",
        f"{outcome.path}: record is {word}: " + "; ".join(parts[:limit]) + more,
    )


@app.callback()
def _root() -> None:
    """Pinggu reads 社工服务站评估报告 PDFs into structured, checkable records."""


@app.command()
def inspect(
    pdf: Annotated[Path, typer.Argument(help="A report PDF.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = 2048,
) -> None:
    """Show what the document layer sees: section tree, block previews, tables, comments.

    Example: pinggu inspect corpora/seed/xicun_2024_final.pdf --format md
    """
    if fmt not in ("md", "json"):
        raise typer.BadParameter("--format must be md or json")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    text = guarded(lambda: pipeline.inspect(pdf, "json" if fmt == "json" else "md", opts))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def bench(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="PDFs or folders (default: corpora/ without corpora/scanned/)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Add the results to this Markdown file.")
    ] = None,
    repeat: Annotated[
        int, typer.Option("--repeat", "-n", min=1, help="Keep the best of N runs.")
    ] = 1,
    ocr_engines: Annotated[
        list[str] | None,
        typer.Option(
            "--ocr-engine",
            help="Instead: time OCR with this engine (repeatable: rapidocr, tesseract) on "
            "the --pages of each scan given: seconds per page, peak memory.",
        ),
    ] = None,
    pages: Annotated[
        str, typer.Option("--pages", help="With --ocr-engine: 1-based pages, e.g. 20,22.")
    ] = "1",
) -> None:
    """Time the document layer beside bare pdfplumber and pypdfium2: pages/s, peak memory.

    Each method runs in a fresh process on one core; also reports how often pypdfium2 and
    pdfplumber see the same characters on a page. With --ocr-engine, times OCR instead.

    Example: pinggu bench corpora/seed --repeat 3 --output BENCHMARKS.md
    """
    if ocr_engines:
        _bench_ocr(paths or [], ocr_engines, pages, output)
        return
    from extractor import bench as b  # pdfplumber etc. load only when benchmarking

    try:
        result = b.run_bench(paths or None, repeat=repeat)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    result.agreement = b.text_agreement(result.paths)
    table = Table(title=f"{len(result.paths)} files, best of {repeat}")
    for i, h in enumerate(b.HEADERS):
        table.add_column(h, justify="left" if i == 0 else "right")
    for row in b.rows(result, short=True):
        table.add_row(*row)
    out = Console()
    out.print(table)
    for name, why in result.skipped.items():
        out.print(f"[dim]{b.METHODS[name].label}: skipped ({why})[/]", highlight=False)
    a = result.agreement
    out.print(f"text agreement: {a['identical']}/{a['pages']} pages identical ({a['share']:.1%})")
    for m in result.methods:
        if m.split and m.split.get("document"):
            d, p = m.split["document"], m.split["passes"]
            out.print(f"{m.label}: document {d:.2f} s + passes/checks {p:.2f} s ({p / d:.0%})")
    if output:
        command = shlex.join(["pinggu", *sys.argv[1:]])
        b.update_file(output, b.to_markdown(result, command))
        out.print(f"written to {escape(printable(str(output)))}", highlight=False)


def _bench_ocr(paths: list[Path], engines: list[str], pages: str, output: Path | None) -> None:
    from extractor import bench, bench_ocr

    if not paths or any(e not in ("rapidocr", "tesseract") for e in engines):
        raise typer.BadParameter("give scan PDFs; --ocr-engine is rapidocr or tesseract")
    try:
        numbers = [int(p) for p in pages.split(",")]
    except ValueError:
        raise typer.BadParameter("--pages takes numbers separated by commas") from None
    runs = bench_ocr.run_ocr_bench(paths, numbers, engines)
    table = Table(title=f"OCR, pages {pages}")
    for i, h in enumerate(bench_ocr.HEADERS):
        table.add_column(h, justify="left" if i < 2 else "right")
    for row in bench_ocr.rows(runs):
        table.add_row(*row)
    Console().print(table)
    if output:
        command = shlex.join(["pinggu", *sys.argv[1:]])
        bench.update_file(output, bench_ocr.to_markdown(runs, numbers, command))


def _report_markdown(r: Report) -> str:
    from extractor.exports import report_markdown

    return report_markdown(r)


@app.command()
def extract(
    pdfs: Annotated[list[Path], typer.Argument(help="Report PDFs.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write here (file, or folder for several PDFs with json/md)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or md.")] = "json",
    redact_names: Annotated[
        bool, typer.Option("--redact-names", help="Replace roster names with pseudonyms.")
    ] = False,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = 2048,
) -> None:
    """Extract one `Report` record per PDF (metadata, scores, praise/concern items,
    indicator tables, narrative figures, staffing and roster), each value with its page,
    bbox and source text. Exit 0 when every record is complete; a file that fails does
    not stop the others (exit codes for mixed outcomes: README).

    Example: pinggu extract corpora/seed/xicun_2024_final.pdf --format md
    """
    from extractor.exports import render_record, render_records
    from extractor.outputs import plan_output
    from extractor.redaction import redact

    if fmt not in ("json", "jsonl", "md"):
        raise typer.BadParameter("--format must be json, jsonl or md")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    plan = guarded(lambda: plan_output(pdfs, output, _SUFFIX[fmt]))  # before any parsing
    outcomes: list[pipeline.FileOutcome] = []
    kept: list[Report] = []
    for i, outcome in enumerate(pipeline.extract_each(pdfs, opts)):
        outcomes.append(outcome)
        if outcome.error is not None:
            report_error(outcome.error)
            continue
        assert outcome.report is not None
        report_partial(outcome)
        report = redact(outcome.report) if redact_names else outcome.report
        if plan.mode == "folder":  # each file as soon as it is done
            _write(plan.path_for(i), render_record(report, fmt))
        else:
            kept.append(report)
    if kept:  # a run that produced nothing leaves an existing -o file untouched
        text = render_records(kept, fmt)
        if plan.target is None:
            sys.stdout.write(text)
        else:
            _write(plan.target, text)
    code = combined_exit(o.exit_code for o in outcomes)
    if code:
        raise typer.Exit(code)


_SUFFIX = {"json": ".json", "md": ".md", "jsonl": ""}


def _write(path: Path, text: str) -> None:
    """Write atomically, or exit 73 naming the path: the existing file stays as it was."""
    from extractor.outputs import write_atomic

    guarded(lambda: write_atomic(path, text))


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
            help="Also score the held-out split (validation/ folders): look at it last.",
        ),
    ] = False,
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = 2048,
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
def check(
    pdfs: Annotated[list[Path], typer.Argument(help="Report PDFs.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    lang: Annotated[str, typer.Option("--lang", help="Explanations in zh or en.")] = "zh",
    html: Annotated[
        Path | None, typer.Option("--html", help="Write an HTML audit page per report here.")
    ] = None,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = 2048,
) -> None:
    """Recompute every total, percentage, score sum, grade band, staffing rate and roster
    subtotal; list the inconsistencies with their page, printed and expected values.
    Exit 0 when clean, 1 when any error finding, 11 when a record is partial (checked
    only in part), 12 when nothing of a report could be read, a file's own error code
    when it could not be read at all (README: exit codes).

    Example: pinggu check corpora/seed/xicun_2024_final.pdf --lang en --html out/audit
    """
    from extractor.exports import findings_csv, findings_json, findings_table

    if fmt not in ("table", "json", "csv") or lang not in ("zh", "en"):
        raise typer.BadParameter("--format must be table, json or csv; --lang zh or en")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    if html is not None:
        from extractor.outputs import prepare_folder

        guarded(lambda: prepare_folder(html))  # before any parsing
    done: list[tuple[Path, Report]] = []
    codes: list[int] = []
    for outcome in pipeline.extract_each(pdfs, opts):
        if outcome.error is not None:
            report_error(outcome.error)
            codes.append(outcome.exit_code)
            continue
        assert outcome.report is not None
        report_partial(outcome)
        done.append((outcome.path, outcome.report))
        errors = any(f.severity == "error" for f in outcome.report.findings)
        codes.append(outcome.exit_code or (EXIT_FINDINGS if errors else 0))
    reports = [r for _, r in done]
    if fmt == "json":
        sys.stdout.write(findings_json(reports))
    elif fmt == "csv":
        sys.stdout.write(findings_csv(reports, lang))
    else:
        console = Console()
        for r in reports:
            console.print(findings_table(r, lang))
    if html is not None and done:
        from extractor.audit import write_audit

        for path in guarded(lambda: write_audit(done, html, lang, opts.limits)):
            say("audit page:", str(path))
    code = combined_exit(codes)
    if code:
        raise typer.Exit(code)


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(help="PDFs or folders (searched recursively).")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store to fill.")] = Path("pinggu.sqlite"),
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", min=1, help="Files extracted at once, each in its own process."
        ),
    ] = 1,
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
            "must see the same paths. Needs pip install 'pinggu[dask]'.",
        ),
    ] = None,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = 2048,
) -> None:
    """Extract every PDF under PATHS into a SQLite store (reports, findings, indicator
    rows, assessments, party scores, files, failures; views station_summary,
    file_status, superseded_reports). Content already stored (same sha256, under any
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


def main() -> None:
    """The `pinggu` console script: the typer app, with any exception that escapes a
    command (a bug) printed as one line and exit 70 instead of a traceback."""
    try:
        app()
    except PingguError as exc:  # raised before any file, e.g. a broken models/ while warming
        report_error(exc)
        sys.exit(exc.exit_code)
    except Exception as exc:  # typer turns usage errors, Exit and Ctrl-C into exits itself
        report_error(InternalError.wrap(exc))
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
