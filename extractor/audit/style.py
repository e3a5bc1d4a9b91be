"""The audit page's stylesheet, inlined so each page is one self-contained file."""

from __future__ import annotations

CSS = """
:root {
  --ink: #1d2433; --muted: #5b6474; --line: #e3e6ec; --paper: #ffffff; --bg: #f4f5f8;
  --error: #b42318; --error-bg: #fef3f2; --error-line: #fecdca;
  --warning: #b54708; --warning-bg: #fffaeb; --warning-line: #fedf89;
  --info: #175cd3; --info-bg: #eff8ff; --info-line: #b2ddff;
  --flagged: #d92d20; --involved: #f79009;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink); line-height: 1.6; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    sans-serif;
}
main { max-width: 1220px; margin: 0 auto; padding: 28px 28px 48px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas,
  "WenQuanYi Micro Hei Mono", monospace; font-size: 0.86em; }
code.detail { color: var(--muted); font-size: 0.78em; word-break: break-all; }
.explain .src, .values .src, .gaps .src, .problems .src, .ruled-out .src {
  background: var(--bg); border-radius: 3px; }
h1, h2, h3 { line-height: 1.3; margin: 0; }
h2 { font-size: 18px; margin-bottom: 12px; }
a { color: var(--info); }
.card {
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 20px 24px; margin-bottom: 20px;
}
.eyebrow { color: var(--muted); font-size: 13px; letter-spacing: 0.04em; }
.head-row { display: flex; justify-content: space-between; align-items: flex-start;
  gap: 24px; flex-wrap: wrap; }
h1 { font-size: 26px; margin: 4px 0 2px; }
.subtitle { color: var(--muted); font-size: 15px; }
.counts { display: flex; gap: 8px; }
.count { border-radius: 8px; padding: 6px 12px; min-width: 76px; text-align: center;
  border: 1px solid var(--line); background: #fafbfc; }
.count b { display: block; font-size: 22px; line-height: 1.2; }
.count span { font-size: 12px; color: var(--muted); }
.count.error b { color: var(--error); } .count.warning b { color: var(--warning); }
.count.info b { color: var(--info); }
.count.zero b { color: #98a2b3; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px;
  margin: 16px 0 0; font-size: 13.5px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.status { font-weight: 600; }
.status.success { color: #067647; } .status.partial { color: var(--warning); }
.status.failure { color: var(--error); }
.problems { margin: 12px 0 0; padding: 10px 14px 10px 30px; background: var(--warning-bg);
  border: 1px solid var(--warning-line); border-radius: 8px; font-size: 13.5px; }
.cov-line { font-size: 16px; margin: 0 0 10px; }
.cov-line b { font-size: 20px; }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden;
  background: var(--line); margin-bottom: 14px; }
.bar .ok { background: #32d583; } .bar .flag { background: var(--flagged); }
details { border-top: 1px solid var(--line); padding: 8px 0 0; margin-top: 8px; }
summary { cursor: pointer; font-weight: 600; font-size: 14px; color: var(--ink); }
table.rules { width: 100%; border-collapse: collapse; margin-top: 10px; font-size: 13px; }
table.rules th, table.rules td { text-align: left; padding: 6px 8px;
  border-bottom: 1px solid var(--line); vertical-align: top; }
table.rules th { color: var(--muted); font-weight: 600; background: #fafbfc; }
table.rules td.num, table.rules th.num { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
table.rules tr.flagged td.num.f { color: var(--error); font-weight: 700; }
table.rules tr.idle td { color: #98a2b3; }
ul.gaps { margin: 10px 0 0; padding-left: 20px; font-size: 13.5px; }
ul.gaps li { margin: 3px 0; }
.finding { padding: 0; overflow: hidden; border-left: 5px solid var(--line); }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding-head { display: flex; align-items: center; gap: 10px; padding: 12px 20px;
  border-bottom: 1px solid var(--line); background: #fcfcfd; flex-wrap: wrap; }
.finding-head .no { color: var(--muted); font-weight: 600; }
.finding-head code.rule { font-size: 14px; font-weight: 600; }
.finding-head .where { margin-left: auto; color: var(--muted); font-size: 13px; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12.5px;
  font-weight: 600; border: 1px solid; }
.badge.error { color: var(--error); background: var(--error-bg); border-color: var(--error-line); }
.badge.warning { color: var(--warning); background: var(--warning-bg);
  border-color: var(--warning-line); }
.badge.info { color: var(--info); background: var(--info-bg); border-color: var(--info-line); }
.finding-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  gap: 20px; padding: 16px 20px 18px; }
.finding-body.wide { grid-template-columns: minmax(0, 1fr); }
figure { margin: 0 0 12px; }
figure:last-child { margin-bottom: 0; }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; }
figure.page-whole img { max-width: 520px; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.note { font-size: 12.5px; color: var(--warning); margin: 4px 0 0; }
.explain { margin: 0 0 6px; font-size: 15.5px; }
dl.values { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px;
  margin: 0 0 14px; font-size: 14px; }
dl.values dt { color: var(--muted); }
dl.values dd { margin: 0; overflow-wrap: anywhere; }
dl.values dd.printed { color: var(--error); font-weight: 700; text-decoration: line-through;
  text-decoration-thickness: 1px; }
dl.values dd.expected { color: #067647; font-weight: 700; }
dl.values dd.cause { font-size: 13px; }
details.ruled-out { margin: 4px 0 8px; font-size: 13px; color: var(--muted); }
details.ruled-out ul { margin: 4px 0; padding-left: 20px; }
h3 { font-size: 13px; color: var(--muted); font-weight: 600; margin: 0 0 6px; }
ol.locs { list-style: none; margin: 0; padding: 0; font-size: 13px; }
ol.locs li { display: grid; grid-template-columns: 22px 1fr; gap: 6px; margin-bottom: 6px; }
.mark { display: inline-flex; width: 18px; height: 18px; border-radius: 50%; color: #fff;
  font-size: 11px; font-weight: 700; align-items: center; justify-content: center;
  margin-top: 1px; }
.mark.flagged { background: var(--flagged); } .mark.involved { background: var(--involved); }
.loc-ref { color: var(--muted); overflow-wrap: anywhere; }
.loc-text { display: block; color: var(--ink); }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: 12.5px; margin-top: 24px; }
table.index { width: 100%; border-collapse: collapse; font-size: 14px; }
table.index th, table.index td { padding: 8px 10px; border-bottom: 1px solid var(--line);
  text-align: left; }
table.index th { color: var(--muted); font-size: 13px; background: #fafbfc; }
table.index th.n { text-align: right; }
table.index td.n { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
table.index td.n.error { color: var(--error); } table.index td.n.warning { color: var(--warning); }
table.index td.n.info { color: var(--info); } table.index td.n.zero { color: #98a2b3;
  font-weight: 400; }
@media (max-width: 860px) { .finding-body { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { background: #fff; } .card { break-inside: avoid; }
  details { display: block; } details > * { display: block; }
}
"""
