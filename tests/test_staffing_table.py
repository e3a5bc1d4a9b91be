"""Head counts printed only in a staffing table (岗位 │ 持证社工 › 中级社工师 │ 助理社工师 │
小计 │ 未持证社工 │ 合计, a row per 岗位 and a 合计 row): the 合计 row's figures are the
counts; a table whose first column is not headed as the posts, or with no 合计 row, gives
none. Synthetic tables."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.staffing import table_figures

HEAD1 = ["岗位", "持证社工", "持证社工", "持证社工", "未持证社工", "合计"]
HEAD2 = ["岗位", "中级社工师", "助理社工师", "小计", "未持证社工", "合计"]
BODY = [
    ["项目主任", "1", "0", "1", "0", "1"],
    ["社工", "2", "4", "6", "4", "10"],
    ["合计", "3", "4", "7", "4", "11"],
]


def _table(rows: list[list[str]]) -> Table:
    """Two header rows, cells equal across a row or down a column merged."""
    cells: list[TableCell] = []
    n_cols = len(rows[0])
    taken: set[tuple[int, int]] = set()
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            if (r, c) in taken:
                continue
            span = 1
            while r < 2 and c + span < n_cols and texts[c + span] == text:
                span += 1
            down = 2 if r == 0 and rows[1][c] == text and span == 1 else 1
            for dr in range(down):
                for dc in range(span):
                    taken.add((r + dr, c + dc))
            box = (c * 60.0, 100 + r * 20.0, (c + span) * 60.0, 100 + (r + down) * 20.0)
            cells.append(TableCell(r, c, text, 3, box, down, span))
    t = Table(cells, len(rows), n_cols, 2, [], True, caption="表1 服务站人员配置情况", pages=[3])
    t.columns = column_paths(t)
    return t


def test_counts_from_the_total_row() -> None:
    got = table_figures([_table([HEAD1, HEAD2, *BODY])])
    assert {k: (n.value, n.printed) for k, n in got.items()} == {
        "mid_level_count": (3, "3"),
        "assistant_level_count": (4, "4"),
        "certified_count": (7, "7"),
        "uncertified_count": (4, "4"),
        "total_count": (11, "11"),
    }
    assert got["total_count"].prov is not None and got["total_count"].prov.page == 3


def test_no_counts_without_a_post_column_or_a_total_row() -> None:
    other = [["片区" if x == "岗位" else x for x in row] for row in (HEAD1, HEAD2)]
    assert table_figures([_table([*other, *BODY])]) == {}
    assert table_figures([_table([HEAD1, HEAD2, *BODY[:2]])]) == {}
