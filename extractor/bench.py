"""Speed and memory of the document layer beside bare pdfplumber and bare pypdfium2.

Benchmarks measure, they do not assert (BENCHMARKS.md). Each method runs in its own fresh
interpreter (`python -m extractor.bench`), pinned to one core with BLAS/OpenMP threads at
one, so its peak RSS is its own and a library imported by another method costs nothing.
In the child: imports are timed apart, one file is parsed once untimed (warm-up), then
every file is parsed once under the clock. `--repeat N` keeps the fastest of N children.

`text_agreement` answers the design question "does pypdfium2 see the same text as
pdfplumber?": per page, the multiset of non-space characters from both.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

from extractor.splits import HELD_BACK_SPLITS

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "pdfplumber"
# Thread pools a library might start; one core means one thread each.
_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")  # fmt: skip
_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "pinggu")


# ---------------------------------------------------------------- methods (child side)


Runner = Callable[[Path], int | None]  # parses one PDF; its page count, or None


def _pdfplumber() -> Runner:
    import pdfplumber

    def run(path: Path) -> int:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                page.close()  # flushes the page's caches, as a batch tool would
            return len(pdf.pages)

    return run


def _pypdfium2() -> Runner:
    import pypdfium2 as pdfium

    def run(path: Path) -> int:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
            return len(pdf)
        finally:
            pdf.close()

    return run


def _document() -> Runner:
    from extractor.document.build import build_document

    def run(path: Path) -> int:
        return len(build_document(path).pages)

    return run


# Within the end-to-end run: seconds in the document layer and in the passes + checks,
# so their ratio is measured in one process on the same files.
SPLIT: dict[str, float] = {"document": 0.0, "passes": 0.0}


def _end_to_end() -> Runner:
    """Document layer, then passes and checks (`pipeline.build_report`), timed apart."""
    from extractor.document.build import build_document
    from extractor.pipeline import build_report

    def run(path: Path) -> int:
        t0 = time.perf_counter()
        doc = build_document(path)
        t1 = time.perf_counter()
        build_report(doc)
        SPLIT["document"] += t1 - t0
        SPLIT["passes"] += time.perf_counter() - t1
        return len(doc.pages)

    return run


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    label: str
    prepare: Callable[[], Runner]  # does the imports (timed apart), returns the runner


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("pdfplumber", "bare pdfplumber (text + tables)", _pdfplumber),
        Method("pypdfium2", "bare pypdfium2 (text)", _pypdfium2),
        Method("document", "Pinggu document layer", _document),
        Method("end-to-end", "Pinggu end-to-end extraction", _end_to_end),
    )
}


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:
            pass


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps `ru_maxrss` across exec, so a
    child started by a large parent would report the parent's peak; `VmHWM` belongs to
    the new address space alone. `ru_maxrss` (KB on Linux) is the fallback elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
        m = re.search(r"^VmHWM:\s*(\d+) kB", status, re.M)
        if m:
            return int(m.group(1)) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(method_name: str, spec_path: Path) -> None:
    """Run in the fresh interpreter: time imports, warm up, time the files, write JSON."""
    _pin_one_core()
    spec = json.loads(spec_path.read_text())
    method = METHODS[method_name]
    out: dict[str, Any]
    t0 = time.perf_counter()
    try:
        run = method.prepare()
    except ImportError as exc:
        spec_path.write_text(json.dumps({"skipped": f"{type(exc).__name__}: {exc}"}))
        return
    import_s = time.perf_counter() - t0
    run(Path(spec["warmup"]))
    SPLIT.update(document=0.0, passes=0.0)
    pages: list[int | None] = []
    t0 = time.perf_counter()
    for p in spec["paths"]:
        pages.append(run(Path(p)))
    seconds = time.perf_counter() - t0
    out = {
        "seconds": seconds,
        "import_s": import_s,
        "rss_mb": _peak_rss_mb(),
        "pages": pages,
        "split": dict(SPLIT),
    }
    spec_path.write_text(json.dumps(out))


# ---------------------------------------------------------------- results (parent side)


@dataclass(slots=True)
class MethodResult:
    name: str
    label: str
    files: int
    pages: int
    seconds: float  # best of the runs
    peak_rss_mb: float  # highest of the runs
    import_s: float  # best of the runs
    runs: int
    ratio: float | None = None  # pages/s over bare pdfplumber's
    split: dict[str, float] | None = None  # end-to-end: document vs passes seconds

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("inf")


@dataclass(slots=True)
class Machine:
    cpu: str
    cores: int
    python: str
    libraries: dict[str, str]

    @classmethod
    def here(cls) -> Machine:
        cpu = platform.processor() or platform.machine()
        try:
            m = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
            cpu = m.group(1).strip() if m else cpu
        except OSError:
            pass
        libs: dict[str, str] = {}
        for name in _LIBRARIES:
            try:
                libs[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                libs[name] = "absent"
        return cls(cpu, os.cpu_count() or 1, platform.python_version(), libs)


@dataclass(slots=True)
class BenchResult:
    paths: list[Path]
    repeat: int
    machine: Machine
    methods: list[MethodResult] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # method → why
    agreement: dict[str, Any] | None = None


def default_paths(root: Path = ROOT) -> list[Path]:
    """Every PDF under `corpora/` except the scans (they have no text layer to time) and
    the held-out splits (looked at last, for accuracy only)."""
    corpora = root / "corpora"
    left_out = {"scanned", *HELD_BACK_SPLITS}
    return sorted(
        p for p in corpora.rglob("*.pdf") if not left_out & set(p.relative_to(corpora).parts)
    )


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given; directories become the PDFs under them."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _spawn(method: str, paths: list[Path], warmup: Path, timeout_s: float) -> dict[str, Any]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.update(dict.fromkeys(_THREAD_ENV, "1"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({"paths": [str(p) for p in paths], "warmup": str(warmup)}, fh)
        spec = Path(fh.name)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "extractor.bench", method, str(spec)],
            env=env, capture_output=True, text=True, timeout=timeout_s, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
            return {"skipped": f"failed: {tail[0]}"}
        result: dict[str, Any] = json.loads(spec.read_text())
        return result
    finally:
        spec.unlink(missing_ok=True)


def run_bench(
    paths: Sequence[Path] | None = None,
    repeat: int = 1,
    methods: Sequence[str] = tuple(METHODS),
    timeout_s: float = 420.0,
) -> BenchResult:
    """Time each method over `paths` (default: `default_paths()`); best of `repeat` runs."""
    files = [p.resolve() for p in expand(paths)] if paths else default_paths()
    if not files:
        raise ValueError("no PDFs to benchmark")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    counts = [page_count(p) for p in files]
    warmup = min(files, key=lambda p: p.stat().st_size)  # imports and caches, cheaply
    result = BenchResult(files, repeat, Machine.here())
    for name in methods:
        runs = [_spawn(name, files, warmup, timeout_s) for _ in range(repeat)]
        if "skipped" in runs[0]:
            result.skipped[name] = str(runs[0]["skipped"])
            continue
        seen = [c if p is None else p for p, c in zip(runs[0]["pages"], counts, strict=True)]
        result.methods.append(
            MethodResult(
                name=name,
                label=METHODS[name].label,
                files=len(files),
                pages=sum(seen),
                seconds=min(r["seconds"] for r in runs),
                peak_rss_mb=max(r["rss_mb"] for r in runs),
                import_s=min(r["import_s"] for r in runs),
                runs=repeat,
                split=min(runs, key=lambda r: r["seconds"]).get("split"),
            )
        )
    base = next((m for m in result.methods if m.name == BASELINE), None)
    for m in result.methods:
        m.ratio = m.pages_per_s / base.pages_per_s if base else None
    return result


# ---------------------------------------------------------------- text agreement


def _bag(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def text_agreement(paths: Sequence[Path], max_examples: int = 3) -> dict[str, Any]:
    """Share of pages whose non-space characters (as multisets) are the same from the
    document layer's glyphs (pypdfium2) and from pdfplumber's `page.chars`.

    Also totals, over all pages, the characters only one side saw (`only_pypdfium2`,
    `only_pdfplumber`: char → count), and a few example pages."""
    import pdfplumber

    from extractor.pdf.pages import read_pages

    pages = identical = 0
    examples: list[dict[str, Any]] = []
    only_ours: Counter[str] = Counter()
    only_theirs: Counter[str] = Counter()
    for path in paths:
        ours = read_pages(path)
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) != len(ours):
                raise ValueError(f"{path}: {len(ours)} pages from pypdfium2, {len(pdf.pages)}")
            for raw, page in zip(ours, pdf.pages, strict=True):
                a = _bag("".join(g.char for g in raw.glyphs))
                b = _bag("".join(str(c["text"]) for c in page.chars))
                page.close()
                pages += 1
                only_ours += a - b
                only_theirs += b - a
                if a == b:
                    identical += 1
                elif len(examples) < max_examples:
                    examples.append(
                        {
                            "file": path.name,
                            "page": raw.number,
                            "only_pypdfium2": "".join(sorted((a - b).elements()))[:40],
                            "only_pdfplumber": "".join(sorted((b - a).elements()))[:40],
                        }
                    )
    share = identical / pages if pages else 1.0
    return {
        "pages": pages,
        "identical": identical,
        "share": share,
        "only_pypdfium2": dict(only_ours.most_common()),
        "only_pdfplumber": dict(only_theirs.most_common()),
        "examples": examples,
    }


# ---------------------------------------------------------------- reports


def rows(result: BenchResult, short: bool = False) -> list[list[str]]:
    """The table's cells, shared by the terminal table (`short` method names) and the
    Markdown."""
    out = []
    for m in result.methods:
        ratio = f"{m.ratio:.2f}×" if m.ratio is not None else "—"
        name = m.name if short else m.label
        out.append(
            [name, str(m.files), str(m.pages), f"{m.seconds:.2f}", f"{m.pages_per_s:.1f}",
             f"{m.peak_rss_mb:.0f}", ratio, f"{m.import_s:.2f}"]
        )  # fmt: skip
    return out


HEADERS = ["method", "files", "pages", "seconds", "pages/s", "peak RSS MB", "vs pdfplumber",
           "import s"]  # fmt: skip


def to_markdown(
    result: BenchResult,
    command: str,
    today: date | None = None,
    whole_process: list[str] | None = None,
) -> str:
    """One BENCHMARKS.md section: when, where, how, the whole-process tables when given
    (`bench_cli.to_markdown`), the in-process table, the text agreement."""
    mc = result.machine
    libs = ", ".join(f"{k} {v}" for k, v in mc.libraries.items())
    lines = [
        f"## {(today or date.today()).isoformat()} — {mc.cpu}, {mc.cores} cores",
        f"<!-- bench: {command} -->",
        "",
        f"- command: `{command}`",
        f"- Python {mc.python}; {libs}",
    ]
    if whole_process:
        lines += ["", "### Whole processes: what users run", *whole_process, "",
                  "### In one process: the document layer and the passes"]  # fmt: skip
    lines += [
        f"- {len(result.paths)} files, best of {result.repeat} run(s); each method in a fresh "
        "process pinned to one core; import time and one warm-up file excluded from seconds",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(HEADERS))) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows(result)]
    for m in result.methods:
        if m.split and m.split.get("document"):
            d, p = m.split["document"], m.split["passes"]
            lines.append(
                f"\nInside the {m.label.lower()} run (same process, same files): document "
                f"layer {d:.2f} s, passes + consistency checks {p:.2f} s, i.e. "
                f"{p / d:.0%} on top of the document layer."
            )
    for name, why in result.skipped.items():
        lines.append(f"\n_{METHODS[name].label}: skipped ({why})._")
    if result.agreement:
        a = result.agreement
        lines += [
            "",
            f"Text agreement (pypdfium2 glyphs vs pdfplumber `page.chars`, non-space "
            f"character multisets per page): {a['identical']}/{a['pages']} pages identical "
            f"({a['share']:.1%}).",
        ]
        for side in ("only_pypdfium2", "only_pdfplumber"):
            if a[side]:
                chars = ", ".join(f"`{c}` ×{n}" for c, n in list(a[side].items())[:12])
                lines.append(f"- characters {side.replace('_', ' ')}: {chars}")
        for ex in a["examples"]:
            lines.append(
                f"- e.g. {ex['file']} p.{ex['page']}: only pypdfium2 "
                f"`{ex['only_pypdfium2'] or '—'}`, only pdfplumber `{ex['only_pdfplumber'] or '—'}`"
            )
    return "\n".join(lines) + "\n"


_PREAMBLE = """# Benchmarks

