"""The read of the table(s) the party scores came from holds together or is not trusted
(`ScoreTableRead`, issue 8: a misread is never a finding). In the parties' criteria
tables (评分项目 │ 分值 │ 得分 … 小计, each party's score its 小计), every item's 得分 fits
under its 分值 and the 小计 line is the sum of the items; in a score table with a line per
party, each party's cell under the weight's header prints its weight and its score fits
under it, and the scores make the total the table prints. A column swap or a rotated
line breaks relations that share no figure: the read is not trusted, the report gets a
problem and the scores it gave are not checked. A published slip moves one figure and
breaks only relations through it: the read stays trusted and the slip a finding. Also a
table with the 片区 as column groups whose two 协议量 columns were read against each
other's headers (`fragment.column_elsewhere` over a 片区's column)."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.document.model import Document
from extractor.knowledge.profiles import profile
from extractor.passes.run import run_passes
from extractor.passes.scoring import extract_scoring
from extractor.records import Finding, Report
from tests.robustness.misreads import ROOT, rotate, swap_cols
from tests.test_checks_rules import report
from tests.test_criteria_subtotal_scores import _report

CORPORA = ROOT / "corpora"

# muxi's four criteria tables (items 分值 │ 得分, then the 小计's): the four 小计 make
# 84.66, the sentence in 五、 prints 85.66 (yanqiao's injected score_sum)
ITEMS = {
    "购买方（街道办事处）评估意见": (
        "购买方",
        [("服务协议履行", "10", "9.12"), ("服务成效", "8", "7.26"), ("项目管理", "12", "11.05")],
        "30",
        "27.43",
    ),
    "监督方（区民政局）评估意见": (
        "监督方",
        [("资金使用规范性", "6", "5.39"), ("档案管理", "6", "4.21"), ("服务流程", "8", "6.59")],
        "20",
        "16.19",
    ),
    "督导方（督导中心）评估意见": (
        "督导方",
        [("专业方法运用", "4", "3.52"), ("督导计划落实", "3", "2.47"), ("团队成长", "3", "2.70")],
        "10",
        "8.69",
    ),
    "第三方评估机构评估意见": (
        "第三方评估机构",
        [("项目管理", "10", "8.50"), ("服务指标", "15", "12.92"), ("服务质量", "15", "10.93")],
        "40",
        "32.35",
    ),
}


def _checked(parties: dict[str, tuple[str, list[tuple[str, str, str]], str, str]]) -> Report:
    return report(scoring=extract_scoring(_report(parties), profile()))


def _alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def _swapped(parties: dict[str, tuple[str, list[tuple[str, str, str]], str, str]], heading: str):
    """The party's criteria table with its 分值 and 得分 columns read the wrong way round."""
    out = dict(parties)
    who, items, full, score = out[heading]
    out[heading] = (who, [(n, b, a) for n, a, b in items], score, full)
    return out


def test_criteria_tables_that_hold_together_are_trusted_and_the_total_checked() -> None:
    r = _checked(ITEMS)
    read = r.scoring.table_read
    assert read is not None and read.trusted, read
    assert read.relations == 20 and read.consistent == 20  # 12 items, 8 sums
    assert [f.rule for f in _alarms(r)] == ["score.sum"]  # 85.66 printed for 84.66


def test_a_criteria_table_read_with_its_columns_swapped_is_no_finding() -> None:
    """The 分值 read as the 得分: every item's score above its maximum (relations apart),
    the 小计 the full mark — the scores do not make the total, yet that is the read's."""
    for heading in ITEMS:
        r = _checked(_swapped(ITEMS, heading))
        read = r.scoring.table_read
        assert read is not None and not read.trusted, heading
        assert "party_scores" in read.fields
        assert _alarms(r) == [], heading
        skipped = [s for c in check_report(r).coverage for s in c.skipped if c.rule == "score.sum"]
        assert [s.message for s in skipped] == ["skip.uncertain"]


def test_one_item_mistyped_above_its_maximum_stays_trusted() -> None:
    """A published slip: one 得分 typed 9.21 for 9.12 under a 分值 of 9 breaks its own
    relation and the 小计's sum, both through that figure: the read is trusted."""
    slip = dict(ITEMS)
    heading = next(iter(slip))
    who, _, full, score = slip[heading]
    items = [("服务协议履行", "9", "9.21"), ("服务成效", "9", "7.26"), ("项目管理", "12", "11.05")]
    slip[heading] = (who, items, full, score)
    read = _checked(slip).scoring.table_read
    assert read is not None and read.trusted, read
    assert read.consistent == read.relations - 2


@cache
def _pdf(name: str) -> Document:
    return build_document(Path(next(CORPORA.rglob(name))))


def _rules(r: Report) -> set[tuple[str, str]]:
    return {(f.rule, f.locations[0].ref if f.locations else "") for f in _alarms(r)}


def test_a_score_table_read_rotated_gives_a_problem_not_a_finding() -> None:
    """tanhe's 评估主体 │ 百分制评分 │ 权重 │ 折合得分 │ 综合得分 │ 评估等级 with every line's
    figures one column round: the weight column prints no party's weight, the scores
    are read from the 百分制评分 column, the total from the 折合得分's."""
    doc = copy.deepcopy(_pdf("tanhe_qingping_2025_final.pdf"))
    assert rotate(doc.tables[2])
    r = run_passes(doc)
    read = r.scoring.table_read
    assert read is not None and not read.trusted
    assert set(read.fields) == {"party_scores", "total", "grade"}
    assert _alarms(r) == []
    assert any(p.code == "problem.table_uncertain" for p in r.problems)


def test_the_true_score_errors_are_still_found() -> None:
    """The injected score_sum (tanhe lijiang: a 折合得分 mistyped, 19.20 for 19.02; muxi
    yanqiao: the total one point over its 小计) and grade_band (tanhe shuikou: 优秀 for
    87.82) with the score tables read as printed: trusted, the findings stand."""
    for name, rule in (
        ("tanhe_lijiang_2024_final.pdf", ("score.sum", "scoring/total")),
        ("muxi_yanqiao_2024_final.pdf", ("score.sum", "scoring/total")),
        ("tanhe_shuikou_2025_mid.pdf", ("grade.band", "scoring/grade")),
    ):
        r = run_passes(_pdf(name))
        read = r.scoring.table_read
        assert read is not None and read.trusted, (name, read)
        assert rule in _rules(r), name


def test_a_transposed_tables_two_area_columns_swapped_are_doubted() -> None:
    """muxi's 表2 (indicators as lines, the 片区 as columns inside each measure's group):
    金粟's and 岩桂's 协议量 columns swapped — no rate of either 片区 recomputes as read,
    each does with the other column on its line; the 合计 still adds up."""
    doc = copy.deepcopy(_pdf("muxi_guixiang_2025_final.pdf"))
    assert swap_cols(doc.tables[1])
    r = run_passes(doc)
    (read,) = [x for x in r.indicators.reads if x.table == "表2"]
    assert not read.trusted
    assert any("协议量" in d and "recomputes" in d for d in read.doubts), read.doubts
    assert _alarms(r) == []


def test_a_transposed_tables_one_mistyped_rate_stays_a_finding() -> None:
    """yanqiao: 月桂片区's 个案服务 rate ten points high, its column's other rates right."""
    r = run_passes(_pdf("muxi_yanqiao_2024_final.pdf"))
    assert ("pct.row", "indicators/表2/月桂片区/casework/sessions/pct") in _rules(r)
