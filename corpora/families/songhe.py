"""松合 template (fictional evaluator 泓川市松合社会服务评估研究院).

Seed-like 一、…八、 headings but worded 评价; labels （一）成效 / （二）问题与建议 as
headings with items 一是… 二是…, "1." items and bold-line labels in the third party's
part; weights as a list, bands with ≥/＜ signs; scores as a list of lines. Named 片区
(金沙片区, 石门片区 …) with figures in each 片区's sub-section. The annex is a
transposed indicator table: indicators as rows (服务类别 merged down | 服务指标), each
片区 a column group (协议量/完成量/完成率), 合计 last, 投入社工人数 spanning each
group, rates with one decimal, "/" for not applicable. It is drawn on landscape pages
that are re-encoded as portrait MediaBoxes with /Rotate 90, and it continues on the
next page without its header, the break falling inside a 服务类别.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "songhe"
CITY = "泓川市"
EVALUATOR = "泓川市松合社会服务评估研究院"
TABLE = "附件"
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 15, "third_party": 55}
CATEGORIES: list[tuple[str, list[Ind]]] = [
    (
        "兜底民生服务",
        [
            Ind("registered", "households", "困难群众和特殊群体建档（户）", "户"),
            Ind("phone_visits", "count", "电访（次）", "次"),
            Ind("home_visits", "count", "入户探访（次）", "次"),
        ],
    ),
    (
        "个案服务",
        [
            Ind("casework", "opened", "个案接案（个）", "个"),
            Ind("casework", "sessions", "个案面谈（节）", "节"),
            Ind("casework", "closed", "个案结案（个）", "个"),
        ],
    ),
    (
        "小组服务",
        [
            Ind("groups", "count", "专业小组（个）", "个"),
            Ind("groups", "sessions", "小组活动（节）", "节"),
            Ind("groups", "attendances", "小组服务（人次）", "人次"),
        ],
    ),
    (
        "社区服务",
        [
            Ind("community_events", "count", "社区活动（场）", "场"),
            Ind("community_events", "attendances", "社区活动参与（人次）", "人次"),
        ],
    ),
    (
        "志愿服务",
        [
            Ind("volunteers", "count", "新增志愿者（名）", "名"),
            Ind("volunteer_hours", "hours", "志愿服务时数（小时）", "小时"),
        ],
    ),
    (
        "社区发展",
        [
            Ind("community_funds", "count", "社区慈善基金（个）", "个", applicable=False),
            Ind("community_orgs", "count", "社区社会组织培育（个）", "个"),
        ],
    ),
]
INDS = [ind for _, inds in CATEGORIES for ind in inds]
RATE = RateStyle(decimals=1, sign=True)
PCT = percent(plain)

SPECS: list[Spec] = [
    {
        "name": "songhe_jinsha_2024_final",
        "street": "金沙街",
        "district": "江湾区",
        "kind": "末期",
        "start": dt.date(2023, 11, 1),
        "assessed": 10,
        "funding": "240",
        "areas": ["金沙片区", "石门片区", "凤岭片区", "云桥片区"],
        "lead": 1,
        "breaks": "新增志愿者（名）|志愿服务时数（小时）",
        "errors": [],
    },
    {
        "name": "songhe_fengling_2023_mid",
        "street": "凤岭镇",
        "district": "江湾区",
        "kind": "中期",
        "start": dt.date(2023, 1, 1),
        "assessed": 6,
        "funding": "150",
        "areas": ["凤岭片区", "下沙片区", "龙湖片区"],
        "lead": 1,
        "breaks": "新增志愿者（名）|志愿服务时数（小时）",
        "errors": [("row_pct", ("下沙片区",), "home_visits/count")],
    },
    {
        "name": "songhe_yunqiao_2024_final",
        "street": "云桥街",
        "district": "西陵区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 10,
        "funding": "210",
        "areas": ["云桥片区", "白鹭片区", "长岗片区"],
        "lead": 1,
        "breaks": "新增志愿者（名）|志愿服务时数（小时）",
        "errors": [("grade_band", None, None)],
    },
    {
        "name": "songhe_baishi_2024_mid",
        "street": "白石街",
        "district": "西陵区",
        "kind": "中期",
        "start": dt.date(2024, 3, 1),
        "assessed": 6,
        "funding": "160",
        "areas": ["白石片区", "望江片区"],
        "lead": 1,
        "breaks": "新增志愿者（名）|志愿服务时数（小时）",
        "errors": [("narrative", ("望江片区",), "home_visits/count")],
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
        operator=f"{CITY}{rng.choice(['和煦', '众帮', '恒爱', '青禾'])}社会工作服务社",
        area_count=cn_numeral(len(names), liang=True),
    )
    table = make_table(
        rng,
        TABLE,
        INDS,
        [Area(a) for a in names],
        RATE,
        CountStyle(),
        staff=True,
        scale=spec["assessed"] / 10,
    )
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, standard_bands()),
        staffing=None,
        knobs={
            "headings": "一、…八、 (评价)",
            "labels": "（一）成效/（二）问题与建议; 成效：/问题与建议：",
            "numbering": "一是/二是; 1.",
            "table": "transposed, 服务类别 merged, 片区 column groups, staff row spanning",
            "rate": "1 decimal with %",
            "areas": "named: " + "/".join(names),
            "landscape": "rotate90",
            "rotate": 90,
            "breaks": spec["breaks"],
            "repeat_header": False,
            "header_word": "协议量",
            "lead": spec["lead"],
            "scores": "list",
            "kind": spec["kind"],
        },
    )
    for kind, scope, key in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, TABLE, scope, key)
        elif kind == "grade_band":
            grades = ["优秀", "良好", "合格", "不合格"]
            i = grades.index(f.scores.grade)
            inject.grade_band(f, grades[i + 1] if i == 0 else grades[i - 1])
        elif kind == "narrative":
            inject.narrative(f, TABLE, scope, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=14, line_spacing=28)
ORDINALS = "一二三四五六七八九"


def _yishi(w: Writer, texts: list[str]) -> None:
    """Items written 一是……  二是…… (one paragraph each)."""
    for k, text in enumerate(texts):
        w.item(f"{ORDINALS[k]}是", text)


def _party(w: Writer, rng: random.Random, pool: str, praise: int, concern: int) -> None:
    w.label("成效", "praise", marker="（一）", colon="", form="heading")
    _yishi(w, pick(rng, f"{pool}_praise", praise))
    w.label("问题与建议", "concern", marker="（二）", colon="", form="heading")
    if concern == 0:
        w.none("暂无。")
    _yishi(w, pick(rng, f"{pool}_concern", concern))


def _dotted(w: Writer, rng: random.Random, pool: str, praise: int, concern: int) -> None:
    w.label("成效", "praise")
    for k, text in enumerate(pick(rng, f"{pool}_praise", praise), start=1):
        w.item(f"{k}.", text)
    w.label("问题与建议", "concern")
    for k, text in enumerate(pick(rng, f"{pool}_concern", concern), start=1):
        w.item(f"{k}.", text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(5):
        w.text("")
    w.text(m.station, font=FONTS.heading, size=22, bold=True, align="center")
    w.text(f"{m.year}年度{m.kind}评估报告", font=FONTS.heading, size=22, align="center")
    for _ in range(9):
        w.text("")
    w.text(m.evaluator, size=16, align="center")
    w.text(cn_date(m.eval_date), size=16, align="center")
    w.page_break()

    w.heading("一、基本概况", 1, size=16)
    areas = "、".join(a.name for a in t.areas)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，服务地址为{m.address}。"
        f"合同服务期为{m.contract_printed}，项目经费为{m.funding_wan}万元。社工站按照"
        f"辖区地理分布划分为{m.area_count_printed}个片区：{areas}。"
    )
    w.heading("二、评估概述", 1, size=16)
    w.heading("（一）评估组织", 2)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成评估小组，于{m.eval_date_printed}"
        f"对社工站进行了{m.kind}实地评估，评估周期为{m.assessment_printed}"
        f"（共{m.months}个月）。"
    )
    w.heading("（二）评分标准", 2)
    w.para("社工站评估满分100分，各评估主体评分权重如下：")
    wt = sc.weights
    w.para(f"1.监督方（区民政局）评分，权重{wt['monitor']}%；")
    w.para(f"2.购买方（街道办事处或镇人民政府）评分，权重{wt['buyer']}%；")
    w.para(f"3.督导方（市社工服务督导中心）评分，权重{wt['supervision_centre']}%；")
    w.para(f"4.第三方评估机构评分，权重{wt['third_party']}%。")
    w.para(
        "评估等级：总分≥90分为优秀；80分≤总分＜90分为良好；"
        "60分≤总分＜80分为合格；总分＜60分为不合格。"
    )

    w.heading("三、监督方（区民政局）评价", 1, party="monitor", size=16)
    _party(w, rng, "monitor", rng.randint(2, 3), rng.randint(1, 2))
    w.heading(f"四、购买方（{buyer_short(m.street)}）评价", 1, party="buyer", size=16)
    _party(w, rng, "buyer", rng.randint(1, 2), rng.randint(0, 1))
    w.heading("五、督导方（市社工服务督导中心）评价", 1, party="supervision_centre", size=16)
    _party(w, rng, "supervision", rng.randint(2, 3), rng.randint(1, 2))
    w.heading("六、第三方评估机构评价", 1, party="third_party", size=16)
    w.heading("（一）项目管理", 2)
    _dotted(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2))
    w.heading("（二）服务成效", 2)

    def c(scope: Scope, key: str, role: str = "done") -> Fig:
        return cell_fig(f, TABLE, scope, key, role, PCT if role == "pct" else plain)

    w.para(
        "评估期内，社工站共为辖区困难群众和特殊群体建档",
        c(TOTAL, "registered/households"),
        "户，开展电访",
        c(TOTAL, "phone_visits/count"),
        "次、入户探访",
        c(TOTAL, "home_visits/count"),
        "次，分别完成协议指标的",
        c(TOTAL, "registered/households", "pct"),
        "、",
        c(TOTAL, "phone_visits/count", "pct"),
        "、",
        c(TOTAL, "home_visits/count", "pct"),
        "。个案服务方面，接案",
        c(TOTAL, "casework/opened"),
        "个，面谈",
        c(TOTAL, "casework/sessions"),
        "节；小组服务方面，开展专业小组",
        c(TOTAL, "groups/count"),
        "个，服务",
        c(TOTAL, "groups/attendances"),
        "人次。各片区指标完成情况见附件。",
    )
    _dotted(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2))
    w.heading("（三）片区服务情况", 2)
    for i, a in enumerate(t.areas, start=1):
        w.heading(f"{i}.{a.name}", 3, area=a.name)
        scope = (a.name,)
        staff = t.staff_printed[scope]
        w.para(
            f"{a.name}投入社工",
            Fig(staff, float(staff), "名", "staff", "count", scope=a.name),
            "名，本期完成入户探访",
            c(scope, "home_visits/count"),
            "次，完成率",
            c(scope, "home_visits/count", "pct"),
            "；开展社区活动",
            c(scope, "community_events/count"),
            "场。",
        )
        w.label("成效", "praise")
        for k, text in enumerate(pick(rng, "area_praise", rng.randint(1, 2), a.name), start=1):
            w.item(f"{k}.", text)
        w.label("问题与建议", "concern")
        concerns = pick(rng, "area_concern", rng.randint(0, 1), a.name)
        if not concerns:
            w.none("暂无。")
        for k, text in enumerate(concerns, start=1):
            w.item(f"{k}.", text)

    w.heading("七、评估得分及等级", 1, size=16)
    s = sc.scores
    w.para("经汇总，各评估主体评分如下：")
    w.para(f"监督方（区民政局）评分：{s['monitor']}分；")
    w.para(f"购买方（{buyer_short(m.street)}）评分：{s['buyer']}分；")
    w.para(f"督导方（市社工服务督导中心）评分：{s['supervision_centre']}分；")
    w.para(f"第三方评估机构评分：{s['third_party']}分。")
    w.para(f"综合得分：{sc.total}分，评估等级：{sc.grade}。")
    w.heading("八、总体评价", 1, size=16)
    w.para(
        "社工站本期能够围绕服务协议开展工作，各片区服务有序推进。建议社工站针对评估中"
        "发现的问题制定整改计划，巩固服务成效。"
    )

    w.section(landscape=True)
    w.text(f"附件：{m.station}服务指标完成情况表", font=FONTS.heading, size=14, bold=True)
    w.text(
        f"统计周期：{m.assessment_printed}。表中“/”表示该项指标本期不适用。",
        size=11,
        align="left",
    )
    for _ in range(int(f.knobs["lead"])):
        w.text("", size=11)
    w.table(_annex(f))
    page_footer(w.doc, "plain", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    groups: list[tuple[str, tuple[str, ...]]] = [(a.name, (a.name,)) for a in t.areas]
    groups.append(("合计", TOTAL))
    head0: list[str | None] = ["服务类别", "服务指标"]
    head1: list[str | None] = [None, None]
    for label, _ in groups:
        head0 += [label, None, None]
        head1 += ["协议量", "完成量", "完成率"]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)]
    spans += [(0, 2 + 3 * k, 0, 4 + 3 * k) for k in range(len(groups))]
    staff: list[str | None] = ["人员配置", t.staff_label + "（名）"]
    for _, scope in groups:
        staff += [t.staff_printed[scope], None, None]
    rows = [head0, head1, staff]
    spans += [(2, 2 + 3 * k, 2, 4 + 3 * k) for k in range(len(groups))]
    for category, inds in CATEGORIES:
        first = len(rows)
        for j, ind in enumerate(inds):
            cells: list[str | None] = [category if j == 0 else None, ind.label]
            for _, scope in groups:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        if len(inds) > 1:
            spans.append((first, 0, len(rows) - 1, 0))
    n = len(groups)
    label_w = [2.0, 4.0]
    rest = (25.8 - sum(label_w)) / (3 * n)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=label_w + [rest] * (3 * n),
        ruling="grid",
        spans=spans,
        font_size=8.5,
        left_cols=2,
        row_height=26,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="一、…八、 评价 headings, （一）成效/（二）问题与建议 with 一是/二是 items, named "
    "片区, scores as a list; transposed annex (indicators as rows, 片区 column groups) on "
    "/Rotate 90 pages, one-decimal rates, continued without header inside a 服务类别",
    specs=SPECS,
    facts=facts,
    write=write,
)
