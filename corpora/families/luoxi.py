"""洛溪 template (fictional evaluator 澄州市洛溪社会工作评估事务所) — eighth
held-back split (`closed`).

Portrait A4, 仿宋 小四, a plain cover, then a running header with the evaluator's name
at the left margin and the report title at the right one (a right tab, a rule under
it) and centred page numbers. Decimal section numbers with a tab after them
(1→项目概况, 1.1→…, the parties 4.1 … 4.4). 1 项目概况: a staffing sentence pointing
to 表2. 2 评估说明: the weights and the bands as sentences. 3 服务指标完成情况: a
paragraph of station totals, then 表1 with the measures as ROWS and each 片区 a
COLUMN (合计 the last column): a three-level row header — 服务类别 (merged down over
its indicators) › 指标 with its unit (merged down over three rows) › 协议 / 完成 /
完成率, on a page of its own — rates rounded to whole numbers with a full-width ％
(107％). 4 各方评估意见: per party a two-row table, 值得肯定的地方 │ the items, one
line each, unnumbered / 需要关注的地方 │ …. 5 评估结论: 表3 评估主体 │ 权重 │ 得分
with no 合计 row; the total and the grade only in the last line of the signature
block (综合得分：87.35分　评估等级：良好). 附件 表2 社工到岗情况: 姓名 │ 岗位 │ 持证 │
1月 … 12月 │ 小计, ✓ on post and ✗ not (an explicit mark for absence), no 序号 and
no 合计 line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, page_header
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Staffing,
    Table,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "luoxi"
SPLIT = "closed"
CITY = "澄州市"
EVALUATOR = "澄州市洛溪社会工作评估事务所"
WEIGHTS = {"buyer": 30, "monitor": 10, "supervision_centre": 10, "third_party": 50}
BANDS = standard_bands(90, 75, 60)
LABEL = "表1"
ROSTER_LABEL = "表2"
SCORE_LABEL = "表3"
# (服务类别, indicators with the row label as printed: 指标 and its unit)
GROUPS: list[tuple[str, list[Ind]]] = [
    (
        "基础服务",
        [
            Ind("registered", "households", "基础服务/困难群众建档（户）", "户"),
            Ind("home_visits", "count", "基础服务/入户探访（人次）", "人次"),
        ],
    ),
    (
        "个案服务",
        [
            Ind("casework", "opened", "个案服务/开案数（个）", "个"),
            Ind("casework", "sessions", "个案服务/服务节数（节）", "节"),
        ],
    ),
    (
        "小组服务",
        [
            Ind("groups", "count", "小组服务/小组数（个）", "个"),
            Ind("groups", "sessions", "小组服务/服务节数（节）", "节"),
        ],
    ),
    (
        "社区服务",
        [
            Ind("community_events", "count", "社区服务/社区活动（场）", "场"),
            Ind("community_events", "attendances", "社区服务/参与人次（人次）", "人次"),
        ],
    ),
]
INDS = [ind for _, inds in GROUPS for ind in inds]
RATE = RateStyle(decimals=0, mark="％")
ROLES = (("target", "协议"), ("done", "完成"), ("pct", "完成率"))
AREA_NAMES = "江北 江南 溪口 洛阳 新桥 石门 东岸 西岸".split()
POSITIONS = ("项目主任", "片区负责人", "社工")

SPECS: list[Spec] = [
    {
        "name": "luoxi_shiqiao_2025_final",
        "street": "石桥街",
        "district": "澄江区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "132",
        "areas": 4,
        "staff": 9,
        "errors": [],
    },
    {
        "name": "luoxi_xikou_2025_final",
        "street": "溪口镇",
        "district": "澄北区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "118",
        "areas": 3,
        "staff": 8,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("roster_subtotal", "", 3),
        ],
    },
    {
        "name": "luoxi_donggang_2024_final",
        "street": "东港街",
        "district": "澄江区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "145",
        "areas": 5,
        "staff": 10,
        "errors": [
            ("narrative", "casework/sessions", None),
            ("grade_band", "", None),
        ],
    },
]


def _marks(rng: random.Random, st: Staffing, months: int) -> None:
    """Monthly 到岗 marks: ✓ on post, ✗ not; most on post every month, one joined late,
    one was away for a month; the 小计 counts the ✓."""
    total = len(st.roster)
    late = rng.randrange(1, total)
    away = rng.choice([k for k in range(1, total) if k != late])
    out = []
    for k, p in enumerate(st.roster):
        marks = ["✓"] * months
        if k == late:
            for m in range(rng.randint(2, months // 2)):
                marks[m] = "✗"
        if k == away:
            marks[rng.randint(2, months - 2)] = "✗"
        out.append(dataclasses.replace(p, marks=tuple(marks), on_post=str(marks.count("✓"))))
    st.roster = out


def _roster_subtotal(f: ReportFacts, seq: int) -> None:
    """One person's 小计 printed one month short of their ✓ marks."""
    st = f.staffing
    assert st is not None
    k = next(i for i, p in enumerate(st.roster) if p.seq == seq)
    p = st.roster[k]
    right = p.on_post or "0"
    wrong = str(int(right) - 1)
    st.roster[k] = dataclasses.replace(p, on_post=wrong)
    group = "certified" if p.certified else "uncertified"
    f.findings.append(
        ExpectedFinding(
            kind="roster_subtotal",
            ref=f"roster/{group}/{p.seq}/on_post",
            printed=wrong,
            expected=right,
            note="person's 小计 ≠ their monthly ✓ marks",
        )
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['同心', '启明', '和煦'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"], teams=["社工站"])
    _marks(rng, staffing, spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=(0.78, 0.95)),
        staffing=staffing,
        knobs={
            "cover": "plain cover: station, report title, 委托单位, 评估单位, date",
            "header": "evaluator's name left, report title right (right tab), rule under",
            "footer": "centred page number",
            "headings": "decimal numbers with a tab (1, 1.1), parties 4.1 … 4.4",
            "labels": "two-row table per party: 值得肯定的地方 │ items / 需要关注的地方 │ items",
            "numbering": "none: one item a line inside the cell",
            "weights": "sentence",
            "bands": "sentence, 90/75/60 with （含）",
            "scores": "表3 评估主体/权重/得分 without 合计; total and grade only in the "
            "signature block's last line",
            "table": "表1 measures as rows (服务类别 › 指标（单位） › 协议/完成/完成率), each "
            "片区 a column, 合计 the last column",
            "rate": "whole numbers with full-width ％",
            "areas": n,
            "roster": True,
            "roster_form": "表2 姓名/岗位/持证/1月…12月/小计, ✓ on post, ✗ not, no 序号, "
            "no 合计 line (seq = row order)",
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "roster_subtotal":
            _roster_subtotal(f, where)
        elif kind == "grade_band":
            up = {"合格": "良好", "良好": "优秀", "优秀": "良好", "不合格": "合格"}
            inject.grade_band(f, up[f.scores.grade])
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "4.1\t购买方评估意见", "购买方"),
    ("monitor", "4.2\t区民政局评估意见", "区民政局"),
    ("supervision_centre", "4.3\t督导机构评估意见", "督导机构"),
    ("third_party", "4.4\t第三方评估机构评估意见", "第三方评估机构"),
]
HEADS = ("值得肯定的地方", "需要关注的地方")


def _indicator_grid(t: Table) -> Grid:
    """服务类别 │ 指标 │ 项目 │ each 片区 │ 合计; three rows per indicator."""
    scopes = [(a.name,) for a in t.areas] + [TOTAL]
    rows: list[list[str | None]] = [
        ["服务类别", "服务指标", "项目", *(a.name for a in t.areas), "合计"]
    ]
    spans = []
    for group, inds in GROUPS:
        top = len(rows)
        for ind in inds:
            first = len(rows)
            for k, (role, word) in enumerate(ROLES):
                lead: list[str | None] = [
                    group if len(rows) == top else None,
                    ind.label.split("/")[1] if k == 0 else None,
                    word,
                ]
                rows.append(lead + [t.cell(s, ind, role) for s in scopes])
            spans.append((first, 1, first + 2, 1))
        spans.append((top, 0, len(rows) - 1, 0))
    n = len(scopes)
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.6, 3.0, 1.4, *([round(10.4 / n, 2)] * n)],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=0,
        row_height=14,
        cell_margin=0.1,
    )


