"""Three layouts of a summary-first template (bolted/qilin): the grade bands printed in a
table laid out sideways (等级 │ 优秀 │ 良好 … over 综合得分 │ 90分（含）以上 │ …); a key–value
form before the first heading whose 主要服务成效 cell states the station's figures; the
report's date printed alone on the cover. Synthetic inputs, the shapes of those pages."""

from __future__ import annotations

import datetime as dt

from extractor.checks import check_report
from extractor.document.model import Block, Document, PageInfo, Table
from extractor.document.sections import build_tree
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.meta import extract_meta
from extractor.passes.narrative import narrative_figures
from extractor.passes.run import run_passes
from extractor.passes.scoring import _bands as bands_of
from tests.test_passes_indicators import make_table
from tests.test_stacked_cells import _block, _heading

SIDEWAYS = [
    ["等级", "优秀", "良好", "合格", "不合格"],
    ["综合得分", "90分（含）以上", "80分（含）—90分", "60分（含）—80分", "60分以下"],
]


def _doc(flow: list[Block | Table]) -> Document:
    pages = [PageInfo(n, 595.0, 842.0, 800, 0, 1) for n in (1, 2, 3)]
    blocks = [b for b in flow if isinstance(b, Block)]
    tables = [t for t in flow if isinstance(t, Table)]
    return Document("q.pdf", "0" * 64, pages, blocks, tables, build_tree(flow), [])


# --- bands printed sideways -------------------------------------------------------------


def test_a_sideways_bands_table_is_read_down_its_columns() -> None:
    t = make_table(SIDEWAYS, header_rows=1, section="评估等级")
    p = profile()
    assert bands_of([], p, [t]) == []  # its rows name no band
    got = {b.grade: (b.lower, b.upper) for b in bands_of([], p, [t], across=True)}
    assert got == {
        "优秀": (90.0, None),
        "良好": (80.0, 90.0),
        "合格": (60.0, 80.0),
        "不合格": (None, 60.0),
    }


def test_sideways_ranges_that_make_no_ladder_are_no_bands() -> None:
    rows = [
        SIDEWAYS[0],
        ["综合得分", "90分（含）以上", "70分（含）—90分", "60分（含）—80分", "60分以下"],
    ]
    t = make_table(rows, header_rows=1, section="评估等级")
    assert bands_of([], profile(), [t], across=True) == []


def _scored(grade: str) -> Document:
    return _doc(
        [
            _heading("二、评估说明"),
            _block("评估等级按综合得分划分为四个等级，见表2-1。"),
            make_table(SIDEWAYS, header_rows=1, section="评估说明"),
            _heading("五、评估结论"),
            _block(normalise(f"本站本期综合得分为91.25分，评估等级为{grade}。")),
        ]
    )


def test_a_grade_out_of_sideways_bands_is_an_error() -> None:
    report = run_passes(_scored("良好"))
    assert report.scoring.bands_source == "report"
    (f,) = [f for f in check_report(report).findings if f.rule == "grade.band"]
    assert (f.severity, f.printed, f.expected) == ("error", "良好", "优秀")
    report = run_passes(_scored("优秀"))
    assert not [f for f in check_report(report).findings if f.rule == "grade.band"]


# --- a summary form's 主要服务成效 cell --------------------------------------------------


def _form(key: str, value: str, extra: str | None = None) -> Table:
    row = [key, value] if extra is None else [key, value, extra]
    t = make_table([["评估对象", "某社工服务站"], row, ["主要建议", "加强个案服务。"]], 0, "")
    t.section = ()
    return t


SENTENCE = "本期建档4629户，入户探访3893人次，个案服务1267节，小组服务224节，社区活动67场。"


def test_a_forms_service_results_cell_states_the_stations_figures() -> None:
    value = _form("主要服务成效", SENTENCE)
    cell = next(c for c in value.cells if c.text == SENTENCE)
    # printed on two lines: a figure's place is its line
    cell.lines = (
        (SENTENCE[:36], (40.0, 20.0, 300.0, 30.0)),
        (SENTENCE[36:], (40.0, 30.0, 120.0, 40.0)),
    )
    figs = narrative_figures(_doc([value, _heading("一、基本情况"), _block("社工站位于某路。")]))
    got = {(f.indicator, f.kind, f.scope): f.value for f in figs}
    assert got == {
        ("registered", "done", None): 4629.0,
        ("home_visits", "done", None): 3893.0,
        ("casework", "done", None): 1267.0,
        ("groups", "done", None): 224.0,
        ("community_events", "done", None): 67.0,
    }
    first = next(f for f in figs if f.value == 4629.0)
    assert first.prov.text == "4629户" and first.prov.bbox == (40.0, 20.0, 300.0, 30.0)
    last = next(f for f in figs if f.value == 67.0)
    assert last.prov.bbox == (40.0, 30.0, 120.0, 40.0)
    assert last.sentence == SENTENCE


def test_other_form_cells_state_no_narrative_figures() -> None:
    for table in (
        _form("主要建议", SENTENCE),  # a key naming no completion part
        _form("主要服务成效", SENTENCE, "备注"),  # not a key and one value
        _form("主要服务成效", "服务开展有序，居民认可度较高。"),  # no figure of an indicator
    ):
        assert narrative_figures(_doc([table])) == [], table.cells[2].text


# --- the report's date alone on the cover -----------------------------------------------


def _cover(date_line: str, body: str, page: int = 1) -> Document:
    title = _block("某市某街社工服务站", 1)
    title.kind = "title"
    return _doc(
        [
            title,
            _block("评估机构：某市某社会工作评估中心", 1),
            _block(date_line, page),
            _heading("一、基本情况", 2),
            _block(body, 2),
        ]
    )


def test_a_date_alone_on_the_cover_is_the_reports_date() -> None:
    meta = extract_meta(_cover("2025年1月20日", "社工站位于某路。"))
    assert meta.evaluation_date is not None
    assert meta.evaluation_date.value == dt.date(2025, 1, 20)
    assert meta.evaluation_date.prov.page == 1


def test_a_cover_date_gives_way_to_the_date_the_text_states() -> None:
    meta = extract_meta(_cover("2025年1月20日", "评估时间为2025年1月8日。"))
    assert meta.evaluation_date is not None
    assert meta.evaluation_date.value == dt.date(2025, 1, 8)
    # a date alone past the cover, or a cover line holding more than a date, is not it
    assert extract_meta(_cover("2025年1月20日", "社工站位于某路。", page=2)).evaluation_date is None
    assert extract_meta(_cover("2025年1月20日印发", "社工站位于某路。")).evaluation_date is None
