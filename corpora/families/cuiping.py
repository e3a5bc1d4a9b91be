"""翠屏 template (fictional evaluator 屏川市翠屏社会服务评估所) — twentieth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), 第 X 页 centred. 一、…七、 with （一） inside.
一、 a staffing sentence (持证 with 中级/助理, 未持证, resignations), no roster. 二、 how the
score is made (the weights only in 表2's 权重 column). 三、（一） a paragraph of station
totals in which every completion rate above 100% is stated as COUNTED AT 100% with the
actual rate in brackets (完成率按100%计（实际完成率126.32%）), （二） a 片区 sentence, then on
a landscape page 表1 of named 片区 rows, 合计 last, four indicators with units over
协议量 │ 完成量 │ 完成率 where a rate above 100% is printed CAPPED: `100%（实际126.32%）`
(the figure the rate is done ÷ target is the bracketed one), a 注 saying so. The parties'
opinions ORDERED BY KIND FIRST: 四、值得肯定的地方 holds every party's praise, （一）购买方
（…）…（四）, and 五、需要关注的地方 every party's concerns under the same four party headings
again, `1.` items, `无。` for none. 六、评估得分: 表2 评估主体 │ 权重 │ 上年度得分 │ 本年度得分 │
增减 (the PREVIOUS YEAR's scores beside this year's, a signed difference, NO 合计 row), the
grade bands ONLY in a 注 under it, then a paragraph quoting the PREVIOUS YEAR's total and
grade (上年度…综合得分为86.42分，评估等级为良好); this year's total and grade are printed
ONLY in 七、评估结论's last paragraph (with the change against the previous year), then the
evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.decorate import decorate
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, value_of
from corpora.families.writer import Fig, Writer

NAME = "cuiping"
SPLIT = "walled"
CITY = "屏川市"
EVALUATOR = "屏川市翠屏社会服务评估所"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 15, "supervision_centre": 15, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
GRADES = [b.grade for b in BANDS]
LABEL = "表1"
CAPTION = "表1  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "翠湖 屏山 云门 桂林 石门 兰溪 竹坪 松岭 白岩".split()
HEADS = ("值得肯定的地方", "需要关注的地方")

SPECS: list[Spec] = [
    {
        "name": "cuiping_shuikou_2025_final",
        "street": "水口街",
        "district": "屏东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "128",
        "areas": 4,
        "staff": 12,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "cuiping_lanxi_2025_mid",
        "street": "兰溪镇",
        "district": "屏西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "106",
        "areas": 3,
        "staff": 9,
        "no_concern": "monitor",
        "errors": [("row_pct", "home_visits/count"), ("grade_band", None)],
    },
    {
        "name": "cuiping_baiyan_2024_final",
        "street": "白岩街",
        "district": "屏东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 5,
        "staff": 14,
        "no_concern": None,
        "errors": [("narrative", "casework/sessions"), ("score_sum", None)],
    },
]


# ---------------------------------------------------------------- facts


def capped(ind: Ind, role: str, printed: str) -> str:
    """A rate above 100% printed as counted: 100% with the actual rate in brackets."""
    if role != "pct" or Decimal(printed.rstrip("%")) <= 100:
        return printed
    return f"100%（实际{printed}）"


def over(printed: str) -> bool:
    return (value_of(printed) or 0) > 100


def signed(d: Decimal) -> str:
    """A score difference as the 增减 column types it: +1.25, -0.80, 0.00."""
    return f"+{d}" if d > 0 else f"{d}"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['翠微', '屏风', '同心圆'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    prev = make_scores(
        rng_for(NAME, spec["name"] + "/previous"), WEIGHTS, BANDS, level=(0.78, 0.95)
    )
    PREVIOUS[spec["name"]] = prev
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "wl_cp_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "wl_cp_concern", sum(c for _, c in counts))
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
            "headings": "一、…七、 with （一） inside",
            "staffing": "a sentence (持证 with 中级/助理, 未持证, resignations), no roster",
            "weights": "only as 表2's 权重 column",
            "bands": "90/80/60 (含) only in a 注 under 表2",
            "capped_rates": "a rate above 100% printed 100%（实际…%）, the actual in "
            "brackets (table and text)",
            "table": "表1 on a landscape page, caption above, named 片区 rows, 合计 last, "
            "协议量 │ 完成量 │ 完成率 per indicator, a 注",
            "landscape": "mediabox",
            "opinions": "by kind first: 四、值得肯定的地方 (every party), 五、需要关注的地方 "
            "(every party again), 1. items, 无。 for none",
            "scores": "表2 评估主体 │ 权重 │ 上年度得分 │ 本年度得分 │ 增减, no 合计 row; the "
            "previous year's total and grade in a paragraph; this year's total and grade "
            "only in 七、评估结论's last paragraph",
            "previous_scores": ";".join(prev.scores[p] for p in PARTIES)
            + f";{prev.total};{prev.grade}",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, key in spec["errors"]:
        if kind == "row_pct":
            area = next(
                a.name
                for a in areas
                if table.done[((a.name,), key)] > table.target[((a.name,), key)]
            )
            inject.row_pct(f, LABEL, (area,), key, shift="10")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            k = GRADES.index(scores.grade)
            inject.grade_band(f, GRADES[k - 1] if k > 0 else GRADES[1])
        elif kind == "score_sum":
            top = next(b for b in BANDS if b.grade == scores.grade)
            room = top.upper is None or Decimal(scores.total) + 1 < Decimal(str(top.upper))
            inject.score_sum(f, "1.00" if room else "-1.00")
    decorate(f, LABEL, capped)
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
PREVIOUS: dict[str, Scores] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
CN = "一二三四五六七"


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


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * j, 0, 3 + 3 * j) for j in range(len(INDS))]
    for scope in [*((a.name,) for a in t.areas), TOTAL]:
        cells: list[str | None] = [scope[0] if scope else "合计"]
        for ind in INDS:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
        rows.append(cells)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.9, *([1.2, 1.2, 3.7] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=24,
        cell_margin=0.06,
        repeat_header=True,
    )


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc, prev = f.scores, PREVIOUS[f.name]
    mid = f.meta.kind == "中期"
    rows: list[list[str | None]] = [
        [
            "评估主体",
            "权重",
            "上年度中期得分" if mid else "上年度得分",
            "本期得分" if mid else "本年度得分",
            "增减",
        ]
    ]
    for p in PARTIES:
        d = Decimal(sc.scores[p]) - Decimal(prev.scores[p])
        rows.append(
            [
                f"{ROLES[p]}（{orgs[p]}）",
                f"{sc.weights[p]}%",
                prev.scores[p],
                sc.scores[p],
                signed(d),
            ]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[6.6, 1.3, 2.7, 2.2, 1.6],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        row_height=20,
        keep_with_next=True,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    prev = PREVIOUS[f.name]
    orgs = _orgs(f)
    year = m.assessment[1].year
    mid = m.kind == "中期"
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
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区，分别为{'、'.join(areas)}。"
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
        "名，承接机构均已按协议补足岗位。",
    )

    w.heading("二、评估方法", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}通过查阅服务档案、实地走访、电话回访和"
        f"座谈访谈等方式，对{m.station}本期服务开展评估，并汇总购买方、监督方、督导方的"
        "评分和意见形成本报告。"
    )
    w.para(
        "综合得分满分100分，由购买方、监督方、督导方和第三方评估机构四方评分按权重加总"
        "而成，各方权重及评分见本报告第六部分。服务指标完成率超过100%的，计分时按100%计。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    def rate(key: str, scope: Scope = TOTAL) -> list[str | Fig]:
        """完成率96.25% / 完成率按100%计（实际完成率126.32%）: the actual rate the figure."""
        if over(t.cell(scope, key, "pct")):
            return ["完成率按100%计（实际完成率", c(key, "pct", scope), "）"]
        return ["完成率", c(key, "pct", scope)]

    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    parts: list[str | Fig] = ["本期服务站"]
    for k, ind in enumerate(INDS):
        name = ind.label.split("（")[0]
        parts += [
            f"{name}完成",
            c(ind.key),
            f"{ind.unit}（协议量",
            c(ind.key, "target"),
            f"{ind.unit}），",
            *rate(ind.key),
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts)
    w.heading("（二）各片区完成情况", 2)
    first, last = areas[0], areas[-1]
    w.para(
        f"{first}入户探访完成",
        c("home_visits/count", scope=(first,)),
        "人次，",
        *rate("home_visits/count", (first,)),
        f"；{last}个案服务完成",
        c("casework/sessions", scope=(last,)),
        "节，",
        *rate("casework/sessions", (last,)),
        "。各片区指标完成情况见表1。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(f))
    w.text(
        "注：1.完成率＝完成量÷协议量×100%；2.完成率超过100%的按100%计入评分，括号内为实际"
        "完成率；3.合计行为各片区之和。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.section(landscape=False)
    for k, (head, polarity) in enumerate(zip(HEADS, ("praise", "concern"), strict=True)):
        w.heading(f"{CN[3 + k]}、{head}", 1)
        w.para(
            "各评估主体对服务站本期工作予以肯定的方面如下："
            if polarity == "praise"
            else "各评估主体指出的需要关注和改进的方面如下："
        )
        for j, party in enumerate(PARTIES):
            w.heading(f"（{CN[j]}）{ROLES[party]}（{orgs[party]}）", 2, party=party)
            w.label_only(head, polarity)  # type: ignore[arg-type]
            texts = items[party][k]
            if not texts:
                w.none("无。")
            for i, text in enumerate(texts, start=1):
                w.item(f"{i}.", text + "。")

    w.heading("六、评估得分", 1)
    w.para("四方评分及与上年度的比较见表2。", keep_with_next=True)
    _caption(w, "表2  四方评分情况")
    w.table(_score_grid(f, orgs))
    w.text(
        "注：评估等级按综合得分划分，90分（含）以上为优秀，80分（含）至90分为良好，"
        "60分（含）至80分为合格，60分以下为不合格。",
        size=9.5,
        align="left",
        space_before=4,
    )
    then = "上年度中期评估" if mid else "上年度评估"
    ups = sum(Decimal(sc.scores[p]) > Decimal(prev.scores[p]) for p in PARTIES)
    w.para(
        f"{then}中，{m.station}综合得分为{prev.total}分，评估等级为{prev.grade}。与之相比，"
        f"本期四方评分中有{ups}方评分有所提高。",
        space_before=6,
    )

    w.heading("七、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，各片区服务网络运行平稳，服务指标"
        "总体完成较好。建议承接机构针对各方意见逐项制定整改措施，并在下一周期加强服务成效"
        "的提炼与展示。"
    )
    diff = Decimal(sc.total) - Decimal(prev.total)
    last_year = "上年度同期" if mid else "上年度"
    change = (
        f"较{last_year}提高{diff}分"
        if diff > 0
        else f"较{last_year}下降{-diff}分"
        if diff < 0
        else f"与{last_year}持平"
    )
    w.para(
        f"综上，{m.station}{year}年度{m.kind}评估综合得分为{sc.total}分，{change}，"
        f"评估等级为{sc.grade}。",
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
    summary="rates above 100% printed capped (100%（实际126.32%）) in 表1 and the text; the "
    "opinions ordered by kind first (every party's praise, then every party's concerns); "
    "表2 with the previous year's party scores and a signed 增减, no 合计, bands only in its "
    "注; the previous year's total and grade quoted, this year's only in 七、评估结论",
    specs=SPECS,
    facts=facts,
    write=write,
)
