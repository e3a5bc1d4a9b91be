"""白云 template (fictional evaluator 枫港市白云社会工作评估所) — validation split.

第一部分…第五部分 headings; the parties' opinions labelled 成效 / 改进方向 (items
（1）), the third party's 亮点 / 不足与建议 (items 1.); Chinese numerals in the staffing
text. Scores in a two-column table (评估主体 | 得分（分）, 总分, 评估等级) after the
boilerplate "评估总分为100分" and the band definitions. The indicator table is a Word
three-line table with headers merged over three levels (group › 接案数/服务节数/结案数
› 协议量/完成量/完成率（%）), one row per 社工点 grouped by named 片区 (merged down)
with a 小计 per 片区 and a 总计; rates without % and thousands separators; it is drawn
on landscape pages encoded as portrait MediaBoxes with /Rotate 90, and continues on the
next page without its header.
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
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, staff_fig, thousands
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "baiyun"
CITY = "枫港市"
EVALUATOR = "枫港市白云社会工作评估所"
TABLE = "附表"
WEIGHTS = {"monitor": 10, "buyer": 20, "supervision_centre": 15, "third_party": 55}
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("casework", "opened", "个案服务/接案数", "个"),
    Ind("casework", "sessions", "个案服务/服务节数", "节"),
    Ind("casework", "closed", "个案服务/结案数", "个"),
    Ind("groups", "count", "小组服务", "个"),
]
RATE = RateStyle(decimals=2, sign=False)
PCT = percent(thousands)
COMMUNITIES = (
    "桂香 银湖 枫林 松涛 荷塘 梅林 竹韵 兰苑 桃李 杏坛 望海 观澜 沙井 泉水 青云 玉泉 丹桂 石湾"
).split()

SPECS: list[Spec] = [
    {
        "name": "baiyun_jingui_2024_final",
        "street": "金桂街",
        "district": "白云区",
        "kind": "末期",
        "start": dt.date(2023, 12, 1),
        "assessed": 10,
        "funding": "245",
        "areas": {"金桂片区": 4, "银杏片区": 3, "枫桥片区": 4},
        "breaks": "荷塘社区|小计",
        "errors": [],
    },
    {
        "name": "baiyun_yinxing_2024_mid",
        "street": "银杏街",
        "district": "白云区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "220",
        "areas": {"银杏片区": 4, "松涛片区": 4, "荷塘片区": 3},
        "breaks": "玉泉社区|小计",
        "errors": [("sum_cell", TOTAL, "casework/sessions")],
    },
    {
        "name": "baiyun_songtao_2023_final",
        "street": "松涛镇",
        "district": "海湾区",
        "kind": "末期",
        "start": dt.date(2022, 10, 1),
        "assessed": 10,
        "funding": "260",
        "areas": {"松涛片区": 3, "梅林片区": 3, "观澜片区": 3, "沙井片区": 3},
        "breaks": "枫林社区|青云社区",
        "errors": [
            ("narrative", TOTAL, "registered/households"),
            ("row_pct", "area", "groups/count"),
        ],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    plan: dict[str, int] = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['暖阳', '益群', '心桥'])}社会工作服务中心",
        area_count=cn_numeral(len(plan), liang=True),
    )
    free = [c for c in COMMUNITIES if not any(a.startswith(c) for a in plan)]
    names = rng.sample(free, sum(plan.values()))
    areas, k = [], 0
    for area, n in plan.items():
        areas.append(Area(area, tuple(f"{c}社区" for c in names[k : k + n])))
        k += n
    table = make_table(
        rng, TABLE, INDS, areas, RATE, CountStyle(thousands=True), scale=spec["assessed"] / 10 * 1.6
    )
    staffing = make_staffing(rng, total=len(names) + 3, months=spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split="validation",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, standard_bands()),
        staffing=staffing,
        knobs={
            "headings": "第一部分…第五部分",
            "labels": "成效/改进方向 (parties), 亮点/不足与建议 (third party)",
            "numbering": "（1）; 1.",
            "numerals": "Chinese in staffing text",
            "scores": "two-column table after 评估总分为100分 and band definitions",
            "table": "three_line, 3-level header, 社工点 rows, named 片区 merged, 小计, 总计",
            "rate": "no % sign, 2 decimals",
            "thousands": True,
            "areas": "named: " + "/".join(plan),
            "posts": len(names),
            "landscape": "rotate90",
            "rotate": 90,
            "breaks": spec["breaks"],
            "repeat_header": False,
            "header_word": "协议量",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, where, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, where, key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[2].name,), key, shift="-25")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion(
    w: Writer,
    rng: random.Random,
    pool: str,
    praise: int,
    concern: int,
    words: tuple[str, str] = ("成效", "改进方向"),
    mark: str = "（{k}）",
    area: str | None = None,
) -> None:
    w.label(words[0], "praise")
    for k, text in enumerate(pick(rng, f"{pool}_praise", praise, area), start=1):
        w.item(mark.format(k=k), text)
    w.label(words[1], "concern")
    if concern == 0:
        w.none("无。")
    for k, text in enumerate(pick(rng, f"{pool}_concern", concern, area), start=1):
        w.item(mark.format(k=k), text)


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(TABLE)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(6):
        w.text("")
    w.text(f"{m.station}", size=22, bold=True, align="center")
    w.text(f"{m.year}年度{m.kind}评估报告", size=18, align="center", space_before=8)
    for _ in range(12):
        w.text("")
    w.text(f"{m.evaluator}", size=14, align="center")
    w.text(cn_date(m.eval_date), size=14, align="center")
    w.page_break()

    w.heading("第一部分 项目概况", 1)
    w.para(
        f"{m.station}坐落于{m.address}，承接机构为{m.operator}，购买方为{m.buyer}。服务周期"
        f"{m.contract_printed}，项目资金{m.funding_wan}万元。社工站按地域设"
        f"{m.area_count_printed}个片区、{cn_numeral(len([p for a in t.areas for p in a.posts]))}"
        "个社工点。"
    )
    w.heading("第二部分 评估说明", 1)
    wt = sc.weights
    w.para(
        f"{m.evaluator}于{m.eval_date_printed}对社工站开展{m.kind}评估，评估周期为"
        f"{m.assessment_printed}，共{m.months}个月。评估总分为100分，区民政局、街道（镇）、"
        f"市督导中心、第三方评估机构评分分别占{wt['monitor']}%、{wt['buyer']}%、"
        f"{wt['supervision_centre']}%、{wt['third_party']}%。总分在90分（含）以上为优秀，"
        "80分（含）至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )
    w.heading("第三部分 各方评估意见", 1)
    parties = [
        ("monitor", f"一、{m.district}民政局", "monitor", (2, 3), (0, 2)),
        ("buyer", f"二、{buyer_short(m.street)}", "buyer", (1, 2), (0, 1)),
        ("supervision_centre", "三、市督导中心", "supervision", (2, 3), (1, 2)),
    ]
    for party, title, pool, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, pool, rng.randint(*praise), rng.randint(*concern))
    w.heading("四、第三方评估机构", 2, party="third_party")
    w.heading("（一）团队建设", 3)
    w.para(
        "社工站现有社工",
        staff_fig(cn_numeral(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(cn_numeral(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(cn_numeral(st.mid_level, liang=True), st.mid_level, "mid_level_count"),
        "名），非持证社工",
        staff_fig(cn_numeral(st.uncertified, liang=True), st.uncertified, "uncertified_count"),
        "名。",
    )
    third = ("亮点", "不足与建议")
    _opinion(w, rng, "management", rng.randint(1, 2), rng.randint(1, 2), third, "{k}.")
    w.heading("（二）指标完成", 3)

    def c(scope: Scope, key: str, role: str = "done") -> Fig:
        return cell_fig(f, TABLE, scope, key, role, PCT if role == "pct" else thousands)

    w.para(
        "本期社工站完成困难群众建档",
        c(TOTAL, "registered/households"),
        "户、个案接案",
        c(TOTAL, "casework/opened"),
        "个、个案服务",
        c(TOTAL, "casework/sessions"),
        "节，完成率依次为",
        c(TOTAL, "registered/households", "pct"),
        "、",
        c(TOTAL, "casework/opened", "pct"),
        "、",
        c(TOTAL, "casework/sessions", "pct"),
        "，各社工点完成情况见附表。",
    )
    for a in t.areas:
        w.heading(f"{a.name}", 4, area=a.name)
        w.para(
            f"{a.name}共{cn_numeral(len(a.posts))}个社工点，建档",
            c((a.name,), "registered/households"),
            "户，开展小组",
            c((a.name,), "groups/count"),
            "个，完成率",
            c((a.name,), "groups/count", "pct"),
            "。",
        )
        _opinion(w, rng, "area", 1, rng.randint(0, 1), third, "{k}.", a.name)

    w.heading("第四部分 评估结果", 1)
    s = sc.scores
    w.para("经汇总四方评分，社工站本期评估结果如下：")
    w.table(
        Grid(
            rows=[
                ["评估主体", "得分（分）"],
                ["区民政局", s["monitor"]],
                ["街道（镇）", s["buyer"]],
                ["市督导中心", s["supervision_centre"]],
                ["第三方评估机构", s["third_party"]],
                ["总分", sc.total],
                ["评估等级", sc.grade],
            ],
            header_rows=1,
            widths=[5.0, 4.0],
            ruling="three_line",
            rules_under=[4],
            font_size=11,
        )
    )
    w.heading("第五部分 结语", 1)
    w.para("社工站各社工点服务扎实，希望继续加强片区统筹，提升服务的专业深度。")

    w.section(landscape=True)
    w.text("附表", font=FONTS.heading, bold=True)
    w.text(f"{m.station}各社工点服务指标完成情况", font=FONTS.heading, size=14, align="center")
    w.table(_annex(f))
    page_footer(w.doc, "dash", FONTS.body)
    return w


def _annex(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    roles = ["协议量", "完成量", "完成率（%）"]
    head0: list[str | None] = ["片区", "社工点", "困难群众建档", None, None, "个案服务"]
    head0 += [None] * 8 + ["小组服务", None, None]
    head1: list[str | None] = [None] * 5 + ["接案数", None, None, "服务节数", None, None]
    head1 += ["结案数", None, None, None, None, None]
    head2: list[str | None] = [None, None] + roles * 5
    rows = [head0, head1, head2]
    spans = [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 1, 4), (0, 5, 0, 13), (0, 14, 1, 16)]
    spans += [(1, 5, 1, 7), (1, 8, 1, 10), (1, 11, 1, 13)]
    for a in t.areas:
        first = len(rows)
        for scope in [*((a.name, p) for p in a.posts), (a.name,)]:
            label = scope[1] if len(scope) == 2 else "小计"
            cells: list[str | None] = [a.name if len(rows) == first else None, label]
            for ind in INDS:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
    cells = ["总计", None]
    for ind in INDS:
        cells += [t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")]
    rows.append(cells)
    spans.append((len(rows) - 1, 0, len(rows) - 1, 1))
    return Grid(
        rows=rows,
        header_rows=3,
        widths=[1.9, 2.0] + [1.45] * 15,
        ruling="three_line",
        spans=spans,
        font_size=8.5,
        left_cols=2,
        group_rules=[(0, 5, 13), (1, 5, 13)],
        row_height=26,
    )


FAMILY = Family(
    name=NAME,
    split="validation",
    summary="第一部分…第五部分, 成效/改进方向 and 亮点/不足与建议, Chinese numerals, two-column "
    "score table; three-line 3-level-header table of 社工点 rows with 小计 per named 片区 "
    "and 总计, rates without %, thousands, on /Rotate 90 pages continued without header",
    specs=SPECS,
    facts=facts,
    write=write,
)
