"""Indicator figures: appendix table rows (片区 / 合计 × indicator × measure, with target,
done and printed percentage) and the figures the narrative states.

Tables are read by their header paths, not positions: a column's top header names the
indicator (matched against models/vocab/indicators.yaml), its bottom header names the
role (协议量 → target, 完成量 → done, 百分比 → pct) and often the measure (协议节数 →
sessions). Three layouts occur: a 片区 table (one row per area plus 合计), a small
table under a caption (附件1-2: 指标要求 / 完成情况 / 完成百分比), and rows that carry
their own labels (总体服务: label, target, done, pct, label, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.areas import AREA_OR_TOTAL, area_label
from extractor.document.model import Block, Document, Table, TableCell
from extractor.knowledge import measure_words
from extractor.nlp.figures import Figure, figures_of
from extractor.nlp.indicators import IndicatorMatch, match_indicator
from extractor.numbers import parse_number
from extractor.records import Cell, IndicatorRow, Indicators, NarrativeFigure

_AREA_HEADER = re.compile(r"片区|服务区域|社工点|区域")
_NA = {"/", "／", "-", "—", "——", "无", ""}
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")


def cell_value(text: str) -> float | None:
    t = re.sub(r"\s+", "", text).replace("％", "%").replace(",", "").replace("，", "")
    if t in _NA or not _NUMBER.match(t):
        return None
    return parse_number(t.rstrip("%"))


def _cell(c: TableCell | None) -> Cell | None:
    if c is None:
        return None
    return Cell(printed=c.text.strip(), value=cell_value(c.text), prov=c.provenance())


@dataclass(slots=True)
class _Column:
    col: int
    indicator: str | None
    label: str
    role: str | None
    measure: str | None


def _appendix_of(section: tuple[str, ...]) -> str:
    for title in section:
        m = re.match(r"附\s*件\s*\d+(?:\s*[-－—]\s*\d+)?", title)
        if m:
            return re.sub(r"\s+", "", m.group(0)).replace("－", "-").replace("—", "-")
    return section[0] if section else ""


@lru_cache(maxsize=2048)
def _match(label: str) -> IndicatorMatch | None:
    return match_indicator(label) if label else None


def _role_match(path: tuple[str, ...]) -> IndicatorMatch | None:
    """The lowest header in a column's path that names a role (协议量, 完成量, 百分比)."""
    for label in reversed(path[1:] if len(path) > 1 else path):
        m = _match(label) if len(label) <= 12 else None
        if m is not None and m.role:
            return m
    return None


def _columns(t: Table) -> list[_Column]:
    cols: list[_Column] = []
    for c, path in enumerate(t.columns):
        if not path:
            cols.append(_Column(c, None, "", None, None))
            continue
        top = _match(path[0])
        bottom = _role_match(path) if len(path) > 1 else None
        indicator = top.indicator if top and top.indicator else None
        role = bottom.role if bottom else (top.role if top and not top.indicator else None)
        measure = bottom.measure if bottom else None
        cols.append(_Column(c, indicator, path[0], role, measure))
    return cols


def _default_measure(label: str) -> str:
    """The measure an indicator's own label implies (培训时数 → hours), else count."""
    m = _match(label)
    return (m.measure if m and m.indicator else None) or "count"


def _triples(cols: list[_Column]) -> list[tuple[_Column, dict[str, _Column]]]:
    """Group columns of one indicator into (target, done, pct) sets, in order."""
    out: list[tuple[_Column, dict[str, _Column]]] = []
    for col in cols:
        if col.indicator is None:
            continue
        role = col.role or "done"
        current = out[-1][1] if out and out[-1][0].indicator == col.indicator else None
        if current is None or role in current or (role == "target" and current):
            out.append((col, {role: col}))
        else:
            current[role] = col
    return out


def _row(
    table: str,
    area: str | None,
    indicator: str,
    label: str,
    measure: str,
    target: TableCell | None,
    done: TableCell | None,
    pct: TableCell | None,
) -> IndicatorRow:
    cells = [_cell(x) for x in (target, done, pct)]
    printed = [c.printed for c in cells if c is not None]
    return IndicatorRow(
        table=table,
        area=area,
        indicator=indicator,
        label=re.sub(r"\s+", "", label),
        measure=measure,
        target=cells[0],
        done=cells[1],
        pct=cells[2],
        not_applicable=bool(printed) and all(p in _NA for p in printed),
    )


