"""The commands that read reports into records: `inspect`, `extract`, `check`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from extractor.cli.common import (
    LangOpt,
    MemoryOpt,
    OcrEngineOpt,
    OcrOpt,
    OcrPagesOpt,
    PasswordOpt,
    TimeoutOpt,
    WorkersOpt,
    app,
    expand_inputs,
    file_progress,
    guarded,
    ocr_options,
    options,
    report_error,
    report_partial,
    say,
)
from extractor.errors import EXIT_FINDINGS, combined_exit
from extractor.pdf.guard import DEFAULT_MAX_MEMORY_MB

if TYPE_CHECKING:  # the commands import the pipeline when they run (cli/common.py)
    from extractor import pipeline
    from extractor.records import Report


@app.command()
def inspect(
    pdf: Annotated[Path, typer.Argument(help="A report PDF.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
) -> None:
    """Show what the document layer sees: section tree, block previews, tables, comments.

    Example: pinggu inspect corpora/seed/xicun_2024_final.pdf --format md
    """
    from extractor import pipeline

    if fmt not in ("md", "json"):
        raise typer.BadParameter("--format must be md or json")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    text = guarded(lambda: pipeline.inspect(pdf, "json" if fmt == "json" else "md", opts))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def extract(
    pdfs: Annotated[
        list[Path], typer.Argument(help="Report PDFs or folders (searched recursively).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here; the extension picks the format (.json .jsonl .md .csv .xlsx "
            ".parquet). A folder: one file per PDF (json, md) or per table (csv, parquet).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="json, jsonl, md, csv, xlsx or parquet (default: from -o's extension; json).",
        ),
    ] = None,
    redact_names: Annotated[
        bool, typer.Option("--redact-names", help="Replace roster names with pseudonyms.")
    ] = False,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
    workers: WorkersOpt = 1,
    lang: LangOpt = None,
) -> None:
    """Extract one `Report` record per PDF (metadata, scores, praise/concern items,
    indicator tables, narrative figures, staffing and roster), each value with its page,
    bbox and source text. Exit 0 when every record is complete; a file that fails does
    not stop the others (exit codes for mixed outcomes: README). Records come out in
    input order whatever -j; a folder is read as its *.pdf files, sorted.

    Example: pinggu extract corpora/seed/xicun_2024_final.pdf --format md
    Example: pinggu extract corpora/families -j 2 -o out/
    """
    from extractor.exports import render_record, render_records
    from extractor.exports.results import EXTRACT_FORMATS, TABULAR
    from extractor.outputs import plan_output
    from extractor.redaction import redact

    fmt = _pick_format(output, fmt, EXTRACT_FORMATS, "json")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    files = expand_inputs(pdfs)
    if fmt in TABULAR:
        _extract_tables(files, output, fmt, redact_names, opts, workers, lang)
        return
    plan = guarded(lambda: plan_output(files, output, _SUFFIX[fmt]))  # before any parsing
    outcomes: list[pipeline.FileOutcome] = []
    kept: list[Report] = []
    for i, outcome in enumerate(_each_reported(files, opts, workers, "extracting")):
        outcomes.append(outcome)
        if outcome.report is None:
            continue
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


def _each_reported(
    files: list[Path], opts: pipeline.PipelineOptions, workers: int, doing: str
) -> Iterator[pipeline.FileOutcome]:
    """Each file's outcome in input order, the progress bar advanced and a file's error
    or partial record said on stderr as it comes (`extract`, `check`)."""
    from extractor import pipeline

    with file_progress(len(files), doing) as advance:
        for outcome in pipeline.extract_each(files, opts, workers):
            advance()
            if outcome.error is not None:
                report_error(outcome.error)
            else:
                report_partial(outcome)
            yield outcome


def _pick_format(
    output: Path | None, fmt: str | None, allowed: tuple[str, ...], default: str
) -> str:
    """-o's extension or --format (which must agree); a usage error otherwise."""
    from extractor.exports.results import BINARY
    from extractor.outputs import pick_format

    try:
        chosen = pick_format(output, fmt, allowed, default)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if chosen in BINARY and output is None:
        raise typer.BadParameter(f"{chosen} is a binary file: give -o FILE.{chosen}")
    return chosen


