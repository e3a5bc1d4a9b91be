"""The total is the report's score wherever it prints it, never the edge of a grade band
it defines (issue 8). luoxi (corpora/closed) states its bands as "综合得分90分（含）以上为
优秀" and prints its total only in the signature block's last line ("综合得分：88.85分
评估等级：良好"): the 90 is a band edge, the 88.85 the score."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.passes.run import run_passes
from extractor.records import Report

CLEAN = (
    Path(__file__).resolve().parents[1]
    / "corpora"
    / "closed"
    / "luoxi"
    / "luoxi_shiqiao_2025_final.pdf"
)


@cache
def _clean() -> Report:
    return run_passes(build_document(CLEAN))


def test_the_total_is_read_from_the_signature_line_not_the_bands_sentence() -> None:
    sc = _clean().scoring
    assert sc.total is not None and sc.total.prov is not None
    assert (sc.total.printed, sc.total.value) == ("88.85", 88.85)
    assert sc.total.prov.page == 4 and "综合得分：88.85分" in sc.total.prov.text
    assert sc.grade is not None and sc.grade.value == "良好"
    assert {p.party: p.score.printed for p in sc.party_scores} == {
        "buyer": "25.34",
        "monitor": "8.60",
        "supervision_centre": "8.32",
        "third_party": "46.59",
    }
    assert [(b.grade, b.lower, b.upper) for b in sc.bands] == [
        ("优秀", 90.0, None),
        ("良好", 75.0, 90.0),
        ("合格", 60.0, 75.0),
        ("不合格", None, 60.0),
    ]


def test_the_clean_luoxi_report_raises_no_alarm_on_its_scores() -> None:
    res = check_report(_clean())
    assert not [f for f in res.findings if f.severity in ("error", "warning")]
    covered = {c.rule: c for c in res.coverage}
    assert covered["score.sum"].run >= 1 and covered["score.sum"].flagged == 0
    assert covered["grade.band"].run >= 1 and covered["grade.band"].flagged == 0


def test_the_clean_luoxi_report_reads_each_partys_two_row_table() -> None:
    """Each party's 值得肯定的地方 │ items over 需要关注的地方 │ items table, one item a
    line: every section and item as the report prints them."""
    r = _clean()
    assert [(s.party, s.polarity, s.item_count) for s in r.assessment_sections] == [
        ("buyer", "praise", 2),
        ("buyer", "concern", 2),
        ("monitor", "praise", 3),
        ("monitor", "concern", 2),
        ("supervision_centre", "praise", 3),
        ("supervision_centre", "concern", 2),
        ("third_party", "praise", 2),
        ("third_party", "concern", 2),
    ]
    buyer = [(i.polarity, i.text) for i in r.assessments if i.party == "buyer"]
    assert buyer == [
        ("praise", "社工站与街道、社区居委会沟通顺畅，联动开展多次困难群众帮扶"),
        ("praise", "督导计划落实到位，一线社工的专业反思记录较为充分"),
        ("concern", "社工持证比例偏低，专业培训的针对性有待加强"),
        ("concern", "服务总结以数据罗列为主，缺少典型案例的提炼与推广"),
    ]
