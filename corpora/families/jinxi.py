"""锦溪 template (fictional evaluator 汀安市锦溪社工事务评估中心) — twentieth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), then 第 X 页 centred. 一、…六、 with （一） inside.
一、（二） the staffing ONLY as a HEAD-COUNT MOVEMENT TABLE 表1 社工队伍变动情况（单位：名）:
持证社工 / 其中：中级社工师 / 其中：助理社工师 / 未持证社工 / 合计 × 期初人数 │ 本期入职 │
本期离职 │ 期末人数 (each line's 期初 + 入职 − 离职 = 期末): the gold's counts are the 期末
column, its new hires and resignations the 合计 line's 入职 and 离职; no staffing sentence
with figures. 二、 the weights as a sentence (权重分别为…). 三、（一） a paragraph of station
figures, EACH FOLLOWED BY LAST YEAR'S FIGURE FOR THE SAME PERIOD IN BRACKETS (入户探访3470人次
（上年同期2986人次），完成率…): same indicator, same unit, right beside it, not this period's;
one 片区 sentence the same way; （二） a portrait LONG-FORMAT 表3 whose rows are grouped by
FULL-WIDTH TITLE ROWS — a 服务类别 row (一、兜底保障服务, shaded blue) over the 指标 rows
(1.困难群众建档（户）, shaded grey) each over its named 片区 rows and its own bold 合计 row;
columns 片区 │ 协议量 │ 完成量 │ 完成率 only, the indicator named nowhere but in its title
row. 四、 per party （一）购买方（…）评估意见 with 主要成效： / 存在问题： on lines of their own
and （1） items (`无。` for none). 五、 表4 评估主体 │ 权重 │ 得分 (合计 100% │ total), then
表5 评估等级对照 等级 │ 分数区间 │ 本期结果 whose 本期结果 cell in ONE band's row holds
`本期得分88.40分`: the grade is that row's, named in no sentence. 六、 the conclusion, the
evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

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
from extractor.records import Party

NAME = "jinxi"
SPLIT = "walled"
CITY = "汀安市"
EVALUATOR = "汀安市锦溪社工事务评估中心"
PARTIES: tuple[Party, ...] = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 15, "supervision_centre": 15, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
BAND_TEXT = {
    "优秀": "90分（含）以上",
    "良好": "80分（含）至90分",
    "合格": "60分（含）至80分",
    "不合格": "60分以下",
}
LABEL = "表3"
CAPTION = "表3  各片区服务指标完成情况"
# 服务类别 → its indicators, numbered on through the table as its title rows print them
CATEGORIES = (
    ("一、兜底保障服务", ("registered/households", "home_visits/count")),
    ("二、专业服务", ("casework/sessions", "groups/sessions", "community_events/count")),
)
_NAMES = {
    "registered/households": ("registered", "households", "困难群众建档", "户"),
    "home_visits/count": ("home_visits", "count", "入户探访", "人次"),
    "casework/sessions": ("casework", "sessions", "个案服务", "节"),
    "groups/sessions": ("groups", "sessions", "小组服务", "节"),
    "community_events/count": ("community_events", "count", "社区活动", "场"),
}
INDS = [
    Ind(ind, measure, f"{k}.{name}（{unit}）", unit)
    for k, (ind, measure, name, unit) in enumerate(
        (_NAMES[key] for _, keys in CATEGORIES for key in keys), start=1
    )
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "芦汀 桂塘 荷湾 杉溪 梅岭 桐埠 蓼湾 锦屏 柿园".split()
HEADS = ("主要成效", "存在问题")
STAFF_ROWS = ("持证社工", "其中：中级社工师", "其中：助理社工师", "未持证社工", "合计")
STAFF_COLS = ("期初人数", "本期入职", "本期离职", "期末人数")

SPECS: list[Spec] = [
    {
        "name": "jinxi_liuxi_2025_final",
        "street": "柳溪街",
        "district": "汀东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 4,
        "staff": 12,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "jinxi_shiquan_2025_mid",
        "street": "石泉镇",
        "district": "汀西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "108",
        "areas": 3,
        "staff": 9,
        "no_concern": "supervision_centre",
        "errors": [
            ("total_cell", None, "groups/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "jinxi_qingpu_2024_final",
        "street": "青蒲街",
        "district": "汀东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "156",
        "areas": 5,
        "staff": 14,
        "no_concern": None,
        "errors": [("row_pct", 1, "casework/sessions"), ("grade_band", None, None)],
    },
]


# ---------------------------------------------------------------- facts


def movement(
    rng: random.Random, mid: int, assistant: int, uncertified: int, resigned: int
) -> dict[str, tuple[int, int, int, int]]:
    """表1's lines (期初, 入职, 离职, 期末) for 中级 / 助理 / 未持证 from the period-end
    counts and the resignations: each line's 期初 + 入职 − 离职 = 期末, every figure ≥ 0;
    持证 and 合计 are sums of the lines they cover."""
    end = {"mid": mid, "assistant": assistant, "uncertified": uncertified}
    left = dict.fromkeys(end, 0)
    for _ in range(resigned):
        left[rng.choice(["assistant", "uncertified", "assistant", "uncertified", "mid"])] += 1
    rows: dict[str, tuple[int, int, int, int]] = {}
    for key, e in end.items():
        hired = min(e, max(0, left[key] + rng.choice([-1, 0, 0, 1])))
        rows[key] = (e - hired + left[key], hired, left[key], e)
    if sum(r[1] for r in rows.values()) == 0:  # someone joined in the period
        s, h, lft, e = rows["uncertified"]
        if e:
            rows["uncertified"] = (s - 1, h + 1, lft, e)

    def add(*keys: str) -> tuple[int, int, int, int]:
        a, b, c, d = (sum(rows[k][i] for k in keys) for i in range(4))
        return a, b, c, d

    return {
        "持证社工": add("mid", "assistant"),
        "其中：中级社工师": rows["mid"],
        "其中：助理社工师": rows["assistant"],
        "未持证社工": rows["uncertified"],
        "合计": add("mid", "assistant", "uncertified"),
    }


def last_year(rng: random.Random, done: int) -> int:
    """The same period's completion a year before (上年同期): lower, the station grew."""
    return max(1, round(done * rng.uniform(0.7, 0.97)))


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['汀兰', '同心圆', '溪畔'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    MOVES[spec["name"]] = movement(
        rng,
        staffing.mid_level,
        staffing.assistant_level,
        staffing.uncertified,
        staffing.resigned,
    )
    PAST[spec["name"]] = {
        (scope, ind.key): last_year(rng, table.done[(scope, ind.key)])
        for scope in [TOTAL, *((a.name,) for a in areas)]
        for ind in INDS
    }
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "wl_jx_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "wl_jx_concern", sum(c for _, c in counts))
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
            "staffing": "only a head-count movement table 表1 (持证/中级/助理/未持证/合计 × "
            "期初人数 │ 本期入职 │ 本期离职 │ 期末人数): counts from 期末, new hires and "
            "resignations from the 合计 line",
            "weights": "a sentence (权重分别为…) and 表4's 权重 column",
            "bands": "表5 等级 │ 分数区间 │ 本期结果, 90/80/60 (含)",
            "grade": "only as the band row of 表5 whose 本期结果 cell holds 本期得分…分",
            "last_year": "station and 片区 figures each followed by （上年同期…） in the "
            "same unit, not in the gold",
            "table": "表3 portrait, long format: 服务类别 title rows (shaded) over numbered "
            "指标 title rows (1.困难群众建档（户）, shaded) over 片区 rows and a 合计 row "
            "per indicator; 片区 │ 协议量 │ 完成量 │ 完成率, caption above, a 注",
            "title_rows": True,
            "labels": "主要成效：/存在问题： on lines of their own, （1） items",
            "scores": "表4 评估主体 │ 权重 │ 得分, 合计 100% │ total",
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
        elif kind == "grade_band":
            grades = [b.grade for b in BANDS]
            k = grades.index(scores.grade)
            inject.grade_band(f, grades[k - 1] if k > 0 else grades[k + 1])
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
MOVES: dict[str, dict[str, tuple[int, int, int, int]]] = {}
PAST: dict[str, dict[tuple[Scope, str], int]] = {}

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


def _staff_grid(w: Writer, f: ReportFacts) -> Grid:
    moves = MOVES[f.name]
    st = f.staffing
    assert st is not None
    # the gold's fields, read from the 期末 column and the 合计 line's 入职 / 离职
    end_fields = {
        "持证社工": ("certified_count", st.certified),
        "其中：中级社工师": ("mid_level_count", st.mid_level),
        "其中：助理社工师": ("assistant_level_count", st.assistant_level),
        "未持证社工": ("uncertified_count", st.uncertified),
        "合计": ("total_count", st.total),
    }
    rows: list[list[str | None]] = [["类别", *STAFF_COLS]]
    for label in STAFF_ROWS:
        start, hired, left, end = moves[label]
        field, value = end_fields[label]
        assert value == end, (label, value, end)
        cells: list[str | None] = [label, str(start)]
        if label == "合计":
            cells += [
                w.cell_text(staff_fig(str(hired), hired, "new_hires")),
                w.cell_text(staff_fig(str(left), left, "resigned_early")),
            ]
        else:
            cells += [str(hired), str(left)]
        cells.append(w.cell_text(staff_fig(str(end), end, field)))
        rows.append(cells)
    assert moves["合计"][2] == st.resigned
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.2, 2.6, 2.6, 2.6, 2.6],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    rows: list[list[str | None]] = [["片区", "协议量", "完成量", "完成率"]]
    spans: list[tuple[int, int, int, int]] = []
    fills: dict[int, str] = {}
    bold: list[int] = []
    for category, keys in CATEGORIES:
        spans.append((len(rows), 0, len(rows), 3))
        fills[len(rows)] = "DCE6F1"
        bold.append(len(rows))
        rows.append([category, None, None, None])
        for key in keys:
            ind = t.ind(key)
            spans.append((len(rows), 0, len(rows), 3))
            fills[len(rows)] = "F2F2F2"
            rows.append([ind.label, None, None, None])
            for scope in [*((a.name,) for a in t.areas), TOTAL]:
                if scope == TOTAL:
                    bold.append(len(rows))
                rows.append(
                    [
                        "合计" if scope == TOTAL else scope[0],
                        *(t.cell(scope, ind, r) for r in ("target", "done", "pct")),
                    ]
                )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.6, 3.2, 3.2, 3.2],
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=1,
        bold_rows=bold,
        fills=fills,
        row_height=18,
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
        widths=[8.4, 2.6, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _band_grid(f: ReportFacts) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["等级", "分数区间", "本期结果"]]
    for b in BANDS:
        mark = f"本期得分{sc.total}分" if b.grade == sc.grade else ""
        rows.append([b.grade, BAND_TEXT[b.grade], mark])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, 5.4, 5.6],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
        keep_with_next=True,
    )


