"""A score table that prints an earlier period's scores beside this one's and their
change (walled/cuiping's 表2 四方评分情况: 评估主体 │ 权重 │ 上年度得分 │ 本年度得分 │ 增减,
no 合计 line, the total stated in the text): on each party's line the signed change is
the score less the earlier one (`passes/scoring._change_relations`). Its lines read
rotated put the earlier scores under 本年度 — they fit their weights, and the text's total
is not the table's, so before this no relation was left to break and the earlier scores'
sum against the text's total became a `score.sum` alarm. Now every line's change fails
apart: the read is not trusted, a problem, no finding. A published slip of one score
breaks only its own line's change and stays a finding."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.document.model import Document
from extractor.passes.run import run_passes
from extractor.records import Report
from tests.robustness.misreads import ROOT, rotate

CORPORA = ROOT / "corpora" / "walled" / "cuiping"


@cache
def _pdf(name: str) -> Document:
    return build_document(Path(CORPORA / name))


def _rules(r: Report) -> set[tuple[str, str]]:
    return {
        (f.rule, f.locations[0].ref if f.locations else "")
        for f in check_report(r).findings
        if f.severity in ("error", "warning")
    }


def _score_table(doc: Document) -> int:
    (i,) = [i for i, t in enumerate(doc.tables) if "评分情况" in t.caption]
    return i


def test_the_table_read_as_printed_holds_every_change() -> None:
    r = run_passes(_pdf("cuiping_shuikou_2025_final.pdf"))
    read = r.scoring.table_read
    assert read is not None and read.trusted
    assert read.relations == read.consistent == 12  # 4 weights, 4 caps, 4 changes
    assert _rules(r) == set()


def test_the_score_table_read_rotated_gives_a_problem_not_a_finding() -> None:
    doc = copy.deepcopy(_pdf("cuiping_shuikou_2025_final.pdf"))
    assert rotate(doc.tables[_score_table(doc)])
    r = run_passes(doc)
    read = r.scoring.table_read
    assert read is not None and not read.trusted
    assert read.consistent == 0 and read.relations == 4  # every line's change, apart
    assert _rules(r) == set()
    assert any(p.code == "problem.table_uncertain" for p in r.problems)


def test_one_score_mistyped_stays_trusted_and_a_finding() -> None:
    """监督方's 12.14 printed 12.41: only its own line's change fails (12.41 − 12.88 is no
    −0.74), the scores make 88.35, not the text's 88.08."""
    doc = copy.deepcopy(_pdf("cuiping_shuikou_2025_final.pdf"))
    t = doc.tables[_score_table(doc)]
    (cell,) = [c for c in t.cells if c.text.strip() == "12.14"]
    cell.text = "12.41"
    r = run_passes(doc)
    read = r.scoring.table_read
    assert read is not None and read.trusted
    assert read.consistent == read.relations - 1
    assert ("score.sum", "scoring/total") in _rules(r)


def test_the_true_score_errors_are_still_found() -> None:
    """baiyan's injected score_sum (the text's total 88.11, the scores make 89.11) and
    lanxi's grade_band, with the score tables read as printed: trusted, the findings
    stand."""
    for name, rule in (
        ("cuiping_baiyan_2024_final.pdf", ("score.sum", "scoring/total")),
        ("cuiping_lanxi_2025_mid.pdf", ("grade.band", "scoring/grade")),
    ):
        r = run_passes(_pdf(name))
        read = r.scoring.table_read
        assert read is not None and read.trusted, (name, read)
        assert rule in _rules(r), (name, _rules(r))
