"""Word habits of the jiangwan and liuyin templates, on small synthetic inputs (no PDF):
a table ruled between rows and columns but not down its sides, praise and concern side
by side in a two-column table, a 序号 before a score table's labels, a paragraph that
opens with its 片区, a table typed as two, and 合计 printed apart from its 片区 rows."""

from __future__ import annotations

import re

from extractor.checks.indicators import areas_elsewhere
from extractor.document.model import Section, Table, TableCell
from extractor.passes.assessments import _table_items, label_polarity
from extractor.passes.indicators import _continues
from extractor.passes.narrative import lead_area
from extractor.passes.scoring import _row_texts
from extractor.pdf.rules import h_edge, v_edge
from extractor.pdf.tables import open_sides
from extractor.records import AssessmentItem, AssessmentSection, Cell, IndicatorRow, Report


def cell(r: int, c: int, text: str) -> TableCell:
    return TableCell(r, c, text, 1, (c * 100.0, r * 20.0, c * 100.0 + 100, r * 20.0 + 20))


def test_sides_left_out_are_added_where_rows_and_columns_are_ruled() -> None:
    rows = [h_edge(50, 450, y) for y in (100, 120, 140, 160)]
    columns = [v_edge(x, 100, 160) for x in (90, 250, 400)]
    added = open_sides(rows + columns)
    assert sorted((e["x0"], e["top"], e["bottom"]) for e in added) == [
        (50, 100, 160),
        (450, 100, 160),
    ]


def test_no_side_is_added_to_a_framed_grid_or_a_three_line_table() -> None:
    rows = [h_edge(50, 450, y) for y in (100, 120, 140, 160)]
    framed = [v_edge(x, 100, 160) for x in (50, 250, 450)]
    assert open_sides(rows + framed) == []
    assert open_sides(rows) == []  # no rule between columns: a three-line table
    # rules of two tables one above the other, not joined by a column rule, are two runs
    two = [h_edge(50, 450, y) for y in (100, 120, 300, 320)]
    assert open_sides([*two, v_edge(250, 100, 120), v_edge(250, 300, 320)]) == []


def test_praise_and_concern_side_by_side_in_a_table() -> None:
    t = Table(
        [
            cell(0, 0, "值 得 肯 定 的 地 方"),
            cell(0, 1, "需要关注的地方"),
            cell(1, 0, "1.服务台账规范。2.社工团队稳定，服务有序。"),
            cell(1, 1, "无"),
        ],
        2,
        2,
        1,
        [],
        True,
    )
    sec = Section("区民政局", 2)
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    _table_items(t, "monitor", sec, re.compile(r"^(?:暂无|无)。?$"), sections, items)
    assert [(s.polarity, s.item_count, s.none_stated) for s in sections] == [
        ("praise", 2, False),
        ("concern", 0, True),
    ]
    assert [(i.ordinal, i.text) for i in items] == [
        (1, "服务台账规范。"),
        (2, "社工团队稳定，服务有序。"),
    ]
    assert label_polarity("评估主体") is None


def test_a_number_column_is_not_a_score_rows_label() -> None:
    row: list[TableCell | None] = [cell(1, 0, "2"), cell(1, 1, "街道（镇）"), cell(1, 2, "22.35")]
    assert [c.text for c in _row_texts(row)] == ["街道（镇）", "22.35"]
    scores: list[TableCell | None] = [cell(1, 0, "区民政局"), cell(1, 1, "9.50")]
    assert [c.text for c in _row_texts(scores)] == ["区民政局", "9.50"]


def test_a_paragraph_opening_with_its_area() -> None:
    assert lead_area("翠苑片区：个案服务181节，小组活动20节。") == "翠苑片区"
    assert lead_area("评估期内：社工站累计走访建档1483户。") is None


def test_a_captionless_table_right_after_another_continues_it() -> None:
    first = Table(
        [], 1, 1, 1, [], True, caption="表3 服务指标总体完成情况", section=("四",), pages=[3]
    )
    second = Table([], 1, 1, 1, [], True, section=("四",), pages=[3])
    assert _continues(second, first, "表3")
    assert not _continues(second, first, "四")  # the one before has no label of its own
    apart = Table([], 1, 1, 1, [], True, section=("五",), pages=[3])
    assert not _continues(apart, first, "表3")


def row(table: str, scope: str, area: str | None, done: float) -> IndicatorRow:
    return IndicatorRow(
        table=table,
        scope=scope,  # type: ignore[arg-type]
        area=area,
        indicator="casework",
        label="个案服务节数",
        measure="sessions",
        done=Cell(printed=str(int(done)), value=done),
    )


def test_a_total_printed_apart_adds_up_the_areas_of_other_tables() -> None:
    report = Report.model_validate({"source": {"file": "x.pdf", "pages": 1}})
    report.indicators.rows = [
        row("表2", "area", "东片区", 100),
        row("表2", "area", "西片区", 50),
        row("表3", "total", "合计", 160),
    ]
    assert [r.area for r in areas_elsewhere(report)[("casework", "sessions")]] == [
        "东片区",
        "西片区",
    ]
    # the same 片区 twice (two periods, two tables): no hierarchy is assumed
    report.indicators.rows.append(row("表4", "area", "东片区", 90))
    assert areas_elsewhere(report) == {}


