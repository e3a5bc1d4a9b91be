"""Facts + what the layout printed → the `GoldReport` a correct extraction should match.

Values are parsed back from the printed strings, so an injected error shows up in gold
exactly as the PDF shows it; `expected_findings` carries the recomputed values.
"""

from __future__ import annotations

import json

from corpora.generator.facts import Facts, parse_num
from corpora.generator.layout import Composed
from corpora.generator.plan import Knobs
from corpora.generator.wording import headline, numbers_in
from extractor.records import (
    AssessmentItem,
    AssessmentSection,
    Cell,
    Date,
    ExpectedFinding,
    GoldReport,
    GradeBand,
    IndicatorRow,
    Indicators,
    Meta,
    NarrativeFigure,
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

CN_VALUES = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def token_value(token: str) -> float:
    if token in CN_VALUES:
        return float(CN_VALUES[token])
    v = parse_num(token)
    if v is None:
        raise ValueError(token)
    return v


def cell(printed: str) -> Cell:
    return Cell(printed=printed, value=parse_num(printed))


def num(printed: str, unit: str | None = None, approx: bool = False) -> Number:
    return Number(value=token_value(printed), printed=printed, unit=unit, approx=approx)


def _meta(f: Facts, c: Composed) -> Meta:
    m = f.meta
    return Meta(
        station=Text(value=m.station),
        street=Text(value=m.street),
        district=Text(value=m.district),
        city=Text(value=m.city),
        kind=m.kind,
        year=m.year,
        operator=Text(value=m.operator),
        buyer=Text(value=f"{m.city}{m.district}{m.buyer}"),  # as printed: 经…采购
        address=Text(value=m.address),
        contract_period=Period(
            start=m.contract_start, end=m.contract_end, printed=c.meta_printed["contract"]
        ),
        assessment_period=Period(
            start=m.assess_start,
            end=m.assess_end,
            months=m.months,
            printed=c.meta_printed["assessment"],
        ),
        funding_yuan=Number(
            value=m.funding_wan * 10000.0, printed=c.meta_printed["funding"], unit="万元"
        ),
        evaluation_date=Date(value=m.eval_date, printed=c.meta_printed["eval_date"]),
        evaluator=Text(value=m.evaluator),
        area_count=num(c.meta_printed["area_count"], "个"),
    )


def _scoring(f: Facts) -> Scoring:
    sc = f.scores
    return Scoring(
        weights=[PartyWeight(party=p, weight=float(w)) for p, w in sc.weights.items()],
        weights_source="report",
        bands=[GradeBand(grade=g, lower=lo, upper=hi) for g, lo, hi in sc.bands],
        bands_source="report",
        party_scores=[PartyScore(party=p, score=num(s, "分")) for p, s in sc.scores.items()],
        total=num(sc.total, "分"),
        grade=Text(value=sc.grade),
    )


def _assessments(c: Composed) -> tuple[list[AssessmentSection], list[AssessmentItem]]:
    sections, items = [], []
    for s in c.sections:
        sections.append(
            AssessmentSection(
                party=s.party,
                section_path=s.path,
                area=s.area,
                polarity=s.polarity,
                heading=s.label,
                item_count=len(s.items),
                none_stated=s.none_stated,
            )
        )
        for text, ordinal in zip(s.items, s.ordinals, strict=True):
            items.append(
                AssessmentItem(
                    party=s.party,
                    section_path=s.path,
                    area=s.area,
                    polarity=s.polarity,
                    ordinal=ordinal,
                    headline=headline(text),
                    text=text,
                    numbers=numbers_in(text),
                )
            )
    return sections, items


def _indicators(f: Facts, knobs: Knobs) -> Indicators:
    t = f.table
    rows: list[IndicatorRow] = []
    for row in t.rows:
        rows.append(
            IndicatorRow(
                table="附件1-1",
                area=row,
                indicator="staff",
                label="投入社工人数",
                measure="count",
                done=cell(t.staff[row]),
            )
        )
        for c in t.columns:
            e = t.cells[(row, c.key)]
            rows.append(
                IndicatorRow(
                    table="附件1-1",
                    area=row,
                    indicator=c.indicator,
                    label=c.group,
                    measure=c.measure,
                    target=cell(e.target),
                    done=cell(e.done),
                    pct=cell(e.pct),
                    not_applicable=not c.applicable,
                )
            )
    if knobs.appendix_1_2:
        for st in f.small_tables:
            e = st.entry
            rows.append(
                IndicatorRow(
                    table="附件1-2",
                    area=None,
                    indicator=st.indicator,
                    label=st.caption,
                    measure="hours" if st.caption.endswith("时数") else "count",
                    target=cell(e.target),
                    done=cell(e.done),
                    pct=cell(e.pct),
                )
            )
    narrative = [
        NarrativeFigure(
            indicator=n.indicator,
            measure=n.measure,
            kind=n.kind,
            # Values in base units, as the extractor reports them: 1.2 万人次 → 12000 人次.
            value=_base_value(n.value if n.value is not None else token_value(n.printed), n.unit),
            printed=n.printed,
            unit=_base_unit(n.unit),
            scope=n.scope,
            approx=n.approx,
            sentence=n.sentence,
        )
        for n in f.narrative
    ]
    return Indicators(rows=rows, narrative=narrative)


def _base_value(value: float, unit: str | None) -> float:
    return round(value * 10000, 6) if unit and unit.startswith("万") else value


def _base_unit(unit: str | None) -> str | None:
    return unit[1:] if unit and unit.startswith("万") and len(unit) > 1 else unit


def _staffing(f: Facts, c: Composed, knobs: Knobs) -> Staffing:
    st = f.staffing
    fields = {k: num(tok, unit or None) for k, (tok, unit) in c.staff_printed.items()}
    out = Staffing(**fields)
    if knobs.roster:
        out.roster = [
            RosterRow(
                group=p.group,
                seq=p.seq,
                name=p.name,
                position=p.position,
                qualification=p.qualification,
                contract=p.contract,
                marks=p.marks,
                on_post=num(p.on_post, "人次"),
                experienced=num(p.experienced, "人次"),
                note=p.note or None,
            )
            for p in st.roster
        ]
        out.roster_totals = [
            RosterTotals(
                scope=t.scope,
                monthly=[float(x) for x in t.monthly],
                on_post=num(t.on_post, "人次"),
                experienced=num(t.experienced, "人次"),
            )
            for t in st.totals
        ]
        out.roster_retention_rate = num(st.roster_retention_rate, "%")
    return out


def build(
    f: Facts, knobs: Knobs, c: Composed, findings: list[ExpectedFinding], file: str
) -> GoldReport:
    sections, items = _assessments(c)
    return GoldReport(
        source=Source(file=file),
        meta=_meta(f, c),
        scoring=_scoring(f),
        assessment_sections=sections,
        assessments=items,
        indicators=_indicators(f, knobs),
        staffing=_staffing(f, c, knobs),
        variant=knobs.variant(),
        expected_findings=findings,
    )


def dump(gold: GoldReport) -> str:
    """Stable JSON: sorted keys, no provenance noise, one trailing newline."""

    data = gold.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
