"""Habits of an evaluator's own report (the fengqiao template), on small synthetic inputs
(no PDF): a table ruled only between its columns, continued over pages with no rule
under its last row on a page; a 片区 name wrapped over two rows of its merged cell; dates
in Chinese numerals; praise and concern as run-in 一是……；二是…… paragraphs under labels,
with no party sections and a 改进建议 paragraph that is no concern; the top grade band
closed at 100 (90≤得分≤100); a head count of 专职社工."""

from __future__ import annotations

import datetime as dt

from extractor.document.model import Block
from extractor.document.sections import build_tree
from extractor.knowledge import meta_patterns
from extractor.knowledge.profiles import profile
from extractor.numbers import chinese_digits, normalise
from extractor.passes.assessments import _heading as section_heading
from extractor.passes.assessments import _own_sections, _run_in_items, polarity_of
from extractor.passes.meta import parse_date
from extractor.passes.scoring import _bands as bands_of
from extractor.passes.staffing import narrative_figures
from extractor.passes.tables.paths import _inherit, _wrapped_label
from extractor.pdf.pages import Glyph, Line
from extractor.pdf.rules import h_edge, v_edge
from extractor.pdf.tables import open_ends


def _block(
    text: str, kind: str = "paragraph", marker: str | None = None, mtype: str | None = None
) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=5, glyphs=glyphs)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def test_vertical_rules_ending_level_close_the_table_at_the_page_foot() -> None:
    # a rule over the header, one under it; columns ruled down to the foot, no rule there
    rules = [h_edge(70, 525, 614), h_edge(150, 525, 666)]
    columns = [v_edge(x, 614, 744) for x in (71, 102, 150, 275, 400, 525)]
    added = open_ends(rules + columns)
    assert [(e["x0"], e["x1"], e["top"], e["orientation"]) for e in added] == [(71, 525, 744, "h")]


def test_no_rule_is_added_where_the_bottom_is_ruled_or_no_rule_starts_the_table() -> None:
    columns = [v_edge(x, 614, 744) for x in (71, 150, 275, 525)]
    closed = [h_edge(70, 525, 614), h_edge(70, 525, 744)]
    assert open_ends(closed + columns) == []
    # vertical strokes with no horizontal rule over them are no table's columns
    assert open_ends(columns) == []
    # two columns are a frame's sides or a box, not a table body
    assert open_ends([h_edge(70, 525, 614), v_edge(71, 614, 744), v_edge(525, 614, 744)]) == []


def test_a_pian_qu_name_wrapped_over_two_rows_is_joined_for_its_group() -> None:
    texts = {0: "", 1: "", 2: "", 3: "西部", 4: "片区", 5: "", 6: ""}
    assert _wrapped_label([0, 1, 2, 3, 4, 5, 6], texts, frozenset()) == "西部片区"
    # two names that are 片区 each are two labels, not one wrapped
    assert _wrapped_label([0, 1], {0: "东片区", 1: "西片区"}, frozenset()) is None
    # pieces apart from each other are not one wrapped name
    assert _wrapped_label([0, 1, 2], {0: "西部", 1: "", 2: "片区"}, frozenset()) is None


def test_blank_rows_of_a_subtotalled_group_take_the_joined_name() -> None:
    from extractor.document.model import TableCell

    names = ["柳塘社区", "东岳社区", "双井社区", "梧桐社区", "小计", "杏林社区", "小计"]
    grid = [[None, TableCell(r, 1, n, 1, (0, 0, 1, 1))] for r, n in enumerate(names)]
    texts = {0: "", 1: "西部", 2: "片区", 3: "", 4: "", 5: "南部片区", 6: ""}
    out = _inherit(texts, list(range(7)), grid, 1, frozenset(), False)
    assert [out[r] for r in range(7)] == ["西部片区"] * 5 + ["南部片区"] * 2


def test_dates_in_chinese_numerals() -> None:
    assert chinese_digits("二〇二五") == 2025
    assert chinese_digits("二零二四") == 2024
    assert parse_date("二〇二五年十二月三十一日") == dt.date(2025, 12, 31)
    assert parse_date("二〇二六年一月二十三日") == dt.date(2026, 1, 23)
    assert parse_date("2024年3月1日") == dt.date(2024, 3, 1)
    assert parse_date("二〇二五年二月三十日") is None  # no such day


def test_a_contract_period_printed_in_chinese_numerals_is_found() -> None:
    text = "服务合同期为二〇二五年一月一日至二〇二五年十二月三十一日，合同金额280万元。"
    hits = [p.search(text) for p in meta_patterns().compiled("contract_period")]
    m = next(h for h in hits if h is not None)
    assert (m.group("start"), m.group("end")) == ("二〇二五年一月一日", "二〇二五年十二月三十一日")
    assert parse_date(m.group("end")) == dt.date(2025, 12, 31)


