"""Decimal outline headings, `1）` items and captions naming a table's one indicator
(layouts first met in corpora/blind): read by general patterns in models/."""

from __future__ import annotations

import pytest

from extractor.document.blocks import find_marker


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
