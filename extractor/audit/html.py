"""One self-contained HTML audit page per report, and an index when there are several.

The auditor opens one station's page and sees each finding circled on the page image
with the recomputation beside it; the coverage block says what could not be
checked, so silence never reads as a pass. Every string that comes from a report or a
PDF goes through `_e` (html.escape): a PDF can carry markup. Page images are rendered
in a bounded child per report (`run_bounded`), like every other parse, and embedded as
data: URIs, so the page is one file that can be mailed or archived as is.
"""

from __future__ import annotations

import base64
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from extractor.audit.crops import Crop, FindingImages, finding_images
from extractor.audit.labels import LABELS, Lang
from extractor.audit.quotes import marked, quotes_of
from extractor.audit.style import CSS
from extractor.checks import CoverageTotals
from extractor.checks.messages import say
from extractor.errors import PingguError
from extractor.outputs import prepare_folder, unique_names, write_atomic
from extractor.pdf.guard import Limits, run_bounded
from extractor.records import Finding, Location, Report, RuleCoverage, Severity

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
WIDE_CROP_PT = 430.0  # crops wider than this get the full card width, or text gets tiny
_KIND_EN = {"中期": "mid-term", "末期": "final"}


def write_audit(
    items: list[tuple[Path, Report]],
    out_dir: Path,
    lang: str = "zh",
    limits: Limits | None = None,
    password: str | None = None,
    names: list[str] | None = None,
) -> list[Path]:
    """Write `<stem>.html` per (pdf, report) (or the given `names`) and, for more than
    one, `index.html`.

    Returns the written paths, pages first. A PDF that cannot be rendered still gets its
    page, with the reason in place of the images.
    """
    ui = _lang(lang)
    bounds = limits or Limits()
    prepare_folder(out_dir)
    written: list[Path] = []
    names = names or unique_names([pdf for pdf, _ in items], ".html", reserved=["index.html"])
    for (pdf, report), name in zip(items, names, strict=True):
        findings = _ordered(report.findings)
        images, failure = _render(pdf, findings, bounds, password)
        target = out_dir / name
        write_atomic(target, render_page(report, findings, images, ui, failure))
        written.append(target)
    if len(items) > 1:
        index = out_dir / "index.html"
        rows = [(name, report) for (_, report), name in zip(items, names, strict=True)]
        write_atomic(index, render_index(rows, ui))
        written.append(index)
    return written


