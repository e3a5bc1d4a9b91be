"""云杉 template (fictional evaluator 杉川市云杉社会工作评估事务所) — sixteenth held-back split
(`barred`).

A DRAFT sent out for comments (征求意见稿 under the cover's title) whose Word tracked changes
(修订) were left SHOWN when it was exported: figures the reviewer corrected print twice, the
deleted one struck through and the inserted one underlined, both in the reviewer's colour,
with a change bar in the margin — in 表2's cells (one 片区's completion and its rate), in a
sentence of running text and in 表4's scores (the third party's score and the total). The
struck figure is not the report's. Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings NUMBERED
BY WORD (a multilevel list in numbering.xml, 一、 and （一） as chineseCounting levels with a
tab after the number, not typed), 第 X 页 footers. 一、项目基本情况 with a staffing sentence,
no roster. 二、评估方法: weights and the bands 90/80/60 (含) in sentences. 三、服务指标完成情况:
station totals in a paragraph, each completion rate compared with the previous period IN
PERCENTAGE POINTS (较上年同期提高3.45个百分点: a difference of rates, not a rate), then a
YEAR-ON-YEAR TABLE 表1 (服务项目 │ 上年 │ 本年 │ 同比增长) whose percentages are GROWTH rates,
with a 累计服务居民（万人次） row in 万 beside the plain counts; 表2 on a landscape page (one
row per 片区, 合计 last, 协议量 │ 完成量 │ 完成率). 四、 per party （一）购买方（…）评估意见 with
值得肯定的方面： / 需要关注的问题： and （1） items. 五、 表3 评估主体 │ 权重 │ 得分 with 合计.
六、 the total and the grade in a sentence, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import ROUND_HALF_UP, Decimal

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import W_MAIN, Fonts, Grid
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Table,
    make_scores,
    make_staffing,
    make_table,
    print_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "yunshan"
SPLIT = "barred"
CITY = "杉川市"
EVALUATOR = "杉川市云杉社会工作评估事务所"
REVIEWER = "云杉评估组"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 15, "supervision_centre": 15, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
BODY = "表2"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
SHORT = {i.key: i.label.split("（")[0] for i in INDS}
RATE = RateStyle(decimals=2)
AREA_NAMES = "杉林 云岭 松涛 枫桥 竹溪 柏园 梧冈 橡山".split()
POST_NAMES = "青杉 白云 松风 栖霞 碧溪 锦屏 安康 和美 长青 翠竹 新华 兴隆 福安 明德".split()
HEADS = ("值得肯定的方面", "需要关注的问题")
# a tracked change in a string: deleted text between DEL and INS, inserted up to END
DEL, INS, END = "\ue000", "\ue001", "\ue002"
REVISION = re.compile(f"{DEL}(.*?){INS}(.*?){END}")
STRUCK_OUT = re.compile(f"{DEL}.*?{INS}|{END}")
REVISED_AT = "2026-01-06T09:30:00Z"

SPECS: list[Spec] = [
    {
        "name": "yunshan_songlin_2025_final",
        "street": "松林街",
        "district": "杉东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "152",
        "posts": [3, 2, 3],
        "staff": 12,
        "none": None,
        "errors": [],
    },
    {
        "name": "yunshan_baihe_2025_mid",
        "street": "白鹤镇",
        "district": "杉西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "posts": [2, 3, 2, 2],
        "staff": 10,
        "none": "supervision_centre",
        "errors": [("sum_cell", None, "groups/sessions"), ("narrative", None, "casework/sessions")],
    },
    {
        "name": "yunshan_qingquan_2024_final",
        "street": "清泉街",
        "district": "杉东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "160",
        "posts": [3, 3, 2],
        "staff": 13,
        "none": None,
        "errors": [("row_pct", 1, "registered/households"), ("grade_band", None, "")],
    },
]

ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
# per report: the 表2 cells revised (片区, indicator, old completion), the narrative's old
# figure, the third party's and the total's old scores, last year's figures
REVISIONS: dict[str, dict[str, object]] = {}


def body_table(detail: Table) -> Table:
    """表2: one row per 片区 (its 社区 added up) and 合计."""
    t = Table(BODY, INDS, [Area(a.name) for a in detail.areas], RATE, CountStyle())
    scopes: list[Scope] = [*((a.name,) for a in detail.areas), TOTAL]
    for ind in INDS:
        for scope in scopes:
            t.target[(scope, ind.key)] = detail.target[(scope, ind.key)]
            t.done[(scope, ind.key)] = detail.done[(scope, ind.key)]
    print_table(t)
    return t


def _draft_figure(rng: random.Random, n: int) -> int:
    """What the first draft printed before the reviewer corrected it: a slip of a few."""
    slip = max(1, round(n * rng.uniform(0.02, 0.1)))
    return n + slip if slip >= n or rng.random() < 0.5 else n - slip


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    posts: list[int] = spec["posts"]
    n = len(posts)
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['杉禾', '益众', '同行'])}社会工作服务中心",
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
    detail = make_table(
        rng, "明细", INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.1
    )
    body = body_table(detail)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng, WEIGHTS, BANDS, decimals=2, level=(0.8, 0.96))
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [
        (text_rng.randint(2, 4), 0 if p == spec["none"] else text_rng.randint(1, 3))
        for p in PARTIES
    ]
    praise = pick(text_rng, "br_ys_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "br_ys_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items

    # the reviewer's corrections: a 片区 and an indicator no injected error touches
    rev_rng = rng_for(NAME, spec["name"] + "/revisions")
    touched = {key for _, _, key in spec["errors"]}
    hit = {where for _, where, _ in spec["errors"] if where is not None}
    area = rev_rng.choice([a.name for k, a in enumerate(areas) if k not in hit and k > 0])
    key = rev_rng.choice([i.key for i in INDS if i.key not in touched])
    old_done = _draft_figure(rev_rng, body.done[((area,), key)])
    first = areas[0].name
    old_visits = _draft_figure(rev_rng, body.done[((first,), "home_visits/count")])
    third = Decimal(scores.scores["third_party"])
    old_third = third + Decimal(rev_rng.choice([-1, 1]) * rev_rng.randint(40, 180)) / 100
    last = {i.key: round(body.done[(TOTAL, i.key)] / rev_rng.uniform(0.86, 1.18)) for i in INDS}
    wan = Decimal(rev_rng.randint(150, 320)) / 100
    REVISIONS[spec["name"]] = {
        "area": area,
        "key": key,
        "old_done": old_done,
        "old_pct": RATE.format(old_done, body.target[((area,), key)]),
        "old_visits": old_visits,
        "old_third": f"{old_third:.2f}",
        "old_total": f"{Decimal(scores.total) - third + old_third:.2f}",
        "last": last,
        "wan": (wan / Decimal(rev_rng.uniform(0.85, 1.2))).quantize(Decimal("0.01")),
        "wan_now": wan,
        "points": {i.key: Decimal(rev_rng.randint(-420, 980)) / 100 for i in INDS if i.key != key},
    }
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[body],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, （征求意见稿）, 委托单位, 承接机构, 评估机构, "
            "报告日期",
            "footer": "第 X 页, none on the cover",
            "tracked_changes": "Word 修订 exported with the changes shown: deleted figures "
            "struck through beside the inserted ones (表2 one 片区's completion and rate, one "
            "sentence, 表3 the third party's score and the total)",
            "struck": 5,
            "headings": "一、…六、 with （一） inside, numbered by Word (numbering.xml "
            "chineseCounting), a tab after the number",
            "parties": "（一）购买方（organisation）评估意见 …",
            "labels": "值得肯定的方面：/需要关注的问题： on lines of their own",
            "numbering": "（1）",
            "weights": "sentence",
            "bands": "sentence, 90/80/60 (含)",
            "scores": "表3 评估主体 │ 权重 │ 得分, 合计 last; total and grade in 六、",
            "percentage_points": "completion rates compared with the previous period in 个百分点",
            "yoy_table": "表1 服务项目 │ last year │ this year │ 同比增长 (growth rates), a "
            "累计服务居民（万人次） row",
            "table": "表2 on a landscape page: one row per 片区, 合计 last, fully ruled",
            "landscape": "mediabox",
            "rate": "2 decimals with %",
            "areas": n,
            "posts": sum(posts),
            "roster": False,
            "zero_concern": spec["none"] or "",
            "kind": spec["kind"],
        },
    )
    for kind, where, ekey in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, BODY, TOTAL, ekey, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, BODY, TOTAL, ekey, "done")
        elif kind == "row_pct":
            a = areas[where]
            inject.row_pct(f, BODY, (a.name,), ekey, shift="10")
        elif kind == "grade_band":
            better = {"优秀": "良好", "良好": "优秀", "合格": "良好"}
            inject.grade_band(f, better[scores.grade])
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
NUMERALS = "一二三四五六"


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作指导中心",
        "third_party": EVALUATOR,
    }


def revised(old: str, new: str) -> str:
    """A figure the reviewer corrected: `old` deleted, `new` inserted (see `track`)."""
    return f"{DEL}{old}{INS}{new}{END}"


def heading_numbers(doc: kit.Document, font: str) -> int:
    """Word's multilevel heading list: 一、 at the first level, （一） at the second (it
    restarts under each first-level heading), Chinese counting, a tab after the number."""
    root = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))]
    num_ids = [int(x.get(qn("w:numId"))) for x in root.findall(qn("w:num"))]
    aid, nid = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:suff w:val="tab"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{pos}"/></w:tabs>'
        f'<w:ind w:left="0" w:firstLine="0"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
        f'w:hint="eastAsia"/></w:rPr></w:lvl>'
        for k, (text, pos) in enumerate((("%1、", 720), ("（%2）", 900)))
    )
    abstract = parse_xml(
        f'<w:abstractNum {W_MAIN} w:abstractNumId="{aid}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(
        parse_xml(f'<w:num {W_MAIN} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>')
    )
    return nid


def track(doc: kit.Document) -> int:
    """Turn every revised(...) string of the document into Word's tracked changes: the old
    text a w:del (w:delText), the new one a w:ins, each a copy of its run. Returns how
    many changes were made."""
    made = 0
    for t in list(doc.element.body.iter(qn("w:t"))):
        if DEL not in (t.text or ""):
            continue
        run = t.getparent()
        parent = run.getparent()
        at = parent.index(run)
        pieces = re.split(f"({DEL}.*?{INS}.*?{END})", t.text)
        new = []
        for piece in pieces:
            if not piece:
                continue
            m = REVISION.fullmatch(piece)
            if m is None:
                new.append(_run_like(run, piece, "w:t"))
                continue
            for tag, text, inner in (("w:del", m[1], "w:delText"), ("w:ins", m[2], "w:t")):
                made += 1
                change = parse_xml(
                    f'<{tag} {W_MAIN} w:id="{made}" w:author="{REVIEWER}" w:date="{REVISED_AT}"/>'
                )
                change.append(_run_like(run, text, inner))
                new.append(change)
        parent.remove(run)
        for k, el in enumerate(new):
            parent.insert(at + k, el)
    return made // 2


def _run_like(run: object, text: str, tag: str) -> object:
    """A copy of `run`'s formatting holding `text` (as w:t or w:delText)."""
    from copy import deepcopy

    r = deepcopy(run)
    for child in list(r):  # type: ignore[call-overload]
        if child.tag != qn("w:rPr"):
            r.remove(child)  # type: ignore[attr-defined]
    t = parse_xml(f'<{tag} {W_MAIN} xml:space="preserve"/>')
    t.text = text
    r.append(t)  # type: ignore[attr-defined]
    return r


