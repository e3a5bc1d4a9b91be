"""同乐 template (fictional evaluator 桐州市同乐社会工作评估中心) — eleventh held-back split.

A cover (title, station, 委托方, 评估机构, date); from page 2 a running header with the
evaluator's logo text at the left margin and a small QR-code-like square picture at the
right one (a right tab, a rule under it), and a footer of two centred lines: 第 X 页 over
the logo line. 一、…六、, 仿宋 小四. 一、基本情况 with a staffing sentence (持证 with 中级
count, 未持证); 二、评估依据与方法: weights as 占…% and bands 90/80/60 as a sentence.
三、服务指标完成情况: a paragraph of the station's figures, then 表1 (caption above), a
long ruled table grouped by indicator (服务指标（单位） merged down over its 片区 rows, the
indicator's 合计 row last in its group, header repeated). The 中期 report prints the
annual target and the half-year figures: 年度协议量 │ 本期完成量 │ 累计完成量 │ 完成率
（累计/年度） (本期 = the second quarter, 累计 = from the contract's start; the rate is the
累计 against the annual target); the 末期 report 年度协议量 │ 全年完成量 │ 完成率.
四、各方评估意见: per party ONE heading （一）购买方（…）评估意见 and under it one list of
items in mixed order, each a Wingdings bullet (U+F0D8, Word's arrow bullet) and a tag
【优点】 or 【不足】 in front of its text, some items running on in a continuation
paragraph indented under the bullet's text. 五、评估得分与等级: 表2 transposed with the
parties as COLUMNS and rows 权重 │ 得分 (each party's mark out of 100) │ 加权得分 (two
decimals, the mark times the weight), then 综合得分 (= Σ 加权得分) and 等级 in rows whose
value cell is merged across the four party columns. 六、评估结论 repeats the total and the
grade.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from corpora.families import inject
from corpora.families.common import (
    Family,
    Spec,
    buyer_short,
    cn_date,
    make_meta,
    pick,
    rng_for,
)
from corpora.families.docx_kit import Fonts, Grid, logo_header, square_png
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    draw_ratio,
    grade_of,
    make_staffing,
    make_table,
    print_table,
)
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "tongle"
SPLIT = "sequestered"
CITY = "桐州市"
EVALUATOR = "桐州市同乐社会工作评估中心"
LOGO = "同乐评估 TONGLE"
TABLE = "表1"
PARTIES = ["buyer", "monitor", "supervision_centre", "third_party"]
WEIGHTS = {"buyer": 25, "monitor": 15, "supervision_centre": 20, "third_party": 40}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", None, 60),
]
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "桐溪 乐安 永丰 石桥 清源 兴隆 柳岸 金沙".split()
BULLET = "\uf0d8"  # Wingdings: the arrow of Word's bullet library
TAGS = {"praise": "优点", "concern": "不足"}
# a QR-code-like square (21 × 21 modules): three finder squares, the rest drawn once
QR_SEED = "tongle/qr"

SPECS: list[Spec] = [
    {
        "name": "tongle_lean_2025_final",
        "street": "乐安街",
        "district": "桐东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "168",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "tongle_yongfeng_2025_mid",
        "street": "永丰镇",
        "district": "桐西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "142",
        "areas": 3,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "tongle_shiqiao_2024_final",
        "street": "石桥街",
        "district": "桐东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "155",
        "areas": 3,
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("score_sum", None, None),
        ],
    },
]


def qr_rows() -> list[str]:
    rng = random.Random(QR_SEED)
    n = 21
    rows = [["#" if rng.random() < 0.5 else "." for _ in range(n)] for _ in range(n)]
    for top, left in ((0, 0), (0, n - 7), (n - 7, 0)):
        for r in range(-1, 8):
            for c in range(-1, 8):
                y, x = top + r, left + c
                if not (0 <= y < n and 0 <= x < n):
                    continue
                ring = max(abs(r - 3), abs(c - 3))
                rows[y][x] = "#" if ring in (0, 1, 3) else "."
    # a quiet zone of two modules round it
    pad = ["." * (n + 4)] * 2
    return pad + [".." + "".join(r) + ".." for r in rows] + pad


def weighted_scores(rng: random.Random) -> tuple[dict[str, str], Scores]:
    """Each party's mark out of 100 (two decimals) and its weighted score (the mark
    times the weight, rounded to two decimals); the total sums the weighted scores."""
    marks: dict[str, str] = {}
    weighted: dict[str, Decimal] = {}
    for p in PARTIES:
        mark = Decimal(str(rng.uniform(80, 96))).quantize(Decimal("0.01"), ROUND_HALF_UP)
        marks[p] = f"{mark}"
        weighted[p] = (mark * WEIGHTS[p] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = sum(weighted.values(), Decimal(0))
    return marks, Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def half_year(f: ReportFacts) -> None:
    """A 中期 report's table holds the ANNUAL targets: each 片区's cumulative completion
    over the first half is drawn as about half of a year's (the rate against the annual
    target is then 40–100%); the sums are re-added and the cells printed again."""
    t = f.table(TABLE)
    rng = rng_for(NAME, f.name + "/half")
    for ind in INDS:
        for a in t.areas:
            target = t.target[((a.name,), ind.key)]
            t.done[((a.name,), ind.key)] = round(
                target * min(draw_ratio(rng), 1.6) * rng.uniform(0.42, 0.6)
            )
        t.done[(TOTAL, ind.key)] = sum(t.done[((a.name,), ind.key)] for a in t.areas)
    print_table(t)


def this_period(f: ReportFacts) -> dict[tuple[Scope, str], int]:
    """The 本期 (second-quarter) part of each 片区's cumulative completion; the 合计's
    is the sum of the 片区's."""
    t = f.table(TABLE)
    rng = rng_for(NAME, f.name + "/period")
    out: dict[tuple[Scope, str], int] = {}
    for ind in INDS:
        for a in t.areas:
            out[((a.name,), ind.key)] = round(t.done[((a.name,), ind.key)] * rng.uniform(0.45, 0.6))
        out[(TOTAL, ind.key)] = sum(out[((a.name,), ind.key)] for a in t.areas)
    return out


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['和乐', '同行', '惠民'])}社会工作服务中心",
        date=lambda d: cn_date(d),
        area_count=str(n),
    )
    areas = [Area(f"{s}片区") for s in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle())
    marks, scores = weighted_scores(rng)
    mid = spec["kind"] == "中期"
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=make_staffing(rng, total=3 * n + rng.randint(2, 4), months=spec["assessed"]),
        knobs={
            "cover": "cover page, no header on it",
            "header": "logo text at the left, a QR-code-like square picture at the right",
            "footer": "第 X 页 over the evaluator's logo line",
            "logo_image": True,
            "headings": "一、…六、, parties （一）…（四） each with one 评估意见 heading",
            "labels": "【优点】/【不足】 tags in front of each item, mixed order",
            "numbering": "Wingdings bullet U+F0D8, continuation paragraphs",
            "weights": "占…% sentence",
            "bands": "90/80/60 sentence",
            "scores": "表2 parties as columns: 权重/得分/加权得分, 综合得分 and 等级 merged across",
            "raw_marks": "/".join(marks[p] for p in PARTIES),
            "table": "long, ruled, grouped by indicator (merged down), 合计 last per group",
            "columns": "年度协议量/本期完成量/累计完成量/完成率（累计/年度）"
            if mid
            else "年度协议量/全年完成量/完成率",
            "rate": "2 decimals with %",
            "areas": n,
            "landscape": "",
            "repeat_header": True,
            "header_word": "服务指标片区年度协议量",
            "header_pages": 2,
            "kind": spec["kind"],
        },
    )
    if mid:
        half_year(f)
    for kind, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[area].name,), key)
        elif kind == "score_sum":
            inject.score_sum(f, "-1.00")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
