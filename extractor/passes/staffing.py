"""Staffing: the narrative head counts and rates of the 项目管理 section, all as
printed, plus the 附件2 roster (read by `passes/roster.py`).

Narrative wordings live in models/patterns/staffing.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.knowledge import Profile, StaffingPatterns, scope_vocab, staffing_patterns
from extractor.knowledge.loader import compiled
from extractor.numbers import chinese_numeral, parse_number
from extractor.passes.indicators import _appendix_of
from extractor.passes.roster import is_roster, read_roster
from extractor.passes.tables.consistency import judged_apart
from extractor.passes.tables.labels import squash
from extractor.passes.text import Hit, first
from extractor.records import Number, Staffing, StaffingTableRead


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
    got = staffing_table(tables, patterns)
    return got[0] if got is not None else {}


# The relations a staffing table's lines allow recomputing, as (sum, parts) by field: the
# ones `checks.staffing.staffing_subcount` recomputes from the head counts.
SUBCOUNTS = (
    ("total_count", ("certified_count", "uncertified_count")),
    ("certified_count", ("mid_level_count", "assistant_level_count")),
)
Slot = tuple[int, int]  # (body line, column) of a figure in the table


def staffing_table(
    tables: Iterable[Table], patterns: StaffingPatterns | None = None
) -> tuple[dict[str, Number], StaffingTableRead] | None:
    """`table_figures` with the read's self-consistency (`StaffingTableRead`)."""
    pats = patterns or staffing_patterns()
    if not pats.table_columns or pats.table_label is None:
        return None
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
        body = [r for r in t.body() if r and r[0] is not None]
        rows = [i for i, r in enumerate(body) if (c0 := r[0]) and squash(c0.text) in totals]
        if not rows:
            continue
        out: dict[str, Number] = {}
        for name, at in cols.items():
            cell = body[rows[-1]][at[0]] if len(at) == 1 and at[0] < len(body[rows[-1]]) else None
            text = cell.text.strip() if cell is not None else ""
            if cell is not None and text.isdigit():
                out[name] = Number(value=float(text), printed=text, prov=cell.provenance())
        if len(out) >= 2:
            fields = {name: at[0] for name, at in cols.items() if len(at) == 1}
            return out, _judged(t, body, rows[-1], fields, sorted(out))
    return None


def month_table(
    tables: Iterable[Table], patterns: StaffingPatterns | None = None
) -> tuple[dict[str, Number], StaffingTableRead] | None:
    """Head counts printed month by month (类别 │ 1月 … 12月 │ 月均 over one row per count:
    持证社工 / 其中：中级社工师 / 未持证社工 / 合计): each row `table_columns` names, its
    figure in the LAST month's column (the period's end; the months before it may be
    lower after a resignation, the 月均 is an average and no count). Read only when every
    column after the label is a month, consecutive and in order, or a `month_other`
    column, each row names one field and each field one row, and two or more fields
    have a whole number there; the read's relations (合计 = 持证 + 未持证, 持证 = 中级 +
    助理 where printed) are judged for every month, as `_judged` does a staffing table's."""
    pats = patterns or staffing_patterns()
    if not pats.table_columns or pats.month_column is None:
        return None
    month_rx = compiled(pats.month_column)
    other_rx = compiled(pats.month_other) if pats.month_other else None
    for t in tables:
        if not t.columns or not t.header_rows or is_roster(t) or t.n_cols < 3:
            continue
        months: list[tuple[int, int]] = []  # (month, column)
        plain = True
        for c, path in enumerate(t.columns[1:], start=1):
            header = squash("/".join(x for x in path if x))
            m = month_rx.search(header)
            if m is not None:
                months.append((int(m.group("month")), c))
            elif other_rx is None or not other_rx.search(header):
                plain = False
                break
        numbers = [n for n, _ in months]
        if not plain or len(months) < 2 or numbers != list(range(numbers[0], numbers[-1] + 1)):
            continue
        body = [r for r in t.body() if r and r[0] is not None]
        rows = _field_rows(body, pats)
        if rows is None:
            continue
        last = months[-1][1]
        out: dict[str, Number] = {}
        for name, i in rows.items():
            cell = body[i][last] if last < len(body[i]) else None
            text = cell.text.strip() if cell is not None else ""
            if cell is not None and cell.col == last and text.isdigit():
                out[name] = Number(value=float(text), printed=text, prov=cell.provenance())
        if len(out) >= 2:
            return out, _judged_by_month(t, body, [c for _, c in months], rows, sorted(out))
    return None


