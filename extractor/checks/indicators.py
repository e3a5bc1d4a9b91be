"""Indicator tables: percentages from 完成量 ÷ 协议量, and 片区 rows summing to 合计."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from functools import lru_cache

from extractor.areas import area_key
from extractor.checks.base import (
    RuleRun,
    cell_ref,
    is_area,
    is_total,
    loc,
    printed_finding,
    unsure,
)
from extractor.checks.messages import (
    Said,
    cause_fields,
    causes_clause,
    explanation_fields,
    say,
    tolerance_fields,
)
from extractor.printed import (
    Agreement,
    Printed,
    agreement,
    exact,
    exact_sum,
    fmt_like,
    parse_printed,
    plain,
    rate_agreement,
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


def _pct_cause(
    printed: Printed, expected: Fraction, target: Fraction, done: Fraction
) -> list[Said]:
    causes: list[Said] = []
    if done and agreement(target / done * 100, printed) is not None:
        causes.append(say("cause.swapped_denominator"))
    if transposed(printed.shown(printed.value), printed.shown(expected)):
        causes.append(say("cause.transposed"))
    if (printed.value >= 100) != (expected >= 100):
        met = expected >= 100
        causes.append(say("cause.pct_meets_target" if met else "cause.pct_misses_target"))
    return causes


def rate_shown(x: Fraction, printed: Printed, extra: int = 0) -> str:
    """A recomputed rate as the report prints its rates: a percentage ("108.00%"), or a
    ratio ("1.08") where the rate prints one."""
    return printed.shown(x, extra) + ("" if printed.scale else "%")


def row_name(row: IndicatorRow) -> Said:
    """ "一片区 个案（节数）": the row's area and label as printed, its measure named."""
    measure = say(f"measure.{row.measure}")
    return say("fragment.row", area=row.area or "", label=row.label, measure=measure).strip()


_Rate = tuple[Printed, Fraction, Fraction, Fraction, Agreement | None]


@lru_cache(maxsize=4096)
def _rate(
    printed_text: str | None, pct: float | None, target_value: float | None, done: float | None
) -> _Rate | str:
    """A rate cell's recomputation from the cells' printed text and values: (printed,
    target, done, expected, agreement), or the skip message when it cannot be checked.
    Memoised on those strings and floats (hashed in C): the rule runs again for every
    reading the misread guard tests, over the same rows, and a key of `Fraction`s and a
    `Printed` costs more to hash than the arithmetic it saves."""
    printed = parse_printed(printed_text, pct)
    if printed is None:
        return "skip.pct_not_number"
    if target_value is None or done is None:
        return "skip.target_or_done_missing"
    target, done_x = exact(target_value), exact(done)
    if target == 0:
        return "skip.target_zero"
    expected, how = rate_agreement(done_x, target, printed)
    return printed, target, done_x, expected, how