def test_a_sliver_cell_past_the_last_column_is_dropped_not_a_crash() -> None:
    from extractor.document.tables import to_table
    from extractor.pdf.tables import RawTable

    boxes = [(0.0, 0.0, 100.0, 20.0), (100.0, 0.0, 200.0, 20.0), (200.0, 0.0, 201.5, 20.0)]
    t = to_table(RawTable(1, boxes, True), [])
    assert (t.n_rows, t.n_cols, len(t.cells)) == (1, 2, 2)


def test_praise_and_concern_as_rows_under_a_merged_label_column() -> None:
    """序号 │ 类别 │ 具体内容: 值得肯定 / 需要关注 merged down over their items, 序号
    restarting per label; each label is one section headed by it."""
    merged = [
        TableCell(1, 1, "值得肯定", 1, (100.0, 20.0, 200.0, 80.0), rowspan=3),
        TableCell(4, 1, "需要关注", 1, (100.0, 80.0, 200.0, 100.0)),
    ]
    rows = [
        ("1", "项目经费按预算科目列支，支出凭证与服务记录能够对应。"),
        ("2", "社工站与辖区学校、医院建立转介合作。"),
        ("3", "社工站建立了月度服务例会制度。"),
        ("1", "志愿者服务时数登记方式不统一。"),
    ]
    cells = [cell(0, 0, "序号"), cell(0, 1, "类别"), cell(0, 2, "具体内容"), *merged]
    for r, (num, text) in enumerate(rows, start=1):
        cells += [cell(r, 0, num), cell(r, 2, text)]
    t = Table(cells, 5, 3, 1, [("序号",), ("类别",), ("具体内容",)], True)
    sec = Section("二、区民政局评估意见", 2)
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    _table_items(t, "monitor", sec, re.compile(r"^(?:暂无|无)。?$"), sections, items)
    assert [(s.heading, s.polarity, s.item_count) for s in sections] == [
        ("值得肯定", "praise", 3),
        ("需要关注", "concern", 1),
    ]
    assert [(i.polarity, i.ordinal, i.text) for i in items] == [
        ("praise", 1, "项目经费按预算科目列支，支出凭证与服务记录能够对应。"),
        ("praise", 2, "社工站与辖区学校、医院建立转介合作。"),
        ("praise", 3, "社工站建立了月度服务例会制度。"),
        ("concern", 1, "志愿者服务时数登记方式不统一。"),
    ]


def test_a_table_without_a_label_column_gives_no_items() -> None:
    t = Table(
        [cell(0, 0, "序号"), cell(0, 1, "指标"), cell(1, 0, "1"), cell(1, 1, "个案服务")],
        2,
        2,
        1,
        [("序号",), ("指标",)],
        True,
    )
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    _table_items(t, "monitor", Section("x", 2), re.compile("无"), sections, items)
    assert sections == [] and items == []


def test_two_rows_of_label_and_items_one_a_line_with_no_header() -> None:
    """luoxi (corpora/closed): 值得肯定的地方 │ items over 需要关注的地方 │ items, no header
    row, the items unnumbered, one a line inside the cell (each line stops short of the
    cell's right edge); a wrapped item (its first line reaching the edge) stays one."""
    box = (100.0, 0.0, 500.0, 40.0)
    praise = TableCell(
        0,
        1,
        "志愿者队伍培育成效明显小组服务主题贴近居民需求",
        1,
        box,
        lines=(
            ("志愿者队伍培育成效明显", (100.0, 0.0, 320.0, 12.0)),
            ("小组服务主题贴近居民需求", (100.0, 14.0, 340.0, 26.0)),
        ),
    )
    wrapped = TableCell(
        1,
        1,
        "小组服务的成效评估以满意度为主，缺少前后测等专业评估手段",
        1,
        (100.0, 40.0, 500.0, 80.0),
        lines=(
            ("小组服务的成效评估以满意度为主，缺少前后测", (100.0, 40.0, 498.0, 52.0)),
            ("等专业评估手段", (100.0, 54.0, 240.0, 66.0)),
        ),
    )
    cells = [cell(0, 0, "值得肯定的地方"), praise, cell(1, 0, "需要关注的地方"), wrapped]
    t = Table(cells, 2, 2, 1, [("值得肯定的地方",), ("",)], True)
    sections: list[AssessmentSection] = []
    items: list[AssessmentItem] = []
    _table_items(t, "buyer", Section("4.1购买方评估意见", 2), re.compile("^无$"), sections, items)
    assert [(s.heading, s.polarity, s.item_count) for s in sections] == [
        ("值得肯定的地方", "praise", 2),
        ("需要关注的地方", "concern", 1),
    ]
    assert [(i.polarity, i.text) for i in items] == [
        ("praise", "志愿者队伍培育成效明显"),
        ("praise", "小组服务主题贴近居民需求"),
        ("concern", "小组服务的成效评估以满意度为主，缺少前后测等专业评估手段"),
    ]
