"""Indicator figures: every indicator table read by meaning (`passes/tables`), each read
with its self-consistency; the figures printed as text lists under a 片区's or the
total's heading instead of a table (`passes/indicator_lists`), judged the same way; and
the figures the narrative states (`passes/narrative`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from extractor.areas import area_key, area_label
from extractor.document.model import Document, Table, TableCell
from extractor.document.tables import marked_continued
from extractor.knowledge import scope_vocab
from extractor.knowledge.messages import Said, say
from extractor.passes.indicator_lists import list_table_reads, read_lists
from extractor.passes.narrative import narrative_figures
from extractor.passes.tables.consistency import consistency, judged, rate_holds
from extractor.passes.tables.read import Read, read_table
from extractor.printed import exact, parse_printed, rate_agreement
from extractor.records import Cell, IndicatorRow, Indicators, NarrativeFigure, TableRead


def _appendix_of(t: Table) -> str:
    """The label the report gives a table: its appendix (附件1-1) or its own number
    (表3-1, 表二), else the section it stands in."""
    for title in (*t.section, t.caption):
        m = re.match(r"附\s*[件表]\s*(?:\d+(?:\s*[-－—]\s*\d+)?)?", title or "")
        if m:
            return re.sub(r"\s+", "", m.group(0)).replace("－", "-").replace("—", "-")
    m = re.match(
        r"表\s*(?:\d+(?:\s*[-－—.．]\s*\d+)?|[一二三四五六七八九十]{1,3})",
        t.caption or "",
    )
    if m:
        return re.sub(r"\s+", "", m.group(0)).replace("－", "-").replace("—", "-")
    return t.section[0] if t.section else ""


def _continues(t: Table, before: Table, label: str) -> bool:
    """A table with no caption of its own right after another of the same section (the
    next pair of small tables placed side by side, or a table typed as two with the same
    header) is part of the one before, when that one has a label of its own."""
    if t.caption.strip() or label == _appendix_of(t):
        return False
    if before.section != t.section or not before.pages or not t.pages:
        return False
    return 0 <= t.pages[0] - before.pages[-1] <= 1


def known_areas(doc: Document) -> frozenset[str]:
    """The 片区 the report names in its headings, as `area_key`s, with and without their
    片区 suffix (a table may print 金沙 where the heading says 金沙片区)."""
    out: set[str] = set()
    suffixes = scope_vocab().area_suffixes
    for sec in doc.sections():
        label = area_label(sec.title)
        if label is None:
            continue
        out.add(area_key(label))
        for s in suffixes:
            if label.endswith(s) and len(label) > len(s) + 1:
                out.add(area_key(label[: -len(s)]))
    return frozenset(out)


def _is_indicator_read(got: Read) -> bool:
    """An indicator table names a target or a rate somewhere and most of its figures are
    an indicator's (a roster's 稳岗率 row does not make the roster one)."""
    named = any(r.target is not None or r.pct is not None for r in got.rows)
    return named and got.placed >= 0.5 * got.figures


def _dedupe(rows: list[IndicatorRow]) -> list[IndicatorRow]:
    """A column repeated in each part of a wide table (投入社工人数) is one fact."""
    seen: set[tuple[object, ...]] = set()
    out: list[IndicatorRow] = []
    for r in rows:
        key = (
            r.table,
            r.scope,
            r.area,
            r.post,
            r.indicator,
            r.measure,
            "|".join(c.printed if c else "" for c in (r.target, r.done, r.pct)),
        )
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def extract_indicators(doc: Document) -> Indicators:
    areas = known_areas(doc)
    rows: list[IndicatorRow] = []
    reads: list[TableRead] = []
    unitless: list[IndicatorRow] = []
    prev: tuple[Table, str] | None = None
    got_reads: list[tuple[Table, str, Read]] = []
    own_reads: list[tuple[Table, str, Read]] = []  # indicator tables by themselves
    tabled: set[int] = set()  # the indicator tables (and done tables joined): no narrative
    tables: dict[int, int] = {}  # each read's table (id)
    for t in doc.tables:
        original = id(t)
        label = _appendix_of(t)
        if prev is not None and _continues(t, *prev):
            # read as the part of the table before it: its label and caption
            t, label = replace(t, caption=prev[0].caption), prev[1]
        prev = (t, label)
        got = read_table(t, label, areas)
        indicator = _is_indicator_read(got)
        if indicator:
            tabled.add(original)
            own_reads.append((t, label, got))
        if indicator or is_done_read(got):  # done figures alone: only to join
            got_reads.append((t, label, got))
            tables[id(got)] = original
    beside = _columns_beside(own_reads)
    read_tables: list[tuple[str, list[IndicatorRow], TableRead, list[IndicatorRow]]] = []
    for t, label, got, pages in joined_tables(got_reads):
        tabled.add(tables[id(got)])  # a done table read only for what joined it
        table_rows = _dedupe(got.rows)
        fit = consistency(table_rows)
        # a continuation (续表1 …) not joined to the part it continues: its 合计 and the
        # 片区 it runs on from count rows that are not in this read (a part carrying
        # further indicators of the same rows is whole in its rows)
        apart = marked_continued(t.caption) and id(got) not in beside
        if apart:
            got.doubts.insert(0, say("fragment.continued_apart", caption=t.caption.strip()))
        blind = rates_unrecomputable(table_rows)
        if blind:
            got.doubts.insert(0, say("fragment.rates_unrecomputable", rates=blind))
        ordinal = ordinal_figures(table_rows)
        if ordinal is not None:
            got.doubts.insert(0, say("fragment.ordinal_figures", label=ordinal))
        numbered = ordinal_lines(table_rows)
        if numbered is not None:
            got.doubts.insert(0, say("fragment.ordinal_lines", label=numbered))
        elsewhere = column_elsewhere(t, table_rows)
        if elsewhere is not None:
            got.doubts.insert(0, elsewhere)
        trusted = (
            fit.trusted(len(got.doubts))
            and not got.unsure
            and not apart
            and not blind
            and ordinal is None
            and numbered is None
            and elsewhere is None
        )
        read = judged(label, t.caption, pages, table_rows, fit, trusted, got.doubts)
        own_unitless = [
            r
            for r in table_rows
            if (r.scope or "station", r.area, r.post, r.indicator, r.measure) in got.unitless
        ]
        read_tables.append((t.caption, table_rows, read, own_unitless))
    earlier = earlier_stages([(caption, rs) for caption, rs, _, _ in read_tables])
    for i, (_, table_rows, read, own_unitless) in enumerate(read_tables):
        if i in earlier:
            continue  # an earlier stage's table printed beside this period's: not the report's
        reads.append(read)
        rows.extend(table_rows)
        unitless += own_unitless
    lists = read_lists(doc, areas)
    reads += list_table_reads(lists)
    rows += [r for lr in lists for r in lr.rows]
    # a list's lines are its rows, not figures the narrative states; nor are the cells
    # of an indicator table (a table of sentences is read as narrative)
    figures = narrative_figures(doc, skip={id(b) for lr in lists for b in lr.blocks} | tabled)
    _measured_by_text(unitless, figures)
    rows = _dedupe(rows)
    return Indicators(rows=rows, narrative=_tabulated(figures, rows), reads=reads)


_MONTHS = re.compile(r"(\d{1,2})\s*月?\s*[—–\-－~～至到]+\s*(\d{1,2})\s*月")


def _coverage(rows: list[IndicatorRow]) -> set[tuple[object, ...]]:
    return {(r.scope, area_key(r.area or ""), r.post, r.indicator, r.measure) for r in rows}


def _stance(caption: str) -> str | None:
    """What a caption says of its table's period: "current" (累计, 本期, 全年 …), "earlier"
    (a stage of the period only: 第一季度, 上半年; or 上期 …), or None."""
    text = re.sub(r"\s+", "", caption)
    v = scope_vocab()
    if any(w in text for w in (*v.cumulative_period, *v.current_period, *v.whole_period)):
        return "current"
    if any(re.search(p, text) for p in v.stage_captions) or any(
        w in text for w in v.earlier_period
    ):
        return "earlier"
    return None


def _month_end(caption: str) -> int | None:
    m = _MONTHS.search(caption)
    return int(m.group(2)) if m else None


def earlier_stages(tables: list[tuple[str, list[IndicatorRow]]]) -> set[int]:
    """The tables (indexes) that are an earlier stage's figures printed beside the
    report's own: of tables covering the same scopes and indicators (most of the smaller
    one's), the one whose caption names this period (`_stance` "current") or, failing
    words, whose month range ends last, is the report's and the others are not. When
    nothing tells exactly one apart, none is dropped (the narrative check then compares
    a figure with neither when their cells differ)."""
    out: set[int] = set()
    covers = [_coverage(rs) for _, rs in tables]
    seen: set[int] = set()
    for i in range(len(tables)):
        if i in seen or not covers[i]:
            continue
        group = [i]
        for j in range(i + 1, len(tables)):
            if j in seen or not covers[j]:
                continue
            common = len(covers[i] & covers[j])
            if common * 2 >= min(len(covers[i]), len(covers[j])):
                group.append(j)
        if len(group) < 2:
            continue
        seen.update(group)
        stances = {k: _stance(tables[k][0]) for k in group}
        chosen = [k for k in group if stances[k] == "current"]
        if len(chosen) != 1:
            ends = {k: _month_end(tables[k][0]) for k in group}
            if all(e is not None for e in ends.values()):
                last = max(e for e in ends.values() if e is not None)
                chosen = [k for k in group if ends[k] == last and stances[k] != "earlier"]
        if len(chosen) == 1 and all(
            stances[k] == "earlier"
            or (_month_end(tables[k][0]) or 0) < (_month_end(tables[chosen[0]][0]) or 0)
            for k in group
            if k != chosen[0]
        ):
            out.update(k for k in group if k != chosen[0])
    return out


def _row_labels(rows: list[IndicatorRow]) -> list[tuple[str | None, str | None, str | None]]:
    """The rows a read prints, in order: each scope, 片区 and post once."""
    out: list[tuple[str | None, str | None, str | None]] = []
    for r in rows:
        key = (r.scope, area_key(r.area) if r.area else None, r.post)
        if key not in out:
            out.append(key)
    return out


def _columns_beside(reads: list[tuple[Table, str, Read]]) -> set[int]:
    """Continuations split off column-wise (表2 too wide for its page: 表2（续） on the next
    page repeats the 片区 column and carries the other indicators): the reads (ids) under
    a caption marked continued that print exactly the rows, in order, of an earlier
    part of the same table on the page before or the same page, at least two, and none
    of its indicators. Such a part has its own 合计 over its own rows, so its sums and
    rates are checkable on its own."""
    out: set[int] = set()
    for k, (t, label, got) in enumerate(reads):
        if not marked_continued(t.caption):
            continue
        labels = _row_labels(got.rows)
        measures = {(r.indicator, r.measure) for r in got.rows}
        if len(labels) < 2:
            continue
        for before, blabel, bgot in reads[:k]:
            if (
                blabel == label
                and _near(list(before.pages), list(t.pages))
                and _row_labels(bgot.rows) == labels
                and not measures & {(r.indicator, r.measure) for r in bgot.rows}
            ):
                out.add(id(got))
                break
    return out


def rates_unrecomputable(rows: list[IndicatorRow]) -> int:
    """How many rows print a rate while no row of the table has both a rate and a
    target (0 when some row has, or fewer than two print a rate). A table printing
    rates prints what they divide: reading none of its targets means a column was not
    read as its header says (年度协议量 taken for the done figures, which still add up
    to their 合计), and no rate can show it."""
    rated = [r for r in rows if r.pct is not None and r.pct.value is not None]
    if len(rated) < 2 or any(r.target is not None for r in rated):
        return 0
    return len(rated)


# A 序号 column taken for figures reads 1, 2, 3 … down at least this many rows.
ORDINAL_ROWS = 3


def ordinal_figures(rows: list[IndicatorRow]) -> str | None:
    """The label of an indicator whose target or done figures read 1, 2, 3, … down its
    片区 (or 社工点) rows, in order, while its 合计 is not their sum: a 序号 column taken
    for figures (its cells count the rows, they measure nothing), which the rates of the
    other indicators would not show. None when no indicator reads so."""
    groups: dict[tuple[str, str], list[IndicatorRow]] = {}
    for r in rows:
        groups.setdefault((r.indicator, r.measure), []).append(r)
    for group in groups.values():
        parts = [r for r in group if r.scope in ("area", "post")]
        if len(parts) < ORDINAL_ROWS:
            continue
        total = next((r for r in group if r.scope == "total"), None)
        for role in ("target", "done"):
            cells = [getattr(r, role) for r in parts]
            if any(c is None or c.value is None for c in cells):
                continue
            if [c.value for c in cells] != list(range(1, len(cells) + 1)):
                continue
            whole = getattr(total, role) if total is not None else None
            if whole is None or whole.value != len(cells) * (len(cells) + 1) / 2:
                return parts[0].label
    return None


# An indicator's role read from another column shows when at least this many of its rows
# print a rate and none of them recomputes as read.
ELSEWHERE_ROWS = 3


def column_elsewhere(t: Table, rows: list[IndicatorRow]) -> Said | None:
    """An indicator (or, the 片区 as column groups, a 片区's column of one measure) whose
    target (or done) figures were read from another column than its own: no rate of its
    rows (`ELSEWHERE_ROWS` at least, each printing its target, done figure and rate,
    read from this table's cells) recomputes as read, while with the figures of one
    other column of the table, on each row's own line, every one does — two columns
    read against each other's headers (a count of communities read as an indicator's
    协议量, the 协议量 as the count; two 片区's 协议量 columns). A published slip moves
    one figure: the group's other rows recompute as read. None when no group reads so."""
    at = {(c.page, c.provenance().bbox): c for c in t.cells if c.row >= t.header_rows}
    # an indicator's rows; and the rows whose target (or done) figures one column holds
    # — in a table with the 片区 as column groups (indicators as lines), a 片区's column
    # of one measure, whose rows are the indicators
    groups: dict[tuple[str, ...], tuple[str, list[IndicatorRow]]] = {}
    for r in rows:
        groups.setdefault(("indicator", r.indicator, r.measure), (r.label, []))[1].append(r)
        for role in ("target", "done"):
            c = _cell_at(at, getattr(r, role))
            if c is not None:
                head = "".join(t.columns[c.col]) if c.col < len(t.columns) else ""
                groups.setdefault((role, str(c.col)), (head or r.label, []))[1].append(r)
    for name, group in groups.values():
        lines: list[tuple[IndicatorRow, dict[int, Fraction]]] = []
        for r in group:
            own = [_cell_at(at, getattr(r, p)) for p in ("target", "done", "pct")]
            cells = [c for c in own if c is not None]
            if len(cells) < len(own) or len({c.row for c in cells}) != 1:
                break
            if rate_holds(r) is not False:
                break
            line = {
                c.col: v
                for c in t.cells
                if c.row == cells[0].row
                and all(c is not x for x in cells)
                and (v := _figure(c.text)) is not None
            }
            lines.append((r, line))
        else:
            if len(lines) < ELSEWHERE_ROWS:
                continue
            cols = set.intersection(*(set(line) for _, line in lines))
            for role, other in (("target", "done"), ("done", "target")):
                for col in sorted(cols):
                    fits = all(_rate_with(r, role, line[col]) for r, line in lines)
                    if fits and any(line[col] != _val(getattr(r, other)) for r, line in lines):
                        header = "".join(t.columns[col]) if col < len(t.columns) else ""
                        return say(
                            "fragment.column_elsewhere",
                            label=name,
                            part=say(f"part.{role}"),
                            header=header or str(col + 1),
                        )
    return None


CellKey = tuple[int, tuple[float, float, float, float] | None]


def _cell_at(at: dict[CellKey, TableCell], cell: Cell | None) -> TableCell | None:
    if cell is None or cell.prov is None or cell.prov.bbox is None:
        return None
    return at.get((cell.prov.page, cell.prov.bbox))


_FIGURE = re.compile(r"[\d,，.．]+[%％]?")


def _figure(text: str) -> Fraction | None:
    """The value of a cell that holds one figure and nothing else (a label holding a
    number, 第1片区, is none)."""
    text = text.strip()
    if not _FIGURE.fullmatch(text):
        return None
    p = parse_printed(text, None)
    return None if p is None else p.value


def _val(cell: Cell | None) -> Fraction | None:
    return None if cell is None or cell.value is None else exact(cell.value)


def _rate_with(r: IndicatorRow, role: str, value: Fraction) -> bool:
    """Whether the row's printed rate recomputes with `value` as its `role` figure."""
    target = value if role == "target" else _val(r.target)
    done = value if role == "done" else _val(r.done)
    printed = parse_printed(r.pct.printed, r.pct.value) if r.pct is not None else None
    if not target or done is None or printed is None:
        return False
    return rate_agreement(done, target, printed)[1] is not None


def _top(row: IndicatorRow, role: str) -> float | None:
    cell = getattr(row, role)
    if cell is None or cell.prov is None or cell.prov.bbox is None:
        return None
    return float(cell.prov.bbox[1])


def ordinal_lines(rows: list[IndicatorRow]) -> str | None:
    """A table of one indicator a line (the rows of one scope and place, each another
    indicator, each on a line below the last) whose target or done figures read n,
    n + 1, n + 2, … down at least `ORDINAL_ROWS` lines — a 序号 column taken for figures,
    its numbering running on from an earlier part of the table — while the rate of
    every one of those lines that prints one fails (at least one): real figures that
    happen to run so still make their rates. The label of the run's first line."""
    places: dict[tuple[str | None, str | None, str | None], list[IndicatorRow]] = {}
    for r in rows:
        places.setdefault((r.scope, r.area, r.post), []).append(r)
    for lines in places.values():
        if len({(r.indicator, r.measure) for r in lines}) != len(lines):
            continue
        for role in ("target", "done"):
            for start in range(len(lines) - ORDINAL_ROWS + 1):
                run = _run_from(lines[start:], role)
                if len(run) < ORDINAL_ROWS:
                    continue
                held = [rate_holds(r) for r in run]
                if any(held) or all(h is None for h in held):
                    continue
                return run[0].label
    return None


def _run_from(lines: list[IndicatorRow], role: str) -> list[IndicatorRow]:
    """The lines from the first on whose `role` figures count up by one, each printed
    below the one before."""
    run: list[IndicatorRow] = []
    for r in lines:
        cell, top = getattr(r, role), _top(r, role)
        if cell is None or cell.value is None or top is None:
            break
        if run:
            before = getattr(run[-1], role)
            prev_top = _top(run[-1], role)
            assert prev_top is not None
            if cell.value != before.value + 1 or top <= prev_top:
                break
        elif cell.value < 1 or cell.value != int(cell.value):
            break
        run.append(r)
    return run


RowKey = tuple[str | None, str | None, str | None, str, str]


def _row_key(r: IndicatorRow) -> RowKey:
    return (r.scope, area_key(r.area) if r.area else None, r.post, r.indicator, r.measure)


def _only(rows: list[IndicatorRow], has: str, lacks: tuple[str, ...]) -> bool:
    return bool(rows) and all(
        getattr(r, has) is not None and all(getattr(r, x) is None for x in lacks) for r in rows
    )


def _one_measure_role(got: Read) -> str | None:
    """The role of a read every row of which prints one figure, of the same role other
    than the done figure (表2 各片区年度协议指标: targets only; 表2-3 各片区服务指标完成率:
    rates only); None for any other read."""
    for role in ("target", "pct"):
        if _only(got.rows, role, tuple(x for x in ("target", "done", "pct") if x != role)):
            return role
    return None


def is_done_read(got: Read) -> bool:
    """A read of done figures and no target (完成量 alone, or 完成量 │ 完成率): the read
    other tables of the same rows give their targets or rates to."""
    return _only(got.rows, "done", ("target",))


def _matched(piece: Read, base: Read) -> list[tuple[IndicatorRow, IndicatorRow]] | None:
    """Each row of `piece` with the row of `base` of the same scope, 片区, post,
    indicator and measure — or, where the piece printed no unit for it (a rate table's
    header 困难群众建档 beside the counts' 困难群众建档（户）), of the same indicator, when
    the base has one row of it there. None unless every row of each is matched once (the
    same rows, no more, no fewer), and at least two."""
    full: dict[RowKey, list[IndicatorRow]] = {}
    loose: dict[tuple[str | None, str | None, str | None, str], list[IndicatorRow]] = {}
    for b in base.rows:
        key = _row_key(b)
        full.setdefault(key, []).append(b)
        loose.setdefault(key[:4], []).append(b)
    if len(piece.rows) < 2 or len(piece.rows) != len(base.rows):
        return None
    out: list[tuple[IndicatorRow, IndicatorRow]] = []
    used: set[int] = set()
    for r in piece.rows:
        key = _row_key(r)
        unitless = (r.scope or "station", r.area, r.post, r.indicator, r.measure) in piece.unitless
        found = full.get(key) or (loose.get(key[:4]) if unitless else None)
        if not found or len(found) != 1 or id(found[0]) in used:
            return None
        used.add(id(found[0]))
        out.append((r, found[0]))
    return out


def joined_tables(
    reads: list[tuple[Table, str, Read]],
) -> list[tuple[Table, str, Read, list[int]]]:
    """One set of rows printed as tables apart, one a measure or two (表2 各片区年度协议
    指标: targets only, beside 表3 各片区指标完成情况: 完成量 │ 完成率; or 表2-1 协议量,
    表2-2 完成量, 表2-3 完成率, each a matrix of the same 片区 and indicators): each row of
    the read holding the done figures takes the target, or the rate, of the same row from
    the table printing only that, which then has no rows of its own; every cell keeps its
    own table's page and place, the rows the done table's label. The rates then recompute
    against the joined figures (an indicator whose rates do not fit makes the joined read
    untrusted, never a finding). Joined only where the tables stand in the same section
    on the same or facing pages and print exactly the same rows, only one done table fits
    and it prints none of the role joined to it; every other read is left as it is, but
    for done reads that took nothing (they name no target or rate: not indicator tables
    alone) and targets read from a caption alone. Each read comes with its pages (the
    joined tables' added)."""
    out: list[tuple[Table, str, Read, list[int]]] = [
        (t, label, got, list(t.pages)) for t, label, got in reads
    ]
    pieces = [(i, role) for i, (_, _, got, _) in enumerate(out) if (role := _one_measure_role(got))]
    bases = {j for j, (_, _, got, _) in enumerate(out) if is_done_read(got)}
    dropped: set[int] = set()
    joined: dict[int, list[tuple[str, list[Said]]]] = {}
    for i, role in pieces:
        ti, plabel, pgot, ppages = out[i]
        fits = [
            (j, pairs)
            for j, (tj, _, jgot, jpages) in enumerate(out)
            if j != i
            and j not in dropped
            and tj.section == ti.section
            and _near(ppages, jpages)
            and j in bases
            and all(getattr(r, role) is None for r in jgot.rows)
            and (pairs := _matched(pgot, jgot)) is not None
        ]
        if len(fits) != 1:
            continue
        j, pairs = fits[0]
        tj, jlabel, jgot, jpages = out[j]
        for r, b in pairs:
            setattr(b, role, getattr(r, role))
        jgot.join_unsure = jgot.join_unsure or pgot.unsure
        jgot.figures += pgot.figures
        jgot.placed += pgot.placed
        out[j] = (tj, jlabel, jgot, sorted({*jpages, *ppages}))
        joined.setdefault(j, []).append((plabel, pgot.doubts))
        dropped.add(i)
    for j, parts in joined.items():
        got = out[j][2]
        misfits = _join_doubts(got.rows, "、".join(plabel for plabel, _ in parts))
        got.doubts += misfits + [d for _, doubts in parts for d in doubts]
        got.join_unsure = got.join_unsure or bool(misfits)
    # A targets table read so from its caption alone, with no completion table to join,
    # is left out as before (its figures relate to nothing the report prints beside);
    # so is a done read that took nothing (it is no indicator read alone).
    dropped |= {i for i, role in pieces if role == "target" and out[i][2].caption_role}
    dropped |= {
        i for i, (_, _, got, _) in enumerate(out) if i not in joined and not _is_indicator_read(got)
    }
    return [x for k, x in enumerate(out) if k not in dropped]


def _join_doubts(rows: list[IndicatorRow], targets: str) -> list[Said]:
    """Where the joined targets do not fit: an indicator whose rates recompute against
    them on half its rows or fewer (a column or the rows joined wrong put most of an
    indicator's rates out at once, a published error one or two). Its 片区 and 合计 sums
    hold either way, so the table's own consistency would not see it."""
    out: list[Said] = []
    groups: dict[tuple[str, str], list[bool]] = {}
    labels: dict[tuple[str, str], str] = {}
    for r in rows:
        held = rate_holds(r)
        if held is not None:
            groups.setdefault((r.indicator, r.measure), []).append(held)
            labels.setdefault((r.indicator, r.measure), r.label)
    for key, holds in groups.items():
        if len(holds) >= 2 and 2 * sum(holds) <= len(holds):
            out.append(
                say(
                    "fragment.join_unsure",
                    label=labels[key],
                    targets=targets,
                    held=sum(holds),
                    rates=len(holds),
                )
            )
    return out


def _near(a: list[int], b: list[int]) -> bool:
    return bool(a and b) and min(abs(x - y) for x in a for y in b) <= 1


def _measured_by_text(unitless: list[IndicatorRow], figures: list[NarrativeFigure]) -> None:
    """A table column printing no unit takes the unit the text gives the same figure:
    the table's 枫桥片区 建档 533 and the text's "枫桥片区……建档533户" are households. Only
    when some row's figure is stated so, for the same scope, and never otherwise."""
    groups: dict[tuple[str, str, str], list[IndicatorRow]] = {}
    for r in unitless:
        groups.setdefault((r.table, r.indicator, r.measure), []).append(r)
    for (_, indicator, measure), group in groups.items():
        said: set[str] = set()
        for f in figures:
            if f.indicator != indicator or f.approx or f.unit is None or f.measure is None:
                continue
            for r in group:
                same_scope = (
                    r.scope in ("total", "station")
                    if f.scope is None
                    else r.scope == "area" and area_key(r.area) == area_key(f.scope)
                )
                values = {c.value for c in (r.target, r.done) if c is not None}
                if same_scope and f.value in values:
                    said.add(f.measure)
        if len(said) == 1 and measure not in said:
            new = said.pop()
            for r in group:
                r.measure = new


# Measures a report states beside its figures without always tabulating them: households
# registered beside the persons registered ("共 674户 722人").
_SIDE_MEASURES = frozenset({"households"})


def _tabulated(figures: list[NarrativeFigure], rows: list[IndicatorRow]) -> list[NarrativeFigure]:
    """Narrative figures in a side measure only where a table reports that measure."""
    tabled = {(r.indicator, r.measure) for r in rows}
    return [
        f
        for f in figures
        if f.measure not in _SIDE_MEASURES or (f.indicator, f.measure) in tabled or f.approx
    ]
