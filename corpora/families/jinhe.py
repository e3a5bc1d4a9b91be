"""金禾 template (fictional evaluator 澄州市金禾社会工作评估中心) — tenth held-back split.

Portrait A4, 仿宋 小四 body, 黑体 headings, a plain cover, "- X -" footers. 第一部分 …
第六部分 with 一、/（一） inside. 第一部分 基本情况 (a staffing sentence pointing to the
roster); 第二部分 评估说明 with the weights and the bands as sentences. 第三部分: a
narrative paragraph of station totals (counts of 1000 and more with a thousands comma, as
the table prints them), then on a landscape page the indicator table as an Excel sheet
pasted into Word: too wide for one table, it is printed as two tables one under the other
(表1-1 the first five indicators, 表1-2 the other five and a 备注 column), each with its
caption ABOVE it, each repeating the 片区 column; every cell ruled with a thin grey line,
the two header rows bold on grey, figures right-aligned with thousands separators, rates
0.00% as an Excel cell format prints them, and the 总计 row at the TOP under the header
(Excel's SUM row above the data), remarks (含线上服务 …) in the 备注 column of some rows.
第四部分 各方评估意见: （一）…（四） per party, each with 主要成绩 / 存在问题 and items introduced
by ordinal words (首先，/其次，/再次，/最后，) instead of numbers. 第五部分 评估得分: each
party's score as its full mark less a deduction list (扣分项：……，扣1分；……，扣0.5分。) and the
resulting score stated (实得27.5分), then the total and the grade in a sentence.
附件 社工花名册 on pages numbered apart (附-1): 序号 │ 姓名 │ 岗位 │ 持证情况 │ 入职日期 │ 在岗,
a 合计 line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, restart_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scores,
    Table,
    grade_of,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig, thousands
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "jinhe"
SPLIT = "embargoed"
CITY = "澄州市"
EVALUATOR = "澄州市金禾社会工作评估中心"
WEIGHTS = {"buyer": 30, "monitor": 10, "supervision_centre": 20, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LABEL = "表1"
NAMES = ("表1-1", "表1-2")
CAPTIONS = (
    "表1-1  各片区服务指标完成情况（一）",
    "表1-2  各片区服务指标完成情况（二）",
)
INDS_A = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("phone_visits", "count", "电话探访（人次）", "人次"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "opened", "个案开案（个）", "个"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
]
INDS_B = [
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("community_events", "attendances", "活动参与（人次）", "人次"),
    Ind("volunteer_hours", "hours", "志愿服务（小时）", "小时"),
    Ind("community_orgs", "count", "社区组织培育（个）", "个"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "金港 禾丰 澄西 澄东 湖滨 沙洲 新桥 塘头".split()
REMARKS = ["含线上服务", "含联合活动", "含线上服务", "含节假日活动"]
ORDINALS = {2: ["首先，", "其次，"], 3: ["首先，", "其次，", "最后，"]}
ORDINALS[4] = ["首先，", "其次，", "再次，", "最后，"]

SPECS: list[Spec] = [
    {
        "name": "jinhe_jingang_2025_final",
        "street": "金港街",
        "district": "澄江区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "152",
        "areas": 4,
        "staff": 12,
        "errors": [],
    },
    {
        "name": "jinhe_hefeng_2025_mid",
        "street": "禾丰镇",
        "district": "澄北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "128",
        "areas": 5,
        "staff": 13,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "jinhe_shazhou_2024_final",
        "street": "沙洲街",
        "district": "澄江区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "140",
        "areas": 3,
        "staff": 10,
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("grade_band", "", None),
        ],
    },
]


class Extra:
    """What the report prints besides the gold: each party's deductions (reason, points),
    the 备注 of each row, the roster's 入职日期."""

    def __init__(self) -> None:
        self.deductions: dict[str, list[tuple[str, str]]] = {}
        self.remarks: dict[str, str] = {}
        self.since: dict[int, str] = {}


