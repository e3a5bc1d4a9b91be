"""A table of 社区 rows in which each 片区 is introduced by a title row (its name alone in
one cell merged across every column), then its 社区 rows, then its 小计 row, 总计 last
(shuttered/jingpo's 表1 shape; names and figures invented). Read right, the title row
names the 片区 of the rows under it. Read as the first run read it (the title rows lost),
every 小计 names no 片区, so the 小计 rows fall on one row: that read must not be trusted,
and a narrative figure of a 片区 must never be compared with it (the guard is tested on
that garbled read). Also: a part of a sentence after a semicolon goes on about the 片区
its first part named."""

from __future__ import annotations

from fractions import Fraction

from extractor.checks import check_report
from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.numbers import normalise
from extractor.passes.indicators import extract_indicators
from extractor.passes.narrative import narrative_figures
from extractor.passes.tables.read import read_table
from extractor.records import Indicators, NarrativeFigure, Provenance
from tests.test_checks_rules import report
from tests.test_stacked_cells import _block, _heading

GROUPS = ("困难群众建档（户）", "个案服务（节）")
# 片区 → its 社区 rows: (name, (target, done) per group)
AREAS: dict[str, list[tuple[str, tuple[tuple[int, int], ...]]]] = {
    "东岭片区": [
        ("青石社区", ((120, 150), (40, 52))),
        ("松涛社区", ((90, 88), (30, 30))),
        ("竹溪村", ((60, 75), (25, 31))),
    ],
    "西坪片区": [
        ("柳岸社区", ((140, 161), (50, 64))),
        ("杏林社区", ((100, 104), (45, 45))),
    ],
}


def _rate(done: int, target: int) -> str:
    value = Fraction(done * 10000, target)
    return f"{int(value + Fraction(1, 2)) / 100:.2f}%"


def _figures(pairs: tuple[tuple[int, int], ...]) -> list[str]:
    return [x for t, d in pairs for x in (str(t), str(d), _rate(d, t))]


def _sum(rows: list[tuple[tuple[int, int], ...]]) -> tuple[tuple[int, int], ...]:
    return tuple(
        (sum(r[g][0] for r in rows), sum(r[g][1] for r in rows)) for g in range(len(GROUPS))
    )


