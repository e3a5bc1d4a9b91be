"""鹿鸣 template (fictional evaluator 鹿川市鹿鸣社会工作评估中心) — seventeenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings each set beside a thick coloured ACCENT BAR
at its left (a left paragraph border, Word's 边框 › 左框线 in the template's colour); a cover
(station, report title, 评估机构, 报告日期), then 第 X 页 centred. Every table's header row
is printed REVERSED: white bold text on a dark blue fill. 一、项目基本情况 with a staffing
sentence (持证 with 中级/助理, 未持证), no roster; 二、评估说明 with an EVALUATION TEAM table
表1 评估组成员 (序号 │ 姓名 │ 职务/职称 │ 评估分工), the weights (占…%) and the bands 90/80/60
as sentences. 三、服务指标完成情况: a paragraph of station totals, a sentence on the first
and the last 片区 naming its responsible social worker, then, on a LANDSCAPE page, 表2: named
片区 rows each with a 负责社工 column (a person's name, no figure) after the 片区, five
indicator groups 协议量 │ 完成量 │ 完成率, 合计 last (its 负责社工 "—"), a 注. 四、各方评估意见:
per party （一）购买方（…）评估意见, 值得肯定的方面： with 1. items, then 存在问题及整改建议：
over a 问题整改表 序号 │ 存在问题 │ 整改建议 │ 完成时限 (the problem the item; one party's
concerns 暂无。 in one report). 五、评估结论: 表3 评估主体 │ 权重 │ 得分 (合计 last), the total
and the grade in a sentence, the signature.
"""

from __future__ import annotations

import datetime as dt
import random

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    GIVEN,
    SURNAMES,
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Table,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "luming"
SPLIT = "fenced"
CITY = "鹿川市"
EVALUATOR = "鹿川市鹿鸣社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
GRADES = ["优秀", "良好", "合格", "不合格"]
LABEL = "表2"
CAPTION = "表2  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "鹿鸣 白鹭 青萍 芦湾 柏林 桂溪 荷塘 云杉 槐安".split()
PRAISE, CONCERN = "值得肯定的方面", "存在问题及整改建议"
DARK, WHITE = "1F4E79", "FFFFFF"  # the reversed header: white text on dark blue
ACCENT = "2E75B6"  # the headings' left bar
TEAM_ROLES = [
    ("组长", "高级社会工作师", "统筹评估，审定报告"),
    ("成员", "中级社会工作师", "服务指标核查与数据复核"),
    ("成员", "中级社会工作师", "服务档案查阅、实地走访"),
    ("成员", "会计师", "项目资金使用情况核查"),
    ("成员", "助理社会工作师", "服务对象电话回访"),
]

