"""Each checker rule on small hand-built reports: one consistent case, one broken case."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from extractor.checks import check_report
from extractor.checks.base import RuleRun
from extractor.checks.registry import RULES, rule
from extractor.printed import agreement, fmt, parse_printed, transposed
from extractor.records import (
    Cell,
    Finding,
    GradeBand,
    IndicatorRow,
    Indicators,
    Meta,
    NarrativeFigure,
    Number,
    PartyScore,
    PartyWeight,
    Period,
    Provenance,
    Report,
    RosterRow,
    RosterTotals,
    Scoring,
    Source,
    Staffing,
)


def run(rule_id: str, report: Report) -> list[Finding]:
    """Run one rule after the rules registered before it (as check_report does)."""
    prior: list[Finding] = []
    for r in RULES:
        ledger = RuleRun(r.id)
        r.fn(report, list(prior), ledger)
        if r.id == rule_id:
            return ledger.findings
        prior.extend(ledger.findings)
    raise KeyError(rule_id)


def c(printed: str, value: float | None = None, page: int = 9) -> Cell:
    v = value if value is not None else float(printed.rstrip("%")) if printed != "/" else None
    return Cell(printed=printed, value=v, prov=Provenance(page=page, bbox=(1, 2, 3, 4)))


def n(printed: str, value: float) -> Number:
    return Number(value=value, printed=printed, prov=Provenance(page=3, bbox=(0, 0, 1, 1)))


def row(area: str | None, target: str, done: str, pct: str, ind: str = "casework") -> IndicatorRow:
    return IndicatorRow(
        table="附件1-1",
        area=area,
        indicator=ind,
        label="专业个案",
        measure="sessions",
        target=c(target),
        done=c(done),
        pct=c(pct),
    )


def report(**parts: object) -> Report:
    return Report(source=Source(file="t.pdf"), **parts)  # type: ignore[arg-type]


def seed_table(total_pct: str = "92.00%", total_done: str = "552") -> Report:
    """The seed's 个案节数 rows: 274/300, 173/180, 105/120, 合计 552/600."""
    rows = [
        row("一片区", "300", "274", "91.33%"),
        row("二片区", "180", "173", "96.11%"),
        row("三片区", "120", "105", "87.50%"),
        row("合计", "600", total_done, total_pct),
    ]
    return report(indicators=Indicators(rows=rows))


# --- precision ---------------------------------------------------------------------------


def test_printed_interval_and_rounding_habits() -> None:
    p = parse_printed("85.30%")
    assert p is not None and p.decimals == 2 and p.interval() == "[85.295, 85.305)"
    assert agreement(Fraction(85296, 1000), p) == "round"
    assert agreement(Fraction(853099, 10000), p) == "truncation"
    assert agreement(Fraction(85310, 1000), p) is None
    half = parse_printed("0.12")
    assert half is not None and agreement(Fraction(1, 8), half) == "round"  # half-even
    assert fmt(Fraction(1, 8), 2) == "0.13"  # printed half-up
    assert transposed("61", "16") and not transposed("61", "62")


# --- indicators --------------------------------------------------------------------------


def test_pct_row_passes_and_fails() -> None:
    ok = report(indicators=Indicators(rows=[row("一片区", "300", "274", "91.33%")]))
    assert run("pct.row", ok) == []
    bad = report(indicators=Indicators(rows=[row("一片区", "300", "274", "19.33%")]))
    (f,) = run("pct.row", bad)
    assert (f.severity, f.printed, f.expected) == ("error", "19.33%", "91.33%")
    assert f.locations[0].ref == "indicators/附件1-1/一片区/casework/sessions/pct"
    assert f.locations[0].page == 9 and "two transposed digits" in (f.cause or "")


def test_pct_row_truncation_is_info() -> None:
    # 2/3 = 66.666…%: rounding gives 66.67%, truncation 66.66%
    r = report(indicators=Indicators(rows=[row("一片区", "3", "2", "66.66%")]))
    (f,) = run("pct.row", r)
    assert f.severity == "info" and "truncat" in (f.cause or "")


def test_pct_row_names_crossing_100_percent() -> None:
    r = report(indicators=Indicators(rows=[row("一片区", "100", "99", "100.00%")]))
    (f,) = run("pct.row", r)
    assert f.expected == "99.00%" and "decision inconsistency" in (f.cause or "")


