"""One static page across the reports of a store (`pinggu report`): a sortable table of
the reports, each linking to its audit page, and four charts drawn as inline SVG —
totals by district, error findings by rule, completion rates per indicator (recomputed
from the 合计 rows) and 稳岗率 against the 80% requirement.

The page is one file with no external script, style or font; sorting is a few lines of
inline script, and the table reads the same without it. Every string from a report goes
through `_e` (html.escape).
"""

from __future__ import annotations

import html
import statistics
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from extractor.audit.labels import OVERVIEW_LABELS, Lang
from extractor.audit.style import CSS
from extractor.rows import Table

RETENTION_REQUIRED = 80.0  # the profile's 稳岗率 requirement, drawn as a line

_SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), 'zh');
        return asc ? c : -c;
      });
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  table.classList.add('sortable-ready');
});
"""

_PAGE_CSS = """
table.sortable th { cursor: pointer; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; }
table.sortable th[aria-sort=descending]::after { content: " ▼"; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 20px; }
svg text { font-size: 12px; fill: #1d2433; }
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) else None


def _strip_chart(
    groups: dict[str, list[float]], lo: float, hi: float, line: float | None = None
) -> str:
    """One row per group, a dot per value on a shared axis; an optional dashed line."""
    if not groups:
        return ""
    left, width, row_h = 130, 380, 26
    height = row_h * len(groups) + 30

    def x(v: float) -> float:
        return left + (min(max(v, lo), hi) - lo) / (hi - lo) * width

    parts = [f'<svg role="img" width="{left + width + 20}" height="{height}">']
    for i, (name, values) in enumerate(groups.items()):
        y = 14 + i * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{_e(name)}</text>')
        parts.append(f'<line x1="{left}" x2="{left + width}" y1="{y}" y2="{y}" stroke="#e3e6ec"/>')
        for v in values:
            parts.append(
                f'<circle class="dot" cx="{x(v):.1f}" cy="{y}" r="5" fill="#175cd3" '
                f'fill-opacity="0.6"><title>{_e(f"{name}: {v:g}")}</title></circle>'
            )
    axis_y = height - 10
    for tick in (lo, (lo + hi) / 2, hi):
        parts.append(f'<text x="{x(tick):.1f}" y="{axis_y}" text-anchor="middle">{tick:g}</text>')
    if line is not None:
        parts.append(
            f'<line x1="{x(line):.1f}" x2="{x(line):.1f}" y1="0" y2="{height - 24}" '
            'stroke="#b42318" stroke-dasharray="4 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _bar_chart(bars: Sequence[tuple[str, float]], unit: str = "", line: float | None = None) -> str:
    """Horizontal bars, longest scale first; an optional dashed reference line."""
    if not bars:
        return ""
    left, width, row_h = 210, 300, 22
    top = max([v for _, v in bars] + ([line] if line else [])) or 1.0
    height = row_h * len(bars) + 8
    parts = [f'<svg role="img" width="{left + width + 60}" height="{height}">']
    for i, (name, v) in enumerate(bars):
        y = 4 + i * row_h
        w = v / top * width
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{_e(name)}</text>')
        parts.append(
            f'<rect class="bar" x="{left}" y="{y}" width="{w:.1f}" height="{row_h - 6}" '
            f'fill="#175cd3"><title>{_e(f"{name}: {v:g}{unit}")}</title></rect>'
        )
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 13}">{v:g}{_e(unit)}</text>')
    if line is not None:
        lx = left + line / top * width
        parts.append(
            f'<line x1="{lx:.1f}" x2="{lx:.1f}" y1="0" y2="{height}" stroke="#b42318" '
            'stroke-dasharray="4 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _cell(value: Any, shown: str | None = None) -> str:
    text = shown if shown is not None else ("" if value is None else f"{value}")
    return f'<td data-v="{_e("" if value is None else value)}">{_e(text)}</td>'


def render_overview(
    tables: dict[str, Table], links: dict[str, str] | None = None, lang: Lang = "zh"
) -> str:
    """The page: `tables` as `extractor.store.overview.overview_tables` reads them;
    `links` maps a report's sha256 to its audit page (relative URL)."""
    w = OVERVIEW_LABELS[lang]
    reports = tables["reports"].dicts()
    links = links or {}
    head = ("station", "district", "year", "kind", "total", "grade", "errors", "warnings")
    cols = [*head, "retention", "status"]
    rows = []
    for r in reports:
        href = links.get(str(r["sha256"]))
        name = _e(r["station"] or r["file"])
        station = f'<a href="{_e(href)}">{name}</a>' if href else name
        rate = _num(r["retention_rate"])
        rows.append(
            f'<tr><td data-v="{_e(r["station"] or r["file"])}">{station}</td>'
            + "".join(_cell(r[c]) for c in head[1:])
            + _cell(rate, f"{rate:g}%" if rate is not None else "")
            + _cell(r["status"])
            + "</tr>"
        )
    th = "".join(f"<th>{_e(w[c])}</th>" for c in cols)
    table = (
        f'<table class="index sortable"><thead><tr>{th}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    scores: dict[str, list[float]] = defaultdict(list)
    retention: dict[str, list[float]] = defaultdict(list)
    for r in reports:
        district = str(r["district"] or "—")
        if (t := _num(r["total"])) is not None:
            scores[district].append(t)
        if (rate := _num(r["retention_rate"])) is not None:
            retention[district].append(rate)
    kinds = [(str(k["rule"]), float(k["findings"])) for k in tables["error_kinds"].dicts()]
    rates: dict[str, list[float]] = defaultdict(list)
    for c in tables["completion"].dicts():
        rates[f"{c['indicator']} · {c['measure']}"].append(float(c["rate"]))
    completion = sorted(
        ((k, round(statistics.median(v), 1)) for k, v in rates.items()), key=lambda kv: kv[1]
    )
    low = min([v for vs in scores.values() for v in vs] + [60.0])
    charts = [
        (w["scores"], _strip_chart(dict(scores), min(low, 60.0) // 10 * 10, 100.0)),
        (w["error_kinds"], _bar_chart(kinds)),
        (w["completion"], _bar_chart(completion, "%", line=100.0)),
        (w["retention_chart"], _strip_chart(dict(retention), 0.0, 100.0, RETENTION_REQUIRED)),
    ]
    figures = "".join(
        f'<section class="card chart"><h2>{_e(title)}</h2>'
        f"{svg or '<p>' + _e(w['none']) + '</p>'}</section>"
        for title, svg in charts
    )
    summary = w["summary"].format(
        n=len(reports),
        d=len({r["district"] for r in reports}),
        e=sum(1 for r in reports if (r["errors"] or 0) > 0),
    )
    body = (
        f'<header class="card"><div class="eyebrow">Pinggu</div><h1>{_e(w["title"])}</h1>'
        f'<div class="subtitle">{_e(summary)}</div></header>'
        f'<div class="charts">{figures}</div>'
        f'<section class="card"><h2>{_e(w["reports"])}</h2>'
        f'<p class="subtitle">{_e(w["sort"])}</p>{table}</section>'
    )
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(w['title'])}</title>\n<style>{CSS}{_PAGE_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n<script>{_SORT_JS}</script>\n</body>\n</html>\n"
    )
