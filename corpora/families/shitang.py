"""石塘 template (fictional evaluator 澄州市石塘社会工作评估中心) — sixteenth held-back split.

Portrait A4, 仿宋 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位 / 承接机构 / 评估机构 / 报告日期), "- X -" footers. 一、…六、 with （一） inside.
一、(二) the staffing ONLY as a PER-片区 table 表1 各片区社工配置情况 (片区 rows and a 站部
row │ 配备社工 │ 持证社工 │ 未持证社工, 合计 last; its 合计 row holds the counts), then one
sentence with the 中级/助理 split and the resignations. 二、 the weights ONLY as a RATIO of
the parties' full marks (四方评分按3∶2∶1∶4的比例构成综合得分), never as percentages or
points, and LETTER grades with no names: a band table 表2 等级 │ 综合得分 (A级 │ 90分（含）
以上 …) and the result `评估等级为B级`. 三、 opens with a shaded, bordered CALLOUT BOX of the
station's key figures (本期主要服务数据: one line per indicator, its completion and rate),
then a paragraph giving each indicator's rate with its EXCESS in PERCENTAGE POINTS
(完成率124.29%，超出协议量24.29个百分点 / 低于协议量3.75个百分点) and a 片区 sentence
naming the first-ranked 片区; then on a landscape page 表3 各片区服务指标完成情况及排名:
named 片区 rows with a COVERAGE COLUMN 覆盖社区（个） (a count that is no indicator) after
the 片区, four indicators (with units) each over 协议量 │ 完成量 │ 完成率 │ 排名 (the 片区's
RANK by rate within the indicator, ties sharing a rank; 合计 `—`), 合计 last, a 注.
四、 per party （一）购买方（…）评估意见 … with 成效亮点： / 待改进之处： on lines of their
own and （1） items. 五、 表4 评估主体 │ 得分 (合计 last; no full marks printed), the total and
the letter grade in a sentence. 六、 the conclusion, the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    Scope,
    Table,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer
from extractor.records import ExpectedFinding

NAME = "shitang"
SPLIT = "barred"
CITY = "澄州市"
EVALUATOR = "澄州市石塘社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
RATIO = "3∶2∶1∶4"  # the parties' full marks in PARTIES order, as a ratio (U+2236)
BANDS = [
    Band("A级", 90, None),
    Band("B级", 80, 90),
    Band("C级", 60, 80),
    Band("D级", None, 60),
]
LETTERS = [b.grade for b in BANDS]
LABEL = "表3"
CAPTION = "表3  各片区服务指标完成情况及排名"
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "石桥 塘下 柳湾 云塘 青石 枫湾 竹溪 莲塘 白沙".split()
HEADS = ("成效亮点", "待改进之处")
DASH = "—"

SPECS: list[Spec] = [
    {
        "name": "shitang_liuwan_2025_final",
        "street": "柳湾街",
        "district": "澄南区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "136",
        "areas": 4,
        "staff": 12,
        "no_concern": None,
        "errors": [],
    },
    {
        "name": "shitang_qingshi_2025_mid",
        "street": "青石镇",
        "district": "澄北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "112",
        "areas": 3,
        "staff": 9,
        "no_concern": "monitor",
        "errors": [
            ("total_cell", None, "groups/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "shitang_zhuxi_2024_final",
        "street": "竹溪街",
        "district": "澄南区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "148",
        "areas": 5,
        "staff": 14,
        "no_concern": None,
        "errors": [("row_pct", 2, "casework/sessions"), ("grade_band", None, "up")],
    },
]


# ---------------------------------------------------------------- facts


def ranks(t: Table, key: str) -> dict[str, str]:
    """Each 片区's rank by its exact rate within one indicator (1 the highest; equal
    rates share a rank and the next rank is skipped), as the table prints it."""
    rate = {a.name: Decimal(t.done[((a.name,), key)]) / t.target[((a.name,), key)] for a in t.areas}
    return {a: str(1 + sum(r > rate[a] for r in rate.values())) for a in rate}


def coverage(rng: random.Random, areas: list[Area]) -> dict[str, int]:
    """覆盖社区（个）: how many 社区 (or 村) each 片区 covers."""
    return {a.name: rng.randint(2, 5) for a in areas}


def staff_split(
    rng: random.Random, total: int, certified: int, units: list[str]
) -> dict[str, tuple[int, int]]:
    """How the staff spread over the 片区 and the 站部 (the last unit): (配备, 持证) per
    unit. The 站部 holds the 项目主任 (certified) and one more; the 片区 share the rest."""
    flags = [True] * (certified - 1) + [False] * (total - certified)
    rng.shuffle(flags)
    spread = {units[-1]: [True, flags.pop()]}
    rest = units[:-1]
    per = [len(flags) // len(rest) + (k < len(flags) % len(rest)) for k in range(len(rest))]
    for unit, n in zip(rest, per, strict=True):
        spread[unit], flags = flags[:n], flags[n:]
    return {u: (len(spread[u]), sum(spread[u])) for u in units}


def grade_off(f: ReportFacts) -> None:
    """The letter printed one band better than the printed total falls in."""
    sc = f.scores
    right = sc.grade
    wrong = LETTERS[LETTERS.index(right) - 1]
    sc.grade = wrong
    f.findings.append(
        ExpectedFinding(
            kind="grade_band",
            ref="scoring/grade",
            printed=wrong,
            expected=right,
            note=f"{sc.total} is not {wrong}",
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
        operator=f"{CITY}{rng.choice(['澄心', '石榴籽', '邻里守望'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10 * 1.1
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=scale)
    COVER[spec["name"]] = coverage(rng, areas)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    units = [a.name for a in areas] + ["站部"]
    SPLITS_[spec["name"]] = staff_split(rng, staffing.total, staffing.certified, units)
    scores = make_scores(rng_for(NAME, spec["name"] + "/scores"), WEIGHTS, BANDS)
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [(text_rng.randint(2, 4), text_rng.randint(1, 3)) for _ in PARTIES]
    counts = [
        (np, 0 if p == spec["no_concern"] else nc)
        for p, (np, nc) in zip(PARTIES, counts, strict=True)
    ]
    praise = pick(text_rng, "br_st_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "br_st_concern", sum(c for _, c in counts))
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
            "cover": "station, 年度评估报告, 委托单位/承接机构/评估机构/报告日期",
            "footer": "- X - centred, none on the cover",
            "headings": "一、…六、 with （一） inside",
            "staffing": "per-片区 table 表1 (片区 rows, 站部, 合计: 配备/持证/未持证) and a "
            "sentence with 中级/助理 and resignations",
            "weights": f"ratio of the full marks only ({RATIO})",
            "bands": "letter grades A级…D级 without names in 表2, 90/80/60 (含)",
            "callout": "三、 opens with a bordered, shaded box of key figures",
            "boxed": "本期主要服务数据",
            "points": "rates followed by 超出/低于协议量…个百分点",
            "table": "表3 on a landscape page, caption above, 片区 rows with 覆盖社区（个）, "
            "协议量 │ 完成量 │ 完成率 │ 排名 per indicator, 合计 last (排名 —), a 注",
            "rank_column": True,
            "coverage_column": "覆盖社区（个）",
            "landscape": "mediabox",
            "labels": "成效亮点：/待改进之处： on lines of their own, （1） items",
            "scores": "表4 评估主体 │ 得分, 合计 last; total and letter grade in a sentence",
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
            grade_off(f)
    return f


ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
COVER: dict[str, dict[str, int]] = {}
SPLITS_: dict[str, dict[str, tuple[int, int]]] = {}

# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
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
        space_before=6,
        space_after=3,
        keep_with_next=True,
    )


def _staff_grid(w: Writer, f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    split = SPLITS_[f.name]
    rows: list[list[str | None]] = [["片区", "配备社工", "持证社工", "未持证社工"]]
    for unit, (total, cert) in split.items():
        rows.append([unit, str(total), str(cert), str(total - cert)])
    rows.append(
        [
            "合计",
            w.cell_text(staff_fig(str(st.total), st.total, "total_count")),
            w.cell_text(staff_fig(str(st.certified), st.certified, "certified_count")),
            w.cell_text(staff_fig(str(st.uncertified), st.uncertified, "uncertified_count")),
        ]
    )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.4, 3.0, 3.0, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _band_grid() -> Grid:
    return Grid(
        rows=[
            ["等级", "综合得分"],
            ["A级", "90分（含）以上"],
            ["B级", "80分（含）至90分"],
            ["C级", "60分（含）至80分"],
            ["D级", "60分以下"],
        ],
        header_rows=1,
        widths=[3.0, 6.0],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
        keep_with_next=True,
    )


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    cover = COVER[f.name]
    order = {ind.key: ranks(t, ind.key) for ind in INDS}
    rows: list[list[str | None]] = [
        ["片区", "覆盖社区（个）", *(x for i in INDS for x in (i.label, None, None, None))],
        [None, None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率", "排名"))],
    ]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1)] + [(0, 2 + 4 * j, 0, 5 + 4 * j) for j in range(len(INDS))]
    for a in t.areas:
        scope: Scope = (a.name,)
        cells: list[str | None] = [a.name, str(cover[a.name])]
        for ind in INDS:
            cells += [t.cell(scope, ind, r) for r in ("target", "done", "pct")]
            cells.append(order[ind.key][a.name])
        rows.append(cells)
    total: list[str | None] = ["合计", str(sum(cover.values()))]
    for ind in INDS:
        total += [t.cell(TOTAL, ind, r) for r in ("target", "done", "pct")] + [DASH]
    rows.append(total)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.2, 1.5, *([1.5, 1.5, 1.65, 1.0] * len(INDS))],
        ruling="grid",
        spans=spans,
        font_size=9.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=24,
        cell_margin=0.06,
        repeat_header=True,
    )


def _score_grid(f: ReportFacts, orgs: dict[str, str]) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "得分"]]
    for p in PARTIES:
        rows.append([f"{ROLES[p]}（{orgs[p]}）", sc.scores[p]])
    rows.append(["合计", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[8.6, 3.4],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        keep_with_next=True,
    )


def _points(rate: str) -> str:
    """超出协议量24.29个百分点 for 124.29%, 低于协议量3.75个百分点 for 96.25%, as a reader
    works them out from the printed rate."""
    diff = Decimal(rate.rstrip("%")) - 100
    if diff == 0:
        return "与协议量持平"
    word = "超出" if diff > 0 else "低于"
    return f"{word}协议量{abs(diff)}个百分点"


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
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
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），每个片区覆盖若干社区。"
    )
    w.heading("（二）人员配置", 2)
    w.para("各片区社工配置情况见表1。", keep_with_next=True)
    _caption(w, "表1  各片区社工配置情况（单位：名）")
    w.table(_staff_grid(w, f))
    w.para(
        "持证社工中，中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名。评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，承接机构均已及时补员。",
        space_before=6,
    )

    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}采取查阅档案、实地走访、电话回访和座谈访谈"
        f"相结合的方式，对{m.station}本期服务开展评估，并汇总购买方、监督方、督导方的评分和"
        "意见形成本报告。"
    )
    w.para(
        f"综合得分满分100分，由购买方、监督方、督导方和第三方评估机构四方评分构成，"
        f"四方评分按{RATIO}的比例计入综合得分。评估结果分为四个等级，等级标准见表2。",
        keep_with_next=True,
    )
    _caption(w, "表2  评估等级标准")
    w.table(_band_grid())

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.para("本期服务站主要服务数据如下：", keep_with_next=True)
    lines: list[tuple[str, float, bool]] = [("本期主要服务数据", 12, True)]
    for ind in INDS:
        name = ind.label.split("（")[0]
        lines.append(
            (
                w.cell_text(f"{name}：完成", c(ind.key), ind.unit, "，完成率", c(ind.key, "pct")),
                11,
                False,
            )
        )
    kit.boxed(w.doc, lines, font=FONTS.body, fill="EAF1F8", indent_cm=1.5)
    parts: list[str | Fig] = ["从协议完成情况看，"]
    for k, ind in enumerate(INDS):
        name = ind.label.split("（")[0]
        rate = t.cell(TOTAL, ind, "pct")
        parts += [
            f"{name}协议量为",
            c(ind.key, "target"),
            f"{ind.unit}，完成率",
            c(ind.key, "pct"),
            f"，{_points(rate)}",
            "；" if k < len(INDS) - 1 else "。",
        ]
    w.para(*parts, space_before=6)
    order = ranks(t, "home_visits/count")
    first = next(a for a in areas if order[a] == "1")
    w.para(
        f"分片区看，{first}入户探访完成",
        c("home_visits/count", scope=(first,)),
        "人次，完成率",
        c("home_visits/count", "pct", (first,)),
        "，在各片区中排名第一。各片区指标完成情况及排名见表3。",
    )

    w.section(landscape=True)
    _caption(w, CAPTION)
    w.table(_indicator_grid(f))
    w.text(
        "注：1.完成率＝完成量÷协议量×100%；2.排名按各片区该项指标完成率由高到低排列，"
        "完成率相同的并列；3.合计行为各片区之和，不参与排名。",
        size=9.5,
        align="left",
        space_before=4,
    )

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{CN[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("无。")
            for j, text in enumerate(texts, start=1):
                w.item(f"（{j}）", text + "。")

    w.heading("五、评估得分与等级", 1)
    w.para("四方评分情况见表4。", keep_with_next=True)
    _caption(w, "表4  四方评分汇总")
    w.table(_score_grid(f, orgs))
    w.para(
        f"经汇总，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。",
        space_before=6,
    )

    w.heading("六、评估结论", 1)
    w.para(
        f"{m.station}本期能够按照服务协议推进各项服务，片区服务网络运行平稳。建议承接机构"
        "针对各方意见逐项制定整改措施，重点关注排名靠后片区的指标进度，并在下一周期加强"
        "服务成效的提炼与展示。",
        keep_with_next=True,
    )
    w.text("", space_before=24, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_footer(w.doc, "dash", FONTS.body, 10.5, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="staffing as a per-片区 table; weights only as a 3∶2∶1∶4 ratio; letter grades "
    "A级…D级 without names; a shaded key-figure box; rates with 超出…个百分点; 表3 with a "
    "覆盖社区（个） column and a 排名 column per indicator",
    specs=SPECS,
    facts=facts,
    write=write,
)
