"""A roster that prints no 序号 (姓名 │ 岗位 │ 持证 │ 1月 … 12月 │ 小计, the luoxi family of
corpora/closed): each person's number is the row's place in the roster, ✓ is on post and
✗ an explicit absence worth 0, the group is certified unless the 持证 cell is a
no-certificate word. On small synthetic tables (no PDF), beside the corpus figures in
tests/known_mismatches_closed.yaml."""

from __future__ import annotations

import datetime as dt

from extractor.checks import check_report
from extractor.checks.roster import mark_value
from extractor.document.model import Table, TableCell
from extractor.passes.roster import is_roster, read_roster
from extractor.records import Meta, Period, Report, Source, Staffing

HEADER = ["姓名", "岗位", "持证", "1月", "2月", "3月", "小计"]


def _table(rows: list[list[str]]) -> Table:
    """A ruled grid, one header row; a row of one string spans the whole width."""
    width = len(rows[0])
    cells = []
    for i, row in enumerate(rows):
        span = width if len(row) == 1 else 1
        for j, text in enumerate(row):
            box = (10.0 * j, 10.0 * i, 10.0 * (j + span), 10.0 * i + 10)
            cells.append(TableCell(i, j, text, 1, box, colspan=span))
    return Table(cells, len(rows), width, 1, [(h,) for h in rows[0]], True)


ROWS = [
    HEADER,
    ["甲", "项目主任", "中级社工师", "✓", "✓", "✓", "3"],
    ["乙", "社工", "无", "✓", "✓", "✓", "3"],
    ["丙", "社工", "助理社工师", "✗", "✓", "✓", "2"],
    ["丁", "社工", "助理社工师", "✓", "✓", "✓", "3"],
]


def _report(rows: list[list[str]]) -> Report:
    people, totals, _ = read_roster([_table(rows)])
    period = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31), months=3)
    return Report(
        source=Source(file="t.pdf"),
        meta=Meta(assessment_period=period),
        staffing=Staffing(roster=people, roster_totals=totals),
    )


def test_a_roster_without_seq_numbers_its_people_by_their_place() -> None:
    assert is_roster(_table(ROWS))
    people, totals, rate = read_roster([_table(ROWS)])
    assert [(p.seq, p.name, p.group, p.position, p.qualification) for p in people] == [
        (1, "甲", "certified", "项目主任", "中级社工师"),
        (2, "乙", "uncertified", "社工", "无"),
        (3, "丙", "certified", "社工", "助理社工师"),
        (4, "丁", "certified", "社工", "助理社工师"),
    ]
    assert people[2].marks == ["✗", "✓", "✓"]
    assert [p.on_post.value if p.on_post else None for p in people] == [3, 3, 2, 3]
    assert totals == [] and rate is None  # no 合计 line: no totals


def test_summary_and_group_lines_are_no_people() -> None:
    """A 合计 line and a group label row across the table are not persons; the people
    keep their places (1, 2, 3) and the label row gives its group."""
    rows = [
        HEADER,
        ["非持证社工"],
        ["乙", "社工", "", "✓", "✓", "✓", "3"],
        ["戊", "社工", "", "✓", "✗", "✓", "2"],
        ["合计", "", "", "2", "1", "2", "5"],
    ]
    people, totals, _ = read_roster([_table(rows)])
    assert [(p.seq, p.name, p.group) for p in people] == [
        (1, "乙", "uncertified"),
        (2, "戊", "uncertified"),
    ]
    assert [(t.scope, t.on_post.value if t.on_post else None) for t in totals] == [("all", 5)]


def test_a_name_list_without_month_columns_is_no_roster() -> None:
    """姓名 alone is not enough: a roster without 序号 has its month columns."""
    assert not is_roster(_table([["姓名", "岗位", "持证"], ["甲", "社工", "无"]]))
    assert not is_roster(_table([["姓名", "1月", "2月"], ["甲", "✓", "✓"]]))


def test_an_absence_mark_is_worth_nothing_also_on_a_scan() -> None:
    for mark in ("✗", "×", "✘"):
        assert mark_value(mark) == 0
        assert mark_value(mark, ocr=True) == 0
    assert mark_value("✓", ocr=True) == 1
    assert mark_value("V", ocr=True) is None  # a mark no roster prints: unknown on a scan


def test_a_subtotal_a_month_short_of_its_marks_is_an_error() -> None:
    rows = [*ROWS[:3], ["丙", "社工", "助理社工师", "✗", "✓", "✓", "1"], ROWS[4]]
    found = [f for f in check_report(_report(rows)).findings if f.severity == "error"]
    assert [(f.rule, f.locations[0].ref, f.printed, f.expected) for f in found] == [
        ("roster.person", "roster/certified/3/on_post", "1", "2")
    ]
    assert check_report(_report(ROWS)).findings == []


def test_marks_missing_most_subtotals_are_a_misread_not_findings() -> None:
    """Every 小计 one over its marks (a mark column lost from the read): the read is in
    doubt, so the record gets a problem and the 小计 are not checkable."""
    rows = [HEADER, *([*r[:6], str(int(r[6]) + 1)] for r in ROWS[1:])]
    result = check_report(_report(rows))
    assert [f for f in result.findings if f.severity in ("error", "warning")] == []
    assert result.problems
    assert all("month columns misread" in p.message for p in result.problems)
