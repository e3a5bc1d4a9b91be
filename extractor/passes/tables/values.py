"""A table cell's figure as printed: "1,734", "１７３４", "173.40", "96.2%", "/", "—".

Cells keep the printed text; the value is the number it states (thousands separators,
full-width digits and stray spaces removed, a trailing % dropped), None for "not
applicable" marks and for text.
"""

from __future__ import annotations

import re
import unicodedata

from extractor.numbers import parse_number

# "/", "—", "——", "－", "无", "-": the figure does not apply to this scope.
NOT_APPLICABLE = frozenset({"/", "-", "—", "——", "–", "无", "——————", "/ /", "\\"})
_FIGURE = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[+-]?\d+(?:\.\d+)?%?$")


def clean(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t).replace("，", ",")
    return t


def is_not_applicable(text: str) -> bool:
    t = clean(text)
    return t in NOT_APPLICABLE or (bool(t) and set(t) <= set("/—–-－"))


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(clean(text)))


def figure(text: str) -> float | None:
    """The number a cell prints, or None (blank, "/", words)."""
    t = clean(text)
    if not t or is_not_applicable(t) or not _FIGURE.match(t):
        return None
    return parse_number(t.rstrip("%"))
