"""The consistency checker: every rule recomputes something the report printed.

`check_report(report)` runs the registered rules (`registry.RULES`) and returns the
findings plus, per rule, how many figures it could check and which it could not, and why.
An error or warning a plausible misread explains is not a finding but a problem, and the
figure not checkable (`misreads`); every other one lists the readings it ruled out.
A report read from a damaged PDF (its problems say so) can hold misread figures, and a
misread is never an error: its error findings are reported as warnings, saying why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extractor.checks.base import CheckResult, Rule, RuleRun
from extractor.checks.messages import Said, say
from extractor.checks.misreads import guard
from extractor.checks.ocr_doubt import soften_doubtful
from extractor.checks.registry import RULES
from extractor.records import Finding, Report, RuleCoverage

__all__ = ["RULES", "CheckResult", "CoverageTotals", "RuleCoverage", "check_report"]


@dataclass(frozen=True, slots=True)
class CoverageTotals:
    """A report's coverage summed over its rules: what every view of it prints."""

    possible: int
    run: int
    flagged: int

    @classmethod
    def of(cls, coverage: Iterable[RuleCoverage]) -> CoverageTotals:
        rules = list(coverage)
        return cls(
            possible=sum(c.possible for c in rules),
            run=sum(c.run for c in rules),
            flagged=sum(c.flagged for c in rules),
        )

    def as_dict(self) -> dict[str, int]:
        return {"possible": self.possible, "run": self.run, "flagged": self.flagged}


def check_report(report: Report, rules: Iterable[Rule] = RULES) -> CheckResult:
    """Run `rules` in order over one report; a later rule sees earlier findings. On a
    report read by OCR, errors on doubtful figures then become warnings (`ocr_doubt`)."""
    rules = list(rules)
    findings: list[Finding] = []
    coverage: list[RuleCoverage] = []
    for r in rules:
        run = RuleRun(r.id)
        r.fn(report, list(findings), run)
        findings.extend(_doubted(run.findings) if damaged(report) else run.findings)
        coverage.append(
            RuleCoverage(
                rule=r.id,
                family=r.family,
                description=r.description.en,
                description_zh=r.description.zh,
                possible=run.run + len(run.skipped),
                run=run.run,
                flagged=len(run.findings),
                skipped=run.skipped,
            )
        )
    guarded = guard(report, findings, coverage, rules)
    soften_doubtful(report, guarded.findings)
    return CheckResult(findings=guarded.findings, coverage=coverage, problems=guarded.problems)


# Problem stages that mean the text itself may be wrong (extractor.document.damage).
DAMAGE_STAGES = frozenset({"pdf", "text"})


def damaged(report: Report) -> bool:
    """The PDF layer found damage: pages not read, garbled text, broken streams."""
    return any(p.stage in DAMAGE_STAGES for p in report.problems)


def _doubted(findings: list[Finding]) -> list[Finding]:
    """Error findings as warnings that say the figures may be misread."""
    out = []
    for f in findings:
        if f.severity == "error":
            cause = say("cause.damaged_pdf")
            if f.cause and f.cause_zh:
                cause = say("cause.damaged_pdf_otherwise", cause=Said(f.cause_zh, f.cause))
            note = say("fragment.damaged_pdf")
            f = f.model_copy(
                update={
                    "severity": "warning",
                    "cause": cause.en,
                    "cause_zh": cause.zh,
                    "explanation_zh": f.explanation_zh + note.zh,
                    "explanation_en": f.explanation_en + note.en,
                }
            )
        out.append(f)
    return out
