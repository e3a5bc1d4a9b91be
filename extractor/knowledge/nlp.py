"""The NLP layer's data in models/: units, figure regexes, the indicator vocabulary and
the spaCy SpanRuler pattern files (JSONL, checked with spaCy's own token-pattern schema).

Loaded by path, because the spaCy components receive their files through the pipeline
config; every file goes through the one loader and fails with every problem listed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from extractor.errors import ModelDataError
from extractor.knowledge.loader import Data, load, problems_of, raise_all, read_text

Role = Literal["target", "done", "pct"]
FigureKind = Literal["count", "pct", "money", "date", "ordinal", "skip"]

MARKER_LABELS = frozenset({"APPROX", "BOUND_MIN", "BOUND_MAX"})
MENTION_LABELS = frozenset({"INDICATOR", "MEASURE", "RESET"})


# --- vocab/units.yaml ------------------------------------------------------------------


class Unit(Data):
    text: str
    not_before: str = ""  # characters that must not follow (分 is not a unit in 分别)

    def regex(self) -> str:
        r = re.escape(self.text)
        return f"{r}(?![{re.escape(self.not_before)}])" if self.not_before else r


class UnitVocab(Data):
    count_units: tuple[Unit, ...]
    money_units: dict[str, int]
    multipliers: dict[str, int]
    money_cues: tuple[str, ...] = ()
    chinese_numeral_units: tuple[str, ...] = ()
    ordinal_units: tuple[str, ...] = ()
    excluded_phrases: tuple[str, ...] = ()
    clause_breaks: str = "。；"
    segment_breaks: str = "，、"
    pairing_cues: tuple[str, ...] = ()

    @field_validator("count_units", mode="before")
    @classmethod
    def _units(cls, v: Any) -> Any:
        """A unit is written `人次` or `{unit: 分, not_before: 别钟}`."""
        if not isinstance(v, list) or not v:
            raise ValueError("expected a non-empty list of units")
        out = []
        for u in v:
            if isinstance(u, str):
                u = {"text": u}
            elif isinstance(u, dict) and "unit" in u:
                u = {"text": u["unit"], **{k: x for k, x in u.items() if k != "unit"}}
            out.append(u)
        return out

    @field_validator(
        "money_cues", "chinese_numeral_units", "ordinal_units", "excluded_phrases", "pairing_cues"
    )
    @classmethod
    def _non_empty(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not all(v):
            raise ValueError("expected non-empty strings")
        return v


@lru_cache(maxsize=8)
def load_units(path: Path) -> UnitVocab:
    return load(UnitVocab, path)


# --- patterns/figure_regexes.yaml ------------------------------------------------------


class FigureRegex(BaseModel):
    """One compiled figure regex, placeholders filled from the unit vocabulary."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    name: str
    kind: FigureKind
    regex: re.Pattern[str]


class FigurePattern(Data):
    name: str
    kind: FigureKind
    regex: str


class FigureRegexFile(Data):
    number: str
    cn_number: str
    inner_approx: str
    patterns: list[FigurePattern]

    def compile(self, units: UnitVocab) -> list[FigureRegex]:
        """The regexes with every placeholder filled; raises ValueError listing bad ones."""
        fill = {
            "number": self.number,
            "cn_number": self.cn_number,
            "inner_approx": self.inner_approx,
            "count_unit": _alternation([u.regex() for u in units.count_units]),
            "money_unit": _alternation([re.escape(u) for u in units.money_units]),
            "multiplier": _alternation([re.escape(u) for u in units.multipliers]),
            "cn_unit": _alternation([re.escape(u) for u in units.chinese_numeral_units]),
            "ordinal_unit": _alternation([re.escape(u) for u in units.ordinal_units]),
        }
        out: list[FigureRegex] = []
        problems: list[str] = []
        for i, p in enumerate(self.patterns):
            text = p.regex
            for key, value in fill.items():
                text = text.replace("{" + key + "}", f"(?:{value})")
            try:
                out.append(FigureRegex(name=p.name, kind=p.kind, regex=re.compile(text)))
            except re.error as exc:
                problems.append(f"patterns[{i}] ({p.name}): bad regex: {exc}")
        raise_all(problems)
        return out


def _alternation(items: list[str]) -> str:
    """Longest first, so 人次 wins over 人 and 个月 over 个."""
    return "|".join(sorted(items, key=len, reverse=True))


def load_figure_regexes(path: Path, units: UnitVocab) -> list[FigureRegex]:
    """Compile the ordered figure regexes, filling placeholders from the unit vocabulary."""
    spec = load(FigureRegexFile, path)
    try:
        return spec.compile(units)
    except ValueError as exc:
        raise ModelDataError(path, str(exc).splitlines()) from None