def _opinion_grid(rows: list[list[str | None]]) -> Grid:
    return Grid(
        rows=rows,
        header_rows=0,
        widths=[3.2, 12.8],
        ruling="grid",
        font_size=10.5,
        left_cols=2,
        cell_margin=0.15,
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for party, _, name in PARTIES:
        rows.append([name, f"{sc.weights[party]}%", sc.scores[party]])
    return Grid(rows=rows, header_rows=1, widths=[4.4, 2.6, 2.6], font_size=10.5)


def _roster_grid(st: Staffing) -> Grid:
    months = st.months
    rows: list[list[str | None]] = [
        ["姓名", "岗位", "持证", *(f"{m}月" for m in range(1, months + 1)), "小计"]
    ]
    for p in st.roster:
        rows.append([p.name, p.position, p.qualification, *p.marks, p.on_post])
    month_w = round(9.0 / months, 3)
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.5, 1.9, 2.1, *([month_w] * months), 1.0],
        ruling="grid",
        font_size=9,
        left_cols=0,
        row_height=20,
        cell_margin=0.05,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    title = f"{m.station}{m.year}年度{m.kind}评估报告"
    w = Writer(FONTS, title, m.evaluator)

    # cover
    w.text("", space_before=110)
    w.text(m.station, size=24, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估单位：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("1\t项目概况", 1)
    w.heading("1.1\t基本情况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务阵地位于{m.address}。"
        f"项目合同期为{m.contract_printed}，合同金额{m.funding_wan}万元。本次{m.kind}评估的"
        f"服务期为{m.assessment_printed}，共{m.months}个月。社工站下设{m.area_count_printed}个"
        f"片区（{'、'.join(areas)}）。"
    )
    w.heading("1.2\t人员配置", 2)
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名，未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        f"名，各月到岗情况见附件{ROSTER_LABEL}。",
    )

    wt = sc.weights
    w.heading("2\t评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}开展"
        f"{m.kind}评估，通过查阅档案台账、实地察看、访谈服务对象和社工座谈等方式收集资料。"
    )
    w.para(
        f"评估采用四方评分：购买方权重{wt['buyer']}%，区民政局权重{wt['monitor']}%，督导机构"
        f"权重{wt['supervision_centre']}%，第三方评估机构权重{wt['third_party']}%，各方得分"
        "相加为综合得分。综合得分90分（含）以上为优秀，75分（含）至90分为良好，60分（含）"
        "至75分为合格，60分以下为不合格。"
    )

    def c(key: str) -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, "done", plain)

    w.heading("3\t服务指标完成情况", 1)
    w.para(
        "评估期内，社工站共为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，小组服务",
        c("groups/sessions"),
        "节；举办社区活动",
        c("community_events/count"),
        "场，参与居民",
        c("community_events/attendances"),
        f"人次。各片区完成情况见{LABEL}。",
    )
    w.page_break()  # 表1 whole on the next page
    w.text(f"{LABEL}  各片区服务指标完成情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_indicator_grid(t))
    w.text("注：完成率=完成÷协议×100％，四舍五入取整。", size=9, align="left", space_after=6)

    w.heading("4\t各方评估意见", 1)
    for party, title_, _ in PARTIES:
        w.heading(title_, 2, party=party)  # type: ignore[arg-type]
        praise = pick(rng, "cl_lx_praise", rng.randint(2, 3))
        concern = pick(rng, "cl_lx_concern", rng.randint(1, 2))
        w.opinion_rows(HEADS, (praise, concern), _opinion_grid)

    w.heading("5\t评估结论", 1)
    w.para(f"四方评分情况见{SCORE_LABEL}。")
    w.text(f"{SCORE_LABEL}  四方评分情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_score_grid(f))
    w.para(
        f"{m.station}本期服务总体有序推进，希望承接机构针对各方提出的问题认真整改。",
    )
    w.text("", space_before=12)
    w.text(f"评估单位：{m.evaluator}", align="right")
    w.text("评估组组长：（签字）", align="right")
    w.text(m.eval_date_printed, align="right")
    w.text(f"综合得分：{sc.total}分　评估等级：{sc.grade}", align="right", bold=True)

    w.page_break()
    w.heading("附件", 1)
    w.text(f"{ROSTER_LABEL}  社工到岗情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_roster_grid(st))
    w.text("注：✓表示当月在岗，✗表示当月不在岗。", size=9, align="left")

    page_header(w.doc, m.evaluator, FONTS.body, right=title)
    page_footer(w.doc, "plain", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="plain cover; running header evaluator left / title right; decimal headings "
    "with a tab; 表1 measures as rows (服务类别 › 指标 › 协议/完成/完成率), 片区 as columns, "
    "合计 last, whole-number rates with ％; per party a two-row table 值得肯定的地方 / "
    "需要关注的地方 with unnumbered lines; 表3 scores without 合计, total and grade in the "
    "signature block's last line; roster 姓名/岗位/持证/1月…12月 ✓/✗/小计",
    specs=SPECS,
    facts=facts,
    write=write,
)
