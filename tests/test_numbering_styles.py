"""Item numbering styles Word's numbering gallery, its symbol table and Chinese input
methods offer, read as data (models/sections.yaml `markers`, `item: true`): each opens a
praise/concern item with its ordinal, in a section's paragraphs and in a table cell's
lines alike; a line of check boxes or a grade letter is not a list."""

from __future__ import annotations

import pytest

from extractor.document.blocks import find_marker
from extractor.document.model import Block, TableCell
from extractor.document.sections import build_tree
from extractor.passes.assessments import _items, _numbered_lines, _ordinal
from extractor.pdf.pages import Glyph, Line


def _block(text: str, kind: str = "paragraph") -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    mk = find_marker(text)
    marker, style = mk if mk else (None, None)
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=2, glyphs=glyphs, size=12.0)],
        starts=[0],
        marker=marker,
        marker_type=style,
    )


STYLES = [
    ("⒈台账规范。", "⒉个案跟进及时。", "⒊志愿者队伍稳定。", "stop_char"),
    ("❶台账规范。", "❷个案跟进及时。", "❸志愿者队伍稳定。", "dingbat"),
    ("➀台账规范。", "➁个案跟进及时。", "➂志愿者队伍稳定。", "dingbat"),
    ("Ⅰ、台账规范。", "Ⅱ、个案跟进及时。", "Ⅲ、志愿者队伍稳定。", "roman"),
    ("甲、台账规范。", "乙、个案跟进及时。", "丙、志愿者队伍稳定。", "stem"),
    ("A.台账规范。", "B.个案跟进及时。", "C.志愿者队伍稳定。", "letter"),
    ("a）台账规范。", "b）个案跟进及时。", "c）志愿者队伍稳定。", "letter"),
    ("（a）台账规范。", "（b）个案跟进及时。", "（c）志愿者队伍稳定。", "paren_letter"),
    ("⑪台账规范。", "⑫个案跟进及时。", "⑬志愿者队伍稳定。", "circled"),
    ("★台账规范。", "★个案跟进及时。", "★志愿者队伍稳定。", "bullet"),
    ("➢台账规范。", "➢个案跟进及时。", "➢志愿者队伍稳定。", "bullet"),
]


@pytest.mark.parametrize(("one", "two", "three", "style"), STYLES)
def test_a_numbering_style_opens_items_with_their_ordinals(
    one: str, two: str, three: str, style: str
) -> None:
    texts = (one, two, three)
    assert [(find_marker(t) or ("", ""))[1] for t in texts] == [style] * 3
    root = build_tree([_block("工作亮点：", kind="label"), *map(_block, texts)])
    [label] = root.children
    got = _items(label)
    assert [bl[0].text for _, bl in got] == list(texts)
    ordinals = [o for o, _ in got]
    if style == "bullet":
        assert ordinals == [None, None, None]
    elif style == "circled":
        assert ordinals == [11, 12, 13]
    else:
        assert ordinals == [1, 2, 3]


def test_a_wrapped_line_stays_with_its_item() -> None:
    root = build_tree(
        [
            _block("存在问题：", kind="label"),
            _block("甲、个案服务记录不够完整，"),
            _block("部分跟进记录缺失。"),
            _block("乙、小组活动频次偏低。"),
        ]
    )
    [label] = root.children
    assert [(o, len(bl)) for o, bl in _items(label)] == [(1, 2), (2, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "A级服务站",  # a grade letter, no numbering mark after it
        "AB.社区",  # two letters are a word
        "□优秀　☑良好　□合格",  # a line of check boxes is a choice, not a list
        "甲方为街道办事处。",  # 甲方 is the buyer, not the first stem
        "Ⅱ类社区",  # a Roman numeral glued to its word
    ],
)
def test_lines_that_only_look_numbered_open_no_item(text: str) -> None:
    mk = find_marker(text)
    assert mk is None or mk[1] not in {
        "letter",
        "stem",
        "roman",
        "bullet",
        "paren_letter",
    }, mk


@pytest.mark.parametrize(
    ("marker", "style", "ordinal"),
    [("乙、", "stem", 2), ("C.", "letter", 3), ("（d）", "paren_letter", 4), ("Ⅻ、", "roman", 12)],
)
def test_the_ordinal_of_a_lettered_or_stemmed_marker(marker: str, style: str, ordinal: int) -> None:
    assert _ordinal(marker, style) == ordinal


def test_a_cells_lines_open_items_in_any_item_style() -> None:
    box = (0.0, 0.0, 100.0, 40.0)
    cell = TableCell(
        1,
        1,
        "❶台账规范，❷个案跟进及时，\n记录完整。",
        2,
        box,
        lines=(("❶台账规范，", box), ("❷个案跟进及时，", box), ("记录完整。", box)),
    )
    got = _numbered_lines([cell])
    assert [(o, t) for o, t, _ in got] == [(1, "台账规范，"), (2, "个案跟进及时，记录完整。")]
