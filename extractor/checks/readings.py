"""The other readings a finding is tested against, per rule (see `extractor.checks.misreads`).

Each is a concrete misread of the figures the rule used, made testable: the edits that
make the report read that way (the rule is then run again), or a fact about the read
that decides it. Readings that would explain away a real slip are kept out or tightened
by a fact of the read: swapped columns must not break the table's other rows, a missed
row must be one the table lists elsewhere, rows unread must move nearly every column of
their whole (two indicators at least), a rounded month cell must be in a table that
prints no fractions, a narrative figure must name the other row it would refer to, and
one counting another quantity must be an order of magnitude off and no slip of the digits.
Confusable OCR digits come from `extractor.checks.ocr_doubt` (`confusable_readings`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

from extractor.checks.base import cell_ref, is_area, is_total
from extractor.checks.indicators import areas_elsewhere, rate_shown, row_name
from extractor.checks.messages import Said, joined, same, say
from extractor.checks.misreads import Edit, Reading, first_ref, read_as
from extractor.checks.narrative import narrative_ref, states
from extractor.checks.ocr_doubt import confusable_readings, doubtful_offsets, reading_value
from extractor.checks.period import month_counts, month_names, report_months
from extractor.checks.roster import MARKS, MONTHLY, mark_value, person_total
from extractor.printed import agreement, exact, exact_sum, fmt, parse_printed, plain, transposed
from extractor.records import (
    Cell,
    Finding,
    IndicatorRow,
    NarrativeFigure,
    Number,
    Party,
    PartyScore,
    PartyWeight,
    Period,
    Report,
    RosterRow,
    RosterTotals,
)

Figure = Cell | Number | NarrativeFigure
_NUM = re.compile(r"\d[\d,.，．]*\d|\d")
_THOUSANDS = re.compile(r"^(\d{1,3})[,.，．](\d{3})$")


@dataclass(slots=True)
class Ctx:
    report: Report
    finding: Finding
    prior: list[Finding]
    dropped: dict[str | None, Said]

    @property
    def ref(self) -> str:
        return first_ref(self.finding) or ""

    def rows(self) -> list[IndicatorRow]:
        return self.report.indicators.rows


def readings_for(
    report: Report, finding: Finding, prior: list[Finding], dropped: dict[str | None, Said]
) -> Iterator[Reading]:
    """The readings the finding's rule can have been misled by, then the figures' own."""
    ctx = Ctx(report, finding, prior, dropped)
    special = _BY_RULE.get(finding.rule)
    if special is not None:
        yield from special(ctx)
    if finding.rule != "narrative.repeats_error":  # its figures are the table's: inherited
        yield from _characters(ctx)


# --- a figure's characters: separators and decimal points --------------------------------


def figures(report: Report) -> dict[str, Figure]:
    """Every figure a finding can point at, by the ref its location carries."""
    out: dict[str, Figure] = {}
    for row in report.indicators.rows:
        for part in ("target", "done", "pct"):
            cell: Cell | None = getattr(row, part)
            if cell is not None:
                out.setdefault(cell_ref(row, part), cell)
    st = report.staffing
    for name in type(st).model_fields:
        value = getattr(st, name)
        if isinstance(value, Number):
            out[f"staffing/{name}"] = value
    sc = report.scoring
    if sc.total is not None:
        out["scoring/total"] = sc.total
    for ps in sc.party_scores:
        out.setdefault(f"scoring/party/{ps.party}", ps.score)
    for fig in report.indicators.narrative:
        out.setdefault(narrative_ref(fig), fig)
    for r in st.roster:
        if r.on_post is not None:
            out[f"roster/{r.group}/{r.seq}/on_post"] = r.on_post
    for t in st.roster_totals:
        for column in ("on_post", "experienced"):
            n: Number | None = getattr(t, column)
            if n is not None:
                out[f"roster_totals/{t.scope}/{column}"] = n
    return out


def _reread(fig: Figure, number: str, new: Decimal) -> tuple[Edit, ...]:
    printed = fig.printed or ""
    text = printed.replace(number, format(new, "f"), 1)
    return ((fig, "printed", text), (fig, "value", float(new)))


def character_readings(fig: Figure) -> list[Reading]:
    """A thousands separator read as a decimal point or the other way ("1,734" / "1.734");
    for a figure read by OCR, a decimal point lost or seen where there is none, and each
    character the engine was unsure of read as another digit."""
    printed = fig.printed or ""
    m = _NUM.search(printed)
    if m is None or fig.value is None:
        return []
    number = m.group(0)
    out: list[Reading] = []
    sep = _THOUSANDS.match(number)
    if sep:
        as_thousands = Decimal(sep[1] + sep[2])
        other = Decimal(f"{sep[1]}.{sep[2]}") if exact(fig.value) == as_thousands else as_thousands
        out.append(
            Reading(
                "misread.separator",
                {"printed": printed, "reading": plain(Fraction(other))},
                _reread(fig, number, other),
            )
        )
    ocr = fig.prov is not None and fig.prov.confidence is not None
    digits = number.replace(",", "").replace("，", "")
    if ocr and "." in digits:
        alts = [Decimal(digits.replace(".", ""))]
    elif ocr and len(digits) >= 2:
        alts = [Decimal(f"{digits[:-k]}.{digits[-k:]}") for k in (1, 2) if len(digits) > k]
    else:
        alts = []
    for alt in alts:
        out.append(
            Reading(
                "misread.decimal_point",
                {"printed": printed, "reading": format(alt, "f")},
                _reread(fig, number, alt),
            )
        )
    for reading in confusable_readings(printed, doubtful_offsets(fig)):
        value = reading_value(reading)
        if value is not None:
            edits: tuple[Edit, ...] = ((fig, "printed", reading), (fig, "value", value))
            out.append(
                Reading("misread.ocr_digit", {"printed": printed, "reading": reading}, edits)
            )
    return out


def _characters(ctx: Ctx) -> Iterator[Reading]:
    """The character readings of every figure at the finding's locations; when there is
    none to try (digits of a text layer, no separator), that is said."""
    figs = figures(ctx.report)
    seen: list[Figure] = []
    texts: list[str] = []
    for loc in ctx.finding.locations:
        fig = figs.get(loc.ref)
        if fig is None or any(fig is s for s in seen):
            continue
        seen.append(fig)
        texts.append(fig.printed or "")
    tried = [r for fig in seen for r in character_readings(fig)]
    yield from tried
    if texts and not tried:
        yield Reading(
            "misread.characters",
            {"figures": joined((same(t) for t in texts), "、", ", ")},
            fits=False,
            why_not=say("misread.why.text_layer"),
        )


# --- indicator tables ---------------------------------------------------------------------


def _row_at(ctx: Ctx, parts: tuple[str, ...]) -> tuple[IndicatorRow, str] | None:
    for row in ctx.rows():
        for part in parts:
            if getattr(row, part) is not None and cell_ref(row, part) == ctx.ref:
                return row, part
    return None


def _val(cell: Cell | None) -> Fraction | None:
    return None if cell is None or cell.value is None else exact(cell.value)


def _neighbours(items: list[IndicatorRow], row: IndicatorRow) -> list[IndicatorRow]:
    i = next(k for k, r in enumerate(items) if r is row)
    return [items[j] for j in (i - 1, i + 1) if 0 <= j < len(items)]


def _rate_fails(row: IndicatorRow) -> bool | None:
    """Whether the row's printed rate fails to recompute; None where it cannot be tried."""
    t, d = _val(row.target), _val(row.done)
    p = parse_printed(row.pct.printed, row.pct.value) if row.pct else None
    if not t or d is None or p is None:
        return None
    return not agreement(d / t * 100, p)


def _recomputes(row: IndicatorRow) -> bool:
    t, d = _val(row.target), _val(row.done)
    p = parse_printed(row.pct.printed, row.pct.value) if row.pct else None
    return bool(t and d is not None and p and t != d and agreement(d / t * 100, p))


