"""The misread guard: a table read whose own figures do not hold together is reported as
a problem and its figures as not checkable, never turned into findings (issue 8)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.document.model import Document, Table
from extractor.passes.run import run_passes
from extractor.records import Report

SEED = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "xicun_2024_final.pdf"
_FIGURE = re.compile(r"^\d[\d,.]*%?$")


@cache
def _clean() -> Report:
    return run_passes(build_document(SEED))


def _garble(doc: Document) -> Table:
    """Shift every body row's figures one column to the right (a column boundary put in
    the wrong place): the kind of misread that makes targets, done counts and rates
    swap places."""
    indicator_tables = [t for t in doc.tables if t.section and t.section[0].startswith("附件1")]
    table = max(indicator_tables, key=lambda t: sum(bool(_FIGURE.match(c.text)) for c in t.cells))
    for r in range(table.header_rows, table.n_rows):
        cells = sorted(
            (c for c in table.cells if c.row == r and _FIGURE.match(c.text)), key=lambda c: c.col
        )
        texts = [c.text for c in cells]
        for c, text in zip(cells, texts[-1:] + texts[:-1], strict=True):
            c.text = text
    return table


def test_the_clean_seed_reads_every_table_as_trusted() -> None:
    report = _clean()
    assert report.indicators.reads and all(r.trusted for r in report.indicators.reads)
    assert not any(r.uncertain for r in report.indicators.rows)
    assert not any(p.code == "problem.table_uncertain" for p in report.problems)


def test_a_garbled_table_is_a_problem_and_not_checkable_not_a_finding() -> None:
    doc = build_document(SEED)
    table = _garble(doc)
    report = run_passes(doc)
    untrusted = [r for r in report.indicators.reads if not r.trusted]
    assert untrusted, "the garbled read should not be trusted"
    problems = [p for p in report.problems if p.code == "problem.table_uncertain"]
    assert len(problems) == len(untrusted) and problems[0].page == table.pages[0]
    assert "may be misread" in problems[0].message and "可能读错" in problems[0].message_zh
    uncertain = [r for r in report.indicators.rows if r.uncertain]
    assert len(uncertain) == sum(r.rows for r in untrusted)
    assert all(r.uncertain_zh and "可能读错" in r.uncertain_zh for r in uncertain)

    def alarms(r: Report) -> set[tuple[str, str]]:
        found = check_report(r).findings
        return {(f.rule, f.locations[0].ref) for f in found if f.severity in ("error", "warning")}

    assert alarms(report) <= alarms(_clean()), "a misread table raised findings"
    skipped = [
        s for c in check_report(report).coverage for s in c.skipped if s.message == "skip.uncertain"
    ]
    assert len(skipped) >= len(uncertain)
