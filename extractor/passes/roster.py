"""The 附件2 staff roster: one row per person, group subtotals (持证 / 非持证), monthly
totals and 稳岗率, all as printed.

Read by its header paths and its own structure (小计 rows close a group, a 总计 row
closes the roster), never by fixed positions; a roster cut over several tables, with or
without a repeated header, reads as one. Its words (column headings, row labels, group
names) are data in models/vocab/roster.yaml. `checks/roster.py` recomputes what is read
here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from extractor.document.model import Table, TableCell, union
from extractor.knowledge.loader import compiled
from extractor.knowledge.vocab import roster_vocab
from extractor.numbers import parse_number
from extractor.records import Number, Provenance, RosterRow, RosterTotals

Group = Literal["certified", "uncertified"]
Scope = Literal["certified", "uncertified", "all"]


@dataclass(slots=True)
class _Columns:
    """Grid columns of a roster table, found by header path."""

    kind: int | None
    seq: int | None
    name: int | None
    position: int | None
    qualification: int | None
    contract: int | None
    on_post: int | None
    experienced: int | None
    note: int | None
    marks: list[int]  # the 人员到位 column of each month
    months: list[int]  # every column of every month, in order
    group_label: str | None  # a 持证社工 row the header swallowed (first group's label)
    # Mark columns under one certificate header (持证情况 › 助理社会工作师 │ 社会工作师).
    certificates: list[int] = field(default_factory=list)


def _columns(table: Table) -> _Columns:
    words = roster_vocab()
    paths = list(table.columns)
    # A group label row right under the header ("持证社工" across the table) ends every path.
    tails = {p[-1] for p in paths if p}
    group_label = tails.pop() if len(tails) == 1 and all(paths) else None
    if group_label is not None and _group_of(group_label) is not None:
        paths = [p[:-1] for p in paths]
    else:
        group_label = None
    labels = ["".join(p) for p in paths]
    marks: list[int] = []
    keys: set[tuple[str, ...]] = set()
    for i, p in enumerate(paths):
        at = next((k for k, e in enumerate(p) if words.has("month_mark", e)), None)
        if at is not None:
            marks.append(i)
            keys.add(p[:at])
    months = [
        i for i, p in enumerate(paths) if any(p[: len(k)] == k and len(p) > len(k) for k in keys)
    ]
    if not marks:  # one column per month, no 人员到位 sub-header
        # the month may sit under a group header (到岗情况 › 1月): its path up to the month
        heads = {
            i: p[: at + 1]
            for i, p in enumerate(paths)
            if (at := next((k for k, e in enumerate(p) if words.has("month_header", e)), None))
            is not None
        }
        months = sorted(heads)
        firsts = {heads[i]: i for i in reversed(months)}
        marks = sorted(firsts.values())
    c = words.columns
    return _Columns(
        kind=c.kind.find(labels),
        seq=c.seq.find(labels),
        name=c.name.find(labels),
        position=c.position.find(labels),
        qualification=c.qualification.find(labels),
        contract=c.contract.find(labels),
        experienced=c.experienced.find(labels),
        on_post=c.on_post.find(labels),
        note=c.note.find(labels),
        marks=marks,
        months=months,
        group_label=group_label,
        certificates=[
            i
            for i, p in enumerate(paths)
            if len(p) > 1 and c.certificate_marks.find([p[0]]) is not None and i not in months
        ],
    )


def _marked(cell: TableCell | None) -> bool:
    text = _text(cell) or ""
    return bool(text) and not roster_vocab().has("uncertified_qualification", text)


def is_team(table: Table) -> bool:
    """The evaluation team's own table (序号 │ 姓名 │ 职务/职称 │ 评估分工 under 表1 评估组成员):
    the assessors, not the station's staff, so no roster however like one its header is.
    Its caption or innermost heading names the team, or a column heads the assessors'
    work (models/vocab/roster.yaml `team_title`, `team_header`)."""
    words = roster_vocab()
    titles = [table.caption, table.section[-1] if table.section else ""]
    if any(t and words.has("team_title", t) for t in titles):
        return True
    return any(words.has("team_header", "".join(p)) for p in table.columns)


def is_roster(table: Table) -> bool:
    """A staff roster: per-month 人员到位 columns, 序号 and 姓名 in the header, or 姓名
    beside columns of one month each (models/vocab/roster.yaml `month_mark`,
    `table_header`, `month_table_header`) — and not the evaluation team (`is_team`)."""
    words = roster_vocab()
    if is_team(table):
        return False
    if any(words.has("month_mark", e) for p in table.columns for e in p):
        return True
    texts = {c.text for c in table.cells if c.row < table.header_rows} | {
        "".join(p) for p in table.columns
    }
    if all(any(w in t for t in texts) for w in words.table_header):
        return True
    months = sum(any(words.has("month_header", e) for e in p) for p in table.columns)
    return months >= words.month_columns and all(
        any(w in t for t in texts) for w in words.month_table_header
    )


def _cover(table: Table) -> list[list[TableCell | None]]:
    """For every grid position, the cell that covers it (spans resolved both ways)."""
    g: list[list[TableCell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        for r in range(c.row, min(c.row + c.rowspan, table.n_rows)):
            for k in range(c.col, min(c.col + c.colspan, table.n_cols)):
                g[r][k] = c
    return g


def split_notes(text: str) -> str | None:
    """Several notes in one cell, one per line ("…购买2024年6月16日考取…" → two lines):
    wrapped lines are joined without a break, so a note is found where a date starts."""
    start = compiled(roster_vocab().note_start)
    parts = [p.strip() for p in start.split(text.strip()) if p.strip()]
    return "\n".join(parts) or None


def _cell_number(cell: TableCell | None) -> Number | None:
    if cell is None or not cell.text.strip():
        return None
    try:
        value = parse_number(cell.text.strip().rstrip("%％"))
    except ValueError:
        return None
    unit = "%" if cell.text.strip()[-1] in "%％" else None
    return Number(value=value, printed=cell.text.strip(), unit=unit, prov=cell.provenance())


def _row_prov(cells: list[TableCell]) -> Provenance | None:
    """The row's box: its own cells, leaving out a label spanning rows below (类型, 总计)."""
    if not cells:
        return None
    text = " ".join(c.text for c in cells if c.text)
    cells = [c for c in cells if c.rowspan == 1] or cells
    page = cells[0].page
    box = union([c.bbox for c in cells if c.page == page])
    x0, top, x1, bottom = (round(v, 1) for v in box)
    return Provenance(page=page, bbox=(x0, top, x1, bottom), text=text)


