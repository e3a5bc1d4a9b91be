"""models/patterns/meta.yaml, staffing.yaml and indicator_lists.yaml: the regexes that find
metadata, the narrative staffing figures and the lines of an indicator list. (The spaCy
pattern files are loaded in `knowledge.nlp`.)"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import Field, PrivateAttr, model_validator

from extractor.knowledge.loader import Data, Regex, bad_regexes, compiled, load, raise_all
from extractor.knowledge.nlp import Role
from extractor.records import Staffing

# the roster's fields and the staffing table's read: no figure a pattern finds
_NOT_FIGURES = frozenset({"roster", "roster_totals", "roster_retention_rate", "table_read"})
NARRATIVE_FIELDS: tuple[str, ...] = tuple(
    name for name in Staffing.model_fields if name not in _NOT_FIGURES
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class MetaPatterns(Data):
    """models/patterns/meta.yaml: where the report states its metadata; `{date}` in a
    field pattern is filled with `date`."""

    date: Regex
    station_name: Regex
    station_suffix: Regex
    kind: Regex
    city: Regex
    district: Regex
    district_in_text: Regex
    fields: dict[str, list[str]]
    form_labels: dict[str, Regex] = Field(default_factory=dict)

    def compiled(self, field: str) -> list[re.Pattern[str]]:
        return [compiled(p.replace("{date}", self.date)) for p in self.fields.get(field, [])]

    @model_validator(mode="after")
    def _fields_compile(self) -> MetaPatterns:
        raise_all(
            bad_regexes(
                (f"fields.{name}[{i}]", p.replace("{date}", self.date))
                for name, pats in self.fields.items()
                for i, p in enumerate(pats)
            )
        )
        return self


@lru_cache(maxsize=1)
def meta_patterns() -> MetaPatterns:
    return load(MetaPatterns, "patterns/meta.yaml")


class StaffingPatterns(Data):
    """models/patterns/staffing.yaml: per Staffing field, regex alternatives in priority
    order; `{name}` placeholders are filled from `placeholders`; each needs a `value`
    group. `alternatives` gives them compiled."""

    placeholders: dict[str, str] = Field(default_factory=dict)
    fields: dict[str, list[str]]
    # A staffing table's column headers (its header path joined by "/", whitespace
    # removed) naming a head count, per field: the figure is its 合计 row's
    # (passes/staffing.table_figures).
    table_columns: dict[str, Regex] = Field(default_factory=dict)
    # The header of the label column of such a table (岗位): a table is read so only
    # when its first column is headed so.
    table_label: Regex | None = None
    # A head-count table by month (类别 │ 1月 … 12月 │ 月均 over 持证社工 / 其中：中级社工师 /
    # 未持证社工 / 合计): a month's column header (group `month`, its number), a column
    # that is no count (the monthly average), and words before a row's field name
    # (其中：). The fields are the rows `table_columns` names; the figures the last month's.
    month_column: Regex | None = None
    month_other: Regex | None = None
    month_row_prefix: Regex | None = None
    # A head-count MOVEMENT table (类别 │ 期初人数 │ 本期入职 │ 本期离职 │ 期末人数 over the
    # same rows): each of its four columns' header, keyed start / hired / left / end
    # (passes/staffing.movement_table); the counts are the `end` column's.
    movement_columns: dict[str, Regex] = Field(default_factory=dict)
    _compiled: dict[str, tuple[re.Pattern[str], ...]] = PrivateAttr(default_factory=dict)

    @property
    def alternatives(self) -> dict[str, tuple[re.Pattern[str], ...]]:
        return self._compiled

    @model_validator(mode="after")
    def _compile(self) -> StaffingPatterns:
        problems: list[str] = []
        if not self.fields:
            problems.append("fields: expected a non-empty mapping of field → list of regexes")
        for name, alts in self.fields.items():
            if name not in NARRATIVE_FIELDS:
                problems.append(
                    f"fields.{name}: not a staffing field (one of {list(NARRATIVE_FIELDS)})"
                )
                continue
            if not alts:
                problems.append(f"fields.{name}: expected a non-empty list of regexes")
            out: list[re.Pattern[str]] = []
            for i, rx in enumerate(alts):
                where = f"fields.{name}[{i}]"
                unknown = sorted(set(_PLACEHOLDER.findall(rx)) - set(self.placeholders))
                if unknown:
                    problems.append(f"{where}: unknown placeholder(s) {unknown}")
                    continue
                text = _PLACEHOLDER.sub(lambda m: f"(?:{self.placeholders[m.group(1)]})", rx)
                try:
                    pattern = re.compile(text)
                except re.error as exc:
                    problems.append(f"{where}: bad regex: {exc}")
                    continue
                if "value" not in pattern.groupindex:
                    problems.append(f"{where}: needs a named group `value`")
                    continue
                out.append(pattern)
            self._compiled[name] = tuple(out)
        for name in self.table_columns:
            if name not in NARRATIVE_FIELDS:
                problems.append(f"table_columns.{name}: not a staffing field")
        raise_all(problems)
        return self


@lru_cache(maxsize=1)
def staffing_patterns() -> StaffingPatterns:
    return load(StaffingPatterns, "patterns/staffing.yaml")


class ListPatterns(Data):
    """models/patterns/indicator_lists.yaml: the shape of a line of an indicator list
    (`1.困难群众建档：协议330户，完成306户，完成率92.73%；`) and the heading words that
    make a list the station's totals. `line` and `part` give the compiled patterns."""

    ordinal: Regex
    label: Regex
    colon: Regex
    separator: Regex
    line_end: Regex
    number: Regex
    joiner: Regex
    roles: dict[Role, list[str]]
    least_roles: int = Field(2, ge=1, le=3)
    total_headings: list[str]
    difference: tuple[str, ...] = ()
    share_openers: tuple[str, ...] = ()
    share: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _roles_named(self) -> ListPatterns:
        problems: list[str] = []
        if not self.roles.get("done"):
            problems.append("roles.done: expected a non-empty list of words")
        for role, words in self.roles.items():
            if any(not w.strip() for w in words):
                problems.append(f"roles.{role}: empty word")
        if not self.total_headings:
            problems.append("total_headings: expected a non-empty list of words")
        raise_all(problems)
        return self

    @property
    def line(self) -> re.Pattern[str]:
        """One line: ordinal, `label` group, colon, `parts` group (the rest)."""
        return compiled(
            rf"^(?:{self.ordinal})?\s*(?P<label>{self.label})\s*(?:{self.colon})\s*(?P<parts>.+)$"
        )

    def part(self, units: tuple[str, ...]) -> re.Pattern[str]:
        """One part: its role `word`, then a rate (`pct`, with %) or a count (`num`) with
        its `unit` (one of `units`) after it."""
        words = sorted({w for ws in self.roles.values() for w in ws}, key=len, reverse=True)
        unit = "|".join(re.escape(u) for u in units)
        return compiled(
            rf"^(?P<word>{'|'.join(map(re.escape, words))})(?:{self.joiner})"
            rf"(?:(?P<pct>{self.number})%|(?P<num>{self.number})(?P<unit>{unit})?)$"
        )

    def role_of(self, word: str) -> Role | None:
        return next((r for r, ws in self.roles.items() if word in ws), None)


@lru_cache(maxsize=1)
def list_patterns() -> ListPatterns:
    return load(ListPatterns, "patterns/indicator_lists.yaml")
