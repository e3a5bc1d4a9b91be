"""江湾 template (fictional evaluator 澄江市江湾社会工作评估研究中心).

A Word template typed by an office that likes 分散对齐 (distributed alignment): header
cells spread over the cell's width, the score table's labels typed with spaces
("合    计", "序  号"). 一、…六、 headings; scores in a 序号 │ 评估主体 │ 权重 │ 得分
table with "合    计" and 评估等级 rows, bands as one sentence (含). 三、服务完成情况:
a text with the station's figures, then 附件1 in the body: a long table (序号 │ 片区 │
服务指标 │ 单位 │ 目标值 │ 实际值 │ 达成率), the 片区 cell merged down its indicator rows,
narrow, its name written vertically (竖排) and distributed, 合计 as the last block,
a 单位 column instead of units in the labels, double rules above and below, dashed
rules between rows, a footnote row (注：…) merged across the table's foot, the header
row repeated on the next page. 四、各方评估意见: each party's praise and concern side by
side in a two-column table (值得肯定的地方 │ 需要关注的地方), items numbered 1. 2. one
line each inside the cell.
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
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_table,
    standard_bands,
)
from corpora.families.figures import Show, cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "jiangwan"
CITY = "澄江市"
EVALUATOR = "澄江市江湾社会工作评估研究中心"
TABLE = "附件1"
WEIGHTS = {"monitor": 15, "buyer": 25, "supervision_centre": 10, "third_party": 50}
BANDS = standard_bands(90, 80, 60)
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("home_visits", "count", "入户探访", "次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("groups", "count", "小组工作", "个"),
    Ind("groups", "attendances", "小组参与", "人次"),
    Ind("community_events", "count", "社区活动", "场"),
    Ind("volunteer_hours", "hours", "志愿服务时数", "小时"),
]
RATE = RateStyle(decimals=2, sign=True)
PLACES = "滨江 锦华 学府 枫林 望湖 金桂 翠屏 临溪".split()

SPECS: list[Spec] = [
    {
        "name": "jiangwan_binjiang_2024_final",
        "street": "滨江街",
        "district": "澄南区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "funding": "212",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "jiangwan_fenglin_2024_mid",
        "street": "枫林镇",
        "district": "澄南区",
        "kind": "中期",
        "start": dt.date(2024, 3, 1),
        "assessed": 6,
        "funding": "176",
        "areas": 3,
        "errors": [("row_pct", 1, "home_visits/count"), ("sum_cell", None, "groups/attendances")],
    },
    {
        "name": "jiangwan_xuefu_2023_final",
        "street": "学府街",
        "district": "澄北区",
        "kind": "末期",
        "start": dt.date(2022, 11, 1),
        "assessed": 10,
        "funding": "198",
        "areas": 4,
        "errors": [("narrative", None, "registered/households"), ("grade_band", None, None)],
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
        operator=f"{CITY}{rng.choice(['启明', '同心', '善邻'])}社会工作服务中心",
        date=lambda d: cn_date(d),
        area_count=str(n),
    )
    areas = [Area(f"{p}片区") for p in rng.sample(PLACES, n)]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=None,
        knobs={
            "headings": "一、…六、, parties （一）…（四） under 四、各方评估意见",
            "labels": "值得肯定的地方/需要关注的地方 as a two-column table per party",
            "numbering": "1. one line each inside the cell",
            "alignment": "分散对齐 header cells, labels typed with spaces (合    计)",
            "weights": "score table 权重 column",
            "bands": "90/80/60 sentence with （含）",
            "scores": "序号 │ 评估主体 │ 权重 │ 得分 table, 合    计 and 评估等级 rows",
            "table": "long format, 序号 and 单位 columns, 目标值/实际值/达成率, 片区 merged "
            "down and written vertically, double rules, dashed row rules, footnote row",
            "rate": "2 decimals with %",
            "repeat_header": True,
            "areas": n,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[where].name,), key, shift="-12.00")
        elif kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "grade_band":
            grades = [b.grade for b in BANDS]
            right = grades.index(f.scores.grade)
            inject.grade_band(f, grades[right - 1] if right > 0 else grades[1])
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion_grid(rows: list[list[str | None]]) -> Grid:
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[7.6, 7.6],
        ruling="grid",
        font_size=10.5,
        left_cols=2,
        distribute=[(0, 0), (0, 1)],
    )


def _opinion(w: Writer, rng: random.Random, pool: str, praise: int, concern: int) -> None:
    w.opinion_table(
        ("值得肯定的地方", "需要关注的地方"),
        (pick(rng, f"{pool}_praise", praise), pick(rng, f"{pool}_concern", concern)),
        lambda k: f"{k}.",
        _opinion_grid,
    )


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(7):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    for _ in range(12):
        w.text("")
    w.text(f"评估单位：{m.evaluator}", size=14, align="center")
    w.text(f"{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}（以下简称“社工站”）由{m.buyer}购买，{m.operator}承接运营，"
        f"服务地址为{m.address}。项目合同期为{m.contract_printed}，合同金额{m.funding_wan}万元，"
        f"服务范围划分为{m.area_count_printed}个片区。"
    )
    w.heading("二、评估情况", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对社工站开展{m.kind}评估，"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。"
    )
    w.para(
        "评估满分为100分，由区民政局、街道（镇）、市督导中心和第三方评估机构按权重评分后"
        "相加。总得分90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，"
        "60分以下为不合格。各方评分如下表。"
    )
    wt, s = sc.weights, sc.scores
    w.table(
        Grid(
            rows=[
                ["序  号", "评估主体", "权  重", "得  分"],
                ["1", "区民政局", f"{wt['monitor']}%", s["monitor"]],
                ["2", "街道（镇）", f"{wt['buyer']}%", s["buyer"]],
                ["3", "市督导中心", f"{wt['supervision_centre']}%", s["supervision_centre"]],
                ["4", "第三方评估机构", f"{wt['third_party']}%", s["third_party"]],
                [None, "合    计", "100%", sc.total],
                [None, "评估等级", sc.grade, None],
            ],
            header_rows=1,
            widths=[1.6, 4.2, 2.4, 2.8],
            ruling="grid",
            spans=[(6, 2, 6, 3)],
            font_size=10.5,
            left_cols=0,
            distribute=[(5, 1), (6, 1)],
        )
    )

    def c(key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, percent(show) if role == "pct" else show)

    w.heading("三、服务完成情况", 1)
    w.para(
        "评估期内，社工站共为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "次，达成率",
        c("home_visits/count", "pct"),
        "；开展个案服务",
        c("casework/sessions"),
        "节，小组工作",
        c("groups/count"),
        "个，社区活动",
        c("community_events/count"),
        "场，志愿服务时数达",
        c("volunteer_hours/hours"),
        "小时。各片区指标完成情况见附件1。",
    )

    w.heading("四、各方评估意见", 1)
    parties = [
        ("monitor", f"（一）{m.district}民政局", "monitor", (1, 3), (1, 2)),
        ("buyer", f"（二）{buyer_short(m.street)}", "buyer", (1, 3), (1, 2)),
        ("supervision_centre", "（三）市督导中心", "supervision", (2, 3), (1, 3)),
        ("third_party", "（四）第三方评估机构", "service", (2, 4), (2, 3)),
    ]
    for party, title, pool, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, pool, rng.randint(*praise), rng.randint(*concern))
    w.heading("五、评估结论", 1)
    w.para(
        f"综上，社工站{m.kind}评估总得分{sc.total}分，评估等级为{sc.grade}。"
        "希望社工站针对各方意见认真整改，持续提升服务质量。"
    )
    w.heading("六、附件", 1)
    w.para("附件1：各片区服务指标完成情况表")
    w.page_break()
    w.text("附件1", bold=True, font=FONTS.heading)
    w.text(f"{m.station}各片区服务指标完成情况表", size=14, bold=True, align="center")
    w.table(_annex(f))
    page_footer(w.doc, "dash", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    head: list[str | None] = ["序号", "片区", "服务指标", "单位", "目标值", "实际值", "达成率"]
    rows: list[list[str | None]] = [head]
    spans = []
    vertical = []
    seq = 0
    scopes: list[Scope] = [(a.name,) for a in t.areas] + [TOTAL]
    for scope in scopes:
        first = len(rows)
        for ind in INDS:
            seq += 1
            rows.append(
                [
                    str(seq),
                    ("合计" if scope == TOTAL else scope[0]) if len(rows) == first else None,
                    ind.label,
                    ind.unit,
                    *(t.cell(scope, ind, r) for r in ("target", "done", "pct")),
                ]
            )
        spans.append((first, 1, len(rows) - 1, 1))
        vertical.append((first, 1))
    rows.append(["注：达成率=实际值÷目标值×100%，保留两位小数；合计为各片区之和。"] + [None] * 6)
    spans.append((len(rows) - 1, 0, len(rows) - 1, 6))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.1, 1.1, 3.4, 1.3, 2.4, 2.4, 2.4],
        ruling="double_dashed",
        spans=spans,
        font_size=10,
        repeat_header=True,
        left_cols=3,
        row_height=18,
        distribute=[(0, k) for k in range(len(head))],
        vertical_text=vertical,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="分散对齐 headers and spaced labels (合    计), scores in a 序号 table, bands "
    "as a sentence; long-format 附件1 with 序号 and 单位 columns, 目标值/实际值/达成率, "
    "片区 merged down written vertically, double and dashed rules, a footnote row in the "
    "table; praise/concern per party in a two-column table",
    specs=SPECS,
    facts=facts,
    write=write,
)