@dataclass(slots=True)
class _RosterState:
    """Carried across tables, so a roster split over several tables stays one roster."""

    block: int = 0  # how many 小计 rows have closed a group
    label: Group | None = None  # from a group label row ("非持证社工" across the table)
    last_group: Group | None = None
    last_scope: Scope | None = None
    # The roster has 小计 lines or group label rows: groups come from its structure;
    # a plain staff list (序号 | 姓名 | 岗位 | 资质) gives each person's by qualification.
    structured: bool = False


class _RosterReader:
    def __init__(self) -> None:
        self.rows: list[RosterRow] = []
        self.totals: dict[Scope, RosterTotals] = {}
        self.retention: Number | None = None
        self.state = _RosterState()

    def read(self, table: Table, cols: _Columns | None = None) -> None:
        """Read one table; `cols` from the table before when this one continues it headless."""
        first_row = 0 if cols is not None else table.header_rows
        cols = cols or _columns(table)
        cover = _cover(table)
        if cols.group_label is not None and first_row:
            self.state.label = _group_of(cols.group_label)
        first_data = min([*cols.months, table.n_cols])
        if not self.state.structured:
            self.state.structured = _structured(table, first_data) or bool(cols.months)
        anchored: dict[int, list[TableCell]] = {}
        for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
            anchored.setdefault(c.row, []).append(c)
        last_person = -2
        for r in range(first_row, table.n_rows):
            own = anchored.get(r, [])
            if not own:
                continue
            at = cover[r]
            seq_cell = at[cols.seq] if cols.seq is not None else None
            seq = _int(seq_cell) if seq_cell is not None and seq_cell.row == r else None
            name_cell = at[cols.name] if cols.name is not None else None
            name = _text(name_cell)
            if seq is None and cols.seq is None and self._unnumbered(name_cell, r):
                seq = len(self.rows) + 1  # no 序号 printed: the row's place in the roster
            if seq is not None and name:
                self._person(cols, at, own, seq, name)
                last_person = r
                continue
            label = "".join(c.text for c in own if c.col < first_data)
            if last_person == r - 1 and self._continues(cols, own, label):
                last_person = r
                continue
            last_person = -2
            rows = roster_vocab().rows
            if _search(rows.retention, label):
                self._retention(cols, own, first_data, label)
            elif _search(rows.monthly, label):
                self._monthly(cols, at, label)
            elif _search(rows.total, label):
                self._subtotal("all", cols, at, own)
            elif _search(rows.subtotal, label):
                scope: Scope = (
                    self.state.last_group or ("certified", "uncertified")[min(self.state.block, 1)]
                )
                self._subtotal(scope, cols, at, own)
                self.state.block += 1
                self.state.label = self.state.last_group = None
            elif (group := _group_of(label)) is not None:
                self.state.label = group

    @staticmethod
    def _unnumbered(cell: TableCell | None, r: int) -> bool:
        """A person's row of a roster that prints no 序号: a name of its own in the 姓名
        column (not a cell spanning down from above, not a 小计 / 合计 line's label nor a
        group label such as 持证社工)."""
        name = _text(cell)
        if cell is None or name is None or cell.row != r:
            return False
        return not roster_vocab().rows.any(name) and _group_of(name) is None

    def _group(self, cols: _Columns, at: list[TableCell | None]) -> Group:
        kind = _text(at[cols.kind]) if cols.kind is not None else None
        if kind and (group := _group_of(kind)) is not None:
            return group
        if self.state.label is not None:
            return self.state.label
        if cols.certificates and not self.state.structured:
            # A plain list marking each certificate held: marked is certified.
            held = any(_marked(at[i]) for i in cols.certificates)
            return "certified" if held else "uncertified"
        qual = _text(at[cols.qualification]) if cols.qualification is not None else ""
        if qual and roster_vocab().has("uncertified_qualification", qual):
            return "uncertified"  # 无 as the qualification, whatever the layout
        if self.state.block < 2 and (self.state.structured or not qual):
            return ("certified", "uncertified")[self.state.block]
        uncertified = qual and roster_vocab().has("uncertified_qualification", qual)
        return "uncertified" if uncertified else "certified"

    def _person(
        self,
        cols: _Columns,
        at: list[TableCell | None],
        own: list[TableCell],
        seq: int,
        name: str,
    ) -> None:
        group = self._group(cols, at)
        self.state.last_group = group
        note = _text(at[cols.note]) if cols.note is not None else None
        self.rows.append(
            RosterRow(
                group=group,
                seq=seq,
                name=name,
                position=_text(at[cols.position]) if cols.position is not None else None,
                qualification=(
                    _text(at[cols.qualification]) if cols.qualification is not None else None
                ),
                contract=_text(at[cols.contract]) if cols.contract is not None else None,
                marks=[_text(at[c]) or "" for c in cols.marks],
                on_post=_cell_number(at[cols.on_post]) if cols.on_post is not None else None,
                experienced=(
                    _cell_number(at[cols.experienced]) if cols.experienced is not None else None
                ),
                note=split_notes(note) if note else None,
                prov=_row_prov(own),
            )
        )

    def _continues(self, cols: _Columns, own: list[TableCell], label: str) -> bool:
        """A wrapped line of the row above, which an unruled table may give its own grid row
        ("2015.09.01-" / "2024.11.29"): only text columns filled, no seq, no name."""
        text_cols = {cols.position, cols.qualification, cols.contract, cols.note} - {None}
        filled = [c for c in own if c.text.strip()]
        if not filled or not self.rows or any(c.col not in text_cols for c in filled):
            return False
        if roster_vocab().rows.any(label):
            return False
        row = self.rows[-1]
        for c in filled:
            t = c.text.strip()
            if c.col == cols.position:
                row.position = (row.position or "") + t
            elif c.col == cols.qualification:
                row.qualification = (row.qualification or "") + t
            elif c.col == cols.contract:
                row.contract = (row.contract or "") + t
            elif c.col == cols.note:
                row.note = split_notes((row.note or "").replace("\n", "") + t)
        if row.prov is not None and row.prov.bbox is not None:
            same = [c.bbox for c in filled if c.page == row.prov.page]
            if same:
                x0, top, x1, bottom = (round(v, 1) for v in union([row.prov.bbox, *same]))
                row.prov.bbox = (x0, top, x1, bottom)
            row.prov.text = " ".join([row.prov.text, *(c.text for c in filled)])
        return True

    def _record(self, scope: Scope) -> RosterTotals:
        if scope not in self.totals:
            self.totals[scope] = RosterTotals(scope=scope)
        return self.totals[scope]

    def _subtotal(
        self, scope: Scope, cols: _Columns, at: list[TableCell | None], own: list[TableCell]
    ) -> None:
        rec = self._record(scope)
        rec.cells = [_text(at[c]) or "" for c in cols.months]
        if cols.months and cols.months == cols.marks and not rec.monthly:
            # one column per month: the line's month cells are its monthly counts
            counts = [_cell_number(at[c]) for c in cols.months]
            if all(n is not None and n.unit is None for n in counts):
                rec.monthly = [n.value for n in counts if n is not None]
        rec.on_post = _cell_number(at[cols.on_post]) if cols.on_post is not None else None
        rec.experienced = (
            _cell_number(at[cols.experienced]) if cols.experienced is not None else None
        )
        rec.prov = _row_prov(own)
        self.state.last_scope = scope

    def _monthly(self, cols: _Columns, at: list[TableCell | None], label: str) -> None:
        scope = self.state.last_scope
        if scope is None:
            scope = _group_of(label) or "certified"
        # A month's figure may stand under any of its three columns (centred in a
        # three-line table): take the first number among them.
        bounds = [*cols.marks[1:], cols.marks[-1] + 3] if cols.marks else []
        values = [
            next((n for k in range(c, min(b, c + 3, len(at))) if (n := _cell_number(at[k]))), None)
            for c, b in zip(cols.marks, bounds, strict=True)
        ]
        rec = self._record(scope)
        # positions are months: a blank or unreadable month would shift every later one
        rec.monthly = [v.value for v in values if v is not None] if all(values) else []
        if rec.prov is None:
            rec.prov = _row_prov([c for c in at if c is not None])

    def _retention(self, cols: _Columns, own: list[TableCell], first_data: int, label: str) -> None:
        for c in own:
            if c.col >= first_data and (n := _cell_number(c)) is not None:
                self.retention = n
                return
        if m := re.search(r"(\d+(?:\.\d+)?)\s*[%％]", label.split("）")[-1]):
            cell = own[-1]
            self.retention = Number(
                value=parse_number(m.group(1)),
                printed=m.group(0),
                unit="%",
                prov=cell.provenance(),
            )