def _lang(lang: str) -> Lang:
    if lang == "zh":
        return "zh"
    if lang == "en":
        return "en"
    raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then infos; the checker's order within each."""
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def _render(
    pdf: Path, findings: list[Finding], limits: Limits, password: str | None
) -> tuple[list[FindingImages], str | None]:
    if not any(loc.page is not None for f in findings for loc in f.locations):
        return [FindingImages() for _ in findings], None
    try:
        images = run_bounded(
            finding_images, pdf, findings, 2.0, password, limits=limits, source=pdf
        )
    except (PingguError, RuntimeError, OSError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        return [FindingImages() for _ in findings], first_line
    return images, None


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _document(title: str, body: str, lang: Lang) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# --- one report -------------------------------------------------------------------------


def render_page(
    report: Report,
    findings: list[Finding],
    images: list[FindingImages],
    lang: Lang = "zh",
    image_failure: str | None = None,
) -> str:
    """The audit page of one report; `images` pairs with `findings` (already ordered)."""
    t = LABELS[lang]
    station = _station(report, lang)
    quotes = quotes_of(report)
    parts = [_header(report, station, lang, quotes), _coverage(report.coverage, lang, quotes)]
    parts.append(f'<section class="findings">\n<h2>{_e(t["findings"])} ({len(findings)})</h2>')
    if image_failure:
        detail = f' <code class="detail">{_e(image_failure)}</code>'
        parts.append(f'<p class="card note">{_e(t["images_failed"])}{detail}</p>')
    if not findings:
        run = CoverageTotals.of(report.coverage).run
        parts.append(f'<p class="card empty">{_e(t["no_findings"].format(run=run))}</p>')
    for number, (finding, pics) in enumerate(zip(findings, images, strict=True), start=1):
        parts.append(_finding(number, finding, pics, lang, quotes))
    parts.append("</section>")
    version = report.source.extractor_version or "?"
    parts.append(f"<footer>{_e(t['generated'].format(version=version))}</footer>")
    return _document(f"{t['audit']} · {station}", "\n".join(parts), lang)


def _station(report: Report, lang: Lang) -> str:
    if report.meta.station is not None and report.meta.station.value.strip():
        return report.meta.station.value
    return LABELS[lang]["station_unknown"]


def _subtitle(report: Report, lang: Lang) -> str:
    meta = report.meta
    if meta.kind is None and meta.year is None:
        return ""
    kind = _kind(meta.kind, lang)
    year = str(meta.year) if meta.year is not None else "?"
    return LABELS[lang]["kind_year"].format(year=year, kind=kind).strip()


def _kind(kind: str | None, lang: Lang) -> str:
    if kind is None:
        return ""
    return _KIND_EN.get(kind, kind) if lang == "en" else kind


def _counts(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.severity for f in findings)


def _header(report: Report, station: str, lang: Lang, quotes: re.Pattern[str] | None) -> str:
    t = LABELS[lang]
    counts = _counts(report.findings)
    chips = "".join(
        f'<div class="count {sev}{" zero" if not counts[sev] else ""}">'
        f"<b>{counts[sev]}</b><span>{_e(t[sev])}</span></div>"
        for sev in SEVERITIES
    )
    src = report.source
    facts = [
        (t["file"], _e(src.file)),
        (t["sha256"], f'<span class="mono">{_e(src.sha256 or "—")}</span>'),
        (t["pages"], _e(src.pages if src.pages is not None else "—")),
        (
            t["status"],
            f'<span class="status {_e(report.status)}">{_e(t["status_" + report.status])}</span>',
        ),
    ]
    if src.profile:
        facts.append((t["profile"], _e(src.profile)))
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in facts)
    problems = ""
    if report.problems:
        items = "".join(
            f"<li><code>{_e(p.stage)}</code>"
            + (f" · {_e(t['page'].format(page=p.page))}" if p.page is not None else "")
            + f" — {marked(p.message_zh if lang == 'zh' and p.message_zh else p.message, quotes)}"
            + (f' <code class="detail">{_e(p.detail)}</code>' if p.detail else "")
            + "</li>"
            for p in report.problems
        )
        problems = f'<div class="problems"><b>{_e(t["problems"])}</b><ul>{items}</ul></div>'
    subtitle = _subtitle(report, lang)
    return (
        '<header class="card">\n<div class="head-row">\n<div>'
        f'<div class="eyebrow">Pinggu · {_e(t["audit"])}</div>'
        f"<h1>{marked(station, quotes)}</h1>"
        + (f'<div class="subtitle">{marked(subtitle, quotes)}</div>' if subtitle else "")
        + f'</div>\n<div class="counts">{chips}</div>\n</div>\n'
        f'<dl class="facts">{rows}</dl>{problems}\n</header>'
    )


