"""A comparison table of this period against the last (reserve/dongcheng's 表2 shape), on
small synthetic cases: 上期完成量 beside 本期协议量 / 本期完成量, a 平均 row after the 片区,
rates printed as decimal ratios (1.08 for 108%), measures named in the indicator's
bracketed words, and the unit note between a table's caption and the table."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from extractor.document.build import _caption
from extractor.document.model import Block, Table
from extractor.passes.tables.consistency import consistency
from extractor.passes.tables.labels import label_tags
from extractor.pdf.pages import Glyph, Line
from extractor.printed import agreement, fmt_like, parse_printed
from extractor.records import Cell, IndicatorRow, Indicators, Provenance
from tests.test_checks_rules import report, run
from tests.test_passes_indicators import make_table, table_rows

HEADER = ["服务指标", "片区", "上期完成量", "本期协议量", "本期完成量", "完成率"]


def comparison(rates: tuple[str, str, str] = ("1.08", "1.10", "1.05")) -> Table:
    """One indicator's name merged down its four rows, the 合计 row first and the 平均
    row last."""
    total, first, second = rates
    t = make_table(
        [
            HEADER,
            ["1.困难群众建档（建档户数）", "合计", "500", "400", "430", total],
            ["", "一片区", "260", "200", "220", first],
            ["", "二片区", "240", "200", "210", second],
            ["", "平均", "250.0", "200.0", "215.0", total],
        ],
        header_rows=1,
        section="三、服务指标完成情况",
    )
    merged = next(c for c in t.cells if (c.row, c.col) == (1, 0))
    t.cells = [c for c in t.cells if c.col != 0 or c.row < 2]
    t.cells[t.cells.index(merged)] = replace(merged, rowspan=4)
    return t


def test_period_words_and_the_mean_row_label() -> None:
    assert label_tags("本期协议量").role == "target"
    assert label_tags("本期完成量").role == "done"
    assert label_tags("上期完成量").header == "skip"  # an earlier period's figure
    assert label_tags("平均").scope == "mean"
    # a period word before a word that is no column word changes nothing
    assert label_tags("本期服务").header is None


def test_measure_from_the_bracketed_words() -> None:
    got = {
        s: (t.indicator, t.measure or t.default_measure)
        for s in (
            "1.困难群众建档（建档户数）",
            "2.探访服务（电话探访人次）",
            "4.个案服务（开案数）",
            "5.个案服务（服务节数）",
            "6.个案服务（结案数）",
            "10.社区活动（参与人次）",
        )
        if (t := label_tags(s))
    }
    assert got == {
        "1.困难群众建档（建档户数）": ("registered", "households"),
        "2.探访服务（电话探访人次）": ("phone_visits", "count"),
        "4.个案服务（开案数）": ("casework", "opened"),
        "5.个案服务（服务节数）": ("casework", "sessions"),
        "6.个案服务（结案数）": ("casework", "closed"),
        "10.社区活动（参与人次）": ("community_events", "attendances"),
    }


def test_comparison_table_reads_this_period_and_leaves_out_the_mean() -> None:
    rows = table_rows(comparison())
    got = {
        r.area: (r.scope, r.measure, r.target and r.target.printed, r.done and r.done.printed)
        for r in rows
    }
    assert got == {
        "合计": ("total", "households", "400", "430"),
        "一片区": ("area", "households", "200", "220"),
        "二片区": ("area", "households", "200", "210"),
    }
    # rates printed as ratios keep their digits and are valued as the percentage
    rates = {r.area: (r.pct.printed, r.pct.value) for r in rows if r.pct is not None}
    assert rates == {"合计": ("1.08", 108.0), "一片区": ("1.10", 110.0), "二片区": ("1.05", 105.0)}
    fit = consistency(rows)
    assert (fit.relations, fit.consistent) == (5, 5)


def test_one_wrong_ratio_leaves_the_column_ratios() -> None:
    rows = table_rows(comparison(("1.08", "1.20", "1.05")))
    rates = {r.area: r.pct.value for r in rows if r.pct}
    assert rates == {"合计": 108, "一片区": 120, "二片区": 105}


def test_a_rate_column_printing_percentages_without_a_sign_stays_percentages() -> None:
    t = make_table(
        [
            ["服务指标", "片区", "协议量", "完成量", "完成率"],
            ["个案服务（结案数）", "一片区", "200", "220", "110.00"],
            ["个案服务（结案数）", "二片区", "200", "213", "106.50"],
            ["个案服务（结案数）", "合计", "400", "433", "108.25"],
        ],
        header_rows=1,
        section="附件1",
    )
    assert [r.pct.value for r in table_rows(t) if r.pct] == [110.0, 106.5, 108.25]


def _c(printed: str, value: float) -> Cell:
    return Cell(printed=printed, value=value, prov=Provenance(page=3, bbox=(1, 2, 3, 4)))


def _ratio_row(target: str, done: str, pct: str) -> IndicatorRow:
    return IndicatorRow(
        table="表2",
        area="一片区",
        indicator="casework",
        label="5.个案服务（服务节数）",
        measure="sessions",
        target=_c(target, float(target)),
        done=_c(done, float(done)),
        pct=_c(pct, float(Fraction(pct) * 100)),
    )


def test_a_ratio_stands_for_its_percentage_at_its_printed_precision() -> None:
    p = parse_printed("1.08", 108.0)
    assert p is not None and (p.value, p.decimals, p.scale, p.step) == (108, 2, 2, 1)
    assert agreement(Fraction(1075, 10), p) == "round"  # 43 ÷ 40 = 1.075
    assert agreement(Fraction(1089, 10), p) == "truncation"
    assert agreement(Fraction(1074, 10), p) is None
    assert fmt_like(Fraction(100), p) == "1.00"
    assert p.interval() == "[1.075, 1.085)"
    # the same digits are a plain figure without the stored percentage, or with a %
    assert parse_printed("1.08").scale == 0  # type: ignore[union-attr]
    assert parse_printed("1.08%", 108.0).scale == 0  # type: ignore[union-attr]
    assert parse_printed("3百", 300.0).scale == 0  # type: ignore[union-attr]
    # a remark after a ratio leaves it a ratio
    assert parse_printed("1.08（超额）", 108.0).scale == 2  # type: ignore[union-attr]


def test_pct_row_on_a_ratio() -> None:
    ok = report(indicators=Indicators(rows=[_ratio_row("40", "43", "1.08")]))
    assert run("pct.row", ok) == []
    bad = report(indicators=Indicators(rows=[_ratio_row("75", "75", "1.10")]))
    (f,) = run("pct.row", bad)
    assert (f.severity, f.printed, f.expected) == ("error", "1.10", "1.00")
    assert "75 ÷ 75 = 1.00" in f.explanation_en
    assert f.tolerance == "±0.005 (2 decimals; truncation also accepted)"


def _block(text: str, page: int = 1) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=page, glyphs=glyphs)], starts=[0])


def test_the_caption_above_a_unit_note() -> None:
    t = comparison()
    flow: list[Block | Table] = [
        _block("表2 服务指标完成情况对照表"),
        _block("（单位：个、节、人次、小时）"),
        t,
    ]
    assert _caption(flow, 2) == "表2 服务指标完成情况对照表"
    # a unit note under text that is no numbered caption is still what stands above
    flow[0] = _block("各项指标完成情况如下。")
    assert _caption(flow, 2) == "（单位：个、节、人次、小时）"
