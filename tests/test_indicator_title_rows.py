"""A portrait long-format indicator table (片区 │ 协议量 │ 完成量 │ 完成率) grouped by
title rows spanning the table at two levels: a 服务类别 title (一、…服务) over numbered
indicator titles (1.困难群众建档（户）, the indicator with its unit in brackets), each over
its 片区 rows and its own 合计 (walled/jinxi's 表3 shape; names and figures invented).
Read right, an indicator title sets the indicator of the rows under it up to the next
title, a category title sets none, and each group's 合计 is that indicator's total."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.tables.consistency import consistency
from extractor.passes.tables.read import read_table
from extractor.records import Indicators
from tests.test_checks_rules import report

# (category title or None, indicator title, [(片区, target, done, rate)], total row)
GROUPS: list[tuple[str | None, str, list[tuple[str, str, str, str]]]] = [
    (
        "一、兜底保障服务",
        "1.困难群众建档（户）",
        [
            ("东岭片区", "400", "500", "125.00%"),
            ("西坪片区", "200", "180", "90.00%"),
            ("合计", "600", "680", "113.33%"),
        ],
    ),
    (
        None,
        "2.入户探访（人次）",
        [
            ("东岭片区", "300", "330", "110.00%"),
            ("西坪片区", "100", "150", "150.00%"),
            ("合计", "400", "480", "120.00%"),
        ],
    ),
    (
        "二、专业服务",
        "3.个案服务（节）",
        [
            ("东岭片区", "50", "60", "120.00%"),
            ("西坪片区", "40", "40", "100.00%"),
            ("合计", "90", "100", "111.11%"),
        ],
    ),
]


def title_table(groups: list[tuple[str | None, str, list[tuple[str, str, str, str]]]]) -> Table:
    rows: list[list[str] | str] = [["片区", "协议量", "完成量", "完成率"]]
    for category, indicator, lines in groups:
        if category is not None:
            rows.append(category)
        rows.append(indicator)
        rows += [list(line) for line in lines]
    cells: list[TableCell] = []
    for r, row in enumerate(rows):
        top = r * 20.0
        if isinstance(row, str):  # a title row: one cell across the four columns
            cells.append(TableCell(r, 0, row, 1, (0.0, top, 160.0, top + 20), 1, 4))
            continue
        for c, text in enumerate(row):
            cells.append(TableCell(r, c, text, 1, (c * 40.0, top, c * 40.0 + 40, top + 20)))
    t = Table(cells, len(rows), 4, 1, [], True, caption="表3 各片区服务指标完成情况", pages=[1])
    t.columns = column_paths(t)
    return t


def _got(t: Table) -> dict[tuple[str | None, str, str], tuple[str, str, str]]:
    got = read_table(t, "表3", frozenset())
    return {
        (r.area, r.indicator, r.measure): tuple(
            c.printed if c else "" for c in (r.target, r.done, r.pct)
        )
        for r in got.rows
    }


def test_indicator_title_rows_set_the_indicator_of_the_rows_under_them() -> None:
    got = _got(title_table(GROUPS))
    assert got[("东岭片区", "registered", "households")] == ("400", "500", "125.00%")
    assert got[("合计", "registered", "households")] == ("600", "680", "113.33%")
    assert got[("西坪片区", "home_visits", "count")] == ("100", "150", "150.00%")
    assert got[("合计", "casework", "sessions")] == ("90", "100", "111.11%")
    assert len(got) == 9  # the category titles name no indicator of their own


def test_each_group_total_is_its_indicator_station_total() -> None:
    rows = read_table(title_table(GROUPS), "表3", frozenset()).rows
    fit = consistency(rows)
    assert len(rows) == 9 and fit.score is not None and fit.trusted(0)


def _with(area: str, indicator: str, column: int, text: str) -> list:
    out = []
    for category, title, lines in GROUPS:
        new = []
        for line in lines:
            if line[0] == area and title == indicator:
                line = tuple(text if i == column else x for i, x in enumerate(line))
            new.append(line)
        out.append((category, title, new))
    return out


def _report(t: Table):
    return report(indicators=Indicators(rows=read_table(t, "表3", frozenset()).rows))


def test_a_group_total_off_its_rows_is_found_and_a_clean_table_is_not_flagged() -> None:
    assert check_report(_report(title_table(GROUPS))).findings == []
    off = title_table(_with("合计", "2.入户探访（人次）", 2, "490"))
    found = check_report(_report(off)).findings
    assert any(f.rule == "sum.area_total" and "490" in str(f.printed) for f in found), found
