"""`pinggu bench`: speed and memory of the document layer, the CLI and the OCR engines."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.cli.common import app
from extractor.errors import printable


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
