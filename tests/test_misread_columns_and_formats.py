"""Misreads of whole columns and of a line's format, put to the finding guard
(extractor.checks.readings): a 片区's column group read with its 协议量/完成量 the wrong way
round in every indicator (`misread.area_group_swapped`), one role's columns of two
neighbouring indicator groups swapped in every row (`misread.group_columns_swapped`), a
line's 协议量 cells alone read one group off (`misread.line_shifted` on one role's cells),
and a figure printed in another column's format — a rate as a whole number, a count as a
percentage — as a line read one column off puts it (`misread.role_format`). Each must be a
problem and a not-checkable figure, never a finding; a published slip of the same shape
(one row's two figures swapped, one figure mistyped, one rate off) must stay a finding.
Found by mutating the corpus's clean tables (tests/robustness/misreads.py)."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.records import Finding, IndicatorRow, Indicators, Report
from tests.test_checks_rules import report
from tests.test_misread_lines_and_groups import LINES, _alarms, _cell, _table

# three groups on a line, for a role's cells read one group off
GROUPS3 = (("casework", "专业个案", "sessions"), ("groups", "小组活动", "count"))
GROUPS3 += (("community_events", "社区活动", "count"),)
EVENTS = {"一片区": ("10", "12", "120.00%"), "二片区": ("8", "8", "100.00%")}
EVENTS |= {"三片区": ("6", "9", "150.00%"), "合计": ("24", "29", "120.83%")}


def _table3(second: tuple[tuple[str, str, str], ...]) -> Report:
    """LINES with a third group, 二片区's line as `second` has it read."""
    rows: list[IndicatorRow] = []
    for k, area in enumerate(LINES):
        line = second if area == "二片区" else (*LINES[area], EVENTS[area])
        for g, ((ind, label, measure), figs) in enumerate(zip(GROUPS3, line, strict=True)):
            t, d, p = (_cell(x, k, 3 * g + i) for i, x in enumerate(figs))
            rows.append(
                IndicatorRow(
                    table="附件1",
                    area=area,
                    indicator=ind,
                    label=label,
                    measure=measure,
                    target=t if t.printed else None,
                    done=d if d.printed else None,
                    pct=p if p.printed else None,
                )
            )
    return report(indicators=Indicators(rows=rows))


def _explained(r: Report, ref: str, words: str) -> None:
    """`ref` is a problem naming the reading, not a finding."""
    res = check_report(r)
    assert ref not in {f.locations[0].ref for f in res.findings if f.severity != "info"}
    said = [p.message for p in res.problems if ref in p.message]
    assert said and words in said[0], said


def _ruled(f: Finding, code: str) -> list[str]:
    return [x.text for x in f.ruled_out if x.code == code]


PCT = "indicators/附件1/二片区/casework/sessions/pct"


def test_an_areas_column_group_read_the_wrong_way_round_is_no_finding() -> None:
    # 二片区's 协议量 and 完成量 taken the wrong way round in both indicators
    r = _table(dict(LINES, 二片区=(("173", "180", "96.11%"), ("27", "30", "90.00%"))))
    assert _alarms(r) == []
    _explained(r, PCT, "the target and done columns of 二片区 swapped in every indicator")


def test_one_rows_figures_printed_the_wrong_way_round_stay_a_finding() -> None:
    r = _table(dict(LINES, 二片区=(("173", "180", "96.11%"), ("30", "27", "90.00%"))))
    rate = next(f for f in _alarms(r) if f.locations[0].ref == PCT)
    assert any("still inconsistent" in t for t in _ruled(rate, "misread.area_group_swapped"))


def test_two_groups_target_columns_swapped_in_every_row_are_no_finding() -> None:
    # 专业个案's 协议量 column read under 小组活动's and the other way round
    swapped = {
        area: ((g2[0], g1[1], g1[2]), (g1[0], g2[1], g2[2])) for area, (g1, g2) in LINES.items()
    }
    r = _table(swapped)
    assert _alarms(r) == []
    _explained(r, PCT, "the target columns of 专业个案 and 小组活动 swapped in every row")


def test_one_target_mistyped_as_the_other_groups_stays_a_finding() -> None:
    r = _table(dict(LINES, 二片区=(("30", "173", "96.11%"), ("30", "27", "90.00%"))))
    rate = next(f for f in _alarms(r) if f.locations[0].ref == PCT)
    assert all("still inconsistent" in t for t in _ruled(rate, "misread.group_columns_swapped"))


def test_a_lines_targets_read_one_group_off_are_no_finding() -> None:
    # the 协议量 cells of 二片区 alone moved one group left (its 完成量 printed with the
    # rate, read apart): 社区活动's 协议量 slot empty
    line = (("30", "173", "96.11%"), ("8", "27", "90.00%"), ("", "8", "100.00%"))
    assert _alarms(_table3((*LINES["二片区"], EVENTS["二片区"]))) == []
    r = _table3(line)
    assert _alarms(r) == []
    _explained(r, PCT, "read one column off")


def test_a_rate_off_beside_an_unread_target_stays_a_finding() -> None:
    # one rate mistyped on a line whose last 协议量 was not read: moving the 协议量 cells
    # breaks the other rates
    line = (("180", "173", "97.11%"), ("30", "27", "90.00%"), ("", "8", "100.00%"))
    (f,) = _alarms(_table3(line))
    assert f.locations[0].ref == PCT


def test_a_rate_printed_as_a_whole_number_or_a_count_as_a_percentage_is_no_finding() -> None:
    # the count read into the rate column (no %, no decimals, the table's rates print %)
    r = _table(dict(LINES, 二片区=(("180", "173", "180173"), LINES["二片区"][1])))
    assert _alarms(r) == []
    _explained(r, PCT, "printed as another column's")
    # the rate read into the 完成量 column beside a plain 协议量
    r = _table(dict(LINES, 二片区=(("180", "96.11%", "96.11%"), LINES["二片区"][1])))
    assert _alarms(r) == []
    _explained(r, PCT, "printed as another column's")


def test_a_mistyped_rate_in_its_columns_format_stays_a_finding() -> None:
    r = _table(dict(LINES, 二片区=(("180", "173", "97.11%"), LINES["二片区"][1])))
    (f,) = _alarms(r)
    assert f.locations[0].ref == PCT
    (why,) = _ruled(f, "misread.role_format")
    assert "every figure stands in its column's format" in why
