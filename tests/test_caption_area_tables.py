"""An appendix of one small table per 片区, the 片区 named only in the table's caption
(附件1-1 东岭片区各社区服务指标完成情况): its 社区 rows and its 小计 are that 片区's, not
the station's (latched/yuquan's shape; names and figures invented). A table whose
caption names no 片区 leaves its 社区 rows without one, as before."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.tables.read import read_table
from tests.test_area_title_rows import _figures, _sum

GROUPS = ("困难群众建档（户）", "个案服务（节）")
POSTS = [
    ("青石社区", ((120, 150), (40, 52))),
    ("松涛社区", ((90, 88), (30, 30))),
]


def appendix_table(caption: str) -> Table:
    n_cols = 1 + 3 * len(GROUPS)
    cells: list[TableCell] = []

    def cell(r: int, c: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        box = (c * 50.0, 100 + r * 16.0, (c + colspan) * 50.0, 100 + (r + rowspan) * 16.0)
        cells.append(TableCell(r, c, text, 7, box, rowspan, colspan))

    cell(0, 0, "社区", rowspan=2)
    for g, name in enumerate(GROUPS):
        cell(0, 1 + 3 * g, name, colspan=3)
        for k, role in enumerate(("协议量", "完成量", "完成率")):
            cell(1, 1 + 3 * g + k, role)
    r = 2
    for name, pairs in POSTS:
        cell(r, 0, name)
        for k, text in enumerate(_figures(pairs), start=1):
            cell(r, k, text)
        r += 1
    cell(r, 0, "小计")
    for k, text in enumerate(_figures(_sum([p for _, p in POSTS])), start=1):
        cell(r, k, text)
    t = Table(cells, r + 1, n_cols, 2, [], True, caption=caption, section=("附件1",))
    t.pages = [7]
    t.columns = column_paths(t)
    return t


def _rows(t: Table) -> dict[tuple[str, str | None, str | None, str], tuple[str | None, ...]]:
    got = read_table(t, "附件1-1", frozenset())
    assert not got.doubts and not got.unsure
    return {
        (r.scope or "station", r.area, r.post, r.indicator): tuple(
            c.printed if c else None for c in (r.target, r.done, r.pct)
        )
        for r in got.rows
    }


def test_the_caption_names_the_area_of_the_post_rows_and_the_subtotal() -> None:
    rows = _rows(appendix_table("附件1-1  东岭片区各社区服务指标完成情况"))
    assert len(rows) == 3 * 2
    assert rows[("post", "东岭片区", "青石社区", "registered")] == ("120", "150", "125.00%")
    assert rows[("post", "东岭片区", "松涛社区", "casework")] == ("30", "30", "100.00%")
    assert rows[("area", "东岭片区", None, "registered")] == ("210", "238", "113.33%")


def test_a_caption_naming_no_area_names_none() -> None:
    rows = _rows(appendix_table("附件1-1  各社区服务指标完成情况"))
    assert rows[("post", None, "青石社区", "registered")] == ("120", "150", "125.00%")
    assert rows[("area", None, None, "registered")] == ("210", "238", "113.33%")
