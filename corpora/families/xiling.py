"""溪岭 template (fictional evaluator 溪岭市明德社会工作发展评估中心) — third held-back split.

Printed on 16开 pages (184 × 260 mm, as reports bound as booklets are), 仿宋 四号 with a
fixed line pitch. A cover with a four-column 项目信息 form (two label │ value pairs a
row, some values spanning three columns). 一、项目概况; 二、评估说明 with the weights as
percentages and the bands as ranges with dashes (85分（含）以上, 70分（含）—85分);
三、评估得分: a weighted score table (评估主体 │ 权重 │ 评分（百分制） │ 加权得分, the parties'
own marks out of 100 beside the weighted scores that sum to the total, 合计 last) and
one sentence with the total and grade. 四、服务指标完成情况: 表1 lists the station's
indicators grouped by 服务领域 (兜底民生服务 / 专业服务 / 社区治理服务, merged down) with a
单位 column; a 中期 report prints the 年度指标 and the 中期指标 and computes the rate
against the 中期指标; rates are whole percentages (105%). 五、各方评估意见: parties as
（一）…（四）, labels 肯定方面 / 改进意见 with （1） items, the third party's part in one
sub-part per 服务领域; 六、下阶段工作建议 (the evaluator's own list).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Band,
    Ind,
    ReportFacts,
    Scores,
    grade_of,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "xiling"
CITY = "溪岭市"
EVALUATOR = "溪岭市明德社会工作发展评估中心"
TABLE = "表1"
WEIGHTS = {"buyer": 20, "monitor": 10, "supervision_centre": 15, "third_party": 55}
BANDS = [
    Band("优秀", 85, None),
    Band("良好", 70, 85),
    Band("合格", 60, 70),
    Band("不合格", None, 60),
]
DOMAINS: list[tuple[str, list[Ind]]] = [
    (
        "兜底民生服务",
        [
            Ind("registered", "households", "困难群众建档", "户"),
            Ind("phone_visits", "count", "电话慰问", "次"),
            Ind("home_visits", "count", "入户探访", "次"),
        ],
    ),
    (
        "专业服务",
        [
            Ind("casework", "opened", "个案服务", "个"),
            Ind("casework", "sessions", "个案面谈", "节"),
            Ind("groups", "count", "小组工作", "个"),
            Ind("groups", "sessions", "小组活动", "节"),
        ],
    ),
    (
        "社区治理服务",
        [
            Ind("community_events", "count", "社区活动", "场"),
            Ind("community_events", "attendances", "社区活动参与", "人次"),
            Ind("volunteers", "count", "志愿者招募", "名"),
            Ind("community_orgs", "count", "社区社会组织培育", "个"),
        ],
    ),
]
INDS = [ind for _, inds in DOMAINS for ind in inds]
RATE = RateStyle(decimals=0, sign=True)
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")

SPECS: list[Spec] = [
    {
        "name": "xiling_yunshan_2025_mid",
        "street": "云杉街",
        "district": "溪东区",
        "kind": "中期",
        "start": dt.date(2024, 10, 1),
        "assessed": 6,
        "funding": "198",
        "areas": 3,
        "errors": [],
    },
    {
        "name": "xiling_meilin_2024_mid",
        "street": "梅林镇",
        "district": "溪西区",
        "kind": "中期",
        "start": dt.date(2024, 3, 1),
        "assessed": 6,
        "funding": "176",
        "areas": 2,
        "errors": [("narrative", "home_visits/count", "done"), ("score_sum", None, None)],
    },
    {
        "name": "xiling_beian_2024_final",
        "street": "北岸街",
        "district": "溪东区",
        "kind": "末期",
        "start": dt.date(2023, 9, 1),
        "assessed": 11,
        "funding": "232",
        "areas": 4,
        "errors": [("grade_band", None, None), ("narrative", "casework/sessions", "pct")],
    },
]


def weighted_scores(rng: random.Random) -> tuple[dict[str, str], Scores]:
    """Each party's mark out of 100 (one decimal) and its weighted score (two decimals,
    rounded), which are what the total sums."""
    raw: dict[str, str] = {}
    weighted: dict[str, Decimal] = {}
    for p in PARTIES:
        mark = Decimal(str(rng.uniform(76, 97))).quantize(Decimal("0.1"), ROUND_HALF_UP)
        raw[p] = f"{mark}"
        weighted[p] = (mark * WEIGHTS[p] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = sum(weighted.values(), Decimal(0))
    return raw, Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
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
        operator=f"{CITY}{rng.choice(['同心', '邻里汇', '仁爱'])}社会工作服务中心",
        joiner="—",
        area_count=cn_numeral(n),
        months_printed=False,
    )
    # one row for the whole station, sized like n 片区
    table = make_table(rng, TABLE, INDS, [], RATE, CountStyle(), scale=n * spec["assessed"] / 10)
    raw, scores = weighted_scores(rng)
    f = ReportFacts(
        family=NAME,
        split="unseen",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=make_staffing(rng, total=3 * n + rng.randint(1, 3), months=spec["assessed"]),
        knobs={
            "page": "16开 184×260 mm",
            "cover": "four-column 项目信息 form, label │ value pairs",
            "headings": "一、…六、, parties （一）…（四） under 五、各方评估意见",
            "labels": "肯定方面/改进意见",
            "numbering": "（1）",
            "weights": "percentages in a sentence",
            "bands": "85/70/60 ranges with dashes, （含）",
            "scores": "weighted table: 权重 │ 评分（百分制） │ 加权得分, 合计 last",
            "table": "station rows grouped by 服务领域 (merged down), 单位 column",
            "mid_target": spec["kind"] == "中期",
            "rate": "whole percent",
            "areas": 0,
            "landscape": "",
            # 表1 runs onto the next page (inside 社区治理服务), its header not repeated
            "breaks": "表1|社区社会组织培育",
            "repeat_header": False,
            "header_word": "服务领域服务指标",
            "kind": spec["kind"],
        },
    )
    for kind, key, role in spec["errors"]:
        if kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key, role)
        elif kind == "score_sum":
            inject.score_sum(f, "1.00")
        elif kind == "grade_band":
            wrong = {"优秀": "良好", "良好": "合格", "合格": "良好"}[f.scores.grade]
            inject.grade_band(f, wrong)
    f.knobs["raw_marks"] = "/".join(raw[p] for p in PARTIES)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=14, line_spacing=28)


def _opinion(
    w: Writer, rng: random.Random, praise: int, concern: int, pools: tuple[str, str]
) -> None:
    w.label("肯定方面", "praise", colon="")
    for k, text in enumerate(pick(rng, pools[0], praise), start=1):
        w.item(f"（{k}）", text)
    w.label("改进意见", "concern", colon="")
    for k, text in enumerate(pick(rng, pools[1], concern), start=1):
        w.item(f"（{k}）", text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    raw = dict(zip(PARTIES, str(f.knobs["raw_marks"]).split("/"), strict=True))
    mid = f.knobs["mid_target"] is True
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    sec = w.doc.sections[0]
    sec.page_width, sec.page_height = Cm(18.4), Cm(26.0)
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.0)
    sec.left_margin = sec.right_margin = Cm(2.0)

    for _ in range(2):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font="宋体")
    w.text("")
    w.text("项目信息", size=14, bold=True, align="center", font=FONTS.heading, space_after=4)
    w.table(
        Grid(
            rows=[
                ["项目名称", m.station, None, None],
                ["承接机构", m.operator, None, None],
                ["购买单位", m.buyer, None, None],
                ["服务期限", m.contract_printed, "评估类型", f"{m.kind}评估"],
                ["评估期间", m.assessment_printed, "项目经费", f"{m.funding_wan}万元"],
                ["评估机构", m.evaluator, "报告日期", m.eval_date_printed],
            ],
            header_rows=0,
            widths=[2.3, 6.2, 2.3, 3.6],
            ruling="grid",
            spans=[(0, 1, 0, 3), (1, 1, 1, 3), (2, 1, 2, 3)],
            font_size=11,
            left_cols=4,
            row_height=30,
        )
    )
    w.page_break()

    w.heading("一、项目概况", 1)
    w.para(
        f"{m.station}（以下简称“社工站”）位于{m.address}，由{m.buyer}购买服务，"
        f"{m.operator}承接运营，服务期限为{m.contract_printed}，项目经费{m.funding_wan}万元。"
        f"社工站围绕兜底民生服务、专业服务和社区治理服务三个服务领域开展工作，"
        f"在辖区划分{m.area_count_printed}个片区设置驻点。"
    )
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名）。",
    )

    wt = sc.weights
    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组织评估小组，于{m.eval_date_printed}"
        f"对社工站{m.assessment_printed}的服务情况开展{m.kind}评估，"
        "采取听取汇报、查阅资料、实地察看和服务对象访谈相结合的方式进行。"
    )
    w.para(
        f"评估实行百分制，由购买方、监督方（区民政局）、市督导中心和第三方评估机构分别评分，"
        f"按权重折算后相加得出综合得分。各方权重为：购买方{wt['buyer']}%，"
        f"监督方{wt['monitor']}%，市督导中心{wt['supervision_centre']}%，"
        f"第三方评估机构{wt['third_party']}%。"
    )
    w.para(
        "评估等级：综合得分85分（含）以上为优秀；70分（含）—85分为良好；"
        "60分（含）—70分为合格；60分以下为不合格。"
    )

    w.heading("三、评估得分", 1)
    names = {
        "buyer": f"购买方（{buyer_short(m.street)}）",
        "monitor": f"监督方（{m.district}民政局）",
        "supervision_centre": "市督导中心",
        "third_party": "第三方评估机构",
    }
    s = sc.scores
    w.table(
        Grid(
            rows=[
                ["评估主体", "权重", "评分（百分制）", "加权得分"],
                *([names[p], f"{wt[p]}%", raw[p], s[p]] for p in PARTIES),
                ["合计", "100%", "—", sc.total],
            ],
            header_rows=1,
            widths=[5.6, 2.2, 3.2, 3.0],
            ruling="grid",
            font_size=11,
            bold_rows=[5],
            row_height=22,
        )
    )
    w.para(f"经综合评定，社工站本期{m.kind}评估综合得分为{sc.total}分，评估等级为“{sc.grade}”。")

    def c(key: str, role: str = "done") -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, percent(plain) if role == "pct" else plain)

    w.heading("四、服务指标完成情况", 1)
    against = "中期指标" if mid else "年度指标"
    w.para(
        "评估期内，社工站完成困难群众建档",
        c("registered/households"),
        "户、电话慰问",
        c("phone_visits/count"),
        "次、入户探访",
        c("home_visits/count"),
        "次；开展个案服务",
        c("casework/opened"),
        "个，个案面谈",
        c("casework/sessions"),
        f"节，完成{against}的",
        c("casework/sessions", "pct"),
        "；开展社区活动",
        c("community_events/count"),
        "场，招募志愿者",
        c("volunteers/count"),
        f"名。各项指标完成情况见表1（完成率按{against}计算）。",
    )
    w.text(
        f"表1  {m.street}社工站服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_before=4,
        space_after=4,
    )
    w.table(_table(f, mid))
    w.text("数据来源：社工站服务台账，经评估小组抽查核实。", size=10.5)

    w.heading("五、各方评估意见", 1)
    pools = ("un_praise", "un_concern")
    titles = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）评估意见", (1, 2), (1, 2)),
        ("monitor", f"（二）监督方（{m.district}民政局）评估意见", (1, 3), (1, 2)),
        ("supervision_centre", "（三）市督导中心评估意见", (2, 3), (1, 2)),
    ]
    for party, title, praise, concern in titles:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern), pools)
    w.heading("（四）第三方评估机构评估意见", 2, party="third_party")
    for k, (domain, _) in enumerate(DOMAINS, start=1):
        w.heading(f"{k}.{domain}", 3)
        _opinion(w, rng, rng.randint(1, 3), rng.randint(1, 2), pools)

    w.heading("六、下阶段工作建议" if mid else "六、工作建议", 1)
    w.para("1.对照年度指标梳理进度，对完成率偏低的指标制定专项推进计划。")
    w.para("2.加强服务过程记录，做到服务数据与台账一致、可追溯。")
    w.para("3.深化与社区居委会、辖区单位的协作，拓展社区治理服务的参与面。")
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    page_footer(w.doc, "of_total", FONTS.body)
    return w


def _table(f: ReportFacts, mid: bool) -> Grid:
    t = f.table(TABLE)
    counts = ["年度指标", "中期指标", "完成量"] if mid else ["年度指标", "完成量"]
    rows: list[list[str | None]] = [["服务领域", "服务指标", "单位", *counts, "完成率"]]
    spans: list[tuple[int, int, int, int]] = []
    annual = 12 // f.meta.months if mid else 1
    for domain, inds in DOMAINS:
        first = len(rows)
        for j, ind in enumerate(inds):
            target = t.cell(TOTAL, ind, "target")
            cells = [t.target[(TOTAL, ind.key)] * annual] if mid else []
            rows.append(
                [
                    domain if j == 0 else None,
                    ind.label,
                    ind.unit,
                    *(t.count.format(n) for n in cells),
                    target,
                    t.cell(TOTAL, ind, "done"),
                    t.cell(TOTAL, ind, "pct"),
                ]
            )
        spans.append((first, 0, len(rows) - 1, 0))
    widths = [2.6, 3.4, 1.3, 1.8, 1.8, 1.8, 1.6] if mid else [2.8, 3.9, 1.4, 2.2, 2.2, 1.8]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=widths,
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=2,
        row_height=22,
    )


FAMILY = Family(
    name=NAME,
    split="unseen",
    summary="16开 pages, four-column 项目信息 cover form, weighted score table (权重 │ "
    "评分（百分制） │ 加权得分), bands as dash ranges; station indicators grouped by 服务领域 "
    "with a 单位 column, 年度指标 and 中期指标 columns in 中期 reports (rate against the "
    "中期指标), whole-percent rates; 肯定方面/改进意见 with （1） items, the third party per "
    "服务领域",
    specs=SPECS,
    facts=facts,
    write=write,
)
