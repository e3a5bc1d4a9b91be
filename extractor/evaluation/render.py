"""The evaluation summary as rich tables: field groups, per group of files, per file."""

from __future__ import annotations

from rich.table import Table

from extractor.evaluation.summary import PR, EvaluationSummary, FileFigures


def _pr(c: PR) -> list[str]:
    return [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]


def _ratio(right: int, total: int) -> str:
    return f"{right}/{total}" if total else "—"


def summary_table(summary: EvaluationSummary) -> Table:
    t = Table(title=f"Pinggu evaluation over {summary.reports} reports")
    cols = ("group", "P strict", "R strict", "F1 strict", "P norm", "R norm", "F1 norm", "gold")
    for col in cols:
        t.add_column(col, justify="right" if col != "group" else "left")
    strict, norm = summary.strict.groups, summary.normalised.groups
    zero = PR(tp=0, fp=0, fn=0, precision=0, recall=0, f1=0)
    for g in sorted(set(strict) | set(norm)):
        a, b = strict.get(g, zero), norm.get(g, zero)
        t.add_row(g, *_pr(a), *_pr(b), str(b.tp + b.fn))
    a, b = summary.strict.overall, summary.normalised.overall
    t.add_row("[bold]overall (micro)[/]", *_pr(a), *_pr(b), str(b.tp + b.fn))
    f, rows = summary.findings, summary.indicator_rows
    t.caption = (
        f"whole records right: {summary.whole_record_right} · table cells: "
        f"{summary.table_cell_accuracy} · indicator rows found: {rows.share} "
        f"({rows.found}/{rows.gold}) · praise/concern counts per section: "
        f"{summary.section_count_accuracy} · scores/total/grade exact: "
        f"{summary.scoring_exact} · findings: precision {f.precision}, recall "
        f"{f.recall} ({f.tp} found, {f.fn} missed, {f.fp} false alarms: "
        f"{f.false_alarms_clean} on {f.clean_reports} clean reports, "
        f"{f.false_alarms_other} elsewhere)"
    )
    return t


def groups_table(summary: EvaluationSummary) -> Table | None:
    """One line per group of `summary.by`; None when not broken down."""
    if summary.by is None:
        return None
    t = Table(title=f"by {summary.by.key}")
    cols = ("group", "reports", "F1 norm", "whole", "cells", "rows found", "findings P/R", "FA")
    for col in cols:
        t.add_column(col, justify="right" if col != "group" else "left")
    for name, s in summary.by.groups.items():
        f = s.findings
        t.add_row(
            name,
            str(s.reports),
            f"{s.normalised.overall.f1:.3f}",
            f"{s.whole_record_right}",
            f"{s.table_cell_accuracy}",
            _ratio(s.indicator_rows.found, s.indicator_rows.gold),
            f"{f.precision:.2f}/{f.recall:.2f}",
            f"{f.fp} ({f.false_alarms_clean} clean)",
        )
    return t


def files_table(files: list[FileFigures]) -> Table:
    t = Table(title=f"per file ({len(files)})")
    cols = (
        "file",
        "group",
        "F1 norm",
        "whole",
        "scores",
        "sections",
        "cells",
        "rows found",
        "found",
        "missed",
        "FA",
    )
    for col in cols:
        t.add_column(col, justify="left" if col in ("file", "group") else "right")
    for f in files:
        t.add_row(
            f.file,
            f.group,
            f"{f.fields.f1:.3f}",
            "yes" if f.whole_record_right else "no",
            "exact" if f.scoring_exact else "no",
            _ratio(f.sections_right, f.sections_total),
            _ratio(f.cells_right, f.cells_total),
            _ratio(f.rows_found, f.rows_gold),
            str(f.findings.tp),
            str(f.findings.fn),
            str(f.findings.fp) + (" (clean)" if f.false_alarms_clean else ""),
        )
    return t