def title_table(titles: bool = True) -> Table:
    """The table, its title rows spanning all 1 + 3 × groups columns; without `titles`,
    the misread as the first run had it (no 片区 named anywhere)."""
    n_cols = 1 + 3 * len(GROUPS)
    cells: list[TableCell] = []

    def cell(r: int, c: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        box = (c * 50.0, 100 + r * 16.0, (c + colspan) * 50.0, 100 + (r + rowspan) * 16.0)
        cells.append(TableCell(r, c, text, 3, box, rowspan, colspan))

    cell(0, 0, "社区", rowspan=2)
    for g, name in enumerate(GROUPS):
        cell(0, 1 + 3 * g, name, colspan=3)
        for k, role in enumerate(("协议量", "完成量", "完成率")):
            cell(1, 1 + 3 * g + k, role)
    r = 2
    subtotals: list[tuple[tuple[int, int], ...]] = []
    for area, posts in AREAS.items():
        if titles:
            cell(r, 0, area, colspan=n_cols)
            r += 1
        for name, pairs in posts:
            cell(r, 0, name)
            for k, text in enumerate(_figures(pairs), start=1):
                cell(r, k, text)
            r += 1
        subtotals.append(_sum([p for _, p in posts]))
        cell(r, 0, "小计")
        for k, text in enumerate(_figures(subtotals[-1]), start=1):
            cell(r, k, text)
        r += 1
    cell(r, 0, "总计")
    for k, text in enumerate(_figures(_sum(subtotals)), start=1):
        cell(r, k, text)
    t = Table(cells, r + 1, n_cols, 2, [], True, caption="表1 各片区（社区）服务指标完成情况")
    t.pages = [3]
    t.columns = column_paths(t)
    return t


def _document(t: Table) -> Document:
    return Document("x.pdf", "", [], [], [t], Section(title="", level=0), [])


def _rows(t: Table) -> dict[tuple[str, str | None, str | None, str], tuple[str | None, ...]]:
    got = read_table(t, "表1", frozenset())
    return {
        (r.scope or "station", r.area, r.post, r.indicator): tuple(
            c.printed if c else None for c in (r.target, r.done, r.pct)
        )
        for r in got.rows
    }


def test_a_title_row_names_the_area_of_the_rows_under_it() -> None:
    got = read_table(title_table(), "表1", frozenset())
    assert not got.doubts and not got.unsure
    rows = _rows(title_table())
    assert len(rows) == (5 + 2 + 1) * 2
    assert rows[("post", "东岭片区", "竹溪村", "registered")] == ("60", "75", "125.00%")
    assert rows[("post", "西坪片区", "柳岸社区", "casework")] == ("50", "64", "128.00%")
    # the 小计 under a title row is its 片区's own row; 总计 the whole table's
    assert rows[("area", "东岭片区", None, "registered")] == ("270", "313", "115.93%")
    assert rows[("area", "西坪片区", None, "casework")] == ("95", "109", "114.74%")
    assert rows[("total", "合计", None, "registered")] == ("510", "578", "113.33%")
    (read,) = extract_indicators(_document(title_table())).reads
    assert read.trusted and read.relations == read.consistent == 16 + 2 * 2 + 2 * 2 * 2


def test_two_rows_read_as_one_make_the_read_untrusted() -> None:
    """The garbled read: both 小计 rows name no 片区 and fall on one row; the figures kept
    still recompute (rates hold), so only the merge shows the misread."""
    got = read_table(title_table(titles=False), "表1", frozenset())
    assert got.rows_merged and got.unsure
    assert got.doubts[0].en == (
        "two rows read as one (313 and 265 fell in the same scope and indicator): "
        "the labels telling them apart were not read"
    )
    (read,) = extract_indicators(_document(title_table(titles=False))).reads
    assert not read.trusted


def test_a_changed_figure_beside_its_own_row_is_no_merge() -> None:
    """Two figures for one role from one row (a 增减 column beside 完成量) are not two rows
    read as one: the read's relations judge it as before."""
    t = title_table()
    extra = TableCell(3, t.n_cols, "+5", 3, (500.0, 148.0, 550.0, 164.0))
    t.cells.append(extra)
    t.n_cols += 1
    t.columns = column_paths(t)
    assert not read_table(t, "表1", frozenset()).rows_merged


def _sentence_figure(printed: str, scope: str | None) -> NarrativeFigure:
    return NarrativeFigure(
        indicator="casework",
        measure="sessions",
        kind="done",
        value=float(printed.rstrip("节")),
        printed=printed,
        scope=scope,
        sentence=f"个案服务{printed}。",
        prov=Provenance(page=2, bbox=(1, 2, 3, 4)),
    )


def test_a_narrative_figure_is_not_compared_with_the_garbled_read() -> None:
    rows = extract_indicators(_document(title_table(titles=False))).rows
    # 西坪片区's 个案 figure stated with no 片区 in its own part of the sentence, and the
    # total the garbled read's 总计 prints otherwise: never a finding
    narrative = [_sentence_figure("109节", None)]
    res = check_report(report(indicators=Indicators(rows=rows, narrative=narrative)))
    assert [f for f in res.findings if f.rule.startswith("narrative")] == []
    skipped = {s.ref for cov in res.coverage for s in cov.skipped if s.message == "skip.uncertain"}
    assert "narrative/casework/sessions/done" in skipped


def test_the_area_figure_is_checked_against_the_area_row_read_right() -> None:
    rows = extract_indicators(_document(title_table())).rows
    narrative = [_sentence_figure("109节", "西坪片区")]
    res = check_report(report(indicators=Indicators(rows=rows, narrative=narrative)))
    assert res.findings == []


def _flow_figures(text: str) -> list[tuple[str, str | None]]:
    flow: list[Block] = [_heading("三、服务指标完成情况"), _block(normalise(text))]
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    return [(f.printed, f.scope) for f in narrative_figures(doc) if f.kind == "done"]


def test_a_part_after_a_semicolon_goes_on_about_the_area() -> None:
    text = "分片区看，北塘片区入户探访673人次，完成率108.55%；个案服务322节。"
    assert _flow_figures(text) == [("673人次", "北塘片区"), ("322节", "北塘片区")]


def test_a_part_naming_the_station_speaks_for_the_station() -> None:
    text = "北塘片区入户探访673人次，完成率108.55%；全站开展个案服务955节。"
    assert _flow_figures(text) == [("673人次", "北塘片区"), ("955节", None)]
    # a new sentence does not go on about the 片区
    text = "北塘片区入户探访673人次。开展个案服务955节。"
    assert _flow_figures(text) == [("673人次", "北塘片区"), ("955节", None)]
