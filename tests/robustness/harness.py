"""Every file ends in success or a classified outcome: the robustness measurement.

Runs Pinggu's extraction (the same `pipeline.extract_each` the CLI uses, with the CLI's
default bounds) over seeded mutants of corpus PDFs or over a folder of real-world PDFs,
and prints the outcome histogram that RELIABILITY.md quotes:

    .venv/bin/python -m tests.robustness.harness mutants --count 1000 --seed 2026
    .venv/bin/python -m tests.robustness.harness realworld [FOLDER]

Outcomes: `success`, `partial`, `failure` (a record with that status) or the error class
(`CorruptPdfError`, …); `InternalError` is a bug (the CLI's exit 70) and
`ParseTimeoutError` a hang caught by the time bound: both must stay at 0. A mutant whose
record says `success` although one of its core fields (station, total, grade, year)
differs from its undamaged source's is *silent damage*, which must stay at 0 too; the
column `success ≠ source` counts successes whose record differs from the source's in
any value at all (provenance boxes aside).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor import pipeline
from extractor.records import Report
from tests.robustness import realworld
from tests.robustness.mutate import KINDS, default_sources, mutants

BUGS = ("InternalError", "ParseTimeoutError")


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    group: str  # mutation kind, or the real-world file's collection
    outcome: str
    code: int
    message: str = ""
    silent: bool = False  # "success" while a core field differs from the source's
    changed: bool = False  # "success" while any value differs from the source's


def outcome_of(o: pipeline.FileOutcome) -> tuple[str, str]:
    """(outcome label, message) of one file."""
    if o.error is not None:
        return type(o.error).__name__, str(o.error)
    assert o.report is not None
    return o.report.status, "; ".join(p.message for p in o.report.problems[:3])


def core(r: Report) -> tuple[object, ...]:
    """The fields every report of the family has, as comparable values."""
    m, s = r.meta, r.scoring
    return (
        m.station.value if m.station else None,
        s.total.value if s.total else None,
        s.grade.value if s.grade else None,
        m.year,
    )


def content(r: Report) -> object:
    """Every value of the record but its source and the boxes of its provenance."""
    return _without_boxes(r.model_dump(mode="json", exclude={"source"}))


def _without_boxes(x: object) -> object:
    if isinstance(x, dict):
        return {k: _without_boxes(v) for k, v in x.items() if k != "bbox"}
    if isinstance(x, list):
        return [_without_boxes(v) for v in x]
    return x


def run(
    items: Sequence[tuple[Path, str]],
    options: pipeline.PipelineOptions | None = None,
    clean: dict[Path, Report] | None = None,
    sources: dict[Path, Path] | None = None,
) -> list[Row]:
    """Extract every (path, group); with `clean` (source → its record) and `sources`
    (mutant → source), flag silent damage and changed successes."""
    rows: list[Row] = []
    paths = [p for p, _ in items]
    for (path, group), o in zip(items, pipeline.extract_each(paths, options), strict=True):
        label, message = outcome_of(o)
        silent = changed = False
        if o.report is not None and label == "success" and clean and sources:
            source = clean[sources[path]]
            silent = core(o.report) != core(source)
            changed = content(o.report) != content(source)
        rows.append(Row(path.name, group, label, o.exit_code, message, silent, changed))
    return rows


def clean_reports(paths: Iterable[Path]) -> dict[Path, Report]:
    out = {}
    for o in pipeline.extract_each(list(paths)):
        assert o.report is not None and o.report.status == "success", o
        out[o.path] = o.report
    return out


def histogram(rows: Sequence[Row]) -> str:
    """Markdown: one row per group, one column per outcome, with totals."""
    outcomes = sorted({r.outcome for r in rows}, key=_outcome_order)
    groups = sorted({r.group for r in rows})
    head = ["group", *outcomes, "total", "silent damage", "success ≠ source"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for g in [*groups, "all"]:
        sel = [r for r in rows if g in ("all", r.group)]
        counts = Counter(r.outcome for r in sel)
        cells = [str(counts.get(o, 0)) for o in outcomes]
        name = f"**{g}**" if g == "all" else g
        tail = [str(len(sel)), str(sum(r.silent for r in sel)), str(sum(r.changed for r in sel))]
        lines.append("| " + " | ".join([name, *cells, *tail]) + " |")
    return "\n".join(lines)


def _outcome_order(label: str) -> tuple[int, str]:
    order = {"success": 0, "partial": 1, "failure": 2, "InternalError": 9}
    return (order.get(label, 5), label)


def _report(rows: Sequence[Row], seconds: float) -> int:
    print(histogram(rows))
    bugs = [r for r in rows if r.outcome in BUGS]
    silent = [r for r in rows if r.silent]
    print(f"\n{len(rows)} files in {seconds:.0f} s; bugs/hangs {len(bugs)}; silent {len(silent)}")
    for r in [*bugs, *silent]:
        print(f"- {r.name}: {r.outcome}: {r.message}")
    for r in rows:
        if r.changed and not r.silent:
            print(f"- success ≠ source (core fields equal): {r.name}")
    return 1 if bugs or silent else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Outcome histogram over bad PDFs.")
    sub = parser.add_subparsers(dest="what", required=True)
    m = sub.add_parser("mutants", help="seeded mutants of corpus PDFs")
    m.add_argument("--seed", type=int, default=2026)
    m.add_argument("--count", type=int, default=len(KINDS) * 20)
    m.add_argument("--start", type=int, default=0)
    w = sub.add_parser("realworld", help="real-world PDFs (default: the downloaded set)")
    w.add_argument("folder", type=Path, nargs="?")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.what == "realworld":
        folder = args.folder or realworld.ensure()
        files = sorted(folder.rglob("*.pdf"))
        rows = run([(p, p.parent.relative_to(folder).as_posix() or ".") for p in files])
        return _report(rows, time.perf_counter() - start)
    srcs = default_sources()
    clean = clean_reports(srcs)
    with tempfile.TemporaryDirectory(prefix="pinggu-mutants-") as tmp:
        items, sources = [], {}
        for mut in mutants(srcs, args.count, args.seed, args.start):
            path = Path(tmp) / mut.name
            path.write_bytes(mut.data)
            items.append((path, mut.kind))
            sources[path] = mut.source
        rows = run(items, clean=clean, sources=sources)
    return _report(rows, time.perf_counter() - start)


if __name__ == "__main__":
    sys.exit(main())
