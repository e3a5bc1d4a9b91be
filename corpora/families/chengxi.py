"""城西 template (fictional evaluator 临澈市城西社会服务评估中心) — validation split.

Parties in another order (购买方, 监督方, 第三方, 督导中心), labels 亮点 / 问题与建议
with items 1) 2), each list ending with a one-line remark followed directly by the next
label. Weights 10/20/10/60 in a table, bands 85/75/60 as a list with ≥; scores with one
decimal in a list. 片区 named by direction (东片, 西片 …) with full-width digits in
their sections. The indicator table is transposed (indicators as rows, 服务类别 merged
down, a 单位 column, each 片区 a column group, 合计 last) with zebra shading, rates to one
decimal truncated, "—" for not applicable, its header repeated on the next page, on a
landscape MediaBox. 附件2 is a staff roster grouped by named teams with vertical rules.
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
    Band,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_staffing,
    make_table,
    set_cell,
)
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig, wide
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "chengxi"
CITY = "临澈市"
EVALUATOR = "临澈市城西社会服务评估中心"
TABLE = "附件1"
WEIGHTS = {"buyer": 20, "monitor": 10, "third_party": 60, "supervision_centre": 10}
BANDS = [
    Band("优秀", 85, None),
    Band("良好", 75, 85),
    Band("合格", 60, 75),
    Band("不合格", None, 60),
]
CATEGORIES: list[tuple[str, list[Ind]]] = [
    (
        "兜底民生",
        [
            Ind("registered", "households", "困难群众和特殊群体建档", "户"),
            Ind("phone_visits", "count", "电话访问", "次"),
            Ind("home_visits", "count", "入户探访", "次"),
        ],
    ),
    (
        "个案工作",
        [
            Ind("casework", "opened", "个案接案", "个"),
            Ind("casework", "sessions", "个案服务", "节"),
        ],
    ),
    (
        "小组工作",
        [
            Ind("groups", "count", "小组", "个"),
            Ind("groups", "sessions", "小组", "节"),
            Ind("groups", "attendances", "小组", "人次"),
        ],
    ),
    (
        "社区工作",
        [
            Ind("community_events", "count", "社区活动", "场"),
            Ind("small_events", "count", "中小型活动", "场"),
            Ind("community_funds", "count", "社区基金", "个", applicable=False),
        ],
    ),
    (
        "志愿服务",
        [
            Ind("volunteers", "count", "新增志愿者", "名"),
            Ind("volunteer_hours", "hours", "志愿服务时数", "小时"),
        ],
    ),
]
INDS = [i for _, inds in CATEGORIES for i in inds]
RATE = RateStyle(decimals=1, sign=True, truncate=True)
PCT = percent(plain)
TEAMS = {"东片": "东片社工组", "西片": "西片社工组", "南片": "南片社工组", "北片": "北片社工组"}

SPECS: list[Spec] = [
    {
        "name": "chengxi_xiguan_2024_final",
        "street": "西关街",
        "district": "城西区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "funding": "235",
        "areas": ["东片", "西片", "北片"],
        "pin": ("西片", "home_visits/count", 320, 308),
        "errors": [],
    },
    {
        "name": "chengxi_hebin_2024_mid",
        "street": "河滨街",
        "district": "城西区",
        "kind": "中期",
        "start": dt.date(2024, 2, 1),
        "assessed": 6,
        "funding": "205",
        "areas": ["东片", "西片", "南片", "北片"],
        "pin": ("南片", "registered/households", 160, 154),
        "errors": [("narrative", ("东片",), "home_visits/count"), ("score_sum", None, None)],
    },
    {
        "name": "chengxi_wanggang_2023_final",
        "street": "望岗镇",
        "district": "临北区",
        "kind": "末期",
        "start": dt.date(2022, 11, 1),
        "assessed": 10,
        "funding": "180",
        "areas": ["东片", "西片"],
        "pin": ("东片", "phone_visits/count", 400, 385),
        "errors": [("total_pct_sum", TOTAL, "casework/opened")],
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
        operator=f"{CITY}{rng.choice(['携手', '明灯', '同舟'])}社会工作服务社",
        date=lambda d: cn_date(d, spaced=True),
        area_count=cn_numeral(len(names), liang=True),
    )
    table = make_table(
        rng,
        TABLE,
        INDS,
        [Area(a) for a in names],
        RATE,
        CountStyle(),
        na="—",
        scale=spec["assessed"] / 10 * 1.3,
    )
    area, key, target, done = spec["pin"]
    set_cell(table, (area,), key, target, done)  # 96.25 → 96.2%: truncation, not an error
    teams = ["站务组"] + [TEAMS[a] for a in names]
    staffing = make_staffing(rng, 4 * len(names) + rng.randint(2, 5), spec["assessed"], teams)
    f = ReportFacts(
        family=NAME,
        split="validation",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, decimals=1),
        staffing=staffing,
        knobs={
            "headings": "一、…八、, parties ordered buyer/monitor/third party/supervision",
            "labels": "亮点/问题与建议",
            "numbering": "1)",
            "areas": "named without 区: " + "/".join(names),
            "digits": "full-width in 片区 narrative",
            "weights": "10/20/10/60 table",
            "bands": "85/75/60 list with ≥",
            "scores": "list, one decimal",
            "table": "transposed, 单位 column, zebra shading, header repeated, — n/a",
            "rate": "1 decimal, truncated",
            "roster": True,
            "landscape": "mediabox",
            "repeat_header": True,
            "header_word": "服务类别",
            "header_pages": 2,
            "kind": spec["kind"],
        },
    )
    for kind, scope, key in spec["errors"]:
        if kind == "narrative":
            inject.narrative(f, TABLE, scope, key)
        elif kind == "score_sum":
            inject.score_sum(f, "-1.0")
        elif kind == "total_pct_sum":
            inject.total_pct_sum(f, TABLE, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion(
    w: Writer, rng: random.Random, pool: str, praise: int, concern: int, area: str | None = None
) -> None:
    w.label("亮点", "praise")
    texts = pick(rng, f"{pool}_praise", praise - 1, area) + pick(rng, "short_praise", 1)
    for k, text in enumerate(texts, start=1):
        w.item(f"{k}）", text)
    w.label("问题与建议", "concern")
    if concern == 0:
        w.none("无。")
        return
    texts = pick(rng, f"{pool}_concern", concern - 1, area) + pick(rng, "short_concern", 1)
    for k, text in enumerate(texts, start=1):
        w.item(f"{k}）", text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(7):
        w.text("")
    w.text(m.station, size=22, bold=True, align="center")
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center")
    for _ in range(12):
        w.text("")
    w.text(m.evaluator, size=14, align="center")
    w.text(f"{m.eval_date.year}年{m.eval_date.month}月", size=14, align="center")
    w.page_break()

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}由{m.operator}运营，服务地址为{m.address}。本项目由{m.buyer}购买，"
        f"服务期为{m.contract_printed}，经费{m.funding_wan}万元。社工站设"
        f"{'、'.join(a.name for a in t.areas)}{m.area_count_printed}个片区。"
    )
    w.heading("二、评估说明", 1)
    w.para(
        f"{m.evaluator}于{m.eval_date_printed}开展{m.kind}评估，考核期为{m.assessment_printed}"
        f"（{m.months}个月）。评估总分为100分，各方分值占比如下表："
    )
    wt = sc.weights
    w.table(
        Grid(
            rows=[
                ["评估主体", "分值占比"],
                ["购买方（街道办事处/镇政府）", f"{wt['buyer']}%"],
                ["监督方（区民政局）", f"{wt['monitor']}%"],
                ["第三方评估机构", f"{wt['third_party']}%"],
                ["市督导中心", f"{wt['supervision_centre']}%"],
            ],
            header_rows=1,
            widths=[6.5, 3.0],
            ruling="vertical",
            font_size=10.5,
        )
    )
    w.para("评估等级：")
    w.para("优秀：总分≥85分；")
    w.para("良好：75分≤总分＜85分；")
    w.para("合格：60分≤总分＜75分；")
    w.para("不合格：总分＜60分。")

    w.heading(f"三、购买方（{buyer_short(m.street)}）意见", 1, party="buyer")
    _opinion(w, rng, "buyer", rng.randint(1, 2), rng.randint(0, 1))
    w.heading(f"四、监督方（{m.district}民政局）意见", 1, party="monitor")
    _opinion(w, rng, "monitor", rng.randint(2, 3), rng.randint(0, 2))
    w.heading("五、第三方评估机构意见", 1, party="third_party")
    w.heading("（一）团队管理", 2)
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名（持证",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名，非持证",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名），分为站务组和各片区社工组，名单见附件2。",
    )
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2))
    w.heading("（二）服务指标", 2)

    def c(scope: Scope, key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, scope, key, role, PCT if role == "pct" else show)

    w.para(
        "考核期内，社工站建档",
        c(TOTAL, "registered/households"),
        "户、电话访问",
        c(TOTAL, "phone_visits/count"),
        "次、入户探访",
        c(TOTAL, "home_visits/count"),
        "次；个案接案",
        c(TOTAL, "casework/opened"),
        "个，完成率",
        c(TOTAL, "casework/opened", "pct"),
        "；开展小组",
        c(TOTAL, "groups/count"),
        "个。详见附件1。",
    )
    _opinion(w, rng, "service", rng.randint(2, 3), rng.randint(1, 2))
    for i, a in enumerate(t.areas, start=3):
        scope = (a.name,)
        w.heading(f"（{'一二三四五六七'[i - 1]}）{a.name}", 2, area=a.name)
        w.para(
            f"{a.name}由{TEAMS[a.name]}负责，完成入户探访",
            c(scope, "home_visits/count", show=wide),
            "次，完成率",
            c(scope, "home_visits/count", "pct"),
            "；建档",
            c(scope, "registered/households", show=wide),
            "户。",
        )
        _opinion(w, rng, "area", rng.randint(1, 2), rng.randint(0, 2), a.name)
    w.heading("六、市督导中心意见", 1, party="supervision_centre")
    _opinion(w, rng, "supervision", rng.randint(2, 3), rng.randint(1, 2))
    w.heading("七、评估得分", 1)
    s = sc.scores
    w.para(f"1.购买方评分：{s['buyer']}分；")
    w.para(f"2.监督方评分：{s['monitor']}分；")
    w.para(f"3.第三方评估机构评分：{s['third_party']}分；")
    w.para(f"4.市督导中心评分：{s['supervision_centre']}分。")
    w.para(f"综上，社工站本期评估总分为{sc.total}分，评估等级为“{sc.grade}”。")
    w.heading("八、结语", 1)
    w.para("希望社工站坚持问题导向，持续完善片区服务，提升服务对象获得感。")

    w.section(landscape=True)
    w.text("附件1", font=FONTS.heading, bold=True)
    w.text(f"{m.station}服务指标完成情况", font=FONTS.heading, size=14, align="center")
    w.table(_annex(f))
    w.text("注：“—”表示该项指标本期未设置。", size=10)
    w.section(landscape=False)
    w.text("附件2", font=FONTS.heading, bold=True)
    w.text(f"{m.station}社工名单", font=FONTS.heading, size=14, align="center", space_after=4)
    w.table(_roster(f))
    page_footer(w.doc, "of_total", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    groups: list[tuple[str, Scope]] = [(a.name, (a.name,)) for a in t.areas] + [("合计", TOTAL)]
    head0: list[str | None] = ["服务类别", "服务指标", "单位"]
    head1: list[str | None] = [None, None, None]
    for label, _ in groups:
        head0 += [label, None, None]
        head1 += ["协议量", "完成量", "完成率"]
    rows = [head0, head1]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2)]
    spans += [(0, 3 + 3 * k, 0, 5 + 3 * k) for k in range(len(groups))]
    for category, inds in CATEGORIES:
        first = len(rows)
        for j, ind in enumerate(inds):
            cells: list[str | None] = [category if j == 0 else None, ind.label, ind.unit]
            for _, scope in groups:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
    n = len(groups)
    label_w = [1.7, 3.2, 0.9]
    return Grid(
        rows=rows,
        header_rows=2,
        widths=label_w + [(25.6 - sum(label_w)) / (3 * n)] * (3 * n),
        ruling="zebra",
        spans=spans,
        font_size=7.5,
        repeat_header=True,
        left_cols=3,
        row_height=32,
    )


def _roster(f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    rows: list[list[str | None]] = [["序号", "姓名", "所属小组", "岗位", "资质"]]
    spans = []
    for team in dict.fromkeys(p.team for p in st.roster):
        first = len(rows)
        for p in (p for p in st.roster if p.team == team):
            rows.append(
                [
                    str(p.seq),
                    p.name,
                    team if len(rows) == first else None,
                    p.position,
                    p.qualification,
                ]
            )
        spans.append((first, 2, len(rows) - 1, 2))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.4, 2.6, 3.0, 3.0, 3.0],
        ruling="vertical",
        spans=spans,
        font_size=10.5,
        left_cols=0,
        row_height=18,
    )


FAMILY = Family(
    name=NAME,
    split="validation",
    summary="parties ordered buyer/monitor/third party/supervision, 亮点/问题与建议 with "
    "one-line last items, weights 10/20/10/60 table, bands 85/75/60 with ≥, one-decimal "
    "scores; transposed zebra annex with a 单位 column, truncated one-decimal rates, —, "
    "header repeated, 东片/西片 with full-width digits, roster by teams (vertical rules)",
    specs=SPECS,
    facts=facts,
    write=write,
)