EXTRA: dict[str, Extra] = {}


def _pts(d: Decimal) -> str:
    """A score or deduction as typed: 1, 0.5, 27.5 (no trailing .0)."""
    return f"{d.normalize():f}" if d != d.to_integral() else f"{int(d)}"


def _scores(rng: random.Random, ex: Extra) -> Scores:
    """Each party's full mark (its weight in points) less its deductions, in half points;
    the total the sum of the party scores, the grade its band."""
    scores: dict[str, Decimal] = {}
    for party, weight in WEIGHTS.items():
        n = rng.randint(1, 3) if weight >= 20 else 1
        reasons = pick(rng, "em_jh_deduct", n)
        cuts = [Decimal(rng.choice([1, 1, 2, 3, 4])) / 2 for _ in reasons]
        if weight >= 40:
            cuts = [c + 1 for c in cuts]
        ex.deductions[party] = [(r, _pts(c)) for r, c in zip(reasons, cuts, strict=True)]
        scores[party] = Decimal(weight) - sum(cuts, Decimal(0))
    total = sum(scores.values(), Decimal(0))
    return Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: _pts(s) for p, s in scores.items()},
        total=_pts(total),
        grade=grade_of(total, BANDS),
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['善源', '同心', '和润'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(
        rng,
        LABEL,
        INDS_A + INDS_B,
        areas,
        RATE,
        CountStyle(thousands=True),
        scale=spec["assessed"] / 10 * 1.5,
    )
    for part, inds in zip(NAMES, (INDS_A, INDS_B), strict=True):
        table.part_names.update({ind.key: part for ind in inds})
    ex = Extra()
    for a in areas:
        ex.remarks[a.name] = rng.choice(REMARKS) if rng.random() < 0.6 else ""
    EXTRA[spec["name"]] = ex
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"], teams=["社工站"])
    staffing.roster = [
        dataclasses.replace(
            p, qualification={"中级社工师": "中级", "助理社工师": "初级"}.get(p.qualification, "无")
        )
        for p in staffing.roster
    ]
    for p in staffing.roster:
        back = rng.randint(2, 60)
        start = meta.contract[0]
        y, mo = divmod(start.year * 12 + start.month - 1 - back, 12)
        ex.since[p.seq] = f"{y}.{mo + 1:02d}.{rng.randint(1, 28):02d}"
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=_scores(rng, ex),
        staffing=staffing,
        knobs={
            "cover": "plain cover: station, report title, 委托单位, 评估单位, date",
            "footer": "- X -, the appendix 附-1",
            "appendix_footer": "附-",
            "headings": "第一部分…第六部分 with 一、/（一） inside",
            "labels": "主要成绩/存在问题 with items introduced by 首先/其次/再次/最后",
            "numbering": "ordinal words",
            "weights": "sentence",
            "bands": "sentence, 90/80/60",
            "scores": "each party's full mark less a deduction list (扣分项：…扣1分；…), "
            "the score stated; total and grade in a sentence",
            "deductions": "not in the gold: each party's list sums exactly to its full mark "
            "less its score",
            "table": "表1 printed as two Excel-style tables 表1-1 / 表1-2 one under the "
            "other on a landscape page (片区 column repeated), captions above, 总计 row "
            "first, thin grey rules on every cell, bold grey header, figures right-aligned "
            "with thousands separators, rates 0.00%, 备注 column in 表1-2",
            "captions_above": ";".join(
                f"{c}|总计|{','.join(a.name for a in areas)}" for c in CAPTIONS
            ),
            "remarks": "备注 (含线上服务 …) not in the gold",
            "thousands": True,
            "rate": "2 decimals with %",
            "areas": n,
            "roster": True,
            "roster_form": "附件 社工花名册 序号/姓名/岗位/持证情况/入职日期/在岗, 合计 line",
            "landscape": "mediabox",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10.00")
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            inject.grade_band(f, "优秀" if f.scores.grade == "良好" else "良好")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "（一）购买方评估意见"),
    ("monitor", "（二）区民政局评估意见"),
    ("supervision_centre", "（三）督导机构评估意见"),
    ("third_party", "（四）第三方评估机构评估意见"),
]
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "督导机构",
    "third_party": "第三方评估机构",
}