def _field_rows(
    body: list[list[TableCell | None]], pats: StaffingPatterns
) -> dict[str, int] | None:
    """The body line of each field a head-count table's rows name by `table_columns`
    (after `month_row_prefix`, 其中：); None when a field names two lines."""
    prefix_rx = compiled(pats.month_row_prefix) if pats.month_row_prefix else None
    rows: dict[str, int] = {}
    for i, r in enumerate(body):
        label = squash(r[0].text if r[0] is not None else "")
        if prefix_rx is not None:
            label = prefix_rx.sub("", label)
        named = [f for f, rx in pats.table_columns.items() if compiled(rx).search(label)]
        if len(named) == 1:
            if named[0] in rows:
                return None
            rows[named[0]] = i
    return rows


def _whole(body: list[list[TableCell | None]], line: int | None, col: int) -> int | None:
    """The whole number in a body line's cell of column `col` (not a cell merged into it)."""
    row = body[line] if line is not None else []
    cell = row[col] if col < len(row) else None
    text = cell.text.strip() if cell is not None and cell.col == col else ""
    return int(text) if text.isdigit() else None


def _count_at(body: list[list[TableCell | None]], line: int, col: int) -> Number:
    """The whole number `_whole` found in a body line's cell, as printed there."""
    cell = body[line][col]
    assert cell is not None
    text = cell.text.strip()
    return Number(value=float(text), printed=text, prov=cell.provenance())


def _column_relations(
    body: list[list[TableCell | None]], columns: list[int], rows: dict[str, int]
) -> list[tuple[bool, set[Slot]]]:
    """The sub-count relations (`SUBCOUNTS`) of a table with one line per field, in each
    of `columns`."""
    relations: list[tuple[bool, set[Slot]]] = []
    for col in columns:
        for whole, parts in SUBCOUNTS:
            vals = [_whole(body, rows.get(f), col) for f in (whole, *parts)]
            if all(v is not None for v in vals):
                held = vals[0] == sum(v for v in vals[1:] if v is not None)
                relations.append((held, {(rows[f], col) for f in (whole, *parts)}))
    return relations


def _judged_by_month(
    t: Table,
    body: list[list[TableCell | None]],
    months: list[int],
    rows: dict[str, int],
    taken: list[str],
) -> StaffingTableRead:
    """A month-by-month staffing table's relations (`SUBCOUNTS`) in each month's column:
    trusted unless the relations that fail share no figure (`_judged`)."""
    return _read_of(t, len(body), _column_relations(body, months, rows), taken)


MOVEMENTS = ("start", "hired", "left", "end")


def _adds_up(line: list[int | None]) -> bool:
    """A movement line's four figures printed, 期初 ＋ 入职 － 离职 ＝ 期末."""
    start, hired, left, end = line
    if start is None or hired is None or left is None or end is None:
        return False
    return start + hired - left == end


