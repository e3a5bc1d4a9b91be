"""Staffing printed only as a MONTH-BY-MONTH head-count table (类别 │ 1月 … 12月 │ 月均 over
持证社工 / 其中：中级社工师 / 未持证社工 / 合计): the period's head counts are the LAST
month's column (a month after a resignation is one lower), never the 月均 (an average,
no count); a table with a column that is neither a month nor an average, or months out
of order, is not read. Synthetic tables, no corpus file."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.passes.staffing import month_table

MONTHS = [f"{m}月" for m in range(1, 7)]
ROWS = [
    ["持证社工", "6", "5", "6", "6", "6", "6", "5.83"],
    ["其中：中级社工师", "2", "2", "2", "2", "2", "2", "2.00"],
    ["未持证社工", "3", "3", "3", "2", "3", "3", "2.83"],
    ["合计", "9", "8", "9", "8", "9", "9", "8.67"],
]


def _table(head: list[str], rows: list[list[str]]) -> Table:
    grid = [head, *rows]
    cells = [
        TableCell(r, c, text, 2, (c * 40.0, 100 + r * 20.0, (c + 1) * 40.0, 120 + r * 20.0))
        for r, row in enumerate(grid)
        for c, text in enumerate(row)
    ]
    columns = [(h,) for h in head]
    return Table(cells, len(grid), len(head), 1, columns, True, caption="表1 社工逐月在岗情况")


def test_the_counts_are_the_last_months_column_not_the_average() -> None:
    got = month_table([_table(["类别", *MONTHS, "月均"], ROWS)])
    assert got is not None
    figures, read = got
    assert {f: n.printed for f, n in figures.items()} == {
        "certified_count": "6",
        "mid_level_count": "2",
        "uncertified_count": "3",
        "total_count": "9",
    }
    assert figures["total_count"].prov is not None and figures["total_count"].prov.page == 2
    # 合计 = 持证 + 未持证 in each of the six months
    assert read.trusted and read.relations == 6 and read.consistent == 6


def test_a_column_that_is_no_month_leaves_the_table_unread() -> None:
    """A 备注 or 岗位 column among the months: not sure what the columns are, nothing read."""
    head = ["类别", *MONTHS[:3], "备注", *MONTHS[3:], "月均"]
    rows = [[*r[:4], "", *r[4:]] for r in ROWS]
    assert month_table([_table(head, rows)]) is None


def test_months_out_of_order_leave_the_table_unread() -> None:
    head = ["类别", *reversed(MONTHS), "月均"]
    assert month_table([_table(head, ROWS)]) is None
