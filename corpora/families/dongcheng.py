"""东城 template (fictional evaluator 澄州市东城社会工作评估中心) — sixth held-back split.

Portrait A4, 仿宋 小四, a cover page, then a running page header (the station's name with
a rule under it) and a footer 第X页/共Y页 on every later page. 一、基本情况 in one
sentence; 二、评估方法 with the party weights in a sentence and a grade band table
等级 │ 分数段 (85—100, 75—84.99, 60—74.99, 0—59.99). 三、服务指标完成情况: a caption
表2 and a unit line （单位：个、节、人次、小时） above a long comparison table 服务指标 │ 片区 │
上期完成量 │ 本期协议量 │ 本期完成量 │ 完成率 — each indicator's long numbered name
(1.困难群众建档（建档户数）) merged down over its rows: the 合计 row FIRST, then each named
片区, then a 平均 row LAST (the mean of the 片区 rows, one decimal); the rate printed as a
decimal ratio with two decimals (1.08), service hours with one decimal (1234.5); the
previous period's figure is a confuser and not in the gold. 四、各方评估意见: one
subsection per party, each with two headed lists 成绩与亮点 / 问题与建议, items ①②③, one
party's concerns "无". 五、评估结论 on its own last page: the four party scores and the
total in one sentence, the grade, and a signature block (评估机构（盖章）, 评估组组长（签字）,
date).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

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
    make_table,
)
from corpora.families.figures import cell_fig, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "dongcheng"
SPLIT = "reserve"
CITY = "澄州市"
EVALUATOR = "澄州市东城社会工作评估中心"
WEIGHTS = {"buyer": 20, "monitor": 10, "supervision_centre": 10, "third_party": 60}
# 等级 │ 分数段 as printed: 85—100 / 75—84.99 / 60—74.99 / 0—59.99 (both ends included)
BANDS = [
    Band("优秀", 85, 100, True, True),
    Band("良好", 75, 84.99, True, True),
    Band("合格", 60, 74.99, True, True),
    Band("不合格", 0, 59.99, True, True),
]
LABEL = "表2"
HOURS = "volunteer_hours/hours"
INDS = [
    Ind(ind, measure, f"{k}.{name}", unit)
    for k, (ind, measure, name, unit) in enumerate(
        [
            ("registered", "households", "困难群众建档（建档户数）", "户"),
            ("phone_visits", "count", "探访服务（电话探访人次）", "人次"),
            ("home_visits", "count", "探访服务（入户探访户次）", "户次"),
            ("casework", "opened", "个案服务（开案数）", "个"),
            ("casework", "sessions", "个案服务（服务节数）", "节"),
            ("casework", "closed", "个案服务（结案数）", "个"),
            ("groups", "count", "小组服务（小组个数）", "个"),
            ("groups", "sessions", "小组服务（服务节数）", "节"),
            ("community_events", "count", "社区活动（活动场次）", "场"),
            ("community_events", "attendances", "社区活动（参与人次）", "人次"),
            ("volunteers", "count", "志愿服务（志愿者人数）", "名"),
            ("volunteer_hours", "hours", "志愿服务（服务时数）", "小时"),
        ],
        start=1,
    )
]
RATE = RateStyle(decimals=2, ratio=True)
AREA_NAMES = "东关 西门 南湖 北苑 钟楼 柳巷 石桥 青松".split()
CIRCLED = "①②③④⑤⑥"

SPECS: list[Spec] = [
    {
        "name": "dongcheng_liuan_2025_final",
        "street": "柳岸街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "156",
        "areas": 3,
        "zero_concern": "monitor",
        "level": (0.8, 0.95),
        "errors": [],
    },
    {
        "name": "dongcheng_shiqiao_2025_mid",
        "street": "石桥镇",
        "district": "澄西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "128",
        "areas": 4,
        "zero_concern": "buyer",
        "level": (0.8, 0.95),
        "errors": [
            ("row_pct", "casework/sessions", 1),
            ("sum_cell", "community_events/attendances", None),
        ],
    },
    {
        "name": "dongcheng_qingsong_2024_final",
        "street": "青松街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "172",
        "areas": 3,
        "zero_concern": "supervision_centre",
        "level": (0.8, 0.92),
        "errors": [
            ("sum_cell", "groups/sessions", None),
            ("score_sum", "-1.00", None),
        ],
    },
]


class Extra:
    """What the table prints besides the gold: the previous period's completions per
    scope (上期完成量) and the service hours' tenths."""

    def __init__(self) -> None:
        self.prev: dict[tuple[Scope, str], Decimal] = {}


EXTRA: dict[str, Extra] = {}


def _hours(rng: random.Random, t: Table) -> None:
    """Service hours to one decimal (half hours): each 片区's completion gets .0 or .5,
    the total is their sum; every cell reprinted."""
    for a in t.areas:
        t.printed[((a.name,), HOURS, "done")] = (
            f"{Decimal(t.done[((a.name,), HOURS)]) + Decimal(rng.choice(['0', '0.5'])):.1f}"
        )
    total = sum((Decimal(t.cell((a.name,), HOURS, "done")) for a in t.areas), Decimal(0))
    t.printed[(TOTAL, HOURS, "done")] = f"{total:.1f}"
    for scope in t.scopes():
        done = Decimal(t.cell(scope, HOURS, "done"))
        t.printed[(scope, HOURS, "pct")] = RATE.format(done, t.target[(scope, HOURS)])


