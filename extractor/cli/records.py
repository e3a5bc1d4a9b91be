"""The commands that read reports into records: `inspect`, `extract`, `check`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extractor import pipeline
from extractor.cli.common import (
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
def extract(
    pdfs: Annotated[
        list[Path], typer.Argument(help="Report PDFs or folders (searched recursively).")
    ],
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
    workers: WorkersOpt = 1,
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
    from extractor.outputs import plan_output
    from extractor.redaction import redact

    if fmt not in ("json", "jsonl", "md"):
        raise typer.BadParameter("--format must be json, jsonl or md")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    files = expand_inputs(pdfs)
    plan = guarded(lambda: plan_output(files, output, _SUFFIX[fmt]))  # before any parsing
    outcomes: list[pipeline.FileOutcome] = []
    kept: list[Report] = []
    with file_progress(len(files), "extracting") as advance:
        for i, outcome in enumerate(pipeline.extract_each(files, opts, workers)):
            advance()
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
def check(
    pdfs: Annotated[
        list[Path], typer.Argument(help="Report PDFs or folders (searched recursively).")
    ],
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
    from extractor.exports import findings_csv, findings_json, findings_table

    if fmt not in ("table", "json", "csv") or lang not in ("zh", "en"):
        raise typer.BadParameter("--format must be table, json or csv; --lang zh or en")
    opts = options(password, timeout, max_memory, ocr_options(ocr, ocr_pages, ocr_engine))
    if html is not None:
        from extractor.outputs import prepare_folder

        guarded(lambda: prepare_folder(html))  # before any parsing
    files = expand_inputs(pdfs)
    done: list[tuple[Path, Report]] = []
    codes: list[int] = []
    with file_progress(len(files), "checking") as advance:
        for outcome in pipeline.extract_each(files, opts, workers):
            advance()
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