PartyName = Literal["buyer", "monitor", "supervision_centre", "third_party"]


def _entries(
    rng: random.Random, praise: list[str], concern: list[str]
) -> list[tuple[Literal["praise", "concern"], list[str]]]:
    """Praise and concern items in a mixed order (never all praise first): each item's
    paragraphs split at its "|"."""
    tagged: list[tuple[Literal["praise", "concern"], list[str]]] = [
        ("praise", t.split("|")) for t in praise
    ] + [("concern", t.split("|")) for t in concern]
    for _ in range(20):
        rng.shuffle(tagged)
        kinds = [k for k, _ in tagged]
        if kinds != sorted(kinds, reverse=True):  # praise … concern: not mixed
            break
    return tagged


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    mid = m.kind == "中期"
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    for _ in range(4):
        w.text("", size=16)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading, space_after=10)
    w.text(
        f"{m.year}年度{m.kind}评估报告",
        size=22,
        bold=True,
        align="center",
        font=FONTS.heading,
        space_after=120,
    )
    w.text(f"委托单位：{m.buyer}", size=14, align="center", space_after=6)
    w.text(f"评估机构：{m.evaluator}", size=14, align="center", space_after=6)
    w.text(f"报告日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}位于{m.address}，由{m.operator}承接运营，购买方为{m.buyer}。项目服务期"
        f"为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的考核期为"
        f"{m.assessment_printed}，共{m.months}个月。社工站下设{m.area_count_printed}个片区。"
    )
    w.para(
        "社工站现有专职社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社会工作师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )
    wt = sc.weights
    w.heading("二、评估依据与方法", 1)
    w.para(
        "本次评估依据服务协议及《桐州市社工服务站评估办法》，由购买方、区民政局、市社会工作"
        "督导中心和第三方评估机构四方分别按百分制评分，再按权重折算：购买方占"
        f"{wt['buyer']}%，区民政局占{wt['monitor']}%，督导方占{wt['supervision_centre']}%，"
        f"第三方评估机构占{wt['third_party']}%，四方加权得分之和为综合得分。"
    )
    w.para(
        "综合得分90分及以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    if mid:
        w.para(
            f"本期为{m.year}年4月至6月。截至{m.year}年6月底，社工站累计为困难群众建档",
            c("registered/households"),
            "户，完成年度协议量的",
            c("registered/households", "pct", percent()),
            "；累计入户探访",
            c("home_visits/count"),
            "人次；开展个案服务",
            c("casework/sessions"),
            "节，完成率",
            c("casework/sessions", "pct", percent()),
            "；开展小组服务",
            c("groups/sessions"),
            "节，社区活动",
            c("community_events/count"),
            "场。总体进度与半年时序基本相符，各片区本期及累计完成情况见表1。",
        )
    else:
        w.para(
            "考核期内，社工站为困难群众建档",
            c("registered/households"),
            "户，完成率",
            c("registered/households", "pct", percent()),
            "；入户探访",
            c("home_visits/count"),
            "人次；开展个案服务",
            c("casework/sessions"),
            "节，完成率",
            c("casework/sessions", "pct", percent()),
            "；开展小组服务",
            c("groups/sessions"),
            "节，社区活动",
            c("community_events/count"),
            "场。各片区全年完成情况见表1。",
        )
    w.text(
        f"表1  {m.street}社工站各片区服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_after=4,
    )
    w.table(_table(f, mid))
    note = "完成率=累计完成量÷年度协议量×100%" if mid else "完成率=全年完成量÷年度协议量×100%"
    w.text(f"注：{note}。", size=10.5)

    w.heading("四、各方评估意见", 1)
    counts = {
        "buyer": (rng.randint(2, 3), rng.randint(1, 2)),
        "monitor": (rng.randint(1, 2), rng.randint(1, 2)),
        "supervision_centre": (rng.randint(2, 3), rng.randint(1, 2)),
        "third_party": (rng.randint(3, 4), rng.randint(2, 3)),
    }
    praise = pick(rng, "sq_tl_praise", sum(p for p, _ in counts.values()))
    concern = pick(rng, "sq_tl_concern", sum(c for _, c in counts.values()))
    titles: list[tuple[PartyName, str]] = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）评估意见"),
        ("monitor", f"（二）监督方（{m.district}民政局）评估意见"),
        ("supervision_centre", "（三）督导方（市社会工作督导中心）评估意见"),
        ("third_party", "（四）第三方评估机构评估意见"),
    ]
    f.knobs["symbol_bullets"] = f"{BULLET}|{len(praise) + len(concern)}"
    for party, title in titles:
        np, nc = counts[party]
        mine_p, praise = praise[:np], praise[np:]
        mine_c, concern = concern[:nc], concern[nc:]
        w.heading(title, 2, party=party)
        w.tagged_items(_entries(rng, mine_p, mine_c), TAGS, bullet=BULLET, bullet_font="Wingdings")

    w.heading("五、评估得分与等级", 1)
    w.para("四方评分及加权得分见表2。")
    w.text("表2  四方评分情况", font=FONTS.heading, size=12, align="center", space_after=4)
    w.table(_scores(f))
    w.heading("六、评估结论", 1)
    w.para(
        f"综上，{m.station}{m.year}年度{m.kind}评估综合得分为{sc.total}分，评估等级为"
        f"{sc.grade}。请承接机构对照各方评估意见中的不足逐项整改，并在下一期评估前提交"
        "整改情况说明。"
    )
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    logo_header(
        w.doc,
        LOGO,
        square_png(qr_rows(), 6),
        FONTS.body,
        right=EVALUATOR,
        footer_logo=f"{EVALUATOR}　专业·公正·规范",
    )
    return w


def _table(f: ReportFacts, mid: bool) -> Grid:
    t = f.table(TABLE)
    period = this_period(f) if mid else {}
    head: list[str | None] = ["服务指标", "片区", "年度协议量"]
    head += ["本期完成量", "累计完成量", "完成率（累计/年度）"] if mid else ["全年完成量", "完成率"]
    rows = [head]
    spans = []
    for ind in INDS:
        first = len(rows)
        for k, (scope, label) in enumerate(
            [*(((a.name,), a.name) for a in t.areas), (TOTAL, "合计")]
        ):
            cells: list[str | None] = [ind.label if k == 0 else None, label]
            cells.append(t.cell(scope, ind, "target"))
            if mid:
                cells.append(str(period[(scope, ind.key)]))
            cells += [t.cell(scope, ind, "done"), t.cell(scope, ind, "pct")]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
    widths = [3.4, 2.2, 2.4, 2.4, 2.4, 3.1] if mid else [3.8, 2.6, 2.8, 2.8, 2.8]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=widths,
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=2,
        repeat_header=True,
        shade_every=1000,
        bold_rows=[0],
        row_height=18,
    )


