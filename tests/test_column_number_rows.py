"""A row under an indicator table's header that numbers its columns (栏次 │ 1 │ 2 │ 3=2÷1
…), and completions printed as ratios under 完成比: the numbering row is no 片区's row
and is not read; 完成比 names the rate column, whose ratios (1.07) are read as 107%.
Small synthetic tables, not the corpus files."""

from __future__ import annotations

from extractor.document.model import TableCell
from extractor.passes.tables.paths import column_number_row
from tests.test_passes_indicators import make_table, table_rows


def _cells(texts: list[str]) -> list[TableCell | None]:
    return [
        TableCell(0, c, t, 1, (c * 40.0, 0.0, c * 40.0 + 40, 20.0), 1, 1) if t else None
        for c, t in enumerate(texts)
    ]


def test_numbering_rows() -> None:
    assert column_number_row(_cells(["栏次", "1", "2", "3=2÷1", "4", "5", "6=5÷4"]))
    # a known label without formulae, formulae without a label
    assert column_number_row(_cells(["栏次", "1", "2", "3", "4"]))
    assert column_number_row(_cells(["", "1", "2", "3＝2/1"]))
    assert column_number_row(_cells(["列号", "1", "2", "3"]))


def test_rows_that_do_not_number_columns() -> None:
    # a 片区 row of small figures counting up, with no formula: a row like any other
    assert not column_number_row(_cells(["一片区", "1", "2", "3"]))
    # not counting from 1, or not by one
    assert not column_number_row(_cells(["栏次", "2", "3", "4=3÷2"]))
    assert not column_number_row(_cells(["栏次", "1", "3", "4=3÷1"]))
    # too few numbers; figures with decimals
    assert not column_number_row(_cells(["栏次", "1", "2=1÷1"]))
    assert not column_number_row(_cells(["栏次", "1", "2", "1.00"]))


HEADER = [
    ["片区", ("入户探访（人次）", 3), ("小组服务（节）", 3)],
    ["", "协议量", "完成量", "完成比", "协议量", "完成量", "完成比"],
]


def test_numbering_row_skipped_and_ratios_read() -> None:
    t = make_table(
        [
            *HEADER,
            ["栏次", "1", "2", "3=2÷1", "4", "5", "6=5÷4"],
            ["一片区", "550", "687", "1.25", "0", "7", "—"],
            ["二片区", "370", "553", "1.49", "27", "31", "1.15"],
            ["合计", "920", "1240", "1.35", "27", "38", "1.41"],
        ],
        header_rows=2,
        section="三、服务指标完成情况",
    )
    got = {
        (r.area, r.indicator): (
            r.target and r.target.printed,
            r.done and r.done.printed,
            r.pct and (r.pct.printed, r.pct.value),
        )
        for r in table_rows(t)
    }
    assert got == {
        ("一片区", "home_visits"): ("550", "687", ("1.25", 125.0)),
        ("一片区", "groups"): ("0", "7", ("—", None)),
        ("二片区", "home_visits"): ("370", "553", ("1.49", 149.0)),
        ("二片区", "groups"): ("27", "31", ("1.15", 115.0)),
        ("合计", "home_visits"): ("920", "1240", ("1.35", 135.0)),
        ("合计", "groups"): ("27", "38", ("1.41", 141.0)),
    }
