"""The grade ladders' `{grades}` alternatives (knowledge/profiles.py): the one-character
grades share one look-ahead, and match exactly where one look-ahead per grade did."""

from __future__ import annotations

import re

from extractor.knowledge.profiles import _grade_alternatives

_CJK = "(?![\u4e00-\u9fff])"


def _per_grade(grades: list[str]) -> str:
    """The form before the shared look-ahead: each one-character grade with its own."""
    ordered = sorted(grades, key=len, reverse=True)
    return "|".join(g if len(g) > 1 else f"{re.escape(g)}{_CJK}" for g in ordered)


TEXTS = [
    "评估等级为优。",
    "评估等级：优秀",
    "等级为良，",
    "中期评估为中",
    "差距较大",
    "评为差（D）",
    "优化服务",
    "良好",
    "A级（优）",
    "中等",
]


def test_one_character_ladder_shares_one_lookahead() -> None:
    filled = _grade_alternatives(["优", "良", "中", "差"])
    assert filled == f"(?:优|良|中|差){_CJK}"
    assert filled.count(_CJK) == 1


def test_longer_grades_stay_first_and_unguarded() -> None:
    assert _grade_alternatives(["优秀", "良好", "合格", "不合格"]) == "不合格|优秀|良好|合格"
    assert _grade_alternatives(["优秀", "良", "不合格"]) == f"不合格|优秀|(?:良){_CJK}"


def test_same_matches_as_one_lookahead_per_grade() -> None:
    for ladder in (
        ["优", "良", "中", "差"],
        ["优秀", "良好", "合格", "不合格"],
        ["优秀", "良", "中"],
    ):
        shared = re.compile(f"(?P<grade>{_grade_alternatives(ladder)})")
        each = re.compile(f"(?P<grade>{_per_grade(ladder)})")
        for text in TEXTS:
            got = [(m.span(), m.group("grade")) for m in shared.finditer(text)]
            want = [(m.span(), m.group("grade")) for m in each.finditer(text)]
            assert got == want, (ladder, text)
    assert [
        m.group() for m in re.finditer(_grade_alternatives(["优", "中"]), "优化为优，中等为中")
    ] == [
        "优",
        "中",
    ]
