"""Inject known inconsistencies into a station's printed figures, and say what they are.

Each injector edits printed strings in `Facts` (never the marks or rows they were computed
from) and returns the `ExpectedFinding` a checker must raise: the printed value and the
recomputed one. Changes are large enough to be unambiguous (a percentage ≥ 0.5 points
off, a count ≥ 3 off or two digits transposed, a score total ≥ 0.5 off).
"""

from __future__ import annotations

import random
from decimal import Decimal

from corpora.generator.facts import (
    GRADES,
    TOTAL,
    Facts,
    NarrFig,
    grade_of,
    num_str,
    pct_str,
)
from extractor.records import ErrorKind, ExpectedFinding

TABLE = "附件1-1"
NARRATIVE_KINDS: tuple[ErrorKind, ...] = ("narrative_mismatch",)


def transpose(digits: str, rng: random.Random, min_diff: float) -> str | None:
    """Swap two adjacent different digits (not creating a leading zero), if that moves
    the value by at least `min_diff`."""
    chars = list(digits)
    spots = [
        i
        for i in range(len(chars) - 1)
        if chars[i].isdigit()
        and chars[i + 1].isdigit()
        and chars[i] != chars[i + 1]
        and not (i == 0 and chars[i + 1] == "0")
    ]
    rng.shuffle(spots)
    for i in spots:
        new = chars.copy()
        new[i], new[i + 1] = new[i + 1], new[i]
        cand = "".join(new)
        if abs(float(cand) - float(digits)) >= min_diff:
            return cand
    return None


def _pct_off(printed: str, rng: random.Random) -> str:
    """A wrong percentage at least 0.5 points away from `printed`."""
    body = printed.rstrip("%")
    cand = transpose(body, rng, 0.5) if rng.random() < 0.5 else None
    if cand is None:
        delta = Decimal(rng.choice([1, -1])) * Decimal(rng.randint(50, 1500)) / 100
        value = Decimal(body) + delta
        if value <= 0:
            value = Decimal(body) + abs(delta)
        cand = f"{value:.2f}"
    return cand + "%"


def _count_off(printed: str, rng: random.Random) -> str:
    cand = transpose(printed, rng, 3) if rng.random() < 0.6 else None
    if cand is None:
        delta = rng.randint(3, 40)
        value = int(printed) + (delta if rng.random() < 0.6 or int(printed) <= delta else -delta)
        cand = str(value)
    return cand


def _applicable_keys(facts: Facts, touched: set[str]) -> list[str]:
    return [c.key for c in facts.table.columns if c.applicable and c.key not in touched]


