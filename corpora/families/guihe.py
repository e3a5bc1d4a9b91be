"""桂河 template (fictional evaluator 云岫市桂河社会服务评估所) — third held-back split.

Dense 宋体 五号 body. A plain cover (委托单位, 评估单位, date). 一、评估背景; 二、评估方法与
标准 with the weights listed 依次为 in the parties' order and the bands as grade names
followed by bracketed ranges (良好（80—89.99分）). 三、服务指标完成情况: each count
followed by a 其中 list of the 片区's figures in the same sentence; two stacked
portrait tables, 表一 and 表二, each with the same 片区 rows (第一片区 …) and a 序号
column, three indicator groups of 指标数 / 完成数 / 完成率 each, 合计 last; labels
spread with spaces as Word users type them (合  计, 序  号, 片  区); a 数据来源 line.
四、各方评估意见: every party's heading carries its score (（一）购买方评估意见（得分：
18.20分）), labels 做得较好的方面 / 有待改进的方面 with （1） items, the third party in
one sub-part for 项目管理 and one per 片区; 五、评估结论 with the total and the grade at
the end of the body.
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
    Scope,
    Table,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Part, Writer

NAME = "guihe"
CITY = "云岫市"
EVALUATOR = "云岫市桂河社会服务评估所"
WEIGHTS = {"buyer": 20, "monitor": 10, "supervision_centre": 15, "third_party": 55}
# As printed: "良好（80—89.99分）" is closed at both ends.
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 89.99, upper_inclusive=True),
    Band("合格", 60, 79.99, upper_inclusive=True),
    Band("不合格", None, 60),
]
TABLES: dict[str, tuple[str, list[Ind]]] = {
    "表一": (
        "兜底民生服务指标完成情况",
        [
            Ind("registered", "households", "困难群众建档（户）", "户"),
            Ind("home_visits", "count", "入户探访（次）", "次"),
            Ind("casework", "opened", "个案服务（个）", "个"),
        ],
    ),
    "表二": (
        "小组及社区服务指标完成情况",
        [
            Ind("groups", "count", "小组工作（个）", "个"),
            Ind("community_events", "count", "社区活动（场）", "场"),
            Ind("volunteers", "count", "志愿者招募（名）", "名"),
        ],
    ),
}
RATE = RateStyle(decimals=2, sign=True)
COMMUNITIES = "桂园 荷花 龙泉 凤栖 石榴 南岸 长青 金竹 玉带 清风 白鹭 新桥".split()

SPECS: list[Spec] = [
    {
        "name": "guihe_guihe_2023_final",
        "street": "桂河街",
        "district": "岫南区",
        "kind": "末期",
        "start": dt.date(2022, 7, 1),
        "assessed": 11,
        "funding": "215",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "guihe_shimen_2024_mid",
        "street": "石门镇",
        "district": "岫北区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "168",
        "areas": 3,
        "errors": [
            ("sum_cell", "表一", "home_visits/count", None),
            ("row_pct", "表二", "groups/count", 1),
        ],
    },
    {
        "name": "guihe_longtan_2025_final",
        "street": "龙潭街",
        "district": "岫南区",
        "kind": "末期",
        "start": dt.date(2024, 3, 1),
        "assessed": 11,
        "funding": "240",
        "areas": 5,
        # 表二 runs onto the next page (第五片区 and 合计), its header not repeated
        "breaks": "表二|数据来源",
        "errors": [
            ("total_pct_sum", "表二", "community_events/count", None),
            ("narrative", "表一", "home_visits/count", 1),
        ],
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
        operator=f"{CITY}{rng.choice(['善缘', '协力', '晨光'])}社会工作服务中心",
        joiner="—",
        area_count=cn_numeral(n),
        months_printed=False,
    )
    areas = [Area(f"第{cn_numeral(k)}片区") for k in range(1, n + 1)]
    scale = spec["assessed"] / 10
    tables = [
        make_table(rng, label, inds, areas, RATE, CountStyle(), scale=scale)
        for label, (_, inds) in TABLES.items()
    ]
    f = ReportFacts(
        family=NAME,
        split="unseen",
        name=spec["name"],
        meta=meta,
        tables=tables,
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=make_staffing(rng, total=3 * n + rng.randint(1, 3), months=spec["assessed"]),
        knobs={
            "headings": "一、…五、, parties （一）…（四） under 四、各方评估意见",
            "labels": "做得较好的方面/有待改进的方面",
            "numbering": "（1）",
            "weights": "依次为 list",
            "bands": "grade with bracketed range, 89.99",
            "scores": "each party's score in its heading, total and grade in 五、评估结论",
            "table": "two stacked tables 表一/表二, same 片区 rows, 序号 column, 合计 last",
            "spaced_labels": True,
            "narrative": "其中 per 片区 in one sentence",
            "rate": "2 decimals with %",
            "areas": n,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    if "breaks" in spec:
        f.knobs.update(breaks=spec["breaks"], repeat_header=False, header_word="小组工作（个）")
    for kind, label, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, label, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, label, (areas[area].name,), key, shift="+10")
        elif kind == "total_pct_sum":
            inject.total_pct_sum(f, label, key)
        elif kind == "narrative":
            inject.narrative(f, label, (areas[area].name,), key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=10.5, line_spacing=1.25)


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int, area: str = "") -> None:
    pools = ("un_area_praise", "un_area_concern") if area else ("un_praise", "un_concern")
    w.label("做得较好的方面", "praise", size=FONTS.size)
    for k, text in enumerate(pick(rng, pools[0], praise, area), start=1):
        w.item(f"（{k}）", text)
    w.label("有待改进的方面", "concern", size=FONTS.size)
    if concern == 0:
        w.none("无。")
    for k, text in enumerate(pick(rng, pools[1], concern, area), start=1):
        w.item(f"（{k}）", text)


def _spread(label: str) -> str:
    """合计 → 合  计: a short label spread over its cell with spaces."""
    return "  ".join(label) if len(label) == 2 else label


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(6):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    for _ in range(14):
        w.text("")
    w.text(f"委托单位：{m.district}民政局", size=14, align="center")
    w.text(f"评估单位：{m.evaluator}", size=14, align="center")
    w.text(m.eval_date_printed, size=14, align="center")
    w.page_break()

    areas = [a.name for a in f.table("表一").areas]
    w.heading("一、评估背景", 1)
    w.para(
        f"{m.station}由{m.buyer}购买，{m.operator}承接，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，服务经费{m.funding_wan}万元。社工站将辖区划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）开展服务。"
    )
    w.para(
        "社工站配备社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名、未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名；评估期内离职",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名。",
    )
    wt = sc.weights
    w.heading("二、评估方法与标准", 1)
    w.para(
        f"{m.evaluator}受{m.district}民政局委托，于{m.eval_date_printed}对社工站"
        f"{m.assessment_printed}的服务开展{m.kind}评估，评估采用现场查阅台账、"
        "随机抽查服务对象和座谈相结合的方式。"
    )
    w.para(
        "评估由购买方、区民政局、市督导中心、第三方评估机构四方共同评分，"
        f"评分权重依次为{wt['buyer']}%、{wt['monitor']}%、{wt['supervision_centre']}%、"
        f"{wt['third_party']}%，四方得分之和为项目总分。评估结果分为优秀（90分及以上）、"
        "良好（80—89.99分）、合格（60—79.99分）和不合格（60分以下）四个等级。"
    )

    w.heading("三、服务指标完成情况", 1)

    def c(label: str, scope: Scope, key: str) -> Fig:
        return cell_fig(f, label, scope, key, "done", plain)

    def among(label: str, key: str, unit: str) -> list[Part]:
        out: list[Part] = ["（其中"]
        for k, a in enumerate(areas):
            out += ["、" if k else "", a, c(label, (a,), key), unit]
        return [*out, "）"]

    w.para(
        "评估期内，社工站共为困难群众建档",
        c("表一", TOTAL, "registered/households"),
        "户；入户探访",
        c("表一", TOTAL, "home_visits/count"),
        "次",
        *among("表一", "home_visits/count", "次"),
        "；开展个案服务",
        c("表一", TOTAL, "casework/opened"),
        "个。",
    )
    w.para(
        "开展小组工作",
        c("表二", TOTAL, "groups/count"),
        "个、社区活动",
        c("表二", TOTAL, "community_events/count"),
        "场",
        *among("表二", "community_events/count", "场"),
        "，招募志愿者",
        c("表二", TOTAL, "volunteers/count"),
        "名。各片区指标完成情况见表一、表二。",
    )
    for label, (title, _) in TABLES.items():
        w.text(
            f"{label}  {title}", font=FONTS.heading, align="center", space_before=6, space_after=3
        )
        w.table(_table(f.table(label)))
    w.text("数据来源：社工站服务台账及评估组现场核查。", size=9)

    w.heading("四、各方评估意见", 1)
    s = sc.scores
    titles = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）评估意见", (1, 2), (1, 2)),
        ("monitor", f"（二）{m.district}民政局评估意见", (1, 2), (1, 2)),
        ("supervision_centre", "（三）市督导中心评估意见", (2, 3), (1, 2)),
    ]
    for party, title, praise, concern in titles:
        w.heading(f"{title}（得分：{s[party]}分）", 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))
    w.heading(f"（四）第三方评估机构评估意见（得分：{s['third_party']}分）", 2, party="third_party")
    w.heading("1.项目管理", 3)
    _opinion(w, rng, rng.randint(1, 3), rng.randint(1, 2))
    for k, a in enumerate(areas, start=2):
        w.heading(f"{k}.{a}", 3, area=a)
        _opinion(w, rng, rng.randint(1, 2), rng.randint(0, 1), area=a)

    w.heading("五、评估结论", 1)
    w.para(
        f"综上，{m.station}本期{m.kind}评估四方得分合计{sc.total}分，评估等级为{sc.grade}。"
        "建议社工站针对本报告提出的问题逐项整改，并在下一评估周期提交整改情况说明。"
    )
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    page_footer(w.doc, "plain", FONTS.body)
    return w


def _table(t: Table) -> Grid:
    head0: list[str | None] = [_spread("序号"), _spread("片区")]
    head1: list[str | None] = [None, None]
    for ind in t.inds:
        head0 += [ind.label, None, None]
        head1 += ["指标数", "完成数", "完成率"]
    rows = [head0, head1]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)] + [(0, 2 + 3 * k, 0, 4 + 3 * k) for k in range(3)]
    for k, a in enumerate(t.areas, start=1):
        rows.append([str(k), a.name, *(t.cell((a.name,), i, r) for i in t.inds for r in ROLES)])
    rows.append([_spread("合计"), None, *(t.cell(TOTAL, i, r) for i in t.inds for r in ROLES)])
    last = len(rows) - 1
    spans.append((last, 0, last, 1))
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.0, 1.9] + [1.25, 1.25, 1.6] * 3,
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=0,
        bold_rows=[last],
        row_height=20,
    )


ROLES = ("target", "done", "pct")

FAMILY = Family(
    name=NAME,
    split="unseen",
    summary="scores in each party's heading (（得分：18.20分）), total and grade in the last "
    "section, weights listed 依次为, bands as bracketed ranges to 89.99; two stacked tables "
    "(表一/表二) of 第一片区… rows with a 序号 column and 合计 last, labels spread with "
    "spaces (合  计), 其中 lists of 片区 figures in the text; 做得较好的方面/有待改进的方面 "
    "with （1） items, the third party per 片区",
    specs=SPECS,
    facts=facts,
    write=write,
)
