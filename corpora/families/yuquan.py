"""玉泉 template (fictional evaluator 汀川市玉泉社会工作评估事务所) — fifteenth held-back split
(`latched`).

Portrait A4, 宋体 小四 at 1.5 lines, 黑体 headings; a cover (station, 年度中期/末期评估报告,
项目名称, 委托单位, 承接机构, 评估机构, 报告日期), then on every other page a running header
typed as a small RULED TABLE of one row (the evaluator │ the report's title │ 第 X 页 共 Y 页,
a document-control block), no footer. 一、…六、 with （一） inside. 一、项目基本情况 with a
staffing sentence (持证 with 中级/助理, 未持证), no roster. 二、评估方法: the parties' weights as
DECIMAL COEFFICIENTS (权重系数分别为0.30、0.20、0.10和0.40, each party's full mark 100 分 ×
its coefficient) and the bands 85/75/60 (含) as a sentence. 三、服务指标完成情况: （一）主要服务
成效 — the station's figures live in the cells of a 服务成效 TABLE 表1 (序号 │ 服务项目 │ 服务内容
│ 服务成效, one row per indicator, the 服务成效 cell a phrase 完成1868户，协议量1800户，完成率
103.78%), no paragraph of totals; （二）各片区指标完成情况 — one 片区 sentence, then on a
LANDSCAPE page 表2: one row per 片区, 合计 last, five indicator groups 协议量 │ 完成量 │ 完成率,
a 注 pointing to the appendix. 四、各方评估意见: per party （一）购买方（…）评估意见 with the labels
主要成效： / 存在不足： on lines of their own and （1） items (无。 for none). 五、评估得分: 表3
评估主体 │ 权重系数 │ 满分 │ 得分 (0.30 │ 30 │ 26.40, 合计 1.00 │ 100 │ total). 六、评估结论: the
total and the grade in a sentence, a closing paragraph, a 附件 line, then a SIGNATURE TABLE of the
evaluation team (评估组职务 │ 姓名 │ 工作单位 │ 专业资质 │ 签名, the 签名 cells blank), the
evaluator and the date. 附件1 on landscape pages: ONE SMALL TABLE PER 片区
(附件1-1  泉山片区各社区服务指标完成情况 …), its 社区 (or 村) rows and a bold 小计, no 合计 — the
片区 named only in the caption, its 小计 printing exactly the figures of that 片区's row in
表2.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from docx.shared import Cm

from corpora.families import docx_kit as kit
from corpora.families import inject
from corpora.families.common import Family, Spec, cn_date, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid
from corpora.families.facts import (
    GIVEN,
    SURNAMES,
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    Scope,
    Table,
    grade_of,
    make_scores,
    make_staffing,
    make_table,
    print_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle
from corpora.families.writer import Fig, Writer

NAME = "yuquan"
SPLIT = "latched"
CITY = "汀川市"
EVALUATOR = "汀川市玉泉社会工作评估事务所"
PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")
WEIGHTS = {"buyer": 30, "monitor": 20, "supervision_centre": 10, "third_party": 40}
BANDS = standard_bands(85, 75, 60)
BODY = "表2"  # one row per 片区 and 合计
DETAIL = "附件1"  # one table per 片区 (附件1-1 …): 社区 rows and 小计
INDS = [
    Ind("registered", "households", "困难群众建档（户）", "户"),
    Ind("home_visits", "count", "入户探访（人次）", "人次"),
    Ind("casework", "sessions", "个案服务（节）", "节"),
    Ind("groups", "sessions", "小组服务（节）", "节"),
    Ind("community_events", "count", "社区活动（场）", "场"),
]
# 表1 主要服务成效: per indicator its 服务项目, 服务内容 and how its 服务成效 phrase opens
EFFECTS = {
    "registered/households": (
        "困难群众建档",
        "对辖区低保、特困、低保边缘等困难群众逐户核实情况，建立服务档案并动态更新",
        "建档",
    ),
    "home_visits/count": (
        "入户探访",
        "定期入户探访困难群众和独居长者，了解生活状况，及时发现和回应服务需求",
        "入户探访",
    ),
    "casework/sessions": (
        "个案服务",
        "针对需求复杂的困难家庭开展个案管理和专业辅导，链接政策与社会资源",
        "开展个案服务",
    ),
    "groups/sessions": (
        "小组服务",
        "围绕长者、青少年和残障人士开展支持性、成长性和互助性小组",
        "开展小组服务",
    ),
    "community_events/count": (
        "社区活动",
        "结合传统节日和社区需求开展社区活动，培育居民互助和志愿服务氛围",
        "举办社区活动",
    ),
}
RATE = RateStyle(decimals=2)
AREA_NAMES = "泉山 清溪 云台 石门 望湖 松岭 兰亭 竹林".split()
POST_NAMES = (
    "龙泉 凤池 桂园 柳岸 梅岭 荷塘 金沙 银河 翠屏 明月 福源 安平 长乐 永宁 文昌 锦绣".split()
)
HEADS = ("主要成效", "存在不足")

SPECS: list[Spec] = [
    {
        "name": "yuquan_qingtan_2025_final",
        "street": "青潭街",
        "district": "汀南区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "158",
        "posts": [3, 2, 3, 2],
        "staff": 13,
        "none": None,
        "errors": [],
    },
    {
        "name": "yuquan_shuikou_2025_mid",
        "street": "水口镇",
        "district": "汀北区",
        "kind": "中期",
        "start": dt.date(2025, 1, 1),
        "assessed": 6,
        "funding": "120",
        "posts": [2, 3, 2],
        "staff": 10,
        "none": "monitor",
        "errors": [
            ("sum_cell", None, "casework/sessions"),
            ("narrative", None, "home_visits/count"),
        ],
    },
    {
        "name": "yuquan_lianhua_2024_final",
        "street": "莲花街",
        "district": "汀南区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "166",
        "posts": [3, 3, 2, 3],
        "staff": 14,
        "none": None,
        "errors": [
            ("row_pct", 1, "groups/sessions"),
            ("score_sum", None, ""),
        ],
    },
]

ITEMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
TEAM: dict[str, list[list[str | None]]] = {}


def detail_name(areas: list[Area], area: str) -> str:
    """The appendix table of a 片区: 附件1-k, k its place in 表2."""
    k = next(i for i, a in enumerate(areas, start=1) if a.name == area)
    return f"{DETAIL}-{k}"


def body_table(detail: Table) -> Table:
    """表2: each 片区's figures as its appendix 小计 prints them, and their 合计."""
    t = Table(BODY, INDS, [Area(a.name) for a in detail.areas], RATE, CountStyle())
    scopes: list[Scope] = [*((a.name,) for a in detail.areas), TOTAL]
    for ind in INDS:
        for scope in scopes:
            t.target[(scope, ind.key)] = detail.target[(scope, ind.key)]
            t.done[(scope, ind.key)] = detail.done[(scope, ind.key)]
    print_table(t)
    return t


