"""桃源 template (fictional evaluator 沅州市桃源社会组织评估服务中心) — fourth held-back split.

Portrait A4, 宋体 小四. A cover with the report's 编号 at its top left. Chapters 第一章 …
第五章 with 第一节 … sections, the parties being the sections of 第四章 各方评估意见 (the
third party in 一、项目管理 and one 二、… per 片区), labels 主要成绩 / 存在不足 with 1.
items. 第二章 gives the weights as 分别为 and the bands as 及以上/至不足 ranges. 第三章: one
small table per indicator (表3-1 个案服务（个）完成情况 …), the indicator only in the caption,
rows of named 片区 and 合计 last, columns 片区 │ 目标数 │ 完成数 │ 完成率 │ 备注 (备注 a word:
超额完成 / 完成 / 未完成); a paragraph of per-片区 figures. 第五章: the party scores in a
sentence, the third party's score broken down by dimension in 表5-1 (评估维度 │ 分值 │
得分, 合计 last = the third party's score), the total and grade in the conclusion. 附件：
社工花名册 with 序号 │ 姓名 │ 岗位 │ 助理社会工作师 │ 社会工作师 │ 到岗时间, the certificate
marked √ in its column.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

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
    Table,
    make_scores,
    make_staffing,
    make_table,
)
from corpora.families.figures import cell_fig, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral, value_of
from corpora.families.writer import Fig, Part, Writer

NAME = "taoyuan"
SPLIT = "blind"
CITY = "沅州市"
EVALUATOR = "沅州市桃源社会组织评估服务中心"
WEIGHTS = {"buyer": 15, "monitor": 15, "supervision_centre": 20, "third_party": 50}
BANDS = [
    Band("优秀", 90, None),
    Band("良好", 75, 90),
    Band("合格", 60, 75),
    Band("不合格", None, 60),
]
# the third party's score by dimension (表5-1): dimension → its maximum (sums to 50)
DIMENSIONS = {"项目管理": 10, "专业服务": 20, "服务成效": 15, "服务对象满意度": 5}
TABLES: dict[str, Ind] = {
    "表3-1": Ind("registered", "households", "困难群众建档（户）", "户"),
    "表3-2": Ind("casework", "opened", "个案服务（个）", "个"),
    "表3-3": Ind("groups", "sessions", "小组活动（节）", "节"),
    "表3-4": Ind("volunteer_hours", "hours", "志愿服务时数（小时）", "小时"),
}
RATE = RateStyle(decimals=2, sign=True)
AREA_NAMES = "桃源 杏坛 柳溪 梅岭 竹园 荷塘 兰亭 菊苑".split()

SPECS: list[Spec] = [
    {
        "name": "taoyuan_xingtan_2024_mid",
        "street": "杏坛街",
        "district": "沅江区",
        "kind": "中期",
        "start": dt.date(2024, 3, 1),
        "assessed": 6,
        "funding": "142",
        "areas": 3,
        "number": "YZSP-2024-026",
        "errors": [],
    },
    {
        "name": "taoyuan_liuxi_2024_final",
        "street": "柳溪镇",
        "district": "沅北区",
        "kind": "末期",
        "start": dt.date(2023, 7, 1),
        "assessed": 11,
        "funding": "186",
        "areas": 4,
        "number": "YZSP-2024-041",
        "errors": [
            ("total_pct_sum", "表3-2", None),
            ("grade_band", "", None),
        ],
    },
    {
        "name": "taoyuan_heyuan_2025_final",
        "street": "荷园街",
        "district": "沅江区",
        "kind": "末期",
        "start": dt.date(2024, 5, 1),
        "assessed": 11,
        "funding": "210",
        "areas": 4,
        "number": "YZSP-2025-019",
        "errors": [
            ("row_pct", "表3-1", 1),
            ("narrative", "表3-4", 2),
        ],
    },
]


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['春晖', '馨桥', '仁和'])}社会工作服务中心",
        joiner="—",
        area_count=cn_numeral(n),
        months_printed=False,
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    scale = spec["assessed"] / 10
    tables = [
        make_table(rng, label, [ind], areas, RATE, CountStyle(), scale=scale)
        for label, ind in TABLES.items()
    ]
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=tables,
        scores=make_scores(rng, WEIGHTS, BANDS),
        staffing=make_staffing(
            rng, total=2 * n + rng.randint(2, 4), months=spec["assessed"], teams=["社工站"]
        ),
        knobs={
            "cover": "编号 at the top left",
            "headings": "第一章…第五章 with 第一节… sections; the parties are 第四章's sections",
            "labels": "主要成绩/存在不足",
            "numbering": "1.",
            "weights": "分别为 sentence",
            "bands": "及以上/至不足 ranges",
            "scores": "party scores in a sentence, 表5-1 the third party's score by "
            "dimension (合计 last), total and grade in 第五章",
            "table": "one small table per indicator (indicator in the caption), named 片区 "
            "rows, 合计 last, 目标数/完成数/完成率/备注",
            "narrative": "per-片区 figures in one paragraph",
            "rate": "2 decimals with %",
            "areas": n,
            "roster": True,
            "roster_form": "附件 社工花名册, certificates as √ columns, 到岗时间",
            "landscape": "",
            "kind": spec["kind"],
            "report_number": spec["number"],
        },
    )
    for kind, label, area in spec["errors"]:
        if kind == "total_pct_sum":
            inject.total_pct_sum(f, label, TABLES[label].key)
        elif kind == "grade_band":
            inject.grade_band(f, "优秀" if f.scores.grade != "优秀" else "良好")
        elif kind == "row_pct":
            inject.row_pct(f, label, (areas[area].name,), TABLES[label].key)
        elif kind == "narrative":
            inject.narrative(f, label, (areas[area].name,), TABLES[label].key)
    return f


def dimension_scores(f: ReportFacts) -> dict[str, str]:
    """The third party's score split over its dimensions (each at most its maximum, the
    parts summing exactly to the printed score), drawn from the report's seed."""
    rng = rng_for(NAME, f.name + "/dimensions")
    total = Decimal(f.scores.scores["third_party"])
    cent = Decimal("0.01")
    out: dict[str, Decimal] = {}
    names = list(DIMENSIONS)
    share = total / sum(DIMENSIONS.values())
    for name in names[:-1]:
        top = Decimal(DIMENSIONS[name])
        out[name] = min(
            top, (top * share * Decimal(str(rng.uniform(0.96, 1.04)))).quantize(cent, ROUND_HALF_UP)
        )
    out[names[-1]] = total - sum(out.values(), Decimal(0))
    if not 0 <= out[names[-1]] <= DIMENSIONS[names[-1]]:
        raise ValueError(f"{f.name}: dimension scores do not fit: {out}")
    return {k: f"{v:.2f}" for k, v in out.items()}