# --- vocab/indicators.yaml -------------------------------------------------------------


class Indicator(Data):
    id: str = ""
    name: str
    aliases: tuple[str, ...] = ()
    default_measure: str = "count"
    units: dict[str, str] = Field(default_factory=dict)
    kinds: frozenset[Literal["count", "pct"]] = frozenset({"count", "pct"})
    # A count in one of these units after this indicator's word counts another indicator
    # ("志愿者累计服务 1200 小时" → volunteer_hours).
    unit_indicators: dict[str, str] = Field(default_factory=dict)
    # When set, a count in text is this indicator's only in one of these units
    # ("志愿服务 4044 小时", never "志愿服务活动 12 场").
    count_units: frozenset[str] = frozenset()


class ColumnHeader(Data):
    label: str
    measure: str | None = None
    role: Role | None = None


class IndicatorVocab(Data):
    measures: frozenset[str]
    indicators: dict[str, Indicator]
    columns: tuple[ColumnHeader, ...] = ()

    @model_validator(mode="after")
    def _known_measures(self) -> IndicatorVocab:
        problems = []
        if not self.indicators:
            problems.append("indicators: expected a non-empty mapping")
        for iid, ind in self.indicators.items():
            ind.id = iid
            for m in [ind.default_measure, *ind.units.values()]:
                if m not in self.measures:
                    problems.append(f"indicators.{iid}: unknown measure {m!r}")
            for other in ind.unit_indicators.values():
                if other not in self.indicators:
                    problems.append(f"indicators.{iid}: unknown indicator {other!r}")
        for i, c in enumerate(self.columns):
            if c.measure is not None and c.measure not in self.measures:
                problems.append(f"columns[{i}]: unknown measure {c.measure!r}")
        raise_all(problems)
        return self

    def mention_ids(self) -> frozenset[str]:
        """Ids a mention pattern may carry: `indicator` or `indicator/measure`."""
        return frozenset(self.indicators) | frozenset(
            f"{i}/{m}" for i in self.indicators for m in self.measures
        )


@lru_cache(maxsize=8)
def load_indicators(path: Path) -> IndicatorVocab:
    return load(IndicatorVocab, path)


# --- patterns/*.jsonl (spaCy SpanRuler) -------------------------------------------------

IdCheck = Callable[[str | None], bool]


class SpanPattern(Data):
    """One SpanRuler pattern: a phrase (str) or a token pattern (list of dicts).

    Validated against the context's `labels` and, per label, a test of its `id` (a known
    indicator, a measure, before/after), so a typo is caught at load rather than never
    matching."""

    label: str
    pattern: str | list[dict[str, Any]]
    id: str | None = None

    @field_validator("label")
    @classmethod
    def _label(cls, v: str, info: ValidationInfo) -> str:
        labels: frozenset[str] = (info.context or {}).get("labels", frozenset())
        if v not in labels:
            raise ValueError(f"label {v!r} not one of {sorted(labels)}")
        return v

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, v: str | list[dict[str, Any]]) -> str | list[dict[str, Any]]:
        if isinstance(v, str):
            if not v.strip():
                raise ValueError("empty phrase pattern")
            return v
        from spacy.schemas import validate_token_pattern  # spaCy's own schema

        errs = [f"token pattern: {e}" for e in validate_token_pattern(v)]
        if not v:
            errs.append("empty token pattern")
        if errs:
            raise ValueError("\n".join(errs))
        return v

    @model_validator(mode="after")
    def _id(self, info: ValidationInfo) -> SpanPattern:
        ids: Mapping[str, IdCheck] = (info.context or {}).get("ids", {})
        if self.label in ids and not ids[self.label](self.id):
            raise ValueError(f"unknown id {self.id!r} for label {self.label}")
        return self

    def as_spacy(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "pattern": self.pattern}
        if self.id is not None:
            d["id"] = self.id
        return d


def load_span_patterns(
    path: Path, labels: frozenset[str], ids: Mapping[str, IdCheck] | None = None
) -> list[SpanPattern]:
    """Read a SpanRuler JSONL file; a `ModelDataError` lists every bad line."""
    context = {"labels": labels, "ids": ids or {}}
    problems: list[str] = []
    patterns: list[SpanPattern] = []
    for n, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        try:
            patterns.append(SpanPattern.model_validate(obj, context=context))
        except ValidationError as exc:
            problems.extend(f"{where}: {e}" for e in problems_of(exc))
    if problems:
        raise ModelDataError(path, problems)
    return patterns
