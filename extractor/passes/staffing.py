"""Staffing: the narrative head counts and rates of the 项目管理 section, all as
printed, plus the 附件2 roster (read by `passes/roster.py`).

Narrative wordings live in models/patterns/staffing.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.document.model import Block, Document, Section
from extractor.knowledge import KnowledgeError, Profile, load_yaml, models_dir
from extractor.numbers import chinese_numeral, parse_number
from extractor.passes.roster import read_roster
from extractor.passes.text import Hit, first
from extractor.records import Number, Staffing

PATTERN_FILE = "patterns/staffing.yaml"
_ROSTER_FIELDS = frozenset({"roster", "roster_totals", "roster_retention_rate"})
NARRATIVE_FIELDS: tuple[str, ...] = tuple(
    name for name in Staffing.model_fields if name not in _ROSTER_FIELDS
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


# --- narrative patterns ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffingPatterns:
    """Compiled regex alternatives per Staffing field, in priority order."""

    fields: dict[str, tuple[re.Pattern[str], ...]]


def compile_patterns(data: Any, source: str = PATTERN_FILE) -> StaffingPatterns:
    """Validate and compile the pattern file's content; every problem is reported at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise KnowledgeError(f"{source}: expected a mapping with placeholders and fields")
    raw_ph = data.get("placeholders") or {}
    placeholders: dict[str, str] = {}
    if not isinstance(raw_ph, dict):
        problems.append("placeholders: expected a mapping of name → regex")
    else:
        for k, v in raw_ph.items():
            if isinstance(k, str) and isinstance(v, str):
                placeholders[k] = v
            else:
                problems.append(f"placeholders.{k}: expected a regex string")
    raw = data.get("fields")
    if not isinstance(raw, dict) or not raw:
        problems.append("fields: expected a non-empty mapping of field → list of regexes")
        raw = {}
    out: dict[str, tuple[re.Pattern[str], ...]] = {}
    for name, alts in raw.items():
        if name not in NARRATIVE_FIELDS:
            problems.append(
                f"fields.{name}: not a staffing field (one of {list(NARRATIVE_FIELDS)})"
            )
            continue
        if not isinstance(alts, list) or not alts:
            problems.append(f"fields.{name}: expected a non-empty list of regexes")
            continue
        compiled: list[re.Pattern[str]] = []
        for i, rx in enumerate(alts):
            where = f"fields.{name}[{i}]"
            if not isinstance(rx, str):
                problems.append(f"{where}: expected a regex string")
                continue
            unknown = sorted(set(_PLACEHOLDER.findall(rx)) - set(placeholders))
            if unknown:
                problems.append(f"{where}: unknown placeholder(s) {unknown}")
                continue
            text = _PLACEHOLDER.sub(lambda m: f"(?:{placeholders[m.group(1)]})", rx)
            try:
                pattern = re.compile(text)
            except re.error as exc:
                problems.append(f"{where}: bad regex: {exc}")
                continue
            if "value" not in pattern.groupindex:
                problems.append(f"{where}: needs a named group `value`")
                continue
            compiled.append(pattern)
        out[name] = tuple(compiled)
    if problems:
        raise KnowledgeError(f"{source}:\n  " + "\n  ".join(problems))
    return StaffingPatterns(out)


@lru_cache(maxsize=1)
def staffing_patterns() -> StaffingPatterns:
    return compile_patterns(load_yaml(PATTERN_FILE), str(models_dir() / PATTERN_FILE))


def _figure(text: str) -> float:
    """An Arabic figure or a Chinese numeral (两, 二十三)."""
    return parse_number(text) if text[0].isdigit() else float(chinese_numeral(text))


def _hit_number(hit: Hit) -> Number:
    groups = hit.match.groupdict()
    has_unit = groups.get("unit") is not None
    start = hit.span("value")[0]
    end = hit.span("unit")[1] if has_unit else hit.span("value")[1]
    return Number(
        value=_figure(hit.match.group("value")),
        printed=hit.block.text[start:end],
        unit=groups["unit"] if has_unit else None,
        approx=groups.get("approx") is not None,
        prov=hit.prov(0),
    )


def narrative_figures(
    blocks: Iterable[Block], patterns: StaffingPatterns | None = None
) -> dict[str, Number]:
    """Staffing figures found in `blocks`: per field, the first alternative that matches."""
    pats = patterns or staffing_patterns()
    blocks = list(blocks)
    out: dict[str, Number] = {}
    for name, alternatives in pats.fields.items():
        for rx in alternatives:
            hit = first(blocks, rx)
            if hit is not None:
                out[name] = _hit_number(hit)
                break
    return out


def _section_blocks(sec: Section) -> list[Block]:
    out: list[Block] = []
    for s in sec.walk():
        if s.heading is not None:
            out.append(s.heading)
        out.extend(s.blocks)
    return out


def _management_blocks(doc: Document) -> list[Block]:
    """The third party's 项目管理 section (any 项目管理 if none is the third party's)."""
    found = [s for s in doc.sections() if s.canonical == "project_management"]

    def third_party(s: Section) -> bool:
        p = s.parent
        while p is not None:
            if p.canonical == "third_party":
                return True
            p = p.parent
        return False

    found.sort(key=lambda s: not third_party(s))
    return _section_blocks(found[0]) if found else []


# --- entry points ----------------------------------------------------------------------


def extract_staffing(doc: Document, profile: Profile) -> Staffing:
    """Narrative figures (项目管理 section, else the whole text) and the 附件2 roster.

    `profile` is accepted like every pass's; staffing wordings are family-independent so
    far and live in models/patterns/staffing.yaml.
    """
    del profile
    blocks = _management_blocks(doc) or doc.blocks
    staffing = Staffing(**narrative_figures(blocks))
    rows, totals, rate = read_roster(doc.tables)
    staffing.roster, staffing.roster_totals, staffing.roster_retention_rate = rows, totals, rate
    return staffing
