"""One report scored against its gold three ways: fields, indicator rows, findings.

Pure: no I/O, so `evaluation.corpus` (which extracts) and the per-file tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.evaluation.fields import ReportScore, score_report
from extractor.evaluation.findings import FindingMatch, match_findings, primary_ref
from extractor.evaluation.rows import RowMatch, describe, match_rows
from extractor.records import GoldReport, Report


@dataclass(slots=True)
class FileResult:
    """Everything measured on one corpus file; `group` is what `--by` sorts it under."""

    file: str
    group: str
    fields: ReportScore
    rows: RowMatch
    findings: FindingMatch
    clean: bool  # the gold expects no finding at all

    def mismatches(self) -> list[str]:
        """Every disagreement with gold, one line each, in a stable order."""
        m = self.findings
        return (
            self.fields.mismatches
            + [f"rows: not found {describe(r)}" for r in self.rows.missed]
            + [
                f"findings: missed {e.kind} at {e.ref} (printed {e.printed}, expected {e.expected})"
                for e in m.missed
            ]
            + [f"findings: false alarm {f.rule} at {primary_ref(f) or '?'}" for f in m.false_alarms]
        )


def score_file(gold: GoldReport, pred: Report, group: str = "") -> FileResult:
    return FileResult(
        file=gold.source.file,
        group=group,
        fields=score_report(gold, pred),
        rows=match_rows(gold.indicators.rows, pred.indicators.rows),
        findings=match_findings(pred.findings, gold.expected_findings),
        clean=not gold.expected_findings,
    )
