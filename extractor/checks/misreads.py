"""The misread guard for findings: a finding stands only when no plausible misread of the
figures it rests on explains it (docs/checks.md, "Other readings").

After the rules have run, every error and warning is put to the readings its rule can
have been misled by (`extractor.checks.readings`): a figure's separator or decimal point,
two columns swapped, a rate taken from the neighbouring row or column group, a row read
twice or missed, rows unread below a whole that disagrees in every column, a total of
another scope, a band edge, another indicator with the same value, another quantity… A
reading is tested for real: the report is edited to read that way and the finding's rule
run again (or, for a reading that is a fact about the read, such as "no row was read
twice", that fact is checked). A reading explains the finding when, so
read, the finding's figure is consistent and no other figure of the rule becomes
inconsistent. Then the finding is dropped: the figure is recorded as not checkable in
coverage and the report gets a problem that names the reading. Otherwise the finding is
kept and lists, in `ruled_out`, every reading it was tested against and why it fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from extractor.checks.base import Rule, RuleRun
from extractor.checks.messages import Said, say
from extractor.records import Finding, Problem, Report, RuleCoverage, RuledOut, Skipped

Edit = tuple[object, str, object]  # (record, attribute, value read under the reading)


@dataclass(frozen=True, slots=True)
class Reading:
    """Another reading of a finding's figures. `edits` make the report read that way and
    the rule is run again; `fits` instead gives the verdict of a test made without a
    re-run; `why_not` is a fact that rules the reading out whatever the re-run says."""

    code: str  # catalogue id, misread.…
    params: dict[str, object]
    edits: tuple[Edit, ...] = ()
    fits: bool | None = None
    why_not: Said | None = None

    def said(self) -> Said:
        return say(self.code, **self.params)


@contextmanager
def read_as(edits: Sequence[Edit]) -> Iterator[None]:
    """The report as `edits` read it, restored afterwards whatever happens."""
    before = [getattr(obj, attr) for obj, attr, _ in edits]
    try:
        for obj, attr, value in edits:
            setattr(obj, attr, value)
        yield
    finally:
        for (obj, attr, _), value in reversed(list(zip(edits, before, strict=True))):
            setattr(obj, attr, value)


def first_ref(f: Finding) -> str | None:
    return f.locations[0].ref if f.locations else None


def flagged_refs(
    report: Report, rule: Rule, prior: list[Finding], severities: tuple[str, ...]
) -> tuple[set[str | None], set[str]]:
    """The refs the rule flags (at these severities) and those it cannot check, when run
    over the report as it reads now."""
    run = RuleRun(rule.id)
    rule.fn(report, list(prior), run)
    flagged = {first_ref(f) for f in run.findings if f.severity in severities}
    return flagged, {s.ref for s in run.skipped}


ALARMS = ("error", "warning")


@dataclass(slots=True)
class _Trial:
    """One finding put to its readings; the rule's flags as read are computed once."""

    report: Report
    rule: Rule
    prior: list[Finding]
    finding: Finding
    before: set[str | None] | None = None

    def fits(self, r: Reading) -> bool:
        if r.why_not is not None:
            return False
        if r.fits is not None:
            return r.fits
        if not r.edits:
            return False
        if self.before is None:
            self.before, _ = flagged_refs(self.report, self.rule, self.prior, ALARMS)
        with read_as(r.edits):
            after, unchecked = flagged_refs(self.report, self.rule, self.prior, ALARMS)
        # Read so, the figure is checked and agrees, and no other figure stops agreeing.
        ref = first_ref(self.finding)
        return ref not in after and ref not in unchecked and after <= self.before


def ruled_out(r: Reading) -> RuledOut:
    why = r.why_not or say("misread.why.still")
    text = say("misread.ruled_out", reading=r.said(), why=why)
    params = {k: v.en if isinstance(v, Said) else str(v) for k, v in r.params.items()}
    return RuledOut(code=r.code, params=params, text=text.en, text_zh=text.zh)


@dataclass(slots=True)
class Guarded:
    findings: list[Finding]
    problems: list[Problem]


def guard(
    report: Report, findings: list[Finding], coverage: list[RuleCoverage], rules: Sequence[Rule]
) -> Guarded:
    """Test every error and warning against the readings of its rule; drop the ones a
    reading explains (into coverage and problems), list the ruled-out readings on the rest."""
    from extractor.checks.readings import readings_for

    by_id = {r.id: r for r in rules}
    cov = {c.rule: c for c in coverage}
    kept: list[Finding] = []
    dropped: dict[str | None, Said] = {}
    problems: list[Problem] = []
    for k, f in enumerate(findings):
        rule = by_id.get(f.rule)
        if f.severity not in ALARMS or rule is None:
            kept.append(f)
            continue
        prior = findings[:k]
        tested = list(readings_for(report, f, prior, dropped))
        trial = _Trial(report, rule, prior, f)
        why = next((r for r in tested if trial.fits(r)), None)
        if why is None:
            f.ruled_out = [ruled_out(r) for r in tested] + _inherited(f, prior)
            kept.append(f)
            continue
        dropped[first_ref(f)] = why.said()
        _not_checkable(f, why.said(), cov.get(f.rule), problems)
    return Guarded(kept, problems)


def _inherited(f: Finding, prior: list[Finding]) -> list[RuledOut]:
    """A narrative figure that repeats a table error rests on the table's figures: the
    readings that error ruled out are its own."""
    if f.rule != "narrative.repeats_error" or len(f.locations) < 2:
        return []
    table = next((p for p in prior if first_ref(p) == f.locations[1].ref), None)
    return list(table.ruled_out) if table is not None else []


def _not_checkable(
    f: Finding, reading: Said, cov: RuleCoverage | None, problems: list[Problem]
) -> None:
    ref = first_ref(f) or f.rule
    skip = say("skip.misread", reading=reading)
    if cov is not None:
        cov.flagged -= 1
        cov.run -= 1
        cov.skipped.append(
            Skipped(ref=ref, reason=skip.en, reason_zh=skip.zh, message="skip.misread")
        )
    said = say("problem.misread_explains", ref=ref, reading=reading)
    page = f.locations[0].page if f.locations else None
    problems.append(
        Problem(
            stage="checks",
            message=said.en,
            message_zh=said.zh,
            code="problem.misread_explains",
            page=page,
        )
    )
