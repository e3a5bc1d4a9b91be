"""Arithmetic errors of known kinds, put into a report's printed figures on purpose.

Each injector changes printed strings only (never the numbers they came from) and adds
the `ExpectedFinding` a checker must raise, with the printed and the recomputed value.
Where a cell is named, the report's spec names it: nothing here is left to chance.
"""

from __future__ import annotations

from decimal import Decimal

from corpora.families.facts import TOTAL, ReportFacts, Scope, Table, grade_of
from corpora.families.printing import value_of
from extractor.records import ExpectedFinding

GRADES = ["优秀", "良好", "合格", "不合格"]


def cell_ref(t: Table, scope: Scope, key: str, role: str) -> str:
    """indicators/<table>/<area or 合计>[/<post>]/<indicator>/<measure>/<role>."""
    where = "合计" if scope == TOTAL else "/".join(scope)
    return f"indicators/{t.name_of(scope, key)}/{where}/{key}/{role}"


def transpose(digits: str) -> str:
    """Two adjacent different digits swapped, from the right (1478 → 1487)."""
    chars = list(digits)
    for i in range(len(chars) - 2, -1, -1):
        a, b = chars[i], chars[i + 1]
        if a.isdigit() and b.isdigit() and a != b and not (i == 0 and b == "0"):
            chars[i], chars[i + 1] = b, a
            return "".join(chars)
    raise ValueError(f"no two different adjacent digits in {digits!r}")


def row_pct(f: ReportFacts, label: str, scope: Scope, key: str, shift: str = "transpose") -> None:
    """A rate cell that is not done/target: two digits swapped, or moved by `shift`."""
    t = f.table(label)
    right = t.cell(scope, key, "pct")
    mark = right[-1] if right.endswith(("%", "％")) else ""  # the sign as typed
    body = right.removesuffix(mark) if mark else right
    if shift == "transpose":
        wrong = transpose(body)
    else:
        decimals = len(body.split(".")[1]) if "." in body else 0
        wrong = f"{Decimal(body) + Decimal(shift):.{decimals}f}"
    if abs(Decimal(wrong) - Decimal(body)) < Decimal("0.5"):
        raise ValueError(f"{right} → {wrong} is too small a change to be unambiguous")
    wrong += mark
    t.printed[(scope, key, "pct")] = wrong
    f.findings.append(
        _finding("row_pct", cell_ref(t, scope, key, "pct"), wrong, right, "rate ≠ done / target")
    )


def sum_cell(
    f: ReportFacts, label: str, scope: Scope, key: str, role: str = "done", delta: int = 10
) -> None:
    """A 合计/总计 or 小计 count that is not the sum of its rows (596 for 586); its rate
    follows the wrong count, so the sum is the only inconsistency."""
    t = f.table(label)
    right = t.cell(scope, key, role)
    n = int(value_of(right) or 0) + delta
    wrong = t.count.format(n)
    t.printed[(scope, key, role)] = wrong
    target = n if role == "target" else t.target[(scope, key)]
    done = n if role == "done" else t.done[(scope, key)]
    t.printed[(scope, key, "pct")] = t.rate.format(done, target)
    note = "total ≠ the sum of its rows" if scope == TOTAL else "小计 ≠ the sum of its posts"
    f.findings.append(_finding("total_cell", cell_ref(t, scope, key, role), wrong, right, note))


def total_pct_sum(f: ReportFacts, label: str, key: str) -> None:
    """The total's rate printed as the sum of the 片区 rates (a spreadsheet SUM habit)."""
    t = f.table(label)
    right = t.cell(TOTAL, key, "pct")
    s = sum((Decimal(t.cell((a.name,), key, "pct").rstrip("%")) for a in t.areas), Decimal(0))
    wrong = t.rate.show(s)
    t.printed[(TOTAL, key, "pct")] = wrong
    f.findings.append(
        _finding(
            "total_pct_sum",
            cell_ref(t, TOTAL, key, "pct"),
            wrong,
            right,
            "total rate = the sum of the 片区 rates",
        )
    )


def narrative(f: ReportFacts, label: str, scope: Scope, key: str, role: str = "done") -> None:
    """A narrative figure with two digits swapped against its table cell (1487 for 1478).
    The finding's printed strings are set when the template prints the figure."""
    t = f.table(label)
    right = t.cell(scope, key, role).replace(",", "").rstrip("%")
    wrong = transpose(right)
    f.narrative_errors[(label, scope, key, role)] = wrong
    where = "" if scope == TOTAL else f"/{scope[-1]}"
    f.findings.append(
        _finding(
            "narrative_mismatch",
            f"narrative/{key}/{role}{where}",
            wrong,
            right,
            f"narrative figure has two digits swapped against {label}",
        )
    )


def score_sum(f: ReportFacts, delta: str = "1.00") -> None:
    """A printed total that is not the sum of the party scores, in the same grade band."""
    sc = f.scores
    right = Decimal(sc.total)
    wrong = right + Decimal(delta)
    if grade_of(wrong, sc.bands) != grade_of(right, sc.bands):
        raise ValueError(f"{wrong} leaves the grade band of {right}")
    decimals = len(sc.total.split(".")[1]) if "." in sc.total else 0
    sc.total = f"{wrong:.{decimals}f}"
    f.findings.append(
        _finding("score_sum", "scoring/total", sc.total, f"{right}", "party scores ≠ the total")
    )


def grade_band(f: ReportFacts, grade: str) -> None:
    """A grade outside the band the printed total falls in."""
    sc = f.scores
    right = sc.grade
    if grade == right or grade not in GRADES:
        raise ValueError(grade)
    sc.grade = grade
    f.findings.append(
        _finding("grade_band", "scoring/grade", grade, right, f"{sc.total} is not {grade}")
    )


def _finding(kind: str, ref: str, printed: str, expected: str, note: str) -> ExpectedFinding:
    return ExpectedFinding.model_validate(
        {"kind": kind, "ref": ref, "printed": printed, "expected": expected, "note": note}
    )
