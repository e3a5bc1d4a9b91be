"""明湖 template (fictional evaluator 霁川市明湖社会服务评价中心).

一、…五、 headings with the parties as （一）…（四） under 三、评估发现; labels
值得肯定之处 / 问题与建议, written inline ("值得肯定之处：……") when there is one
item, items （1）（2） otherwise; "暂无。" for none. Weights 10/20/20/50 and bands
90/75/60 in a table; scores in a three-column table (评估主体 | 权重 | 得分) with 合计 and
评估等级 rows. 附件1 is a long, fully ruled table (片区 | 服务类别 | 服务指标 | 协议量 |
完成量 | 完成率), 片区 merged down its indicator rows, 合计 as the last block; rates to
one decimal, truncated (96.25 → 96.2%), header rows repeated on the next page, the
pages landscape through /Rotate 270.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, dot_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    make_scores,
    make_table,
    set_cell,
)
from corpora.families.figures import cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Writer

NAME = "minghu"
CITY = "霁川市"
EVALUATOR = "霁川市明湖社会服务评价中心"
TABLE = "附件1"
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 20, "third_party": 50}
CATEGORIES: list[tuple[str, list[Ind]]] = [
    (
        "兜底服务",
        [
            Ind("registered", "households", "建档（户）", "户"),
            Ind("home_visits", "count", "探访（次）", "次"),
        ],
    ),
    (
        "专业服务",
        [
            Ind("casework", "opened", "个案（个）", "个"),
            Ind("groups", "count", "小组（个）", "个"),
            Ind("groups", "sessions", "小组（节）", "节"),
            Ind("community_events", "count", "社区活动（场）", "场"),
        ],
    ),
    (
        "社区发展",
        [
            Ind("volunteers", "count", "新增志愿者（名）", "名"),
            Ind("community_surveys", "count", "社区调研（次）", "次"),
        ],
    ),
]
INDS = [i for _, inds in CATEGORIES for i in inds]
RATE = RateStyle(decimals=1, sign=True, truncate=True)
PCT = percent(plain)
AREAS = ["片区一", "片区二", "片区三", "片区四"]
# As printed: "75分至89.99分" is closed at both ends.
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 75, 89.99, upper_inclusive=True),
    Band("合格", 60, 74.99, upper_inclusive=True),
    Band("不合格", None, 60),
]

SPECS: list[Spec] = [
    {
        "name": "minghu_jingxi_2024_final",
        "street": "镜溪街",
        "district": "明湖区",
        "kind": "末期",
        "start": dt.date(2023, 11, 1),
        "assessed": 10,
        "funding": "250",
        "areas": 4,
        "pin": ("片区二", "home_visits/count", 80, 77),
        "header_pages": 2,
        "errors": [],
    },
    {
        "name": "minghu_lutian_2024_mid",
        "street": "芦田镇",
        "district": "明湖区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "170",
        "areas": 3,
        "pin": ("片区一", "registered/households", 160, 154),
        "header_pages": 2,
        "errors": [("sum_cell", "casework/opened")],
    },
    {
        "name": "minghu_shaxi_2023_final",
        "street": "沙溪街",
        "district": "清江区",
        "kind": "末期",
        "start": dt.date(2022, 12, 1),
        "assessed": 10,
        "funding": "200",
        "areas": 3,
        "pin": ("片区三", "home_visits/count", 240, 231),
        "header_pages": 2,
        "errors": [("row_pct", "groups/sessions")],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['怡和', '明德', '友邻'])}社会工作发展中心",
        date=dot_date,
        joiner="—",
        area_count=str(n),
    )
    areas = [Area(a) for a in AREAS[:n]]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    area, key, target, done = spec["pin"]
    set_cell(table, (area,), key, target, done)  # a rate that truncation and rounding tell apart
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=None,
        knobs={
            "headings": "一、…五、, parties （一）…（四） under 三、",
            "labels": "值得肯定之处/问题与建议, inline when one item",
            "numbering": "（1）",
            "dates": "2024.1.1—2024.12.31",
            "weights": "10/20/20/50 table",
            "bands": "90/75/60 table",
            "scores": "three-column table with 合计 and 评估等级",
            "table": "long format (片区 × indicator rows), fully ruled, header repeated",
            "rate": "1 decimal, truncated",
            "landscape": "rotate270",
            "rotate": 270,
            "repeat_header": True,
            "header_word": "服务类别",
            "header_pages": spec["header_pages"],
            "areas": n,
            "kind": spec["kind"],
        },
    )
    for kind, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "target", 10)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, ("片区二",), key, shift="-20.0")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="宋体", size=12, line_spacing=1.5)


def _opinion(w: Writer, rng: random.Random, pool: str, praise: int, concern: int) -> None:
    for name, polarity, n in (
        ("值得肯定之处", "praise", praise),
        ("问题与建议", "concern", concern),
    ):
        texts = pick(rng, f"{pool}_{polarity}", n)
        if n == 1:
            w.label(name, polarity, form="inline", rest=[texts[0]])  # type: ignore[arg-type]
            continue
        w.label(name, polarity)  # type: ignore[arg-type]
        if n == 0:
            w.none("暂无。")
        for k, text in enumerate(texts, start=1):
            w.item(f"（{k}）", text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(6):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center")
    w.text(f"（{m.year}年度）", size=16, align="center")
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center")
    for _ in range(12):
        w.text("")
    w.text(f"{m.evaluator}", size=14, align="center")
    w.text(f"{m.eval_date.year}年{m.eval_date.month}月", size=14, align="center")
    w.page_break()

    w.heading("一、基本信息", 1)
    w.para(
        f"项目名称：{m.station}；承接机构：{m.operator}；购买单位：{m.buyer}；"
        f"服务地点：{m.address}；合同期：{m.contract_printed}；合同金额：{m.funding_wan}万元；"
        f"服务片区：{m.area_count_printed}个。",
    )
    w.heading("二、评估实施", 1)
    w.para(
        f"{m.evaluator}于{m.eval_date_printed}对社工站进行{m.kind}评估，评估周期为"
        f"{m.assessment_printed}，共{m.months}个月。评估满分100分，各方评分权重及等级标准见下表。"
    )
    wt = sc.weights
    w.table(
        Grid(
            rows=[
                ["评估主体", "权重", "等级", "分数标准"],
                ["区民政局", f"{wt['monitor']}%", "优秀", "90分及以上"],
                ["街道（镇）", f"{wt['buyer']}%", "良好", "75分至89.99分"],
                ["市督导中心", f"{wt['supervision_centre']}%", "合格", "60分至74.99分"],
                ["第三方评估机构", f"{wt['third_party']}%", "不合格", "60分以下"],
            ],
            header_rows=1,
            widths=[3.6, 2.0, 2.2, 3.6],
            ruling="grid",
            font_size=10.5,
        )
    )
    w.heading("三、评估发现", 1)
    parties = [
        ("monitor", f"（一）{m.district}民政局评估", "monitor", (1, 3), (0, 2)),
        ("buyer", f"（二）{buyer_short(m.street)}评估", "buyer", (1, 2), (0, 1)),
        ("supervision_centre", "（三）市督导中心评估", "supervision", (2, 3), (1, 2)),
    ]
    for party, title, pool, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, pool, rng.randint(*praise), rng.randint(*concern))
    w.heading("（四）第三方评估", 2, party="third_party")
    w.heading("1.项目管理", 3)
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2))
    w.heading("2.服务指标", 3)
    w.para(
        "评估期内，社工站建档",
        cell_fig(f, TABLE, TOTAL, "registered/households"),
        "户，探访",
        cell_fig(f, TABLE, TOTAL, "home_visits/count"),
        "次，完成率分别为",
        cell_fig(f, TABLE, TOTAL, "registered/households", "pct", PCT),
        "、",
        cell_fig(f, TABLE, TOTAL, "home_visits/count", "pct", PCT),
        "；开展小组",
        cell_fig(f, TABLE, TOTAL, "groups/count"),
        "个、",
        cell_fig(f, TABLE, TOTAL, "groups/sessions"),
        "节，社区活动",
        cell_fig(f, TABLE, TOTAL, "community_events/count"),
        "场。各片区完成情况详见附件1。",
    )
    w.heading("3.服务质量", 3)
    _opinion(w, rng, "service", rng.randint(1, 3), rng.randint(1, 2))

    w.heading("四、评估结果", 1)
    s = sc.scores
    w.para("各方评分汇总如下：")
    w.table(
        Grid(
            rows=[
                ["评估主体", "权重", "得分"],
                ["区民政局", f"{wt['monitor']}%", s["monitor"]],
                ["街道（镇）", f"{wt['buyer']}%", s["buyer"]],
                ["市督导中心", f"{wt['supervision_centre']}%", s["supervision_centre"]],
                ["第三方评估机构", f"{wt['third_party']}%", s["third_party"]],
                ["合计", "100%", sc.total],
                ["评估等级", sc.grade, None],
            ],
            header_rows=1,
            widths=[4.0, 2.5, 3.0],
            ruling="grid",
            spans=[(6, 1, 6, 2)],
            font_size=10.5,
        )
    )
    w.heading("五、结语", 1)
    w.para("社工站本期各项工作稳步推进，希望下阶段持续改进，进一步提升服务质量。")

    w.section(landscape=True)
    w.text("附件1", bold=True)
    w.text(f"{m.station}各片区服务指标完成情况", size=14, bold=True, align="center")
    w.table(_annex(f))
    w.text("注：完成率按完成量÷协议量计算，保留一位小数。", size=10)
    page_footer(w.doc, "of_total", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [["片区", "服务类别", "服务指标", "协议量", "完成量", "完成率"]]
    spans = []
    for scope in t.scopes():
        first = len(rows)
        for category, inds in CATEGORIES:
            cat_first = len(rows)
            for ind in inds:
                rows.append(
                    [
                        ("合计" if scope == TOTAL else scope[0]) if len(rows) == first else None,
                        category if len(rows) == cat_first else None,
                        ind.label,
                        *(t.cell(scope, ind, r) for r in ("target", "done", "pct")),
                    ]
                )
            spans.append((cat_first, 1, len(rows) - 1, 1))
        spans.append((first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, 3.4, 5.6, 3.4, 3.4, 3.4],
        ruling="grid",
        spans=spans,
        font_size=10,
        repeat_header=True,
        left_cols=3,
        row_height=19,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="parties as （一）…（四） under 三、评估发现, 值得肯定之处/问题与建议 inline for one "
    "item, weights and bands table (10/20/20/50, 90/75/60), three-column score table; "
    "long-format ruled 附件1 (片区 × indicator rows) with truncated one-decimal rates, "
    "header repeated, on /Rotate 270 pages",
    specs=SPECS,
    facts=facts,
    write=write,
)