def _prev(rng: random.Random, t: Table) -> Extra:
    ex = Extra()
    for ind in t.inds:
        for a in t.areas:
            done = Decimal(t.cell((a.name,), ind, "done"))
            raw = done * Decimal(str(rng.uniform(0.7, 1.1)))
            step = Decimal("0.5") if ind.key == HOURS else Decimal(1)
            ex.prev[((a.name,), ind.key)] = (raw / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        ex.prev[(TOTAL, ind.key)] = sum(
            (ex.prev[((a.name,), ind.key)] for a in t.areas), Decimal(0)
        )
    return ex


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['和光', '同心', '启明'])}社会工作服务社",
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    _hours(rng, table)
    EXTRA[spec["name"]] = _prev(rng, table)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=spec["level"]),
        staffing=None,
        knobs={
            "cover": "cover page; running header (station name, rule under it) after it",
            "footer": "第X页/共Y页 from page 2",
            "headings": "一、…五、 with （一）（二） party subsections",
            "labels": "成绩与亮点/问题与建议 headed lists",
            "numbering": "①②③",
            "zero_concern": spec["zero_concern"],
            "weights": "sentence",
            "bands": "table 等级/分数段 (85—100, 75—84.99 …)",
            "scores": "four party scores and the total in one sentence in 五、评估结论 on "
            "the last page, with a signature block",
            "table": "long comparison table: numbered indicator name merged down, 片区 rows "
            "with 合计 first and 平均 last; 上期完成量/本期协议量/本期完成量/完成率",
            "unit_caption": "（单位：个、节、人次、小时） above the table",
            "rate": "decimal ratio, 2 decimals (1.08), no %",
            "hours": "one decimal",
            "prev_period": "上期完成量 column (not in the gold)",
            "average_row": "平均 row last (not in the gold)",
            "areas": n,
            "roster": False,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            _row_pct(f, (areas[where].name,), key)
        elif kind == "sum_cell":
            _sum_cell(f, key)
        elif kind == "score_sum":
            inject.score_sum(f, key)
    return f


def _row_pct(f: ReportFacts, scope: Scope, key: str) -> None:
    """A ratio ten hundredths off (1.18 where 1.08)."""
    t = f.table(LABEL)
    right = t.cell(scope, key, "pct")
    wrong = f"{Decimal(right) + Decimal('0.10'):.2f}"
    t.printed[(scope, key, "pct")] = wrong
    f.findings.append(
        inject._finding(
            "row_pct",
            inject.cell_ref(t, scope, key, "pct"),
            wrong,
            right,
            "ratio ≠ 本期完成量 / 本期协议量",
        )
    )


def _sum_cell(f: ReportFacts, key: str) -> None:
    """The 合计 completion typed over (+10); its ratio follows it. The 平均 row is the
    mean of the 片区 rows and stays out of the sum."""
    t = f.table(LABEL)
    right = t.cell(TOTAL, key, "done")
    wrong = str(int(right) + 10)
    t.printed[(TOTAL, key, "done")] = wrong
    t.printed[(TOTAL, key, "pct")] = RATE.format(int(wrong), t.target[(TOTAL, key)])
    f.findings.append(
        inject._finding(
            "total_cell",
            inject.cell_ref(t, TOTAL, key, "done"),
            wrong,
            right,
            "合计 ≠ the sum of the 片区 rows (the 平均 row is not a 片区)",
        )
    )


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "（一）购买方评估意见"),
    ("monitor", "（二）区民政局评估意见"),
    ("supervision_centre", "（三）市社工督导中心评估意见"),
    ("third_party", "（四）第三方评估机构评估意见"),
]
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "市社工督导中心",
    "third_party": "第三方评估机构",
}