def _pick(r: list[TableCell | None], parts: dict[str, _Column], role: str) -> TableCell | None:
    p = parts.get(role)
    return r[p.col] if p else None


def _covering(row: list[TableCell | None], col: int) -> TableCell | None:
    """The cell covering a grid position: its own, or one spanning from the left
    (a 合计 label merged across 序号 and 片区)."""
    for k in range(col, -1, -1):
        c = row[k]
        if c is not None:
            return c if c.col + c.colspan > col else None
    return None


def _area_table(t: Table, table: str, area_col: int = 0) -> list[IndicatorRow]:
    groups = _triples(_columns(t))
    rows: list[IndicatorRow] = []
    for r in t.body():
        first = _covering(r, area_col)
        if first is None or not first.text.strip():
            continue
        area = re.sub(r"\s+", "", first.text)
        for lead, parts in groups:
            measure = next(
                (p.measure for k in ("target", "done", "pct") if (p := parts.get(k)) and p.measure),
                None,
            ) or _default_measure(lead.label)
            cells = [_pick(r, parts, k) for k in ("target", "done", "pct")]
            rows.append(_row(table, area, lead.indicator or "", lead.label, measure, *cells))
    return rows


def _captioned_table(t: Table, table: str) -> list[IndicatorRow]:
    m = _match(t.caption)
    if m is None or m.indicator is None:
        return []
    roles = [_role_match(p) for p in t.columns]
    rows: list[IndicatorRow] = []
    for r in t.body():
        found: dict[str, TableCell | None] = {}
        for c, cell in enumerate(r):
            rm = roles[c]
            role = rm.role if rm is not None else None
            if role and cell is not None:
                found[role] = cell
        if found:
            cells = [found.get(k) for k in ("target", "done", "pct")]
            measure = _default_measure(t.caption)
            rows.append(_row(table, None, m.indicator, t.caption, measure, *cells))
    return rows


_UNIT = re.compile(r"[（(]\s*([^（）()]{1,4}?)\s*[）)]\s*$")


def _row_label(text: str) -> tuple[IndicatorMatch | None, str | None]:
    """A row label's indicator and measure: "个案接案（个）" → casework, opened."""
    label = re.sub(r"\s+", "", text)
    unit = _UNIT.search(label)
    bare = label[: unit.start()] if unit else label
    m = _match(bare)
    if m is None or m.indicator is None:
        return None, None
    words = measure_words()
    measure = words.units.get(unit.group(1)) if unit else None
    if measure is None:
        measure = next((v for k, v in words.words.items() if k in bare), None)
    return m, measure


def _labelled_rows(t: Table, table: str) -> list[IndicatorRow]:
    """Rows like 新增志愿者 | 100 | 342 | 342.00% | 社区调研 | 13 | 13 | 100.00%: a label
    cell opens a record, the numeric cells after it fill roles by their column header."""
    roles = [_role_match(p) for p in t.columns]
    records: list[tuple[IndicatorMatch, str | None, dict[str, TableCell]]] = []
    for r in t.body():
        current: dict[str, TableCell] | None = None
        seen: set[int] = set()
        for c, cell in enumerate(r):
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            text = cell.text.strip()
            rm = roles[c]
            role = rm.role if rm is not None else None
            if text and cell_value(text) is None and text not in _NA:
                m, measure = _row_label(text)
                if m is not None:
                    current = {}
                    records.append((m, measure, current))
                    continue
            if current is not None and role:
                current.setdefault(role, cell)
    return [
        _row(
            table,
            None,
            m.indicator or "",
            m.label,
            measure or _default_measure(m.label),
            *(found.get(k) for k in ("target", "done", "pct")),
        )
        for m, measure, found in records
        if found
    ]


