"""Misread mutants of the corpus's clean tables: does a misread become a finding?

A misread must never be a finding (issue 8). This takes every clean report of the
looked-at corpus folders (seed, handmade, families, and each held-back split whose first
run is recorded) whose gold expects no finding, reads its document once, and for each
table with figures makes the misreads a table reader makes — each done to the
parsed document, then the passes and the checker run on it:

- `lost_cell`: one body line's first figure lost, every other figure in its left
  neighbour's column, the last slot empty (a cell boundary missed);
- `swap_cols`: the table's first two figure columns swapped in every row (a header
  read the wrong way round);
- `drop_row`: the first body line with figures not read;
- `rotate`: every body line's figures one column to the right, the last to the front;
- `header_unknown`: the last header cell over a figure column renamed to a word no
  vocabulary knows.

A mutant *alarms* when its report has an error or warning finding the clean read does
not. The count of alarming mutants per kind is what the guard should keep at 0:

    .venv/bin/python -m tests.robustness.misreads [FOLDER ...]

tests/test_misread_mutations.py pins the tables whose misreads the guard explains.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from corpora.conventions import NOT_YET_RUN, not_yet_run
from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.document.model import Document, Table, TableCell
from extractor.passes.run import run_passes
from extractor.records import Report
from extractor.splits import HELD_BACK_SPLITS

ROOT = Path(__file__).resolve().parents[2]
# The looked-at folders: every held-back split whose first run is recorded.
FOLDERS = (
    "seed",
    "handmade",
    "families",
    *(s for s in HELD_BACK_SPLITS if s not in NOT_YET_RUN),
)
_FIGURE = re.compile(r"^[\d,.，]+[%％]?$")
# A table with fewer figures than this is no indicator or score table worth misreading.
MIN_FIGURES = 6


def clean_reports(folders: Sequence[str] = FOLDERS) -> Iterator[Path]:
    """The PDFs of the folders whose gold expects no finding."""
    for folder in folders:
        for gold in sorted((ROOT / "corpora" / folder).rglob("*.gold.json")):
            if json.loads(gold.read_text(encoding="utf-8")).get("expected_findings"):
                continue
            pdf = gold.with_name(gold.name.replace(".gold.json", ".pdf"))
            if pdf.exists() and not not_yet_run(pdf.relative_to(ROOT / "corpora")):
                yield pdf


def alarms(report: Report) -> set[tuple[str, str]]:
    """(rule, ref) of every error and warning the checker raises on the report."""
    found = check_report(report).findings
    return {
        (f.rule, f.locations[0].ref if f.locations else "")
        for f in found
        if f.severity in ("error", "warning")
    }


def figure_cells(t: Table) -> list[TableCell]:
    return [c for c in t.cells if c.row >= t.header_rows and _FIGURE.match(c.text.strip())]


def _lines(t: Table) -> dict[int, list[TableCell]]:
    rows: dict[int, list[TableCell]] = defaultdict(list)
    for c in figure_cells(t):
        rows[c.row].append(c)
    for cells in rows.values():
        cells.sort(key=lambda c: c.col)
    return rows


def lost_cell(t: Table) -> bool:
    rows = _lines(t)
    if not rows:
        return False
    cells = rows[sorted(rows)[len(rows) // 2]]
    texts = [c.text for c in cells]
    for c, text in zip(cells, [*texts[1:], ""], strict=True):
        c.text = text
    return True


def swap_cols(t: Table) -> bool:
    cols = sorted({c.col for c in figure_cells(t)})
    if len(cols) < 2:
        return False
    at = {(c.row, c.col): c for c in figure_cells(t)}
    for r in {c.row for c in figure_cells(t)}:
        a, b = at.get((r, cols[0])), at.get((r, cols[1]))
        if a is not None and b is not None:
            a.text, b.text = b.text, a.text
    return True


def drop_row(t: Table) -> bool:
    rows = sorted(_lines(t))
    if len(rows) < 3:
        return False
    t.cells[:] = [c for c in t.cells if c.row != rows[0]]
    return True


def rotate(t: Table) -> bool:
    rows = _lines(t)
    for cells in rows.values():
        texts = [c.text for c in cells]
        for c, text in zip(cells, texts[-1:] + texts[:-1], strict=True):
            c.text = text
    return bool(rows)


def header_unknown(t: Table) -> bool:
    figure_cols = {c.col for c in figure_cells(t)}
    heads = [
        c
        for c in t.cells
        if c.row < t.header_rows and c.text.strip() and c.col in figure_cols
        if not _FIGURE.match(c.text.strip())
    ]
    if not heads:
        return False
    heads[-1].text = "数量"
    return True


MUTATIONS: dict[str, Callable[[Table], bool]] = {
    "lost_cell": lost_cell,
    "swap_cols": swap_cols,
    "drop_row": drop_row,
    "rotate": rotate,
    "header_unknown": header_unknown,
}


def new_alarms(
    doc: Document, table: int, kind: str, clean: set[tuple[str, str]]
) -> set[tuple[str, str]] | None:
    """The alarms the mutant of `doc`'s table `table` raises beyond the clean read's, or
    None when the mutation does not apply to that table."""
    mutant = copy.deepcopy(doc)
    if not MUTATIONS[kind](mutant.tables[table]):
        return None
    return alarms(run_passes(mutant)) - clean


def tables_to_mutate(doc: Document) -> list[int]:
    return [i for i, t in enumerate(doc.tables) if len(figure_cells(t)) >= MIN_FIGURES]


def main(argv: Sequence[str]) -> int:
    folders = tuple(argv) or FOLDERS
    tried: Counter[str] = Counter()
    alarming: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for pdf in clean_reports(folders):
        doc = build_document(pdf)
        clean = alarms(run_passes(doc))
        for i in tables_to_mutate(doc):
            for kind in MUTATIONS:
                extra = new_alarms(doc, i, kind, clean)
                if extra is None:
                    continue
                tried[kind] += 1
                if extra:
                    alarming[kind] += 1
                    name = pdf.relative_to(ROOT / "corpora")
                    examples[kind].append(f"{name} table {i}: {sorted(extra)[:3]}")
    print("| misread | tables mutated | mutants that alarm |")
    print("|---|---:|---:|")
    for kind in MUTATIONS:
        print(f"| {kind} | {tried[kind]} | {alarming[kind]} |")
    for kind, lines in examples.items():
        print(f"\n{kind}:")
        for line in lines:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
