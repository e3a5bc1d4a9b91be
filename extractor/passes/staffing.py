"""Staffing: the narrative head counts and rates of the 项目管理 section, all as
printed, plus the 附件2 roster (read by `passes/roster.py`).

Narrative wordings live in models/patterns/staffing.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractor.document.model import Block, Document, Section, Table
from extractor.knowledge import Profile, StaffingPatterns, scope_vocab, staffing_patterns
from extractor.knowledge.loader import compiled
from extractor.numbers import chinese_numeral, parse_number
from extractor.passes.roster import is_roster, read_roster
from extractor.passes.tables.labels import squash
from extractor.passes.text import Hit, first
from extractor.records import Number, Staffing


def _figure(text: str) -> float:
    """An Arabic figure or a Chinese numeral (两, 二十三)."""
    return parse_number(text) if text[0].isdigit() else float(chinese_numeral(text))


def _hit_number(hit: Hit) -> Number:
    groups = hit.match.groupdict()
    has_unit = groups.get("unit") is not None
    start = hit.span("value")[0]
    end = hit.span("unit")[1] if has_unit else hit.span("value")[1]
    return Number(
        value=_figure(hit.match.group("value")),
        printed=hit.block.text[start:end],
        unit=groups["unit"] if has_unit else None,
        approx=groups.get("approx") is not None,
        prov=hit.prov(0),
    )


def narrative_figures(
    blocks: Iterable[Block], patterns: StaffingPatterns | None = None
) -> dict[str, Number]:
    """Staffing figures found in `blocks`: per field, the first alternative that matches."""
    pats = patterns or staffing_patterns()
    blocks = list(blocks)
    out: dict[str, Number] = {}
    for name, alternatives in pats.alternatives.items():
        for rx in alternatives:
            hit = first(blocks, rx)
            if hit is not None:
                out[name] = _hit_number(hit)
                break
    return out


def table_figures(
    tables: Iterable[Table], patterns: StaffingPatterns | None = None
) -> dict[str, Number]:
    """Head counts printed in a staffing table (岗位 │ 持证社工 › 中级社工师 │ … │ 合计): its
    合计 row's figures under the columns `table_columns` names, each field one column and
    each column one field, from the first table headed so (`table_label`, no roster)
    that gives two or more."""
    pats = patterns or staffing_patterns()
    if not pats.table_columns or pats.table_label is None:
        return {}
    label_rx = compiled(pats.table_label)
    totals = {squash(w) for w in scope_vocab().total}
    for t in tables:
        if not t.columns or not t.header_rows or is_roster(t):
            continue
        if not label_rx.search(squash("/".join(x for x in t.columns[0] if x))):
            continue
        cols: dict[str, list[int]] = {}
        for c, path in enumerate(t.columns[1:], start=1):
            header = squash("/".join(x for x in path if x))
            named = [f for f, rx in pats.table_columns.items() if compiled(rx).search(header)]
            if len(named) == 1:
                cols.setdefault(named[0], []).append(c)
        rows = [r for r in t.body() if r and r[0] is not None and squash(r[0].text) in totals]
        if not rows:
            continue
        out: dict[str, Number] = {}
        for name, at in cols.items():
            cell = rows[-1][at[0]] if len(at) == 1 and at[0] < len(rows[-1]) else None
            text = cell.text.strip() if cell is not None else ""
            if cell is not None and text.isdigit():
                out[name] = Number(value=float(text), printed=text, prov=cell.provenance())
        if len(out) >= 2:
            return out
    return {}


def _section_blocks(sec: Section) -> list[Block]:
    out: list[Block] = []
    for s in sec.walk():
        if s.heading is not None:
            out.append(s.heading)
        out.extend(s.blocks)
    return out


def _management_blocks(doc: Document) -> list[Block]:
    """The third party's 项目管理 section (any 项目管理 if none is the third party's)."""
    found = [s for s in doc.sections() if s.canonical == "project_management"]

    def third_party(s: Section) -> bool:
        p = s.parent
        while p is not None:
            if p.canonical == "third_party":
                return True
            p = p.parent
        return False

    found.sort(key=lambda s: not third_party(s))
    return _section_blocks(found[0]) if found else []


def _basic_blocks(doc: Document) -> list[Block]:
    """The blocks of the 基本情况 / 项目概况 sections and their sub-sections, each once."""
    out: list[Block] = []
    seen: set[int] = set()
    for s in doc.sections():
        if s.canonical != "basic_info":
            continue
        for sub in s.walk():
            if id(sub) in seen:
                continue
            seen.add(id(sub))
            out.extend(sub.blocks)
    return out


# --- entry points ----------------------------------------------------------------------


def extract_staffing(doc: Document, profile: Profile) -> Staffing:
    """Narrative figures (项目管理 section, then 基本情况 for the fields it lacks; the whole
    text when there is no 项目管理) and the 附件2 roster.

    `profile` is accepted like every pass's; staffing wordings are family-independent so
    far and live in models/patterns/staffing.yaml.
    """
    del profile
    blocks = _management_blocks(doc)
    figures = narrative_figures(blocks or doc.blocks)
    if blocks:
        # A report may state its head counts in 基本情况 rather than under 项目管理, or in
        # a sub-section of its 项目概况 (二、人员配置).
        basic = _basic_blocks(doc)
        for name, number in narrative_figures(basic).items():
            figures.setdefault(name, number)
    # head counts the text does not state, from a staffing table's 合计 row
    for name, number in table_figures(doc.tables).items():
        figures.setdefault(name, number)
    staffing = Staffing(**figures)
    rows, totals, rate = read_roster(doc.tables)
    staffing.roster, staffing.roster_totals, staffing.roster_retention_rate = rows, totals, rate
    return staffing
