"""The consistency checker: every rule recomputes something the report printed.

`check_report(report)` runs the registered rules (`registry.RULES`) and returns the
findings plus, per rule, how many figures it could check and which it could not, and why.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractor.checks.base import CheckResult, Rule, RuleRun
from extractor.checks.ocr_doubt import soften_doubtful
from extractor.checks.registry import RULES
from extractor.records import Finding, Report, RuleCoverage

__all__ = ["RULES", "CheckResult", "RuleCoverage", "check_report"]


def check_report(report: Report, rules: Iterable[Rule] = RULES) -> CheckResult:
    """Run `rules` in order over one report; a later rule sees earlier findings. On a
    report read by OCR, errors on doubtful figures then become warnings (`ocr_doubt`)."""
    rules = list(rules)
    findings: list[Finding] = []
    coverage: list[RuleCoverage] = []
    for r in rules:
        run = RuleRun(r.id)
        r.fn(report, list(findings), run)
        findings.extend(run.findings)
        coverage.append(
            RuleCoverage(
                rule=r.id,
                family=r.family,
                description=r.description,
                possible=run.run + len(run.skipped),
                run=run.run,
                flagged=len(run.findings),
                skipped=run.skipped,
            )
        )
    soften_doubtful(report, findings, rules)
    return CheckResult(findings=findings, coverage=coverage)