def _search(pattern: str, text: str) -> bool:
    return compiled(pattern).search(text) is not None


def _structured(table: Table, first_data: int) -> bool:
    """Some row of the table is a 小计 / 总计 line or a group label (持证社工)."""
    rows = roster_vocab().rows
    for r in range(table.header_rows, table.n_rows):
        label = "".join(c.text for c in table.cells if c.row == r and c.col < first_data)
        if _search(rows.subtotal, label) or _search(rows.total, label) or _group_of(label):
            return True
    return False


def _group_of(label: str) -> Group | None:
    """持证社工 / 非持证社工 as a group label (not a 小计 or 有效人次 line)."""
    groups = roster_vocab().groups
    if _search(groups.uncertified, label):
        return "uncertified"
    return "certified" if _search(groups.certified, label) else None


def _text(cell: TableCell | None) -> str | None:
    if cell is None:
        return None
    t = cell.text.strip()
    return t or None


def _int(cell: TableCell | None) -> int | None:
    t = _text(cell)
    if t is None:
        return None
    t = t.rstrip(".、")
    return int(t) if t.isdigit() else None


def _continues_table(before: Table, table: Table) -> bool:
    """Same grid width, on the same or the next page, and nothing in it reads as a header."""
    if table.n_cols != before.n_cols or not table.pages or not before.pages:
        return False
    if not 0 <= table.pages[0] - before.pages[-1] <= 1:
        return False
    header = "".join(c.text for c in table.cells if c.row < table.header_rows)
    return not roster_vocab().has("not_continuation", header)


