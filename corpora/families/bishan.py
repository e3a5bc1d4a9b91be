"""碧山 template (fictional evaluator 翠州市碧山社会工作评估中心) — nineteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), 第 X 页 centred. 一、…六、 with （一） inside;
a staffing sentence (持证 with 中级/助理, 未持证, resignations), no roster; the weights
(权重分别为购买方25% …) and the bands 90/80/60 (含) as sentences.

三、 the indicator figures, where the template's habits lie:
- the SAME TABLE PRINTED TWICE, once for the PREVIOUS STAGE and once for THIS PERIOD:
  `表3-1  上半年（1—6月）各片区服务指标完成情况` (the figures the 中期 evaluation
  reported, with their own 中期 targets, rates and 合计) above `表3-2  全年（1—12月）各片区
  服务指标完成情况（累计）`; the 中期 report prints 第一季度（1—3月） above 上半年（1—6月）.
  Only 表3-2 is this report's period (the gold's rows); 表3-1 is not in the gold.
- the station row worded `全站合计`, set apart from the 片区 rows by an EMPTY SPACER ROW
  (a ruled row of empty cells, lower than the others), in both tables;
- the measure headers of the narrow portrait columns BROKEN MID-WORD by a typed line
  break (`协议` / `量`, `完成` / `量`, `完成` / `率`), four indicators with units above them.
（二） a 片区 sentence giving a 片区's completion with its rate and its SHARE OF THE
STATION's (`占全站入户探访总量的31.6%`), a percentage that is no completion rate (not in
the gold, as earlier families' 个百分点 and 同比 figures are not).
四、 per party （一）购买方（…）评估意见 … with 工作亮点： / 存在不足： on lines of their own
and `1.` items (`无。` for none). 五、 表4 评估主体 │ 权重 │ 得分 (合计 100% │ total) and the
total and grade in a sentence. 六、 conclusion, evaluator and date.
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
    Table,
    make_scores,
    make_staffing,
    make_table,
    nice,
    print_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "bishan"
SPLIT = "gated"
CITY = "翠州市"
EVALUATOR = "翠州市碧山社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 25, "monitor": 25, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
GRADES = [b.grade for b in BANDS]
LABEL = "表3-2"  # this period's table: the gold's rows
PREV = "表3-1"  # the previous stage's table: printed, not in the gold
TOTAL_WORD = "全站合计"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
HEAD_CELLS = ("协议\n量", "完成\n量", "完成\n率")  # typed breaks inside the words
RATE = RateStyle(decimals=2)
AREA_NAMES = "碧溪 翠屏 云岗 松林 竹坞 石门 望湖 桂园 枫岭".split()
HEADS = ("工作亮点", "存在不足")

SPECS: list[Spec] = [
    {
        "name": "bishan_cuiping_2025_final",
        "street": "翠屏街",
        "district": "碧江区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "128",
        "areas": 5,
        "staff": 13,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "bishan_songlin_2025_mid",
        "street": "松林镇",
        "district": "翠北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "96",
        "areas": 3,
        "staff": 9,
        "no_concern": "supervision_centre",
        "errors": [
            ("total_cell", None, "home_visits/count"),
            ("narrative", None, "casework/sessions"),
        ],
    },
    {
        "name": "bishan_wanghu_2024_final",
        "street": "望湖街",
        "district": "碧江区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 4,
        "staff": 12,
        "no_concern": None,
        "errors": [("row_pct", 2, "community_events/count"), ("grade_band", None, "next")],
    },
]


# ---------------------------------------------------------------- facts


def stages(spec: Spec) -> tuple[str, str]:
    """How the two tables name their periods: (previous stage, this period)."""
    if spec["kind"] == "中期":
        return "第一季度（1—3月）", "上半年（1—6月）"
    return "上半年（1—6月）", "全年（1—12月）"


def previous(rng: random.Random, t: Table) -> Table:
    """The previous stage's table: half of each 片区's target (rounded the way targets
    are), a share of its completion; 合计 the sums, rates worked out: a correct table of
    its own, printed in the same habits."""
    p = Table(PREV, t.inds, t.areas, t.rate, t.count, t.na)
    for ind in t.inds:
        for a in t.areas:
            scope: Scope = (a.name,)
            p.target[(scope, ind.key)] = nice(t.target[(scope, ind.key)] / 2)
            p.done[(scope, ind.key)] = max(
                1, round(t.done[(scope, ind.key)] * rng.uniform(0.4, 0.58))
            )
        for d in (p.target, p.done):
            d[(TOTAL, ind.key)] = sum(d[((a.name,), ind.key)] for a in t.areas)
    print_table(p)
    return p


def share(t: Table, scope: Scope, key: str) -> str:
    """A 片区's completion as a share of the station's, one decimal (from the figures
    the table was computed from)."""
    s = Decimal(t.done[(scope, key)]) * 100 / Decimal(t.done[(TOTAL, key)])
    return f"{s.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['碧心', '同行', '翠邻'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    PREVIOUS[spec["name"]] = previous(rng_for(NAME, spec["name"] + "/previous"), table)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "gt_bs_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "gt_bs_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    before, now = stages(spec)
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
            "staffing": "a sentence (持证 with 中级/助理, 未持证, resignations), no roster",
            "weights": "a sentence (权重分别为购买方25% …)",
            "bands": "a sentence, 90/80/60 (含)",
            "tables": f"{PREV} {before} (the previous stage, not in the gold) above "
            f"{LABEL} {now}（累计） (this period), the same 片区 rows and layout, portrait",
            "previous_table": f"{PREV}|{before}",
            "total_label": TOTAL_WORD,
            "spacer_row": "an empty ruled row between the 片区 rows and 全站合计",
            "header_breaks": "协议/量 │ 完成/量 │ 完成/率 (typed line breaks mid-word)",
            "share_sentence": "a 片区's completion with 占全站…总量的x.x% (no rate, not gold)",
            "labels": "工作亮点：/存在不足： on lines of their own, 1. items",
            "scores": "表4 评估主体 │ 权重 │ 得分, 合计 100% │ total; total and grade in a "
            "sentence",
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
            inject.narrative(f, LABEL, (casework_area(table).name,), key, "done")
        elif kind == "grade_band":
            k = GRADES.index(scores.grade)
            inject.grade_band(f, GRADES[k - 1 if k > 0 else k + 1])
    return f


def visits_area(t: Table) -> Area:
    """The 片区 with the most 入户探访 (the share sentence's first 片区)."""
    return max(t.areas, key=lambda a: t.done[((a.name,), "home_visits/count")])


def casework_area(t: Table) -> Area:
    """The 片区 with the most 个案服务 among the others (the share sentence's second)."""
    first = visits_area(t)
    rest = [a for a in t.areas if a != first]
    return max(rest, key=lambda a: t.done[((a.name,), "casework/sessions")])


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
PREVIOUS: dict[str, Table] = {}

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
        "supervision_centre": f"{CITY}社会工作指导中心",
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


def _indicator_grid(t: Table) -> Grid:
    """片区 │ four indicators over 协议/量 │ 完成/量 │ 完成/率; the 片区 rows, an empty
    spacer row, 全站合计 (bold)."""
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in HEAD_CELLS)],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * j, 0, 3 + 3 * j) for j in range(len(INDS))]
    for a in t.areas:
        scope: Scope = (a.name,)
        rows.append(
            [a.name, *(t.cell(scope, i, r) for i in INDS for r in ("target", "done", "pct"))]
        )
    spacer = len(rows)
    rows.append([""] * (1 + 3 * len(INDS)))
    rows.append(
        [TOTAL_WORD, *(t.cell(TOTAL, i, r) for i in INDS for r in ("target", "done", "pct"))]
    )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.8, *([1.0, 1.0, 1.35] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=22,
        exact_heights={spacer: 8},
        cell_margin=0.06,
        keep_with_next=True,
    )


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for p in PARTIES:
        rows.append([f"{ROLES[p]}（{orgs[p]}）", f"{WEIGHTS[p]}%", sc.scores[p]])
    rows.append(["合计", "100%", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[8.0, 2.6, 2.8],
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
    prev = PREVIOUS[f.name]
    items = ITEMS[f.name]
    orgs = _orgs(f)
    year = m.assessment[1].year
    title = f"{year}年度{m.kind}评估报告"
    spec = next(s for s in SPECS if s["name"] == f.name)
    before, now = stages(spec)
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
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "服务站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，承接机构均已按要求补员。",
    )

    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}通过查阅服务档案、核对服务台账、实地走访、"
        f"电话回访和座谈访谈等方式，对{m.station}本期服务开展评估，并汇总购买方、监督方、"
        "督导方的评分和意见形成本报告。"
    )
    w.para(
        "综合得分由四方评分构成，权重分别为购买方25%、监督方25%、督导方10%、第三方评估机构"
        "40%，各方按权重折算后的得分相加为综合得分。综合得分90分（含）以上为优秀，80分（含）"
        "至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    period = now.split("（")[0]
    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    parts: list[str | Fig] = [f"{period}，服务站"]
    verbs = {
        "registered/households": "建立困难群众档案",
        "home_visits/count": "开展入户探访",
        "casework/sessions": "开展个案服务",
        "community_events/count": "开展社区活动",
    }
    for k, ind in enumerate(INDS):
        parts += [
            verbs[ind.key],
            c(ind.key),
            f"{ind.unit}，完成率",
            c(ind.key, "pct"),
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts)
    w.heading("（二）各片区完成情况", 2)
    first, second = visits_area(t), casework_area(t)
    a1, a2 = (first.name,), (second.name,)
    w.para(
        f"分片区看，{first.name}入户探访完成",
        c("home_visits/count", scope=a1),
        "人次，完成率",
        c("home_visits/count", "pct", a1),
        f"，占全站入户探访总量的{share(t, a1, 'home_visits/count')}，居各片区首位；"
        f"{second.name}个案服务完成",
        c("casework/sessions", scope=a2),
        "节，完成率",
        c("casework/sessions", "pct", a2),
        f"，占全站个案服务总量的{share(t, a2, 'casework/sessions')}。",
    )
    w.heading("（三）指标完成明细", 2)
    w.para(
        f"{before.split('（')[0]}各片区指标完成情况见表3-1（对应{before.split('（')[0]}"
        f"协议量），{period}累计完成情况见表3-2。",
        keep_with_next=True,
    )
    _caption(w, f"{PREV}  {before}各片区服务指标完成情况")
    w.table(_indicator_grid(prev))
    w.text("", size=6)
    _caption(w, f"{LABEL}  {now}各片区服务指标完成情况（累计）")
    w.table(_indicator_grid(t))
    w.text(
        "注：1.完成率＝完成量÷协议量×100%；2.全站合计为各片区之和；"
        f"3.表3-1协议量为{before.split('（')[0]}协议量。",
        size=9,
        align="left",
        space_before=4,
    )

    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{CN[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("无。")
            for j, text in enumerate(texts, start=1):
                w.item(f"{j}.", text + "。")

    w.heading("五、评估得分与等级", 1)
    w.para("四方评分情况见表4。", keep_with_next=True)
    _caption(w, "表4  四方评分汇总")
    w.table(_score_grid(f, orgs))
    w.para(
        f"经汇总，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，各片区服务网络运行平稳。建议承接机构"
        "针对各方意见逐项制定整改措施，关注进度相对滞后片区的指标完成情况，并在下一周期"
        "加强服务成效的总结与提炼。",
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
    summary="the indicator table printed twice, for the previous stage (表3-1, not this "
    "period's) and this period (表3-2); 全站合计 after an empty spacer row; measure headers "
    "broken mid-word (协议/量); a 片区's share of the station's (占全站…%) in the text",
    specs=SPECS,
    facts=facts,
    write=write,
)