def _pct(ctx: Ctx) -> Iterator[Reading]:
    """A rate: rounding and truncation, the row's two columns swapped, the rate of the
    neighbouring row or column group, the rate over the total's target."""
    at = _row_at(ctx, ("pct",))
    if at is None:
        return
    row = at[0]
    t, d = _val(row.target), _val(row.done)
    p = parse_printed(row.pct.printed, row.pct.value) if row.pct else None
    if t is None or d is None or not t or p is None:
        return
    calc = f"{plain(d)} ÷ {plain(t)} = {rate_shown(d / t * 100, p, 3)}"
    yield Reading("misread.precision", {"calc": calc}, fits=False)
    table = [r for r in ctx.rows() if r.table == row.table and r is not row and not r.uncertain]
    as_read = sum(_recomputes(r) for r in table)
    yield Reading(
        "misread.columns_swapped",
        {"row": row_name(row)},
        ((row, "target", row.done), (row, "done", row.target)),
        why_not=say("misread.why.table_as_read", n=as_read) if as_read else None,
    )
    group = [
        r
        for r in ctx.rows()
        if (r.table, r.indicator, r.measure) == (row.table, row.indicator, row.measure)
    ]
    siblings = [
        r
        for r in ctx.rows()
        if (r.table, r.area, r.post, r.scope) == (row.table, row.area, row.post, row.scope)
    ]
    # the same indicator and measure in another row; the same row in another column group
    for code, rows in (("misread.neighbour_row", group), ("misread.neighbour_column", siblings)):
        for other in _neighbours(rows, row):
            if other.target is not None and other.done is not None:
                yield Reading(
                    code,
                    {"other": row_name(other)},
                    ((row, "target", other.target), (row, "done", other.done)),
                )
    total = next((r for r in group if is_total(r) and r.target is not None), None)
    if total is not None and total is not row and total.target is not None:
        yield Reading(
            "misread.other_base",
            {"base": total.target.printed},
            ((row, "target", total.target),),
        )
    # the header's two columns taken the wrong way round: every row of the group swapped
    paired = [r for r in group if r.target is not None and r.done is not None and not r.uncertain]
    if len(paired) > 1:
        yield Reading(
            "misread.group_swapped",
            {"label": row.label},
            tuple(e for r in paired for e in ((r, "target", r.done), (r, "done", r.target))),
        )
    yield _role_format(ctx, [row])
    yield from _column_swaps(ctx, row)
    yield from _run_together(ctx, [(row, "target"), (row, "done")])
    # the rate's own line, and, where each role has a line of its own, the target's and
    # the done figure's (one line read off moves the rate of every row on it)
    yield from _line_shifts(ctx, [(row, "pct"), (row, "target"), (row, "done")])


def _area_group_swapped(ctx: Ctx, row: IndicatorRow) -> Reading | None:
    """The target and done columns of `row`'s 片区 (or 社工点, or 合计) read the wrong way
    round in every indicator: a table with the 片区 as column groups whose group header
    was read in the wrong order. None when the group has one row."""
    at = (row.table, row.area, row.post, row.scope)
    group = [
        r
        for r in ctx.rows()
        if (r.table, r.area, r.post, r.scope) == at
        and r.target is not None
        and r.done is not None
        and not r.uncertain
    ]
    if len(group) < 2:
        return None
    edits = tuple(e for r in group for e in ((r, "target", r.done), (r, "done", r.target)))
    name = _label(row) or say("scope.total")
    return Reading("misread.area_group_swapped", {"area": name}, edits)


def _column_swaps(ctx: Ctx, row: IndicatorRow) -> Iterator[Reading]:
    """Two whole columns of the table read the wrong way round (a header read in the
    wrong order): the target and done of the row's 片区 column group, in every indicator
    (`_area_group_swapped`); or one role's columns of the row's indicator group and a
    neighbouring group's (建档's 协议量 read under 电访's and the other way round), in
    every row. Every row of the table moves: a published slip, one cell, is not mended
    so — read that way, the other rows break (the re-run's test)."""
    swapped = _area_group_swapped(ctx, row)
    if swapped is not None:
        yield swapped
    table = [r for r in ctx.rows() if r.table == row.table and not r.uncertain]
    groups = list(dict.fromkeys((r.indicator, r.measure) for r in table))
    if (row.indicator, row.measure) not in groups:
        return
    k = groups.index((row.indicator, row.measure))
    mine = [r for r in table if (r.indicator, r.measure) == groups[k]]
    for j in (k - 1, k + 1):
        if not 0 <= j < len(groups):
            continue
        theirs = {
            (r.area, r.post, r.scope): r for r in table if (r.indicator, r.measure) == groups[j]
        }
        for part in ("target", "done"):
            edits: list[Edit] = []
            for r in mine:
                other = theirs.get((r.area, r.post, r.scope))
                if other is not None and getattr(r, part) and getattr(other, part):
                    edits += [(r, part, getattr(other, part)), (other, part, getattr(r, part))]
            if len(edits) >= 4:  # two rows at least: a column, not a cell
                label = next(iter(theirs.values())).label
                params = {"label": row.label, "other": label, "part": say(f"part.{part}")}
                yield Reading("misread.group_columns_swapped", params, tuple(edits))


_PERCENT = ("%", "％")


def _percent(cell: Cell | None) -> bool:
    return cell is not None and any(m in (cell.printed or "") for m in _PERCENT)


def _role_format(ctx: Ctx, rows: list[IndicatorRow]) -> Reading:
    """A figure printed in another role's format, as a line read one column off puts it
    (a cell lost before the rate, the rate then in a count column): a count cell printing
    a percentage while the row's other count does not, or a rate cell printing a whole
    number with no % while most of the table's other rates print one. A published slip
    keeps its column's format; a row of percentages (满意度 90% │ 95%) is its own format."""
    for row in rows:
        counts = [row.target, row.done]
        marked = [c for c in counts if c is not None and _percent(c)]
        if len(marked) == 1 and all(c is not None for c in counts):
            params = {"row": row_name(row), "printed": marked[0].printed}
            return Reading("misread.role_format", params, fits=True)
        p = row.pct
        if p is not None and p.value is not None and (p.printed or "").strip().isdigit():
            others = [
                r.pct
                for r in ctx.rows()
                if r.table == row.table and r is not row and r.pct and r.pct.value is not None
            ]
            if 2 * sum(_percent(c) for c in others) > len(others):
                params = {"row": row_name(row), "printed": p.printed}
                return Reading("misread.role_format", params, fits=True)
    why = say("misread.why.roles_as_printed")
    return Reading("misread.role_format", {"row": "—", "printed": "—"}, fits=False, why_not=why)


def _level(whole: IndicatorRow, group: list[IndicatorRow]) -> list[IndicatorRow]:
    """The rows `sum.area_total` adds up for `whole` (its 片区, or its 社工点)."""
    if is_total(whole):
        areas = [r for r in group if is_area(r)]
        return areas or [r for r in group if r.scope == "post"]
    return [r for r in group if r.scope == "post" and r.area == whole.area]


def _label(r: IndicatorRow) -> str:
    return r.post or r.area or ""


def _sum(ctx: Ctx) -> Iterator[Reading]:
    """A sum: a row read twice or missed, rows unread below a whole that disagrees in
    every column, a total of another scope, the total row's two columns swapped."""
    at = _row_at(ctx, ("target", "done"))
    if at is None:
        return
    whole, part = at
    group = _group_of(ctx, whole)
    parts = _level(whole, group)
    labels = [_label(r) for r in parts]
    twice = [r for i, r in enumerate(parts) if labels[i] in labels[:i]]
    if twice:
        rows = [r for r in ctx.rows() if all(r is not x for x in twice)]
        yield Reading(
            "misread.row_twice", {"n": len(parts)}, ((ctx.report.indicators, "rows", rows),)
        )
    else:
        why = say("misread.why.each_once", n=len(parts))
        yield Reading("misread.row_twice", {"n": len(parts)}, fits=False, why_not=why)
    scope = parts[0].scope if parts else None
    # the labels listed at that level: in the whole's table, or, for a 合计 added up from
    # the 片区 rows of other tables (one table per 片区), in any table of the report
    apart = any(r.table != whole.table for r in parts)
    listed = {
        _label(r)
        for r in ctx.rows()
        if (apart or r.table == whole.table)
        and r.scope == scope
        and (scope != "post" or r.area == whole.area)
        and not r.uncertain
    }
    missing = sorted(listed - set(labels))
    printed = _val(getattr(whole, part))
    added = exact_sum(v for r in parts if (v := _val(getattr(r, part))) is not None)
    if missing:
        yield Reading(
            "misread.row_missed",
            {"labels": joined((same(m) for m in missing), "、", ", ")},
            fits=printed is not None and printed > added,
        )
    else:
        yield Reading(
            "misread.row_missed", {"labels": "—"}, fits=False, why_not=say("misread.why.all_rows")
        )
    yield _rows_unread(ctx, whole)
    posts = [r for r in group if r.scope == "post"]
    if is_total(whole) and posts and any(is_area(r) for r in group):
        vals = [_val(getattr(r, part)) for r in posts]
        if all(v is not None for v in vals):
            s = exact_sum(v for v in vals if v is not None)
            yield Reading("misread.other_scope", {"sum": plain(s)}, fits=s == printed)
    yield Reading(
        "misread.total_columns_swapped",
        {},
        ((whole, "target", whole.done), (whole, "done", whole.target)),
    )
    yield _role_format(ctx, [whole, *parts])
    # a 片区 column group read the wrong way round: its own rates fail in every indicator
    for r in parts:
        if _rate_fails(r):
            swapped = _area_group_swapped(ctx, r)
            if swapped is not None:
                yield swapped
    yield from _run_together(ctx, [(whole, part), *((r, part) for r in parts)])
    yield from _line_shifts(ctx, [(whole, part), *((r, part) for r in parts)])


