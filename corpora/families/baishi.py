"""白石 template (fictional evaluator 泓州市白石社会服务评估所) — eleventh held-back split.

Portrait A4, 宋体 小四 body at 1.5 lines, 黑体 headings, a plain cover, centred page
numbers. 一、…六、 with （一） inside. 一、基本情况 with a staffing sentence pointing to the
roster; 二、评估说明 with the weights (占…%) and the bands 90/80/60 as sentences. 三、服务指标
完成情况: a narrative paragraph of station totals and one sentence per 片区, then 表1 (caption
above) of 片区 rows, each 片区 label cell holding the 片区 name and, on a second line, its
社区 in brackets (枫林片区 / （枫林、竹园社区）), 合计 last; the indicator group headers
horizontal (困难群众建档（户）), the measure headers under them (协议量 │ 完成量 │ 完成率)
turned 90° in narrow columns (Word 文字方向 btLr), a 注 with the formula. 四、各方评估意见:
ALL four parties' praise and concern in ONE ruled table 评估主体 │ 值得肯定的地方 │ 需要关注的
地方, one row per party (its role and organisation on two lines in the first cell), items
numbered ①②③ one per line inside the cells, rows allowed to break across a page (one
party's row continues on the next page, no header repeated). 五、评估得分: each party's mark
out of 100 in a sentence, then the total derived in a formula sentence
(综合得分＝购买方评分×30%＋…＝26.40＋17.66＋9.12＋35.20＝88.38分) and the grade.
六、评估结论. 附件 社工花名册 as two halves side by side in one table (序号 │ 姓名 │ 岗位 │
持证情况 ‖ 序号 │ 姓名 │ 岗位 │ 持证情况, people 1..k left, k+1..n right) with a 合计 line of
持证/未持证 counts under it.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from docx.shared import Cm

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
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

NAME = "baishi"
SPLIT = "sequestered"
CITY = "泓州市"
EVALUATOR = "泓州市白石社会服务评估所"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LABEL = "表1"
CAPTION = "表1  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "枫林 石桥 竹园 白沙 柳塘 云湾 松岗 桂坊".split()
COMMUNITIES = (
    "杏花 新村 文昌 凤凰 青石 南苑 北湖 长乐 兴华 永安 东山 和平 锦绣 朝阳 望江 翠屏".split()
)
MARKS = "①②③④⑤⑥"
HEADS = ("值得肯定的地方", "需要关注的地方")

SPECS: list[Spec] = [
    {
        "name": "baishi_fenglin_2025_final",
        "street": "枫林街",
        "district": "泓川区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "146",
        "areas": 4,
        "staff": 12,
        "row_break": "supervision_centre",
        "errors": [],
    },
    {
        "name": "baishi_shiqiao_2025_mid",
        "street": "石桥镇",
        "district": "泓北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "areas": 3,
        "staff": 9,
        "errors": [
            ("sum_cell", "home_visits/count", None),
            ("narrative", "casework/sessions", None),
        ],
    },
    {
        "name": "baishi_yunwan_2024_final",
        "street": "云湾街",
        "district": "泓川区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "132",
        "areas": 5,
        "staff": 14,
        "row_break": "supervision_centre",
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("score_sum", "", None),
        ],
    },
]


class Extra:
    """What the report prints besides the gold: each 片区's 社区 (its label cell's second
    line), each party's mark out of 100, the opinion items drawn per party."""

    def __init__(self) -> None:
        self.communities: dict[str, list[str]] = {}
        self.marks: dict[str, str] = {}
        self.items: dict[str, tuple[list[str], list[str]]] = {}


EXTRA: dict[str, Extra] = {}