def _extract_tables(
    files: list[Path],
    output: Path | None,
    fmt: str,
    redact_names: bool,
    opts: pipeline.PipelineOptions,
    workers: int,
    lang: str | None,
) -> None:
    """`extract` as tables (csv, xlsx, parquet): extractor.exports.results.write_extract."""
    from extractor.exports.results import items, write_extract
    from extractor.outputs import plan_output, prepare_folder

    if output is not None:  # before any parsing
        if fmt != "xlsx" and (output.is_dir() or not output.suffix):
            guarded(lambda: prepare_folder(output))
        else:
            guarded(lambda: plan_output([output], output, ""))
    outcomes = list(_each_reported(files, opts, workers, "extracting"))
    if any(o.report is not None for o in outcomes):  # else an existing -o stays untouched
        data = guarded(lambda: write_extract(items(outcomes, redact_names), output, fmt, lang))
        if data is not None:
            sys.stdout.write(data.decode("utf-8"))
    code = combined_exit(o.exit_code for o in outcomes)
    if code:
        raise typer.Exit(code)


def _write(path: Path, text: str | bytes) -> None:
    """Write atomically, or exit 73 naming the path: the existing file stays as it was."""
    from extractor.outputs import write_atomic

    guarded(lambda: write_atomic(path, text))


@app.command()
def check(
    pdfs: Annotated[
        list[Path], typer.Argument(help="Report PDFs or folders (searched recursively).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the findings here; the extension picks the format (.json .jsonl "
            ".csv .xlsx .parquet .md; .html: the audit page of one PDF). One row per "
            "finding, and one per file with none or that could not be read.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, jsonl, csv, xlsx, parquet, md or html (default: from -o's "
            "extension; table on the terminal).",
        ),
    ] = None,
    lang: LangOpt = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write an HTML audit page per report here.")
    ] = None,
    password: PasswordOpt = None,
    ocr: OcrOpt = None,
    ocr_pages: OcrPagesOpt = "auto",
    ocr_engine: OcrEngineOpt = "rapidocr",
    timeout: TimeoutOpt = None,
    max_memory: MemoryOpt = DEFAULT_MAX_MEMORY_MB,
    workers: WorkersOpt = 1,
) -> None:
    """Recompute every total, percentage, score sum, grade band, staffing rate and roster
    subtotal; list the inconsistencies with their page, printed and expected values.
    Exit 0 when clean, 1 when any error finding, 11 when a record is partial (checked
    only in part), 12 when nothing of a report could be read, a file's own error code
    when it could not be read at all (README: exit codes). Reports in input order
    whatever -j; a folder is read as its *.pdf files, sorted.

    Example: pinggu check corpora/seed/xicun_2024_final.pdf --lang en --html out/audit
    """
    from extractor.exports import findings_table
    from extractor.exports.results import CHECK_FORMATS, check_bytes, items
    from extractor.outputs import plan_output, prepare_folder

    fmt = _pick_format(output, fmt, CHECK_FORMATS, "table" if output is None else "")
    if fmt == "table" and output is not None:
        raise typer.BadParameter("table prints to the terminal: give -o a .csv, .xlsx … file")
    page_name = None
    if fmt == "html":  # -o x.html: the audit page of one PDF; -o DIR: as --html DIR
        if output is None or html is not None:
            raise typer.BadParameter("--format html writes audit pages: give -o, not --html")
        if output.suffix.lower() == ".html" and not output.is_dir():
            if len(pdfs) != 1 or pdfs[0].is_dir():
                raise typer.BadParameter("-o x.html takes one PDF; give -o a folder")
            html, page_name = output.parent, [output.name]
        else:
            html = output
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    if output is not None and fmt != "html":
        guarded(lambda: plan_output([output], output, ""))  # before any parsing
    if html is not None:
        audit_dir = html
        guarded(lambda: prepare_folder(audit_dir))  # before any parsing
    files = expand_inputs(pdfs)
    outcomes: list[pipeline.FileOutcome] = []
    done: list[tuple[Path, Report]] = []
    codes: list[int] = []
    for outcome in _each_reported(files, opts, workers, "checking"):
        outcomes.append(outcome)
        if outcome.report is None:
            codes.append(outcome.exit_code)
            continue
        done.append((outcome.path, outcome.report))
        errors = any(f.severity == "error" for f in outcome.report.findings)
        codes.append(outcome.exit_code or (EXIT_FINDINGS if errors else 0))
    if fmt == "table":
        console = Console()
        for _, r in done:
            console.print(findings_table(r, lang))
    elif fmt != "html":
        data = check_bytes(items(outcomes), fmt, lang)
        if output is None:
            sys.stdout.write(data.decode("utf-8"))
        elif done:  # a run that read nothing leaves an existing -o file untouched
            _write(output, data)
    if html is not None and done:
        from extractor.audit import write_audit

        page_lang = "en" if lang == "en" else "zh"
        pages = guarded(
            lambda: write_audit(done, audit_dir, page_lang, opts.limits, names=page_name)
        )
        for path in pages:
            say("audit page:", str(path))
    code = combined_exit(codes)
    if code:
        raise typer.Exit(code)