def test_pct_total_names_the_sum_of_rows() -> None:
    assert run("pct.total", seed_table()) == []
    (f,) = run("pct.total", seed_table("274.94%"))
    assert (f.printed, f.expected) == ("274.94%", "92.00%")
    assert "sum of the area rows' percentages" in (f.cause or "")
    assert "恰为各片区百分比之和" in (f.cause_zh or "")
    assert "552 ÷ 600 = 92.00%" in f.explanation_zh
    assert "91.33%+96.11%+87.50%" in f.explanation_zh


def test_sum_area_total() -> None:
    assert run("sum.area_total", seed_table()) == []
    (f,) = run("sum.area_total", seed_table(total_done="525", total_pct="87.50%"))
    assert f.locations[0].ref == "indicators/附件1-1/合计/casework/sessions/done"
    assert (f.printed, f.expected, f.cause) == ("525", "552", "two transposed digits")


# --- scoring -----------------------------------------------------------------------------

BANDS = [
    GradeBand(grade="优秀", lower=90),
    GradeBand(grade="良好", lower=80, upper=90),
    GradeBand(grade="合格", lower=60, upper=80),
    GradeBand(grade="不合格", upper=60),
]
WEIGHTS = [
    PartyWeight(party="monitor", weight=10),
    PartyWeight(party="buyer", weight=20),
    PartyWeight(party="supervision_centre", weight=15),
    PartyWeight(party="third_party", weight=55),
]


def scoring(total: str, grade: str, buyer: str = "20.00") -> Report:
    from extractor.records import Text

    scores = [("monitor", "8.20"), ("buyer", buyer), ("supervision_centre", "12.90")]
    scores.append(("third_party", "45.65"))
    return report(
        scoring=Scoring(
            weights=WEIGHTS,
            bands=BANDS,
            party_scores=[PartyScore(party=p, score=n(s, float(s))) for p, s in scores],  # type: ignore[arg-type]
            total=n(total, float(total)),
            grade=Text(value=grade),
        )
    )


def test_score_cap() -> None:
    assert run("score.cap", scoring("86.75", "良好")) == []
    (f,) = run("score.cap", scoring("87.75", "良好", buyer="21.00"))
    assert f.locations[0].ref == "scoring/party/buyer" and f.expected == "≤ 20.00"


def test_score_sum_and_decision() -> None:
    assert run("score.sum", scoring("86.75", "良好")) == []
    (f,) = run("score.sum", scoring("88.25", "良好"))
    assert (f.printed, f.expected, f.cause) == ("88.25", "86.75", None)
    (g,) = run("score.sum", scoring("90.75", "优秀"))
    assert "decision inconsistency" in (g.cause or "") and "良好" in (g.cause or "")


def test_grade_band() -> None:
    assert run("grade.band", scoring("86.75", "良好")) == []
    (f,) = run("grade.band", scoring("86.75", "合格"))
    assert (f.printed, f.expected) == ("合格", "良好")


# --- narrative ---------------------------------------------------------------------------

SENTENCE = (
    "个案接案 100 个，开展 552 节，结案 79 个，分别完成协议指标量的 100.00%，274.94%，112.86%；"
)


def fig(
    kind: str, printed: str, measure: str = "sessions", scope: str | None = None
) -> NarrativeFigure:
    return NarrativeFigure(
        indicator="casework",
        measure=measure,
        kind=kind,  # type: ignore[arg-type]
        value=float(printed.rstrip("%个节")),
        printed=printed,
        scope=scope,
        sentence=SENTENCE,
        prov=Provenance(page=12, bbox=(5, 6, 7, 8)),
    )


def test_narrative_table_station_scope() -> None:
    r = seed_table()
    r.indicators.narrative = [fig("done", "552节"), fig("pct", "92.00%")]
    assert run("narrative.table", r) == []
    r.indicators.narrative = [fig("done", "552节"), fig("pct", "94.00%")]
    (f,) = run("narrative.table", r)
    assert f.severity == "error" and f.locations[0].ref == "narrative/casework/sessions/pct"
    assert f.locations[1].ref == "indicators/附件1-1/合计/casework/sessions/pct"


def test_narrative_area_scope_is_never_an_error() -> None:
    r = seed_table()
    r.indicators.narrative = [fig("done", "270个", scope="片区一")]  # alone: another count?
    (f,) = run("narrative.table", r)
    assert f.severity == "info"
    r.indicators.narrative = [
        fig("done", "270个", scope="片区一"),
        fig("pct", "91.33%", scope="片区一"),
    ]
    (g,) = run("narrative.table", r)
    assert g.severity == "warning"  # corroborated by a matching figure of the same sentence


