"""A table cell's figure as printed: "1,734", "１７３４", "173.40", "96.2%", "/", "—",
"128人次", "112.50%（超额）", "592*", "100%（实际155.23%）".

Cells keep the printed text; the value is the number it states (thousands separators,
full-width digits and stray spaces removed, a trailing % dropped, a unit, a bracketed
remark or a note mark after it set aside: models/vocab/table_words.yaml), None for "not
applicable" marks and for text. A rate printed as counted for the score with the actual
rate in brackets (100%（实际155.23%）) states the actual one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractor.knowledge.vocab import capped_actual, cell_decorations, cell_note_mark
from extractor.numbers import parse_number

# "/", "—", "——", "－", "无", "-": the figure does not apply to this scope.
NOT_APPLICABLE = frozenset({"/", "-", "—", "——", "–", "无", "——————", "/ /", "\\"})
_DASHES = frozenset("/—–-－")
_FIGURE = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[+-]?\d+(?:\.\d+)?%?$")


def clean(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t).replace("，", ",")
    return t


@lru_cache(maxsize=8192)
def is_not_applicable(text: str) -> bool:
    """Whether a cell prints a not-applicable mark. Memoised as `split_unit` is: a
    table's reading asks it of each cell several times (6,438 calls over the 27
    families reports, each normalising the text again)."""
    t = clean(text)
    return t in NOT_APPLICABLE or (bool(t) and set(t) <= _DASHES)


@lru_cache(maxsize=8192)
def split_unit(text: str) -> tuple[str, str | None]:
    """(the figure's text, the unit printed after it): "128人次" → ("128", "人次");
    a bracketed remark after the figure is dropped ("112.50%（超额）" → "112.50%"), and so
    is a note mark ("592*" → "592", "8△" → "8") where a figure or its unit is before it.
    A capped rate with the actual in brackets ("100%（实际155.23%）") is the actual rate
    ("155.23%"). Memoised: a table's reading asks about each cell many times."""
    actual = capped_actual(text)
    if actual is not None:
        return actual, None
    t = clean(text)
    units, remark = cell_decorations()
    note = cell_note_mark()
    if note is not None:
        m = note.search(t)
        if (
            m
            and m.start() > 0
            and (
                t[m.start() - 1].isdigit()
                or t[m.start() - 1] in "%)"
                or t[: m.start()].endswith(units)
            )
        ):
            t = t[: m.start()]
    if remark is not None:
        m = remark.search(t)
        if m and m.start() > 0 and t[m.start() - 1] not in "(（":
            t = t[: m.start()]
    for u in units:
        core = t[: -len(u)]
        if t.endswith(u) and not core.endswith("%") and _FIGURE.match(core):
            return core, u
    return t, None


def cell_unit(text: str) -> str | None:
    """The unit a figure cell prints after its figure, if any."""
    return split_unit(text)[1]


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(split_unit(text)[0]))


def figure(text: str) -> float | None:
    """The number a cell prints, or None (blank, "/", words)."""
    t = split_unit(text)[0]
    if not t or is_not_applicable(t) or not _FIGURE.match(t):
        return None
    return parse_number(t.rstrip("%"))
