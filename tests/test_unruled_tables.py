"""Three-line (unruled) tables of generated reports: grid, header paths, body cells, and a
table continued over a page break joined into one."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.document.build import build_document
from extractor.document.model import Document, Table
from extractor.pdf.clusters import connected
from extractor.pdf.pages import read_pages
from extractor.pdf.tables import RawTable, TableSettings, find_tables
from extractor.pdf.unruled import UnruledSettings
from extractor.pdf.unruled.columns import _Extents, _straddles
from extractor.pdf.unruled.header import _x_overlapping
from extractor.pdf.unruled.tokens import Token, TokenLine

GEN = Path(__file__).resolve().parents[1] / "corpora" / "generated"


@cache
def _doc(name: str) -> Document:
    return build_document(GEN / f"{name}.pdf")


def _unruled(name: str) -> list[Table]:
    return [t for t in _doc(name).tables if not t.ruled]


def _row(t: Table, first: str) -> list[tuple[str, int]]:
    """(text, page) of every grid position of the body row whose first cell is `first`."""
    for row in t.body():
        if row[0] is not None and re.sub(r"\s+", "", row[0].text) == first:
            return [(c.text, c.page) if c else ("", 0) for c in row]
    raise AssertionError(f"no row {first!r}")


def _col(t: Table, path: tuple[str, ...]) -> int:
    return t.columns.index(path)


def test_gen_001_indicator_table_joined_over_page_break() -> None:
    tables = _unruled("gen_001")
    assert len(tables) == 3
    first = tables[0]
    assert first.pages == [10, 11]
    assert first.n_cols == 23
    assert first.columns[0] == ("服务片区",)
    assert first.columns[1] == ("投入社工人数",)
    assert first.columns[5] == ("电访", "协议量")
    assert first.columns[14] == ("专业个案", "接案", "协议接案数")
    assert first.columns[19] == ("专业个案", "节数", "百分比")
    row = _row(first, "片区一")
    assert row[_col(first, ("电访", "完成量"))] == ("611", 10)
    assert row[_col(first, ("电访", "百分比"))] == ("179.18%", 10)
    # the 合计 row printed at the top of page 11 with no header over it
    total = _row(first, "合计")
    assert total[_col(first, ("入户探访", "百分比"))] == ("148.47%", 11)
    assert total[_col(first, ("咨询个案", "协议量"))] == ("/", 11)


def test_gen_001_second_indicator_table_and_roster() -> None:
    tables = _unruled("gen_001")
    groups = tables[1]
    assert groups.pages == [11]
    assert groups.n_cols == 23
    assert groups.columns[2] == ("专业小组", "个数", "协议个数")
    assert groups.columns[15] == ("社区活动", "人次", "完成量")
    assert _row(groups, "片区一")[15] == ("1531", 11)

    roster = tables[2]
    assert roster.n_cols == 38
    assert roster.columns[4] == ("合同期限",)
    assert roster.columns[5] == ("2021年12月", "人员到位")
    assert roster.columns[-1] == ("备注",)
    # wrapped, vertically centred cells stay in their row
    row = _row(roster, "7")
    assert row[1][0] == "彭涛"
    assert row[3][0] == "已接受社会工作行业组织管理、培训且获得相关证书"
    assert row[4][0] == "2020.11.01-2024.11.29"
    assert row[36][0] == "10"


def test_gen_012_tables_split_and_joined() -> None:
    tables = _unruled("gen_012")
    assert len(tables) == 12
    assert [t.pages for t in tables[:2]] == [[12, 13], [13]]
    # nine one-row tables drawn one under the other, each under its own caption
    small = tables[2:11]
    assert all(t.n_cols == 3 and t.n_rows == 2 for t in small)
    assert all(t.columns == [("指标要求",), ("完成情况",), ("完成百分比",)] for t in small)
    meeting = next(t for t in small if t.caption == "会议时数")
    assert [c.text for c in meeting.body()[0] if c] == ["613", "739", "120.55%"]
    # the roster runs on to page 16 with no rule above its continuation
    roster = tables[11]
    assert roster.pages == [15, 16]
    assert roster.n_cols == 38
    row = _row(roster, "27")
    assert row[1] == ("王雯", 16)
    assert row[-3][0] == "1"


@pytest.mark.parametrize(
    ("name", "n_tables", "area_rows"),
    [("gen_019", 2, ["片区一", "片区二", "合计"]), ("gen_029", 2, ["合计"])],
)
def test_indicator_tables_without_roster(name: str, n_tables: int, area_rows: list[str]) -> None:
    tables = _unruled(name)
    assert len(tables) == n_tables
    for t in tables:
        assert t.n_cols == 23
        assert t.columns[1] == ("投入社工人数",)
        for area in area_rows:
            assert len(_row(t, area)) == 23
    assert tables[0].columns[20] == ("专业个案", "结案", "协议结案数")
    assert tables[1].columns[22] == ("中小型活动", "人次", "百分比")


def test_settings_are_checked_and_change_what_is_read() -> None:
    """The reader's tolerances are validated, and the ones given are the ones used: with
    rules required longer than any page is wide, no three-line table is found."""
    with pytest.raises(ValueError, match="dense_share"):
        UnruledSettings(dense_share=1.5)
    with pytest.raises(ValueError, match="min_cells"):
        UnruledSettings(min_cells=0)
    with pytest.raises(ValueError, match="same_line_h"):
        UnruledSettings(same_line_h=float("nan"))
    pages = read_pages(GEN / "gen_001.pdf")
    page = next(p for p in pages if p.number == 10)

    def unruled(settings: TableSettings) -> list[RawTable]:
        found = find_tables(page.number, page.rules, page.glyphs, settings, page.shades)
        return [t for t in found if not t.ruled]

    assert len(unruled(TableSettings())) >= 1
    assert unruled(TableSettings(unruled=UnruledSettings(min_rule=10_000.0))) == []


_EDGE = st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 5.0, 8.0, 10.0])
_WIDTH = st.sampled_from([0.0, 0.5, 1.0, 3.0, 7.0])


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.tuples(_EDGE, _WIDTH), min_size=1, max_size=7),
    _EDGE,
    st.sampled_from([-1.0, 0.0, 2.0, 6.0]),
)
def test_straddled_by_bisection_as_by_the_scan(
    extents: list[tuple[float, float]], lo: float, width: float
) -> None:
    """A line's tokens asked whether two of them overlap (lo, hi): the bisections of
    `_Extents` (ends ascending, or not: then the scan) answer as the scan does."""
    line = _Extents(TokenLine([Token([], x0, x0 + w, 0.0, 1.0) for x0, w in sorted(extents)]))
    assert line.straddled(lo, lo + width) == _straddles(lo, lo + width, line.spans)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_EDGE, _WIDTH, st.sampled_from([0.0, 5.0, 10.0, 12.0])), max_size=12))
def test_header_words_grouped_from_x_overlapping_pairs_as_from_all(
    boxes: list[tuple[float, float, float]],
) -> None:
    """Stacked header words grouped from the pairs `_x_overlapping` gives: the groups that
    asking every pair gives (no pair outside them overlaps in x)."""
    toks = [Token([], x0, x0 + w, top, top + 4.0) for x0, w, top in boxes]

    def stacked(a: Token, b: Token) -> bool:
        return abs(a.top - b.top) <= 6.0 and a.x0 < b.x1 and b.x0 < a.x1

    groups = connected(toks, stacked, _x_overlapping(toks))
    assert [[id(t) for t in g] for g in groups] == [
        [id(t) for t in g] for g in connected(toks, stacked)
    ]
