"""凌波 template (fictional evaluator 凌州市凌波社会工作评估中心) — seventeenth held-back
split, its second family.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), 第 X 页 centred. 一、…六、 with （一） inside.
A REVIEW COPY: the evaluator's reviewer left Word COMMENTS (批注, by 凌波评估组审核) on five
paragraphs, and the PDF was exported with "comments as PDF annotations", so each prints
as a note icon at the end of its paragraph with the comment's text in the annotation —
two quoting figures that are not the report's (an earlier draft's 个案服务, the third
party's score before review). 一、 a staffing sentence (持证 with
中级/助理, 未持证, resignations), no roster. 二、 weights (占…%) and bands 85/75/60 (含) as
sentences. 三、（一） a paragraph of station totals (each completion and rate) and a 片区
sentence; （二） the indicator data as THREE PER-MEASURE MATRICES, each its own captioned
table of 片区 rows × indicator columns with 合计 last: 表2-1 各片区服务指标协议量,
表2-2 各片区服务指标完成量 (both with units in the header), 表2-3 各片区服务指标完成率
(no units), a 注. 四、 per party （一）购买方（…）评估意见 … with 值得肯定的方面： /
需要关注的问题： on lines of their own and items typed 1. 2. … whose NUMBERING RUNS ON
from the praise to the concerns (Word's list continued: 1.–3. praise, 4.–5. concerns;
暂无。 for none). 五、 表3 评估主体 │ 权重 │ 得分 (合计 100% │ total), the total and the
grade in a sentence. 六、 the conclusion, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "lingbo"
SPLIT = "fenced"
CITY = "凌州市"
EVALUATOR = "凌州市凌波社会工作评估中心"
REVIEWER = "凌波评估组审核"
INITIALS = "LB"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 25, "monitor": 20, "supervision_centre": 15, "third_party": 40}
BANDS = standard_bands(85, 75, 60)
# the three per-measure matrices; the gold's rows carry the completion table's label
TARGETS, LABEL, RATES = "表2-1", "表2-2", "表2-3"
CAPTIONS = {
    TARGETS: f"{TARGETS}  各片区服务指标协议量",
    LABEL: f"{LABEL}  各片区服务指标完成量",
    RATES: f"{RATES}  各片区服务指标完成率",
}
SCORE_LABEL = "表3"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "凌波 临江 望湖 西岭 东渡 柳岸 清溪 月湾 南浦".split()
HEADS = ("值得肯定的方面", "需要关注的问题")

SPECS: list[Spec] = [
    {
        "name": "lingbo_linjiang_2025_final",
        "street": "临江街",
        "district": "凌东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "128",
        "areas": 4,
        "staff": 11,
        "no_concern": "supervision_centre",
        "errors": [],
    },
    {
        "name": "lingbo_wanghu_2025_mid",
        "street": "望湖镇",
        "district": "凌西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "96",
        "areas": 3,
        "staff": 8,
        "no_concern": None,
        "errors": [
            ("total_cell", None, "casework/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "lingbo_liuan_2024_final",
        "street": "柳岸街",
        "district": "凌东区",
        "kind": "末期",
        "start": dt.date(2024, 7, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 5,
        "staff": 13,
        "no_concern": None,
        "errors": [("row_pct", 1, "groups/sessions"), ("grade_band", None, "down")],
    },
]

ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
# the reviewer's earlier figures quoted in comments: (casework done before review,
# third-party score before review)
DRAFT: dict[str, tuple[int, str]] = {}


# ---------------------------------------------------------------- facts


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['凌云', '同心圆', '善水'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "fc_lb_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "fc_lb_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    draft_rng = rng_for(NAME, spec["name"] + "/draft")
    cw = table.done[(TOTAL, "casework/sessions")]
    third = Decimal(scores.scores["third_party"]) + Decimal(draft_rng.choice(["0.50", "-0.40"]))
    DRAFT[spec["name"]] = (cw + draft_rng.choice([-6, 4, 8]), f"{third:.2f}")
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "station, 年度评估报告, 委托单位/承接机构/评估机构/报告日期",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…六、 with （一） inside",
            "comments_in": "annotations",
            "comments": "five reviewer's Word comments (批注) exported as PDF text annotations "
            "(LibreOffice ExportNotes, a note icon at each paragraph's end); two quote figures "
            "that are not the report's (a draft's 个案服务, the third party's score before "
            "review)",
            "staffing": "sentence (持证 with 中级/助理, 未持证, resignations), no roster",
            "weights": "占…% sentence",
            "bands": "85/75/60 (含) sentence",
            "table": f"three per-measure matrices {TARGETS} 协议量 / {LABEL} 完成量 / "
            f"{RATES} 完成率, each 片区 rows × indicator columns, 合计 last; gold rows "
            f"carry {LABEL}",
            "per_measure_tables": f"{TARGETS}|{LABEL}|{RATES}",
            "labels": "值得肯定的方面：/需要关注的问题： on lines of their own, 1. items "
            "numbered on from the praise to the concerns",
            "numbering_runs_on": True,
            "scores": f"{SCORE_LABEL} 评估主体 │ 权重 │ 得分, 合计 last; total and grade in a "
            "sentence",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            grades = [b.grade for b in BANDS]  # one band worse than the total's
            inject.grade_band(f, grades[grades.index(f.scores.grade) + 1])
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
CN = "一二三四五六"


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": EVALUATOR,
    }


def _caption(w: Writer, text: str) -> None:
    w.text(
        text,
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=8,
        space_after=3,
        keep_with_next=True,
    )


def _comment(w: Writer, f: ReportFacts, text: str, minute: int) -> None:
    """The reviewer's comment on the paragraph written last."""
    when = dt.datetime.combine(f.meta.eval_date, dt.time(9, minute))
    kit.comment(w.doc.paragraphs[-1], text, REVIEWER, INITIALS, when)


