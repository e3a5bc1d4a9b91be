"""柳荫 template (fictional evaluator 沅州市柳荫社会服务评估所).

一、…六、 headings. 三、评估结果 gives the four party scores, the total and the grade in
one sentence; weights and bands (90/80/60, "及以上", "（含）至") as sentences. 四、服务指标
完成情况: the station's figures in a text, one paragraph per 片区 with its own figures,
then 表2: one small table per 片区, two side by side (a borderless layout table holding
the small tables, as Word users place them), each titled by its 片区 in a merged first
row, headed 服务项目 │ 计划数 │ 完成数 │ 完成比例, its label column narrow so that each
indicator label wraps over two or three lines, dotted rules inside a plain frame; then
表3, the station's totals (序号 │ 服务项目 │ 年度指标 │ 累计完成 │ 完成比例 │ 完成情况,
the last a word: 超额完成 / 已完成 / 未完成), typed as two Word tables one after the
other with the same header (the second continues the first). 五、各方评估意见: parties
（一）…（四）, labels 做得好的方面 / 有待改进的方面, items (1) (2).
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
    make_table,
    standard_bands,
)
from corpora.families.figures import Show, cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "liuyin"
CITY = "沅州市"
EVALUATOR = "沅州市柳荫社会服务评估所"
TABLE = "表2"
SUMMARY = "表3"
WEIGHTS = {"monitor": 10, "buyer": 30, "supervision_centre": 10, "third_party": 50}
BANDS = standard_bands(90, 80, 60)
INDS = [
    Ind("registered", "households", "困难群众走访建档（户）", "户"),
    Ind("phone_visits", "count", "电话探访长者（次）", "次"),
    Ind("casework", "opened", "个案服务开案数（个）", "个"),
    Ind("casework", "sessions", "个案服务节数（节）", "节"),
    Ind("groups", "sessions", "小组活动节数（节）", "节"),
    Ind("community_events", "attendances", "社区活动参与人次（人次）", "人次"),
    Ind("volunteers", "count", "新增注册志愿者（名）", "名"),
]
SPLIT_AT = 4  # 表3's first Word table holds the first four indicators
RATE = RateStyle(decimals=1, sign=True)
PLACES = "翠苑 荷塘 柳湾 竹溪 桃源 石门 杏坛 兰亭".split()

SPECS: list[Spec] = [
    {
        "name": "liuyin_hetang_2024_final",
        "street": "荷塘街",
        "district": "沅江区",
        "kind": "末期",
        "start": dt.date(2023, 9, 1),
        "assessed": 10,
        "funding": "238",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "liuyin_taoyuan_2024_mid",
        "street": "桃源镇",
        "district": "沅江区",
        "kind": "中期",
        "start": dt.date(2024, 1, 1),
        "assessed": 6,
        "funding": "164",
        "areas": 3,
        "errors": [("sum_cell", None, "community_events/attendances"), ("score_sum", None, None)],
    },
    {
        "name": "liuyin_zhuxi_2023_final",
        "street": "竹溪街",
        "district": "沅西区",
        "kind": "末期",
        "start": dt.date(2022, 10, 1),
        "assessed": 10,
        "funding": "201",
        "areas": 4,
        "errors": [("narrative", 0, "casework/sessions"), ("row_pct", 2, "phone_visits/count")],
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
        operator=f"{CITY}{rng.choice(['仁和', '睦邻', '春晖'])}社会工作发展中心",
        date=lambda d: cn_date(d),
        area_count=str(n),
    )
    areas = [Area(f"{p}片区") for p in rng.sample(PLACES, n)]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    table.names = {(a.name,): TABLE for a in areas}
    table.names[TOTAL] = SUMMARY
    f = ReportFacts(
        family=NAME,
        split="dev",
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=None,
        knobs={
            "headings": "一、…六、, parties （一）…（四） under 五、各方评估意见",
            "labels": "做得好的方面/有待改进的方面",
            "numbering": "(1)",
            "weights": "sentence",
            "bands": "90/80/60 sentence, 及以上/（含）至",
            "scores": "one sentence in 三、评估结果",
            "table": "small tables per 片区 side by side (nested in a layout table), 片区 "
            "in a merged title row, 计划数/完成数/完成比例, labels wrapped over lines, dotted "
            "rules; summary 年度指标/累计完成/完成比例/完成情况 typed as two tables with "
            "the same header",
            "rate": "1 decimal with %",
            "areas": n,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "score_sum":
            inject.score_sum(f, "0.50")
        elif kind == "narrative":
            inject.narrative(f, TABLE, (areas[where].name,), key)
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (areas[where].name,), key, shift="-15.0")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)


def _opinion(w: Writer, rng: random.Random, pool: str, praise: int, concern: int) -> None:
    for name, polarity, n in (
        ("做得好的方面", "praise", praise),
        ("有待改进的方面", "concern", concern),
    ):
        w.label(name, polarity)  # type: ignore[arg-type]
        for k, text in enumerate(pick(rng, f"{pool}_{polarity}", n), start=1):
            w.item(f"({k})", text)


def status(t_done: int, t_target: int) -> str:
    """完成情况 as the template words it."""
    if t_done > t_target:
        return "超额完成"
    return "已完成" if t_done == t_target else "未完成"


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    t = f.table(TABLE)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(8):
        w.text("")
    w.text(f"{m.station}{m.kind}评估报告", size=20, bold=True, align="center", font=FONTS.heading)
    for _ in range(14):
        w.text("")
    w.text(f"{m.evaluator}", size=14, align="center")
    w.text(f"{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    w.heading("一、项目基本情况", 1)
    w.para(
        f"{m.station}由{m.operator}承接，购买方为{m.buyer}，服务地址：{m.address}。"
        f"合同期限{m.contract_printed}，项目经费{m.funding_wan}万元。社工站下设"
        f"{m.area_count_printed}个片区，分片开展服务。"
    )
    w.heading("二、评估依据与方法", 1)
    wt = sc.weights
    w.para(
        f"本次评估为{m.kind}评估，评估期为{m.assessment_printed}（{m.months}个月），"
        f"由{m.evaluator}于{m.eval_date_printed}实施。评估采用四方评分，权重分别为：区民政局"
        f"{wt['monitor']}%，街道（镇）{wt['buyer']}%，市督导中心{wt['supervision_centre']}%，"
        f"第三方评估机构{wt['third_party']}%。"
    )
    w.para(
        "总分90分及以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )
    s = sc.scores
    w.heading("三、评估结果", 1)
    w.para(
        f"经评估，区民政局评分{s['monitor']}分，{buyer_short(m.street)}评分{s['buyer']}分，"
        f"市督导中心评分{s['supervision_centre']}分，第三方评估机构评分{s['third_party']}分，"
        f"综合得分{sc.total}分，评估等级为“{sc.grade}”。"
    )

    def c(scope: Scope, key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, scope, key, role, percent(show) if role == "pct" else show)

    w.heading("四、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站累计走访建档",
        c(TOTAL, "registered/households"),
        "户，电话探访长者",
        c(TOTAL, "phone_visits/count"),
        "次；个案服务开案",
        c(TOTAL, "casework/opened"),
        "个，完成比例",
        c(TOTAL, "casework/opened", "pct"),
        "；社区活动参与",
        c(TOTAL, "community_events/attendances"),
        "人次，新增注册志愿者",
        c(TOTAL, "volunteers/count"),
        "名。",
    )
    for a in t.areas:
        scope = (a.name,)
        w.para(
            f"{a.name}：个案服务",
            c(scope, "casework/sessions"),
            "节，小组活动",
            c(scope, "groups/sessions"),
            "节，社区活动参与",
            c(scope, "community_events/attendances"),
            "人次。",
        )
    w.text(
        f"表2  {m.street}社工站各片区服务指标完成情况",
        font=FONTS.heading,
        size=11,
        align="center",
        space_before=6,
        space_after=4,
        keep_with_next=True,
    )
    w.side_by_side([_small(f, (a.name,)) for a in t.areas], [7.7, 7.7])
    w.text(
        f"表3  {m.street}社工站服务指标总体完成情况",
        font=FONTS.heading,
        size=11,
        align="center",
        space_before=6,
        space_after=4,
        keep_with_next=True,
    )
    w.table(_summary(f, INDS[:SPLIT_AT], 1))
    w.text("", size=6)  # Word needs a paragraph between two tables
    w.table(_summary(f, INDS[SPLIT_AT:], SPLIT_AT + 1))
    w.text("注：完成比例=完成数÷计划数×100%。", size=10)

    w.heading("五、各方评估意见", 1)
    parties = [
        ("monitor", f"（一）{m.district}民政局意见", "monitor", (1, 3), (1, 2)),
        ("buyer", f"（二）{buyer_short(m.street)}意见", "buyer", (1, 3), (1, 2)),
        ("supervision_centre", "（三）市督导中心意见", "supervision", (2, 3), (1, 3)),
        ("third_party", "（四）第三方评估机构意见", "management", (2, 3), (2, 3)),
    ]
    for party, title, pool, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, pool, rng.randint(*praise), rng.randint(*concern))
    w.heading("六、结语", 1)
    w.para("社工站应针对以上意见制定整改计划，于下一评估期前完成整改。")
    page_footer(w.doc, "of_total", FONTS.body)
    return w


def _small(f: ReportFacts, scope: Scope) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [
        [scope[0], None, None, None],
        ["服务项目", "计划数", "完成数", "完成比例"],
    ]
    for ind in INDS:
        rows.append([ind.label, *(t.cell(scope, ind, r) for r in ("target", "done", "pct"))])
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.6, 1.6, 1.6, 1.8],
        ruling="dotted",
        spans=[(0, 0, 0, 3)],
        font_size=9,
        left_cols=1,
        row_height=14,
    )


def _summary(f: ReportFacts, inds: list[Ind], first: int) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [
        ["序号", "服务项目", "年度指标", "累计完成", "完成比例", "完成情况"]
    ]
    for k, ind in enumerate(inds, start=first):
        rows.append(
            [
                str(k),
                ind.label,
                *(t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")),
                status(t.done[(TOTAL, ind.key)], t.target[(TOTAL, ind.key)]),
            ]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.2, 5.0, 2.2, 2.2, 2.2, 2.4],
        ruling="grid",
        font_size=10,
        left_cols=2,
        row_height=16,
    )


FAMILY = Family(
    name=NAME,
    split="dev",
    summary="scores in one sentence, weights and bands as sentences; small tables per 片区 "
    "side by side with the 片区 in a title row, 计划数/完成数/完成比例, labels wrapped over "
    "lines, dotted rules; a summary 年度指标/累计完成/完成比例/完成情况 typed as two tables "
    "with the same header; 做得好的方面/有待改进的方面",
    specs=SPECS,
    facts=facts,
    write=write,
)
