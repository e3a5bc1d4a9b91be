"""Items each opened by a bold run-in mark naming their kind and number (亮点一： … 问题一：;
问题：无。 for none), with no praise/concern heading over them, their wrapped lines hanging
under the text (the tanhe family of corpora/moated); and the same reports' scores: each
party's weighted score in a table whose 综合得分 and 评估等级 are one cell merged down over
the party rows, and grade bands in interval notation ([90,100] / [80,90)). Synthetic lines,
blocks and tables (no PDF)."""

from __future__ import annotations

from extractor.document.blocks import Margins, assemble, item_mark
from extractor.document.model import Block, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from extractor.passes.scoring import _bands, _table_scores, _table_total
from extractor.pdf.pages import Glyph, Line
from tests.test_continued_and_bracketed import _doc, _para

SIZE = 12.0
LEFT, RIGHT = 72.0, 72.0 + 36 * SIZE


def _line(text: str, top: float, x0: float = LEFT) -> Line:
    glyphs = [
        Glyph(c, x0 + SIZE * i, top, x0 + SIZE * (i + 1), top + SIZE) for i, c in enumerate(text)
    ]
    return Line(4, glyphs, size=SIZE)


def test_a_run_in_mark_names_the_kind_and_number() -> None:
    mark = item_mark("亮点一：困难群众档案分类清晰。")
    assert mark is not None and (mark.mark, mark.polarity, mark.ordinal) == (
        "亮点一：",
        "praise",
        "一",
    )
    mark = item_mark("问题2：记录简单。")
    assert mark is not None and (mark.polarity, mark.ordinal) == ("concern", "2")
    mark = item_mark("问题：无。")
    assert mark is not None and (mark.polarity, mark.ordinal) == ("concern", None)
    assert item_mark("亮点纷呈，服务到位。") is None


def test_wrapped_lines_hang_under_the_marks_text() -> None:
    """The line after a full line hangs where the text after 亮点一： starts: it runs the
    item on (before the fix every wrapped line was a paragraph of its own); a line
    opening with a numbered mark opens the next item even after a full line ending 。."""
    hang = LEFT + 4 * SIZE
    full = "亮点一：" + "困" * 31 + "，"  # 36 glyphs: to the right margin, no stop
    lines = [
        _line(full, 100),
        _line("并按季度更新家庭状况。", 124, hang),
        _line("亮点二：" + "服" * 31 + "。", 148),  # full, ending its sentence
        _line("问题一：社区活动中一次性活动占比较高。", 172),
    ]
    blocks = assemble(lines, Margins(left=LEFT, right=RIGHT, size=SIZE, leading=24.0))
    assert [b.text for b in blocks] == [
        full + "并按季度更新家庭状况。",
        "亮点二：" + "服" * 31 + "。",
        "问题一：社区活动中一次性活动占比较高。",
    ]


def _opinions(*parties: list[str]) -> list[Block]:
    heads = ["（一）购买方（水口镇政府）评估意见", "（二）督导方（沅州市社会工作督导中心）评估意见"]
    blocks = [_para("四、各方评估意见", "heading")]
    for head, paras in zip(heads, parties, strict=False):
        blocks += [_para(head, "heading"), *(_para(p) for p in paras)]
    return blocks


BUYER = [
    "购买方按百分制评分88.8分，按30%权重折合26.64分。主要意见如下：",
    "亮点一：困难群众档案分类清晰，低保、特困和残疾对象均建立了一户一档，",
    "并按季度更新家庭状况。",  # a hanging line read apart: runs the item on
    "亮点二：服务站对突发困难家庭响应迅速。",
    "问题一：社区活动中一次性活动占比较高。",
    "问题二：社工承担的社区行政性事务较多。",
]
CENTRE = [
    "督导方按百分制评分80.6分，按10%权重折合8.06分。主要意见如下：",
    "亮点1：志愿者队伍稳定。",
    "问题：无。",
]


