"""Two habits of the party opinions and the grade, on small synthetic inputs: items opened
by ordinal words (首先，/其次，/最后，) instead of numbers; and grade bands whose grades carry
a letter in brackets (优秀（A） │ 90分及以上), read from a small table that may be taken whole
for its header."""

from __future__ import annotations

import pytest

from extractor.document.model import Block, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.assessments import _opened_items, opener
from extractor.passes.scoring import _bands
from extractor.pdf.pages import Glyph, Line


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=2, glyphs=glyphs)], starts=[0])


def test_items_opened_by_ordinal_words() -> None:
    flow = [
        _block("首先，社区活动注重发动居民骨干。"),
        _block("其次，台账按月装订归档，"),
        _block("与统计报表能够相互印证。"),  # no word: it continues the item above
        _block("最后，志愿者队伍管理规范。"),
    ]
    groups = _opened_items(flow)
    assert [(o, [b.text for b in bl]) for o, bl in groups] == [
        (1, ["首先，社区活动注重发动居民骨干。"]),
        (2, ["其次，台账按月装订归档，", "与统计报表能够相互印证。"]),
        (3, ["最后，志愿者队伍管理规范。"]),
    ]
    assert opener("首先，社区活动注重发动居民骨干。") == "首先，"
    assert opener("首先要加强督导。") is None  # a word of the sentence, no opener


@pytest.mark.parametrize(
    "texts",
    [
        ["首先，社区活动注重发动居民骨干。"],  # one alone is no run
        ["社工站服务台账规范。", "其次，志愿者队伍稳定。", "最后，资源链接充分。"],  # no first
        ["首先，台账规范。", "最后，队伍稳定。", "其次，资源链接充分。"],  # 最后 not last
    ],
)
def test_ordinal_words_out_of_a_run_open_no_items(texts: list[str]) -> None:
    assert _opened_items([_block(t) for t in texts]) == []


@pytest.mark.parametrize(
    ("text", "kind", "grade", "lower", "upper"),
    [
        ("优秀（A）90分及以上", "at_least", "优秀", "90", None),
        ("良好（B）80分（含）至90分", "between", "良好", "80", "90"),
        ("合格（C）：60分（含）至80分", "between", "合格", "60", "80"),
        ("不合格（D）60分以下", "below", "不合格", None, "60"),
    ],
)
def test_a_letter_in_brackets_after_a_grade_opens_its_band(
    text: str, kind: str, grade: str, lower: str | None, upper: str | None
) -> None:
    m = profile().pattern(f"band_{kind}_g").search(normalise(text))
    assert m is not None and m.group("grade") == grade
    assert (m.groupdict().get("lower"), m.groupdict().get("upper")) == (lower, upper)


def test_lettered_bands_read_from_a_table_taken_whole_for_its_header() -> None:
    rows = [
        ("等级", "分数段"),
        ("优秀（A）", "90分及以上"),
        ("良好（B）", "80分（含）至90分"),
        ("合格（C）", "60分（含）至80分"),
        ("不合格（D）", "60分以下"),
    ]
    cells = [
        TableCell(r, c, text, 1, (c * 80.0, r * 20.0, c * 80.0 + 80, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    # the reader took the first four rows for the header: the bands are read all the same
    t = Table(cells, len(rows), 2, 4, [], True, pages=[1])
    got = [(b.grade, b.lower, b.upper) for b in _bands([], profile(), [t])]
    assert got == [
        ("优秀", 90.0, None),
        ("良好", 80.0, 90.0),
        ("合格", 60.0, 80.0),
        ("不合格", None, 60.0),
    ]
