"""What users run, timed as whole processes: `pinggu extract` over many files (process
start-up, imports, the warm-up and the workers included) on one core and with
`-j 2` on two, beside a bare pdfplumber pass (`extract_text` + `extract_tables` on every
page) and bare pypdfium2 text, each on one core.

Every command is started afresh `rounds` times, in turn (A B C D, A B C D, …), so a
shared machine whose speed drifts slows all of them alike; the ratio to pdfplumber is
taken round by round and its median quoted. Wall seconds are the clock's; CPU seconds
(user + sys of the command and of every process it waited for) and the peak RSS of the
largest single process are the kernel's accounting of the finished run (`os.wait4`).

Start-up (a fresh interpreter that imports the CLI and warms, as the command does before
its first file) is timed as a process of its own each round. The per-file overhead of
isolation (the file handed to a worker, the bounds, the record pickled back through a
pipe) is measured apart, in a warmed interpreter running the pool over the files with a
function that only hands back each file's record, extracted beforehand; and, as what the
whole command pays beyond start-up and the parses themselves (copy-on-write faults,
caches a fresh process rebuilds, output), the one-core command's CPU less start-up CPU
and the same files' CPU in one warm process, per file.

The bare passes run as `python -m extractor.bench_cli pdfplumber|pypdfium2 FILES...`
(this module and `extractor.bench` import nothing but the standard library and the
library measured), so they can be rerun by hand.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Standard library only, like this module: the bare passes stay bare.
from extractor.bench import _pdfplumber, _pypdfium2

_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
BASELINE = "pdfplumber"


# ---------------------------------------------------------------- the bare passes


def bare_pdfplumber(paths: Sequence[str]) -> None:
    """Text and tables of every page, as a user of pdfplumber alone would get them (the
    same pass as the in-process table's, `bench._pdfplumber`)."""
    run = _pdfplumber()
    for path in paths:
        run(Path(path))


def bare_pypdfium2(paths: Sequence[str]) -> None:
    """The text of every page from PDFium (`bench._pypdfium2`)."""
    run = _pypdfium2()
    for path in paths:
        run(Path(path))


def isolation(paths: Sequence[str]) -> dict[str, float]:
    """The pool's cost per file in a warmed process, around a parse that only returns
    the file's record (kept pickled here, so that the parent forked is about as big as
    the command's)."""
    import pickle
    import resource

    from extractor import pipeline
    from extractor.pdf.guard import Limits
    from extractor.pool import run_each

    pipeline.warm()
    inline = pipeline.PipelineOptions(limits=Limits(enabled=False))
    t0, c0 = time.perf_counter(), time.process_time()
    blobs = [pickle.dumps(pipeline.extract(Path(p), inline)) for p in paths]
    in_process, in_process_cpu = time.perf_counter() - t0, time.process_time() - c0

    def record(i: int) -> Any:
        return pickle.loads(blobs[i])

    def cpu() -> float:
        me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    for done in run_each(record, range(len(blobs)), workers=1, limits=Limits()):
        if done.error is not None:
            raise done.error
    pooled, pooled_cpu = time.perf_counter() - t0, cpu() - c0
    n = max(1, len(blobs))
    return {
        "in_process_s": in_process,
        "in_process_cpu_s": in_process_cpu,
        "isolation_ms": 1000 * pooled / n,
        "isolation_cpu_ms": 1000 * pooled_cpu / n,
    }


# ---------------------------------------------------------------- running commands


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    label: str
    argv: list[str]
    cores: int


@dataclass(frozen=True, slots=True)
class Run:
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    exit_code: int


# What `pinggu extract` does before its first file: start, import, warm.
STARTUP = Command(
    "start-up",
    "start-up",
    [sys.executable, "-c", "import extractor.cli; from extractor import pipeline; pipeline.warm()"],
    1,
)


def commands(paths: Sequence[Path], out: Path, workers: int = 2) -> list[Command]:
    """The four commands over `paths`; the extract runs write JSON Lines under `out`."""
    py, files = sys.executable, [str(p) for p in paths]
    pinggu = [py, "-m", "extractor.cli", "extract", *files, "-f", "jsonl", "-o"]
    return [
        Command("pdfplumber", "bare pdfplumber (text + tables)",
                [py, "-m", __name__, "pdfplumber", *files], 1),
        Command("pypdfium2", "bare pypdfium2 (text)",
                [py, "-m", __name__, "pypdfium2", *files], 1),
        Command("extract", "pinggu extract, one core", [*pinggu, str(out / "j1.jsonl")], 1),
        Command(f"extract-j{workers}", f"pinggu extract -j {workers}, {workers} cores",
                [*pinggu, str(out / f"j{workers}.jsonl"), "-j", str(workers)], workers),
    ]  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.update(dict.fromkeys(_THREAD_ENV, "1"))
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def _cores(n: int) -> set[int]:
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    return set(allowed[:n])


def run_once(cmd: Command) -> Run:
    """Start the command on its cores, wait for it, read the kernel's accounting."""
    cores = _cores(cmd.cores)

    def pin() -> None:  # pragma: no cover - runs in the child before exec
        if cores:
            os.sched_setaffinity(0, cores)

    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd.argv, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=pin,
    )  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # KB on Linux: the largest single process
        exit_code=proc.returncode,
    )


