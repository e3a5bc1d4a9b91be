"""Map raw indicator labels (table headers, as printed) to canonical indicator ids.

Headers wrap across lines and carry stray spaces ("协议  接\\n案数"), so labels are
compared with all whitespace removed; an exact alias wins, otherwise rapidfuzz picks the
closest alias above a score cutoff. Vocabulary: models/vocab/indicators.yaml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from extractor.knowledge import models_dir
from extractor.knowledge.nlp import Role, load_indicators
from extractor.numbers import normalise

DEFAULT_CUTOFF = 80.0
# Below this length one wrong character is a different word (小组 / 小组长): exact only.
MIN_FUZZY_LENGTH = 4


@dataclass(frozen=True)
class IndicatorMatch:
    """A label's canonical meaning. Column headers (协议接案数, 百分比) name a measure
    and/or a role but no indicator; indicator headers (入户探访) name an indicator and
    its default measure (a column header's measure, when present, is more specific)."""

    label: str
    alias: str
    score: float
    indicator: str | None
    measure: str | None
    role: Role | None


@dataclass(frozen=True)
class _Entry:
    indicator: str | None
    measure: str | None
    role: Role | None


def _key(label: str) -> str:
    return "".join(normalise(label).split())


@functools.lru_cache(maxsize=1)
def _aliases() -> dict[str, _Entry]:
    vocab = load_indicators(models_dir() / "vocab" / "indicators.yaml")
    table: dict[str, _Entry] = {}
    for ind in vocab.indicators.values():
        for alias in (ind.name, *ind.aliases):
            table.setdefault(_key(alias), _Entry(ind.id, ind.default_measure, None))
    for col in vocab.columns:
        table.setdefault(_key(col.label), _Entry(None, col.measure, col.role))
    return table


def match_indicator(label: str, score_cutoff: float = DEFAULT_CUTOFF) -> IndicatorMatch | None:
    """Canonical indicator (or column measure/role) for a printed label, or None."""
    key = _key(label)
    if not key:
        return None
    table = _aliases()
    entry = table.get(key)
    if entry is not None:
        return IndicatorMatch(label, key, 100.0, entry.indicator, entry.measure, entry.role)
    if len(key) < MIN_FUZZY_LENGTH:
        return None
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=score_cutoff)
    if best is None:
        return None
    alias, score, _ = best
    e = table[alias]
    return IndicatorMatch(label, alias, float(score), e.indicator, e.measure, e.role)


def contained_indicator(label: str, min_length: int = 2) -> IndicatorMatch | None:
    """The indicator whose longest alias the label contains ("小组服务（人次）" holds 小组,
    "社区活动参与" holds 社区活动), for table labels no alias matches whole. Column words
    (协议量 …) are left out: they name no indicator."""
    key = _key(label)
    best: tuple[int, str, _Entry] | None = None
    for alias, entry in _aliases().items():
        if entry.indicator is None or len(alias) < min_length or alias not in key:
            continue
        if best is None or len(alias) > best[0]:
            best = (len(alias), alias, entry)
    if best is None:
        return None
    _, alias, e = best
    return IndicatorMatch(label, alias, 0.0, e.indicator, e.measure, e.role)


@functools.lru_cache(maxsize=1024)
def ending_role(label: str) -> Role | None:
    """The role a label's closing column word names ("各片区年度协议指标" ends in 协议指标:
    the target), the longest such word; None when none closes it or the label names an
    indicator (its role is then its own header's business)."""
    key = _key(label)
    if not key or contained_indicator(key) is not None:
        return None
    best: tuple[int, Role] | None = None
    for alias, entry in _aliases().items():
        if entry.indicator is None and entry.role is not None and key.endswith(alias):
            if best is None or len(alias) > best[0]:
                best = (len(alias), entry.role)
    return best[1] if best else None


@functools.lru_cache(maxsize=1024)
def unit_measure(indicator: str, unit: str) -> str | None:
    """The measure an indicator's figure printed in `unit` counts (建档 in 户 →
    households), from the indicator's own `units` in models/vocab/indicators.yaml.
    Memoised like `_aliases`: asked per table cell, and the vocabulary's path built and
    hashed for each ask cost more than the answer."""
    vocab = load_indicators(models_dir() / "vocab" / "indicators.yaml")
    ind = vocab.indicators.get(indicator)
    return ind.units.get(unit) if ind is not None else None


@functools.lru_cache(maxsize=1024)
def qualifier_measure(indicator: str, qualifier: str) -> str | None:
    """The measure an indicator label's bracketed words name through a unit of the
    indicator's own they contain (困难群众建档（建档户数）: 户 → households; 个案服务（服务
    节数）: 节 → sessions; 电话探访人次 for phone_visits: 人次 → its count), longest unit
    first; None when they contain none."""
    vocab = load_indicators(models_dir() / "vocab" / "indicators.yaml")
    ind = vocab.indicators.get(indicator)
    if ind is None:
        return None
    for unit in sorted(ind.units, key=len, reverse=True):
        if unit in qualifier:
            return ind.units[unit]
    return None
