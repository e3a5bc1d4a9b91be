"""The report's own words inside Pinggu's sentences, marked on the audit page.

An explanation quotes the report: the sentence a figure stands in, a table's or an area's
label, an indicator as printed, the station. On the page each such quote is set in
`<span class="src">`, so a reader tells the report's words from Pinggu's, and a test can
hold the rest of an English page to English (tests/test_messages.py).

Only Chinese is marked: a quote is any text of the record (Pinggu's own messages aside)
holding a Chinese character, plus the wordings the profile looks for when a core field is
missing. Codes (`sessions`, `area`) are never marked, so one that leaks into a Chinese
sentence still shows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from extractor.knowledge import profile
from extractor.knowledge.messages import CJK
from extractor.records import Report

# Fields whose text is Pinggu's, not the report's: messages, reasons, descriptions.
OWN_FIELDS = frozenset(
    {
        "explanation_zh",
        "explanation_en",
        "cause",
        "cause_zh",
        "tolerance",
        "tolerance_zh",
        "message",
        "message_zh",
        "description",
        "description_zh",
        "reason",
        "reason_zh",
        "uncertain",
        "uncertain_zh",
        "doubts",
        "doubts_zh",
        "detail",
        "ruled_out",  # a finding's other readings, said by Pinggu (text, text_zh)
    }
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in OWN_FIELDS:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def quotes_of(report: Report) -> re.Pattern[str] | None:
    """A pattern of every Chinese text of `report` a sentence may quote, longest first."""
    texts = {s for s in _strings(report.model_dump()) if CJK.search(s)}
    if report.source.profile:
        for pattern in profile(report.source.profile).core_fields.values():
            texts.update(w for w in pattern.split("|") if CJK.search(w) and "\\" not in w)
    if not texts:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)))


def marked(text: str, quotes: re.Pattern[str] | None) -> str:
    """`text` escaped as HTML, each quote of the report in `<span class="src">`."""
    if quotes is None:
        return html.escape(text, quote=True)
    out: list[str] = []
    at = 0
    for m in quotes.finditer(text):
        out.append(html.escape(text[at : m.start()], quote=True))
        out.append(f'<span class="src">{html.escape(m.group(0), quote=True)}</span>')
        at = m.end()
    out.append(html.escape(text[at:], quote=True))
    return "".join(out)
