"""桑林 template (fictional evaluator 桑州市明衡社会工作评估中心) — twelfth held-back split.

Portrait A4, 宋体 小四 body at 1.5 lines, 黑体 headings. A cover (title with 2025年度,
station, 委托单位, 评估机构, date); from page 2 a running header with the report's short
title at the left and 内部资料　注意保密 at the right (a right tab, a rule under it), and a
footer 第 X 页. 一、…五、 with （一） inside. 一、基本情况 with a staffing sentence (持证
with 中级/助理 counts, 未持证); 二、评估说明: the four parties score within their 分值,
the 分值 given only in 表3's column; the bands 90/80/60 as one sentence. 三、服务指标完成
情况: a paragraph of station totals and one sentence per 片区, then 表2 (caption above):
each 片区 a ROW GROUP of three rows labelled 协议量 / 完成量 / 完成率 under a 片区 cell
merged down over them, the indicators as COLUMNS (困难群众建档（户） … 社区活动（场）),
合计 the last group; rates to one decimal with a full-width ％ (108.3％); the header
repeated, the table breaking INSIDE a 片区 group (the merged 片区 cell split by the page
break, the continued rows without the 片区 name); a 注 with the formula. 四、各方评估意见:
per party （一）购买方（…）意见 … and under it two run-in paragraphs 优点：……；……；……。
and 不足：……；……。 whose items carry no number, told apart by the semicolons alone.
五、评估得分与结论: 表3 评估主体 │ 分值 │ 得分 │ 得分率 (the score over the 分值, one
decimal, ％), no 合计 row; the total and the grade only in a BOXED conclusion (Word's
paragraph border and shading: 综合得分：88.65分 / 评估等级：良好) under it, then the
evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, boxed, page_footer, page_header
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import Show, cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "sanglin"
SPLIT = "locked"
CITY = "桑州市"
EVALUATOR = "桑州市明衡社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
# 分值: each party's points of the 100-point total (the weights), printed in 表3 only
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", None, 60),
]
TABLE = "表2"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
PCT = "％"  # the percent sign as a Chinese input method types it
RATE = RateStyle(decimals=1, mark=PCT)
ROLES = (("target", "协议量"), ("done", "完成量"), ("pct", "完成率"))
AREA_NAMES = "桑林 槐荫 杏坛 栖霞 鹤鸣 临溪 枫桥 望湖".split()
SECRET = "内部资料　注意保密"

SPECS: list[Spec] = [
    {
        "name": "sanglin_huaiyin_2025_final",
        "street": "槐荫街",
        "district": "桑北区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "176",
        "areas": 5,
        "group_break": "杏坛片区|完成量",
        "errors": [],
    },
    {
        "name": "sanglin_xingtan_2025_mid",
        "street": "杏坛镇",
        "district": "桑南区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "138",
        "areas": 4,
        "group_break": "杏坛片区|完成量",
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "sanglin_qixia_2024_final",
        "street": "栖霞街",
        "district": "桑北区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "162",
        "areas": 4,
        "group_break": "临溪片区|完成量",
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("score_sum", None, None),
        ],
    },
]


def score_rate(score: str, weight: int) -> str:
    """得分率: the score over the party's 分值, one decimal, full-width ％."""
    rate = (Decimal(score) * 100 / weight).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{rate}{PCT}"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['仁和', '善行', '同心'])}社会工作服务中心",
        area_count=str(n),
    )
    areas = [Area(f"{s}片区") for s in rng.sample(AREA_NAMES, n)]
    scale = 0.5 if spec["kind"] == "中期" else 1.0
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=scale)
    scores = make_scores(rng, WEIGHTS, BANDS, level=(0.82, 0.96))
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=make_staffing(rng, total=3 * n + rng.randint(1, 3), months=spec["assessed"]),
        knobs={
            "cover": "cover page, the year as 2025年度 in the title",
            "header": f"short title at the left, {SECRET} at the right",
            "footer": "第 X 页",
            "headings": "一、…五、, parties （一）…（四） each with one 意见 heading",
            "labels": "优点：/不足： run-in paragraphs",
            "numbering": "none: items told apart by ；",
            "weights": "分值 column of 表3 only",
            "bands": "90/80/60 sentence",
            "scores": "表3 评估主体/分值/得分/得分率, no 合计 row",
            "score_rates": "/".join(score_rate(scores.scores[p], WEIGHTS[p]) for p in PARTIES),
            "conclusion": "total and grade only in a boxed paragraph (border and shading)",
            "table": "片区 row groups of 协议量/完成量/完成率 rows, indicators as columns",
            "rate": "1 decimal with ％",
            "areas": n,
            "landscape": "",
            "repeat_header": True,
            "header_word": "片区项目档（户）",
            "header_pages": 2,
            "group_break": spec["group_break"],
            "boxed": "综合得分;评估等级",
            "kind": spec["kind"],
        },
    )
    for kind, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[area].name,), key, shift="10")
        elif kind == "score_sum":
            inject.score_sum(f, "-1.00")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def pct(s: str) -> str:
    return s + PCT


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.year}年度{m.kind}评估报告", m.evaluator)

    # cover
    for _ in range(5):
        w.text("", size=16)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading, space_after=12)
    w.text(
        f"{m.year}年度{m.kind}评估报告",
        size=22,
        bold=True,
        align="center",
        font=FONTS.heading,
        space_after=140,
    )
    w.text(f"委托单位：{m.buyer}", size=14, align="center", space_after=6)
    w.text(f"评估机构：{m.evaluator}", size=14, align="center", space_after=6)
    w.text(f"报告日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}由{m.operator}承接运营，服务站地址为{m.address}，购买方为{m.buyer}。"
        f"服务协议期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次为{m.year}年度"
        f"{m.kind}评估，评估期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区。"
    )
    w.para(
        "服务站现有社工",
        staff_fig(str(st.total), st.total, "total_count", unit="人"),
        "人，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count", unit="人"),
        "人（中级社会工作师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count", unit="人"),
        "人、助理社会工作师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count", unit="人"),
        "人），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count", unit="人"),
        "人。",
    )
    w.heading("二、评估说明", 1)
    w.para(
        f"本次评估依据服务协议和《{CITY}社工服务站评估管理办法》，由购买方、区民政局、督导方"
        "和第三方评估机构分别在各自分值内评分，四方分值合计100分，各方分值及得分见表3。"
    )
    w.para(
        "综合得分90分（含）以上的为优秀；80分（含）至90分的为良好；60分（含）至80分的为"
        "合格；60分以下的为不合格。"
    )

    def c(key: str, role: str = "done", show: Show = plain, scope: tuple[str, ...] = TOTAL) -> Fig:
        return cell_fig(f, TABLE, scope, key, role, show)

    t = f.table(TABLE)
    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，服务站为困难群众建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct", pct),
        "；入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct", pct),
        "；开展小组服务",
        c("groups/sessions"),
        "节；举办社区活动",
        c("community_events/count"),
        "场。",
    )
    parts: list[str | Fig] = ["分片区看，"]
    for k, a in enumerate(t.areas):
        parts += [
            f"{a.name}入户探访",
            c("home_visits/count", scope=(a.name,)),
            "人次",
            "；" if k < len(t.areas) - 1 else "。",
        ]
    parts.append("各片区协议量、完成量及完成率见表2。")
    w.para(*parts)
    w.text(
        f"表2  {m.street}社工服务站各片区服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_after=4,
    )
    w.table(_table(f))
    w.text(f"注：完成率=完成量÷协议量×100{PCT}，保留一位小数。", size=10.5)

    w.heading("四、各方评估意见", 1)
    counts = {
        "buyer": (rng.randint(2, 3), rng.randint(1, 2)),
        "monitor": (rng.randint(2, 3), rng.randint(1, 2)),
        "supervision_centre": (rng.randint(2, 3), rng.randint(1, 2)),
        "third_party": (rng.randint(3, 4), rng.randint(2, 3)),
    }
    praise = pick(rng, "lk_sl_praise", sum(p for p, _ in counts.values()))
    concern = pick(rng, "lk_sl_concern", sum(c for _, c in counts.values()))
    titles = [
        ("buyer", f"（一）购买方（{buyer_short(m.street)}）意见"),
        ("monitor", f"（二）监督方（{m.district}民政局）意见"),
        ("supervision_centre", f"（三）督导方（{CITY}社会工作督导中心）意见"),
        ("third_party", "（四）第三方评估机构意见"),
    ]
    for party, title in titles:
        np_, nc = counts[party]
        mine_p, praise = praise[:np_], praise[np_:]
        mine_c, concern = concern[:nc], concern[nc:]
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        w.clauses("优点", "praise", mine_p, numbered=False)
        w.clauses("不足", "concern", mine_c, numbered=False)

    w.heading("五、评估得分与结论", 1)
    w.para("各方评估得分见表3。")
    w.text("表3  各方评估得分情况", font=FONTS.heading, size=12, align="center", space_after=4)
    w.table(_scores(f))
    w.text("")
    boxed(
        w.doc,
        [
            ("评估结论", 14, True),
            (f"综合得分：{sc.total}分", 14, False),
            (f"评估等级：{sc.grade}", 14, False),
        ],
        font=FONTS.heading,
    )
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    page_header(w.doc, f"{m.station}{m.year}年度{m.kind}评估报告", FONTS.body, right=SECRET)
    page_footer(w.doc, "page", FONTS.body, align="center", cover=True)
    return w


