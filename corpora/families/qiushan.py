"""秋山 template (fictional evaluator 岫州市秋山社会工作评估中心) — eighteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), 第 X 页 centred. 一、…六、 with （一） inside;
a staffing sentence (持证 with 中级/助理, 未持证, resignations), no roster; weights (占…%)
and bands 90/80/60 (含) as sentences.
三、（一） a paragraph of station totals that puts some figures BEFORE what they count
(为1868户困难群众建立服务档案) and follows each completion with its EXCESS OR SHORTFALL
AS A COUNT in the indicator's unit (超出协议量61节 / 较协议量少12户: a figure in the same
unit that is neither the completion nor the target); （二） the 片区 figures as
RESPECTIVELY LISTS: the 片区 named once in one list, their completions and their rates
in two more lists in the same order (甲片区、乙片区和丙片区入户探访分别完成812人次、
745人次和903人次，完成率分别为…); then on a landscape page 表1 of named 片区 rows, 合计
last (bold), five indicators with units over 协议量 │ 完成量 │ 完成率, where an indicator
whose contract gives EVERY 片区 THE SAME TARGET prints that target ONCE, in a 协议量 cell
MERGED DOWN over all the 片区 rows (vertically centred: it stands on the middle 片区's
line, or between two lines), the 合计 row printing the station's target (the sum); a 注
saying so. 四、 per party （一）购买方（…）评估意见 with 主要成效： / 存在问题： on lines of
their own and 1. items (无。 for none). 五、 表2 评估主体 │ 权重 │ 得分 (合计 100% │ total)
and the total and the grade in a sentence. 六、 the conclusion, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt

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
    draw_ratio,
    make_scores,
    make_staffing,
    make_table,
    nice,
    set_cell,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Part, Writer

NAME = "qiushan"
SPLIT = "moated"
CITY = "岫州市"
EVALUATOR = "岫州市秋山社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LABEL = "表1"
CAPTION = "表1  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "柿林 栖霞 松岗 桂园 翠岭 芦湾 杏坛 梅坞 藕塘".split()
HEADS = ("主要成效", "存在问题")

SPECS: list[Spec] = [
    {
        "name": "qiushan_qixia_2025_final",
        "street": "栖霞街",
        "district": "岫东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "128",
        "areas": 4,
        "staff": 12,
        "uniform": ["casework/sessions", "community_events/count"],
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "qiushan_songgang_2025_mid",
        "street": "松岗镇",
        "district": "岫西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "106",
        "areas": 3,
        "staff": 9,
        "uniform": ["casework/sessions", "community_events/count"],
        "no_concern": "supervision_centre",
        "errors": [
            ("total_cell", None, "casework/sessions"),
            ("narrative", 1, "home_visits/count"),
        ],
    },
    {
        "name": "qiushan_luwan_2024_final",
        "street": "芦湾街",
        "district": "岫东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 5,
        "staff": 14,
        "uniform": ["casework/sessions", "groups/sessions", "community_events/count"],
        "no_concern": None,
        "errors": [("row_pct", 2, "community_events/count"), ("score_sum", None, None)],
    },
]


# ---------------------------------------------------------------- facts


def uniform_targets(t: Table, keys: list[str], seed: str) -> None:
    """The contract gives every 片区 the same target for these indicators: one round
    figure (near the 片区 mean), each 片区's completion drawn against it again."""
    rng = rng_for(NAME, seed)
    for key in keys:
        mean = sum(t.target[((a.name,), key)] for a in t.areas) / len(t.areas)
        same = nice(mean)
        for a in t.areas:
            set_cell(t, (a.name,), key, same, max(1, round(same * draw_ratio(rng))))


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['岫岩', '秋实', '同心圆'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    uniform_targets(table, spec["uniform"], spec["name"] + "/uniform")
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "md_qs_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "md_qs_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    merged = [i.label for i in INDS if i.key in spec["uniform"]]
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
            "staffing": "sentence (持证 with 中级/助理, 未持证, resignations), no roster",
            "weights": "占…% sentence",
            "bands": "90/80/60 (含) sentence",
            "figure_first": "some station figures before what they count (为1868户困难群众建立…)",
            "excess_counts": "each station completion followed by 超出协议量N<unit> / "
            "较协议量少N<unit> (a count, not a figure of the gold)",
            "respectively": "片区 figures as 分别 lists: the 片区 in one list, completions "
            "and rates in two more in the same order",
            "table": "表1 on a landscape page, caption above, named 片区 rows, 协议量 │ 完成量 "
            "│ 完成率 per indicator (unit in its header), 合计 last (bold), a 注",
            # the indicators whose 协议量 is ONE cell merged down over every 片区 row
            # (printed once, the same target for each 片区; 合计 prints the sum)
            "merged_targets": ";".join(merged),
            "landscape": "mediabox",
            "labels": "主要成效：/存在问题： on lines of their own, 1. items",
            "scores": "表2 评估主体 │ 权重 │ 得分, 合计 last; total and grade in a sentence",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "target", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10")
        elif kind == "narrative":
            inject.narrative(f, LABEL, (areas[where].name,), key, "done")
        elif kind == "score_sum":
            inject.score_sum(f, "1.00")
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


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    merged = set(str(f.knobs["merged_targets"]).split(";"))
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * j, 0, 3 + 3 * j) for j in range(len(INDS))]
    first = len(rows)
    for k, a in enumerate(t.areas):
        scope: Scope = (a.name,)
        cells: list[str | None] = [a.name]
        for ind in INDS:
            target: str | None = t.cell(scope, ind, "target")
            if ind.label in merged and k > 0:
                target = None  # inside the merged 协议量 cell
            cells += [target, t.cell(scope, ind, "done"), t.cell(scope, ind, "pct")]
        rows.append(cells)
    last = len(rows) - 1
    for j, ind in enumerate(INDS):
        if ind.label in merged:
            spans.append((first, 1 + 3 * j, last, 1 + 3 * j))
    total: list[str | None] = ["合计"]
    for ind in INDS:
        total += [t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")]
    rows.append(total)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.4, *([1.55, 1.55, 1.75] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=10,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=26,
        cell_margin=0.08,
        repeat_header=True,
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
        widths=[8.4, 2.4, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _gap(t: Table, key: str, unit: str) -> str:
    """超出协议量61节 / 较协议量少12户 / 与协议量持平, from the printed 合计 figures, as a
    reader works it out: a count in the indicator's unit, not a figure of the table."""
    done = int(t.cell(TOTAL, key, "done"))
    target = int(t.cell(TOTAL, key, "target"))
    if done > target:
        return f"超出协议量{done - target}{unit}"
    if done < target:
        return f"较协议量少{target - done}{unit}"
    return "与协议量持平"


def _listed(names: list[str]) -> str:
    """甲、乙和丙."""
    return "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else names[0]


def _respectively(figs: list[Fig], unit: str) -> list[Part]:
    """812人次、745人次和903人次: the figures in the 片区's order, the unit after each."""
    out: list[Part] = []
    for k, fig in enumerate(figs):
        if k:
            out.append("和" if k == len(figs) - 1 else "、")
        out += [fig, unit]
    return out


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
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），各片区分别对接辖区社区开展服务。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "服务站现有专职社工",
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
        "名，承接机构已按协议补足人员。",
    )

    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}通过查阅服务档案、实地走访、入户回访和"
        f"座谈访谈等方式，对{m.station}本期服务开展{m.kind}评估，并汇总购买方、监督方、"
        "督导方的评分和意见形成本报告。"
    )
    wt = WEIGHTS
    w.para(
        f"综合得分满分100分，由四方评分加权构成：购买方占{wt['buyer']}%、监督方占"
        f"{wt['monitor']}%、督导方占{wt['supervision_centre']}%、第三方评估机构占"
        f"{wt['third_party']}%。综合得分90分（含）以上为优秀，80分（含）至90分为良好，"
        "60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    w.para(
        "评估期内，服务站为",
        c("registered/households"),
        "户困难群众建立服务档案，",
        _gap(t, "registered/households", "户"),
        "，完成率",
        c("registered/households", "pct"),
        "；",
        c("home_visits/count"),
        "人次居民接受社工入户探访，",
        _gap(t, "home_visits/count", "人次"),
        "，完成率",
        c("home_visits/count", "pct"),
        "；提供个案服务",
        c("casework/sessions"),
        "节（协议量",
        c("casework/sessions", "target"),
        "节），",
        _gap(t, "casework/sessions", "节"),
        "，完成率",
        c("casework/sessions", "pct"),
        "；开展小组服务",
        c("groups/sessions"),
        "节，",
        _gap(t, "groups/sessions", "节"),
        "，完成率",
        c("groups/sessions", "pct"),
        "；组织社区活动",
        c("community_events/count"),
        "场，",
        _gap(t, "community_events/count", "场"),
        "，完成率",
        c("community_events/count", "pct"),
        "。",
    )
    w.heading("（二）各片区完成情况", 2)
    scoped = [(a,) for a in areas]
    w.para(
        f"从各片区看，{_listed(areas)}入户探访分别完成",
        *_respectively([c("home_visits/count", "done", s) for s in scoped], "人次"),
        "，完成率分别为",
        *_respectively([c("home_visits/count", "pct", s) for s in scoped], ""),
        "。个案服务方面，各片区按统一协议量考核，分别完成",
        *_respectively([c("casework/sessions", "done", s) for s in scoped], "节"),
        "，完成率分别为",
        *_respectively([c("casework/sessions", "pct", s) for s in scoped], ""),
        "。各片区指标完成情况见表1。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(f))
    merged = [x.split("（")[0] for x in str(f.knobs["merged_targets"]).split(";")]
    w.text(
        "注：1.完成率＝完成量÷协议量×100%；2."
        + "、".join(merged)
        + "按服务协议对各片区设定统一协议量，表中该列合并列示，为每个片区的协议量；"
        "3.合计行为各片区之和。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.section(landscape=False)
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
    w.para("四方评分情况见表2。", keep_with_next=True)
    _caption(w, "表2  四方评分汇总")
    w.table(_score_grid(f, orgs))
    w.para(
        f"经加权汇总，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期基本按照服务协议推进各项服务，片区服务网络运行平稳。建议承接机构"
        "对照各方意见逐项整改，关注完成率偏低片区的服务进度，并在下一周期加强服务成效的"
        "记录与提炼。",
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
    summary="station figures before what they count and each followed by its excess or "
    "shortfall as a count; 片区 figures as 分别 lists; 表1 with a 协议量 cell merged down "
    "over every 片区 row where the contract gives each 片区 the same target",
    specs=SPECS,
    facts=facts,
    write=write,
)
