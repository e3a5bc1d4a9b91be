"""蓝田 template (fictional evaluator 沅州市蓝田社会工作评估中心) — seventh held-back split.

Portrait A4 with narrower side margins (2.5 cm), 宋体 小四, a plain cover (station,
年度中期/末期评估报告, 委托单位, 评估单位, date), "- X -" footers. 一、项目基本情况 in running
text (a staffing sentence with the certified/uncertified counts, pointing to the roster);
二、评估工作开展情况 with the weights and the bands as sentences. 三、服务指标完成情况: a
narrative paragraph of station totals (an unplanned indicator "无协议指标" and a 片区's zero
completion among them), then one indicator table 表1 too wide for the page, typed as two
tables one under the other (the first five indicators, then the other five), each
repeating the 片区 column, each with its caption BELOW it (Word's "below selected item":
表1  各片区服务指标完成情况（一） / （二）); in every indicator group the 协议量 and the
完成量 are stacked in ONE cell (协议量 above 完成量, a line break inside the cell) with the
完成率 in its own column; units in each indicator's header, typed with full-width and
half-width brackets mixed (个案服务（节）, 电话探访(人次)); 咨询、偶到服务 has no target ("/"
over the completion, rate "/"); a 片区 that completed none of its target prints 0 and
"0.00%". A 注 under the second caption explains the stacking. 四、各方评估意见: （一）…(四)
per party (brackets mixed as typed), each a run-in paragraph 优点：（1）……；（2）……。, one
不足：（1）……。 (or 不足：无。) and one 建议：（1）……。 — the suggestions are neither praise nor
concern. 五、评估结果: a score table 表2 (caption below) 评估主体 │ 权重 │ 得分 │ 加权分, no
合计 row; the total in a sentence, rounded to one decimal (the weighted scores have
two), and the grade. 六、结语. 附件：社工人员花名册 序号 │ 姓名 │ 性别 │ 年龄 │ 学历 │ 岗位 │
入职时间 │ 持证（是/否）.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scores,
    Table,
    grade_of,
    make_staffing,
    make_table,
    set_cell,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "lantian"
SPLIT = "vault"
CITY = "沅州市"
EVALUATOR = "沅州市蓝田社会工作评估中心"
WEIGHTS = {"buyer": 25, "monitor": 10, "supervision_centre": 15, "third_party": 50}
BANDS = standard_bands(90, 80, 60)
LABEL = "表1"
SCORE_LABEL = "表2"
CAPTIONS = (
    f"{LABEL}  各片区服务指标完成情况（一）",
    f"{LABEL}  各片区服务指标完成情况（二）",
)
SCORE_CAPTION = f"{SCORE_LABEL}  四方评分情况"
# the first five indicators in the first table, the other five in the second; units in
# the header, brackets as typed (full-width and half-width mixed)
INDS_A = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("phone_visits", "count", "电话探访(人次)", "人次"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "opened", "个案开案(个)", "个"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
]
INDS_B = [
    Ind("groups", "sessions", "小组服务(节)", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("community_events", "attendances", "活动参与(人次)", "人次"),
    Ind("community_orgs", "count", "社区组织培育（个）", "个"),
    Ind("walk_in", "count", "咨询、偶到服务(人次)", "人次"),
]
UNPLANNED = "walk_in/count"  # no target in the contract: "/" over the completion
ZERO = "community_orgs/count"  # one 片区 completed none of its target: 0 and 0.00%
RATE = RateStyle(decimals=2)
AREA_NAMES = "河东 河西 城北 城南 新村 桥头 龙潭 白沙".split()
MARKS = [f"（{k}）" for k in range(1, 10)]

SPECS: list[Spec] = [
    {
        "name": "lantian_xiaohe_2025_final",
        "street": "小河街",
        "district": "沅江区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "148",
        "areas": 4,
        "zero_area": 2,
        "zero_concern": "monitor",
        "staff": 11,
        "level": (0.82, 0.95),
        "errors": [],
    },
    {
        "name": "lantian_baisha_2025_mid",
        "street": "白沙镇",
        "district": "沅北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "126",
        "areas": 5,
        "zero_area": 4,
        "zero_concern": "buyer",
        "staff": 13,
        "level": (0.8, 0.93),
        "errors": [
            ("sum_cell", "community_events/attendances", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "lantian_yuntai_2024_final",
        "street": "云台街",
        "district": "沅江区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "135",
        "areas": 3,
        "zero_area": 0,
        "zero_concern": "supervision_centre",
        "staff": 9,
        "level": (0.8, 0.9),
        "errors": [
            ("row_pct", "home_visits/count", 1),
            ("score_sum", "1.0", None),
        ],
    },
]


class Extra:
    """What the report prints besides the gold: each party's mark out of 100 (得分), and
    the roster's 性别, 年龄, 学历, 入职时间."""

    def __init__(self) -> None:
        self.marks: dict[str, str] = {}
        self.people: dict[int, tuple[str, str, str, str]] = {}
        self.zero_area = ""


