"""靖阳 template (fictional evaluator 澄州市靖阳社会工作评估中心) — fourth held-back split.

A4 landscape throughout (every page a landscape MediaBox), as some evaluators print a
report whose tables are wide. A running header carrying the report number (报告编号：
JYPG〔2025〕…号) on every page but the cover, 第 X 页 共 Y 页 in the footer. Decimal
outline headings 1. / 1.1 / 1.1.1. 2.2 gives the weights as 占…% and the bands as
以上（含）/不足 sentences. 3.2 holds 表3-1: one row per named 片区 and 合计 last, each
indicator a group of 完成量 │ 协议量 │ 差额 │ 完成率 — the done figure before the target,
a signed 差额 (done − target: +16, -4, 0) and one-decimal rates. Parties 4.1 … 4.4 under 4.
各方评估意见 with 优势与成效 / 不足与改进建议 and 1） items, the third party in 4.4.1 项目管理
and one 4.4.k per 片区. 5. 评估得分与等级: a score table 评估主体 │ 分值 │ 扣分 │ 得分 (each
party's score is its weight less its deductions; 合计 last) and the total and grade in a
sentence; a signature and stamp block (评估机构（盖章）, 项目负责人（签字）, 日期) at the end.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, page_header
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
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral, value_of
from corpora.families.writer import Fig, Writer

NAME = "jingyang"
SPLIT = "blind"
CITY = "澄州市"
EVALUATOR = "澄州市靖阳社会工作评估中心"
WEIGHTS = {"buyer": 20, "monitor": 15, "supervision_centre": 15, "third_party": 50}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", None, 60),
]
LABEL = "表3-1"
INDS = [
    Ind("casework", "opened", "个案服务（个）", "个"),
    Ind("groups", "count", "小组工作（个）", "个"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("home_visits", "count", "入户探访（户次）", "户次"),
]
RATE = RateStyle(decimals=1, sign=True)
AREA_NAMES = "滨江 云台 枫林 石桥 望湖 松岗 清泉 柏树".split()

SPECS: list[Spec] = [
    {
        "name": "jingyang_binjiang_2024_final",
        "street": "滨江街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2023, 9, 1),
        "assessed": 11,
        "funding": "198",
        "areas": 4,
        "number": "JYPG〔2024〕031号",
        "errors": [],
    },
    {
        "name": "jingyang_songgang_2025_mid",
        "street": "松岗镇",
        "district": "澄西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "156",
        "areas": 3,
        "number": "JYPG〔2025〕012号",
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("row_pct", "groups/count", 1),
        ],
    },
    {
        "name": "jingyang_qingquan_2025_final",
        "street": "清泉街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2024, 4, 1),
        "assessed": 11,
        "funding": "224",
        "areas": 5,
        "number": "JYPG〔2025〕047号",
        "errors": [
            ("score_sum", "", None),
            ("narrative", "casework/opened", None),
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
        operator=f"{CITY}{rng.choice(['和睦', '同心', '众益'])}社会工作服务社",
        joiner="至",
        area_count=cn_numeral(n),
        months_printed=False,
    )
    names = rng.sample(AREA_NAMES, n)
    areas = [Area(f"{a}片区") for a in names]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=make_staffing(rng, total=2 * n + rng.randint(2, 4), months=spec["assessed"]),
        knobs={
            "page": "A4 landscape throughout",
            "running_header": "报告编号 on every page but the cover",
            "footer": "第 X 页 共 Y 页",
            "headings": "decimal outline 1. / 1.1 / 1.1.1",
            "labels": "优势与成效/不足与改进建议",
            "numbering": "1）",
            "weights": "占…% sentence",
            "bands": "以上（含）/不足 sentence",
            "scores": "table 评估主体/分值/扣分/得分, 合计 last; total and grade in a sentence",
            "table": "片区 rows, 合计 last; groups 完成量/协议量/差额/完成率 (done first)",
            "rate": "1 decimal with %",
            "areas": n,
            "signature_block": True,
            "landscape": "mediabox",
            "kind": spec["kind"],
            "report_number": spec["number"],
        },
    )
    for kind, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[area].name,), key, shift="+10")
        elif kind == "score_sum":
            inject.score_sum(f, "1.00")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL if area is None else (areas[area].name,), key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.3)


def _landscape(w: Writer) -> None:
    sec = w.doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    sec.left_margin = sec.right_margin = Cm(2.5)


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int, area: str = "") -> None:
    pools = ("bl_area_praise", "bl_area_concern") if area else ("bl_praise", "bl_concern")
    w.label("优势与成效", "praise")
    for k, text in enumerate(pick(rng, pools[0], praise, area), start=1):
        w.item(f"{k}）", text)
    w.label("不足与改进建议", "concern")
    for k, text in enumerate(pick(rng, pools[1], concern, area), start=1):
        w.item(f"{k}）", text)


def _gap(t: Table, scope: Scope, key: str) -> str:
    """差额 = 完成量 − 协议量 as printed (it follows a printed count, right or wrong)."""
    done = int(value_of(t.cell(scope, key, "done")) or 0)
    target = int(value_of(t.cell(scope, key, "target")) or 0)
    d = done - target
    return f"+{d}" if d > 0 else str(d)


def _table(t: Table) -> Grid:
    head0: list[str | None] = ["片区"]
    head1: list[str | None] = [None]
    spans = [(0, 0, 1, 0)]
    for k, ind in enumerate(t.inds):
        head0 += [ind.label, None, None, None]
        head1 += ["完成量", "协议量", "差额", "完成率"]
        spans.append((0, 1 + 4 * k, 0, 4 + 4 * k))
    rows = [head0, head1]
    scopes: list[Scope] = [(a.name,) for a in t.areas] + [TOTAL]
    for scope in scopes:
        row: list[str | None] = ["合计" if scope == TOTAL else scope[0]]
        for ind in t.inds:
            row += [
                t.cell(scope, ind, "done"),
                t.cell(scope, ind, "target"),
                _gap(t, scope, ind.key),
                t.cell(scope, ind, "pct"),
            ]
        rows.append(row)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.6] + [1.45, 1.45, 1.3, 1.55] * 4,
        ruling="grid",
        spans=spans,
        font_size=10,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        row_height=22,
    )


def _score_table(f: ReportFacts) -> Grid:
    sc = f.scores
    names = {
        "buyer": "购买方",
        "monitor": "区民政局",
        "supervision_centre": "市社工督导中心",
        "third_party": "第三方评估机构",
    }
    rows: list[list[str | None]] = [["评估主体", "分值", "扣分", "得分"]]
    lost = Decimal(0)
    for party, weight in sc.weights.items():
        score = Decimal(sc.scores[party])
        minus = Decimal(weight) - score
        lost += minus
        rows.append([names[party], str(weight), f"{minus:.2f}", sc.scores[party]])
    rows.append(["合计", "100", f"{lost:.2f}", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[5.0, 3.0, 3.0, 3.0],
        ruling="grid",
        font_size=11,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=22,
    )


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    _landscape(w)
    number = str(f.knobs["report_number"])
    w.text(f"报告编号：{number}", size=10.5, align="right")
    for _ in range(4):
        w.text("")
    w.text(m.station, size=24, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=24, bold=True, align="center", font="黑体")
    for _ in range(5):
        w.text("")
    w.text(f"委托方：{m.district}民政局", size=15, align="center")
    w.text(f"评估方：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    t = f.table(LABEL)
    areas = [a.name for a in t.areas]
    wt = sc.weights
    w.heading("1. 项目基本情况", 1)
    w.heading("1.1 项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，委托{m.operator}运营，站址位于{m.address}。"
        f"合同服务期为{m.contract_printed}，合同金额{m.funding_wan}万元。本次评估期为"
        f"{m.assessment_printed}。社工站按{m.area_count_printed}个片区（{'、'.join(areas)}）"
        "划分服务区域，每个片区安排社工驻点。"
    )
    w.heading("1.2 人员配置", 2)
    w.para(
        "截至评估日，社工站在岗社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持有社会工作职业水平证书的",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、初级",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )

    w.heading("2. 评估依据与方法", 1)
    w.heading("2.1 评估方式", 2)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}组织评估组对社工站"
        "开展实地评估，采取查阅服务档案、现场观察、服务对象电话回访和社工访谈等方式进行。"
    )
    w.heading("2.2 评分权重与等级标准", 2)
    w.para(
        f"本次评估实行四方评分，购买方评分占{wt['buyer']}%，区民政局评分占{wt['monitor']}%，"
        f"市社工督导中心评分占{wt['supervision_centre']}%，第三方评估机构评分占"
        f"{wt['third_party']}%，各方按所占分值扣分评分，四方得分相加为综合得分。"
    )
    w.para(
        "综合得分90分以上（含90分）为优秀，80分以上（含80分）不足90分为良好，"
        "60分以上（含60分）不足80分为合格，不足60分为不合格。"
    )

    def c(scope: Scope, key: str, role: str = "done") -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("3. 服务指标完成情况", 1)
    w.heading("3.1 总体完成情况", 2)
    w.para(
        "评估期内，社工站完成个案服务",
        c(TOTAL, "casework/opened"),
        "个，开展小组工作",
        c(TOTAL, "groups/count"),
        "个、社区活动",
        c(TOTAL, "community_events/count"),
        "场，入户探访",
        c(TOTAL, "home_visits/count"),
        "户次，入户探访完成率为",
        c(TOTAL, "home_visits/count", "pct"),
        "。",
    )
    w.heading("3.2 各片区完成情况", 2)
    w.para("各片区服务指标完成情况见表3-1，差额为完成量减去协议量。")
    w.text(
        f"{LABEL}  各片区服务指标完成情况统计",
        font=FONTS.heading,
        align="center",
        space_before=4,
        space_after=4,
    )
    w.table(_table(t))
    w.text("注：完成率＝完成量÷协议量×100%，保留一位小数。", size=10)

    w.heading("4. 各方评估意见", 1)
    titles = [
        ("buyer", "4.1 购买方评估意见", (2, 3), (1, 2)),
        ("monitor", "4.2 区民政局评估意见", (1, 2), (1, 2)),
        ("supervision_centre", "4.3 市社工督导中心评估意见", (1, 3), (1, 2)),
    ]
    for party, title, praise, concern in titles:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))
    w.heading("4.4 第三方评估机构评估意见", 2, party="third_party")
    w.heading("4.4.1 项目管理", 3)
    _opinion(w, rng, rng.randint(2, 3), rng.randint(1, 2))
    for k, a in enumerate(areas, start=2):
        w.heading(f"4.4.{k} {a}", 3, area=a)
        _opinion(w, rng, rng.randint(1, 2), 1, area=a)

    w.heading("5. 评估得分与等级", 1)
    w.para("四方评分结果见表5-1。")
    w.text("表5-1  四方评分结果", font=FONTS.heading, align="center", space_after=4)
    w.table(_score_table(f))
    w.para(f"经四方评分，{m.station}本期{m.kind}评估综合得分为{sc.total}分，评估等级为{sc.grade}。")
    w.text("")
    w.text(f"评估机构（盖章）：{m.evaluator}", indent_chars=22)
    w.text("项目负责人（签字）：", indent_chars=22)
    w.text(f"日期：{m.eval_date_printed}", indent_chars=22)
    page_header(w.doc, f"{m.evaluator}    报告编号：{number}", FONTS.body)
    page_footer(w.doc, "of_total", FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="A4 landscape throughout, running header with the report number, 第 X 页 共 Y 页; "
    "decimal outline headings 1./1.1/1.1.1; 表3-1 of named 片区 rows with groups "
    "完成量/协议量/差额/完成率 (done before target, signed 差额), 合计 last; scores in a "
    "评估主体/分值/扣分/得分 table; 优势与成效/不足与改进建议 with 1） items; signature block",
    specs=SPECS,
    facts=facts,
    write=write,
)