def test_narrative_approximate_figures_are_skipped() -> None:
    r = seed_table()
    f = fig("done", "600节")
    f.approx = True
    r.indicators.narrative = [f]
    assert run("narrative.table", r) == []


def test_narrative_repeats_table_error() -> None:
    r = seed_table("274.94%")
    r.indicators.narrative = [fig("pct", "274.94%")]
    assert run("narrative.table", r) == []
    (f,) = run("narrative.repeats_error", r)
    assert (f.rule, f.printed, f.expected) == ("narrative.repeats_error", "274.94%", "92.00%")
    assert f.locations[0].ref == "narrative/casework/sessions/pct" and f.locations[0].page == 12


# --- staffing ----------------------------------------------------------------------------

PERIOD = Period(start=dt.date(2023, 12, 11), end=dt.date(2024, 9, 30), months=10)


def staffing(rate: str = "60.00%", share: str = "49.22%", **kw: Number) -> Report:
    st = Staffing(
        fulltime_required=n("200 人次", 200),
        fulltime_actual=n("225.5 人次", 225.5),
        fulltime_surplus=n("25.5人次", 25.5),
        certified_count=n("14名", 14),
        uncertified_count=n("9 名", 9),
        total_count=n("23 名", 23),
        mid_level_count=n("6 名", 6),
        assistant_level_count=n("8 名", 8),
        stable_count=n("12 名", 12),
        retention_rate=n(rate, float(rate.rstrip("%"))),
        retention_requirement=n("80.00%", 80),
        experienced_person_months=n("111 人次", 111),
        experienced_share=n(share, float(share.rstrip("%"))),
    )
    for k, v in kw.items():
        setattr(st, k, v)
    return report(meta=Meta(assessment_period=PERIOD), staffing=st)


def test_staffing_rate() -> None:
    assert run("staffing.rate", staffing()) == []
    (f,) = run("staffing.rate", staffing(rate="85.00%"))
    assert (f.printed, f.expected) == ("85.00%", "60.00%")
    assert "decision inconsistency" in (f.cause or "")  # 85% meets 80%, 60% does not
    (g,) = run("staffing.rate", staffing(share="42.92%"))
    assert g.locations[0].ref == "staffing/experienced_share" and g.expected == "49.22%"


def test_staffing_surplus_and_subcount() -> None:
    assert run("staffing.surplus", staffing()) == []
    assert run("staffing.subcount", staffing()) == []
    (f,) = run("staffing.surplus", staffing(fulltime_surplus=n("52.5 人次", 52.5)))
    assert (f.locations[0].ref, f.expected) == ("staffing/fulltime_surplus", "25.5")
    (g,) = run("staffing.subcount", staffing(total_count=n("24 名", 24)))
    assert (g.locations[0].ref, g.expected) == ("staffing/total_count", "23")


# --- roster ------------------------------------------------------------------------------


def person(group: str, seq: int, marks: list[str], on_post: str) -> RosterRow:
    return RosterRow(
        group=group,  # type: ignore[arg-type]
        seq=seq,
        name=f"P{seq}",
        marks=marks,
        on_post=n(on_post, float(on_post)),
    )


def roster(cell_c0: str = "1.5", total_c: str = "3.5", p1: str = "2") -> Report:
    """Two months; certified: √√ and 0.5/√; uncertified: ——/√."""
    people = [
        person("certified", 1, ["√", "√"], p1),
        person("certified", 2, ["0.5", "√"], "1.5"),
        person("uncertified", 3, ["——", "√"], "1"),
    ]
    totals = [
        RosterTotals(
            scope="certified",
            monthly=[1.5, 2],
            cells=[cell_c0, "2", "2", "2", "2", "2"],
            on_post=n(total_c, float(total_c)),
        ),
        RosterTotals(
            scope="uncertified",
            monthly=[0, 1],
            cells=["0", "0", "0", "1", "1", "1"],
            on_post=n("1", 1),
        ),
        RosterTotals(
            scope="all",
            monthly=[1.5, 3],
            cells=["1.5", "2", "2", "3", "3", "3"],
            on_post=n("4.5", 4.5),
        ),
    ]
    period = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 2, 29), months=2)
    return report(
        meta=Meta(assessment_period=period),
        staffing=Staffing(roster=people, roster_totals=totals),
    )