def movement_table(
    tables: Iterable[Table], patterns: StaffingPatterns | None = None
) -> tuple[dict[str, Number], StaffingTableRead] | None:
    """Head counts printed only as their MOVEMENT over the period (类别 │ 期初人数 │ 本期入职
    │ 本期离职 │ 期末人数 over one line per count: 持证社工 / 其中：中级社工师 / 其中：助理社工师
    / 未持证社工 / 合计, each line 期初 ＋ 入职 － 离职 ＝ 期末): each line `table_columns`
    names gives its count from the 期末 column (the period's end, never the 期初), and
    the 合计 line gives `new_hires` and `resigned_early` from its 入职 and 离职. Read only
    when the columns after the label are the four `movement_columns`, one each, each
    line names one field and each field one line, and EVERY named line has its four
    whole numbers with 期初 ＋ 入职 － 离职 ＝ 期末: a line that does not add up means the
    columns are not what they seem, and the table is left unread (no figure, so no
    finding). The sub-count relations are then judged in each column, as `_judged`."""
    pats = patterns or staffing_patterns()
    if not pats.table_columns or set(pats.movement_columns) != set(MOVEMENTS):
        return None
    for t in tables:
        if not t.columns or not t.header_rows or is_roster(t) or t.n_cols != 5:
            continue
        cols: dict[str, int] = {}
        for c, path in enumerate(t.columns[1:], start=1):
            header = squash("/".join(x for x in path if x))
            named = [k for k, rx in pats.movement_columns.items() if compiled(rx).search(header)]
            if len(named) == 1 and named[0] not in cols:
                cols[named[0]] = c
        if len(cols) != len(MOVEMENTS):
            continue
        body = [r for r in t.body() if r and r[0] is not None]
        rows = _field_rows(body, pats)
        if not rows or len(rows) < 2:
            continue
        if not all(_adds_up([_whole(body, i, cols[k]) for k in MOVEMENTS]) for i in rows.values()):
            return None
        relations = [(True, {(i, cols[k]) for k in MOVEMENTS}) for i in rows.values()]
        relations += _column_relations(body, [cols[k] for k in MOVEMENTS], rows)
        out = {name: _count_at(body, i, cols["end"]) for name, i in rows.items()}
        total = rows.get("total_count")
        if total is not None:
            out["new_hires"] = _count_at(body, total, cols["hired"])
            out["resigned_early"] = _count_at(body, total, cols["left"])
        return out, _read_of(t, len(body), relations, sorted(out))
    return None


def _judged(
    t: Table, body: list[list[TableCell | None]], total: int, cols: dict[str, int], taken: list[str]
) -> StaffingTableRead:
    """The read's relations: each line's sub-counts (`SUBCOUNTS`), and each column's 合计
    line against the lines above it. It is trusted unless the relations that fail share
    no figure — a published slip moves one figure and breaks only relations through it;
    a line or column read off breaks relations apart."""

    def value(line: int, field: str) -> int | None:
        row = body[line]
        c = cols.get(field)
        cell = row[c] if c is not None and c < len(row) else None
        text = cell.text.strip() if cell is not None else ""
        return int(text) if text.isdigit() else None

    relations: list[tuple[bool, set[Slot]]] = []
    lines = range(total + 1)
    for line in lines:
        for whole, parts in SUBCOUNTS:
            vals = [value(line, f) for f in (whole, *parts)]
            if all(v is not None for v in vals):
                held = vals[0] == sum(v for v in vals[1:] if v is not None)
                relations.append((held, {(line, cols[f]) for f in (whole, *parts)}))
    above = [line for line in lines if line != total]
    for field, c in cols.items():
        vals = [value(line, field) for line in above]
        printed = value(total, field)
        if above and printed is not None and all(v is not None for v in vals):
            held = printed == sum(v for v in vals if v is not None)
            relations.append((held, {(line, c) for line in lines}))
    return _read_of(t, total + 1, relations, taken)


def _read_of(
    t: Table, rows: int, relations: list[tuple[bool, set[Slot]]], taken: list[str]
) -> StaffingTableRead:
    """A staffing table's read from its relations: trusted unless the relations that
    fail share no figure (a published slip moves one figure and breaks only relations
    through it; a line or column read off breaks relations apart)."""
    return StaffingTableRead(
        table=_appendix_of(t) or t.caption.strip(),
        caption=t.caption,
        pages=list(t.pages),
        rows=rows,
        **judged_apart(relations),
        fields=taken,
    )


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
    table = staffing_table(doc.tables) or month_table(doc.tables) or movement_table(doc.tables)
    read: StaffingTableRead | None = None
    if table is not None:
        read = table[1]
        read.fields = [name for name in read.fields if name not in figures]
        for name, number in table[0].items():
            figures.setdefault(name, number)
    staffing = Staffing(**figures)
    if read is not None and read.fields:
        staffing.table_read = read
    rows, totals, rate = read_roster(doc.tables)
    staffing.roster, staffing.roster_totals, staffing.roster_retention_rate = rows, totals, rate
    return staffing
