"""The rules, in the order they run: table rules before the narrative rules that cite
them. Registered here explicitly, not by import-time side effects."""

from __future__ import annotations

from extractor.checks import indicators, narrative, period, roster, scoring, staffing
from extractor.checks.base import Rule

RULES: tuple[Rule, ...] = (
    Rule("pct.row", "indicators", indicators.pct_row),
    Rule("pct.total", "indicators", indicators.pct_total),
    Rule("sum.area_total", "indicators", indicators.sum_area_total),
    Rule("score.cap", "scoring", scoring.score_cap),
    Rule("score.sum", "scoring", scoring.score_sum),
    Rule("grade.band", "scoring", scoring.grade_band),
    Rule("narrative.table", "narrative", narrative.narrative_table),
    Rule("narrative.repeats_error", "narrative", narrative.narrative_repeats_error),
    Rule("staffing.rate", "staffing", staffing.staffing_rate),
    Rule("staffing.surplus", "staffing", staffing.staffing_surplus),
    Rule("staffing.subcount", "staffing", staffing.staffing_subcount),
    Rule("roster.person", "roster", roster.roster_person),
    Rule("roster.group", "roster", roster.roster_group),
    Rule("roster.monthly", "roster", roster.roster_monthly),
    Rule("roster.retention", "roster", roster.roster_retention),
    Rule("period.months", "period", period.period_months),
)


def rule(rule_id: str) -> Rule:
    for r in RULES:
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)
