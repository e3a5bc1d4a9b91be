"""平潭 template (fictional evaluator 闽江市平潭社会服务评估中心) — eighth held-back split.

No cover: page 1 opens with the report's title (station, then 年度中期/末期评估报告) and,
before any heading, a bordered result box of one row 评估得分 │ 86.50 │ 评估等级 │ 良好.
宋体 小四, 1.5 lines, first-line indent of two characters. 一、项目概况 in running text (the
staffing sentence with certified/uncertified counts); 二、评估方法与标准: each party's
share given as its full mark in points (购买方30分 …) and the bands as a sentence. 三、服务
指标完成情况: a narrative paragraph of station totals, their rates typed with a
full-width percent sign (112.50％), then 表1 (caption above), one long portrait table in
which every 片区 is a group of indicator rows under a merged 片区 cell (the station's 合计
group last): 片区 │ 服务指标（单位） │ 协议量 │ 第一季度 │ 第二季度 [│ 第三季度 │ 第四季度] │
合计 │ 完成率 │ 完成情况. The quarterly columns sit beside the period total: 合计 is the
done figure (a header word that is also the total group's label), the quarters are not
recorded; 完成率 is printed with full-width ％; 完成情况 is a word (超额完成 / 已完成 /
未完成) typed from the printed rate. 四、各方评估意见: （一）…（四） per party, labels 主要成效
and 存在问题, items typed 1. 2.; 五、评估得分: 表2 评估主体 │ 满分 │ 得分 with a 合计 row
(100 │ total); 六、评估结论 repeats the total and the grade.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import Show, cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, value_of
from corpora.families.writer import Fig, Writer

NAME = "pingtan"
SPLIT = "closed"
CITY = "闽江市"
EVALUATOR = "闽江市平潭社会服务评估中心"
TABLE = "表1"
WEIGHTS = {"buyer": 30, "monitor": 10, "supervision_centre": 20, "third_party": 40}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", None, 60),
]
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "东湖 西湖 南门 北岭 江滨 凤山 龙岗 青屿".split()
QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"]

SPECS: list[Spec] = [
    {
        "name": "pingtan_jiangkou_2025_final",
        "street": "江口街",
        "district": "闽东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "156",
        "areas": 3,
        "errors": [],
    },
    {
        "name": "pingtan_shangjie_2025_mid",
        "street": "上街镇",
        "district": "闽西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "132",
        "areas": 4,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "pingtan_yangxia_2024_final",
        "street": "洋下街",
        "district": "闽东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "148",
        "areas": 3,
        "errors": [
            ("row_pct", "home_visits/count", 1),
            ("grade_band", None, None),
        ],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['仁和', '同心', '启航'])}社会工作服务中心",
        date=lambda d: cn_date(d),
        area_count=str(n),
    )
    areas = [Area(f"{s}片区") for s in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 12)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=(0.8, 0.96)),
        staffing=make_staffing(rng, total=3 * n + rng.randint(1, 3), months=spec["assessed"]),
        knobs={
            "cover": "none: title, then a result box 评估得分 │ total │ 评估等级 │ grade",
            "headings": "一、…六、, parties （一）…（四）",
            "labels": "主要成效/存在问题",
            "numbering": "1.",
            "weights": "full marks in points, sentence",
            "bands": "90/80/60 sentence",
            "scores": "result box on page 1, 表2 满分/得分 with 合计 row, 评估结论",
            "table": "long, ruled, 片区 groups (merged cell), quarterly columns beside 合计",
            "rate": "2 decimals with full-width ％",
            "status": "完成情况 word column (超额完成/已完成/未完成)",
            "areas": n,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[area].name,), key)
        elif kind == "grade_band":
            right = f.scores.grade
            inject.grade_band(f, "优秀" if right != "优秀" else "良好")
    # the rates are typed with a full-width percent sign, in the table as in the text
    t = f.table(TABLE)
    for k, v in list(t.printed.items()):
        if k[2] == "pct":
            t.printed[k] = v.replace("%", "％")
    for e in f.findings:
        if e.kind == "row_pct":
            e.printed = e.printed.replace("%", "％")
            e.expected = e.expected.replace("%", "％")
    return f


def quarters(f: ReportFacts, n: int) -> dict[tuple[Scope, str], list[int]]:
    """Each 片区's completion split over the assessed quarters (they add up to its true
    done figure); the 合计 group's quarters are the sums of the 片区 quarters."""
    t = f.table(TABLE)
    rng = rng_for(NAME, f.name + "/quarters")
    out: dict[tuple[Scope, str], list[int]] = {}
    for ind in INDS:
        for a in t.areas:
            done = t.done[((a.name,), ind.key)]
            weights = [rng.uniform(0.6, 1.4) for _ in range(n)]
            parts = [int(done * w / sum(weights)) for w in weights[:-1]]
            out[((a.name,), ind.key)] = [*parts, done - sum(parts)]
        out[(TOTAL, ind.key)] = [
            sum(out[((a.name,), ind.key)][q] for a in t.areas) for q in range(n)
        ]
    return out


