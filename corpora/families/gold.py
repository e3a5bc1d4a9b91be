"""A report's facts + what its writer recorded → the `GoldReport` of that PDF.

Indicator rows come from the tables' printed strings (an injected error is in the gold
as printed); sections, items, narrative and staffing figures from the writer's record;
meta and scores from the facts the template printed them from.
"""

from __future__ import annotations

import json
from decimal import Decimal

from corpora.families.facts import TOTAL, ReportFacts, Scope, Table
from corpora.families.printing import value_of
from corpora.families.writer import Writer
from extractor.records import (
    Cell,
    Date,
    GoldReport,
    GradeBand,
    IndicatorRow,
    Indicators,
    Meta,
    Number,
    PartyScore,
    PartyWeight,
    Period,
    RosterRow,
    RosterTotals,
    Scoring,
    Source,
    Staffing,
    Text,
)


def cell(printed: str) -> Cell:
    return Cell(printed=printed, value=value_of(printed))


def rate_cell(t: Table, printed: str) -> Cell:
    """A rate cell: its value is the percentage, also when printed as a ratio (1.08)."""
    if t.rate.ratio and value_of(printed) is not None:
        return Cell(printed=printed, value=float(Decimal(printed) * 100))
    return cell(printed)


def rows(t: Table) -> list[IndicatorRow]:
    out: list[IndicatorRow] = []
    for scope in t.scopes():
        where = _where(t, scope)
        if scope in t.staff_printed:
            out.append(
                IndicatorRow(
                    table=t.name_of(scope),
                    **where,
                    indicator="staff",
                    label=t.staff_label,
                    measure="count",
                    done=cell(t.staff_printed[scope]),
                )
            )
        for ind in t.inds:
            out.append(
                IndicatorRow(
                    table=t.name_of(scope, ind.key),
                    **where,
                    indicator=ind.indicator,
                    label=ind.label,
                    measure=ind.measure,
                    target=cell(t.cell(scope, ind, "target")),
                    done=cell(t.cell(scope, ind, "done")),
                    pct=rate_cell(t, t.cell(scope, ind, "pct")),
                    not_applicable=not ind.applicable,
                )
            )
    return out


def _where(t: Table, scope: Scope) -> dict[str, str | None]:
    if t.station:
        return {"area": None, "post": None, "scope": "station"}
    if scope == TOTAL:
        return {"area": "合计", "post": None, "scope": "total"}
    if len(scope) == 1:
        return {"area": scope[0], "post": None, "scope": "area"}
    return {"area": scope[0], "post": scope[1], "scope": "post"}


def meta(f: ReportFacts) -> Meta:
    m = f.meta
    return Meta(
        station=Text(value=m.station),
        street=Text(value=m.street),
        district=Text(value=m.district),
        city=Text(value=m.city),
        kind=m.kind,  # type: ignore[arg-type]
        year=m.year,
        operator=Text(value=m.operator),
        buyer=Text(value=m.buyer),
        address=Text(value=m.address),
        contract_period=Period(start=m.contract[0], end=m.contract[1], printed=m.contract_printed),
        assessment_period=Period(
            start=m.assessment[0],
            end=m.assessment[1],
            months=m.months if m.months_printed else None,
            printed=m.assessment_printed,
        ),
        funding_yuan=Number(
            value=float(value_of(m.funding_wan) or 0) * 10000, printed=m.funding_wan, unit="万元"
        ),
        evaluation_date=Date(value=m.eval_date, printed=m.eval_date_printed),
        evaluator=Text(value=m.evaluator),
        area_count=Number(
            value=value_of(m.area_count_printed) or 0, printed=m.area_count_printed, unit="个"
        ),
    )


def scoring(f: ReportFacts) -> Scoring:
    sc = f.scores

    def score(printed: str) -> Number:
        return Number(value=float(printed), printed=printed, unit="分")

    return Scoring(
        weights=[PartyWeight(party=p, weight=float(w)) for p, w in sc.weights.items()],  # type: ignore[arg-type]
        weights_source="report",
        bands=[
            GradeBand(
                grade=b.grade,
                lower=b.lower,
                lower_inclusive=b.lower_inclusive,
                upper=b.upper,
                upper_inclusive=b.upper_inclusive,
            )
            for b in sc.bands
        ],
        bands_source="report",
        party_scores=[PartyScore(party=p, score=score(s)) for p, s in sc.scores.items()],  # type: ignore[arg-type]
        total=score(sc.total),
        grade=Text(value=sc.grade),
    )


def staffing(f: ReportFacts, w: Writer) -> Staffing:
    out = Staffing(**w.staffing)
    if f.staffing is not None and f.knobs.get("roster"):
        out.roster = [
            RosterRow(
                group="certified" if p.certified else "uncertified",
                seq=p.seq,
                name=p.name,
                position=p.position,
                qualification=p.qualification,
                marks=list(p.marks),
                on_post=None if p.on_post is None else _count(p.on_post),
            )
            for p in f.staffing.roster
        ]
        if f.staffing.roster_total is not None:
            out.roster_totals = [
                RosterTotals(
                    scope="all",
                    monthly=[float(n) for n in f.staffing.roster_monthly],
                    on_post=_count(f.staffing.roster_total),
                )
            ]
    return out


def _count(printed: str) -> Number:
    return Number(value=float(printed), printed=printed)


def build(f: ReportFacts, w: Writer, file: str, pages: int) -> GoldReport:
    missing = set(f.narrative_errors) - f.narrated
    if missing:
        raise ValueError(f"{f.name}: narrative errors never printed: {sorted(missing)}")
    kinds = list(dict.fromkeys(e.kind for e in f.findings))
    variant: dict[str, str | int | bool] = {"family": f.family, "split": f.split}
    variant.update(f.knobs)
    variant["error"] = "+".join(kinds) if kinds else "none"
    return GoldReport(
        source=Source(file=file, pages=pages),
        meta=meta(f),
        scoring=scoring(f),
        assessment_sections=w.sections,
        assessments=w.items,
        indicators=Indicators(
            rows=[r for t in f.tables for r in rows(t)], narrative=list(w.narrative)
        ),
        staffing=staffing(f, w),
        variant=variant,
        expected_findings=list(f.findings),
    )


def dump(g: GoldReport) -> str:
    """Stable JSON: sorted keys, no provenance, two-space indent, one trailing newline."""
    data = json.loads(g.model_dump_json(exclude_none=True))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
