"""竹园 template (fictional evaluator 禾州市竹园社会服务评估中心) — ninth held-back split
(`withheld`).

Portrait A4, 宋体 小四, a cover, centred page numbers. 一、基本情况 with a staffing
sentence (持证 with 中级/助理 counts, 未持证). 二、评估说明: weights as a sentence, and a
band vocabulary of single characters defined in a sentence (优/良/中/差: 90分及以上为优，
80分（含）至90分为良 …). 三、服务指标完成情况: a paragraph with exact figures beside
approximate ones (入户探访超过3100人次, 志愿者服务近6400小时; in the 片区 sentence
入户探访390余人次), then the targets and the completions in TWO tables with the same
片区 rows (合计 last): 表2 年度协议指标 (中期协议指标 in a 中期 report; 片区 × indicator
columns, the unit on a second header row, targets only) and 表3 指标完成情况 (per
indicator 完成量 │ 完成率 under the indicator's name with its unit); both with a 斜线表头
at the top-left (a line from corner to corner, 指标 at the top right, 片区 at the bottom
left). 四、各方评估意见: （一）…（四） per party, the labels 值得肯定的方面： /
需要关注的问题：, each item a ◆ bullet with a bold run-in lead phrase (◆服务覆盖面广：……).
五、评估结果: 表4 transposed (the parties as columns, 综合得分 last; rows 权重 / 得分), then
a sentence with the total and the grade in quotes (“良”). 六、意见与建议: a closing
paragraph.
"""

from __future__ import annotations

import datetime as dt

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Table,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral, value_of
from corpora.families.writer import Fig, Writer

NAME = "zhuyuan"
SPLIT = "withheld"
CITY = "禾州市"
EVALUATOR = "禾州市竹园社会服务评估中心"
WEIGHTS = {"buyer": 25, "monitor": 10, "supervision_centre": 15, "third_party": 50}
# a band vocabulary of single characters, defined in one sentence
BANDS = [Band("优", 90, None), Band("良", 80, 90), Band("中", 60, 80), Band("差", None, 60)]
TARGETS = "表2"
LABEL = "表3"  # the completion table: the gold's rows carry its label
SCORE_LABEL = "表4"
# (indicator name as 表2 prints it, its unit row, the Ind with 表3's header as label)
INDS: list[tuple[str, str, Ind]] = [
    ("困难群众建档", "（户）", Ind("registered", "households", "困难群众建档（户）", "户")),
    ("入户探访", "（人次）", Ind("home_visits", "count", "入户探访（人次）", "人次")),
    ("个案服务", "（节）", Ind("casework", "sessions", "个案服务（节）", "节")),
    ("小组服务", "（节）", Ind("groups", "sessions", "小组服务（节）", "节")),
    ("社区活动", "（场）", Ind("community_events", "count", "社区活动（场）", "场")),
    ("志愿服务", "（小时）", Ind("volunteer_hours", "hours", "志愿服务（小时）", "小时")),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "竹林 园东 园西 溪桥 南塘 北岭 梅岗 荷塘".split()
DIAGONAL = ("指标", "片区")
DIAGONAL_CELL = f"{DIAGONAL[0]}\n\n{DIAGONAL[1]}"  # an empty line puts 片区 at the bottom

SPECS: list[Spec] = [
    {
        "name": "zhuyuan_hetang_2025_final",
        "street": "荷塘街",
        "district": "禾东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "126",
        "areas": 4,
        "staff": 10,
        "errors": [],
    },
    {
        "name": "zhuyuan_meigang_2025_mid",
        "street": "梅岗镇",
        "district": "禾西区",
        "kind": "中期",
        "start": dt.date(2025, 3, 1),
        "assessed": 6,
        "funding": "98",
        "areas": 3,
        "staff": 8,
        "errors": [
            ("sum_cell", "casework/sessions", None),
            ("narrative", "registered/households", None),
        ],
    },
    {
        "name": "zhuyuan_beiling_2024_final",
        "street": "北岭街",
        "district": "禾东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "140",
        "areas": 4,
        "staff": 11,
        "errors": [
            ("row_pct", "home_visits/count", 1),
            ("score_sum", "", None),
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
        operator=f"{CITY}{rng.choice(['同行', '众禾', '青竹'])}社会工作服务社",
        joiner="至",
        area_count=cn_numeral(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    inds = [ind for _, _, ind in INDS]
    table = make_table(rng, LABEL, inds, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=(0.8, 0.96)),
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 委托单位, 评估机构, date",
            "footer": "centred page number",
            "headings": "一、…六、, parties （一）…（四） under 四、各方评估意见",
            "labels": "值得肯定的方面： / 需要关注的问题：",
            "numbering": "◆ bullets with a bold run-in lead phrase (◆服务覆盖面广：……)",
            "weights": "sentence",
            "bands": "sentence: 优/良/中/差 (90/80/60)",
            "scores": "表4 transposed: parties as columns, 综合得分 last; rows 权重 / 得分; "
            "total and grade (quoted) in a sentence",
            "table": "表2 年度/中期协议指标 (targets only) and 表3 指标完成情况 (完成量 │ "
            "完成率 per indicator), same 片区 rows, 合计 last",
            "two_tables": f"{TARGETS}|{LABEL}",
            "diagonal_header": "|".join(DIAGONAL),
            "diagonal_tables": 2,
            "approx": "超过/近/余 figures beside exact ones (approx, never checked)",
            "rate": "two decimals with %",
            "areas": n,
            "roster": False,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="-10")
        elif kind == "score_sum":
            inject.score_sum(f, "1.00")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "购买方"),
    ("monitor", "区民政局"),
    ("supervision_centre", "督导机构"),
    ("third_party", "第三方评估机构"),
]
HEADS = ("值得肯定的方面", "需要关注的问题")
BULLET = "◆"
HEAD_HEIGHTS = {0: 28.0, 1: 15.0}  # exact: the diagonal cell spans both header rows


def _targets_grid(t: Table) -> Grid:
    """表2: 斜线表头 │ one column per indicator (name, then its unit on a second row);
    one row per 片区, 合计 last; targets only."""
    scopes = [(a.name,) for a in t.areas] + [TOTAL]
    rows: list[list[str | None]] = [
        [DIAGONAL_CELL, *(name for name, _, _ in INDS)],
        [None, *(unit for _, unit, _ in INDS)],
    ]
    for s in scopes:
        rows.append([s[0] if s else "合计", *(t.cell(s, ind, "target") for _, _, ind in INDS)])
    n = len(INDS)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.6, *([2.1] * n)],
        ruling="grid",
        spans=[(0, 0, 1, 0)],
        font_size=9,
        row_height=16,
        exact_heights=HEAD_HEIGHTS,
        diagonal=[(0, 0)],
        cell_margin=0.05,
    )


