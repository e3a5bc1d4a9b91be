"""Staffing figures of the narrative: rates from their parts, 超配, and sub-counts."""

from __future__ import annotations

from fractions import Fraction

from extractor.checks.base import RuleRun, loc, printed_finding
from extractor.checks.messages import (
    Said,
    explanation_fields,
    say,
    tolerance_fields,
)
from extractor.checks.period import report_months
from extractor.printed import (
    agreement,
    exact,
    fmt,
    fmt_like,
    parse_printed,
    plain,
    transposed,
)
from extractor.records import Finding, Number, Report


def _ref(field: str) -> str:
    return f"staffing/{field}"


def _rate(
    run: RuleRun,
    report: Report,
    field: str,
    expected: Fraction,
    calc: Said,
    requirement: Number | None,
    others: list[tuple[str, Number | None]],
) -> None:
    st = report.staffing
    n: Number = getattr(st, field)
    p = parse_printed(n.printed, n.value)
    assert p is not None
    run.checked()
    how = agreement(expected, p)
    if how in ("exact", "round"):
        return
    locations = [loc(_ref(field), n.prov)] + [loc(_ref(f), v.prov) for f, v in others if v]
    want = fmt_like(expected, p)
    if how == "truncation":
        run.flag(
            printed_finding(
                "staffing.rate",
                "info",
                locations,
                p,
                want,
                [say("cause.rate_truncated")],
                "explain.rate_truncated",
                calc=calc,
                precise=fmt(expected, p.decimals + 3),
                rounded=want,
            )
        )
        return
    causes: list[Said] = []
    if transposed(fmt(p.value, p.decimals), fmt(expected, p.decimals)):
        causes.append(say("cause.transposed"))
    if requirement is not None:
        req = exact(requirement.value)
        if (p.value >= req) != (expected >= req):
            key = (
                "cause.rate_meets_requirement"
                if expected >= req
                else "cause.rate_misses_requirement"
            )
            causes.append(say(key, rounded=want, requirement=requirement.printed))
    run.flag(
        printed_finding(
            "staffing.rate",
            "error",
            locations,
            p,
            want,
            causes,
            "explain.rate_mismatch",
            calc=calc,
            rounded=want,
        )
    )


def staffing_rate(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """稳岗率 = 持续稳定在岗社工数 ÷ 协议要求在岗社工数, where the required headcount is
    全职社工应到岗人次 ÷ the months of the assessment period (seed: 12 ÷ (200 ÷ 10));
    2年以上 share = 2年以上社工在岗人次 ÷ 全职社工实到岗人次 (seed: 111 ÷ 225.5).

    A recomputed 稳岗率 on the other side of the printed requirement (≥ 80%) is a
    decision inconsistency.
    """
    st = report.staffing
    if st.retention_rate is not None:
        months = report_months(report)
        if st.stable_count is None or st.fulltime_required is None or not months:
            run.skip(_ref("retention_rate"), "skip.retention_parts")
        else:
            required = exact(st.fulltime_required.value) / months
            if required == 0:
                run.skip(_ref("retention_rate"), "skip.required_zero")
            else:
                stable = exact(st.stable_count.value)
                _rate(
                    run,
                    report,
                    "retention_rate",
                    stable / required * 100,
                    say(
                        "calc.retention",
                        stable=plain(stable),
                        required_pm=plain(exact(st.fulltime_required.value)),
                        months=months,
                        required=plain(required),
                    ),
                    st.retention_requirement,
                    [
                        ("stable_count", st.stable_count),
                        ("fulltime_required", st.fulltime_required),
                    ],
                )
    if st.experienced_share is not None:
        if st.experienced_person_months is None or st.fulltime_actual is None:
            run.skip(_ref("experienced_share"), "skip.experienced_parts")
        elif st.fulltime_actual.value == 0:
            run.skip(_ref("experienced_share"), "skip.actual_zero")
        else:
            e, a = exact(st.experienced_person_months.value), exact(st.fulltime_actual.value)
            _rate(
                run,
                report,
                "experienced_share",
                e / a * 100,
                say("calc.experienced_share", experienced=plain(e), actual=plain(a)),
                None,
                [
                    ("experienced_person_months", st.experienced_person_months),
                    ("fulltime_actual", st.fulltime_actual),
                ],
            )


def _sum_check(
    run: RuleRun,
    rule: str,
    report: Report,
    total_field: str,
    parts: list[tuple[str, int]],
) -> None:
    """total == Σ sign × part, all printed counts; skipped when one is missing. The
    formula is said by the catalogue entry `formula.<total_field>`."""
    st = report.staffing
    total: Number | None = getattr(st, total_field)
    if total is None:
        return
    read = st.table_read
    if (
        read is not None
        and not read.trusted
        and {total_field, *(f for f, _ in parts)} & set(read.fields)
    ):
        # from a staffing table whose read does not hold together: a possible misread
        run.skip(_ref(total_field), "skip.uncertain", table=read.table)
        return
    values: list[tuple[str, int, Number]] = []
    for f, sign in parts:
        v: Number | None = getattr(st, f)
        if v is None:
            run.skip(_ref(total_field), "skip.part_missing", part=say(f"staffing.{f}"))
            return
        values.append((f, sign, v))
    run.checked()
    expected = sum((sign * exact(v.value) for _, sign, v in values), Fraction(0))
    if expected == exact(total.value):
        return
    terms = " ".join(
        f"{'+' if sign > 0 else '−'} {plain(exact(v.value))}" for _, sign, v in values
    ).lstrip("+ ")
    run.flag(
        Finding(
            rule=rule,
            severity="error",
            locations=[loc(_ref(total_field), total.prov)]
            + [loc(_ref(f), v.prov) for f, _, v in values],
            printed=total.printed or plain(exact(total.value)),
            expected=plain(expected),
            **tolerance_fields(say("tolerance.counts")),
            **explanation_fields(
                "explain.staffing_sum",
                formula=say(f"formula.{total_field}"),
                terms=terms,
                sum=plain(expected),
                printed=total.printed or plain(exact(total.value)),
            ),
        )
    )


def staffing_surplus(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """超配 = 实到岗 − 应到岗, for 持证社工 and for 全职社工 person-months."""
    _sum_check(
        run,
        "staffing.surplus",
        report,
        "certified_surplus",
        [("certified_actual", 1), ("certified_required", -1)],
    )
    _sum_check(
        run,
        "staffing.surplus",
        report,
        "fulltime_surplus",
        [("fulltime_actual", 1), ("fulltime_required", -1)],
    )


def staffing_subcount(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """持证 + 非持证 = 社工总数, and 中级 + 助理级 = 持证社工数."""
    _sum_check(
        run,
        "staffing.subcount",
        report,
        "total_count",
        [("certified_count", 1), ("uncertified_count", 1)],
    )
    _sum_check(
        run,
        "staffing.subcount",
        report,
        "certified_count",
        [("mid_level_count", 1), ("assistant_level_count", 1)],
    )
