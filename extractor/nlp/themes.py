"""Themes of an assessment item from the taxonomy in models/taxonomy.yaml.

A PhraseMatcher over the blank zh pipeline's tokens: the vocabulary is data a domain
expert edits, and matching every item of a report costs well under a millisecond each.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher

from extractor.knowledge import taxonomy
from extractor.nlp.pipeline import get_pipeline


@lru_cache(maxsize=1)
def _matcher() -> tuple[Any, PhraseMatcher]:
    nlp = get_pipeline()
    matcher = PhraseMatcher(nlp.vocab)
    for tid, theme in taxonomy().themes.items():
        matcher.add(tid, [nlp.make_doc(p) for p in theme.phrases])
    return nlp, matcher


def themes_of(text: str) -> list[str]:
    """Theme ids whose phrases occur in `text`, in taxonomy order."""
    nlp, matcher = _matcher()
    found = {nlp.vocab.strings[mid] for mid, _, _ in matcher(nlp.make_doc(text))}
    return [tid for tid in taxonomy().themes if tid in found]
