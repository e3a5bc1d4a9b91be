"""Reports written out: JSON, JSON Lines and a readable Markdown summary; findings as a
rich table. Tables for spreadsheets and data tools: `tables.py`; what `check -o` and
`extract -o` write in those: `results.py`. Names are redacted before, by
`extractor.redaction`."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table as RichTable

from extractor.checks import CoverageTotals
from extractor.errors import printable
from extractor.knowledge import column_dictionary
from extractor.knowledge.messages import say
from extractor.markdown import md_text
from extractor.records import Meta, Report


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2, exclude_none=True)


def _v(x: Any) -> str:
    """A value as literal Markdown: text read from a PDF is untrusted."""
    if x is None:
        return "—"
    value = getattr(x, "value", x)
    return md_text(str(value))


def _page(x: Any) -> str:
    prov = getattr(x, "prov", None) if x is not None else None
    return str(prov.page) if prov is not None else ""


def report_markdown(r: Report) -> str:
    """A readable summary; every value from the PDF is escaped (`extractor.markdown`)."""
    m, s = r.meta, r.scoring
    lines = [
        f"# {_v(m.station)} {m.kind or ''}评估报告 ({_v(r.source.file)})",
        "",
        f"status: {r.status} · pages: {r.source.pages} · profile: {_v(r.source.profile)}",
        "",
        "## Metadata",
        "",
        "| field | value | page |",
        "|---|---|---|",
    ]
    for name in Meta.TEXT_FIELDS:
        t = getattr(m, name)
        lines.append(f"| {name} | {_v(t)} | {_page(t)} |")
    for name in ("contract_period", "assessment_period"):
        p = getattr(m, name)
        if p:
            months = f" ({p.months} 个月)" if p.months else ""
            lines.append(f"| {name} | {p.start} – {p.end}{months} | {_page(p)} |")
    if m.funding_yuan:
        lines.append(
            f"| funding | {_v(m.funding_yuan.printed)} = {m.funding_yuan.value:,.0f} 元 | "
            f"{_page(m.funding_yuan)} |"
        )
    if m.evaluation_date:
        lines.append(
            f"| evaluation_date | {m.evaluation_date.value} | {_page(m.evaluation_date)} |"
        )
    lines += ["", "## Scores", "", "| party | weight | score |", "|---|---|---|"]
    weights = {w.party: w.weight for w in s.weights}
    for ps in s.party_scores:
        lines.append(f"| {ps.party} | {weights.get(ps.party, '')}% | {ps.score.value:g} |")
    lines.append(f"| **total** | | **{_v(s.total)}** ({_v(s.grade)}) |")
    lines += ["", f"weights from: {s.weights_source} · bands from: {s.bands_source}", ""]
    lines += ["## Praise and concerns", ""]
    for sec in r.assessment_sections:
        where = " › ".join(_v(p) for p in sec.section_path)
        area = f" [{_v(sec.area)}]" if sec.area else ""
        note = " (none stated)" if sec.none_stated else ""
        lines.append(f"### {sec.party}{area} · {sec.polarity} · {sec.item_count} items{note}")
        lines.append(f"_{where}_")
        lines.append("")
        for it in r.assessments:
            if it.same_place(sec):
                lines.append(f"{it.ordinal or '-'}. {_v(it.headline)}")
        lines.append("")
    lines += [
        "## Indicator tables",
        "",
        "| table | area | indicator | measure | target | done | pct |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in r.indicators.rows:
        cells = [_v(c.printed) if c and c.printed else "" for c in (row.target, row.done, row.pct)]
        lines.append(
            f"| {_v(row.table)} | {_v(row.area or '')} | {_v(row.indicator)} | "
            f"{_v(row.measure)} | " + " | ".join(cells) + " |"
        )
    if r.indicators.narrative:
        lines += [
            "",
            "## Narrative figures",
            "",
            "| indicator | measure | kind | printed | approx |",
            "|---|---|---|---|---|",
        ]
        for f in r.indicators.narrative:
            lines.append(
                f"| {_v(f.indicator)} | {_v(f.measure)} | {f.kind} | {_v(f.printed)} | "
                f"{'约' if f.approx else ''} |"
            )
    st = r.staffing
    figures = [
        (k, getattr(st, k)) for k in type(st).model_fields if hasattr(getattr(st, k), "value")
    ]
    if figures or st.roster:
        lines += ["", "## Staffing", "", "| figure | printed |", "|---|---|"]
        for k, n in figures:
            lines.append(f"| {k} | {_v(n.printed or n.value)} |")
        lines.append("")
        lines.append(f"roster: {len(st.roster)} rows, {len(st.roster_totals)} subtotal lines")
    if r.problems:
        lines += ["", "## Problems", ""]
        lines += [
            f"- {_v(p.stage)}{f' (page {p.page})' if p.page else ''}: {_v(p.message)}"
            + (f" ({_v(p.detail)})" if p.detail else "")
            for p in r.problems
        ]
    return "\n".join(lines) + "\n"


def render_record(report: Report, fmt: str) -> str:
    """One record as a file of its own: `json` or `md`."""
    return report_markdown(report) if fmt == "md" else report_json(report) + "\n"


def render_records(reports: list[Report], fmt: str) -> str:
    """Several records in one stream: JSON Lines, one JSON value (an array for more than
    one record), or Markdown summaries one after another."""
    if fmt == "jsonl":
        return "".join(r.model_dump_json(exclude_none=True) + "\n" for r in reports)
    if fmt == "json":
        if len(reports) == 1:
            return report_json(reports[0]) + "\n"
        return "[\n" + ",\n".join(report_json(r) for r in reports) + "\n]\n"
    return "\n".join(report_markdown(r) for r in reports)


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def _cell(text: str) -> str:
    """PDF text as a rich table cell: no markup interpreted, no control characters."""
    return escape(printable(text))


def findings_table(r: Report, lang: str | None) -> RichTable:
    """The findings of one report for the terminal: explanations in `lang` (Chinese when
    None); with zh every header, severity and line of the table in Chinese, otherwise
    in English."""
    zh = lang == "zh"

    def text(key: str, **params: object) -> str:
        said = say(key, **params)
        return said.zh if zh else said.en

    d = column_dictionary()
    cov = CoverageTotals.of(r.coverage)
    title = text(
        "output.table_title",
        file=r.source.file,
        possible=cov.possible,
        run=cov.run,
        flagged=cov.flagged,
    )
    t = RichTable(title=_cell(title), show_lines=True)
    for col in ("severity", "rule", "page", "printed", "expected", "explanation"):
        t.add_column(d.header(col, "zh") if zh else col, overflow="fold")
    for f in r.findings:
        loc = f.locations[0] if f.locations else None
        t.add_row(
            f"[{_SEVERITY_STYLE[f.severity]}]{text(f'severity.{f.severity}')}[/]",
            _cell(f.rule),
            str(loc.page) if loc and loc.page else "",
            _cell(f.printed or ""),
            _cell(f.expected or ""),
            _cell(f.explanation_en if lang == "en" else f.explanation_zh),
        )
    if r.status != "success":
        t.caption = text("output.checked_in_part", status=text(f"status.{r.status}"))
    elif not r.findings:
        t.caption = text("output.clean")
    return t
