"""An indicator table with its roles on the row axis: each indicator a block of three rows
(协议 / 完成 / 完成率) under a 服务类别 merged down over its indicators and a 指标 with its
unit merged down over its block, each 片区 a column and 合计 the last one, rates whole
numbers with a full-width ％. Small synthetic cases of the closed/luoxi 表1 shape (names
and figures invented): the roles come from the row labels and the scope from the column
headers, a measure-only row (参与人次) is a further measure of the indicator above it in
its group, and a read whose row roles cannot all be matched is a problem, not findings."""

from __future__ import annotations

from fractions import Fraction

from extractor.checks import check_report
from extractor.document.model import Document, PageInfo, Section, Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.indicators import _appendix_of
from extractor.passes.run import run_passes
from extractor.passes.tables.labels import Meaning, Tags, label_tags
from extractor.passes.tables.read import Read, _measure_rows, read_table
from extractor.records import Report

AREAS = ("北坡片区", "南塘片区", "西湾片区")
# (服务类别, 指标 with its unit, 协议 per 片区, 完成 per 片区)
Block = tuple[str, str, tuple[int, ...], tuple[int, ...]]
BLOCKS: list[Block] = [
    ("基础服务", "困难群众建档（户）", (120, 80, 60), (150, 80, 66)),
    ("基础服务", "入户探访（人次）", (400, 300, 250), (436, 297, 310)),
    ("个案服务", "开案数（个）", (12, 10, 8), (15, 9, 8)),
    ("个案服务", "服务节数（节）", (60, 50, 40), (66, 61, 38)),
    ("社区服务", "社区活动（场）", (6, 4, 5), (7, 4, 6)),
    ("社区服务", "参与人次（人次）", (500, 300, 420), (612, 288, 455)),
]
ROLES = ("协议", "完成", "完成率")


def rate(done: int, target: int) -> str:
    """A whole-number rate, rounded half up, with a full-width ％."""
    return f"{int(Fraction(done * 100, target) + Fraction(1, 2))}％"


def _cell(r: int, c: int, text: str, rowspan: int = 1) -> TableCell:
    box = (c * 60.0, r * 20.0, c * 60.0 + 60, (r + rowspan) * 20.0)
    return TableCell(r, c, text, 3, box, rowspan)


def roles_table(
    blocks: list[Block] = BLOCKS,
    roles: tuple[str, str, str] = ROLES,
    total_over: dict[str, int] | None = None,
) -> Table:
    """The table, merged cells spanning their rows; `total_over` puts a 合计 完成 this
    much over the sum of its 片区 (by 指标), its rate following it."""
    over = total_over or {}
    header = ["服务类别", "服务指标", "项目", *AREAS, "合计"]
    cells = [_cell(0, c, text) for c, text in enumerate(header)]
    r = 1
    for k, (category, label, targets, done) in enumerate(blocks):
        if k == 0 or blocks[k - 1][0] != category:
            span = 3 * sum(1 for b in blocks if b[0] == category)
            cells.append(_cell(r, 0, category, span))
        cells.append(_cell(r, 1, label, 3))
        total_target, total_done = sum(targets), sum(done) + over.get(label, 0)
        columns = [*zip(targets, done, strict=True), (total_target, total_done)]
        for i, role in enumerate(roles):
            cells.append(_cell(r + i, 2, role))
            for c, (t, d) in enumerate(columns, start=3):
                cells.append(_cell(r + i, c, (str(t), str(d), rate(d, t))[i]))
        r += 3
    t = Table(
        cells,
        r,
        len(header),
        1,
        [],
        True,
        caption="表1 各片区服务指标完成情况",
        section=("服务指标完成情况",),
        pages=[3],
    )
    t.columns = column_paths(t)
    return t


def read(t: Table) -> Read:
    return read_table(t, _appendix_of(t), frozenset())


def figures(got: Read) -> dict[tuple[str, str | None, str, str], tuple[str | None, ...]]:
    return {
        (r.scope, r.area, r.indicator, r.measure): tuple(
            c.printed if c else None for c in (r.target, r.done, r.pct)
        )
        for r in got.rows
    }


def report_of(t: Table) -> Report:
    page = PageInfo(3, 595.0, 842.0, 800, 0, 1)
    doc = Document("roles.pdf", "0" * 64, [page], [], [t], Section("", 0), [])
    report = run_passes(doc)
    report.findings = check_report(report).findings
    return report


def test_bare_role_words_name_roles() -> None:
    assert [label_tags(w).role for w in ROLES] == ["target", "done", "pct"]
    # no indicator, no scope: a role only
    assert label_tags("协议").indicator is None and label_tags("完成").scope is None


def test_each_area_column_is_a_row_with_its_blocks_roles() -> None:
    got = read(roles_table())
    assert not got.doubts and got.roles_on_rows and not got.roles_unsure
    assert got.placed == got.figures == 6 * 3 * 4
    rows = figures(got)
    assert len(rows) == 6 * 4
    assert rows[("area", "北坡片区", "registered", "households")] == ("120", "150", "125％")
    assert rows[("area", "南塘片区", "home_visits", "count")] == ("300", "297", "99％")
    assert rows[("total", "合计", "home_visits", "count")] == ("950", "1043", "110％")
    # a 指标 naming a measure only takes its 服务类别's indicator
    assert rows[("area", "西湾片区", "casework", "sessions")] == ("40", "38", "95％")
    assert rows[("total", "合计", "casework", "opened")] == ("30", "32", "107％")


