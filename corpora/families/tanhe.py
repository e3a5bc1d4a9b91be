"""潭河 template (fictional evaluator 沅州市潭河社会工作评估中心) — eighteenth held-back
split (`moated`), written blind.

Portrait A4, 宋体 小四, 黑体 headings, a cover (station, 年度中期/末期评估报告, 委托单位 /
承接机构 / 评估机构 / 报告日期), then a 报告摘要 page before 一、 whose last sentence gives
the GRADE ONLY, as a word in quotes (no total anywhere near it), and centred 第 X 页
footers. 一、…六、 with （一） inside; a staffing sentence (持证 with 中级/助理, 未持证,
resignations), no roster. 二、 the weights as a sentence and the bands as a table 表1
等级 │ 分数区间 in INTERVAL NOTATION ([90,100] / [80,90) / [60,80) / [0,60)) with a 注
reading the brackets. 三、 a paragraph of station totals and one 片区 sentence, then on the
next page 表2 TRANSPOSED with the 合计 COLUMN FIRST: 服务指标（单位） merged down over
its three rows │ 项目 (协议量 / 完成量 / 完成率) │ 合计 │ each 片区. 四、 per party
（一）购买方（…）评估意见: a sentence with the party's mark out of 100 and its
weighted score (按百分制评分91.5分，按30%权重折合27.45分), then the items with NO
praise/concern labels: each item's own run-in mark names its kind and number (亮点一：
… 问题一：, set bold), on a HANGING INDENT so a wrapped line aligns under the item's
text; a party with no concerns prints 问题：无。
五、 表3 评估主体 │ 百分制评分 │ 权重 │ 折合得分 │ 综合得分 │ 评估等级, the 综合得分 and
评估等级 cells each ONE cell merged down over the four party rows, no 合计 row: the total
printed only there; 五、 and 六、 together on the last page. 六、 conclusion, evaluator
and date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from docx.shared import Pt

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, run_font
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    Table,
    grade_of,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "tanhe"
SPLIT = "moated"
CITY = "沅州市"
EVALUATOR = "沅州市潭河社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
# [90,100] / [80,90) / [60,80) / [0,60): closed at both ends for 优秀, half-open below
BANDS = [
    Band("优秀", 90, 100, True, True),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", 0, 60),
]
INTERVALS = {"优秀": "[90,100]", "良好": "[80,90)", "合格": "[60,80)", "不合格": "[0,60)"}
BAND_LABEL = "表1"
LABEL = "表2"
SCORE_LABEL = "表3"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle()
ROLES = (("target", "协议量"), ("done", "完成量"), ("pct", "完成率"))
AREA_NAMES = "河西 河东 潭口 沙洲 柳湾 青石 枫桥 杉木".split()
CN = "一二三四五六七八九十"
ROLE_NAMES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}

SPECS: list[Spec] = [
    {
        "name": "tanhe_qingping_2025_final",
        "street": "清平街",
        "district": "潭北区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "126",
        "areas": 4,
        "staff": 10,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "tanhe_shuikou_2025_mid",
        "street": "水口镇",
        "district": "沅江区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "98",
        "areas": 3,
        "staff": 8,
        "no_concern": "supervision_centre",
        "errors": [("total_cell", None, "home_visits/count"), ("grade_band", None, "")],
    },
    {
        "name": "tanhe_lijiang_2024_final",
        "street": "漓江街",
        "district": "潭北区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 5,
        "staff": 11,
        "no_concern": None,
        "errors": [("narrative", None, "casework/sessions"), ("score_sum", None, "monitor")],
    },
]

# per report: each party's mark out of 100 (one decimal) and its items
MARKS: dict[str, dict[str, str]] = {}
ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}


def weighted_scores(rng: random.Random) -> tuple[dict[str, str], Scores]:
    """Each party's mark out of 100 (one decimal) and its 折合得分, the mark times its
    weight (exact at two decimals): the figures the total sums."""
    marks: dict[str, str] = {}
    weighted: dict[str, Decimal] = {}
    for p in PARTIES:
        mark = Decimal(str(round(rng.uniform(80, 96.5), 1)))
        marks[p] = f"{mark}"
        weighted[p] = (mark * WEIGHTS[p] / 100).quantize(Decimal("0.01"))
    total = sum(weighted.values(), Decimal(0))
    return marks, Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def mis_multiplied(f: ReportFacts, party: str) -> None:
    """One party's 折合得分 mis-multiplied (two digits swapped) in its sentence and in 表3;
    the 综合得分 is the sum of the right ones, so the printed scores no longer add up."""
    sc = f.scores
    right = sc.scores[party]
    wrong = inject.transpose(right)
    sc.scores[party] = wrong
    added = sum((Decimal(s) for s in sc.scores.values()), Decimal(0))
    mark = MARKS[f.name][party]
    f.findings.append(
        ExpectedFinding(
            kind="score_sum",
            ref="scoring/total",
            printed=sc.total,
            expected=f"{added}",
            note=f"{ROLE_NAMES[party]} 折合得分 {wrong} ≠ {mark} × {WEIGHTS[party]}% = {right}: "
            "the party scores as printed do not add up to the 综合得分",
        )
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['潭心', '沅芷', '守望'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    marks, scores = weighted_scores(rng_for(NAME, spec["name"] + "/scores"))
    MARKS[spec["name"]] = marks
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "md_th_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "md_th_concern", sum(c for _, c in counts))
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
            "cover": "station, 年度中期/末期评估报告, 委托单位/承接机构/评估机构/报告日期",
            "summary": "报告摘要 page before 一、: the grade only, as a quoted word",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…六、 with （一） inside",
            "staffing": "sentence: 持证 with 中级/助理, 未持证, resignations",
            "weights": "sentence (权重…%)",
            "bands": "表1 等级 │ 分数区间 in interval notation [90,100] [80,90) [60,80) [0,60)",
            "table": "表2 transposed: 服务指标（单位） merged over 协议量/完成量/完成率 rows, "
            "the 合计 column FIRST, then one column per 片区",
            "total_first": True,
            "labels": "no labels: each item's run-in mark 亮点一：/问题一： (bold), hanging "
            "indent; 问题：无。 for none",
            "zero_concern": spec["no_concern"] or "",
            "scores": "party sentence 按百分制评分…分，按…%权重折合…分; 表3 评估主体 │ "
            "百分制评分 │ 权重 │ 折合得分 │ 综合得分 │ 评估等级, the last two merged down over "
            "the four rows, no 合计 row; the total only there",
            "raw_marks": "/".join(marks[p] for p in PARTIES),
            "areas": n,
            "roster": False,
            "landscape": "",
            "kind": spec["kind"],
        },
    )
    for kind, _where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            up = {"合格": "良好", "良好": "优秀", "优秀": "良好", "不合格": "合格"}
            inject.grade_band(f, up[f.scores.grade])
        elif kind == "score_sum":
            mis_multiplied(f, key)
        else:
            raise ValueError(kind)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _caption(w: Writer, text: str) -> None:
    w.text(text, font=FONTS.heading, size=10.5, align="center", keep_with_next=True)


def _band_grid() -> Grid:
    rows: list[list[str | None]] = [["评估等级", "综合得分区间（分）"]]
    for b in BANDS:
        rows.append([b.grade, INTERVALS[b.grade]])
    return Grid(rows=rows, header_rows=1, widths=[4.0, 5.5], font_size=10.5, left_cols=0)


def _indicator_grid(t: Table) -> Grid:
    """服务指标（单位） │ 项目 │ 合计 │ each 片区: three rows per indicator, 合计 first."""
    scopes: list[Scope] = [TOTAL, *((a.name,) for a in t.areas)]
    rows: list[list[str | None]] = [["服务指标", "项目", "合计", *(a.name for a in t.areas)]]
    spans = []
    for ind in t.inds:
        first = len(rows)
        for k, (role, word) in enumerate(ROLES):
            rows.append(
                [ind.label if k == 0 else None, word, *(t.cell(s, ind, role) for s in scopes)]
            )
        spans.append((first, 0, first + 2, 0))
    n = len(scopes)
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.4, 1.8, *([round(10.8 / n, 2)] * n)],
        ruling="grid",
        spans=spans,
        font_size=10,
        left_cols=0,
        row_height=16,
        bold_rows=[0],
    )


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    marks = MARKS[f.name]
    rows: list[list[str | None]] = [
        ["评估主体", "百分制评分", "权重", "折合得分", "综合得分", "评估等级"]
    ]
    for k, p in enumerate(PARTIES):
        rows.append(
            [
                f"{ROLE_NAMES[p]}（{orgs[p]}）" if p != "third_party" else ROLE_NAMES[p],
                marks[p],
                f"{sc.weights[p]}%",
                sc.scores[p],
                sc.total if k == 0 else None,
                sc.grade if k == 0 else None,
            ]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.8, 2.5, 1.4, 2.1, 2.1, 2.1],
        spans=[(1, 4, 4, 4), (1, 5, 4, 5)],
        font_size=10.5,
        left_cols=1,
        row_height=22,
        bold_rows=[0],
    )


def _item(w: Writer, mark: str, text: str) -> None:
    """An item with its run-in mark (亮点一：) bold, on a hanging indent: the lines after
    the first align under the item's text."""
    w.item(mark, text, indent=0)
    p = w.doc.paragraphs[-1]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    size = FONTS.size
    run_font(p.add_run(mark), FONTS.heading, size, bold=True)
    run_font(p.add_run(text), FONTS.body, size)
    pf = p.paragraph_format
    hang = len(mark)
    pf.left_indent = Pt(size * (2 + hang))
    pf.first_line_indent = Pt(-size * hang)


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    title = f"{m.station}{m.year}年度{m.kind}评估报告"
    w = Writer(FONTS, title, m.evaluator)
    orgs = {
        "buyer": buyer_short(m.street),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": m.evaluator,
    }
    areas = [a.name for a in t.areas]

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=24, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=160)
    for line in (
        f"委托单位：{m.district}民政局",
        f"承接机构：{m.operator}",
        f"评估机构：{m.evaluator}",
        f"报告日期：{m.eval_date_printed}",
    ):
        w.text(line, size=14, align="center", space_after=6)
    w.page_break()

    # 报告摘要: the grade only
    w.text("报告摘要", size=18, bold=True, align="center", font=FONTS.heading, space_after=12)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}对{m.station}{m.assessment_printed}的服务"
        f"开展了{m.kind}评估。评估组通过查阅服务档案、实地察看站点、电话回访服务对象、"
        "与社工和社区干部座谈等方式收集资料，并汇总购买方、监督方、督导方的评分和意见。"
    )
    w.para(
        f"评估认为，{m.station}本期服务方向明确，片区服务网络运转正常，困难群众建档和入户"
        "探访等基础服务落实较好；专业服务的成效呈现和服务记录的规范性仍需加强。各方意见"
        "详见报告正文第四部分。"
    )
    w.para(f"经四方综合评定，{m.station}本期评估等级为“{sc.grade}”。")
    w.page_break()

    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务站位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "服务站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，承接机构均已及时补员。",
    )

    wt = sc.weights
    w.heading("二、评估方法与等级标准", 1)
    w.para(
        f"本次评估采取查阅档案、实地走访、电话回访和座谈访谈相结合的方式进行。购买方、"
        f"监督方、督导方和第三方评估机构四方分别按百分制评分，再按权重折合后相加为综合"
        f"得分，权重为购买方{wt['buyer']}%、监督方{wt['monitor']}%、督导方"
        f"{wt['supervision_centre']}%、第三方评估机构{wt['third_party']}%。"
        f"评估结果按综合得分分为四个等级，见{BAND_LABEL}。",
        keep_with_next=True,
    )
    _caption(w, f"{BAND_LABEL}  评估等级标准")
    w.table(_band_grid())
    w.text(
        "注：“[”“]”表示含该端点分值，“)”表示不含该端点分值。",
        size=9.5,
        align="left",
        space_before=4,
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，服务站为困难群众建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；入户探访",
        c("home_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场，社区活动完成率",
        c("community_events/count", "pct"),
        "。",
    )
    first = areas[0]
    w.para(
        f"分片区看，{first}开展个案服务",
        c("casework/sessions", scope=(first,)),
        "节，完成率",
        c("casework/sessions", "pct", (first,)),
        f"。各片区服务指标完成情况见{LABEL}。",
    )
    w.page_break()  # 表2 whole on the next page
    _caption(w, f"{LABEL}  服务指标完成情况（按片区）")
    w.table(_indicator_grid(t))
    w.text(
        "注：完成率＝完成量÷协议量×100%；“合计”列为各片区之和。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.heading("四、各方评估意见", 1)
    items = ITEMS[f.name]
    for k, party in enumerate(PARTIES):
        org = "" if party == "third_party" else f"（{orgs[party]}）"
        w.heading(f"（{CN[k]}）{ROLE_NAMES[party]}{org}评估意见", 2, party=party)  # type: ignore[arg-type]
        w.para(
            f"{ROLE_NAMES[party]}按百分制评分{MARKS[f.name][party]}分，按{wt[party]}%权重"
            f"折合{sc.scores[party]}分。主要意见如下："
        )
        praise, concern = items[party]
        w.label_only("亮点", "praise")
        for j, text in enumerate(praise):
            _item(w, f"亮点{CN[j]}：", text + "。")
        w.label_only("问题", "concern")
        if not concern:
            w.none("问题：无。")
        for j, text in enumerate(concern):
            _item(w, f"问题{CN[j]}：", text + "。")

    w.page_break()  # 五、 and 六、 together on the last page
    w.heading("五、评估得分", 1)
    w.para(f"四方评分、折合得分及综合得分见{SCORE_LABEL}。", keep_with_next=True)
    _caption(w, f"{SCORE_LABEL}  四方评分及综合得分")
    w.table(_score_grid(f, orgs))

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务。建议承接机构针对各方提出的问题逐项"
        "制定整改措施，加强服务成效的提炼与展示，规范服务记录，并在下一周期均衡推进各"
        "片区的指标进度。",
        keep_with_next=True,
    )
    w.text("", space_before=24, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "page", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="报告摘要 with the grade only; bands in interval notation ([80,90)); 表2 "
    "transposed with the 合计 column first; items marked 亮点一：/问题一： on a hanging "
    "indent, no labels; each party's mark out of 100 and weighted score in a sentence; 表3 "
    "with 综合得分 and 评估等级 merged down over the four party rows",
    specs=SPECS,
    facts=facts,
    write=write,
)
