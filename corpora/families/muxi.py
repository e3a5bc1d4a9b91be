"""木樨 template (fictional evaluator 樨州市木樨社会工作评估中心) — nineteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), 第 X 页 centred. 一、…六、 with （一） inside.
一、(二) the staffing ONLY as a MONTH-BY-MONTH table 表1 社工逐月在岗情况 (rows 持证社工 /
其中：中级社工师 / 未持证社工 / 合计 │ 1月 … 12月 (1月 … 6月 in a 中期 report) │ 月均): the
head counts are the LAST MONTH's column (期末在岗), the 月均 an average with two decimals
(no count), the months before lower where a post stood vacant after a resignation; a
sentence with the resignations. 二、 the bands 90/80/60 (含) as a sentence; the weights
NEVER in a sentence or a summary table: each party's full mark is only the 分值 of the
小计 row of its own score table. 三、 a paragraph of station completions with their rates
and one 片区 sentence, then on a landscape page 表2 with the INDICATORS AS ROWS and the
MEASURES AS COLUMN GROUPS: 协议量 │ 完成量 │ 完成率, each group holding every 片区 and 合计
last in the group, so a 片区's three figures stand in three groups apart. 四、 per party
（一）购买方（…）评估意见 …: first the party's SCORE TABLE broken into its criteria (表3-1 …
表3-4: 评分项目 │ 分值 │ 得分, the criteria rows then a 小计 row whose 得分 is the party's
score and whose 分值 its full mark), then 主要成效： / 存在问题： on lines of their own with
（N） items NUMBERED ON THROUGH THE WHOLE CHAPTER (the buyer's 1–3, the monitor's 4–6 …;
`无。` for none takes no number). 五、 the total and the grade in a sentence (no table).
六、 the conclusion, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
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
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "muxi"
SPLIT = "gated"
CITY = "樨州市"
EVALUATOR = "樨州市木樨社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
# each party's criteria (评分项目) and their full marks (分值), adding up to its weight
CRITERIA: dict[str, list[tuple[str, int]]] = {
    "buyer": [
        ("服务协议履行情况", 10),
        ("服务成效与居民评价", 8),
        ("项目管理与沟通配合", 7),
        ("服务宣传与社会影响", 5),
    ],
    "monitor": [
        ("资金使用规范性", 6),
        ("服务档案与台账管理", 6),
        ("服务流程规范性", 8),
    ],
    "supervision_centre": [
        ("专业方法运用", 4),
        ("督导计划落实", 3),
        ("团队专业成长", 3),
    ],
    "third_party": [
        ("项目管理", 10),
        ("服务指标完成", 15),
        ("服务质量", 10),
        ("服务创新与特色", 5),
    ],
}
BANDS = standard_bands(90, 80, 60)
LABEL = "表2"
CAPTION = "表2  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "桂林 樨园 木香 丹桂 金粟 银桂 岩桂 香岭 月桂".split()
HEADS = ("主要成效", "存在问题")

SPECS: list[Spec] = [
    {
        "name": "muxi_guixiang_2025_final",
        "street": "桂香街",
        "district": "樨东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "128",
        "areas": 4,
        "staff": 12,
        "no_concern": "monitor",
        "errors": [],
    },
    {
        "name": "muxi_jinsu_2025_mid",
        "street": "金粟镇",
        "district": "樨西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "96",
        "areas": 3,
        "staff": 9,
        "no_concern": None,
        "errors": [
            ("total_cell", None, "groups/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "muxi_yanqiao_2024_final",
        "street": "岩桥街",
        "district": "樨东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 4,
        "staff": 13,
        "no_concern": None,
        "errors": [("row_pct", 1, "casework/sessions"), ("score_sum", None, None)],
    },
]


# ---------------------------------------------------------------- facts


def split_score(rng: random.Random, score: str, criteria: list[tuple[str, int]]) -> list[str]:
    """A party's score spread over its criteria: each 得分 at most its 分值, two decimals,
    adding up exactly to the party's score (the 小计)."""
    s = Decimal(score)
    full = sum(v for _, v in criteria)
    cent = Decimal("0.01")
    for _ in range(200):
        parts = [
            min(
                Decimal(v),
                (Decimal(v) * s / full * Decimal(str(rng.uniform(0.96, 1.04)))).quantize(
                    cent, ROUND_HALF_UP
                ),
            )
            for _, v in criteria[:-1]
        ]
        last = s - sum(parts, Decimal(0))
        if Decimal(0) < last <= criteria[-1][1] and last < criteria[-1][1]:
            return [f"{p:.2f}" for p in [*parts, last]]
    raise ValueError(f"cannot spread {score} over {criteria}")


