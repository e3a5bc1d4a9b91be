"""Layouts first met in corpora/vault/lantian, each read by a general rule, on small
synthetic cases: two figures stacked in one cell of a fully ruled table (协议量 over
完成量, the header stacked the same way), a table typed in two parts with its captions
below, 优点：（1）……；（2）……。 run in after a label with 不足 and 建议 beside it, a rate
clause after a 片区's count, 咨询、偶到服务 in the text and a 持证（是/否） roster column."""

from __future__ import annotations

from extractor.document.blocks import find_marker, inline_label
from extractor.document.build import _caption_below, _captions_below
from extractor.document.model import Block, Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import to_table
from extractor.knowledge.profiles import profile
from extractor.nlp.figures import figures_of
from extractor.passes.assessments import extract_assessments
from extractor.passes.narrative import clause_area, narrative_figures
from extractor.passes.roster import read_roster
from extractor.passes.tables.stacked import split_stacked_cells, stacked_columns
from extractor.pdf.pages import Glyph, Line
from extractor.pdf.tables import RawTable, _centres, _under_ruled
from extractor.pdf.view import BBox
from tests.test_passes_indicators import make_table, table_rows

# --- the PDF layer: a ruled grid with two figures stacked in its cells ---------------


def _text(s: str, x: float, y: float) -> list[Glyph]:
    return [Glyph(c, x + 6.0 * i, y, x + 6.0 * i + 6.0, y + 10.0) for i, c in enumerate(s)]


def _grid(rows: list[list[list[str]]], heights: list[float]) -> tuple[RawTable, list[Glyph]]:
    """Cells 60 wide, each row its height; a cell's lines 12 apart from its top."""
    cells: list[BBox] = []
    glyphs: list[Glyph] = []
    top = 0.0
    for row, h in zip(rows, heights, strict=True):
        for c, lines in enumerate(row):
            cells.append((60.0 * c, top, 60.0 * c + 60.0, top + h))
            for k, line in enumerate(lines):
                glyphs += _text(line, 60.0 * c + 4.0, top + 2.0 + 12.0 * k)
        top += h
    return RawTable(1, cells, True), glyphs


def test_a_ruled_grid_with_stacked_figures_in_each_row_is_read_from_its_rules() -> None:
    raw, glyphs = _grid(
        [
            [["片区"], ["协议量", "完成量"], ["完成率"]],
            [["新村片区"], ["210", "297"], ["141.43%"]],
            [["白沙片区"], ["445", "605"], ["135.96%"]],
            [["合计"], ["655", "902"], ["137.71%"]],
        ],
        [26.0, 26.0, 26.0, 26.0],
    )
    assert not _under_ruled(raw, glyphs, _centres(glyphs))
    table = to_table(raw, glyphs)
    cell = next(c for c in table.cells if (c.row, c.col) == (1, 1))
    assert cell.text == "210297"
    assert [t for t, _ in cell.lines] == ["210", "297"]
    assert cell.lines[1][1] == (64.0, 40.0, 82.0, 50.0)  # the lower line's own box
    one_line = next(c for c in table.cells if (c.row, c.col) == (1, 2))
    assert one_line.lines == ()


def test_rows_never_ruled_still_read_from_their_text() -> None:
    # vertical rules only: every 片区 of the body in one cell, as many lines as rows
    raw, glyphs = _grid(
        [
            [["片区"], ["协议量"], ["完成量"]],
            [["新村片区", "白沙片区", "合计"], ["210", "445", "655"], ["297", "605", "902"]],
        ],
        [14.0, 40.0],
    )
    assert _under_ruled(raw, glyphs, _centres(glyphs))


# --- the passes: a stacked column is two columns ---------------------------------------


def _stacked(t: Table, at: tuple[int, int], *lines: str) -> None:
    """Give the cell at (row, col) its printed lines, one under the other."""
    cell = next(c for c in t.cells if (c.row, c.col) == at)
    x0, top, x1, _ = cell.bbox
    cell.lines = tuple(
        (s, (x0, top + 10.0 * k, x1, top + 10.0 * k + 10.0)) for k, s in enumerate(lines)
    )
    assert cell.text == "".join(lines)


