"""Assessment periods printed in months with the year once ("2025年1月—6月"), read by the
meta pattern (models/patterns/meta.yaml) and `passes.meta.month_range`."""

from __future__ import annotations

import datetime as dt

from extractor.document.model import Block
from extractor.passes.meta import _first_field, _period, month_range
from extractor.pdf.pages import Glyph, Line


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=1, glyphs=glyphs)], starts=[0])


def test_month_range_with_the_year_once() -> None:
    assert month_range("2025年1月", "6月") == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert month_range("2024年1月", "12月") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert month_range("2024年2月", "2024年2月") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_range("2024年11月", "2025年2月") == (dt.date(2024, 11, 1), dt.date(2025, 2, 28))
    assert month_range("1月", "6月") is None  # no year printed at all
    assert month_range("2025年6月", "1月") is None  # runs backwards


def test_assessment_period_printed_in_months() -> None:
    block = _block("本次评估期为2025年1月—6月。服务区域划分为3个片区。")
    period = _period(_first_field([block], "assessment_period"))
    assert period is not None
    assert (period.start, period.end, period.months) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        None,
    )
    assert period.printed == "2025年1月—6月"
    # full dates still read as dates, not months
    full = _block("评估期为2024年1月1日至2024年12月31日。")
    got = _period(_first_field([full], "assessment_period"))
    assert got is not None and (got.start, got.end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
