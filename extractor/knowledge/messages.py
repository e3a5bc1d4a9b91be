"""models/messages/checks.yaml: the checker's message catalogue, Chinese and English.

Validated at load: every entry has both languages with the same `{placeholders}`, the
English holds no Chinese character and the Chinese no English word of its own (acronyms
such as PDF and OCR aside); what a rule fills in may be either, since quoted report text
stays as printed.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from pydantic import model_validator

from extractor.knowledge.loader import Data, load

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# A Latin word in Chinese text; acronyms (PDF, OCR) are how Chinese text writes them.
LATIN_WORD = re.compile(r"(?![A-Z]{2,5}\b)[A-Za-z]{2,}")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _literal(template: str) -> str:
    """The template's own text, placeholders removed."""
    return "".join(text for text, _, _, _ in string.Formatter().parse(template))


class Message(Data):
    zh: str
    en: str

    @model_validator(mode="after")
    def _consistent(self) -> Message:
        problems = []
        zh, en = placeholders(self.zh), placeholders(self.en)
        if zh != en:
            problems.append(f"placeholders differ: zh {sorted(zh)}, en {sorted(en)}")
        if CJK.search(_literal(self.en)):
            problems.append(f"Chinese in the English text: {self.en!r}")
        if m := LATIN_WORD.search(_literal(self.zh)):
            problems.append(f"English word {m.group(0)!r} in the Chinese text")
        if problems:
            raise ValueError("\n".join(problems))
        return self


class MessageCatalogue(Data):
    messages: dict[str, Message]


@lru_cache(maxsize=1)
def check_messages() -> MessageCatalogue:
    return load(MessageCatalogue, "messages/checks.yaml")