def _table(f: ReportFacts) -> Grid:
    """Each 片区 (then 合计) a group of three rows 协议量 / 完成量 / 完成率 under its
    name merged down; the indicators as columns."""
    t = f.table(TABLE)
    rows: list[list[str | None]] = [["片区", "项目", *(i.label for i in INDS)]]
    spans = []
    for scope, name in [*(((a.name,), a.name) for a in t.areas), (TOTAL, "合计")]:
        first = len(rows)
        for k, (role, label) in enumerate(ROLES):
            rows.append([name if k == 0 else None, label, *(t.cell(scope, i, role) for i in INDS)])
        spans.append((first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.1, 1.6, 2.35, 2.35, 2.35, 2.35, 2.35],
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=2,
        repeat_header=True,
        shade_every=1000,
        bold_rows=[0],
        row_height=22,
    )


def _scores(f: ReportFacts) -> Grid:
    """评估主体 │ 分值 │ 得分 │ 得分率, no 合计 row (the total is in the boxed conclusion)."""
    sc = f.scores
    m = f.meta
    names = {
        "buyer": f"购买方（{buyer_short(m.street)}）",
        "monitor": f"监督方（{m.district}民政局）",
        "supervision_centre": "督导方（市社会工作督导中心）",
        "third_party": "第三方评估机构",
    }
    rates = dict(zip(PARTIES, str(f.knobs["score_rates"]).split("/"), strict=True))
    rows: list[list[str | None]] = [["评估主体", "分值", "得分", "得分率"]]
    rows += [[names[p], str(sc.weights[p]), sc.scores[p], rates[p]] for p in PARTIES]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[6.2, 2.6, 2.8, 2.8],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        shade_every=1000,
        bold_rows=[0],
        row_height=20,
    )


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="表2 with each 片区 a row group of 协议量/完成量/完成率 rows and the indicators "
    "as columns, breaking inside a group; one-decimal ％ rates; per party 优点：/不足： "
    "run-in paragraphs of unnumbered items split by ；; 表3 评估主体/分值/得分/得分率 with no "
    "合计; the total and grade only in a boxed conclusion; a 内部资料 注意保密 header",
    specs=SPECS,
    facts=facts,
    write=write,
)
