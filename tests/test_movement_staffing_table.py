"""Staffing printed only as a head-count MOVEMENT table (类别 │ 期初人数 │ 本期入职 │ 本期离职 │
期末人数 over 持证社工 / 其中：中级社工师 / 其中：助理社工师 / 未持证社工 / 合计, each line
期初 ＋ 入职 － 离职 ＝ 期末): the counts are the 期末 column (never the 期初), new_hires and
resigned_early the 合计 line's 入职 and 离职. A line that does not add up, or a column that
is none of the four, leaves the table unread: no figure, so no finding. Synthetic tables."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.passes.staffing import month_table, movement_table, staffing_table

HEAD = ["类别", "期初人数", "本期入职", "本期离职", "期末人数"]
ROWS = [
    ["持证社工", "7", "3", "2", "8"],
    ["其中：中级社工师", "1", "1", "1", "1"],
    ["其中：助理社工师", "6", "2", "1", "7"],
    ["未持证社工", "5", "0", "1", "4"],
    ["合计", "12", "3", "3", "12"],
]


def _table(head: list[str], rows: list[list[str]]) -> Table:
    grid = [head, *rows]
    cells = [
        TableCell(r, c, text, 2, (c * 60.0, 100 + r * 20.0, (c + 1) * 60.0, 120 + r * 20.0))
        for r, row in enumerate(grid)
        for c, text in enumerate(row)
    ]
    columns = [(h,) for h in head]
    return Table(cells, len(grid), len(head), 1, columns, True, caption="表1 社工队伍变动情况")


def test_the_counts_are_the_end_column_and_the_movements_the_total_lines() -> None:
    t = _table(HEAD, ROWS)
    # no table of the older shapes reads it
    assert staffing_table([t]) is None and month_table([t]) is None
    got = movement_table([t])
    assert got is not None
    figures, read = got
    assert {f: n.printed for f, n in figures.items()} == {
        "certified_count": "8",
        "mid_level_count": "1",
        "assistant_level_count": "7",
        "uncertified_count": "4",
        "total_count": "12",
        "new_hires": "3",
        "resigned_early": "3",
    }
    assert figures["total_count"].prov is not None and figures["total_count"].prov.page == 2
    assert read.trusted and read.consistent == read.relations


def test_a_line_that_does_not_add_up_leaves_the_table_unread() -> None:
    """期初 ＋ 入职 － 离职 ≠ 期末 on one line: the columns are not what they seem."""
    rows = [list(r) for r in ROWS]
    rows[3][4] = "5"
    assert movement_table([_table(HEAD, rows)]) is None


def test_a_column_that_is_none_of_the_four_leaves_the_table_unread() -> None:
    head = ["类别", "期初人数", "本期入职", "本期离职", "月均"]
    assert movement_table([_table(head, ROWS)]) is None
