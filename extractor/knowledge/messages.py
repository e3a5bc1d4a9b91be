"""models/messages/*.yaml: what Pinggu says to a reader, in Chinese and English, and the
one way to say it (`say`). `checks.yaml` holds the checker's words, `problems.yaml` the
extraction problems a record lists, `errors.yaml` why a file could not be read (the
headings of tables come from `models/columns.yaml`).

Validated at load: every entry has both languages with the same `{placeholders}`, the
English holds no Chinese character and the Chinese no English word of its own (acronyms
such as PDF and OCR aside); what the caller fills in may be either, since quoted report
text stays as printed. An id is unique across the files.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import model_validator

from extractor.knowledge.loader import Data, load, raise_all
from extractor.records import Problem

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# A Latin word in Chinese text; acronyms (PDF, OCR) are how Chinese text writes them.
LATIN_WORD = re.compile(r"(?![A-Z]{2,5}\b)[A-Za-z]{2,}")
CATALOGUES = ("checks", "problems", "errors")


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
        raise_all(problems)
        return self


class MessageCatalogue(Data):
    messages: dict[str, Message]


@lru_cache(maxsize=4)
def catalogue(name: str) -> MessageCatalogue:
    """One file of models/messages/ (`checks`, `problems`)."""
    return load(MessageCatalogue, f"messages/{name}.yaml")


def check_messages() -> MessageCatalogue:
    return catalogue("checks")


@lru_cache(maxsize=1)
def _all() -> dict[str, Message]:
    out: dict[str, Message] = {}
    for name in CATALOGUES:
        out.update(catalogue(name).messages)
    return out


@dataclass(frozen=True, slots=True)
class Said:
    """One thing said, in both languages."""

    zh: str
    en: str

    def strip(self) -> Said:
        return Said(self.zh.strip(), self.en.strip())


def same(text: object) -> Said:
    """Text that reads the same in both languages: a figure, a ref, quoted report text."""
    return Said(str(text), str(text))


def say(key: str, **params: object) -> Said:
    """Entry `key` with `params` filled in, in both languages; a KeyError names an unknown
    id. A parameter is a figure or quoted text (the same in both languages), or a `Said`,
    which fills each language with its own text."""
    m = _all()[key]
    zh = {k: v.zh if isinstance(v, Said) else v for k, v in params.items()}
    en = {k: v.en if isinstance(v, Said) else v for k, v in params.items()}
    return Said(m.zh.format(**zh), m.en.format(**en))


def joined(items: Iterable[Said], zh_sep: str = "；", en_sep: str = "; ") -> Said:
    parts = list(items)
    return Said(zh_sep.join(p.zh for p in parts), en_sep.join(p.en for p in parts))


def problem(
    stage: str, key: str, page: int | None = None, detail: str | None = None, **params: object
) -> Problem:
    """A record's `Problem`, said from the catalogue (`problem.…`); `page` is the
    problem's page and fills a `{page}` of the message too. `detail` (an exception's
    text) is for debugging: kept beside the message, never inside it, so the message
    stays in one language."""
    s = say(key, **params, **({} if page is None else {"page": page}))
    return Problem(stage=stage, message=s.en, message_zh=s.zh, code=key, page=page, detail=detail)


def error_key(exc: BaseException) -> str:
    """The catalogue id of an error (`errors.yaml`): its class name without "Error", in
    snake case, the nearest class that has an entry; a wrong password has its own."""
    if getattr(exc, "wrong_password", False):
        return "error.wrong_password"
    for cls in type(exc).__mro__:
        name = re.sub(r"Error$", "", cls.__name__)
        key = "error." + re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
        if key in _all():
            return key
    return "error.pinggu"


def said_error(exc: BaseException, file: str) -> tuple[Said, str | None]:
    """Why `file` could not be read, in both languages (`errors.yaml`), and the error's
    detail (a parser's or an exception's own words) apart, for debugging."""
    params: dict[str, object] = {"file": file}
    if (seconds := getattr(exc, "timeout_s", None)) is not None:
        params["seconds"] = f"{seconds:g}"
    if (megabytes := getattr(exc, "max_memory_mb", None)) is not None:
        params["megabytes"] = megabytes
    detail = getattr(exc, "detail", None)
    return say(error_key(exc), **params), str(detail) if detail else None
