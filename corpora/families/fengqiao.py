"""枫桥 template (fictional evaluator 沅州市枫桥社会工作发展评估中心) — fifth held-back split.

A cover with 项目名称 / 承接机构 / 评估机构 lines and the report's month in Chinese numerals
(二〇二六年一月); every date of the report in Chinese numerals (二〇二五年一月一日至
二〇二五年十二月三十一日), the month count printed (共六个月) in the 中期 report only.
Headings 一、/（一）/1. with the conclusion first: 一、评估结论 holds the weighted score
table 表1 (评估主体 │ 权重 │ 评分 │ 加权得分: weights as percentages, each party's mark
out of 100 beside its weighted score, 合计 last), the bands as inequality chains
(80≤得分＜90) and the total and grade in a sentence with the grade in quotes (“良好”),
and a summary quoting a 万 figure (服务覆盖居民1.37万人次). Then 二、基本情况,
三、服务成效 (the 总计 figures in running text and one big 表2: rows per 社工点 grouped by
片区, the 片区 cell merged down, each 片区 closed by 小计 and the table by 总计, columns
协议量 │ 完成量 │ 完成率 per indicator under long wrapped indicator names, vertical
rules only inside the body, the header rows repeated on each of the three pages it runs
over), 四、存在问题 and 五、建议. Praise and concerns are running paragraphs in the
official style: 主要成效：一是……；二是……。 and 存在的问题：一是……；二是……。; the
改进建议 paragraph of 五、建议 is written the same way. Page numbers as "- 3 -".
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
    Band,
    Ind,
    ReportFacts,
    Scope,
    Scores,
    grade_of,
    make_staffing,
    make_table,
    set_cell,
)
from corpora.families.figures import Show, cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "fengqiao"
SPLIT = "sealed"
CITY = "沅州市"
EVALUATOR = "沅州市枫桥社会工作发展评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "区社工督导中心",
    "third_party": "第三方评估机构",
}
BANDS = [
    Band("优秀", 90, 100, upper_inclusive=True),
    Band("良好", 80, 90),
    Band("合格", 60, 80),
    Band("不合格", None, 60),
]
SCORE_TABLE = "表1"
LABEL = "表2"
COVERAGE = "community_events/attendances"  # the figure the summary prints in 万人次
INDS = [
    Ind("registered", "households", "困难群众和特殊群体建档服务（户）", "户"),
    Ind("casework", "opened", "个案服务（个）", "个"),
    Ind("community_events", "attendances", "社区活动服务人次（人次）", "人次"),
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
AREAS = ["东部片区", "西部片区", "南部片区", "北部片区", "中部片区"]
PLACES = (
    "枫桥 柳塘 荷花 石门 杏林 清溪 龙泉 梧桐 青石 白沙 竹园 凤鸣 桂花 新塘 莲湖 黄泥 "
    "樟树 双井 金竹 碧水 五里 麻园 高岭 松林 红星 东岳 茶亭 月湖 长岭 水口 沙洲 栗山 "
    "仙桥 鹤鸣 兰溪 望江 银杏"
).split()

SPECS: list[Spec] = [
    {
        "name": "fengqiao_liutang_2025_final",
        "breaks": "红星社区|龙泉社区;金竹社区|荷花社区",
        "street": "柳塘街",
        "district": "沅北区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "280",
        "posts": [6, 7, 6, 7, 6],
        "months_printed": False,
        "scale": 2.2,
        "errors": [],
    },
    {
        "name": "fengqiao_shimen_2025_mid",
        "breaks": "莲湖村|沙洲村;仙桥村|金竹村",
        "street": "石门镇",
        "district": "沅南区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "236",
        "posts": [7, 7, 7, 7],
        "months_printed": True,
        "scale": 2.4,
        "errors": [
            ("subtotal", 1, "casework/opened"),
            ("total_pct", None, "registered/households"),
        ],
    },
    {
        "name": "fengqiao_qingxi_2024_final",
        "breaks": "石门社区|高岭社区;东岳社区|长岭社区",
        "street": "清溪街",
        "district": "沅北区",
        "kind": "末期",
        "start": dt.date(2024, 3, 1),
        "assessed": 12,
        "funding": "252",
        "posts": [7, 6, 7, 6, 7],
        "months_printed": False,
        "scale": 2.2,
        "errors": [("weighted", None, "buyer"), ("narrative", None, "casework/opened")],
    },
]


def cn_year(year: int) -> str:
    """2025 → 二〇二五 (a year read digit by digit)."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def cn_full_date(d: dt.date) -> str:
    """二〇二五年十二月三十一日."""
    return f"{cn_year(d.year)}年{cn_numeral(d.month)}月{cn_numeral(d.day)}日"


