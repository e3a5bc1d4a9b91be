"""The finding metric: matching by ref and rule family, echoes, precision and recall."""

from __future__ import annotations

from extractor.evaluation.findings import (
    FindingScore,
    match_findings,
    rule_fits,
    same_value,
    score_findings,
)
from extractor.records import ExpectedFinding, Finding, Location

TOTAL_PCT = "indicators/附件1-1/合计/casework/sessions/pct"


def finding(rule: str, *refs: str, severity: str = "error", printed: str = "274.94%") -> Finding:
    return Finding(
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        locations=[Location(ref=r) for r in refs],
        printed=printed,
        expected="92.00%",
    )


EXPECTED = ExpectedFinding(
    kind="total_pct_sum", ref=TOTAL_PCT, printed="274.94%", expected="92.00%"
)


def test_match_by_ref_and_rule_family() -> None:
    m = match_findings([finding("pct.total", TOTAL_PCT)], [EXPECTED])
    assert len(m.matched) == 1 and not m.missed and m.values_agree == 1
    wrong_rule = match_findings([finding("pct.row", TOTAL_PCT)], [EXPECTED])
    assert wrong_rule.missed == [EXPECTED] and len(wrong_rule.false_alarms) == 1
    assert rule_fits("published", "narrative.repeats_error")
    assert rule_fits("roster_subtotal", "roster.monthly") and not rule_fits("row_pct", "score.sum")
    # a 合计 row's own rate that does not recompute is found by pct.total at that cell
    assert rule_fits("row_pct", "pct.total") and not rule_fits("total_pct_sum", "pct.row")


def test_echoes_and_info_are_not_false_alarms() -> None:
    echo = finding("narrative.repeats_error", "narrative/casework/sessions/pct", TOTAL_PCT)
    info = finding("narrative.table", "narrative/registered/count/done", severity="info")
    stray = finding("score.sum", "scoring/total")
    m = match_findings([finding("pct.total", TOTAL_PCT), echo, info, stray], [EXPECTED])
    assert m.echoes == [echo] and m.ignored == [info] and m.false_alarms == [stray]
    s = score_findings([m])
    assert (s.counts.tp, s.counts.fp, s.counts.fn, s.echoes) == (1, 1, 0, 1)
    assert s.counts.precision == 0.5 and s.strict_precision == 1 / 3 and s.counts.recall == 1.0


def test_missed_and_empty() -> None:
    s = score_findings([match_findings([], [EXPECTED]), match_findings([], [])])
    c = s.counts
    assert (c.tp, c.fn, c.recall, c.precision) == (0, 1, 0.0, 1.0)


def test_false_alarms_on_clean_reports_are_counted_apart() -> None:
    stray = finding("score.sum", "scoring/total")
    s = FindingScore()
    s.add(match_findings([stray], []), clean=True)
    s.add(match_findings([finding("pct.total", TOTAL_PCT), stray], [EXPECTED]))
    s.add(match_findings([], []), clean=True)
    assert (s.counts.fp, s.false_alarms_clean) == (2, 1)
    assert (s.clean_reports, s.clean_reports_flagged) == (2, 1)


def test_same_value() -> None:
    assert same_value("274.94%", "274.94 %") and same_value("13", "13.0")
    assert not same_value("12.5", "13") and same_value("良好", "良好 ")
