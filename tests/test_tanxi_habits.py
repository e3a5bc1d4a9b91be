"""Habits of the locked split's tanxi family read as data: items numbered with the
parenthesised-digit characters ⑴⑵⑶ (one character, no space after) under the labels
取得的成绩： / 存在的薄弱环节： on lines of their own; a score table printing each party's
score and full mark in one cell (得分/满分 over `25.44/30`); the grade ticked in a line of
check boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.document.blocks import find_marker
from extractor.document.model import Block, Table, TableCell
from extractor.document.sections import canonical
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import _ordinal
from extractor.passes.scoring import (
    _pairs_split,
    _table_scores,
    _table_total,
    _ticked_grade,
    _weight_column,
    extract_scoring,
)
from extractor.passes.text import first
from extractor.pdf.pages import Glyph, Line
from extractor.pipeline import load_document

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("⑴台账规范，分类清晰。", "⑴"),
        ("⑶个案服务跟进及时。", "⑶"),
        ("⑿志愿者队伍稳定。", "⑿"),
    ],
)
def test_a_parenthesised_digit_character_opens_an_item(text: str, marker: str) -> None:
    assert find_marker(text) == (marker, "paren_char")


def test_the_typed_bracketed_number_stays_its_own_style() -> None:
    assert find_marker("（1）台账规范。") == ("（1）", "paren_num")


@pytest.mark.parametrize(
    ("marker", "ordinal"), [("⑴", 1), ("⑶", 3), ("⑽", 10), ("⒇", 20), ("⑩", 10), ("①", 1)]
)
def test_the_ordinal_is_the_number_in_the_character(marker: str, ordinal: int) -> None:
    assert _ordinal(marker) == ordinal


@pytest.mark.parametrize(
    ("label", "polarity"), [("取得的成绩", "praise"), ("存在的薄弱环节", "concern")]
)
def test_the_labels_name_praise_and_concern(label: str, polarity: str) -> None:
    assert canonical(label)[0] == polarity


# 表2 评估主体 │ 得分/满分 with score and full mark in one cell; the grade ticked in a line
# of check boxes.


def _table(rows: list[tuple[str, str]]) -> Table:
    cells = [
        TableCell(r, c, text, 1, (c * 80.0, r * 20.0, c * 80.0 + 80, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return Table(cells, len(rows), 2, 1, [("评估主体",), (rows[0][1],)], True, pages=[5])


_SCORES = [
    ("评估主体", "得分/满分"),
    ("购买方", "25.44/30"),
    ("监督方", "9.41/10"),
    ("督导方", "18.47/20"),
    ("第三方评估机构", "36.42/40"),
    ("合计", "89.74/100"),
]


def test_a_score_and_its_full_mark_in_one_cell_are_read_apart() -> None:
    t = _pairs_split(_table(_SCORES), profile())
    assert t.columns == [("评估主体",), ("得分",), ("满分",)]
    assert _weight_column(t, profile()) == 2
    scores = {p: s.score.value for p, s in _table_scores([t], profile()).items()}
    assert scores == {
        "buyer": 25.44,
        "monitor": 9.41,
        "supervision_centre": 18.47,
        "third_party": 36.42,
    }
    total = _table_total([t], profile())
    assert total is not None and (total.value, total.printed) == (89.74, "89.74")


def test_a_pair_under_another_header_is_not_split() -> None:
    rows = [("评估主体", "得分"), ("购买方", "25.44/30"), ("监督方", "9.41/10")]
    t = _pairs_split(_table(rows), profile())
    assert t.n_cols == 2
    assert _table_scores([t], profile()) == {}  # no plain number: no score read


def test_weights_and_scores_of_a_real_score_table() -> None:
    doc = load_document(CORPUS / "locked/tanxi/tanxi_liuan_2024_final.pdf")
    s = extract_scoring(doc, profile())
    assert s.weights_source == "report"
    assert {w.party: w.weight for w in s.weights} == {
        "buyer": 30.0,
        "monitor": 10.0,
        "supervision_centre": 20.0,
        "third_party": 40.0,
    }
    assert sum(p.score.value for p in s.party_scores) == pytest.approx(89.74)
    # the injected wrong box: 优秀 ticked for a 良好 total is read as printed
    assert s.grade is not None and s.grade.value == "优秀"
    assert s.grade.prov is not None and s.grade.prov.page == 5


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=6, glyphs=glyphs)], starts=[0])


@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("评估等级：□优秀　☑良好　□合格　□不合格", "良好"),
        ("评估等级：☑优秀　□良好　□合格　□不合格", "优秀"),
        ("评估等级：□优秀 □良好 ■合格 □不合格", "合格"),
        ("评估等级：☐ 优秀  ☐ 良好  ☐ 合格  ☒ 不合格", "不合格"),
        ("评估等级：□优秀　□良好　□合格　□不合格", None),  # none ticked
        ("评估等级：☑优秀　☑良好　□合格　□不合格", None),  # two ticked: unsure
    ],
)
def test_the_grade_is_the_ticked_box(line: str, grade: str | None) -> None:
    b = _block(line)
    boxes = first([b], profile().pattern("grade_boxes"))
    assert boxes is not None
    got = _ticked_grade(boxes, profile())
    assert (got.value if got else None) == grade
    if got is not None:
        assert got.prov is not None and b.text[slice(*_span(got.prov.text, b.text))] == grade


def _span(needle: str, hay: str) -> tuple[int, int]:
    i = hay.index(needle)
    return i, i + len(needle)


def test_a_grade_without_boxes_is_no_box_line() -> None:
    assert first([_block("评估等级：良好")], profile().pattern("grade_boxes")) is None
