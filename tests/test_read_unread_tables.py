"""`read_table` stops at a table that prints no figure (nothing it reads could give a
row), and asks only after cutting paired cells, whose halves are figures though the cell
("22/12") is none."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.tables.read import Read, read_table


def _table(rows: list[list[str]], header_rows: int = 1) -> Table:
    cells = [
        TableCell(r, c, text, 1, (c * 40.0, r * 20.0, c * 40.0 + 40, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    t = Table(
        cells, len(rows), len(rows[0]), header_rows, [], True, caption="表1 个案服务", pages=[1]
    )
    t.columns = column_paths(t)
    return t


def test_a_table_of_words_gives_an_empty_read() -> None:
    rows = [["片区", "服务内容", "完成情况"], ["东片区", "个案服务", "已完成"]]
    assert read_table(_table(rows), "表1", frozenset()) == Read()


def test_paired_figures_are_read_though_no_cell_is_a_figure() -> None:
    rows = [["服务指标", "完成量/协议量"], ["开案数（个）", "22/12"], ["服务节数（节）", "268/150"]]
    got = read_table(_table(rows), "表1", frozenset())
    assert {
        (r.measure, r.target and r.target.value, r.done and r.done.value) for r in got.rows
    } == {
        ("opened", 12, 22),
        ("sessions", 150, 268),
    }
