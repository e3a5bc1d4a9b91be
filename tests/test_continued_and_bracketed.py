"""A table printing each done figure with its rate in brackets (完成量（完成率） over
`89（127.14%）`), a unit row under its header, split by hand over a page with a 续表
caption; thousands typed with a full-width comma in the text and ［1］ note marks after
figures. Small synthetic tables and sentences, no corpus file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from extractor.document.blocks import find_marker
from extractor.document.lines import _merge_fragments
from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import (
    column_paths,
    continues_caption,
    join_continued,
    marked_continued,
    split_stacked,
)
from extractor.knowledge.profiles import profile
from extractor.nlp.figures import find_figures
from extractor.passes.indicators import extract_indicators
from extractor.passes.meta import extract_meta
from extractor.passes.scoring import extract_scoring
from extractor.passes.tables.pairs import split_pairs
from extractor.passes.tables.read import read_table
from extractor.pdf.pages import Glyph, Line


def _table(
    rows: list[list[str | tuple[str, int]]], header_rows: int, caption: str = "表1", page: int = 1
) -> Table:
    """Rows of cell texts; (text, colspan) spans columns to the right; "\x00" no cell."""
    cells: list[TableCell] = []
    n_cols = 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            text, span = (item, 1) if isinstance(item, str) else item
            if text != "\x00":
                box = (c * 40.0, 100 + r * 20.0, (c + span) * 40.0, 100 + r * 20.0 + 20)
                cells.append(TableCell(r, c, text, page, box, 1, span))
            c += span
        n_cols = max(n_cols, c)
    t = Table(cells, len(rows), n_cols, header_rows, [], True, caption=caption, pages=[page])
    t.columns = column_paths(t)
    return t


HEADER: list[list[str | tuple[str, int]]] = [
    ["片区", "社工点", ("困难群众建档", 2), ("个案服务", 2)],
    ["\x00", "\x00", "协议量", "完成量（完成率）", "协议量", "完成量（完成率）"],
    [("计量单位", 2), "户", "户", "节", "节"],
]
FIRST = [
    *HEADER,
    ["东片区", "金沙社区", "70", "89（127.14%）", "90", "97（107.78%）"],
    ["\x00", "东堤社区", "90", "155（172.22%）", "43", "68（158.14%）"],
    ["\x00", "小计", "160", "244（152.50%）", "133", "165（124.06%）"],
]
REST = [
    *HEADER,
    ["西片区", "望海社区", "155", "212（136.77%）", "55", "96（174.55%）"],
    ["\x00", "紫云社区", "170", "313（184.12%）", "47", "80（170.21%）"],
    ["\x00", "小计", "325", "525（161.54%）", "102", "176（172.55%）"],
    [("合计", 2), "485", "769（158.56%）", "235", "341（145.11%）"],
]


def _rows(t: Table) -> dict[tuple[str | None, str | None, str], tuple[object, ...]]:
    got = read_table(t, "表1", frozenset()).rows
    return {
        (r.area, r.post, r.indicator): (
            r.target and r.target.printed,
            r.done and r.done.printed,
            r.pct and r.pct.printed,
        )
        for r in got
    }


def test_a_rate_in_brackets_after_its_done_figure_is_a_column_of_its_own() -> None:
    t = split_pairs(_table(FIRST, header_rows=3), frozenset())
    assert t.n_cols == 8
    assert t.columns[3] == ("困难群众建档", "完成量", "户")
    assert t.columns[4] == ("困难群众建档", "完成率", "户")
    row = [text for _, text in sorted((c.col, c.text) for c in t.cells if c.row == 3)]
    assert row == ["东片区", "金沙社区", "70", "89", "127.14%", "90", "97", "107.78%"]


def test_the_read_gives_target_done_and_rate_of_each_post_and_area() -> None:
    rows = _rows(_table(FIRST, header_rows=3))
    assert rows[("东片区", "金沙社区", "registered")] == ("70", "89", "127.14%")
    assert rows[("东片区", None, "casework")] == ("133", "165", "124.06%")
    assert len(rows) == 6


def test_a_bracketed_unit_or_remark_is_no_second_figure() -> None:
    rows = [
        ["片区", "完成量（户）", "完成率"],
        ["东片区", "89（超额）", "127.14%"],
    ]
    t = _table(rows, header_rows=1)
    assert split_pairs(t, frozenset()) is t


def test_figures_the_reader_cannot_split_make_the_read_unsure() -> None:
    """The guard: a column headed as figures whose cells open with a figure but are not
    read as figures (a bracket the reader does not know) is not a column of names."""
    odd: list[list[str | tuple[str, int]]] = [
        [x.replace("（", "［").replace("）", "］") if isinstance(x, str) else x for x in r]
        for r in FIRST[3:]
    ]
    got = read_table(_table([*HEADER, *odd], header_rows=3), "表1", frozenset())
    assert got.figures_unread and got.unsure
    assert "完成量（完成率）" in got.doubts[0].en


def test_figures_and_marks_only_under_an_indicators_name_make_the_read_unsure() -> None:
    """No role in the header, but cells printing figures and marks and no word are no
    names of rows."""
    rows = [
        ["片区", "个案服务", "小组工作"],
        ["东片区", "89［127.14%］", "12"],
        ["西片区", "92［102.22%］", "15"],
        ["合计", "181［113.13%］", "27"],
    ]
    got = read_table(_table(rows, header_rows=1), "表1", frozenset())
    assert got.figures_unread and got.unsure


def test_a_column_of_words_under_a_role_header_is_not_unread_figures() -> None:
    rows = [
        ["片区", "协议量", "完成量", "完成情况"],
        ["东片区", "70", "89", "超额完成"],
        ["西片区", "90", "80", "未完成"],
        ["合计", "160", "169", "超额完成"],
    ]
    got = read_table(_table(rows, header_rows=1), "表1", frozenset())
    assert not got.figures_unread and not got.unsure


def test_a_continued_caption_names_the_first_parts_caption() -> None:
    first = ["表1 各片区（社工点）服务指标完成情况"]
    assert continues_caption("续表1  各片区（社工点）服务指标完成情况", first)
    assert continues_caption("表1（续）", first)
    assert continues_caption("续上表", [])
    assert continues_caption("（续表）", [])
    assert not continues_caption("续表2 各片区服务指标完成情况", first)
    assert not continues_caption("表1（续）", ["表12 各片区服务指标完成情况"])
    assert not continues_caption("表2 各片区服务指标完成情况", first)
    assert marked_continued("续表1 各片区服务指标完成情况") and not marked_continued("表1 续航")


def _above(lines: dict[int, list[str]]) -> Callable[[int, float, float], list[str]]:
    """Lines above each table on its page; nothing under the first part."""

    def text_between(page: int, top: float, bottom: float) -> list[str]:
        return lines.get(page, []) if bottom < 1e9 else []

    return text_between


def test_a_table_split_by_hand_under_a_continued_caption_is_one_table() -> None:
    first = _table(FIRST, header_rows=3, page=2)
    rest = _table(REST, header_rows=3, caption="", page=3)
    lines = {
        2: ["表1 各片区（社工点）服务指标完成情况"],
        3: ["续表1 各片区（社工点）服务指标完成情况"],
    }
    (joined,) = join_continued([first, rest], _above(lines))
    assert joined.pages == [2, 3] and joined.n_rows == len(FIRST) + len(REST) - 3
    rows = _rows(joined)
    assert rows[("合计", None, "registered")] == ("485", "769", "158.56%")
    assert rows[("西片区", "望海社区", "casework")] == ("55", "96", "174.55%")


def test_another_tables_caption_above_keeps_the_tables_apart() -> None:
    first = _table(FIRST, header_rows=3, page=2)
    rest = _table(REST, header_rows=3, caption="", page=3)
    lines = {
        2: ["表1 各片区（社工点）服务指标完成情况"],
        3: ["表2 各片区（社工点）服务指标完成情况"],
    }
    assert len(join_continued([first, rest], _above(lines))) == 2


def _document(*tables: Table) -> Document:
    root = Section(title="", level=0)
    return Document("x.pdf", "", [], [], list(tables), root, [])


def test_a_continued_part_read_apart_is_not_trusted() -> None:
    """The guard: a part captioned 续表 that could not be joined to the part it continues
    has a 合计 over rows it does not hold; its figures are not checked."""
    rest = _table(REST, header_rows=3, caption="续表1 各片区（社工点）服务指标完成情况", page=3)
    got = extract_indicators(_document(rest))
    (read,) = got.reads
    assert not read.trusted and "续表1" in read.doubts[0]
    assert got.rows and all(r.uncertain for r in got.rows)


def test_the_whole_part_with_its_total_is_trusted() -> None:
    both = _table([*FIRST, *REST[3:]], header_rows=3)
    (read,) = extract_indicators(_document(both)).reads
    assert read.trusted and read.relations == read.consistent


def test_thousands_with_a_full_width_comma_and_note_marks_after_figures() -> None:
    text = (
        "服务站共完成困难群众建档1，735户，完成率128.52%；"
        "开展电话探访5，602人次［1］，入户探访2，436人次。"
    )
    figs = [(f.printed, f.value, f.unit) for f in find_figures(text) if f.kind == "count"]
    assert figs == [
        ("1，735户", 1735, "户"),
        ("5，602人次", 5602, "人次"),
        ("2，436人次", 2436, "人次"),
    ]
    assert not any(f.value == 1 for f in find_figures(text))


def _glyphs(text: str, x0: float, top: float, size: float) -> list[Glyph]:
    return [
        Glyph(c, x0 + size * i, top, x0 + size * (i + 1), top + size) for i, c in enumerate(text)
    ]


def _run(text: str, x0: float, top: float, size: float) -> Line:
    return Line(page=1, glyphs=_glyphs(text, x0, top, size), size=size)


def test_a_framed_box_beside_the_title_keeps_lines_of_its_own() -> None:
    """A Word frame (图文框) at the right of the title: its lines stand at the title's
    height but behind a drawn border, so they are no part of the title's lines."""
    title, box = _run("北塘市", 80, 75, 16), _run("评估结果", 464, 83, 12)
    assert [ln.text for ln in _merge_fragments([title, box])] == ["北塘市评估结果"]
    title, box = _run("北塘市", 80, 75, 16), _run("评估结果", 464, 83, 12)
    frame = [(431.4, 73.7, 139.4), (543.8, 73.7, 139.4)]
    assert [ln.text for ln in _merge_fragments([title, box], frame)] == ["北塘市", "评估结果"]


