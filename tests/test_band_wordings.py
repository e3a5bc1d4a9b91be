"""Grade bands and weights as reports print them, read by the profile's patterns
(models/profiles): every band of a scale must be read, or the profile's defaults stand in
and a report using other bands would be checked against the wrong ones."""

from __future__ import annotations

import pytest

from extractor.document.model import Block
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.scoring import _bands as bands_of
from extractor.passes.scoring import _ordered_weights, _weights
from extractor.pdf.pages import Glyph, Line

KINDS = ("at_least", "between", "below")


def _bands(text: str) -> dict[str, tuple[float | None, float | None]]:
    p = profile()
    out: dict[str, tuple[float | None, float | None]] = {}
    for kind in KINDS:
        for name in (f"band_{kind}", f"band_{kind}_g", f"band_{kind}_i"):
            for m in p.pattern(name).finditer(normalise(text)):
                lower = float(m.group("lower")) if kind != "below" else None
                upper = float(m.group("upper")) if kind != "at_least" else None
                out.setdefault(m.group("grade"), (lower, upper))
    return out


@pytest.mark.parametrize(
    "text",
    [
        # grade first, inequalities on the total
        "优秀：总分≥85分；良好：75分≤总分＜85分；合格：60分≤总分＜75分；不合格：总分＜60分。",
        # threshold first, inequalities on the total
        "总分≥85分为优秀；75分≤总分＜85分为良好；60分≤总分＜75分为合格；总分＜60分为不合格。",
    ],
)
def test_inequality_bands(text: str) -> None:
    assert _bands(text) == {
        "优秀": (85.0, None),
        "良好": (75.0, 85.0),
        "合格": (60.0, 75.0),
        "不合格": (None, 60.0),
    }


def test_weight_after_its_party_and_a_comma() -> None:
    m = profile().pattern("weight").search(normalise("1.监督方（区民政局）评分，权重10%；"))
    assert m is not None and m.group("value") == "10"
    assert profile().party_of(m.group("party")) == "monitor"


@pytest.mark.parametrize(
    "text",
    [
        # 含 / 不含 in brackets without repeating the figure
        "总分90分及以上为优秀；80分（含）至90分（不含）为良好；60分（含）至80分（不含）为合格；"
        "60分以下为不合格。",
        # 以上（含…）… 不足 …
        "总分在90分以上（含90分）为优秀，80分以上（含80分）不足90分为良好，"
        "60分以上（含60分）不足80分为合格，不足60分为不合格。",
    ],
)
def test_bands_with_han_and_buzu(text: str) -> None:
    assert _bands(text) == {
        "优秀": (90.0, None),
        "良好": (80.0, 90.0),
        "合格": (60.0, 80.0),
        "不合格": (None, 60.0),
    }


def test_grade_first_ranges_to_buzu() -> None:
    # "75 分至不足 90 分": a range, never "below 75" (the misread once made a false
    # grade.band error on a clean report).
    text = (
        "评估等级分为：优秀（90 分及以上）、良好（75 分至不足 90 分）、"
        "合格（60 分至不足 75 分）、不合格（60 分以下）。"
    )
    assert _bands(text) == {
        "优秀": (90.0, None),
        "良好": (75.0, 90.0),
        "合格": (60.0, 75.0),
        "不合格": (None, 60.0),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a range misread as its lower end: 良好 below 75 overlaps 合格 and leaves a gap
        "优秀：90分及以上；良好：75分以下；合格：60分至75分；不合格：60分以下。",
        # bands running the wrong way
        "60分以上为优秀；60分至80分为良好；80分至90分为合格；不足90分为不合格。",
    ],
)
def test_bands_that_are_no_ladder_are_not_the_reports(text: str) -> None:
    assert bands_of([_block(text)], profile()) == []


def test_scores_listed_after_a_cue() -> None:
    p = profile()
    text = normalise(
        "经综合评定，各方评分分别为：石桥镇政府16.28分，漓东区民政局8.20分，市督导中心14.19分，"
        "第三方评估机构46.86分；总得分85.53分，评估等级为良好。"
    )
    cue = p.pattern("score_cue").search(text)
    assert cue is not None
    end = text.index("。")
    found = {
        p.party_of(m.group("party")): m.group("value")
        for m in p.pattern("score_list").finditer(text, cue.end(), end)
    }
    assert found == {
        "buyer": "16.28",
        "monitor": "8.20",
        "supervision_centre": "14.19",
        "third_party": "46.86",
        None: "85.53",  # 总得分 names no party: the total, read by its own pattern
    }


def test_weights_listed_in_the_order_the_parties_were_named() -> None:
    block = _block(
        "评估由购买方、区民政局、市督导中心、第三方评估机构四方共同评分，评分权重依次为"
        "20%、10%、15%、55%，四方得分之和为项目总分。"
    )
    got = {w.party: w.weight for w in _ordered_weights([block], profile())}
    assert got == {"buyer": 20.0, "monitor": 10.0, "supervision_centre": 15.0, "third_party": 55.0}


def test_weights_in_order_need_one_weight_per_named_party() -> None:
    block = _block("由购买方、区民政局、第三方评估机构评分，权重依次为20%、25%、55%。")
    assert _ordered_weights([block], profile()) == []


def test_a_party_score_in_its_heading() -> None:
    heading = normalise("（一）购买方（桂河街道办事处）评估意见（得分：16.25 分）")
    m = profile().pattern("heading_score").search(heading)
    assert m is not None and m.group("value") == "16.25"


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=2, glyphs=glyphs)], starts=[0])


def test_bands_grade_first_after_a_comma_with_the_total_named() -> None:
    text = (
        "评估等级按综合得分划分：优秀，综合得分≥85分；良好，70分≤综合得分<85分；"
        "合格，60分≤综合得分<70分；不合格，综合得分<60分。"
    )
    assert _bands(text) == {
        "优秀": (85.0, None),
        "良好": (70.0, 85.0),
        "合格": (60.0, 70.0),
        "不合格": (None, 60.0),
    }
    got = {b.grade: (b.lower, b.upper) for b in bands_of([_block(text)], profile())}
    assert got == _bands(text)


def test_a_comma_after_a_grade_opens_no_band_without_an_inequality() -> None:
    # a score after the grade, and a band's text wrapped after the grade ("为良\n好，60分以上")
    assert _bands("评估等级为良好，综合得分82分。") == {}
    assert _bands("75分以上不足85分为良好，60分以上（含60分）不足75分为合格")["良好"] == (
        75.0,
        85.0,
    )


def test_weights_printed_as_points_of_the_full_mark() -> None:
    block = _block(
        "本次评估实行四方评分，满分100分，其中购买方25分、区民政局15分、市社工督导中心10分、"
        "第三方评估机构50分，四方得分之和为项目综合得分。"
    )
    got = {w.party: w.weight for w in _weights([block], profile())}
    assert got == {"buyer": 25.0, "monitor": 15.0, "supervision_centre": 10.0, "third_party": 50.0}
    # points of another full mark are shares of it
    half = _block(
        "满分200分，其中购买方50分、区民政局30分、市社工督导中心20分、第三方评估机构100分。"
    )
    assert {w.party: w.weight for w in _weights([half], profile())}["third_party"] == 50.0