EXTRA: dict[str, Extra] = {}


def _scores(rng: random.Random, level: tuple[float, float], ex: Extra) -> Scores:
    """Each party's mark out of 100 with one decimal, its weighted score (加权分) the mark
    times the weight, rounded to two decimals; the total the sum of the weighted scores,
    printed rounded to one decimal, its grade the band of the printed total."""
    weighted: dict[str, Decimal] = {}
    for party, weight in WEIGHTS.items():
        mark = Decimal(str(100 * rng.uniform(*level))).quantize(Decimal("0.1"), ROUND_HALF_UP)
        ex.marks[party] = f"{mark}"
        weighted[party] = (mark * weight / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    exact = sum(weighted.values(), Decimal(0))
    total = exact.quantize(Decimal("0.1"), ROUND_HALF_UP)
    grade = grade_of(total, BANDS)
    if grade != grade_of(exact, BANDS):
        raise ValueError(f"{exact} rounds to {total} across a band edge: choose another level")
    return Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
        grade=grade,
    )


def _unplanned(t: Table) -> None:
    """No target in the contract: the 协议量 and the 完成率 print "/" in every row; the
    completions are counted and added up as any other."""
    for scope in t.scopes():
        t.printed[(scope, UNPLANNED, "target")] = "/"
        t.printed[(scope, UNPLANNED, "pct")] = "/"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['明德', '众合', '春晖'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(
        rng, LABEL, INDS_A + INDS_B, areas, RATE, CountStyle(), scale=spec["assessed"] / 10
    )
    zero = (areas[spec["zero_area"]].name,)
    set_cell(table, zero, ZERO, table.target[(zero, ZERO)], 0)
    _unplanned(table)
    ex = Extra()
    ex.zero_area = zero[0]
    EXTRA[spec["name"]] = ex
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"], teams=["社工站"])
    staffing.roster = [
        dataclasses.replace(p, qualification="是" if p.certified else "否") for p in staffing.roster
    ]
    for p in staffing.roster:
        back = rng.randint(2, 60)
        start = meta.contract[0]
        y, mo = divmod(start.year * 12 + start.month - 1 - back, 12)
        ex.people[p.seq] = (
            rng.choice("男女女"),
            str(rng.randint(23, 48)),
            rng.choice(["本科", "本科", "大专", "硕士研究生"]),
            f"{y}年{mo + 1}月",
        )
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=_scores(rng, spec["level"], ex),
        staffing=staffing,
        knobs={
            "cover": "plain cover: station, report title, 委托单位, 评估单位, date",
            "footer": "- X -",
            "headings": "一、…六、 with （一）(二)（三）(四) party subsections, brackets mixed",
            "labels": "优点/不足 run-in paragraphs of （1）（2） clauses, then 建议 (not in "
            "the gold)",
            "numbering": "（1）",
            "zero_concern": spec["zero_concern"],
            "weights": "sentence",
            "bands": "sentence, 90/80/60 with （含）/(含)",
            "scores": "表2 评估主体/权重/得分/加权分 without 合计, the total in a sentence "
            "rounded to one decimal",
            "raw_marks": "得分 (marks out of 100, one decimal) beside the 加权分: not in the gold",
            "table": "one 表1 typed as two tables one under the other (five indicators "
            "each, 片区 column repeated), 协议量 over 完成量 in one cell, 完成率 beside",
            "stacked": "协议量 above 完成量 in one cell (line break)",
            "captions": "below the tables",
            "captions_below": f"合计|{CAPTIONS[0]};合计|{CAPTIONS[1]};"
            f"第三方评估机构|{SCORE_CAPTION}",
            "units": "in each indicator's header, brackets mixed",
            "unplanned": "咨询、偶到服务: 协议量 and 完成率 '/', completions counted",
            "zero_completion": f"{zero[0]} 社区组织培育 0, 0.00%",
            "rate": "2 decimals with %",
            "areas": n,
            "roster": True,
            "roster_form": "附件 社工人员花名册: 性别/年龄/学历/岗位/入职时间/持证（是/否）",
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10.00")
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            inject.score_sum(f, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "（一）购买方评估意见"),
    ("monitor", "(二)区民政局评估意见"),
    ("supervision_centre", "（三）市社工督导中心评估意见"),
    ("third_party", "(四)第三方评估机构评估意见"),
]
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "市社工督导中心",
    "third_party": "第三方评估机构",
}


