"""梧桐 template (fictional evaluator 梧川市梧桐社会工作评估事务所) — fourteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, report title,
评估机构, 报告日期), then 第 X 页 centred. 一、项目基本情况 with a staffing sentence (持证
with 中级/助理, 未持证), no roster; 二、评估说明 with each party's full mark in points
(满分100分，其中购买方30分…) and the bands 85/75/60 as sentences. 三、服务指标完成情况: a
paragraph of station totals, a sentence on the 片区 that has no target for one indicator
and a sentence on the last 片区, then, on a LANDSCAPE page, 表1: a UNIT LINE at the right
above the table (单位：户、人次、节、场 — the header names the indicators WITHOUT units), a
fully ruled table of named 片区 rows, 合计 last on a HIGHLIGHTED (light yellow) row, five
indicator groups 协议量 │ 完成量 │ 完成率; a 片区 with NO TARGET CONTRACTED for an indicator
prints "/" as its 协议量 and 完成率 and still prints what it did (or "/" when it did
nothing), the 合计 summing what is printed; some completions carry a NOTE MARKER (128*,
36△); every completion and rate above its target printed in RED; the CAPTION UNDER the
table (表1  各片区服务指标完成情况), then a 注 explaining the formula, the "/", the markers
and the red. 四、各方评估意见: per party （一）购买方（…）评估意见, a 评分表 评估项目 │ 满分 │
扣分 │ 得分 │ 扣分原因 (each deduction explained in words, 合计 last = the party's full mark,
deductions and score; caption under it, 表2 … 表5), then 值得肯定的方面： / 需要改进的方面：
with （1） items (one party's concerns 暂无。 in one report). 五、评估结论: 表6 评估主体 │
满分 │ 得分 (合计 100 │ total, caption under it), the total and the grade in a sentence,
the evaluator and the date at the end with a red round SEAL PICTURE pressed over them (a
floating picture in front of the text).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
from decimal import Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import (
    Fonts,
    Grid,
    floating_picture,
    page_footer,
    paragraph,
    seal_png,
)
from corpora.families.facts import (
    RANGES,
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    Table,
    grade_of,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, value_of
from corpora.families.writer import Fig, Writer

NAME = "wutong"
SPLIT = "bolted"
CITY = "梧川市"
EVALUATOR = "梧川市梧桐社会工作评估事务所"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
# each party's 评估项目 (name, 满分, the kind of deduction reasons it gets); the 满分 add
# up to the party's full mark
SUB_ITEMS: dict[str, list[tuple[str, int, str]]] = {
    "buyer": [
        ("项目管理与执行", 10, "manage"),
        ("服务成效", 15, "service"),
        ("沟通协作", 5, "coop"),
    ],
    "monitor": [("合同履行", 8, "manage"), ("资金使用", 6, "money"), ("档案管理", 6, "manage")],
    "supervision_centre": [("督导落实", 5, "coop"), ("专业服务质量", 5, "service")],
    "third_party": [
        ("项目管理", 10, "manage"),
        ("服务成效", 20, "service"),
        ("服务对象满意度", 10, "satisfy"),
    ],
}
WEIGHTS = {p: sum(v for _, v, _ in SUB_ITEMS[p]) for p in PARTIES}
BANDS = standard_bands(85, 75, 60)
LABEL = "表1"
CAPTION = "表1  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("home_visits", "count", "入户探访", "人次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("groups", "sessions", "小组服务", "节"),
    Ind("community_events", "count", "社区活动", "场"),
]
UNITS = "户、人次、节、场"
RATE = RateStyle(decimals=2)
AREA_NAMES = "梧桐 青石 枫林 柳岸 槐荫 竹溪 杏园 松坡 莲塘".split()
HEADS = ("值得肯定的方面", "需要改进的方面")
RED = "FF0000"
HIGHLIGHT = "FFF2CC"
# what each note marker means (注 under 表1)
MARKS = {"*": "含视频探访人次", "△": "含与辖区单位联合举办的活动"}

SPECS: list[Spec] = [
    {
        "name": "wutong_qingxi_2025_final",
        "street": "清溪街",
        "district": "梧南区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "138",
        "areas": 4,
        "staff": 11,
        "strict": 0.6,
        # (片区 index, indicator, whether the 片区 still did some): no target contracted
        "gaps": [(2, "groups/sessions", True)],
        "marks": [(0, "home_visits/count", "*"), (1, "community_events/count", "△")],
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "wutong_fenghuang_2025_mid",
        "street": "凤凰镇",
        "district": "梧北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "116",
        "areas": 3,
        "staff": 9,
        "strict": 1.6,
        "gaps": [(0, "groups/sessions", True), (2, "community_events/count", False)],
        "marks": [(1, "home_visits/count", "*")],
        "no_concern": None,
        "errors": [
            ("total_cell", None, "casework/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "wutong_shiqiao_2024_final",
        "street": "石桥街",
        "district": "梧南区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "152",
        "areas": 5,
        "staff": 13,
        "strict": 2.2,
        "gaps": [(4, "groups/sessions", True)],
        "marks": [
            (0, "home_visits/count", "*"),
            (2, "home_visits/count", "*"),
            (1, "community_events/count", "△"),
        ],
        "no_concern": "supervision_centre",
        "errors": [("row_pct", 1, "home_visits/count"), ("score_sum", None, "")],
    },
]


# ---------------------------------------------------------------- facts


def show(d: Decimal) -> str:
    """A deduction as typed: 0.5, 1.25, 2 (no trailing zeros), 0 for none."""
    return f"{d.normalize():f}" if d else "0"


def make_deductions(rng: random.Random, strict: float) -> dict[str, list[tuple[Decimal, str]]]:
    """Per party, each 评估项目's deduction (a multiple of 0.25, at most `strict` × 25% of its
    满分) and the reason given for it ("—" for none); at least one deduction a party."""
    kinds = [k for p in PARTIES for _, _, k in SUB_ITEMS[p]]
    reasons = {k: pick(rng, f"bt_wt_ded_{k}", kinds.count(k)) for k in dict.fromkeys(kinds)}
    out: dict[str, list[tuple[Decimal, str]]] = {}
    for p in PARTIES:
        while True:
            steps = [rng.randint(0, max(1, round(full * strict))) for _, full, _ in SUB_ITEMS[p]]
            if any(steps):
                break
        row = []
        for (_, _, kind), k in zip(SUB_ITEMS[p], steps, strict=True):
            reason = reasons[kind].pop()
            row.append((Decimal(k) / 4, reason if k else "—"))
        out[p] = row
    return out


def scores_of(ded: dict[str, list[tuple[Decimal, str]]]) -> Scores:
    scores = {p: WEIGHTS[p] - sum((d for d, _ in ded[p]), Decimal(0)) for p in PARTIES}
    total = sum(scores.values(), Decimal(0))
    return Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s:.2f}" for p, s in scores.items()},
        total=f"{total:.2f}",
        grade=grade_of(total, BANDS),
    )


def _gaps(rng: random.Random, t: Table, gaps: list[tuple[str, str, bool]], scale: float) -> None:
    """No target contracted for an indicator in a 片区: its 协议量 and 完成率 print "/", its
    completion is printed when it did some ("/" when none); the 合计 adds what is printed
    (its target the contracted 片区's, its completion every 片区's)."""
    for area, key, did in gaps:
        lo, hi = RANGES[key]
        t.target[((area,), key)] = 0
        t.done[((area,), key)] = max(2, round(rng.uniform(lo, hi) * scale * 0.35)) if did else 0
    for key in {key for _, key, _ in gaps}:
        for d in (t.target, t.done):
            d[(TOTAL, key)] = sum(d[((a.name,), key)] for a in t.areas)
    where = {((area,), key): did for area, key, did in gaps}
    for scope in t.scopes():
        for ind in t.inds:
            if (scope, ind.key) in where:
                done = t.done[(scope, ind.key)]
                t.printed[(scope, ind.key, "target")] = "/"
                t.printed[(scope, ind.key, "done")] = t.count.format(done) if done else "/"
                t.printed[(scope, ind.key, "pct")] = "/"
            elif scope == TOTAL and ind.key in {k for _, k, _ in gaps}:
                target, done = t.target[(scope, ind.key)], t.done[(scope, ind.key)]
                t.printed[(scope, ind.key, "target")] = t.count.format(target)
                t.printed[(scope, ind.key, "done")] = t.count.format(done)
                t.printed[(scope, ind.key, "pct")] = t.rate.format(done, target)


def over(t: Table, scope: Scope, key: str) -> bool:
    """A figure above its target as the table prints it (its rate above 100%)."""
    rate = value_of(t.cell(scope, key, "pct"))
    return rate is not None and rate > 100


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['同心', '益众', '和悦'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    gaps = [(areas[i].name, key, did) for i, key, did in spec["gaps"]]
    _gaps(rng, table, gaps, scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    ded = make_deductions(rng_for(NAME, spec["name"] + "/deductions"), spec["strict"])
    DEDUCTIONS[spec["name"]] = ded
    scores = scores_of(ded)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "bt_wt_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "bt_wt_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    marks = [((areas[i].name,), key, m) for i, key, m in spec["marks"]]
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 评估机构, 报告日期",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…五、 with （一） inside",
            "labels": "值得肯定的方面：/需要改进的方面： on lines of their own, （1） items",
            "numbering": "paren",
            "weights": "sentence (满分100分，其中购买方30分…) and each party's 评分表 合计 满分",
            "bands": "sentence, 85/75/60 (含)",
            "scores": "per party a 评分表 评估项目 │ 满分 │ 扣分 │ 得分 │ 扣分原因 (表2 … "
            "表5, 合计 = the party's score); 表6 评估主体 │ 满分 │ 得分 with 合计, total and "
            "grade in a sentence",
            "deductions": ";".join(
                f"{p}:" + ",".join(show(d) for d, _ in ded[p]) for p in PARTIES
            ),  # the 评估项目 deductions, not in the gold
            "table": "表1 on a landscape page: a unit line 单位：… at the right above it, "
            "named 片区 rows, 合计 last on a highlighted row, fully ruled, caption under it, "
            "a 注 under the caption",
            "units": f"unit line above the table (单位：{UNITS}), none in the header",
            "no_target": ";".join(f"{a}|{k}|{'done' if did else 'none'}" for a, k, did in gaps),
            "note_marks": ";".join(f"{s[0]}|{k}|{m}" for s, k, m in marks),
            "red": "completions and rates above target in red",
            "highlight": HIGHLIGHT,
            "captions_below": ";".join(
                f"合计|{c}"
                for c in [CAPTION, *(_score_caption(k, p) for k, p in enumerate(PARTIES)), SUMMARY]
            ),
            "landscape": "mediabox",
            "seal": EVALUATOR,
            "rate": "2 decimals with %",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            total = Decimal(scores.total)
            up = grade_of(total + 1, BANDS) == scores.grade
            inject.score_sum(f, "1.00" if up else "-1.00")
    for scope, key, m in marks:
        table.printed[(scope, key, "done")] += m
    f.knobs["red_cells"] = 2 * sum(
        over(table, scope, ind.key) for scope in table.scopes() for ind in INDS
    )
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
DEDUCTIONS: dict[str, dict[str, list[tuple[Decimal, str]]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
SUMMARY = "表6  各方评分汇总"


def _score_caption(k: int, party: str) -> str:
    return f"表{k + 2}  {ROLES[party]}评分表"


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": EVALUATOR,
    }


def _indicator_grid(t: Table) -> Grid:
    """表1: two header rows (the indicators without units over 协议量 │ 完成量 │ 完成率), the
    片区 rows, 合计 last on a highlighted row; figures above target in red."""
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    colors: dict[tuple[int, int], str] = {}
    scopes: list[tuple[str, Scope]] = [(a.name, (a.name,)) for a in t.areas] + [("合计", TOTAL)]
    for label, scope in scopes:
        r = len(rows)
        roles = ("target", "done", "pct")
        rows.append([label, *(t.cell(scope, ind, role) for ind in INDS for role in roles)])
        for k, ind in enumerate(INDS):
            if over(t, scope, ind.key):
                colors[(r, 2 + 3 * k)] = colors[(r, 3 + 3 * k)] = RED
    last = len(rows) - 1
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.4, *([1.5] * (3 * len(INDS)))],
        ruling="grid",
        spans=spans,
        font_size=9.5,
        left_cols=0,
        bold_rows=[last],
        fills={last: HIGHLIGHT},
        colors=colors,
        row_height=20,
        cell_margin=0.08,
        keep_with_next=True,
    )


def _score_grid(party: str, ded: list[tuple[Decimal, str]], score: str) -> Grid:
    rows: list[list[str | None]] = [["评估项目", "满分", "扣分", "得分", "扣分原因"]]
    for (what, full, _), (d, why) in zip(SUB_ITEMS[party], ded, strict=True):
        rows.append([what, str(full), show(d), f"{full - d:.2f}", why])
    total = sum((d for d, _ in ded), Decimal(0))
    rows.append(["合计", str(WEIGHTS[party]), show(total), score, "—"])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.4, 1.4, 1.4, 1.6, 7.2],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        left_more=(4,),
        row_height=18,
        bold_rows=[len(rows) - 1],
        keep_with_next=True,
    )


def _summary_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "满分", "得分"]]
    for p in PARTIES:
        rows.append([f"{ROLES[p]}（{orgs[p]}）", str(WEIGHTS[p]), sc.scores[p]])
    rows.append(["合计", "100", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[8.4, 2.6, 2.6],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        row_height=20,
        bold_rows=[len(rows) - 1],
        keep_with_next=True,
    )


def _caption(w: Writer, text: str) -> None:
    w.text(text, font=FONTS.heading, size=10.5, align="center", space_before=3, space_after=6)


def _seal_font() -> str | None:
    """The CJK font the seal's characters are drawn with (the one LibreOffice uses)."""
    if shutil.which("fc-match") is None:
        return None
    out = subprocess.run(
        ["fc-match", "-f", "%{file}", "WenQuanYi Zen Hei:lang=zh"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return out or None


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    ded = DEDUCTIONS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=180)
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}向社会购买服务，{m.operator}承接运营，服务站地址为{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站按辖区划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），各片区配备专职社工。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "服务站现有专职社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )

    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}对{m.station}开展{m.kind}评估。评估组通过查阅"
        "服务档案、实地走访片区、电话回访服务对象和座谈等方式收集资料，并结合购买方、监督方和"
        "督导方的评分意见形成本报告。"
    )
    shares = "、".join(f"{ROLES[p]}{WEIGHTS[p]}分" for p in PARTIES)
    w.para(
        f"本次评估采用四方评分，满分100分，其中{shares}。各方按评分表逐项评分，扣分须注明"
        "原因，四方得分之和为综合得分。综合得分85分（含）以上为优秀，75分（含）至85分为良好，"
        "60分（含）至75分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, percent(plain) if role == "pct" else plain)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估周期内，服务站为困难群众建档",
        c("registered/households"),
        "户；开展入户探访",
        c("home_visits/count"),
        "人次，完成率",
        c("home_visits/count", "pct"),
        "；提供个案服务",
        c("casework/sessions"),
        "节，开展小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场。",
    )
    gaps = [g.split("|") for g in str(f.knobs["no_target"]).split(";")]
    for area, key, did in gaps:
        ind = t.ind(key)
        if did == "done":
            w.para(
                f"{area}本期协议未约定{ind.label}指标，该片区仍根据居民需求开展{ind.label}",
                c(key, scope=(area,)),
                f"{ind.unit}，已计入合计。",
            )
        else:
            w.para(f"{area}本期协议未约定{ind.label}指标，本期亦未开展。")
    last = t.areas[-1].name
    w.para(
        f"分片区看，{last}入户探访",
        c("home_visits/count", scope=(last,)),
        "人次，完成率",
        c("home_visits/count", "pct", (last,)),
        "。各片区指标完成情况见表1。",
    )

    w.section(landscape=True)
    w.text(f"单位：{UNITS}", size=10.5, align="right", space_after=3, keep_with_next=True)
    w.table(_indicator_grid(t))
    _caption(w, CAPTION)
    used = {x.split("|")[-1] for x in str(f.knobs["note_marks"]).split(";")}
    notes = [
        "完成率＝完成量÷协议量×100%",
        "“/”表示该片区本期协议未约定该项指标（或未开展该项服务），合计的协议量为各片区"
        "协议量之和，完成量为各片区完成量之和",
    ]
    notes += [f"带“{mark}”的数据{why}" for mark, why in MARKS.items() if mark in used]
    notes.append("红色字体为超过协议量的完成量及其完成率")
    w.text(
        "注：" + "；".join(f"{k}.{x}" for k, x in enumerate(notes, start=1)) + "。",
        size=9,
        align="left",
    )

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        w.text(
            f"{ROLES[party]}按评分表逐项评分，评分情况见表{k + 2}。",
            indent_chars=2,
            keep_with_next=True,
        )
        w.table(_score_grid(party, ded[party], sc.scores[party]))
        _caption(w, _score_caption(k, party))
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("暂无。")
            for j, text in enumerate(texts, start=1):
                w.item(f"（{j}）", text + "。")

    w.heading("五、评估结论", 1)
    w.para("四方评分汇总见表6。", indent=2, keep_with_next=True)
    w.table(_summary_grid(f, orgs))
    _caption(w, SUMMARY)
    w.para(f"经四方评估，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。")
    w.para(
        "建议承接机构对照各方扣分原因和改进意见逐项整改，加强片区之间的统筹，"
        "对协议未约定指标的片区及时补充服务计划，巩固服务成效。"
    )
    w.text("", space_before=30)
    sign = paragraph(
        w.doc, m.evaluator, font=FONTS.body, size=FONTS.size, align="right", keep_with_next=True
    )
    w.text(m.eval_date_printed, align="right")
    floating_picture(sign, seal_png(EVALUATOR, font_file=_seal_font()), 3.8, 10.4, -1.2)

    page_footer(w.doc, "page", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="unit line above 表1 (no units in its header), 片区 with no target contracted "
    "printing '/', note markers (128*) and red over-target figures, a highlighted 合计 row, "
    "captions under the tables; per party a 评分表 评估项目 │ 满分 │ 扣分 │ 得分 │ 扣分原因; "
    "a seal picture over the signature",
    specs=SPECS,
    facts=facts,
    write=write,
)