def _completions_grid(t: Table) -> Grid:
    """表3: 斜线表头 │ per indicator (name with its unit, over two columns) 完成量 │ 完成率;
    the same rows as 表2."""
    scopes = [(a.name,) for a in t.areas] + [TOTAL]
    top: list[str | None] = [DIAGONAL_CELL]
    sub: list[str | None] = [None]
    spans = [(0, 0, 1, 0)]
    for k, (_, _, ind) in enumerate(INDS):
        top += [ind.label, None]
        sub += ["完成量", "完成率"]
        spans.append((0, 1 + 2 * k, 0, 2 + 2 * k))
    rows: list[list[str | None]] = [top, sub]
    for s in scopes:
        row: list[str | None] = [s[0] if s else "合计"]
        for _, _, ind in INDS:
            row += [t.cell(s, ind, "done"), t.cell(s, ind, "pct")]
        rows.append(row)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.9, *([1.05, 1.2] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=8,
        row_height=16,
        exact_heights=HEAD_HEIGHTS,
        diagonal=[(0, 0)],
        cell_margin=0.05,
    )


def _score_grid(f: ReportFacts) -> Grid:
    """表4 transposed: the parties as columns, 综合得分 last; rows 权重 / 得分."""
    sc = f.scores
    rows: list[list[str | None]] = [
        ["评估主体", *(name for _, name in PARTIES), "综合得分"],
        ["权重", *(f"{sc.weights[p]}%" for p, _ in PARTIES), "100%"],
        ["得分", *(sc.scores[p] for p, _ in PARTIES), sc.total],
    ]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.2, 2.2, 2.4, 2.4, 3.4, 2.4],
        ruling="grid",
        font_size=10.5,
        row_height=20,
    )


