"""A roster whose 合计 line prints only head counts (序号 │ 姓名 │ 岗位 │ 持证情况 │ 入职日期 │
在岗, then 合计 13人 … 13人: the jinhe family of corpora/embargoed) has no subtotal line the
checker can recompute: it is left out of `roster_totals` rather than recorded empty, while a
monthly 合计 line (生 1月 … 小计) is kept. Small synthetic tables, no PDF."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.passes.roster import read_roster


def _table(rows: list[list[str]]) -> Table:
    width = len(rows[0])
    cells = [
        TableCell(i, j, text, 1, (10.0 * j, 10.0 * i, 10.0 * j + 10, 10.0 * i + 10))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
    ]
    return Table(cells, len(rows), width, 1, [(h,) for h in rows[0]], True)


def test_a_headcount_only_total_line_is_no_roster_total() -> None:
    rows = [
        ["序号", "姓名", "岗位", "持证情况", "入职日期", "在岗"],
        ["1", "甲", "项目主任", "初级", "2023.06.07", "是"],
        ["2", "乙", "社工", "无", "2022.07.08", "是"],
        ["合计", "", "2人", "", "", "2人"],
    ]
    people, totals, _ = read_roster([_table(rows)])
    assert [(p.seq, p.name) for p in people] == [(1, "甲"), (2, "乙")]
    assert totals == []


def test_a_monthly_total_line_is_kept() -> None:
    rows = [
        ["序号", "姓名", "岗位", "持证", "1月", "2月", "小计"],
        ["1", "甲", "社工", "中级社工师", "1", "1", "2"],
        ["2", "乙", "社工", "无", "1", "0", "1"],
        ["合计", "", "", "", "2", "1", "3"],
    ]
    _, totals, _ = read_roster([_table(rows)])
    assert [t.scope for t in totals] == ["all"]