def team(rng: random.Random) -> list[list[str | None]]:
    """The evaluation team's signature rows: 职务, 姓名, 工作单位, 专业资质, 签名 (blank)."""
    names: list[str] = []
    while len(names) < 3:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return [
        ["组长", names[0], EVALUATOR, "高级社会工作师", ""],
        ["成员", names[1], EVALUATOR, "中级社会工作师", ""],
        ["成员", names[2], f"{CITY}社会工作学会", "中级社会工作师", ""],
    ]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    posts: list[int] = spec["posts"]
    n = len(posts)
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['泉心', '汀和', '同舟'])}社会工作服务中心",
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
        rng, DETAIL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10 * 1.1
    )
    detail.total_row = False
    detail.names = {
        scope: detail_name(areas, a.name)
        for a in areas
        for scope in [(a.name,), *((a.name, p) for p in a.posts)]
    }
    body = body_table(detail)
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    scores = make_scores(rng, WEIGHTS, BANDS, decimals=2, level=(0.8, 0.96))
    text_rng = rng_for(NAME, spec["name"] + "/items")
    counts = [
        (text_rng.randint(2, 4), 0 if p == spec["none"] else text_rng.randint(1, 3))
        for p in PARTIES
    ]
    praise = pick(text_rng, "lt_yq_praise", sum(p for p, _ in counts))
    concern = pick(text_rng, "lt_yq_concern", sum(c for _, c in counts))
    items: dict[str, tuple[list[str], list[str]]] = {}
    for party, (np, nc) in zip(PARTIES, counts, strict=True):
        items[party] = (praise[:np], concern[:nc])
        praise, concern = praise[np:], concern[nc:]
    ITEMS[spec["name"]] = items
    TEAM[spec["name"]] = team(text_rng)
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[body, detail],
        scores=scores,
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 项目名称, 委托单位, 承接机构, 评估机构, "
            "报告日期",
            "header_table": EVALUATOR,
            "header": "a running header typed as a one-row ruled table: evaluator │ report "
            "title │ 第 X 页 共 Y 页, none on the cover; no footer",
            "headings": "一、…六、 with （一） inside",
            "parties": "（一）购买方（organisation）评估意见 …",
            "labels": "主要成效：/存在不足： on lines of their own",
            "numbering": "（1）",
            "weights": "decimal coefficients (权重系数0.30…) in a sentence and 表3's "
            "权重系数 column, each party's 满分 = 100 × its coefficient",
            "bands": "sentence, 85/75/60 (含)",
            "scores": "表3 评估主体 │ 权重系数 │ 满分 │ 得分, 合计 last; total and grade in 六、",
            "effects_table": "表1 主要服务成效一览: 序号 │ 服务项目 │ 服务内容 │ 服务成效, the "
            "station's narrative figures in the 服务成效 cells",
            "table": "表2 on a landscape page: one row per 片区, 合计 last, fully ruled",
            "appendix": "附件1 on landscape pages: one table per 片区 (附件1-k, the 片区 named "
            "in the caption), 社区 rows and 小计, no 合计; each 小计 = its 片区's row of 表2",
            "sign_table": "评估组成员 table (职务 │ 姓名 │ 工作单位 │ 专业资质 │ 签名)",
            "landscape": "mediabox",
            "rate": "2 decimals with %",
            "areas": n,
            "posts": sum(posts),
            "roster": False,
            "zero_concern": spec["none"] or "",
            "kind": spec["kind"],
        },
    )
    for kind, where, key in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, BODY, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, BODY, TOTAL, key, "done")
            f.findings[-1].note = "表1's 服务成效 cell has two digits swapped against 表2"
        elif kind == "row_pct":
            a = areas[where]
            inject.row_pct(f, DETAIL, (a.name, a.posts[1]), key, shift="10")
        elif kind == "score_sum":
            total = Decimal(scores.total)
            up = grade_of(total + 1, BANDS) == scores.grade
            inject.score_sum(f, "1.00" if up else "-1.00")
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
ROLES = {
    "buyer": "购买方",
    "monitor": "监督方",
    "supervision_centre": "督导方",
    "third_party": "第三方评估机构",
}
NUMERALS = "一二三四"


