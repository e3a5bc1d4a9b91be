"""砚溪 template (fictional evaluator 琅州市砚溪社会工作评估中心) — thirteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings. Front matter in a section of its own
numbered in upper-case Roman numerals (the cover I, a 报告说明 page II: the weights and
the bands as numbered sentences), the body from 1 in Arabic figures (Word's 页码格式 and
起始页码 per section). 一、…六、 with （一） inside. 一、基本情况 with a staffing sentence (持证
with 中级/助理, 未持证), no roster. 三、服务指标完成情况 on a new page: a paragraph of station
totals (thousands commas, units) and one 片区 sentence, then 表2, too wide for the page,
split COLUMN-WISE over two pages: the 片区 column and the first three indicators under
the caption, the other three under `表2（续）` on the next page with the 片区 column
repeated and 合计 last in both parts. The header names each indicator WITHOUT its unit
(困难群众建档 over 协议量 │ 完成量 │ 完成率); every count cell prints its unit after the
figure (1,530人次, 126户, 36节), thousands with a comma; rates as WHOLE percents (103%).
四、各方评估意见: one heading per party naming its organisation first and its role in
brackets (（一）石砚街道办事处（购买方）意见), then two running paragraphs, 成效方面，一是……；
二是……。 and 不足方面，一是……。 五、评估得分: 表3 评估主体 │ 权重 │ 得分 with 合计. 六、评估结论
on a page of its own: the 综合得分 shown big in a shaded one-cell table at the top, the
grade in a line under it, then the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.decorate import decorate, unit_after_count
from corpora.families.docx_kit import Fonts, Grid, roman_front_matter, score_card
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Table,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig, thousands
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "yanxi"
SPLIT = "shuttered"
CITY = "琅州市"
EVALUATOR = "琅州市砚溪社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 35, "monitor": 15, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LABEL = "表2"
CAPTION = "表2  各片区服务指标完成情况"
CONTINUED = "表2（续）"
# the header prints the indicator without its unit: the unit is in every count cell
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("home_visits", "count", "入户探访", "人次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("groups", "sessions", "小组服务", "节"),
    Ind("community_events", "count", "社区活动", "场"),
    Ind("volunteer_hours", "hours", "志愿服务", "小时"),
]
PARTS = (INDS[:3], INDS[3:])
RATE = RateStyle(decimals=0)
AREA_NAMES = "青石 墨池 兰亭 砚山 松涛 梧桐 竹园 石桥".split()
HEADS = ("成效方面", "不足方面")

SPECS: list[Spec] = [
    {
        "name": "yanxi_shiyan_2025_final",
        "street": "石砚街",
        "district": "砚东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "146",
        "areas": 4,
        "staff": 12,
        "errors": [],
    },
    {
        "name": "yanxi_lanting_2025_mid",
        "street": "兰亭镇",
        "district": "砚西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "108",
        "areas": 3,
        "staff": 9,
        "errors": [
            ("sum_cell", "casework/sessions", None),
            ("narrative", "home_visits/count", None),
        ],
    },
    {
        "name": "yanxi_mochi_2024_final",
        "street": "墨池街",
        "district": "砚东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "160",
        "areas": 5,
        "staff": 14,
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("score_sum", "-1.00", None),
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
        operator=f"{CITY}{rng.choice(['明德', '善行', '和融'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    names = [f"{a}片区" for a in rng.sample(AREA_NAMES, n)]
    areas = [Area(a) for a in names]
    table = make_table(
        rng,
        LABEL,
        INDS,
        areas,
        RATE,
        CountStyle(thousands=True),
        scale=spec["assessed"] / 10 * 1.1,
    )
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng, WEIGHTS, BANDS, decimals=2, level=(0.82, 0.96))
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(2, 3)) for _ in PARTIES]
    praise = pick(text_rng, "sh_yx_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "sh_yx_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 委托单位, 评估机构, date",
            "front_matter": "cover and 报告说明 in a section numbered I, II (upper-case "
            "Roman); the body a section numbered from 1",
            "roman_pages": 2,
            "headings": "一、…六、 with （一） inside",
            "parties": "organisation first, role in brackets: （一）石砚街道办事处（购买方）意见",
            "labels": "成效方面，/不足方面， opening one running paragraph each",
            "numbering": "一是……；二是……；三是…… clauses",
            "weights": "numbered sentence on the 报告说明 page (front matter), and 表3's 权重",
            "bands": "numbered sentence on the 报告说明 page, 90/80/60 (含)",
            "scores": "表3 评估主体 │ 权重 │ 得分, 合计 last",
            "conclusion": "综合得分 big in a shaded one-cell table at the top of the 评估结论 "
            "page, the grade in a line under it",
            "table": "表2 split column-wise over two pages: 片区 + three indicators, then "
            "表2（续） with 片区 repeated and the other three; 合计 last in both",
            "column_split": f"{CAPTION}|{CONTINUED}",
            "units_in_cells": "counts print their unit (1,530人次); the header has none",
            "rate": "whole percent (103%)",
            "thousands": True,
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10")
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "target", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            inject.score_sum(f, key)
    decorate(f, LABEL, unit_after_count)
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
# text width 16 cm: the 片区 column, then per indicator two count columns (as wide as
# its figures with their unit need) and a rate
AREA_CM, RATE_CM = 1.9, 1.2
COUNT_CM = {
    "registered/households": 1.6,
    "home_visits/count": 1.75,
    "casework/sessions": 1.6,
    "groups/sessions": 1.5,
    "community_events/count": 1.5,
    "volunteer_hours/hours": 2.1,
}


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作指导中心",
        "third_party": EVALUATOR,
    }


def _part_grid(t: Table, inds: list[Ind]) -> Grid:
    """One column-wise part of 表2: 片区, then each indicator's 协议量 │ 完成量 │ 完成率
    under its name (no unit), 合计 last in bold."""
    head: list[str | None] = ["片区"]
    sub: list[str | None] = [None]
    spans = [(0, 0, 1, 0)]
    for k, ind in enumerate(inds):
        head += [ind.label, None, None]
        sub += ["协议量", "完成量", "完成率"]
        spans.append((0, 1 + 3 * k, 0, 3 + 3 * k))
    rows: list[list[str | None]] = [head, sub]
    for scope in t.scopes():
        rows.append(
            [
                "合计" if scope == TOTAL else scope[0],
                *(t.cell(scope, ind, r) for ind in inds for r in ("target", "done", "pct")),
            ]
        )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[AREA_CM, *(w for i in inds for w in (COUNT_CM[i.key],) * 2 + (RATE_CM,))],
        ruling="grid",
        spans=spans,
        font_size=9.0,
        cell_margin=0.08,
        row_height=22,
        bold_rows=[len(rows) - 1],
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for party in PARTIES:
        rows.append([ROLES[party], f"{sc.weights[party]}%", sc.scores[party]])
    rows.append(["合计", "100%", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[5.0, 3.0, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
        bold_rows=[len(rows) - 1],
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # front matter: cover (I) and 报告说明 (II)
    w.text("", space_before=110)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=160)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    w.text("报告说明", size=18, bold=True, align="center", font=FONTS.heading, space_after=12)
    w.para(
        f"1.本报告受{m.district}民政局委托，由{m.evaluator}依据社工服务站评估办法编制，"
        f"评估对象为{m.station}，评估周期为{m.assessment_printed}。"
    )
    w.para(
        f"2.评估由{orgs['buyer']}（购买方）、{orgs['monitor']}（监督方）、"
        f"{orgs['supervision_centre']}（督导方）和{EVALUATOR}（第三方评估机构）四方评分，"
        + "权重分别为"
        + "、".join(f"{ROLES[p]}{WEIGHTS[p]}%" for p in PARTIES)
        + "，各方在其权重分值内评分，四方得分之和为综合得分（满分100分）。"
    )
    w.para(
        "3.综合得分90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，"
        "60分以下为不合格。"
    )
    w.para("4.报告中服务指标的完成量均注明计量单位，完成率＝完成量÷协议量×100%，取整数。")
    w.para("5.本报告仅供委托单位及项目相关方使用，未经委托单位同意不得对外公开。")

    w.section(landscape=False)
    areas = [a.name for a in t.areas]
    w.heading("一、基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点设在{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "社工站现有专职社工",
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

    w.heading("二、评估过程", 1)
    w.para(
        f"{m.evaluator}于{m.eval_date_printed}前组织评估小组对{m.station}开展{m.kind}评估，"
        "通过查阅服务台账和档案、实地察看服务阵地、抽样回访服务对象、访谈社工和社区工作者"
        "等方式收集资料，并汇总购买方、监督方和督导方的评分意见。"
    )

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else thousands
        return cell_fig(f, LABEL, scope, key, role, show)

    w.page_break()
    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估周期内，社工站为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次，完成率",
        c("home_visits/count", "pct"),
        "；开展个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节、社区活动",
        c("community_events/count"),
        "场，志愿服务",
        c("volunteer_hours/hours"),
        "小时。",
    )
    first = t.areas[0].name
    w.para(
        f"其中，{first}入户探访",
        c("home_visits/count", scope=(first,)),
        "人次，完成率",
        c("home_visits/count", "pct", (first,)),
        "。各片区服务指标完成情况见表2。",
    )
    w.text(CAPTION, font=FONTS.heading, size=10.5, bold=True, align="center", space_after=4)
    w.table(_part_grid(t, PARTS[0]))
    w.page_break()
    w.text(CONTINUED, font=FONTS.heading, size=10.5, bold=True, align="center", space_after=4)
    w.table(_part_grid(t, PARTS[1]))
    w.text("注：完成率＝完成量÷协议量×100%，取整数。", size=9, align="left", space_before=3)

    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{orgs[party]}（{ROLES[party]}）意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.clauses(head, polarity, texts, colon="，")  # type: ignore[arg-type]

    w.heading("五、评估得分", 1)
    w.para("四方评分情况见表3。")
    w.text("表3  各方评分情况", font=FONTS.heading, size=10.5, align="center", space_after=3)
    w.table(_score_grid(f))

    w.page_break()
    w.heading("六、评估结论", 1)
    w.text("", space_before=6)
    score_card(
        w.doc,
        [("综合得分", 14.0, True), (f"{sc.total}分", 28.0, True)],
        font=FONTS.heading,
    )
    w.text(
        f"评估等级：{sc.grade}",
        size=16,
        bold=True,
        align="center",
        font=FONTS.heading,
        space_before=10,
        space_after=12,
    )
    w.para(
        f"综上，{m.station}本期服务总体达到协议要求。建议承接机构针对各方提出的不足逐项"
        "制定整改措施，并在下一评估周期内报送整改情况。"
    )
    w.text("", space_before=24)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    for sec in w.doc.sections:
        sec.left_margin = sec.right_margin = Cm(2.5)
    roman_front_matter(w.doc, FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="front matter numbered I, II, body from 1; 表2 split column-wise over two "
    "pages (表2（续）, 片区 repeated, 合计 last in both), units in the count cells, whole "
    "percents; 成效方面，一是……；二是…… paragraphs under organisation（role） headings; "
    "综合得分 big in a shaded one-cell table",
    specs=SPECS,
    facts=facts,
    write=write,
)