# --- two figures read as one --------------------------------------------------------------

# A count read as two figures run together (a struck figure and the one inserted after it,
# Word's tracked changes shown; two cells' text merged) is at least RUN_TOGETHER times the
# row's other count, while each of its two halves is within RUN_TOGETHER of that count.
RUN_TOGETHER = 4


def _halves(cell: Cell | None, other: Cell | None) -> list[Fraction]:
    """The figures `cell`'s digits split into when they are two figures of `other`'s
    scale run together (each half within RUN_TOGETHER of `other`, the whole far above
    it); empty when they are not, as for any figure printed with separators or a point."""
    digits = (cell.printed or "").strip() if cell is not None else ""
    base = _val(other)
    if not digits.isdigit() or not digits.isascii() or not base or base < 0:
        return []
    if Fraction(int(digits)) < RUN_TOGETHER * base:
        return []
    out: list[Fraction] = []
    for k in range(1, len(digits)):
        head, tail = digits[:k], digits[k:]
        if len(tail) > 1 and tail[0] == "0":
            continue
        halves = [Fraction(int(head)), Fraction(int(tail))]
        if all(base / RUN_TOGETHER <= h <= base * RUN_TOGETHER for h in halves):
            out += [h for h in halves if h not in out]
    return out


def _run_together(ctx: Ctx, cells: list[tuple[IndicatorRow, str]]) -> Iterator[Reading]:
    """A count of the finding's rows read as two figures run together (`_halves`), read
    as either half and the rule run again. A published slip keeps a figure of its row's
    scale, so the reading is tried (and listed) only for a count several times its row's
    other count whose digits split into two figures of that scale."""
    for row, part in cells:
        cell: Cell | None = getattr(row, part)
        other: Cell | None = row.target if part == "done" else row.done
        if cell is None:
            continue
        for half in _halves(cell, other):
            text = plain(half)
            edit = Cell(printed=text, value=float(half), prov=cell.prov)
            params = {"row": row_name(row), "printed": cell.printed, "reading": text}
            yield Reading("misread.run_together", params, ((row, part, edit),))


# --- a printed line read one column off -----------------------------------------------------

# Two cells stand on one printed line when their vertical centres are this share of the
# first one's height apart at most. A line read one column off breaks relations it takes
# part in: at least SHIFT_FAILS fail as read, and read back at least SHIFT_HOLDS hold and
# none fails (one each: the reading is only tried where the line's end slot is empty).
SAME_LINE = 0.5
SHIFT_FAILS = 1
SHIFT_HOLDS = 1
Slot = tuple[IndicatorRow, str, Cell | None]
_PARTS = ("target", "done", "pct")