def _indicator_grid(t: Table, rows_of: list[tuple[str, Scope]], rev: dict[str, object]) -> Grid:
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    for label, scope in rows_of:
        cells = []
        for i in INDS:
            for r in ("target", "done", "pct"):
                cell = t.cell(scope, i, r)
                if scope == (rev["area"],) and i.key == rev["key"] and r != "target":
                    cell = revised(str(rev["old_done" if r == "done" else "old_pct"]), cell)
                cells.append(cell)
        rows.append([label, *cells])
    # the revised indicator's completion and rate columns wide enough for both figures
    widths = [2.2]
    for i in INDS:
        widths += [1.35, 1.6, 2.5] if i.key == rev["key"] else [1.35, 1.35, 1.8]
    return Grid(
        rows=rows,
        header_rows=2,
        widths=widths,
        ruling="grid",
        spans=spans,
        font_size=9,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=22,
        cell_margin=0.08,
    )


def growth(now: Decimal, last: Decimal) -> str:
    g = ((now - last) * 100 / last).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{g}%"


def _yoy_grid(f: ReportFacts, rev: dict[str, object], heads: tuple[str, str]) -> Grid:
    body = f.table(BODY)
    last: dict[str, int] = rev["last"]  # type: ignore[assignment]
    rows: list[list[str | None]] = [["服务项目", heads[0], heads[1], "同比增长"]]
    for i in INDS:
        now = body.cell(TOTAL, i, "done")
        rows.append([i.label, str(last[i.key]), now, growth(Decimal(now), Decimal(last[i.key]))])
    wan_last, wan_now = Decimal(str(rev["wan"])), Decimal(str(rev["wan_now"]))
    rows.append(["累计服务居民（万人次）", f"{wan_last}", f"{wan_now}", growth(wan_now, wan_last)])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[5.2, 3.2, 3.2, 3.2],
        ruling="grid",
        font_size=10.5,
        row_height=20,
        shaded_rows=[0],
        keep_with_next=True,
    )