# ---------------------------------------------------------------- template

FONTS = Fonts(body="宋体", heading="黑体", size=12, line_spacing=1.5)
PARTY_NAMES = {
    "buyer": "购买方",
    "monitor": "区民政局",
    "supervision_centre": "市社工督导中心",
    "third_party": "第三方评估机构",
}


def _opinion(w: Writer, rng: random.Random, praise: int, concern: int, area: str = "") -> None:
    pools = ("bl_area_praise", "bl_area_concern") if area else ("bl_praise", "bl_concern")
    w.label("主要成绩", "praise")
    for k, text in enumerate(pick(rng, pools[0], praise, area), start=1):
        w.item(f"{k}.", text)
    w.label("存在不足", "concern")
    for k, text in enumerate(pick(rng, pools[1], concern, area), start=1):
        w.item(f"{k}.", text)


def _remark(t: Table, scope: Scope) -> str:
    ind = t.inds[0]
    done = value_of(t.cell(scope, ind, "done")) or 0
    target = value_of(t.cell(scope, ind, "target")) or 0
    return "超额完成" if done > target else "完成" if done == target else "未完成"


def _table(t: Table) -> Grid:
    ind = t.inds[0]
    rows: list[list[str | None]] = [["片区", "目标数", "完成数", "完成率", "备注"]]
    scopes: list[Scope] = [(a.name,) for a in t.areas] + [TOTAL]
    for scope in scopes:
        rows.append(
            [
                "合计" if scope == TOTAL else scope[0],
                t.cell(scope, ind, "target"),
                t.cell(scope, ind, "done"),
                t.cell(scope, ind, "pct"),
                _remark(t, scope),
            ]
        )
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.2, 2.6, 2.6, 2.6, 2.8],
        ruling="grid",
        font_size=10.5,
        left_cols=0,
        bold_rows=[len(rows) - 1],
        row_height=18,
    )


