"""A score table with the parties as COLUMNS (tongle's 表2: 项目 │ 购买方 │ 区民政局 │ 督导方 │
第三方评估机构 over rows 权重 │ 得分 │ 加权得分, then 综合得分 and 等级 merged across the
party columns): each party's score is its 加权得分 (the figures the total sums, not its
mark out of 100), its weight the 权重 row, the total the merged cell. Synthetic tables."""

from __future__ import annotations

from extractor.document.model import Section, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import _records, _table_scores, _table_total, _table_weights

HEAD = ["项目", "购买方", "区民政局", "督导方", "第三方评估机构"]
ROWS = [
    ["权重", "25%", "15%", "20%", "40%"],
    ["得分", "91.78", "90.75", "92.75", "84.03"],
    ["加权得分", "22.95", "13.61", "18.55", "33.61"],
]


def _table(rows: list[list[str]], merged: list[tuple[str, str]]) -> Table:
    """HEAD over `rows`, then rows of a label and one value merged across the parties."""
    cells: list[TableCell] = []
    for r, texts in enumerate([HEAD, *rows]):
        for c, text in enumerate(texts):
            box = (c * 80.0, 100 + r * 20.0, (c + 1) * 80.0, 120 + r * 20.0)
            cells.append(TableCell(r, c, text, 4, box, 1, 1))
    for k, (label, value) in enumerate(merged):
        r = len(rows) + 1 + k
        top = 100 + r * 20.0
        cells.append(TableCell(r, 0, label, 4, (0.0, top, 80.0, top + 20), 1, 1))
        cells.append(TableCell(r, 1, value, 4, (80.0, top, 400.0, top + 20), 1, 4))
    n_rows = len(rows) + 1 + len(merged)
    return Table(cells, n_rows, 5, 1, [], True, caption="表2 四方评分情况", pages=[4])


TABLE = _table(ROWS, [("综合得分", "88.72"), ("等级", "良好")])


def test_each_partys_score_is_its_weighted_score_not_the_merged_total() -> None:
    got = _table_scores([TABLE], profile())
    assert {p: s.score.printed for p, s in got.items()} == {
        "buyer": "22.95",
        "monitor": "13.61",
        "supervision_centre": "18.55",
        "third_party": "33.61",
    }
    assert got["buyer"].score.prov is not None and got["buyer"].score.prov.page == 4


def test_the_total_is_the_cell_merged_across_the_parties() -> None:
    total = _table_total([TABLE], profile())
    assert total is not None and (total.printed, total.value) == ("88.72", 88.72)
    grade = [cells for cells in _records(TABLE, profile()) if cells[0].text == "等级"]
    assert [c.text for c in grade[0]] == ["等级", "良好"]


def test_the_weights_are_the_weight_row() -> None:
    got = _table_weights([Section(title="评估得分与等级", level=1, items=[TABLE])], profile())
    assert {w.party: w.weight for w in got} == {
        "buyer": 25,
        "monitor": 15,
        "supervision_centre": 20,
        "third_party": 40,
    }


def test_without_a_weighted_row_the_merged_total_is_still_no_partys_score() -> None:
    plain = _table(ROWS[:2], [("综合得分", "89.50")])
    got = _table_scores([plain], profile())
    assert got["buyer"].score.printed == "91.78"  # the party's own last figure
    total = _table_total([plain], profile())
    assert total is not None and total.printed == "89.50"
