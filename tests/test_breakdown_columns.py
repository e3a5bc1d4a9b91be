"""A table that prints the period's figure quarter by quarter (第一季度 … 第四季度 │ 合计):
the quarter columns are a breakdown of the period, no figure of the rows; the 合计 column
beside them is the period's done figure (the sum of its parts), not a total row. Small
synthetic cases of the closed/pingtan 表1 shape, with a 完成情况 column of words and
rates printed with a full-width ％."""

from __future__ import annotations

from extractor.passes.tables.labels import label_tags
from tests.test_passes_indicators import make_table, table_rows

HEADER = ["片区", "服务指标", "协议量", "第一季度", "第二季度", "第三季度", "第四季度"]
HEADER += ["合计", "完成率", "完成情况"]
Q1 = ["47", "47", "52", "35"]  # the quarters of 181
Q2 = ["149", "110", "111", "73"]  # the quarters of 443


def test_quarter_headers_are_a_breakdown() -> None:
    for word in ("第一季度", "第四季度", "二季度", "3季度", "第 二 季 度", "上半年", "3月"):
        assert label_tags(word).header == "breakdown", word
    # no part of a period: a number, a count word, 合计
    for word in ("1", "一", "季度", "合计", "完成情况", "社区活动"):
        assert label_tags(word).header != "breakdown", word


def test_quarters_left_out_and_the_sum_column_is_done() -> None:
    t = make_table(
        [
            HEADER,
            ["一片区", "个案服务（节）", "155", *Q1, "181", "116.77％", "超额完成"],
            ["一片区", "入户探访（人次）", "500", *Q2, "443", "88.60％", "未完成"],
            ["合计", "个案服务（节）", "155", *Q1, "181", "116.77％", "超额完成"],
        ],
        header_rows=1,
        section="三、服务指标完成情况",
    )
    got = {
        (r.scope, r.area, r.indicator, r.measure): (
            r.target and r.target.printed,
            r.done and r.done.printed,
            r.pct and r.pct.value,
        )
        for r in table_rows(t)
    }
    assert got == {
        ("area", "一片区", "casework", "sessions"): ("155", "181", 116.77),
        ("area", "一片区", "home_visits", "count"): ("500", "443", 88.6),
        ("total", "合计", "casework", "sessions"): ("155", "181", 116.77),
    }


def test_total_column_without_quarters_stays_a_total() -> None:
    # 片区 as column groups' 合计: without breakdown columns a 合计 column is the total
    t = make_table(
        [
            ["服务指标", "一片区", "二片区", "合计"],
            ["个案服务（节）", "10", "12", "22"],
        ],
        header_rows=1,
        section="附件1",
    )
    scopes = {(r.scope, r.area): r.done and r.done.printed for r in table_rows(t)}
    assert scopes[("total", "合计")] == "22"