def _scores(rng: random.Random, ex: Extra) -> Scores:
    """Each party's mark out of 100 (one decimal) times its weight: the weighted score
    (exact in two decimals, the weights being tens of percent) is the party's score; the
    total their sum, the grade its band."""
    scores: dict[str, Decimal] = {}
    for party, weight in WEIGHTS.items():
        mark = Decimal(str(rng.uniform(82, 95))).quantize(Decimal("0.1"), ROUND_HALF_UP)
        ex.marks[party] = f"{mark}"
        scores[party] = (mark * weight / 100).quantize(Decimal("0.01"))
    total = sum(scores.values(), Decimal(0))
    return Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in scores.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def _row_break(ex: Extra, party: str | None) -> str:
    """The claim that `party`'s opinion row breaks across a page: the starts of its first
    praise item and its last concern item (verify.row_broken); "" where no row does."""
    if party is None:
        return ""
    praise, concern = ex.items[party]
    return f"{praise[0][:10]}|{concern[-1][:10]}"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['致远', '众和', '春晖'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
    )
    ex = Extra()
    names = rng.sample(AREA_NAMES, n)
    pool = rng.sample(COMMUNITIES, 2 * n)
    areas = []
    for k, a in enumerate(names):
        ex.communities[f"{a}片区"] = [a, *pool[2 * k : 2 * k + 1]]
        areas.append(Area(f"{a}片区"))
    table = make_table(
        rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.2
    )
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"], teams=["社工站"])
    scores = _scores(rng, ex)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(3, 4), text_rng.randint(2, 3)) for _ in PARTIES]
    praise = pick(text_rng, "sq_bs_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "sq_bs_concern", sum(c for _, c in counts))
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        ex.items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    EXTRA[spec["name"]] = ex
    half = (len(staffing.roster) + 1) // 2
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "plain cover: station, report title, 委托单位, 评估单位, date",
            "footer": "centred page number",
            "headings": "一、…六、 with （一） inside",
            "labels": "值得肯定的地方/需要关注的地方 as column headers of one table",
            "opinions": "one table 评估主体 │ 值得肯定的地方 │ 需要关注的地方 for all four "
            "parties, one row each, items ①② one per line in the cells, rows break across "
            "pages, header not repeated",
            "section_path": "the row's 评估主体 cell (role and organisation) without its "
            "line break",
            "row_break": _row_break(ex, spec.get("row_break")),
            "numbering": "circled ①②③ inside table cells",
            "weights": "sentence (占…%)",
            "bands": "sentence, 90/80/60",
            "scores": "each party's mark out of 100 in a sentence; the total as a formula "
            "sentence 综合得分＝…×30%＋…＝a＋b＋c＋d＝total分; the weighted scores are the "
            "party scores",
            "raw_marks": "/".join(ex.marks[p] for p in PARTIES),
            "table": "表1 (caption above) of 片区 rows, each label cell the 片区 name and "
            "its 社区 in brackets on a second line, 合计 last, group headers horizontal, "
            "协议量/完成量/完成率 headers turned 90° (btLr) in narrow columns",
            "vertical_headers": "协议量;完成量;完成率",
            "communities": "the bracketed 社区 line of a 片区 cell is not part of the area label",
            "rate": "2 decimals with %",
            "areas": n,
            "roster": True,
            "roster_form": f"two halves side by side (1–{half} left, {half + 1}–"
            f"{len(staffing.roster)} right), 序号/姓名/岗位/持证情况 each, a 合计 line of "
            "持证/未持证 counts",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10.00")
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            inject.score_sum(f, "1.00")
    return f


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
        "third_party": "本所",
    }


def _area_cell(f: ReportFacts, area: str) -> str:
    comms = EXTRA[f.name].communities[area]
    return f"{area}\n（{'、'.join(comms)}社区）"


