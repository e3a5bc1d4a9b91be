"""锦秀 template (fictional evaluator 沅江市锦秀社会工作评估中心) — second held-back split.

A cover carrying a 基本信息 form (项目名称 │ …, with 评估总分 and 评估等级 in it); 一、项目概况,
二、评估依据与方法 (bands as one sentence with 含/不含), 三、评估结论 with a 评估主体 │ 分值 │
得分 table whose 合计 row comes first, then 综合评价; 四、各方评估意见 with the parties as
（一）…（四）, labels 主要亮点 / 存在问题, items numbered ① ② ③, the third party's part in
numbered sub-parts (1. 项目管理, 2. 服务成效, then one per 片区 named by its road);
五、整改建议 (the evaluator's own numbered list, no party's). The appendix is a long
fully ruled table (片区 │ 社工点 │ 服务指标 │ 协议量 │ 完成量 │ 完成率): the 合计 block
first, then each 片区's 社工点 (片区 and 社工点 merged down) and its 小计 block; rates
above 100% carry （超额）; the header repeats on each of the three pages it runs over.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.decorate import decorate, over_remark
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "jinxiu"
CITY = "沅江市"
EVALUATOR = "沅江市锦秀社会工作评估中心"
TABLE = "附件"
WEIGHTS = {"buyer": 25, "monitor": 10, "supervision_centre": 15, "third_party": 50}
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（次）", "次"),
    Ind("casework", "opened", "个案服务（个）", "个"),
    Ind("groups", "count", "小组工作（个）", "个"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("volunteers", "count", "新增志愿者（名）", "名"),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
CIRCLED = "①②③④⑤⑥⑦⑧⑨"
ROADS = "东湖路 青年路 桂花街 解放路 建设路 人民路 滨江路 文化路".split()
COMMUNITIES = (
    "紫荆 枫叶 柳堤 荷塘 杏花 梧桐 银杏 兰亭 竹园 松林 清泉 云溪 月湖 星港 丰收 团结"
).split()

SPECS: list[Spec] = [
    {
        "name": "jinxiu_donghu_2024_final",
        "street": "东湖街",
        "district": "沅南区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "funding": "245",
        "posts": [3, 2, 3],
        "errors": [],
    },
    {
        "name": "jinxiu_qingshan_2024_mid",
        "street": "青山镇",
        "district": "沅南区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "210",
        "posts": [2, 3, 2],
        "errors": [
            ("sum_cell", TOTAL, "home_visits/count"),
            ("narrative", TOTAL, "casework/opened"),
        ],
    },
    {
        "name": "jinxiu_wuqiao_2023_final",
        "street": "五桥街",
        "district": "沅北区",
        "kind": "末期",
        "start": dt.date(2022, 12, 1),
        "assessed": 10,
        "funding": "190",
        "posts": [4, 3],
        "errors": [("row_pct", "post", "groups/count"), ("grade_band", None, None)],
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
        operator=f"{CITY}{rng.choice(['众益', '启航', '暖阳'])}社会工作服务中心",
        area_count=str(len(posts)),
    )
    roads = rng.sample(ROADS, len(posts))
    names = rng.sample(COMMUNITIES, sum(posts))
    areas, k = [], 0
    for road, n in zip(roads, posts, strict=True):
        areas.append(Area(f"{road}片区", tuple(f"{c}社区" for c in names[k : k + n])))
        k += n
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    f = ReportFacts(
        family=NAME,
        split="heldout",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, standard_bands()),
        staffing=make_staffing(rng, total=sum(posts) + 4, months=spec["assessed"]),
        knobs={
            "headings": "一、…五、, parties （一）…（四） under 四、各方评估意见, 五、整改建议",
            "labels": "主要亮点/存在问题",
            "numbering": "①",
            "cover": "基本信息 form with 评估总分 and 评估等级",
            "scores": "评估主体/分值/得分 table, 合计 row first",
            "bands": "sentence, 含/不含",
            "table": "long, ruled, 合计 block first, 片区 by road, 社工点 rows, 小计 blocks",
            "rate": "2 decimals with %, （超额） above 100%",
            "areas": len(posts),
            "posts": sum(posts),
            "landscape": "",
            "repeat_header": True,
            "header_word": "片区社工点服务指标",
            "header_pages": 3,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, where, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, where, key)
        elif kind == "row_pct":
            a = areas[1]
            inject.row_pct(f, TABLE, (a.name, a.posts[0]), key, shift="-12.5")
        elif kind == "grade_band":
            wrong = {"优秀": "良好", "良好": "优秀", "合格": "良好"}[f.scores.grade]
            inject.grade_band(f, wrong)
    decorate(f, TABLE, over_remark)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=28)


def _opinion(
    w: Writer, rng: random.Random, pools: tuple[str, str], praise: int, concern: int, area: str = ""
) -> None:
    w.label("主要亮点", "praise")
    for k, text in enumerate(pick(rng, pools[0], praise, area)):
        w.item(CIRCLED[k], text)
    w.label("存在问题", "concern")
    for k, text in enumerate(pick(rng, pools[1], concern, area)):
        w.item(CIRCLED[k], text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(3):
        w.text("")
    w.text(f"{m.station}", size=20, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=20, bold=True, align="center", font=FONTS.heading)
    w.text("")
    w.table(
        Grid(
            rows=[
                ["项目名称", f"{m.station}"],
                ["承接机构", m.operator],
                ["购买方", m.buyer],
                ["评估类型", f"{m.kind}评估"],
                ["评估总分", f"{sc.total}分"],
                ["评估等级", sc.grade],
                ["评估机构", m.evaluator],
                ["报告日期", m.eval_date_printed],
            ],
            header_rows=0,
            widths=[3.2, 9.0],
            ruling="grid",
            font_size=12,
            left_cols=2,
            row_height=26,
        )
    )
    w.page_break()

    posts = sum(len(a.posts) for a in t.areas)
    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务地址为{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。社工站按道路划分为"
        f"{m.area_count_printed}个片区（{'、'.join(a.name for a in t.areas)}），"
        f"下设{posts}个社工点。"
    )
    w.heading("二、评估依据与方法", 1)
    wt = sc.weights
    w.para(
        f"{m.evaluator}依据服务协议及市级评估指引，于{m.eval_date_printed}对社工站开展"
        f"{m.kind}评估，评估期为{m.assessment_printed}，共{m.months}个月。评估实行百分制，"
        "由购买方、区民政局、市督导中心和第三方评估机构分别评分后汇总。"
    )
    w.para(
        "等级划分：总分90分及以上为优秀；80分（含）至90分（不含）为良好；"
        "60分（含）至80分（不含）为合格；60分以下为不合格。"
    )
    w.heading("三、评估结论", 1)
    w.para("各评估主体评分情况如下表：")
    s = sc.scores
    w.table(
        Grid(
            rows=[
                ["评估主体", "分值", "得分"],
                ["合计", "100", sc.total],
                [buyer_short(m.street), str(wt["buyer"]), s["buyer"]],
                [f"{m.district}民政局", str(wt["monitor"]), s["monitor"]],
                ["市督导中心", str(wt["supervision_centre"]), s["supervision_centre"]],
                ["第三方评估机构", str(wt["third_party"]), s["third_party"]],
            ],
            header_rows=1,
            widths=[5.0, 2.5, 3.0],
            ruling="grid",
            font_size=11,
            bold_rows=[1],
            row_height=20,
        )
    )
    w.para(
        f"综合评价：社工站本期运营规范，服务覆盖{posts}个社工点，"
        f"各项服务基本按协议推进，评估等级为{sc.grade}。"
    )

    w.heading("四、各方评估意见", 1)
    pools = ("ho_praise", "ho_concern")
    parties = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）意见", (1, 2), (1, 1)),
        ("monitor", f"（二）{m.district}民政局意见", (2, 3), (1, 2)),
        ("supervision_centre", "（三）市督导中心意见", (2, 3), (1, 2)),
    ]
    for party, title, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, pools, rng.randint(*praise), rng.randint(*concern))

    w.heading("（四）第三方评估机构意见", 2, party="third_party")
    w.heading("1.项目管理", 3)
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名、未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，每个社工点至少配备一名驻点社工。",
    )
    _opinion(w, rng, pools, rng.randint(1, 2), rng.randint(1, 2))
    w.heading("2.服务成效", 3)

    def c(scope: Scope, key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, scope, key, role, PCT if role == "pct" else show)

    w.para(
        "评估期内，社工站共为困难群众建档",
        c(TOTAL, "registered/households"),
        "户，入户探访",
        c(TOTAL, "home_visits/count"),
        "次，完成率",
        c(TOTAL, "home_visits/count", "pct"),
        "；开展个案服务",
        c(TOTAL, "casework/opened"),
        "个、小组工作",
        c(TOTAL, "groups/count"),
        "个、社区活动",
        c(TOTAL, "community_events/count"),
        "场。各片区、社工点指标完成情况见附件。",
    )
    _opinion(w, rng, pools, rng.randint(2, 3), rng.randint(1, 2))
    for i, a in enumerate(t.areas, start=3):
        w.heading(f"{i}.{a.name}", 3, area=a.name)
        w.para(
            f"{a.name}下设{'、'.join(a.posts)}{len(a.posts)}个社工点，评估期内入户探访",
            c((a.name,), "home_visits/count"),
            "次，开展社区活动",
            c((a.name,), "community_events/count"),
            "场。",
        )
        _opinion(w, rng, ("ho_area_praise", "ho_area_concern"), 1, rng.randint(0, 1), area=a.name)

    w.heading("五、整改建议", 1)
    w.para("1.加强个案和小组工作的过程记录与成效评估，提升服务专业性。")
    w.para("2.合理调配各社工点人手，保障驻点服务时间。")
    w.para("3.建立志愿者培训和激励机制，稳定志愿服务队伍。")
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    w.page_break()
    w.text("附件", font=FONTS.heading, bold=True)
    w.text(
        f"{m.station}服务指标完成情况表",
        font=FONTS.heading,
        size=14,
        align="center",
        space_after=4,
    )
    w.table(_annex(f))
    page_footer(w.doc, "dash", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [["片区", "社工点", "服务指标", "协议量", "完成量", "完成率"]]
    spans: list[tuple[int, int, int, int]] = []
    bold: list[int] = []

    def block(scope: Scope, first_col: str | None, second_col: str | None) -> None:
        for j, ind in enumerate(INDS):
            rows.append(
                [
                    first_col if j == 0 else None,
                    second_col if j == 0 else None,
                    ind.label,
                    *(t.cell(scope, ind, r) for r in ("target", "done", "pct")),
                ]
            )

    first = len(rows)
    block(TOTAL, "合计", None)
    spans.append((first, 0, len(rows) - 1, 1))
    bold += list(range(first, len(rows)))
    for a in t.areas:
        area_first = len(rows)
        for j, p in enumerate(a.posts):
            post_first = len(rows)
            block((a.name, p), a.name if j == 0 else None, p)
            spans.append((post_first, 1, len(rows) - 1, 1))
        sub_first = len(rows)
        block((a.name,), None, "小计")
        spans.append((sub_first, 1, len(rows) - 1, 1))
        spans.append((area_first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.3, 2.1, 3.9, 1.8, 1.8, 3.4],
        ruling="grid",
        spans=spans,
        font_size=9,
        repeat_header=True,
        left_cols=3,
        bold_rows=bold,
        row_height=24,
    )


FAMILY = Family(
    name=NAME,
    split="heldout",
    summary="cover form with total and grade, 评估结论 table with 合计 first, parties "
    "（一）…（四）, 主要亮点/存在问题 with ① items, 五、整改建议; long ruled annex with the "
    "合计 block first, 片区 by road with 社工点 and 小计 blocks, （超额） after rates above "
    "100%, header repeated over three pages",
    specs=SPECS,
    facts=facts,
    write=write,
)
