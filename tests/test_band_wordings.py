"""Grade bands and weights as reports print them, read by the profile's patterns
(models/profiles): every band of a scale must be read, or the profile's defaults stand in
and a report using other bands would be checked against the wrong ones."""

from __future__ import annotations

import pytest

from extractor.knowledge.profiles import profile
from extractor.numbers import normalise

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
