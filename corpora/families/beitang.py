"""北塘 template (fictional evaluator 北塘市启明社会服务评估所) — ninth held-back split.

No cover. Page 1 opens with the title block (city, station, 年度中期/末期评估报告, the
evaluator and date) and, floating at the right of it, a bordered Word frame (图文框,
`w:framePr` anchored to the page, the title text flowing around it) holding 评估结果,
综合得分：88.16分 and 评估等级：良好. 仿宋 小四, fixed 22-point lines. 一、基本情况 (a staffing
sentence with 中级/初级 counts); 二、评估说明: the four parties and the bands 90/75/60 as
sentences, the weights NOT there: each party's full mark is printed only in its own
section's score sentence (购买方对服务站本期工作评分为27.30分（满分30分）). 三、服务指标完成情况:
the station totals in one paragraph, counts of 1000 and more typed with a FULL-WIDTH comma
as thousands separator (1，734人次, the table prints 1734), and reference marks ［1］ ［2］
typed after figures, explained in a 附注 list at the document's end. 表1 on a landscape
section: 社工点 rows grouped by named 片区 (merged down over its posts and its 小计), 合计
last (merged over 片区 and 社工点); each indicator a column pair 协议量 │ 完成量（完成率）
with the done figure and its rate in ONE cell (`484（156.13%）`), and a 计量单位 row under
the two header rows giving each column's unit (户 │ 户 │ 人次 …) instead of units in the
header. The table is split by hand where it runs over: a page break, a caption
`续表1  …` on top of the next page and the three header rows typed again above the
remaining 片区 and the 合计. 四、各方评估意见 （一）…（四）, each with its score sentence,
值得肯定的方面 / 需要关注的问题 and （1） items. 五、评估结论: a two-row table whose first
cell 评估结论 is merged down beside 综合得分 │ 88.16 and 评估等级 │ 良好 (with the frame on page
1, the only places the total and the grade are printed). 附注 ［1］…［3］ last.
"""

from __future__ import annotations

import datetime as dt
import random

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, frame, page_footer
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
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig, thousands
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "beitang"
SPLIT = "withheld"
CITY = "北塘市"
EVALUATOR = "北塘市启明社会服务评估所"
TABLE = "表1"
CAPTION = "各片区（社工点）服务指标完成情况"
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 20, "third_party": 30}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 75, 90),
    Band("合格", 60, 75),
    Band("不合格", None, 60),
]
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("phone_visits", "count", "电话探访", "人次"),
    Ind("home_visits", "count", "入户探访", "人次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("community_events", "count", "社区活动", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "港北 港南 河西 新桥 盐场 塘沽 海门 沙岗".split()
POST_NAMES = (
    "渔港 新村 海韵 盐田 东堤 北闸 望海 潮音 滨河 荷塘 金沙 银滩 柳岸 紫云 长堤 蓝湾".split()
)
NOTES = [
    "电话探访人次含节假日问候电话，同一服务对象同日多次通话计为一人次。",
    "个案服务节数以个案服务记录表为准，不含转介后由其他机构提供的服务。",
    "评估等级划分依据项目服务合同约定的评估标准。",
]

SPECS: list[Spec] = [
    {
        "name": "beitang_gangbei_2025_final",
        "street": "港北街",
        "district": "塘东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "168",
        "areas": 4,
        "errors": [],
    },
    {
        "name": "beitang_yanchang_2025_mid",
        "street": "盐场镇",
        "district": "塘西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "126",
        "areas": 3,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "beitang_xinqiao_2024_final",
        "street": "新桥街",
        "district": "塘东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "152",
        "areas": 4,
        "errors": [
            ("row_pct", "registered/households", 1),
            ("score_sum", None, None),
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
        operator=f"{CITY}{rng.choice(['海帆', '同行', '益邻'])}社会工作服务中心",
        date=lambda d: cn_date(d),
        area_count=str(n),
    )
    names = rng.sample(POST_NAMES, 3 * n)
    areas = []
    for k, s in enumerate(rng.sample(AREA_NAMES, n)):
        posts = tuple(f"{p}社区" for p in names[3 * k : 3 * k + rng.choice([2, 3])])
        areas.append(Area(f"{s}片区", posts))
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 12)
    split = first_part(areas)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=(0.8, 0.96)),
        staffing=make_staffing(rng, total=3 * n + rng.randint(1, 3), months=spec["assessed"]),
        knobs={
            "cover": "none: title block with a floating frame 评估结果 "
            "(综合得分, 评估等级) at its right",
            "frame_words": "评估结果;综合得分：;评估等级：",
            "headings": "一、…五、, parties （一）…（四）",
            "labels": "值得肯定的方面/需要关注的问题",
            "numbering": "（1）",
            "weights": "full marks only in each party's score sentence",
            "bands": "90/75/60 sentence",
            "scores": "party scores in their sections; total and grade in the frame and "
            "in a 评估结论 table with a merged cell",
            "table": "landscape, 社工点 rows by 片区 (merged) with 小计, 合计 last; "
            "协议量 │ 完成量（完成率） pairs; a 计量单位 row",
            "continued": "续表1",
            "landscape": "mediabox",
            "breaks": f"{areas[split - 1].posts[-1]}|{areas[split].posts[0]}",
            "repeat_header": True,
            "header_word": "计量单位",
            "narrative": "thousands with a full-width comma (1，734); ［1］ marks, 附注 at the end",
            "rate": "2 decimals with %, in brackets after the done figure",
            "areas": n,
            "kind": spec["kind"],
        },
    )
    for kind, key, area in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, key)
        elif kind == "row_pct":
            a = areas[area]
            inject.row_pct(f, TABLE, (a.name, a.posts[0]), key, shift="10")
        elif kind == "score_sum":
            try:
                inject.score_sum(f, "1.00")
            except ValueError:
                inject.score_sum(f, "-1.00")
    return f


