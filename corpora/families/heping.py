"""和平 template (fictional evaluator 和川市和平社会工作评估中心) — fifteenth held-back split.

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings. The cover carries a 密级/编号 BLOCK at
its top right (a small ruled form 密级 │ 内部, 编号 │ HPPG-2026-007, 版本 │ V2.0) over the
title and a 委托单位 / 评估机构 / 报告日期 block; page 2 is a DOCUMENT-CONTROL page: a
文档修订记录 table (版本 │ 修订日期 │ 修订说明 │ 编写 │ 审核, ISO dates) and a 报告审批 form
(编制 │ 审核 │ 批准 with names). A running header (the evaluator at the left, 编号：… at the
right, a rule under it) and 第 X 页 共 Y 页 footers from page 2 on. 一、…六、 with （一）
inside. 一、(二) the staffing as a CROSS TABLE 表1 (岗位 │ 持证社工 › 中级社工师 │ 助理社工师 │
小计 │ 未持证 │ 合计, one row per 岗位, 合计 last; a unit line 单位：名), whose 合计 row is the
only place the staffing counts are printed, and a 附件 roster (序号 │ 姓名 │ 岗位 │ 持证情况 │
入职时间) that agrees with it. 二、 the bands as a sentence; the weights only as 权重系数
(0.30, 1.00 in 合计) in 表3. 三、 a paragraph of station totals with their 协议量, a sentence
on the 片区 whose 协议量 for one indicator is 0, one 片区 sentence; then, on a landscape
page, 表2 (caption above): named 片区 rows, 合计 last, each indicator (with its unit)
over 协议量 │ 完成量 │ 完成比, the completion printed as a RATIO (1.07, header 完成比, no %),
a 片区 with a 协议量 of 0 printing 0 and `—` as its 完成比, and under the two header rows a
栏次 ROW numbering the columns with their formulae (栏次 │ 1 │ 2 │ 3=2÷1 │ 4 │ …), a 注.
四、 per party （一）购买方（…）评估意见 …, the labels 主要成效： / 存在不足： and the items as a
WORD BULLET LIST (numbering.xml: ■ at the first level; some items with ○ DETAIL lines at
the second level, which are part of no other item). 五、 表3 评估主体 │ 权重系数 │ 评分（百分制）
│ 折算得分 (合计 1.00 │ — │ total), the total and the grade in a sentence. 六、 the
conclusion, the evaluator and the date; then 附件 社工人员名册.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, page_header
from corpora.families.facts import (
    GIVEN,
    RANGES,
    SURNAMES,
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    Staffing,
    Table,
    grade_of,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "heping"
SPLIT = "latched"
CITY = "和川市"
EVALUATOR = "和川市和平社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LABEL = "表2"
CAPTION = "表2  各片区服务指标完成情况"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
RATE = RateStyle(decimals=2, ratio=True)
AREA_NAMES = "河东 河西 南岸 北苑 新城 老街 桥头 湖滨 金山".split()
HEADS = ("主要成效", "存在不足")
POSITIONS = ("项目主任", "片区负责人", "社工")
BULLETS = ("■", "○")
DASH = "—"

SPECS: list[Spec] = [
    {
        "name": "heping_anping_2025_final",
        "street": "安平街",
        "district": "和东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "142",
        "areas": 4,
        "staff": 11,
        "number": 7,
        "zero": (3, "groups/sessions"),
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "heping_donghu_2025_mid",
        "street": "东湖镇",
        "district": "和西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "areas": 3,
        "staff": 9,
        "number": 41,
        "zero": (1, "community_events/count"),
        "no_concern": "supervision_centre",
        "errors": [
            ("total_cell", None, "casework/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "heping_xinhe_2024_final",
        "street": "新河街",
        "district": "和东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "156",
        "areas": 5,
        "staff": 13,
        "number": 3,
        "zero": (4, "groups/sessions"),
        "no_concern": None,
        "errors": [("row_pct", 1, "home_visits/count"), ("score_sum", None, "0.18")],
    },
]


# ---------------------------------------------------------------- facts


def weighted_scores(rng: random.Random) -> tuple[dict[str, str], Scores]:
    """Each party's mark out of 100 (one decimal) and its 折算得分, the mark times the
    权重系数 (two decimals, rounded): the figures the total sums."""
    raw: dict[str, str] = {}
    weighted: dict[str, Decimal] = {}
    for p in PARTIES:
        mark = Decimal(str(rng.uniform(78, 97))).quantize(Decimal("0.1"), ROUND_HALF_UP)
        raw[p] = f"{mark}"
        weighted[p] = (mark * WEIGHTS[p] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = sum(weighted.values(), Decimal(0))
    return raw, Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def coefficient(weight: int) -> str:
    """A weight as the template prints it: the 权重系数 0.30 for 30%."""
    return f"{Decimal(weight) / 100:.2f}"


def _zero_target(rng: random.Random, t: Table, area: str, key: str, scale: float) -> None:
    """A 片区 whose 协议量 for `key` is 0 (the indicator was not contracted there this
    period) but which still did some: it prints 0, its completion and `—` as its 完成比;
    the 合计 adds both columns as printed (its ratio over the other 片区's targets)."""
    lo, hi = RANGES[key]
    t.target[((area,), key)] = 0
    t.done[((area,), key)] = max(3, round(rng.uniform(lo, hi) * scale * 0.3))
    for d in (t.target, t.done):
        d[(TOTAL, key)] = sum(d[((a.name,), key)] for a in t.areas)
    for scope in ((area,), TOTAL):
        target, done = t.target[(scope, key)], t.done[(scope, key)]
        t.printed[(scope, key, "target")] = t.count.format(target)
        t.printed[(scope, key, "done")] = t.count.format(done)
        t.printed[(scope, key, "pct")] = t.rate.format(done, target) if target else DASH


def ratio_off(f: ReportFacts, scope: Scope, key: str, delta: str) -> None:
    """A 完成比 that is not 完成量 ÷ 协议量: `delta` (a ratio, 0.10 for ten points) off."""
    t = f.table(LABEL)
    right = t.cell(scope, key, "pct")
    wrong = f"{Decimal(right) + Decimal(delta):.2f}"
    t.printed[(scope, key, "pct")] = wrong
    f.findings.append(
        ExpectedFinding(
            kind="row_pct",
            ref=inject.cell_ref(t, scope, key, "pct"),
            printed=wrong,
            expected=right,
            note="完成比 ≠ 完成量 ÷ 协议量 (printed as a ratio)",
        )
    )


def _posts(st: Staffing) -> None:
    """The 项目主任 is the first holder of a 中级社工师 certificate (listed first), the other
    中级 holders 片区负责人, everyone else 社工; the roster numbered in that order."""
    people = st.roster
    head = next(i for i, p in enumerate(people) if p.qualification == "中级社工师")
    order = [people[head]] + [p for i, p in enumerate(people) if i != head]
    st.roster = [
        dataclasses.replace(
            p,
            seq=k + 1,
            position=POSITIONS[0]
            if k == 0
            else POSITIONS[1]
            if p.qualification == "中级社工师"
            else POSITIONS[2],
        )
        for k, p in enumerate(order)
    ]


def split_entry(entry: str) -> tuple[str, list[str]]:
    """A pool entry: the item, then its ○ details ("｜"-separated)."""
    head, *details = entry.split("｜")
    return head, details


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['和衷', '善邻', '同济'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    zero_at, zero_key = spec["zero"]
    zero_area = areas[zero_at].name
    _zero_target(rng, table, zero_area, zero_key, scale)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"], teams=["社工站"])
    _posts(staffing)
    raw, scores = weighted_scores(rng_for(NAME, spec["name"] + "/scores"))
    RAW[spec["name"]] = raw
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "lt_hp_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "lt_hp_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    details = sum(len(split_entry(e)[1]) for pr, co in items.values() for e in pr + co)
    number = f"HPPG-{meta.eval_date.year}-{spec['number']:03d}"
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "密级/编号/版本 block at the top right, title, 委托单位/评估机构/报告日期",
            "document_control": "page 2: 文档修订记录 (版本 │ 修订日期 │ 修订说明 │ 编写 │ "
            "审核, ISO dates) and a 报告审批 form (编制 │ 审核 │ 批准)",
            "doc_number": number,
            "header": f"evaluator at the left, 编号：{number} at the right, rule under it",
            "footer": "第 X 页 共 Y 页 centred, none on the cover",
            "headings": "一、…六、 with （一） inside",
            "labels": "主要成效：/存在不足： on lines of their own",
            "numbering": "Word bullet list: ■ items, ○ details at the second level",
            "bullet_details": details,
            "weights": "权重系数 (0.30 …, 合计 1.00) in 表3 only",
            "bands": "sentence, 90/80/60 (含)",
            "scores": "表3 评估主体 │ 权重系数 │ 评分（百分制） │ 折算得分, 合计 last; total "
            "and grade in a sentence",
            "raw_marks": ";".join(f"{p}:{raw[p]}" for p in PARTIES),
            "staffing": "cross table 表1 岗位 │ 中级社工师 │ 助理社工师 │ 小计 │ 未持证 │ 合计 "
            "(its 合计 row the gold counts) and a resignation sentence",
            "table": "表2 on a landscape page, caption above, named 片区 rows, 合计 last, "
            "fully ruled, a 栏次 row under the header, a 注",
            "column_numbers": "栏次 │ 1 │ 2 │ 3=2÷1 │ …",
            "rate": "ratio with 2 decimals under 完成比 (1.07), no %",
            "zero_target": f"{zero_area}|{zero_key}|0|{DASH}",
            "landscape": "mediabox",
            "areas": n,
            "roster": True,
            "roster_form": "附件 社工人员名册 序号 │ 姓名 │ 岗位 │ 持证情况 │ 入职时间",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "total_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "row_pct":
            ratio_off(f, (areas[where].name,), key, "0.10")
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "score_sum":
            # the total typed with its two decimals swapped (90.02 → 90.20): `key` the delta
            inject.score_sum(f, key)
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
RAW: dict[str, dict[str, str]] = {}

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
        "supervision_centre": f"{CITY}社会工作指导中心",
        "third_party": EVALUATOR,
    }


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _people(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if name not in out:
            out.append(name)
    return out


def _secret_block(number: str) -> Grid:
    return Grid(
        rows=[["密级", "内部"], ["编号", number], ["版本", "V2.0"]],
        header_rows=0,
        widths=[1.6, 3.6],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=18,
    )


def _revisions(m_date: dt.date, staff: list[str]) -> Grid:
    rows: list[list[str | None]] = [["版本", "修订日期", "修订说明", "编写", "审核"]]
    steps = [
        ("V1.0", 12, "初稿，提交评估组内部审阅"),
        ("V1.1", 6, "根据购买方和监督方反馈意见修改"),
        ("V2.0", 0, "定稿"),
    ]
    for version, back, what in steps:
        rows.append([version, _iso(m_date - dt.timedelta(days=back)), what, staff[0], staff[1]])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.6, 2.8, 6.6, 2.0, 2.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        left_more=(2,),
        row_height=20,
    )


def _approval(staff: list[str]) -> Grid:
    return Grid(
        rows=[["编制", staff[0], "审核", staff[1], "批准", staff[2]]],
        header_rows=0,
        widths=[1.6, 3.4, 1.6, 3.4, 1.6, 3.4],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=24,
    )


def _staffing_grid(w: Writer, f: ReportFacts) -> Grid:
    """表1: one row per 岗位, the certified split by level with a 小计, the uncertified, a
    合计 column; the 合计 row's five counts are the gold's staffing figures."""
    st = f.staffing
    assert st is not None
    rows: list[list[str | None]] = [
        ["岗位", "持证社工", None, None, "未持证社工", "合计"],
        [None, "中级社工师", "助理社工师", "小计", None, None],
    ]
    for pos in POSITIONS:
        people = [p for p in st.roster if p.position == pos]
        if not people:
            continue
        mid = sum(p.qualification == "中级社工师" for p in people)
        ast = sum(p.qualification == "助理社工师" for p in people)
        none = sum(not p.certified for p in people)
        rows.append([pos, str(mid), str(ast), str(mid + ast), str(none), str(len(people))])
    rows.append(
        [
            "合计",
            w.cell_text(staff_fig(str(st.mid_level), st.mid_level, "mid_level_count")),
            w.cell_text(
                staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count")
            ),
            w.cell_text(staff_fig(str(st.certified), st.certified, "certified_count")),
            w.cell_text(staff_fig(str(st.uncertified), st.uncertified, "uncertified_count")),
            w.cell_text(staff_fig(str(st.total), st.total, "total_count")),
        ]
    )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[3.0, 2.4, 2.4, 2.0, 2.6, 2.0],
        ruling="grid",
        spans=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 1, 4), (0, 5, 1, 5)],
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _indicator_grid(t: Table) -> Grid:
    """表2: the indicators with their units over 协议量 │ 完成量 │ 完成比, a 栏次 row
    numbering the columns (3=2÷1 …), the 片区 rows, 合计 last."""
    k = len(INDS)
    rows: list[list[str | None]] = [
        ["片区", *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成比"))],
        ["栏次", *(x for j in range(k) for x in _col_numbers(j))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * j, 0, 3 + 3 * j) for j in range(k)]
    scopes: list[tuple[str, Scope]] = [(a.name, (a.name,)) for a in t.areas] + [("合计", TOTAL)]
    for label, scope in scopes:
        rows.append(
            [label, *(t.cell(scope, ind, r) for ind in INDS for r in ("target", "done", "pct"))]
        )
    return Grid(
        rows=rows,
        header_rows=3,
        widths=[2.2, *([1.58] * (3 * k))],
        ruling="grid",
        spans=spans,
        font_size=9.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=22,
        cell_margin=0.08,
        repeat_header=True,
    )


def _col_numbers(j: int) -> tuple[str, str, str]:
    a, b = 3 * j + 1, 3 * j + 2
    return str(a), str(b), f"{b + 1}={b}÷{a}"


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    raw = RAW[f.name]
    rows: list[list[str | None]] = [["评估主体", "权重系数", "评分（百分制）", "折算得分"]]
    for p in PARTIES:
        rows.append([f"{ROLES[p]}（{orgs[p]}）", coefficient(WEIGHTS[p]), raw[p], sc.scores[p]])
    rows.append(["合计", "1.00", DASH, sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[7.2, 2.4, 3.0, 2.6],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _roster_grid(f: ReportFacts, rng: random.Random) -> Grid:
    st = f.staffing
    assert st is not None
    start = f.meta.contract[0]
    rows: list[list[str | None]] = [["序号", "姓名", "岗位", "持证情况", "入职时间"]]
    for p in st.roster:
        joined = start - dt.timedelta(days=rng.randint(30, 1500))
        rows.append(
            [str(p.seq), p.name, p.position, p.qualification, f"{joined.year}年{joined.month}月"]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.4, 2.6, 3.0, 3.2, 3.2],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
        repeat_header=True,
    )


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


def _bullets(w: Writer, num: int, entries: list[str]) -> None:
    """Each entry a ■ item of the Word list; its details ○ entries one level down (part
    of the item's look, not items: the item's text is its ■ paragraph)."""
    for entry in entries:
        head, details = split_entry(entry)
        w.item("", head + "。", indent=0, numbered=False)
        kit.list_level(w.doc.paragraphs[-1], num, 0)
        for d in details:
            w.text(d + "。")
            kit.list_level(w.doc.paragraphs[-1], num, 1)


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    number = str(f.knobs["doc_number"])
    rng = rng_for(NAME, f.name + "/text")
    staff = _people(rng, 3)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    num = kit.bullet_list(w.doc, BULLETS, FONTS.body, FONTS.size)

    # cover: the 密级 block at the top right
    w.text("", size=6)
    block = kit.add_table(w.doc, _secret_block(number), FONTS.body)
    # at the right margin (w:jc in its schema place, after w:tblW, where LibreOffice reads it)
    pr = block._tbl.tblPr
    for old in pr.findall(qn("w:jc")):
        pr.remove(old)
    jc = pr.makeelement(qn("w:jc"), {qn("w:val"): "right"})
    pr.find(qn("w:tblW")).addnext(jc)
    w.text("", space_before=110)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=160)
    w.text(f"委托单位：{m.district}民政局", size=14, align="center")
    w.text(f"评估机构：{m.evaluator}", size=14, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    # document control
    w.text("文档信息", size=16, bold=True, align="center", font=FONTS.heading, space_after=12)
    w.text("一、修订记录", bold=True, font=FONTS.heading, space_after=4, keep_with_next=True)
    w.table(_revisions(m.eval_date, staff))
    w.text("二、报告审批", bold=True, font=FONTS.heading, space_before=12, space_after=4)
    w.table(_approval(staff))
    w.text(
        "本报告为内部资料，仅供委托单位及相关管理部门使用，未经许可不得对外公开或引用。",
        size=10.5,
        space_before=12,
        align="left",
    )
    w.page_break()

    areas = [a.name for a in t.areas]
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}向社会购买服务，{m.operator}承接运营，服务站地址为{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元。本次{m.kind}评估的"
        f"评估周期为{m.assessment_printed}，共{m.months}个月。服务站辖区划分为"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）。"
    )
    w.heading("（二）人员配置", 2)
    w.para("截至评估期末，服务站人员配置情况见表1，人员名单见附件。", keep_with_next=True)
    _caption(w, "表1  服务站人员配置情况")
    w.text("单位：名", size=10.5, align="right", keep_with_next=True)
    w.table(_staffing_grid(w, f))
    w.para(
        "评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，承接机构均在一个月内完成补员。",
        space_before=6,
    )

    w.heading("二、评估说明", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}前完成对{m.station}的"
        f"{m.kind}评估。评估组通过查阅服务档案、实地走访片区、电话回访服务对象和召开座谈会"
        "等方式收集资料，并汇总购买方、监督方、督导方的评分和意见形成本报告。"
    )
    w.para(
        "四方分别按百分制评分，各方评分乘以其权重系数后相加为综合得分，各方权重系数见表3。"
        "综合得分90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，"
        "60分以下为不合格。"
    )

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        return cell_fig(f, LABEL, scope, key, role, plain)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，服务站为困难群众建档",
        c("registered/households"),
        "户（协议量",
        c("registered/households", "target"),
        "户）；开展入户探访",
        c("home_visits/count"),
        "人次（协议量",
        c("home_visits/count", "target"),
        "人次）；提供个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场。",
    )
    zero_area, zero_key, _, _ = str(f.knobs["zero_target"]).split("|")
    ind = t.ind(zero_key)
    what = ind.label.split("（")[0]
    w.para(
        f"{zero_area}本期协议未约定{what}量（协议量为0），该片区根据居民需求开展{what}",
        c(zero_key, scope=(zero_area,)),
        f"{ind.unit}，已计入合计，不计算完成比。",
    )
    last = t.areas[-1].name if t.areas[-1].name != zero_area else t.areas[0].name
    w.para(
        f"分片区看，{last}开展入户探访",
        c("home_visits/count", scope=(last,)),
        "人次，协议量",
        c("home_visits/count", "target", (last,)),
        "人次。各片区指标完成情况见表2。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(t))
    w.text(
        "注：1.完成比＝完成量÷协议量，即第3、6、9、12、15栏分别为其前两栏之比；"
        "2.协议量为0的片区不计算完成比，以“—”表示；3.合计行的协议量、完成量为各片区之和。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{CN[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, entries in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not entries:
                w.none("暂无。")
            _bullets(w, num, entries)

    w.heading("五、评估得分", 1)
    w.para("四方评分及折算情况见表3。", keep_with_next=True)
    _caption(w, "表3  四方评分汇总表")
    w.table(_score_grid(f, orgs))
    w.para(
        f"经加权折算，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期服务总体按协议推进，各方对服务站的专业服务和团队建设给予肯定。"
        "建议承接机构针对各方提出的不足逐项整改，对协议量为0但已开展服务的片区，"
        "在下一周期协议中补充约定相应指标。",
        keep_with_next=True,
    )
    w.text("", space_before=24, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    w.page_break()
    w.heading("附件  社工人员名册", 1)
    w.table(_roster_grid(f, rng_for(NAME, f.name + "/roster")))

    page_header(w.doc, EVALUATOR, FONTS.body, 9, right=f"编号：{number}")
    # the Header style's own centre and right tabs cleared: the number goes to the margin
    stops = w.doc.sections[0].header.paragraphs[0].paragraph_format.tab_stops
    for pos in (Cm(8.255), Cm(16.51)):
        stops.add_tab_stop(pos, WD_TAB_ALIGNMENT.CLEAR)
    page_footer(w.doc, "of_total", FONTS.body, 9, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="密级/编号 block on the cover and a 文档修订记录 page; staffing as a cross table "
    "with a roster; 表2 with a 栏次 row (3=2÷1), 完成比 ratios and a 0 协议量 printing '—'; "
    "items as a Word bullet list (■ items, ○ details); weights as 权重系数 in the score table",
    specs=SPECS,
    facts=facts,
    write=write,
)