Written by `pinggu bench --output BENCHMARKS.md`; newest first. Numbers measure one
machine on one corpus; compare rows within a section, not across machines.
"""


def update_file(path: Path, section: str) -> None:
    """Put `section` first under the preamble; replace an older section with the same
    heading date and command (a rerun the same day), keep all others."""
    old = path.read_text(encoding="utf-8") if path.exists() else _PREAMBLE
    head, *sections = re.split(r"(?m)^(?=## )", old)
    key = _key(section)
    kept = [s for s in sections if _key(s) != key]
    body = "\n".join(s.rstrip("\n") + "\n" for s in [section, *kept])
    path.write_text(head.rstrip("\n") + "\n\n" + body, encoding="utf-8")


def _key(section: str) -> tuple[str, str]:
    day = re.match(r"## (\S+)", section)
    cmd = re.search(r"<!-- bench: (.*) -->", section)
    return (day.group(1) if day else "", cmd.group(1) if cmd else "")


def result_json(result: BenchResult) -> dict[str, Any]:
    data = asdict(result)
    data["paths"] = [str(p) for p in result.paths]
    for m, d in zip(result.methods, data["methods"], strict=True):
        d["pages_per_s"] = m.pages_per_s
    return data


if __name__ == "__main__":
    _child(sys.argv[1], Path(sys.argv[2]))
