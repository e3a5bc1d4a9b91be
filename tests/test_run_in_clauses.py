"""Praise and concern items run in after a label with no number or bullet, told apart by
semicolons alone (优点：a；b；c。, the sanglin habit), and weights read from a score
table's 分值 column beside a 得分率 column of percents — on small synthetic inputs and on
the parsed sanglin pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.document.model import Block, Section, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import _clause_items, extract_assessments
from extractor.passes.scoring import _table_weights
from extractor.pdf.pages import Glyph, Line

SANGLIN = Path(__file__).parent.parent / "corpora" / "locked" / "sanglin"


def _block(
    text: str, kind: str = "paragraph", marker: str | None = None, mtype: str | None = None
) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=3, glyphs=glyphs)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def _label(text: str) -> Block:
    lead = text[: text.index("：") + 1]
    return _block(text, "label", lead, "inline_label")


def test_each_clause_after_the_label_is_an_item() -> None:
    block = _label("优点：社区活动注重居民参与，活动后有回访；志愿队运作稳定；台账信息完整。")
    items = _clause_items([block])
    assert [(o, t) for o, t, _ in items] == [
        (None, "社区活动注重居民参与，活动后有回访"),
        (None, "志愿队运作稳定"),
        (None, "台账信息完整"),
    ]
    assert items[1][2].text == "志愿队运作稳定"
    assert items[1][2].page == 3
    # the clause's own characters: after the label and the first clause and its ；
    assert items[1][2].bbox[0] == pytest.approx(
        10.0 * len("优点：社区活动注重居民参与，活动后有回访；")
    )


def test_a_paragraph_of_sentences_or_with_no_semicolon_stays_one_item() -> None:
    # two sentences: prose, not a list of clauses
    assert _clause_items([_label("不足：台账不全；记录滞后。建议下一年度改进。")]) == []
    # no separator at all: one clause, which the caller keeps as printed unless the
    # report lists its items by semicolons elsewhere
    ((_, lone, _),) = _clause_items([_label("不足：部分社工对救助政策掌握不够全面。")])
    assert lone == "部分社工对救助政策掌握不够全面"
    # an empty clause is no item list
    assert _clause_items([_label("不足：台账不全；；记录滞后。")]) == []


def test_only_a_label_opening_its_only_paragraph_splits() -> None:
    # an ordinary paragraph with semicolons, no label opening it
    assert _clause_items([_block("本年度服务稳步推进；各片区协同开展。")]) == []
    # the label's paragraph followed by another paragraph of the section
    label = _label("优点：甲项工作扎实；乙项工作规范。")
    assert _clause_items([label, _block("另有丙项工作。")]) == []


def _cell(row: int, col: int, text: str) -> TableCell:
    return TableCell(
        row, col, text, 4, (100.0 * col, 20.0 * row, 100.0 * col + 90, 20.0 * row + 18)
    )


def test_weights_from_the_fen_zhi_column_not_the_rate_column() -> None:
    rows = [
        ["评估主体", "分值", "得分", "得分率"],
        ["购买方（槐荫街道办事处）", "30", "28.36", "94.5％"],
        ["监督方（桑北区民政局）", "20", "19.05", "95.3％"],
        ["督导方（市社会工作督导中心）", "10", "8.43", "84.3％"],
        ["第三方评估机构", "40", "33.28", "83.2％"],
    ]
    cells = [_cell(r, c, x) for r, row in enumerate(rows) for c, x in enumerate(row)]
    table = Table(cells, len(rows), 4, 1, [], True, pages=[4])
    weights = _table_weights([Section(title="", level=0, items=[table])], profile())
    assert {w.party: w.weight for w in weights} == {
        "buyer": 30.0,
        "monitor": 20.0,
        "supervision_centre": 10.0,
        "third_party": 40.0,
    }
    assert {w.prov.text for w in weights if w.prov is not None} == {"30", "20", "10", "40"}


def test_a_rate_column_alone_gives_no_weights() -> None:
    rows = [
        ["评估主体", "得分", "得分率"],
        ["购买方", "28.36", "94.5％"],
        ["监督方", "19.05", "95.3％"],
        ["督导方", "8.43", "84.3％"],
        ["第三方评估机构", "33.28", "83.2％"],
    ]
    cells = [_cell(r, c, x) for r, row in enumerate(rows) for c, x in enumerate(row)]
    table = Table(cells, len(rows), 3, 1, [], True, pages=[4])
    assert _table_weights([Section(title="", level=0, items=[table])], profile()) == []


@pytest.mark.skipif(not SANGLIN.is_dir(), reason="locked corpus not present")
def test_sanglin_parsed_items_and_weights() -> None:
    from extractor.passes.scoring import extract_scoring
    from extractor.pipeline import load_document

    doc = load_document(SANGLIN / "sanglin_huaiyin_2025_final.pdf")
    sections, items = extract_assessments(doc, profile())
    assert [(s.party, s.heading, s.item_count) for s in sections][:4] == [
        ("buyer", "优点", 2),
        ("buyer", "不足", 2),
        ("monitor", "优点", 3),
        ("monitor", "不足", 1),
    ]
    assert items[0].text == "社区活动注重居民参与，活动前有需求调查，活动后有满意度回访和总结"
    assert items[0].ordinal is None
    assert all("；" not in i.text and "。" not in i.text for i in items)
    scoring = extract_scoring(doc, profile())
    assert scoring.weights_source == "report"
    assert {w.party: w.weight for w in scoring.weights} == {
        "buyer": 30.0,
        "monitor": 20.0,
        "supervision_centre": 10.0,
        "third_party": 40.0,
    }