def _lantian_like() -> Table:
    t = make_table(
        [
            ["片区", ("困难群众建档（户）", 2), ("咨询、偶到服务(人次)", 2)],
            ["\x00", "协议量完成量", "完成率", "协议量完成量", "完成率"],
            ["新村片区", "210297", "141.43%", "/1032", "/"],
            ["桥头片区", "30", "0.00%", "/620", "/"],
            ["合计", "213297", "139.44%", "/1652", "/"],
        ],
        header_rows=2,
        section="三、服务指标完成情况",
    )
    t.cells = [c for c in t.cells if not (c.col == 0 and c.row == 1)]
    t.cells[0].rowspan = 2
    for col in (1, 3):
        _stacked(t, (1, col), "协议量", "完成量")
    for at, lines in {
        (2, 1): ("210", "297"),
        (3, 1): ("3", "0"),
        (4, 1): ("213", "297"),
        (2, 3): ("/", "1032"),
        (3, 3): ("/", "620"),
        (4, 3): ("/", "1652"),
    }.items():
        _stacked(t, at, *lines)
    t.caption = "表1 各片区服务指标完成情况（一）"
    return t


def test_two_figures_stacked_under_a_stacked_header_are_target_and_done() -> None:
    t = _lantian_like()
    assert stacked_columns(t, frozenset()) == [1, 3]
    split = split_stacked_cells(t, frozenset())
    assert split.n_cols == 7
    assert split.columns[1:4] == [
        ("困难群众建档（户）", "协议量"),
        ("困难群众建档（户）", "完成量"),
        ("困难群众建档（户）", "完成率"),
    ]
    got = {
        (r.area, r.indicator, r.measure): tuple(
            c.printed if c else None for c in (r.target, r.done, r.pct)
        )
        for r in table_rows(t)
    }
    assert got == {
        ("新村片区", "registered", "households"): ("210", "297", "141.43%"),
        ("桥头片区", "registered", "households"): ("3", "0", "0.00%"),
        ("合计", "registered", "households"): ("213", "297", "139.44%"),
        ("新村片区", "walk_in", "count"): ("/", "1032", "/"),
        ("桥头片区", "walk_in", "count"): ("/", "620", "/"),
        ("合计", "walk_in", "count"): ("/", "1652", "/"),
    }
    row = next(r for r in table_rows(t) if r.area == "新村片区" and r.indicator == "registered")
    assert row.done is not None and row.done.prov is not None
    assert (row.done.prov.text, row.done.prov.bbox) == ("297", (40.0, 50.0, 80.0, 60.0))
    assert row.table == "表1"


def test_a_column_with_a_lone_line_is_left_whole() -> None:
    t = _lantian_like()
    lone = next(c for c in t.cells if (c.row, c.col) == (3, 1))
    lone.lines = ()  # "30" printed on one line: which figure it is cannot be told
    assert stacked_columns(t, frozenset()) == [3]
    # a header wrapped inside a word is no stacked header: its second line (成量) names
    # no role by itself (a bare 协议 or 完成 on a line of its own would: it is a role
    # word, as where the roles are rows)
    t = _lantian_like()
    _stacked(t, (1, 1), "协议量完", "成量")
    assert 1 not in stacked_columns(t, frozenset())


# --- captions below the tables ----------------------------------------------------------


def _block(text: str, page: int = 3) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    marker = inline_label(text)
    found = find_marker(text)
    kind, mtype = ("label", "inline_label") if marker else ("paragraph", None)
    if marker is None and found is not None:
        marker, mtype = found
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=page, glyphs=glyphs)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def _heading(text: str, page: int = 3) -> Block:
    b = _block(text, page)
    b.kind = "heading"
    return b


def test_captions_printed_under_their_tables() -> None:
    one, two, scores = _lantian_like(), _lantian_like(), _lantian_like()
    for t in (one, two, scores):
        t.caption, t.pages = "", [3]
    flow: list[Block | Table] = [
        _block("社区组织培育进度偏慢。各片区指标完成情况见表1。"),
        one,
        _block("表1 各片区服务指标完成情况（一）"),
        two,
        _block("表1 各片区服务指标完成情况（二）"),
        _block("注：每格上行为协议量，下行为完成量。"),
        _block("四方评分情况见表2。"),
        scores,
        _block("表2 四方评分情况"),
    ]
    assert _captions_below(flow)
    assert [_caption_below(flow, i) for i in (1, 3, 7)] == [
        "表1 各片区服务指标完成情况（一）",
        "表1 各片区服务指标完成情况（二）",
        "表2 四方评分情况",
    ]
    # captions above: every caption before its table, so never more after one
    above: list[Block | Table] = [_block("表1 指标"), one, _block("表2 指标"), two]
    assert not _captions_below(above)