def status(pct: str) -> str:
    """完成情况 as the evaluator types it from the printed rate."""
    v = value_of(pct)
    if v is None:
        return "/"
    return "超额完成" if v > 100 else "已完成" if v == 100 else "未完成"


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _wide_pct(s: str) -> str:
    return s + "％"


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int) -> None:
    w.label("主要成效", "praise")
    for k, text in enumerate(pick(rng, "cl_pt_praise", praise), start=1):
        w.item(f"{k}.", text)
    w.label("存在问题", "concern")
    for k, text in enumerate(pick(rng, "cl_pt_concern", concern), start=1):
        w.item(f"{k}.", text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    w.text(f"{m.station}", size=18, bold=True, align="center", font=FONTS.heading)
    w.text(
        f"{m.year}年度{m.kind}评估报告",
        size=18,
        bold=True,
        align="center",
        font=FONTS.heading,
        space_after=8,
    )
    w.table(
        Grid(
            rows=[["评估得分", sc.total, "评估等级", sc.grade]],
            header_rows=0,
            widths=[3.0, 3.5, 3.0, 3.5],
            ruling="grid",
            font_size=14,
            left_cols=0,
            bold_rows=[0],
            shade_every=1000,
            row_height=28,
        )
    )
    w.text(
        f"评估机构：{m.evaluator}    报告日期：{m.eval_date_printed}",
        size=10.5,
        align="center",
        space_before=6,
    )

    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}位于{m.address}，由{m.operator}承接运营，购买方为{m.buyer}。项目服务期"
        f"为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的考核期为"
        f"{m.assessment_printed}，共{m.months}个月。社工站下设{m.area_count_printed}个片区。"
    )
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名，未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )
    wt = sc.weights
    w.heading("二、评估方法与标准", 1)
    w.para(
        f"本次评估采用百分制，由四方共同评分：购买方评分满分{wt['buyer']}分，区民政局评分"
        f"满分{wt['monitor']}分，市社工督导中心评分满分{wt['supervision_centre']}分，第三方"
        f"评估机构评分满分{wt['third_party']}分，四方得分之和为评估总得分。"
    )
    w.para(
        "总得分90分及以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "考核期内，社工站累计为困难群众建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct", _wide_pct),
        "；入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct", _wide_pct),
        "；开展小组服务",
        c("groups/sessions"),
        "节，社区活动",
        c("community_events/count"),
        "场。各片区分季度完成情况见表1。",
    )
    w.text(
        f"表1  {m.street}社工站服务指标分季度完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_after=4,
    )
    w.table(_table(f, 4 if m.months > 6 else 2))
    w.text("注：合计为考核期内各季度完成量之和；完成率=合计÷协议量×100％。", size=10)

    w.heading("四、各方评估意见", 1)
    parties = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）意见", (2, 3), (1, 2)),
        ("monitor", f"（二）{m.district}民政局意见", (1, 2), (1, 2)),
        ("supervision_centre", "（三）市社工督导中心意见", (2, 3), (1, 3)),
        ("third_party", "（四）第三方评估机构意见", (3, 4), (2, 3)),
    ]
    for party, title, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))

    s = sc.scores
    w.heading("五、评估得分", 1)
    w.text("表2  四方评分情况", font=FONTS.heading, size=12, align="center", space_after=4)
    rows: list[list[str | None]] = [["评估主体", "满分", "得分"]]
    for party, name in [
        ("buyer", "购买方"),
        ("monitor", f"{m.district}民政局"),
        ("supervision_centre", "市社工督导中心"),
        ("third_party", "第三方评估机构"),
    ]:
        rows.append([name, str(wt[party]), s[party]])
    rows.append(["合计", "100", sc.total])
    w.table(Grid(rows=rows, header_rows=1, widths=[5.0, 3.0, 3.0], ruling="grid", font_size=10.5))
    w.heading("六、评估结论", 1)
    w.para(
        f"综上，{m.station}本期{m.kind}评估总得分为{sc.total}分，评估等级为{sc.grade}。"
        "请承接机构针对各方提出的问题认真整改，并于一个月内提交整改报告。"
    )
    page_footer(w.doc, "plain", FONTS.body)
    return w


def _table(f: ReportFacts, n: int) -> Grid:
    t = f.table(TABLE)
    q = quarters(f, n)
    head: list[str | None] = ["片区", "服务指标", "协议量", *QUARTERS[:n], "合计", "完成率"]
    head.append("完成情况")
    rows = [head]
    spans = []
    groups = [*(((a.name,), a.name) for a in t.areas), (TOTAL, "合计")]
    for scope, label in groups:
        first = len(rows)
        for k, ind in enumerate(INDS):
            pct = t.cell(scope, ind, "pct")
            cells: list[str | None] = [label if k == 0 else None, ind.label]
            cells += [t.cell(scope, ind, "target"), *(str(x) for x in q[(scope, ind.key)])]
            cells += [t.cell(scope, ind, "done"), pct, status(pct)]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
    quarter_w = 1.25 if n == 4 else 1.6
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.0, 3.3, 1.3, *([quarter_w] * n), 1.3, 1.6, 1.7],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=2,
        repeat_header=True,
        shade_every=1000,
        row_height=18,
    )


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="no cover: a result box 评估得分 │ total │ 评估等级 │ grade before any heading; "
    "weights as full marks; a long 表1 of 片区 groups with quarterly columns beside the 合计 "
    "(done) column, rates with full-width ％ and a 完成情况 word column; parties （一）…（四） "
    "with 主要成效/存在问题 and 1. items; 表2 满分/得分 with 合计",
    specs=SPECS,
    facts=facts,
    write=write,
)