def halves(table: Table) -> list[Table]:
    """A roster printed in two (or more) halves side by side, the header repeated over
    each (序号 │ 姓名 │ 岗位 │ 持证情况 ‖ 序号 │ 姓名 │ 岗位 │ 持证情况: people 1..k left,
    k+1..n right), as one table per half, left first, so the people come in their order;
    a cell spanning two halves belongs to neither. Any other table: itself."""
    paths = list(table.columns)
    for k in (2, 3):
        width, rest = divmod(table.n_cols, k)
        if rest or width < 2 or table.header_rows < 1:
            continue
        parts = [paths[i * width : (i + 1) * width] for i in range(k)]
        if any(p != parts[0] for p in parts[1:]) or not all(parts[0]):
            continue
        cols = _columns(replace(table, n_cols=width, columns=parts[0]))
        if cols.seq is None or cols.name is None:
            continue
        return [
            replace(
                table,
                cells=[
                    replace(c, col=c.col - i * width)
                    for c in table.cells
                    if i * width <= c.col and c.col + c.colspan <= (i + 1) * width
                ],
                n_cols=width,
                columns=parts[0],
            )
            for i in range(k)
        ]
    return [table]


def read_roster(
    tables: Iterable[Table],
) -> tuple[list[RosterRow], list[RosterTotals], Number | None]:
    """Rows, subtotals (certified, uncertified, all — as printed) and 稳岗率 of the roster."""
    reader = _RosterReader()
    previous: tuple[Table, _Columns] | None = None
    for t in tables:
        if is_roster(t):
            previous = (t, _columns(t))
            for half in halves(t):
                reader.read(half)
        elif previous is not None and _continues_table(previous[0], t):
            # a roster cut at a full-width row ("非持证社工") reads as a headless table
            reader.read(t, previous[1])
            previous = (t, previous[1])
        else:
            previous = None
    order: tuple[Scope, ...] = ("certified", "uncertified", "all")
    totals = [reader.totals[s] for s in order if s in reader.totals and _holds(reader.totals[s])]
    return reader.rows, totals, reader.retention


def _holds(total: RosterTotals) -> bool:
    """A total line with a figure the checker can recompute: a 合计 that prints only a head
    count (合计 13人 … 13人, under text columns) is no monthly subtotal and is left out."""
    return bool(
        total.monthly
        or any(c.strip() for c in total.cells)
        or total.on_post is not None
        or total.experienced is not None
    )
