"""Indicator figures printed as one table per measure, with the same 片区 rows and the same
indicator columns (表2-1 各片区服务指标协议量, 表2-2 …完成量, 表2-3 …完成率, 合计 last in
each; the rate table's headers print no unit): the tables are read as one set of rows —
the done table's, each cell keeping its own table's page and place — so the rates
recompute and the 合计 add up across them. Small synthetic cases of the fenced/lingbo
shape (names and figures invented); the zhuyuan shape (targets apart, 完成量 │ 完成率 in
one table) is in tests/test_two_tables_and_ladders.py."""

from __future__ import annotations

from dataclasses import replace

from extractor.document.model import Table
from extractor.records import Report
from tests.test_passes_indicators import make_table
from tests.test_two_tables_and_ladders import report_of

AREAS = ("东湖片区", "西岭片区", "北坡片区")
INDICATORS = (("困难群众建档", "户"), ("入户探访", "人次"), ("个案服务", "节"))
TARGETS = ((120, 400, 60), (80, 300, 50), (60, 250, 40))
DONE = ((150, 436, 66), (80, 297, 61), (66, 310, 38))
SECTION = "（二）各片区指标完成情况"


def _rate(done: int, target: int) -> str:
    return f"{done * 100 / target:.2f}%"


def _on_page(t: Table, page: int) -> Table:
    return replace(t, cells=[replace(c, page=page) for c in t.cells], pages=[page])


def count_table(
    caption: str,
    figures: tuple[tuple[int, ...], ...],
    page: int = 3,
    total: tuple[int, ...] | None = None,
    areas: tuple[str, ...] = AREAS,
) -> Table:
    rows: list[list[str | tuple[str, int]]] = [
        ["片区", *(f"{name}（{unit}）" for name, unit in INDICATORS)]
    ]
    for area, row in zip(areas, figures, strict=True):
        rows.append([area, *(str(x) for x in row)])
    sums = total or tuple(sum(col) for col in zip(*figures, strict=True))
    rows.append(["合计", *(str(x) for x in sums)])
    t = make_table(rows, header_rows=1, section=SECTION)
    return _on_page(replace(t, caption=caption), page)


def rate_table(
    caption: str = "表2-3 各片区服务指标完成率",
    over: dict[tuple[int, int], str] | None = None,
    targets: tuple[tuple[int, ...], ...] = TARGETS,
    page: int = 4,
) -> Table:
    rows: list[list[str | tuple[str, int]]] = [["片区", *(name for name, _ in INDICATORS)]]
    for i, (area, done) in enumerate(zip(AREAS, DONE, strict=True)):
        rates = [(over or {}).get((i, j), _rate(d, targets[i][j])) for j, d in enumerate(done)]
        rows.append([area, *rates])
    totals_t = [sum(col) for col in zip(*targets, strict=True)]
    totals_d = [sum(col) for col in zip(*DONE, strict=True)]
    rows.append(["合计", *(_rate(d, t) for d, t in zip(totals_d, totals_t, strict=True))])
    t = make_table(rows, header_rows=1, section=SECTION)
    return _on_page(replace(t, caption=caption), page)


def three_tables(
    targets: tuple[tuple[int, ...], ...] = TARGETS,
    done_total: tuple[int, ...] | None = None,
    over: dict[tuple[int, int], str] | None = None,
) -> tuple[Table, Table, Table]:
    return (
        count_table("表2-1 各片区服务指标协议量", targets),
        count_table("表2-2 各片区服务指标完成量", DONE, total=done_total),
        rate_table(over=over),
    )


def _alarms(report: Report) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.rule, f.printed, f.expected)
        for f in report.findings
        if f.severity in ("error", "warning")
    ]


def test_three_tables_of_one_measure_each_are_read_as_one_set_of_rows() -> None:
    report = report_of(*three_tables())
    rows = {(r.area, r.indicator): r for r in report.indicators.rows}
    assert len(rows) == len(report.indicators.rows) == 4 * 3
    assert {r.table for r in rows.values()} == {"表2-2"}  # the done table's label
    west = rows[("西岭片区", "home_visits")]
    assert west.measure == "count"  # 入户探访（人次）, though the rate table prints no unit
    assert west.target is not None and west.target.printed == "300"
    assert west.done is not None and west.done.printed == "297"
    assert west.pct is not None and west.pct.printed == "99.00%"
    registered = rows[("北坡片区", "registered")]
    assert registered.measure == "households"  # the counts' unit, not the rate's default
    # each cell where its own table printed it
    assert west.target.prov is not None and west.target.prov.page == 3
    assert west.pct.prov is not None and west.pct.prov.page == 4
    assert west.done.prov is not None
    assert west.target.prov.bbox == west.done.prov.bbox  # same place, another table
    (read,) = report.indicators.reads
    assert read.table == "表2-2" and read.trusted and read.pages == [3, 4]
    assert not any(p.code == "problem.table_uncertain" for p in report.problems)
    assert _alarms(report) == []


def test_a_rate_ten_points_high_in_the_rate_table_is_found() -> None:
    report = report_of(*three_tables(over={(1, 2): "132.00%"}))
    assert _alarms(report) == [("pct.row", "132.00%", "122.00%")]


def test_a_total_ten_over_in_the_done_table_is_found() -> None:
    sums = [sum(col) for col in zip(*DONE, strict=True)]
    sums[2] += 10
    report = report_of(*three_tables(done_total=tuple(sums)))
    got = {(rule, printed, expected) for rule, printed, expected in _alarms(report)}
    assert ("sum.area_total", "175", "165") in got


def test_rates_that_do_not_fit_the_joined_counts_are_a_problem_not_findings() -> None:
    # the targets table's 入户探访 and 个案服务 columns typed the other way round: most
    # of both indicators' rates are out, while each table's own 合计 still adds up
    swapped = tuple((a, c, b) for a, b, c in TARGETS)
    report = report_of(*three_tables(targets=swapped))
    (read,) = report.indicators.reads
    assert not read.trusted
    assert any("入户探访" in d and "表2-1" in d for d in read.doubts_zh)
    assert any(p.code == "problem.table_uncertain" for p in report.problems)
    assert _alarms(report) == []


def test_tables_of_other_rows_are_not_joined() -> None:
    targets, _, rates = three_tables()
    other = ("东湖片区", "西岭片区", "南湾片区")  # one 片区 not the others'
    done = count_table("表2-2 各片区服务指标完成量", DONE, areas=other)
    report = report_of(targets, done, rates)
    # nothing joins: the rates stand alone and say they cannot be recomputed, the
    # targets and the done figures (no indicator table alone) are not read
    assert {r.table for r in report.indicators.rows} == {"表2-3"}
    assert all(r.target is None and r.done is None for r in report.indicators.rows)
    (read,) = report.indicators.reads
    assert not read.trusted
    assert _alarms(report) == []


def test_a_done_table_alone_is_still_no_indicator_table() -> None:
    report = report_of(count_table("表2-2 各片区服务指标完成量", DONE))
    assert report.indicators.rows == [] and report.indicators.reads == []