def _indicator_grid(t: Table, inds: list[Ind]) -> Grid:
    """片区 │ per indicator: 协议量 over 完成量 (one cell, a line break) │ 完成率."""
    rows: list[list[str | None]] = [
        ["片区", *(x for ind in inds for x in (ind.label, None))],
        [None, *(x for _ in inds for x in ("协议量\n完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 2 * k, 0, 2 + 2 * k) for k in range(len(inds))]
    for scope in t.scopes():
        label = "合计" if scope == TOTAL else scope[0]
        cells: list[str | None] = [label]
        for ind in inds:
            cells += [
                f"{t.cell(scope, ind, 'target')}\n{t.cell(scope, ind, 'done')}",
                t.cell(scope, ind, "pct"),
            ]
        rows.append(cells)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.7, *([1.25, 1.6] * len(inds))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=0,
        row_height=26,
        cell_margin=0.1,
        keep_with_next=True,
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc, ex = f.scores, EXTRA[f.name]
    rows: list[list[str | None]] = [["评估主体", "权重", "得分", "加权分"]]
    for party, _ in PARTIES:
        rows.append(
            [PARTY_NAMES[party], f"{sc.weights[party]}%", ex.marks[party], sc.scores[party]]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.2, 2.4, 2.6, 2.6],
        font_size=10.5,
        keep_with_next=True,
    )


def _roster_grid(f: ReportFacts) -> Grid:
    st, ex = f.staffing, EXTRA[f.name]
    assert st is not None
    rows: list[list[str | None]] = [
        ["序号", "姓名", "性别", "年龄", "学历", "岗位", "入职时间", "持证（是/否）"]
    ]
    for p in st.roster:
        sex, age, edu, since = ex.people[p.seq]
        rows.append([str(p.seq), p.name, sex, age, edu, p.position, since, p.qualification])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.2, 2.0, 1.2, 1.2, 2.4, 2.4, 2.6, 2.6],
        font_size=10.5,
        left_cols=0,
        row_height=18,
        repeat_header=True,
    )


def _opinions(w: Writer, rng: random.Random, zero: bool) -> None:
    marks = MARKS
    w.clauses("优点", "praise", pick(rng, "vt_lt_praise", rng.randint(2, 3)), marks=marks)
    concerns = [] if zero else pick(rng, "vt_lt_concern", rng.randint(1, 3))
    w.clauses("不足", "concern", concerns, marks=marks, none="无")
    suggestions = pick(rng, "vt_lt_suggest", rng.randint(1, 2))
    w.para("建议：" + "；".join(k + s for k, s in zip(marks, suggestions, strict=False)) + "。")


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for sec in w.doc.sections:
        sec.left_margin = sec.right_margin = Cm(2.5)

    # cover
    w.text("", space_before=110)
    w.text(m.station, size=24, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估单位：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、项目基本情况", 1)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务阵地位于{m.address}。"
        f"项目合同期为{m.contract_printed}，合同金额{m.funding_wan}万元。本次{m.kind}评估的"
        f"服务期为{m.assessment_printed}，共{m.months}个月。社工站下设{m.area_count_printed}个"
        f"片区（{'、'.join(areas)}）。"
    )
    w.para(
        "项目现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，人员情况见附件。",
    )

    wt = sc.weights
    w.heading("二、评估工作开展情况", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}开展"
        f"{m.kind}评估。评估组通过查阅服务档案和台账、实地察看服务阵地、访谈服务对象、"
        "召开社工座谈会等方式收集评估资料。"
    )
    w.para(
        "本次评估由购买方、区民政局、市社工督导中心和第三方评估机构四方评分，各方评分按"
        f"权重折算为加权分后相加得出综合得分：购买方占{wt['buyer']}%，区民政局占"
        f"{wt['monitor']}%，市社工督导中心占{wt['supervision_centre']}%，第三方评估机构占"
        f"{wt['third_party']}%。综合得分90分（含）以上为优秀，80分(含)至90分为良好，"
        "60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done") -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, role, percent(plain) if role == "pct" else plain)

    zero_area = EXTRA[f.name].zero_area
    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站共为困难群众建档",
        c("registered/households"),
        "户，开展电话探访",
        c("phone_visits/count"),
        "人次、入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct"),
        "；开展小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场，活动参与",
        c("community_events/attendances"),
        "人次。另提供咨询、偶到服务",
        c(UNPLANNED),
        "人次（该项无协议指标）。",
    )
    w.para(
        f"社区组织培育进度偏慢，其中{zero_area}本期培育社区组织",
        cell_fig(f, LABEL, (zero_area,), ZERO, "done", plain),
        "个，完成率",
        cell_fig(f, LABEL, (zero_area,), ZERO, "pct", percent(plain)),
        "。各片区指标完成情况见表1。",
    )
    w.page_break()  # the two tables, captions and 注 together on the next page
    w.table(_indicator_grid(t, INDS_A))
    w.text(CAPTIONS[0], font=FONTS.heading, size=10.5, align="center", space_after=6)
    w.table(_indicator_grid(t, INDS_B))
    w.text(CAPTIONS[1], font=FONTS.heading, size=10.5, align="center")
    w.text(
        "注：每格上行为协议量，下行为完成量；完成率=完成量÷协议量×100%；“/”表示该项无协议指标。",
        size=9,
        align="left",
        space_after=6,
    )

    w.heading("四、各方评估意见", 1)
    zero = str(f.knobs["zero_concern"])
    for party, title in PARTIES:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinions(w, rng, zero == party)

    w.heading("五、评估结果", 1)
    w.para("四方评分情况见表2。")
    w.table(_score_grid(f))
    w.text(SCORE_CAPTION, font=FONTS.heading, size=10.5, align="center", space_after=6)
    w.para(
        f"四方加权分合计，{m.station}本次{m.kind}评估综合得分为{sc.total}分"
        f"（保留一位小数），评估等级为{sc.grade}。"
    )

    w.heading("六、结语", 1)
    w.para(
        f"{m.station}本期服务总体有序推进，希望承接机构针对评估中指出的不足认真整改，"
        "进一步提升服务的专业化水平。"
    )

    w.page_break()
    w.heading("附件：社工人员花名册", 1)
    w.table(_roster_grid(f))

    page_footer(w.doc, "dash", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="plain cover, '- X -' footers; weights and bands as sentences; one 表1 typed "
    "as two tables one under the other (片区 column repeated), 协议量 over 完成量 stacked in "
    "one cell with 完成率 beside, units in the headers with mixed brackets, an unplanned "
    "indicator ('/' target and rate), a 0 / 0.00% cell, captions below the tables; "
    "优点/不足 run-in （1） clauses then 建议 (not gold); 表2 评估主体/权重/得分/加权分 without "
    "合计 and a one-decimal total in a sentence; roster 性别/年龄/学历/入职时间/持证（是/否）",
    specs=SPECS,
    facts=facts,
    write=write,
)
