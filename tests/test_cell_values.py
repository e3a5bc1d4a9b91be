"""A table cell's figure (`extractor.passes.tables.values`): what a cell may print around
its number — a unit from models/vocab/table_words.yaml, a bracketed remark, a note mark
pointing at the 注 under the table — is set aside, and nothing else is taken for a figure."""

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
        ("592*", 592.0, None),
        ("8△", 8.0, None),
        ("1,234※", 1234.0, None),
        ("１５＊", 15.0, None),
        ("128人次*", 128.0, "人次"),
        ("97.05%*", 97.05, None),
    ],
)
def test_figure_with_unit_or_remark(text: str, value: float, unit: str | None) -> None:
    assert is_figure(text)
    assert figure(text) == value
    assert cell_unit(text) == unit


@pytest.mark.parametrize(
    "text",
    [
        "（超额）",
        "3个社区",
        "23.98分",
        "第3名",
        "超额完成",
        "12%人次",
        "98%（含12项）",
        "*",
        "△",
        "★★★",
        "注*",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert not is_figure(text)
    assert figure(text) is None


def test_marked_completions_stay_in_their_rows() -> None:
    """A completion typed with a note mark (610 │ 592* │ 97.05%) is read as its row's
    done figure, printed as typed; the row is not dropped."""
    from tests.test_passes_indicators import make_table, table_rows

    t = make_table(
        [
            ["片区", ("入户探访", 3), ("社区活动", 3)],
            ["", "协议量", "完成量", "完成率", "协议量", "完成量", "完成率"],
            ["东坡片区", "610", "592*", "97.05%", "6", "8△", "133.33%"],
            ["西坡片区", "400", "420", "105.00%", "5", "5", "100.00%"],
            ["合计", "1010", "1012", "100.20%", "11", "13", "118.18%"],
        ],
        header_rows=2,
        section="表1",
    )
    got = {(r.area, r.indicator): r.done for r in table_rows(t)}
    visits, events = got[("东坡片区", "home_visits")], got[("东坡片区", "community_events")]
    assert visits is not None and (visits.printed, visits.value) == ("592*", 592.0)
    assert events is not None and (events.printed, events.value) == ("8△", 8.0)
    assert len(got) == 6