def _orgs(f: ReportFacts) -> dict[str, str]:
    m = f.meta
    return {
        "buyer": m.buyer.removeprefix(m.city).removeprefix(m.district),
        "monitor": f"{m.district}民政局",
        "supervision_centre": f"{CITY}社会工作督导中心",
        "third_party": EVALUATOR,
    }


def coefficient(weight: int) -> str:
    return f"{Decimal(weight) / 100:.2f}"


def _indicator_grid(t: Table, first: str, rows_of: list[tuple[str, Scope]]) -> Grid:
    """表2 or an appendix table: the label column (`first`), then per indicator its
    name with the unit over 协议量 │ 完成量 │ 完成率; the last row bold."""
    rows: list[list[str | None]] = [
        [first, *(x for i in INDS for x in (i.label, None, None))],
        [None, *(x for _ in INDS for x in ("协议量", "完成量", "完成率"))],
    ]
    spans = [(0, 0, 1, 0)] + [(0, 1 + 3 * k, 0, 3 + 3 * k) for k in range(len(INDS))]
    for label, scope in rows_of:
        cells = (t.cell(scope, i, r) for i in INDS for r in ("target", "done", "pct"))
        rows.append([label, *cells])
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[2.8, *([1.55] * (3 * len(INDS)))],
        ruling="grid",
        spans=spans,
        font_size=9.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=20,
        cell_margin=0.08,
        keep_with_next=True,
    )