def _check_pct(row: IndicatorRow, run: RuleRun, rule: str, extra: list[Said]) -> None:
    ref = cell_ref(row, "pct")
    assert row.pct is not None
    rate = _rate(
        row.pct.printed,
        row.pct.value,
        None if row.target is None else row.target.value,
        None if row.done is None else row.done.value,
    )
    if isinstance(rate, str):
        run.skip(ref, rate)
        return
    run.checked()
    printed, target, done, expected, how = rate
    if how in ("exact", "round"):
        return  # consistent: nothing to say (most rows, and re-run for every misreading)
    locations = [
        loc(ref, row.pct.prov),
        loc(cell_ref(row, "done"), row.done.prov if row.done else None),
        loc(cell_ref(row, "target"), row.target.prov if row.target else None),
    ]
    where = row_name(row)
    calc = f"{plain(done)} ÷ {plain(target)} = {rate_shown(expected, printed)}"
    if how == "truncation":
        calc = f"{plain(done)} ÷ {plain(target)} = {rate_shown(expected, printed, 3)}"
        run.flag(
            printed_finding(
                rule,
                "info",
                locations,
                printed,
                fmt_like(expected, printed),
                [say("cause.pct_truncated")],
                "explain.pct_truncated",
                where=where,
                calc=calc,
                rounded=fmt_like(expected, printed),
            )
        )
        return
    causes = extra + _pct_cause(printed, expected, target, done)
    run.flag(
        printed_finding(
            rule,
            "error",
            locations,
            printed,
            fmt_like(expected, printed),
            causes,
            "explain.pct_mismatch",
            where=where,
            calc=calc,
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


def _sum_cause(printed: Printed, areas: list[IndicatorRow]) -> list[Said]:
    """Does the printed 合计 percentage equal the sum or mean of the 片区 percentages?"""
    pcts = [parse_printed(r.pct.printed, r.pct.value) for r in areas if r.pct is not None]
    vals = [p for p in pcts if p is not None]
    if len(vals) < 2 or len(vals) != len(areas):
        return []
    total = exact_sum(p.value for p in vals)
    slack = exact_sum(p.step for p in vals) / 2 + printed.step / 2
    terms = "+".join(p.text for p in vals)
    if abs(total - printed.value) <= slack:
        return [say("cause.total_is_sum", terms=terms, sum=printed.shown(total))]
    mean = total / len(vals)
    if abs(mean - printed.value) <= slack / len(vals) + printed.step / 2:
        return [say("cause.total_is_mean", terms=terms, n=len(vals), mean=printed.shown(mean))]
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
    elsewhere = areas_elsewhere(report)
    for rows in _groups(report).values():
        areas = [r for r in rows if is_area(r)]
        totals = [r for r in rows if is_total(r)]
        if areas and len(totals) == 1:
            _check_sum(totals[0], areas, run, "scope.area")
        if not areas and len(totals) == 1:
            others = elsewhere.get((totals[0].indicator, totals[0].measure), [])
            if others:
                _check_sum(totals[0], others, run, "scope.area")
        for area in areas:
            posts = [r for r in rows if r.scope == "post" and r.area == area.area]
            if posts:
                _check_sum(area, posts, run, "scope.post")
        if not areas and len(totals) == 1:
            posts = [r for r in rows if r.scope == "post"]
            if posts:
                _check_sum(totals[0], posts, run, "scope.post")


def areas_elsewhere(report: Report) -> dict[tuple[str, str], list[IndicatorRow]]:
    """The 片区 rows of an indicator × measure when the report prints its 合计 in a table
    of its own (one small table per 片区, then a summary table): used only when the report
    has one 合计 row for it, in a table without 片区 rows, and each 片区 once."""
    by_key: dict[tuple[str, str], list[IndicatorRow]] = defaultdict(list)
    for row in report.indicators.rows:
        by_key[(row.indicator, row.measure)].append(row)
    out: dict[tuple[str, str], list[IndicatorRow]] = {}
    for key, rows in by_key.items():
        totals = [r for r in rows if is_total(r)]
        areas = [r for r in rows if is_area(r)]
        if len(totals) != 1 or not areas or any(r.table == totals[0].table for r in areas):
            continue
        if any(r.scope == "post" for r in rows):
            continue
        names = [area_key(r.area or "") for r in areas]
        if len(set(names)) == len(names):
            out[key] = areas
    return out


def _check_sum(whole: IndicatorRow, parts: list[IndicatorRow], run: RuleRun, level: str) -> None:
    """`whole`'s target and done against the sum of `parts` (its 片区 or 社工点 rows;
    `level` names them in the message catalogue)."""
    for part in ("target", "done"):
        cell: Cell | None = getattr(whole, part)
        ref = cell_ref(whole, part)
        t = _value(cell)
        vals = [_value(getattr(r, part)) for r in parts]
        if t is None:
            if any(v is not None for v in vals):
                run.skip(ref, "skip.total_blank", level=say(level))
            continue
        if any(v is None for v in vals):
            run.skip(ref, "skip.area_blank", level=say(level))
            continue
        doubt = next((r for r in (whole, *parts) if r.uncertain), None)
        if doubt is not None:
            unsure(doubt, ref, run)
            continue
        assert cell is not None
        run.checked()
        expected = exact_sum(v for v in vals if v is not None)
        if expected == t:
            continue
        terms = " + ".join(plain(v) for v in vals if v is not None)
        causes = [say("cause.transposed")] if transposed(plain(t), plain(expected)) else []
        named: Said | str = whole.post or (
            whole.area if whole.scope == "area" and whole.area else say("scope.total")
        )
        run.flag(
            Finding(
                rule="sum.area_total",
                severity="error",
                locations=[loc(ref, cell.prov)]
                + [loc(cell_ref(r, part), getattr(r, part).prov) for r in parts],
                printed=cell.printed,
                expected=plain(expected),
                **tolerance_fields(say("tolerance.counts")),
                **cause_fields(causes),
                **explanation_fields(
                    "explain.area_sum",
                    label=whole.label,
                    measure=say(f"measure.{whole.measure}"),
                    part=say(f"part.{part}"),
                    level=say(level),
                    whole=named,
                    terms=terms,
                    sum=plain(expected),
                    printed=cell.printed,
                    causes=causes_clause(causes),
                ),
            )
        )
