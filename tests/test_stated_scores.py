"""Each party's score stated after its full mark and a deduction list, in a part of the
result whose heading names the party ("一、购买方评分 / 满分30分。扣分项：…，扣1.5分；….
共扣5.5分，实得24.5分。"): the stated figure is the score, never a deduction (扣N分,
共扣N分) nor the full mark (满分N分). Small synthetic text, no corpus file."""

from __future__ import annotations

from extractor.document.model import Document
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import extract_scoring
from tests.test_continued_and_bracketed import _doc, _para

STATED = {
    "购买方评分": "满分30分。扣分项：台账登记不规范，扣1.5分；记录要素不全，扣2分。"
    "共扣3.5分，实得26.5分。",
    "区民政局评分": "满分10分。扣分项：个案记录要素不全，扣1.5分。共扣1.5分，实得8.5分。",
    "督导机构评分": "满分20分。扣分项：部分活动未按计划开展，扣3分。共扣3分，最终得分：17分。",
    "第三方评估机构评分": "满分40分。扣分项：宣传资料更新不及时，扣2分。共扣2分，实得38分。",
}


def _stated(parts: dict[str, str]) -> Document:
    blocks = [_para("第五部分 评估得分", "heading")]
    for i, (heading, text) in enumerate(parts.items()):
        blocks += [_para(f"{'一二三四'[i]}、{heading}", "heading"), _para(text)]
    blocks += [
        _para("第六部分 评估结论", "heading"),
        _para("四方得分相加，本次评估综合得分为89.5分，评估等级为良好。"),
    ]
    return _doc(blocks)


def test_each_partys_stated_score_after_its_deductions() -> None:
    got = extract_scoring(_stated(STATED), profile())
    assert {s.party: s.score.value for s in got.party_scores} == {
        "buyer": 26.5,
        "monitor": 8.5,
        "supervision_centre": 17,
        "third_party": 38,
    }
    buyer = next(s for s in got.party_scores if s.party == "buyer")
    assert buyer.score.printed == "26.5"
    assert buyer.score.prov is not None and "实得26.5分" in buyer.score.prov.text
    assert got.total is not None and got.total.value == 89.5


def test_a_deduction_list_with_no_stated_score_gives_no_scores() -> None:
    """Only deductions and the full mark: nothing to read, nor any figure guessed."""
    some = dict(STATED)
    some["区民政局评分"] = "满分10分。扣分项：个案记录要素不全，扣1.5分。共扣1.5分。"
    got = extract_scoring(_stated(some), profile())
    assert got.party_scores == []
