"""岚山 template (fictional evaluator 岚城市知行社会服务评估中心).

第一部分…第五部分 body headings with the four parties as 一、…四、 under 第三部分;
亮点 / 不足与建议 labels on their own line, items （1）（2）; weights and bands in one
sentence; scores in a sentence. 附件1 is a Word three-line table on a landscape page:
headers merged over three levels (group › 接案数/服务节数/结案数 › 协议量/完成量/
完成率（%）), a unit row, rates without a % sign, thousands separators in cells and text.
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
from corpora.families.figures import cell_fig, percent, staff_fig, thousands
from corpora.families.printing import CountStyle, RateStyle, cn_numeral, half
from corpora.families.writer import Writer

NAME = "lanshan"
CITY = "岚城市"
EVALUATOR = "岚城市知行社会服务评估中心"
TABLE = "附件1"
AREA_NAMES = ["第一片区", "第二片区", "第三片区", "第四片区", "第五片区"]
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 15, "third_party": 55}
INDS = [
    Ind("registered", "households", "困难群众和特殊群体建档", "户"),
    Ind("casework", "opened", "个案服务/接案数", "个"),
    Ind("casework", "sessions", "个案服务/服务节数", "节"),
    Ind("casework", "closed", "个案服务/结案数", "个"),
    Ind("groups", "count", "小组服务/小组个数", "个"),
    Ind("groups", "sessions", "小组服务/小组节数", "节"),
]
RATE = RateStyle(decimals=2, sign=False)
NARR_PCT = percent(thousands)

SPECS: list[Spec] = [
    {
        "name": "lanshan_dongpo_2024_final",
        "street": "东坡街",
        "district": "云溪区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "areas": 3,
        "funding": "220",
        "errors": [],
    },
    {
        "name": "lanshan_heyang_2024_mid",
        "street": "河阳街",
        "district": "云溪区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "areas": 4,
        "funding": "260",
        "errors": [("row_pct", ("第二片区",), "casework/sessions")],
    },
    {
        "name": "lanshan_qiaotou_2023_final",
        "street": "桥头镇",
        "district": "北岸区",
        "kind": "末期",
        "start": dt.date(2022, 11, 1),
        "assessed": 10,
        "areas": 2,
        "funding": "180",
        "errors": [
            ("total_pct_sum", TOTAL, "registered/households"),
            ("narrative", TOTAL, "casework/sessions"),
        ],
    },
    {
        "name": "lanshan_shijing_2024_final",
        "street": "石井街",
        "district": "北岸区",
        "kind": "末期",
        "start": dt.date(2023, 10, 1),
        "assessed": 11,
        "areas": 5,
        "funding": "300",
        "errors": [],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n_areas = spec["areas"]
    operator = rng.choice(["同行", "启明", "乐群", "善水"])
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{spec['district']}{operator}社会工作服务中心",
        area_count=cn_numeral(n_areas, liang=True),
    )
    areas = [Area(a) for a in AREA_NAMES[:n_areas]]
    table = make_table(
        rng, TABLE, INDS, areas, RATE, CountStyle(thousands=True), scale=spec["assessed"] / 10
    )
    staffing = make_staffing(rng, total=4 * n_areas + rng.randint(1, 4), months=spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, standard_bands()),
        staffing=staffing,
        knobs={
            "headings": "第一部分…第五部分",
            "labels": "亮点/不足与建议",
            "numbering": "（1）",
            "table": "three_line, 3-level header, unit row",
            "rate": "no % sign, 2 decimals",
            "thousands": True,
            "landscape": "mediabox",
            "scores": "sentence",
            "areas": n_areas,
            "kind": spec["kind"],
        },
    )
    for kind, scope, key in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, TABLE, scope, key)
        elif kind == "total_pct_sum":
            inject.total_pct_sum(f, TABLE, key)
        elif kind == "narrative":
            inject.narrative(f, TABLE, scope, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", latin="宋体", size=12, line_spacing=1.5)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(6):
        w.text("")
    w.text(m.station, font=FONTS.heading, size=24, bold=True, align="center", space_after=12)
    w.text(f"{m.year}年度{m.kind}评估报告", font=FONTS.heading, size=22, align="center")
    for _ in range(10):
        w.text("")
    w.text(f"评估机构：{m.evaluator}", size=14, align="center")
    w.text(f"报告日期：{m.eval_date.year}年{m.eval_date.month}月", size=14, align="center")
    w.page_break()

    w.heading("第一部分 项目基本情况", 1)
    areas = "、".join(a.name for a in t.areas)
    w.para(
        f"{m.station}（以下简称“社工站”）位于{m.address}，由{m.operator}承接运营，"
        f"服务购买方为{m.buyer}。项目服务期为{m.contract_printed}，"
        f"年度服务经费{m.funding_wan}万元。社工站共划分{m.area_count_printed}个片区，"
        f"即{areas}，各片区均设有社工驻点。"
    )
    w.heading("第二部分 评估工作说明", 1)
    w.heading("一、评估时间与方式", 2)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对社工站开展"
        f"{m.kind}评估。本次评估考核期为{m.assessment_printed}，共{m.months}个月。"
        "评估小组通过听取汇报、查阅档案、实地查看、服务对象电话回访和座谈等方式开展评估。"
    )
    w.heading("二、评分办法", 2)
    wt = sc.weights
    w.para(
        f"本次评估满分为100分，由四方评分组成：区民政局占{wt['monitor']}%，街道（镇）"
        f"占{wt['buyer']}%，市督导中心占{wt['supervision_centre']}%，第三方评估机构占"
        f"{wt['third_party']}%。总分90分及以上为优秀，80分及以上不足90分为良好，"
        "60分及以上不足80分为合格，60分以下为不合格。"
    )

    w.heading("第三部分 各方评估意见", 1)
    parties = [
        ("monitor", f"一、{m.district}民政局意见", "monitor", (2, 3), (0, 2)),
        ("buyer", f"二、{buyer_short(m.street)}意见", "buyer", (1, 2), (0, 1)),
        ("supervision_centre", "三、市社工服务督导中心意见", "supervision", (2, 3), (1, 2)),
    ]
    for party, title, pool, praise_n, concern_n in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _labelled(w, rng, pool, rng.randint(*praise_n), rng.randint(*concern_n))
    w.heading("四、第三方评估机构意见", 2, party="third_party")
    w.heading("（一）项目管理", 3)
    st = f.staffing
    assert st is not None
    w.para(
        "截至评估末月，社工站共有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），非持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。考核期内持证社工应到岗",
        staff_fig(str(st.certified_required), st.certified_required, "certified_required", "人次"),
        "人次，实到岗",
        staff_fig(half(st.certified_actual), st.certified_actual, "certified_actual", "人次"),
        "人次。",
    )
    _labelled(w, rng, "management", rng.randint(1, 3), rng.randint(1, 2))
    w.heading("（二）服务指标完成情况", 3)
    c = lambda key, role="done": cell_fig(  # noqa: E731
        f, TABLE, TOTAL, key, role, NARR_PCT if role == "pct" else thousands
    )
    w.para(
        "考核期内，社工站完成困难群众和特殊群体建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；个案接案",
        c("casework/opened"),
        "个，开展个案面谈",
        c("casework/sessions"),
        "节，结案",
        c("casework/closed"),
        "个，完成率分别为",
        c("casework/opened", "pct"),
        "、",
        c("casework/sessions", "pct"),
        "、",
        c("casework/closed", "pct"),
        "；开展专业小组",
        c("groups/count"),
        "个共",
        c("groups/sessions"),
        "节，完成率分别为",
        c("groups/count", "pct"),
        "、",
        c("groups/sessions", "pct"),
        "。各片区指标完成情况详见附件1。",
    )
    w.heading("（三）服务开展情况", 3)
    _labelled(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2))
    w.heading("（四）各片区服务情况", 3)
    for i, a in enumerate(t.areas, start=1):
        w.heading(f"{i}.{a.name}", 4, area=a.name)
        w.label("亮点", "praise", colon="：")
        scope = (a.name,)
        w.item(
            "（1）",
            f"{a.name}完成困难群众和特殊群体建档",
            cell_fig(f, TABLE, scope, "registered/households", show=thousands),
            "户，完成率为",
            cell_fig(f, TABLE, scope, "registered/households", "pct", NARR_PCT),
            "，建档信息完整。",
        )
        for k, text in enumerate(pick(rng, "area_praise", rng.randint(0, 1), a.name), start=2):
            w.item(f"（{k}）", text)
        w.label("不足与建议", "concern", colon="：")
        concerns = pick(rng, "area_concern", rng.randint(0, 2), a.name)
        if not concerns:
            w.none("无。")
        for k, text in enumerate(concerns, start=1):
            w.item(f"（{k}）", text)

    w.heading("第四部分 评估结果", 1)
    s = sc.scores
    w.para(
        f"经综合评定，社工站本期评估总分为{sc.total}分，评估等级为{sc.grade}。其中，"
        f"区民政局评分{s['monitor']}分，街道（镇）评分{s['buyer']}分，市督导中心评分"
        f"{s['supervision_centre']}分，第三方评估机构评分{s['third_party']}分。"
    )
    w.heading("第五部分 结语", 1)
    w.para(
        "社工站本期服务运作总体规范，各项服务有序推进。希望社工站针对各方意见认真整改，"
        "持续提升服务的专业性和有效性。"
    )

    w.section(landscape=True)
    w.text("附件1", font=FONTS.heading, size=12, bold=True, align="left")
    w.text(
        f"{m.station}服务指标完成情况统计表",
        font=FONTS.heading,
        size=14,
        bold=True,
        align="center",
        space_after=6,
    )
    w.table(_annex(f))
    w.text("注：完成率=完成量÷协议量×100%。", size=10, align="left", space_before=4)
    page_footer(w.doc, "dash", FONTS.body)
    return w


def _labelled(w: Writer, rng: random.Random, pool: str, n_praise: int, n_concern: int) -> None:
    w.label("亮点", "praise")
    for k, text in enumerate(pick(rng, f"{pool}_praise", n_praise), start=1):
        w.item(f"（{k}）", text)
    w.label("不足与建议", "concern")
    if n_concern == 0:
        w.none("无。")
    for k, text in enumerate(pick(rng, f"{pool}_concern", n_concern), start=1):
        w.item(f"（{k}）", text)


def _annex(f: ReportFacts) -> Grid:
    """Three header rows (group, measure, role) and a unit row, then 片区 rows and 合计."""
    t = f.table(TABLE)
    roles = ["协议量", "完成量", "完成率（%）"]
    head0: list[str | None] = ["片区", "困难群众和特殊群体建档", None, None]
    head0 += ["个案服务"] + [None] * 8 + ["小组服务"] + [None] * 5
    head1: list[str | None] = [None, None, None, None]
    for sub in ("接案数", "服务节数", "结案数", "小组个数", "小组节数"):
        head1 += [sub, None, None]
    head2: list[str | None] = [None] + roles * 6
    units: list[str | None] = ["单位"]
    for ind in INDS:
        units += [ind.unit, ind.unit, "%"]
    rows = [head0, head1, head2, units]
    for scope in t.scopes():
        label = "合计" if scope == TOTAL else scope[0]
        cells: list[str | None] = [label]
        for ind in INDS:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
        rows.append(cells)
    spans = [(0, 0, 2, 0), (0, 1, 1, 3), (0, 4, 0, 12), (0, 13, 0, 18)]
    spans += [(1, c, 1, c + 2) for c in (4, 7, 10, 13, 16)]
    return Grid(
        rows=rows,
        header_rows=4,
        widths=[1.8] + [1.25, 1.25, 1.55] * 6,
        ruling="three_line",
        spans=spans,
        font_size=7.5,
        group_rules=[(0, 4, 12), (0, 13, 18), (1, 4, 18)],
        rules_under=[],
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="第一部分…第五部分, 亮点/不足与建议, Word three-line 附件1 with a 3-level header "
    "and unit row on a landscape page, rates without %, thousands separators",
    specs=SPECS,
    facts=facts,
    write=write,
)
