"""Build the hand-written reports (PDF + gold) from the YAML files beside this module.

The generator's corpus shares one family of templates; these reports are written by hand
with other heading words, labels, bands and table shapes, so extraction is measured on
wording it was not tuned on. Only the layout blocks and the renderer are borrowed from the
generator; text and gold come from the YAML alone, so the PDF and its gold cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pdfplumber
import yaml
from reportlab.lib.pagesizes import A4

from corpora.conventions import headline
from corpora.generator import render as rl
from corpora.generator.blocks import (
    Block,
    DocSpec,
    Heading,
    PageBreak,
    Para,
    Spacer,
    Table,
    Title,
)
from extractor.records import (
    AssessmentItem,
    AssessmentSection,
    Cell,
    Date,
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
    Polarity,
    Scoring,
    Source,
    Staffing,
    Text,
)

HERE = Path(__file__).parent
BODY_SIZE = 14.0
LEADING = 26.0
HEADER_SIZE = 9.0
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
LABEL_MARKER = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
ANNEX_LABEL = "附件1"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------- PDF


def _table(spec: dict[str, Any], rows: list[list[str | None]], caption: str | None) -> Table:
    return Table(
        rows,
        spans=[(s[0], s[1], s[2], s[3]) for s in spec.get("spans", [])],
        header_rows=spec["header_rows"],
        ruled=spec["ruled"],
        col_widths=[float(w) for w in spec["col_widths"]],
        font_size=float(spec["font_size"]),
        caption=caption,
    )


def table_rows(data: dict[str, Any], name: str) -> list[list[str | None]]:
    spec = data["tables"][name]
    if "rows" in spec:
        return [list(r) for r in spec["rows"]]
    if "areas" in spec:
        return area_table_rows(spec)
    rows: list[list[str | None]] = [list(spec["header"])]
    rows += [[label, target, done, pct] for _i, _m, label, target, done, pct in spec["indicators"]]
    return rows


def area_table_rows(spec: dict[str, Any]) -> list[list[str | None]]:
    """An appendix table with one row per 片区: printed header rows, then each area's cells.

    `areas` rows are `[seq, area, target, done, pct, target, done, pct, ...]`, one triple
    per entry of `columns`; a row whose seq is null spans the 序号 and 片区 columns.
    """
    rows: list[list[str | None]] = [list(r) for r in spec["header"]]
    for seq, area, *cells in spec["areas"]:
        rows.append([area, None, *cells] if seq is None else [str(seq), area, *cells])
    return rows


def blocks(data: dict[str, Any]) -> list[Block]:
    """The report as layout blocks, in the order of `body`."""
    out: list[Block] = [Title(list(data["title"])), PageBreak("portrait")]
    for e in data["body"]:
        if "h" in e:
            level, text = e["h"]
            out.append(Heading(text, level=level))
        elif "sub" in e:
            out.append(Heading(e["sub"], level=e.get("level", 2)))
        elif "p" in e:
            bold = bool(e.get("bold"))
            out.append(
                Para(e["p"], bold=bold, indent=not bold, align="left" if bold else "justify")
            )
        elif "label" in e:
            if e["form"] == "heading":
                out.append(Heading(e["label"], level=2))
            elif e["form"] == "line":
                out.append(Para(e["label"], bold=True))
            else:
                out.append(Para(e["label"] + (e.get("rest") or e.get("none") or "")))
            if e["form"] != "inline" and "none" in e:
                out.append(Para(e["none"]))
        elif "item" in e:
            out.append(Para(str(e["mark"]) + e["item"]))
        elif "table" in e:
            name = e["table"]
            out.append(_table(data["tables"][name], table_rows(data, name), e.get("caption")))
            out.append(Spacer(10))
        elif "pagebreak" in e:
            out.append(PageBreak(e["pagebreak"]))
    return out


def spec(data: dict[str, Any]) -> DocSpec:
    return DocSpec(
        blocks=blocks(data),
        title=data["title"][0],
        author=data["meta"]["evaluator"],
        body_size=BODY_SIZE,
        leading=LEADING,
    )


def render_with_header(doc_spec: DocSpec, path: Path, header: str) -> None:
    """`render.render`, plus the report's own running header on every page but the cover.

    Word reports often carry the evaluator's name in the page header; the shared renderer
    has no header, so each page template's hook is wrapped here instead of changing it.
    """
    font = rl.register_font(doc_spec.font)
    styles = rl._Styles(font, doc_spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = rl._doc(doc_spec, path, font)
    for template in doc.pageTemplates:
        footer = template.onPage
        top = (rl.PORTRAIT_MARGINS[1] if template.pagesize == A4 else rl.LANDSCAPE_MARGINS[1]) / 2

        def on_page(canv: Any, d: Any, footer: Any = footer, top: float = top) -> None:
            footer(canv, d)
            if d.page == 1:
                return
            width, height = canv._pagesize
            canv.saveState()
            canv.setFont(font, HEADER_SIZE)
            canv.drawCentredString(width / 2, height - top, header)
            canv.setLineWidth(0.5)
            canv.line(60, height - top - 4, width - 60, height - top - 4)
            canv.restoreState()

        template.onPage = on_page
    doc.build(rl._flowables(doc_spec, styles))


# ---------------------------------------------------------------- gold


def _number(spec: dict[str, Any]) -> Number:
    return Number(value=float(spec["value"]), printed=str(spec["printed"]), unit=spec.get("unit"))


def _text(value: str | None) -> Text | None:
    return None if value is None else Text(value=value)


def meta(m: dict[str, Any]) -> Meta:
    def period(p: dict[str, Any]) -> Period:
        return Period(start=p["start"], end=p["end"], months=p.get("months"), printed=p["printed"])

    return Meta(
        station=_text(m["station"]),
        street=_text(m["street"]),
        district=_text(m["district"]),
        city=_text(m["city"]),
        kind=m["kind"],
        year=m["year"],
        operator=_text(m["operator"]),
        buyer=_text(m["buyer"]),
        address=_text(m["address"]),
        contract_period=period(m["contract_period"]),
        assessment_period=period(m["assessment_period"]),
        funding_yuan=_number(m["funding"]),
        evaluation_date=Date(
            value=dt.date.fromisoformat(str(m["evaluation_date"]["value"])),
            printed=m["evaluation_date"]["printed"],
        ),
        evaluator=_text(m["evaluator"]),
        area_count=_number(m["area_count"]) if "area_count" in m else None,
    )


def scoring(s: dict[str, Any]) -> Scoring:
    def score(printed: str) -> Number:
        return Number(value=float(printed), printed=printed, unit="分")

    return Scoring(
        weights=[PartyWeight(party=p, weight=float(w)) for p, w in s["weights"].items()],
        weights_source="report",
        bands=[GradeBand(**b) for b in s["bands"]],
        bands_source="report",
        party_scores=[PartyScore(party=p, score=score(v)) for p, v in s["scores"].items()],
        total=score(s["total"]),
        grade=Text(value=s["grade"]),
    )


def assessments(body: list[dict[str, Any]]) -> tuple[list[AssessmentSection], list[AssessmentItem]]:
    """Sections and items from the explicit markup (never from parsing printed text)."""
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    party: Party | None = None
    path: list[str] = []
    area: str | None = None
    current: AssessmentSection | None = None
    for e in body:
        if "h" in e:
            party = e.get("party")
            path = [e["h"][1]]
            area = None
            current = None
        elif "sub" in e and party is not None:
            level = e.get("level", 2)
            path = [*path[: level - 1], e["sub"]]
            area = e.get("area")
            current = None
        elif "label" in e and party is not None:
            polarity: Polarity = e["polarity"]
            heading = LABEL_MARKER.sub("", e["label"]).rstrip("：:")
            current = AssessmentSection(
                party=party,
                section_path=list(path),
                area=area,
                polarity=polarity,
                heading=heading,
                item_count=0,
                none_stated="none" in e,
            )
            sections.append(current)
            if e.get("rest"):
                items.append(_item(current, None, e["rest"]))
                current.item_count += 1
        elif "item" in e and current is not None:
            current.item_count += 1
            items.append(_item(current, current.item_count, e["item"]))
    return sections, items


def _item(sec: AssessmentSection, ordinal: int | None, text: str) -> AssessmentItem:
    return AssessmentItem(
        party=sec.party,
        section_path=list(sec.section_path),
        area=sec.area,
        polarity=sec.polarity,
        ordinal=ordinal,
        headline=headline(text),
        text=text,
        numbers=[float(n) for n in NUMBER_RE.findall(text)],
    )


def indicators(data: dict[str, Any]) -> Indicators:
    def cell(printed: str) -> Cell:
        return Cell(printed=printed, value=float(printed.rstrip("%")))

    rows = [
        IndicatorRow(
            table=ANNEX_LABEL,
            area=None,
            indicator=ind,
            label=label,
            measure=measure,
            target=cell(target),
            done=cell(done),
            pct=cell(pct),
        )
        for ind, measure, label, target, done, pct in data["tables"]
        .get("annex1", {})
        .get("indicators", [])
    ]
    for spec in data["tables"].values():
        if "areas" not in spec:
            continue
        for _seq, area, *cells in spec["areas"]:
            for i, (ind, measure, label) in enumerate(spec["columns"]):
                target, done, pct = cells[3 * i : 3 * i + 3]
                rows.append(
                    IndicatorRow(
                        table=spec["label"],
                        area=area,
                        indicator=ind,
                        label=label,
                        measure=measure,
                        target=cell(target),
                        done=cell(done),
                        pct=cell(pct),
                    )
                )
    sentence = next(
        e["p"] for e in data["body"] if "p" in e and all(f[2] in e["p"] for f in data["narrative"])
    )
    narrative = [
        NarrativeFigure(
            indicator=ind,
            measure=measure,
            kind=rest[0] if rest else "done",
            value=float(printed.rstrip("%")),
            printed=printed,
            unit=unit,
            sentence=sentence,
        )
        for ind, measure, printed, unit, *rest in data["narrative"]
    ]
    narrative += [
        NarrativeFigure(
            indicator=ind,
            measure=measure,
            kind=kind,
            value=float(printed.rstrip("%")),
            printed=printed,
            unit=unit,
            scope=area,
            sentence=_area_sentence(data["body"], area, printed),
        )
        for ind, measure, printed, unit, kind, area in data.get("area_narrative", [])
    ]
    return Indicators(rows=rows, narrative=narrative)


def _area_sentence(body: list[dict[str, Any]], area: str, printed: str) -> str:
    """The first item or paragraph under `area`'s heading that prints the figure."""
    inside = False
    for e in body:
        if "h" in e or "sub" in e:
            inside = e.get("area") == area
        elif inside and printed in (text := e.get("item") or e.get("p") or ""):
            return str(text)
    raise ValueError(f"{printed} not printed under {area}")


