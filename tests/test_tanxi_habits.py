"""Habits of the locked split's tanxi family read as data: items numbered with the
parenthesised-digit characters ⑴⑵⑶ (one character, no space after) under the labels
取得的成绩： / 存在的薄弱环节： on lines of their own."""

from __future__ import annotations

import pytest

from extractor.document.blocks import find_marker
from extractor.document.sections import canonical
from extractor.passes.assessments import _ordinal


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
