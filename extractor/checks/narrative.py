"""Narrative figures against the table cells they restate.

Which figure "restates" a cell is a judgement, so the severity follows the evidence:

- A figure must name an indicator and a measure, be exact (约/超/近/逾 never count)
  and be a 完成量 (done) or 百分比 (pct); it is compared with the 合计 row (station
  scope) or that 片区's row (片区 scope), done with done and pct with pct.
- A sentence is *corroborated* when another figure in it equals its own table cell:
  the sentence demonstrably restates the table (the 服务指标完成情况 enumerations).
- Station scope: a mismatch is an error when corroborated, else a warning.
  片区 scope: a warning when corroborated, else info — 片区 prose often counts another
  population ("为兜底对象开展个案服务 47个" against 接案 50; 722 人 against 727 档).
- When the figure equals its cell but an earlier rule found that cell wrong, the
  narrative repeats a published error: `narrative.repeats_error`, pointing at the
  sentence, with the recomputed value.
"""

from __future__ import annotations

from extractor.areas import area_key
from extractor.checks.base import RuleRun, cell_ref, is_area, is_total, loc, unsure
from extractor.checks.messages import (
    Said,
    cause_fields,
    explanation_fields,
    say,
    tolerance_fields,
)
from extractor.printed import Printed, agreement, exact, fmt, parse_printed, transposed
from extractor.records import Cell, Finding, IndicatorRow, NarrativeFigure, Report, Severity


def narrative_ref(fig: NarrativeFigure) -> str:
    ref = f"narrative/{fig.indicator}/{fig.measure}/{fig.kind}"
    return f"{ref}/{fig.scope}" if fig.scope else ref


def _row_for(report: Report, fig: NarrativeFigure) -> IndicatorRow | None:
    rows = [
        r
        for r in report.indicators.rows
        if r.indicator == fig.indicator and r.measure == fig.measure and not r.not_applicable
    ]
    if fig.scope is None:
        totals = [r for r in rows if is_total(r)]
        if totals:
            return None if _tables_differ(totals, fig) else totals[0]
        station = [r for r in rows if r.area is None]
        return station[0] if len(station) == 1 else None
    key = area_key(fig.scope)
    hits = [r for r in rows if is_area(r) and area_key(r.area or "") == key]
    return hits[0] if len(hits) == 1 else None


def _tables_differ(rows: list[IndicatorRow], fig: NarrativeFigure) -> bool:
    """Rows of the same scope from more than one table printing different figures for
    the cell the narrative restates (the table printed twice, for two periods, when no
    caption tells which is the report's): the figure is compared with neither."""
    if len({r.table for r in rows}) < 2:
        return False
    printed = {c.printed.strip() if c else "" for c in (_cell(r, fig) for r in rows)}
    return len(printed) > 1


def _cell(row: IndicatorRow, fig: NarrativeFigure) -> Cell | None:
    return row.done if fig.kind == "done" else row.pct


def states(fig: NarrativeFigure, cell: Cell) -> bool | None:
    """Does the figure state the cell's value? None when the cell holds no number."""
    if cell.value is None:
        return None
    mine = parse_printed(fig.printed, fig.value)
    theirs = parse_printed(cell.printed, cell.value)
    if mine is None or theirs is None:
        return exact(fig.value) == exact(cell.value)
    if mine.step <= theirs.step:
        return mine.value == theirs.value
    return agreement(theirs.value, mine) is not None  # "100%" restating "100.00%"


def _checkable(fig: NarrativeFigure) -> bool:
    return (
        fig.indicator is not None
        and fig.measure is not None
        and fig.kind in ("done", "pct")
        and not fig.approx
    )