def measure_isolation(paths: Sequence[Path]) -> dict[str, float]:
    """`isolation` in a fresh interpreter."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        spec = Path(fh.name)
    try:
        subprocess.run(
            [sys.executable, "-m", __name__, "isolation", str(spec), *map(str, paths)],
            env=_env(), check=True, capture_output=True,
        )  # fmt: skip
        result: dict[str, float] = json.loads(spec.read_text())
        return result
    finally:
        spec.unlink(missing_ok=True)


# ---------------------------------------------------------------- results


@dataclass(slots=True)
class CommandResult:
    command: Command
    runs: list[Run] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)  # wall / the baseline's, per round
    cpu_ratios: list[float] = field(default_factory=list)  # CPU s / the baseline's

    @property
    def wall(self) -> list[float]:
        return [r.wall_s for r in self.runs]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(self.cpu_ratios)


@dataclass(slots=True)
class GroupResult:
    """One set of files (the whole corpus, or the Word/LibreOffice-made families)."""

    name: str
    files: int
    pages: int
    rounds: int
    results: list[CommandResult]
    isolation: dict[str, float]
    startup: list[Run]


def compile_package() -> None:
    """Write the package's bytecode, as installing it does. Where PYTHONDONTWRITEBYTECODE
    is set (this project's shared machines set it) no command ever writes it, and each
    would compile every module it imports anew: about 0.1 s CPU of every start-up that no
    installed copy pays."""
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parent, quiet=2)


def run_group(
    name: str, paths: Sequence[Path], pages: int, rounds: int = 3, workers: int = 2
) -> GroupResult:
    """Every command over `paths`, `rounds` times in turn, and the isolation figures;
    the package's bytecode written first (`compile_package`)."""
    compile_package()
    with tempfile.TemporaryDirectory(prefix="pinggu-bench-") as tmp:
        results = [CommandResult(c) for c in commands(paths, Path(tmp), workers)]
        startup: list[Run] = []
        for _ in range(rounds):
            for r in results:
                r.runs.append(run_once(r.command))
            base = results[0].runs[-1]
            for r in results:
                r.ratios.append(r.runs[-1].wall_s / base.wall_s)
                r.cpu_ratios.append(r.runs[-1].cpu_s / max(base.cpu_s, 1e-9))
            startup.append(run_once(STARTUP))
    iso = measure_isolation(paths)
    return GroupResult(name, len(paths), pages, rounds, results, iso, startup)


HEADERS = ["command", "files", "pages", "wall s min / median", "CPU s median", "pages/s",
           "vs pdfplumber (wall)", "vs pdfplumber (CPU)", "peak RSS MB", "start-up s",
           "per-file overhead ms (wall / CPU)"]  # fmt: skip


def rows(group: GroupResult, short: bool = False) -> list[list[str]]:
    """The table's cells; `short` names the commands by name rather than label."""
    out = []
    iso = group.isolation
    startup = statistics.median(r.wall_s for r in group.startup)
    overhead = f"{iso['isolation_ms']:.0f} / {iso['isolation_cpu_ms']:.0f}"
    for r in group.results:
        med = statistics.median(r.wall)
        ours = r.command.name.startswith("extract")
        out.append(
            [r.command.name if short else r.command.label, str(group.files), str(group.pages),
             f"{min(r.wall):.1f} / {med:.1f}",
             f"{statistics.median(x.cpu_s for x in r.runs):.1f}",
             f"{group.pages / med:.1f}",
             f"{r.ratio:.2f}×", f"{r.cpu_ratio:.2f}×",
             f"{max(x.peak_rss_mb for x in r.runs):.0f}",
             f"{startup:.2f}" if ours else "—",
             overhead if ours else "—"]
        )  # fmt: skip
    return out


def failed(group: GroupResult) -> list[str]:
    """Commands that exited with an error code in some round (their times are suspect)."""
    return [
        f"{r.command.label}: exit {x.exit_code}"
        for r in group.results
        for x in r.runs
        if x.exit_code not in (0, 11, 12)  # partial and failure records are still records
    ]


def to_markdown(groups: Sequence[GroupResult]) -> list[str]:
    lines: list[str] = []
    for g in groups:
        lines += [
            "",
            f"**{g.name}**: {g.files} files, {g.pages} pages; {g.rounds} rounds, the commands "
            "in turn; wall seconds min / median, ratio to bare pdfplumber median of the "
            "rounds' ratios; CPU s includes every child process; peak RSS of the largest "
            "single process (a worker or the parent).",
            "",
            "| " + " | ".join(HEADERS) + " |",
            "|" + "|".join("---" if i == 0 else "---:" for i in range(len(HEADERS))) + "|",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in rows(g)]
        lines += [f"- exit code not 0/11/12: {f}" for f in failed(g)]
        iso = g.isolation
        startup = statistics.median(r.wall_s for r in g.startup)
        startup_cpu = statistics.median(r.cpu_s for r in g.startup)
        one_core = statistics.median(x.cpu_s for x in g.results[2].runs)
        beyond = 1000 * (one_core - startup_cpu - iso.get("in_process_cpu_s", 0.0)) / g.files
        lines.append(
            f"\nStart-up (a fresh interpreter imports the CLI and warms spaCy, vocabularies "
            f"and profile), median: {startup:.2f} s wall, {startup_cpu:.2f} s CPU; per-file "
            f"overhead of isolation (file to a worker, bounds, "
            f"record pickled back) {iso['isolation_ms']:.1f} ms wall, "
            f"{iso['isolation_cpu_ms']:.1f} ms CPU; the same files "
            f"in one warm process, unbounded: {iso['in_process_s']:.1f} s "
            f"({iso.get('in_process_cpu_s', 0.0):.1f} s CPU); the one-core command's CPU "
            f"beyond start-up and those parses: {beyond:.0f} ms per file."
        )
    return lines


def main(argv: Sequence[str]) -> None:
    what, *rest = argv
    if what == "pdfplumber":
        bare_pdfplumber(rest)
    elif what == "pypdfium2":
        bare_pypdfium2(rest)
    elif what == "isolation":
        spec, *paths = rest
        Path(spec).write_text(json.dumps(isolation(paths)))
    else:
        raise SystemExit(f"unknown: {what}")


if __name__ == "__main__":
    main(sys.argv[1:])
