"""Three wordings of the validation split's chengxi reports (looked at long ago, left
unexplained in its allowlist): the operator after 由 with 运营 and no 承接, the number of
片区 after their names are listed, and the certified count in brackets after the head
count. Each is a pattern in models/patterns (meta.yaml, staffing.yaml)."""

from __future__ import annotations

from extractor.document.model import Block, Document
from extractor.document.sections import build_tree
from extractor.numbers import normalise
from extractor.passes.meta import extract_meta
from extractor.passes.staffing import narrative_figures as staffing_figures
from tests.test_stacked_cells import _block, _heading


def _doc(text: str) -> Document:
    flow: list[Block] = [_heading("一、基本情况"), _block(normalise(text))]
    return Document("x.pdf", "", [], [], [], build_tree(flow), [])


def test_operator_after_you_with_yunying() -> None:
    text = (
        "临澈市河滨街社工服务站由临澈市携手社会工作服务社运营，服务地址为临澈市城西区河滨路10号。"
    )
    meta = extract_meta(_doc(text))
    assert meta.operator is not None
    assert meta.operator.value == "临澈市携手社会工作服务社"


def test_area_count_after_the_listed_names() -> None:
    meta = extract_meta(_doc("社工站设东片、西片、南片、北片四个片区。"))
    assert meta.area_count is not None and meta.area_count.value == 4


def test_area_count_does_not_take_an_ordinal_of_a_listed_name() -> None:
    meta = extract_meta(_doc("社工站设第一片区、第二片区两个片区。"))
    assert meta.area_count is not None and meta.area_count.value == 2


def test_certified_in_brackets_after_the_head_count() -> None:
    text = "社工站现有社工21名（持证12名，非持证9名），分为站务组和各片区社工组。"
    got = {k: n.value for k, n in staffing_figures([_block(normalise(text))]).items()}
    assert got["certified_count"] == 12
    assert got["uncertified_count"] == 9
    assert got["total_count"] == 21


def test_a_level_breakdown_is_not_the_certified_count() -> None:
    text = "社工站现有社工10名，其中中级持证2名、初级持证5名。"
    got = {k: n.value for k, n in staffing_figures([_block(normalise(text))]).items()}
    assert got.get("certified_count") is None
