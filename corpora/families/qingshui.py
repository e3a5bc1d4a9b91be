"""清水 template (fictional evaluator 澜州市清水社会工作评估中心) — seventh held-back split
(`vault`).

Portrait A4, 宋体 小四, a cover page, then a 目录 page: each heading (一、… and the parties'
（一）… under 四、) followed by a dot leader and the page number it starts on (Word's
contents: a right tab with dots and a PAGEREF field to the heading's bookmark), so every
heading is printed twice, the first time with a number that is a page number. The four
parties are named by their organisation throughout (澜东区民政局, 清水街道办事处, 澜州市社会
工作协会, the evaluator); their role (监督方, 购买方, 督导方, 第三方) is given once, in 二、评估
说明. Weights are the points of a 100-point full mark; the grades are letters with their
names (A级（优秀）… D级（不合格）), bands in one sentence. 三、服务指标完成情况 opens with a
paragraph whose figures carry Word footnotes (the superscript reference mark right after
the figure or the rate) and holds year-on-year figures that are not indicator values
(较上年同期增加120户, 同比增长12.5%). 表1 sits on a landscape page: each 片区 (and 合计, last)
a column group 完成量/协议量 │ 完成率 — done and target in ONE cell (412/380) — and the
indicator rows grouped under bold shaded caption rows spanning the table (基础服务, 个案服务,
小组服务, 社区活动, 志愿服务) instead of a merged column; one cell carries a footnote mark. 四、
各方评估意见: per organisation 主要优势 / 存在短板 with (1) (2) items, the evaluator's own in 1.项目
管理 / 2.服务成效. 五、评估结果: a table 评估主体 │ 满分 │ 得分 (合计 100 │ total) and the grade
as 评估等级为B级（良好）. Page numbers centred from the 目录 on.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import (
    Fonts,
    Grid,
    bookmark,
    contents_entry,
    page_footer,
)
from corpora.families.facts import (
    TOTAL,
    Area,
    Band,
    Ind,
    ReportFacts,
    make_scores,
    make_table,
)
from corpora.families.figures import cell_fig, percent, plain
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Note, Part, Writer

NAME = "qingshui"
SPLIT = "vault"
CITY = "澜州市"
EVALUATOR = "澜州市清水社会工作评估中心"
SUPERVISOR = "澜州市社会工作协会"
LABEL = "表1"
# row-group captions and the rows under them; the gold label is caption/row
GROUPS: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    (
        "基础服务",
        [
            ("registered", "households", "困难群众建档（户）", "户"),
            ("phone_visits", "count", "电话探访（人次）", "人次"),
            ("home_visits", "count", "入户探访（户次）", "户次"),
        ],
    ),
    (
        "个案服务",
        [
            ("casework", "opened", "开案数（个）", "个"),
            ("casework", "sessions", "服务节数（节）", "节"),
            ("casework", "closed", "结案数（个）", "个"),
        ],
    ),
    (
        "小组服务",
        [
            ("groups", "count", "小组个数（个）", "个"),
            ("groups", "sessions", "服务节数（节）", "节"),
            ("groups", "attendances", "参与人次", "人次"),
        ],
    ),
    (
        "社区活动",
        [
            ("community_events", "count", "活动场次（场）", "场"),
            ("community_events", "attendances", "参与人次", "人次"),
        ],
    ),
    ("志愿服务", [("volunteers", "count", "志愿者人数（名）", "名")]),
]
INDS = [
    Ind(ind, measure, f"{group}/{row}", unit)
    for group, rows in GROUPS
    for ind, measure, row, unit in rows
]
RATE = RateStyle(decimals=2, sign=True)
PCT = percent(plain)
AREA_NAMES = "江滨 清河 新桥 翠湖 望山 石湾".split()
WEIGHTS = {"monitor": 15, "buyer": 25, "supervision_centre": 10, "third_party": 50}
PARTY_ORDER = ("monitor", "buyer", "supervision_centre", "third_party")
ROLES = {
    "monitor": "监督方",
    "buyer": "购买方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
# A级（优秀）90分及以上；B级（良好）75分（含）至90分；C级（合格）60分（含）至75分；D级 60分以下
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 75, 90),
    Band("合格", 60, 75),
    Band("不合格", None, 60),
]
LETTERS = {"优秀": "A", "良好": "B", "合格": "C", "不合格": "D"}
# the footnotes: on the 个案服务节数 figure and the 社区活动 rate in the text, and on the 合计
# 建档 cell of 表1
NOTE_SESSIONS = "个案服务节数以个案面谈记录表为准，电话跟进不计入服务节数。"
NOTE_RATE = "完成率＝完成量÷协议量×100%，保留两位小数，下同。"
NOTE_CELL = "建档户数以民政救助信息系统登记为准，含本期新增及动态调整户数。"

SPECS: list[Spec] = [
    {
        "name": "qingshui_qingshui_2025_final",
        "street": "清水街",
        "district": "澜东区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "168",
        "areas": 4,
        "zero_concern": "monitor",
        "level": (0.82, 0.95),
        "errors": [],
    },
    {
        "name": "qingshui_shiwan_2025_mid",
        "street": "石湾镇",
        "district": "澜西区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "132",
        "areas": 3,
        "zero_concern": "",
        "level": (0.8, 0.94),
        "errors": [
            ("sum_cell", "casework/sessions"),
            ("narrative", "registered/households"),
        ],
    },
    {
        "name": "qingshui_wangjiang_2024_final",
        "street": "望江街",
        "district": "澜东区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "186",
        "areas": 3,
        "zero_concern": "supervision_centre",
        "level": (0.8, 0.93),
        "errors": [
            ("row_pct", "groups/attendances"),
            ("grade_band", ""),
        ],
    },
]


def organisations(f: ReportFacts) -> dict[str, str]:
    """Each party as the report names it: by its organisation."""
    m = f.meta
    return {
        "monitor": f"{m.district}民政局",
        "buyer": buyer_short(m.street),
        "supervision_centre": SUPERVISOR,
        "third_party": m.evaluator,
    }


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['善和', '同行', '春晖'])}社会工作服务中心",
        joiner="至",
        area_count=str(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=spec["level"]),
        staffing=None,
        knobs={
            "cover": "cover page, no page number",
            "toc": True,
            "contents": "目录 page: level-1 headings and the parties' headings, dot leaders, "
            "page numbers (PAGEREF fields)",
            "footer": "page number centred from the 目录 on",
            "headings": "一、…六、 with （一）… and 1. under them",
            "parties": "named by organisation; roles given once in 二、评估说明",
            "labels": "主要优势/存在短板",
            "numbering": "(1)",
            "zero_concern": spec["zero_concern"],
            "weights": "points of a 100-point full mark (满分100分，其中…15分) in a sentence",
            "bands": "letter grades with names in one sentence (A级（优秀），90分及以上 …)",
            "grade_letter": True,
            "scores": "table 评估主体 │ 满分 │ 得分 with 合计 100 last; 评估等级为B级（良好）",
            "footnotes": 3,
            "distractors": "较上年同期增加…户, 同比增长…% in the overall paragraph",
            "table": "片区 as column groups (合计 last), rows under bold shaded row-group "
            "captions spanning the table, fully ruled",
            "combined_cells": "完成量/协议量 in one cell (412/380), 完成率 beside it",
            "rate": "2 decimals",
            "landscape": "mediabox",
            "areas": n,
            "roster": False,
            "kind": spec["kind"],
        },
    )
    for kind, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[1].name,), key, shift="-10.00")
        elif kind == "grade_band":
            right = f.scores.grade
            order = list(LETTERS)
            k = order.index(right)
            inject.grade_band(f, order[k - 1] if k > 0 else order[1])
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
TAB_CM = 15.4  # the text width of the portrait page: the contents' page numbers


def _heads(f: ReportFacts) -> list[tuple[str, int]]:
    """The headings the 目录 lists, in order, with their level."""
    org = organisations(f)
    return [
        ("一、项目基本情况", 1),
        ("二、评估说明", 1),
        ("三、服务指标完成情况", 1),
        ("四、各方评估意见", 1),
        *((f"（{'一二三四'[k]}）{org[p]}评估意见", 2) for k, p in enumerate(PARTY_ORDER)),
        ("五、评估结果", 1),
        ("六、结语", 1),
    ]


def _indicator_grid(f: ReportFacts) -> Grid:
    t = f.table(LABEL)
    scopes = [(a.name,) for a in t.areas] + [TOTAL]
    names = [a.name for a in t.areas] + ["合计"]
    width = 1 + 2 * len(scopes)
    top: list[str | None] = ["服务指标"]
    sub: list[str | None] = [None]
    spans: list[tuple[int, int, int, int]] = [(0, 0, 1, 0)]
    for k, name in enumerate(names):
        top += [name, None]
        sub += ["完成量/协议量", "完成率"]
        spans.append((0, 1 + 2 * k, 0, 2 + 2 * k))
    rows: list[list[str | None]] = [top, sub]
    captions: list[int] = []
    notes: dict[tuple[int, int], str] = {}
    for group, members in GROUPS:
        captions.append(len(rows))
        spans.append((len(rows), 0, len(rows), width - 1))
        rows.append([group] + [None] * (width - 1))
        for ind, measure, row, _ in members:
            key = f"{ind}/{measure}"
            cells: list[str | None] = [row]
            for scope in scopes:
                done, target = t.cell(scope, key, "done"), t.cell(scope, key, "target")
                cells += [f"{done}/{target}", t.cell(scope, key, "pct")]
            if key == "registered/households":
                notes[(len(rows), width - 2)] = NOTE_CELL
            rows.append(cells)
    label_w = 3.6
    group_w = (26.1 - label_w) / len(scopes)
    widths = [label_w] + [group_w * 0.62, group_w * 0.38] * len(scopes)
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[round(w, 2) for w in widths],
        ruling="grid",
        spans=spans,
        font_size=10,
        repeat_header=True,
        left_cols=1,
        bold_rows=captions,
        shaded_rows=captions,
        row_height=17,
        notes=notes,
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc, org = f.scores, organisations(f)
    rows: list[list[str | None]] = [["评估主体", "满分", "得分"]]
    for p in PARTY_ORDER:
        rows.append([org[p], str(sc.weights[p]), sc.scores[p]])
    rows.append(["合计", str(sum(sc.weights.values())), sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[7.0, 2.6, 2.6],
        ruling="grid",
        font_size=10.5,
        bold_rows=[len(rows) - 1],
        row_height=20,
    )


def _opinions(w: Writer, praise: list[str], concern: list[str], none: bool) -> None:
    w.label("主要优势", "praise")
    for k, text in enumerate(praise, start=1):
        w.item(f"({k})", text)
    w.label("存在短板", "concern")
    if none:
        w.none("暂无。")
        return
    for k, text in enumerate(concern, start=1):
        w.item(f"({k})", text)


def _overall(f: ReportFacts, rng: random.Random) -> list[Part]:
    """三、（一）: the station's totals in running text, with two footnote marks and two
    year-on-year figures that are not indicator values."""

    def c(key: str, role: str = "done") -> Fig:
        return cell_fig(f, LABEL, TOTAL, key, role, PCT if role == "pct" else plain)

    more = rng.randint(6, 18) * 10
    growth = Decimal(rng.randint(52, 189)) / 10
    return [
        "评估期内，社工站累计为困难群众建档",
        c("registered/households"),
        f"户，较上年同期增加{more}户；开展电话探访",
        c("phone_visits/count"),
        "人次，入户探访",
        c("home_visits/count"),
        "户次。个案服务方面，开案",
        c("casework/opened"),
        "个，提供个案服务",
        c("casework/sessions"),
        "节",
        Note(NOTE_SESSIONS),
        "，结案",
        c("casework/closed"),
        "个。开展小组",
        c("groups/count"),
        "个；举办社区活动",
        c("community_events/count"),
        "场，社区活动完成率为",
        c("community_events/count", "pct"),
        Note(NOTE_RATE),
        "，活动参与居民",
        c("community_events/attendances"),
        f"人次，同比增长{growth}%。",
    ]


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    org = organisations(f)
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    heads = _heads(f)
    marks = {text: f"_Toc{k + 1:03d}" for k, (text, _) in enumerate(heads)}

    def head(text: str, level: int, **kw: object) -> None:
        w.heading(text, level, **kw)  # type: ignore[arg-type]
        if text in marks:
            bookmark(w.doc.paragraphs[-1], marks.pop(text))

    # cover
    w.text("", space_before=90)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    # contents
    w.text("目  录", size=16, bold=True, align="center", font=FONTS.heading, space_after=12)
    for text, level in heads:
        contents_entry(
            w.doc,
            text,
            marks[text],
            font=FONTS.body,
            size=12,
            tab_cm=TAB_CM,
            indent_chars=2 if level == 2 else 0,
        )
    w.page_break()

    head("一、项目基本情况", 1)
    w.para(
        f"{m.station}由{m.buyer}出资购买，{m.operator}承接运营，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目资金{m.funding_wan}万元，服务范围划分为"
        f"{m.area_count_printed}个片区（{'、'.join(a.name for a in f.table(LABEL).areas)}）。"
        f"本次为{m.kind}评估，评估期为{m.assessment_printed}（共{m.months}个月）。"
    )

    head("二、评估说明", 1)
    w.heading("（一）评估主体与分值", 2)
    roles = "、".join(f"{org[p]}（{ROLES[p]}）" for p in PARTY_ORDER[:-1])
    w.para(
        f"本次评估由四方共同实施：{roles}和{org['third_party']}（{ROLES['third_party']}）。"
        "评估实行百分制，满分100分，其中"
        + "、".join(f"{org[p]}{sc.weights[p]}分" for p in PARTY_ORDER)
        + "。"
    )
    w.heading("（二）评估等级", 2)
    w.para(
        "评估结果分为四个等级：A级（优秀），90分及以上；B级（良好），75分（含）至90分；"
        "C级（合格），60分（含）至75分；D级（不合格），60分以下。"
    )
    w.heading("（三）评估方法", 2)
    w.para(
        f"{m.evaluator}组织评估组进驻社工站，通过查阅档案、"
        "实地走访、服务对象访谈、社工座谈和问卷调查等方式收集资料，结合各方意见形成本报告。"
    )

    head("三、服务指标完成情况", 1)
    w.heading("（一）总体情况", 2)
    w.para(*_overall(f, rng))
    w.heading("（二）各片区完成情况", 2)
    w.para("各片区服务指标完成情况见表1（完成量与协议量并列于同一栏，以“完成量/协议量”表示）。")
    w.section(landscape=True)
    w.text(
        f"{LABEL}  {m.station}服务指标完成情况",
        font=FONTS.heading,
        size=12,
        align="center",
        space_after=6,
        keep_with_next=True,
    )
    w.table(_indicator_grid(f))
    w.section(landscape=False)

    head("四、各方评估意见", 1)
    zero = str(f.knobs["zero_concern"])
    # two or three praise and one or two concern items per block, none twice
    blocks = 5
    counts = [(rng.randint(2, 3), rng.randint(1, 2)) for _ in range(blocks)]
    praise = pick(rng, "vt_qs_praise", sum(p for p, _ in counts))
    concern = pick(rng, "vt_qs_concern", sum(c for _, c in counts))
    texts = []
    for p, c in counts:
        texts.append((praise[:p], concern[:c]))
        praise, concern = praise[p:], concern[c:]
    for k, party in enumerate(PARTY_ORDER):
        title = heads[4 + k][0]
        head(title, 2, party=party)
        if party != "third_party":
            _opinions(w, *texts[k], none=zero == party)
            continue
        w.heading("1.项目管理", 3)
        _opinions(w, *texts[3], none=False)
        w.heading("2.服务成效", 3)
        _opinions(w, *texts[4], none=False)

    head("五、评估结果", 1)
    w.para("各评估主体评分情况如下表。")
    w.text("表2  评估得分汇总", font=FONTS.heading, size=10.5, align="center", keep_with_next=True)
    w.table(_score_grid(f))
    w.para(
        f"经汇总，{m.station}本次{m.kind}评估综合得分{sc.total}分，评估等级为"
        f"{LETTERS[sc.grade]}级（{sc.grade}）。"
    )

    head("六、结语", 1)
    w.para(
        "总体来看，社工站服务指标完成情况良好，服务管理逐步规范。希望承接机构针对各方提出的"
        "短板认真整改，在下一服务周期持续提升专业服务水平。"
    )
    w.text("", space_before=18)
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")
    if marks:
        raise ValueError(f"contents entries without a heading: {sorted(marks)}")
    page_footer(w.doc, "plain", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="cover, 目录 page with dot leaders and page numbers (PAGEREF); parties named by "
    "organisation, roles once; weights as points, letter grades B级（良好）; footnote marks "
    "after figures in the text and in a cell; year-on-year distractor figures; landscape 表1 "
    "with 片区 column groups 完成量/协议量 (412/380 in one cell) │ 完成率 and bold shaded "
    "row-group captions; 主要优势/存在短板 (1) items; score table 评估主体 │ 满分 │ 得分",
    specs=SPECS,
    facts=facts,
    write=write,
)