def gold(data: dict[str, Any], pdf_name: str, pages: int) -> GoldReport:
    sections, items = assessments(data["body"])
    variant: dict[str, str | int | bool] = {"handmade": True}
    variant.update({k: str(v) for k, v in data["knobs"].items()})
    return GoldReport(
        source=Source(file=pdf_name, pages=pages),
        meta=meta(data["meta"]),
        scoring=scoring(data["scoring"]),
        assessment_sections=sections,
        assessments=items,
        indicators=indicators(data),
        staffing=Staffing(**{k: _number(v) for k, v in data["staffing"].items()}),
        variant=variant,
    )


# ---------------------------------------------------------------- build


def build(source: Path, out_dir: Path = HERE) -> tuple[Path, Path]:
    """Render one YAML report to `<name>.pdf` and write `<name>.gold.json` beside it."""
    data = load(source)
    pdf_path = out_dir / f"{data['name']}.pdf"
    render_with_header(spec(data), pdf_path, data["running_header"])
    with pdfplumber.open(pdf_path) as pdf:
        pages = len(pdf.pages)
    report = gold(data, pdf_path.name, pages)
    payload = json.loads(report.model_dump_json(exclude_none=True))
    gold_path = out_dir / f"{data['name']}.gold.json"
    gold_path.write_text(
        json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return pdf_path, gold_path


def main() -> None:
    for source in sorted(HERE.glob("*.yaml")):
        pdf_path, gold_path = build(source)
        print(f"wrote {pdf_path} and {gold_path}")
