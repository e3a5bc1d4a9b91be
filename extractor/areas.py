"""片区 labels: finding them in headings and table rows, and one spelling for comparison,
so that 一片区 (a table row), 片区一 (a heading), 第一片区 and 片区1 compare equal
wherever areas are matched: passes, checks, evaluation. Named areas (增埗片区) keep
their name."""

from __future__ import annotations

import re

from extractor.numbers import chinese_numeral

_NUM = r"[一二三四五六七八九十\d]+"
# Numbered (第一片区 / 一片区 / 片区一) or named with 1–6 characters (增埗片区), but not a
# quantity or a collective ("三个片区", "各片区", "每个片区").
_LABEL = rf"(?:第?{_NUM}\s*片区|片区\s*{_NUM}|[^\W\d_a-zA-Z个各每全多其该本]{{1,6}}?片区)"
AREA_IN_TEXT = re.compile(_LABEL)
AREA_OR_TOTAL = re.compile(rf"^(?:{_LABEL}|合计|总计|小计)$")
_NUMBERED = re.compile(rf"^(?:第?({_NUM})片区|片区({_NUM}))$")


def names_only_an_area(text: str) -> bool:
    """The text is a 片区's name and nothing else ("枫桥片区", "片区二")."""
    return re.fullmatch(_LABEL, re.sub(r"\s+", "", text).rstrip("：:")) is not None


def area_label(text: str) -> str | None:
    """The 片区 a heading names, as printed ("片区一", "二片区", "增埗片区"), or None."""
    m = AREA_IN_TEXT.search(text)
    return re.sub(r"\s+", "", m.group(0)) if m else None


def area_key(area: str | None) -> str:
    """一片区 / 片区一 / 第一片区 / 片区1 → 片区1; other labels unchanged; None → ""."""
    if area is None:
        return ""
    a = re.sub(r"\s+", "", area)
    m = _NUMBERED.match(a)
    if not m:
        return a
    n = m.group(1) or m.group(2)
    return f"片区{int(n) if n.isdigit() else chinese_numeral(n)}"
