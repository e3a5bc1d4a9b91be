"""One 评估意见 list per party mixing praise and concern (tongle): each item a Wingdings
arrow bullet (U+F0D8, a private-use code point in the text layer) and a tag 【优点】 or
【不足】, some running on in an unbulleted continuation paragraph. Synthetic blocks."""

from __future__ import annotations

from extractor.document.blocks import find_marker
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import extract_assessments
from extractor.records import AssessmentItem, AssessmentSection
from tests.test_continued_and_bracketed import _doc, _para

ARROW = "\uf0d8"


def test_symbol_font_bullets_open_items() -> None:
    for bullet in (ARROW, "\uf0a7", "\uf0b7", "•"):
        assert find_marker(f"{bullet}【优点】服务规范。") == (bullet, "bullet")
    assert find_marker("\ue000服务规范。") is None  # another private-use glyph: no bullet


def _opinions(items: list[str]) -> list[str]:
    return ["四、各方评估意见", "（一）购买方（乐安街道办事处）评估意见", *items]


BUYER = [
    f"{ARROW}【优点】个案服务流程规范，接案、评估、计划、介入、结案各环节文书齐",
    "全。",  # the wrapped line, indented under the bullet's text: a block of its own
    f"{ARROW}【不足】服务档案的归档时间不统一，建议明确归档时限。",
    f"{ARROW}【优点】督导计划执行到位，督导记录详实，社工专业能力有明显提升。",
    "督导中提出的个案难点均有跟进记录，督导与实务之间形成了较好的衔接。",
    f"{ARROW}【不足】部分社工同时承担较多行政事务，专业服务时间受到挤占。",
]


def _read(texts: list[str]) -> tuple[list[AssessmentSection], list[AssessmentItem]]:
    blocks = [_para(t, "heading" if i < 2 else "paragraph") for i, t in enumerate(texts)]
    return extract_assessments(_doc(blocks), profile())


def test_one_mixed_list_gives_one_praise_and_one_concern_section() -> None:
    sections, items = _read(_opinions(BUYER))
    assert [(s.party, s.polarity, s.heading, s.item_count) for s in sections] == [
        ("buyer", "praise", "优点", 2),
        ("buyer", "concern", "不足", 2),
    ]
    assert sections[0].section_path == sections[1].section_path
    assert [(i.polarity, i.ordinal) for i in items] == [
        ("praise", None),
        ("concern", None),
        ("praise", None),
        ("concern", None),
    ]


def test_item_text_has_no_bullet_nor_tag_and_its_continuation_joined() -> None:
    _, items = _read(_opinions(BUYER))
    assert items[0].text == "个案服务流程规范，接案、评估、计划、介入、结案各环节文书齐全。"
    assert items[2].text == (
        "督导计划执行到位，督导记录详实，社工专业能力有明显提升。"
        "督导中提出的个案难点均有跟进记录，督导与实务之间形成了较好的衔接。"
    )
    assert all(ARROW not in i.text and "【" not in i.text for i in items)


def test_a_concern_first_opens_the_concern_section_first() -> None:
    sections, _ = _read(_opinions(BUYER[2:3] + BUYER[:2]))
    assert [s.polarity for s in sections] == ["concern", "praise"]


def test_an_untagged_bullet_leaves_the_list_to_the_other_readings() -> None:
    sections, _ = _read(_opinions([*BUYER, f"{ARROW}社工站注重宣传。"]))
    assert sections == []
    sections, _ = _read(_opinions([f"{ARROW}【备注】社工站注重宣传。"]))
    assert sections == []
