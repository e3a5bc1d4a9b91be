"""Opinions ordered by kind first (cuiping): 四、值得肯定的地方 holds every party's praise
under （一）购买方… （四）, then 五、需要关注的地方 every party's concerns under the same
party headings again (`1.` items, 无。 for none): each party's section takes its kind from
the chapter directly over it. A party section with labels of its own keeps reading them.
Small synthetic text, no corpus file."""

from __future__ import annotations

from extractor.document.model import Document
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from tests.test_continued_and_bracketed import _doc, _para

PARTIES = [
    "购买方（白岩街道办事处）",
    "监督方（屏东区民政局）",
    "督导方（市督导中心）",
    "第三方评估机构",
]
PRAISE = {
    0: ["台账规范，记录完整。", "探访及时，覆盖全面。"],
    1: ["制度健全。"],
    2: ["督导到位。"],
    3: ["宣传有力。"],
}
CONCERN = {
    0: ["成效评估不足。"],
    1: [],
    2: ["案例提炼不足。", "进度不均衡。"],
    3: ["合作不够长效。"],
}


def _by_kind_first() -> Document:
    blocks = []
    for chapter, lists in (("四、值得肯定的地方", PRAISE), ("五、需要关注的地方", CONCERN)):
        blocks += [_para(chapter, "heading"), _para("各评估主体的意见如下：")]
        for i, name in enumerate(PARTIES):
            blocks.append(_para(f"（{'一二三四'[i]}）{name}", "heading"))
            blocks += [_para(f"{k + 1}.{t}") for k, t in enumerate(lists[i])] or [_para("无。")]
    blocks += [_para("六、评估得分", "heading"), _para("综合得分为88.08分。")]
    return _doc(blocks)


def test_each_party_takes_its_kind_from_the_chapter_over_it() -> None:
    sections, items = extract_assessments(_by_kind_first(), profile())
    got = [(s.party, s.polarity, s.item_count, s.none_stated) for s in sections]
    assert got == [
        ("buyer", "praise", 2, False),
        ("monitor", "praise", 1, False),
        ("supervision_centre", "praise", 1, False),
        ("third_party", "praise", 1, False),
        ("buyer", "concern", 1, False),
        ("monitor", "concern", 0, True),
        ("supervision_centre", "concern", 2, False),
        ("third_party", "concern", 1, False),
    ]
    assert {s.heading for s in sections} == {"值得肯定的地方", "需要关注的地方"}
    buyer = [(i.polarity, i.text) for i in items if i.party == "buyer"]
    assert buyer == [
        ("praise", "台账规范，记录完整。"),
        ("praise", "探访及时，覆盖全面。"),
        ("concern", "成效评估不足。"),
    ]


def test_a_party_with_labels_of_its_own_reads_them() -> None:
    """Under a praise chapter, a party section whose own labels say praise and concern
    is read by its labels, not the chapter's kind."""
    blocks = [_para("四、值得肯定的地方", "heading")]
    for i, name in enumerate(PARTIES):
        blocks += [
            _para(f"（{'一二三四'[i]}）{name}", "heading"),
            _para("1、优点", "heading"),
            _para("（1）台账清晰。"),
            _para("2、不足", "heading"),
            _para("（1）宣传不足。"),
        ]
    sections, _ = extract_assessments(_doc(blocks), profile())
    assert [s.polarity for s in sections if s.party == "buyer"] == ["praise", "concern"]