def test_a_quotation_mark_run_beside_its_line_still_joins_it() -> None:
    line, mark = _run("服务站", 80, 75, 12), _run("”", 116, 75, 12)
    frame = [(431.4, 73.7, 139.4)]
    assert [ln.text for ln in _merge_fragments([line, mark], frame)] == ["服务站”"]


def _para(text: str, kind: str = "paragraph", page: int = 4) -> Block:
    mk = find_marker(text)
    marker, mtype = mk if mk else (None, None)
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=page, glyphs=_glyphs(text, 80, 100, 12), size=12)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def _doc(blocks: list[Block]) -> Document:
    return Document("x.pdf", "", [], list(blocks), [], build_tree(list(blocks)), [])


def _opinions(sentences: dict[str, str]) -> Document:
    blocks = [_para("三、各方评估意见", "heading")]
    for i, (heading, sentence) in enumerate(sentences.items()):
        blocks += [
            _para(f"（{'一二三四'[i]}）{heading}", "heading"),
            _para(sentence),
            _para("值得肯定的方面", "label"),
            _para("（1）台账清晰，得分项目齐全。"),
        ]
    return _doc(blocks)


PARTIES = {
    "购买方意见": "购买方（北塘市某街道办事处）对服务站本期工作评分为25.38分（满分30分）。",
    "监督方意见": "监督方（某区民政局）对服务站本期工作评分为18.69分（满分20分）。",
    "督导方意见": "督导方（市社会工作督导中心）对服务站本期工作评分为18.54分（满分20分）。",
    "第三方评估机构意见": "第三方评估机构对服务站本期工作评分为27.66分（满分30分）。",
}


