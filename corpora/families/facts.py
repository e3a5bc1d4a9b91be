"""The facts of one station report, drawn once from a seeded generator: its indicator
table (posts, 片区, total), party scores, staffing and roster.

Templates print from these facts and the gold is written from the same facts, so the
PDF and its gold cannot disagree. Table cells are kept twice: the numbers they were
computed from, and the strings as printed (which an injected error may change).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from corpora.families.printing import CountStyle, RateStyle
from extractor.records import ExpectedFinding

Scope = tuple[str, ...]  # () the total, (area,) a 片区, (area, post) a 社工点
TOTAL: Scope = ()
ROLES = ("target", "done", "pct")

# Typical per-片区 targets for ten months (low, high); a 社工点 gets a share of them.
# 建档 is counted in 户 in these templates: the measure its unit names (indicators.yaml).
RANGES: dict[str, tuple[int, int]] = {
    "registered/households": (150, 450),
    "phone_visits/count": (300, 1400),
    "home_visits/count": (150, 700),
    "casework/opened": (8, 30),
    "casework/sessions": (60, 220),
    "casework/closed": (5, 18),
    "groups/count": (2, 8),
    "groups/sessions": (12, 48),
    "groups/attendances": (100, 480),
    "community_events/count": (3, 12),
    "community_events/attendances": (300, 1800),
    "small_events/count": (6, 20),
    "volunteers/count": (20, 80),
    "volunteer_hours/hours": (400, 2500),
    "community_surveys/count": (1, 4),
    "walk_in/count": (100, 500),
    "consult_cases/count": (20, 90),
    "community_orgs/count": (1, 4),
}


@dataclass(frozen=True)
class Ind:
    """One indicator × measure as a table prints it."""

    indicator: str
    measure: str
    label: str  # the printed header path above its cells, or its row label
    unit: str
    applicable: bool = True  # False: every cell printed as the family's "/" or "—"

    @property
    def key(self) -> str:
        return f"{self.indicator}/{self.measure}"


@dataclass(frozen=True)
class Area:
    name: str
    posts: tuple[str, ...] = ()


@dataclass
class Table:
    """An indicator table: numbers per scope and indicator, and the strings printed."""

    label: str
    inds: list[Ind]
    areas: list[Area]
    rate: RateStyle
    count: CountStyle
    na: str = "/"
    station: bool = False  # one row for the whole station (no 片区): scope "station"
    staff_label: str = "投入社工人数"
    # printed table names per scope when one table's rows are printed as several tables
    # (one small table per 片区 and one for the total)
    names: dict[Scope, str] = field(default_factory=dict)
    # printed table names per indicator when one table's columns are printed as several
    # tables (表1-1 the first indicators, 表1-2 the others); over `names`
    part_names: dict[str, str] = field(default_factory=dict)
    # False: the table prints no total row (per-片区 detail tables in an appendix whose
    # 小计 rows the body's table repeats and adds up to its 合计)
    total_row: bool = True
    target: dict[tuple[Scope, str], int] = field(default_factory=dict)
    done: dict[tuple[Scope, str], int] = field(default_factory=dict)
    staff: dict[Scope, int] = field(default_factory=dict)  # 投入社工人数, if printed
    printed: dict[tuple[Scope, str, str], str] = field(default_factory=dict)
    staff_printed: dict[Scope, str] = field(default_factory=dict)

    def scopes(self) -> Iterator[Scope]:
        """Every printed row scope in table order: each area's posts, the area, the total."""
        if self.station:
            yield TOTAL
            return
        for a in self.areas:
            for p in a.posts:
                yield (a.name, p)
            yield (a.name,)
        if self.total_row:
            yield TOTAL

    def cell(self, scope: Scope, ind: Ind | str, role: str) -> str:
        key = ind if isinstance(ind, str) else ind.key
        return self.printed[(scope, key, role)]

    def name_of(self, scope: Scope, key: str | None = None) -> str:
        if key is not None and key in self.part_names:
            return self.part_names[key]
        return self.names.get(scope, self.label)

    def ind(self, key: str) -> Ind:
        return next(i for i in self.inds if i.key == key)


def nice(n: float) -> int:
    """Targets are round numbers: multiples of 10 from 500, of 5 from 50."""
    step = 10 if n >= 500 else 5 if n >= 50 else 1
    return max(step, int(Decimal(n / step).quantize(Decimal(1), ROUND_HALF_UP)) * step)