def _indicator_grid(f: ReportFacts, t: Table, inds: list[Ind], remarks: bool) -> Grid:
    """片区 │ per indicator 协议量 │ 完成量 │ 完成率 [│ 备注]; the 总计 row first."""
    ex = EXTRA[f.name]
    tail: list[str | None] = ["备注"] if remarks else []
    rows: list[list[str | None]] = [
        ["片区", *(x for ind in inds for x in (ind.label, None, None)), *tail],
        [None, *(x for _ in inds for x in ("协议量", "完成量", "完成率")), *([None] * len(tail))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(inds))]
    if remarks:
        spans.append((0, 1 + 3 * len(inds), 1, 1 + 3 * len(inds)))
    order = [TOTAL, *(s for s in t.scopes() if s != TOTAL)]
    for scope in order:
        label = "总计" if scope == TOTAL else scope[0]
        cells: list[str | None] = [label]
        for ind in inds:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
        if remarks:
            cells.append("" if scope == TOTAL else ex.remarks[scope[0]])
        rows.append(cells)
    widths = [1.9, *([1.45, 1.45, 1.6] * len(inds))]
    if remarks:
        widths = [1.9, *([1.35, 1.35, 1.55] * len(inds)), 2.3]
    return Grid(
        rows=rows,
        header_rows=2,
        widths=widths,
        ruling="excel",
        spans=spans,
        font_size=8,
        left_cols=1,
        left_more=(len(widths) - 1,) if remarks else (),
        row_height=16,
        cell_margin=0.08,
        number_align="right",
        bold_rows=[2],
    )


def _roster_grid(f: ReportFacts) -> Grid:
    st, ex = f.staffing, EXTRA[f.name]
    assert st is not None
    rows: list[list[str | None]] = [["序号", "姓名", "岗位", "持证情况", "入职日期", "在岗"]]
    for p in st.roster:
        rows.append([str(p.seq), p.name, p.position, p.qualification, ex.since[p.seq], "是"])
    n = len(st.roster)
    rows.append(["合计", None, f"{n}人", None, None, f"{n}人"])
    last = len(rows) - 1
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.3, 2.4, 2.8, 2.4, 3.0, 1.6],
        font_size=10.5,
        left_cols=0,
        row_height=18,
        repeat_header=True,
        spans=[(last, 0, last, 1), (last, 2, last, 4)],
        bold_rows=[last],
    )


