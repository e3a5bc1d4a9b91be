"""Every station and 片区 figure of the narrative followed by LAST YEAR'S in brackets
(入户探访2418人次（上年同期2066人次），完成率111.69%, walled/jinxi): a figure inside a
bracket whose words before it name an earlier period (models/vocab/scopes.yaml
earlier_period: 上年同期, 去年同期, 上期 …) is printed for comparison and is never read as
this period's — not as a count, not as a rate, even when the bracket names the indicator
or the rate word itself. A bracket naming no earlier period (协议量) is read as before.
Synthetic paragraphs, no corpus file."""

from __future__ import annotations

from extractor.passes.narrative import earlier_aside, narrative_figures
from tests.test_continued_and_bracketed import _doc, _para


def _read(text: str) -> list[tuple[str | None, str, float, str | None]]:
    doc = _doc(
        [
            _para("三、服务指标完成情况", "heading"),
            _para("（一）总体完成情况", "heading"),
            _para(text),
        ]
    )
    return [(f.indicator, f.kind, f.value, f.scope) for f in narrative_figures(doc)]


def test_last_years_figures_in_brackets_are_not_this_periods() -> None:
    text = (
        "评估周期内，服务站入户探访2418人次（上年同期入户探访2066人次），完成率111.69%"
        "（上年同期完成率98.50%）；开展个案服务660节（去年同期为个案服务540节）。"
    )
    assert _read(text) == [
        ("home_visits", "done", 2418.0, None),
        ("home_visits", "pct", 111.69, None),
        ("casework", "done", 660.0, None),
    ]


def test_a_areas_figure_and_rate_around_last_years() -> None:
    text = "分片区看，梅岭片区入户探访716人次（上年同期670人次），完成率106.87%，为各片区最高。"
    assert _read(text) == [
        ("home_visits", "done", 716.0, "梅岭片区"),
        ("home_visits", "pct", 106.87, "梅岭片区"),
    ]


def test_a_bracket_naming_no_earlier_period_is_read_as_before() -> None:
    text = "评估周期内，服务站建档2048户（协议量1610户），完成率127.20%。"
    assert _read(text) == [
        ("registered", "done", 2048.0, None),
        ("registered", "target", 1610.0, None),
        ("registered", "pct", 127.2, None),
    ]
    assert not earlier_aside(text, text.index("1610"))
    assert not earlier_aside("上年同期入户探访2066人次", 8)  # no bracket: not an aside