def _indicator_grid(f: ReportFacts, t: Table) -> Grid:
    """片区 │ per indicator 协议量 │ 完成量 │ 完成率 (measure headers turned 90°); 合计 last."""
    rows: list[list[str | None]] = [
        ["片区", *(x for ind in INDS for x in (ind.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    for scope in t.scopes():
        label = "合计" if scope == TOTAL else _area_cell(f, scope[0])
        rows.append(
            [label, *(t.cell(scope, ind, r) for ind in INDS for r in ("target", "done", "pct"))]
        )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.8, *([0.8, 0.8, 1.25] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=8,
        left_cols=0,
        row_height=24,
        cell_margin=0.05,
        vertical_text=[(1, c) for c in range(1, 1 + 3 * len(INDS))],
        text_direction="btLr",
        exact_heights={1: 40},
        bold_rows=[len(rows) - 1],
    )


def _opinion_grid(rows: list[list[str | None]]) -> Grid:
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.6, 7.0, 7.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        left_more=(1, 2),
        row_height=20,
        split_rows=True,
    )


def _roster_grid(f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    people = st.roster
    half = (len(people) + 1) // 2
    head = ["序号", "姓名", "岗位", "持证情况"]
    rows: list[list[str | None]] = [[*head, *head]]
    for k in range(half):
        left = people[k]
        cells: list[str | None] = [str(left.seq), left.name, left.position, left.qualification]
        if half + k < len(people):
            r = people[half + k]
            cells += [str(r.seq), r.name, r.position, r.qualification]
        else:
            cells += ["", "", "", ""]
        rows.append(cells)
    rows.append(
        [
            "合计",
            f"共{st.total}人，其中持证{st.certified}人（中级社工师{st.mid_level}人、助理社工师"
            f"{st.assistant_level}人），未持证{st.uncertified}人",
            *([None] * 6),
        ]
    )
    last = len(rows) - 1
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.1, 1.7, 2.3, 2.5, 1.1, 1.7, 2.3, 2.5],
        ruling="grid",
        font_size=10,
        left_cols=0,
        row_height=18,
        spans=[(last, 1, last, 7)],
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    ex = EXTRA[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    # cover
    w.text("", space_before=130)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=160)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估单位：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，服务阵地位于{m.address}。"
        f"项目合同期为{m.contract_printed}，合同金额{m.funding_wan}万元。本次{m.kind}评估的"
        f"服务期为{m.assessment_printed}，共{m.months}个月。社工站按社区分布划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para(
        "社工站现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，人员名单见附件。",
    )

    wt = sc.weights
    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}开展"
        f"{m.kind}评估，通过查阅档案台账、实地察看、访谈服务对象和社工座谈等方式收集资料。"
    )
    w.para(
        f"本次评估由{orgs['buyer']}（购买方）、{orgs['monitor']}（监督方）、"
        f"{orgs['supervision_centre']}（督导方）和第三方评估机构四方分别按百分制评分，"
        f"综合得分按权重加权计算，其中购买方占{wt['buyer']}%，监督方占{wt['monitor']}%，"
        f"督导方占{wt['supervision_centre']}%，第三方评估机构占{wt['third_party']}%。"
        "综合得分90分及以上为优秀，80分及以上不足90分为良好，60分及以上不足80分为合格，"
        "不足60分为不合格。"
    )

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, percent(plain) if role == "pct" else plain)

    w.page_break()
    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站共为困难群众建档",
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
    first = t.areas[0].name
    w.para(
        f"分片区看，{first}开展个案服务",
        c("casework/sessions", scope=(first,)),
        "节，完成率",
        c("casework/sessions", "pct", (first,)),
        "。各片区指标完成情况见表1。",
    )
    w.text(CAPTION, font=FONTS.heading, size=10.5, align="center", space_after=3)
    w.table(_indicator_grid(f, t))
    w.text("注：完成率＝完成量÷协议量×100%。", size=9, align="left")

    w.heading("四、各方评估意见", 1)
    w.para("四方评估意见汇总如下表。")
    rows = [
        (party, f"{ROLES[party]}\n（{orgs[party]}）", *ex.items[party])
        for party in PARTIES  # type: ignore[misc]
    ]
    w.opinion_matrix(HEADS, rows, lambda k: MARKS[k - 1], _opinion_grid)  # type: ignore[arg-type]

    w.heading("五、评估得分", 1)
    marks = ex.marks
    w.para(
        f"四方评分（百分制）分别为：购买方{marks['buyer']}分，监督方{marks['monitor']}分，"
        f"督导方{marks['supervision_centre']}分，第三方评估机构{marks['third_party']}分。"
    )
    s = sc.scores
    w.para(
        f"综合得分＝购买方评分×{wt['buyer']}%＋监督方评分×{wt['monitor']}%＋督导方评分×"
        f"{wt['supervision_centre']}%＋第三方评估机构评分×{wt['third_party']}%＝"
        + "＋".join(s[p] for p in PARTIES)
        + f"＝{sc.total}分。"
    )
    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本次{m.kind}评估综合得分为{sc.total}分，评估等级为{sc.grade}。"
        "希望承接机构针对评估意见逐项整改，进一步提升服务质量。"
    )

    w.page_break()
    w.heading("附件  社工花名册", 1, align="center")
    w.table(_roster_grid(f))

    page_footer(w.doc, "plain", FONTS.body, align="center", cover=True)
    for sec in w.doc.sections:
        sec.left_margin = sec.right_margin = Cm(1.9)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="plain cover, centred page numbers, 一、…六、; 表1 with 片区 cells holding their "
    "社区 in brackets on a second line, measure headers turned 90°; all four parties' "
    "praise and concern in one table (rows breaking across pages, ①② items); the total "
    "as a formula sentence of weighted marks; roster as two halves side by side with a "
    "持证/未持证 合计 line",
    specs=SPECS,
    facts=facts,
    write=write,
)