def _coverage(coverage: Sequence[RuleCoverage], lang: Lang, quotes: re.Pattern[str] | None) -> str:
    t = LABELS[lang]
    totals = CoverageTotals.of(coverage)
    possible, run, flagged = totals.possible, totals.run, totals.flagged
    line = t["coverage_line"].format(
        possible=f"<b>{possible}</b>", run=f"<b>{run}</b>", flagged=f"<b>{flagged}</b>"
    )
    bar = ""
    if possible:
        ok = 100 * (run - flagged) / possible
        bad = 100 * flagged / possible
        bar = (
            f'<div class="bar" aria-hidden="true"><div class="ok" style="width:{ok:.2f}%">'
            f'</div><div class="flag" style="width:{bad:.2f}%"></div></div>'
        )
    rows = []
    for c in coverage:
        cls = "flagged" if c.flagged else ("idle" if not c.possible else "")
        described = c.description_zh if lang == "zh" and c.description_zh else c.description
        rows.append(
            f'<tr class="{cls}"><td><code>{_e(c.rule)}</code></td>'
            f"<td>{_e(family_name(c.family, lang))}</td>"
            f"<td>{_e(' '.join(described.split()))}</td>"
            f'<td class="num">{c.possible}</td><td class="num">{c.run}</td>'
            f'<td class="num f">{c.flagged}</td></tr>'
        )
    head = "".join(
        f"<th{' class=num' if k in ('possible', 'run', 'flagged') else ''}>{_e(t[k])}</th>"
        for k in ("rule", "family", "description", "possible", "run", "flagged")
    )
    table = (
        f"<details><summary>{_e(t['rules_detail'].format(n=len(coverage)))}</summary>"
        f'<table class="rules"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )
    return (
        f'<section class="card coverage">\n<h2>{_e(t["coverage"])}</h2>\n'
        f'<p class="cov-line">{line}</p>{bar}\n{table}\n{_gaps(coverage, lang, quotes)}\n</section>'
    )


def family_name(family: str, lang: Lang) -> str:
    """A rule family's name in the page's language (the catalogue's `family.<id>`)."""
    try:
        said = say(f"family.{family}")
    except KeyError:
        return family
    return said.zh if lang == "zh" else said.en


def _gaps(coverage: Sequence[RuleCoverage], lang: Lang, quotes: re.Pattern[str] | None) -> str:
    """What no rule could examine: skipped figures with reasons, and idle rules."""
    t = LABELS[lang]
    items: list[str] = []
    for c in coverage:
        for s in c.skipped:
            items.append(
                f"<li><code>{_e(c.rule)}</code> · <code>{_e(s.ref)}</code> — "
                f"{marked(s.reason_zh if lang == 'zh' and s.reason_zh else s.reason, quotes)}</li>"
            )
    for c in coverage:
        if not c.possible and not c.skipped:
            items.append(f"<li><code>{_e(c.rule)}</code> — {_e(t['not_applicable'])}</li>")
    if not items:
        return f'<p class="empty">{_e(t["no_gaps"])}</p>'
    summary = _e(t["gaps"].format(n=len(items)))
    return f'<details open><summary>{summary}</summary><ul class="gaps">{"".join(items)}</ul>' + (
        "</details>"
    )


# --- one finding ------------------------------------------------------------------------


def _finding(
    number: int,
    finding: Finding,
    pics: FindingImages,
    lang: Lang,
    quotes: re.Pattern[str] | None,
) -> str:
    t = LABELS[lang]
    pages = sorted({loc.page for loc in finding.locations if loc.page is not None})
    where = ("、" if lang == "zh" else ", ").join(t["page"].format(page=p) for p in pages)
    head = (
        f'<div class="finding-head"><span class="no">#{number}</span>'
        f'<span class="badge {_e(finding.severity)}">{_e(t[finding.severity])}</span>'
        f'<code class="rule">{_e(finding.rule)}</code>'
        f'<span class="where">{_e(where)}</span></div>'
    )
    figures = _figures(finding, pics, lang)
    wide = any(c.width_pt > WIDE_CROP_PT and not c.full_page for c in pics.crops)
    body_cls = "finding-body wide" if wide or not figures else "finding-body"
    text = _finding_text(finding, lang, quotes)
    body = f'<div class="{body_cls}">' + (f"<div>{figures}</div>" if figures else "")
    body += f"<div>{text}</div></div>"
    article = f'<article class="card finding {_e(finding.severity)}" id="f{number}">'
    return f"{article}{head}{body}</article>"


def _figures(finding: Finding, pics: FindingImages, lang: Lang) -> str:
    t = LABELS[lang]
    parts = [_figure(crop, lang) for crop in pics.crops]
    for page in pics.missing_pages:
        parts.append(f'<p class="note">{_e(t["missing_page"].format(page=page))}</p>')
    no_page = [str(i) for i, loc in enumerate(finding.locations, 1) if loc.page is None]
    if no_page and finding.locations:
        msg = t["no_page"].format(numbers=", ".join(no_page))
        parts.append(f'<p class="note">{_e(msg)}</p>')
    return "".join(parts)


def _figure(crop: Crop, lang: Lang) -> str:
    t = LABELS[lang]
    uri = "data:image/png;base64," + base64.b64encode(crop.png).decode("ascii")
    caption = t["page"].format(page=crop.page)
    if 1 in crop.marked:
        caption += " · " + t["legend_flagged"]
    if any(n > 1 for n in crop.marked):
        caption += " · " + t["legend_involved"]
    note = ""
    if crop.unmarked:
        msg = t["no_bbox"].format(numbers=", ".join(map(str, crop.unmarked)))
        note = f'<p class="note">{_e(msg)}</p>'
    cls = ' class="page-whole"' if crop.full_page else ""
    alt = f"{t['page'].format(page=crop.page)} ({', '.join(map(str, crop.marked)) or '—'})"
    return (
        f'<figure{cls}><img src="{uri}" width="{crop.width_px}" height="{crop.height_px}" '
        f'alt="{_e(alt)}"><figcaption>{_e(caption)}</figcaption>{note}</figure>'
    )


def _finding_text(finding: Finding, lang: Lang, quotes: re.Pattern[str] | None) -> str:
    """The finding in the page's language only: a page is read in one language; the
    report's words it quotes marked (`quotes.marked`)."""
    t = LABELS[lang]
    zh = lang == "zh"
    main = finding.explanation_zh if zh else finding.explanation_en
    out = []
    if main:
        out.append(f'<p class="explain">{marked(main, quotes)}</p>')
    values = [
        ("printed", finding.printed, "printed"),
        ("expected", finding.expected, "expected"),
        ("tolerance", finding.tolerance_zh if zh else finding.tolerance, ""),
        ("cause", finding.cause_zh if zh else finding.cause, "cause"),
    ]
    rows = "".join(
        f'<dt>{_e(t[key])}</dt><dd class="{cls}">{marked(value, quotes)}</dd>'
        for key, value, cls in values
        if value
    )
    if rows:
        out.append(f'<dl class="values">{rows}</dl>')
    if finding.ruled_out:
        said = "".join(
            f"<li>{marked(r.text_zh if zh else r.text, quotes)}</li>" for r in finding.ruled_out
        )
        n = len(finding.ruled_out)
        out.append(
            f'<details class="ruled-out"><summary>{_e(t["ruled_out"].format(n=n))}</summary>'
            f"<ul>{said}</ul></details>"
        )
    if finding.locations:
        items = "".join(_location(i, loc, lang) for i, loc in enumerate(finding.locations, 1))
        out.append(f'<h3>{_e(t["locations"])}</h3><ol class="locs">{items}</ol>')
    return "".join(out)


def _location(number: int, loc: Location, lang: Lang) -> str:
    t = LABELS[lang]
    role = "flagged" if number == 1 else "involved"
    page = t["page"].format(page=loc.page) + " · " if loc.page is not None else ""
    text = f'<span class="loc-text src">{_e(loc.text)}</span>' if loc.text else ""
    return (
        f'<li><span class="mark {role}">{number}</span><span>'
        f'<span class="loc-ref">{_e(page)}<code>{_e(loc.ref)}</code></span>{text}</span></li>'
    )


# --- the index --------------------------------------------------------------------------


def render_index(rows: Sequence[tuple[str, Report]], lang: Lang = "zh") -> str:
    """A table of the reports with their finding counts, each linking to its page."""
    t = LABELS[lang]
    head = "".join(
        f"<th>{_e(h)}</th>" for h in (t["report"], t["year"], t["kind"], t["file"], t["status"])
    ) + "".join(f'<th class="n">{_e(t[s])}</th>' for s in SEVERITIES)
    body = []
    for name, report in rows:
        counts = _counts(report.findings)
        cells = "".join(
            f'<td class="n {s}{" zero" if not counts[s] else ""}">{counts[s]}</td>'
            for s in SEVERITIES
        )
        kind = _kind(report.meta.kind, lang)
        quotes = quotes_of(report)
        station = marked(_station(report, lang), quotes)
        body.append(
            f'<tr><td><a href="{_e(quote(name))}">{station}</a></td>'
            f"<td>{_e(report.meta.year or '')}</td><td>{marked(kind, quotes)}</td>"
            f"<td>{_e(report.source.file)}</td>"
            f'<td><span class="status {_e(report.status)}">'
            f"{_e(t['status_' + report.status])}</span></td>{cells}</tr>"
        )
    table = (
        f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )
    content = (
        f'<header class="card"><div class="eyebrow">Pinggu</div>'
        f"<h1>{_e(t['index_title'])} ({len(rows)})</h1></header>"
        f'<section class="card">{table}</section>'
    )
    return _document(t["index_title"], content, lang)
