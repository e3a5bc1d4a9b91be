"""Figures stated in the cells of a table instead of a paragraph (a 服务成效 table:
序号 │ 服务项目 │ 服务内容 │ 服务成效, each 服务成效 cell `建档885户，协议量628户，完成率
140.92%`; latched/yuquan's 表1 shape, figures invented), and the parts of a clause named
by their role word alone after a count (协议量628户: that count's target; 完成率140.92%:
its rate). An indicator table's cells are rows, never narrative."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.document.model import Block, Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.numbers import normalise
from extractor.passes.indicators import extract_indicators
from extractor.passes.narrative import narrative_figures
from extractor.records import Indicators
from tests.test_area_title_rows import title_table
from tests.test_checks_rules import report
from tests.test_stacked_cells import _block, _heading

EFFECTS = [
    ("困难群众建档", "建档885户，协议量628户，完成率140.92%"),
    ("个案服务", "开展个案服务264节，协议量192节，完成率137.50%"),
]


def effects_table() -> Table:
    cells: list[TableCell] = []

    def cell(r: int, c: int, text: str) -> None:
        cells.append(
            TableCell(r, c, text, 3, (c * 80.0, 100 + r * 30.0, (c + 1) * 80.0, 130 + r * 30.0))
        )

    for c, head in enumerate(("序号", "服务项目", "服务内容", "服务成效")):
        cell(0, c, head)
    for r, (item, effect) in enumerate(EFFECTS, start=1):
        cell(r, 0, str(r))
        cell(r, 1, item)
        cell(r, 2, "逐户核实情况，建立服务档案并动态更新")
        cell(r, 3, effect)
    t = Table(cells, len(EFFECTS) + 1, 4, 1, [], True, caption="表1 主要服务成效")
    t.pages = [3]
    t.columns = column_paths(t)
    return t


def _doc(*items: Block | Table) -> Document:
    flow: list[Block | Table] = [_heading("三、服务指标完成情况"), *items]
    tables = [x for x in items if isinstance(x, Table)]
    return Document("x.pdf", "", [], [], tables, build_tree(flow), [])


def _got(doc: Document) -> list[tuple[str | None, str, str, str | None]]:
    return [(f.indicator, f.kind, f.printed, f.scope) for f in narrative_figures(doc)]


def test_a_table_of_sentences_states_the_station_figures() -> None:
    got = _got(_doc(_block("主要服务成效见表1。"), effects_table()))
    assert got == [
        ("registered", "done", "885户", None),
        ("registered", "target", "628户", None),
        ("registered", "pct", "140.92%", None),
        ("casework", "done", "264节", None),
        ("casework", "target", "192节", None),
        ("casework", "pct", "137.50%", None),
    ]
    (fig,) = [f for f in narrative_figures(_doc(effects_table())) if f.printed == "628户"]
    assert fig.prov is not None and fig.prov.page == 3 and fig.prov.text == "628户"
    assert fig.sentence == "建档885户，协议量628户，完成率140.92%"


def test_an_indicator_table_is_no_narrative() -> None:
    t = title_table()
    doc = _doc(_block("各片区完成情况见表1。"), t)
    ind = extract_indicators(doc)
    assert ind.rows and ind.narrative == []


def _flow(text: str) -> list[tuple[str | None, str, str, str | None]]:
    return _got(_doc(_block(normalise(text))))


def test_a_part_named_by_its_role_word_is_the_counts_target_or_rate() -> None:
    assert _flow("为困难群众建档2956户（协议量1925户）；开展入户探访2187人次。") == [
        ("registered", "done", "2956户", None),
        ("registered", "target", "1925户", None),
        ("home_visits", "done", "2187人次", None),
    ]
    assert _flow("分片区看，金山片区开展入户探访687人次，协议量550人次。") == [
        ("home_visits", "done", "687人次", "金山片区"),
        ("home_visits", "target", "550人次", "金山片区"),
    ]


def test_a_role_word_alone_is_not_enough() -> None:
    # a part named by another word than a role's is no target
    assert "target" not in {k for _, k, _, _ in _flow("建档885户，新增628户，完成率140.92%。")}
    # no count of an indicator before it in the sentence
    assert _flow("本期协议量628户。建档885户。") == [("registered", "done", "885户", None)]


def test_a_cell_figure_with_digits_swapped_is_an_error() -> None:
    """title_table's 总计 prints 510 / 578 建档 (113.33%): a cell stating the total with
    two digits swapped (587户), beside its rate restating the cell, is an error."""
    t = effects_table()
    at = next(i for i, c in enumerate(t.cells) if (c.row, c.col) == (1, 3))
    t.cells[at] = TableCell(1, 3, "建档587户，协议量510户，完成率113.33%", 3, t.cells[at].bbox)
    figures = [f for f in narrative_figures(_doc(t)) if f.indicator == "registered"]
    rows = extract_indicators(_doc(title_table())).rows
    res = check_report(report(indicators=Indicators(rows=rows, narrative=figures)))
    (finding,) = res.findings
    assert finding.rule == "narrative.table" and finding.severity == "error"
    assert (finding.printed, finding.expected) == ("587户", "578")