def _one(d: Decimal) -> str:
    return f"{d.quantize(Decimal('0.1'), ROUND_HALF_UP)}"


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    ex = EXTRA[f.name]
    rows: list[list[str | None]] = [
        ["服务指标", "片区", "上期完成量", "本期协议量", "本期完成量", "完成率"]
    ]
    spans: list[tuple[int, int, int, int]] = []
    n = len(t.areas)
    for ind in t.inds:
        first = len(rows)
        hours = ind.key == HOURS

        def prev(scope: Scope, key: str = ind.key, hours: bool = hours) -> str:
            v = ex.prev[(scope, key)]
            return f"{v:.1f}" if hours else f"{v}"

        rows.append(
            [
                ind.label,
                "合计",
                prev(TOTAL),
                *(t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")),
            ]
        )
        for a in t.areas:
            s = (a.name,)
            rows.append(
                [None, a.name, prev(s), *(t.cell(s, ind, r) for r in ("target", "done", "pct"))]
            )
        # 平均: the mean of the 片区 rows as they should be (one decimal)
        p_avg = sum((ex.prev[((a.name,), ind.key)] for a in t.areas), Decimal(0)) / n
        tg = Decimal(t.target[(TOTAL, ind.key)])
        dn = sum((Decimal(t.cell((a.name,), ind, "done")) for a in t.areas), Decimal(0))
        rows.append([None, "平均", _one(p_avg), _one(tg / n), _one(dn / n), RATE.format(dn, tg)])
        spans.append((first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.6, 1.9, 2.2, 2.2, 2.2, 1.9],
        ruling="grid",
        spans=spans,
        font_size=9,
        repeat_header=True,
        left_cols=1,
        row_height=16,
    )


def _band_grid() -> Grid:
    rows: list[list[str | None]] = [
        ["等级", "分数段"],
        ["优秀", "85—100"],
        ["良好", "75—84.99"],
        ["合格", "60—74.99"],
        ["不合格", "0—59.99"],
    ]
    return Grid(rows=rows, header_rows=1, widths=[3.0, 4.0], ruling="grid", font_size=10.5)


def _opinions(w: Writer, rng: random.Random, party: str, zero: bool) -> None:
    w.label("成绩与亮点", "praise", colon="", form="heading")
    for k, text in enumerate(pick(rng, "dc_praise", rng.randint(2, 3)), start=1):
        w.item(CIRCLED[k - 1], text)
    w.label("问题与建议", "concern", colon="", form="heading")
    if zero:
        w.none("无")
        return
    for k, text in enumerate(pick(rng, "dc_concern", rng.randint(1, 3)), start=1):
        w.item(CIRCLED[k - 1], text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=80)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=120)
    w.text(f"评估机构：{m.evaluator}", size=14, align="center")
    w.text(f"评估日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点位于{m.address}。"
        f"项目合同期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次为{m.kind}评估，"
        f"评估期为{m.assessment_printed}，共{m.months}个月。社工站服务范围划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )

    wt = sc.weights
    w.heading("二、评估方法", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组织评估组，通过查阅档案、实地察看、"
        "访谈服务对象及社工座谈等方式开展评估。评估实行四方评分，满分100分，其中"
        f"{'、'.join(f'{PARTY_NAMES[p]}{wt[p]}分' for p, _ in PARTIES)}。"
        "评估等级按总分划分如下表。"
    )
    w.text("表1  评估等级划分", font=FONTS.heading, size=10.5, align="center", keep_with_next=True)
    w.table(_band_grid())

    def c(key: str) -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, "done", plain)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站共开展个案服务",
        c("casework/opened"),
        "个，开展小组",
        c("groups/count"),
        "个，举办社区活动",
        c("community_events/count"),
        "场，志愿者累计服务",
        c(HOURS),
        "小时。",
    )
    w.para(
        "各项指标的本期完成情况与上期对照见表2。完成率以本期完成量除以本期协议量计算，"
        "以小数表示（1.00即完成协议量）；上期完成量仅供对照，不参与本期评分。"
        "平均一行为各片区的算术平均数。"
    )
    w.text(
        f"{LABEL}  服务指标完成情况对照表",
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=6,
        keep_with_next=True,
    )
    w.text("（单位：个、节、人次、小时）", size=9, align="right", keep_with_next=True)
    w.table(_indicator_grid(f))

    w.heading("四、各方评估意见", 1)
    zero = str(f.knobs["zero_concern"])
    for party, title in PARTIES:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinions(w, rng, party, zero == party)

    s = sc.scores
    w.page_break()
    w.heading("五、评估结论", 1)
    w.para(
        f"经四方评分，{PARTY_NAMES['buyer']}评分{s['buyer']}分，{PARTY_NAMES['monitor']}评分"
        f"{s['monitor']}分，{PARTY_NAMES['supervision_centre']}评分{s['supervision_centre']}分，"
        f"{PARTY_NAMES['third_party']}评分{s['third_party']}分，总分{sc.total}分。"
    )
    w.para(f"根据评估等级划分标准，{m.station}本次{m.kind}评估等级为{sc.grade}。")
    w.text("", space_before=24)
    w.text(f"评估机构（盖章）：{m.evaluator}", align="right")
    w.text("评估组组长（签字）：", align="right")
    w.text(m.eval_date_printed, align="right")

    page_header(w.doc, m.station, FONTS.body)
    page_footer(w.doc, "slash", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="cover, running header with a rule, 第X页/共Y页; bands table 等级/分数段 "
    "(85—100, 75—84.99); long comparison 表2 (numbered indicator names merged down, 合计 "
    "first, 片区, 平均 last; 上期完成量/本期协议量/本期完成量/完成率 as a ratio 1.08; hours one "
    "decimal; unit caption); 成绩与亮点/问题与建议 lists ①②③ per party, one 无; scores and "
    "total in one sentence on the last page with a signature block",
    specs=SPECS,
    facts=facts,
    write=write,
)
