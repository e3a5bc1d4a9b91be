"""What every `pinggu` command shares: the app, the flags for bounds and OCR, and the one
place that turns `PingguError`s into a one-line message, a hint and an exit code
(docs/errors.md).

The CLI modules import only what defines the commands and their flags; the pipeline
(pdfplumber, pydantic records, spaCy) is imported inside the commands that parse, so
`pinggu --help` and `--version` start in a fraction of the time (tests/test_cli_startup).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from extractor.errors import EXIT_INTERNAL, InternalError, PingguError, printable
from extractor.filenames import shown
from extractor.pdf.guard import Limits
from extractor.pdf.ocr import OcrMode, OcrOptions, rapidocr_installed

if TYPE_CHECKING:
    from extractor import pipeline

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
    return rapidocr_installed()


def options(
    password: str | None,
    timeout: float | None,
    max_memory: int,
    ocr: OcrOptions | None = None,
) -> pipeline.PipelineOptions:
    """PipelineOptions from the shared flags. Without --timeout a file gets the text
    bound, and OCR time per page only if it turns out to need OCR."""
    from extractor import pipeline

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
    parts = [
        p.message + (f" (page {p.page})" if p.page else "") + (f": {p.detail}" if p.detail else "")
        for p in r.problems
    ]
    more = f"; {len(parts) - limit} more in the record's problems" if len(parts) > limit else ""
    say(
        "[yellow]warning:[/]",
        f"{outcome.path}: record is {word}: " + "; ".join(parts[:limit]) + more,
    )


WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-j", min=1, help="Files parsed at once, each in its own process."),
]


def _lang(value: str | None) -> str | None:
    if value not in (None, "zh", "en"):
        raise typer.BadParameter("--lang must be zh or en")
    return value


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        callback=lambda v: _lang(v),
        help="zh or en: the language of explanations (Chinese when not given); with zh a "
        "table output (csv, xlsx, parquet, md) also shows every column header and named "
        "value (severity, status, party, …) in Chinese (models/columns.yaml).",
    ),
]


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given, folders searched recursively for *.pdf (sorted); a usage error
    (exit 2) before any parsing when nothing is left to read."""
    from extractor import pipeline

    found = pipeline.find_pdfs(paths)
    if not found:
        where = ", ".join(shown(p) for p in paths)
        say("[bold red]error:[/]", f"no PDF under {where}")
        raise typer.Exit(2)
    return found


@contextmanager
def file_progress(total: int, verb: str) -> Iterator[Callable[[], None]]:
    """A bar on stderr while more than one file is parsed; yields `advance`, called once
    per file done. No refresh thread: the pool forks, and a fork must not copy a thread
    mid-write (the bar redraws when a file is done)."""
    if total <= 1:
        yield lambda: None
        return
    columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(verb, total=total)
        bar.refresh()

        def advance() -> None:
            bar.advance(task)
            bar.refresh()

        yield advance


def _print_version(value: bool) -> None:
    if value:
        from extractor import __version__

        typer.echo(f"pinggu {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Pinggu reads 社工服务站评估报告 PDFs into structured, checkable records."""
