"""Decimal outline headings, `1）` items and captions naming a table's one indicator
(layouts first met in corpora/blind): read by general patterns in models/."""

from __future__ import annotations

import pytest

from extractor.document.blocks import find_marker
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.read import caption_label


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("4.1 购买方评估意见", ("4.1", "dec2")),
        ("4.4.2 枫林片区", ("4.4.2", "dec3")),
        ("1. 项目基本情况", ("1.", "num")),
        ("1）社工站定期召开站务会议。", ("1）", "num_close")),
    ],
)
def test_outline_markers(line: str, expected: tuple[str, str]) -> None:
    assert find_marker(line) == expected


@pytest.mark.parametrize("line", ["49.22%的要求。", "3.5 万元用于活动", "12.5小时", "80.00%"])
def test_a_decimal_figure_opening_a_line_is_no_heading(line: str) -> None:
    assert find_marker(line) is None


@pytest.mark.parametrize(
    ("caption", "label"),
    [
        ("表3-2  个案服务（个）完成情况", "个案服务（个）"),
        ("表 3-4 志愿服务时数（小时）完成情况", "志愿服务时数（小时）"),
        ("附表1 小组活动统计表", "小组活动"),
        ("电访", "电访"),  # no number: the caption is its own label
    ],
)
def test_caption_label(caption: str, label: str) -> None:
    assert caption_label(caption) == label


def test_a_caption_names_its_tables_indicator_and_unit() -> None:
    tags = label_tags(caption_label("表3-2  个案服务（个）完成情况"))
    assert tags.indicator == "casework" and tags.unit == "个"
