"""附件2 roster: marks → each person's 小计, people → group 小计, groups → 总计, months.

A mark counts √ = 1, ✗ (an explicit absence) 0, a printed number (0.5) as itself, and
—— or any other text (持证 / 非持证 / 离职, meaning "not in this group that month") as 0.
On a report read by OCR, a mark no roster prints (a Latin letter, an arrow, a number
over 1: √ read as V, ↓ or 4) is a misreading, unknown like an empty cell, so the totals
it enters are not checked rather than flagged. Sums over the people need all of them: a roster whose
numbers (序号, 1..N over the whole roster or within each group) have gaps lost rows
(a page of it not read, as on a scan), and its totals are checked only against the
other totals. A total that has
two derivations (the printed figures below it, and the marks themselves) is flagged only
when it matches neither: when it matches one, the slip sits in a lower figure, which its
own rule reports, and flagging both would report one error twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from extractor.checks.base import RuleRun, loc, printed_finding
from extractor.checks.messages import (
    Said,
    alternatives,
    explanation_fields,
    joined,
    same,
    say,
    tolerance_fields,
)
from extractor.checks.period import month_names, report_months
from extractor.knowledge.vocab import roster_vocab
from extractor.printed import agreement, exact, fmt_like, parse_printed, plain
from extractor.records import Finding, Number, Provenance, Report, RosterRow, RosterTotals

_NUM = re.compile(r"^\d+(?:\.\d+)?$")
# The two per-month lines of a group, named as the refs spell them (corpora/README.md).
MONTHLY, MARKS = "有效人次", "人员到位"
COLUMN_KEYS = {MONTHLY: "column.monthly", MARKS: "column.marks"}
# What a roster prints for "not counted": dashes (OCR may read —— as 一一) or words.
_NOT_COUNTED = re.compile(r"^(?:[—–\-－─]+|[\u4e00-\u9fff]+)$")


def mark_value(mark: str, ocr: bool = False) -> Fraction | None:
    """√ → 1, ✗ → 0, "0.5" → 1/2, ——/text → 0; None for an empty cell (unknown), and, on a
    report read by OCR (`ocr`), for a mark no roster prints."""
    m = mark.strip()
    if not m:
        return None
    if m in roster_vocab().presence_marks:
        return Fraction(1)
    if m in roster_vocab().absence_marks:
        return Fraction(0)  # ✗: explicitly not on post, on a scan too
    if _NUM.match(m):
        value = exact(float(m))
        return None if ocr and value > 1 else value
    if ocr and not _NOT_COUNTED.match(m):
        return None
    return Fraction(0)


def _ocr(report: Report) -> bool:
    return report.source.ocr is not None


def person_total(row: RosterRow, ocr: bool = False) -> Fraction | None:
    vals = [mark_value(m, ocr) for m in row.marks]
    if not vals or any(v is None for v in vals):
        return None
    return sum((v for v in vals if v is not None), Fraction(0))


def month_sums(rows: Sequence[RosterRow], n: int, ocr: bool = False) -> list[Fraction] | None:
    """Σ marks of each month over `rows`; None when a mark is unreadable."""
    out = [Fraction(0)] * n
    for r in rows:
        if len(r.marks) != n:
            return None
        for k, mark in enumerate(r.marks):
            v = mark_value(mark, ocr)
            if v is None:
                return None
            out[k] += v
    return out


def _num(n: Number | None) -> Fraction | None:
    return None if n is None else exact(n.value)


def _totals(report: Report) -> dict[str, RosterTotals]:
    return {t.scope: t for t in report.staffing.roster_totals}


def _members(report: Report, scope: str) -> list[RosterRow]:
    return [r for r in report.staffing.roster if scope == "all" or r.group == scope]


def _complete(rows: Sequence[RosterRow]) -> bool:
    """The roster's 序号 run 1..N without a gap, over the roster or within each group."""

    def run_from_one(seqs: list[int]) -> bool:
        return sorted(seqs) == list(range(1, len(seqs) + 1))

    if run_from_one([r.seq for r in rows]):
        return True
    groups = {r.group for r in rows}
    return all(run_from_one([r.seq for r in rows if r.group == g]) for g in groups)


def _flag(
    run: RuleRun,
    rule: str,
    ref: str,
    prov: Provenance | None,
    printed: str,
    expected: Fraction,
    message: str,
    **params: object,
) -> None:
    run.flag(
        Finding(
            rule=rule,
            severity="error",
            locations=[loc(ref, prov)],
            printed=printed,
            expected=plain(expected),
            **tolerance_fields(say("tolerance.marks")),
            **explanation_fields(message, printed=printed, **params),
        )
    )


