"""Choose, from the seed alone, which errors each report carries and how it looks.

The error plan is fixed first for the whole corpus (so every kind is covered and enough
reports stay clean); knobs are then drawn per report, forced where an error needs them
(a roster for roster_subtotal, two 片区 for total_pct_sum).
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass, field

ERROR_KINDS = (
    "row_pct",
    "total_cell",
    "total_pct_sum",
    "score_sum",
    "grade_band",
    "narrative_mismatch",
    "roster_subtotal",
    "staffing_rate",
)
# Kinds that edit the same printed figure family are not paired in one report.
EXCLUSIVE = ({"score_sum", "grade_band"},)

PRAISE_LABELS = ("值得肯定的地方", "主要成效", "优点")
CONCERN_LABELS = ("需要关注的地方", "存在不足", "改进建议")


@dataclass
class Knobs:
    kind: str
    areas: int
    max_communities: int
    label_style: str  # prefix: 一片区; suffix: 片区一
    font: str
    ruled: bool
    numbering: str  # dot: 1.  paren: （1）
    praise_heading: str
    concern_heading: str
    split_table: bool
    repeat_header: bool
    appendix_1_2: bool
    roster: bool
    annotation: bool
    zero_concern: str  # party with no concerns, or ""
    heading_variant: int
    unit_space: bool  # "45.65 分" rather than "45.65分"
    errors: list[str] = field(default_factory=list)

    def variant(self) -> dict[str, str | int | bool]:
        d = asdict(self)
        d["error"] = "+".join(self.errors) if self.errors else "none"
        del d["errors"]
        return d


def error_plan(seed: int, count: int) -> list[list[str]]:
    """Per report, the error kinds to inject: about 36% clean, each kind twice alone,
    the rest in compatible pairs."""
    rng = random.Random(f"plan:{seed}")
    n_clean = max(1, math.ceil(count * 16 / 44)) if count > 1 else 0
    rest = count - n_clean
    singles = [[ERROR_KINDS[j % len(ERROR_KINDS)]] for j in range(min(rest, 2 * len(ERROR_KINDS)))]
    pairs: list[list[str]] = []
    while len(singles) + len(pairs) < rest:
        a, b = rng.sample(ERROR_KINDS, 2)
        if any({a, b} <= ex for ex in EXCLUSIVE):
            continue
        pairs.append([a, b])
    plan: list[list[str]] = [[] for _ in range(n_clean)] + singles + pairs
    rng.shuffle(plan)
    return plan


def draw_knobs(rng: random.Random, errors: list[str]) -> Knobs:
    areas = rng.choice([1, 2, 3, 3, 3, 4, 5])
    if "total_pct_sum" in errors and areas < 2:
        areas = rng.randint(2, 5)
    pair = rng.randrange(3) if rng.random() < 0.8 else None
    praise = PRAISE_LABELS[pair] if pair is not None else rng.choice(PRAISE_LABELS)
    concern = CONCERN_LABELS[pair] if pair is not None else rng.choice(CONCERN_LABELS)
    roster = rng.random() < 0.75 or "roster_subtotal" in errors
    return Knobs(
        kind=rng.choice(["中期", "末期", "末期"]),
        areas=areas,
        max_communities=rng.randint(1, 5),
        label_style=rng.choice(["prefix", "suffix"]),
        font=rng.choice(["embedded", "cid"]),
        ruled=rng.random() < 0.6,
        numbering=rng.choice(["dot", "paren"]),
        praise_heading=praise,
        concern_heading=concern,
        split_table=rng.random() < 0.5,
        repeat_header=rng.random() < 0.5,
        appendix_1_2=rng.random() < 0.6,
        roster=roster,
        annotation=rng.random() < 0.4,
        zero_concern=rng.choice(["buyer", "buyer", "monitor", "supervision_centre", "", ""]),
        heading_variant=rng.randrange(3),
        unit_space=rng.random() < 0.5,
        errors=list(errors),
    )