def test_marked_items_give_a_section_per_kind_with_their_numbers() -> None:
    sections, items = extract_assessments(_doc(_opinions(BUYER, CENTRE)), profile())
    got = [(s.party, s.polarity, s.heading, s.item_count, s.none_stated) for s in sections]
    assert got == [
        ("buyer", "praise", "亮点", 2, False),
        ("buyer", "concern", "问题", 2, False),
        ("supervision_centre", "praise", "亮点", 1, False),
        ("supervision_centre", "concern", "问题", 0, True),
    ]
    assert [(i.party, i.polarity, i.ordinal) for i in items] == [
        ("buyer", "praise", 1),
        ("buyer", "praise", 2),
        ("buyer", "concern", 1),
        ("buyer", "concern", 2),
        ("supervision_centre", "praise", 1),
    ]
    assert (
        items[0].text
        == "困难群众档案分类清晰，低保、特困和残疾对象均建立了一户一档，并按季度更新家庭状况。"
    )
    assert all("亮点" not in i.text and "问题" not in i.text[:3] for i in items)


def test_paragraphs_with_no_numbered_mark_are_left_to_the_other_readings() -> None:
    sections, _ = extract_assessments(
        _doc(_opinions(["购买方评分88.8分。", "亮点：服务规范。", "社工站注重宣传。"])), profile()
    )
    assert sections == []


def _cell(r: int, c: int, text: str, rowspan: int = 1) -> TableCell:
    return TableCell(
        r, c, text, 6, (72.0 + 60 * c, 100.0 + 20 * r, 132.0 + 60 * c, 118.0 + 20 * r), rowspan
    )


def _score_table() -> Table:
    head = ["评估主体", "百分制评分", "权重", "折合得分", "综合得分", "评估等级"]
    rows = [
        ["购买方（水口镇政府）", "88.8", "30%", "26.64"],
        ["监督方（沅江区民政局）", "82.8", "20%", "16.56"],
        ["督导方（沅州市社会工作督导中心）", "80.6", "10%", "8.06"],
        ["第三方评估机构", "91.4", "40%", "36.56"],
    ]
    cells = [_cell(0, c, t) for c, t in enumerate(head)]
    for r, row in enumerate(rows, start=1):
        cells += [_cell(r, c, t) for c, t in enumerate(row)]
    cells += [_cell(1, 4, "87.82", rowspan=4), _cell(1, 5, "优秀", rowspan=4)]
    return Table(cells, 5, 6, 1, [(h,) for h in head], True, caption="表3 四方评分及综合得分")


def test_a_total_merged_down_over_the_party_rows_is_no_partys_score() -> None:
    """The 综合得分 cell stands in the first party's row of the grid: before the fix it was
    read as the buyer's score (the row's last number) and the total was not read."""
    scores = {p: s.score.value for p, s in _table_scores([_score_table()], profile()).items()}
    assert scores == {
        "buyer": 26.64,
        "monitor": 16.56,
        "supervision_centre": 8.06,
        "third_party": 36.56,
    }
    total = _table_total([_score_table()], profile())
    assert total is not None and total.value == 87.82


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=3, glyphs=glyphs)], starts=[0])


def test_bands_in_interval_notation_with_their_ends() -> None:
    text = "优秀 [90,100]；良好 [80,90)；合格 [60,80)；不合格 [0,60)。"
    got = [
        (b.grade, b.lower, b.lower_inclusive, b.upper, b.upper_inclusive)
        for b in _bands([_block(text)], profile())
    ]
    assert got == [
        ("优秀", 90.0, True, 100.0, True),
        ("良好", 80.0, True, 90.0, False),
        ("合格", 60.0, True, 80.0, False),
        ("不合格", 0.0, True, 60.0, False),
    ]


def test_round_brackets_alone_are_no_interval() -> None:
    assert (
        _bands(
            [_block("优秀（90，100）；良好（80，90）；合格（60，80）；不合格（0，60）。")],
            profile(),
        )
        == []
    )
