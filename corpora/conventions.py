"""Gold conventions shared by the hand-built gold writers (seed rebuild, handmade
reports): one place for a rule that gold files must apply identically."""

from __future__ import annotations

import re
from pathlib import Path


def headline(text: str) -> str:
    """An item's headline: its first sentence if shorter than 60 characters, else that
    sentence's first clause."""
    sentence = text.split("。", 1)[0]
    if len(sentence) < 60:
        return sentence
    return re.split(r"[，；]", sentence, maxsplit=1)[0]


# Corpus folders measured apart from the CI thresholds: layout families written to test
# generalisation, whose first-run figures are recorded in EVALUATION.md (`families`), and
# the validation split that nobody runs the extractor on until the end (`validation`),
# the second held-back split made after the first was looked at (`heldout`), the
# third, made after the second was looked at (`unseen`), and the fourth, made after the
# third was looked at (`blind`).
# Per-PDF extraction tests and the corpus-wide thresholds skip them.
MEASURED_APART = ("families", "validation", "heldout", "unseen", "blind")
# Held-back folders whose first run has not been recorded yet: no test extracts them (not
# even the per-file comparison with an allowlist), so nobody sees how the extractor does
# on them before `python -m corpora.families.first_run --split <folder>` records it.
# Empty since the fourth held-back split's first run was recorded
# (corpora/blind/first_run.json, after unseen's); a fifth would be listed here until its
# own first run.
NOT_YET_RUN: tuple[str, ...] = ()


def measured_apart(path: Path) -> bool:
    return any(part in MEASURED_APART for part in path.parts)


def not_yet_run(path: Path) -> bool:
    return any(part in NOT_YET_RUN for part in path.parts)
