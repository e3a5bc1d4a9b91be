"""knowledge/needs.needed: the strings one of which every match of a pattern prints, which
the block searches test before running the pattern. Never more than the pattern needs:
a text a pattern matches always holds one of them."""

from __future__ import annotations

import re

import pytest

from extractor.knowledge import profile, staffing_patterns
from extractor.knowledge.needs import needed


@pytest.mark.parametrize(
    ("rx", "want"),
    [
        (r"满分\s*(?P<max>\d+)分", ("满分",)),
        (r"(?:专职|全职)\d+名", ("专职", "全职")),  # "名" is shorter
        (r"(?:专职|全职)社工\d+名", ("社工",)),  # one string beats two as long
        (r"(?:甲|乙)\d+", ("乙", "甲")),
        (r"[（(]\d+[）)]", ("(", "（")),
        (r"(?:优秀)+分", ("优秀",)),
        (r"(?:优秀)?\d+", None),  # optional: nothing needed
        (r"(?:优秀|\d)", None),  # one alternative needs nothing
        (r"[^甲]\d", None),
        (r"(?i)abc", None),  # case-folding: left alone
        (r"(?i:ab)cd", ("cd",)),
    ],
)
def test_needed(rx: str, want: tuple[str, ...] | None) -> None:
    assert needed(re.compile(rx)) == want


def test_every_match_holds_a_needed_string() -> None:
    texts = [
        "总得分90分及以上为优秀，80分（含）至90分为良好",
        "优秀：90分以上；良好：80-89分",
        "项目配备专职社工12名，其中持证社工10名",
        "购买方评分权重30%，监督方20%",
        "满分100分，其中购买方25分",
        "得分≥90分为优秀",
    ]
    p = profile()
    patterns = [p.pattern(n) for n in type(p.scoring).model_fields]
    patterns += [rx for alts in staffing_patterns().alternatives.values() for rx in alts]
    for rx in patterns:
        need = needed(rx)
        for t in texts:
            if rx.search(t) is not None and need is not None:
                assert any(s in t for s in need), (rx.pattern, need, t)
