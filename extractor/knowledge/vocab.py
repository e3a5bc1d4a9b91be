"""Word lists of models/vocab and models/taxonomy.yaml that the passes read directly:
the measure a row label names, and the themes of assessment items."""

from __future__ import annotations

from functools import lru_cache

from extractor.knowledge.loader import Data, load


class MeasureWords(Data):
    """models/vocab/measures.yaml: the measure a row label's unit or wording names."""

    units: dict[str, str]
    words: dict[str, str]


@lru_cache(maxsize=1)
def measure_words() -> MeasureWords:
    return load(MeasureWords, "vocab/measures.yaml")


class Theme(Data):
    label: str
    phrases: list[str]


class Taxonomy(Data):
    """models/taxonomy.yaml: theme id → label and the phrases that signal it."""

    themes: dict[str, Theme]


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return load(Taxonomy, "taxonomy.yaml")