def test_each_partys_score_in_its_own_sentence_with_its_full_mark_as_weight() -> None:
    got = extract_scoring(_opinions(PARTIES), profile())
    assert [(s.party, s.score.value) for s in got.party_scores] == [
        ("monitor", 18.69),
        ("buyer", 25.38),
        ("supervision_centre", 18.54),
        ("third_party", 27.66),
    ]
    assert got.weights_source == "report"
    assert {w.party: w.weight for w in got.weights} == {
        "buyer": 30,
        "monitor": 20,
        "supervision_centre": 20,
        "third_party": 30,
    }


def test_full_marks_of_100_each_are_no_weights() -> None:
    each = {
        h: s.replace("满分30分", "满分100分").replace("满分20分", "满分100分")
        for h, s in PARTIES.items()
    }
    got = extract_scoring(_opinions(each), profile())
    assert len(got.party_scores) == 4 and got.weights_source == "profile"


def test_a_party_section_without_its_score_sentence_gives_no_scores_this_way() -> None:
    some = dict(PARTIES)
    some["监督方意见"] = "监督方（某区民政局）对服务站本期工作给予肯定。"
    got = extract_scoring(_opinions(some), profile())
    assert got.party_scores == [] and got.weights_source == "profile"


def test_the_buyer_before_the_way_it_buys() -> None:
    text = (
        "服务站由北塘市塘东区港北街道办事处以政府购买服务方式委托北塘市益邻社会工作服务中心运营。"
    )
    meta = extract_meta(_doc([_para("一、基本情况", "heading", 1), _para(text, page=1)]))
    assert meta.buyer is not None and meta.buyer.value == "北塘市塘东区港北街道办事处"


def test_a_label_merged_down_beside_two_rows_keeps_them_one_table() -> None:
    """评估结论 merged down beside 综合得分 │ 90.27 and 评估等级 │ 优秀: the second row,
    all words, is no header of a second table standing under the first."""
    cells = [
        TableCell(0, 0, "评估结论", 5, (0, 0, 80, 52), 2, 1),
        TableCell(0, 1, "综合得分", 5, (80, 0, 200, 26), 1, 1),
        TableCell(0, 2, "90.27", 5, (200, 0, 340, 26), 1, 1),
        TableCell(1, 1, "评估等级", 5, (80, 26, 200, 52), 1, 1),
        TableCell(1, 2, "优秀", 5, (200, 26, 340, 52), 1, 1),
    ]
    (t,) = split_stacked(Table(cells, 2, 3, 0, [], True, pages=[5]))
    assert t.n_rows == 2
    unmerged = [replace(c, rowspan=1) for c in cells]
    assert len(split_stacked(Table(unmerged, 2, 3, 0, [], True, pages=[5]))) == 2
