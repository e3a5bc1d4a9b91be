"""The indicator table printed twice, for two periods (an earlier stage's figures above
this period's, the same 片区 rows and indicators): the captions tell which is the
report's (累计 / 本期 / 全年 against 第一季度 / 上半年, or the month range that ends
last), the other's rows are not kept; when nothing tells, both stay and a narrative
figure is compared with neither where their cells differ. Besides: a 片区's share of
the station's total (占全站入户探访总量的30.4%) is no rate. Synthetic rows and
sentences, no corpus file."""

from __future__ import annotations

from extractor.checks.narrative import _tables_differ
from extractor.passes.indicators import earlier_stages
from extractor.records import Cell, IndicatorRow, NarrativeFigure
from tests.test_respectively_lists import _read

AREAS = ("东湖片区", "西岭片区", "合计")


def _rows(table: str, base: int) -> list[IndicatorRow]:
    return [
        IndicatorRow(
            table=table,
            area=a,
            indicator=ind,
            label=ind,
            measure="count",
            target=Cell(printed="100", value=100),
            done=Cell(printed=str(base + i), value=base + i),
            pct=Cell(printed=f"{base + i}.00%", value=base + i),
        )
        for i, a in enumerate(AREAS)
        for ind in ("home_visits", "community_events")
    ]


def _twice(first: str, second: str) -> set[int]:
    return earlier_stages([(first, _rows("表3-1", 40)), (second, _rows("表3-2", 90))])


def test_an_earlier_stage_above_the_years_cumulative_table_is_not_the_reports() -> None:
    assert _twice(
        "表3-1 上半年（1—6月）各片区服务指标完成情况",
        "表3-2 全年（1—12月）各片区服务指标完成情况（累计）",
    ) == {0}


def test_in_a_mid_term_report_the_half_year_cumulative_table_is_the_reports() -> None:
    # 上半年 is a stage word, but the table saying 累计 is this period's
    assert _twice(
        "表3-1 第一季度（1—3月）各片区服务指标完成情况",
        "表3-2 上半年（1—6月）各片区服务指标完成情况（累计）",
    ) == {0}
    assert _twice(
        "表3-2 上半年（1—6月）各片区服务指标完成情况（累计）",
        "表3-1 第一季度（1—3月）各片区服务指标完成情况",
    ) == {1}


def test_the_month_range_ending_last_tells_when_no_word_does() -> None:
    assert _twice("表3-1 1—3月各片区服务指标完成情况", "表3-2 1—9月各片区服务指标完成情况") == {0}


def test_when_nothing_tells_both_tables_stay() -> None:
    assert _twice("表3-1 各片区服务指标完成情况", "表3-2 各片区服务指标完成情况") == set()
    assert _twice("表3-1 第一季度服务指标", "表3-2 第二季度服务指标") == set()


def test_tables_of_other_indicators_are_no_pair() -> None:
    other = [r.model_copy(update={"indicator": "casework"}) for r in _rows("表4", 10)]
    got = earlier_stages([("表3 上半年指标完成情况", _rows("表3", 40)), ("表4 全年个案", other)])
    assert got == set()


def test_a_station_figure_is_compared_with_neither_of_two_differing_totals() -> None:
    fig = NarrativeFigure(indicator="home_visits", measure="count", value=92, printed="92")
    totals = [r for r in (*_rows("表3-1", 40), *_rows("表3-2", 90)) if r.area == "合计"]
    assert _tables_differ([r for r in totals if r.indicator == "home_visits"], fig)
    one = [r for r in _rows("表3-2", 90) if r.area == "合计" and r.indicator == "home_visits"]
    assert not _tables_differ(one, fig)


def test_a_share_of_the_stations_total_is_no_rate() -> None:
    got = _read(
        "分片区看，桂园片区入户探访完成725人次，完成率115.08%，占全站入户探访总量的30.4%，"
        "居各片区首位；望湖片区个案服务完成237节，完成率182.31%，占全站个案服务总量的24.9%。"
    )
    assert [(k, v) for _, k, v, _ in got] == [
        ("done", 725.0),
        ("pct", 115.08),
        ("done", 237.0),
        ("pct", 182.31),
    ]
