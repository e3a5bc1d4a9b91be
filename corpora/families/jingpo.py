"""镜泊 template (fictional evaluator 鹭川市镜泊社会服务评估中心) — thirteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover, then 第 X 页 centred. The
section headings 一、…五、 each on a GREY BAND across the text width (paragraph shading,
Word's 边框和底纹 › 底纹), （一） inside. 一、项目基本情况 with a staffing sentence (持证 with
中级/助理, 未持证), no roster; 二、评估方法 with the four parties' 分值 and the bands
90/80/60 as sentences. 三、服务指标完成情况: a paragraph of station totals and a sentence
on one 片区, then, on a LANDSCAPE page, 表1: one fully ruled table whose rows are 社区 (or
村), each 片区 introduced by a FULL-WIDTH TITLE ROW (the 片区's name in one cell merged
across every column, shaded), then its 社区 rows, then its 小计 row; 总计 last; five
indicator groups 协议量 │ 完成量 │ 完成率; a 注. 四、各方评估情况: per party （一）购买方（…）
评估情况, a caption 表4-1 购买方评分细则 over a SUB-ITEM SCORE TABLE 评估内容 │ 分值 │ 得分
whose 小计 row is the party's score (its 分值 the party's full mark), then the label
工作亮点： over a small table 序号 │ 内容 of the praise items and 存在问题： over one of the
concern items. 五、评估结论: the four scores, the total and the grade in one sentence, a
closing paragraph, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    Table,
    grade_of,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "jingpo"
SPLIT = "shuttered"
CITY = "鹭川市"
EVALUATOR = "鹭川市镜泊社会服务评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
# each party's sub-items (评估内容, 分值); the 分值 add up to the party's full mark
SUB_ITEMS: dict[str, list[tuple[str, int]]] = {
    "buyer": [("项目管理与执行", 8), ("服务成效", 12), ("沟通配合", 5)],
    "monitor": [("合同履行", 6), ("服务规范", 5), ("资金使用", 4)],
    "supervision_centre": [("专业督导落实", 8), ("服务文书规范", 6), ("团队建设", 6)],
    "third_party": [("项目管理", 10), ("服务成效", 20), ("财务管理", 5), ("服务对象满意度", 5)],
}
WEIGHTS = {p: sum(v for _, v in SUB_ITEMS[p]) for p in PARTIES}
BANDS = standard_bands(90, 80, 60)
LABEL = "表1"
CAPTION = "表1  各片区（社区）服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "东湖 西岭 南岸 北塘 镜湾 鹭洲 泊口 芦荡".split()
POST_NAMES = (
    "青柳 红枫 金沙 玉泉 银杏 桃园 荷风 翠竹 望江 临湖 新港 富民 兴隆 安澜 和平 景明".split()
)
HEADS = ("工作亮点", "存在问题")

SPECS: list[Spec] = [
    {
        "name": "jingpo_nanhu_2025_final",
        "street": "南湖街",
        "district": "鹭东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "146",
        "posts": [3, 2, 3],
        "staff": 12,
        "errors": [],
    },
    {
        "name": "jingpo_baisha_2025_mid",
        "street": "白沙镇",
        "district": "鹭西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "posts": [2, 3, 2],
        "staff": 10,
        "errors": [
            ("subtotal", 1, "home_visits/count"),
            ("narrative", None, "casework/sessions"),
        ],
    },
    {
        "name": "jingpo_lushan_2024_final",
        "street": "芦山街",
        "district": "鹭东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "160",
        "posts": [3, 3, 2, 2],
        "staff": 14,
        "errors": [
            ("row_pct", 0, "groups/sessions"),
            ("score_sum", None, ""),
        ],
    },
]


def make_sub_scores(rng: random.Random) -> dict[str, list[str]]:
    """Each sub-item's 得分 within its 分值 (two decimals): the party's score is their
    sum, as the 小计 row prints it."""
    step = Decimal("0.01")
    return {
        p: [
            f"{Decimal(str(v * rng.uniform(0.8, 0.97))).quantize(step, ROUND_HALF_UP)}"
            for _, v in SUB_ITEMS[p]
        ]
        for p in PARTIES
    }


def scores_of(subs: dict[str, list[str]]) -> Scores:
    scores = {p: sum((Decimal(s) for s in subs[p]), Decimal(0)) for p in PARTIES}
    total = sum(scores.values(), Decimal(0))
    return Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in scores.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def subtotal(f: ReportFacts, area: str, key: str, delta: int = 10) -> None:
    """A 小计 completion that is not the sum of its 社区 (typed over); the 总计 adds the
    小计 rows as printed, so it follows, and both rates follow their counts: the 小计 is
    the only inconsistency."""
    t = f.table(LABEL)
    scope: Scope = (area,)
    right = t.cell(scope, key, "done")
    n = int(right) + delta
    t.printed[(scope, key, "done")] = str(n)
    t.printed[(scope, key, "pct")] = t.rate.format(n, t.target[(scope, key)])
    total = t.done[(TOTAL, key)] + delta
    t.printed[(TOTAL, key, "done")] = str(total)
    t.printed[(TOTAL, key, "pct")] = t.rate.format(total, t.target[(TOTAL, key)])
    f.findings.append(
        ExpectedFinding.model_validate(
            {
                "kind": "total_cell",
                "ref": inject.cell_ref(t, scope, key, "done"),
                "printed": str(n),
                "expected": right,
                "note": "小计 ≠ the sum of its 社区",
            }
        )
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    posts: list[int] = spec["posts"]
    n = len(posts)
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['众和', '同行', '明德'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    tail = "村" if spec["street"].endswith("镇") else "社区"
    names = rng.sample(AREA_NAMES, n)
    post_names = iter(rng.sample(POST_NAMES, sum(posts)))
    areas = [
        Area(f"{a}片区", tuple(f"{next(post_names)}{tail}" for _ in range(k)))
        for a, k in zip(names, posts, strict=True)
    ]
    table = make_table(
        rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.1
    )
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    subs = make_sub_scores(rng)
    scores = scores_of(subs)
    SUBS[spec["name"]] = subs
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(2, 3)) for _ in PARTIES]
    praise = pick(text_rng, "st_jp_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "st_jp_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 评估机构, date",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…五、 on a grey shaded band across the text width, （一） inside",
            "heading_band": "D9D9D9",
            "labels": "工作亮点：/存在问题： on lines of their own, each over a small "
            "序号 │ 内容 table of its items",
            "numbering": "序号 column (1, 2, 3)",
            "weights": "sentence (分值) and each party's 小计 分值",
            "bands": "sentence, 90/80/60 (含)",
            "scores": "per party a sub-item table 评估内容 │ 分值 │ 得分 (表4-1 … 表4-4), its "
            "小计 row the party's score; the four scores, total and grade in one sentence",
            "sub_scores": ";".join(
                f"{p}:" + ",".join(subs[p]) for p in PARTIES
            ),  # the sub-items' 得分, not in the gold
            "table": "表1 on a landscape page: 社区 rows, each 片区 opened by a full-width "
            "shaded title row, 小计 per 片区, 总计 last, fully ruled",
            "landscape": "mediabox",
            "rate": "2 decimals with %",
            "areas": n,
            "posts": sum(posts),
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "subtotal":
            subtotal(f, areas[where].name, key)
        elif kind == "row_pct":
            a = areas[where]
            inject.row_pct(f, LABEL, (a.name, a.posts[1]), key)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            total = Decimal(scores.total)
            up = grade_of(total + 1, BANDS) == scores.grade
            inject.score_sum(f, "1.00" if up else "-1.00")
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
SUBS: dict[str, dict[str, list[str]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
BAND = "D9D9D9"
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": EVALUATOR,
    }


def _indicator_grid(t: Table) -> Grid:
    """表1: two header rows, then per 片区 a title row merged across every column, its
    社区 rows and its 小计 row; 总计 last."""
    ncols = 1 + 3 * len(INDS)
    rows: list[list[str | None]] = [
        ["社区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    titles: list[int] = []
    bold: list[int] = []

    def figures(scope: Scope) -> list[str | None]:
        return [t.cell(scope, ind, r) for ind in INDS for r in ("target", "done", "pct")]

    for a in t.areas:
        titles.append(len(rows))
        spans.append((len(rows), 0, len(rows), ncols - 1))
        rows.append([a.name, *([None] * (ncols - 1))])
        for p in a.posts:
            rows.append([p, *figures((a.name, p))])
        bold.append(len(rows))
        rows.append(["小计", *figures((a.name,))])
    bold.append(len(rows))
    rows.append(["总计", *figures(TOTAL)])
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[3.0, *([1.5] * (3 * len(INDS)))],
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=1,
        bold_rows=titles + bold,
        shaded_rows=titles,
        row_height=16,
        cell_margin=0.08,
    )


def _score_grid(party: str, subs: list[str], score: str) -> Grid:
    rows: list[list[str | None]] = [["评估内容", "分值", "得分"]]
    for (what, value), got in zip(SUB_ITEMS[party], subs, strict=True):
        rows.append([what, str(value), got])
    rows.append(["小计", str(WEIGHTS[party]), score])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[6.0, 3.0, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        row_height=18,
        bold_rows=[len(rows) - 1],
    )


def _item_grid(rows: list[list[str | None]]) -> Grid:
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.4, 13.6],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        left_more=(1,),
        row_height=18,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    subs = SUBS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=110)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=170)
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    def band(text: str) -> None:
        w.heading(text, 1, band=BAND)

    areas = [a.name for a in t.areas]
    band("一、项目基本情况")
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），服务覆盖"
        f"{sum(len(a.posts) for a in t.areas)}个{'村' if m.street.endswith('镇') else '社区'}。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "社工站现有专职社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )

    band("二、评估方法")
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}前对{m.station}开展"
        f"{m.kind}评估，通过查阅台账、实地察看、服务对象回访和社工访谈等方式收集评估资料。"
    )
    shares = "、".join(f"{ROLES[p]}{WEIGHTS[p]}分" for p in PARTIES)
    w.para(
        f"评估由购买方、监督方、督导方和第三方评估机构四方按评分细则分别评分，各方分值为{shares}，"
        "四方得分之和为综合得分。综合得分90分（含）以上为优秀，80分（含）至90分为良好，"
        "60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, percent(plain) if role == "pct" else plain)

    band("三、服务指标完成情况")
    w.para(
        "评估周期内，社工站为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次，完成率",
        c("home_visits/count", "pct"),
        "；开展个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场。",
    )
    last = t.areas[-1].name
    w.para(
        f"分片区看，{last}入户探访",
        c("home_visits/count", scope=(last,)),
        "人次，完成率",
        c("home_visits/count", "pct", (last,)),
        "；个案服务",
        c("casework/sessions", scope=(last,)),
        "节。各片区及所辖社区的指标完成情况见表1。",
    )

    w.section(landscape=True)
    w.text(CAPTION, font=FONTS.heading, size=12, bold=True, align="center", space_after=6)
    w.table(_indicator_grid(t))
    w.text(
        "注：完成率＝完成量÷协议量×100%；小计为片区内各社区之和，总计为各片区小计之和。",
        size=9,
        align="left",
        space_before=3,
    )

    w.section(landscape=False)
    band("四、各方评估情况")
    for k, party in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{ROLES[party]}（{orgs[party]}）评估情况", 2, party=party)
        w.text(
            f"表4-{k + 1}  {ROLES[party]}评分细则",
            font=FONTS.heading,
            size=10.5,
            align="center",
            space_after=3,
        )
        w.table(_score_grid(party, subs[party], sc.scores[party]))
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.item_table(head, polarity, [x + "。" for x in texts], _item_grid)  # type: ignore[arg-type]

    band("五、评估结论")
    scored = "、".join(f"{ROLES[p]}评分{sc.scores[p]}分" for p in PARTIES)
    w.para(f"经四方评估，{scored}，综合得分{sc.total}分，评估等级为{sc.grade}。")
    w.para(
        f"{m.station}本期服务指标总体完成，服务规范性和专业性有所提升。建议承接机构对照各方"
        "评估意见逐项整改，进一步加强片区之间的统筹，巩固服务成效。"
    )
    w.text("", space_before=24)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "page", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="headings on grey bands; 表1 on a landscape page with a full-width title row "
    "per 片区 over its 社区 rows and 小计, 总计 last; per party a sub-item score table "
    "(小计 = the party's score) and 工作亮点/存在问题 item tables 序号 │ 内容",
    specs=SPECS,
    facts=facts,
    write=write,
)
