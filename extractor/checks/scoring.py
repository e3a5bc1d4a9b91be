"""Scores: each party within its weight, parties adding up to the total, grade in band."""

from __future__ import annotations

from fractions import Fraction

from extractor.checks.base import RuleRun, loc
from extractor.checks.messages import (
    Said,
    cause_fields,
    causes_clause,
    explanation_fields,
    say,
    tolerance_fields,
)
from extractor.printed import Printed, exact_sum, fmt, parse_printed
from extractor.records import Finding, GradeBand, Number, Report


def _printed(n: Number) -> Printed:
    p = parse_printed(n.printed, n.value)
    assert p is not None  # a Number always has a value to fall back on
    return p


def in_band(x: Fraction, band: GradeBand) -> bool:
    if band.lower is not None:
        lo = Fraction(str(band.lower))
        if x < lo or (x == lo and not band.lower_inclusive):
            return False
    if band.upper is not None:
        hi = Fraction(str(band.upper))
        if x > hi or (x == hi and not band.upper_inclusive):
            return False
    return True


def band_of(x: Fraction, bands: list[GradeBand]) -> str | None:
    hits = [b.grade for b in bands if in_band(x, b)]
    return hits[0] if len(hits) == 1 else None


def doubted(report: Report, fields: set[str]) -> str | None:
    """The table the scores' read was taken from when that read is not trusted and gave
    one of `fields` (party_scores, total, grade): those figures are then not checked."""
    read = report.scoring.table_read
    if read is not None and not read.trusted and fields & set(read.fields):
        return read.table or read.caption
    return None


def score_cap(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """Each party's score is at most its weight (the party's share of 100 points)."""
    weights = {w.party: w for w in report.scoring.weights}
    table = doubted(report, {"party_scores"})
    for ps in report.scoring.party_scores:
        ref = f"scoring/party/{ps.party}"
        w = weights.get(ps.party)
        if w is None:
            run.skip(ref, "skip.no_weight")
            continue
        if table is not None:
            # from a score table whose read does not hold together: a possible misread
            run.skip(ref, "skip.uncertain", table=table)
            continue
        run.checked()
        p = _printed(ps.score)
        cap = Fraction(str(w.weight))
        if p.value <= cap:
            continue
        # Weights the report does not print are the profile's assumption: a score above
        # one says the report weighs its parties otherwise, not that it is wrong.
        assumed = report.scoring.weights_source != "report"
        run.flag(
            Finding(
                rule="score.cap",
                severity="info" if assumed else "error",
                locations=[loc(ref, ps.score.prov), loc(f"scoring/weight/{ps.party}", w.prov)],
                printed=p.text,
                expected=f"≤ {fmt(cap, p.decimals)}",
                **tolerance_fields(say("tolerance.cap")),
                **cause_fields([say("cause.profile_weights")] if assumed else []),
                **explanation_fields(
                    "explain.score_cap",
                    party=say(f"party.{ps.party}"),
                    printed=p.text,
                    weight=f"{w.weight:g}",
                ),
            )
        )


def score_sum(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """The party scores add up to the printed total, within their accumulated precision.

    Each printed score stands for an interval (±half a unit of its last digit); the total
    is consistent when its interval meets the interval of the sum. When the recomputed
    sum falls in another grade band than the printed grade, that is a decision
    inconsistency and is said so.
    """
    sc = report.scoring
    if sc.total is None:
        if sc.party_scores:
            run.skip("scoring/total", "skip.no_total")
        return
    parties = {ps.party for ps in sc.party_scores}
    expected_parties = {w.party for w in sc.weights} or parties
    if not sc.party_scores or not expected_parties <= parties:
        run.skip("scoring/total", "skip.party_missing")
        return
    table = doubted(report, {"party_scores", "total"})
    if table is not None:
        run.skip("scoring/total", "skip.uncertain", table=table)
        return
    run.checked()
    total = _printed(sc.total)
    scores = [_printed(ps.score) for ps in sc.party_scores]
    s = exact_sum(p.value for p in scores)
    slack = exact_sum(p.step for p in scores) / 2 + total.step / 2
    if abs(s - total.value) <= slack:
        return
    terms = " + ".join(p.text for p in scores)
    causes: list[Said] = []
    grade = sc.grade.value if sc.grade else None
    new_grade = band_of(s, sc.bands)
    if grade is not None and new_grade is not None and new_grade != grade:
        causes.append(say("cause.grade_changes", recomputed=new_grade, grade=grade))
    run.flag(
        Finding(
            rule="score.sum",
            severity="error",
            locations=[loc("scoring/total", sc.total.prov)]
            + [loc(f"scoring/party/{ps.party}", ps.score.prov) for ps in sc.party_scores],
            printed=total.text,
            expected=fmt(s, total.decimals),
            **tolerance_fields(say("tolerance.accumulated", slack=fmt(slack, total.decimals + 1))),
            **cause_fields(causes),
            **explanation_fields(
                "explain.score_sum",
                terms=terms,
                sum=fmt(s, total.decimals),
                printed=total.text,
                causes=causes_clause(causes),
            ),
        )
    )


def _band_text(b: GradeBand) -> str:
    lo = "" if b.lower is None else f"{b.lower:g}{'≤' if b.lower_inclusive else '<'}"
    hi = "" if b.upper is None else f"{'≤' if b.upper_inclusive else '<'}{b.upper:g}"
    return f"{lo}x{hi}"


def grade_band(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """The printed total lies inside the band of the printed grade; otherwise the band it
    does fall in is named. A wrong grade is always a decision inconsistency."""
    sc = report.scoring
    if sc.grade is None or sc.total is None:
        if sc.grade is not None or sc.total is not None:
            run.skip("scoring/grade", "skip.grade_or_total")
        return
    band = next((b for b in sc.bands if b.grade == sc.grade.value), None)
    if band is None:
        run.skip("scoring/grade", "skip.no_band", grade=sc.grade.value)
        return
    table = doubted(report, {"total", "grade"})
    if table is not None:
        run.skip("scoring/grade", "skip.uncertain", table=table)
        return
    run.checked()
    total = _printed(sc.total)
    if in_band(total.value, band):
        return
    right = band_of(total.value, sc.bands)
    # Bands the report does not print are the profile's assumption (see score_cap).
    assumed = sc.bands_source != "report"
    run.flag(
        Finding(
            rule="grade.band",
            severity="info" if assumed else "error",
            locations=[loc("scoring/grade", sc.grade.prov), loc("scoring/total", sc.total.prov)],
            printed=sc.grade.value,
            expected=right or "?",
            **tolerance_fields(
                say(
                    "tolerance.band",
                    band=_band_text(band),
                    source=say(f"bands.{sc.bands_source or 'unknown'}"),
                )
            ),
            **cause_fields(
                [say("cause.profile_bands" if assumed else "cause.grade_not_from_total")]
            ),
            **explanation_fields(
                "explain.grade_band",
                total=total.text,
                grade=sc.grade.value,
                band=_band_text(band),
                falls_in=say("fragment.falls_in", grade=right) if right else "",
            ),
        )
    )
