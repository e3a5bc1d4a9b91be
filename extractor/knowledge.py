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
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator


def models_dir() -> Path:
    """`models/` beside the package, or $PINGGU_MODELS."""
    env = os.environ.get("PINGGU_MODELS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "models"


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


def _validated(model: type[BaseModel], name: str) -> Any:
    try:
        return model.model_validate(load_yaml(name))
    except ValidationError as exc:
        raise KnowledgeError(f"{models_dir() / name}: {exc}") from exc


@lru_cache(maxsize=1)
def section_vocab() -> SectionVocab:
    result: SectionVocab = _validated(SectionVocab, "sections.yaml")
    return result