def _matrix(f: ReportFacts, role: str) -> Grid:
    """One measure's matrix: 片区 rows × indicator columns, 合计 last (bold)."""
    t = f.table(LABEL)
    heads = [i.label.split("（")[0] if role == "pct" else i.label for i in INDS]
    rows: list[list[str | None]] = [["片区", *heads]]
    for a in t.areas:
        scope: Scope = (a.name,)
        rows.append([a.name, *(t.cell(scope, i, role) for i in INDS)])
    rows.append(["合计", *(t.cell(TOTAL, i, role) for i in INDS)])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.4, *([2.6] * len(INDS))],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for p in PARTIES:
        rows.append([f"{ROLES[p]}（{orgs[p]}）", f"{WEIGHTS[p]}%", sc.scores[p]])
    rows.append(["合计", "100%", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[8.0, 2.4, 2.8],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    draft_cw, draft_third = DRAFT[f.name]
    orgs = _orgs(f)
    year = m.assessment[1].year
    title = f"{year}年度{m.kind}评估报告"
    w = Writer(FONTS, f"{m.station}{title}", m.evaluator)

    # cover
    w.text("", space_before=150)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(title, size=22, bold=True, align="center", font=FONTS.heading, space_before=12)
    w.text("", space_before=170)
    for line in (
        f"委托单位：{m.district}民政局",
        f"承接机构：{m.operator}",
        f"评估机构：{m.evaluator}",
        f"报告日期：{m.eval_date_printed}",
    ):
        w.text(line, size=15, align="left", indent_chars=6)
    w.page_break()

    areas = [a.name for a in t.areas]
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
        "服务站现有专职社工",
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
        "名，承接机构均已补员。",
    )
    _comment(w, f, "人员情况以承接机构报送的花名册为准，请补充各片区配置情况。", 5)

    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成评估组，通过查阅台账、实地察看、"
        "服务对象回访和座谈访谈等方式，对服务站本期服务进行评估，并汇总各方评分和意见"
        "形成本报告。"
    )
    weights = "、".join(f"{ROLES[p]}评分占{WEIGHTS[p]}%" for p in PARTIES)
    w.para(
        f"综合得分由四方评分加权构成，其中{weights}。综合得分85分（含）以上为优秀，"
        "75分（含）至85分为良好，60分（含）至75分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）总体完成情况", 2)
    parts: list[str | Fig] = ["本期服务站"]
    for k, ind in enumerate(INDS):
        name = ind.label.split("（")[0]
        parts += [
            f"完成{name}",
            c(ind.key),
            f"{ind.unit}，完成率",
            c(ind.key, "pct"),
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts)
    cw_done = t.cell(TOTAL, "casework/sessions", "done")
    _comment(
        w,
        f,
        f"个案服务初稿为{draft_cw}节，已按结案台账核对为{cw_done}节，请承接机构确认。",
        12,
    )

    def rate(a: str, key: str) -> Decimal:
        return Decimal(t.done[((a,), key)]) / t.target[((a,), key)]

    best = max(areas, key=lambda a: rate(a, "home_visits/count"))
    worst = min(areas, key=lambda a: rate(a, "groups/sessions"))
    w.para(
        f"分片区看，{best}入户探访完成",
        c("home_visits/count", scope=(best,)),
        "人次，完成率",
        c("home_visits/count", "pct", (best,)),
        f"，为各片区最高；{worst}小组服务完成",
        c("groups/sessions", scope=(worst,)),
        "节，完成率",
        c("groups/sessions", "pct", (worst,)),
        "，进度相对滞后。",
    )
    w.heading("（二）各片区指标完成情况", 2)
    w.para(
        f"各片区的协议量、完成量和完成率分别见{TARGETS}、{LABEL}和{RATES}。",
        keep_with_next=True,
    )
    for label, role in ((TARGETS, "target"), (LABEL, "done"), (RATES, "pct")):
        _caption(w, CAPTIONS[label])
        if label == RATES:
            _comment(w, f, "完成率统一保留两位小数，合计行按合计完成量除以合计协议量计算。", 20)
        w.table(_matrix(f, role))
    w.text(
        f"注：完成率＝完成量÷协议量×100%；合计为各片区之和，{RATES}的合计为合计完成量与"
        "合计协议量之比。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{CN[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)  # type: ignore[arg-type]
        n = 0
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("暂无。")
            for text in texts:
                n += 1
                w.item(f"{n}.", text + "。", ordinal=n)
            if party == "monitor" and polarity == "concern" and texts:
                _comment(w, f, "此条建议补充具体片区和数据支撑。", 31)

    w.heading("五、评估得分与等级", 1)
    w.para(f"四方评分情况见{SCORE_LABEL}。", keep_with_next=True)
    _caption(w, f"{SCORE_LABEL}  四方评分汇总")
    w.table(_score_grid(f, orgs))
    w.para(
        f"经加权汇总，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )
    _comment(
        w,
        f,
        f"第三方评估机构评分经评估组复核，由{draft_third}分调整为{sc.scores['third_party']}分，"
        "综合得分已相应调整。",
        40,
    )

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，片区服务网络运行平稳。建议承接机构"
        "针对各方意见逐项制定整改措施，重点关注进度滞后片区的指标完成情况，并在下一周期"
        "加强服务成效的提炼与展示。",
        keep_with_next=True,
    )
    w.text("", space_before=24, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "page", FONTS.body, 10.5, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="a review copy with Word comments exported as PDF annotations; the indicator data "
    "as three per-measure matrices 表2-1 协议量 / 表2-2 完成量 / 表2-3 完成率; item "
    "numbering running on from the praise to the concerns",
    specs=SPECS,
    facts=facts,
    write=write,
)
