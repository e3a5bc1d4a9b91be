"""A previous period's scores printed beside this report's, for comparison (cuiping's 表2:
评估主体 │ 权重 │ 上年度得分 │ 本年度得分 │ 增减, and a paragraph quoting last year's total
and grade, 上年度评估中，…综合得分为85.03分，评估等级为良好, before this year's in the
conclusion): a column or a sentence of an earlier period is never this report's, and an
earlier period named as the base of a change (较上年度提高3.05分) leaves a sentence this
report's. Small synthetic text and tables, no corpus file."""

from __future__ import annotations

from extractor.document.model import Document
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import _table_scores, extract_scoring
from tests.test_continued_and_bracketed import _doc, _para, _table

PARTIES = "四方评分为：购买方25.73分，监督方14.19分，督导方12.98分，第三方评估机构36.21分。"
DECOY = "上年度评估中，服务站综合得分为81.61分，评估等级为合格。"
THIS = "综上，服务站2024年度末期评估综合得分为89.11分，较上年度提高7.50分，评估等级为良好。"


def _report(*paragraphs: str) -> Document:
    blocks = [_para("六、评估得分", "heading"), _para(PARTIES.replace("为：", "分别为："))]
    blocks += [_para(p) for p in paragraphs]
    return _doc(blocks)


def test_a_previous_years_total_and_grade_are_not_the_reports() -> None:
    got = extract_scoring(_report(DECOY, THIS), profile())
    assert got.total is not None and got.total.value == 89.11
    assert got.grade is not None and got.grade.value == "良好"


def test_a_change_from_the_previous_year_leaves_the_sentence_this_reports() -> None:
    got = extract_scoring(_report(THIS), profile())
    assert got.total is not None and got.total.value == 89.11
    assert got.grade is not None and got.grade.value == "良好"


def test_this_period_named_after_the_earlier_one_is_this_reports() -> None:
    got = extract_scoring(
        _report("与上年度相比，本期综合得分为89.11分，评估等级为良好。"), profile()
    )
    assert got.total is not None and got.total.value == 89.11
    assert got.grade is not None and got.grade.value == "良好"


def test_only_a_previous_years_total_gives_none() -> None:
    got = extract_scoring(_report(DECOY), profile())
    assert got.total is None
    assert got.grade is None


HEAD = ["评估主体", "权重", "本年度得分", "上年度得分"]


def test_a_previous_years_score_column_is_never_the_partys_score() -> None:
    """This year's column first, last year's after it (the last plain number of a row is
    last year's): the party's score is this year's."""
    rows = [
        HEAD,
        ["购买方", "30%", "25.73", "23.65"],
        ["监督方", "15%", "14.19", "11.98"],
        ["督导方", "15%", "12.98", "12.18"],
        ["第三方评估机构", "40%", "36.21", "33.80"],
    ]
    got = _table_scores([_table(rows, header_rows=1, caption="表2 四方评分情况")], profile())
    assert {p: s.score.printed for p, s in got.items()} == {
        "buyer": "25.73",
        "monitor": "14.19",
        "supervision_centre": "12.98",
        "third_party": "36.21",
    }