def monthly(
    rng: random.Random, final: dict[str, int], resigned: int, months: int
) -> dict[str, list[int]]:
    """社工在岗人数 by month per row: the final counts in the last month; each resignation
    leaves one post of its group vacant for one or two months before it is filled."""
    cert = [final["certified"]] * months
    uncert = [final["uncertified"]] * months
    for _ in range(resigned):
        row = cert if rng.random() < final["certified"] / final["total"] else uncert
        length = rng.randint(1, 2)
        start = rng.randint(1, months - 1 - length)  # 0-based; the last month stays full
        for k in range(start, start + length):
            row[k] -= 1
    mid = [final["mid"]] * months
    return {
        "持证社工": cert,
        "其中：中级社工师": mid,
        "未持证社工": uncert,
        "合计": [a + b for a, b in zip(cert, uncert, strict=True)],
    }


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['桂语', '木樨香', '邻里同心'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    final = {
        "certified": staffing.certified,
        "uncertified": staffing.uncertified,
        "total": staffing.total,
        "mid": staffing.mid_level,
    }
    MONTHS[spec["name"]] = monthly(
        rng_for(NAME, spec["name"] + "/months"), final, staffing.resigned, spec["assessed"]
    )
    score_rng = rng_for(NAME, spec["name"] + "/scores")
    scores = make_scores(score_rng, WEIGHTS, BANDS)
    DETAIL[spec["name"]] = {
        p: split_score(score_rng, scores.scores[p], CRITERIA[p]) for p in PARTIES
    }
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "gt_mx_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "gt_mx_concern", sum(c for _, c in counts))
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
            "cover": "station, 年度评估报告, 委托单位/承接机构/评估机构/报告日期",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…六、 with （一） inside",
            "staffing": "month-by-month table 表1 (持证社工 / 其中：中级社工师 / 未持证社工 / "
            "合计 × 1月…N月 │ 月均): the counts are the last month's column; a sentence "
            "with the resignations",
            "monthly_staffing": True,
            "weights": "only as the 分值 of each party's 小计 row (30/20/10/40)",
            "bands": "90/80/60 (含) as a sentence",
            "scores": "per party a criteria table 表3-k 评分项目 │ 分值 │ 得分 with a 小计 "
            "row (the party's score); total and grade in a sentence, no summary table",
            "criteria_scores": True,
            "table": "表2 on a landscape page, caption above: indicators as rows, "
            "协议量 │ 完成量 │ 完成率 column groups each holding every 片区 and 合计 last",
            "measure_groups": True,
            "landscape": "mediabox",
            "labels": "主要成效：/存在问题： on lines of their own, （N） items numbered on "
            "through the whole chapter",
            "running_numbers": True,
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            try:
                inject.score_sum(f, "1.00")
            except ValueError:
                inject.score_sum(f, "-1.00")
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
MONTHS: dict[str, dict[str, list[int]]] = {}
DETAIL: dict[str, dict[str, list[str]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
CN = "一二三四五六"


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": EVALUATOR,
    }


def _caption(w: Writer, text: str) -> None:
    w.text(
        text,
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=6,
        space_after=3,
        keep_with_next=True,
    )


def _average(counts: list[int]) -> str:
    return f"{(Decimal(sum(counts)) / len(counts)).quantize(Decimal('0.01'), ROUND_HALF_UP)}"


def _staff_grid(w: Writer, f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    by_row = MONTHS[f.name]
    months = len(by_row["合计"])
    fields = {
        "持证社工": ("certified_count", st.certified),
        "其中：中级社工师": ("mid_level_count", st.mid_level),
        "未持证社工": ("uncertified_count", st.uncertified),
        "合计": ("total_count", st.total),
    }
    rows: list[list[str | None]] = [["类别", *(f"{k}月" for k in range(1, months + 1)), "月均"]]
    for label, counts in by_row.items():
        field, value = fields[label]
        assert counts[-1] == value
        last = w.cell_text(staff_fig(str(value), value, field))
        rows.append([label, *(str(c) for c in counts[:-1]), last, _average(counts)])
    month_w = 0.92 if months == 12 else 1.5
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, *([month_w] * months), 1.45],
        ruling="grid",
        font_size=9.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        cell_margin=0.05,
        keep_with_next=True,
    )


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    scopes: list[Scope] = [(a.name,) for a in t.areas] + [TOTAL]
    names = [a.name for a in t.areas] + ["合计"]
    g = len(scopes)
    heads: list[str | None] = ["服务指标"]
    for measure in ("协议量", "完成量", "完成率"):
        heads += [measure] + [None] * (g - 1)
    rows: list[list[str | None]] = [heads, [None, *(names * 3)]]
    spans = [(0, 0, 1, 0)] + [(0, 1 + k * g, 0, g + k * g) for k in range(3)]
    for ind in INDS:
        cells: list[str | None] = [ind.label]
        for role in ("target", "done", "pct"):
            cells += [t.cell(s, ind, role) for s in scopes]
        rows.append(cells)
    first = 3.3
    col = min(1.6, (25.6 - first) / (3 * g))
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[first, *([col] * (3 * g))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=1,
        row_height=26,
        cell_margin=0.05,
    )


def _criteria_grid(f: ReportFacts, party: str) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评分项目", "分值", "得分"]]
    for (name, full), got in zip(CRITERIA[party], DETAIL[f.name][party], strict=True):
        rows.append([name, str(full), got])
    rows.append(["小计", str(WEIGHTS[party]), sc.scores[party]])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[6.4, 2.6, 2.8],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    year = m.assessment[1].year
    title = f"{year}年度{m.kind}评估报告"
    w = Writer(FONTS, f"{m.station}{title}", m.evaluator)

    # cover
    w.text("", space_before=150)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(title, size=22, bold=True, align="center", font=FONTS.heading, space_before=12)
    w.text("", space_before=170)
    for line in (
        f"委托单位：{m.district}民政局",
        f"承接机构：{m.operator}",
        f"评估机构：{m.evaluator}",
        f"报告日期：{m.eval_date_printed}",
    ):
        w.text(line, size=15, align="left", indent_chars=6)
    w.page_break()

    areas = [a.name for a in t.areas]
    months = len(MONTHS[f.name]["合计"])
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），由片区社工驻点服务。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        f"评估组按月核对了服务站社工的考勤和劳动合同，各月在岗人数见表1，评估期末在岗情况"
        f"以{months}月数据为准。",
        keep_with_next=True,
    )
    _caption(w, "表1  社工逐月在岗情况（单位：名）")
    w.table(_staff_grid(w, f))
    w.para(
        "评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，离职岗位空缺一至两个月后由承接机构补员，补员社工均已参加岗前培训。",
        space_before=6,
    )

    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}采取查阅档案、实地走访、电话回访和座谈访谈"
        f"相结合的方式，对{m.station}本期服务开展评估，并汇总购买方、监督方、督导方的评分和"
        "意见形成本报告。"
    )
    w.para(
        "购买方、监督方、督导方和第三方评估机构分别按各自的评分表逐项评分，各方评分表的"
        "小计即为该方评分，四方评分之和为综合得分（满分100分）。评估等级分为四档：综合得分"
        "90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，60分以下为"
        "不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    parts: list[str | Fig] = ["本期服务站"]
    for k, ind in enumerate(INDS):
        name = ind.label.split("（")[0]
        parts += [
            f"{name}完成",
            c(ind.key),
            f"{ind.unit}，完成率",
            c(ind.key, "pct"),
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts)
    best = max(
        areas,
        key=lambda a: (
            Decimal(t.done[((a,), "home_visits/count")]) / t.target[((a,), "home_visits/count")]
        ),
    )
    w.para(
        f"分片区看，{best}入户探访完成",
        c("home_visits/count", scope=(best,)),
        "人次，完成率",
        c("home_visits/count", "pct", (best,)),
        "，为各片区最高。各片区服务指标完成情况见表2。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(f))
    w.text(
        "注：完成率＝完成量÷协议量×100%；各栏“合计”为各片区之和。",
        size=9,
        align="left",
        space_before=4,
    )

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    number = 0
    for k, party in enumerate(PARTIES):
        w.heading(f"（{CN[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        w.para(f"{ROLES[party]}评分情况见表3-{k + 1}。", keep_with_next=True)
        _caption(w, f"表3-{k + 1}  {ROLES[party]}评分表")
        w.table(_criteria_grid(f, party))
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("无。")
            for text in texts:
                number += 1
                w.item(f"（{number}）", text + "。", ordinal=number)

    w.heading("五、评估得分与等级", 1)
    w.para(f"经汇总四方评分表的小计，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。")

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，片区驻点服务运行平稳。建议承接机构"
        "对照各方评分表中得分较低的项目逐项制定整改措施，保持社工队伍稳定，并在下一周期"
        "加强服务成效的提炼与展示。",
        keep_with_next=True,
    )
    w.text("", space_before=24, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "page", FONTS.body, 10.5, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="staffing only as a month-by-month 在岗 table (the last month the counts, a 月均 "
    "column); each party's score the 小计 of its own criteria table; items numbered on "
    "through the whole chapter; 表2 with indicators as rows and 协议量/完成量/完成率 column "
    "groups each holding every 片区 and 合计",
    specs=SPECS,
    facts=facts,
    write=write,
)
