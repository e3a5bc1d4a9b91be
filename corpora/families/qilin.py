"""麒麟 template (fictional evaluator 岐州市麒麟社会工作评估中心) — fourteenth held-back split
(`bolted`).

Portrait A4, 仿宋 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
委托单位, 评估机构, date), then 第 X 页 centred. The body's first page opens, before any
heading, with a 评估结果一览表: a ruled key–value form (评估对象, 承接机构, 评估周期; 各方评分
merged down beside a 评估主体 │ 权重 │ 得分 block of the four parties; 综合得分, 评估等级, a
主要服务成效 cell holding a sentence of the station's figures and a 主要建议 cell), the same
figures repeated in the body. 一、…六、 with （一） inside. 一、基本情况 with a staffing
sentence (持证 with 中级/助理, 未持证), no roster. 二、评估说明: the weights (占…%) in a
sentence and the bands in a HORIZONTAL two-row table 表2-1 (等级 │ 优秀 │ 良好 │ 合格 │ 不合格
over 综合得分 │ 90分（含）以上 │ …). 三、服务指标完成情况: a paragraph of station totals and one
片区 sentence, then a bar chart pasted as a PICTURE (图3-1 各片区服务指标完成率: grouped bars
per 片区 and 合计, its labels pixels, not text), then the indicator table printed as two
tables by service type with the same 片区 rows (合计 last): 表3-1 兜底保障类 (困难群众建档,
入户探访, 电话探访) typed with ordinary digits, and 表3-2 专业服务类 (个案服务, 小组服务, 社区活动)
whose counts are typed with FULL-WIDTH digits (１２６) — the only place they are; rates
half-width with two decimals (107.50%); a 注. 四、各方评估意见: per party （一）购买方（…）评估
意见 and a two-column table 成效 │ 不足与建议 whose items are PAIRED ROW BY ROW (row k: the
k-th achievement beside the k-th shortcoming, numbered 1. within each column, the shorter
column's cells empty; a party with none prints 无 in the first cell). 五、评估得分: 表5-1
评估主体 │ 权重 │ 得分 with 合计. 六、评估结论: a paragraph with the total and the grade, and a
floating TEXT BOX (a DrawingML shape, bordered and shaded, the paragraph wrapping round it at
the right margin) holding 综合得分 / the total / 评估等级：…; the evaluator and the date.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.shared import Cm

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.decorate import decorate
from corpora.families.docx_kit import Fonts, Grid
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
from corpora.families.printing import CountStyle, RateStyle, full_width, value_of
from corpora.families.writer import Fig, Writer

NAME = "qilin"
SPLIT = "bolted"
CITY = "岐州市"
EVALUATOR = "岐州市麒麟社会工作评估中心"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 15, "third_party": 35}
BANDS = standard_bands(90, 80, 60)
LABEL = "表3"  # one table of facts, printed as 表3-1 and 表3-2
BASIC = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("phone_visits", "count", "电话探访（人次）", "人次"),
]
PROFESSIONAL = [
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
INDS = BASIC + PROFESSIONAL
PARTS = (
    ("表3-1", "表3-1  兜底保障类服务指标完成情况", BASIC),
    ("表3-2", "表3-2  专业服务类指标完成情况", PROFESSIONAL),
)
WIDE = {i.key for i in PROFESSIONAL}  # counts typed with full-width digits (表3-2 only)
RATE = RateStyle(decimals=2)
AREA_NAMES = "麟趾 瑞光 凤鸣 青云 玉泉 金桂 祥和 紫荆".split()
HEADS = ("成效", "不足与建议")
CHART = "图3-1  各片区服务指标完成率"

SPECS: list[Spec] = [
    {
        "name": "qilin_linzhi_2025_final",
        "street": "麟趾街",
        "district": "岐东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "152",
        "areas": 4,
        "staff": 13,
        "none": None,
        "errors": [],
    },
    {
        "name": "qilin_ruiguang_2025_mid",
        "street": "瑞光镇",
        "district": "岐西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "118",
        "areas": 3,
        "staff": 10,
        "none": "monitor",
        "errors": [
            ("sum_cell", "casework/sessions", None),
            ("narrative", "home_visits/count", 0),
        ],
    },
    {
        "name": "qilin_fengming_2024_final",
        "street": "凤鸣街",
        "district": "岐东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "168",
        "areas": 5,
        "staff": 15,
        "none": None,
        "errors": [
            ("row_pct", "phone_visits/count", 1),
            ("grade_band", "", None),
        ],
    },
]

ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}


def _wide(ind: Ind, role: str, printed: str) -> str:
    """表3-2's counts typed with a full-width input method (１２６); rates as computed."""
    return full_width(printed) if role != "pct" and ind.key in WIDE else printed


