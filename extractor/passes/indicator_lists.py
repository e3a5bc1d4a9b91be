"""Indicator rows printed as text lists, not tables: under a heading that names a 片区
(`（一）溪口片区服务指标完成情况`) or the station's total (`（五）全站服务指标合计`), one line per
indicator, `1.困难群众建档：协议330户，完成306户，完成率92.73%；`.

Each line is a row of the "table" its heading names (the heading without its ordinal):
the label resolved through the indicator vocabulary as a table's row label is
(`passes.tables.labels`), each figure's role from the word before it, the measure from
the unit after it; the heading gives the scope (a 片区, or 合计). The line's shape and
the heading words are data (`models/patterns/indicator_lists.yaml`). A block is read only
when every line in it has that shape, so a sentence stating figures is never a list line.

The lists of a report are then judged as one table is (`passes.tables.consistency`): each
rate recomputed from its line, each 片区's figures summed against the 合计 list. A read
whose relations mostly fail, or whose lines name one indicator twice, or two lists one
片区, is not trusted: its rows are left unchecked and the record says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from extractor.document.model import Block, Document, Section
from extractor.knowledge import list_patterns
from extractor.knowledge.messages import Said, say
from extractor.knowledge.nlp import Role
from extractor.knowledge.vocab import cell_decorations
from extractor.nlp.indicators import unit_measure
from extractor.numbers import parse_number
from extractor.passes.narrative import section_area
from extractor.passes.tables.consistency import Consistency, consistency, judged
from extractor.passes.tables.labels import label_tags
from extractor.records import Cell, IndicatorRow, TableRead

ListScope = Literal["area", "total"]


@dataclass(slots=True)
class ListRead:
    """One list: the heading it stands under, its rows, the blocks it was read from and
    what looked wrong while reading it (`hard`: a misread the relations may not show)."""

    table: str
    caption: str
    scope: ListScope
    area: str  # the 片区 as its heading prints it, or 合计
    rows: list[IndicatorRow] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    doubts: list[Said] = field(default_factory=list)
    hard: int = 0

    @property
    def pages(self) -> list[int]:
        return sorted({p for b in self.blocks for p, _ in b.boxes()})


@dataclass(frozen=True, slots=True)
class _Part:
    role: Role
    printed: str
    value: float
    unit: str | None
    start: int  # offsets in the block's printed text: the figure and its unit or %
    end: int


@dataclass(frozen=True, slots=True)
class _Line:
    label: str
    parts: tuple[_Part, ...]
    text: str


def list_lines(block: Block) -> list[_Line] | None:
    """The list lines a block holds (one, or several a paragraph joined), or None when
    any of its text is not such a line (a sentence, a heading, a line of another shape)."""
    norm = block.normalised
    out: list[_Line] = []
    for s, e in _pieces(norm.text):
        line = _line(block, s, e)
        if line is None:
            return None
        out.append(line)
    return out or None


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of `text` between line-closing marks, blanks out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(list_patterns().line_end, text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _line(block: Block, s: int, e: int) -> _Line | None:
    """The list line at normalised offsets s:e, or None when it has not the shape: its
    parts each a role word and a figure, no role twice, `done` among them."""
    pats = list_patterns()
    norm = block.normalised
    m = pats.line.match(norm.text[s:e])
    if m is None:
        return None
    p0 = s + m.start("parts")
    seps = list(re.finditer(pats.separator, m.group("parts")))
    starts = [p0, *(p0 + x.end() for x in seps)]
    stops = [*(p0 + x.start() for x in seps), e]
    parts: list[_Part] = []
    for ps, pe in zip(starts, stops, strict=True):
        part = _part(block, ps, pe)
        if part is None:
            return None
        parts.append(part)
    roles = [p.role for p in parts]
    if len(set(roles)) != len(roles) or "done" not in roles or len(roles) < pats.least_roles:
        return None
    ls, le = norm.to_original(s, e)
    return _Line(re.sub(r"\s+", "", m.group("label")), tuple(parts), block.text[ls:le])


def _part(block: Block, ps: int, pe: int) -> _Part | None:
    """One part at normalised offsets ps:pe: a role word, then a rate (with %) after a
    rate's word or a count (with its unit) after a count's."""
    pats = list_patterns()
    norm = block.normalised
    m = pats.part(cell_decorations()[0]).match(norm.text[ps:pe])
    role = pats.role_of(m.group("word")) if m else None
    if m is None or role is None:
        return None
    is_pct = m.group("pct") is not None
    if (role == "pct") != is_pct:
        return None  # a rate's word before a count, or a count's before a rate
    g = "pct" if is_pct else "num"
    value = parse_number(m.group(g).replace(",", ""))
    if value is None:
        return None
    fs, fe = ps + m.start(g), ps + m.end(g) + (1 if is_pct else 0)
    printed_s, printed_e = norm.to_original(fs, fe)
    start, end = norm.to_original(fs, ps + m.end())  # the figure with its unit or %
    printed = re.sub(r"\s+", "", block.text[printed_s:printed_e])
    return _Part(role, printed, value, m.group("unit"), start, end)


def _heading_scope(sec: Section) -> tuple[ListScope, str] | None:
    """("area", 片区) or ("total", 合计) from the nearest heading that names one: the
    list's own, or one above it (a 片区's sub-section holding its list)."""
    words = list_patterns().total_headings
    s: Section | None = sec
    while s is not None and s.heading is not None:
        title = re.sub(r"\s+", "", s.title)
        area = section_area(s.title)
        total = any(w in title for w in words)
        if area is not None and not total:
            return "area", area
        if total and area is None:
            return "total", "合计"
        if area is not None and total:
            return None  # 溪口片区合计: which is it? not read
        s = s.parent
    return None


def _measure(
    label_measure: str | None, indicator: str, default: str | None, unit: str | None
) -> str:
    """As a table cell's: the label's own measure word, else what the unit after the
    figure means for this indicator (户 for 建档: households), else its default."""
    by_unit = unit_measure(indicator, unit) if unit else None
    return label_measure or by_unit or default or "count"


def _cell(block: Block, part: _Part) -> Cell:
    return Cell(printed=part.printed, value=part.value, prov=block.provenance(part.start, part.end))


def _read_list(sec: Section, scope: ListScope, area: str, areas: frozenset[str]) -> ListRead | None:
    """The list lines directly under `sec`, as rows of its scope; None when it has none
    (a list whose labels name no known indicator gives no rows and is left out)."""
    assert sec.heading is not None
    got = ListRead(
        table=re.sub(r"\s+", "", sec.title),
        caption=sec.heading.text.strip(),
        scope=scope,
        area=area,
    )
    seen: dict[tuple[str, str], str] = {}
    for block in sec.blocks:
        lines = list_lines(block)
        if lines is None:
            continue
        got.blocks.append(block)
        for line in lines:
            tags = label_tags(line.label, areas)
            if tags.indicator is None or tags.scope is not None:
                got.doubts.append(
                    say("fragment.list_label_unknown", label=line.label, line=line.text)
                )
                continue
            units = {p.unit for p in line.parts if p.role != "pct" and p.unit}
            if len(units) > 1:
                a, b = sorted(units)
                got.doubts.append(
                    say("fragment.list_units_differ", label=line.label, first=a, second=b)
                )
                continue
            unit = units.pop() if units else None
            measure = _measure(tags.measure, tags.indicator, tags.default_measure, unit)
            key = (tags.indicator, measure)
            if key in seen:
                got.hard += 1
                got.doubts.append(
                    say(
                        "fragment.list_repeated", label=line.label, other=seen[key], table=got.table
                    )
                )
                continue
            seen[key] = line.label
            by_role = {p.role: _cell(block, p) for p in line.parts}
            got.rows.append(
                IndicatorRow(
                    table=got.table,
                    area=area,
                    scope=scope,
                    indicator=tags.indicator,
                    label=line.label,
                    measure=measure,
                    target=by_role.get("target"),
                    done=by_role.get("done"),
                    pct=by_role.get("pct"),
                )
            )
    return got if got.rows else None


def read_lists(doc: Document, areas: frozenset[str]) -> list[ListRead]:
    """Every indicator list of the report, in reading order."""
    out: list[ListRead] = []
    for sec in doc.sections():
        if sec.heading is None or not sec.blocks:
            continue
        scope = _heading_scope(sec)
        if scope is None:
            continue
        got = _read_list(sec, *scope, areas)
        if got is not None:
            out.append(got)
    # two lists for one 片区 (or two 合计 lists): which figures are whose is not clear
    names = [r.area for r in out]
    for r in out:
        if names.count(r.area) > 1:
            r.hard += 1
            r.doubts.append(say("fragment.list_scope_twice", area=r.area))
    return out


def list_table_reads(lists: list[ListRead]) -> list[TableRead]:
    """Each list's read, judged as a table's is: a 片区's list by its own rates, the 合计
    list by every relation of the report's lists (its rates and the 片区 sums). Rows of a
    read not trusted are marked uncertain, so the checker leaves them unchecked."""
    every = [r for lr in lists for r in lr.rows]
    reads: list[TableRead] = []
    for lr in lists:
        fit: Consistency = consistency(every if lr.scope == "total" else lr.rows)
        trusted = fit.trusted(lr.hard) and lr.hard == 0
        reads.append(judged(lr.table, lr.caption, lr.pages, lr.rows, fit, trusted, lr.doubts))
    return reads
