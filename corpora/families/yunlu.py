"""云麓 template (fictional evaluator 雁州市云麓社会服务评估中心).

The parties' opinions in reverse order (第三方 first, 区民政局 last); 亮点 / 改进方向
labels with items 1、 2、, the last item often one short line followed directly by the
next label. 片区 named by direction without 区 (东片, 西片, 北片, 南片), each with its
own sub-section whose figures are typed with full-width digits (２１０). Weights
10/25/15/50 and bands 85/70/60 printed as lists; scores in one sentence, third party
first. 附件1 has only vertical rules (片区 rows, "—" for not applicable) on a landscape
page; 附件2 is a three-line staff roster grouped by named teams.
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
    Band,
    Ind,
    ReportFacts,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig, wide
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Writer

NAME = "yunlu"
CITY = "雁州市"
EVALUATOR = "雁州市云麓社会服务评估中心"
TABLE = "附件1"
WEIGHTS = {"third_party": 50, "supervision_centre": 15, "buyer": 25, "monitor": 10}
BANDS = [
    Band("优秀", 85, None),
    Band("良好", 70, 85),
    Band("合格", 60, 70),
    Band("不合格", None, 60),
]
INDS = [
    Ind("phone_visits", "count", "电访/次数", "次"),
    Ind("home_visits", "count", "入户探访/次数", "次"),
    Ind("casework", "opened", "个案/接案", "个"),
    Ind("casework", "closed", "个案/结案", "个"),
    Ind("community_events", "count", "社区活动/场次", "场"),
    Ind("community_funds", "count", "社区基金/个数", "个", applicable=False),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
TEAMS = {"东片": "东片服务队", "西片": "西片服务队", "北片": "北片服务队", "南片": "南片服务队"}

SPECS: list[Spec] = [
    {
        "name": "yunlu_liutang_2024_final",
        "street": "柳塘街",
        "district": "雁南区",
        "kind": "末期",
        "start": dt.date(2023, 12, 16),
        "assessed": 10,
        "funding": "230",
        "areas": ["东片", "西片", "北片"],
        "errors": [],
    },
    {
        "name": "yunlu_xiangshan_2024_mid",
        "street": "香山街",
        "district": "雁南区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "210",
        "areas": ["东片", "西片", "北片"],
        "errors": [("narrative", ("西片",), "home_visits/count")],
    },
    {
        "name": "yunlu_beiguan_2023_final",
        "street": "北关镇",
        "district": "临川区",
        "kind": "末期",
        "start": dt.date(2022, 12, 1),
        "assessed": 10,
        "funding": "280",
        "areas": ["东片", "西片", "南片", "北片"],
        "errors": [
            ("narrative", TOTAL, "phone_visits/count"),
            ("row_pct", ("南片",), "casework/opened"),
        ],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    names: list[str] = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['春泥', '守望', '连心'])}社工服务中心",
        area_count=cn_numeral(len(names), liang=True),
    )
    table = make_table(
        rng,
        TABLE,
        INDS,
        [Area(a) for a in names],
        RATE,
        CountStyle(),
        na="—",
        scale=spec["assessed"] / 10 * 1.4,
    )
    teams = ["综合管理组"] + [TEAMS[a] for a in names]
    staffing = make_staffing(rng, 5 * len(names) + rng.randint(1, 3), spec["assessed"], teams)
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=staffing,
        knobs={
            "headings": "一、…七、, parties in reverse order (third party first)",
            "labels": "亮点/改进方向",
            "numbering": "1、",
            "areas": "named without 区: " + "/".join(names),
            "digits": "full-width in 片区 narrative",
            "weights": "10/25/15/50 list",
            "bands": "85/70/60 list",
            "scores": "sentence, third party first",
            "table": "vertical rules only, — for not applicable",
            "roster": True,
            "landscape": "mediabox",
            "kind": spec["kind"],
        },
    )
    for kind, scope, key in spec["errors"]:
        if kind == "narrative":
            inject.narrative(f, TABLE, scope, key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, scope, key, shift="10")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=22)


def _opinion(
    w: Writer, rng: random.Random, pool: str, praise: int, concern: int, area: str | None = None
) -> None:
    """亮点 and 改进方向 items, each list ending with a one-line remark, so the next
    label follows a short last line directly."""
    w.label("亮点", "praise")
    texts = pick(rng, f"{pool}_praise", praise - 1, area) + pick(rng, "short_praise", 1)
    for k, text in enumerate(texts, start=1):
        w.item(f"{k}、", text)
    w.label("改进方向", "concern")
    texts = pick(rng, f"{pool}_concern", max(0, concern - 1), area)
    if concern:
        texts += pick(rng, "short_concern", 1)
    else:
        w.none("无。")
    for k, text in enumerate(texts, start=1):
        w.item(f"{k}、", text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(8):
        w.text("")
    w.text(f"{m.station}{m.year}年度", size=20, bold=True, align="center")
    w.text(f"{m.kind}评估报告", size=20, bold=True, align="center")
    for _ in range(12):
        w.text("")
    w.text(f"评估单位：{m.evaluator}", size=14, align="center")
    w.text(f"评估日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    areas = "、".join(a.name for a in t.areas)
    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}由{m.operator}承接，服务地址：{m.address}；购买方：{m.buyer}；"
        f"服务期限：{m.contract_printed}；项目经费：{m.funding_wan}万元。社工站将辖区划分为"
        f"{areas}{m.area_count_printed}个片区，各片区由一支服务队负责。"
    )
    w.heading("二、评估说明", 1)
    w.heading("（一）评估方法", 2)
    w.para(
        f"评估小组于{m.eval_date_printed}进驻社工站开展{m.kind}评估，考核期为"
        f"{m.assessment_printed}，共{m.months}个月。评估采用查阅资料、现场观察、"
        "访谈和问卷调查等方法。"
    )
    w.heading("（二）评分规则", 2)
    wt = sc.weights
    w.para("评估总分为100分，四方评分权重分别为：")
    w.para(f"（1）第三方评估机构：{wt['third_party']}%；")
    w.para(f"（2）市督导中心：{wt['supervision_centre']}%；")
    w.para(f"（3）街道办事处（镇人民政府）：{wt['buyer']}%；")
    w.para(f"（4）区民政局：{wt['monitor']}%。")
    w.para("评估等级划分：")
    w.para("优秀：85分及以上；")
    w.para("良好：70分（含）至85分；")
    w.para("合格：60分（含）至70分；")
    w.para("不合格：60分以下。")

    w.heading("三、第三方评估机构意见", 1, party="third_party")
    w.heading("（一）项目管理", 2)
    w.para(
        "截至评估末月，社工站共有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名、非持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，人员名单见附件2。",
    )
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2))
    w.heading("（二）服务成效", 2)
    w.para(
        "评估期内，社工站完成电访",
        cell_fig(f, TABLE, TOTAL, "phone_visits/count"),
        "次、入户探访",
        cell_fig(f, TABLE, TOTAL, "home_visits/count"),
        "次，完成率分别为",
        cell_fig(f, TABLE, TOTAL, "phone_visits/count", "pct", PCT),
        "和",
        cell_fig(f, TABLE, TOTAL, "home_visits/count", "pct", PCT),
        "；个案接案",
        cell_fig(f, TABLE, TOTAL, "casework/opened"),
        "个，结案",
        cell_fig(f, TABLE, TOTAL, "casework/closed"),
        "个。",
    )
    _opinion(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2))
    for i, a in enumerate(t.areas, start=3):
        scope = (a.name,)
        w.heading(f"（{'一二三四五六七'[i - 1]}）{a.name}服务情况", 2, area=a.name)
        w.para(
            f"{a.name}由{TEAMS[a.name]}负责，本期完成入户探访",
            cell_fig(f, TABLE, scope, "home_visits/count", show=wide),
            "次，完成率",
            cell_fig(f, TABLE, scope, "home_visits/count", "pct", PCT),
            "；开展社区活动",
            cell_fig(f, TABLE, scope, "community_events/count", show=wide),
            "场。",
        )
        _opinion(w, rng, "area", rng.randint(1, 2), rng.randint(0, 2), a.name)
    w.heading("四、市督导中心意见", 1, party="supervision_centre")
    _opinion(w, rng, "supervision", rng.randint(2, 3), rng.randint(1, 2))
    w.heading(f"五、{buyer_short(m.street)}意见", 1, party="buyer")
    _opinion(w, rng, "buyer", rng.randint(1, 2), rng.randint(0, 1))
    w.heading(f"六、{m.district}民政局意见", 1, party="monitor")
    _opinion(w, rng, "monitor", rng.randint(2, 3), rng.randint(0, 2))
    w.heading("七、评估结论", 1)
    s = sc.scores
    w.para(
        f"本次评估，第三方评估机构评分为{s['third_party']}分，市督导中心评分为"
        f"{s['supervision_centre']}分，{buyer_short(m.street)}评分为{s['buyer']}分，"
        f"{m.district}民政局评分为{s['monitor']}分，合计{sc.total}分，评估等级为{sc.grade}。"
    )

    w.section(landscape=True)
    w.text("附件1", font=FONTS.heading, bold=True)
    w.text(f"{m.station}各片区服务指标完成情况", font=FONTS.heading, size=14, align="center")
    w.table(_annex(f))
    w.text("注：“—”表示本期未设置该项指标。", size=10.5)
    w.section(landscape=False)
    w.text("附件2", font=FONTS.heading, bold=True)
    w.text(f"{m.station}社工名单", font=FONTS.heading, size=14, align="center", space_after=4)
    w.table(_roster(f))
    page_footer(w.doc, "plain", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    head0: list[str | None] = ["片区"]
    head1: list[str | None] = [None]
    for ind in INDS:
        head0 += [ind.label.replace("/", ""), None, None]
        head1 += ["协议量", "完成量", "完成率"]
    rows = [head0, head1]
    for scope in t.scopes():
        cells: list[str | None] = ["合计" if scope == TOTAL else scope[0]]
        for ind in INDS:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
        rows.append(cells)
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.8] + [1.3, 1.3, 1.7] * len(INDS),
        ruling="vertical",
        spans=spans,
        font_size=9,
        row_height=22,
    )


def _roster(f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    rows: list[list[str | None]] = [["所属团队", "序号", "姓名", "岗位", "资质"]]
    spans = []
    teams = list(dict.fromkeys(p.team for p in st.roster))
    for team in teams:
        first = len(rows)
        for p in (p for p in st.roster if p.team == team):
            rows.append(
                [
                    team if len(rows) == first else None,
                    str(p.seq),
                    p.name,
                    p.position,
                    p.qualification,
                ]
            )
        if len(rows) - first > 1:
            spans.append((first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, 1.4, 2.6, 3.0, 3.0],
        ruling="three_line",
        spans=spans,
        font_size=10.5,
        row_height=18,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="parties in reverse order, 亮点/改进方向 with one-line last items, 片区 东片/西片/北片 "
    "with full-width digits in their sections, weights 10/25/15/50 and bands 85/70/60 as "
    "lists; vertical-rules-only 附件1 with —, three-line roster grouped by named teams",
    specs=SPECS,
    facts=facts,
    write=write,
)
