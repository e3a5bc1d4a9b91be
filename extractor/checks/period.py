"""Periods: the printed month count against the dates, and the roster's month columns."""

from __future__ import annotations

import datetime as dt

from extractor.checks.base import RuleRun, loc
from extractor.checks.messages import (
    Said,
    cause_fields,
    explanation_fields,
    joined,
    same,
    say,
    tolerance_fields,
)
from extractor.records import Finding, Period, Report


def calendar_months(start: dt.date, end: dt.date) -> int:
    """Calendar months touched: 2023-12-11 … 2024-09-30 → 10."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def elapsed_months(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Whole months from start to the day after end, and whether days are left over:
    2023-12-11 … 2024-12-10 → (12, False)."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if after.day < start.day:
        months -= 1
    return months, after.day != start.day


def month_counts(p: Period) -> set[int]:
    """Both readings of a period's length; a printed count may use either."""
    whole, partial = elapsed_months(p.start, p.end)
    return {calendar_months(p.start, p.end), whole, whole + 1 if partial else whole}


def report_months(report: Report) -> int | None:
    """The assessment period's month count: printed, else from its dates, else the roster."""
    p = report.meta.assessment_period
    if p is not None:
        if p.months:
            return p.months
        return calendar_months(p.start, p.end)
    lengths = {len(r.marks) for r in report.staffing.roster if r.marks}
    return lengths.pop() if len(lengths) == 1 else None


def month_names(report: Report, n: int) -> list[Said]:
    """The roster's month columns named in both languages ("2024年3月" / "2024-03"); the
    Chinese name is the refs' spelling."""
    p = report.meta.assessment_period
    if p is None:
        return [say("fragment.month_number", n=k + 1) for k in range(n)]
    out = []
    for k in range(n):
        y, m = divmod(p.start.month - 1 + k, 12)
        out.append(say("fragment.month", year=p.start.year + y, month=m + 1))
    return out


def _date(d: dt.date) -> Said:
    return say("fragment.date", year=d.year, month=d.month, day=d.day)


def period_months(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """A printed month count equals the months its dates cover (calendar months touched
    or whole months elapsed), and the roster has one column per assessment month."""
    for name in ("assessment_period", "contract_period"):
        p: Period | None = getattr(report.meta, name)
        if p is None or p.months is None:
            continue
        run.checked()
        counts = month_counts(p)
        if p.months in counts:
            continue
        want = calendar_months(p.start, p.end)
        run.flag(
            Finding(
                rule="period.months",
                severity="error",
                locations=[loc(f"meta/{name}", p.prov)],
                printed=str(p.months),
                expected=str(want),
                **tolerance_fields(say("tolerance.months")),
                **explanation_fields(
                    "explain.period_months",
                    start=_date(p.start),
                    end=_date(p.end),
                    months=want,
                    printed=p.months,
                ),
            )
        )
    ap = report.meta.assessment_period
    lengths = sorted({len(r.marks) for r in report.staffing.roster if r.marks})
    if ap is None or not lengths:
        return
    run.checked()
    want = ap.months or calendar_months(ap.start, ap.end)
    if lengths == [want]:
        return
    run.flag(
        Finding(
            rule="period.months",
            severity="warning",
            locations=[loc("meta/assessment_period", ap.prov), loc("staffing/roster", None)],
            printed=", ".join(map(str, lengths)),
            expected=str(want),
            **tolerance_fields(say("tolerance.exact")),
            **cause_fields([say("cause.roster_period")]),
            **explanation_fields(
                "explain.roster_months",
                months=want,
                columns=joined((same(n) for n in lengths), "、", ", "),
            ),
        )
    )
