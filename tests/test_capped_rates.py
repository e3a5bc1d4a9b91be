"""Rates above 100% printed CAPPED, as counted for the score, with the ACTUAL rate in
brackets marked as the actual one: `100%（实际155.23%）` in a table's 完成率 cell (a 注
under the table saying rates above 100% count as 100%), 完成率按100%计（实际完成率155.23%）
in the text (walled/cuiping's shape, figures invented). The bracketed rate is the figure
(done ÷ target), so the rate checks recompute against it and the cap is never an error in
itself; the counted 100% is no narrative figure, and neither is the 100% a rule is stated
for (完成率超过100%的按100%计入评分)."""

from __future__ import annotations

import pytest

from extractor.checks import check_report
from extractor.document.model import Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.nlp.figures import find_figures
from extractor.numbers import normalise
from extractor.passes.indicators import extract_indicators
from extractor.passes.narrative import narrative_figures
from extractor.passes.tables.values import figure, is_figure
from extractor.printed import parse_printed
from tests.test_checks_rules import report
from tests.test_stacked_cells import _block, _heading


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100%（实际155.23%）", 155.23),
        ("100%(实为126.32%)", 126.32),
        ("100% （实际完成率 118.00%）", 118.0),
        ("１００％（实际：１４０．００％）", 140.0),
    ],
)
def test_a_capped_cell_states_its_actual_rate(text: str, value: float) -> None:
    assert is_figure(text)
    assert figure(text) == value
    p = parse_printed(text, value)
    assert p is not None and float(p.value) == value and p.decimals == 2
    assert p.text == text  # the cell as printed


def test_a_bracket_not_marking_the_actual_rate_is_no_figure() -> None:
    assert figure("100%（注155.23%）") is None
    assert figure("155.23%") == 155.23 and parse_printed("100%") is not None


AREAS = [
    # 片区, (target, done) of 建档 and of 入户探访
    ("东片区", (600, 903), (375, 300)),
    ("西片区", (430, 815), (670, 588)),
]


def _rate(target: int, done: int, actual: str | None = None) -> str:
    pct = done / target * 100
    if pct <= 100:
        return f"{pct:.2f}%"
    return f"100%（实际{actual or f'{pct:.2f}%'}）"


def capped_table(wrong: str | None = None) -> Table:
    """片区 │ 建档（户）协议量 完成量 完成率 │ 入户探访（人次）…, 合计 last; `wrong` the
    actual rate printed in 西片区's 建档 bracket instead of its own."""
    cells: list[TableCell] = []

    def cell(r: int, c: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        box = (c * 60.0, 100 + r * 16.0, (c + colspan) * 60.0, 100 + (r + rowspan) * 16.0)
        cells.append(TableCell(r, c, text, 3, box, rowspan, colspan))

    cell(0, 0, "片区", rowspan=2)
    for g, name in enumerate(("困难群众建档（户）", "入户探访（人次）")):
        cell(0, 1 + 3 * g, name, colspan=3)
        for k, role in enumerate(("协议量", "完成量", "完成率")):
            cell(1, 1 + 3 * g + k, role)
    total = [[0, 0], [0, 0]]
    for r, (area, *pairs) in enumerate(AREAS, start=2):
        cell(r, 0, area)
        for g, (target, done) in enumerate(pairs):
            total[g][0] += target
            total[g][1] += done
            actual = wrong if (area, g) == ("西片区", 0) else None
            for k, text in enumerate((str(target), str(done), _rate(target, done, actual))):
                cell(r, 1 + 3 * g + k, text)
    r = 2 + len(AREAS)
    cell(r, 0, "合计")
    for g, (target, done) in enumerate(total):
        for k, text in enumerate((str(target), str(done), _rate(target, done))):
            cell(r, 1 + 3 * g + k, text)
    t = Table(cells, r + 1, 7, 2, [], True, caption="表1 各片区服务指标完成情况")
    t.pages = [3]
    t.columns = column_paths(t)
    return t


def _doc(*items: object) -> Document:
    flow = [_heading("三、服务指标完成情况"), *items]
    tables = [x for x in items if isinstance(x, Table)]
    return Document("x.pdf", "", [], [], tables, build_tree(flow), [])  # type: ignore[arg-type]


def test_capped_cells_are_read_as_their_actual_rates() -> None:
    ind = extract_indicators(_doc(capped_table()))
    rates = {(r.area, r.indicator): r.pct for r in ind.rows}
    east = rates[("东片区", "registered")]
    assert east is not None and east.value == 150.5 and east.printed == "100%（实际150.50%）"
    assert rates[("东片区", "home_visits")] is not None
    assert rates[("东片区", "home_visits")].value == 80.0  # type: ignore[union-attr]
    assert len(ind.rows) == 6
    res = check_report(report(indicators=ind))
    assert res.findings == []
    assert res.problems == []


def test_a_wrong_actual_rate_in_the_bracket_is_an_error() -> None:
    ind = extract_indicators(_doc(capped_table(wrong="199.53%")))
    res = check_report(report(indicators=ind))
    (finding,) = res.findings
    assert finding.rule == "pct.row" and finding.severity == "error"
    assert finding.printed == "100%（实际199.53%）" and finding.expected.startswith("189.53")


def _flow(text: str) -> list[tuple[str | None, str, str, str | None]]:
    doc = _doc(_block(normalise(text)))
    return [(f.indicator, f.kind, f.printed, f.scope) for f in narrative_figures(doc)]


def test_the_text_states_the_actual_rate_not_the_counted_one() -> None:
    assert _flow(
        "本期服务站困难群众建档完成2485户（协议量1530户），完成率按100%计（实际完成率162.42%）；"
        "东片区入户探访完成582人次，完成率按100%计（实际完成率155.20%）。"
    ) == [
        ("registered", "done", "2485户", None),
        ("registered", "target", "1530户", None),
        ("registered", "pct", "162.42%", None),
        ("home_visits", "done", "582人次", "东片区"),
        ("home_visits", "pct", "155.20%", "东片区"),
    ]


def test_a_rate_a_rule_is_stated_for_is_no_figure() -> None:
    text = (
        "注：完成率超过100%的按100%计入评分，括号内为实际完成率；"
        "完成率超过 100%的，计分时按100%计。"
    )
    pcts = [(f.value, f.approx) for f in find_figures(normalise(text)) if f.kind == "pct"]
    assert pcts == [(100.0, False), (100.0, False)]  # 按100%计 only: no approximate rate
    assert _flow(text) == []