def t_part(key: str) -> str:
    """The printed table (表3-1 / 表3-2) holding an indicator."""
    return next(label for label, _, inds in PARTS if any(i.key == key for i in inds))


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['仁和', '同心', '启航'])}社会工作服务中心",
        date=cn_date,
        joiner="至",
        area_count=str(n),
    )
    names = [f"{a}片区" for a in rng.sample(AREA_NAMES, n)]
    areas = [Area(a) for a in names]
    table = make_table(
        rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.1
    )
    table.part_names = {i.key: t_part(i.key) for i in INDS}
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng, WEIGHTS, BANDS, decimals=2, level=(0.83, 0.96))
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [
        (text_rng.randint(2, 4), 0 if p == spec["none"] else text_rng.randint(1, 3))
        for p in PARTIES
    ]
    praise = pick(text_rng, "bd_ql_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "bd_ql_concern", sum(c for _, c in counts))
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
            "cover": "cover: station, report title, 委托单位, 评估机构, date",
            "footer": "第 X 页 centred, none on the cover",
            "summary_table": "评估结果一览表 before the first heading: 评估对象/承接机构/评估周期, "
            "各方评分 (评估主体 │ 权重 │ 得分), 综合得分, 评估等级, 主要服务成效 (a sentence of "
            "station figures), 主要建议",
            "headings": "一、…六、 with （一） inside",
            "parties": "（一）购买方（organisation）评估意见 …",
            "labels": "成效 │ 不足与建议 as the header of a two-column table per party",
            "numbering": "1. within each column",
            "paired_items": "items paired row by row: row k holds the k-th of each column, "
            "the shorter column's cells empty, 无 for none",
            "weights": "sentence (占…%) and 表5-1's 权重 column",
            "bands": "horizontal two-row table 表2-1 (等级 │ 优秀 │ 良好 │ 合格 │ 不合格 over "
            "综合得分 │ ranges), 90/80/60 (含)",
            "scores": "一览表 and 表5-1 评估主体 │ 权重 │ 得分, 合计 last",
            "chart": f"{CHART}: a bar chart pasted as a picture (labels are pixels)",
            "table": "表3-1 and 表3-2, one under the other, the same 片区 rows, 合计 last, "
            "three indicators each (协议量 │ 完成量 │ 完成率)",
            "full_width_table": "表3-2's counts typed with full-width digits; 表3-1 and the "
            "text with ordinary ones",
            "text_box": "六、评估结论: a floating DrawingML text box at the right margin with "
            "综合得分, the total and the grade",
            "text_box_words": "综合得分;评估等级：",
            "picture_caption": CHART,
            "rate": "two decimals with % (107.50%)",
            "areas": n,
            "roster": False,
            "zero_concern": spec["none"] or "",
            "kind": spec["kind"],
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="10")
        elif kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, (areas[where].name,), key, "done")
            part = t_part(key)
            f.findings[-1].note = f"narrative figure has two digits swapped against {part}"
        elif kind == "grade_band":
            inject.grade_band(f, "优秀" if scores.grade == "良好" else "良好")
    decorate(f, LABEL, _wide)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