def _score_grid(f: ReportFacts, rev: dict[str, object]) -> Grid:
    sc, orgs = f.scores, _orgs(f)
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for party in PARTIES:
        score = sc.scores[party]
        if party == "third_party":
            score = revised(str(rev["old_third"]), score)
        rows.append([f"{ROLES[party]}（{orgs[party]}）", f"{sc.weights[party]}%", score])
    rows.append(["合计", "100%", revised(str(rev["old_total"]), sc.total)])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[9.4, 2.4, 3.4],
        ruling="grid",
        font_size=10.5,
        row_height=20,
        bold_rows=[len(rows) - 1],
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    body = f.table(BODY)
    items = ITEMS[f.name]
    rev = REVISIONS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.year}年度{m.kind}评估报告", m.evaluator)
    nid = heading_numbers(w.doc, FONTS.heading)
    counters = [0, 0]

    def heading(text: str, level: int, party: str | None = None) -> None:
        """A heading numbered by Word: the gold records it as printed, number first."""
        counters[level - 1] += 1
        if level == 1:
            counters[1] = 0
        k = counters[level - 1]
        number = f"{NUMERALS[k - 1]}、" if level == 1 else f"（{NUMERALS[k - 1]}）"
        w.heading(number + text, level, party=party)  # type: ignore[arg-type]
        p = w.doc.paragraphs[-1]
        p.runs[0].text = text
        kit.list_level(p, nid, level - 1)

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        return cell_fig(f, BODY, scope, key, role, percent(plain) if role == "pct" else plain)

    # cover
    w.text("", space_before=100)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("（征求意见稿）", size=16, align="center", font=FONTS.heading, space_before=12)
    w.text("", space_before=130)
    for line in (
        f"委托单位：{m.district}民政局",
        f"承接机构：{m.operator}",
        f"评估机构：{m.evaluator}",
        f"报告日期：{m.eval_date_printed}",
    ):
        w.text(line, size=14, indent_chars=5, space_after=6)
    w.page_break()

    areas = [a.name for a in body.areas]
    heading("项目基本情况", 1)
    heading("项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    heading("人员配置", 2)
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

    heading("评估方法", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成评估组，通过查阅台账、实地察看、"
        "服务对象回访和座谈访谈等方式，对社工站的服务情况进行评估。"
    )
    weights = "、".join(f"{ROLES[p]}{WEIGHTS[p]}%" for p in PARTIES)
    w.para(
        f"本次评估由购买方、监督方、督导方和第三方评估机构共同评分，权重分别为{weights}，"
        "各方得分之和为综合得分。综合得分90分（含）以上为优秀，80分（含）至90分为良好，"
        "60分（含）至80分为合格，60分以下为不合格。"
    )

    heading("服务指标完成情况", 1)
    heading("总体完成情况", 2)
    points: dict[str, Decimal] = rev["points"]  # type: ignore[assignment]
    ref = "上年同期" if m.kind == "中期" else "上年度"
    parts: list[str | Fig] = ["评估周期内，社工站"]
    verbs = {
        "registered/households": "完成困难群众建档",
        "home_visits/count": "入户探访",
        "casework/sessions": "开展个案服务",
        "groups/sessions": "开展小组服务",
        "community_events/count": "举办社区活动",
    }
    shown = [i for i in INDS if i.key in points][:3]
    for k, ind in enumerate(shown):
        pt = points[ind.key]
        change = f"提高{pt}" if pt >= 0 else f"下降{-pt}"
        parts += [verbs[ind.key], c(ind.key), f"{ind.unit}，完成率", c(ind.key, "pct")]
        parts.append(f"，较{ref}{change}个百分点" + ("；" if k < len(shown) - 1 else "。"))
    w.para(*parts)
    w.para(
        f"全年累计服务居民{rev['wan_now']}万人次。与{ref}相比，各项服务量的变化见表1。"
        if m.kind == "末期"
        else f"评估周期内累计服务居民{rev['wan_now']}万人次。与{ref}相比，各项服务量的变化见表1。"
    )
    if m.kind == "中期":
        heads = (f"{m.year - 1}年1—6月", f"{m.year}年1—6月")
    else:
        heads = (f"{m.year - 1}年", f"{m.year}年")
    w.text(
        f"表1  {m.station}服务量同比情况",
        font=FONTS.heading,
        size=10.5,
        bold=True,
        align="center",
        space_before=6,
        space_after=3,
        keep_with_next=True,
    )
    w.table(_yoy_grid(f, rev, heads))
    w.text("注：同比增长＝（本期完成量－上年同期完成量）÷上年同期完成量×100%。", size=9)
    heading("各片区完成情况", 2)
    first = body.areas[0].name
    visits = c("home_visits/count", scope=(first,))
    w.para(
        f"各片区服务指标完成情况见表2。其中{first}入户探访{DEL}{rev['old_visits']}{INS}",
        visits,
        f"{END}人次，完成率",
        c("home_visits/count", "pct", (first,)),
        "。",
    )

    w.section(landscape=True)
    w.text(
        "表2  各片区服务指标完成情况",
        font=FONTS.heading,
        size=12,
        bold=True,
        align="center",
        space_after=6,
        keep_with_next=True,
    )
    rows: list[tuple[str, Scope]] = [(a, (a,)) for a in areas] + [("合计", TOTAL)]
    w.table(_indicator_grid(body, rows, rev))
    w.text("注：完成率＝完成量÷协议量×100%。", size=9, align="left", space_before=3)

    w.section(landscape=False)
    heading("各方评估意见", 1)
    for party in PARTIES:
        heading(f"{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("无。")
            for n, text in enumerate(texts, start=1):
                w.item(f"（{n}）", f"{text}。")

    heading("评估得分", 1)
    w.para("四方评分情况见表3。")
    w.text(
        "表3  各方评分情况",
        font=FONTS.heading,
        size=10.5,
        bold=True,
        align="center",
        space_after=3,
        keep_with_next=True,
    )
    w.table(_score_grid(f, rev))

    heading("评估结论", 1)
    w.para(f"综合四方评分，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。")
    w.para(
        "社工站能够按照服务协议推进各项服务，服务台账基本规范。建议承接机构对照各方评估"
        "意见制定整改措施，加强服务数据的复核，并在下一评估周期内报送整改落实情况。"
    )
    w.text("", space_before=12, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    for sec in w.doc.sections:
        if sec.page_width < sec.page_height:
            sec.left_margin = sec.right_margin = Cm(1.8)
    kit.page_footer(w.doc, "page", FONTS.body)
    if track(w.doc) != f.knobs["struck"]:
        raise ValueError("tracked changes and the variant's struck count disagree")
    for nf in w.narrative:
        nf.sentence = STRUCK_OUT.sub("", nf.sentence)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="a 征求意见稿 exported with Word's tracked changes shown (struck figures beside "
    "the inserted ones, in 表2, a sentence and the score table); headings numbered by Word's "
    "multilevel list; rates compared in 个百分点; a year-on-year table whose percentages are "
    "growth rates, with a 万人次 row; 表2 one row per 片区 and 合计",
    specs=SPECS,
    facts=facts,
    write=write,
)