def roster_person(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """Each person's 人员到岗小计 equals the sum of their monthly 人员到位 marks."""
    for row in report.staffing.roster:
        ref = f"roster/{row.group}/{row.seq}/on_post"
        if row.on_post is None:
            continue
        ocr = _ocr(report)
        vals = [mark_value(m, ocr) for m in row.marks]
        if not vals or any(v is None for v in vals):
            _person_bounds(row, ref, vals, ocr, run)
            continue
        run.checked()
        want = sum((v for v in vals if v is not None), Fraction(0))
        if exact(row.on_post.value) != want:
            _flag_person(run, ref, row, want, "explain.roster_person")


def _person_bounds(
    row: RosterRow, ref: str, vals: list[Fraction | None], ocr: bool, run: RuleRun
) -> None:
    """A person whose marks leave blank months: whatever a blank means (not on post, or
    not filled in), it adds 0 or 1, so the marks read bound the 小计 from both sides. A
    小计 outside those bounds is wrong under every reading of the blanks; inside, the row
    is not checkable. Only blanks count as open: an unreadable mark (OCR) bounds nothing."""
    assert row.on_post is not None
    open_ = [v is None for v in vals]
    if ocr or not vals or any(o and m.strip() for o, m in zip(open_, row.marks, strict=True)):
        run.skip(ref, "skip.mark_blank")
        return
    low = sum((v for v in vals if v is not None), Fraction(0))
    high = low + sum(open_)
    got = exact(row.on_post.value)
    if low <= got <= high:
        run.skip(ref, "skip.mark_blank")
        return
    run.checked()
    if got < low:
        _flag_person(run, ref, row, low, "explain.roster_person_low", blanks=sum(open_))
    else:
        _flag_person(run, ref, row, high, "explain.roster_person_high", blanks=sum(open_))


def _flag_person(
    run: RuleRun, ref: str, row: RosterRow, want: Fraction, message: str, **params: object
) -> None:
    """A person's printed 小计 against what their marks give (`want`); the marks shown are
    the ones printed (blank months left out)."""
    assert row.on_post is not None
    _flag(
        run,
        "roster.person",
        ref,
        row.on_post.prov or row.prov,
        row.on_post.printed or plain(exact(row.on_post.value)),
        want,
        message,
        group=say(f"group.{row.group}"),
        seq=row.seq,
        marks=joined((same(m) for m in row.marks if m.strip()), "、", ", "),
        sum=plain(want),
        **params,
    )


def _corrected(
    members: list[RosterRow], printed: list[Fraction | None], prior: list[Finding]
) -> Fraction | None:
    """The people's subtotals with each one `roster.person` flagged replaced by what its
    marks give: a group total that agrees with that is the person's error seen again, not
    a second one. None when no member was flagged."""
    wanted = {f.locations[0].ref: f.expected for f in prior if f.rule == "roster.person"}
    total, changed = Fraction(0), False
    for row, got in zip(members, printed, strict=True):
        want = wanted.get(f"roster/{row.group}/{row.seq}/on_post")
        fixed = parse_printed(want) if want is not None else None
        if fixed is not None:
            total, changed = total + fixed.value, True
        elif got is not None:
            total += got
    return total if changed else None


def roster_group(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """A group 小计's 人员到岗 total equals its people's 小计 (or their marks), the 总计
    equals 持证 + 非持证 (or all marks), and likewise for the 2年以上 column."""
    totals = _totals(report)
    complete = _complete(report.staffing.roster)
    for scope, t in totals.items():
        members = _members(report, scope) if complete else []
        if not members and complete:
            continue
        for column, attr in (("on_post", "on_post"), ("experienced", "experienced")):
            got = _num(getattr(t, attr))
            if got is None:
                continue
            ref = f"roster_totals/{scope}/{column}"
            candidates: list[tuple[Fraction, Said]] = []
            if scope == "all" and "certified" in totals and "uncertified" in totals:
                parts = [_num(getattr(totals[g], attr)) for g in ("certified", "uncertified")]
                if all(p is not None for p in parts):
                    s = sum((p for p in parts if p is not None), Fraction(0))
                    candidates.append((s, say("calc.group_subtotals", sum=plain(s))))
            printed = [_num(getattr(r, attr)) for r in members]
            if members and all(p is not None for p in printed):
                s = sum((p for p in printed if p is not None), Fraction(0))
                candidates.append((s, say("calc.people_subtotals", sum=plain(s))))
                fixed = _corrected(members, printed, prior) if column == "on_post" else None
                if fixed is not None:
                    candidates.append((fixed, say("calc.people_corrected", sum=plain(fixed))))
            if column == "on_post" and members:
                marks = [person_total(r, _ocr(report)) for r in members]
                if all(m is not None for m in marks):
                    s = sum((m for m in marks if m is not None), Fraction(0))
                    candidates.append((s, say("calc.marks", sum=plain(s))))
            if not candidates:
                run.skip(ref, "skip.no_figures_below" if complete else "skip.roster_gaps")
                continue
            run.checked()
            if any(c == got for c, _ in candidates):
                continue
            _flag(
                run,
                "roster.group",
                ref,
                getattr(t, attr).prov or t.prov,
                getattr(t, attr).printed or plain(got),
                candidates[-1][0],
                "explain.roster_group",
                group=say(f"group.{scope}"),
                column=say(f"column.{column}"),
                calcs=joined(c for _, c in candidates),
            )


def roster_monthly(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """Per month: a group's 有效人次 and its 小计 row's 人员到位 cell (cells[3m]) equal the
    sum of that month's marks; the 总计 row's equal 持证 + 非持证 (or all marks)."""
    months = report_months(report)
    totals = _totals(report)
    if not months or not totals:
        return
    names = month_names(report, months)
    complete = _complete(report.staffing.roster)
    for scope, t in totals.items():
        members = _members(report, scope) if complete else []
        marks = month_sums(members, months, _ocr(report)) if members else None
        rows: list[tuple[str, list[str]]] = []
        if t.monthly:
            rows.append((MONTHLY, [plain(exact(v)) for v in t.monthly]))
        if t.cells:
            if len(t.cells) == 3 * months:
                rows.append((MARKS, t.cells[0::3]))
            else:
                run.skip(
                    f"roster_totals/{scope}/cells",
                    "skip.cells_for_months",
                    n=len(t.cells),
                    months=months,
                )
        for column, values in rows:
            if len(values) != months:
                run.skip(
                    f"roster_totals/{scope}/{column}",
                    "skip.values_for_months",
                    n=len(values),
                    months=months,
                )
                continue
            for k, text in enumerate(values):
                ref = f"roster_totals/{scope}/{names[k].zh}/{column}"
                p = parse_printed(text)
                if p is None:
                    run.skip(ref, "skip.printed_not_number", text=text)
                    continue
                candidates: list[tuple[Fraction, Said]] = []
                if scope == "all" and "certified" in totals and "uncertified" in totals:
                    parts = [
                        _month_cell(totals[g], column, k, months)
                        for g in ("certified", "uncertified")
                    ]
                    a, b = parts
                    if a is not None and b is not None:
                        s = a + b
                        candidates.append(
                            (
                                s,
                                say(
                                    "calc.month_groups",
                                    certified=plain(a),
                                    uncertified=plain(b),
                                    sum=plain(s),
                                ),
                            )
                        )
                if marks is not None:
                    candidates.append((marks[k], say("calc.month_marks", sum=plain(marks[k]))))
                if not candidates:
                    run.skip(ref, "skip.month_marks" if complete else "skip.roster_gaps")
                    continue
                run.checked()
                if any(agreement(c, p) in ("exact",) for c, _ in candidates):
                    continue
                _flag(
                    run,
                    "roster.monthly",
                    ref,
                    t.prov,
                    p.text,
                    candidates[-1][0],
                    "explain.roster_monthly",
                    group=say(f"group.{scope}"),
                    month=names[k],
                    column=say(COLUMN_KEYS[column]),
                    calcs=joined(c for _, c in candidates),
                )


def _month_cell(t: RosterTotals, column: str, k: int, months: int) -> Fraction | None:
    if column == MONTHLY:
        return exact(t.monthly[k]) if len(t.monthly) == months else None
    if len(t.cells) != 3 * months:
        return None
    p = parse_printed(t.cells[3 * k])
    return None if p is None else p.value


def stable_counts(report: Report) -> set[int]:
    """People on post every month, read two ways: every mark √, or every mark > 0."""
    strict = loose = 0
    for r in report.staffing.roster:
        vals = [mark_value(m, _ocr(report)) for m in r.marks]
        if not vals or any(v is None for v in vals):
            continue
        strict += all(m.strip() in roster_vocab().presence_marks for m in r.marks)
        loose += all(v is not None and v > 0 for v in vals)
    return {strict, loose}


def roster_retention(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """The roster's 稳岗率 = people on post every month ÷ required headcount (应到岗人次 ÷
    months); consistent when the roster count (√ only, or any presence) or the printed
    持续在岗人数 reproduces it. Only a warning: the roster may define 持续在岗 otherwise."""
    st = report.staffing
    rate = st.roster_retention_rate
    if rate is None:
        return
    ref = "staffing/roster_retention_rate"
    months = report_months(report)
    if st.fulltime_required is None or not months or not st.roster:
        run.skip(ref, "skip.roster_retention_parts")
        return
    required = exact(st.fulltime_required.value) / months
    p = parse_printed(rate.printed, rate.value)
    if p is None or required == 0:
        run.skip(ref, "skip.rate_unreadable")
        return
    run.checked()
    counts = stable_counts(report)
    if st.stable_count is not None:
        counts.add(int(st.stable_count.value))
    if any(agreement(Fraction(c) / required * 100, p) for c in counts):
        return
    c = min(counts)
    run.flag(
        printed_finding(
            "roster.retention",
            "warning",
            [loc(ref, rate.prov)],
            p,
            fmt_like(Fraction(c) / required * 100, p),
            [say("cause.roster_defines")],
            "explain.roster_retention",
            counts=alternatives(same(n) for n in sorted(counts)),
            required=plain(required),
        )
    )