def row_pct(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    key = rng.choice(_applicable_keys(facts, touched))
    touched.add(key)
    area = rng.choice(facts.table.areas)
    entry = facts.table.cells[(area, key)]
    right = entry.pct
    entry.pct = _pct_off(right, rng)
    return ExpectedFinding(
        kind="row_pct",
        ref=f"indicators/{TABLE}/{area}/{key}/pct",
        printed=entry.pct,
        expected=right,
        note=f"{area} percentage ≠ {entry.done}/{entry.target}",
    )


def total_cell(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    """A 合计 count that is not the sum of the rows; its percentage follows the typo, so
    the only inconsistency is the sum."""
    keys = _applicable_keys(facts, touched)
    key = rng.choice(keys)
    touched.add(key)
    entry = facts.table.cells[(TOTAL, key)]
    measure = "done" if rng.random() < 0.7 else "target"
    right = getattr(entry, measure)
    setattr(entry, measure, _count_off(right, rng))
    entry.pct = pct_str(int(entry.done), int(entry.target))
    return ExpectedFinding(
        kind="total_cell",
        ref=f"indicators/{TABLE}/{TOTAL}/{key}/{measure}",
        printed=getattr(entry, measure),
        expected=right,
        note="合计 is not the sum of the 片区 rows",
    )


def total_pct_sum(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    """The 合计 percentage printed as the sum of the row percentages (seed report habit)."""
    key = rng.choice(_applicable_keys(facts, touched))
    touched.add(key)
    entry = facts.table.cells[(TOTAL, key)]
    right = entry.pct
    s = sum(Decimal(facts.table.cells[(a, key)].pct.rstrip("%")) for a in facts.table.areas)
    entry.pct = f"{s:.2f}%"
    return ExpectedFinding(
        kind="total_pct_sum",
        ref=f"indicators/{TABLE}/{TOTAL}/{key}/pct",
        printed=entry.pct,
        expected=right,
        note="合计 percentage equals the sum of the 片区 percentages",
    )


def score_sum(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    """A printed total that is not the sum of the party scores, in the same grade band."""
    sc = facts.scores
    right = Decimal(sc.total)
    for _ in range(50):
        delta = Decimal(rng.choice([1, -1])) * Decimal(rng.choice([5, 10, 15, 20, 25, 30])) / 10
        cand = right + delta
        if 0 < cand <= 100 and grade_of(cand, sc.bands) == grade_of(right, sc.bands):
            break
    else:  # pragma: no cover - a band is always ≥ 5 points wide
        raise RuntimeError("no score offset keeps the grade")
    sc.total = f"{cand:.2f}"
    return ExpectedFinding(
        kind="score_sum",
        ref="scoring/total",
        printed=sc.total,
        expected=f"{right:.2f}",
        note="party scores do not add up to the printed total",
    )


def grade_band(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    sc = facts.scores
    right = sc.grade
    i = GRADES.index(right)
    neighbours = [GRADES[j] for j in (i - 1, i + 1) if 0 <= j < len(GRADES)]
    sc.grade = rng.choice(neighbours)
    return ExpectedFinding(
        kind="grade_band",
        ref="scoring/grade",
        printed=sc.grade,
        expected=right,
        note=f"total {sc.total} lies outside the band of {sc.grade}",
    )


def roster_subtotal(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    st = facts.staffing
    if rng.random() < 0.6:
        p = rng.choice(st.roster)
        right = p.on_post
        value = Decimal(right)
        step = Decimal(rng.choice([1, 2]))
        down = value - step
        value = down if down >= Decimal(p.experienced) and down > 0 else value + step
        p.on_post = num_str(value)
        return ExpectedFinding(
            kind="roster_subtotal",
            ref=f"roster/{p.group}/{p.seq}/on_post",
            printed=p.on_post,
            expected=right,
            note="person's 人员到岗小计 ≠ their monthly marks; group 小计 follows the marks",
        )
    scope = rng.choice(["certified", "uncertified"])
    tot = next(t for t in st.totals if t.scope == scope)
    right = tot.on_post
    tot.on_post = num_str(Decimal(right) + rng.choice([-1, 1]) * rng.randint(2, 5))
    return ExpectedFinding(
        kind="roster_subtotal",
        ref=f"roster_totals/{scope}/on_post",
        printed=tot.on_post,
        expected=right,
        note="group 小计 ≠ the sum of its people and of its monthly 有效人次",
    )


def staffing_rate(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    st = facts.staffing
    if rng.random() < 0.5:
        right = st.retention_rate
        total_now = st.certified_count + st.uncertified_count
        cand = pct_str(st.stable, total_now) if total_now else right
        if abs(Decimal(cand[:-1]) - Decimal(right[:-1])) < Decimal("0.5"):
            cand = _pct_off(right, rng)
        st.retention_rate = cand
        return ExpectedFinding(
            kind="staffing_rate",
            ref="staffing/retention_rate",
            printed=cand,
            expected=right,
            note=f"稳岗率 ≠ {st.stable}/{st.required_fulltime}",
        )
    right = st.experienced_share
    st.experienced_share = _pct_off(right, rng)
    return ExpectedFinding(
        kind="staffing_rate",
        ref="staffing/experienced_share",
        printed=st.experienced_share,
        expected=right,
        note="2年以上 share ≠ experienced person-months / all person-months",
    )


INJECTORS = {
    "row_pct": row_pct,
    "total_cell": total_cell,
    "total_pct_sum": total_pct_sum,
    "score_sum": score_sum,
    "grade_band": grade_band,
    "roster_subtotal": roster_subtotal,
    "staffing_rate": staffing_rate,
}


def inject_figures(
    facts: Facts, kinds: list[str], rng: random.Random, touched: set[str]
) -> list[ExpectedFinding]:
    """Every kind except narrative_mismatch (the narrative is written after these)."""
    return [INJECTORS[k](facts, rng, touched) for k in kinds if k in INJECTORS]


def narrative_mismatch(facts: Facts, rng: random.Random, touched: set[str]) -> ExpectedFinding:
    """A station-level narrative figure that differs from the 合计 cell it repeats."""
    pool: list[NarrFig] = [
        f
        for f in facts.narrative
        if f.scope is None
        and not f.approx
        and f.indicator is not None
        and f.kind in ("done", "pct")
        and f"{f.indicator}/{f.measure}" not in touched
    ]
    fig = rng.choice(pool)
    touched.add(f"{fig.indicator}/{fig.measure}")
    right = fig.printed
    fig.printed = _pct_off(right, rng) if fig.kind == "pct" else _count_off(right, rng)
    return ExpectedFinding(
        kind="narrative_mismatch",
        ref=f"narrative/{fig.indicator}/{fig.measure}/{fig.kind}",
        printed=fig.printed,
        expected=right,
        note="narrative figure differs from 附件1-1 合计",
    )