SPECS: list[Spec] = [
    {
        "name": "luming_heyuan_2025_final",
        "street": "鹤苑街",
        "district": "鹿城区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 4,
        "staff": 12,
        "team": 4,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "luming_songxi_2025_mid",
        "street": "松溪镇",
        "district": "鹿北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "areas": 3,
        "staff": 9,
        "team": 3,
        "no_concern": "monitor",
        "errors": [
            ("total_cell", None, "casework/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "luming_taoxi_2024_final",
        "street": "桃溪街",
        "district": "鹿城区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "156",
        "areas": 5,
        "staff": 14,
        "team": 5,
        "no_concern": None,
        "errors": [("row_pct", 1, "groups/sessions"), ("grade_band", None, "")],
    },
]


# ---------------------------------------------------------------- facts


def names(rng: random.Random, n: int) -> list[str]:
    """`n` different fictional names (surname + one or two given characters)."""
    out: list[str] = []
    while len(out) < n:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in out:
            out.append(name)
    return out


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['鹿和', '众禾', '向阳'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    people = names(rng_for(NAME, spec["name"] + "/people"), n + spec["team"])
    LEADERS[spec["name"]] = dict(zip((a.name for a in areas), people[:n], strict=True))
    TEAM[spec["name"]] = people[n:]
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "fc_lm_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "fc_lm_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        pairs = [(a, b) for a, b in (c.split("｜") for c in concern[:nc])]
        items[party] = (praise[:np], pairs)
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
            "cover": "cover: station, report title, 评估机构, 报告日期",
            "footer": "第 X 页 centred, none on the cover",
            "headings": "一、…五、 with （一） inside, each beside a thick coloured left bar",
            "header_fill": f"every table's header row white bold text on {DARK}",
            "team_table": "表1 评估组成员 序号 │ 姓名 │ 职务/职称 │ 评估分工",
            "labels": f"{PRAISE}： with 1. items; {CONCERN}： over a 问题整改表 序号 │ "
            "存在问题 │ 整改建议 │ 完成时限 (the problem the item), 暂无。 for none",
            "numbering": "dot",
            "weights": "sentence (占…%) and 表3's 权重 column",
            "bands": "sentence, 90/80/60 (含)",
            "scores": "表3 评估主体 │ 权重 │ 得分 with 合计, total and grade in a sentence",
            "table": "表2 on a landscape page: named 片区 rows with a 负责社工 column (a name) "
            "after the 片区, 合计 last (负责社工 —), fully ruled, caption above, a 注",
            "leaders": ";".join(LEADERS[spec["name"]].values()),
            "captions_above": f"{CAPTION}|{areas[0].name}|合计;表3  各方评分汇总|购买方|合计",
            "landscape": "mediabox",
            "rate": "2 decimals with %",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10.00")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "grade_band":
            right = GRADES.index(scores.grade)
            inject.grade_band(f, GRADES[right - 1] if right > 0 else GRADES[1])
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[tuple[str, str]]]]] = {}
LEADERS: dict[str, dict[str, str]] = {}
TEAM: dict[str, list[str]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
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


def _reversed(rows: list[list[str | None]], header_rows: int) -> dict[tuple[int, int], str]:
    """White text for every header cell (the fill is the header rows' `fills`)."""
    return {(r, c): WHITE for r in range(header_rows) for c in range(len(rows[r]))}


def _grid(rows: list[list[str | None]], widths: list[float], **kw: object) -> Grid:
    """A fully ruled table whose one header row is reversed (white on dark blue)."""
    return Grid(
        rows=rows,
        header_rows=1,
        widths=widths,
        ruling="grid",
        fills={0: DARK},
        colors=_reversed(rows, 1),
        row_height=18,
        **kw,  # type: ignore[arg-type]
    )


def _indicator_grid(t: Table, leaders: dict[str, str]) -> Grid:
    """表2: two reversed header rows (片区 │ 负责社工 │ each indicator over 协议量 │ 完成量 │
    完成率), the 片区 rows with their responsible social worker, 合计 last."""
    rows: list[list[str | None]] = [
        ["片区", "负责社工", *(x for i in INDS for x in (i.label, None, None))],
        [None, None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)]
    spans += [(0, 2 + 3 * k, 0, 4 + 3 * k) for k in range(len(INDS))]
    scopes: list[tuple[str, str, Scope]] = [(a.name, leaders[a.name], (a.name,)) for a in t.areas]
    scopes.append(("合计", "—", TOTAL))
    roles = ("target", "done", "pct")
    for label, who, scope in scopes:
        rows.append([label, who, *(t.cell(scope, ind, role) for ind in INDS for role in roles)])
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.0, 1.5, *([1.3, 1.3, 1.85] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=9.5,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        fills={0: DARK, 1: DARK},
        colors=_reversed(rows, 2),
        row_height=22,
        cell_margin=0.08,
    )


def _accent(w: Writer) -> None:
    """The heading just written gets a thick coloured bar at its left (w:pBdr left)."""
    p = w.doc.paragraphs[-1]
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for k, v in (("val", "single"), ("sz", "36"), ("space", "6"), ("color", ACCENT)):
        left.set(qn(f"w:{k}"), v)
    bdr.append(left)
    # schema order in w:pPr: … pBdr, shd, tabs, suppressAutoHyphens, … spacing, ind, jc
    after = next(
        (
            el
            for el in (ppr.find(qn(f"w:{t}")) for t in ("shd", "tabs", "spacing", "ind", "jc"))
            if el is not None
        ),
        None,
    )
    if after is not None:
        after.addprevious(bdr)
    else:
        ppr.append(bdr)


def _caption(w: Writer, text: str) -> None:
    w.text(
        text,
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=6,
        space_after=3,
        keep_with_next=True,
    )


def _due(report: dt.date, k: int) -> str:
    """A remedy's deadline: the end of the k-th month after the report's month."""
    month = report.month - 1 + k
    return f"{report.year + month // 12}年{month % 12 + 1}月底前"


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    leaders = LEADERS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    def h(text: str, level: int, **kw: object) -> None:
        w.heading(text, level, **kw)  # type: ignore[arg-type]
        if level == 1:
            _accent(w)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=180)
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    h("一、项目基本情况", 1)
    h("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}向社会购买服务，{m.operator}承接运营，服务站地址为{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站按辖区划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），每个片区由一名负责社工牵头开展服务。"
    )
    h("（二）人员配置", 2)
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
        "名。",
    )

    h("二、评估说明", 1)
    h("（一）评估组织", 2)
    team = TEAM[f.name]
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成{len(team)}人评估组，对{m.station}开展"
        f"{m.kind}评估。评估组成员及分工见表1。",
        keep_with_next=True,
    )
    _caption(w, "表1  评估组成员")
    roles = [TEAM_ROLES[0], *TEAM_ROLES[1 : len(team)]]
    team_rows: list[list[str | None]] = [["序号", "姓名", "职务/职称", "评估分工"]]
    for k, (name, (duty, title, task)) in enumerate(zip(team, roles, strict=True), start=1):
        team_rows.append([str(k), name, f"{duty}/{title}", task])
    w.table(_grid(team_rows, [1.3, 2.2, 4.6, 7.0], font_size=10.5, left_cols=0, left_more=(3,)))
    h("（二）评估方法与评分", 2)
    w.para(
        "评估组通过查阅服务档案、实地走访片区、电话回访服务对象和座谈等方式收集资料，并结合"
        "购买方、监督方和督导方的评分意见形成本报告。"
    )
    shares = "、".join(f"{ROLES[p]}评分占{WEIGHTS[p]}%" for p in PARTIES)
    w.para(
        f"综合得分由四方评分加权构成，其中{shares}。综合得分90分（含）以上为优秀，80分（含）"
        "至90分为良好，60分（含）至80分为合格，60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, percent(plain) if role == "pct" else plain)

    h("三、服务指标完成情况", 1)
    w.para(
        "评估周期内，服务站为困难群众建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；开展入户探访",
        c("home_visits/count"),
        "人次，完成率",
        c("home_visits/count", "pct"),
        "；提供个案服务",
        c("casework/sessions"),
        "节，开展小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场。",
    )
    first, last = t.areas[0].name, t.areas[-1].name
    w.para(
        f"分片区看，{first}（负责社工{leaders[first]}）开展个案服务",
        c("casework/sessions", scope=(first,)),
        "节，完成率",
        c("casework/sessions", "pct", (first,)),
        f"；{last}（负责社工{leaders[last]}）入户探访",
        c("home_visits/count", scope=(last,)),
        "人次，完成率",
        c("home_visits/count", "pct", (last,)),
        "。各片区指标完成情况见表2。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(t, leaders))
    w.text(
        "注：1.完成率＝完成量÷协议量×100%；2.负责社工为各片区服务的牵头社工；"
        "3.合计为各片区数据之和。",
        size=9,
        align="left",
        space_before=3,
    )

    w.section(landscape=False)
    h("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        h(f"（{'一二三四'[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        praise, concern = items[party]
        w.label(PRAISE, "praise")
        for j, text in enumerate(praise, start=1):
            w.item(f"{j}.", text + "。")
        rows = [(p, r, _due(m.eval_date, 1 + j % 3)) for j, (p, r) in enumerate(concern)]
        w.remedy_table(
            CONCERN,
            rows,
            lambda body: _grid(
                body,
                [1.2, 5.6, 5.4, 3.2],
                font_size=10,
                left_cols=0,
                left_more=(1, 2),
                keep_with_next=False,
            ),
        )
        w.text("", size=6)

    h("五、评估结论", 1)
    w.para("四方评分情况见表3。", keep_with_next=True)
    _caption(w, "表3  各方评分汇总")
    score_rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for p in PARTIES:
        score_rows.append([f"{ROLES[p]}（{orgs[p]}）", f"{WEIGHTS[p]}%", sc.scores[p]])
    score_rows.append(["合计", "100%", sc.total])
    w.table(_grid(score_rows, [9.6, 2.2, 2.2], font_size=10.5, bold_rows=[len(score_rows) - 1]))
    w.para(
        f"经四方评估，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )
    w.para(
        "建议承接机构对照各方提出的问题和整改建议，在完成时限内逐项整改，并将整改情况书面"
        "报送街道和区民政局。"
    )
    w.text("", space_before=30)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "page", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="reversed table headers (white on dark blue), headings beside a coloured left "
    "bar, an evaluation-team table, a 负责社工 name column in 表2, concerns in a 问题整改表 "
    "序号 │ 存在问题 │ 整改建议 │ 完成时限",
    specs=SPECS,
    facts=facts,
    write=write,
)
