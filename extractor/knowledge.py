"""Loads the declarative domain knowledge kept in `models/` and validates it at load.

Everything a domain expert may edit without touching code (section wordings, numbering
styles, indicator vocabulary, profiles) is read here, once, and handed out as typed
objects; a bad file fails with every problem listed, not at first use.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, cast, get_args

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from extractor.records import Party


def models_dir() -> Path:
    """Where models/ lives: $PINGGU_MODELS if set; else the copy an installed wheel ships
    as package data (`extractor/models`); else the repository's top-level `models/`
    beside the package (a source checkout or an editable install)."""
    env = os.environ.get("PINGGU_MODELS")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent
    shipped = package / "models"
    return shipped if shipped.is_dir() else package.parent / "models"


class KnowledgeError(Exception):
    """A file in models/ is missing or malformed."""


def load_yaml(name: str) -> Any:
    path = models_dir() / name
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: missing (set PINGGU_MODELS to the models/ folder)") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc


class Marker(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        re.compile(v)
        return v


class HeadingRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_chars: int
    sentence_end: str
    min_score: float


class SectionVocab(BaseModel):
    model_config = ConfigDict(extra="forbid")
    markers: list[Marker]
    heading: HeadingRules
    sections: dict[str, list[str]]
    labels: dict[str, list[str]]


def validated(model: type[BaseModel], name: str) -> Any:
    try:
        return model.model_validate(load_yaml(name))
    except ValidationError as exc:
        raise KnowledgeError(f"{models_dir() / name}: {exc}") from exc


@lru_cache(maxsize=1)
def section_vocab() -> SectionVocab:
    result: SectionVocab = validated(SectionVocab, "sections.yaml")
    return result


class PartyProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: list[str]
    section: str
    default_weight: float


class BandProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grade: str
    lower: float | None = None
    lower_inclusive: bool = True
    upper: float | None = None
    upper_inclusive: bool = False


class ScoringPatterns(BaseModel):
    model_config = ConfigDict(extra="forbid")
    weight: str
    band_at_least: str
    band_between: str
    band_below: str
    party_score: str
    total: str
    grade: str
    weight_cue: str
    weight_list: str
    total_label: str
    # A clause that describes the scale, not this report's score ("评估总分为100分，其中…").
    total_maximum: str


class Profile(BaseModel):
    """Knowledge of one report family; printed weights and bands override the defaults."""

    model_config = ConfigDict(extra="forbid")
    id: str
    description: str
    parties: dict[str, PartyProfile]
    grades: list[str]
    default_bands: list[BandProfile]
    scoring: ScoringPatterns
    none_stated: str

    def pattern(self, name: str) -> re.Pattern[str]:
        """A scoring pattern with `{grades}` filled in, longest grade first."""
        grades = "|".join(sorted(self.grades, key=len, reverse=True))
        return _compile(getattr(self.scoring, name).replace("{grades}", grades))

    def party_of(self, text: str) -> Party | None:
        """The party whose name appears in `text` (longest name wins)."""
        best: tuple[int, Party] | None = None
        for pid, p in self.party_items():
            for n in p.names:
                if n in text and (best is None or len(n) > best[0]):
                    best = (len(n), pid)
        return best[1] if best else None

    def party_items(self) -> list[tuple[Party, PartyProfile]]:
        return [(cast(Party, k), v) for k, v in self.parties.items()]

    @field_validator("parties")
    @classmethod
    def _known_parties(cls, v: dict[str, PartyProfile]) -> dict[str, PartyProfile]:
        unknown = set(v) - set(get_args(Party))
        if unknown:
            raise ValueError(f"unknown parties {sorted(unknown)}; allowed: {get_args(Party)}")
        return v


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


DEFAULT_PROFILE = "guangzhou_station"


@lru_cache(maxsize=8)
def profile(name: str = DEFAULT_PROFILE) -> Profile:
    path = Path("profiles") / f"{name}.yaml"
    result: Profile = validated(Profile, str(path))
    for field in ScoringPatterns.model_fields:
        try:
            result.pattern(field)
        except re.error as exc:
            raise KnowledgeError(f"{models_dir() / path}: scoring.{field}: {exc}") from exc
    return result


class MetaPatterns(BaseModel):
    """models/patterns/meta.yaml: where the report states its metadata."""

    model_config = ConfigDict(extra="forbid")
    date: str
    station_name: str
    kind: str
    city: str
    district: str
    fields: dict[str, list[str]]

    def compiled(self, field: str) -> list[re.Pattern[str]]:
        return [_compile(p.replace("{date}", self.date)) for p in self.fields.get(field, [])]


@lru_cache(maxsize=1)
def meta_patterns() -> MetaPatterns:
    name = "patterns/meta.yaml"
    result: MetaPatterns = validated(MetaPatterns, name)
    problems = []
    for fname in ("date", "station_name", "kind", "city", "district"):
        try:
            _compile(getattr(result, fname))
        except re.error as exc:
            problems.append(f"{fname}: {exc}")
    for fname, pats in result.fields.items():
        for i, p in enumerate(pats):
            try:
                _compile(p.replace("{date}", result.date))
            except re.error as exc:
                problems.append(f"fields.{fname}[{i}]: {exc}")
    if problems:
        raise KnowledgeError(f"{models_dir() / name}: " + "; ".join(problems))
    return result


class MeasureWords(BaseModel):
    """models/vocab/measures.yaml: the measure a row label's unit or wording names."""

    model_config = ConfigDict(extra="forbid")
    units: dict[str, str]
    words: dict[str, str]


@lru_cache(maxsize=1)
def measure_words() -> MeasureWords:
    result: MeasureWords = validated(MeasureWords, "vocab/measures.yaml")
    return result
