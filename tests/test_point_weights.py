"""The parties' points printed as a sentence after a cue naming them, with no full mark
(shuttered/jingpo's 二、: 各方分值为购买方25分、监督方15分、督导方20分、第三方评估机构40分):
the weights, in points out of 100, taken only when the four add up to 100."""

from __future__ import annotations

from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.scoring import _weights
from tests.test_stacked_cells import _block


def test_the_parties_points_after_a_cue_are_their_weights() -> None:
    text = (
        "评估由购买方、监督方、督导方和第三方评估机构四方按评分细则分别评分，各方分值为"
        "购买方25分、监督方15分、督导方20分、第三方评估机构40分，四方得分之和为综合得分。"
    )
    got = {w.party: w.weight for w in _weights([_block(normalise(text))], profile())}
    assert got == {"buyer": 25.0, "monitor": 15.0, "supervision_centre": 20.0, "third_party": 40.0}


def test_points_after_the_cue_that_do_not_add_up_to_100_are_no_weights() -> None:
    text = "各方分值为购买方25分、监督方15分、督导方20分、第三方评估机构30分。"
    assert _weights([_block(normalise(text))], profile()) == []
