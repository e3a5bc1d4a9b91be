"""What every rule shares: its coverage ledger, locations from provenance, refs.

A rule receives the `Report`, the findings of the rules that ran before it (so that a
narrative figure can say it repeats a table error) and a `RuleRun` on which it records
each figure it could check, could not check (with the reason) and flagged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from extractor.checks.messages import (
    Said,
    cause_fields,
    causes_clause,
    explanation_fields,
    say,
    tolerance_fields,
)
from extractor.printed import Printed
from extractor.records import (
    Finding,
    IndicatorRow,
    Location,
    Problem,
    Provenance,
    Report,
    RuleCoverage,
    Severity,
    Skipped,
)

TOTAL = "合计"
STATION = "station"  # the <area> of a ref for a row that belongs to no 片区 and is no 合计


class CheckResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    findings: list[Finding] = Field(default_factory=list)
    coverage: list[RuleCoverage] = Field(default_factory=list)
    problems: list[Problem] = Field(
        default_factory=list, description="Check results a misread may explain (misreads.guard)"
    )


@dataclass(slots=True)
class RuleRun:
    """The ledger one rule writes while it runs."""

    rule: str
    run: int = 0
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def checked(self) -> None:
        self.run += 1

    def skip(self, ref: str, key: str, **params: object) -> None:
        """Record a figure that could not be checked; `key` names the reason in the
        message catalogue (`skip.…`), `params` fill it."""
        why = say(key, **params)
        self.skipped.append(Skipped(ref=ref, reason=why.en, reason_zh=why.zh, message=key))

    def flag(self, finding: Finding) -> None:
        self.findings.append(finding)


RuleFn = Callable[[Report, list[Finding], RuleRun], None]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str
    fn: RuleFn

    @property
    def description(self) -> Said:
        """What the rule checks, from the catalogue (`rule.<id>`)."""
        return say(f"rule.{self.id}")


def printed_tolerance(p: Printed) -> Said:
    """The tolerance a printed figure's precision allows (truncation also accepted)."""
    if p.decimals == 0:
        return say("tolerance.integer")
    return say("tolerance.decimals", half=p.half_step(), decimals=p.decimals)


def printed_finding(
    rule: str,
    severity: Severity,
    locations: list[Location],
    printed: Printed,
    expected: str,
    causes: Sequence[Said],
    explanation: str,
    /,
    **params: object,
) -> Finding:
    """A finding about one printed figure: what is printed, what it should read, the
    tolerance its printed precision allows, the causes, and the catalogue's explanation
    `explanation` filled with `params`, its `{printed}` with the printed text and its
    `{causes}` with the causes clause."""
    params = {"printed": printed.text, "causes": causes_clause(causes), **params}
    return Finding(
        rule=rule,
        severity=severity,
        locations=locations,
        printed=printed.text,
        expected=expected,
        **tolerance_fields(printed_tolerance(printed)),
        **cause_fields(causes),
        **explanation_fields(explanation, **params),
    )


def loc(ref: str, prov: Provenance | None, text: str = "") -> Location:
    """A finding's location: the ref, plus page and bbox when the value has provenance."""
    if prov is None:
        return Location(ref=ref, text=text)
    return Location(page=prov.page, bbox=prov.bbox, ref=ref, text=text or prov.text)


def row_area(row: IndicatorRow) -> str:
    return row.area if row.area is not None else STATION


def cell_ref(row: IndicatorRow, part: str) -> str:
    """indicators/<table>/<area>[/<post>]/<indicator>/<measure>/<target|done|pct>."""
    where = row_area(row) if row.post is None else f"{row_area(row)}/{row.post}"
    return f"indicators/{row.table}/{where}/{row.indicator}/{row.measure}/{part}"


def is_area(row: IndicatorRow) -> bool:
    """A 片区's own row (a printed 小计 included), not a 社工点's nor the 合计."""
    return row.scope == "area"


def is_total(row: IndicatorRow) -> bool:
    return row.scope == "total"


def unsure(row: IndicatorRow, ref: str, run: RuleRun) -> bool:
    """The row comes from a table read that does not hold together (a possible misread):
    it is recorded as not checkable, never turned into a finding."""
    if row.uncertain:
        run.skip(ref, "skip.uncertain", table=row.table)
        return True
    return False
