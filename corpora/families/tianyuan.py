"""天元 template (fictional evaluator 桐江市天元社会服务评估有限公司).

Seed-like party sections named by role (监督方意见 …) but praise/concern written as
bare paragraphs under 成效： / 问题与建议： lines, several per section, none numbered.
The evaluator's name runs in the page header. Each named 片区 has its own sub-section
with its figures (one of them approximate, "约1200人次") and its own small table
(表3-1, 表3-2 …: 服务指标 | 协议量 | 完成量 | 完成率, horizontal rules only, "/" for not
applicable); a last table sums the station. Bands printed as ranges in brackets, scores
in a one-row horizontal table.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, page_header
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "tianyuan"
CITY = "桐江市"
EVALUATOR = "桐江市天元社会服务评估有限公司"
TABLE = "表3"
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 15, "third_party": 55}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 89.99, upper_inclusive=True),
    Band("合格", 60, 79.99, upper_inclusive=True),
    Band("不合格", None, 60),
]
INDS = [
    Ind("registered", "households", "困难群众和特殊群体建档（户）", "户"),
    Ind("phone_visits", "count", "电访（次）", "次"),
    Ind("home_visits", "count", "入户探访（次）", "次"),
    Ind("casework", "opened", "个案接案（个）", "个"),
    Ind("groups", "count", "专业小组（个）", "个"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("community_events", "attendances", "社区活动参与（人次）", "人次"),
    Ind("community_funds", "count", "社区基金（个）", "个", applicable=False),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)

SPECS: list[Spec] = [
    {
        "name": "tianyuan_changling_2024_final",
        "street": "长岭街",
        "district": "桐北区",
        "kind": "末期",
        "start": dt.date(2023, 10, 1),
        "assessed": 10,
        "funding": "215",
        "areas": ["长岭片区", "新塘片区", "樟树片区"],
        "errors": [],
    },
    {
        "name": "tianyuan_xintang_2024_mid",
        "street": "新塘镇",
        "district": "桐北区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "240",
        "areas": ["新塘片区", "湾头片区", "樟树片区", "石岗片区"],
        "errors": [("row_pct", ("湾头片区",), "phone_visits/count")],
    },
    {
        "name": "tianyuan_zhangshu_2023_final",
        "street": "樟树街",
        "district": "江东区",
        "kind": "末期",
        "start": dt.date(2022, 9, 1),
        "assessed": 10,
        "funding": "195",
        "areas": ["樟树片区", "河埠片区", "竹园片区"],
        "errors": [
            ("narrative", ("河埠片区",), "registered/households"),
            ("score_sum", None, None),
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
        operator=f"{CITY}{rng.choice(['博爱', '众和', '安康'])}社会工作服务中心",
        date=lambda d: cn_date(d, spaced=True),
        area_count=cn_numeral(len(names), liang=True),
    )
    areas = [Area(a) for a in names]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    table.names = {(a,): f"表3-{i}" for i, a in enumerate(names, start=1)}
    table.names[TOTAL] = f"表3-{len(names) + 1}"
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=None,
        knobs={
            "headings": "一、…八、 by party role (监督方意见 …)",
            "labels": "成效：/问题与建议：",
            "numbering": "bare paragraphs",
            "areas": "named: " + "/".join(names),
            "table": "one small table per 片区 + a summary table, horizontal rules, /",
            "rate": "2 decimals with %",
            "approx": "约…人次 in 片区 narrative",
            "bands": "ranges in brackets (80—89.99分)",
            "scores": "one-row horizontal table",
            "running_header": True,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, scope, key in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, TABLE, scope, key, shift="15")
        elif kind == "narrative":
            inject.narrative(f, TABLE, scope, key)
        elif kind == "score_sum":
            inject.score_sum(f, "1.50")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion(
    w: Writer, rng: random.Random, pool: str, praise: int, concern: int, area: str | None = None
) -> None:
    w.label("成效", "praise")
    for text in pick(rng, f"{pool}_praise", praise, area):
        w.item("", text)
    w.label("问题与建议", "concern")
    if concern == 0:
        w.none("无。")
    for text in pick(rng, f"{pool}_concern", concern, area):
        w.item("", text)


def _small_table(f: ReportFacts, scope: Scope) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [["服务指标", "协议量", "完成量", "完成率"]]
    for ind in INDS:
        rows.append([ind.label, *(t.cell(scope, ind, r) for r in ("target", "done", "pct"))])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[6.0, 2.6, 2.6, 2.6],
        ruling="horizontal",
        font_size=10.5,
        row_height=17,
    )


def _about(n: int) -> tuple[str, str, float]:
    """约1.2万 / 约800: a figure the evaluator rounds (approximate, not an exact fact):
    printed figure, unit word, value in 人次."""
    if n >= 10000:
        q = (Decimal(n) / 10000).quantize(Decimal("0.1"))
        return f"{q}", "万人次", float(q) * 10000
    q = (Decimal(n) / 100).quantize(Decimal(1)) * 100
    return f"{q}", "人次", float(q)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(8):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center")
    w.text(f"{m.year}年{m.kind}评估报告", size=22, bold=True, align="center")
    for _ in range(12):
        w.text("")
    w.text(f"{m.evaluator}", size=15, align="center")
    w.page_break()

    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}（下称“社工站”）由{m.buyer}出资购买，{m.operator}承接运营，"
        f"站点设于{m.address}。服务期限为{m.contract_printed}，资金总额{m.funding_wan}万元。"
        f"社工站设{m.area_count_printed}个片区：{'、'.join(a.name for a in t.areas)}。"
    )
    w.heading("二、评估概述", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对社工站开展{m.kind}"
        f"评估，评估期间为{m.assessment_printed}，合计{m.months}个月。"
    )
    wt = sc.weights
    w.para(
        f"评估采用百分制，监督方（区民政局）、购买方、督导方（市督导中心）和第三方评估机构"
        f"分别占{wt['monitor']}%、{wt['buyer']}%、{wt['supervision_centre']}%和"
        f"{wt['third_party']}%。评估结果分为优秀（90分及以上）、良好（80—89.99分）、"
        "合格（60—79.99分）和不合格（60分以下）四个等级。"
    )
    w.heading("三、监督方意见", 1, party="monitor")
    _opinion(w, rng, "monitor", rng.randint(1, 3), rng.randint(0, 2))
    w.heading("四、购买方意见", 1, party="buyer")
    _opinion(w, rng, "buyer", rng.randint(1, 2), rng.randint(0, 1))
    w.heading("五、督导方意见", 1, party="supervision_centre")
    _opinion(w, rng, "supervision", rng.randint(2, 3), rng.randint(1, 2))
    w.heading("六、第三方意见", 1, party="third_party")
    w.heading("（一）项目管理", 2)
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2))
    w.heading("（二）各片区服务情况", 2)
    for i, a in enumerate(t.areas, start=1):
        scope = (a.name,)
        w.heading(f"{i}.{a.name}", 3, area=a.name)
        text, unit, value = _about(t.done[(scope, "community_events/attendances")])

        def c(key: str, role: str = "done", scope: Scope = scope) -> Fig:
            return cell_fig(f, TABLE, scope, key, role, PCT if role == "pct" else plain)

        w.para(
            f"{a.name}本期完成困难群众和特殊群体建档",
            c("registered/households"),
            "户，完成率",
            c("registered/households", "pct"),
            "；开展社区活动",
            c("community_events/count"),
            "场，服务居民约",
            Fig(text, value, "人次", "community_events", "attendances", scope=a.name, approx=True),
            f"{unit}。具体指标见下表。",
        )
        w.text(
            f"{t.name_of(scope)} {a.name}服务指标完成情况",
            size=10.5,
            bold=True,
            align="center",
            space_before=4,
            space_after=2,
        )
        w.table(_small_table(f, scope))
        _opinion(w, rng, "area", rng.randint(1, 2), rng.randint(0, 2), a.name)
    w.heading("（三）服务指标汇总", 2)
    w.para(
        "评估期内，社工站合计完成电访",
        cell_fig(f, TABLE, TOTAL, "phone_visits/count"),
        "次，入户探访",
        cell_fig(f, TABLE, TOTAL, "home_visits/count"),
        "次，个案接案",
        cell_fig(f, TABLE, TOTAL, "casework/opened"),
        "个，完成率分别为",
        cell_fig(f, TABLE, TOTAL, "phone_visits/count", "pct", PCT),
        "、",
        cell_fig(f, TABLE, TOTAL, "home_visits/count", "pct", PCT),
        "、",
        cell_fig(f, TABLE, TOTAL, "casework/opened", "pct", PCT),
        "。",
    )
    w.text(
        f"{t.name_of(TOTAL)} 社工站服务指标完成情况汇总",
        size=10.5,
        bold=True,
        align="center",
        space_before=4,
        space_after=2,
    )
    w.table(_small_table(f, TOTAL))
    w.heading("（四）服务质量", 2)
    _opinion(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2))

    w.heading("七、评估结果", 1)
    s = sc.scores
    w.para("四方评分及总分如下：")
    w.table(
        Grid(
            rows=[
                ["评估主体", "监督方", "购买方", "督导方", "第三方", "总分", "等级"],
                [
                    "得分",
                    s["monitor"],
                    s["buyer"],
                    s["supervision_centre"],
                    s["third_party"],
                    sc.total,
                    sc.grade,
                ],
            ],
            header_rows=1,
            widths=[2.2, 2.0, 2.0, 2.0, 2.0, 2.0, 1.8],
            ruling="grid",
            font_size=10.5,
        )
    )
    w.heading("八、结语", 1)
    w.para(f"望社工站以本次{m.kind}评估为契机，持续改进服务，更好地回应{m.street}居民需求。")
    page_header(w.doc, f"{m.evaluator}　{m.station}{m.kind}评估报告", FONTS.body)
    page_footer(w.doc, "plain", FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="parties by role (监督方意见 …), 成效：/问题与建议： with bare-paragraph items, "
    "running header; one small horizontal-rules table per named 片区 plus a summary "
    "table, an approximate 约…人次 figure, bands as bracketed ranges, a one-row score "
    "table",
    specs=SPECS,
    facts=facts,
    write=write,
)
