"""Does the record hold what every report of the family has? The quality gate.

Parsing without an exception is not success: a damaged file can yield a record with no
station, total, grade or period, and such a record must not pass for complete. Each
missing core field becomes a problem saying why: the text never mentions it (the words
that print it, from the profile's `core_fields`, appear nowhere: a page is missing, the
text is garbled, or this is not such a report), or it does but no value could be read
there (naming the page). A record with none of the core fields has status `failure`.
A record with no indicator row while its text prints several completion rates gets a
problem too: its figures were printed in a layout not read, and go unchecked.
"""

from __future__ import annotations

import re
from typing import get_args

from extractor.document.model import Document
from extractor.knowledge.messages import Said, problem, say
from extractor.knowledge.profiles import CoreField, Profile
from extractor.records import Problem, Report


def present(report: Report) -> dict[CoreField, bool]:
    """Which core fields the record holds."""
    m, s = report.meta, report.scoring
    return {
        "station": m.station is not None and bool(m.station.value.strip()),
        "total": s.total is not None,
        "grade": s.grade is not None and bool(s.grade.value.strip()),
        "period": m.year is not None
        or m.contract_period is not None
        or m.assessment_period is not None,
    }


def none_present(report: Report) -> bool:
    return not any(present(report).values())


def completeness_problems(report: Report, doc: Document, prof: Profile) -> list[Problem]:
    """One problem per core field the record lacks, saying why."""
    problems: list[Problem] = []
    have = present(report)
    texts = _texts(doc)
    for name in get_args(CoreField):
        if have[name]:
            continue
        label = say(f"field.{name}")
        pattern = re.compile(prof.core_fields[name])
        hit = next(((page, m.group(0)) for page, t in texts if (m := pattern.search(t))), None)
        if hit is None:
            problems.append(
                problem(
                    "completeness", "problem.core_field_absent", field=label, words=_words(pattern)
                )
            )
        else:
            page, word = hit
            problems.append(
                problem(
                    "completeness",
                    "problem.core_field_unread",
                    page=page,
                    field=label,
                    word=word,
                )
            )
    return problems + _indicators_unread(report, texts, prof)


# How many printed rates make "the report has indicator figures": one or two may be a
# sentence about a single service, three or more are the figures of a table or a list.
_MIN_RATES = 3


def _indicators_unread(
    report: Report, texts: list[tuple[int, str]], prof: Profile
) -> list[Problem]:
    """A record with no indicator row although the text prints rates is not complete: a
    report whose figures stand in a layout not read (a list, an unseen table) must not
    pass for one that has none to check."""
    if report.indicators.rows or not prof.indicator_figures:
        return []
    pattern = re.compile(prof.indicator_figures)
    hits = [(page, m.group(0)) for page, t in texts for m in pattern.finditer(t)]
    if len(hits) < _MIN_RATES:
        return []
    page, word = hits[0]
    return [
        problem(
            "completeness",
            "problem.indicators_unread",
            page=page,
            count=len(hits),
            word=word,
        )
    ]


def _texts(doc: Document) -> list[tuple[int, str]]:
    """(page, text) of every block and table cell, in reading order, layout spaces out."""
    out = [(b.page, "".join(b.text.split())) for b in doc.blocks]
    out += [(c.page, "".join(c.text.split())) for t in doc.tables for c in t.cells]
    return out


def _words(pattern: re.Pattern[str]) -> Said:
    """A pattern's alternatives as readable words: `社工服务站、社工站…`."""
    words = [w for w in pattern.pattern.split("|") if "\\" not in w and "[" not in w]
    if not words:
        return say("field.date_words")
    return Said("、".join(words[:4]), ", ".join(words[:4]))