def _approx(n: int, word: str) -> str:
    """A round figure near `n` as a report writes it with a qualifier: 余/超过 a round
    figure below it, 近 one above it (hundreds from 1000, tens below)."""
    step = 100 if n >= 1000 else 10
    if word == "近":
        return str((n // step + 1) * step)
    return str(((n - 1) // step) * step)


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    title = f"{m.station}{m.year}年度{m.kind}评估报告"
    w = Writer(FONTS, title, m.evaluator)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=160)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}位于{m.address}，由{m.operator}承接运营，购买方为{m.buyer}。项目服务"
        f"协议期为{m.contract_printed}，年度服务经费{m.funding_wan}万元。本次{m.kind}评估的服务期为"
        f"{m.assessment_printed}，共{m.months}个月。社工站按辖区划分为{m.area_count_printed}个片区"
        "开展服务。"
    )
    w.para(
        "社工站现有工作人员",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证人员",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )

    wt = sc.weights
    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成评估小组，于{m.eval_date_printed}对"
        f"{m.station}开展{m.kind}评估，通过听取汇报、查阅资料、实地察看、访谈服务对象及"
        "社工座谈等方式收集评估信息。"
    )
    w.para(
        f"评估实行多方评分，购买方评分占{wt['buyer']}%，区民政局评分占{wt['monitor']}%，"
        f"督导机构评分占{wt['supervision_centre']}%，第三方评估机构评分占{wt['third_party']}%，"
        "各方得分之和为综合得分。"
    )
    w.para(
        "评估结果分为优、良、中、差四个等级：综合得分90分及以上为优，80分（含）至90分为良，"
        "60分（含）至80分为中，60分以下为差。"
    )

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    def near(key: str, word: str, scope: tuple[str, ...] = TOTAL) -> Fig:
        ind = t.ind(key)
        n = int(value_of(t.cell(scope, key, "done")) or 0)
        s = _approx(n, word)
        return Fig(
            printed=s,
            value=float(s),
            unit=ind.unit,
            indicator=ind.indicator,
            measure=ind.measure,
            scope=scope[0] if scope else None,
            approx=True,
        )

    first = t.areas[0].name
    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    w.para(
        "评估期内，社工站共为困难群众建档",
        c("registered/households"),
        "户，入户探访超过",
        near("home_visits/count", "超过"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct"),
        "；开展小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场；组织志愿者服务近",
        near("volunteer_hours/hours", "近"),
        "小时。",
    )
    w.para(
        f"分片区看，{first}建档",
        c("registered/households", "done", (first,)),
        "户，完成协议指标的",
        c("registered/households", "pct", (first,)),
        "，入户探访",
        near("home_visits/count", "余", (first,)),
        f"余人次；各片区的协议指标见{TARGETS}，完成情况见{LABEL}。",
    )
    w.heading("（二）指标完成情况", 2)
    period = "中期" if m.kind == "中期" else "年度"  # a 中期 report's targets are the half year's
    w.text(f"{TARGETS}  各片区{period}协议指标", font=FONTS.heading, size=10.5, align="center")
    w.table(_targets_grid(t))
    w.text("", size=6)
    w.text(f"{LABEL}  各片区指标完成情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_completions_grid(t))
    w.text(f"注：完成率=完成量÷{TARGETS}{period}协议指标×100%。", size=9, align="left")

    w.heading("四、各方评估意见", 1)
    names = {
        "buyer": f"购买方（{buyer_short(m.street)}）",
        "monitor": f"区民政局（{m.district}民政局）",
        "supervision_centre": "督导机构",
        "third_party": "第三方评估机构",
    }
    for k, (party, _) in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{names[party]}评估意见", 2, party=party)  # type: ignore[arg-type]
        for head, polarity, pool, n in (
            (HEADS[0], "praise", "wh_zy_praise", rng.randint(2, 3)),
            (HEADS[1], "concern", "wh_zy_concern", rng.randint(1, 2)),
        ):
            w.label(head, polarity, size=FONTS.size)  # type: ignore[arg-type]
            for text in pick(rng, pool, n):
                lead, _, rest = text.partition("：")
                w.item(BULLET, f"{rest}。", numbered=False, lead=f"{lead}：")

    w.heading("五、评估结果", 1)
    w.para(f"各方评分情况见{SCORE_LABEL}。")
    w.text(f"{SCORE_LABEL}  各方评分情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_score_grid(f))
    w.para(
        f"综上，{m.station}本期评估综合得分为{sc.total}分，评估等级为“{sc.grade}”。",
        space_before=6,
    )

    w.heading("六、意见与建议", 1)
    w.para(
        "建议承接机构针对各方提出的问题制定整改计划，加强服务成效的总结提炼，均衡推进各片区"
        "的服务指标，进一步提升社工站的专业服务水平。",
        keep_with_next=True,  # the signature stays on the page of the last paragraph
    )
    w.text("", space_before=12, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "plain", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="cover; targets in 表2 年度协议指标 and completions in 表3 指标完成情况 (完成量 │ "
    "完成率), both with a 斜线表头 (指标 / 片区); ◆ items with a bold lead phrase under "
    "值得肯定的方面 / 需要关注的问题; 表4 transposed (parties as columns, rows 权重 / 得分); "
    "bands 优/良/中/差 in a sentence; approximate 超过/近/…余 figures beside exact ones",
    specs=SPECS,
    facts=facts,
    write=write,
)
