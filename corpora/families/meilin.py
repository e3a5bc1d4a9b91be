"""梅林 template (fictional evaluator 岚州市梅林社会服务评估所) — fifth held-back split.

Portrait A4, 宋体 小四, no cover: a title block on page 1 (station, 年度末期/中期评估报告,
evaluator, date) and under it a 报告摘要 box — a one-cell bordered table whose sentence
holds the total and the grade in quotes (综合得分86.50分，评估等级为“良好”). Headings
第一部分 … 第五部分 with 一、二、 inside and （一）（二） for the third party's sub-parts.
The assessment period is printed with the year once and a dash (2025年1月—12月), the
month count never. 第一部分 holds a small staffing table 岗位 │ 配置人数 │ 持证人数 (督导 /
一线社工 / 社工助理 / 合计) and a sentence with the counts and the 流失率. 第二部分 gives
the weights as points of a 100-point full mark (满分…分) and the bands as inequalities
(80分≤综合得分<…). 第三部分: the indicator table transposed — 服务类别 merged down over its
服务指标 rows, each 片区 a column group 目标值 │ 完成值 │ 完成率 with 合计 the last group —
zebra shading and no rules but a thin line above and below, the two header rows repeated
on the next page, one-decimal rates, a 注 under it (完成率=完成值÷目标值×100%). 第四部分:
each party's praise and concern in one table 序号 │ 类别 │ 具体内容, the 类别 (值得肯定 /
需要关注) merged down over its items, numbered from 1 within each 类别; the third party in
（一）项目管理 and one （k）per 片区. 第五部分: the four party scores in one sentence, then
the total and grade. 附件: 社工到岗情况表 序号 │ 姓名 │ 岗位 │ 持证情况 (初级 / 中级 / 无) │
one column per month (○ on post, blank not) │ 小计, and a 合计 line. 第 X 页 at the right
of every page's footer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    Person,
    ReportFacts,
    Scope,
    Staffing,
    Table,
    make_scores,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Part, Writer
from extractor.records import ExpectedFinding

NAME = "meilin"
SPLIT = "sealed"
CITY = "岚州市"
EVALUATOR = "岚州市梅林社会服务评估所"
WEIGHTS = {"buyer": 25, "monitor": 15, "supervision_centre": 10, "third_party": 50}
BANDS = [
    Band("优秀", 85, None),
    Band("良好", 70, 85),
    Band("合格", 60, 70),
    Band("不合格", None, 60),
]
LABEL = "表3-1"
# 服务类别 → its 服务指标 rows; a row's label is 服务类别/服务指标 (参与人次 is printed
# under two categories)
CATEGORIES: list[tuple[str, list[Ind]]] = [
    ("困难群众建档", [Ind("registered", "households", "困难群众建档/建档户数", "户")]),
    (
        "探访服务",
        [
            Ind("phone_visits", "count", "探访服务/电话探访", "人次"),
            Ind("home_visits", "count", "探访服务/入户探访", "户次"),
        ],
    ),
    (
        "个案服务",
        [
            Ind("casework", "opened", "个案服务/开案数", "个"),
            Ind("casework", "sessions", "个案服务/服务节数", "节"),
            Ind("casework", "closed", "个案服务/结案数", "个"),
        ],
    ),
    (
        "小组服务",
        [
            Ind("groups", "count", "小组服务/小组个数", "个"),
            Ind("groups", "sessions", "小组服务/小组节数", "节"),
            Ind("groups", "attendances", "小组服务/参与人次", "人次"),
        ],
    ),
    (
        "社区活动",
        [
            Ind("community_events", "count", "社区活动/活动场次", "场"),
            Ind("community_events", "attendances", "社区活动/参与人次", "人次"),
        ],
    ),
    (
        "志愿服务",
        [
            Ind("volunteers", "count", "志愿服务/志愿者人数", "名"),
            Ind("volunteer_hours", "hours", "志愿服务/服务时数", "小时"),
        ],
    ),
]
INDS = [ind for _, inds in CATEGORIES for ind in inds]
RATE = RateStyle(decimals=1, sign=True)
AREA_NAMES = "梅溪 竹坞 兰亭 桂苑 松涛 枫桥 杏林 荷塘".split()
# Roster names: a made-up list (two-character given names from landscape words), no one real.
STAFF_NAMES = (
    "林听溪 叶知澜 江映川 苏晚棠 陆青岚 沈半夏 顾远山 温如水 白露霜 秦望舒 楚云帆 韩星野 "
    "许清禾 程落梅 乔一苇 夏沐川 方鹤汀 宋雨亭 唐栖梧 安若岫"
).split()
POSITIONS = ("督导", "一线社工", "社工助理")

SPECS: list[Spec] = [
    {
        "name": "meilin_meixi_2025_final",
        "street": "梅溪街",
        "district": "岚山区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "168",
        "areas": 3,
        "staff": 9,
        "level": (0.76, 0.9),
        "errors": [],
    },
    {
        "name": "meilin_zhuwu_2025_mid",
        "street": "竹坞镇",
        "district": "岚西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "132",
        "areas": 3,
        "staff": 8,
        "level": (0.8, 0.95),
        "errors": [
            ("sum_cell", "community_events/attendances", None),
            ("roster_subtotal", "", 3),
        ],
    },
    {
        "name": "meilin_guiyuan_2024_final",
        "street": "桂苑街",
        "district": "岚山区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "185",
        "areas": 3,
        "staff": 10,
        "level": (0.8, 0.95),
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("score_sum", "-1.00", None),
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
        operator=f"{CITY}{rng.choice(['暖阳', '同行', '邻里'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
        months_printed=False,
    )
    start, end = meta.assessment
    meta = dataclasses.replace(
        meta, assessment_printed=f"{start.year}年{start.month}月—{end.month}月"
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=spec["level"]),
        staffing=_staffing(rng, spec["staff"], spec["assessed"]),
        knobs={
            "cover": "none: a title block and a 报告摘要 box (one-cell table) on page 1",
            "summary_box": "total and grade (quoted) in a sentence",
            "headings": "第一部分…第五部分 with 一、二、 inside",
            "period": "year once, dash: 2025年1月—12月, no month count",
            "labels": "值得肯定/需要关注 as 类别 cells",
            "numbering": "序号 column, from 1 within each 类别",
            "opinions": "one table per party: 序号/类别/具体内容, 类别 merged down",
            "weights": "满分 points sentence",
            "bands": "inequalities (80分≤综合得分<85分)",
            "scores": "party scores in one sentence in 第五部分; total and grade there and "
            "in the 摘要 box",
            "table": "transposed: 服务类别 merged over 服务指标 rows, 片区 column groups "
            "目标值/完成值/完成率, 合计 last; zebra shading, thin top and bottom line only; "
            "注 with the formula",
            "rate": "1 decimal with %",
            "areas": n,
            "staffing": "table 岗位/配置人数/持证人数 and a 流失率 sentence",
            "roster": True,
            "roster_form": "附件 到岗情况表: 持证情况 初级/中级/无, ○ per month on post, 小计, "
            "合计 line",
            "footer": "第 X 页, right-aligned, page 1 numbered",
            "landscape": "",
            "breaks": "小组个数|小组节数",
            "repeat_header": True,
            "header_word": "目标值",
            "header_pages": 2,
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="+10")
        elif kind == "score_sum":
            inject.score_sum(f, key)
        elif kind == "roster_subtotal":
            _roster_subtotal(f, where)
    return f


def _staffing(rng: random.Random, total: int, months: int) -> Staffing:
    """The staff on post at the end of the period, their positions, certificates as the
    roster prints them (初级 / 中级 / 无) and their monthly 到岗 marks: most on post every
    month, a few joined late or were away for a month."""
    supervisors = 1 if total < 10 else 2
    assistants = 2
    positions = (
        [POSITIONS[0]] * supervisors
        + [POSITIONS[1]] * (total - supervisors - assistants)
        + [POSITIONS[2]] * assistants
    )
    names = rng.sample(STAFF_NAMES, total)
    roster = []
    late = set(rng.sample(range(supervisors, total), 2))
    away = rng.choice([k for k in range(supervisors, total) if k not in late])
    for k, (name, position) in enumerate(zip(names, positions, strict=True)):
        if position == "督导":
            qual = "中级"
        elif position == "一线社工":
            qual = rng.choice(["初级", "初级", "中级", "无"])
        else:
            qual = rng.choice(["无", "无", "初级"])
        marks = ["○"] * months
        if k in late:
            for m in range(rng.randint(1, months // 2)):
                marks[m] = ""
        if k == away:
            marks[rng.randint(1, months - 2)] = ""
        on_post = sum(1 for m in marks if m)
        roster.append(Person("社工站", k + 1, name, position, qual, tuple(marks), str(on_post)))
    certified = sum(p.certified for p in roster)
    mid = sum(p.qualification == "中级" for p in roster)
    st = Staffing(
        certified=certified,
        uncertified=total - certified,
        mid_level=mid,
        months=months,
        certified_required=0,
        certified_actual=Decimal(0),
        fulltime_required=0,
        fulltime_actual=Decimal(0),
        stable=0,
        resigned=rng.randint(1, 3),
        roster=roster,
    )
    st.roster_monthly = [str(sum(1 for p in roster if p.marks[m])) for m in range(months)]
    st.roster_total = str(sum(int(p.on_post or 0) for p in roster))
    return st


def _roster_subtotal(f: ReportFacts, seq: int) -> None:
    """One person's 小计 printed one month short of their marks; the 合计 line follows
    the marks."""
    st = f.staffing
    assert st is not None
    k = next(i for i, p in enumerate(st.roster) if p.seq == seq)
    p = st.roster[k]
    right = p.on_post or "0"
    wrong = str(int(right) - 1)
    st.roster[k] = dataclasses.replace(p, on_post=wrong)
    group = "certified" if p.certified else "uncertified"
    f.findings.append(
        ExpectedFinding(
            kind="roster_subtotal",
            ref=f"roster/{group}/{p.seq}/on_post",
            printed=wrong,
            expected=right,
            note="person's 小计 ≠ their monthly ○ marks; the 合计 line follows the marks",
        )
    )


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
PARTY_TITLES = {
    "buyer": "一、购买方评估意见",
    "monitor": "二、区民政局评估意见",
    "supervision_centre": "三、市社工督导中心评估意见",
    "third_party": "四、第三方评估机构评估意见",
}
HEADS = ("值得肯定", "需要关注")
CN = "一二三四五六七八九十"


def _opinion_grid(rows: list[list[str | None]], starts: list[int]) -> Grid:
    grid_rows: list[list[str | None]] = [["序号", "类别", "具体内容"], *rows]
    ends = [*starts[1:], len(rows)]
    spans = [(1 + s, 1, e, 1) for s, e in zip(starts, ends, strict=True) if e - s > 1]
    return Grid(
        rows=grid_rows,
        header_rows=1,
        widths=[1.2, 2.2, 12.0],
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=0,
        left_more=(2,),
        row_height=20,
    )


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int, area: str = "") -> None:
    pools = ("ml_area_praise", "ml_area_concern") if area else ("ml_praise", "ml_concern")
    w.category_table(
        HEADS,
        (pick(rng, pools[0], praise, area), pick(rng, pools[1], concern, area)),
        _opinion_grid,
    )


def _indicator_grid(t: Table) -> Grid:
    groups: list[tuple[str, Scope]] = [(a.name, (a.name,)) for a in t.areas] + [("合计", TOTAL)]
    head0: list[str | None] = ["服务类别", "服务指标"]
    head1: list[str | None] = [None, None]
    for label, _ in groups:
        head0 += [label, None, None]
        head1 += ["目标值", "完成值", "完成率"]
    rows = [head0, head1]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)]
    spans += [(0, 2 + 3 * k, 0, 4 + 3 * k) for k in range(len(groups))]
    for category, inds in CATEGORIES:
        first = len(rows)
        for j, ind in enumerate(inds):
            cells: list[str | None] = [category if j == 0 else None, ind.label.split("/")[1]]
            for _, scope in groups:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        if len(rows) - first > 1:
            spans.append((first, 0, len(rows) - 1, 0))
    label_w = [1.7, 1.45]
    n = 3 * len(groups)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=label_w + [round((15.4 - sum(label_w)) / n, 3)] * n,
        ruling="zebra_lines",
        spans=spans,
        font_size=7.5,
        repeat_header=True,
        left_cols=0,
        row_height=24,
        cell_margin=0.05,
    )


def _staffing_grid(st: Staffing) -> Grid:
    rows: list[list[str | None]] = [["岗位", "配置人数", "持证人数"]]
    for pos in POSITIONS:
        people = [p for p in st.roster if p.position == pos]
        rows.append([pos, str(len(people)), str(sum(p.certified for p in people))])
    rows.append(["合计", str(st.total), str(st.certified)])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.4, 3.0, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        row_height=18,
    )


def _roster_grid(st: Staffing) -> Grid:
    months = st.months
    head0: list[str | None] = ["序号", "姓名", "岗位", "持证情况", "到岗情况"]
    head0 += [None] * (months - 1) + ["小计"]
    head1: list[str | None] = [None, None, None, None]
    head1 += [f"{m}月" for m in range(1, months + 1)] + [None]
    rows = [head0, head1]
    spans = [(0, c, 1, c) for c in range(4)]
    spans += [(0, 4, 0, 3 + months), (0, 4 + months, 1, 4 + months)]
    for p in st.roster:
        rows.append([str(p.seq), p.name, p.position, p.qualification, *p.marks, p.on_post])
    rows.append(["合计", None, None, None, *st.roster_monthly, st.roster_total])
    spans.append((len(rows) - 1, 0, len(rows) - 1, 3))
    # twelve month columns are too narrow for "10月" on one line: it wraps, as in Word
    month_w = round(min(1.0, 8.4 / months), 3)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[0.9, 1.5, 1.6, 1.6] + [month_w] * months + [1.0],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        row_height=20,
        cell_margin=0.1,
    )


def _rate_of(part: int, whole: int) -> str:
    return f"{(Decimal(part) * 100 / Decimal(whole)).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # title block and 报告摘要 box (page 1, no cover)
    w.text(m.station, size=20, bold=True, align="center", font=FONTS.heading, space_before=12)
    w.text(f"{m.year}年度{m.kind}评估报告", size=20, bold=True, align="center", font="黑体")
    w.text(f"评估机构：{m.evaluator}", size=12, align="center", space_before=8)
    w.text(f"报告日期：{m.eval_date_printed}", size=12, align="center", space_after=10)
    box = (
        f"报告摘要：受{m.district}民政局委托，{m.evaluator}对{m.station}"
        f"{m.assessment_printed}的服务开展{m.kind}评估。经购买方、区民政局、市社工督导中心和"
        f"第三方评估机构四方评分，项目综合得分{sc.total}分，评估等级为“{sc.grade}”。"
    )
    w.table(
        Grid(
            rows=[[box]],
            header_rows=0,
            widths=[15.4],
            ruling="grid",
            font_size=11,
            left_cols=1,
            row_height=40,
        )
    )

    areas = [a.name for a in t.areas]
    w.heading("第一部分  项目概况", 1)
    w.heading("一、基本情况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，站点地址为{m.address}。"
        f"项目合同期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次评估期为"
        f"{m.assessment_printed}。服务区域划分为{m.area_count_printed}个片区，分别为"
        f"{'、'.join(areas)}。"
    )
    w.heading("二、人员配置", 2)
    w.para("项目人员配置情况如下表。")
    w.table(_staffing_grid(st))
    w.para(
        "截至评估期末，项目共配置社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、初级",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        f"名，人员流失率为{_rate_of(st.resigned, st.total + st.resigned)}"
        "（离职人数÷（期末在岗人数＋离职人数））。社工到岗情况见附件。",
    )

    wt = sc.weights
    w.heading("第二部分  评估设计", 1)
    w.heading("一、评估方法", 2)
    w.para(
        f"{m.evaluator}受{m.district}民政局委托，于{m.eval_date_printed}组织评估组对项目"
        "进行实地评估，通过查阅服务档案、现场观察、服务对象访谈和社工座谈等方式收集资料。"
    )
    w.heading("二、评分标准", 2)
    w.para(
        f"本次评估实行四方评分，满分100分，其中购买方{wt['buyer']}分、区民政局"
        f"{wt['monitor']}分、市社工督导中心{wt['supervision_centre']}分、第三方评估机构"
        f"{wt['third_party']}分，四方得分之和为项目综合得分。"
    )
    w.para(
        "评估等级按综合得分划分：优秀，综合得分≥85分；良好，70分≤综合得分<85分；"
        "合格，60分≤综合得分<70分；不合格，综合得分<60分。"
    )

    def c(scope: Scope, key: str, role: str = "done") -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("第三部分  服务指标完成情况", 1)
    w.heading("一、总体完成情况", 2)
    w.para(
        "评估期内，项目为困难群众建档",
        c(TOTAL, "registered/households"),
        "户，电话探访",
        c(TOTAL, "phone_visits/count"),
        "人次、入户探访",
        c(TOTAL, "home_visits/count"),
        "户次；开展个案服务",
        c(TOTAL, "casework/opened"),
        "个，累计服务",
        c(TOTAL, "casework/sessions"),
        "节；开展小组",
        c(TOTAL, "groups/count"),
        "个，社区活动",
        c(TOTAL, "community_events/count"),
        "场；志愿者累计服务",
        c(TOTAL, "volunteer_hours/hours"),
        "小时。",
    )
    per_area: list[Part] = ["各片区入户探访完成率分别为："]
    for k, a in enumerate(areas):
        per_area += ["，" if k else "", a, c((a,), "home_visits/count", "pct")]
    w.para(*per_area, "。")
    w.heading("二、各片区指标完成情况", 2)
    w.para(
        "各片区及项目合计的服务指标完成情况见表3-1。表中服务指标按服务类别排列，"
        "每个片区列出目标值、完成值与完成率，最后一组为项目合计。"
    )
    w.para(
        "目标值以项目合同约定的年度服务指标为准，中期评估按评估期月数折算；完成值以社工站"
        "服务台账、服务记录和服务对象签到表为依据，经评估组抽查核实后确认。对台账记录不完整"
        "或缺少佐证材料的服务，评估组不计入完成值。"
    )
    w.para(
        "从总体情况看，各片区服务指标完成进度基本均衡，个案服务与小组服务的完成情况较上期"
        "有所改善，社区活动参与人数较多，志愿服务时数稳步增长。"
    )
    w.text(
        f"{LABEL}  各片区服务指标完成情况",
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=6,
        space_after=3,
        keep_with_next=True,
    )
    w.table(_indicator_grid(t))
    w.text("注：完成率=完成值÷目标值×100%。", size=9)

    w.heading("第四部分  各方评估意见", 1)
    for party in ("buyer", "monitor", "supervision_centre"):
        w.heading(PARTY_TITLES[party], 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(2, 3), rng.randint(1, 2))
    w.heading(PARTY_TITLES["third_party"], 2, party="third_party")
    w.heading("（一）项目管理", 3)
    _opinion(w, rng, rng.randint(2, 3), rng.randint(1, 2))
    for k, a in enumerate(areas, start=2):
        w.heading(f"（{CN[k - 1]}）{a}", 3, area=a)
        _opinion(w, rng, rng.randint(1, 2), 1, area=a)

    s = sc.scores
    w.heading("第五部分  评估结论", 1)
    w.para(
        f"经四方评分，购买方评分为{s['buyer']}分，区民政局评分为{s['monitor']}分，"
        f"市社工督导中心评分为{s['supervision_centre']}分，第三方评估机构评分为"
        f"{s['third_party']}分。"
    )
    w.para(f"综上，项目{m.kind}评估综合得分为{sc.total}分，评估等级为“{sc.grade}”。")
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    w.page_break()
    w.text("附件", font=FONTS.heading, bold=True)
    w.text(f"{m.station}社工到岗情况表", font=FONTS.heading, size=14, align="center")
    w.text("（○表示当月在岗）", size=10, align="center", space_after=4)
    w.table(_roster_grid(st))
    page_footer(w.doc, "page", FONTS.body, align="right", cover=False)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="no cover: title block and a one-cell 报告摘要 box with total and grade; "
    "第一部分…第五部分 with 一、; period 2025年1月—12月; transposed zebra 表3-1 with only a "
    "top and bottom line (服务类别 merged, 片区 groups 目标值/完成值/完成率, 合计 last, header "
    "repeated); praise and concern in one 序号/类别/具体内容 table; staffing table and "
    "流失率; ○ 到岗 roster with 小计 and 合计; 第 X 页 right",
    specs=SPECS,
    facts=facts,
    write=write,
)
