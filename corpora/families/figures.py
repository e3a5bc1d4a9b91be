"""Narrative figures taken from a table cell and printed in a family's own hand.

The narrative repeats what the table printed (an error injected into a table cell is
echoed, not contradicted), unless the report's spec injects a narrative error there, in
which case the figure is printed with two digits swapped and the expected finding gets
the strings exactly as printed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from corpora.families.facts import TOTAL, ReportFacts, Scope
from corpora.families.printing import bare, cn_numeral, full_width
from corpora.families.writer import Fig

Show = Callable[[str], str]  # plain digits ("1478", "96.25") → the printed form


def plain(s: str) -> str:
    return s


def thousands(s: str) -> str:
    if "." in s:
        whole, frac = s.split(".")
        return f"{int(whole):,}.{frac}"
    return f"{int(s):,}"


def wide(s: str) -> str:
    return full_width(s)


def cn(s: str) -> str:
    return cn_numeral(int(s))


def percent(show: Show = plain) -> Show:
    return lambda s: show(s) + "%"


def cell_fig(
    f: ReportFacts,
    label: str,
    scope: Scope,
    key: str,
    role: str = "done",
    show: Show = plain,
    unit: str | None = None,
) -> Fig:
    """The figure of one table cell as the narrative prints it (`show`), scoped to its
    片区 (None for the total). Rates get `percent(...)` shows."""
    t = f.table(label)
    base = bare(t.cell(scope, key, role)).replace(",", "").rstrip("%")
    where = (label, scope, key, role)
    digits = f.narrative_errors.get(where, base)
    printed = show(digits)
    if where in f.narrative_errors:
        f.narrated.add(where)
        ref_tail = "" if scope == TOTAL else f"/{scope[-1]}"
        ref = f"narrative/{key}/{role}{ref_tail}"
        finding = next(e for e in f.findings if e.ref == ref)
        finding.printed, finding.expected = printed, show(base)
    ind = t.ind(key)
    return Fig(
        printed=printed,
        value=float(Decimal(digits)),
        unit=unit or ("%" if role == "pct" else ind.unit),
        indicator=ind.indicator,
        measure=ind.measure,
        kind="pct" if role == "pct" else "target" if role == "target" else "done",
        scope=None if scope == TOTAL else scope[0],
    )


def staff_fig(printed: str, value: float | Decimal, field: str, unit: str = "名") -> Fig:
    """A staffing figure (`Staffing.<field>`) in running text."""
    return Fig(printed=printed, value=float(value), unit=unit, staffing=field)
