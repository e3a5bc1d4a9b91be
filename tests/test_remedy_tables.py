"""Concerns printed as a table with their remedies beside them (synthetic, names and
texts invented): 序号 │ 存在问题 │ 整改建议 │ 完成时限 under a label 存在问题及整改建议：,
one concern a row, its 存在问题 cell the item's text; the remedy and the deadline are no
items. Header wordings come from models/sections.yaml `remedy_table`."""

from __future__ import annotations

from extractor.document.blocks import _label_kind, inline_label
from extractor.document.model import Block, Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from tests.test_item_tables import _label
from tests.test_stacked_cells import _block, _heading

HEAD = ("序号", "存在问题", "整改建议", "完成时限")
ROWS = [
    ("1", "入户记录填写简略，看不出对象的变化", "统一入户记录模板并每月抽查", "2026年3月底前"),
    ("2", "小组招募渠道单一", "联合社区居委会共同招募组员", "2026年4月底前"),
]


def remedy_table(
    rows: list[tuple[str, ...]], head: tuple[str, ...] | None = HEAD, page: int = 5
) -> Table:
    """`head` over `rows` (no header row when `head` is None: the table's rest on the
    next page)."""
    texts = [head, *rows] if head is not None else list(rows)
    n = len(texts[0])
    cells = [
        TableCell(r, c, text, page, (c * 120.0, 100 + r * 20.0, (c + 1) * 120.0, 120 + r * 20.0))
        for r, row in enumerate(texts)
        for c, text in enumerate(row)
    ]
    t = Table(cells, len(texts), n, 1 if head is not None else 0, [], True, pages=[page])
    t.columns = column_paths(t)
    return t


def _assessments(
    flow: list[Block | Table],
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    sections, items = extract_assessments(doc, profile())
    return (
        [(s.party, s.polarity, s.heading, s.item_count, s.none_stated) for s in sections],
        [(i.party, i.polarity, i.ordinal, i.text) for i in items],
    )


def _party(*body: Block | Table) -> list[Block | Table]:
    return [
        _heading("四、各方评估意见"),
        _heading("（一）购买方（青桥街道办事处）评估意见"),
        _label("值得肯定的方面："),
        _block("1.台账按月更新，分类清楚。"),
        *body,
    ]


def test_the_label_is_a_concern_label_alone_or_run_in() -> None:
    assert _label_kind("存在问题及整改建议：")
    assert inline_label("存在问题及整改建议：暂无。") == "存在问题及整改建议："


def test_each_row_is_a_concern_its_problem_cell_the_text() -> None:
    sections, items = _assessments(_party(_label("存在问题及整改建议："), remedy_table(ROWS)))
    assert sections == [
        ("buyer", "praise", "值得肯定的方面：", 1, False),
        ("buyer", "concern", "存在问题及整改建议：", 2, False),
    ]
    assert items[1:] == [("buyer", "concern", int(o), text) for o, text, _, _ in ROWS]


def test_a_table_continued_without_its_header_goes_on() -> None:
    rest = [
        ("", "，活动后未回访", "", ""),
        ("3", "志愿者台账未按月更新", "每月核对一次", "2026年5月底前"),
    ]
    flow = _party(
        _label("存在问题及整改建议："), remedy_table(ROWS), remedy_table(rest, None, page=6)
    )
    sections, items = _assessments(flow)
    assert sections[1][3] == 3
    assert [i[2:] for i in items[1:]] == [
        (1, ROWS[0][1]),
        (2, ROWS[1][1] + "，活动后未回访"),
        (3, "志愿者台账未按月更新"),
    ]


def test_other_wordings_of_the_header() -> None:
    head = ("编号", "主要问题", "整改措施", "责任人", "整改时限")
    rows = [("1", "服务档案缺少签名", "逐份补签并建立自查表", "项目主任", "一个月内")]
    sections, items = _assessments(_party(_label("存在问题："), remedy_table(rows, head)))
    assert sections[1][1:4] == ("concern", "存在问题：", 1)
    assert items[1:] == [("buyer", "concern", 1, "服务档案缺少签名")]


def test_a_remedy_table_under_no_label_is_a_concern_section_of_its_own() -> None:
    flow: list[Block | Table] = [
        _heading("四、各方评估意见"),
        _heading("（二）监督方（青桥区民政局）评估意见"),
        remedy_table(ROWS),
    ]
    sections, items = _assessments(flow)
    assert sections == [("monitor", "concern", "存在问题", 2, False)]
    assert [i[2:] for i in items] == [(int(o), text) for o, text, _, _ in ROWS]


def test_none_stated_after_the_label() -> None:
    sections, items = _assessments(_party(_block("存在问题及整改建议：暂无。")))
    assert sections[1] == ("buyer", "concern", "存在问题及整改建议", 0, True)
    assert len(items) == 1


def test_a_column_that_is_neither_items_numbers_nor_beside_reads_no_items() -> None:
    head = ("序号", "存在问题", "类别", "整改建议")
    rows = [("1", "服务档案缺少签名", "档案管理", "逐份补签")]
    sections, items = _assessments(_party(_label("存在问题："), remedy_table(rows, head)))
    assert sections[1][1:4] == ("concern", "存在问题：", 0)
    assert len(items) == 1
