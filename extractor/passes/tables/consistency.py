"""A table read's self-consistency: how many of the relations its own figures allow
recomputing hold: the misread guard (docs/architecture.md, "passes").

A table read right recomputes almost everywhere: each rate is its done ÷ target at the
printed precision (rounded or truncated), 片区 rows add up to 合计, 社工点 rows to their
片区. A misread — a column shift, a rate read as a count, rows given the wrong 片区 —
breaks most of those at once; a published arithmetic error breaks one or two. So a read
whose share of holding relations is low is not trusted: its rows are marked uncertain,
the record gets a problem, and the checker reports them as not checkable instead of
turning a misread into findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from extractor.knowledge.messages import Said, joined, say
from extractor.printed import exact, parse_printed, rate_agreement
from extractor.records import Cell, IndicatorRow, TableRead

# Below this share of holding relations a read is not trusted; with fewer relations than
# MIN_RELATIONS there is too little to judge and the read is trusted unless it doubted
# itself while reading (two figures for one role).
TRUST_SHARE = 0.7
MIN_RELATIONS = 4


def judged_apart(relations: Sequence[tuple[bool, set[Any]]]) -> dict[str, Any]:
    """The judgement fields of a TableRead from relations that each name the figures they
    pass through: trusted unless the relations that fail share no figure (a published
    slip moves one figure and breaks only relations through it; a line read rotated or
    two columns read the wrong way round break relations apart). Staffing and score
    reads use it; indicator tables judge by share (`Consistency`)."""
    failing = [slots for held, slots in relations if not held]
    trusted = not failing or bool(set.intersection(*failing))
    doubts = [] if trusted else [say("fragment.failures_apart", n=len(failing))]
    return {
        "relations": len(relations),
        "consistent": len(relations) - len(failing),
        "score": round(1 - len(failing) / len(relations), 3) if relations else None,
        "trusted": trusted,
        "doubts": [d.en for d in doubts],
        "doubts_zh": [d.zh for d in doubts],
    }


@dataclass(frozen=True, slots=True)
class Consistency:
    relations: int
    consistent: int

    @property
    def score(self) -> float | None:
        return self.consistent / self.relations if self.relations >= MIN_RELATIONS else None

    def trusted(self, doubts: int) -> bool:
        score = self.score
        if score is None:
            return doubts == 0
        return score >= TRUST_SHARE


def _v(cell: Cell | None) -> Fraction | None:
    return None if cell is None or cell.value is None else exact(cell.value)


def rate_holds(row: IndicatorRow) -> bool | None:
    target, done = _v(row.target), _v(row.done)
    if row.pct is None or row.pct.value is None or target is None or done is None or not target:
        return None
    printed = parse_printed(row.pct.printed, row.pct.value)
    if printed is None:
        return None
    return rate_agreement(done, target, printed)[1] is not None


def _sum_holds(parts: list[IndicatorRow], whole: IndicatorRow, role: str) -> bool | None:
    w = _v(getattr(whole, role))
    vals = [_v(getattr(p, role)) for p in parts]
    if w is None or not vals or any(v is None for v in vals):
        return None
    return sum((v for v in vals if v is not None), Fraction(0)) == w


def consistency(rows: list[IndicatorRow]) -> Consistency:
    checks: list[bool] = []
    for row in rows:
        held = rate_holds(row)
        if held is not None:
            checks.append(held)
    groups: dict[tuple[str, str], list[IndicatorRow]] = defaultdict(list)
    for row in rows:
        groups[(row.indicator, row.measure)].append(row)
    for group in groups.values():
        areas = [r for r in group if r.scope == "area"]
        totals = [r for r in group if r.scope == "total"]
        if len(totals) == 1 and len(areas) >= 2:
            for role in ("target", "done"):
                held = _sum_holds(areas, totals[0], role)
                if held is not None:
                    checks.append(held)
        for area in areas:
            posts = [r for r in group if r.scope == "post" and r.area == area.area]
            if len(posts) >= 2:
                for role in ("target", "done"):
                    held = _sum_holds(posts, area, role)
                    if held is not None:
                        checks.append(held)
    return Consistency(len(checks), sum(checks))


def judged(
    table: str,
    caption: str,
    pages: list[int],
    rows: list[IndicatorRow],
    fit: Consistency,
    trusted: bool,
    doubts: list[Said],
) -> TableRead:
    """The record of one read (a table's or a text list's), its rows marked uncertain,
    with the reason, when it is not trusted, so the checker leaves them unchecked."""
    read = TableRead(
        table=table,
        caption=caption,
        pages=pages,
        rows=len(rows),
        relations=fit.relations,
        consistent=fit.consistent,
        score=None if fit.score is None else round(fit.score, 3),
        trusted=trusted,
        doubts=[d.en for d in doubts],
        doubts_zh=[d.zh for d in doubts],
    )
    if not trusted:
        why = say(
            "problem.table_uncertain",
            table=table,
            page=pages[0] if pages else "?",
            why=untrusted_because(read),
        )
        for r in rows:
            r.uncertain, r.uncertain_zh = why.en, why.zh
    return read


def untrusted_because(read: TableRead) -> Said:
    """Why a read is not trusted: the share of its relations that hold where that is
    what failed, else what the read doubted while reading (a header no vocabulary read,
    rates with no target to recompute them) — "4 of 4 relations hold" alone would not
    say why."""
    held = say("fragment.relations_hold", consistent=read.consistent, relations=read.relations)
    if not read.doubts:
        return held
    doubt = Said(read.doubts_zh[0], read.doubts[0])
    if read.relations and read.consistent < read.relations:
        return joined([held, doubt])
    return doubt