# --- the text: a rate clause, 其中, 咨询、偶到服务 -----------------------------------------


def test_a_rate_clause_after_a_pian_qu_count_is_that_pian_qus() -> None:
    text = "社区组织培育进度偏慢，其中桥头片区本期培育社区组织0个，完成率0.00%。"
    assert clause_area(text, text.index("0个")) == "桥头片区"
    flow: list[Block | Table] = [
        _heading("三、服务指标完成情况"),
        _block("另提供咨询、偶到服务2632人次（该项无协议指标）。"),
        _block(text),
    ]
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    got = [(f.indicator, f.measure, f.kind, f.printed, f.scope) for f in narrative_figures(doc)]
    assert got == [
        ("walk_in", "count", "done", "2632人次", None),
        ("community_orgs", "count", "done", "0个", "桥头片区"),
        ("community_orgs", "count", "pct", "0.00%", "桥头片区"),
    ]
    # a rate naming nothing after a station figure stays the station's
    (count, pct) = figures_of("开展个案服务1048节，完成率130.19%。")
    assert (count.indicator, pct.indicator, pct.measure) == ("casework", "casework", "sessions")


# --- praise, concerns and suggestions run in after their labels ------------------------


def test_run_in_items_after_labels_with_suggestions_beside_the_concerns() -> None:
    flow: list[Block | Table] = [
        _heading("四、各方评估意见"),
        _heading("（一）购买方评估意见"),
        # a wrapped line opening with （2） starts a block of its own: the list runs on
        _block("优点：（1）服务数据按月统计，台账与报表基本一致；"),
        _block("（2）困难群众底册按片区分户建立；（ 3）服务宣传渠道多样。"),
        _block("不足：（1）部分服务档案归档不及时。"),
        _block("建议：（1）健全志愿者积分机制；（2）引入标准化评估量表。"),
        _heading("(二)区民政局评估意见"),
        _block("优点：（1）社区活动注重居民参与；（2）信息互通机制固定。"),
        _block("不足：无。"),
        _block("建议：（1）引入标准化评估量表。"),
    ]
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    sections, items = extract_assessments(doc, profile())
    assert [(s.party, s.polarity, s.heading, s.item_count, s.none_stated) for s in sections] == [
        ("buyer", "praise", "优点", 3, False),
        ("buyer", "concern", "不足", 1, False),
        ("monitor", "praise", "优点", 2, False),
        ("monitor", "concern", "不足", 0, True),
    ]
    assert [(i.party, i.polarity, i.ordinal, i.text) for i in items][:4] == [
        ("buyer", "praise", 1, "服务数据按月统计，台账与报表基本一致"),
        ("buyer", "praise", 2, "困难群众底册按片区分户建立"),
        ("buyer", "praise", 3, "服务宣传渠道多样"),
        ("buyer", "concern", 1, "部分服务档案归档不及时"),
    ]


# --- a roster's 持证（是/否） column -----------------------------------------------------


def test_a_yes_no_certificate_column_gives_the_group() -> None:
    rows = [
        ["序号", "姓名", "性别", "年龄", "岗位", "入职时间", "持证（是/否）"],
        ["1", "甲", "女", "32", "项目主任", "2023年11月", "否"],
        ["2", "乙", "男", "41", "社工", "2020年10月", "是"],
    ]
    cells = [
        TableCell(i, j, text, 6, (60.0 * j, 20.0 * i, 60.0 * j + 60, 20.0 * i + 20))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
    ]
    table = Table(cells, len(rows), 7, 1, [(h,) for h in rows[0]], True)
    people, _, _ = read_roster([table])
    assert [(p.seq, p.name, p.group, p.qualification) for p in people] == [
        (1, "甲", "uncertified", "否"),
        (2, "乙", "certified", "是"),
    ]
