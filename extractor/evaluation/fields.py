"""Extraction measured against gold, per field, the way GROBID measures itself.

Each record is flattened into (field key, value) pairs; a predicted pair is a true
positive when gold holds the same key with a matching value. Two matchings: `strict`
(values as recorded: text exactly, numbers to 1e-9) and `normalised` (text without
whitespace and with full-width forms folded, 片区 labels in one spelling). Field averages
hide whole-record failures, so the share of reports whose every field is right is
reported too, and table cells and praise/concern counts get their own accuracies.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractor.areas import area_key
from extractor.evaluation.metrics import Counts
from extractor.records import Cell, Meta, Number, Report

Pair = tuple[str, str, Any]  # (group, key, value)


def norm_text(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _num(n: Number | None) -> float | None:
    return None if n is None else round(n.value, 6)


def cell_value(c: Cell | None) -> str | None:
    """A table cell as compared: its value to 6 significant digits, else its text."""
    if c is None:
        return None
    return c.printed.strip() if c.value is None else f"{c.value:.6g}"


def flatten(r: Report) -> list[Pair]:
    """Every comparable fact of a record as (group, key, value)."""
    out: list[Pair] = []
    m = r.meta
    for name in Meta.TEXT_FIELDS:
        t = getattr(m, name)
        if t is not None:
            out.append(("meta", name, t.value))
    for name in ("kind", "year"):
        v = getattr(m, name)
        if v is not None:
            out.append(("meta", name, v))
    for name in ("contract_period", "assessment_period"):
        p = getattr(m, name)
        if p is not None:
            out.append(("meta", f"{name}.start", p.start.isoformat()))
            out.append(("meta", f"{name}.end", p.end.isoformat()))
            if p.months is not None:
                out.append(("meta", f"{name}.months", p.months))
    if m.funding_yuan is not None:
        out.append(("meta", "funding_yuan", _num(m.funding_yuan)))
    if m.evaluation_date is not None:
        out.append(("meta", "evaluation_date", m.evaluation_date.value.isoformat()))
    if m.area_count is not None:
        out.append(("meta", "area_count", _num(m.area_count)))

    s = r.scoring
    for w in s.weights:
        out.append(("scoring", f"weight.{w.party}", round(w.weight, 6)))
    for b in s.bands:
        out.append(("scoring", f"band.{b.grade}", (b.lower, b.upper)))
    for ps in s.party_scores:
        out.append(("scoring", f"score.{ps.party}", _num(ps.score)))
    if s.total is not None:
        out.append(("scoring", "total", _num(s.total)))
    if s.grade is not None:
        out.append(("scoring", "grade", s.grade.value))

    seen: Counter[tuple[str, str, str]] = Counter()
    section_index: dict[int, str] = {}
    for i, sec in enumerate(r.assessment_sections):
        base = (sec.party, area_key(sec.area), sec.polarity)
        key = f"{sec.party}/{area_key(sec.area)}/{sec.polarity}/{seen[base]}"
        seen[base] += 1
        section_index[i] = key
        out.append(("assessment_counts", key, sec.item_count))
    item_seen: Counter[str] = Counter()
    sec_seen: Counter[tuple[str, str, str]] = Counter()
    current: dict[tuple[str, str, str, tuple[str, ...]], int] = {}
    for it in r.assessments:
        base = (it.party, area_key(it.area), it.polarity)
        path = tuple(it.section_path)
        if (*base, path) not in current:
            current[(*base, path)] = sec_seen[base]
            sec_seen[base] += 1
        sk = f"{it.party}/{area_key(it.area)}/{it.polarity}/{current[(*base, path)]}"
        n = item_seen[sk]
        item_seen[sk] += 1
        out.append(("assessment_items", f"{sk}/{n}", it.text))

    for row in r.indicators.rows:
        where = area_key(row.area) + (f"/{norm_text(row.post)}" if row.post else "")
        key = f"{row.table}/{where}/{row.indicator}/{row.measure}"
        for col in ("target", "done", "pct"):
            v = cell_value(getattr(row, col))
            if v is not None:
                out.append(("indicator_cells", f"{key}/{col}", v))
    nseen: Counter[str] = Counter()
    for f in r.indicators.narrative:
        key = f"{f.indicator}/{f.measure}/{f.kind}/{area_key(f.scope)}"
        out.append(("narrative", f"{key}/{nseen[key]}", (round(f.value, 6), f.approx)))
        nseen[key] += 1

    st = r.staffing
    for name in type(st).model_fields:
        v = getattr(st, name)
        if isinstance(v, Number):
            out.append(("staffing", name, _num(v)))
    for person in st.roster:
        k = f"{person.group}/{person.seq}"
        out.append(("roster", f"{k}/name", person.name))
        out.append(("roster", f"{k}/marks", tuple(person.marks)))
        if person.on_post is not None:
            out.append(("roster", f"{k}/on_post", _num(person.on_post)))
        if person.experienced is not None:
            out.append(("roster", f"{k}/experienced", _num(person.experienced)))
    for tot in st.roster_totals:
        k = f"totals/{tot.scope}"
        out.append(("roster", f"{k}/monthly", tuple(round(x, 6) for x in tot.monthly)))
        if tot.on_post is not None:
            out.append(("roster", f"{k}/on_post", _num(tot.on_post)))
        if tot.experienced is not None:
            out.append(("roster", f"{k}/experienced", _num(tot.experienced)))
    return out


def _normalise_value(v: Any) -> Any:
    if isinstance(v, str):
        return norm_text(v)
    if isinstance(v, tuple):
        return tuple(_normalise_value(x) for x in v)
    return v


def compare(gold: Iterable[Pair], pred: Iterable[Pair], normalised: bool) -> dict[str, Counts]:
    """Per-group counts: a key present in both with equal values is a TP; a predicted key
    with another value is both an FP and an FN; keys on one side only are FP or FN."""
    conv = _normalise_value if normalised else (lambda v: v)
    g: dict[tuple[str, str], Any] = {(grp, k): conv(v) for grp, k, v in gold}
    p: dict[tuple[str, str], Any] = {(grp, k): conv(v) for grp, k, v in pred}
    out: dict[str, Counts] = defaultdict(Counts)
    for key, gv in g.items():
        if key in p and _equal(p[key], gv):
            out[key[0]].tp += 1
        else:
            out[key[0]].fn += 1
            if key in p:
                out[key[0]].fp += 1
    for key in p.keys() - g.keys():
        out[key[0]].fp += 1
    return dict(out)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(b))
    return bool(a == b)


@dataclass
class ReportScore:
    file: str
    strict: dict[str, Counts]
    normalised: dict[str, Counts]
    cells_total: int
    cells_right: int
    sections_total: int
    sections_right: int
    scoring_exact: bool
    mismatches: list[str] = field(default_factory=list)

    @property
    def whole_record_right(self) -> bool:
        return all(c.fp == 0 and c.fn == 0 for c in self.normalised.values())


def score_report(gold: Report, pred: Report) -> ReportScore:
    g, p = flatten(gold), flatten(pred)
    strict, normed = compare(g, p, False), compare(g, p, True)
    gd = {(grp, k): _normalise_value(v) for grp, k, v in g}
    pd = {(grp, k): _normalise_value(v) for grp, k, v in p}
    cells = [k for k in gd if k[0] == "indicator_cells"]
    sections = [k for k in gd if k[0] == "assessment_counts"]
    scoring = [k for k in gd if k[0] == "scoring" and not k[1].startswith(("weight.", "band."))]
    mismatches = [
        f"{k[0]}:{k[1]}: gold={gd[k]!r} got={pd.get(k, '∅')!r}"
        for k in gd
        if not (k in pd and _equal(pd[k], gd[k]))
    ] + [f"{k[0]}:{k[1]}: unexpected {pd[k]!r}" for k in sorted(pd.keys() - gd.keys())]
    return ReportScore(
        file=gold.source.file,
        strict=strict,
        normalised=normed,
        cells_total=len(cells),
        cells_right=sum(1 for k in cells if k in pd and _equal(pd[k], gd[k])),
        sections_total=len(sections),
        sections_right=sum(1 for k in sections if k in pd and pd[k] == gd[k]),
        scoring_exact=all(k in pd and _equal(pd[k], gd[k]) for k in scoring) and bool(scoring),
        mismatches=mismatches,
    )
