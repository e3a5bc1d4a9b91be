"""双溪 template (fictional evaluator 澄州市双溪社会工作评估事务所) — tenth held-back split
(`embargoed`).

Portrait A4, 仿宋 小四, a cover, a running header with the evaluator at the left and the
report number at the right (报告编号：SXPG-2025-012), centred page numbers. Every date typed
with slashes and zero-padded months and days (2025/01/01—2025/12/31, 2026/01/24).
一、基本情况 with a staffing sentence. 二、评估方法与标准: weights as a sentence and the
bands as a small table 等级 │ 分数段 with a letter per grade (优秀（A） │ 90分及以上 …).
三、服务指标完成情况: a summary paragraph with the station's figures, then NO indicator
table: each 片区 in its own sub-section （一）…, its figures a numbered text list, one line
per indicator (1.困难群众建档：协议330户，完成306户，完成率92.73%；), and a last
sub-section 全站合计 listed the same way. 四、各方评估意见 set in TWO COLUMNS (Word 分栏,
a continuous section break before and after): per party 1.购买方意见 …, the labels
值得肯定的方面 / 需要关注的问题, items numbered （1）（2）. 五、评估得分与等级: 表1 各方评分
(评估主体 │ 权重 │ 得分, 合计 last), 表2 第三方评估评分细则 (一级指标 merged down │ 二级指标
│ 分值 │ 得分, 合计 = the third party's score), the result as 评估等级：良好（B）.
六、建议: a closing paragraph, the signature with the slash date.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from corpora.families import inject
from corpora.families.common import Family, Spec, buyer_short, make_meta, pick, rng_for
from corpora.families.docx_kit import Fonts, Grid, page_footer, page_header
from corpora.families.facts import (
    TOTAL,
    Area,
    Ind,
    ReportFacts,
    make_scores,
    make_staffing,
    make_table,
    standard_bands,
)
from corpora.families.figures import cell_fig, percent, plain, staff_fig
from corpora.families.printing import CountStyle, RateStyle, cn_numeral
from corpora.families.writer import Fig, Writer

NAME = "shuangxi"
SPLIT = "embargoed"
CITY = "澄州市"
EVALUATOR = "澄州市双溪社会工作评估事务所"
WEIGHTS = {"buyer": 30, "monitor": 15, "supervision_centre": 15, "third_party": 40}
BANDS = standard_bands(90, 80, 60)
LETTERS = {"优秀": "A", "良好": "B", "合格": "C", "不合格": "D"}
LABEL = "各片区服务指标完成情况"  # the facts' table; each scope printed under its own heading
TOTAL_HEAD = "全站服务指标合计"
INDS = [
    Ind("registered", "households", "困难群众建档", "户"),
    Ind("home_visits", "count", "入户探访", "人次"),
    Ind("casework", "sessions", "个案服务", "节"),
    Ind("groups", "sessions", "小组服务", "节"),
    Ind("community_events", "count", "社区活动", "场"),
    Ind("volunteer_hours", "hours", "志愿服务", "小时"),
]
RATE = RateStyle(decimals=2)
AREA_NAMES = "双溪 溪口 上塘 下塘 石桥 枫林 竹坞 茶园".split()
# 表2: the third party's rubric, (一级指标, [(二级指标, 分值)]), 分值 adding up to its weight
RUBRIC = [
    ("项目管理", [("制度建设与执行", 4), ("档案资料管理", 3), ("经费使用管理", 3)]),
    ("服务成效", [("服务指标完成", 12), ("服务质量与满意度", 8)]),
    ("专业能力", [("团队建设", 5), ("督导与培训", 5)]),
]

SPECS: list[Spec] = [
    {
        "name": "shuangxi_xikou_2025_final",
        "street": "溪口街",
        "district": "澄南区",
        "kind": "末期",
        "start": dt.date(2025, 1, 1),
        "assessed": 12,
        "funding": "118",
        "areas": 4,
        "staff": 10,
        "number": 12,
        "errors": [],
    },
    {
        "name": "shuangxi_chayuan_2025_mid",
        "street": "茶园镇",
        "district": "澄北区",
        "kind": "中期",
        "start": dt.date(2025, 4, 1),
        "assessed": 6,
        "funding": "96",
        "areas": 3,
        "staff": 8,
        "number": 7,
        "errors": [
            ("row_pct", "groups/sessions", 1),
            ("narrative", "home_visits/count", None),
        ],
    },
    {
        "name": "shuangxi_shiqiao_2024_final",
        "street": "石桥街",
        "district": "澄南区",
        "kind": "末期",
        "start": dt.date(2024, 1, 1),
        "assessed": 12,
        "funding": "132",
        "areas": 4,
        "staff": 11,
        "number": 21,
        "errors": [
            ("sum_cell", "community_events/count", None),
            ("grade_band", "合格", None),
        ],
    },
]


def slash_date(d: dt.date) -> str:
    """2025/01/01: the date as typed, slashes and two-digit months and days."""
    return f"{d.year}/{d.month:02d}/{d.day:02d}"


def facts(spec: Spec) -> ReportFacts:
    rng = rng_for(NAME, spec["name"])
    n: int = spec["areas"]
    meta = make_meta(
        rng,
        spec,
        city=CITY,
        evaluator=EVALUATOR,
        operator=f"{CITY}{rng.choice(['同心', '溪源', '仁和'])}社会工作服务中心",
        date=slash_date,
        joiner="—",
        area_count=cn_numeral(n),
    )
    areas = [Area(f"{a}片区") for a in rng.sample(AREA_NAMES, n)]
    table = make_table(rng, LABEL, INDS, areas, RATE, CountStyle(), scale=spec["assessed"] / 10)
    # each 片区's figures are printed as a list under that 片区's own heading: the gold's
    # rows carry the heading (without its （一） ordinal) as their table
    table.names = {(a.name,): f"{a.name}服务指标完成情况" for a in areas}
    table.names[TOTAL] = TOTAL_HEAD
    staffing = make_staffing(rng, total=spec["staff"], months=spec["assessed"])
    f = ReportFacts(
        family=NAME,
        split=SPLIT,
        name=spec["name"],
        meta=meta,
        tables=[table],
        scores=make_scores(rng, WEIGHTS, BANDS, level=(0.82, 0.95)),
        staffing=staffing,
        knobs={
            "cover": "cover: station, report title, 报告编号, 委托单位, 评估机构, date",
            "header": "evaluator at the left, 报告编号：SXPG-YYYY-NNN at the right",
            "footer": "centred page number",
            "dates": "slashes, zero-padded: 2025/01/01—2025/12/31",
            "headings": "一、…六、; 片区 sub-sections （一）… under 三、; parties 1.…4. under 四、",
            "labels": "值得肯定的方面 / 需要关注的问题",
            "numbering": "（1）（2）",
            "two_columns": "四、各方评估意见",
            "weights": "sentence",
            "bands": "table 等级 │ 分数段 with letters: 优秀（A）/良好（B）/合格（C）/"
            "不合格（D） (90/80/60)",
            "scores": "表1 评估主体 │ 权重 │ 得分, 合计 last; 表2 the third party's rubric "
            "(一级指标 merged down │ 二级指标 │ 分值 │ 得分, 合计 = its score); "
            "评估等级：良好（B）",
            "table": "none: per 片区 a numbered text list (协议…，完成…，完成率…；) under "
            "its own sub-section, 全站合计 listed the same way",
            "figure_lists": True,
            "rate": "two decimals with %",
            "areas": n,
            "roster": False,
            "landscape": "",
            "kind": spec["kind"],
            "report_number": f"SXPG-{meta.year}-{spec['number']:03d}",
        },
    )
    for kind, key, where in spec["errors"]:
        if kind == "sum_cell":
            inject.sum_cell(f, LABEL, TOTAL, key, "done", 10)
        elif kind == "narrative":
            inject.narrative(f, LABEL, TOTAL, key, "done")
        elif kind == "row_pct":
            inject.row_pct(f, LABEL, (areas[where].name,), key, shift="+10")
        elif kind == "grade_band":
            inject.grade_band(f, key)
    return f


# ---------------------------------------------------------------- template

FONTS = Fonts(body="仿宋", heading="黑体", size=12, line_spacing=1.5)
PARTIES = [
    ("buyer", "购买方"),
    ("monitor", "区民政局"),
    ("supervision_centre", "督导方"),
    ("third_party", "第三方评估机构"),
]
HEADS = ("值得肯定的方面", "需要关注的问题")


def rubric_marks(rng: random.Random, score: str) -> list[str]:
    """The rubric's 得分, two decimals each (tenths but the last), none over its 分值,
    adding up to `score`."""
    full = [v for _, rows in RUBRIC for _, v in rows]
    total = Decimal(score)
    step = Decimal("0.01")
    for _ in range(200):
        ratio = total / sum(full)
        marks = [
            (Decimal(v) * ratio * Decimal(str(rng.uniform(0.94, 1.06)))).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
            for v in full[:-1]
        ]
        last = total - sum(marks, Decimal(0))
        if all(0 < m <= v for m, v in zip(marks, full[:-1], strict=True)) and 0 < last <= full[-1]:
            return [f"{m.quantize(step)}" for m in [*marks, last]]
    raise ValueError(f"no rubric marks for {score}")


def _score_grid(f: ReportFacts) -> Grid:
    sc = f.scores
    rows: list[list[str | None]] = [["评估主体", "权重", "得分"]]
    rows += [[name, f"{sc.weights[p]}%", sc.scores[p]] for p, name in PARTIES]
    rows.append(["合计", "100%", sc.total])
    return Grid(rows=rows, header_rows=1, widths=[5.0, 3.0, 3.5], font_size=10.5, row_height=20)


def _rubric_grid(marks: list[str], score: str) -> Grid:
    rows: list[list[str | None]] = [["一级指标", "二级指标", "分值", "得分"]]
    spans = []
    k = 0
    for head, subs in RUBRIC:
        spans.append((len(rows), 0, len(rows) + len(subs) - 1, 0))
        for i, (name, full) in enumerate(subs):
            rows.append([head if i == 0 else None, name, str(full), marks[k]])
            k += 1
    rows.append(["合计", None, str(sum(v for _, s in RUBRIC for _, v in s)), score])
    spans.append((len(rows) - 1, 0, len(rows) - 1, 1))
    return Grid(
        rows=rows,
        header_rows=1,
        widths=[3.0, 5.0, 2.5, 2.5],
        spans=spans,
        font_size=10.5,
        row_height=20,
        left_cols=0,
    )


def write(f: ReportFacts) -> Writer:
    m, sc, st = f.meta, f.scores, f.staffing
    assert st is not None
    t = f.table(LABEL)
    rng = rng_for(NAME, f.name + "/text")
    number = str(f.knobs["report_number"])
    title = f"{m.station}{m.year}年度{m.kind}评估报告"
    w = Writer(FONTS, title, m.evaluator)

    # cover
    w.text(f"报告编号：{number}", size=10.5, align="right")
    w.text("", space_before=110)
    w.text(m.station, size=22, bold=True, align="center", font=FONTS.heading)
    w.text(f"{m.year}年度{m.kind}评估报告", size=22, bold=True, align="center", font=FONTS.heading)
    w.text("", space_before=150)
    w.text(f"委托单位：{m.district}民政局", size=15, align="center")
    w.text(f"评估机构：{m.evaluator}", size=15, align="center")
    w.text(f"报告日期：{m.eval_date_printed}", size=15, align="center")
    w.page_break()

    w.heading("一、基本情况", 1)
    w.para(
        f"{m.station}位于{m.address}，由{m.operator}承接运营，购买方为{m.buyer}。项目协议期为"
        f"{m.contract_printed}，年度服务经费{m.funding_wan}万元。本次{m.kind}评估的服务期为"
        f"{m.assessment_printed}，共{m.months}个月。社工站按辖区划分为{m.area_count_printed}个片区"
        "开展服务。"
    )
    w.para(
        "社工站现有工作人员",
        staff_fig(str(st.total), st.total, "total_count"),
        "名，其中持证社工",
        staff_fig(str(st.certified), st.certified, "certified_count"),
        "名（中级社工师",
        staff_fig(str(st.mid_level), st.mid_level, "mid_level_count"),
        "名、助理社工师",
        staff_fig(str(st.assistant_level), st.assistant_level, "assistant_level_count"),
        "名），未持证人员",
        staff_fig(str(st.uncertified), st.uncertified, "uncertified_count"),
        "名。",
    )

    wt = sc.weights
    w.heading("二、评估方法与标准", 1)
    w.para(
        f"受{m.district}民政局委托，{m.evaluator}于{m.eval_date_printed}对{m.station}开展"
        f"{m.kind}评估，采用查阅资料、实地察看、服务对象访谈和社工座谈相结合的方式。"
    )
    w.para(
        f"评估由购买方、区民政局、督导方和第三方评估机构共同评分，权重分别为{wt['buyer']}%、"
        f"{wt['monitor']}%、{wt['supervision_centre']}%和{wt['third_party']}%，各方得分之和为"
        "综合得分。评估等级按综合得分划分如下："
    )
    w.table(
        Grid(
            rows=[
                ["等级", "分数段"],
                ["优秀（A）", "90分及以上"],
                ["良好（B）", "80分（含）至90分"],
                ["合格（C）", "60分（含）至80分"],
                ["不合格（D）", "60分以下"],
            ],
            header_rows=1,
            widths=[4.0, 6.0],
            font_size=10.5,
            row_height=18,
        )
    )

    def c(key: str, role: str = "done") -> Fig:
        show = percent(plain) if role == "pct" else plain
        return cell_fig(f, LABEL, TOTAL, key, role, show)

    w.heading("三、服务指标完成情况", 1)
    w.para(
        "评估期内，社工站为困难群众建档",
        c("registered/households"),
        "户，入户探访",
        c("home_visits/count"),
        "人次，开展个案服务",
        c("casework/sessions"),
        "节、小组服务",
        c("groups/sessions"),
        "节，举办社区活动",
        c("community_events/count"),
        "场，志愿服务",
        c("volunteer_hours/hours"),
        "小时，志愿服务完成率",
        c("volunteer_hours/hours", "pct"),
        "。各片区指标完成情况如下。",
    )
    scopes = [(a.name,) for a in t.areas] + [TOTAL]
    for k, scope in enumerate(scopes):
        w.heading(f"（{cn_numeral(k + 1)}）{t.name_of(scope)}", 2)
        for j, ind in enumerate(t.inds):
            end = "。" if j == len(t.inds) - 1 else "；"
            w.text(
                f"{j + 1}.{ind.label}：协议{t.cell(scope, ind, 'target')}{ind.unit}，完成"
                f"{t.cell(scope, ind, 'done')}{ind.unit}，完成率{t.cell(scope, ind, 'pct')}{end}",
                indent_chars=2,
            )

    w.heading("四、各方评估意见", 1)
    w.columns(2)
    names = {
        "buyer": f"购买方（{buyer_short(m.street)}）",
        "monitor": f"区民政局（{m.district}民政局）",
        "supervision_centre": "督导方",
        "third_party": "第三方评估机构",
    }
    # no item repeated across the parties: each party's items are the next ones of the
    # shuffled pools
    praise = pick(rng, "em_sx_praise", 12)
    concern = pick(rng, "em_sx_concern", 8)
    for k, (party, _) in enumerate(PARTIES):
        w.heading(f"{k + 1}.{names[party]}意见", 3, party=party)  # type: ignore[arg-type]
        for head, polarity, pool, n in (
            (HEADS[0], "praise", praise, rng.randint(2, 3)),
            (HEADS[1], "concern", concern, rng.randint(1, 2)),
        ):
            w.label(head, polarity, size=FONTS.size)  # type: ignore[arg-type]
            for i in range(n):
                w.item(f"（{i + 1}）", f"{pool.pop(0)}。", indent=0)
    w.columns(1)

    w.heading("五、评估得分与等级", 1)
    w.para("各方评分见表1，第三方评估机构的评分细则见表2。")
    w.text("表1  各方评分情况", font=FONTS.heading, size=10.5, align="center")
    w.table(_score_grid(f))
    w.text("", size=6)
    w.text("表2  第三方评估评分细则", font=FONTS.heading, size=10.5, align="center")
    w.table(_rubric_grid(rubric_marks(rng, sc.scores["third_party"]), sc.scores["third_party"]))
    w.para(f"综合得分：{sc.total}分。", space_before=6)
    w.para(f"评估等级：{sc.grade}（{LETTERS[sc.grade]}）。")

    w.heading("六、建议", 1)
    w.para(
        "建议承接机构针对各方意见逐条制定整改措施，均衡推进各片区服务指标，加强服务成效的"
        "总结提炼和社工专业培训。",
        keep_with_next=True,
    )
    w.text("", space_before=12, keep_with_next=True)
    w.text(m.evaluator, align="right", keep_with_next=True)
    w.text(m.eval_date_printed, align="right")

    page_header(w.doc, m.evaluator, FONTS.body, right=f"报告编号：{number}")
    page_footer(w.doc, "plain", FONTS.body, align="center", cover=True)
    return w


FAMILY = Family(
    name=NAME,
    split=SPLIT,
    summary="no indicator table: each 片区's figures a numbered text list under its own "
    "sub-section (协议…，完成…，完成率…；), 全站合计 the same way; 四、各方评估意见 in two "
    "columns (分栏); the third party's rubric 表2 (一级指标 merged │ 二级指标 │ 分值 │ 得分); "
    "slash dates 2025/01/01; grade 良好（B） with lettered bands; 报告编号 in the header",
    specs=SPECS,
    facts=facts,
    write=write,
)
