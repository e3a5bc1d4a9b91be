"""Checker findings measured against the `expected_findings` of gold reports.

A finding matches an expected finding when its primary location (the printed value it
flags) has the expected `ref` and its rule belongs to the family of the expected `kind`
(`published`, an error found in a real report, accepts any rule). An unmatched finding
that points at the same cell as a matched one, or cites it (a narrative sentence
repeating a wrong 合计), is an *echo*: not a new false alarm, not a new detection.
`precision` leaves echoes out; `strict_precision` counts them as false positives.
Pure functions: no I/O, so the metric itself is unit-tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractor.evaluation.metrics import Counts
from extractor.printed import parse_printed
from extractor.records import ErrorKind, ExpectedFinding, Finding, Severity

# A row's rate that does not recompute is `pct.row` on a 片区 / 社工点 row and `pct.total`
# on the 合计 / 总计 row (the same recomputation, split by scope); the ref tells them apart.
KIND_RULES: dict[ErrorKind, tuple[str, ...]] = {
    "row_pct": ("pct.row", "pct.total"),
    "total_cell": ("sum.area_total",),
    "total_pct_sum": ("pct.total",),
    "score_sum": ("score.sum",),
    "grade_band": ("grade.band",),
    "narrative_mismatch": ("narrative.table",),
    "roster_subtotal": ("roster.person", "roster.group", "roster.monthly"),
    "staffing_rate": ("staffing.rate",),
    "published": (),  # any rule
}

COUNTED: tuple[Severity, ...] = ("error", "warning")


def rule_fits(kind: ErrorKind, rule: str) -> bool:
    rules = KIND_RULES[kind]
    return not rules or rule in rules


def primary_ref(f: Finding) -> str | None:
    return f.locations[0].ref if f.locations else None


def same_value(a: str | None, b: str | None) -> bool:
    """Printed figures equal as numbers ("274.94%" = "274.94 %"), or as text otherwise."""
    if a is None or b is None:
        return a == b
    pa, pb = parse_printed(a), parse_printed(b)
    if pa is None or pb is None:
        return a.strip() == b.strip()
    return pa.value == pb.value


@dataclass(slots=True)
class FindingMatch:
    matched: list[tuple[ExpectedFinding, Finding]] = field(default_factory=list)
    missed: list[ExpectedFinding] = field(default_factory=list)
    echoes: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    ignored: list[Finding] = field(default_factory=list)  # severities not counted (info)

    @property
    def values_agree(self) -> int:
        """Matched findings whose printed and expected values equal the gold's."""
        return sum(
            same_value(f.printed, e.printed) and same_value(f.expected, e.expected)
            for e, f in self.matched
        )


def match_findings(
    findings: Sequence[Finding],
    expected: Sequence[ExpectedFinding],
    counted: Iterable[Severity] = COUNTED,
) -> FindingMatch:
    """Pair findings with expected findings (each used once), then sort the rest."""
    sev = set(counted)
    out = FindingMatch()
    pool = [f for f in findings if f.severity in sev]
    out.ignored = [f for f in findings if f.severity not in sev]
    used: set[int] = set()
    for e in expected:
        hit = next(
            (
                i
                for i, f in enumerate(pool)
                if i not in used and primary_ref(f) == e.ref and rule_fits(e.kind, f.rule)
            ),
            None,
        )
        if hit is None:
            out.missed.append(e)
        else:
            used.add(hit)
            out.matched.append((e, pool[hit]))
    hot = {e.ref for e, _ in out.matched}
    for i, f in enumerate(pool):
        if i in used:
            continue
        if any(loc.ref in hot for loc in f.locations):
            out.echoes.append(f)
        else:
            out.false_alarms.append(f)
    return out


@dataclass(slots=True)
class FindingScore:
    """Finding P/R over many reports (`counts`), plus what P/R alone does not show:
    echoes, values that agree, and false alarms on clean reports (gold expects none)
    apart from false alarms elsewhere, since a clean report must stay silent."""

    counts: Counts = field(default_factory=Counts)
    echoes: int = 0
    values_agree: int = 0
    false_alarms_clean: int = 0
    clean_reports: int = 0
    clean_reports_flagged: int = 0

    def add(self, m: FindingMatch, clean: bool = False) -> None:
        self.counts.add(Counts(len(m.matched), len(m.false_alarms), len(m.missed)))
        self.echoes += len(m.echoes)
        self.values_agree += m.values_agree
        if clean:
            self.clean_reports += 1
            self.false_alarms_clean += len(m.false_alarms)
            self.clean_reports_flagged += bool(m.false_alarms)

    @property
    def strict_precision(self) -> float:
        """Precision with echoes counted as false positives."""
        n = self.counts.tp + self.counts.fp + self.echoes
        return self.counts.tp / n if n else 1.0


def score_findings(matches: Iterable[FindingMatch]) -> FindingScore:
    total = FindingScore()
    for m in matches:
        total.add(m)
    return total
