"""Indicator tables: percentages from 完成量 ÷ 协议量, and 片区 rows summing to 合计."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from extractor.checks.base import RuleRun, cell_ref, is_area, is_total, loc, unsure
from extractor.printed import (
    Printed,
    agreement,
    exact,
    fmt,
    fmt_like,
    parse_printed,
    plain,
    transposed,
)
from extractor.records import Cell, Finding, IndicatorRow, Report

Key = tuple[str, str, str]  # (table, indicator, measure)


def _value(cell: Cell | None) -> Fraction | None:
    return None if cell is None or cell.value is None else exact(cell.value)


def _groups(report: Report) -> dict[Key, list[IndicatorRow]]:
    out: dict[Key, list[IndicatorRow]] = defaultdict(list)
    for row in report.indicators.rows:
        out[(row.table, row.indicator, row.measure)].append(row)
    return out


Cause = tuple[str, str]  # (English, Chinese)


def _pct_cause(
    printed: Printed, expected: Fraction, target: Fraction, done: Fraction
) -> list[Cause]:
    causes: list[Cause] = []
    if done and agreement(target / done * 100, printed) is not None:
        causes.append(
            (
                "swapped denominator: the printed figure is 协议量 ÷ 完成量",
                "系协议量 ÷ 完成量，分子分母颠倒",
            )
        )
    if transposed(fmt(printed.value, printed.decimals), fmt(expected, printed.decimals)):
        causes.append(("two transposed digits", "两位数字颠倒"))
    if (printed.value >= 100) != (expected >= 100):
        met = expected >= 100
        causes.append(
            (
                "decision inconsistency: the recomputation "
                + ("meets" if met else "misses")
                + " the 100% target the printed figure "
                + ("denies" if met else "claims"),
                "重算结果"
                + ("已" if met else "未")
                + "达到 100%，与印出的数字结论相反，属结论性不一致",
            )
        )
    return causes


def _check_pct(row: IndicatorRow, run: RuleRun, rule: str, extra: list[Cause]) -> None:
    ref = cell_ref(row, "pct")
    assert row.pct is not None
    printed = parse_printed(row.pct.printed, row.pct.value)
    target, done = _value(row.target), _value(row.done)
    if printed is None:
        run.skip(ref, "printed percentage is not a number")
        return
    if target is None or done is None:
        run.skip(ref, "协议量 or 完成量 is blank or not a number")
        return
    if target == 0:
        run.skip(ref, "协议量 is 0, the percentage is undefined")
        return
    run.checked()
    expected = done / target * 100
    how = agreement(expected, printed)
    locations = [
        loc(ref, row.pct.prov),
        loc(cell_ref(row, "done"), row.done.prov if row.done else None),
        loc(cell_ref(row, "target"), row.target.prov if row.target else None),
    ]
    where = f"{row.area or ''} {row.label} ({row.measure})".strip()
    calc = f"{plain(done)} ÷ {plain(target)} = {fmt(expected, printed.decimals)}%"
    if how == "truncation":
        calc = f"{plain(done)} ÷ {plain(target)} = {fmt(expected, printed.decimals + 3)}%"
        run.flag(
            Finding(
                rule=rule,
                severity="info",
                locations=locations,
                printed=printed.text,
                expected=fmt_like(expected, printed),
                tolerance=printed.tolerance(),
                cause="rounding vs truncation: the printed figure is the truncated value",
                explanation_zh=f"{where}：{calc}，四舍五入应为 {fmt_like(expected, printed)}，"
                f"表中印为 {printed.text}，系截断而非四舍五入。",
                explanation_en=f"{where}: {calc}; rounded this is {fmt_like(expected, printed)}, "
                f"the table prints {printed.text}, which matches truncation, not rounding.",
            )
        )
        return
    if how is not None:
        return
    pairs = extra + _pct_cause(printed, expected, target, done)
    causes = [en for en, _ in pairs]
    cause_zh = "".join(f"，{zh}" for _, zh in pairs)
    run.flag(
        Finding(
            rule=rule,
            severity="error",
            locations=locations,
            printed=printed.text,
            expected=fmt_like(expected, printed),
            tolerance=printed.tolerance(),
            cause="; ".join(causes) or None,
            explanation_zh=f"{where}：{calc}，而表中印为 {printed.text}{cause_zh}。",
            explanation_en=f"{where}: {calc}, but the table prints {printed.text}"
            + (f" ({'; '.join(causes)})" if causes else "")
            + ".",
        )
    )


def pct_row(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """Every 片区 / station row's 百分比 recomputed as 完成量 ÷ 协议量 × 100.

    Consistent when round-half-up, round-half-even or truncation of the recomputed value
    gives the printed digits; a match by truncation alone is reported as info. Cells
    printed "/" (not applicable) are not checkable figures and are not counted.
    """
    for row in report.indicators.rows:
        if is_total(row) or row.not_applicable or row.pct is None or row.pct.value is None:
            continue
        if unsure(row, cell_ref(row, "pct"), run):
            continue
        _check_pct(row, run, "pct.row", [])


def _sum_cause(printed: Printed, areas: list[IndicatorRow]) -> list[Cause]:
    """Does the printed 合计 percentage equal the sum or mean of the 片区 percentages?"""
    pcts = [parse_printed(r.pct.printed, r.pct.value) for r in areas if r.pct is not None]
    vals = [p for p in pcts if p is not None]
    if len(vals) < 2 or len(vals) != len(areas):
        return []
    total = sum((p.value for p in vals), Fraction(0))
    slack = sum((p.step / 2 for p in vals), Fraction(0)) + printed.step / 2
    terms = "+".join(p.text for p in vals)
    if abs(total - printed.value) <= slack:
        return [
            (
                "the printed 合计 percentage equals the sum of the 片区 row percentages "
                f"({terms} = {fmt(total, printed.decimals)}%)",
                f"恰为各片区百分比之和 {terms} = {fmt(total, printed.decimals)}%",
            )
        ]
    mean = total / len(vals)
    if abs(mean - printed.value) <= slack / len(vals) + printed.step / 2:
        return [
            (
                "the printed 合计 percentage equals the mean of the 片区 row percentages "
                f"(({terms}) ÷ {len(vals)} = {fmt(mean, printed.decimals)}%)",
                f"恰为各片区百分比的平均值 ({terms}) ÷ {len(vals)} = "
                f"{fmt(mean, printed.decimals)}%",
            )
        ]
    return []


def pct_total(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """The 合计 row's 百分比 recomputed from the 合计 协议量 and 完成量.

    When it fails and the printed figure equals the sum (or the mean) of the 片区 row
    percentages, within their accumulated printed precision, that is named as the cause.
    """
    for rows in _groups(report).values():
        areas = [r for r in rows if is_area(r)]
        for row in rows:
            if not is_total(row) or row.not_applicable or row.pct is None or row.pct.value is None:
                continue
            if unsure(row, cell_ref(row, "pct"), run):
                continue
            printed = parse_printed(row.pct.printed, row.pct.value)
            extra = _sum_cause(printed, areas) if printed is not None else []
            _check_pct(row, run, "pct.total", extra)


def sum_area_total(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """For each table × indicator × measure, each level adds up from the one below: the
    片区 rows (a printed 小计 is its 片区's row) to 合计, and where a table lists 社工点,
    each 片区's 社工点 rows to that 片区's row — 协议量 and 完成量 (投入社工人数 included)."""
    for rows in _groups(report).values():
        areas = [r for r in rows if is_area(r)]
        totals = [r for r in rows if is_total(r)]
        if areas and len(totals) == 1:
            _check_sum(totals[0], areas, run, "片区")
        for area in areas:
            posts = [r for r in rows if r.scope == "post" and r.area == area.area]
            if posts:
                _check_sum(area, posts, run, "社工点")
        if not areas and len(totals) == 1:
            posts = [r for r in rows if r.scope == "post"]
            if posts:
                _check_sum(totals[0], posts, run, "社工点")


def _check_sum(whole: IndicatorRow, parts: list[IndicatorRow], run: RuleRun, level: str) -> None:
    for part in ("target", "done"):
        cell: Cell | None = getattr(whole, part)
        ref = cell_ref(whole, part)
        t = _value(cell)
        vals = [_value(getattr(r, part)) for r in parts]
        if t is None:
            if any(v is not None for v in vals):
                run.skip(
                    ref, f"the sum cell is blank or not a number while {level} cells are filled"
                )
            continue
        if any(v is None for v in vals):
            run.skip(ref, f"a {level} cell is blank or '/', so the sum is unknown")
            continue
        if whole.uncertain or any(r.uncertain for r in parts):
            unsure(whole if whole.uncertain else next(r for r in parts if r.uncertain), ref, run)
            continue
        assert cell is not None
        run.checked()
        expected = sum((v for v in vals if v is not None), Fraction(0))
        if expected == t:
            continue
        terms = " + ".join(plain(v) for v in vals if v is not None)
        causes = ["two transposed digits"] if transposed(plain(t), plain(expected)) else []
        name = "协议量" if part == "target" else "完成量"
        label = whole.post or whole.area or "合计"
        run.flag(
            Finding(
                rule="sum.area_total",
                severity="error",
                locations=[loc(ref, cell.prov)]
                + [loc(cell_ref(r, part), getattr(r, part).prov) for r in parts],
                printed=cell.printed,
                expected=plain(expected),
                tolerance="exact (counts)",
                cause="; ".join(causes) or None,
                explanation_zh=f"{whole.label}（{whole.measure}）{name}：各{level} {terms} = "
                f"{plain(expected)}，而{label}印为 {cell.printed}"
                + ("（两位数字颠倒）" if causes else "")
                + "。",
                explanation_en=f"{whole.label} ({whole.measure}) {part}: the {level} rows add up "
                f"to {terms} = {plain(expected)}, but {label} prints {cell.printed}"
                + (" (two transposed digits)" if causes else "")
                + ".",
            )
        )