def _effects_grid(cells: list[str]) -> Grid:
    rows: list[list[str | None]] = [["序号", "服务项目", "服务内容", "服务成效"]]
    for k, (ind, effect) in enumerate(zip(INDS, cells, strict=True), start=1):
        project, content, _ = EFFECTS[ind.key]
        rows.append([str(k), project, content, effect])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[1.2, 2.6, 6.6, 5.2],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        left_more=(2, 3),
        row_height=22,
        shaded_rows=[0],
    )


def _score_grid(f: ReportFacts) -> Grid:
    sc, orgs = f.scores, _orgs(f)
    rows: list[list[str | None]] = [["评估主体", "权重系数", "满分", "得分"]]
    for party in PARTIES:
        rows.append(
            [
                f"{ROLES[party]}（{orgs[party]}）",
                coefficient(sc.weights[party]),
                str(sc.weights[party]),
                sc.scores[party],
            ]
        )
    rows.append(["合计", "1.00", "100", sc.total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[9.6, 2.0, 1.8, 2.2],
        ruling="grid",
        font_size=10.5,
        row_height=20,
        bold_rows=[len(rows) - 1],
    )


def _team_grid(rows: list[list[str | None]]) -> Grid:
    return Grid(
        rows=[["评估组职务", "姓名", "工作单位", "专业资质", "签名"], *rows],
        header_rows=1,
        widths=[2.6, 2.0, 5.8, 3.0, 2.4],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        row_height=20,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    body, detail = f.table(BODY), f.table(DETAIL)
    items = ITEMS[f.name]
    orgs = _orgs(f)
    title = f"{m.station}{m.year}年度{m.kind}评估报告"
    w = Writer(FONTS, title, m.evaluator)
    tail = "村" if m.street.endswith("镇") else "社区"

    def c(key: str, role: str = "done", scope: Scope = TOTAL) -> Fig:
        return cell_fig(f, BODY, scope, key, role, percent(plain) if role == "pct" else plain)

    # cover
    w.text("", space_before=100)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    for line in (
        f"项目名称：{m.station}服务项目",
        f"委托单位：{m.district}民政局",
        f"承接机构：{m.operator}",
        f"评估机构：{m.evaluator}",
        f"报告日期：{m.eval_date_printed}",
    ):
        w.text(line, size=14, indent_chars=4.5, space_after=6)
    w.page_break()

    areas = [a.name for a in body.areas]
    w.heading("一、项目基本情况", 1)
    w.heading("（一）项目概况", 2)
    w.para(
        f"{m.station}由{m.buyer}购买服务，{m.operator}承接运营，站点位于{m.address}。"
        f"项目服务期为{m.contract_printed}，项目经费{m.funding_wan}万元。本次{m.kind}评估"
        f"的评估周期为{m.assessment_printed}，共{m.months}个月。社工站下设"
        f"{m.area_count_printed}个片区（{'、'.join(areas)}），服务覆盖"
        f"{sum(len(a.posts) for a in detail.areas)}个{tail}。"
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

    w.heading("二、评估方法", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}组成评估组，于{m.eval_date_printed}前对"
        f"{m.station}开展{m.kind}评估，通过查阅服务台账和档案、实地察看、服务对象回访、"
        "社工及社区工作人员访谈等方式收集评估资料。"
    )
    coeffs = "、".join(coefficient(WEIGHTS[p]) for p in PARTIES[:-1])
    marks = "、".join(f"{WEIGHTS[p]}分" for p in PARTIES[:-1])
    w.para(
        "本次评估由购买方、监督方、督导方和第三方评估机构四方评分，各方的权重系数分别为"
        f"{coeffs}和{coefficient(WEIGHTS[PARTIES[-1]])}，各方满分为100分乘以其权重系数（即"
        f"{marks}和{WEIGHTS[PARTIES[-1]]}分），四方得分之和为综合得分。综合得分85分（含）以上"
        "为优秀，75分（含）至85分为良好，60分（含）至75分为合格，60分以下为不合格。"
    )

    w.heading("三、服务指标完成情况", 1)
    w.heading("（一）主要服务成效", 2)
    w.para("评估周期内，社工站围绕困难群众兜底保障和专业服务开展工作，主要服务成效见表1。")
    effects = []
    for ind in INDS:
        effects.append(
            w.cell_text(
                EFFECTS[ind.key][2],
                c(ind.key),
                f"{ind.unit}，协议量",
                c(ind.key, "target"),
                f"{ind.unit}，完成率",
                c(ind.key, "pct"),
            )
        )
    w.text(
        "表1  主要服务成效一览",
        font=FONTS.heading,
        size=10.5,
        bold=True,
        align="center",
        space_after=3,
        keep_with_next=True,
    )
    w.table(_effects_grid(effects))
    w.heading("（二）各片区指标完成情况", 2)
    first = body.areas[0].name
    w.para(
        f"各片区服务指标完成情况见表2，各{tail}的完成明细见附件1。分片区看，{first}入户探访",
        c("home_visits/count", scope=(first,)),
        "人次，完成率",
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
    w.table(_indicator_grid(body, "片区", rows))
    w.text(
        f"注：完成率＝完成量÷协议量×100%；各片区所辖{tail}的明细见附件1，表中各片区数据与"
        "附件1各表的小计一致。",
        size=9,
        align="left",
        space_before=3,
    )

    w.section(landscape=False)
    w.heading("四、各方评估意见", 1)
    for k, party in enumerate(PARTIES):
        w.heading(f"（{NUMERALS[k]}）{ROLES[party]}（{orgs[party]}）评估意见", 2, party=party)
        for head, polarity, texts in zip(HEADS, ("praise", "concern"), items[party], strict=True):
            w.label(head, polarity)  # type: ignore[arg-type]
            if not texts:
                w.none("无。")
            for n, text in enumerate(texts, start=1):
                w.item(f"（{n}）", f"{text}。")

    w.heading("五、评估得分", 1)
    w.para("四方评分情况见表3。")
    w.text(
        "表3  各评估主体评分情况",
        font=FONTS.heading,
        size=10.5,
        bold=True,
        align="center",
        space_after=3,
        keep_with_next=True,
    )
    w.table(_score_grid(f))

    w.heading("六、评估结论", 1)
    w.para(f"综合四方评分，{m.station}本期综合得分为{sc.total}分，评估等级为{sc.grade}。")
    w.para(
        "社工站能够按照服务协议推进困难群众兜底保障服务和个案、小组、社区活动等专业服务，"
        "服务台账基本规范，各片区服务有序开展。建议承接机构对照各方评估意见逐项制定整改"
        "措施，加强片区和社区之间的统筹，并在下一评估周期内报送整改落实情况。"
    )
    w.text(f"附件：1.各片区分{tail}服务指标完成明细表（附件1-1至附件1-{len(areas)}）", size=12)
    w.text("评估组成员：", bold=True, space_before=6, space_after=3, keep_with_next=True)
    w.table(_team_grid(TEAM[f.name]))
    w.text("", space_before=4, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    w.section(landscape=True)
    w.text("附件1", font=FONTS.heading, size=14, bold=True, align="left")
    w.text(
        f"各片区分{tail}服务指标完成明细表",
        font=FONTS.heading,
        size=14,
        bold=True,
        align="center",
        space_after=6,
    )
    for k, a in enumerate(detail.areas):
        if k and k % 2 == 0:  # two tables a page, as the typist broke them
            w.page_break()
        name = detail.name_of((a.name,))
        w.text(
            f"{name}  {a.name}各{tail}服务指标完成情况",
            font=FONTS.heading,
            size=10.5,
            bold=True,
            align="center",
            space_before=6,
            space_after=3,
            keep_with_next=True,
        )
        rows = [(p, (a.name, p)) for p in a.posts] + [("小计", (a.name,))]
        w.table(_indicator_grid(detail, tail, rows))
        w.text("", size=6)

    for sec in w.doc.sections:
        if sec.page_width < sec.page_height:
            sec.left_margin = sec.right_margin = Cm(2.6)
    kit.header_table(w.doc, [EVALUATOR, title, "{page}"], [4.6, 8.4, 2.8], FONTS.body, size=8)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="a running header typed as a ruled table (evaluator │ title │ 第 X 页 共 Y 页); "
    "weights as decimal coefficients; the station's figures in a 服务成效 table; 表2 one "
    "row per 片区 and 合计, the 社区 detail in appendix tables 附件1-k (one per 片区, 小计 "
    "= 表2's row); an evaluation-team signature table",
    specs=SPECS,
    facts=facts,
    write=write,
)
