"""What one table label says: an indicator, a measure, a role, a scope, or nothing.

Every header cell and every row label of an indicator table is read the same way,
whichever axis it sits on: "专业个案" names an indicator, "接案数" a measure, "协议量" or
"完成率（%）" a role, "东片" / "第一片区" a 片区, "金沙社区" (under a 社工点 header) a
post, "小计" a 片区's own row and "合计" / "总计" the whole table. A value cell means the
union of what its row's labels and its column's labels say (`read.py`), so the same code
reads a table with 片区 as rows and one with 片区 as column groups.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from extractor.areas import AREA_IN_TEXT, area_key
from extractor.knowledge import measure_words, scope_vocab
from extractor.knowledge.nlp import Role
from extractor.nlp.indicators import (
    contained_indicator,
    match_indicator,
    qualifier_measure,
    unit_measure,
)

ScopeKind = Literal["area", "post", "total", "subtotal", "mean"]
HeaderKind = Literal["area", "post", "label", "skip", "unit", "breakdown"]

# "（%）", "(%)", "%" closing a header: the column prints rates without the sign.
_RATE_MARK = re.compile(r"[（(]\s*[%％]\s*[）)]$|[%％]$")
_COLLECTIVE = "个各每全多其该本两三四五六七八九十"
_UNIT = re.compile(r"[（(]\s*([^（）()]{1,4}?)\s*[）)]$")
# The bracketed words closing a label, of any length: "（电话探访人次）", "（建档户数）".
_QUALIFIER = re.compile(r"[（(]\s*([^（）()]+?)\s*[）)]$")


@dataclass(frozen=True, slots=True)
class Tags:
    """What a label contributes to the meaning of the figures it heads."""

    indicator: str | None = None
    exact: bool = False  # the indicator came from an exact alias, not a fuzzy match
    measure: str | None = None  # a measure the label's words or unit name (接案数, （节）)
    default_measure: str | None = None  # the measure its indicator implies (培训时数 → hours)
    unit: str | None = None  # the unit printed with it, in brackets or on a unit row (户)
    role: Role | None = None
    scope: ScopeKind | None = None
    name: str | None = None  # the 片区 / 社工点 as printed, for area and post scopes
    header: HeaderKind | None = None  # a header naming what a label column holds
    text: str = ""  # the label as printed, whitespace removed
    # printed in a column whose header says it lists indicators (服务指标): an
    # indicator name by position, even where it only resembles a known alias
    listed: bool = False

    @property
    def empty(self) -> bool:
        return (
            self.indicator is None
            and self.measure is None
            and self.role is None
            and self.scope is None
            and self.header is None
            and self.unit is None
        )


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """A label for comparison: full-width forms folded, whitespace removed (cached: a
    table's cells are squashed again by each step that reads their labels)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def label_tags(text: str, areas: frozenset[str] = frozenset()) -> Tags:
    """Classify one printed label; `areas` holds the 片区 the report names elsewhere
    (as `area_key`s), so named areas without 片区 in their name ("东片") are known."""
    t = squash(text)
    if not t:
        return Tags()
    v = scope_vocab()
    if t in v.total:
        return Tags(scope="total", text=t)
    if t in v.mean:
        return Tags(scope="mean", text=t)
    for word in v.subtotal:
        if t.endswith(word):
            return Tags(scope="subtotal", name=t[: -len(word)] or None, text=t)
    if t in v.skip_headers:
        return Tags(header="skip", text=t)
    if t in v.unit_headers:
        return Tags(header="unit", text=t)
    if t in v.unit_words and t != "%":
        return Tags(unit=t, text=t)  # a unit row's cell
    if t in v.area_headers:
        return Tags(header="area", text=t)
    if t in v.post_headers:
        return Tags(header="post", text=t)
    if t in v.label_headers:
        return Tags(header="label", text=t)
    corner = _corner_header(t)
    if corner is not None:
        return Tags(header=corner, text=t)
    if any(re.fullmatch(p, t) for p in v.breakdown_columns):
        return Tags(header="breakdown", text=t)  # 第一季度: a part of the period
    period = _period_column(t)
    if period is not None:
        return period
    if _is_area(t, areas):
        return Tags(scope="area", name=t, text=t)
    return _indicator_tags(t)


def _corner_header(t: str) -> HeaderKind | None:
    """A diagonal corner header (斜线表头): two header words in one cell, the one at the
    top right (printed first) naming what the header row holds, the one at the bottom
    left (printed last) what the label column holds: "指标" over "片区" heads a column of
    片区. The column's header is the lower word's; neither word is an area or an
    indicator. None unless the cell is exactly two header words of different kinds."""
    v = scope_vocab()
    kinds: list[tuple[list[str], HeaderKind]] = [
        (v.area_headers, "area"),
        (v.post_headers, "post"),
        (v.label_headers, "label"),
    ]
    for upper_words, upper in kinds:
        for w in upper_words:
            if not t.startswith(w) or len(t) == len(w):
                continue
            rest = t[len(w) :]
            lower = next((k for words, k in kinds if rest in words), None)
            if lower is not None and lower != upper:
                return lower
    return None


def _period_column(t: str) -> Tags | None:
    """A column word after a word naming its period: 本期协议量 is the target (this
    period's), 上期完成量 an earlier period's done printed for comparison, which is no
    figure of this report's rows (a skipped column). None unless the rest of the label is
    a column word naming a role and no indicator."""
    v = scope_vocab()
    for earlier, words in ((True, v.earlier_period), (False, v.current_period)):
        for w in sorted(words, key=len, reverse=True):
            if not (t.startswith(w) and len(t) > len(w)):
                continue
            rest = _indicator_tags(t[len(w) :])
            if rest.role is None or rest.indicator is not None:
                return None
            return Tags(header="skip", text=t) if earlier else replace(rest, text=t)
    return None


def _is_area(t: str, areas: frozenset[str]) -> bool:
    if area_key(t) in areas:
        return True
    m = AREA_IN_TEXT.fullmatch(t)
    if m is not None:
        return True
    # "东片", "金沙片": a short name ending in a 片区 suffix that names no indicator (not
    # a collective: 各片区, 全片, 每个片区)
    if t[0] in _COLLECTIVE:
        return False
    return any(
        t.endswith(s) and 1 < len(t) <= len(s) + 4 for s in scope_vocab().area_suffixes
    ) and (match_indicator(t) is None)


def _indicator_tags(t: str) -> Tags:
    unit = _UNIT.search(t)
    bare = t[: unit.start()] if unit else t
    role: Role | None = "pct" if _RATE_MARK.search(t) else None
    m = (match_indicator(bare) or contained_indicator(bare)) if bare else None
    words = measure_words()
    measure = words.units.get(unit.group(1)) if unit else None
    if measure is None:
        # a measure word in the label or in its bracketed words ("个案服务（结案数）")
        measure = next((mv for k, mv in words.words.items() if k in t), None)
    tags = Tags(measure=measure, role=role, unit=unit.group(1) if unit else None, text=t)
    if m is None:
        return _noted_column(t) or tags
    if m.indicator is None:  # a column word: 协议接案数 names its measure and role
        return replace(tags, measure=m.measure or measure, role=m.role or role)
    # the bracketed words may name the measure by a unit of the indicator's own
    # ("困难群众建档（建档户数）": 户, households), which says more than a generic word
    qualifier = _QUALIFIER.search(t)
    own = qualifier_measure(m.indicator, qualifier.group(1)) if qualifier else None
    return replace(
        tags,
        indicator=m.indicator,
        exact=m.score >= 100.0,
        measure=own or tags.measure,
        default_measure=m.measure,
        role=m.role or role,
    )


def _noted_column(t: str) -> Tags | None:
    """A column word closed by a bracketed note of what it counts or divides, too long
    for a unit (完成率（累计/年度）: the rate of the cumulative figure over the year's
    target): the column word's role and measure. None unless the words before the
    bracket are exactly a column word (no indicator)."""
    note = _QUALIFIER.search(t)
    if note is None or note.start() == 0:
        return None
    m = match_indicator(t[: note.start()])
    if m is None or m.indicator is not None or m.role is None or m.score < 100.0:
        return None
    return Tags(measure=m.measure, role=m.role, text=t)


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a path of labels says about the figures under (or beside) it."""

    indicator: str | None = None
    exact: bool = False
    listed: bool = False  # the indicator's label stands in a 服务指标 column
    label: str = ""  # the label that named the indicator, as printed
    measure: str | None = None
    default_measure: str | None = None
    role: Role | None = None
    scope: Literal["area", "post", "total", "mean"] | None = None
    area: str | None = None
    post: str | None = None
    unit: str | None = None


def _unit_cell_measure(tag: Tags, named: Tags | None) -> str | None:
    """The measure a header cell names: a cell printing nothing but a unit, on a header
    row of its own under the indicator (入户探访 over （人次）), counts in that unit as the
    indicator counts it, as "入户探访（人次）" in one cell does; else its own measure."""
    if (
        named is not None
        and named.indicator is not None
        and tag.indicator is None
        and tag.role is None
        and tag.unit is not None
        and tag.text.strip("()（）") == tag.unit
    ):
        return unit_measure(named.indicator, tag.unit) or tag.measure
    return tag.measure


def merge_path(tags: list[Tags]) -> Meaning:
    """The meaning of a path of labels, outermost first (a column's header levels, a
    row's label columns). The most specific wins: the innermost exact indicator (服务指标
    under 服务类别) else the outermost fuzzy one, the innermost measure and role. Scopes
    nest: 片区 › 社工点 is a post of that area, 片区 › 小计 the area itself, 合计 anywhere
    the whole table."""
    named = next((t for t in reversed(tags) if t.indicator and t.exact), None)
    if named is None:
        named = next((t for t in tags if t.indicator), None)
    measure = next((t for t in reversed(tags) if t.measure), None)
    base = Meaning(
        indicator=named.indicator if named else None,
        exact=named.exact if named else False,
        listed=named.listed if named else False,
        label=named.text if named else "",
        measure=_unit_cell_measure(measure, named) if measure else None,
        default_measure=named.default_measure if named else None,
        role=next((t.role for t in reversed(tags) if t.role), None),
        unit=next((t.unit for t in reversed(tags) if t.unit), None),
    )
    if any(t.scope == "mean" for t in tags):
        return replace(base, scope="mean")
    if any(t.scope == "total" for t in tags):
        return replace(base, scope="total")
    area = next((t.name for t in tags if t.scope == "area" and t.name), None)
    sub = next((t for t in tags if t.scope == "subtotal"), None)
    post = next((t.name for t in tags if t.scope == "post" and t.name), None)
    if post is None and area is not None:
        # a plain name inside a 片区 (a label column without a 社工点 header): its post
        at = next(i for i, t in enumerate(tags) if t.scope == "area")
        post = next((t.text for t in tags[at + 1 :] if t.empty and t.text), None)
    if sub is not None:
        return replace(base, scope="area", area=area or sub.name)
    if post is not None:
        return replace(base, scope="post", area=area, post=post)
    if area is not None:
        return replace(base, scope="area", area=area)
    return base
