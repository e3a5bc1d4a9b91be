"""Indicator tables read by header paths, on small synthetic tables (no PDF needed):
the layouts seen in the family, plus variants (a 序号 column, one indicator per row with
its unit in brackets)."""

from __future__ import annotations

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.indicators import _appendix_of
from extractor.passes.tables.read import read_table
from extractor.records import IndicatorRow


def table_rows(t: Table) -> list[IndicatorRow]:
    return read_table(t, _appendix_of(t), frozenset()).rows


def make_table(rows: list[list[str | tuple[str, int]]], header_rows: int, section: str) -> Table:
    """rows of cell texts; (text, colspan) spans columns to the right."""
    cells: list[TableCell] = []
    n_cols = 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            text, span = (item, 1) if isinstance(item, str) else item
            if text != "\x00":  # placeholder under a span from the row above
                cells.append(
                    TableCell(
                        r,
                        c,
                        text,
                        1,
                        (c * 40.0, r * 20.0, (c + span) * 40.0, r * 20.0 + 20),
                        1,
                        span,
                    )
                )
            c += span
        n_cols = max(n_cols, c)
    t = Table(cells, len(rows), n_cols, header_rows, [], True, section=(section,), pages=[1])
    t.columns = column_paths(t)
    return t


def test_area_table_with_a_leading_number_column() -> None:
    t = make_table(
        [
            ["序号", "服务片区", ("电访", 3), ("专业个案", 3)],
            ["", "", "协议量", "完成量", "百分比", "协议节数", "完成量", "百分比"],
            ["1", "一片区", "938", "2836", "302.35%", "300", "274", "91.33%"],
            ["2", "二片区", "600", "480", "80.00%", "180", "173", "96.11%"],
            ["", "合计", "1538", "3316", "215.60%", "480", "447", "93.13%"],
        ],
        header_rows=2,
        section="附件1-1",
    )
    rows = table_rows(t)
    got = {(r.area, r.indicator, r.measure): (r.target, r.done, r.pct) for r in rows}
    tgt, done, pct = got[("合计", "casework", "sessions")]
    assert (tgt and tgt.value, done and done.value, pct and pct.printed) == (480, 447, "93.13%")
    assert got[("一片区", "phone_visits", "count")][1].value == 2836  # type: ignore[union-attr]
    assert {r.area for r in rows} == {"一片区", "二片区", "合计"}


def test_one_indicator_per_row_with_units_in_brackets() -> None:
    t = make_table(
        [
            ["服务指标", "计划数", "实际完成", "完成率"],
            ["个案接案（个）", "15", "18", "120.00%"],
            ["个案面谈（节）", "60", "66", "110.00%"],
            ["社区活动（人次）", "1200", "1386", "115.50%"],
        ],
        header_rows=1,
        section="附件1",
    )
    got = [(r.indicator, r.measure, r.done and r.done.printed) for r in table_rows(t)]
    assert got == [
        ("casework", "opened", "18"),
        ("casework", "sessions", "66"),
        ("community_events", "attendances", "1386"),
    ]


def test_not_applicable_cells_keep_their_slash() -> None:
    t = make_table(
        [
            ["服务片区", ("咨询个案", 3)],
            ["", "协议量", "完成量", "百分比"],
            ["一片区", "/", "/", "/"],
        ],
        header_rows=2,
        section="附件1-1",
    )
    (row,) = table_rows(t)
    assert row.not_applicable and row.target is not None
    assert (row.target.printed, row.target.value) == ("/", None)


def test_area_labels_numbered_or_named() -> None:
    from extractor.areas import area_key, area_label

    assert area_label("1.片区一社工点服务情况") == "片区一"
    assert area_label("（三）第二片区服务情况") == "第二片区"
    assert area_label("2.增埗片区社工点服务情况") == "增埗片区"
    assert area_label("（三）各片区服务开展情况") is None
    assert area_label("划分了三个片区") is None
    assert area_key("第二片区") == area_key("二片区") == area_key("片区2") == "片区2"
    assert area_key("增埗片区") == "增埗片区"


