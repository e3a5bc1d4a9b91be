"""A table column that prints no unit takes the unit the text gives the same figure
(extractor/passes/indicators.py `_measured_by_text`)."""

from __future__ import annotations

from extractor.passes.indicators import _measured_by_text
from extractor.records import Cell, IndicatorRow, NarrativeFigure


def _row(area: str | None, scope: str, target: float, done: float) -> IndicatorRow:
    return IndicatorRow(
        table="附表",
        area=area,
        scope=scope,  # type: ignore[arg-type]
        indicator="registered",
        label="困难群众建档",
        measure="count",
        target=Cell(printed=f"{target:g}", value=target),
        done=Cell(printed=f"{done:g}", value=done),
    )


def _said(value: float, unit: str, measure: str, scope: str | None) -> NarrativeFigure:
    return NarrativeFigure(
        indicator="registered",
        measure=measure,
        value=value,
        printed=f"{value:g}{unit}",
        unit=unit,
        scope=scope,
    )


def test_the_text_stating_a_row_figure_in_households_makes_the_column_households() -> None:
    rows = [_row("枫桥片区", "area", 380, 533), _row("合计", "total", 1305, 1791)]
    _measured_by_text(rows, [_said(533, "户", "households", "枫桥片区")])
    assert [r.measure for r in rows] == ["households", "households"]


def test_a_figure_of_another_scope_or_value_changes_nothing() -> None:
    rows = [_row("枫桥片区", "area", 380, 533)]
    _measured_by_text(rows, [_said(533, "户", "households", "金桂片区")])
    _measured_by_text(rows, [_said(534, "户", "households", "枫桥片区")])
    assert rows[0].measure == "count"


def test_the_text_saying_both_units_changes_nothing() -> None:
    rows = [_row("枫桥片区", "area", 380, 533), _row("合计", "total", 1305, 1791)]
    figures = [
        _said(533, "户", "households", "枫桥片区"),
        _said(1791, "人", "persons", None),
    ]
    _measured_by_text(rows, figures)
    assert rows[0].measure == "count"
