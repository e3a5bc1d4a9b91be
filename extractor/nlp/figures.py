"""Public API of the NLP layer: `find_figures(text)` → figures with original offsets.

Callers pass page or paragraph text exactly as the PDF layer produced it; offsets in the
returned `Figure`s index that same string, so they map back to characters and bboxes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from extractor.nlp.components import (
    FIGURES_KEY,
    FOUND_KEY,
    TEXT_KEY,
    Bound,
    DatePrecision,
    FigureFinder,
    FigureInfo,
    Kind,
)
from extractor.nlp.pipeline import NlpOptions, get_pipeline
from extractor.nlp.registry import FIGURES_FACTORY
from extractor.numbers import normalise_with_map


@dataclass(frozen=True)
class Figure:
    """One figure in running text.

    `value` is in base units: "1.2 万人次" → 12000 (unit 人次), "240 万元" → 2400000 (unit 元),
    "60.00%" → 60.0 (unit %). Dates carry `date` (None when the year is not printed) and a
    `value` of YYYYMMDD / YYYYMM / YYYY, or MMDD without a year. `printed` is the original
    text between `start` and `end` (line wraps included); `normalised` is what was parsed.
    `approx` is set by 约/超/近/逾/左右/余/多; `bound` by 不低于/以上 (min) and 不超过/以下 (max);
    `qualifier` keeps the marker as printed. For 分别 lists, a count carries the percentage
    printed for it (`paired_pct`) and that percentage the count (`paired_count`).
    """

    start: int
    end: int
    printed: str
    normalised: str
    value: float
    unit: str | None
    kind: Kind
    approx: bool = False
    qualifier: str | None = None
    bound: Bound | None = None
    indicator: str | None = None
    measure: str | None = None
    paired_pct: float | None = None
    paired_count: float | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None


def find_figures(text: str, options: NlpOptions | None = None) -> list[Figure]:
    """All figures in `text`, in reading order."""
    norm = normalise_with_map(text)
    nlp = get_pipeline(options)
    finder = nlp.get_pipe(FIGURES_FACTORY)
    found = finder.find(norm.text) if isinstance(finder, FigureFinder) else None
    if found is not None and not found:
        # most paragraphs of praise and concerns, and half of those a figure pattern
        # matches in (a match the finder rejects): no figure, so no doc, no tokens
        return []
    doc = nlp.make_doc(norm.text)
    # spaCy rebuilds doc.text from every token on each access; hand the components the
    # string we already have (components.TEXT_KEY) instead, and the figures found in it
    doc.user_data[TEXT_KEY] = norm.text
    if found is not None:
        doc.user_data[FOUND_KEY] = found
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    out: list[Figure] = []
    for span in doc.spans[FIGURES_KEY]:
        info: FigureInfo = span._.figure
        start, end = norm.to_original(span.start_char, span.end_char)
        out.append(
            Figure(
                start=start,
                end=end,
                printed=text[start:end],
                normalised=span.text,
                value=info.value,
                unit=info.unit,
                kind=info.kind,
                approx=info.approx,
                qualifier=info.qualifier,
                bound=info.bound,
                indicator=info.indicator,
                measure=info.measure,
                paired_pct=info.paired_pct,
                paired_count=info.paired_count,
                date=info.date,
                date_precision=info.date_precision,
            )
        )
    return out


@lru_cache(maxsize=4096)
def figures_of(text: str) -> tuple[Figure, ...]:
    """`find_figures` with default options, memoised: the passes ask about the same
    paragraph more than once (its narrative figures, the numbers of its item)."""
    return tuple(find_figures(text))