def test_named_areas_make_an_area_table() -> None:
    t = make_table(
        [
            ["片区", ("入户探访", 3)],
            ["", "协议量", "完成量", "百分比"],
            ["增埗片区", "500", "908", "181.60%"],
            ["西湾片区", "300", "348", "116.00%"],
            ["合计", "800", "1256", "157.00%"],
        ],
        header_rows=2,
        section="附件1-1",
    )
    assert [r.area for r in table_rows(t)] == ["增埗片区", "西湾片区", "合计"]


def test_cells_printing_their_unit_and_a_rate_column_without_one() -> None:
    """A wide table whose count cells print their unit (128人次) and whose rate column
    prints none: the unit names the measure, and the rate joins its group's row."""
    t = make_table(
        [
            ["片区", ("困难群众建档", 3), ("小组服务", 3)],
            ["", "协议量", "完成量", "完成率", "协议量", "完成量", "完成率"],
            ["合计", "1325户", "1806户", "136.30%", "1175人次", "1298人次", "110.47%"],
            ["水井片区", "315户", "277户", "87.94%", "105人次", "174人次", "165.71%"],
        ],
        2,
        "服务指标完成情况",
    )
    got = {
        (r.area, r.indicator, r.measure): tuple(
            c.value if c else None for c in (r.target, r.done, r.pct)
        )
        for r in table_rows(t)
    }
    assert got == {
        ("合计", "registered", "households"): (1325, 1806, 136.30),
        ("合计", "groups", "attendances"): (1175, 1298, 110.47),
        ("水井片区", "registered", "households"): (315, 277, 87.94),
        ("水井片区", "groups", "attendances"): (105, 174, 165.71),
    }
    printed = next(r for r in table_rows(t) if r.area == "合计" and r.indicator == "groups")
    assert printed.done is not None and printed.done.printed == "1298人次"


def test_long_table_of_posts_with_remarks_after_rates() -> None:
    """片区 │ 社工点 │ 服务指标 │ 协议量 │ 完成量 │ 完成率, rates above 100% followed by
    （超额）: an indicator named loosely in the 服务指标 column (小组工作) is still the
    row's indicator beside a 社工点 label."""
    t = make_table(
        [
            ["片区", "社工点", "服务指标", "协议量", "完成量", "完成率"],
            ["东湖路片区", "紫荆社区", "小组工作（个）", "2", "3", "150.00%（超额）"],
            ["", "", "入户探访（次）", "150", "148", "98.67%"],
            ["", "小计", "小组工作（个）", "2", "3", "150.00%（超额）"],
            ["", "", "入户探访（次）", "150", "148", "98.67%"],
        ],
        1,
        "附件",
    )
    got = {
        (r.scope, r.post, r.indicator, r.measure): tuple(
            c.value if c else None for c in (r.target, r.done, r.pct)
        )
        for r in table_rows(t)
    }
    assert got[("post", "紫荆社区", "groups", "count")] == (2, 3, 150.0)
    assert got[("post", "紫荆社区", "home_visits", "count")] == (150, 148, 98.67)
    assert got[("area", None, "groups", "count")] == (2, 3, 150.0)


def test_station_table_with_a_year_and_a_period_target() -> None:
    """年度指标 │ 中期指标 │ 完成量 │ 完成率: the rate is against the period's target, so
    that one is the row's target; a row whose rate fits neither (a misprinted rate)
    takes the column the other rows' rates are against."""
    t = make_table(
        [
            ["服务领域", "服务指标", "单位", "年度指标", "中期指标", "完成量", "完成率"],
            ["兜底民生服务", "困难群众建档", "户", "970", "485", "902", "186%"],
            ["", "电话慰问", "次", "2280", "1140", "2137", "187%"],
            ["专业服务", "个案面谈", "节", "300", "150", "196", "98%"],
        ],
        header_rows=1,
        section="服务指标完成情况",
    )
    t.caption = "表一 服务指标完成情况"
    got = {
        (r.indicator, r.measure): (r.target.printed if r.target else None, r.pct and r.pct.printed)
        for r in table_rows(t)
    }
    assert got == {
        ("registered", "households"): ("485", "186%"),
        ("phone_visits", "count"): ("1140", "187%"),
        ("casework", "sessions"): ("150", "98%"),
    }
    assert {r.table for r in table_rows(t)} == {"表一"}
    assert read_table(t, "表一", frozenset()).doubts == []
