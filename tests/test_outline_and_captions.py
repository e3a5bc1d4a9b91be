"""Decimal outline headings, `1）` items and captions naming a table's one indicator
(layouts first met in corpora/blind): read by general patterns in models/."""

from __future__ import annotations

import pytest

from extractor.document.blocks import find_marker
from extractor.nlp.figures import figures_of
from extractor.passes.narrative import clause_area
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


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("从各片区看，菊苑片区志愿服务 4044 小时；兰亭片区志愿服务 3430 小时。", "菊苑片区"),
        ("评估期内，开展个案服务 88 个。", None),
        ("菊苑片区与兰亭片区共开展个案 12 个。", None),  # two 片区: neither's alone
    ],
)
def test_the_area_a_clause_opens_with(text: str, area: str | None) -> None:
    assert clause_area(text, text.index(next(ch for ch in text if ch.isdigit()))) == area


def test_volunteer_hours_in_text() -> None:
    got = {
        (f.indicator, f.value)
        for f in figures_of(
            "志愿者累计服务 12024 小时，开展志愿服务活动 12 场，梅岭片区志愿服务 3413 小时。"
        )
        if f.kind == "count"
    }
    assert ("volunteer_hours", 12024.0) in got and ("volunteer_hours", 3413.0) in got
    assert ("volunteer_hours", 12.0) not in got and ("volunteers", 12024.0) not in got
