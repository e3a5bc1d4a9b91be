"""Reports written out: JSON, JSON Lines and a readable Markdown summary; names redacted
on request; findings as JSON, CSV or a rich table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.table import Table as RichTable

from extractor.records import Meta, Report


def redact(report: Report) -> Report:
    """A copy with roster names replaced by stable pseudonyms (某某1, 某某2, …)."""
    from extractor.passes.staffing import redact as redact_staffing

    out = report.model_copy()
    out.staffing = redact_staffing(report.staffing)
    return out


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2, exclude_none=True)


def _v(x: Any) -> str:
    if x is None:
        return "—"
    value = getattr(x, "value", x)
    return str(value)


def report_markdown(r: Report) -> str:
    m, s = r.meta, r.scoring
    lines = [
        f"# {_v(m.station)} {m.kind or ''}评估报告 ({r.source.file})",
        "",
        f"status: {r.status} · pages: {r.source.pages} · profile: {r.source.profile}",
        "",
        "## Metadata",
        "",
        "| field | value | page |",
        "|---|---|---|",
    ]
    for name in Meta.TEXT_FIELDS:
        t = getattr(m, name)
        lines.append(f"| {name} | {_v(t)} | {t.prov.page if t and t.prov else ''} |")
    for name in ("contract_period", "assessment_period"):
        p = getattr(m, name)
        if p:
            months = f" ({p.months} 个月)" if p.months else ""
            lines.append(
                f"| {name} | {p.start} – {p.end}{months} | {p.prov.page if p.prov else ''} |"
            )
    if m.funding_yuan:
        lines.append(
            f"| funding | {m.funding_yuan.printed} = {m.funding_yuan.value:,.0f} 元 | "
            f"{m.funding_yuan.prov.page if m.funding_yuan.prov else ''} |"
        )
    if m.evaluation_date:
        lines.append(
            f"| evaluation_date | {m.evaluation_date.value} | "
            f"{m.evaluation_date.prov.page if m.evaluation_date.prov else ''} |"
        )
    lines += ["", "## Scores", "", "| party | weight | score |", "|---|---|---|"]
    weights = {w.party: w.weight for w in s.weights}
    for ps in s.party_scores:
        lines.append(f"| {ps.party} | {weights.get(ps.party, '')}% | {ps.score.value:g} |")
    lines.append(f"| **total** | | **{_v(s.total)}** ({_v(s.grade)}) |")
    lines += ["", f"weights from: {s.weights_source} · bands from: {s.bands_source}", ""]
    lines += ["## Praise and concerns", ""]
    for sec in r.assessment_sections:
        where = " › ".join(sec.section_path)
        area = f" [{sec.area}]" if sec.area else ""
        note = " (none stated)" if sec.none_stated else ""
        lines.append(f"### {sec.party}{area} · {sec.polarity} · {sec.item_count} items{note}")
        lines.append(f"_{where}_")
        lines.append("")
        for it in r.assessments:
            if (
                it.party == sec.party
                and it.section_path == sec.section_path
                and it.polarity == sec.polarity
            ):
                lines.append(f"{it.ordinal or '-'}. {it.headline}")
        lines.append("")
    lines += [
        "## Indicator tables",
        "",
        "| table | area | indicator | measure | target | done | pct |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in r.indicators.rows:
        cells = [c.printed if c else "" for c in (row.target, row.done, row.pct)]
        lines.append(
            f"| {row.table} | {row.area or ''} | {row.indicator} | {row.measure} | "
            + " | ".join(cells)
            + " |"
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
                f"| {f.indicator} | {f.measure} | {f.kind} | {f.printed} | "
                f"{'约' if f.approx else ''} |"
            )
    st = r.staffing
    figures = [
        (k, getattr(st, k)) for k in type(st).model_fields if hasattr(getattr(st, k), "value")
    ]
    if figures or st.roster:
        lines += ["", "## Staffing", "", "| figure | printed |", "|---|---|"]
        for k, n in figures:
            lines.append(f"| {k} | {n.printed or n.value} |")
        lines.append("")
        lines.append(f"roster: {len(st.roster)} rows, {len(st.roster_totals)} subtotal lines")
    if r.problems:
        lines += ["", "## Problems", ""]
        lines += [f"- {p.stage}: {p.message}" for p in r.problems]
    return "\n".join(lines) + "\n"


def write_reports(
    reports: list[Report], fmt: str, output: Path | None, redact: bool = False
) -> None:
    """Write records to stdout, one file, or one file per report in a folder."""
    if redact:
        reports = [redact_report(r) for r in reports]
    render = {"json": report_json, "md": report_markdown}
    if fmt == "jsonl":
        text = "".join(r.model_dump_json(exclude_none=True) + "\n" for r in reports)
        _write(text, output)
        return
    if output is not None and (output.is_dir() or (len(reports) > 1 and not output.suffix)):
        output.mkdir(parents=True, exist_ok=True)
        for r in reports:
            stem = Path(r.source.file).stem
            (output / f"{stem}.{fmt}").write_text(render[fmt](r), encoding="utf-8")
        return
    if fmt == "json" and len(reports) > 1:
        text = "[\n" + ",\n".join(report_json(r) for r in reports) + "\n]\n"
    else:
        text = "\n".join(render[fmt](r) for r in reports)
    _write(text, output)


redact_report = redact


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def findings_json(reports: list[Report]) -> str:
    import json

    data = [
        {
            "file": r.source.file,
            "findings": [f.model_dump(exclude_none=True) for f in r.findings],
            "coverage": {
                "possible": sum(c.possible for c in r.coverage),
                "run": sum(c.run for c in r.coverage),
                "flagged": sum(c.flagged for c in r.coverage),
            },
        }
        for r in reports
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def findings_csv(reports: list[Report], lang: str) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        [
            "file",
            "rule",
            "severity",
            "page",
            "ref",
            "printed",
            "expected",
            "tolerance",
            "cause",
            "explanation",
        ]
    )
    for r in reports:
        for f in r.findings:
            loc = f.locations[0] if f.locations else None
            w.writerow(
                [
                    r.source.file,
                    f.rule,
                    f.severity,
                    loc.page if loc else "",
                    loc.ref if loc else "",
                    f.printed or "",
                    f.expected or "",
                    f.tolerance or "",
                    f.cause or "",
                    f.explanation_zh if lang == "zh" else f.explanation_en,
                ]
            )
    return buf.getvalue()


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def findings_table(r: Report, lang: str) -> RichTable:
    possible = sum(c.possible for c in r.coverage)
    run = sum(c.run for c in r.coverage)
    flagged = sum(c.flagged for c in r.coverage)
    t = RichTable(
        title=f"{r.source.file}: {possible} checks possible, {run} run, {flagged} flagged",
        show_lines=True,
    )
    for col in ("severity", "rule", "page", "printed", "expected", "explanation"):
        t.add_column(col, overflow="fold")
    for f in r.findings:
        loc = f.locations[0] if f.locations else None
        t.add_row(
            f"[{_SEVERITY_STYLE[f.severity]}]{f.severity}[/]",
            f.rule,
            str(loc.page) if loc and loc.page else "",
            f.printed or "",
            f.expected or "",
            f.explanation_zh if lang == "zh" else f.explanation_en,
        )
    if not r.findings:
        t.caption = "no inconsistencies found"
    return t