def _scores(f: ReportFacts) -> Grid:
    """The parties as columns: 权重 / 得分 / 加权得分 rows, then 综合得分 and 等级 with
    their value merged across the four party columns."""
    sc = f.scores
    marks = dict(zip(PARTIES, str(f.knobs["raw_marks"]).split("/"), strict=True))
    rows: list[list[str | None]] = [
        ["项目", "购买方", "区民政局", "督导方", "第三方评估机构"],
        ["权重", *(f"{sc.weights[p]}%" for p in PARTIES)],
        ["得分", *(marks[p] for p in PARTIES)],
        ["加权得分", *(sc.scores[p] for p in PARTIES)],
        ["综合得分", sc.total, None, None, None],
        ["等级", sc.grade, None, None, None],
    ]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.6, 2.6, 2.6, 2.6, 3.4],
        ruling="grid",
        spans=[(4, 1, 4, 4), (5, 1, 5, 4)],
        font_size=10.5,
        left_cols=1,
        shade_every=1000,
        bold_rows=[0],
        row_height=20,
    )


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="a logo header with a QR-code-like picture and a logo footer; 表1 grouped by "
    "indicator with 年度协议量/本期完成量/累计完成量/完成率（累计/年度） in the 中期 report; "
    "per party one 评估意见 list of Wingdings-bulleted items tagged 【优点】/【不足】 in mixed "
    "order, some with continuation paragraphs; 表2 with the parties as columns "
    "(权重/得分/加权得分) and 综合得分/等级 merged across",
    specs=SPECS,
    facts=facts,
    write=write,
)
