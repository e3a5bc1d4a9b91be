"""Indicator rows found: the share of gold table rows that extraction reproduced whole.

Cell accuracy counts cells at their keys; a row read into the wrong scope or with one
wrong figure can still score most of its cells. Here a gold row counts as found when one
extracted row (each used once) has the same scope — 片区 by `area_key`, 社工点 by its
normalised name, and the scope kind — the same indicator and measure, and equal target,
done and percentage, compared as the cell comparison compares them (values, so "85.3%"
and "85.30%" agree; text for "/" and blanks). The table label is not compared: a row
read from the right table under another appendix label is still the right row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.areas import area_key
from extractor.evaluation.fields import cell_value, norm_text
from extractor.records import IndicatorRow

RowKey = tuple[str, str, str, str, str]  # (scope, area, post, indicator, measure)
RowValues = tuple[str | None, str | None, str | None]  # target, done, pct


def row_key(row: IndicatorRow) -> RowKey:
    post = norm_text(row.post) if row.post else ""
    return (row.scope or "", area_key(row.area), post, row.indicator, row.measure)


def row_values(row: IndicatorRow) -> RowValues:
    def norm(v: str | None) -> str | None:
        return None if v is None else norm_text(v)

    return (norm(cell_value(row.target)), norm(cell_value(row.done)), norm(cell_value(row.pct)))


def describe(row: IndicatorRow) -> str:
    where = "/".join(x for x in (row.area or "station", row.post) if x)
    cells = "/".join(c.printed if c else "∅" for c in (row.target, row.done, row.pct))
    return f"{row.table} {where} {row.indicator}/{row.measure} = {cells}"


@dataclass(slots=True)
class RowMatch:
    gold: int = 0
    found: int = 0
    missed: list[IndicatorRow] = field(default_factory=list)


def match_rows(gold: list[IndicatorRow], pred: list[IndicatorRow]) -> RowMatch:
    """Pair each gold row with an unused extracted row of equal key and values."""
    pool: dict[tuple[RowKey, RowValues], int] = {}
    for row in pred:
        k = (row_key(row), row_values(row))
        pool[k] = pool.get(k, 0) + 1
    out = RowMatch(gold=len(gold))
    for row in gold:
        k = (row_key(row), row_values(row))
        if pool.get(k, 0) > 0:
            pool[k] -= 1
            out.found += 1
        else:
            out.missed.append(row)
    return out
