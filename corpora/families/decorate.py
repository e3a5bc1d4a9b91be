"""Cells that print more than a figure: a unit after each count (128人次, 12节) or a remark
after a rate (112.50%（超额）), as some templates type them into every cell.

Applied after the errors are injected, to the printed cells and to the expected findings
that name a cell of the table, so the gold keeps every string exactly as printed.
"""

from __future__ import annotations

from collections.abc import Callable

from corpora.families.facts import ROLES, Ind, ReportFacts
from corpora.families.inject import cell_ref

# (indicator, role, printed) → printed as the template shows it
Decoration = Callable[[Ind, str, str], str]


def decorate(f: ReportFacts, label: str, how: Decoration) -> None:
    t = f.table(label)
    refs: dict[str, tuple[Ind, str]] = {}
    for scope in t.scopes():
        for ind in t.inds:
            if not ind.applicable:
                continue
            for role in ROLES:
                printed = t.printed[(scope, ind.key, role)]
                t.printed[(scope, ind.key, role)] = how(ind, role, printed)
                refs[cell_ref(t, scope, ind.key, role)] = (ind, role)
    for e in f.findings:
        if e.ref in refs:
            ind, role = refs[e.ref]
            e.printed, e.expected = how(ind, role, e.printed), how(ind, role, e.expected)


def unit_after_count(ind: Ind, role: str, printed: str) -> str:
    """128 → 128人次 (the indicator's unit) for targets and completions."""
    return printed if role == "pct" else f"{printed}{ind.unit}"


def over_remark(ind: Ind, role: str, printed: str) -> str:
    """A rate above 100% gets （超额）."""
    if role != "pct" or float(printed.rstrip("%")) <= 100:
        return printed
    return f"{printed}（超额）"
