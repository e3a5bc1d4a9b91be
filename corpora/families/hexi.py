"""河溪 template (fictional evaluator 漓川市河溪公益评估事务所) — second held-back split.

The conclusion first: 一、评估结论 gives the four party scores, the total and the grade in
one sentence; 二、项目基本情况 and the body's figures typed with full-width digits
(社工１４名, 建档１２３４户); 三、评估标准 with weights and bands (85/75/60, "以上（含…）",
"不足…") as sentences. 四、服务指标完成情况: a short text, then a landscape section in the
middle of the document holding 表1 (片区 named by street │ five indicator groups of 协议量 /
完成量 / 完成率; the 合计 row first; every count with its unit in the cell, 128人次) and a
numbered 注, then portrait pages again. 五、各方评估意见: parties as （一）…（四）, labels
成效与亮点 / 问题与不足, items numbered 1、2、; the third party split into 项目管理 and
服务开展 with their own labels. 六、其他说明 closes the body.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, cn_date, make_meta, pick, rng_for
from corpora.families.decorate import decorate, unit_after_count
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
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig, wide
from corpora.families.printing import CountStyle, RateStyle, full_width
from corpora.families.writer import Fig, Writer

NAME = "hexi"
CITY = "漓川市"
EVALUATOR = "漓川市河溪公益评估事务所"
TABLE = "表1"
WEIGHTS = {"buyer": 20, "monitor": 10, "supervision_centre": 15, "third_party": 55}
BANDS = [
    Band("优秀", 85, None),
    Band("良好", 75, 85),
    Band("合格", 60, 75),
    Band("不合格", None, 60),
]
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("home_visits", "count", "入户探访", "次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("groups", "attendances", "小组服务", "人次"),
    Ind("community_events", "attendances", "社区活动", "人次"),
]
RATE = RateStyle(decimals=2, sign=True)
STREETS = "沿河街 新华街 中山街 北门街 南塘街 西湖街 状元街 水井街".split()

SPECS: list[Spec] = [
    {
        "name": "hexi_binhe_2024_final",
        "street": "滨河街",
        "district": "漓东区",
        "kind": "末期",
        "start": dt.date(2023, 11, 1),
        "assessed": 10,
        "funding": "226",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "hexi_shiqiao_2024_mid",
        "street": "石桥镇",
        "district": "漓东区",
        "kind": "中期",
        "start": dt.date(2024, 2, 1),
        "assessed": 6,
        "funding": "188",
        "areas": 3,
        "errors": [("sum_cell", "home_visits/count"), ("score_sum", None)],
    },
    {
        "name": "hexi_liuan_2023_final",
        "street": "柳岸街",
        "district": "漓西区",
        "kind": "末期",
        "start": dt.date(2022, 12, 1),
        "assessed": 10,
        "funding": "205",
        "areas": 5,
        "errors": [("narrative", "registered/households"), ("total_pct_sum", "casework/sessions")],
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
        operator=f"{CITY}{rng.choice(['德邻', '和悦', '乐群'])}社会工作服务社",
        date=lambda d: cn_date(d),
        area_count=full_width(str(n)),
    )
    areas = [Area(f"{s[:-1]}片区") for s in rng.sample(STREETS, n)]
    table = make_table(
        rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.2
    )
    f = ReportFacts(
        family=NAME,
        split="heldout",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=make_staffing(rng, total=3 * n + rng.randint(2, 4), months=spec["assessed"]),
        knobs={
            "headings": "一、评估结论 first … 六、其他说明, parties （一）…（四）",
            "labels": "成效与亮点/问题与不足",
            "numbering": "1、",
            "digits": "full-width in body text",
            "weights": "sentence",
            "bands": "85/75/60 sentence, 以上（含）/不足",
            "scores": "one sentence in 评估结论, before the table",
            "table": "wide, ruled, 合计 row first, 片区 by street, unit in every count cell",
            "rate": "2 decimals with %",
            "areas": n,
            "landscape": "mediabox",
            "kind": spec["kind"],
        },
    )
    for kind, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "score_sum":
            inject.score_sum(f, "0.50")
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "total_pct_sum":
            inject.total_pct_sum(f, TABLE, key)
    decorate(f, TABLE, unit_after_count)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int) -> None:
    w.label("成效与亮点", "praise")
    for k, text in enumerate(pick(rng, "ho_praise", praise), start=1):
        w.item(f"{k}、", text)
    w.label("问题与不足", "concern")
    for k, text in enumerate(pick(rng, "ho_concern", concern), start=1):
        w.item(f"{k}、", text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(8):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    for _ in range(12):
        w.text("")
    w.text(f"评估机构：{m.evaluator}", size=14, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    s = sc.scores
    w.heading("一、评估结论", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}对{m.station}{m.assessment_printed}的服务情况"
        f"开展{m.kind}评估。经综合评定，各方评分分别为：{buyer_short(m.street)}{s['buyer']}分，"
        f"{m.district}民政局{s['monitor']}分，市督导中心{s['supervision_centre']}分，"
        f"第三方评估机构{s['third_party']}分；总得分{sc.total}分，评估等级为{sc.grade}。"
    )
    w.heading("二、项目基本情况", 1)
    w.para(
        f"{m.station}位于{m.address}，由{m.operator}承接运营，购买方为{m.buyer}。项目合同期"
        f"为{m.contract_printed}，合同金额{m.funding_wan}万元。本期评估考核"
        f"{full_width(str(m.months))}个月。社工站按街巷划分为{m.area_count_printed}个片区。"
    )
    w.para(
        "社工站配备社工",
        staff_fig(full_width(str(st.total)), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(full_width(str(st.certified)), st.certified, "certified_count"),
        "名，未持证社工",
        staff_fig(full_width(str(st.uncertified)), st.uncertified, "uncertified_count"),
        "名；评估期内离职",
        staff_fig(full_width(str(st.resigned)), st.resigned, "resigned_early"),
        "名。",
    )
    wt = sc.weights
    w.heading("三、评估标准", 1)
    w.para(
        f"评估满分为100分，其中购买方评分占{wt['buyer']}%，区民政局评分占{wt['monitor']}%，"
        f"市督导中心评分占{wt['supervision_centre']}%，第三方评估机构评分占{wt['third_party']}%。"
    )
    w.para(
        "总分在85分以上（含85分）为优秀，75分以上（含75分）不足85分为良好，"
        "60分以上（含60分）不足75分为合格，不足60分为不合格。"
    )

    def c(scope: Scope, key: str, role: str = "done", show: Show = wide) -> Fig:
        return cell_fig(f, TABLE, scope, key, role, percent(show) if role == "pct" else show)

    w.heading("四、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站共为困难群众建档",
        c(TOTAL, "registered/households"),
        "户，入户探访",
        c(TOTAL, "home_visits/count"),
        "次，开展个案服务",
        c(TOTAL, "casework/sessions"),
        "节，完成率",
        c(TOTAL, "casework/sessions", "pct", plain),
        "；小组服务参与",
        c(TOTAL, "groups/attendances"),
        "人次，社区活动参与",
        c(TOTAL, "community_events/attendances"),
        "人次。各片区完成情况见表1。",
    )
    w.section(landscape=True)
    w.text(
        f"表1  {m.street}社工站各片区服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_after=4,
    )
    w.table(_table(f))
    w.text("注：", size=10)
    w.text("1.“合计”为各片区之和；", size=10)
    w.text("2.完成率=完成量÷协议量×100%，保留两位小数。", size=10)
    w.section(landscape=False)

    w.heading("五、各方评估意见", 1)
    parties = [
        ("buyer", f"（一）{buyer_short(m.street)}意见", (1, 2), (1, 2)),
        ("monitor", f"（二）{m.district}民政局意见", (2, 3), (1, 2)),
        ("supervision_centre", "（三）市督导中心意见", (2, 3), (1, 3)),
    ]
    for party, title, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))
    w.heading("（四）第三方评估机构意见", 2, party="third_party")
    w.heading("1.项目管理", 3)
    _opinion(w, rng, rng.randint(1, 3), rng.randint(1, 2))
    w.heading("2.服务开展", 3)
    _opinion(w, rng, rng.randint(2, 3), rng.randint(1, 3))
    w.heading("六、其他说明", 1)
    w.para("本报告仅用于本期服务评估，评估结果以本报告为准。")
    page_footer(w.doc, "plain", FONTS.body)
    return w


def _table(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    head0: list[str | None] = ["片区"]
    head1: list[str | None] = [None]
    for ind in INDS:
        head0 += [ind.label, None, None]
        head1 += ["协议量", "完成量", "完成率"]
    rows = [head0, head1]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    for scope, label in [(TOTAL, "合计"), *(((a.name,), a.name) for a in t.areas)]:
        cells: list[str | None] = [label]
        for ind in INDS:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
        rows.append(cells)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.8] + [1.55, 1.55, 1.6] * len(INDS),
        ruling="grid",
        spans=spans,
        font_size=7.5,
        left_cols=1,
        bold_rows=[2],
        row_height=24,
    )


FAMILY = Family(
    name=NAME,
    split="heldout",
    summary="conclusion first (scores in one sentence), full-width digits in the text, "
    "weights and bands as sentences, parties （一）…（四） with 成效与亮点/问题与不足 and 1、 "
    "items; a landscape section mid-document with a wide ruled table, 合计 row first, "
    "片区 by street, units in every count cell",
    specs=SPECS,
    facts=facts,
    write=write,
)