def weighted_scores(rng: random.Random) -> tuple[dict[str, str], Scores]:
    """Each party's mark out of 100 (two decimals) and its weighted score, the mark times
    the weight rounded to two decimals; the total sums the weighted scores."""
    marks: dict[str, str] = {}
    weighted: dict[str, Decimal] = {}
    for p in PARTIES:
        mark = Decimal(str(rng.uniform(80, 95))).quantize(Decimal("0.01"), ROUND_HALF_UP)
        marks[p] = f"{mark}"
        weighted[p] = (mark * WEIGHTS[p] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = sum(weighted.values(), Decimal(0))
    return marks, Scores(
        weights=dict(WEIGHTS),
        bands=BANDS,
        scores={p: f"{s}" for p, s in weighted.items()},
        total=f"{total}",
        grade=grade_of(total, BANDS),
    )


def _round_coverage(f: ReportFacts) -> None:
    """Make the 总计 of the 万 figure a whole number of hundreds (1.37万 is then exact):
    one 社工点's completion is lowered by the remainder, the sums re-added."""
    t = f.table(LABEL)
    rest = t.done[(TOTAL, COVERAGE)] % 100
    if not rest:
        return
    leaf = max(((a.name, p) for a in t.areas for p in a.posts), key=lambda s: t.done[(s, COVERAGE)])
    set_cell(t, leaf, COVERAGE, t.target[(leaf, COVERAGE)], t.done[(leaf, COVERAGE)] - rest)
    assert t.done[(TOTAL, COVERAGE)] % 100 == 0 and t.done[(TOTAL, COVERAGE)] >= 10000


def _finding(kind: str, ref: str, printed: str, expected: str, note: str) -> ExpectedFinding:
    return ExpectedFinding.model_validate(
        {"kind": kind, "ref": ref, "printed": printed, "expected": expected, "note": note}
    )


def subtotal(f: ReportFacts, area: str, key: str, delta: int = 10) -> None:
    """A 小计 completion that is not the sum of its 社工点 (typed over in the sheet); the
    总计 adds the 小计 rows as printed, so it follows, and both rates follow their counts:
    the 小计 is the only inconsistency."""
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
        _finding(
            "total_cell",
            inject.cell_ref(t, scope, key, "done"),
            str(n),
            right,
            "小计 ≠ the sum of its 社工点 (the 总计 adds the printed 小计 rows)",
        )
    )