AREA_CM, COUNT_CM, RATE_CM = 2.0, 1.45, 1.6
PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"]
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作指导中心",
        "third_party": EVALUATOR,
    }


def _part_grid(t: Table, inds: list[Ind]) -> Grid:
    """One of 表3-1 / 表3-2: 片区, then each indicator's 协议量 │ 完成量 │ 完成率 under its
    name and unit, 合计 last in bold."""
    head: list[str | None] = ["片区"]
    sub: list[str | None] = [None]
    spans = [(0, 0, 1, 0)]
    for k, ind in enumerate(inds):
        head += [ind.label, None, None]
        sub += ["协议量", "完成量", "完成率"]
        spans.append((0, 1 + 3 * k, 0, 3 + 3 * k))
    rows: list[list[str | None]] = [head, sub]
    for scope in t.scopes():
        rows.append(
            [
                "合计" if scope == TOTAL else scope[0],
                *(t.cell(scope, ind, r) for ind in inds for r in ("target", "done", "pct")),
            ]
        )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[AREA_CM, *([COUNT_CM, COUNT_CM, RATE_CM] * len(inds))],
        ruling="grid",
        spans=spans,
        font_size=9.0,
        cell_margin=0.08,
        row_height=20,
        bold_rows=[len(rows) - 1],
    )