def test_roster_person() -> None:
    assert run("roster.person", roster()) == []
    (f,) = run("roster.person", roster(p1="3"))
    assert (f.locations[0].ref, f.printed, f.expected) == ("roster/certified/1/on_post", "3", "2")


def test_roster_group_blames_the_lowest_wrong_figure() -> None:
    assert run("roster.group", roster()) == []
    (f,) = run("roster.group", roster(total_c="5.5"))
    assert (f.locations[0].ref, f.expected) == ("roster_totals/certified/on_post", "3.5")
    # a wrong person total leaves the group total matching the marks: no group finding
    assert run("roster.group", roster(p1="3")) == []


def blanks(p1: str, total: str) -> Report:
    """Three months, ○ for on post and a blank month: a roster whose blanks may mean
    "not on post" or "not filled in"."""
    people = [
        person("certified", 1, ["○", "", "○"], p1),
        person("certified", 2, ["○", "○", "○"], "3"),
    ]
    totals = [RosterTotals(scope="all", on_post=n(total, float(total)))]
    period = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31), months=3)
    return report(
        meta=Meta(assessment_period=period),
        staffing=Staffing(roster=people, roster_totals=totals),
    )


def test_roster_person_bounded_by_its_blanks() -> None:
    # 2 (blank = not on post) or 3 (blank = not filled in): either reading, not checkable
    assert run("roster.person", blanks("2", "5")) == []
    assert run("roster.person", blanks("3", "6")) == []
    # 1 is below the two ○ marks, 4 above all three months: wrong under every reading
    (low,) = run("roster.person", blanks("1", "4"))
    assert (low.locations[0].ref, low.printed, low.expected) == (
        "roster/certified/1/on_post",
        "1",
        "2",
    )
    assert "另有 1 个月空白" in (low.explanation_zh or "")
    (high,) = run("roster.person", blanks("4", "7"))
    assert (high.printed, high.expected) == ("4", "3")


def test_roster_group_after_a_flagged_person_is_no_second_error() -> None:
    # person 1 prints 1 though their marks give at least 2; a total of 5 is the people's
    # subtotals with that one corrected: the person's error seen again, not the group's
    assert run("roster.group", blanks("1", "5")) == []
    # a total agreeing with neither the printed nor the corrected subtotals is flagged
    (f,) = run("roster.group", blanks("1", "9"))
    assert f.locations[0].ref == "roster_totals/all/on_post"


def test_roster_monthly_cells() -> None:
    assert run("roster.monthly", roster()) == []
    (f,) = run("roster.monthly", roster(cell_c0="2"))
    assert (f.locations[0].ref, f.printed, f.expected) == (
        "roster_totals/certified/2024年1月/人员到位",
        "2",
        "1.5",
    )


# --- period ------------------------------------------------------------------------------


def test_period_months() -> None:
    assert run("period.months", report(meta=Meta(assessment_period=PERIOD))) == []
    wrong = PERIOD.model_copy(update={"months": 12})
    (f,) = run("period.months", report(meta=Meta(assessment_period=wrong)))
    assert (f.printed, f.expected) == ("12", "10")
    contract = Period(start=dt.date(2023, 12, 11), end=dt.date(2024, 12, 10), months=12)
    assert run("period.months", report(meta=Meta(contract_period=contract))) == []


# --- the whole checker -------------------------------------------------------------------


def test_check_report_coverage_counts() -> None:
    r = seed_table("274.94%")
    r.indicators.rows[0].target = c("/")
    res = check_report(r)
    cov = {x.rule: x for x in res.coverage}
    assert [x.rule for x in res.coverage] == [r.id for r in RULES]
    assert cov["pct.total"].flagged == 1 and cov["pct.total"].run == 1
    assert cov["pct.row"].possible == 3 and cov["pct.row"].run == 2
    assert cov["pct.row"].skipped[0].ref == "indicators/附件1-1/一片区/casework/sessions/pct"
    skipped = cov["sum.area_total"].skipped[0]
    assert skipped.message == "skip.area_blank"
    assert skipped.reason.startswith("one area cell is blank")
    assert skipped.reason_zh.startswith("有片区格为空")
    assert rule("pct.row").description.en.startswith("Every area / station row")
    assert cov["pct.row"].description_zh.startswith("每个片区 / 站点行的百分比")