def mis_multiplied(f: ReportFacts, party: str) -> None:
    """One party's weighted score mis-multiplied (two digits swapped); the total is the sum
    of the right weighted scores, so the printed party scores no longer add up to it."""
    sc = f.scores
    right = sc.scores[party]
    wrong = inject.transpose(right)
    sc.scores[party] = wrong
    added = sum((Decimal(s) for s in sc.scores.values()), Decimal(0))
    mark = str(f.knobs["raw_marks"]).split("/")[PARTIES.index(party)]
    f.findings.append(
        _finding(
            "score_sum",
            "scoring/total",
            sc.total,
            f"{added}",
            f"{PARTY_NAMES[party]} 加权得分 {wrong} ≠ {mark} × {WEIGHTS[party]}% = {right}: "
            "the party scores as printed do not add up to the total",
        )
    )


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    posts: list[int] = spec["posts"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['善邻', '和光', '恒爱'])}社会工作服务中心",
        date=cn_full_date,
        area_count=cn_numeral(len(posts)),
        months_printed=spec["months_printed"],
    )
    suffix = "村" if spec["street"].endswith("镇") else "社区"
    names = rng.sample(PLACES, sum(posts))
    areas, k = [], 0
    for i, n in enumerate(posts):
        areas.append(Area(AREAS[i], tuple(f"{c}{suffix}" for c in names[k : k + n])))
        k += n
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["scale"])
    marks, scores = weighted_scores(rng)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=scores,
        staffing=make_staffing(rng, total=sum(posts) // 2 + 5, months=spec["assessed"]),
        knobs={
            "cover": "项目名称/承接机构/评估机构 lines, month in Chinese numerals",
            "dates": "Chinese numerals (二〇二五年一月一日)",
            "months_printed": spec["months_printed"],
            "headings": "一、/（一）/1., 评估结论 first",
            "labels": "主要成效/存在的问题 as 一是……；二是…… running paragraphs",
            "numbering": "一是",
            "scores": "weighted table 评估主体/权重/评分/加权得分, 合计 last; grade quoted",
            "raw_marks": "/".join(marks[p] for p in PARTIES),
            "bands": "inequality chains (80≤得分＜90)",
            "table": "社工点 rows, 片区 merged down, 小计 per 片区, 总计; vertical rules only",
            "rate": "2 decimals with %",
            "wan": "summary figure in 万人次",
            "footer": "- N -",
            "areas": len(posts),
            "posts": sum(posts),
            "landscape": "",
            "repeat_header": True,
            "header_word": "协议量",
            "header_pages": 3,
            "breaks": spec["breaks"],
            "kind": spec["kind"],
        },
    )
    _round_coverage(f)
    for kind, where, key in spec["errors"]:
        if kind == "subtotal":
            subtotal(f, areas[where].name, key)
        elif kind == "total_pct":
            inject.row_pct(f, LABEL, TOTAL, key, shift="+10")
        elif kind == "weighted":
            mis_multiplied(f, key)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=14, line_spacing=28)


def _wan(s: str) -> str:
    """13700 → 1.37 (the figure printed before 万人次)."""
    return f"{Decimal(s) / 10000:.2f}"


