"""OCR speed and memory per engine: seconds per page and peak resident memory.

Each engine reads the same pages in a fresh interpreter (so its peak memory is its own),
with the thread count it runs with (RapidOCR 2, Tesseract 1). CPU seconds (the process's
and its children's: Tesseract is a binary run per page) are reported beside wall
seconds: on a machine shared with other jobs the wall clock measures the neighbours too,
CPU time less so. Loading the models (RapidOCR) and the first page's warm-up are timed
apart from the pages.

    pinggu bench --ocr-engine rapidocr --ocr-engine tesseract --pages 20,22 SCAN.pdf
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from extractor.bench import _peak_rss_mb


@dataclass(slots=True)
class OcrRun:
    engine: str
    file: str
    dpi: float
    pages: int
    cpu_s_per_page: float
    wall_s_per_page: float
    load_s: float
    rss_mb: float
    version: str = ""
    skipped: str = ""


def _cpu() -> float:
    """CPU seconds of this process (all threads) and of the children it waited for (the
    tesseract binary runs as one per page)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _child(spec_path: Path) -> None:
    """In the fresh interpreter: load the engine, time each page, write JSON."""
    from extractor.pdf.ocr import OcrOptions
    from extractor.pdf.ocr.image import native_dpi
    from extractor.pdf.ocr.recognise import make_engine, ocr_page

    spec = json.loads(spec_path.read_text())
    opts = OcrOptions(engine=spec["engine"])
    engine = make_engine(opts)
    try:
        label = engine.version()
    except Exception as exc:  # the engine is not installed here: say so, measure nothing
        spec_path.write_text(json.dumps({"skipped": f"{type(exc).__name__}: {exc}"}))
        return
    pdf = pdfium.PdfDocument(spec["path"])
    pages = [int(p) for p in spec["pages"]]
    t0 = time.perf_counter()
    first = pdf[pages[0] - 1]
    ocr_page(first, pages[0], engine, opts.grid, label)  # loads the models, warms up
    load_s = time.perf_counter() - t0
    dpi = max(native_dpi(first), engine.min_dpi)
    cpu0, wall0 = _cpu(), time.perf_counter()
    for n in pages:
        ocr_page(pdf[n - 1], n, engine, opts.grid, label)
    cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
    spec_path.write_text(
        json.dumps(
            {
                "version": label,
                "dpi": dpi,
                "cpu": cpu / len(pages),
                "wall": wall / len(pages),
                "load": load_s,
                "rss": max(_peak_rss_mb(), _children_rss_mb()),
            }
        )
    )


def run_ocr_bench(paths: list[Path], pages: list[int], engines: list[str]) -> list[OcrRun]:
    """Every engine over the given pages of every PDF, each in its own interpreter."""
    runs: list[OcrRun] = []
    for path in paths:
        for engine in engines:
            with tempfile.TemporaryDirectory(prefix="pinggu-ocr-bench-") as tmp:
                spec = Path(tmp) / "spec.json"
                spec.write_text(json.dumps({"path": str(path), "pages": pages, "engine": engine}))
                subprocess.run([sys.executable, "-m", "extractor.bench_ocr", str(spec)], check=True)
                out: dict[str, Any] = json.loads(spec.read_text())
            if "skipped" in out:
                runs.append(OcrRun(engine, path.name, 0, 0, 0, 0, 0, 0, skipped=out["skipped"]))
                continue
            runs.append(
                OcrRun(
                    engine=engine,
                    file=path.name,
                    dpi=round(out["dpi"]),
                    pages=len(pages),
                    cpu_s_per_page=round(out["cpu"], 2),
                    wall_s_per_page=round(out["wall"], 2),
                    load_s=round(out["load"], 1),
                    rss_mb=round(out["rss"]),
                    version=out["version"],
                )
            )
    return runs


HEADERS = ["engine", "file", "dpi", "pages", "CPU s/page", "wall s/page", "load+1st page s",
           "peak RSS MB"]  # fmt: skip


def rows(runs: list[OcrRun]) -> list[list[str]]:
    return [
        [
            r.version or r.engine,
            r.file,
            f"{r.dpi:g}",
            str(r.pages),
            f"{r.cpu_s_per_page:.2f}",
            f"{r.wall_s_per_page:.2f}",
            f"{r.load_s:.1f}",
            f"{r.rss_mb:g}",
        ]
        if not r.skipped
        else [r.engine, r.file, "—", "—", "—", "—", "—", f"skipped: {r.skipped}"]
        for r in runs
    ]


def to_markdown(runs: list[OcrRun], pages: list[int], command: str) -> str:
    from extractor.bench import Machine

    machine = Machine.here()
    lines = [
        f"## {date.today().isoformat()} — OCR, {machine.cpu}, {machine.cores} cores",
        f"<!-- bench: {command} -->",
        "",
        f"- command: `{command}`",
        f"- pages {', '.join(map(str, pages))} of each file, at the scan's own resolution "
        "(Tesseract: at least 300 dpi); RapidOCR two threads, Tesseract one; CPU seconds are the "
        "process's, all threads; the first page is read once before timing (model load)",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows(runs)]
    return "\n".join(lines) + "\n"


def runs_json(runs: list[OcrRun]) -> list[dict[str, Any]]:
    return [asdict(r) for r in runs]


if __name__ == "__main__":
    _child(Path(sys.argv[1]))
