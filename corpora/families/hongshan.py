"""红山 template (fictional evaluator 澄州市红山社会组织评估中心), the sixth held-back
split (`reserve`).

Bold plain section titles (项目概况, 评估方法, …: no 一、 and no 第X章), under them （一）
and 1、 headings only. Dates as year and month, 2025.01—2025.12. Every page carries a
diagonal text watermark (内部资料) drawn by LibreOffice's PDF export: text in the text
layer that is not the report's content. Each party's opinions under 工作亮点 / 存在不足,
one ● item per paragraph (a bullet: no ordinal). The indicator table 表3 is long and
fully ruled: one row per (片区, 服务指标), columns 片区 │ 服务指标 │ 协议量 │ 完成量 │
完成率, the 片区 merged down its rows, a 合计 block (合计 merged down) last, the header
repeated where it breaks. Scores in a matrix (表4): rows the 评估维度 (项目管理 / 服务成效
/ 财务管理 / 满意度) and a 合计 row, columns the parties (购买方 │ 区民政局 │ 督导中心 │
第三方); the total and grade in a two-cell box after it (综合评分 │ 87.25, 评估等级 │ 良好).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    make_scores,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Writer
from extractor.records import ExpectedFinding

NAME = "hongshan"
SPLIT = "reserve"
CITY = "澄州市"
EVALUATOR = "澄州市红山社会组织评估中心"
TABLE = "表3"
WATERMARK = "内部资料"
INDS = [
    Ind("registered", "households", "建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（次）", "次"),
    Ind("casework", "opened", "个案开案（个）", "个"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "count", "小组（个）", "个"),
    Ind("groups", "sessions", "小组活动（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
    Ind("community_events", "attendances", "社区活动参与（人次）", "人次"),
    Ind("volunteers", "count", "新增志愿者（名）", "名"),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
AREAS = ["港东片区", "港西片区", "湖滨片区", "新城片区"]
# matrix columns, left to right, and the weights (the party's column sums to at most it)
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "督导中心",
    "third_party": "第三方",
}
WEIGHTS = {"buyer": 30, "monitor": 10, "supervision_centre": 20, "third_party": 40}
# 评估维度 and the share of a party's score each carries
DIMENSIONS = [("项目管理", "0.25"), ("服务成效", "0.40"), ("财务管理", "0.15"), ("满意度", "0.20")]
BANDS = standard_bands(90, 80, 60)
CENT = Decimal("0.01")

SPECS: list[Spec] = [
    {
        "name": "hongshan_gangkou_2025_final",
        "street": "港口街",
        "district": "滨江区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "180",
        "areas": 4,
        "header_pages": 3,
        "errors": [],
    },
    {
        "name": "hongshan_huxin_2025_mid",
        "street": "湖心镇",
        "district": "滨江区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "150",
        "areas": 3,
        "header_pages": 2,
        "errors": [
            ("sum_cell", "casework/sessions"),
            ("narrative", "community_events/attendances"),
        ],
    },
    {
        "name": "hongshan_xincheng_2024_final",
        "street": "新城街",
        "district": "澄西区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "200",
        "areas": 4,
        "header_pages": 3,
        "errors": [("row_pct", "groups/sessions"), ("mis_added", "supervision_centre")],
    },
]

# each report's dimension scores per party (from the right party scores), set by facts()
DIMS: dict[str, dict[str, list[str]]] = {}


def ym(d: dt.date) -> str:
    """2025.01: year and month, the month zero-padded."""
    return f"{d.year}.{d.month:02d}"


def split_score(score: str) -> list[str]:
    """A party's score over the 评估维度 by their shares, to the cent; the last takes the
    rest, so the column adds up exactly."""
    s = Decimal(score)
    parts = [(s * Decimal(share)).quantize(CENT, ROUND_HALF_UP) for _, share in DIMENSIONS[:-1]]
    parts.append(s - sum(parts, Decimal(0)))
    return [f"{p:.2f}" for p in parts]


def _finding(kind: str, ref: str, printed: str, expected: str, note: str) -> ExpectedFinding:
    return ExpectedFinding.model_validate(
        {"kind": kind, "ref": ref, "printed": printed, "expected": expected, "note": note}
    )


def mis_added(f: ReportFacts, party: str) -> None:
    """A party's 合计 in the score matrix typed with two digits swapped, so it is not the
    sum of its dimension scores; the 综合评分 is the sum of the right 合计, so the party
    scores as printed do not add up to it (`score_sum` at scoring/total: the gold has no
    dimension scores, the total is where it shows)."""
    sc = f.scores
    right = sc.scores[party]
    wrong = inject.transpose(right)
    sc.scores[party] = wrong
    added = sum((Decimal(s) for s in sc.scores.values()), Decimal(0))
    f.findings.append(
        _finding(
            "score_sum",
            "scoring/total",
            sc.total,
            f"{added}",
            f"{PARTY_NAMES[party]} 合计 {wrong} ≠ the sum of its 评估维度 scores {right}; "
            "the 综合评分 adds the right 合计, so the party scores as printed do not add up",
        )
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['仁和', '同心', '益邻'])}社会工作服务中心",
        date=ym,
        joiner="—",
        area_count=str(n),
    )
    e = meta.eval_date
    meta = dataclasses.replace(meta, eval_date_printed=f"{e.year}.{e.month:02d}.{e.day:02d}")
    areas = [Area(a) for a in AREAS[:n]]
    table = make_table(rng, TABLE, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    scores = make_scores(rng, WEIGHTS, BANDS, level=(0.8, 0.96))
    DIMS[spec["name"]] = {p: split_score(scores.scores[p]) for p in PARTIES}
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=None,
        knobs={
            "watermark": WATERMARK,
            "headings": "bold plain titles, （一） and 1、 under them",
            "labels": "工作亮点/存在不足",
            "numbering": "● bullets",
            "dates": "2025.01—2025.12",
            "weights": "30/10/20/40 sentence",
            "bands": "90/80/60 sentence",
            "scores": "matrix 评估维度 × party with a 合计 row; 综合评分/评估等级 box",
            "dimensions": "/".join(d for d, _ in DIMENSIONS),
            "table": "long format (片区 × 服务指标 rows), 合计 block last, fully ruled",
            "rate": "2 decimals",
            "repeat_header": True,
            "header_word": "协议量",
            "header_pages": spec["header_pages"],
            "areas": n,
            "kind": spec["kind"],
        },
    )
    for kind, what in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, TABLE, TOTAL, what, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, TABLE, TOTAL, what, "done")
        elif kind == "row_pct":
            inject.row_pct(f, TABLE, (AREAS[1],), what, shift="-10.00")
        elif kind == "mis_added":
            mis_added(f, what)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)


def _opinion(w: Writer, texts: tuple[list[str], list[str]]) -> None:
    for name, polarity, items in zip(
        ("工作亮点", "存在不足"), ("praise", "concern"), texts, strict=True
    ):
        w.label(name, polarity)  # type: ignore[arg-type]
        for text in items:
            w.item("●", text + "。", numbered=False)


def _texts(rng: random.Random, counts: list[tuple[int, int]]) -> list[tuple[list[str], list[str]]]:
    """Item texts for each opinion block, no text twice in a report."""
    praise = pick(rng, "rs_hs_praise", sum(p for p, _ in counts))
    concern = pick(rng, "rs_hs_concern", sum(c for _, c in counts))
    out = []
    for p, c in counts:
        out.append((praise[:p], concern[:c]))
        praise, concern = praise[p:], concern[c:]
    return out


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    for _ in range(6):
        w.text("")
    w.text(m.station, size=22, bold=True, align="center")
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center")
    for _ in range(12):
        w.text("")
    w.text(f"评估机构：{m.evaluator}", size=14, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=14, align="center")
    w.page_break()

    w.heading("项目概况", 1, align="center")
    w.heading("（一）基本信息", 2)
    w.para(
        f"项目名称：{m.station}。承接机构：{m.operator}。购买方：{m.buyer}。"
        f"服务地址：{m.address}。项目周期：{m.contract_printed}。项目资金：{m.funding_wan}万元。"
        f"服务片区：{m.area_count_printed}个。"
    )
    w.heading("（二）评估周期", 2)
    w.para(f"本次为{m.kind}评估，评估周期为{m.assessment_printed}（共{m.months}个月）。")

    w.heading("评估方法", 1, align="center")
    wt = sc.weights
    w.heading("（一）评估主体与权重", 2)
    w.para(
        "本次评估由购买方、区民政局、督导中心及第三方评估机构共同实施，评分权重分别为"
        f"{wt['buyer']}%、{wt['monitor']}%、{wt['supervision_centre']}%、{wt['third_party']}%，"
        "各方从项目管理、服务成效、财务管理、满意度四个维度评分。"
    )
    w.heading("（二）等级标准", 2)
    w.para(
        "综合评分90分及以上为优秀，80分（含）至90分为良好，60分（含）至80分为合格，"
        "60分以下为不合格。"
    )

    w.heading("服务指标完成情况", 1, align="center")
    w.heading("（一）总体完成情况", 2)
    w.para(
        "评估周期内，社工站累计建档",
        cell_fig(f, TABLE, TOTAL, "registered/households"),
        "户，入户探访",
        cell_fig(f, TABLE, TOTAL, "home_visits/count"),
        "次；开展个案",
        cell_fig(f, TABLE, TOTAL, "casework/opened"),
        "个、个案服务",
        cell_fig(f, TABLE, TOTAL, "casework/sessions"),
        "节；开展小组",
        cell_fig(f, TABLE, TOTAL, "groups/count"),
        "个；举办社区活动",
        cell_fig(f, TABLE, TOTAL, "community_events/count"),
        "场，参与居民",
        cell_fig(f, TABLE, TOTAL, "community_events/attendances"),
        "人次，社区活动完成率为",
        cell_fig(f, TABLE, TOTAL, "community_events/count", "pct", PCT),
        "。",
    )
    w.heading("（二）各片区完成情况", 2)
    w.para("各片区服务指标完成情况见表3。")
    w.text(f"表3  {m.station}服务指标完成情况", size=10.5, bold=True, align="center")
    w.table(_indicators(f))

    # at most 3 + 3 + 2 + 2 + 2 praise and 5 × 2 concern items: the pools' sizes
    counts = [(rng.randint(2, 3) if k < 2 else 2, rng.randint(1, 2)) for k in range(5)]
    texts = _texts(rng, counts)
    w.heading("各方评估意见", 1, align="center")
    parties = [
        ("buyer", "（一）购买方评估意见"),
        ("monitor", "（二）区民政局评估意见"),
        ("supervision_centre", "（三）督导中心评估意见"),
    ]
    for k, (party, title) in enumerate(parties):
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, texts[k])
    w.heading("（四）第三方评估意见", 2, party="third_party")
    w.heading("1、项目管理", 3)
    _opinion(w, texts[3])
    w.heading("2、服务成效", 3)
    _opinion(w, texts[4])

    w.heading("评估结论", 1, align="center")
    w.heading("（一）各方评分", 2)
    w.para("各方按评估维度评分如表4。")
    w.text("表4  各方评分", size=10.5, bold=True, align="center")
    w.table(_matrix(f))
    w.heading("（二）综合评分与等级", 2)
    w.table(
        Grid(
            rows=[["综合评分", sc.total], ["评估等级", sc.grade]],
            header_rows=0,
            widths=[4.0, 4.0],
            ruling="grid",
            font_size=12,
            bold_rows=[],
        )
    )
    w.para("社工站本期各项工作总体有序推进，望针对存在不足认真整改，持续提升服务质量。")
    page_footer(w.doc, "page", FONTS.body)
    return w


def _indicators(f: ReportFacts) -> Grid:
    t = f.table(TABLE)
    rows: list[list[str | None]] = [["片区", "服务指标", "协议量", "完成量", "完成率"]]
    spans = []
    for scope in t.scopes():
        first = len(rows)
        for ind in t.inds:
            label = ("合计" if scope == TOTAL else scope[0]) if len(rows) == first else None
            rows.append(
                [label, ind.label, *(t.cell(scope, ind, r) for r in ("target", "done", "pct"))]
            )
        spans.append((first, 0, len(rows) - 1, 0))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.8, 4.6, 2.3, 2.3, 2.4],
        ruling="grid",
        spans=spans,
        font_size=10.5,
        repeat_header=True,
        left_cols=2,
        row_height=18,
    )


def _matrix(f: ReportFacts) -> Grid:
    sc = f.scores
    dims = DIMS[f.name]
    rows: list[list[str | None]] = [["评估维度", *(PARTY_NAMES[p] for p in PARTIES)]]
    for k, (dim, _) in enumerate(DIMENSIONS):
        rows.append([dim, *(dims[p][k] for p in PARTIES)])
    rows.append(["合计", *(sc.scores[p] for p in PARTIES)])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, 2.8, 2.8, 2.8, 2.8],
        ruling="grid",
        font_size=10.5,
        bold_rows=[len(rows) - 1],
    )


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="内部资料 watermark on every page (LibreOffice export option); bold plain titles "
    "with （一）/1、 under them; dates 2025.01—2025.12; ● items under 工作亮点/存在不足; "
    "long-format fully ruled 表3 (片区 merged down its 服务指标 rows, 合计 block last, header "
    "repeated); score matrix 评估维度 × party with a 合计 row, 综合评分/评估等级 box",
    specs=SPECS,
    facts=facts,
    write=write,
)