def test_a_measure_row_is_a_further_measure_of_the_indicator_above_it() -> None:
    rows = figures(read(roles_table()))
    # 社区服务 names no indicator: 参与人次 is the 社区活动 above it, counted in persons
    assert rows[("area", "北坡片区", "community_events", "count")] == ("6", "7", "117％")
    assert rows[("total", "合计", "community_events", "attendances")] == ("1220", "1355", "111％")


def test_a_measure_row_with_no_indicator_above_it_names_none() -> None:
    alone: list[Block] = [("其他服务", "参与人次（人次）", (50, 40, 30), (55, 40, 33))]
    got = read(roles_table([*alone, *BLOCKS]))
    assert not any(
        r.measure == "attendances" and r.target and r.target.printed == "50" for r in got.rows
    )
    assert got.placed == got.figures - 3 * 4


def test_no_measure_row_inheritance_where_columns_name_indicators() -> None:
    group = Tags(header="label", text="社区服务")
    events = Tags(indicator="community_events", exact=True, text="社区活动(场)")
    persons = Tags(measure="attendances", unit="人次", text="参与人次(人次)")
    tags = {(1, 0): [group, events], (2, 0): [group, persons]}
    rows = {
        (1, 0): Meaning(indicator="community_events", exact=True, default_measure="count"),
        (2, 0): Meaning(measure="attendances", unit="人次"),
    }
    assert _measure_rows(rows, tags, {3: Meaning()})[(2, 0)].indicator == "community_events"
    indicator_col = {3: Meaning(indicator="casework")}
    assert _measure_rows(rows, tags, indicator_col)[(2, 0)].indicator is None
    # no group label above the measure: nothing to inherit from
    bare = {(1, 0): [events], (2, 0): [persons]}
    assert _measure_rows(rows, bare, {3: Meaning()})[(2, 0)].indicator is None


def with_row(t: Table, *cells: tuple[int, str, int]) -> Table:
    """`t` with one more row: (column, text, colspan) cells."""
    r = t.n_rows
    for c, text, span in cells:
        box = (c * 60.0, r * 20.0, (c + span) * 60.0, r * 20.0 + 20)
        t.cells.append(TableCell(r, c, text, 3, box, 1, span))
    t.n_rows += 1
    t.columns = column_paths(t)
    return t


def test_a_row_whose_label_spans_the_role_column_is_a_done_figure() -> None:
    # 投入社工人数 merged across 服务指标 and 项目: no role named, none missing
    staff = [(3 + i, x, 1) for i, x in enumerate(("3", "2", "2", "7"))]
    got = read(with_row(roles_table(), (0, "人员配置", 1), (1, "投入社工人数（人）", 2), *staff))
    assert not got.doubts and not got.roles_unsure
    assert figures(got)[("total", "合计", "staff", "count")] == (None, "7", None)
    # the same figures under a blank role cell: a row that names no role among rows that do
    blank = [(0, "人员配置", 1), (1, "投入社工人数（人）", 1), (2, "", 1), *staff]
    assert read(with_row(roles_table(), *blank)).roles_unsure


def test_a_rate_with_two_digits_swapped_is_an_error() -> None:
    t = roles_table()
    wrong = next(c for c in t.cells if c.text == "125％")  # 北坡片区 建档 150 of 120
    wrong.text = "152％"
    report = report_of(t)
    assert report.indicators.reads[0].trusted
    assert [(f.rule, f.severity, f.printed) for f in report.findings] == [
        ("pct.row", "error", "152％")
    ]


def test_a_total_ten_over_its_areas_is_an_error() -> None:
    report = report_of(roles_table(total_over={"入户探访（人次）": 10}))
    assert all(r.trusted for r in report.indicators.reads)
    sums = [f for f in report.findings if f.rule == "sum.area_total"]
    assert [(f.severity, f.printed, f.expected) for f in sums] == [("error", "1053", "1043")]


def test_the_clean_table_gives_no_finding() -> None:
    report = report_of(roles_table())
    (table,) = report.indicators.reads
    assert table.trusted and table.relations == table.consistent == 6 * 4 + 6 * 2
    assert not [f for f in report.findings if f.severity in ("error", "warning")]


def test_a_row_whose_role_is_not_named_makes_the_read_uncertain() -> None:
    # 说明 is no role word (目标 is one since 58ce60f): its figures are not taken for
    # done figures, the read doubts itself, and the 合计 ten over is not checked (a
    # misread is never a finding)
    t = roles_table(roles=("说明", "完成", "完成率"), total_over={"入户探访（人次）": 10})
    got = read(t)
    assert got.roles_unsure and "names no role" in got.doubts[0].en
    assert not any(r.target for r in got.rows)
    report = report_of(t)
    assert not any(r.trusted for r in report.indicators.reads)
    assert [p.code for p in report.problems if p.stage == "indicators"] == [
        "problem.table_uncertain"
    ]
    assert all(r.uncertain for r in report.indicators.rows)
    assert not [f for f in report.findings if f.rule.startswith(("sum.", "pct."))]


def test_a_role_named_twice_in_a_block_makes_the_read_uncertain() -> None:
    # the 协议 row labelled 完成 too: two done figures per block, the first not a done
    got = read(roles_table(roles=("完成", "完成", "完成率")))
    assert got.roles_unsure and "two figures" in got.doubts[0].en
    assert not report_of(roles_table(roles=("完成", "完成", "完成率"))).indicators.reads[0].trusted
