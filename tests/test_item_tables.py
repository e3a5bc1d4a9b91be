"""shuttered/jingpo's praise and concern items (synthetic, names and texts
invented): each label on a line of its own (工作亮点： / 存在问题：) over a small ruled
table 序号 │ 内容, one item a row — continued on the next page without its header, or
with its header alone on the first page."""

from __future__ import annotations

from extractor.document.model import Block, Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from tests.test_stacked_cells import _block, _heading


def item_table(rows: list[tuple[str, str]], header: bool = True, page: int = 4) -> Table:
    """序号 │ 内容 with `rows` under it; without `header`, the header is a body row (the
    document did not take it for one: its part alone on the page before)."""
    texts = [("序号", "内容"), *rows]
    cells = [
        TableCell(r, c, text, page, (c * 200.0, 100 + r * 20.0, (c + 1) * 200.0, 120 + r * 20.0))
        for r, pair in enumerate(texts)
        for c, text in enumerate(pair)
    ]
    t = Table(cells, len(texts), 2, 1 if header else 0, [], True, pages=[page])
    t.columns = column_paths(t)
    return t


def _label(text: str) -> Block:
    """A label on a line of its own (工作亮点：), as the document gives it."""
    b = _block(text)
    b.kind = "label"
    return b


PRAISE = [("1", "台账按月更新，分类清楚。"), ("2", "志愿者培训形成了固定的课程。")]
CONCERN = [
    ("1", "个别社区探访记录较为简略。"),
    ("2", "活动宣传覆盖面不够。"),
    ("3", "档案归档偏慢。"),
]


def _assessments(
    flow: list[Block | Table],
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    sections, items = extract_assessments(doc, profile())
    return (
        [(s.party, s.polarity, s.item_count) for s in sections],
        [(i.party, i.polarity, i.ordinal, i.text) for i in items],
    )


def test_each_row_of_a_small_table_under_a_label_is_an_item() -> None:
    flow: list[Block | Table] = [
        _heading("四、各方评估情况"),
        _heading("（一）购买方（青桥街道办事处）评估情况"),
        _label("工作亮点："),
        item_table(PRAISE),
        _label("存在问题："),
        item_table(CONCERN),
    ]
    sections, items = _assessments(flow)
    assert sections == [("buyer", "praise", 2), ("buyer", "concern", 3)]
    assert items[0] == ("buyer", "praise", 1, "台账按月更新，分类清楚。")
    assert items[2:] == [("buyer", "concern", int(o), text) for o, text in CONCERN]


def test_a_table_whose_header_was_not_taken_for_one_still_gives_its_rows() -> None:
    flow: list[Block | Table] = [
        _heading("四、各方评估情况"),
        _heading("（二）监督方（青桥区民政局）评估情况"),
        _label("存在问题："),
        item_table(CONCERN, header=False),
    ]
    sections, items = _assessments(flow)
    assert sections == [("monitor", "concern", 3)]
    assert [i[2] for i in items] == [1, 2, 3]


def test_a_row_with_no_number_continues_the_item_above() -> None:
    rows = [("1", "台账按月更新，"), ("", "分类清楚。"), ("2", "志愿者培训形成了固定的课程。")]
    flow: list[Block | Table] = [
        _heading("四、各方评估情况"),
        _heading("（一）购买方（青桥街道办事处）评估情况"),
        _label("工作亮点："),
        item_table(rows),
    ]
    _, items = _assessments(flow)
    assert [i[2:] for i in items] == [(1, "台账按月更新，分类清楚。"), (2, rows[2][1])]


def test_a_table_of_figures_under_a_label_gives_no_item() -> None:
    flow: list[Block | Table] = [
        _heading("四、各方评估情况"),
        _heading("（一）购买方（青桥街道办事处）评估情况"),
        _label("工作亮点："),
        item_table([("1", "125"), ("2", "98.5%")]),
    ]
    sections, items = _assessments(flow)
    assert sections == [("buyer", "praise", 0)] and items == []