def _line_of(ctx: Ctx, row: IndicatorRow, part: str) -> list[Slot]:
    """The figure slots of `row`'s table on the printed line of its `part` (same page,
    centres level), left to right: a 片区's row across every indicator group, or, in a
    table with the 片区 as columns, one measure across the 片区. A slot of a row on the
    line whose cell was not read stands where its column's cells stand on the other
    lines; it is empty (None) in the line."""
    cell: Cell | None = getattr(row, part)
    if cell is None or cell.prov is None or cell.prov.bbox is None:
        return []
    page, (_, top, _, bottom) = cell.prov.page, cell.prov.bbox
    centre, height = (top + bottom) / 2, bottom - top

    def on_line(c: Cell | None) -> bool:
        if c is None or c.prov is None or c.prov.bbox is None or c.prov.page != page:
            return False
        _, t, _, b = c.prov.bbox
        return abs((t + b) / 2 - centre) <= SAME_LINE * height

    table = [r for r in ctx.rows() if r.table == row.table and not r.uncertain]
    here = [r for r in table if any(on_line(getattr(r, p)) for p in _PARTS)]
    # where each column's cells stand on the other lines: a column group's own (a wide
    # table), else the part's (a long table, one indicator a line)
    columns: dict[tuple[str, ...], list[float]] = {}
    for r in table:
        for p in _PARTS:
            c = getattr(r, p)
            if c is not None and c.prov is not None and c.prov.bbox is not None:
                if c.prov.page == page and not on_line(c):
                    x = c.prov.bbox[0]
                    columns.setdefault(("at", r.area or "", r.post or "", p), []).append(x)
                    columns.setdefault(("group", r.indicator, r.measure, p), []).append(x)
                    columns.setdefault(("part", p), []).append(x)
    slots: list[tuple[float, Slot]] = []
    for r in here:
        for p in _PARTS:
            c = getattr(r, p)
            if on_line(c):
                assert c is not None and c.prov is not None and c.prov.bbox is not None
                slots.append((c.prov.bbox[0], (r, p, c)))
            elif c is None and (xs := _column_x(r, p, columns, on_line)):
                slots.append((sorted(xs)[len(xs) // 2], (r, p, None)))
    for r, p in _unread_on_line(table, here, on_line):
        if xs := _column_x(r, p, columns, on_line):
            slots.append((sorted(xs)[len(xs) // 2], (r, p, None)))
    slots.sort(key=lambda s: s[0])
    return [s for _, s in slots]


def _unread_on_line(
    table: list[IndicatorRow], here: list[IndicatorRow], on_line: Callable[[Cell | None], bool]
) -> list[tuple[IndicatorRow, str]]:
    """The unread slots of a line of one measure (a table with each role on a line of
    its own: 协议量 across the 片区, or across the indicators of one 片区) that belong to
    rows with no cell on it: the rows sharing what every row on the line shares (their
    indicator, or their 片区) whose cell of that role was not read — as the 合计's
    协议量 when the line's last cell was lost."""
    parts = {p for r in here for p in _PARTS if on_line(getattr(r, p))}
    if len(parts) != 1 or len(here) < 2:
        return []
    (part,) = parts
    keys: tuple[Callable[[IndicatorRow], tuple[object, ...]], ...] = (
        lambda r: (r.indicator, r.measure),
        lambda r: (r.area, r.post, r.scope),
    )
    for key in keys:
        shared = {key(r) for r in here}
        if len(shared) == 1:
            on = {id(r) for r in here}
            return [
                (r, part)
                for r in table
                if id(r) not in on and key(r) in shared and getattr(r, part) is None
            ]
    return []


def _column_x(
    row: IndicatorRow,
    part: str,
    columns: dict[tuple[str, ...], list[float]],
    on_line: Callable[[Cell | None], bool],
) -> list[float]:
    """Where the empty slot of `row`'s `part` stands: the same 片区's (or 社工点's) cells of
    that part on the other lines (a long table, or one with the 片区 as column groups);
    else its column group's cells on the other lines (a wide table of 片区 rows); else
    the row's own other figures off this line (one column, a measure a line); else the
    part's cells anywhere on the page."""
    for key in (
        ("at", row.area or "", row.post or "", part),
        ("group", row.indicator, row.measure, part),
    ):
        if xs := columns.get(key):
            return xs
    own: list[Cell] = [c for p in _PARTS if p != part and (c := getattr(row, p)) is not None]
    if xs := [c.prov.bbox[0] for c in own if c.prov and c.prov.bbox and not on_line(c)]:
        return xs
    return columns.get(("part", part), [])


def _line_relations(ctx: Ctx, rows: list[IndicatorRow]) -> tuple[int, int]:
    """(held, failed) among the relations the rows of a printed line take part in: each
    row's rate, and each of its groups' 协议量/完成量 sums at the row's level (its 片区
    or 社工点 rows adding up to their whole, or the row as that whole)."""
    held = failed = 0
    wholes: dict[int, IndicatorRow] = {}
    for r in rows:
        fails = _rate_fails(r)
        if fails is not None:
            failed, held = failed + fails, held + (not fails)
        if is_total(r):
            wholes[id(r)] = r
            continue
        # the whole it adds up to: in its own table, or a 合计 printed in another one
        for x in ctx.rows():
            if (x.indicator, x.measure) != (r.indicator, r.measure) or id(x) in wholes:
                continue
            if (is_total(x) or (is_area(x) and r.scope == "post")) and any(
                y is r for y in _level(x, _group_of(ctx, x))
            ):
                wholes[id(x)] = x
    for whole in wholes.values():
        parts = _level(whole, _group_of(ctx, whole))
        for part in ("target", "done"):
            printed = _val(getattr(whole, part))
            vals = [_val(getattr(x, part)) for x in parts]
            if printed is None or not parts or any(v is None for v in vals):
                continue
            ok = exact_sum(v for v in vals if v is not None) == printed
            failed, held = failed + (not ok), held + ok
    return held, failed


def _line_shifts(ctx: Ctx, at: list[tuple[IndicatorRow, str]]) -> Iterator[Reading]:
    """The figures of a printed line read one column off (a cell lost or merged while
    reading it, so each figure went to its neighbour's column and the slot at one end of
    the line is empty). Read back, the figures move towards that empty slot: no figure
    read is dropped. A published slip moves one figure and breaks one or two relations;
    a line read one column off breaks most of those it takes part in (its rates, its
    groups' sums). The line explains the finding only when, as read, at least
    `SHIFT_FAILS` of them fail and, read one column back, every one that can still be
    tried holds (`SHIFT_HOLDS` at least)."""
    seen: set[tuple[int, ...]] = set()
    for row, part in at:
        line = _line_of(ctx, row, part)
        key = tuple(id(c) for _, _, c in line)
        if len([c for _, _, c in line if c is not None]) < 2 or key in seen:
            continue
        seen.add(key)
        rows = list({id(r): r for r, _, _ in line}.values())
        _, failing = _line_relations(ctx, rows)
        if failing < SHIFT_FAILS:
            continue
        params = {"row": row_name(row), "failing": failing}
        tried = list(_shifted(ctx, rows, line))
        for held, still in tried:
            if held >= SHIFT_HOLDS and not still:
                yield Reading("misread.line_shifted", params, fits=True)
            else:
                why = say("misread.why.line_still", n=still, m=held + still)
                yield Reading("misread.line_shifted", params, fits=False, why_not=why)
        # one role's cells of the line read one group off (a table printing the done
        # figure and its rate in one cell, the 协议量 alone: a cell lost among them moves
        # those only); said only when it fits
        for p in _PARTS:
            sub = [s for s in line if s[1] == p]
            if len(sub) < len(line) and any(
                held >= SHIFT_HOLDS and not still for held, still in _shifted(ctx, rows, sub)
            ):
                yield Reading("misread.line_shifted", params, fits=True)
                return


def _shifted(ctx: Ctx, rows: list[IndicatorRow], line: list[Slot]) -> Iterator[tuple[int, int]]:
    """(held, failed) among the line's relations with `line`'s figures read one slot
    back towards its empty end, for each end that is empty (a reading that drops a
    figure read is no lost cell undone); nothing when fewer than two figures."""
    cells = [c for _, _, c in line]
    n = len(cells)
    if len([c for c in cells if c is not None]) < 2:
        return
    for step in (1, -1):
        if cells[0 if step == 1 else n - 1] is not None:
            continue
        moved = [cells[i + step] if 0 <= i + step < n else None for i in range(n)]
        edits = tuple((r, p, c) for (r, p, _), c in zip(line, moved, strict=True))
        with read_as(edits):
            yield _line_relations(ctx, rows)


# A missing or misplaced row below a whole moves every figure of the whole at once; a
# published slip moves one. Rows unread explain a sum when at least this share of the
# whole's target and done figures disagree with their read parts, across at least two
# indicators (one indicator's two columns can both be a slip of one printed row).
UNREAD_SHARE = Fraction(4, 5)
UNREAD_INDICATORS = 2


def _group_of(ctx: Ctx, row: IndicatorRow) -> list[IndicatorRow]:
    """The rows of `row`'s table, indicator and measure (with, for a 合计 printed in a
    table of its own, its 片区 rows from the other tables, as `sum.area_total` takes them)."""
    group = [
        r
        for r in ctx.rows()
        if (r.table, r.indicator, r.measure) == (row.table, row.indicator, row.measure)
    ]
    if is_total(row) and not any(is_area(r) for r in group):
        group += areas_elsewhere(ctx.report).get((row.indicator, row.measure), [])
    return group


def _rows_unread(ctx: Ctx, whole: IndicatorRow) -> Reading:
    """Rows missing from the read, or read under another group (a table running over a
    page break, a 片区 label lost): then every target and done figure the whole prints
    — for each indicator of its table — differs from the sum of the rows read below it,
    where a published slip touches one cell."""
    key = (whole.table, whole.scope, whole.area, whole.post)
    checked, differ = 0, 0
    indicators: set[tuple[str, str]] = set()
    ratios: list[Fraction] = []
    for row in ctx.rows():
        if (row.table, row.scope, row.area, row.post) != key:
            continue
        parts = _level(row, _group_of(ctx, row))
        if not parts:
            continue
        for part in ("target", "done"):
            printed = _val(getattr(row, part))
            vals = [_val(getattr(r, part)) for r in parts]
            if printed is None or any(v is None for v in vals):
                continue
            checked += 1
            added = exact_sum(v for v in vals if v is not None)
            if added == printed:
                continue
            differ += 1
            indicators.add((row.indicator, row.measure))
            if added:
                ratios.append(printed / added)
    ratio = "—"
    if ratios:
        low, high = min(ratios), max(ratios)
        ratio = fmt(low, 2) if low == high else f"{fmt(low, 2)}–{fmt(high, 2)}"
    params: dict[str, object] = {"differ": differ, "checked": checked, "ratio": ratio}
    if len(indicators) >= UNREAD_INDICATORS and differ >= UNREAD_SHARE * checked:
        return Reading("misread.rows_unread", params, fits=True)
    why = say("misread.why.few_columns", differ=differ, checked=checked)
    return Reading("misread.rows_unread", params, fits=False, why_not=why)


# --- scores ---------------------------------------------------------------------------------


def _score_sum(ctx: Ctx) -> Iterator[Reading]:
    """Scores: the parties' accumulated rounding, a party read twice, a party the total
    leaves out (a sub-score read as a party), or the total read as a party's score."""
    sc = ctx.report.scoring
    total = parse_printed(sc.total.printed, sc.total.value) if sc.total else None
    scores = [(ps, parse_printed(ps.score.printed, ps.score.value)) for ps in sc.party_scores]
    if total is None or any(p is None for _, p in scores):
        return
    vals = [(ps, p) for ps, p in scores if p is not None]
    s = sum((p.value for _, p in vals), Fraction(0))
    slack = sum((p.step / 2 for _, p in vals), Fraction(0)) + total.step / 2
    yield Reading("misread.accumulated", {"slack": fmt(slack, total.decimals + 1)}, fits=False)
    names = [ps.party for ps, _ in vals]
    twice = [ps for i, (ps, _) in enumerate(vals) if ps.party in names[:i]]
    if twice:
        kept = [ps for ps in sc.party_scores if all(ps is not x for x in twice)]
        yield Reading("misread.party_twice", {}, ((sc, "party_scores", kept),))
    else:
        why = say("misread.why.parties_once", n=len(vals))
        yield Reading("misread.party_twice", {}, fits=False, why_not=why)
    parties = joined(say(f"party.{ps.party}") for ps, _ in vals)
    fits = any(abs(s - p.value - total.value) <= slack for _, p in vals)
    yield Reading("misread.party_outside", {"parties": parties}, fits=fits)
    yield _scale_figure(ctx, total.value, total.decimals, [p.decimals for _, p in vals])
    yield _full_marks_as_scores(ctx)
    yield from _total_as_party(ctx)
    yield from _score_columns_swapped(ctx)
    yield _unweighted_scores(ctx)
    yield from _deductions_as_scores(ctx)
    yield _score_out_of_place(ctx)


def _total_as_party(ctx: Ctx) -> Iterator[Reading]:
    """A party's score that is the total read in its place: a figure equal to the printed
    total and above the party's weight (a table with the parties as columns whose merged
    综合得分 row was taken for the first party's), which no party can have scored."""
    sc = ctx.report.scoring
    total = parse_printed(sc.total.printed, sc.total.value) if sc.total else None
    if total is None:
        return
    weights = {w.party: exact(w.weight) for w in sc.weights}
    one = ctx.ref.removeprefix("scoring/party/") if ctx.ref.startswith("scoring/party/") else None
    for ps in sc.party_scores:
        if one is not None and ps.party != one:
            continue
        p = parse_printed(ps.score.printed, ps.score.value)
        cap = weights.get(ps.party)
        if p is not None and cap is not None and p.value == total.value and p.value > cap:
            yield Reading("misread.total_as_party", {}, fits=True)
            return
    why = say("misread.why.no_total_as_party", total=total.text)
    yield Reading("misread.total_as_party", {}, fits=False, why_not=why)


def _score_cap(ctx: Ctx) -> Iterator[Reading]:
    """A party's score above its weight: the total read as the party's, the score
    table's weight and score columns taken the wrong way round, or its line of scores
    read one column off."""
    yield from _total_as_party(ctx)
    yield from _score_columns_swapped(ctx)
    yield from _score_line_shifted(ctx)
    yield from _score_line_rotated(ctx)
    yield _score_out_of_place(ctx)
    yield _party_columns(ctx)
    yield from _scores_swapped(ctx)


def _party_columns(ctx: Ctx) -> Reading:
    """The score table's party columns read against the wrong headers: the table prints
    its own weights beside the scores — the text's weights in another order — and with
    them every party's score fits its weight (the re-run's test): the weights and the
    scores moved together under other parties' names. A party scored above its weight
    in a table whose weights agree with the text's is no misread."""
    sc = ctx.report.scoring
    table = {w.party: w.weight for w in sc.table_weights}
    used = {w.party: w.weight for w in sc.weights}
    if not table or sorted(table.values()) != sorted(used.values()) or table == used:
        why = say("misread.why.table_weights_agree")
        return Reading("misread.party_columns", {}, fits=False, why_not=why)
    return Reading("misread.party_columns", {}, ((sc, "weights", list(sc.table_weights)),))


def _score_order(ctx: Ctx) -> tuple[list[PartyScore], int]:
    """The parties' scores in their printed order when each was read from a cell of its
    own (the cell holds the figure alone) of one table: on one printed line, left to right
    (the parties as columns), or down one column (the parties as lines); with the axis
    along which the score cells overlap (1: a line, 0: a column). [] otherwise."""
    scores = ctx.report.scoring.party_scores
    placed: list[tuple[tuple[float, float, float, float], PartyScore]] = []
    for ps in scores:
        prov = ps.score.prov
        if prov is None or prov.bbox is None or prov.text.strip() != (ps.score.printed or ""):
            return [], 0
        placed.append((prov.bbox, ps))
    pages = {ps.score.prov.page for ps in scores if ps.score.prov is not None}
    if len(placed) < 2 or len(pages) != 1:
        return [], 0
    for lo, hi in ((1, 3), (0, 2)):  # one line (top, bottom), then one column (x0, x1)
        start = max(b[lo] for b, _ in placed)
        end = min(b[hi] for b, _ in placed)
        if start < end:
            return [ps for _, ps in sorted(placed, key=lambda x: x[0][1 - lo])], lo
    return [], 0


def _beside(a: tuple[float, ...], b: tuple[float, ...], lo: int) -> bool:
    """Whether two boxes overlap along the axis from `lo` (0: x, 1: y)."""
    return max(a[lo], b[lo]) < min(a[lo + 2], b[lo + 2])


def _weight_beside(ps: PartyScore, tabled: list[PartyWeight], axis: int) -> PartyWeight | None:
    """The party's weight as its score's table prints it: on the score's page, in the
    score's column (`axis` 0) or on its line (1)."""
    box = ps.score.prov
    for w in tabled:
        at = w.prov
        if w.party != ps.party or at is None or at.bbox is None:
            continue
        if box is not None and box.bbox is not None and at.page == box.page:
            if _beside(at.bbox, box.bbox, axis):
                return w
    return None


def _scores_swapped(ctx: Ctx) -> Iterator[Reading]:
    """The finding's party's score and a neighbouring party's read against each other's
    headers (a score table's header read two parties the wrong way round): swapped back,
    every party's score must fit its weight (the re-run's test). Nothing else in a table
    that prints only the scores tells this from a report that printed the two the wrong
    way round — a swap keeps the parties' sum, so the total and the grade — so it is a
    plausible misread, and the scores are not checked. Tried on scores read from one
    table's cells on one line or down one column, for the parties beside each other
    there. Ruled out by what a swap keeps or a table shows: the parties' scores must
    make the printed total, as a swap leaves them (a published slip of one score breaks
    it); and where the table prints each party's weight in its score's column (or line)
    and those are the weights used, the columns were read as printed."""
    sc = ctx.report.scoring
    one = ctx.ref.removeprefix("scoring/party/") if ctx.ref.startswith("scoring/party/") else None
    order, line = _score_order(ctx)
    at = next((i for i, ps in enumerate(order) if ps.party == one), None)
    if at is None:
        return
    weights = {w.party: exact(w.weight) for w in sc.weights}
    total = parse_printed(sc.total.printed, sc.total.value) if sc.total else None
    scores = [parse_printed(ps.score.printed, ps.score.value) for ps in sc.party_scores]
    why: Said | None = None
    if total is None or any(p is None for p in scores):
        why = say("misread.why.swap_no_total")
    else:
        read = [p for p in scores if p is not None]
        slack = sum((p.step / 2 for p in read), Fraction(0)) + total.step / 2
        if abs(exact_sum(p.value for p in read) - total.value) > slack:
            why = say("misread.why.swap_no_total")
    used = {w.party: w.weight for w in sc.weights}
    tabled = sc.table_weights
    for other in (order[j] for j in (at - 1, at + 1) if 0 <= j < len(order)):
        me = order[at]
        if me.party not in weights or other.party not in weights:
            continue
        beside = [w for ps in (me, other) if (w := _weight_beside(ps, tabled, 1 - line))]
        beside = [w for w in beside if w.weight == used.get(w.party)]
        params: dict[str, object] = {
            "party": say(f"party.{me.party}"),
            "other": say(f"party.{other.party}"),
        }
        edits: tuple[Edit, ...] = ((me, "score", other.score), (other, "score", me.score))
        if why is None and len(beside) == 2:
            why_here: Said | None = say("misread.why.weights_beside_scores")
        else:
            why_here = why
        yield Reading("misread.scores_swapped", params, edits, why_not=why_here)


# The parties' scores stand on one printed line when their vertical centres are this
# share of a cell's height apart at most (as `SAME_LINE` for indicator lines); read one
# column back, at least this many parties' scores must be checked against their weights.
SCORE_LINE_HOLDS = 2
ScoreSlot = tuple[str, Number | None]


def _score_line(ctx: Ctx) -> list[ScoreSlot]:
    """The parties' scores in a table with the parties as columns, left to right (the
    scores on one printed line of one page, at least two); [] when they are not so."""
    scores = ctx.report.scoring.party_scores
    boxes = [ps.score.prov for ps in scores]
    if len(scores) < 2 or any(p is None or p.bbox is None for p in boxes):
        return []
    placed = [(p.page, p.bbox) for p in boxes if p is not None and p.bbox is not None]
    page, (_, top, _, bottom) = placed[0]
    centre, height = (top + bottom) / 2, bottom - top
    for pg, (_, t, _, b) in placed:
        if pg != page or abs((t + b) / 2 - centre) > SAME_LINE * height:
            return []
    order = sorted(zip(placed, scores, strict=True), key=lambda x: x[0][1][0])
    return [(ps.party, ps.score) for _, ps in order]


def _score_line_shifted(ctx: Ctx) -> Iterator[Reading]:
    """The parties' scores on their printed line read one column off (a cell lost while
    reading it: each score in its neighbour's column, the slot at one end empty). The
    empty slot is that of the one party whose weight is printed and whose score was not
    read (at either end of the line), or that of the 综合得分 beside the parties, whose
    printed total the end party's score then equals. Read back, every figure moves
    towards that slot and the party at the other end has none. A published slip moves
    one score and leaves every slot read: it is only tried when a slot is empty, and fits
    only when, read back, every party's score fits its weight (`SCORE_LINE_HOLDS`
    checked at least)."""
    sc = ctx.report.scoring
    line = _score_line(ctx)
    if not line:
        return
    weights = {w.party: exact(w.weight) for w in sc.weights}
    read = {party for party, _ in line}
    unread = [w.party for w in sc.weights if w.party not in read]
    total = _val_number(sc.total)
    tries: list[tuple[list[ScoreSlot], int]] = []  # the line with its empty slot, the step
    if len(unread) == 1:
        tries += [([*line, (unread[0], None)], 1), ([(unread[0], None), *line], -1)]
    elif not unread and total is not None:
        # the total's slot beside the parties: the end party's score is the total
        for end, step in ((-1, 1), (0, -1)):
            if _val_number(line[end][1]) == total:
                tries.append((line, step))
    if not tries:
        why = say("misread.why.score_line_read")
        yield Reading("misread.score_line_shifted", {}, fits=False, why_not=why)
        return
    for slots, step in tries:
        figs = [n for _, n in slots]
        n = len(figs)
        moved = [figs[i - step] if 0 <= i - step < n else None for i in range(n)]
        back = [
            PartyScore(party=party, score=fig)
            for (party, _), fig in zip(slots, moved, strict=True)
            if fig is not None
        ]
        checked = [(ps, weights[ps.party]) for ps in back if ps.party in weights]
        over = sum(exact(ps.score.value) > cap for ps, cap in checked)
        edits: tuple[Edit, ...] = ((sc, "party_scores", back),)
        if over or len(checked) < SCORE_LINE_HOLDS:
            why = say("misread.why.score_line_still", n=over, m=len(checked))
            yield Reading("misread.score_line_shifted", {}, edits, why_not=why)
        else:
            yield Reading("misread.score_line_shifted", {}, edits)


# A line of scores read rotated is only tried when, as read, at least this many parties
# exceed their weights: a published slip moves one score.
ROTATED_OVER = 2


def _score_line_rotated(ctx: Ctx) -> Iterator[Reading]:
    """The parties' line of scores read in another order: each score in its neighbour's
    column and the one at an end read at the other end (the line's cells taken one
    column round). Tried on a line where every weighted party's score was read (three
    at least) and at least `ROTATED_OVER` of them exceed their weights as read; read one
    column back either way, every party's score must fit its weight (the re-run's
    test). A published slip moves one score: one party exceeds its weight."""
    sc = ctx.report.scoring
    line = _score_line(ctx)
    weights: dict[str, Fraction] = {w.party: exact(w.weight) for w in sc.weights}
    if len(line) < 3 or any(party not in weights or n is None for party, n in line):
        why = say("misread.why.no_score_line")
        yield Reading("misread.score_line_rotated", {}, fits=False, why_not=why)
        return
    figs = [n for _, n in line if n is not None]
    over = sum(exact(n.value) > weights[party] for party, n in line if n is not None)
    for step in (1, -1):
        moved = figs[step:] + figs[:step]
        back = [
            PartyScore(party=party, score=fig) for (party, _), fig in zip(line, moved, strict=True)
        ]
        edits: tuple[Edit, ...] = ((sc, "party_scores", back),)
        if over < ROTATED_OVER:
            why = say("misread.why.one_over", n=over)
            yield Reading("misread.score_line_rotated", {}, edits, why_not=why)
        else:
            yield Reading("misread.score_line_rotated", {}, edits)


def _unweighted_scores(ctx: Ctx) -> Reading:
    """The parties' scores out of the full scale (评分（百分制）, before weighting) read
    as their weighted scores: a score table printing both, a line read one column off
    or rotated, puts the former in the score column. Then every party's score is above
    its weight and within the full scale (the weights' sum), and the printed total,
    their weighted mean, lies between the lowest and the highest of them. A published
    slip moves one score: the other parties' stay within their weights."""
    sc = ctx.report.scoring
    weights = {w.party: exact(w.weight) for w in sc.weights}
    scale = sum(weights.values(), Fraction(0))
    total = _val_number(sc.total)
    vals = [(ps.party, exact(ps.score.value)) for ps in sc.party_scores]
    params: dict[str, object] = {"scale": plain(scale)}
    if total is not None and len(vals) >= 2 and all(p in weights for p, _ in vals):
        above = all(weights[p] < v <= scale for p, v in vals)
        if above and min(v for _, v in vals) <= total <= max(v for _, v in vals):
            return Reading("misread.unweighted_scores", params, fits=True)
    why = say("misread.why.scores_weighted", scale=plain(scale))
    return Reading("misread.unweighted_scores", params, fits=False, why_not=why)


def _printed_weights(ctx: Ctx) -> dict[Party, PartyWeight] | None:
    """The weights by party when the report prints them and every scored party has one:
    the readings that re-derive scores from the weights need nothing less."""
    sc = ctx.report.scoring
    weights = {w.party: w for w in sc.weights}
    if sc.weights_source != "report" or not sc.party_scores:
        return None
    if any(ps.party not in weights for ps in sc.party_scores):
        return None
    return weights


def _deductions_as_scores(ctx: Ctx) -> Iterator[Reading]:
    """The points each party lost (分值 │ 扣分 │ 得分 read one column off) read as its
    score: read so, each party's score is its weight less the figure read, and these
    must make the printed total (the re-run's test). A published slip leaves the scores
    near the total, not near the full scale less it."""
    weights = _printed_weights(ctx)
    if weights is None:
        return
    edits: list[Edit] = []
    for ps in ctx.report.scoring.party_scores:
        p = parse_printed(ps.score.printed, ps.score.value)
        if p is None:
            return
        left = exact(weights[ps.party].weight) - p.value
        printed = fmt(left, p.decimals)
        edits.append((ps, "score", Number(value=float(left), printed=printed, prov=ps.score.prov)))
    yield Reading("misread.deductions_as_scores", {}, tuple(edits))


# The parties' scores stand in one column when their boxes share a horizontal band (or
# on one line when they share a vertical one); it takes this many besides the one out
# of place to see where the others stand.
PLACE_OTHERS = 2


def _score_out_of_place(ctx: Ctx) -> Reading:
    """One party's score read from another column than the other parties' (or, the
    parties as columns, from another line): a cell lost in its printed line moves the
    party's figures one column, and its score is read from the neighbouring column (the
    weight's, the 满分's). Tried on scores read from cells of their own (the cell holds
    the figure alone) on one page: the others, `PLACE_OTHERS` at least, stand in one
    column on lines of their own (or on one line in columns of their own), and the one
    outside it is the misread. A published slip stands in its party's cell."""
    sc = ctx.report.scoring
    boxes: list[tuple[str, tuple[float, float, float, float]]] = []
    pages: set[int] = set()
    for ps in sc.party_scores:
        prov = ps.score.prov
        if prov is None or prov.bbox is None or prov.text.strip() != (ps.score.printed or ""):
            continue
        boxes.append((ps.party, prov.bbox))
        pages.add(prov.page)
    params: dict[str, object] = {"party": "—"}
    if len(pages) == 1 and len(boxes) > PLACE_OTHERS:
        for i, (party, box) in enumerate(boxes):
            others = [b for j, (_, b) in enumerate(boxes) if j != i]
            for lo, hi in ((0, 2), (1, 3)):  # a column (x0, x1), then a line (top, bottom)
                start = max(b[lo] for b in others)
                end = min(b[hi] for b in others)
                across = (1 - lo, 3 - lo)  # the other axis: each on a line (column) of its own
                spans = sorted((b[across[0]], b[across[1]]) for b in others)
                apart = all(a[1] <= b[0] + 0.5 for a, b in pairwise(spans))
                if start < end and apart and (box[hi] <= start or box[lo] >= end):
                    params = {"party": say(f"party.{party}")}
                    return Reading("misread.score_out_of_place", params, fits=True)
    why = say("misread.why.scores_in_place")
    return Reading("misread.score_out_of_place", params, fits=False, why_not=why)


def _val_number(n: Number | None) -> Fraction | None:
    return None if n is None else exact(n.value)


def _score_columns_swapped(ctx: Ctx) -> Iterator[Reading]:
    """The weights and the scores read from a score table's two columns the wrong way
    round (权重 │ 得分 taken as 得分 │ 权重): every party's weight and score swapped. A
    published slip moves one score; swapped so, every party's score must fit its weight
    and the total (the re-run's test), which only a table read the wrong way round does."""
    weights = _printed_weights(ctx)
    if weights is None:
        return
    edits: list[Edit] = []
    for ps in ctx.report.scoring.party_scores:
        w = weights[ps.party]
        as_score = Number(value=w.weight, printed=f"{w.weight:g}", prov=w.prov)
        edits += [(ps, "score", as_score), (w, "weight", ps.score.value)]
    yield Reading("misread.score_columns_swapped", {}, tuple(edits))


def _scale_figure(ctx: Ctx, total: Fraction, decimals: int, parties: list[int]) -> Reading:
    """The total read from the report's own scale: a whole-number edge of the bands it
    prints ("综合得分90分（含）以上为优秀") or the sum of the weights it prints, beside
    parties scored to decimals (a score is then not what was read)."""
    sc = ctx.report.scoring
    edges: set[Fraction] = set()
    if sc.bands_source == "report":
        edges |= {exact(e) for b in sc.bands for e in (b.lower, b.upper) if e is not None}
    if sc.weights_source == "report" and sc.weights:
        edges.add(sum((exact(w.weight) for w in sc.weights), Fraction(0)))
    printed = sc.total.printed if sc.total is not None else None
    params: dict[str, object] = {"total": printed or plain(total)}
    if total in edges and decimals == 0 and any(d > 0 for d in parties):
        return Reading("misread.scale_figure", params, fits=True)
    why = say("misread.why.not_scale_figure", total=printed or plain(total))
    return Reading("misread.scale_figure", params, fits=False, why_not=why)


def _full_marks_as_scores(ctx: Ctx) -> Reading:
    """The score table's 满分 column read as the scores (its two columns taken the wrong
    way round, the scores then no weights the reader takes): every party's score read
    is a whole number and together they make the full scale — the sum of the weights —
    exactly, while the total is a score below it printed to decimals (for `score.sum`)
    or is that full scale too, read from the same column (for `grade.band`). A published
    slip moves one figure: it does not make every party's score add up to the scale."""
    sc = ctx.report.scoring
    total = parse_printed(sc.total.printed, sc.total.value) if sc.total else None
    scores = [parse_printed(ps.score.printed, ps.score.value) for ps in sc.party_scores]
    scale = sum((exact(w.weight) for w in sc.weights), Fraction(0))
    params: dict[str, object] = {"scale": plain(scale)}
    read = [p for p in scores if p is not None]
    if total is not None and sc.weights and len(read) >= 2 and len(read) == len(scores):
        added = sum((p.value for p in read), Fraction(0))
        whole = all(p.decimals == 0 and p.value.denominator == 1 for p in read)
        below = total.decimals > 0 and total.value < scale
        if whole and added == scale and (below or total.value == scale):
            return Reading("misread.full_marks_as_scores", params, fits=True)
    why = say("misread.why.scores_not_full_marks", scale=plain(scale))
    return Reading("misread.full_marks_as_scores", params, fits=False, why_not=why)


def _grade(ctx: Ctx) -> Iterator[Reading]:
    """A grade: the total on an edge of the printed grade's band, the ≥ / > misread; the
    full-mark column read as the scores and the total."""
    sc = ctx.report.scoring
    if sc.total is None or sc.grade is None:
        return
    yield _full_marks_as_scores(ctx)
    band = next((b for b in sc.bands if b.grade == sc.grade.value), None)
    total = exact(sc.total.value)
    if band is None:
        return
    edits: list[Edit] = []
    if band.lower is not None and exact(band.lower) == total:
        edits.append((band, "lower_inclusive", not band.lower_inclusive))
    if band.upper is not None and exact(band.upper) == total:
        edits.append((band, "upper_inclusive", not band.upper_inclusive))
    if edits:
        yield Reading("misread.band_edge", {}, tuple(edits))
    else:
        why = say("misread.why.not_on_edge", total=sc.total.printed or plain(total))
        yield Reading("misread.band_edge", {}, fits=False, why_not=why)


# --- narrative ------------------------------------------------------------------------------


def _narrative(ctx: Ctx) -> Iterator[Reading]:
    """A narrative figure: one of another indicator or area that the sentence names, or
    the row's target quoted instead of its done count."""
    loc = ctx.finding.locations
    fig = next(
        (
            n
            for n in ctx.report.indicators.narrative
            if narrative_ref(n) == ctx.ref
            and n.printed == ctx.finding.printed
            and n.sentence == loc[0].text
        ),
        None,
    )
    cells = figures(ctx.report)
    cell = cells.get(loc[1].ref) if len(loc) > 1 else None
    if fig is None or not isinstance(cell, Cell):
        return
    kind = "done" if fig.kind == "done" else "pct"
    row = next((r for r in ctx.rows() if getattr(r, kind) is cell), None)
    if row is not None:
        yield _compared_doubted(ctx, row, cell)
        yield _indicator_columns(ctx, fig, row, kind)
    same = [
        r
        for r in ctx.rows()
        if (c := getattr(r, kind)) is not None and c is not cell and states(fig, c)
    ]
    named = [r for r in same if (r.area and r.area in fig.sentence) or r.label in fig.sentence]
    if named:
        yield Reading("misread.other_cell", {"other": row_name(named[0])}, fits=True)
    elif same:
        why = say("misread.why.not_named", other=row_name(same[0]))
        yield Reading("misread.other_cell", {"other": row_name(same[0])}, fits=False, why_not=why)
    else:
        why = say("misread.why.no_cell", printed=fig.printed)
        yield Reading("misread.other_cell", {"other": "—"}, fits=False, why_not=why)
    if row is not None and is_total(row):
        # Compared with the 合计 while its sentence names a 片区 that has its own row: the
        # figure is that 片区's, its scope misread ("梅岭片区志愿服务 3413 小时").
        area = next(
            (
                r.area
                for r in ctx.rows()
                if is_area(r)
                and r.area
                and r.indicator == row.indicator
                and r.measure == row.measure
                and r.area in fig.sentence
            ),
            None,
        )
        if area is not None:
            yield Reading("misread.area_scope", {"area": area}, fits=True)
    if kind == "done" and row is not None and row.target is not None:
        yield Reading(
            "misread.target_cell",
            {"target": row.target.printed},
            fits=states(fig, row.target) is True,
        )
    if kind == "pct":
        yield Reading("misread.precision", {"calc": cell.printed}, fits=False)
    other = _other_quantity(fig, cell)
    if other is not None:
        yield other


def _compared_doubted(ctx: Ctx, row: IndicatorRow, cell: Cell) -> Reading:
    """The table figure the narrative is compared with is itself doubted: a finding on
    its row (its rate, its sum) was explained as a misread (a line read rotated, a
    column group off), so the row's figures as read are not the table's. A narrative
    slip against a row read cleanly finds no such doubt."""
    for part in _PARTS:
        reading = ctx.dropped.get(cell_ref(row, part)) if getattr(row, part) else None
        if reading is not None:
            return Reading("misread.compared_figure", {"reading": reading}, fits=True)
    why = say("misread.why.row_undoubted", cell=cell.printed)
    return Reading("misread.compared_figure", {"reading": "—"}, fits=False, why_not=why)


def _indicator_columns(ctx: Ctx, fig: NarrativeFigure, row: IndicatorRow, kind: str) -> Reading:
    """The table's indicator headers read against the wrong columns (two indicators'
    columns swapped, or a line's figures read rotated while its rates still recompute):
    the figure is the cell of another indicator on the row's line (same table and
    scope), and that indicator's own narrative figures disagree with its cell, one of
    them standing in a third indicator's cell on the line. Two sentences each stating
    what the table shows under another header is a read, not a slip: a narrative that
    quotes a wrong indicator's figure once leaves that indicator's own figure agreeing."""
    at = (row.table, row.scope, row.area, row.post)
    line = [r for r in ctx.rows() if (r.table, r.scope, r.area, r.post) == at and not r.uncertain]
    holders = [
        r
        for r in line
        if r is not row and (c := getattr(r, kind)) is not None and states(fig, c) is True
    ]
    if not holders:
        why = say("misread.why.no_other_indicator", printed=fig.printed)
        return Reading("misread.indicator_columns", {"other": "—"}, fits=False, why_not=why)
    for other in holders:
        crossed, agrees = False, False
        for n in ctx.report.indicators.narrative:
            if (n.indicator, n.measure, n.scope) != (other.indicator, other.measure, fig.scope):
                continue
            part = "done" if n.kind == "done" else "pct" if n.kind == "pct" else None
            own: Cell | None = getattr(other, part) if part and not n.approx else None
            if own is None or part is None:
                continue
            if states(n, own):
                agrees = True
                break
            crossed = crossed or any(
                r is not other and (c := getattr(r, part)) is not None and states(n, c) is True
                for r in line
            )
        if crossed and not agrees:
            return Reading("misread.indicator_columns", {"other": row_name(other)}, fits=True)
    other = holders[0]
    why = say("misread.why.other_agrees", other=row_name(other))
    return Reading("misread.indicator_columns", {"other": row_name(other)}, fits=False, why_not=why)


# A narrative figure this many times its cell (or a this-th of it), its digits no slip of
# the cell's, counts another quantity: a typing slip moves one or two digits, not the
# order of magnitude (a misread cell of a merged row, another population, a year's count).
MAGNITUDE = 10


def _digits(value: Fraction) -> str:
    return plain(value).replace(".", "").replace("-", "").lstrip("0")


def digit_slip(a: str, b: str) -> bool:
    """`a` is `b` but for one keystroke: equal, one digit dropped, added or changed, or
    two adjacent digits swapped (the decimal point is not counted: 24.12 ~ 2412)."""
    if a == b or transposed(a, b):
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _other_quantity(fig: NarrativeFigure, cell: Cell) -> Reading | None:
    """The figure counts something else than the cell (or the cell was misread): an order
    of magnitude apart and not a slip of the cell's digits."""
    mine = parse_printed(fig.printed, fig.value)
    theirs = _val(cell)
    params: dict[str, object] = {"printed": fig.printed, "cell": cell.printed}
    if mine is None or theirs is None or mine.value <= 0 or theirs <= 0:
        return None
    if max(mine.value / theirs, theirs / mine.value) < MAGNITUDE:
        why = say("misread.why.same_magnitude", printed=fig.printed, cell=cell.printed)
        return Reading("misread.other_quantity", params, fits=False, why_not=why)
    if digit_slip(_digits(mine.value), _digits(theirs)):
        why = say("misread.why.digit_slip", printed=fig.printed, cell=cell.printed)
        return Reading("misread.other_quantity", params, fits=False, why_not=why)
    return Reading("misread.other_quantity", params, fits=True)


def _repeats(ctx: Ctx) -> Iterator[Reading]:
    """A narrative figure repeating a table error stands or falls with that error."""
    table_ref = ctx.finding.locations[1].ref if len(ctx.finding.locations) > 1 else None
    reading = ctx.dropped.get(table_ref)
    if reading is not None:
        yield Reading("misread.table_figure", {"reading": reading}, fits=True)


# --- staffing -------------------------------------------------------------------------------


def _staffing_rate(ctx: Ctx) -> Iterator[Reading]:
    """A staffing rate: rounding, and the 稳岗率's months counted another way."""
    figs = figures(ctx.report)
    rate = figs.get(ctx.ref)
    if rate is None:
        return
    yield Reading("misread.precision", {"calc": ctx.finding.expected or ""}, fits=False)
    period = ctx.report.meta.assessment_period
    if not ctx.ref.endswith("retention_rate") or period is None:
        return
    used = report_months(ctx.report)
    others = sorted(month_counts(period) - {used})
    for m in others:
        yield Reading("misread.months", {"months": m}, ((period, "months", m),))
    if not others:
        why = say("misread.why.dates_agree", months=used)
        yield Reading("misread.months", {"months": used}, fits=False, why_not=why)


# --- roster ---------------------------------------------------------------------------------


def _roster_person(ctx: Ctx) -> Iterator[Reading]:
    """A person's 小计: their two total columns swapped, or their row and a neighbour's."""
    st = ctx.report.staffing
    row = next((r for r in st.roster if f"roster/{r.group}/{r.seq}/on_post" == ctx.ref), None)
    if row is None:
        return
    yield _columns_swapped(row)
    yield _marks_misread(ctx, row)
    group = [r for r in st.roster if r.group == row.group]
    i = next(k for k, r in enumerate(group) if r is row)
    for j in (i - 1, i + 1):
        if 0 <= j < len(group):
            other = group[j]
            yield Reading(
                "misread.rows_swapped",
                {"seq": other.seq},
                ((row, "on_post", other.on_post), (other, "on_post", row.on_post)),
            )


def _marks_misread(ctx: Ctx, row: RosterRow) -> Reading:
    """The roster's month columns not read as printed (a mark column missed or shifted,
    the 小计 taken from another column): then the other people's marks miss their 小计
    too. Plausible only when most of the others whose marks are all read do."""
    ocr = ctx.report.source.ocr is not None
    agree = differ = 0
    for other in ctx.report.staffing.roster:
        total = person_total(other, ocr) if other is not row else None
        if total is None or other.on_post is None:
            continue
        if total == exact(other.on_post.value):
            agree += 1
        else:
            differ += 1
    params: dict[str, object] = {"differ": differ, "checked": agree + differ}
    if differ > agree:
        return Reading("misread.roster_marks", params, fits=True)
    why = say("misread.why.marks_as_read", n=agree)
    return Reading("misread.roster_marks", params, fits=False, why_not=why)


def _roster_group(ctx: Ctx) -> Iterator[Reading]:
    t = next(
        (
            t
            for t in ctx.report.staffing.roster_totals
            if ctx.ref.startswith(f"roster_totals/{t.scope}/")
        ),
        None,
    )
    if t is not None:
        yield _columns_swapped(t)


def _columns_swapped(row: RosterRow | RosterTotals) -> Reading:
    """On-post and 2年以上 swapped: plausible only when, as read, the 2年以上 figure is the
    larger (a subset cannot exceed its whole)."""
    edits: tuple[Edit, ...] = (
        (row, "on_post", row.experienced),
        (row, "experienced", row.on_post),
    )
    on, exp = row.on_post, row.experienced
    if on is None or exp is None or exp.value <= on.value:
        why = say(
            "misread.why.subset",
            on_post=on.printed if on else "—",
            experienced=exp.printed if exp else "—",
        )
        return Reading("misread.roster_columns_swapped", {}, edits, why_not=why)
    return Reading("misread.roster_columns_swapped", {}, edits)


def _fraction_printed(report: Report) -> str | None:
    """A fraction a roster total prints (a month cell, a 有效人次, a 小计), if any: then
    the table's totals keep halves and do not round them."""
    texts: list[str] = []
    for t in report.staffing.roster_totals:
        texts += [plain(exact(v)) for v in t.monthly] + list(t.cells)
        texts += [n.printed or "" for n in (t.on_post, t.experienced) if n is not None]
    for text in texts:
        v = mark_value(text)
        if v is not None and v.denominator != 1:
            return text
    return None


def _roster_monthly(ctx: Ctx) -> Iterator[Reading]:
    """A month cell: the sum rounded to a whole number, or two neighbouring months'
    cells swapped."""
    parts = ctx.ref.split("/")
    report = ctx.report
    months = report_months(report)
    t = next(
        (t for t in report.staffing.roster_totals if len(parts) == 4 and t.scope == parts[1]), None
    )
    if t is None or not months:
        return
    said = month_names(report, months)
    names = [n.zh for n in said]
    if parts[2] not in names:
        return
    k, column = names.index(parts[2]), parts[3]
    printed = parse_printed(ctx.finding.printed)
    expected = parse_printed(ctx.finding.expected)
    if printed is not None and expected is not None and expected.value.denominator != 1:
        rounds = printed.decimals == 0 and agreement(expected.value, printed) is not None
        fraction = _fraction_printed(report)
        why = say("misread.why.halves", example=fraction) if fraction else None
        yield Reading(
            "misread.rounded_whole",
            {"printed": printed.text, "sum": plain(expected.value)},
            fits=rounds,
            why_not=why,
        )
    for j in (k - 1, k + 1):
        if not 0 <= j < months:
            continue
        pair = joined([said[min(j, k)], said[max(j, k)]])
        if column == MONTHLY and len(t.monthly) == months:
            swapped = list(t.monthly)
            swapped[j], swapped[k] = swapped[k], swapped[j]
            yield Reading("misread.months_swapped", {"months": pair}, ((t, "monthly", swapped),))
        elif column == MARKS and len(t.cells) == 3 * months:
            cells = list(t.cells)
            cells[3 * j], cells[3 * k] = cells[3 * k], cells[3 * j]
            yield Reading("misread.months_swapped", {"months": pair}, ((t, "cells", cells),))


def _period(ctx: Ctx) -> Iterator[Reading]:
    """A month count: the dates' other count (calendar months touched, whole months
    elapsed); for the roster's month columns, whether they match the other count."""
    name = ctx.ref.removeprefix("meta/")
    p = getattr(ctx.report.meta, name, None)
    if not isinstance(p, Period):
        return
    counts = sorted(month_counts(p))
    said = "、".join(map(str, counts))
    if len(ctx.finding.locations) > 1:  # the roster's columns against the period
        lengths = {len(r.marks) for r in ctx.report.staffing.roster if r.marks}
        fits = len(lengths) == 1 and lengths <= set(counts)
        yield Reading("misread.period_counts", {"counts": said}, fits=fits)
    else:
        yield Reading("misread.period_counts", {"counts": said}, fits=False)


def _roster_retention(ctx: Ctx) -> Iterator[Reading]:
    yield Reading("misread.retention_counts", {}, fits=False)


_BY_RULE: dict[str, Callable[[Ctx], Iterator[Reading]]] = {
    "pct.row": _pct,
    "pct.total": _pct,
    "sum.area_total": _sum,
    "score.cap": _score_cap,
    "score.sum": _score_sum,
    "grade.band": _grade,
    "narrative.table": _narrative,
    "narrative.repeats_error": _repeats,
    "staffing.rate": _staffing_rate,
    "roster.person": _roster_person,
    "roster.group": _roster_group,
    "roster.monthly": _roster_monthly,
    "roster.retention": _roster_retention,
    "period.months": _period,
}