def draw_ratio(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.15:
        return 1.0
    if r < 0.27:
        return rng.uniform(0.86, 0.99)
    return rng.uniform(1.01, 1.9)


def make_table(
    rng: random.Random,
    label: str,
    inds: list[Ind],
    areas: list[Area],
    rate: RateStyle,
    count: CountStyle,
    na: str = "/",
    staff: bool = False,
    scale: float = 1.0,
) -> Table:
    """Draw targets and completions per leaf scope (posts, or 片区 without posts); 片区
    and total rows are the sums of what they contain, as a correct report prints them.
    Without areas the table has one station row (scale it to the station's size)."""
    t = Table(label, inds, areas, rate, count, na, station=not areas)
    for ind in inds:
        if not ind.applicable:
            continue
        lo, hi = RANGES[ind.key]
        if t.station:
            target = nice(rng.uniform(lo, hi) * scale)
            t.target[(TOTAL, ind.key)] = target
            t.done[(TOTAL, ind.key)] = max(0, round(target * draw_ratio(rng)))
            continue
        for a in areas:
            leaves = [(a.name, p) for p in a.posts] or [(a.name,)]
            for leaf in leaves:
                share = scale / len(leaves) * rng.uniform(0.75, 1.3)
                target = nice(rng.uniform(lo, hi) * share)
                t.target[(leaf, ind.key)] = target
                t.done[(leaf, ind.key)] = max(0, round(target * draw_ratio(rng)))
            if a.posts:
                for d in (t.target, t.done):
                    d[((a.name,), ind.key)] = sum(d[(leaf, ind.key)] for leaf in leaves)
        for d in (t.target, t.done):
            d[(TOTAL, ind.key)] = sum(d[((a.name,), ind.key)] for a in areas)
    if staff:
        for a in areas:
            leaves = [(a.name, p) for p in a.posts] or [(a.name,)]
            for leaf in leaves:
                t.staff[leaf] = rng.randint(1, 3) if len(leaf) == 2 else rng.randint(4, 8)
            if a.posts:
                t.staff[(a.name,)] = sum(t.staff[leaf] for leaf in leaves)
        t.staff[TOTAL] = sum(t.staff[(a.name,)] for a in areas)
    print_table(t)
    return t


def print_table(t: Table) -> None:
    """The strings a correct report prints for every cell."""
    for scope in t.scopes():
        for ind in t.inds:
            if not ind.applicable:
                for role in ROLES:
                    t.printed[(scope, ind.key, role)] = t.na
                continue
            target, done = t.target[(scope, ind.key)], t.done[(scope, ind.key)]
            t.printed[(scope, ind.key, "target")] = t.count.format(target)
            t.printed[(scope, ind.key, "done")] = t.count.format(done)
            t.printed[(scope, ind.key, "pct")] = t.rate.format(done, target)
        if scope in t.staff:
            t.staff_printed[scope] = t.count.format(t.staff[scope])


def set_cell(t: Table, scope: Scope, key: str, target: int, done: int) -> None:
    """Pin one leaf's figures (e.g. 80 → 77, a rate of exactly 96.25%) and re-add the sums."""
    t.target[(scope, key)], t.done[(scope, key)] = target, done
    area = next(a for a in t.areas if a.name == scope[0])
    if len(scope) == 2:
        for d in (t.target, t.done):
            d[((area.name,), key)] = sum(d[((area.name, p), key)] for p in area.posts)
    for d in (t.target, t.done):
        d[(TOTAL, key)] = sum(d[((a.name,), key)] for a in t.areas)
    print_table(t)


# ---------------------------------------------------------------- scores


@dataclass(frozen=True)
class Band:
    grade: str
    lower: float | None
    upper: float | None
    lower_inclusive: bool = True
    upper_inclusive: bool = False

    def holds(self, total: Decimal) -> bool:
        lo_ok = (
            self.lower is None
            or total > Decimal(str(self.lower))
            or (self.lower_inclusive and total == Decimal(str(self.lower)))
        )
        hi_ok = (
            self.upper is None
            or total < Decimal(str(self.upper))
            or (self.upper_inclusive and total == Decimal(str(self.upper)))
        )
        return lo_ok and hi_ok


def standard_bands(excellent: int = 90, good: int = 80, passing: int = 60) -> list[Band]:
    """优秀 ≥ a, 良好 b ≤ x < a, 合格 c ≤ x < b, 不合格 < c."""
    return [
        Band("优秀", excellent, None),
        Band("良好", good, excellent),
        Band("合格", passing, good),
        Band("不合格", None, passing),
    ]


def grade_of(total: Decimal, bands: list[Band]) -> str:
    return next(b.grade for b in bands if b.holds(total))


@dataclass
class Scores:
    weights: dict[str, int]
    bands: list[Band]
    scores: dict[str, str]  # party → printed score
    total: str
    grade: str


def make_scores(
    rng: random.Random,
    weights: dict[str, int],
    bands: list[Band],
    decimals: int = 2,
    level: tuple[float, float] = (0.8, 0.97),
) -> Scores:
    step = Decimal(1).scaleb(-decimals)
    scores = {
        p: Decimal(str(w * rng.uniform(*level))).quantize(step, ROUND_HALF_UP)
        for p, w in weights.items()
    }
    total = sum(scores.values(), Decimal(0))
    return Scores(
        weights=dict(weights),
        bands=bands,
        scores={p: f"{s}" for p, s in scores.items()},
        total=f"{total}",
        grade=grade_of(total, bands),
    )


# ---------------------------------------------------------------- staffing and roster

SURNAMES = (
    "陈林黄吴郑何梁罗谢许冯邓曾彭苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛"
    "邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = "晓雨梓涵思远嘉怡子墨欣悦浩然若溪宇航诗琪俊熙雅婷明轩静怡一诺景行书瑶泽宇可馨沐阳"


@dataclass(frozen=True)
class Person:
    team: str
    seq: int
    name: str
    position: str
    # 中级社工师 / 助理社工师 / 无 (非持证), or as printed (初级 / 中级; 是 / 否 where the
    # roster says only whether the person holds a certificate)
    qualification: str
    # monthly 到岗 marks as printed ("○", "" for not on post) and the printed 小计, when
    # the roster prints them
    marks: tuple[str, ...] = ()
    on_post: str | None = None

    @property
    def certified(self) -> bool:
        return self.qualification not in ("无", "否")


@dataclass
class Staffing:
    certified: int
    uncertified: int
    mid_level: int
    months: int
    certified_required: int
    certified_actual: Decimal
    fulltime_required: int
    fulltime_actual: Decimal
    stable: int
    resigned: int
    roster: list[Person] = field(default_factory=list)
    # a roster's 合计 line, when printed: its per-month counts and its total, as printed
    roster_monthly: list[str] = field(default_factory=list)
    roster_total: str | None = None

    @property
    def total(self) -> int:
        return self.certified + self.uncertified

    @property
    def assistant_level(self) -> int:
        return self.certified - self.mid_level

    def retention(self, rate: RateStyle) -> str:
        """稳岗率: staff on post the whole period over the posts the contract requires."""
        return rate.format(self.stable, self.fulltime_required // self.months)


def make_staffing(
    rng: random.Random, total: int, months: int, teams: list[str] | None = None
) -> Staffing:
    certified = max(2, round(total * rng.uniform(0.5, 0.7)))
    uncertified = total - certified
    mid = rng.randint(1, max(1, certified // 2))
    required_posts = total - rng.randint(0, 2)
    half = Decimal("0.5")
    st = Staffing(
        certified=certified,
        uncertified=uncertified,
        mid_level=mid,
        months=months,
        certified_required=(certified - 1) * months,
        certified_actual=(certified - 1) * months + half * rng.randint(2, 14),
        fulltime_required=required_posts * months,
        fulltime_actual=required_posts * months + half * rng.randint(2, 20),
        stable=max(1, required_posts - rng.randint(0, 4)),
        resigned=rng.randint(1, 4),
    )
    if teams:
        names = _names(rng, total)
        quals = ["中级社工师"] * mid + ["助理社工师"] * (certified - mid) + ["无"] * uncertified
        rng.shuffle(quals)
        seq = 0
        for i, (name, qual) in enumerate(zip(names, quals, strict=True)):
            seq += 1
            team = teams[i * len(teams) // total]
            position = "项目主任" if i == 0 else ("片区负责人" if qual == "中级社工师" else "社工")
            st.roster.append(Person(team, seq, name, position, qual))
    return st


def _names(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in out:
            out.append(name)
    return out


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class Meta:
    """基本情况 as printed: every `*_printed` string is what the report shows."""

    station: str
    street: str
    district: str
    city: str
    kind: str  # 中期 / 末期
    year: int
    operator: str
    buyer: str
    address: str
    contract: tuple[dt.date, dt.date]
    contract_printed: str
    assessment: tuple[dt.date, dt.date]
    months: int
    assessment_printed: str
    funding_wan: str  # printed figure, unit 万元
    eval_date: dt.date
    eval_date_printed: str
    evaluator: str
    area_count_printed: str
    # False where the template prints the period only as dates (no 共N个月): the gold's
    # Period.months is the count as printed, so it is left empty there.
    months_printed: bool = True


@dataclass
class ReportFacts:
    family: str
    split: str  # dev or a held-back split (common.SPLIT_FOLDERS)
    name: str
    meta: Meta
    tables: list[Table]
    scores: Scores
    staffing: Staffing | None
    knobs: dict[str, str | int | bool]
    findings: list[ExpectedFinding] = field(default_factory=list)
    # narrative figures printed wrong on purpose: (table, scope, key, role) → digits
    narrative_errors: dict[tuple[str, Scope, str, str], str] = field(default_factory=dict)
    narrated: set[tuple[str, Scope, str, str]] = field(default_factory=set)

    def table(self, label: str) -> Table:
        return next(t for t in self.tables if t.label == label)