def first_part(areas: list[Area]) -> int:
    """How many 片区 表1 prints before the 续表: as many as fill the landscape page under
    the section's text (ten body rows at most), the last 片区 always after the break."""
    k, rows = 0, 0
    while k < len(areas) - 1 and rows + len(areas[k].posts) + 1 <= 10:
        rows += len(areas[k].posts) + 1
        k += 1
    return k


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=22)


def wide_thousands(s: str) -> str:
    """1，734: a thousands separator typed with a Chinese input method (full-width)."""
    return thousands(s).replace(",", "，")


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int) -> None:
    w.label("值得肯定的方面", "praise")
    for k, text in enumerate(pick(rng, "wh_bt_praise", praise), start=1):
        w.item(f"（{k}）", text)
    w.label("需要关注的问题", "concern")
    for k, text in enumerate(pick(rng, "wh_bt_concern", concern), start=1):
        w.item(f"（{k}）", text)


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    # the frame first: anchored to the page at the right of the title block
    frame(
        w.doc,
        [
            ("评估结果", 12, True),
            (f"综合得分：{sc.total}分", 12, False),
            (f"评估等级：{sc.grade}", 12, False),
        ],
        font=FONTS.heading,
        x_cm=15.2,
        y_cm=2.6,
        width_cm=4.0,
    )
    w.text(CITY, size=16, bold=True, align="left", font=FONTS.heading)
    w.text(f"{m.street}社工服务站", size=18, bold=True, align="left", font=FONTS.heading)
    w.text(
        f"{m.year}年度{m.kind}评估报告",
        size=18,
        bold=True,
        align="left",
        font=FONTS.heading,
        space_after=6,
    )
    w.text(f"评估机构：{m.evaluator}", size=12, align="left")
    w.text(f"报告日期：{m.eval_date_printed}", size=12, align="left", space_after=18)

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}（以下简称服务站）位于{m.address}，由{m.buyer}以政府购买服务方式委托"
        f"{m.operator}运营。项目合同期为{m.contract_printed}，项目经费{m.funding_wan}万元。"
        f"本次{m.kind}评估考核期为{m.assessment_printed}，共{m.months}个月。服务站按"
        f"{m.area_count_printed}个片区设置社工点开展服务。"
    )
    w.para(
        "服务站现有专职社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、初级",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )
    w.heading("二、评估说明", 1)
    w.para(
        "本次评估由购买方、监督方（区民政局）、督导方（市社会工作督导中心）和第三方评估机构"
        "共同实施，四方分别评分，满分合计100分，各方评分之和为服务站综合得分［3］。"
    )
    w.para(
        "综合得分90分（含）以上为优秀，75分（含）至90分为良好，60分（含）至75分为合格，"
        "60分以下为不合格。"
    )

    def c(key: str, role: str = "done", show: Show = plain) -> Fig:
        return cell_fig(f, TABLE, TOTAL, key, role, show)

    def big(key: str) -> Fig:
        t = f.table(TABLE)
        return c(key, show=wide_thousands if t.done[(TOTAL, key)] >= 1000 else plain)

    # 三、 opens a landscape section holding 表1, split by hand with a 续表 caption
    t = f.table(TABLE)
    half = first_part(t.areas)
    w.section(landscape=True)
    w.heading("三、服务指标完成情况", 1)
    w.para(
        "考核期内，服务站共完成困难群众建档",
        big("registered/households"),
        "户，完成率",
        c("registered/households", "pct", percent()),
        "；开展电话探访",
        big("phone_visits/count"),
        "人次［1］，入户探访",
        big("home_visits/count"),
        "人次，入户探访完成率",
        c("home_visits/count", "pct", percent()),
        "；开展个案服务",
        big("casework/sessions"),
        "节［2］，举办社区活动",
        big("community_events/count"),
        "场。各片区（社工点）完成情况见表1。",
    )

    w.text(f"表1  {CAPTION}", font=FONTS.heading, size=12, align="center", space_after=4)
    w.table(_table(f, t.areas[:half], total=False))
    w.page_break()
    w.text(f"续表1  {CAPTION}", font=FONTS.heading, size=12, align="center", space_after=4)
    w.table(_table(f, t.areas[half:], total=True))
    w.text("注：完成率=完成量÷协议量×100%，括号内为完成率。", size=10.5)
    w.section(landscape=False)

    w.heading("四、各方评估意见", 1)
    wt, s = sc.weights, sc.scores
    parties = [
        ("buyer", "（一）购买方意见", f"购买方（{m.buyer}）", (2, 3), (1, 2)),
        ("monitor", "（二）监督方意见", f"监督方（{m.district}民政局）", (1, 2), (1, 2)),
        ("supervision_centre", "（三）督导方意见", "督导方（市社会工作督导中心）", (2, 3), (1, 3)),
        ("third_party", "（四）第三方评估机构意见", "第三方评估机构", (3, 4), (2, 3)),
    ]
    for party, title, who, praise, concern in parties:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        w.para(f"{who}对服务站本期工作评分为{s[party]}分（满分{wt[party]}分）。")
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))

    w.heading("五、评估结论", 1)
    w.para(f"经四方评估，{m.station}{m.year}年度{m.kind}评估结论如下：", space_after=4)
    w.table(
        Grid(
            rows=[["评估结论", "综合得分", sc.total], [None, "评估等级", sc.grade]],
            header_rows=0,
            widths=[3.0, 4.0, 5.0],
            ruling="grid",
            spans=[(0, 0, 1, 0)],
            font_size=12,
            left_cols=0,
            shade_every=1000,
            row_height=26,
        )
    )
    w.para("请承接机构对照各方意见制定整改计划，并于评估报告送达后一个月内报送整改情况。")
    w.text("附注：", bold=True, space_before=12)
    for k, note in enumerate(NOTES, start=1):
        w.text(f"［{k}］{note}", size=10.5, indent_chars=0)
    page_footer(w.doc, "plain", FONTS.body, cover=False)
    return w