def _items(w: Writer, name: str, polarity: str, texts: list[str]) -> None:
    w.label(name, polarity, form="line")  # type: ignore[arg-type]
    for mark, text in zip(ORDINALS[len(texts)], texts, strict=True):
        w.item(mark, text + "。", numbered=True)


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    ex = EXTRA[f.name]
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=24, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估单位：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("第一部分  基本情况", 1, align="center")
    w.heading("一、项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务阵地位于{m.address}。"
        f"项目合同期为{m.contract_printed}，合同金额{m.funding_wan}万元。本次{m.kind}评估的"
        f"服务期为{m.assessment_printed}，共{m.months}个月。社工站下设{m.area_count_printed}个"
        f"片区（{'、'.join(areas)}）。"
    )
    w.heading("二、人员配置", 2)
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，人员名单见附件。",
    )

    wt = sc.weights
    w.heading("第二部分  评估说明", 1, align="center")
    w.heading("一、评估方式", 2)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}开展"
        f"{m.kind}评估。评估组通过查阅服务档案和台账、实地察看服务阵地、访谈服务对象、"
        "召开社工座谈会等方式收集评估资料。"
    )
    w.heading("二、评分办法", 2)
    w.para(
        "本次评估由购买方、区民政局、督导机构和第三方评估机构四方评分，满分100分，"
        f"其中购买方{wt['buyer']}分，区民政局{wt['monitor']}分，督导机构"
        f"{wt['supervision_centre']}分，第三方评估机构{wt['third_party']}分，各方在其满分内"
        "逐项扣分，四方得分相加为综合得分。综合得分90分及以上为优秀，80分及以上不足90分为"
        "良好，60分及以上不足80分为合格，不足60分为不合格。"
    )

    def c(key: str, role: str = "done") -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, role, percent(plain) if role == "pct" else thousands)

    w.heading("第三部分  服务指标完成情况", 1, align="center")
    w.para(
        "评估期内，社工站共为困难群众建档",
        c("registered/households"),
        "户，开展电话探访",
        c("phone_visits/count"),
        "人次、入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct"),
        "；开展小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场，活动参与",
        c("community_events/attendances"),
        "人次；志愿者累计服务",
        c("volunteer_hours/hours"),
        "小时。各片区指标完成情况见表1-1、表1-2。",
    )

    w.section(landscape=True)
    w.text(CAPTIONS[0], font=FONTS.heading, size=10.5, align="center", space_after=3)
    w.table(_indicator_grid(f, t, INDS_A, remarks=False))
    w.text(
        CAPTIONS[1], font=FONTS.heading, size=10.5, align="center", space_before=9, space_after=3
    )
    w.table(_indicator_grid(f, t, INDS_B, remarks=True))
    w.text("注：完成率=完成量÷协议量×100%。", size=9, align="left")
    w.section(landscape=False)

    w.heading("第四部分  各方评估意见", 1, align="center")
    for party, title in PARTIES:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _items(w, "主要成绩", "praise", pick(rng, "em_jh_praise", rng.randint(2, 4)))
        _items(w, "存在问题", "concern", pick(rng, "em_jh_concern", rng.randint(2, 3)))

    w.heading("第五部分  评估得分", 1, align="center")
    for k, (party, _) in enumerate(PARTIES):
        cuts = ex.deductions[party]
        lost = sum((Decimal(p) for _, p in cuts), Decimal(0))
        listed = "；".join(f"{r}，扣{p}分" for r, p in cuts)
        w.heading(f"{'一二三四'[k]}、{PARTY_NAMES[party]}评分", 2)
        w.para(
            f"满分{wt[party]}分。扣分项：{listed}。共扣{_pts(lost)}分，实得{sc.scores[party]}分。"
        )
    w.heading("第六部分  评估结论", 1, align="center")
    w.para(
        f"四方得分相加，{m.station}本次{m.kind}评估综合得分为{sc.total}分，"
        f"评估等级为{sc.grade}。希望承接机构针对评估中指出的问题认真整改，进一步提升服务的"
        "专业化水平。"
    )

    w.section(landscape=False)
    w.heading("附件  社工花名册", 1, align="center")
    w.table(_roster_grid(f))

    page_footer(w.doc, "dash", FONTS.body, align="center", cover=True)
    restart_footer(w.doc, "附-", FONTS.body)
    for sec in w.doc.sections:
        if sec.orientation == 0:
            sec.left_margin = sec.right_margin = Cm(2.6)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="plain cover, '- X -' footers and an appendix numbered 附-1; 第一部分…第六部分; "
    "表1 as two Excel-style tables 表1-1/表1-2 on a landscape page, captions above, 总计 "
    "first, grey rules, right-aligned thousands, 0.00% rates, a 备注 column; 主要成绩/存在问题 "
    "with 首先/其次/最后 items; scores as full mark less a deduction list; roster with "
    "入职日期, 在岗 and a 合计 line",
    specs=SPECS,
    facts=facts,
    write=write,
)