def _score_table(f: ReportFacts) -> Grid:
    sc = f.scores
    marks = dict(zip(PARTIES, str(f.knobs["raw_marks"]).split("/"), strict=True))
    rows: list[list[str | None]] = [["评估主体", "权重", "评分", "加权得分"]]
    for p in PARTIES:
        rows.append([PARTY_NAMES[p], f"{WEIGHTS[p]}%", marks[p], sc.scores[p]])
    rows.append(["合计", "100%", None, sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[4.6, 2.6, 3.0, 3.4],
        ruling="grid",
        font_size=12,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        row_height=24,
    )


def _posts_table(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    head0: list[str | None] = ["片区", "社工点"]
    head1: list[str | None] = [None, None]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)]
    for k, ind in enumerate(t.inds):
        head0 += [ind.label, None, None]
        head1 += ["协议量", "完成量", "完成率"]
        spans.append((0, 2 + 3 * k, 0, 4 + 3 * k))
    rows = [head0, head1]
    bold = []
    for a in t.areas:
        first = len(rows)
        for scope in [*((a.name, p) for p in a.posts), (a.name,)]:
            label = scope[1] if len(scope) == 2 else "小计"
            cells: list[str | None] = [a.name if len(rows) == first else None, label]
            for ind in t.inds:
                cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            rows.append(cells)
        spans.append((first, 0, len(rows) - 1, 0))
        bold.append(len(rows) - 1)
    cells = ["总计", None]
    for ind in t.inds:
        cells += [t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")]
    rows.append(cells)
    spans.append((len(rows) - 1, 0, len(rows) - 1, 1))
    bold.append(len(rows) - 1)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.1, 1.7] + [1.4, 1.4, 1.6] * 3,
        ruling="vertical",
        spans=spans,
        font_size=8.5,
        repeat_header=True,
        left_cols=0,
        bold_rows=bold,
        row_height=26,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, t = f.meta, f.scores, f.table(LABEL)
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    sec = w.doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.5)
    for _ in range(4):
        w.text("")
    w.text(f"{m.station}项目", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    for _ in range(6):
        w.text("")
    for label, value in (
        ("项目名称", f"{m.station}项目"),
        ("承接机构", m.operator),
        ("评估机构", m.evaluator),
    ):
        w.text(f"{label}：{value}", size=15, indent_chars=3)
    for _ in range(4):
        w.text("")
    month = f"{cn_year(m.eval_date.year)}年{cn_numeral(m.eval_date.month)}月"
    w.text(month, size=15, align="center")
    w.page_break()

    def c(key: str, role: str = "done", show: Show = plain, unit: str | None = None) -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, role, PCT if role == "pct" else show, unit)

    wt = sc.weights
    w.heading("一、评估结论", 1, size=16)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}项目开展"
        f"{m.kind}评估。评估认为，项目运营总体规范，服务覆盖居民",
        c(COVERAGE, show=_wan, unit="万人次"),
        "万人次，各项服务指标完成情况较好。",
    )
    w.heading("（一）评估得分", 2, size=15)
    w.para(
        f"本次评估由购买方、区民政局、区社工督导中心和第三方评估机构共同评分，权重分别为"
        f"{wt['buyer']}%、{wt['monitor']}%、{wt['supervision_centre']}%和{wt['third_party']}%，"
        "各方评分（百分制）乘以权重后相加为综合得分，见表1。"
    )
    w.text(f"{SCORE_TABLE}  评估得分汇总表", font=FONTS.heading, size=12, align="center")
    w.table(_score_table(f))
    w.para(
        "评估等级按综合得分划分：优秀（90≤得分≤100）、良好（80≤得分＜90）、"
        "合格（60≤得分＜80）、不合格（得分＜60）。"
    )
    w.heading("（二）评估等级", 2, size=15)
    w.para(f"经加权汇总，{m.station}本期综合得分为{sc.total}分，评估等级为“{sc.grade}”。")

    w.heading("二、基本情况", 1, size=16)
    w.heading("（一）项目概况", 2, size=15)
    posts = cn_numeral(sum(len(a.posts) for a in t.areas))
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点设在{m.address}。"
        f"服务合同期为{m.contract_printed}，合同金额{m.funding_wan}万元。社工站下设"
        f"{m.area_count_printed}个片区、{posts}个社工点。"
    )
    w.heading("（二）人员配置", 2, size=15)
    w.para(
        "项目现有专职社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名、未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )
    w.heading("（三）评估方法", 2, size=15)
    months = f"，共{cn_numeral(m.months)}个月" if m.months_printed else ""
    w.para(
        f"本次评估周期为{m.assessment_printed}{months}。评估组采取查阅档案、实地察看、"
        "社工访谈、服务对象回访和座谈会相结合的方式开展评估。"
    )

    w.heading("三、服务成效", 1, size=16, party="third_party")
    w.heading("（一）服务指标完成情况", 2, size=15)
    w.para(
        "评估期内，社工站共完成困难群众和特殊群体建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；开展个案服务",
        c("casework/opened"),
        "个，完成率",
        c("casework/opened", "pct"),
        "；社区活动服务",
        c(COVERAGE),
        "人次，完成率",
        c(COVERAGE, "pct"),
        "。各社工点完成情况见表2。",
    )
    w.text(
        f"{LABEL}  各社工点服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_before=4,
        space_after=4,
    )
    w.table(_posts_table(f))
    w.heading("（二）成效评价", 2, size=15)
    w.clauses("主要成效", "praise", pick(rng, "sl_fq_praise", rng.randint(3, 4)))

    w.heading("四、存在问题", 1, size=16, party="third_party")
    w.clauses("存在的问题", "concern", pick(rng, "sl_fq_concern", rng.randint(2, 3)))

    w.heading("五、建议", 1, size=16)
    suggestions = pick(rng, "sl_fq_suggest", 3)
    marks = ("一是", "二是", "三是")
    w.para("改进建议：" + "；".join(k + s for k, s in zip(marks, suggestions, strict=True)) + "。")
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    page_footer(w.doc, "dash", FONTS.body, size=12)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="conclusion first (一、评估结论 with a weighted 权重/评分/加权得分 table, bands as "
    "inequality chains, quoted grade, a 万人次 figure); dates in Chinese numerals; 一是/二是 "
    "running paragraphs (主要成效/存在的问题); one 社工点 table grouped by 片区 (merged) with "
    "小计 and 总计, vertical rules only, header repeated over three pages; - N - footers",
    specs=SPECS,
    facts=facts,
    write=write,
)
