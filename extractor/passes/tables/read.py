"""An indicator table, read by meaning: each figure gets the indicator, measure, role and
scope its row labels and column headers name together, whichever axis names which.

片区 as rows and indicators as column groups (the seed's 附件1-1), indicators as rows and
片区 as column groups (a transposed table), indicators and their roles as rows (服务类别 ›
指标 › 协议 / 完成 / 完成率) and 片区 as columns, 片区 › 社工点 rows with 小计 and 总计, one
片区's own small table under its sub-section, a station table of indicator rows: all are
the same operation here. Figures sharing a scope, indicator and measure form one
`IndicatorRow` (target, done, rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TypeVar

from extractor.areas import AREA_IN_TEXT
from extractor.document.model import Table, TableCell
from extractor.knowledge.messages import Said, say
from extractor.knowledge.nlp import Role
from extractor.knowledge.vocab import scope_vocab
from extractor.nlp.indicators import ending_role, unit_measure
from extractor.passes.tables.labels import Meaning, Tags, label_tags, merge_path
from extractor.passes.tables.pairs import split_pairs
from extractor.passes.tables.paths import Paths, table_paths
from extractor.passes.tables.stacked import split_stacked_cells
from extractor.passes.tables.values import (
    cell_unit,
    figure,
    is_figure,
    is_not_applicable,
    split_unit,
)
from extractor.printed import agreement, exact, parse_printed
from extractor.records import Cell, IndicatorRow

ROLES = ("target", "done", "pct")
_K = TypeVar("_K", int, tuple[int, int])
Key = tuple[str, str | None, str | None, str, str]  # scope, area, post, indicator, measure


@dataclass(slots=True)
class Read:
    """What one table gave: its rows, and what looked wrong while reading it."""

    rows: list[IndicatorRow] = field(default_factory=list)
    doubts: list[Said] = field(default_factory=list)
    figures: int = 0  # figure cells seen in value columns
    placed: int = 0  # of those, given a row
    # Rows whose measure nothing printed (no unit, no measure word): the indicator's
    # default, which the text may correct (建档 counted in 户 there).
    unitless: set[Key] = field(default_factory=set)
    # The row labels name the roles (协议 / 完成 / 完成率 down the rows, 片区 across).
    roles_on_rows: bool = False
    # A column headed as figures was read as labels: what it holds is not read.
    figures_unread: bool = False
    # No label names a role and the caption does (表2 各片区年度协议指标): every figure
    # has the caption's role.
    caption_role: Role | None = None
    # Its targets were joined from another table (`passes.indicators.joined_tables`) and
    # the rates of some indicator do not recompute against them: the join may be wrong.
    join_unsure: bool = False
    # A column no label gives a role, its figures taken for the default one, whose
    # header closes in a word naming another role (年度协议量 read as done figures).
    role_misread: bool = False
    # Two body rows gave figures for the same scope, indicator, measure and role: the
    # labels that tell them apart were not read (a 小计 row whose 片区 is named only in a
    # title row above it), so one of them was dropped and the rest may sit in the wrong
    # scope, while the figures kept can still recompute.
    rows_merged: bool = False

    @property
    def roles_unsure(self) -> bool:
        """Roles named down the rows, and a figure left without one or a role given two
        figures: a misread the relations may not show (a block's 协议 figure taken for
        its 完成 still adds up to 合计), so the read is not to be trusted."""
        return self.roles_on_rows and bool(self.doubts)

    @property
    def unsure(self) -> bool:
        """Not to be trusted whatever its relations say: roles unsure, a column headed
        as figures read as labels (its figures missing from the relations and taken for
        names, which may leave too few relations to show the misread), or targets joined
        from another table that some indicator's rates do not fit (each table's own sums
        hold whether the join is right or not), or a column taken for a role its header
        names another of (the 年度协议量 read as done figures: its sums still hold), or two
        rows read as one (`rows_merged`: the dropped row's figures are in no relation)."""
        return (
            self.roles_unsure
            or self.figures_unread
            or self.join_unsure
            or self.role_misread
            or self.rows_merged
        )


def context_meaning(t: Table, areas: frozenset[str]) -> Meaning:
    """What a table's caption and section say about all its figures: "表3-2 石门片区服务
    指标完成情况" under "（二）石门片区" → area 石门片区; a caption naming one indicator
    ("电访") → that indicator."""
    texts = [t.caption, *reversed(t.section)]
    area = None
    for text in texts:
        m = AREA_IN_TEXT.search(re.sub(r"\s+", "", text or ""))
        if m is not None and "各片区" not in text:
            area = m.group(0)
            break
        for token in re.split(r"[\s（）()、，,：:]+", text or ""):
            if token and label_tags(token, areas).scope == "area":
                area = token
                break
        if area:
            break
    if area is None and any(
        w in re.sub(r"\s+", "", text or "") for text in texts[:2] for w in _WHOLE_WORDS
    ):
        # "表3-4 社工站服务指标完成情况汇总" after the 片区 tables: the whole station
        return replace(_caption_meaning(t, areas), scope="total")
    return _with_area(_caption_meaning(t, areas), area)


# Caption words that make a table speak for the whole station (its figures are 合计s).
_WHOLE_WORDS = ("汇总", "合计", "总计", "全站", "总体")


def _with_area(base: Meaning, area: str | None) -> Meaning:
    return replace(base, scope="area", area=area) if area else base


def _caption_meaning(t: Table, areas: frozenset[str]) -> Meaning:
    named = caption_label(t.caption)
    caption = label_tags(named, areas) if named and len(named) <= 12 else None
    base = Meaning()
    if caption is not None and caption.indicator is not None:
        base = Meaning(
            indicator=caption.indicator,
            exact=caption.exact,
            label=caption.text,
            measure=caption.measure,
            default_measure=caption.default_measure,
        )
    return base


_CAPTION_NUMBER = re.compile(r"^\s*(?:附\s*)?表\s*\d+(?:\s*[-－—.．]\s*\d+)*\s*")


def caption_label(caption: str) -> str:
    """The label a caption gives its table: without its number and a closing word
    ("表3-2  个案服务（个）完成情况" → "个案服务（个）"); a caption without a number is
    its own label."""
    text = caption.strip()
    m = _CAPTION_NUMBER.match(text)
    if m is None:
        return text
    text = text[m.end() :].strip()
    for end in scope_vocab().caption_endings:
        if text.endswith(end) and len(text) > len(end):
            return text[: -len(end)].strip()
    return text


def caption_role(caption: str) -> Role | None:
    """The role of every figure of a numbered table whose caption ends in a column word
    (表2 各片区年度协议指标, 中期协议指标: the targets), once its number is taken off;
    None otherwise."""
    named = caption_label(caption)
    return ending_role(named) if named and named != caption.strip() else None


def _combine(row: Meaning, col: Meaning, ctx: Meaning) -> Meaning:
    """A figure's meaning from its row's labels, its column's headers and the table's
    caption/section. A row label that names a scope names no indicator (a community
    called 社区服务中心 is not the indicator 社区服务), unless the indicator's label
    stands in a column headed as listing indicators (社工点 │ 服务指标: 小组工作)."""
    row_ind = row if row.indicator and (row.exact or row.listed or row.scope is None) else None
    col_ind = col if col.indicator else None
    pick = (
        row_ind
        if row_ind is not None and (row_ind.exact or col_ind is None or not col_ind.exact)
        else col_ind or row_ind or (ctx if ctx.indicator else None)
    )
    scoped = row if row.scope else (col if col.scope else ctx)
    # A 社区 row or a 小计 of a table whose caption or section names one 片区 (附件1-1
    # 竹林片区各社区服务指标完成情况) is of that 片区, when its own labels name none.
    area = scoped.area
    if area is None and scoped is not ctx and scoped.scope in ("area", "post"):
        area = ctx.area
    return Meaning(
        indicator=pick.indicator if pick else None,
        exact=pick.exact if pick else False,
        label=pick.label if pick else "",
        measure=col.measure or row.measure or ctx.measure,
        default_measure=pick.default_measure if pick else None,
        role=col.role or row.role,
        unit=col.unit or row.unit,
        scope=scoped.scope,
        area=area,
        post=scoped.post,
    )


def read_table(t: Table, appendix: str, areas: frozenset[str]) -> Read:
    """The table's rows and what looked wrong. A table printing no figure and no
    not-applicable mark in any cell gives no row: it is not read further (an empty
    `Read`, which no caller keeps: `extract_indicators` keeps reads with rows)."""
    t = split_stacked_cells(t, areas)  # 协议量 over 完成量 on two lines: two columns
    t = split_pairs(t, areas)  # 完成量/协议量 over "151/125": two columns
    if not any(_read_as_figure(c.text.strip()) for c in t.cells):
        return Read()
    p = table_paths(t, areas)
    ctx = context_meaning(t, areas)
    cols = _unknown_scopes({c: merge_path(tags) for c, tags in p.col_labels.items()}, p.col_labels)
    rows = _unknown_scopes({k: merge_path(tags) for k, tags in p.row_labels.items()}, p.row_labels)
    rows = _measure_rows(rows, p.row_labels, cols)
    cols = {c: _unit_measured(m) for c, m in cols.items()}
    rows = {k: _unit_measured(m) for k, m in rows.items()}
    cols = _shared_measures(cols, p.value_cols, p.col_labels)
    # Two roles or more among the row labels: the roles are on the row axis, and a
    # figure there that none of its labels gives a role is not taken for a done figure.
    out = Read(roles_on_rows=len({m.role for m in rows.values() if m.role}) >= 2)
    for c in p.figure_labels:
        out.figures_unread = True
        example = next((x for r in p.body if (x := _text_at(p, r, c))), "")
        out.doubts.append(figures_as_labels(" › ".join(t.columns[c]), example))
    # A table none of whose labels names a role prints the figures its caption names
    # ("表2 各片区年度协议指标": targets only); otherwise a figure without one is done.
    named_roles = any(m.role for m in (*cols.values(), *rows.values()))
    out.caption_role = None if named_roles else caption_role(t.caption)
    unnamed: Role = out.caption_role or "done"
    found: dict[Key, dict[str, TableCell]] = {}
    defaulted: set[Key] = set()
    unroled: set[int] = set()  # value columns whose figures took the default role
    labels: dict[Key, str] = {}
    targets: dict[Key, list[TableCell]] = {}
    parts_of_period = _period_parts(p, cols)
    for r in p.body:
        seen: set[int] = set()
        for c in p.value_cols:
            cell = p.grid[r][c]
            if cell is None or id(cell) in seen or c in parts_of_period:
                continue
            seen.add(id(cell))
            text = cell.text.strip()
            if not _read_as_figure(text):
                continue
            row_meaning = rows[(r, p.block_of[c])]
            if "mean" in (row_meaning.scope, cols[c].scope):
                continue  # the 片区' mean (平均): neither a 片区 nor a total, left out
            out.figures += 1
            m = _combine(row_meaning, cols[c], ctx)
            indicator = m.indicator
            if indicator is None:
                continue
            if m.role is None and not out.roles_on_rows:
                unroled.add(c)  # neither its row nor its column header names a role
            # A figure no header gives a role (投入社工人数, or one spanning a 片区's
            # 协议量/完成量/完成率 columns) is what was done.
            if _spans_roles(cell, p.value_cols, cols):
                m = replace(m, role=None)
            # A unit printed in the cell (128人次) says what a header's unit would.
            unit = m.unit or cell_unit(text)
            by_unit = unit_measure(indicator, unit) if unit else None
            measure = m.measure or by_unit or m.default_measure or "count"
            if m.role is None and out.roles_on_rows and not _label_spans_roles(p, r, c):
                out.doubts.append(no_role(m.label or indicator, measure, text))
                continue
            role = m.role or unnamed
            key: Key = (m.scope or "station", _area(m), m.post, indicator, measure)
            if not (m.measure or unit):
                defaulted.add(key)
            parts = found.setdefault(key, {})
            if role in parts:
                if role == "target":
                    # 年度指标 │ 中期指标: two targets; the rate says which it is against.
                    targets.setdefault(key, [parts[role]]).append(cell)
                    out.placed += 1
                    continue
                if parts[role].row != cell.row and not out.roles_on_rows and not out.rows_merged:
                    # (where the rows name the roles, a role twice is `roles_unsure`)
                    out.rows_merged = True
                    out.doubts.insert(0, rows_merged(parts[role], cell))
                out.doubts.append(two_figures(m.label or indicator, measure, role, parts, text))
                continue
            parts[role] = cell
            labels.setdefault(key, m.label or indicator)
            out.placed += 1
    for c in sorted(unroled):
        header, named = _header_role(p, c)
        if named is not None and named != unnamed:
            out.role_misread = True
            out.doubts.insert(0, role_misread(header, named, unnamed))
    chosen_by_rate = {
        k: _rated_target(cs, found[k].get("done"), found[k].get("pct")) for k, cs in targets.items()
    }
    # A row whose rate fits neither target (a misprinted rate) takes the column every
    # other row's rate was found to be against.
    target_cols = {c.col for c in chosen_by_rate.values() if c is not None}
    for key, cands in targets.items():
        chosen = chosen_by_rate[key]
        if chosen is None and len(target_cols) == 1:
            chosen = next((c for c in cands if c.col in target_cols), None)
        if chosen is None:
            out.doubts.append(
                two_figures(labels[key], key[4], "target", found[key], cands[1].text.strip())
            )
        else:
            found[key]["target"] = chosen
    _join_unitless(found, defaulted)
    ratios = _ratio_columns(found, p.col_labels)
    for key, parts in found.items():
        out.rows.append(_row(appendix, key, labels[key], parts, ratios))
        if key in defaulted:
            out.unitless.add(key)
    return out


def _read_as_figure(text: str) -> bool:
    """A value cell's (stripped) text that `read_table` gives a row: a figure or a
    not-applicable mark."""
    return bool(text) and (is_figure(text) or is_not_applicable(text))


def _period_parts(p: Paths, cols: dict[int, Meaning]) -> set[int]:
    """Done columns of the period alone (本期完成量) beside a cumulative done column under
    the same header (累计完成量, from the start of the year): a part of the cumulative
    figure, which is the rows' done figure (the rate divides it), so left out."""
    v = scope_vocab()

    def opens(c: int, words: list[str]) -> bool:
        head = next((t.text for t in reversed(p.col_labels.get(c, [])) if t.text), "")
        return any(head.startswith(w) and len(head) > len(w) for w in words)

    def group(c: int) -> tuple[str, ...]:
        return tuple(t.text for t in p.col_labels.get(c, [])[:-1])

    done = [c for c in p.value_cols if cols[c].role == "done"]
    cumulative = {group(c) for c in done if opens(c, v.cumulative_period)}
    return {
        c
        for c in done
        if group(c) in cumulative
        and opens(c, v.current_period)
        and not opens(c, v.cumulative_period)
    }


def _header_role(p: Paths, c: int) -> tuple[str, Role | None]:
    """A value column's innermost header, and the role its closing column word names
    (年度协议量 → target) though no label vocabulary read the header whole."""
    header = next((t.text for t in reversed(p.col_labels.get(c, [])) if t.text), "")
    return header, ending_role(header) if header else None


def role_misread(header: str, named: Role, taken: Role) -> Said:
    return say(
        "fragment.role_misread",
        header=header,
        named=say(f"part.{named}"),
        taken=say(f"part.{taken}"),
    )


def rows_merged(first: TableCell, second: TableCell) -> Said:
    return say("fragment.rows_merged", first=first.text.strip(), second=second.text.strip())


def two_figures(
    label: str, measure: str, role: str, parts: dict[str, TableCell], second: str
) -> Said:
    return say(
        "fragment.two_figures",
        label=label,
        measure=say(f"measure.{measure}"),
        part=say(f"part.{role}"),
        first=parts[role].text.strip(),
        second=second,
    )


def figures_as_labels(header: str, example: str) -> Said:
    return say("fragment.figures_as_labels", header=header, example=example)


def _text_at(p: Paths, r: int, c: int) -> str:
    cell = p.grid[r][c]
    return cell.text.strip() if cell is not None else ""


def no_role(label: str, measure: str, figure: str) -> Said:
    return say("fragment.no_role", label=label, measure=say(f"measure.{measure}"), figure=figure)


def _rated_target(
    cands: list[TableCell], done: TableCell | None, pct: TableCell | None
) -> TableCell | None:
    """Of a row's target figures (a year's 年度指标 and the period's 中期指标), the one its
    printed rate recomputes against, within one unit of the rate's last printed digit;
    None when no rate, no done, or not exactly one target fits."""
    rate = figure(pct.text) if pct is not None else None
    did = figure(done.text) if done is not None else None
    if rate is None or did is None:
        return None
    text = split_unit(pct.text)[0].rstrip("%") if pct is not None else ""
    places = len(text.split(".")[1]) if "." in text else 0
    fits = [
        c for c in cands if (v := figure(c.text)) and abs(did / v * 100 - rate) <= 10.0**-places
    ]
    return fits[0] if len(fits) == 1 else None


def _join_unitless(found: dict[Key, dict[str, TableCell]], defaulted: set[Key]) -> None:
    """A figure whose measure nothing printed (a rate column under 困难群众建档, when only
    its 协议量/完成量 cells print 户) belongs with the one row of the same scope and
    indicator whose measure its cells did print, if that row lacks its role."""
    for key in [k for k in found if k in defaulted]:
        parts = found[key]
        siblings = [
            k
            for k in found
            if k != key
            and k not in defaulted
            and k[:4] == key[:4]
            and not set(found[k]) & set(parts)
        ]
        if len(siblings) == 1:
            found[siblings[0]].update(parts)
            del found[key]
            defaulted.discard(key)


def _measure_rows(
    rows: dict[tuple[int, int], Meaning],
    tags: dict[tuple[int, int], list[Tags]],
    cols: dict[int, Meaning],
) -> dict[tuple[int, int], Meaning]:
    """A row label naming a measure and no indicator (参与人次（人次）) under a group label
    it shares with rows that name one (社区服务 › 社区活动（场）, then 参与人次（人次）): a
    further measure of the indicator named nearest above it in its group, as a table lists
    an indicator's count and then its attendances. Only where the indicators are on the
    row axis (no column header names one), under an outer group label, and for a measure
    the indicator above was not already given (else it is no further measure)."""
    if any(m.indicator for m in cols.values()):
        return rows
    out = dict(rows)
    for key, m in rows.items():
        if m.indicator is not None or m.measure is None or m.scope is not None:
            continue
        path = tags[key]
        at = next((i for i, t in enumerate(path) if t.measure and t.role is None), 0)
        if at == 0:
            continue  # no group label above the one naming the measure
        group = [t.text for t in path[:at]]
        above = [
            k
            for k, other in rows.items()
            if k[1] == key[1]
            and k[0] < key[0]
            and len(tags[k]) > at
            and [t.text for t in tags[k][:at]] == group
            and tags[k][at].indicator is not None
            and other.indicator is not None
        ]
        if not above:
            continue
        src = rows[max(above)]
        if (src.measure or src.default_measure) == m.measure:
            continue
        out[key] = replace(
            m,
            indicator=src.indicator,
            exact=src.exact,
            listed=src.listed,
            label=path[at].text,
            default_measure=src.default_measure,
        )
    return out


def _unit_measured(m: Meaning) -> Meaning:
    """An indicator printed in a unit of its own names that measure (建档 in 户)."""
    if m.measure is None and m.indicator and m.unit:
        measure = unit_measure(m.indicator, m.unit)
        if measure is not None:
            return replace(m, measure=measure)
    return m


def _shared_measures(
    cols: dict[int, Meaning], order: list[int], labels: dict[int, list[Tags]]
) -> dict[int, Meaning]:
    """Columns under one header cell share the measure it names once: 专业个案 › 协议节数 |
    完成量 | 百分比 are all sessions. Siblings are columns whose header paths agree once
    role words and units are set aside; a sibling without a measure of its own takes that
    of the nearest sibling before it (or, first in line, after it)."""

    def parent(c: int) -> tuple[str, ...]:
        return tuple(
            t.text
            for t in labels[c]
            if t.indicator is not None
            or (t.measure is not None and t.role is None)
            or (t.empty and len(t.text) > 2)
        )

    out = dict(cols)
    groups: dict[tuple[str, ...], list[int]] = {}
    for c in order:
        groups.setdefault(parent(c), []).append(c)
    for run in groups.values():
        last: str | None = None
        pending: list[int] = []
        for c in run:
            m = out[c]
            if m.measure is None:
                if last is None:
                    pending.append(c)
                else:
                    out[c] = replace(m, measure=last)
                continue
            last = m.measure
            for k in pending:
                out[k] = replace(out[k], measure=last)
            pending = []
    return out


def _unknown_scopes(meanings: dict[_K, Meaning], tags: dict[_K, list[Tags]]) -> dict[_K, Meaning]:
    """Labels that name neither an indicator nor a known scope, beside a 合计 or 片区 on
    the same axis, are parts of that total: 片区 (金沙, without 片区 in its name), or
    社工点 when the axis has 小计 lines (a 片区's own line closes its 社工点)."""
    has_total = any(m.scope == "total" for m in meanings.values())
    has_area = any(m.scope == "area" for m in meanings.values())
    has_sub = any(t.scope == "subtotal" for ts in tags.values() for t in ts)
    if not (has_total or has_area or has_sub):
        return meanings
    out = dict(meanings)
    for k, m in meanings.items():
        if m.scope is not None or m.indicator is not None:
            continue
        unknown = [t.text for t in tags[k] if t.empty and t.text]
        if not unknown:
            continue
        if has_sub:
            out[k] = replace(m, scope="post", post=unknown[-1])
        else:
            out[k] = replace(m, scope="area", area=unknown[0])
    return out


def _spans_roles(cell: TableCell, value_cols: list[int], cols: dict[int, Meaning]) -> bool:
    """A figure printed across columns of different roles (a 片区's 投入社工人数 over its
    协议量 / 完成量 / 完成率) has none of them."""
    covered = [c for c in value_cols if cell.col <= c < cell.col + cell.colspan]
    return len({cols[c].role for c in covered}) > 1


def _label_spans_roles(p: Paths, r: int, c: int) -> bool:
    """Where the rows name the roles, a row whose label is merged across the role
    column (服务类别 │ 投入社工人数 spanning 指标 and 项目) has none: like a figure
    spanning role columns, it is what was done."""
    inner = max((x for x in p.label_cols if x < c), default=None)
    if inner is None:
        return False
    cell = p.grid[r][inner]
    return cell is not None and cell.col < inner


def _area(m: Meaning) -> str | None:
    if m.scope == "total":
        return "合计"
    return m.area


def _ratio_columns(
    found: dict[Key, dict[str, TableCell]], labels: dict[int, list[Tags]]
) -> frozenset[int]:
    """Rate columns that print decimal ratios (1.08 for 108%): no % in their header or
    cells, and their rates recompute as done ÷ target at the printed precision on at least
    two rows and half of those that can be recomputed, more often than as percentages.
    A published error in one rate does not turn a column back into percentages."""
    tally: dict[int, list[int]] = {}  # column → [rows, fit as ratios, fit as percentages]
    marked: set[int] = set()
    for parts in found.values():
        rate, done, target = parts.get("pct"), parts.get("done"), parts.get("target")
        if rate is None:
            continue
        text = split_unit(rate.text)[0]
        if "%" in text:
            marked.add(rate.col)
            continue
        printed = parse_printed(text)
        did = figure(done.text) if done is not None else None
        of = figure(target.text) if target is not None else None
        if printed is None or did is None or not of:
            continue
        share = exact(did) / exact(of)
        t = tally.setdefault(rate.col, [0, 0, 0])
        t[0] += 1
        t[1] += agreement(share, printed) is not None
        t[2] += agreement(share * 100, printed) is not None
    return frozenset(
        c
        for c, (n, ratio, percent) in tally.items()
        if c not in marked
        and not any("%" in tag.text for tag in labels.get(c, []))
        and ratio >= 2
        and 2 * ratio >= n
        and ratio > percent
    )


def _cell(c: TableCell | None, ratio: bool = False) -> Cell | None:
    """A cell as printed; a rate printed as a ratio keeps its digits and is valued as the
    percentage it states (1.08 → 108.0), as every rate is."""
    if c is None:
        return None
    value = figure(c.text)
    if ratio and value is not None:
        value = float(exact(value) * 100)
    return Cell(printed=c.text.strip(), value=value, prov=c.provenance())


def _row(
    appendix: str,
    key: Key,
    label: str,
    parts: dict[str, TableCell],
    ratios: frozenset[int] = frozenset(),
) -> IndicatorRow:
    scope, area, post, indicator, measure = key
    cells = [
        _cell(parts.get(k), k == "pct" and (c := parts.get(k)) is not None and c.col in ratios)
        for k in ROLES
    ]
    printed = [c.printed for c in cells if c is not None]
    return IndicatorRow(
        table=appendix,
        area=area,
        post=post,
        scope=scope,
        indicator=indicator,
        label=re.sub(r"\s+", "", label),
        measure=measure,
        target=cells[0],
        done=cells[1],
        pct=cells[2],
        not_applicable=bool(printed) and all(is_not_applicable(x) for x in printed),
    )
