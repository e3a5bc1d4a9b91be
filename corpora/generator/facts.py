"""Draw one fictional station's facts: the true figures a report is printed from.

Every figure that a report prints is held here as the printed string, computed to be
consistent (round-half-up percentages, exact sums, scores within caps). Error injection
(`errors.py`) later edits printed strings only, so layout and gold, which both read from
these facts, always agree on what the PDF shows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARTIES = ("monitor", "buyer", "supervision_centre", "third_party")
TOTAL = "合计"
CN_DIGITS = "零一二三四五六七八九十"
VOCAB_PATH = Path(__file__).with_name("vocab.yaml")


@cache
def vocab() -> dict[str, Any]:
    """The fictional word lists, loaded once."""
    with VOCAB_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def cn_num(n: int) -> str:
    """Chinese numeral for 0–99 (两 is left to callers that count people)."""
    if n <= 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def pct_str(done: Decimal | int, target: Decimal | int) -> str:
    """done/target as a percentage, round-half-up at 2 decimals, with the % sign."""
    q = (Decimal(done) * 100 / Decimal(target)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{q}%"


def num_str(x: Decimal | int | float) -> str:
    """A count as a report prints it: no trailing .0, halves as .5."""
    d = Decimal(str(x))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def parse_num(printed: str) -> float | None:
    """The value of a printed cell ("/" and blanks have none)."""
    s = printed.strip().rstrip("%").strip()
    if s in ("", "/", "——"):
        return None
    return float(s)


# --- indicator table schema (附件1-1) --------------------------------------------------


@dataclass
class Column:
    """One indicator × measure of 附件1-1: three printed columns (协议量, 完成量, 百分比)."""

    indicator: str
    measure: str
    group: str
    sub: tuple[str, str, str]
    part: int
    applicable: bool = True

    @property
    def key(self) -> str:
        return f"{self.indicator}/{self.measure}"


COLUMN_SCHEMA: tuple[tuple[str, str, str, tuple[str, str, str], int], ...] = (
    ("registered", "count", "困难群众和特殊群体建档", ("协议个数", "完成量", "百分比"), 1),
    ("phone_visits", "count", "电访", ("协议量", "完成量", "百分比"), 1),
    ("home_visits", "count", "入户探访", ("协议量", "完成量", "百分比"), 1),
    ("consult_cases", "count", "咨询个案", ("协议量", "完成量", "百分比"), 1),
    ("casework", "opened", "专业个案", ("协议接案数", "接案完成数", "百分比"), 1),
    ("casework", "sessions", "专业个案", ("协议节数", "完成量", "百分比"), 1),
    ("casework", "closed", "专业个案", ("协议结案数", "完成量", "百分比"), 1),
    ("groups", "count", "专业小组", ("协议个数", "完成量", "百分比"), 2),
    ("groups", "sessions", "专业小组", ("协议节数", "完成量", "百分比"), 2),
    ("groups", "attendances", "专业小组", ("协议人次", "完成量", "百分比"), 2),
    ("community_events", "count", "社区活动", ("协议次数", "完成量", "百分比"), 2),
    ("community_events", "attendances", "社区活动", ("协议人次", "完成量", "百分比"), 2),
    ("small_events", "count", "中小型活动", ("协议次数", "完成量", "百分比"), 2),
    ("small_events", "attendances", "中小型活动", ("协议人次", "完成量", "百分比"), 2),
)

# Small station-level tables of 附件1-2: (indicator id, caption, target range). Ids are
# the canonical ones of models/vocab/indicators.yaml (the shared vocabulary).
APPENDIX_1_2: tuple[tuple[str, str, int, int], ...] = (
    ("walk_in", "咨询、偶到服务", 800, 3600),
    ("party_building", "党支部共建", 4, 12),
    ("community_orgs", "社区社会组织培育", 1, 4),
    ("volunteer_training", "志愿者培训", 4, 12),
    ("volunteer_teams_maintained", "维系志愿服务队伍", 4, 12),
    ("training_hours", "培训时数", 600, 1600),
    ("meeting_hours", "会议时数", 500, 1500),
    ("community_liaison", "社区联络", 10, 40),
    ("community_funds", "社区基金培育", 1, 2),
)


@dataclass
class Entry:
    """Printed strings of one row × column; "/" in all three when not applicable."""

    target: str
    done: str
    pct: str


@dataclass
class IndicatorTable:
    areas: list[str]
    columns: list[Column]
    staff: dict[str, str]
    cells: dict[tuple[str, str], Entry]

    @property
    def rows(self) -> list[str]:
        return [*self.areas, TOTAL]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass
class SmallTable:
    indicator: str
    caption: str
    entry: Entry


# --- the rest of the station ------------------------------------------------------------


@dataclass
class Area:
    label: str
    communities: list[str]


@dataclass
class Meta:
    city: str
    district: str
    street: str
    station: str
    operator: str
    buyer: str
    bureau: str
    evaluator: str
    address: str
    kind: str
    year: int
    contract_start: dt.date
    contract_end: dt.date
    assess_start: dt.date
    assess_end: dt.date
    months: int
    eval_date: dt.date
    funding_wan: int
    years_served: int


@dataclass
class Scores:
    weights: dict[str, int]
    bands: list[tuple[str, float | None, float | None]]
    scores: dict[str, str]
    total: str
    grade: str


@dataclass
class Person:
    group: str  # certified | uncertified
    seq: int
    name: str
    position: str
    area: str
    qualification: str
    contract: str
    marks: list[str]  # 人员到位 per month: √, ——, 0.5
    social: list[str]
    wage: list[str]
    on_post: str
    experienced: str
    note: str = ""

    def on_post_value(self) -> Decimal:
        return sum((mark_value(m) for m in self.marks), Decimal(0))


@dataclass
class RosterTotal:
    scope: str  # certified | uncertified | all
    monthly: list[Decimal]
    social: list[int]
    wage: list[int]
    on_post: str
    experienced: str


@dataclass
class Staffing:
    required_fulltime: int  # per month
    required_certified: int  # per month
    certified_actual: Decimal
    fulltime_actual: Decimal
    certified_count: int
    uncertified_count: int
    mid_level: int
    assistant_level: int
    resigned_early: int
    left_in_probation: int
    transferred_in: int
    new_hires: int
    stable: int
    retention_rate: str
    experienced_total: Decimal
    experienced_share: str
    roster: list[Person]
    totals: list[RosterTotal]
    roster_retention_rate: str


@dataclass
class NarrFig:
    """A figure in running text. `cell` points to the table entry it repeats."""

    indicator: str | None
    measure: str | None
    kind: str  # done | pct | target | other
    printed: str  # the bare figure token: "4557", "223.60%", "1.2"
    unit: str | None
    scope: str | None = None
    approx: bool = False
    qualifier: str = ""  # 约 / 超 / 近 for approximate figures
    value: float | None = None  # set for approximate figures, else parsed from printed
    sentence: str = ""


@dataclass
class Facts:
    index: int
    meta: Meta
    areas: list[Area]
    table: IndicatorTable
    small_tables: list[SmallTable]
    scores: Scores
    staffing: Staffing
    month_labels: list[str]
    narrative: list[NarrFig] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)


def mark_value(mark: str) -> Decimal:
    return {"√": Decimal(1), "0.5": Decimal("0.5")}.get(mark, Decimal(0))


# --- drawing ---------------------------------------------------------------------------


def _area_labels(n: int, style: str) -> list[str]:
    if style == "prefix":
        return [f"{cn_num(i + 1)}片区" for i in range(n)]
    return [f"片区{cn_num(i + 1)}" for i in range(n)]


def _month_add(d: dt.date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def _last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def draw_meta(rng: random.Random, kind: str, n_areas: int) -> Meta:
    v = vocab()
    city = rng.choice(v["cities"])
    district = rng.choice(v["district_stems"]) + "区"
    street_stem = rng.choice(v["street_stems"])
    street = street_stem + "街"
    operator = (
        f"{city}{district}{rng.choice(v['operator_stems'])}{rng.choice(v['operator_suffixes'])}"
    )
    evaluator = rng.choice(v["evaluator_patterns"]).format(
        city=city, stem=rng.choice(v["evaluator_stems"])
    )
    road = rng.choice(v["road_stems"]) + rng.choice(v["road_suffixes"])
    tail = rng.choice(["", "之一", "之三", "首层", "二楼"])
    address = f"{city}{district}{road} {rng.randint(3, 399)} 号{tail}"
    year = rng.randint(2021, 2025)
    start_month = rng.choice([12, 12, 1, 3, 7])
    start_year = year - 1 if start_month >= 7 else year
    contract_start = dt.date(start_year, start_month, rng.choice([1, 1, 11, 15, 20]))
    end_y, end_m = _month_add(contract_start, 12)
    contract_end = dt.date(end_y, end_m, contract_start.day) - dt.timedelta(days=1)
    months = rng.choice([9, 10, 10, 11]) if kind == "末期" else rng.choice([5, 6, 6])
    ay, am = _month_add(contract_start, months - 1)
    assess_end = _last_day(ay, am)
    eval_date = assess_end + dt.timedelta(days=rng.randint(8, 40))
    funding = rng.choice([120, 150, 180, 200, 240]) + 20 * n_areas
    return Meta(
        city=city,
        district=district,
        street=street,
        station=f"{city}{street}社工服务站",
        operator=operator,
        buyer=f"{street}道办事处",
        bureau=f"{district}民政局",
        evaluator=evaluator,
        address=address,
        kind=kind,
        year=assess_end.year,
        contract_start=contract_start,
        contract_end=contract_end,
        assess_start=contract_start,
        assess_end=assess_end,
        months=months,
        eval_date=eval_date,
        funding_wan=funding,
        years_served=rng.randint(1, 9),
    )


def draw_areas(rng: random.Random, n: int, max_communities: int, style: str) -> list[Area]:
    names = [s + "社区" for s in rng.sample(vocab()["community_stems"], n * max_communities)]
    labels = _area_labels(n, style)
    out = []
    for i, label in enumerate(labels):
        k = rng.randint(1, max_communities)
        out.append(Area(label, names[i * max_communities : i * max_communities + k]))
    return out


def _ratio(rng: random.Random, lo: float, hi: float, exact: float = 0.0) -> float:
    """A completion ratio; with probability `exact` exactly 100%."""
    return 1.0 if rng.random() < exact else rng.uniform(lo, hi)


def draw_table(
    rng: random.Random, areas: list[Area], staff: dict[str, int], kind: str
) -> IndicatorTable:
    """Targets and completions per 片区, 合计 as exact sums, percentages round-half-up."""
    scale = 0.5 if kind == "中期" else 1.0
    consult_on = rng.random() < 0.4
    small_on = rng.random() < 0.35
    columns = [Column(ind, meas, grp, sub, part) for ind, meas, grp, sub, part in COLUMN_SCHEMA]
    for c in columns:
        c.applicable = not (
            (c.indicator == "consult_cases" and not consult_on)
            or (c.indicator == "small_events" and not small_on)
        )
    values: dict[tuple[str, str], tuple[int, int]] = {}
    for a in areas:
        n = len(a.communities)

        def put(key: str, target: float, ratio: float, area: str = a.label) -> int:
            t = max(1, round(target * scale))
            values[(area, key)] = (t, max(0, round(t * ratio)))
            return t

        reg = put("registered/count", n * rng.randint(60, 260), _ratio(rng, 1.0, 1.08, 0.75))
        put("phone_visits/count", reg * rng.uniform(0.7, 1.4), _ratio(rng, 0.78, 3.2))
        put("home_visits/count", n * rng.randint(60, 140), _ratio(rng, 0.85, 2.0))
        put("consult_cases/count", n * rng.randint(8, 20), _ratio(rng, 0.9, 1.5, 0.3))
        opened = put("casework/opened", n * rng.randint(6, 14), _ratio(rng, 1.0, 1.2, 0.7))
        values[(a.label, "casework/sessions")] = (
            opened * 6,
            round(opened * 6 * _ratio(rng, 0.82, 1.15)),
        )
        values[(a.label, "casework/closed")] = (
            max(1, round(opened * 0.7)),
            round(opened * 0.7 * _ratio(rng, 0.9, 1.3)),
        )
        g = put("groups/count", n * rng.randint(3, 5), _ratio(rng, 1.0, 1.2, 0.8))
        values[(a.label, "groups/sessions")] = (g * 6, round(g * 6 * _ratio(rng, 0.85, 1.1)))
        values[(a.label, "groups/attendances")] = (g * 9, round(g * 9 * _ratio(rng, 1.2, 6.5)))
        put("community_events/count", n * rng.randint(3, 7), _ratio(rng, 1.0, 1.15, 0.5))
        put("community_events/attendances", n * rng.randint(150, 400), _ratio(rng, 0.95, 2.2))
        se = put("small_events/count", n * rng.randint(6, 12), _ratio(rng, 1.0, 1.2, 0.5))
        values[(a.label, "small_events/attendances")] = (
            se * 20,
            round(se * 20 * _ratio(rng, 1.0, 2.0)),
        )
    cells: dict[tuple[str, str], Entry] = {}
    for c in columns:
        if not c.applicable:
            for row in [*(a.label for a in areas), TOTAL]:
                cells[(row, c.key)] = Entry("/", "/", "/")
            continue
        st = sd = 0
        for a in areas:
            t, d = values[(a.label, c.key)]
            st, sd = st + t, sd + d
            cells[(a.label, c.key)] = Entry(str(t), str(d), pct_str(d, t))
        cells[(TOTAL, c.key)] = Entry(str(st), str(sd), pct_str(sd, st))
    staff_p = {a.label: str(staff[a.label]) for a in areas}
    staff_p[TOTAL] = str(sum(staff.values()))
    return IndicatorTable([a.label for a in areas], columns, staff_p, cells)


def draw_small_tables(rng: random.Random, kind: str) -> list[SmallTable]:
    scale = 0.5 if kind == "中期" else 1.0
    out = []
    for ind, caption, lo, hi in APPENDIX_1_2:
        t = max(1, round(rng.randint(lo, hi) * scale))
        d = round(t * _ratio(rng, 1.0, 1.35, 0.6))
        out.append(SmallTable(ind, caption, Entry(str(t), str(d), pct_str(d, t))))
    return out


WEIGHT_SETS = (
    (10, 20, 15, 55),
    (10, 20, 15, 55),
    (10, 20, 15, 55),
    (10, 20, 15, 55),
    (10, 20, 20, 50),
    (15, 15, 15, 55),
    (10, 25, 15, 50),
    (5, 20, 15, 60),
)
BAND_SETS = ((90, 80, 60), (90, 80, 60), (90, 80, 60), (85, 75, 60), (90, 75, 60))
GRADES = ("优秀", "良好", "合格", "不合格")


def bands_of(cuts: tuple[int, int, int]) -> list[tuple[str, float | None, float | None]]:
    a, b, c = cuts
    return [
        ("优秀", float(a), None),
        ("良好", float(b), float(a)),
        ("合格", float(c), float(b)),
        ("不合格", None, float(c)),
    ]


def grade_of(total: Decimal, bands: list[tuple[str, float | None, float | None]]) -> str:
    for grade, lo, hi in bands:
        if (lo is None or total >= Decimal(str(lo))) and (hi is None or total < Decimal(str(hi))):
            return grade
    raise ValueError(total)


def draw_scores(rng: random.Random) -> Scores:
    w = dict(zip(PARTIES, rng.choice(WEIGHT_SETS), strict=True))
    bands = bands_of(rng.choice(BAND_SETS))
    level = rng.choices([0.93, 0.86, 0.74, 0.55], weights=[3, 6, 3, 1])[0]
    scores: dict[str, str] = {}
    for p in PARTIES:
        if p == "buyer" and rng.random() < 0.5:
            f = 1.0
        else:
            f = min(1.0, max(0.4, rng.gauss(level, 0.05)))
        s = (Decimal(w[p]) * Decimal(str(f))).quantize(Decimal("0.05"), ROUND_HALF_UP)
        scores[p] = f"{min(s, Decimal(w[p])):.2f}"
    total = sum((Decimal(s) for s in scores.values()), Decimal(0))
    return Scores(w, bands, scores, f"{total:.2f}", grade_of(total, bands))


def _name(rng: random.Random, used: set[str]) -> str:
    v = vocab()
    while True:
        n: str = rng.choice(v["surnames"]) + "".join(
            rng.choice(v["given_chars"]) for _ in range(rng.choice([1, 2, 2]))
        )
        if n not in used:
            used.add(n)
            return n


def draw_staffing(
    rng: random.Random, meta: Meta, areas: list[Area], month_dates: list[tuple[int, int]]
) -> Staffing:
    """A roster whose marks, subtotals, monthly totals and rates all agree."""
    m = len(month_dates)
    n_comm = sum(len(a.communities) for a in areas)
    req = min(22, max(6, 2 * n_comm)) + rng.randint(0, 2)
    stable_n = rng.randint(max(1, round(req * 0.55)), req)
    # spans: (first month, last month, half_first, half_last)
    spans: list[tuple[int, int, bool, bool]] = [(0, m - 1, False, False)] * stable_n
    slots = req - stable_n + rng.randint(1, 3)
    for _ in range(slots):
        if rng.random() < 0.45:
            j = rng.randint(1, max(1, m // 3))
            spans.append((j, m - 1, rng.random() < 0.4, False))
        else:
            k = rng.randint(0, m - 2)
            spans.append((0 if rng.random() < 0.7 else 1, k, False, rng.random() < 0.3))
            j = min(m - 1, k + rng.randint(1, 2))
            spans.append((j, m - 1, rng.random() < 0.4, False))

    def total_on_post() -> Decimal:
        t = Decimal(0)
        for a, b, h1, h2 in spans:
            t += b - a + 1 - Decimal("0.5") * (h1 + h2)
        return t

    while total_on_post() < req * m:
        spans.append((1, m - 1, False, False))
    used: set[str] = set()
    people: list[Person] = []
    labels = [a.label for a in areas]
    for i, (a, b, h1, h2) in enumerate(spans):
        certified = rng.random() < (0.6 if i < stable_n else 0.4)
        marks = []
        for k in range(m):
            if k < a or k > b:
                marks.append("——")
            elif (k == a and h1) or (k == b and h2):
                marks.append("0.5")
            else:
                marks.append("√")
        social = [
            "√" if x == "√" else ("——" if x == "——" else rng.choice(["——", "√"])) for x in marks
        ]
        wage = ["——" if x == "——" else "√" for x in marks]
        on_post = sum((mark_value(x) for x in marks), Decimal(0))
        exp_choice = rng.random()
        if exp_choice < 0.45:
            exp = on_post
        elif exp_choice < 0.55 and b - a >= 3:
            exp = Decimal(b - rng.randint(a + 1, b - 1) + 1)
        else:
            exp = Decimal(0)
        area = labels[i % len(labels)]
        start_y, start_m = month_dates[a]
        day = rng.randint(1, 25) if a > 0 else meta.contract_start.day
        c_start = dt.date(start_y, start_m, day)
        if a == 0 and rng.random() < 0.5:
            c_start = dt.date(meta.contract_start.year - rng.randint(1, 6), rng.randint(1, 12), 1)
        if rng.random() < 0.3 and c_start < meta.contract_start:
            contract = f"{c_start:%Y.%m.%d}-无固定期限"
        else:
            contract = f"{c_start:%Y.%m.%d}-{meta.contract_end + dt.timedelta(days=730):%Y.%m.%d}"
        note = ""
        if b < m - 1:
            ly, lm = month_dates[b]
            note = f"{ly}年{lm}月{rng.randint(5, 28)}日离职"
        elif a > 0:
            sy, sm = month_dates[a]
            note = f"{sy}年{sm}月入职" if rng.random() < 0.5 else ""
        people.append(
            Person(
                group="certified" if certified else "uncertified",
                seq=0,
                name=_name(rng, used),
                position=f"{area}{'主管' if i < len(labels) else '社工'}",
                area=area,
                qualification=(
                    rng.choice(["社会工作师", "助理社会工作师", "助理社会工作师"])
                    if certified
                    else "已接受社会工作行业组织管理、培训且获得相关证书"
                ),
                contract=contract,
                marks=marks,
                social=social,
                wage=wage,
                on_post=num_str(on_post),
                experienced=num_str(exp),
                note=note,
            )
        )
    people.sort(key=lambda p: (p.group != "certified", p.marks.count("——"), p.name))
    for seq, p in enumerate(people, start=1):
        p.seq = seq
    if people and people[0].group == "certified":
        people[0].position = rng.choice(["社工站站长", "社工站副站长", "社工站副主任"])

    def totals(scope: str, ps: list[Person]) -> RosterTotal:
        monthly = [sum((mark_value(p.marks[k]) for p in ps), Decimal(0)) for k in range(m)]
        return RosterTotal(
            scope=scope,
            monthly=monthly,
            social=[sum(p.social[k] == "√" for p in ps) for k in range(m)],
            wage=[sum(p.wage[k] == "√" for p in ps) for k in range(m)],
            on_post=num_str(sum(monthly, Decimal(0))),
            experienced=num_str(sum((Decimal(p.experienced) for p in ps), Decimal(0))),
        )

    cert = [p for p in people if p.group == "certified"]
    unc = [p for p in people if p.group == "uncertified"]
    tots = [totals("certified", cert), totals("uncertified", unc), totals("all", people)]
    cert_actual = Decimal(tots[0].on_post)
    all_actual = Decimal(tots[2].on_post)
    req_cert = max(1, min(req // 2, int(cert_actual // m)))
    last = [p for p in people if p.marks[-1] != "——"]
    stable = sum(all(x == "√" for x in p.marks) for p in people)
    leavers = sum(p.marks[-1] == "——" for p in people)
    joiners = sum(p.marks[0] == "——" for p in people)
    probation = rng.randint(0, leavers // 2)
    transferred = rng.randint(0, joiners // 3)
    exp_total = Decimal(tots[2].experienced)
    rate = pct_str(stable, req)
    return Staffing(
        required_fulltime=req,
        required_certified=req_cert,
        certified_actual=cert_actual,
        fulltime_actual=all_actual,
        certified_count=sum(p.group == "certified" for p in last),
        uncertified_count=sum(p.group == "uncertified" for p in last),
        mid_level=sum(p.qualification == "社会工作师" for p in last),
        assistant_level=sum(p.qualification == "助理社会工作师" for p in last),
        resigned_early=leavers - probation,
        left_in_probation=probation,
        transferred_in=transferred,
        new_hires=joiners - transferred,
        stable=stable,
        retention_rate=rate,
        experienced_total=exp_total,
        experienced_share=pct_str(exp_total, all_actual),
        roster=people,
        totals=tots,
        roster_retention_rate=rate,
    )


def draw_facts(
    rng: random.Random, index: int, kind: str, n_areas: int, max_communities: int, label_style: str
) -> Facts:
    meta = draw_meta(rng, kind, n_areas)
    areas = draw_areas(rng, n_areas, max_communities, label_style)
    month_dates = [_month_add(meta.assess_start, k) for k in range(meta.months)]
    staffing = draw_staffing(rng, meta, areas, month_dates)
    staff = {a.label: 0 for a in areas}
    for p in staffing.roster:
        if p.marks[-1] != "——":
            staff[p.area] += 1
    table = draw_table(rng, areas, staff, kind)
    return Facts(
        index=index,
        meta=meta,
        areas=areas,
        table=table,
        small_tables=draw_small_tables(rng, kind),
        scores=draw_scores(rng),
        staffing=staffing,
        month_labels=[f"{y}年{mo}月" for y, mo in month_dates],
    )
