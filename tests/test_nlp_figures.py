"""Figures in running text: sentences copied from the seed report (西村街 2024 末期)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.errors import ModelDataError
from extractor.knowledge.nlp import MARKER_LABELS, load_span_patterns
from extractor.nlp.figures import Figure, find_figures
from extractor.nlp.indicators import match_indicator
from extractor.numbers import chinese_numeral, normalise, normalise_with_map, parse_number

# 六（二）2. 服务指标完成情况, with the PDF text layer's line wraps kept.
INDICATORS_PARAGRAPH = (
    "评估期末月，社工站投入符合资质的社工 23 名。本年度完\n\n"
    "成困难群众和特殊群体建档 1413 个，电访 4557 个，探访 1586\n\n"
    "个，分别完成协议指标量的 100.00%，223.60%，144.18%；个\n\n"
    "案接案 100 个，开展 552 节，结案 79 个，分别完成协议指标量\n\n"
    "的 100.00%，274.94%，112.86%；完成小组 35 个，开展 204 节，\n\n"
    "服务人次 1743 人次，分别完成协议指标量的 100.00%，97.14%，\n\n"
    "553.33%；完成社区活动 52个，服务人次 4074 人，完成协议指\n\n"
    "标量的 104.00%，162.96%；（以上数据统计共计 10个考核月份，\n\n"
    "由社工服务站提供，各片区指标完成情况见附件 1）"
)


def _one(text: str, kind: str | None = None) -> Figure:
    figs = [f for f in find_figures(text) if kind is None or f.kind == kind]
    assert len(figs) == 1, figs
    return figs[0]


def test_indicator_paragraph_counts_pair_with_percentages() -> None:
    counts = [
        (f.indicator, f.measure, f.value, f.paired_pct)
        for f in find_figures(INDICATORS_PARAGRAPH)
        if f.kind == "count" and f.indicator is not None
    ]
    assert counts == [
        ("staff", "count", 23, None),
        ("registered", "count", 1413, 100.00),
        ("phone_visits", "count", 4557, 223.60),
        ("home_visits", "count", 1586, 144.18),
        ("casework", "opened", 100, 100.00),
        ("casework", "sessions", 552, 274.94),
        ("casework", "closed", 79, 112.86),
        ("groups", "count", 35, 100.00),
        ("groups", "sessions", 204, 97.14),
        ("groups", "attendances", 1743, 553.33),
        ("community_events", "count", 52, 104.00),
        ("community_events", "attendances", 4074, 162.96),
    ]


def test_indicator_paragraph_percentages_carry_their_count() -> None:
    pcts = [f for f in find_figures(INDICATORS_PARAGRAPH) if f.kind == "pct"]
    assert [(p.value, p.paired_count, p.indicator) for p in pcts[:3]] == [
        (100.00, 1413, "registered"),
        (223.60, 4557, "phone_visits"),
        (144.18, 1586, "home_visits"),
    ]
    assert len(pcts) == 11


def test_offsets_point_into_the_original_text_across_line_wraps() -> None:
    fig = next(f for f in find_figures(INDICATORS_PARAGRAPH) if f.value == 1586)
    assert INDICATORS_PARAGRAPH[fig.start : fig.end] == fig.printed == "1586\n\n个"
    assert fig.normalised == "1586个"


def test_period_of_ten_months_is_not_an_indicator() -> None:
    fig = next(f for f in find_figures(INDICATORS_PARAGRAPH) if f.printed == "10个")
    assert fig.indicator is None


def test_approximate_ten_thousands_of_person_times() -> None:
    fig = _one("评估期内，“红棉守护”热\n\n线呼出超 1.2 万人次，服务内容集中在日常关怀")
    assert (fig.value, fig.unit, fig.kind, fig.approx, fig.qualifier) == (
        12000,
        "人次",
        "count",
        True,
        "超",
    )


def test_approximate_money_in_wan_yuan() -> None:
    fig = _one("评估期 10个月内筹集社会资源折\n\n合人民币价值约 51.6 万元。", kind="money")
    assert (fig.value, fig.unit, fig.approx) == (516000, "元", True)


def test_money_with_unit_and_bare_wan_in_money_context() -> None:
    figs = find_figures(
        "社工站链接的服务资源折\n\n合人民币价值 51 万，其中 47万用于困难群众和特殊群体服务，"
        "\n\n占总资源链接金额的 92%。"
    )
    assert [(f.kind, f.value, f.approx) for f in figs] == [
        ("money", 510000, False),
        ("money", 470000, False),
        ("pct", 92, False),
    ]
    assert _one("年度项\n\n目服务经费为 240 万元。").value == 2_400_000
    assert _one("本年度内链接的各类资源价值折合\n\n人民币价值为 207842.3 元。").value == 207842.3


def test_chinese_numerals_before_classifiers() -> None:
    assert _one("每个社工点安排两名社工，做到专人驻点").value == 2
    three = _one("根据\n\n辖区实际情况和购买方需求，划分了三个片区开展社会工作专\n\n业服务。")
    assert (three.value, three.unit, three.kind) == (3, "个", "count")
    assert [f.value for f in find_figures("对 3 个片区、十个社区进行了概述")] == [3, 10]


def test_idioms_are_not_counts() -> None:
    assert find_figures("按照“一户一档，一人一案”的要求，进一步完善服务对象的档案") == []


def test_percentage_points_are_no_figures() -> None:
    # a difference of two rates: neither a count (个) nor an indicator's rate
    figs = find_figures("完成率118.40%，较上年同期提高6.37个百分点；入户探访1520人次")
    assert [(f.kind, f.value, f.unit) for f in figs] == [
        ("pct", 118.40, "%"),
        ("count", 1520, "人次"),
    ]
    assert find_figures("超出协议量18.4个百分点，下降三个百分点") == []


def test_ordinal_year_is_not_a_count() -> None:
    figs = find_figures(
        "本年度是“逢源人家”社工团队在西村街服务的第 6\n\n年，也是实施“双百”社工新模式的第 1 年。"
    )
    assert [(f.kind, f.value, f.unit) for f in figs] == [("ordinal", 6, "年"), ("ordinal", 1, "年")]
    assert _one("本年度是社\n\n工团队在西村街提供服务的第六年").kind == "ordinal"


def test_dates_with_spaces_and_dotted_dates() -> None:
    figs = find_figures(
        "本年度协议期为 2023 年 12 月 11 日至 2024 年 12 月\n\n10 日，本次评估考核期为"
        " 2023 年 12月 11日至 2024 年 9 月 30\n\n日，共计考核 10 个月。"
    )
    dates = [f.date for f in figs if f.kind == "date"]
    assert dates == [
        dt.date(2023, 12, 11),
        dt.date(2024, 12, 10),
        dt.date(2023, 12, 11),
        dt.date(2024, 9, 30),
    ]
    months = figs[-1]
    assert (months.value, months.unit, months.kind) == (10, "个月", "count")
    dotted = find_figures("何静怡 社工站副站长 社会工作师\n2024.04.09-\n2026.12.10")
    assert [(f.date, f.date_precision) for f in dotted] == [
        (dt.date(2024, 4, 9), "day"),
        (dt.date(2026, 12, 10), "day"),
    ]
    visit = _one("于 2024 年 10月 29 日到西村街社工站进行现场评估。")
    assert visit.printed == "2024 年 10月 29 日" and visit.value == 20241029


def test_retention_rate_percentage_and_requirement_bound() -> None:
    figs = find_figures(
        "评估期内共有 12 名社工持续稳定在岗，稳岗率为 60.00%，\n\n"
        "未能满足评估指标体系关于人员稳岗率不低于 80.00%的要求。"
    )
    staff, rate, required = figs
    assert (staff.kind, staff.value, staff.indicator) == ("count", 12, None)
    assert (rate.kind, rate.value, rate.indicator, rate.bound) == (
        "pct",
        60.0,
        "retention_rate",
        None,
    )
    assert (required.value, required.bound, required.qualifier) == (80.0, "min", "不低于")


def test_total_resets_the_indicator_context() -> None:
    figs = find_figures("社工站共配备 14名\n\n持证社工，9 名非持证社工，共计 23 名社工。")
    assert [(f.value, f.indicator) for f in figs] == [
        (14, "certified"),
        (9, "uncertified"),
        (23, None),
    ]


def test_approx_after_marker_and_inner_marker() -> None:
    fig = _one("有针对性地开展 20对左右针\n\n对困难群众和特殊群体的“一对一”帮扶")
    assert (fig.value, fig.unit, fig.approx, fig.qualifier) == (20, "对", True, "左右")
    fig = _one("服务 100 余人")
    assert (fig.value, fig.unit, fig.approx) == (100, "人", True)


def test_scores_and_page_number_free_bounds() -> None:
    figs = find_figures("（四）第三方评估 得分：45.65分\n\n以上四项总得分：86.75 分 等级：良好")
    assert [(f.value, f.unit, f.bound) for f in figs] == [
        (45.65, "分", None),
        (4, "项", None),
        (86.75, "分", None),
    ]
    assert _one("评估分值 90 分以上为优秀").bound == "min"


def test_full_width_digits() -> None:
    fig = _one("完成建档１４１３个，完成率１００．００％", kind="count")
    assert fig.value == 1413
    assert _one("完成建档１４１３个，完成率１００．００％", kind="pct").value == 100.0


# --- numbers.py ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "value"),
    [("1413", 1413.0), ("１２３．５", 123.5), ("1,413", 1413.0), (" 207842.3 ", 207842.3)],
)
def test_parse_number(printed: str, value: float) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize(
    ("printed", "value"),
    [("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十三", 23), ("一百零五", 105),
     ("三千二百", 3200), ("三万", 30000), ("十二万五千", 125000), ("零", 0)],
)  # fmt: skip
def test_chinese_numeral(printed: str, value: int) -> None:
    assert chinese_numeral(printed) == value


def test_chinese_numeral_rejects_other_text() -> None:
    with pytest.raises(ValueError):
        chinese_numeral("三个")


def test_normalise_keeps_table_cells_apart_and_maps_back() -> None:
    raw = "合计 23 1413\n1413 100.00%；于 2024 年 10月"
    norm = normalise_with_map(raw)
    assert norm.text == "合计23 1413\n1413 100.00%；于2024年10月"
    s = norm.text.index("2024年10月")
    start, end = norm.to_original(s, s + len("2024年10月"))
    assert raw[start:end] == "2024 年 10月"
    assert normalise("１００％") == "100%"


# --- indicator labels -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "indicator", "measure", "role"),
    [
        ("困难群众\n和特殊群体建档", "registered", "count", None),
        ("入户探访", "home_visits", "count", None),
        ("专业个案", "casework", "opened", None),
        ("协议  接\n\n案数", None, "opened", "target"),
        ("投入社\n工人数", "staff", "count", None),
        ("困难群众和特殊群休建档", "registered", "count", None),  # one wrong character
    ],
)
def test_match_indicator(label: str, indicator: str | None, measure: str, role: str | None) -> None:
    m = match_indicator(label)
    assert m is not None
    assert (m.indicator, m.measure, m.role) == (indicator, measure, role)


def test_match_indicator_rejects_unrelated_labels() -> None:
    assert match_indicator("评估结果") is None
    assert match_indicator("服务\n片区") is None
    assert match_indicator("小组长") is None


# --- pattern validation -----------------------------------------------------------------


def test_bad_pattern_file_reports_every_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "markers.jsonl"
    bad.write_text(
        "\n".join(
            [
                '{"label": "APPROX", "id": "before", "pattern": "约"}',
                '{"label": "APPROX", "id": "before", "pattern": "超"',  # broken JSON
                '{"label": "NOPE", "id": "before", "pattern": "近"}',  # unknown label
                '{"label": "APPROX", "id": "before", "pattern": [{"ORTH": "逾", "OP": "x"}]}',
                '{"label": "APPROX", "id": "sideways", "pattern": "左右"}',  # bad id
                '{"label": "APPROX", "id": "after", "pattern": "", "extra": 1}',
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(ModelDataError) as exc:
        load_span_patterns(
            bad, MARKER_LABELS, ids=dict.fromkeys(MARKER_LABELS, lambda i: i in ("before", "after"))
        )
    lines = {p.split(":")[1] for p in exc.value.problems}
    assert lines == {"2", "3", "4", "5", "6"}
    assert any("extra: Extra inputs are not permitted" in p for p in exc.value.problems)
    assert "markers.jsonl:3" in str(exc.value)


def test_shipped_pattern_files_are_valid() -> None:
    assert len(find_figures("超 4400 人次参与")) == 1


def test_completion_rate_after_a_figureless_clause_part_takes_its_indicator() -> None:
    """ "入户探访未完成协议指标，完成率为 94.40%": the rate is the visits' rate, although a
    segment without figures stands between; a bare pct in a list still does not inherit."""
    (rate,) = find_figures("片区入户探访未完成协议指标，完成率为 94.40%，建议合理安排探访计划。")
    assert (rate.value, rate.indicator) == (94.4, "home_visits")
    (bare,) = find_figures("入户探访工作有待加强，另有 94.40% 的居民表示满意。")
    assert bare.indicator is None


def test_rate_stated_as_the_share_of_a_target_takes_the_count_before_it() -> None:
    text = "开展个案服务15个，个案面谈196节，完成中期指标的131%；开展社区活动20场。"
    pct = _one(text, "pct")
    assert (pct.indicator, pct.measure, pct.value) == ("casework", "sessions", 131.0)
    text = "截至2025年6月底，社工站累计为困难群众建档581户，完成年度协议量的67.17%；"
    pct = _one(text, "pct")
    assert (pct.indicator, pct.measure, pct.value) == ("registered", "households", 67.17)


def test_phone_calls_of_care_are_phone_visits() -> None:
    text = "社工站完成困难群众建档902户、电话慰问2137次、入户探访208次。"
    got = [(f.indicator, f.measure, f.value) for f in find_figures(text)]
    assert got == [
        ("registered", "households", 902.0),
        ("phone_visits", "count", 2137.0),
        ("home_visits", "count", 208.0),
    ]


def test_completion_rates_listed_per_area_after_the_indicator() -> None:
    """ "各片区入户探访完成率分别为：A片区 92.3%，B片区 156.0%": each rate is the
    indicator's, though a 片区 name stands between the cue and the figure."""
    text = "各片区入户探访完成率分别为：枫桥片区92.3%，杏林片区156.0%，竹坞片区181.0%。"
    got = [(f.printed, f.indicator, f.measure) for f in find_figures(text)]
    assert got == [
        ("92.3%", "home_visits", "count"),
        ("156.0%", "home_visits", "count"),
        ("181.0%", "home_visits", "count"),
    ]
    # rates listed without the cue stay unlinked ("table cells and long lists")
    plain = "入户探访情况：枫桥片区92.3%，杏林片区156.0%。"
    assert [f.indicator for f in find_figures(plain) if f.kind == "pct"] == [None, None]


def test_files_opened_for_the_people_served_are_registration() -> None:
    """ "建立困难群众档案 N 户，完成率 x%": files opened for a named group (困难群众, 特殊
    群体; a 服务档案 too) register households as 建档 does, with words between 建立 and
    档案; the rate after the count is its rate. Files of other services (个案档案) and a
    file named without a figure near it stay no registration."""
    text = "全年，社工站建立特殊群体服务档案318户，完成率106.00%；开展入户探访900人次。"
    got = [(f.indicator, f.measure, f.value) for f in find_figures(text)]
    assert got == [
        ("registered", "households", 318.0),
        ("registered", "households", 106.0),
        ("home_visits", "count", 900.0),
    ]
    text = "本期为困难群众和特殊群体建立档案512户；建立困难群众档案共512户。"
    assert [f.indicator for f in find_figures(text)] == ["registered", "registered"]
    text = "部分困难群众档案信息更新滞后；建立个案档案30份，开展个案服务120节。"
    assert [f.indicator for f in find_figures(text)] == ["casework", "casework"]