def _bands_grid() -> Grid:
    """The bands as a horizontal two-row table: the grades across, their ranges under."""
    rows: list[list[str | None]] = [
        ["等级", "优秀", "良好", "合格", "不合格"],
        ["综合得分", "90分（含）以上", "80分（含）—90分", "60分（含）—80分", "60分以下"],
    ]
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[2.2, 3.4, 3.4, 3.4, 3.4],
        ruling="grid",
        font_size=10.0,
        left_cols=0,
        row_height=22,
        bold_rows=[],
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc, orgs = f.scores, _orgs(f)
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    for party in PARTIES:
        rows.append([f"{ROLES[party]}（{orgs[party]}）", f"{sc.weights[party]}%", sc.scores[party]])
    rows.append(["合计", "100%", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[9.8, 2.8, 2.8],
        ruling="grid",
        font_size=10.5,
        row_height=20,
        bold_rows=[len(rows) - 1],
    )


def _summary_grid(f: ReportFacts, effect: str) -> Grid:
    """评估结果一览表: a key–value form, four columns, the 各方评分 block merged down."""
    m, sc = f.meta, f.scores
    rows: list[list[str | None]] = [
        ["评估对象", m.station, None, None],
        ["承接机构", m.operator, None, None],
        ["评估周期", m.assessment_printed, None, None],
        ["各方评分", "评估主体", "权重", "得分"],
    ]
    for party in PARTIES:
        rows.append([None, ROLES[party], f"{sc.weights[party]}%", sc.scores[party]])
    rows += [
        ["综合得分", f"{sc.total}分", None, None],
        ["评估等级", sc.grade, None, None],
        ["主要服务成效", effect, None, None],
        [
            "主要建议",
            "加强个案需求评估和小组成效评估，均衡推进各片区服务进度，规范服务档案。",
            None,
            None,
        ],
    ]
    spans = [(r, 1, r, 3) for r in (0, 1, 2)]
    spans.append((3, 0, 3 + len(PARTIES), 0))
    spans += [(r, 1, r, 3) for r in range(4 + len(PARTIES), len(rows))]
    return Grid(
        rows=rows,
        header_rows=0,
        widths=[3.0, 6.8, 2.8, 2.8],
        ruling="grid",
        spans=spans,
        font_size=10.5,
        left_cols=0,
        left_more=(1,),
        row_height=22,
        bold_rows=[3],
    )


def _chart_png(t: Table) -> bytes:
    """图3-1 as an Excel chart pasted as a picture: per 片区 (and 合计) a group of bars,
    one per indicator, each bar the printed rate; a dashed 100% line, a legend. The
    labels are drawn into the picture: pixels, not text."""
    from PIL import Image, ImageDraw, ImageFont

    # The labels need a CJK system font; without one (a machine or test run with the
    # font folders hidden) Pillow's own font draws them: the picture differs, the gold
    # (which never reads the picture) does not.
    font_path = next((p for p in CJK_FONTS if Path(p).exists()), None)
    small = ImageFont.truetype(font_path, 22) if font_path else ImageFont.load_default(size=22)
    W, H = 1800, 760
    left, right, top, bottom = 110, 30, 40, 170
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    groups = [*(a.name for a in t.areas), "合计"]
    scopes = [*((a.name,) for a in t.areas), TOTAL]
    top_pct = 200
    plot_h = H - top - bottom

    def y(pct: float) -> float:
        return top + plot_h * (1 - min(pct, top_pct) / top_pct)

    for tick in range(0, top_pct + 1, 50):
        d.line([(left, y(tick)), (W - right, y(tick))], fill="#D9D9D9", width=1)
        d.text((left - 12, y(tick)), f"{tick}%", fill="#595959", font=small, anchor="rm")
    slot = (W - left - right) / len(groups)
    bar = slot * 0.8 / len(INDS)
    for g, (label, scope) in enumerate(zip(groups, scopes, strict=True)):
        x0 = left + g * slot + slot * 0.1
        for k, ind in enumerate(INDS):
            pct = value_of(t.cell(scope, ind, "pct")) or 0.0
            d.rectangle([x0 + k * bar, y(pct), x0 + (k + 1) * bar - 3, y(0)], fill=PALETTE[k])
        d.text((left + (g + 0.5) * slot, y(0) + 14), label, fill="black", font=small, anchor="mt")
    for x in range(left, W - right, 16):
        d.line([(x, y(100)), (x + 8, y(100))], fill="#C00000", width=2)
    d.line([(left, top), (left, y(0))], fill="#595959", width=2)
    d.line([(left, y(0)), (W - right, y(0))], fill="#595959", width=2)
    lx = left + 40
    for k, ind in enumerate(INDS):
        d.rectangle([lx, H - 62, lx + 22, H - 40], fill=PALETTE[k])
        name = ind.label.split("（")[0]
        d.text((lx + 30, H - 51), name, fill="black", font=small, anchor="lm")
        lx += 40 + 24 * len(name) + 50
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)

    def c(key: str, role: str = "done", scope: tuple[str, ...] = TOTAL) -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, scope, key, role, show)

    # cover
    w.text("", space_before=120)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=170)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(m.eval_date_printed, size=15, align="center")
    w.page_break()

    # 评估结果一览表, before any heading
    w.text("评估结果一览表", size=15, bold=True, align="center", font=FONTS.heading, space_after=6)
    effect = w.cell_text(
        "本期建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次，个案服务",
        c("casework/sessions"),
        "节，小组服务",
        c("groups/sessions"),
        "节，社区活动",
        c("community_events/count"),
        "场。",
    )
    w.table(_summary_grid(f, effect))
    w.text("", space_after=6)

    areas = [a.name for a in t.areas]
    w.heading("一、基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站按辖区划分"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}）开展服务。"
    )
    w.heading("（二）人员配置", 2)
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

    w.heading("二、评估说明", 1)
    w.heading("（一）评估主体与权重", 2)
    w.para(
        f"本次评估由购买方（{orgs['buyer']}）、监督方（{orgs['monitor']}）、督导方"
        f"（{orgs['supervision_centre']}）和第三方评估机构（{EVALUATOR}）共同评分，"
        + "其中"
        + "，".join(f"{ROLES[p]}评分占{WEIGHTS[p]}%" for p in PARTIES)
        + "。各方在其权重分值内评分，四方得分之和为综合得分，满分100分。"
    )
    w.heading("（二）评估等级", 2)
    w.para("评估等级按综合得分划分为四个等级，见表2-1。")
    w.text(
        "表2-1  评估等级划分标准",
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_after=3,
        keep_with_next=True,
    )
    w.table(_bands_grid())

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估周期内，社工站为困难群众建档",
        c("registered/households"),
        "户，完成率",
        c("registered/households", "pct"),
        "；入户探访",
        c("home_visits/count"),
        "人次、电话探访",
        c("phone_visits/count"),
        "人次；开展个案服务",
        c("casework/sessions"),
        "节，完成率",
        c("casework/sessions", "pct"),
        "；小组服务",
        c("groups/sessions"),
        "节，社区活动",
        c("community_events/count"),
        "场。",
    )
    first = t.areas[0].name
    w.para(
        f"分片区看，{first}入户探访",
        c("home_visits/count", scope=(first,)),
        "人次，完成率",
        c("home_visits/count", "pct", (first,)),
        "。各片区各项指标的完成率见图3-1，完成情况见表3-1、表3-2。",
    )
    w.doc.add_picture(io.BytesIO(_chart_png(t)), width=Cm(15.0))
    w.doc.paragraphs[-1].alignment = kit.ALIGN["center"]
    w.text(CHART, font=FONTS.heading, size=10.5, align="center", space_after=6)
    for _, caption, inds in PARTS:
        w.text(
            caption,
            font=FONTS.heading,
            size=10.5,
            bold=True,
            align="center",
            space_after=3,
            keep_with_next=True,
        )
        w.table(_part_grid(t, inds))
        w.text("", size=6)
    w.text("注：完成率＝完成量÷协议量×100%，保留两位小数。", size=9, align="left")

    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{'一二三四'[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)

        def grid(rows: list[list[str | None]]) -> Grid:
            shade = [0]
            return Grid(
                rows=rows,
                header_rows=1,
                widths=[7.7, 7.7],
                ruling="grid",
                font_size=10.5,
                left_cols=2,
                row_height=20,
                shaded_rows=shade,
            )

        w.paired_opinions(HEADS, items[party], lambda n: f"{n}.", grid)
        w.text("", size=6)

    w.heading("五、评估得分", 1)
    w.para("四方评分情况见表5-1。")
    w.text(
        "表5-1  各方评分情况",
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_after=3,
        keep_with_next=True,
    )
    w.table(_score_grid(f))

    w.heading("六、评估结论", 1)
    w.para(
        f"综合四方评分，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。"
        "社工站能够按照服务协议开展困难群众兜底保障服务和专业服务，服务台账较为规范，"
        "各片区服务总体有序推进，服务对象和社区对社工站的认可度较高。建议承接机构针对"
        "各方提出的不足逐项制定整改措施，进一步加强个案和小组服务的专业深度，均衡推进"
        "各片区的服务进度，并在下一评估周期内向购买方报送整改落实情况。"
    )
    kit.text_box(
        w.doc.paragraphs[-1],
        [
            ("综合得分", 12.0, True),
            (f"{sc.total}分", 20.0, True),
            (f"评估等级：{sc.grade}", 12.0, True),
        ],
        font=FONTS.heading,
        width_cm=4.6,
        height_cm=3.0,
        shape_id=901,
    )
    w.text("", space_before=30)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    for sec in w.doc.sections:
        sec.left_margin = sec.right_margin = Cm(2.6)
    kit.page_footer(w.doc, "page", FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="评估结果一览表 before the first heading; horizontal bands table; a bar chart "
    "pasted as a picture; 表3-1 / 表3-2 with the counts of 表3-2 in full-width digits; "
    "成效 │ 不足与建议 items paired row by row; a floating text box with the total",
    specs=SPECS,
    facts=facts,
    write=write,
)
