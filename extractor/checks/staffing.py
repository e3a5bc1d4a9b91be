"""Staffing figures of the narrative: rates from their parts, 超配, and sub-counts."""

from __future__ import annotations

from fractions import Fraction

from extractor.checks.base import RuleRun, loc
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
    calc: tuple[str, str],
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
            Finding(
                rule="staffing.rate",
                severity="info",
                locations=locations,
                printed=p.text,
                expected=want,
                tolerance=p.tolerance(),
                cause="rounding vs truncation: the printed rate is the truncated value",
                explanation_zh=f"{calc[0]} = {fmt(expected, p.decimals + 3)}%，"
                f"四舍五入应为 {want}，"
                f"报告印为 {p.text}，系截断。",
                explanation_en=f"{calc[1]} = {fmt(expected, p.decimals + 3)}%; rounded {want}, "
                f"printed {p.text}, which matches truncation.",
            )
        )
        return
    causes: list[str] = []
    zh_cause = ""
    if transposed(fmt(p.value, p.decimals), fmt(expected, p.decimals)):
        causes.append("two transposed digits")
        zh_cause += "（两位数字颠倒）"
    if requirement is not None:
        req = exact(requirement.value)
        if (p.value >= req) != (expected >= req):
            causes.append(
                f"decision inconsistency: the recomputed rate {want} "
                f"{'meets' if expected >= req else 'misses'} the {requirement.printed} requirement"
            )
            zh_cause += (
                f"；重算结果{'满足' if expected >= req else '未满足'}不低于 {requirement.printed} "
                "的要求，属结论性不一致"
            )
    cause = "; ".join(causes) or None
    run.flag(
        Finding(
            rule="staffing.rate",
            severity="error",
            locations=locations,
            printed=p.text,
            expected=want,
            tolerance=p.tolerance(),
            cause=cause,
            explanation_zh=f"{calc[0]} = {want}，而报告印为 {p.text}{zh_cause}。",
            explanation_en=f"{calc[1]} = {want}, but the report prints {p.text}"
            + (f" ({cause})" if cause else "")
            + ".",
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
            run.skip(
                _ref("retention_rate"), "持续在岗人数, 应到岗人次 or the month count is missing"
            )
        else:
            required = exact(st.fulltime_required.value) / months
            if required == 0:
                run.skip(_ref("retention_rate"), "required headcount is 0")
            else:
                stable = exact(st.stable_count.value)
                _rate(
                    run,
                    report,
                    "retention_rate",
                    stable / required * 100,
                    (
                        f"稳岗率 = 持续在岗 {plain(stable)} ÷ 协议要求在岗 "
                        f"({plain(exact(st.fulltime_required.value))} ÷ {months} 个月 = "
                        f"{plain(required)} 名)",
                        f"retention = {plain(stable)} stable ÷ required "
                        f"({plain(exact(st.fulltime_required.value))} ÷ {months} months = "
                        f"{plain(required)})",
                    ),
                    st.retention_requirement,
                    [
                        ("stable_count", st.stable_count),
                        ("fulltime_required", st.fulltime_required),
                    ],
                )
    if st.experienced_share is not None:
        if st.experienced_person_months is None or st.fulltime_actual is None:
            run.skip(_ref("experienced_share"), "2年以上在岗人次 or 实到岗人次 is missing")
        elif st.fulltime_actual.value == 0:
            run.skip(_ref("experienced_share"), "实到岗人次 is 0")
        else:
            e, a = exact(st.experienced_person_months.value), exact(st.fulltime_actual.value)
            _rate(
                run,
                report,
                "experienced_share",
                e / a * 100,
                (
                    f"2年以上社工在岗 {plain(e)} 人次 ÷ 实到岗 {plain(a)} 人次",
                    f"experienced {plain(e)} ÷ all {plain(a)} person-months",
                ),
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
    zh: str,
    en: str,
) -> None:
    """total == Σ sign × part, all printed counts; skipped when one is missing."""
    st = report.staffing
    total: Number | None = getattr(st, total_field)
    if total is None:
        return
    values: list[tuple[str, int, Number]] = []
    for f, sign in parts:
        v: Number | None = getattr(st, f)
        if v is None:
            run.skip(_ref(total_field), f"{f} is missing")
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
            tolerance="exact (counts)",
            explanation_zh=f"{zh}：{terms} = {plain(expected)}，而报告印为 {total.printed}。",
            explanation_en=f"{en}: {terms} = {plain(expected)}, but the report prints "
            f"{total.printed}.",
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
        "持证社工超配 = 实到岗 − 应到岗",
        "certified surplus = actual − required",
    )
    _sum_check(
        run,
        "staffing.surplus",
        report,
        "fulltime_surplus",
        [("fulltime_actual", 1), ("fulltime_required", -1)],
        "全职社工超配 = 实到岗 − 应到岗",
        "full-time surplus = actual − required",
    )


def staffing_subcount(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """持证 + 非持证 = 社工总数, and 中级 + 助理级 = 持证社工数."""
    _sum_check(
        run,
        "staffing.subcount",
        report,
        "total_count",
        [("certified_count", 1), ("uncertified_count", 1)],
        "持证 + 非持证 = 总数",
        "certified + uncertified = total",
    )
    _sum_check(
        run,
        "staffing.subcount",
        report,
        "certified_count",
        [("mid_level_count", 1), ("assistant_level_count", 1)],
        "中级 + 助理级 = 持证社工数",
        "mid-level + assistant-level = certified",
    )
