"""Layouts first met in corpora/sequestered/baishi, each read by a general rule: header
cells whose text is turned a quarter to read bottom to top (Word's 文字方向 btLr), a
片区's label cell printing its 社区 in brackets on a second line, the total derived in a
formula sentence of weighted terms, all parties' opinions in one table whose rows break
over a page, and a roster printed in two halves side by side."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extractor.document.build import build_document
from extractor.document.model import Block, Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import cell_text, to_table
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from extractor.passes.roster import halves, read_roster
from extractor.passes.scoring import extract_scoring
from extractor.pdf.pages import Glyph, TurnedGlyph, read_pages
from extractor.pdf.tables import RawTable
from tests.test_continued_and_bracketed import _doc, _para
from tests.test_passes_indicators import make_table, table_rows

BAISHI = Path(__file__).parent.parent / "corpora" / "sequestered" / "baishi"
FENGLIN = BAISHI / "baishi_fenglin_2025_final.pdf"

# --- the PDF layer: text turned to read bottom to top --------------------------------


def _turned(s: str, x: float, bottom: float) -> list[TurnedGlyph]:
    """s set upwards from `bottom` in a column 10 wide at x, each glyph 8 high, given in
    the order a writer may store them: last glyph first."""
    out = [
        TurnedGlyph(c, x, bottom - 8.0 * (i + 1), x + 10.0, bottom - 8.0 * i)
        for i, c in enumerate(s)
    ]
    return out[::-1]


def test_a_turned_cell_reads_bottom_to_top() -> None:
    assert cell_text(list(_turned("协议量", 10.0, 60.0))) == "协议量"


def test_a_turned_cell_of_two_lines_reads_its_columns_left_to_right() -> None:
    glyphs: list[Glyph] = [*_turned("完成", 22.0, 60.0), *_turned("率", 10.0, 60.0)]
    assert cell_text(glyphs) == "率完成"
    glyphs = [*_turned("完成", 10.0, 60.0), *_turned("率", 22.0, 60.0)]
    assert cell_text(glyphs) == "完成率"


def test_upright_text_keeps_its_order_beside_a_turned_glyph() -> None:
    upright = [Glyph(c, 10.0 + 10.0 * i, 0.0, 20.0 + 10.0 * i, 10.0) for i, c in enumerate("片区")]
    # a cell whose glyphs are not all turned is read as upright lines
    assert cell_text([*upright, TurnedGlyph("甲", 40.0, 0.0, 50.0, 10.0)]) == "片区甲"


def test_turned_header_cells_in_a_grid_name_their_roles() -> None:
    cells = [(0.0, 0.0, 60.0, 40.0), (60.0, 0.0, 80.0, 40.0), (80.0, 0.0, 100.0, 40.0)]
    cells += [(0.0, 40.0, 60.0, 60.0), (60.0, 40.0, 80.0, 60.0), (80.0, 40.0, 100.0, 60.0)]
    glyphs: list[Glyph] = [
        Glyph(c, 4.0 + 10 * i, 44.0, 14.0 + 10 * i, 54.0) for i, c in enumerate("合计")
    ]
    glyphs += [*_turned("协议量", 65.0, 38.0), *_turned("完成量", 85.0, 38.0)]
    glyphs += [Glyph("9", 64.0, 44.0, 70.0, 54.0), Glyph("8", 84.0, 44.0, 90.0, 54.0)]
    table = to_table(RawTable(1, cells, True), glyphs)
    assert [c.text for c in sorted(table.cells, key=lambda c: (c.row, c.col))] == [
        "",
        "协议量",
        "完成量",
        "合计",
        "9",
        "8",
    ]


@pytest.mark.skipif(not FENGLIN.exists(), reason="corpus PDF absent")
def test_the_corpus_turned_headers_are_turned_glyphs_read_upwards() -> None:
    page = read_pages(FENGLIN)[2]
    turned = [g for g in page.glyphs if isinstance(g, TurnedGlyph)]
    assert turned and {g.char for g in turned} == set("协议量完成率")
    table = next(t for t in build_document(FENGLIN).tables if t.caption.startswith("表1"))
    assert table.columns[1] == ("困难群众建档（户）", "协议量")
    assert table.columns[3] == ("困难群众建档（户）", "完成率")
    first = next(c for c in table.cells if c.row == table.header_rows and c.col == 0)
    assert [t for t, _ in first.lines] == ["枫林片区", "（枫林、凤凰社区）"]


# --- the passes: a 片区 over its 社区 in brackets -----------------------------------


def _two_lines(t: object, row: int, col: int, lines: list[str]) -> None:
    for i, c in enumerate(t.cells):  # type: ignore[attr-defined]
        if (c.row, c.col) == (row, col):
            boxes = [
                (0.0, 20.0 * row + 10.0 * k, 40.0, 20.0 * row + 10.0 * k + 9) for k in range(2)
            ]
            t.cells[i] = replace(c, lines=tuple(zip(lines, boxes, strict=True)))  # type: ignore[attr-defined]


def test_a_area_cell_with_its_communities_on_a_second_line_is_labelled_by_its_name() -> None:
    t = make_table(
        [
            ["片区", ("入户探访（人次）", 3)],
            ["\x00", "协议量", "完成量", "完成率"],
            ["枫林片区（枫林、凤凰社区）", "680", "1008", "148.24%"],
            ["桂坊片区（桂坊、永安社区）", "840", "1190", "141.67%"],
            ["合计", "1520", "2198", "144.61%"],
        ],
        2,
        "服务指标完成情况",
    )
    _two_lines(t, 2, 0, ["枫林片区", "（枫林、凤凰社区）"])
    _two_lines(t, 3, 0, ["桂坊片区", "（桂坊、永安社区）"])
    rows = table_rows(t)
    assert [(r.area, r.scope, r.indicator, r.done.value if r.done else None) for r in rows] == [
        ("枫林片区", "area", "home_visits", 1008.0),
        ("桂坊片区", "area", "home_visits", 1190.0),
        ("合计", "total", "home_visits", 2198.0),
    ]


def test_a_bracketed_second_line_under_a_word_that_is_no_area_stays_in_the_label() -> None:
    t = make_table(
        [
            ["指标", "协议量", "完成量"],
            ["入户探访（人次）", "680", "1008"],
        ],
        1,
        "服务指标完成情况",
    )
    _two_lines(t, 1, 0, ["入户探访", "（人次）"])
    [row] = table_rows(t)
    assert (row.indicator, row.label, row.measure) == ("home_visits", "入户探访(人次)", "count")


# --- scoring: the total derived in a formula sentence ---------------------------------

MARKS = "四方评分（百分制）分别为：购买方86.9分，监督方82.5分，督导方87.7分，第三方评估机构93.7分。"
FORMULA = (
    "综合得分＝购买方评分×30%＋监督方评分×20%＋督导方评分×10%＋第三方评估机构评分×40%"
    "＝26.07＋16.50＋8.77＋37.48＝88.82分。"
)


def _scored(*texts: str) -> Document:
    blocks = [_para("五、评估得分", "heading"), *(_para(t) for t in texts)]
    blocks += [
        _para("六、评估结论", "heading"),
        _para("本次末期评估综合得分为88.82分，评估等级为良好。"),
    ]
    return _doc(blocks)


def test_the_weighted_terms_of_a_formula_sentence_are_the_party_scores() -> None:
    got = extract_scoring(_scored(MARKS, FORMULA), profile())
    assert [(s.party, s.score.printed, s.score.value) for s in got.party_scores] == [
        ("monitor", "16.50", 16.5),
        ("buyer", "26.07", 26.07),
        ("supervision_centre", "8.77", 8.77),
        ("third_party", "37.48", 37.48),
    ]
    buyer = next(s for s in got.party_scores if s.party == "buyer")
    assert buyer.score.prov is not None and buyer.score.prov.text == "26.07"
    assert got.total is not None and got.total.value == 88.82


def test_terms_in_another_order_give_each_figure_to_its_own_party() -> None:
    formula = (
        "综合得分=第三方评估机构评分×40%+购买方评分×30%+督导方评分×10%+监督方评分×20%"
        "=37.48+26.07+8.77+16.50=88.82分。"
    )
    got = extract_scoring(_scored(formula), profile())
    assert {s.party: s.score.value for s in got.party_scores} == {
        "buyer": 26.07,
        "monitor": 16.5,
        "supervision_centre": 8.77,
        "third_party": 37.48,
    }


def test_a_formula_missing_a_party_or_a_figure_gives_no_scores() -> None:
    three_terms = (
        "综合得分＝购买方评分×30%＋监督方评分×20%＋第三方评估机构评分×40%"
        "＝26.07＋16.50＋37.48＝80.05分。"
    )
    assert extract_scoring(_scored(three_terms), profile()).party_scores == []
    three_figures = (
        "综合得分＝购买方评分×30%＋监督方评分×20%＋督导方评分×10%＋第三方评估机构评分×40%"
        "＝26.07＋16.50＋37.48＝88.82分。"
    )
    assert extract_scoring(_scored(three_figures), profile()).party_scores == []


# --- opinions: every party's praise and concern in one table ------------------------

_EDGES = [(50.0, 130.0), (130.0, 330.0), (330.0, 530.0)]


def _cell(row: int, col: int, lines: list[str], page: int) -> TableCell:
    x0, x1 = _EDGES[col]
    boxes = [(x0, 100.0 + 12 * k, x1, 110.0 + 12 * k) for k in range(len(lines))]
    return TableCell(
        row,
        col,
        "".join(lines),
        page,
        (x0, 100.0 + 40 * row, x1, 140.0 + 40 * row),
        lines=tuple(zip(lines, boxes, strict=True)) if len(lines) > 1 else (),
    )


def _matrix(rows: list[list[list[str]]], page: int) -> Table:
    cells = [_cell(r, c, lines, page) for r, row in enumerate(rows) for c, lines in enumerate(row)]
    return Table(cells, len(rows), 3, 1, [], True, pages=[page])


HEAD = [["评估主体"], ["值得肯定的地方"], ["需要关注的地方"]]
PAGE3 = [
    HEAD,
    [
        ["购买方", "（枫林街道", "办事处）"],
        ["①探访记录能写明", "对象近况", "②家长参与积极"],
        ["①关注相对不足"],
    ],
    [["督导方", "（泓州市社会工作督导"], ["①个案文书齐全"], ["①功能室长期闲置，建议"]],
]


def _opinion_doc(*tables: Table) -> Document:
    flow: list[Block | Table] = [_para("四、各方评估意见", "heading"), *tables]
    return Document(
        "x.pdf",
        "",
        [],
        [b for b in flow if isinstance(b, Block)],
        list(tables),
        build_tree(flow),
        [],
    )


def _read(doc: Document) -> list[tuple[str, str, list[str], list[tuple[int | None, str]]]]:
    secs, items = extract_assessments(doc, profile())
    return [
        (
            s.party,
            s.polarity,
            s.section_path,
            [(i.ordinal, i.text) for i in items if (i.party, i.polarity) == (s.party, s.polarity)],
        )
        for s in secs
    ]


def test_each_row_of_an_opinion_table_is_its_partys_praise_and_concern() -> None:
    page4 = _matrix(
        [
            [["中心）"], ["②服务数据定期分析"], ["优化场地使用安排", "②资源网络有待拓展"]],
            [["第三方评估机构", "（本所）"], ["①节日活动居民反馈良好"], ["①志愿者登记存在补录"]],
        ],
        4,
    )
    assert _read(_opinion_doc(_matrix(PAGE3, 3), page4)) == [
        (
            "buyer",
            "praise",
            ["购买方（枫林街道办事处）"],
            [(1, "探访记录能写明对象近况"), (2, "家长参与积极")],
        ),
        ("buyer", "concern", ["购买方（枫林街道办事处）"], [(1, "关注相对不足")]),
        (
            "supervision_centre",
            "praise",
            ["督导方（泓州市社会工作督导中心）"],
            [(1, "个案文书齐全"), (2, "服务数据定期分析")],
        ),
        (
            "supervision_centre",
            "concern",
            ["督导方（泓州市社会工作督导中心）"],
            [(1, "功能室长期闲置，建议优化场地使用安排"), (2, "资源网络有待拓展")],
        ),
        ("third_party", "praise", ["第三方评估机构（本所）"], [(1, "节日活动居民反馈良好")]),
        ("third_party", "concern", ["第三方评估机构（本所）"], [(1, "志愿者登记存在补录")]),
    ]


def test_a_broken_row_whose_rest_names_its_own_party_again_is_still_one_row() -> None:
    page4 = _matrix(
        [
            [["会工作督导中心）"], ["②服务数据定期分析"], ["优化场地使用安排"]],
            [["第三方评估机构", "（本所）"], ["①节日活动居民反馈良好"], ["①志愿者登记存在补录"]],
        ],
        4,
    )
    page3 = _matrix(
        [*PAGE3[:2], [["督导方", "（泓州市社"], ["①个案文书齐全"], ["①功能室长期闲置，建议"]]], 3
    )
    got = _read(_opinion_doc(page3, page4))
    assert [(p, pol, len(its)) for p, pol, _, its in got] == [
        ("buyer", "praise", 2),
        ("buyer", "concern", 1),
        ("supervision_centre", "praise", 2),
        ("supervision_centre", "concern", 1),
        ("third_party", "praise", 1),
        ("third_party", "concern", 1),
    ]
    assert got[2][2] == ["督导方（泓州市社会工作督导中心）"]


def test_a_table_of_no_parties_is_no_opinion_table() -> None:
    rows = [
        HEAD,
        [["社区活动"], ["①居民反馈良好"], ["①场次偏少"]],
        [["个案服务"], ["①文书齐全"], ["①结案偏慢"]],
    ]
    assert _read(_opinion_doc(_matrix(rows, 3))) == []


# --- the roster printed in two halves side by side ---------------------------------

ROSTER_HEAD = ["序号", "姓名", "岗位", "持证情况"] * 2


def test_a_roster_in_two_halves_reads_left_half_then_right_half() -> None:
    t = make_table(
        [
            list(ROSTER_HEAD),
            ["1", "卢静", "项目主任", "无", "4", "邓墨墨", "社工", "助理社工师"],
            ["2", "石雨晓", "社工", "助理社工师", "5", "钱书熙", "社工", "无"],
            ["3", "万诗墨", "片区负责人", "中级社工师", "", "", "", ""],
        ],
        1,
        "附件",
    )
    rows, _, _ = read_roster([t])
    assert [(r.seq, r.name, r.position, r.qualification, r.group) for r in rows] == [
        (1, "卢静", "项目主任", "无", "uncertified"),
        (2, "石雨晓", "社工", "助理社工师", "certified"),
        (3, "万诗墨", "片区负责人", "中级社工师", "certified"),
        (4, "邓墨墨", "社工", "助理社工师", "certified"),
        (5, "钱书熙", "社工", "无", "uncertified"),
    ]
    assert rows[3].prov is not None and rows[3].prov.text.startswith("4")


def test_a_roster_whose_header_does_not_repeat_is_one_table() -> None:
    t = make_table(
        [
            ["序号", "姓名", "岗位", "持证情况", "入职时间", "合同期限"],
            ["1", "卢静", "项目主任", "无", "2023.01", "3年"],
        ],
        1,
        "附件",
    )
    assert halves(t) == [t]
    rows, _, _ = read_roster([t])
    assert [(r.seq, r.name) for r in rows] == [(1, "卢静")]
