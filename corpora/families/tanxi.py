"""檀溪 template (fictional evaluator 澄州市檀溪社会工作评估中心) — twelfth held-back split.

Portrait A4 set for printing on both sides, 宋体 小四 at 1.5 lines, 黑体 headings; a cover
with the assessment period, then page numbers 第 X 页 at the OUTER edge of the page (Word's
奇偶页不同 footers: right on odd pages, left on even ones). Every date typed in ISO form
with hyphens (2025-01-01至2025-12-31, 报告日期：2026-01-20). 一、…六、 with （一） inside.
一、基本情况 with a staffing sentence (持证 with 中级/助理, 未持证), no roster; 二、评估说明 with
the bands 90/80/60 as a sentence and no weights: each party scores within its full mark,
printed only in the score table. 三、服务指标完成情况: a paragraph of station totals and
one 片区 sentence, then, on a LANDSCAPE page of its own (a section of landscape
orientation), 表1 typed with TAB STOPS, no Word table: one paragraph per line, the group
headers (困难群众建档（户） …) centred over their three figures on a centre tab, the
协议量 │ 完成量 │ 完成率 line and every 片区 line right-aligned on right tabs, 合计 last,
three paragraph rules (above the header, under it, under 合计) where a three-line table
draws them, and a 注. 四、各方评估意见: one heading per party, （一）购买方（…）评估意见 …, each
with the labels 取得的成绩： / 存在的薄弱环节： on lines of their own and items numbered
with the parenthesised-digit characters ⑴⑵⑶ (one character each, U+2474…). 五、评估得分:
表2 评估主体 │ 得分/满分 with each party's score and its full mark in ONE cell (26.85/30),
合计 last (88.12/100). 六、评估结论: 综合得分 in a line and the grade as a line of CHECK
BOXES (评估等级：□优秀　☑良好　□合格　□不合格), then the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, TabStop, mirrored_page_numbers, tab_line
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Table,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "tanxi"
SPLIT = "locked"
CITY = "澄州市"
EVALUATOR = "澄州市檀溪社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 10, "supervision_centre": 20, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
GRADES = ("优秀", "良好", "合格", "不合格")
LABEL = "表1"
CAPTION = "表1  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("volunteer_hours", "hours", "志愿服务（小时）", "小时"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "莲华 鹤山 柳岸 檀林 青湾 石埠 梅岭 竹溪".split()
MARKS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼"
HEADS = ("取得的成绩", "存在的薄弱环节")

SPECS: list[Spec] = [
    {
        "name": "tanxi_lianhua_2025_final",
        "street": "莲华街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "138",
        "areas": 4,
        "staff": 11,
        "errors": [],
    },
    {
        "name": "tanxi_heshan_2025_mid",
        "street": "鹤山镇",
        "district": "澄西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "112",
        "areas": 3,
        "staff": 9,
        "errors": [
            ("sum_cell", "registered/households", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "tanxi_liuan_2024_final",
        "street": "柳岸街",
        "district": "澄东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "150",
        "areas": 5,
        "staff": 13,
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("grade_band", "", None),
        ],
    },
]


def iso_date(d: dt.date) -> str:
    """2025-01-01: the date as an office's form template or spreadsheet types it."""
    return d.isoformat()


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['同心', '益众', '启明'])}社会工作服务社",
        date=iso_date,
        joiner="至",
        area_count=str(n),
    )
    names = [f"{a}片区" for a in rng.sample(AREA_NAMES, n)]
    areas = [Area(a) for a in names]
    table = make_table(
        rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.1
    )
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng, WEIGHTS, BANDS, decimals=2, level=(0.82, 0.96))
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(3, 4), text_rng.randint(2, 3)) for _ in PARTIES]
    praise = pick(text_rng, "lk_tx_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "lk_tx_concern", sum(c for _, c in counts))
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
            "cover": "cover: station, report title, 评估周期, 评估机构, 报告日期",
            "footer": "第 X 页 at the outer edge: right on odd pages, left on even ones "
            "(奇偶页不同), none on the cover",
            "outer_pages": True,
            "dates": "ISO with hyphens (2025-01-01至2025-12-31)",
            "headings": "一、…六、 with （一） inside",
            "labels": "取得的成绩：/存在的薄弱环节： on lines of their own under each party's "
            "heading",
            "numbering": "parenthesised-digit characters ⑴⑵⑶ (U+2474…)",
            "weights": "only as each party's full mark after the slash in 表2 (得分/满分)",
            "bands": "sentence, 90/80/60 (含)",
            "scores": "表2 评估主体 │ 得分/满分, score and full mark in one cell "
            "(26.85/30), 合计 last (total/100)",
            "grade": "a line of check boxes, the grade ticked ☑, the others □",
            "checked_grade": "",  # set below, after any injected grade
            "table": "表1 typed with tab stops (no Word table) on a landscape page: group "
            "headers on centre tabs, figures on right tabs, three paragraph rules, 合计 last",
            "tabbed_table": f"{CAPTION}|合计",
            "landscape": "mediabox",
            "rate": "2 decimals with %",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key)
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "target", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            inject.grade_band(f, "优秀" if scores.grade == "良好" else "良好")
    f.knobs["checked_grade"] = f.scores.grade
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
# landscape text width 26.1 cm: the 片区 column, then three 1.56 cm columns per indicator
LABEL_CM, COLUMN_CM, PAD_CM = 2.6, 1.56, 0.12
TABLE_SIZE = 10.0


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作指导中心",
        "third_party": EVALUATOR,
    }


