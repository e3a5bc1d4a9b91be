"""A record with no indicator row is not complete when its text prints the figures
(issue 8, "never a silent success with empty fields"): shuangxi (corpora/embargoed) prints
each 片区's figures as a numbered text list, a layout not read at first, and its records
said "success" with no row and no problem. The completeness gate names what went unread;
the lists are read now (`passes/indicator_lists.py`, tests/test_indicator_lists.py), so
the gate is tested on the same report with its lists' headings made to name no 片区."""

from __future__ import annotations

from pathlib import Path

from extractor.document.build import build_document
from extractor.knowledge.profiles import profile
from extractor.passes.completeness import _indicators_unread
from extractor.passes.run import run_passes
from extractor.records import IndicatorRow, Indicators, Report, Source

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
RATES = [
    (2, "1.困难群众建档：协议330户，完成306户，完成率92.73%；"),
    (2, "2.入户探访：协议1200人次，完成1389人次，完成率115.75%；"),
    (3, "3.个案服务：协议40个，完成43个，完成率107.50%。"),
]


def _empty() -> Report:
    return Report(source=Source(file="t.pdf"))


def test_rates_printed_with_no_row_read_are_a_problem() -> None:
    (found,) = _indicators_unread(_empty(), RATES, profile())
    assert found.code == "problem.indicators_unread"
    assert found.page == 2
    assert "3 completion rates" in found.message
    assert "完成率92.73%" in found.message_zh


def test_one_or_two_rates_in_a_sentence_are_not_enough() -> None:
    assert _indicators_unread(_empty(), RATES[:2], profile()) == []


def test_a_record_with_rows_has_nothing_to_say() -> None:
    row = IndicatorRow(
        table="表1", area="一片区", indicator="casework", label="个案", measure="opened"
    )
    report = Report(source=Source(file="t.pdf"), indicators=Indicators(rows=[row]))
    assert _indicators_unread(report, RATES, profile()) == []


def test_lists_left_unread_make_the_report_partial_not_a_silent_success() -> None:
    pdf = CORPORA / "embargoed" / "shuangxi" / "shuangxi_xikou_2025_final.pdf"
    doc = build_document(pdf)
    # headings that name neither a 片区 nor the total: the lists are not placed, not read
    for sec in doc.sections():
        if sec.level > 1 and sec.title.endswith(("服务指标完成情况", "服务指标合计")):
            sec.title = "分项服务指标"
    report = run_passes(doc)
    assert not report.indicators.rows
    assert report.status == "partial"
    assert [p.code for p in report.problems] == ["problem.indicators_unread"]


def test_the_list_report_read_has_nothing_to_say() -> None:
    pdf = CORPORA / "embargoed" / "shuangxi" / "shuangxi_xikou_2025_final.pdf"
    report = run_passes(build_document(pdf))
    assert len(report.indicators.rows) == 30
    assert report.status == "success" and report.problems == []


def test_a_report_whose_table_is_read_gets_no_such_problem() -> None:
    report = run_passes(build_document(CORPORA / "seed" / "xicun_2024_final.pdf"))
    assert report.indicators.rows
    assert "problem.indicators_unread" not in [p.code for p in report.problems]
