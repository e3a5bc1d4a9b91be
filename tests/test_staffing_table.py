"""Head counts printed only in a staffing table (岗位 │ 持证社工 › 中级社工师 │ 助理社工师 │
小计 │ 未持证社工 │ 合计, a row per 岗位 and a 合计 row): the 合计 row's figures are the
counts; a table whose first column is not headed as the posts, or with no 合计 row, gives
none. The read carries its self-consistency: a table whose lines were read rotated is not
trusted and its counts are not checkable, while one figure mistyped in it stays a
finding. Synthetic tables."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.staffing import staffing_table, table_figures
from extractor.records import Report, Staffing
from tests.test_checks_rules import report

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
    # (a table by 片区 is one: tests/test_ratio_weights_letter_grades.py)
    other = [["服务项目" if x == "岗位" else x for x in row] for row in (HEAD1, HEAD2)]
    assert table_figures([_table([*other, *BODY])]) == {}
    assert table_figures([_table([HEAD1, HEAD2, *BODY[:2]])]) == {}


def _read(body: list[list[str]]) -> Report:
    """The report of the table's head counts, as the staffing pass takes them."""
    got = staffing_table([_table([HEAD1, HEAD2, *body])])
    assert got is not None
    figures, read = got
    return report(staffing=Staffing(**figures, table_read=read))


def _subcount(r: Report) -> tuple[list[str], list[str]]:
    """The staffing.subcount findings' refs and the refs the rule could not check."""
    checked = check_report(r)
    found = [f.locations[0].ref for f in checked.findings if f.rule == "staffing.subcount"]
    cov = next(c for c in checked.coverage if c.rule == "staffing.subcount")
    return found, [s.ref for s in cov.skipped]


def _rotated(line: list[str]) -> list[str]:
    """Every figure one column to the right, the last to the front."""
    return [line[0], line[-1], *line[1:-1]]


def test_a_table_read_whole_is_trusted_and_checked() -> None:
    r = _read(BODY)
    read = r.staffing.table_read
    assert read is not None and read.trusted
    # each line's 中级 + 助理 = 小计 and 小计 + 未持证 = 合计, each column's 合计 line
    assert (read.relations, read.consistent) == (3 * 2 + 5, 11)
    assert _subcount(r) == ([], [])


def test_lines_read_rotated_are_not_checkable_not_a_finding() -> None:
    r = _read([_rotated(line) for line in BODY])
    read = r.staffing.table_read
    assert read is not None and not read.trusted
    assert read.doubts and "share no figure" in read.doubts[0]
    found, skipped = _subcount(r)
    assert found == []
    assert skipped == ["staffing/total_count", "staffing/certified_count"]


def test_one_subtotal_off_by_one_stays_a_finding() -> None:
    # the 合计 line's 小计 printed 8 for 7: the relations it breaks all pass through it
    body = [*BODY[:2], ["合计", "3", "4", "8", "4", "11"]]
    r = _read(body)
    read = r.staffing.table_read
    assert read is not None and read.trusted and read.consistent == read.relations - 3
    found, skipped = _subcount(r)
    assert sorted(found) == ["staffing/certified_count", "staffing/total_count"]
    assert skipped == []


def test_a_line_off_by_one_in_its_post_row_stays_trusted() -> None:
    # a 岗位 line's 合计 printed 11 for 10: its line and its column, one figure
    body = [BODY[0], ["社工", "2", "4", "6", "4", "11"], BODY[2]]
    read = _read(body).staffing.table_read
    assert read is not None and read.trusted