def _tabbed_table(w: Writer, t: Table) -> None:
    """表1 as tabbed lines: group headers centred over their three columns, then the
    measure line and a line per 片区 and 合计 with figures right-aligned at each column's
    right edge; rules above the header, under it and under 合计."""
    n = 3 * len(INDS)
    rights = [TabStop(LABEL_CM + COLUMN_CM * (j + 1) - PAD_CM) for j in range(n)]
    centres = [TabStop(LABEL_CM + COLUMN_CM * (3 * k + 1.5), "center") for k in range(len(INDS))]
    font, size = FONTS.body, TABLE_SIZE
    tab_line(
        w.doc,
        ["", *(i.label for i in INDS)],
        centres,
        font=font,
        size=size,
        bold=True,
        rule_above=12,
    )
    tab_line(
        w.doc,
        ["片区", *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
        rights,
        font=font,
        size=size,
        bold=True,
        rule_below=6,
    )
    scopes = list(t.scopes())
    for scope in scopes:
        last = scope == TOTAL
        tab_line(
            w.doc,
            [
                "合计" if last else scope[0],
                *(t.cell(scope, ind, r) for ind in INDS for r in ("target", "done", "pct")),
            ],
            rights,
            font=font,
            size=size,
            bold=last,
            rule_below=12 if last else 0,
        )


def _score_grid(f: ReportFacts) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "得分/满分"]]
    for party in PARTIES:
        rows.append([ROLES[party], f"{sc.scores[party]}/{sc.weights[party]}"])
    rows.append(["合计", f"{sc.total}/100"])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[5.0, 4.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
        bold_rows=[0],
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"评估周期：{m.assessment_printed}", size=15, align="center")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点设在{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "社工站配备专职社工",
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

    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}前对{m.station}开展"
        f"{m.kind}评估，采取查阅台账、现场察看、服务对象回访和社工访谈相结合的方式。"
    )
    w.para(
        f"评估由{orgs['buyer']}（购买方）、{orgs['monitor']}（监督方）、"
        f"{orgs['supervision_centre']}（督导方）和第三方评估机构四方在各自满分内评分，"
        "四方得分之和为综合得分（满分100分），各方满分见表2。综合得分90分（含）以上为优秀，"
        "80分（含）至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, percent(plain) if role == "pct" else plain)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估周期内，社工站累计为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次，完成率",
        c("home_visits/count", "pct"),
        "；开展个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节，组织志愿服务",
        c("volunteer_hours/hours"),
        "小时。",
    )
    first = t.areas[0].name
    w.para(
        f"其中，{first}入户探访",
        c("home_visits/count", scope=(first,)),
        "人次，完成率",
        c("home_visits/count", "pct", (first,)),
        "。各片区指标完成情况见表1。",
    )

    w.section(landscape=True)
    w.text(CAPTION, font=FONTS.heading, size=12, bold=True, align="center", space_after=6)
    _tabbed_table(w, t)
    w.text("注：完成率＝完成量÷协议量×100%。", size=9, align="left", space_before=3)

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            for j, text in enumerate(texts):
                w.item(MARKS[j], text + "。")

    w.heading("五、评估得分", 1)
    w.para("四方评分情况见表2。")
    w.text("表2  各方评分情况", font=FONTS.heading, size=10.5, align="center", space_after=3)
    w.table(_score_grid(f))

    w.heading("六、评估结论", 1)
    w.text(f"综合得分：{sc.total}分", indent_chars=2)
    boxes = "　".join(("☑" if g == sc.grade else "□") + g for g in GRADES)
    w.text(f"评估等级：{boxes}", indent_chars=2)
    w.para("建议承接机构对照各方评估意见逐项整改，巩固服务成效。")
    w.text("", space_before=24)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    for sec in w.doc.sections:
        if sec.page_width is not None and sec.page_height is not None:
            if sec.page_width < sec.page_height:
                sec.left_margin = sec.right_margin = Cm(2.5)
    mirrored_page_numbers(w.doc, FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="ISO dates, page numbers at the outer edge (奇偶页不同); 表1 typed with tab "
    "stops on a landscape page (no Word table); ⑴⑵ items under 取得的成绩/存在的薄弱环节; "
    "表2 得分/满分 in one cell; the grade ticked in a line of check boxes",
    specs=SPECS,
    facts=facts,
    write=write,
)