def _dimension_table(dims: dict[str, str], total: str) -> Grid:
    rows: list[list[str | None]] = [["评估维度", "分值", "得分"]]
    rows += [[name, str(DIMENSIONS[name]), score] for name, score in dims.items()]
    rows.append(["合计", str(sum(DIMENSIONS.values())), total])
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[5.0, 3.0, 3.0],
        ruling="grid",
        font_size=10.5,
        left_cols=1,
        bold_rows=[len(rows) - 1],
        row_height=18,
    )


def _roster(f: ReportFacts) -> Grid:
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/roster")
    start = f.meta.contract[0]
    rows: list[list[str | None]] = [
        ["序号", "姓名", "岗位", "持证情况", None, "到岗时间"],
        [None, None, None, "助理社会工作师", "社会工作师", None],
    ]
    for p in st.roster:
        back = rng.randint(0, 30)
        y, mo = divmod(start.year * 12 + start.month - 1 - back, 12)
        rows.append(
            [
                str(p.seq),
                p.name,
                p.position,
                "√" if p.qualification == "助理社工师" else "",
                "√" if p.qualification == "中级社工师" else "",
                f"{y}.{mo + 1:02d}",
            ]
        )
    return Grid(
        rows=rows,
        header_rows=2,
        widths=[1.4, 2.4, 2.8, 3.0, 2.6, 2.4],
        ruling="grid",
        spans=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)],
        font_size=10.5,
        left_cols=0,
        row_height=18,
        repeat_header=True,
    )


