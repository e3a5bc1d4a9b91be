"""Staff names out of a record: every exporter (JSON, Markdown, the SQLite store) that is
asked to redact calls `redact` here, so no copy of a name is missed by one of them.

A name is replaced by a stable pseudonym (某某1, 某某2, … in roster order; one person
listed in two groups keeps one pseudonym) in the roster rows, in their provenance text,
and in the location texts of the findings that quote a roster row.
"""

from __future__ import annotations

from extractor.records import Report, Staffing


def pseudonyms(staffing: Staffing) -> dict[str, str]:
    """name → 某某n, numbered in roster order."""
    aliases: dict[str, str] = {}
    for row in staffing.roster:
        aliases.setdefault(row.name, f"某某{len(aliases) + 1}")
    return aliases


def redact_text(text: str, aliases: dict[str, str]) -> str:
    """`text` with every name of `aliases` replaced by its pseudonym (longest first)."""
    for name in sorted(aliases, key=len, reverse=True):  # 张三丰 before 张三
        text = text.replace(name, aliases[name])
    return text


def redact_staffing(staffing: Staffing) -> Staffing:
    """A copy of `staffing` with roster names replaced (the input is left untouched)."""
    out = staffing.model_copy(deep=True)
    aliases = pseudonyms(staffing)
    for row in out.roster:
        if row.prov is not None:
            row.prov.text = redact_text(row.prov.text, aliases)
        row.name = aliases[row.name]
    for tot in out.roster_totals:
        if tot.prov is not None:
            tot.prov.text = redact_text(tot.prov.text, aliases)
    return out


def redact(report: Report) -> Report:
    """A copy of `report` with every roster name replaced by its pseudonym."""
    aliases = pseudonyms(report.staffing)
    out = report.model_copy(deep=True)
    out.staffing = redact_staffing(report.staffing)
    for f in out.findings:
        for loc in f.locations:
            loc.text = redact_text(loc.text, aliases)
        f.explanation_zh = redact_text(f.explanation_zh, aliases)
        f.explanation_en = redact_text(f.explanation_en, aliases)
    return out