def narrative_table(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """Exact station / 片区 narrative figures equal the 合计 / 片区 table cell they restate
    (severity by corroboration, see the module docstring)."""
    figs = [f for f in report.indicators.narrative if _checkable(f)]
    verdicts: list[tuple[NarrativeFigure, IndicatorRow, Cell, bool]] = []
    for fig in figs:
        row = _row_for(report, fig)
        cell = _cell(row, fig) if row else None
        if row is None or cell is None:
            run.skip(narrative_ref(fig), "skip.no_row")
            continue
        if unsure(row, narrative_ref(fig), run):
            continue
        same = states(fig, cell)
        if same is None:
            run.skip(narrative_ref(fig), "skip.cell_not_number")
            continue
        run.checked()
        verdicts.append((fig, row, cell, same))
    for fig, row, cell, same in verdicts:
        if same:
            continue
        corroborated = any(
            ok and other is not fig and other.sentence == fig.sentence and other.scope == fig.scope
            for other, _, _, ok in verdicts
        )
        station = fig.scope is None
        # Two adjacent digits swapped (1487 for 1478) is a typing slip, not another
        # population: as telling as a corroborating sentence.
        slip = _swapped_digits(fig, cell)
        severity: Severity
        if station:
            severity = "error" if corroborated or slip else "warning"
        else:
            severity = "warning" if corroborated or slip else "info"
        where: Said | str = say("scope.total") if station else (row.area or "")
        part = "done" if fig.kind == "done" else "pct"
        why = say(
            "cause.transposed"
            if slip
            else "cause.corroborated"
            if corroborated
            else "cause.other_population"
        )
        run.flag(
            Finding(
                rule="narrative.table",
                severity=severity,
                locations=[
                    loc(narrative_ref(fig), fig.prov, fig.sentence),
                    loc(cell_ref(row, part), cell.prov),
                ],
                printed=fig.printed,
                expected=cell.printed,
                **tolerance_fields(say("tolerance.printed_precision")),
                **cause_fields([why]),
                **explanation_fields(
                    "explain.narrative_table",
                    sentence=fig.sentence.strip(),
                    printed=fig.printed,
                    where=where,
                    label=row.label,
                    measure=say(f"measure.{row.measure}"),
                    cell=cell.printed,
                    why=why,
                ),
            )
        )


def _swapped_digits(fig: NarrativeFigure, cell: Cell) -> bool:
    mine = parse_printed(fig.printed, fig.value)
    theirs = parse_printed(cell.printed, cell.value)
    if mine is None or theirs is None:
        return False
    return transposed(fmt(mine.value, mine.decimals), fmt(theirs.value, mine.decimals))


def _table_error(prior: list[Finding], ref: str) -> Finding | None:
    for f in prior:
        if f.severity == "error" and f.locations and f.locations[0].ref == ref:
            return f
    return None


def _repeats(table: Finding) -> Said:
    if table.cause and table.cause_zh:
        cause = Said(table.cause_zh, table.cause)
        return say("cause.repeats_because", rule=table.rule, cause=cause)
    return say("cause.repeats", rule=table.rule)


def narrative_repeats_error(report: Report, prior: list[Finding], run: RuleRun) -> None:
    """A narrative figure that equals a table cell an earlier rule found wrong repeats a
    published error; it gets its own finding at the sentence, with the recomputed value."""
    for fig in report.indicators.narrative:
        if not _checkable(fig):
            continue
        row = _row_for(report, fig)
        cell = _cell(row, fig) if row else None
        if row is None or cell is None or not states(fig, cell):
            continue
        run.checked()
        part = "done" if fig.kind == "done" else "pct"
        table = _table_error(prior, cell_ref(row, part))
        if table is None:
            continue
        p: Printed | None = parse_printed(fig.printed, fig.value)
        shown = p.text if p else fig.printed
        run.flag(
            Finding(
                rule="narrative.repeats_error",
                severity="error",
                locations=[
                    loc(narrative_ref(fig), fig.prov, fig.sentence),
                    loc(cell_ref(row, part), cell.prov),
                ],
                printed=fig.printed,
                expected=table.expected,
                tolerance=table.tolerance,
                tolerance_zh=table.tolerance_zh,
                **cause_fields([_repeats(table)]),
                **explanation_fields(
                    "explain.repeats_error",
                    sentence=fig.sentence.strip(),
                    printed=shown,
                    expected=table.expected,
                    table=Said(table.explanation_zh, table.explanation_en),
                ),
            )
        )
