"""What the checker says, in Chinese and English, from one catalogue
(models/messages/checks.yaml): rules never write a sentence themselves.

`say("explain.score_cap", party=party(p), printed="45.65")` fills one entry in both
languages; a parameter is a figure or quoted report text (the same in both), or another
`Said` (a party, a measure, a formula), which fills each language with its own text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypedDict

from extractor.knowledge.messages import Said, joined, same, say

__all__ = [
    "Said",
    "alternatives",
    "cause_fields",
    "causes_clause",
    "explanation_fields",
    "joined",
    "same",
    "say",
    "tolerance_fields",
]


def alternatives(items: Iterable[Said]) -> Said:
    """ "12或13" / "12 or 13"."""
    sep = say("fragment.or")
    return joined(items, sep.zh, sep.en)


def causes_clause(causes: Sequence[Said]) -> Said:
    """The causes appended to an explanation: "，c1，c2" in Chinese, " (c1; c2)" in
    English; nothing when there is none."""
    if not causes:
        return Said("", "")
    return Said("".join(f"，{c.zh}" for c in causes), f" ({'; '.join(c.en for c in causes)})")


class CauseFields(TypedDict):
    cause: str | None
    cause_zh: str | None


class ToleranceFields(TypedDict):
    tolerance: str
    tolerance_zh: str


class ExplanationFields(TypedDict):
    message: str
    explanation_zh: str
    explanation_en: str


def cause_fields(causes: Sequence[Said]) -> CauseFields:
    """`cause` and `cause_zh` of a Finding: every cause, joined."""
    if not causes:
        return {"cause": None, "cause_zh": None}
    both = joined(causes)
    return {"cause": both.en, "cause_zh": both.zh}


def tolerance_fields(tol: Said) -> ToleranceFields:
    """`tolerance` and `tolerance_zh` of a Finding."""
    return {"tolerance": tol.en, "tolerance_zh": tol.zh}


def explanation_fields(key: str, **params: object) -> ExplanationFields:
    """`message`, `explanation_zh` and `explanation_en` of a Finding."""
    s = say(key, **params)
    return {"message": key, "explanation_zh": s.zh, "explanation_en": s.en}
