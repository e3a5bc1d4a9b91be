"""Gold conventions shared by the hand-built gold writers (seed rebuild, handmade
reports): one place for a rule that gold files must apply identically."""

from __future__ import annotations

import re


def headline(text: str) -> str:
    """An item's headline: its first sentence if shorter than 60 characters, else that
    sentence's first clause."""
    sentence = text.split("。", 1)[0]
    if len(sentence) < 60:
        return sentence
    return re.split(r"[，；]", sentence, maxsplit=1)[0]
