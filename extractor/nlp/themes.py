"""Themes of an assessment item from the taxonomy in models/taxonomy.yaml.

A PhraseMatcher over the blank zh pipeline's tokens: the vocabulary is data a domain
expert edits, and matching every item of a report costs well under a millisecond each.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from extractor.knowledge import taxonomy
from extractor.nlp.pipeline import get_pipeline

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher


@lru_cache(maxsize=1)
def _matcher() -> tuple[Any, PhraseMatcher, tuple[str, ...]]:
    """The pipeline, the matcher, and each phrase's tokens run together without
    whitespace: a phrase can only match a text that, without its whitespace, holds
    that string (its tokens are the text's, one after another, at most spaced)."""
    nlp = get_pipeline()  # spaCy imported by extractor.nlp.spacy_import
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab)
    keys: list[str] = []
    for tid, theme in taxonomy().themes.items():
        docs = [nlp.make_doc(p) for p in theme.phrases]
        matcher.add(tid, docs)
        keys += ["".join("".join(t.text for t in d).split()) for d in docs]
    return nlp, matcher, tuple(keys)


def themes_of(text: str) -> list[str]:
    """Theme ids whose phrases occur in `text`, in taxonomy order."""
    nlp, matcher, keys = _matcher()
    bare = "".join(text.split())
    if not any(k in bare for k in keys):
        return []  # no phrase can match: no doc to build (a fifth of the items)
    found = {nlp.vocab.strings[mid] for mid, _, _ in matcher(nlp.make_doc(text))}
    return [tid for tid in taxonomy().themes if tid in found]
