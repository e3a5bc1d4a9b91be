"""The seed report's gold answer, assembled from the same data files that draw its PDF.

Assessment items come from body.txt's structure (party from the level-1 heading,
polarity from the 值得肯定/需要关注 heading, 片区 from the level-3 heading); section_path
holds the printed headings from level 1 down, the polarity heading itself in `heading`.
"""

from __future__ import annotations

import re
from typing import Any

from corpora.conventions import headline
from corpora.generator.blocks import Heading, Para
from corpora.seed.source import PDF_NAME, body_blocks, load_yaml
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
    Party,
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

PARTY_KEYWORDS: list[tuple[str, Party]] = [
    ("监督方", "monitor"),
    ("购买方", "buyer"),
    ("督导中心", "supervision_centre"),
    ("第三方", "third_party"),
]
ORDINAL = re.compile(r"^(?:(\d+)\.|（(\d+)）)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
AREA = re.compile(r"片区[一二三四五六七八九十]+")
NONE_STATED = "没有提出"


def _polarity(text: str) -> str | None:
    if "值得肯定" in text:
        return "praise"
    if "需要关注" in text:
        return "concern"
    return None


def assessments() -> tuple[list[AssessmentSection], list[AssessmentItem]]:
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    path: list[str] = []
    party: Party | None = None
    current: AssessmentSection | None = None
    for block in body_blocks():
        text = block.text if isinstance(block, Heading | Para) else ""
        pol = _polarity(text) if text.endswith("：") else None
        if pol and party:
            area = next((m.group(0) for p in path if (m := AREA.search(p))), None)
            current = AssessmentSection(
                party=party,
                section_path=list(path),
                area=area,
                polarity=pol,
                heading=text,
                item_count=0,
            )
            sections.append(current)
        elif isinstance(block, Heading):
            current = None
            path = [*path[: block.level - 1], block.text]
            if block.level == 1:
                party = next((p for k, p in PARTY_KEYWORDS if k in block.text), None)
        elif isinstance(block, Para) and current is not None:
            if NONE_STATED in text:
                current.none_stated = True
                continue
            m = ORDINAL.match(text)
            ordinal = int(m.group(1) or m.group(2)) if m else None
            body = text[m.end() :] if m else text
            current.item_count += 1
            items.append(
                AssessmentItem(
                    party=current.party,
                    section_path=current.section_path,
                    area=current.area,
                    polarity=current.polarity,
                    ordinal=ordinal,
                    headline=headline(body),
                    text=body,
                    numbers=[float(n) for n in NUMBER.findall(body)],
                )
            )
    return sections, items


def cell(printed: str) -> Cell:
    """A printed table cell; "/" is not applicable, "%" figures keep their percent value."""
    if printed in ("/", ""):
        return Cell(printed=printed)
    return Cell(printed=printed, value=float(printed.rstrip("%")))


def triple_row(
    table: str, area: str | None, indicator: str, label: str, measure: str, t: str, d: str, pc: str
) -> IndicatorRow:
    """One indicator row from its printed target, done and percentage cells."""
    return IndicatorRow(
        table=table,
        area=area,
        indicator=indicator,
        label=label,
        measure=measure,
        target=cell(t),
        done=cell(d),
        pct=cell(pc),
        not_applicable="/" in (t, d, pc),
    )


def indicator_rows() -> list[IndicatorRow]:
    data = load_yaml("annex1.yaml")
    a11, a12 = data["annex_1_1"], data["annex_1_2"]
    out: list[IndicatorRow] = []
    for p, part in enumerate(a11["parts"]):
        for row in part["rows"]:
            area = row[0]
            if p == 0:
                out.append(
                    IndicatorRow(
                        table=a11["label"],
                        area=area,
                        indicator="staff",
                        label=a11["staff_header"],
                        measure="count",
                        done=cell(row[1]),
                    )
                )
            col = 2
            for group in part["groups"]:
                for measure, *_ in group["measures"]:
                    t, d, pc = row[col : col + 3]
                    out.append(
                        triple_row(
                            a11["label"],
                            area,
                            group["indicator"],
                            group["label"],
                            measure,
                            t,
                            d,
                            pc,
                        )
                    )
                    col += 3
    ov = a11["overall"]
    for ind, measure, label, t, d, pc in ov["left"] + ov["right"]:
        out.append(triple_row(a11["label"], None, ind, label, measure, t, d, pc))
    for entry in a12["tables"]:
        if entry != "%pagebreak":
            ind, measure, label, t, d, pc = entry
            out.append(triple_row(a12["label"], None, ind, label, measure, t, d, pc))
    return out


def _num(value: float, printed: str, unit: str | None = None) -> Number:
    return Number(value=float(value), printed=printed, unit=unit)


def staffing(facts: dict[str, Any]) -> Staffing:
    roster = load_yaml("roster.yaml")
    fields = {k: _num(*v) for k, v in facts["staffing"].items()}
    rows: list[RosterRow] = []
    totals: list[RosterTotals] = []
    for group in roster["groups"]:
        for r in group["rows"]:
            marks: list[str] = []
            for m in range(10):
                # a merged month (非持证/持证) repeats the merged cell's text
                k = 3 * m
                while r["cells"][k] == "<":
                    k -= 1
                marks.append(r["cells"][k])
            rows.append(
                RosterRow(
                    group=group["group"],
                    seq=r["seq"],
                    name=r["name"],
                    position=r["position"],
                    qualification=r["qualification"],
                    contract=r["contract"],
                    marks=marks,
                    on_post=_num(float(r["on_post"]), r["on_post"]),
                    experienced=_num(float(r["experienced"]), r["experienced"]),
                    note=r.get("note"),
                )
            )
        sub = group["subtotal"]
        totals.append(
            RosterTotals(
                scope=group["group"],
                monthly=[float(v) for v in group["effective"]["monthly"]],
                on_post=_num(float(sub["on_post"]), sub["on_post"]),
                experienced=_num(float(sub["experienced"]), sub["experienced"]),
            )
        )
    tot = roster["total"]
    totals.append(
        RosterTotals(
            scope="all",
            monthly=[float(v) for v in tot["effective"]["monthly"]],
            on_post=_num(float(tot["on_post"]), tot["on_post"]),
            experienced=_num(float(tot["experienced"]), tot["experienced"]),
        )
    )
    rate = tot["retention"]["value"]
    return Staffing(
        **fields,
        roster=rows,
        roster_totals=totals,
        roster_retention_rate=_num(float(rate.rstrip("%")), rate, "%"),
    )


def _period(p: dict[str, Any]) -> Period:
    return Period(start=p["start"], end=p["end"], months=p.get("months"), printed=p["printed"])


def meta(m: dict[str, Any]) -> Meta:
    def t(key: str) -> Text:
        return Text(value=m[key])

    return Meta(
        station=t("station"),
        street=t("street"),
        district=t("district"),
        city=t("city"),
        kind=m["kind"],
        year=m["year"],
        operator=t("operator"),
        buyer=t("buyer"),
        address=t("address"),
        contract_period=_period(m["contract_period"]),
        assessment_period=_period(m["assessment_period"]),
        funding_yuan=Number(**m["funding_yuan"]),
        evaluation_date=Date(
            value=m["evaluation_date"]["value"], printed=m["evaluation_date"]["printed"]
        ),
        evaluator=t("evaluator"),
        area_count=Number(**m["area_count"]),
    )


def scoring(s: dict[str, Any]) -> Scoring:
    return Scoring(
        weights=[PartyWeight(party=p, weight=w) for p, w in s["weights"].items()],
        weights_source="report",
        bands=[GradeBand(**b) for b in s["bands"]],
        bands_source="report",
        party_scores=[PartyScore(party=p, score=Number(**v)) for p, v in s["party_scores"].items()],
        total=Number(**s["total"]),
        grade=Text(value=s["grade"]),
    )


def narrative(rows: list[list[Any]]) -> list[NarrativeFigure]:
    out = []
    for row in rows:
        ind, measure, kind, v, printed, unit, *rest = row
        scope = rest[0] if rest else None
        approx = bool(rest[1]) if len(rest) > 1 else False
        out.append(
            NarrativeFigure(
                indicator=ind,
                measure=measure,
                kind=kind,
                value=float(v),
                printed=printed,
                unit=unit,
                scope=scope,
                approx=approx,
            )
        )
    return out


def gold(pages: int) -> GoldReport:
    facts = load_yaml("facts.yaml")
    sections, items = assessments()
    return GoldReport(
        source=Source(file=PDF_NAME, pages=pages),
        meta=meta(facts["meta"]),
        scoring=scoring(facts["scoring"]),
        assessment_sections=sections,
        assessments=items,
        indicators=Indicators(rows=indicator_rows(), narrative=narrative(facts["narrative"])),
        staffing=staffing(facts),
        variant={"kind": "seed", "font": "embedded"},
        expected_findings=[ExpectedFinding(**f) for f in facts["expected_findings"]],
    )
