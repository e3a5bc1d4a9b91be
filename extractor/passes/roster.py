"""The 附件2 staff roster: one row per person, group subtotals (持证 / 非持证), monthly
totals and 稳岗率, all as printed.

Read by its header paths and its own structure (小计 rows close a group, a 总计 row
closes the roster), never by fixed positions; a roster cut over several tables, with or
without a repeated header, reads as one. `checks/roster.py` recomputes what is read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from extractor.document.model import Table, TableCell, union
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


def _find(labels: list[str], key: str, avoid: str | None = None) -> int | None:
    rx, no = re.compile(key), re.compile(avoid) if avoid else None
    for i, label in enumerate(labels):
        if rx.search(label) and not (no and no.search(label)):
            return i
    return None


_TWO_YEARS = r"(?<!\d)(?:2|两|二)年"
_MONTH = re.compile(r"\d{1,2}\s*月$")


def _columns(table: Table) -> _Columns:
    paths = list(table.columns)
    # A group label row right under the header ("持证社工" across the table) ends every path.
    tails = {p[-1] for p in paths if p}
    group_label = tails.pop() if len(tails) == 1 and all(paths) else None
    if group_label is not None and "持证" in group_label:
        paths = [p[:-1] for p in paths]
    else:
        group_label = None
    labels = ["".join(p) for p in paths]
    marks: list[int] = []
    keys: set[tuple[str, ...]] = set()
    for i, p in enumerate(paths):
        at = next((k for k, e in enumerate(p) if "人员到位" in e), None)
        if at is not None:
            marks.append(i)
            keys.add(p[:at])
    months = [
        i for i, p in enumerate(paths) if any(p[: len(k)] == k and len(p) > len(k) for k in keys)
    ]
    if not marks:  # one column per month, no 人员到位 sub-header
        months = [i for i, p in enumerate(paths) if p and _MONTH.search(p[0])]
        firsts = {paths[i][0]: i for i in reversed(months)}
        marks = sorted(firsts.values())
    return _Columns(
        kind=_find(labels, "类型|类别"),
        seq=_find(labels, "序号"),
        name=_find(labels, "姓名"),
        position=_find(labels, "职位|职务|岗位", avoid="资格|资质|到岗|在岗"),
        qualification=_find(labels, "资格|资质"),
        contract=_find(labels, "合同"),
        experienced=_find(labels, _TWO_YEARS),
        on_post=_find(labels, "到岗小计|在岗小计|到岗人次", avoid=_TWO_YEARS),
        note=_find(labels, "备注"),
        marks=marks,
        months=months,
        group_label=group_label,
    )


def is_roster(table: Table) -> bool:
    """A staff roster: per-month 人员到位 columns, or 序号 and 姓名 in the header."""
    if any("人员到位" in e for p in table.columns for e in p):
        return True
    header = {c.text for c in table.cells if c.row < table.header_rows}
    flat = {"".join(p) for p in table.columns}
    return any("姓名" in t for t in header | flat) and any("序号" in t for t in header | flat)


def _cover(table: Table) -> list[list[TableCell | None]]:
    """For every grid position, the cell that covers it (spans resolved both ways)."""
    g: list[list[TableCell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        for r in range(c.row, min(c.row + c.rowspan, table.n_rows)):
            for k in range(c.col, min(c.col + c.colspan, table.n_cols)):
                g[r][k] = c
    return g


# A note in the 备注 cell starts with a date; wrapped lines are joined without a break.
_NOTE_START = re.compile(r"(?<=[^\s至到\-—~～、])(?=(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月)")


def split_notes(text: str) -> str | None:
    """Several notes in one cell, one per line ("…购买2024年6月16日考取…" → two lines)."""
    parts = [p.strip() for p in _NOTE_START.split(text.strip()) if p.strip()]
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
            name = _text(at[cols.name]) if cols.name is not None else None
            if seq is not None and name:
                self._person(cols, at, own, seq, name)
                last_person = r
                continue
            label = "".join(c.text for c in own if c.col < first_data)
            if last_person == r - 1 and self._continues(cols, own, label):
                last_person = r
                continue
            last_person = -2
            if "稳岗率" in label:
                self._retention(cols, own, first_data, label)
            elif "有效人次" in label:
                self._monthly(cols, at, label)
            elif "总计" in label or "合计" in label:
                self._subtotal("all", cols, at, own)
            elif "小计" in label:
                scope: Scope = (
                    self.state.last_group or ("certified", "uncertified")[min(self.state.block, 1)]
                )
                self._subtotal(scope, cols, at, own)
                self.state.block += 1
                self.state.label = self.state.last_group = None
            elif (group := _group_of(label)) is not None:
                self.state.label = group

    def _group(self, cols: _Columns, at: list[TableCell | None]) -> Group:
        kind = _text(at[cols.kind]) if cols.kind is not None else None
        if kind and (group := _group_of(kind)) is not None:
            return group
        if self.state.label is not None:
            return self.state.label
        if self.state.block < 2:
            return ("certified", "uncertified")[self.state.block]
        qual = _text(at[cols.qualification]) if cols.qualification is not None else ""
        return "uncertified" if qual and ("已接受" in qual or "培训" in qual) else "certified"

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
        if any(k in label for k in ("小计", "总计", "合计", "稳岗率", "有效人次")):
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
        rec.on_post = _cell_number(at[cols.on_post]) if cols.on_post is not None else None
        rec.experienced = (
            _cell_number(at[cols.experienced]) if cols.experienced is not None else None
        )
        rec.prov = _row_prov(own)
        self.state.last_scope = scope

    def _monthly(self, cols: _Columns, at: list[TableCell | None], label: str) -> None:
        scope = self.state.last_scope
        if scope is None:
            scope = "uncertified" if "非持证" in label else "certified"
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


def _group_of(label: str) -> Group | None:
    """持证社工 / 非持证社工 as a group label (not a 小计 or 有效人次 line)."""
    if "非持证" in label:
        return "uncertified"
    return "certified" if "持证" in label else None


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
    return not any(k in header for k in ("序号", "姓名", "指标", "协议", "完成"))


def read_roster(
    tables: Iterable[Table],
) -> tuple[list[RosterRow], list[RosterTotals], Number | None]:
    """Rows, subtotals (certified, uncertified, all — as printed) and 稳岗率 of the roster."""
    reader = _RosterReader()
    previous: tuple[Table, _Columns] | None = None
    for t in tables:
        if is_roster(t):
            previous = (t, _columns(t))
            reader.read(t)
        elif previous is not None and _continues_table(previous[0], t):
            # a roster cut at a full-width row ("非持证社工") reads as a headless table
            reader.read(t, previous[1])
            previous = (t, previous[1])
        else:
            previous = None
    order: tuple[Scope, ...] = ("certified", "uncertified", "all")
    totals = [reader.totals[s] for s in order if s in reader.totals]
    return reader.rows, totals, reader.retention