def write(f: ReportFacts) -> Writer:
    m, st = f.meta, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    past = PAST[f.name]
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
    w.heading("一、服务站基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站按片区开展服务，下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）社工队伍", 2)
    w.para(
        "评估组根据承接机构提供的劳动合同、社保缴纳记录和考勤台账，核对了评估期内社工队伍的"
        "变动情况，见表1。",
        keep_with_next=True,
    )
    _caption(w, "表1  社工队伍变动情况（单位：名）")
    w.table(_staff_grid(w, f))
    w.para(
        "注：期初人数为评估周期首日在岗人数，期末人数为评估周期末日在岗人数；期初人数＋本期"
        "入职－本期离职＝期末人数。",
        space_before=4,
        size=10.5,
    )

    w.heading("二、评估依据与方法", 1)
    w.para(
        f"本次评估依据{m.station}服务协议及{CITY}社工服务站评估相关规定，由{m.evaluator}"
        "采取查阅档案、实地走访、电话回访、服务对象访谈和工作人员座谈相结合的方式开展，"
        "并汇总购买方、监督方和督导方的评分与意见。"
    )
    weights = "、".join(f"{ROLES[p]}{WEIGHTS[p]}%" for p in PARTIES)
    w.para(
        f"综合得分满分100分，由四方评分按权重汇总而成，权重分别为{weights}。评估等级分为"
        "优秀、良好、合格、不合格四等，等级对照见表5。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    def before(key: str, scope: Scope = TOTAL) -> str:
        return f"（上年同期{past[(scope, key)]}{t.ind(key).unit}）"

    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    verbs = {
        "registered/households": "为困难群众建档",
        "home_visits/count": "入户探访",
        "casework/sessions": "开展个案服务",
        "groups/sessions": "开展小组服务",
        "community_events/count": "举办社区活动",
    }
    parts: list[str | Fig] = [f"评估周期内，{m.station}"]
    for k, ind in enumerate(INDS):
        parts += [
            verbs[ind.key],
            c(ind.key),
            ind.unit,
            before(ind.key),
            "，完成率",
            c(ind.key, "pct"),
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts)
    w.para("总体来看，各项服务量较上年同期均有所增长，兜底保障类服务保持稳定。")
    rate = {
        a: Decimal(t.done[((a,), "home_visits/count")]) / t.target[((a,), "home_visits/count")]
        for a in areas
    }
    best = max(areas, key=lambda a: (rate[a], a))
    low = {
        a: Decimal(t.done[((a,), "groups/sessions")]) / t.target[((a,), "groups/sessions")]
        for a in areas
    }
    worst = min((a for a in areas if a != best), key=lambda a: (low[a], a))
    w.heading("（二）各片区完成情况", 2)
    w.para(
        f"分片区看，{best}入户探访",
        c("home_visits/count", scope=(best,)),
        "人次",
        before("home_visits/count", (best,)),
        "，完成率",
        c("home_visits/count", "pct", (best,)),
        f"，为各片区最高；{worst}小组服务",
        c("groups/sessions", scope=(worst,)),
        "节",
        before("groups/sessions", (worst,)),
        "，完成率",
        c("groups/sessions", "pct", (worst,)),
        "，在各片区中相对较低。各片区指标完成情况见表3。",
        keep_with_next=True,
    )
    _caption(w, CAPTION)
    w.table(_indicator_grid(f))
    w.text(
        "注：完成率＝完成量÷协议量×100%；各指标合计行为各片区之和。",
        size=10.5,
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
                w.item(f"（{j}）", text + "。")

    w.heading("五、评估得分与等级", 1)
    w.para("四方评分按权重汇总情况见表4，评估等级对照见表5。", keep_with_next=True)
    _caption(w, "表4  四方评分汇总")
    w.table(_score_grid(f, orgs))
    _caption(w, "表5  评估等级对照")
    w.table(_band_grid(f))

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，社工队伍总体稳定，片区服务网络运行"
        "平稳。建议承接机构对照各方意见逐项制定整改措施，关注完成率偏低片区的服务进度，"
        "并在下一周期做好新入职社工的带教和督导。",
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
    summary="staffing only as a 期初/入职/离职/期末 movement table; figures each followed by "
    "（上年同期…）; a long 表3 grouped by full-width 服务类别 and 指标 title rows with a 合计 "
    "per indicator; the grade only as the row of 表5 holding 本期得分",
    specs=SPECS,
    facts=facts,
    write=write,
)
