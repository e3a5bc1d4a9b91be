"""桥信 template (fictional evaluator 澄湖市桥信社会工作评估事务所).

一、…八、 headings with the parties as top-level sections; 工作成效 / 改进方向 labels on
their own line, items 1. 2.; "没有提出需要关注的地方" for none. Staffing and small
counts in Chinese numerals (十二名社工, 两名, 二十三个小组). Band definitions in a small
ruled table beside the boilerplate "评估总分为100分"; scores in a two-column table
(评估主体 | 得分（分）, then 总分 and 评估等级 rows). The indicator table sits in the
body: one row per 社工点, grouped by 片区 (the 片区 label merged down its rows), each
片区 closed by a 小计 row and the table by 总计; zebra shading instead of rules, header
rows repeated on every page, the table running over two or three pages.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import Show, cell_fig, cn, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "qiaoxin"
CITY = "澄湖市"
EVALUATOR = "澄湖市桥信社会工作评估事务所"
TABLE = "表1"
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 15, "third_party": 55}
INDS = [
    Ind("registered", "households", "困难群众和特殊群体建档（户）", "户"),
    Ind("casework", "opened", "个案服务（个）", "个"),
    Ind("groups", "count", "小组服务（个）", "个"),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
AREAS = ["一片区", "二片区", "三片区", "四片区"]
COMMUNITIES = (
    "幸福 和平 青年 枫林 南湖 翠竹 东风 桂园 新村 锦绣 长乐 明珠 春晖 朝阳 柳岸 桃源 "
    "滨江 晨光 永安 石桥 芙蓉 金湾"
).split()

SPECS: list[Spec] = [
    {
        "name": "qiaoxin_nanhu_2024_final",
        "street": "南湖街",
        "district": "湖滨区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "funding": "260",
        "posts": [5, 5, 5, 5],
        "breaks": "东风社区|新村社区;永安社区|小计",
        "errors": [],
    },
    {
        "name": "qiaoxin_cuizhu_2024_mid",
        "street": "翠竹街",
        "district": "湖滨区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "230",
        "posts": [5, 4, 5],
        "breaks": "桂园社区|永安社区",
        "errors": [("sum_cell", TOTAL, "registered/households")],
    },
    {
        "name": "qiaoxin_changle_2023_final",
        "street": "长乐镇",
        "district": "东林区",
        "kind": "末期",
        "start": dt.date(2022, 10, 1),
        "assessed": 10,
        "funding": "200",
        "posts": [3, 4, 3],
        "breaks": "明珠社区|小计",
        "errors": [("row_pct", "post", "casework/opened"), ("score_sum", None, None)],
    },
    {
        "name": "qiaoxin_jinwan_2023_mid",
        "street": "金湾街",
        "district": "东林区",
        "kind": "中期",
        "start": dt.date(2023, 1, 1),
        "assessed": 6,
        "funding": "190",
        "posts": [5, 5, 4, 5],
        "breaks": "晨光社区|翠竹社区",
        "errors": [],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    posts: list[int] = spec["posts"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['仁和', '睦邻', '同心'])}社会工作服务中心",
        area_count=cn_numeral(len(posts), liang=True),
    )
    names = rng.sample(COMMUNITIES, sum(posts))
    areas, k = [], 0
    for i, n in enumerate(posts):
        areas.append(Area(AREAS[i], tuple(f"{c}社区" for c in names[k : k + n])))
        k += n
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    staffing = make_staffing(rng, total=sum(posts) // 2 + 6, months=spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, standard_bands()),
        staffing=staffing,
        knobs={
            "headings": "一、…八、, parties top level",
            "labels": "工作成效/改进方向",
            "numbering": "1.",
            "table": "社工点 rows, 片区 merged, 小计 per 片区, 总计; zebra shading",
            "rate": "2 decimals with %",
            "numerals": "Chinese (十二名, 两名, 二十三个)",
            "bands": "table",
            "scores": "two-column table",
            "areas": len(posts),
            "posts": sum(posts),
            "landscape": "",
            "breaks": spec["breaks"],
            "repeat_header": True,
            "header_word": "社工点",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, where, key, "done", 10)
        elif kind == "row_pct":
            a = areas[1]
            inject.row_pct(f, TABLE, (a.name, a.posts[1]), key, shift="-12.5")
        elif kind == "score_sum":
            inject.score_sum(f, "-0.50")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="宋体", size=12, line_spacing=1.5)


def _opinion(w: Writer, rng: random.Random, pool: str, praise: int, concern: int, who: str) -> None:
    w.label("工作成效", "praise", colon="")
    for k, text in enumerate(pick(rng, f"{pool}_praise", praise), start=1):
        w.item(f"{k}.", text)
    w.label("改进方向", "concern", colon="")
    if concern == 0:
        w.none(f"本次评估{who}没有提出需要关注的地方。")
    for k, text in enumerate(pick(rng, f"{pool}_concern", concern), start=1):
        w.item(f"{k}.", text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(7):
        w.text("")
    w.text(f"{m.station}", size=20, bold=True, align="center")
    w.text(f"{m.kind}评估报告", size=20, bold=True, align="center", space_before=6)
    for _ in range(12):
        w.text("")
    w.text(f"{m.evaluator}", size=15, align="center")
    w.text(f"{m.eval_date.year}年{m.eval_date.month}月", size=15, align="center")
    w.page_break()

    posts = cn_numeral(sum(len(a.posts) for a in t.areas))
    w.heading("一、项目基本情况", 1, size=15)
    w.para(
        f"{m.station}地址位于{m.address}。项目承接机构为{m.operator}，购买方为{m.buyer}，"
        f"服务协议期{m.contract_printed}，年度服务经费{m.funding_wan}万元。"
        f"社工站下设{m.area_count_printed}个片区，共{posts}"
        "个社工点，每个社工点配备驻点社工。"
    )
    w.heading("二、评估工作开展情况", 1, size=15)
    w.heading("（一）评估安排", 2)
    w.para(
        f"{m.evaluator}受委托于{m.eval_date_printed}对社工站开展{m.kind}评估，评估考核期为"
        f"{m.assessment_printed}，共计{m.months}个月。评估采取资料审阅、现场观察、"
        "社工访谈、居民回访和购买方座谈相结合的方式。"
    )
    w.heading("（二）评分及等级说明", 2)
    wt = sc.weights
    w.para(
        f"评估总分为100分。其中区民政局评分占{wt['monitor']}%，街道办事处（镇政府）评分占"
        f"{wt['buyer']}%，市督导中心评分占{wt['supervision_centre']}%，第三方评估机构评分占"
        f"{wt['third_party']}%。评估等级按总分划分如下："
    )
    w.table(
        Grid(
            rows=[
                ["评估等级", "总分区间"],
                ["优秀", "90分（含）以上"],
                ["良好", "80分（含）至90分"],
                ["合格", "60分（含）至80分"],
                ["不合格", "60分以下"],
            ],
            header_rows=1,
            widths=[3.5, 6.0],
            ruling="grid",
            font_size=10.5,
            left_cols=0,
        )
    )

    parties = [
        ("monitor", f"三、{m.district}民政局评估意见", "monitor", "区民政局", (2, 3), (0, 2)),
        ("buyer", f"四、{buyer_short(m.street)}评估意见", "buyer", "购买方", (1, 2), (0, 0)),
        ("supervision_centre", "五、市督导中心评估意见", "supervision", "督导中心", (2, 3), (1, 2)),
    ]
    for party, title, pool, who, praise, concern in parties:
        w.heading(title, 1, party=party, size=15)  # type: ignore[arg-type]
        _opinion(w, rng, pool, rng.randint(*praise), rng.randint(*concern), who)

    w.heading("六、第三方评估意见", 1, party="third_party", size=15)
    w.heading("（一）项目管理", 2)
    w.para(
        "社工站现有社工",
        staff_fig(cn_numeral(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(cn_numeral(st.certified), st.certified, "certified_count"),
        "名、非持证社工",
        staff_fig(cn_numeral(st.uncertified, liang=True), st.uncertified, "uncertified_count"),
        "名。评估期内有",
        staff_fig(cn_numeral(st.resigned, liang=True), st.resigned, "resigned_early"),
        "名社工离职，社工站能够及时补充人员，服务未出现中断。",
    )
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2), "第三方")
    w.heading("（二）服务指标完成情况", 2)

    def c(key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, PCT if role == "pct" else show)

    groups = c("groups/count", show=cn)
    w.para(
        "评估期内，社工站共完成困难群众和特殊群体建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；开展个案服务",
        c("casework/opened"),
        "个，完成率",
        c("casework/opened", "pct"),
        "；开展专业小组",
        groups,
        "个，完成率",
        c("groups/count", "pct"),
        "。各社工点指标完成情况见表1。",
    )
    w.text(
        f"表1 {m.street}社工站各社工点服务指标完成情况",
        size=10.5,
        bold=True,
        align="center",
        space_before=6,
        space_after=3,
    )
    w.table(_posts_table(f))
    w.text("")
    w.heading("（三）服务开展情况", 2)
    _opinion(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2), "第三方")

    w.heading("七、评估得分", 1, size=15)
    s = sc.scores
    w.para("本次评估总分为100分，由四方评分汇总得出。经汇总，社工站本期各方评分及总分如下表：")
    w.table(
        Grid(
            rows=[
                ["评估主体", "得分（分）"],
                [f"{m.district}民政局", s["monitor"]],
                [buyer_short(m.street), s["buyer"]],
                ["市督导中心", s["supervision_centre"]],
                ["第三方评估机构", s["third_party"]],
                ["总分", sc.total],
                ["评估等级", sc.grade],
            ],
            header_rows=1,
            widths=[5.0, 4.0],
            ruling="grid",
            font_size=10.5,
            bold_rows=[5, 6],
        )
    )
    w.heading("八、结语", 1, size=15)
    w.para(
        "总体来看，社工站本期服务运营规范，各社工点服务基本覆盖辖区重点人群。希望社工站"
        "进一步发挥社工点贴近居民的优势，提升服务的精准性。"
    )
    page_footer(w.doc, "of_total", FONTS.body)
    return w


def _posts_table(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    head0: list[str | None] = ["片区", "社工点"]
    head1: list[str | None] = [None, None]
    for ind in INDS:
        head0 += [ind.label, None, None]
        head1 += ["协议量", "完成量", "完成率"]
    rows = [head0, head1]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 0, 7), (0, 8, 0, 10)]
    bold = []
    for a in t.areas:
        first = len(rows)
        for scope in [*((a.name, p) for p in a.posts), (a.name,)]:
            label = scope[1] if len(scope) == 2 else "小计"
            cells: list[str | None] = [a.name if scope == (a.name, a.posts[0]) else None, label]
            for ind in INDS:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
        bold.append(len(rows) - 1)
    cells = ["总计", None]
    for ind in INDS:
        cells += [t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")]
    rows.append(cells)
    spans.append((len(rows) - 1, 0, len(rows) - 1, 1))
    bold.append(len(rows) - 1)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.4, 2.0] + [1.1, 1.1, 1.55] * 3,
        ruling="zebra",
        spans=spans,
        font_size=8.5,
        repeat_header=True,
        left_cols=2,
        bold_rows=bold,
        row_height=30,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="一、…八、 with parties top level, 工作成效/改进方向, Chinese numerals; 社工点 rows "
    "grouped by 片区 with 小计 and 总计, zebra shading, header repeated over 2-3 pages; "
    "bands table and a 评估主体|得分（分） score table",
    specs=SPECS,
    facts=facts,
    write=write,
)
