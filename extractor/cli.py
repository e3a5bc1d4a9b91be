"""`pinggu`: the command line. Thin over `extractor.pipeline`; the only place that turns
`PingguError`s into a one-line message, a hint and an exit code (docs/errors.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from extractor import pipeline
from extractor.errors import PingguError
from extractor.pdf.guard import Limits

app = typer.Typer(
    name="pinggu",
    help="Structured, checkable records from 社工服务站评估报告 PDFs.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
T = TypeVar("T")

PasswordOpt = Annotated[
    str | None, typer.Option("--password", help="Password of an encrypted PDF.")
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds allowed to parse one PDF.")]
MemoryOpt = Annotated[int, typer.Option("--max-memory", help="MB of memory one parse may add.")]
OcrOpt = Annotated[bool, typer.Option("--ocr", help="Accept image-only PDFs (scans) for OCR.")]


def options(
    password: str | None, timeout: float, max_memory: int, ocr: bool = False
) -> pipeline.PipelineOptions:
    return pipeline.PipelineOptions(
        password=password, ocr=ocr, limits=Limits(timeout_s=timeout, max_memory_mb=max_memory)
    )


def guarded(fn: Callable[[], T]) -> T:
    """Run a command body; a PingguError becomes `error: message` + hint + its exit code."""
    try:
        return fn()
    except PingguError as exc:
        err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False, soft_wrap=True)
        if exc.hint:
            err.print(f"[dim]hint:[/] {exc.hint}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


@app.callback()
def _root() -> None:
    """Pinggu reads 社工服务站评估报告 PDFs into structured, checkable records."""


@app.command()
def inspect(
    pdf: Annotated[Path, typer.Argument(help="A report PDF.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    password: PasswordOpt = None,
    timeout: TimeoutOpt = 60.0,
    max_memory: MemoryOpt = 2048,
) -> None:
    """Show what the document layer sees: section tree, block previews, tables, comments.

    Example: pinggu inspect corpora/seed/xicun_2024_final.pdf --format md
    """
    if fmt not in ("md", "json"):
        raise typer.BadParameter("--format must be md or json")
    text = guarded(lambda: pipeline.inspect(pdf, fmt, options(password, timeout, max_memory)))  # type: ignore[arg-type]
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def main() -> None:  # pragma: no cover
    app()
