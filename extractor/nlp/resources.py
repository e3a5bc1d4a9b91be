"""Load and validate the NLP layer's data files in `models/` (patterns and vocabularies).

Everything a domain expert may edit lives in those files; this module turns them into
typed objects and refuses bad input with one error that lists *every* problem found, so a
broken file is fixed in one round rather than one line at a time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

import yaml

# one models/ location for all data (honours $PINGGU_MODELS); re-exported for nlp modules
from extractor.knowledge import models_dir as models_dir
from extractor.nlp.errors import DataFileError, PatternFileError

Role = Literal["target", "done", "pct"]

MARKER_LABELS = frozenset({"APPROX", "BOUND_MIN", "BOUND_MAX"})
MENTION_LABELS = frozenset({"INDICATOR", "MEASURE", "RESET"})
_PATTERN_KEYS = frozenset({"label", "pattern", "id"})


@dataclass(frozen=True)
class SpanPattern:
    """One SpanRuler pattern: a phrase (str) or a token pattern (list of dicts)."""

    label: str
    pattern: str | list[dict[str, Any]]
    id: str | None = None

    def as_spacy(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "pattern": self.pattern}
        if self.id is not None:
            d["id"] = self.id
        return d


def load_span_patterns(
    path: Path,
    labels: frozenset[str],
    ids: Mapping[str, Callable[[str | None], bool]] | None = None,
) -> list[SpanPattern]:
    """Read a SpanRuler JSONL file; raise PatternFileError listing every bad line.

    `ids`, when given, maps a label to a test of its `id` (a known indicator id, a
    measure, before/after), so a typo in an id is caught at load rather than silently
    never matching.
    """
    from spacy.schemas import validate_token_pattern  # spaCy's own token-pattern schema

    problems: list[str] = []
    patterns: list[SpanPattern] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PatternFileError(path, [f"cannot read: {exc}"]) from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{where}: expected a JSON object, got {type(obj).__name__}")
            continue
        errs: list[str] = []
        unknown = set(obj) - _PATTERN_KEYS
        if unknown:
            errs.append(f"unknown keys {sorted(unknown)}")
        label = obj.get("label")
        if label not in labels:
            errs.append(f"label {label!r} not one of {sorted(labels)}")
        pid = obj.get("id")
        if pid is not None and not isinstance(pid, str):
            errs.append("id must be a string")
        elif ids is not None and isinstance(label, str) and label in ids and not ids[label](pid):
            errs.append(f"unknown id {pid!r} for label {label}")
        pat = obj.get("pattern")
        if isinstance(pat, str):
            if not pat.strip():
                errs.append("empty phrase pattern")
        elif isinstance(pat, list):
            errs.extend(f"token pattern: {e}" for e in validate_token_pattern(pat))
            if not pat:
                errs.append("empty token pattern")
        else:
            errs.append("pattern must be a phrase (string) or a token pattern (list)")
        if errs:
            problems.extend(f"{where}: {e}" for e in errs)
            continue
        patterns.append(SpanPattern(cast(str, label), cast(Any, pat), cast(str | None, pid)))
    if problems:
        raise PatternFileError(path, problems)
    return patterns


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, [f"cannot read: {exc}"]) from exc
    if not isinstance(data, dict):
        raise DataFileError(path, ["top level must be a mapping"])
    return cast(dict[str, Any], data)


def _str_list(data: dict[str, Any], key: str, problems: list[str]) -> list[str]:
    v = data.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        problems.append(f"{key}: expected a list of non-empty strings")
        return []
    return cast(list[str], v)


def _num_map(data: dict[str, Any], key: str, problems: list[str]) -> dict[str, int]:
    v = data.get(key, {})
    if not isinstance(v, dict) or not all(
        isinstance(k, str) and isinstance(x, int) for k, x in v.items()
    ):
        problems.append(f"{key}: expected a mapping of string → integer")
        return {}
    return cast(dict[str, int], v)


@dataclass(frozen=True)
class Unit:
    text: str
    not_before: str = ""  # characters that must not follow (分 is not a unit in 分别)

    def regex(self) -> str:
        r = re.escape(self.text)
        return f"{r}(?![{re.escape(self.not_before)}])" if self.not_before else r


@dataclass(frozen=True)
class UnitVocab:
    count_units: tuple[Unit, ...]
    money_units: dict[str, int]
    multipliers: dict[str, int]
    money_cues: tuple[str, ...]
    chinese_numeral_units: tuple[str, ...]
    ordinal_units: tuple[str, ...]
    excluded_phrases: tuple[str, ...]
    clause_breaks: str
    segment_breaks: str
    pairing_cues: tuple[str, ...]


def load_units(path: Path) -> UnitVocab:
    data = _read_yaml(path)
    problems: list[str] = []
    units: list[Unit] = []
    raw = data.get("count_units", [])
    for i, u in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(u, str) and u:
            units.append(Unit(u))
        elif isinstance(u, dict) and isinstance(u.get("unit"), str) and u["unit"]:
            units.append(Unit(u["unit"], str(u.get("not_before", ""))))
        else:
            problems.append(f"count_units[{i}]: expected a unit or {{unit, not_before}}")
    if not isinstance(raw, list) or not units:
        problems.append("count_units: expected a non-empty list")
    breaks, seg = data.get("clause_breaks", "。；"), data.get("segment_breaks", "，、")
    if not isinstance(breaks, str) or not isinstance(seg, str):
        problems.append("clause_breaks, segment_breaks: expected strings of characters")
        breaks, seg = "。；", "，、"
    vocab = UnitVocab(
        count_units=tuple(units),
        money_units=_num_map(data, "money_units", problems),
        multipliers=_num_map(data, "multipliers", problems),
        money_cues=tuple(_str_list(data, "money_cues", problems)),
        chinese_numeral_units=tuple(_str_list(data, "chinese_numeral_units", problems)),
        ordinal_units=tuple(_str_list(data, "ordinal_units", problems)),
        excluded_phrases=tuple(_str_list(data, "excluded_phrases", problems)),
        clause_breaks=breaks,
        segment_breaks=seg,
        pairing_cues=tuple(_str_list(data, "pairing_cues", problems)),
    )
    if problems:
        raise DataFileError(path, problems)
    return vocab


@dataclass(frozen=True)
class FigureRegex:
    name: str
    kind: str
    regex: re.Pattern[str]


_KINDS = frozenset({"count", "pct", "money", "date", "ordinal", "skip"})


def _alternation(items: list[str]) -> str:
    """Longest first, so 人次 wins over 人 and 个月 over 个."""
    return "|".join(sorted(items, key=len, reverse=True))


def load_figure_regexes(path: Path, units: UnitVocab) -> list[FigureRegex]:
    """Compile the ordered figure regexes, filling placeholders from the unit vocabulary."""
    data = _read_yaml(path)
    problems: list[str] = []
    number, cn_number, inner = (data.get(k) for k in ("number", "cn_number", "inner_approx"))
    if not all(isinstance(x, str) and x for x in (number, cn_number, inner)):
        raise DataFileError(path, ["number, cn_number and inner_approx must be regex strings"])
    fill = {
        "number": cast(str, number),
        "cn_number": cast(str, cn_number),
        "inner_approx": cast(str, inner),
        "count_unit": _alternation([u.regex() for u in units.count_units]),
        "money_unit": _alternation([re.escape(u) for u in units.money_units]),
        "multiplier": _alternation([re.escape(u) for u in units.multipliers]),
        "cn_unit": _alternation([re.escape(u) for u in units.chinese_numeral_units]),
        "ordinal_unit": _alternation([re.escape(u) for u in units.ordinal_units]),
    }
    out: list[FigureRegex] = []
    raw = data.get("patterns")
    if not isinstance(raw, list) or not raw:
        raise DataFileError(path, ["patterns: expected a non-empty list"])
    for i, p in enumerate(raw):
        where = f"patterns[{i}]"
        if not isinstance(p, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        name, kind, rx = p.get("name"), p.get("kind"), p.get("regex")
        if not isinstance(name, str) or kind not in _KINDS or not isinstance(rx, str):
            problems.append(f"{where}: needs name, kind (one of {sorted(_KINDS)}) and regex")
            continue
        text = rx
        for key, value in fill.items():
            text = text.replace("{" + key + "}", f"(?:{value})")
        try:
            out.append(FigureRegex(name, cast(str, kind), re.compile(text)))
        except re.error as exc:
            problems.append(f"{where} ({name}): bad regex: {exc}")
    if problems:
        raise DataFileError(path, problems)
    return out


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    aliases: tuple[str, ...]
    default_measure: str = "count"
    units: dict[str, str] = field(default_factory=dict)
    kinds: frozenset[str] = frozenset({"count", "pct"})


@dataclass(frozen=True)
class ColumnHeader:
    label: str
    measure: str | None
    role: Role | None


@dataclass(frozen=True)
class IndicatorVocab:
    measures: frozenset[str]
    indicators: dict[str, Indicator]
    columns: tuple[ColumnHeader, ...]

    def mention_ids(self) -> frozenset[str]:
        """Ids a mention pattern may carry: `indicator` or `indicator/measure`."""
        return frozenset(self.indicators) | frozenset(
            f"{i}/{m}" for i in self.indicators for m in self.measures
        )


def load_indicators(path: Path) -> IndicatorVocab:
    data = _read_yaml(path)
    problems: list[str] = []
    measures = frozenset(_str_list(data, "measures", problems))
    indicators: dict[str, Indicator] = {}
    raw = data.get("indicators")
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(path, ["indicators: expected a non-empty mapping"])
    for iid, spec in raw.items():
        where = f"indicators.{iid}"
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            problems.append(f"{where}: needs a name")
            continue
        aliases = spec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{where}.aliases: expected a list of strings")
            aliases = []
        dm = spec.get("default_measure", "count")
        unit_map = spec.get("units", {})
        if not isinstance(unit_map, dict):
            problems.append(f"{where}.units: expected a mapping unit → measure")
            unit_map = {}
        for m in [dm, *unit_map.values()]:
            if m not in measures:
                problems.append(f"{where}: unknown measure {m!r}")
        indicators[str(iid)] = Indicator(
            str(iid),
            spec["name"],
            tuple(aliases),
            str(dm),
            {str(k): str(v) for k, v in unit_map.items()},
        )
    columns: list[ColumnHeader] = []
    for i, c in enumerate(data.get("columns", []) or []):
        if not isinstance(c, dict) or not isinstance(c.get("label"), str):
            problems.append(f"columns[{i}]: needs a label")
            continue
        m, r = c.get("measure"), c.get("role")
        if m is not None and m not in measures:
            problems.append(f"columns[{i}]: unknown measure {m!r}")
        if r not in (None, "target", "done", "pct"):
            problems.append(f"columns[{i}]: role must be target, done or pct")
        columns.append(ColumnHeader(c["label"], m, cast(Role | None, r)))
    if problems:
        raise DataFileError(path, problems)
    return IndicatorVocab(measures, indicators, tuple(columns))