def _area_column(t: Table) -> int | None:
    """The column naming each row's 片区 (合计 on the totals row): by its header, or by
    its cells; a 序号 column may stand before it."""
    body = t.body()
    for c in range(min(3, t.n_cols)):
        head = t.columns[c][0] if t.columns[c] else ""
        labels = [
            re.sub(r"\s+", "", cell.text) for r in body if (cell := _covering(r, c)) is not None
        ]
        hits = sum(bool(AREA_OR_TOTAL.match(x)) for x in labels)
        if (_AREA_HEADER.search(head) and hits) or (labels and hits >= max(1, len(labels) - 1)):
            return c
    return None


def table_rows(t: Table) -> list[IndicatorRow]:
    table = _appendix_of(t.section)
    area_col = _area_column(t)
    if area_col is not None:
        return _area_table(t, table, area_col)
    if t.caption and _match(t.caption) is not None:
        rows = _captioned_table(t, table)
        if rows:
            return rows
    return _labelled_rows(t, table)


def _is_indicator_table(t: Table) -> bool:
    roles = [_role_match(p) for p in t.columns]
    return any(r is not None and r.role in ("target", "pct") for r in roles)


def _narrative_scopes(doc: Document) -> list[tuple[str | None, list[Block]]]:
    """(scope, blocks) of the third party's narrative: the indicator completion paragraph
    (station scope, None) and every 片区 section (its area)."""
    out: list[tuple[str | None, list[Block]]] = []
    for sec in doc.sections():
        if sec.canonical == "indicator_completion":
            out.append((None, sec.blocks))
        elif sec.canonical == "area" or (sec.heading is not None and area_label(sec.title)):
            if sec.canonical in ("praise", "concern"):
                continue
            blocks = [b for s in sec.walk() for b in s.blocks]
            out.append((area_label(sec.title), blocks))
    return out


# Measures no indicator table reports (households beside persons registered).
_UNTABULATED = {"households"}


def _keep(f: Figure) -> bool:
    if f.kind not in ("count", "pct", "money") or f.bound is not None:
        return False
    if f.approx:
        return True
    if f.indicator is None or f.kind == "money":
        return False
    return f.measure not in _UNTABULATED


def narrative_figures(doc: Document) -> list[NarrativeFigure]:
    out: list[NarrativeFigure] = []
    third = [s for s in doc.root.children if s.canonical == "third_party"]
    approx_only = [b for s in third for sec in s.walk() for b in sec.blocks]
    scoped = _narrative_scopes(doc)
    covered = {id(b) for _, blocks in scoped for b in blocks}
    plan = [*scoped, (None, [b for b in approx_only if id(b) not in covered])]
    for scope, blocks in plan:
        for block in blocks:
            for f in figures_of(block.text):
                if not _keep(f):
                    continue
                if id(block) not in covered and not f.approx:
                    continue
                linked = f.indicator is not None and f.kind != "money"
                kind = "pct" if f.kind == "pct" else ("done" if linked else "other")
                out.append(
                    NarrativeFigure(
                        indicator=f.indicator if linked else None,
                        measure=f.measure if linked else None,
                        kind=kind,
                        value=f.value,
                        printed=f.printed,
                        unit=f.unit,
                        scope=scope,
                        approx=f.approx,
                        sentence=_sentence(block.text, f.start),
                        prov=block.provenance(f.start, f.end),
                    )
                )
    return out


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    ends = [i for ch in "。；;" if (i := text.find(ch, pos)) >= 0]
    return text[start : (min(ends) + 1 if ends else len(text))].strip()


def _dedupe(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """A column repeated in each part of a wide table (投入社工人数) is one fact."""
    seen: set[tuple[str, str | None, str, str, str]] = set()
    out: list[IndicatorRow] = []
    for r in rows:
        key = (
            r.table,
            r.area,
            r.indicator,
            r.measure,
            "|".join(c.printed if c else "" for c in (r.target, r.done, r.pct)),
        )
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def extract_indicators(doc: Document) -> Indicators:
    rows: list[IndicatorRow] = []
    for t in doc.tables:
        if _is_indicator_table(t):
            rows.extend(table_rows(t))
    rows = _dedupe(rows)
    return Indicators(rows=rows, narrative=narrative_figures(doc))
