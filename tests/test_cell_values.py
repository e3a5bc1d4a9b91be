"""A table cell's figure (`extractor.passes.tables.values`): what a cell may print around
its number — a unit from models/vocab/table_words.yaml, a bracketed remark — is set
aside, and nothing else is taken for a figure."""

from __future__ import annotations

import pytest

from extractor.passes.tables.values import cell_unit, figure, is_figure


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("128人次", 128.0, "人次"),
        ("575节", 575.0, "节"),
        ("1,325户", 1325.0, "户"),
        ("１２８人次", 128.0, "人次"),
        ("112.50%（超额）", 112.5, None),
        ("98.67%", 98.67, None),
        ("100%(超额)", 100.0, None),
    ],
)
def test_figure_with_unit_or_remark(text: str, value: float, unit: str | None) -> None:
    assert is_figure(text)
    assert figure(text) == value
    assert cell_unit(text) == unit


@pytest.mark.parametrize(
    "text", ["（超额）", "3个社区", "23.98分", "第3名", "超额完成", "12%人次", "98%（含12项）"]
)
def test_not_a_figure(text: str) -> None:
    assert not is_figure(text)
    assert figure(text) is None
