"""Facts → the ordered blocks of one report, and the praise/concern sections printed.

The section list is produced here, while the blocks are laid out, so gold records
exactly the headings, numbering and item texts the PDF shows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from corpora.generator import wording
from corpora.generator.blocks import (
    Annotation,
    Block,
    DocSpec,
    Heading,
    PageBreak,
    Para,
    Table,
    Title,
)
from corpora.generator.facts import Column, Facts, cn_num, num_str, vocab
from corpora.generator.plan import Knobs

PARTY_CN = {
    "monitor": "监督方",
    "buyer": "购买方",
    "supervision_centre": "督导中心",
    "third_party": "第三方",
}
MEASURE_CN = {
    "opened": "接案",
    "sessions": "节数",
    "closed": "结案",
    "attendances": "人次",
}


@dataclass
class Section:
    party: str
    path: list[str]
    area: str | None
    polarity: str
    label: str
    items: list[str] = field(default_factory=list)
    ordinals: list[int | None] = field(default_factory=list)
    none_stated: bool = False


@dataclass
class Composed:
    spec: DocSpec
    sections: list[Section]
    staff_printed: dict[str, tuple[str, str]]
    meta_printed: dict[str, str]


class _Writer:
    """Collects blocks and sections while walking the report top to bottom."""

    def __init__(self, facts: Facts, knobs: Knobs, rng: random.Random) -> None:
        self.f, self.k, self.rng = facts, knobs, rng
        self.blocks: list[Block] = []
        self.sections: list[Section] = []

    def h(self, text: str, level: int) -> str:
        self.blocks.append(Heading(text, level))
        return text

    def p(self, text: str, **kw: object) -> None:
        self.blocks.append(Para(text, **kw))  # type: ignore[arg-type]

    def items(
        self,
        party: str,
        path: list[str],
        area: str | None,
        polarity: str,
        marker: str,
        texts: list[str],
        numbering: str,
        none_text: str | None = None,
    ) -> None:
        label = self.k.praise_heading if polarity == "praise" else self.k.concern_heading
        colon = "：" if self.rng.random() < 0.85 else ""
        head = f"{marker}{label}{colon}"
        if marker:
            self.h(head, 2)
        else:
            self.p(head, bold=True)
        sec = Section(party, path, area, polarity, label)
        self.sections.append(sec)
        if not texts:
            sec.none_stated = True
            self.p(none_text or f"本次评估{PARTY_CN.get(party, '')}没有提出需要关注的地方。")
            return
        bare = len(texts) == 1 and self.rng.random() < 0.6
        for i, text in enumerate(texts, start=1):
            if bare:
                self.p(text)
                sec.ordinals.append(None)
            else:
                num = f"{i}." if numbering == "dot" else f"（{i}）"
                self.p(num + text)
                sec.ordinals.append(i)
            sec.items.append(text)


def _pick(rng: random.Random, pool: list[str], lo: int, hi: int) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(lo, hi)))


def _fill_all(w: _Writer, templates: list[str], scope: str | None = None) -> list[str]:
    out = []
    for t in templates:
        filled = wording.fill(t, w.f, w.rng, scope)
        w.f.narrative.extend(filled.figures)
        out.append(filled.text)
    return out


def _front(w: _Writer) -> dict[str, str]:
    f, k, rng, v = w.f, w.k, w.rng, vocab()
    m = f.meta
    w.blocks += [Title([m.station, f"{m.kind}评估报告"]), PageBreak("portrait")]
    w.h(["一、社工站基本情况", "一、项目基本情况", "一、基本情况"][k.heading_variant], 1)
    text, printed = wording.basic_paragraph(f, rng)
    w.p(text)
    w.h(["二、评估依据、评估原则及评估办法", "二、评估依据、原则及办法"][k.heading_variant % 2], 1)
    w.h("（一）评估依据", 2)
    w.p(
        f"根据《{m.city}社工服务站管理办法》及有关配套文件要求，同时结合社工站项目承办方与项目购买方"
        "签订的合同等，通过听取介绍、实地观察、查阅资料、面谈（访谈）、服务对象满意度调查等方式，"
        "对社工站项目管理、服务开展情况、服务成效等三大方面进行评估。"
    )
    w.h("（二）评估原则", 2)
    for i, t in enumerate(_pick(rng, v["principles"], 3, 6), start=1):
        w.p(f"{i}.{t}")
    w.h("（三）评估团队", 2)
    visit = wording.fmt_date(m.eval_date, rng)
    printed["eval_date"] = visit
    w.p(
        f"受{m.bureau}委托，{m.evaluator}负责本年度社工站购买服务项目第三方专业评估工作，"
        f"组织专家评委专项评估小组，于 {visit} 到{m.street}社工站进行现场评估。"
    )
    w.h("（四）评估方式", 2)
    for i, t in enumerate(_pick(rng, v["methods"], 3, 6), start=1):
        w.p(f"{i}.{t}")
    w.h("（五）评估结果说明", 2)
    wt = f.scores.weights
    w.p(
        f"根据《{m.city}社工站购买服务项目评估办法》，社工站项目评估分值由四方评估分数的总和确定。"
        f"评估总分为 100 分，其中，项目监督方（区民政局）评估分值占比 {wt['monitor']}%，项目购买方"
        f"（镇人民政府/街道办事处）评估分值占比 {wt['buyer']}%，市督导中心评估分值占比 "
        f"{wt['supervision_centre']}%，第三方评估机构评估分值占 {wt['third_party']}%。"
    )
    a, b, c = (int(x[1] or 0) for x in f.scores.bands[:3])
    s = wording.sp
    w.p(
        f"评估等级分为优秀、良好、合格、不合格四个等级。评估分值 {a} 分以上为优秀，{b} 分至 {a}"
        f"{s(rng)}分（不含 {a}{s(rng)}分）为良好，{c} 分至 {b} 分（不含 {b} 分）为合格，"
        f"{c}{s(rng)}分以下（不含 {c} 分）为不合格。"
    )
    return printed


def _parties(w: _Writer) -> None:
    f, k, rng, v = w.f, w.k, w.rng, vocab()
    m = f.meta
    heads = {
        "monitor": [f"三、监督方评估（{m.bureau}）", f"三、项目监督方评估（{m.bureau}）"],
        "buyer": [f"四、购买方评估（{m.buyer}）", f"四、项目购买方评估（{m.buyer}）"],
        "supervision_centre": ["五、督导中心评估", "五、市督导中心评估"],
    }
    pools = {
        "monitor": ("monitor_praise", "monitor_concern"),
        "buyer": ("buyer_praise", "buyer_concern"),
        "supervision_centre": ("supervision_praise", "supervision_concern"),
    }
    for party, options in heads.items():
        h1 = w.h(options[k.heading_variant % 2], 1)
        praise_pool, concern_pool = pools[party]
        hi = 1 if party == "buyer" else 3
        praise = _fill_all(w, _pick(rng, v[praise_pool], 1, hi))
        concerns = (
            [] if k.zero_concern == party else _fill_all(w, _pick(rng, v[concern_pool], 1, 2))
        )
        w.items(party, [h1], None, "praise", "（一）", praise, k.numbering)
        w.items(party, [h1], None, "concern", "（二）", concerns, k.numbering)


def _third_party(w: _Writer) -> dict[str, tuple[str, str]]:
    f, k, rng, v = w.f, w.k, w.rng, vocab()
    m = f.meta
    h1 = w.h(["六、第三方专业评估", "六、第三方评估机构评估"][k.heading_variant % 2], 1)
    h2 = w.h("（一）项目管理", 2)
    start, end = wording.fmt_date(m.contract_start, rng), wording.fmt_date(m.contract_end, rng)
    a_start, a_end = wording.fmt_date(m.assess_start, rng), wording.fmt_date(m.assess_end, rng)
    w.p(
        f"社工站本年度协议期为 {start}至 {end}，本次评估考核期为 {a_start}至 {a_end}，"
        f"共计考核 {m.months}{wording.sp(rng)}个月。"
    )
    staff = wording.staffing_items(f, rng)
    staff.printed["_assessment"] = (f"{a_start}至 {a_end}", "")
    praise = staff.praise + _fill_all(w, _pick(rng, v["management_praise_extra"], 0, 1))
    concern = staff.concern + _fill_all(w, _pick(rng, v["management_concern_extra"], 0, 1))
    w.items("third_party", [h1, h2], None, "praise", "", praise, "dot")
    w.items("third_party", [h1, h2], None, "concern", "", concern, "dot")
    h2 = w.h("（二）社工站总体服务开展情况", 2)
    h3 = w.h("1.项目执行与服务成效", 3)
    praise = _fill_all(w, _pick(rng, v["service_praise"], 3, 5))
    concern = _fill_all(w, _pick(rng, v["service_concern"], 1, 4))
    w.items("third_party", [h1, h2, h3], None, "praise", "", praise, "paren")
    w.items("third_party", [h1, h2, h3], None, "concern", "", concern, "paren")
    w.h("2.服务指标完成情况", 3)
    w.p(wording.indicator_paragraph(f, rng))
    h2 = w.h("（三）各社工点服务开展情况", 2)
    n = len(f.areas)
    w.p(
        "社工站本年度按照新管理办法，根据辖区实际情况和购买方需求，划分了"
        f"{cn_num(n)}个片区开展社会工作专业服务。各社工点分片情况如下："
    )
    for i, a in enumerate(f.areas):
        end_mark = "。" if i == n - 1 else "；"
        w.p(f"{a.label}：{'、'.join(a.communities)}{end_mark}")
    for i, a in enumerate(f.areas, start=1):
        h3 = w.h(f"{i}.{a.label}社工点服务情况", 3)
        praise = []
        if rng.random() < 0.8:
            for filled in rng.sample(wording.area_figure_items(f, a.label, rng), rng.randint(1, 2)):
                f.narrative.extend(filled.figures)
                praise.append(filled.text)
        praise += _fill_all(w, _pick(rng, v["area_praise"], 1, 3), a.label)
        concern = _fill_all(w, _pick(rng, v["area_concern"], 1, 3))
        w.items("third_party", [h1, h2, h3], a.label, "praise", "", praise, "paren")
        w.items("third_party", [h1, h2, h3], a.label, "concern", "", concern, "paren")
    return staff.printed


def _results(w: _Writer) -> None:
    f, k, rng = w.f, w.k, w.rng
    w.h(["七、评估结果", "七、评估得分及等级", "七、评估结果"][k.heading_variant], 1)
    sc = f.scores
    names = [
        ("buyer", "购买方评估"),
        ("monitor", "监督方评估"),
        ("supervision_centre", "督导中心评估"),
        ("third_party", "第三方评估"),
    ]

    def unit() -> str:
        return wording.sp(rng, 0.5) if k.unit_space else ""

    for i, (party, name) in enumerate(names, start=1):
        w.p(f"（{cn_num(i)}）{name} 得分：{sc.scores[party]}{unit()}分", indent=True)
    w.p(f"以上四项总得分：{sc.total}{unit()}分 等级：{sc.grade}", bold=True)


def _closing(w: _Writer) -> None:
    f, rng, v = w.f, w.rng, vocab()
    m = f.meta
    w.h("八、结语", 1)
    w.p(
        rng.choice(v["closing"]).format(
            station=m.station,
            district_bureau=m.bureau,
            buyer=m.buyer,
            street=m.street,
            nth=cn_num(m.years_served),
            areas=cn_num(len(f.areas)),
        )
    )
    w.p(rng.choice(v["closing_next"]))


def _indicator_header(
    cols: list[Column], first: str
) -> tuple[list[list[str | None]], list[tuple[int, int, int, int]]]:
    rows: list[list[str | None]] = [[first, "投入社工人数"], [None, None], [None, None]]
    spans = [(0, 0, 2, 0), (0, 1, 2, 1)]
    groups: list[tuple[str, list[Column]]] = []
    for c in cols:
        if groups and groups[-1][0] == c.group:
            groups[-1][1].append(c)
        else:
            groups.append((c.group, [c]))
    x = 2
    for g, cs in groups:
        width = 3 * len(cs)
        rows[0] += [g] + [None] * (width - 1)
        if len(cs) == 1:
            rows[1] += [None] * 3
            spans.append((0, x, 1, x + 2))
        else:
            spans.append((0, x, 0, x + width - 1))
            for j, c in enumerate(cs):
                label = MEASURE_CN.get(c.measure) or ("次数" if "活动" in g else "个数")
                rows[1] += [label, None, None]
                spans.append((1, x + 3 * j, 1, x + 3 * j + 2))
        for c in cs:
            rows[2] += list(c.sub)
        x += width
    return rows, spans


def _appendix_1_1(w: _Writer) -> None:
    f, k, rng = w.f, w.k, w.rng
    t = f.table
    w.blocks.append(PageBreak("landscape"))
    w.p("附件1-1", indent=False, bold=True)
    w.p(
        f"{f.meta.city}{f.meta.street}社工站购买服务项目指标完成情况统计表",
        align="center",
        bold=True,
        indent=False,
    )
    first = rng.choice(["服务片区", "片区"])
    split_at = rng.randint(1, len(t.areas)) if k.split_table else None
    for part in (1, 2):
        cols = [c for c in t.columns if c.part == part]
        header, spans = _indicator_header(cols, first)
        data: list[list[str | None]] = []
        for row in t.rows:
            cells: list[str | None] = [row, t.staff[row]]
            for c in cols:
                e = t.cells[(row, c.key)]
                cells += [e.target, e.done, e.pct]
            data.append(cells)
        widths = [36.0, 30.0] + [26.0, 28.0, 36.0] * len(cols)

        def table(
            rows: list[list[str | None]],
            with_header: bool,
            header: list[list[str | None]] = header,
            spans: list[tuple[int, int, int, int]] = spans,
            widths: list[float] = widths,
        ) -> Table:
            return Table(
                rows=(header + rows) if with_header else rows,
                spans=spans if with_header else [],
                header_rows=3 if with_header else 0,
                ruled=k.ruled,
                repeat_header=k.repeat_header,
                col_widths=widths,
                font_size=6.5,
            )

        if part == 1 and split_at is not None:
            w.blocks.append(table(data[:split_at], True))
            w.blocks.append(PageBreak("landscape"))
            w.blocks.append(table(data[split_at:], k.repeat_header))
        else:
            w.blocks.append(table(data, True))


def _appendix_1_2(w: _Writer) -> None:
    f = w.f
    w.blocks.append(PageBreak("landscape"))
    w.p("附件1-2", indent=False, bold=True)
    w.p(
        f"{f.meta.city}{f.meta.street}社工站购买服务项目指标完成情况统计表",
        align="center",
        bold=True,
        indent=False,
    )
    for st in f.small_tables:
        e = st.entry
        w.blocks.append(
            Table(
                rows=[["指标要求", "完成情况", "完成百分比"], [e.target, e.done, e.pct]],
                ruled=w.k.ruled,
                col_widths=[150.0, 150.0, 150.0],
                font_size=9,
                caption=st.caption,
            )
        )


def _appendix_2(w: _Writer) -> None:
    f, k = w.f, w.k
    st, m = f.staffing, f.meta
    months = f.month_labels
    mcount = len(months)
    w.blocks.append(PageBreak("landscape"))
    w.p("附件2", indent=False, bold=True)
    end3 = m.contract_start.replace(year=m.contract_start.year + 3)
    w.p(
        f"项目服务采购周期：{m.contract_start.year}年{m.contract_start.month}月{m.contract_start.day}日至"
        f"{end3.year}年{end3.month}月{end3.day - 1 or 1}日",
        indent=False,
        size=9,
    )
    w.p(
        f"年度服务协议时间：{m.contract_start.year}年{m.contract_start.month}月{m.contract_start.day}日至"
        f"{m.contract_end.year}年{m.contract_end.month}月{m.contract_end.day}日",
        indent=False,
        size=9,
    )
    ncols = 5 + 3 * mcount + 3
    row0: list[str | None] = ["序号", "姓名", "职位", "岗位资格证/资质", "合同期限"]
    row1: list[str | None] = [None] * 5
    spans = [(0, c, 1, c) for c in range(5)]
    for j, lab in enumerate(months):
        row0 += [lab, None, None]
        row1 += ["人员到位", "社保购买", "工资发放"]
        spans.append((0, 5 + 3 * j, 0, 7 + 3 * j))
    row0 += ["人员到岗小计", "符合从业2年以上的社工到岗小计", "备注"]
    row1 += [None, None, None]
    spans += [(0, c, 1, c) for c in range(ncols - 3, ncols)]
    rows: list[list[str | None]] = [row0, row1]

    def label_row(text: str, tail: list[str | None]) -> None:
        r = len(rows)
        rows.append([text, None, None, None, None, *tail])
        spans.append((r, 0, r, 4))

    def monthly_row(text: str, values: list[str]) -> None:
        r = len(rows)
        cells: list[str | None] = [text, None, None, None, None]
        spans.append((r, 0, r, 4))
        for j, val in enumerate(values):
            cells += [val, None, None]
            spans.append((r, 5 + 3 * j, r, 7 + 3 * j))
        cells += ["", "", ""]
        rows.append(cells)

    for group, title, sub in (
        ("certified", "持证社工", "持证社工有效人次小计"),
        ("uncertified", "非持证社工", "非持证社工有效人次小计"),
    ):
        r = len(rows)
        rows.append([title] + [None] * (ncols - 1))
        spans.append((r, 0, r, ncols - 1))
        for p in (p for p in st.roster if p.group == group):
            contract = p.contract.replace("-", "-\n", 1)
            cells: list[str | None] = [str(p.seq), p.name, p.position, p.qualification, contract]
            for j in range(mcount):
                cells += [p.marks[j], p.social[j], p.wage[j]]
            cells += [p.on_post, p.experienced, p.note]
            rows.append(cells)
        tot = next(t for t in st.totals if t.scope == group)
        tail: list[str | None] = []
        for j in range(mcount):
            tail += [num_str(tot.monthly[j]), str(tot.social[j]), str(tot.wage[j])]
        label_row("小计", [*tail, tot.on_post, tot.experienced, ""])
        monthly_row(sub, [num_str(x) for x in tot.monthly])
    tot = next(t for t in st.totals if t.scope == "all")
    tail = []
    for j in range(mcount):
        tail += [num_str(tot.monthly[j]), str(tot.social[j]), str(tot.wage[j])]
    label_row("总计", [*tail, tot.on_post, tot.experienced, ""])
    monthly_row(
        "社工有效人次小计（即持证社工及非持证社工有效人次总数）", [num_str(x) for x in tot.monthly]
    )
    r = len(rows)
    rows.append(
        ["社工站稳岗率（持续在岗社工数/协议要求在岗社工数*100%）", None, None, None, None]
        + [st.roster_retention_rate]
        + [None] * (ncols - 6)
    )
    spans += [(r, 0, r, 4), (r, 5, r, ncols - 1)]
    widths = [14.0, 30.0, 40.0, 48.0, 46.0] + [15.0] * (3 * mcount) + [26.0, 30.0, 50.0]
    w.blocks.append(
        Table(
            rows=rows,
            spans=spans,
            header_rows=2,
            ruled=k.ruled,
            repeat_header=k.repeat_header,
            col_widths=widths,
            font_size=5.5,
        )
    )


def build(facts: Facts, knobs: Knobs, rng: random.Random) -> Composed:
    w = _Writer(facts, knobs, rng)
    meta_printed = _front(w)
    _parties(w)
    staff_printed = _third_party(w)
    meta_printed["assessment"] = staff_printed.pop("_assessment")[0]
    _results(w)
    _closing(w)
    _appendix_1_1(w)
    if knobs.appendix_1_2:
        _appendix_1_2(w)
    if knobs.roster:
        _appendix_2(w)
    if knobs.annotation:
        v = vocab()
        w.blocks.append(
            Annotation(rng.choice(v["annotation_authors"]), rng.choice(v["notes_roster"]))
        )
    spec = DocSpec(
        blocks=w.blocks,
        font=knobs.font,  # type: ignore[arg-type]
        title=f"{facts.meta.station}{facts.meta.kind}评估报告",
        author=facts.meta.evaluator,
        seed=facts.index,
    )
    return Composed(spec, w.sections, staff_printed, meta_printed)
