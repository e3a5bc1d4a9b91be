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
        typer.Argument(
            help="PDFs or folders (default: corpora/ without scanned/ and validation/)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Add the results to this Markdown file.")
    ] = None,
    repeat: Annotated[
        int, typer.Option("--repeat", "-n", min=1, help="In process: keep the best of N runs.")
    ] = 1,
    rounds: Annotated[
        int,
        typer.Option(
            "--rounds", min=1, help="Whole processes: run every command N times, in turn."
        ),
    ] = 3,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=2, help="Whole processes: the parallel run's -j.")
    ] = 2,
    whole: Annotated[
        bool,
        typer.Option(
            "--whole-process/--in-process-only",
            help="Also time the commands as users run them (minutes on the corpus).",
        ),
    ] = True,
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
    """Time `pinggu extract` as users run it, beside bare pdfplumber and pypdfium2.

    First as whole processes (start-up, imports and forks included) on one core and with
    -j 2, over the files and, by default, over the Word/LibreOffice-made families alone:
    wall and CPU seconds, ratio to pdfplumber, peak RSS, start-up, per-file overhead.
    Then in one process per method on one core: the document layer and the passes,
    pages/s, peak memory, and how often pypdfium2 and pdfplumber see the same characters
    on a page. With --ocr-engine, times OCR instead.

    Example: pinggu bench corpora/seed --repeat 3 --output BENCHMARKS.md
    """
    if ocr_engines:
        _bench_ocr(paths or [], ocr_engines, pages, output)
        return
    from extractor import bench as b  # pdfplumber etc. load only when benchmarking

    files = [p.resolve() for p in b.expand(paths)] if paths else b.default_paths()
    if not files:
        raise typer.BadParameter("no PDFs to benchmark")
    out = Console()
    whole_md = _whole_processes(files, paths is None, rounds, workers, out) if whole else None
    try:
        result = b.run_bench(files, repeat=repeat)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    result.agreement = b.text_agreement(result.paths)
    table = Table(title=f"In one process: {len(result.paths)} files, best of {repeat}")
    for i, h in enumerate(b.HEADERS):
        table.add_column(h, justify="left" if i == 0 else "right")
    for row in b.rows(result, short=True):
        table.add_row(*row)
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
        b.update_file(output, b.to_markdown(result, command, whole_process=whole_md))
        out.print(f"written to {escape(printable(str(output)))}", highlight=False)


def _whole_processes(
    files: list[Path], corpus: bool, rounds: int, workers: int, out: Console
) -> list[str]:
    """The whole-process tables, printed; their Markdown lines returned."""
    from extractor import bench, bench_cli

    groups = [("given files" if not corpus else "whole corpus", files)]
    families = [p for p in files if "families" in p.parts]
    if corpus and families:
        groups.append(("Word/LibreOffice-made layout families (corpora/families)", families))
    results = []
    for name, group in groups:
        pages = sum(bench.page_count(p) for p in group)
        g = bench_cli.run_group(name, group, pages, rounds=rounds, workers=workers)
        table = Table(title=f"Whole processes, {name}: {g.files} files, {g.rounds} rounds")
        for i, h in enumerate(bench_cli.HEADERS):
            table.add_column(h, justify="left" if i == 0 else "right")
        for row in bench_cli.rows(g, short=True):
            table.add_row(*row)
        out.print(table)
        for line in bench_cli.failed(g):
            out.print(f"[yellow]{escape(line)}[/]", highlight=False)
        results.append(g)
    return bench_cli.to_markdown(results)


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