def _table(f: ReportFacts, areas: list[Area], total: bool) -> Grid:
    t = f.table(TABLE)
    head0: list[str | None] = ["片区", "社工点"]
    head1: list[str | None] = [None, None]
    units: list[str | None] = ["计量单位", None]
    for ind in INDS:
        head0 += [ind.label, None]
        head1 += ["协议量", "完成量（完成率）"]
        units += [ind.unit, ind.unit]
    rows = [head0, head1, units]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1), (2, 0, 2, 1)]
    spans += [(0, 2 + 2 * k, 0, 3 + 2 * k) for k in range(len(INDS))]

    def figures(scope: tuple[str, ...]) -> list[str | None]:
        out: list[str | None] = []
        for ind in INDS:
            done, pct = t.cell(scope, ind, "done"), t.cell(scope, ind, "pct")
            out += [t.cell(scope, ind, "target"), f"{done}（{pct}）"]
        return out

    bold = []
    for a in areas:
        first = len(rows)
        for k, p in enumerate(a.posts):
            rows.append([a.name if k == 0 else None, p, *figures((a.name, p))])
        rows.append([None, "小计", *figures((a.name,))])
        bold.append(len(rows) - 1)
        spans.append((first, 0, len(rows) - 1, 0))
    if total:
        rows.append(["合计", None, *figures(TOTAL)])
        spans.append((len(rows) - 1, 0, len(rows) - 1, 1))
        bold.append(len(rows) - 1)
    return Grid(
        rows=rows,
        header_rows=3,
        widths=[1.9, 1.7, *([1.4, 3.0] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=0,
        bold_rows=bold,
        shade_every=1000,
        row_height=26,
    )


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="no cover: the title block with a floating frame 评估结果 (综合得分, 评估等级) at "
    "its right; party scores only in their sections (…分（满分30分）); a landscape 表1 of "
    "社工点 rows by 片区, 协议量 │ 完成量（完成率） pairs, a 计量单位 row, split by hand with a "
    "续表1 caption and the header typed again; narrative thousands with a full-width comma, "
    "［1］ marks and a 附注 list; a 评估结论 table with a merged cell",
    specs=SPECS,
    facts=facts,
    write=write,
)
