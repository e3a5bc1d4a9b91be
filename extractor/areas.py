"""片区 labels in one spelling, so that 一片区 (a table row), 片区一 (a heading) and 片区1
compare equal wherever areas are matched: checks, evaluation, exports."""

from __future__ import annotations

import re

from extractor.nlp.numbers import chinese_numeral

_AREA = re.compile(r"^(?:片区\s*([一二三四五六七八九十\d]+)|([一二三四五六七八九十\d]+)\s*片区)$")


def area_key(area: str | None) -> str:
    """一片区 / 片区一 / 片区1 → 片区1; other labels (合计) unchanged; None → ""."""
    if area is None:
        return ""
    a = re.sub(r"\s+", "", area)
    m = _AREA.match(a)
    if not m:
        return a
    n = m.group(1) or m.group(2)
    return f"片区{int(n) if n.isdigit() else chinese_numeral(n)}"