def write(f: ReportFacts) -> Writer:
    m, sc = f.meta, f.scores
    st = f.staffing
    assert st is not None
    rng = rng_for(NAME, f.name + "/text")
    w = Writer(FONTS, f"{m.station}{m.kind}评估报告", m.evaluator)
    w.text(f"编号：{f.knobs['report_number']}", size=12, align="left")
    for _ in range(7):
        w.text("")
    w.text(f"{m.station}项目", size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    for _ in range(12):
        w.text("")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告时间：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    areas = [a.name for a in f.tables[0].areas]
    w.heading("第一章  项目概况", 1, align="center")
    w.para(
        f"{m.station}项目由{m.buyer}购买，{m.operator}承接运营，服务地址为{m.address}。"
        f"项目合同期为{m.contract_printed}，项目资金{m.funding_wan}万元，本次评估的服务期为"
        f"{m.assessment_printed}。项目服务范围划分为{m.area_count_printed}个片区，即"
        f"{'、'.join(areas)}。"
    )
    w.para(
        "项目现有社工",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名、未持证社工",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名，评估期内离职社工",
        staff_fig(str(st.resigned), st.resigned, "resigned_early"),
        "名，人员名单见附件。",
    )

    wt = sc.weights
    w.heading("第二章  评估设计", 1, align="center")
    w.heading("第一节  评估方法", 2)
    w.para(
        f"{m.evaluator}受{m.district}民政局委托，于{m.eval_date_printed}对项目开展{m.kind}"
        "评估。评估组通过查阅档案、实地走访服务对象、召开座谈会等方式收集资料。"
    )
    w.heading("第二节  评分与等级", 2)
    w.para(
        f"项目评估由四方共同评分，四方评分权重分别为：购买方{wt['buyer']}%、区民政局"
        f"{wt['monitor']}%、市社工督导中心{wt['supervision_centre']}%、第三方评估机构"
        f"{wt['third_party']}%。评估等级分为：优秀（90分及以上）、良好（75分至不足90分）、"
        "合格（60分至不足75分）、不合格（60分以下）。"
    )

    def c(label: str, scope: Scope) -> Fig:
        return cell_fig(f, label, scope, TABLES[label].key, "done", plain)

    w.heading("第三章  服务指标完成情况", 1, align="center")
    w.para(
        "评估期内，项目共为困难群众建档",
        c("表3-1", TOTAL),
        "户，开展个案服务",
        c("表3-2", TOTAL),
        "个、小组活动",
        c("表3-3", TOTAL),
        "节，志愿者累计服务",
        c("表3-4", TOTAL),
        "小时。",
    )
    per_area: list[Part] = ["从各片区看，"]
    for k, a in enumerate(areas):
        per_area += ["；" if k else "", f"{a}志愿服务", c("表3-4", (a,)), "小时"]
    w.para(*per_area, "。各项指标完成情况见表3-1至表3-4。")
    for label, ind in TABLES.items():
        w.text(
            f"{label}  {ind.label}完成情况",
            font=FONTS.heading,
            size=10.5,
            align="center",
            space_before=6,
            space_after=3,
        )
        w.table(_table(f.table(label)))

    w.heading("第四章  各方评估意见", 1, align="center")
    titles = [
        ("buyer", "第一节  购买方意见", (1, 2), (1, 2)),
        ("monitor", "第二节  区民政局意见", (1, 3), (1, 2)),
        ("supervision_centre", "第三节  市社工督导中心意见", (2, 3), (1, 2)),
    ]
    for party, title, praise, concern in titles:
        w.heading(title, 2, party=party)  # type: ignore[arg-type]
        _opinion(w, rng, rng.randint(*praise), rng.randint(*concern))
    w.heading("第四节  第三方评估机构意见", 2, party="third_party")
    w.heading("一、项目管理", 3)
    _opinion(w, rng, rng.randint(2, 3), rng.randint(1, 2))
    for k, a in enumerate(areas, start=2):
        w.heading(f"{cn_numeral(k)}、{a}", 3, area=a)
        _opinion(w, rng, rng.randint(1, 2), 1, area=a)

    s = sc.scores
    dims = dimension_scores(f)
    w.heading("第五章  评估结论", 1, align="center")
    w.para(
        f"购买方评分{s['buyer']}分，区民政局评分{s['monitor']}分，市社工督导中心评分"
        f"{s['supervision_centre']}分，第三方评估机构评分{s['third_party']}分"
        "（分项得分见表5-1）。"
    )
    w.text(
        "表5-1  第三方评估分项得分",
        font=FONTS.heading,
        size=10.5,
        align="center",
        space_before=6,
        space_after=3,
    )
    w.table(_dimension_table(dims, s["third_party"]))
    w.para(f"综上，本项目{m.kind}评估总得分为{sc.total}分，评估等级为“{sc.grade}”。")
    w.text("")
    w.text(m.evaluator, align="right")
    w.text(m.eval_date_printed, align="right")

    w.page_break()
    w.text("附件：", font=FONTS.heading)
    w.text("社工花名册", font=FONTS.heading, size=14, align="center", space_after=6)
    w.table(_roster(f))
    page_footer(w.doc, "dash", FONTS.body)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="cover with 编号; 第一章…第五章 with 第一节 sections, parties as 第四章's sections; "
    "one small table per indicator (indicator in the caption, 片区 rows, 合计 last, "
    "目标数/完成数/完成率/备注); party scores in a sentence and the third party's by "
    "dimension in 表5-1; 主要成绩/存在不足 with 1. items; a 花名册 with √ certificate "
    "columns and 到岗时间",
    specs=SPECS,
    facts=facts,
    write=write,
)