def test_run_in_items_after_a_label() -> None:
    text = (
        "存在的问题：一是个案评估深度不足，目标笼统；二是成效评估停留在满意度层面；"
        "三是台账由人工汇总。"
    )
    block = _block(text, "label", "存在的问题：", "inline_label")
    items = _run_in_items([block])
    assert [(o, t) for o, t, _ in items] == [
        (1, "个案评估深度不足，目标笼统"),
        (2, "成效评估停留在满意度层面"),
        (3, "台账由人工汇总"),
    ]
    assert items[1][2].text == "二是成效评估停留在满意度层面"
    assert items[0][2].page == 5


def test_no_run_in_items_unless_the_paragraph_opens_the_list_in_order() -> None:
    lead = _block(
        "服务较好：其中一是人员稳定；二是台账规范。", "label", "服务较好：", "inline_label"
    )
    assert _run_in_items([lead]) == []
    skipped = _block("一是人员稳定；三是台账规范。")
    assert _run_in_items([skipped]) == []
    assert _run_in_items([_block("一是人员稳定。")]) == []


def _heading(text: str, marker: str, mtype: str) -> Block:
    return _block(text, "heading", marker, mtype)


def test_an_evaluators_own_report_keeps_its_concerns_and_not_its_suggestions() -> None:
    flow: list[Block] = [
        _heading("三、服务成效", "三、", "cn"),
        _heading("（二）成效评价", "（二）", "paren_cn"),
        _block("主要成效：一是甲；二是乙。", "label", "主要成效：", "inline_label"),
        _heading("四、存在问题", "四、", "cn"),
        _block("存在的问题：一是丙；二是丁。", "label", "存在的问题：", "inline_label"),
        _heading("五、建议", "五、", "cn"),
        _block("改进建议：一是戊；二是己。", "label", "改进建议：", "inline_label"),
    ]
    root = build_tree(list(flow))
    kept = [s for s in root.walk() if id(s) in _own_sections(root)]
    assert [(s.title, polarity_of(s)) for s in kept] == [
        ("主要成效", "praise"),
        ("存在的问题", "concern"),
    ]
    # a label run in before its items is the section's heading, not the whole paragraph
    assert [section_heading(s) for s in kept] == ["主要成效", "存在的问题"]
    assert section_heading(root.children[0]) == "三、服务成效"


def test_suggestions_stand_for_the_concerns_when_no_other_label_does() -> None:
    flow: list[Block] = [
        _heading("一、主要成效", "一、", "cn"),
        _block("服务规范。"),
        _heading("二、改进建议", "二、", "cn"),
        _block("加强台账管理。"),
    ]
    root = build_tree(list(flow))
    kept = [s for s in root.walk() if id(s) in _own_sections(root)]
    assert [(s.title, polarity_of(s)) for s in kept] == [
        ("主要成效", "praise"),
        ("改进建议", "concern"),
    ]


def test_the_top_band_closed_at_the_scales_top() -> None:
    text = (
        "评估等级按综合得分划分：优秀（90≤得分≤100）、良好（80≤得分＜90）、"
        "合格（60≤得分＜80）、不合格（得分＜60）。"
    )
    bands = bands_of([_block(normalise(text))], profile())
    assert [(b.grade, b.lower, b.upper, b.upper_inclusive) for b in bands] == [
        ("优秀", 90.0, 100.0, True),
        ("良好", 80.0, 90.0, False),
        ("合格", 60.0, 80.0, False),
        ("不合格", None, 60.0, False),
    ]


def test_a_head_count_of_full_time_workers() -> None:
    text = "项目现有专职社工21名，其中持证社工11名、未持证社工10名。"
    figures = narrative_figures([_block(normalise(text))])
    assert {k: v.value for k, v in figures.items()} == {
        "total_count": 21.0,
        "certified_count": 11.0,
        "uncertified_count": 10.0,
    }
    assert figures["total_count"].printed == "21名"


def test_run_in_items_go_on_over_a_line_that_opens_with_er_shi() -> None:
    # a wrapped line beginning 二是 is taken for a numbered block: the list runs on
    label = _block("主要成效：一是志愿者骨干壮大；", "label", "主要成效：", "inline_label")
    rest = _block("二是阵地建设规范；三是底数清晰，建档动态更新。", marker="二是", mtype="cn_is")
    items = _run_in_items([label, rest])
    assert [(o, t) for o, t, _ in items] == [
        (1, "志愿者骨干壮大"),
        (2, "阵地建设规范"),
        (3, "底数清晰，建档动态更新"),
    ]
    assert [p.text for _, _, p in items] == [
        "一是志愿者骨干壮大",
        "二是阵地建设规范",
        "三是底数清晰，建档动态更新",
    ]
