"""An indicator table printing the year's target beside a period's figures (tongle's 中期
表1: 年度协议量 │ 本期完成量 │ 累计完成量 │ 完成率（累计/年度）) and the 末期 one (年度协议量 │
全年完成量 │ 完成率), indicators merged down over their 片区 rows, 合计 last per group.
Synthetic tables, no corpus file."""

from __future__ import annotations

from extractor.passes.indicators import extract_indicators
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.read import read_table
from tests.test_misread_target_and_total import _document, _table

MID = [
    ["服务指标", "片区", "年度协议量", "本期完成量", "累计完成量", "完成率（累计/年度）"],
    ["困难群众建档（户）", "清源片区", "370", "101", "193", "52.16%"],
    ["", "柳岸片区", "310", "142", "288", "92.90%"],
    ["", "合计", "680", "243", "481", "70.74%"],
    ["入户探访（人次）", "清源片区", "520", "139", "243", "46.73%"],
    ["", "柳岸片区", "590", "143", "292", "49.49%"],
    ["", "合计", "1110", "282", "535", "48.20%"],
]

FINAL = [
    ["服务指标", "片区", "年度协议量", "全年完成量", "完成率"],
    ["个案服务（节）", "金沙片区", "155", "200", "129.03%"],
    ["", "桐溪片区", "150", "198", "132.00%"],
    ["", "合计", "305", "398", "130.49%"],
]


def _rows(rows: list[list[str]]) -> dict[tuple[str | None, str], tuple[str | None, ...]]:
    got = read_table(_table(rows), "表1", frozenset())
    assert not got.doubts and not got.unsure
    return {
        (r.area, r.indicator): tuple(c.printed if c else None for c in (r.target, r.done, r.pct))
        for r in got.rows
    }


def test_header_words_of_the_years_target_and_done() -> None:
    assert label_tags("年度协议量").role == "target"
    assert label_tags("全年完成量").role == "done"
    assert label_tags("累计完成量").role == "done"


def test_a_rate_word_with_a_bracketed_note_of_what_it_divides_is_the_rate() -> None:
    assert label_tags("完成率（累计/年度）").role == "pct"
    assert label_tags("完成量（截至6月底）").role == "done"
    # an indicator's bracketed words stay the indicator's
    tags = label_tags("个案服务（结案数）")
    assert (tags.indicator, tags.role) == ("casework", None)


def test_the_period_column_beside_the_cumulative_one_is_a_part_not_the_done_figure() -> None:
    rows = _rows(MID)
    assert rows[("清源片区", "registered")] == ("370", "193", "52.16%")
    assert rows[("合计", "registered")] == ("680", "481", "70.74%")
    assert rows[("柳岸片区", "home_visits")] == ("590", "292", "49.49%")
    assert len(rows) == 6


def test_the_final_reports_years_target_and_done() -> None:
    rows = _rows(FINAL)
    assert rows[("金沙片区", "casework")] == ("155", "200", "129.03%")
    assert rows[("合计", "casework")] == ("305", "398", "130.49%")


def test_the_mid_read_is_trusted_and_its_rates_recompute() -> None:
    (read,) = extract_indicators(_document(_table(MID))).reads
    assert read.trusted and read.relations == read.consistent == 10


def test_a_period_column_without_a_cumulative_one_stays_the_done_figure() -> None:
    rows = [
        ["服务指标", "片区", "本期协议量", "本期完成量", "完成率"],
        ["个案服务（节）", "金沙片区", "155", "200", "129.03%"],
        ["", "桐溪片区", "150", "198", "132.00%"],
    ]
    got = _rows(rows)
    assert got[("金沙片区", "casework")] == ("155", "200", "129.03%")
