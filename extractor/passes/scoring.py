"""Scoring: party weights and grade bands as printed (profile defaults only when the
report prints none), the four party scores, the total and the grade."""

from __future__ import annotations

import re

from extractor.document.model import Block, Document, Section, TableCell
from extractor.knowledge import Profile
from extractor.passes.text import Hit, first, search
from extractor.records import GradeBand, Number, Party, PartyScore, PartyWeight, Scoring, Text


def _blocks_of(sections: list[Section]) -> list[Block]:
    out: list[Block] = []
    for s in sections:
        for sec in s.walk():
            if sec.heading is not None:
                out.append(sec.heading)
            out.extend(sec.blocks)
    return out


def _number(hit: Hit, group: str, unit: str | None = None) -> Number:
    return Number(
        value=float(hit.match.group(group)),
        printed=hit.printed(group),
        unit=unit,
        prov=hit.prov(0),
    )


def _weights(blocks: list[Block], profile: Profile) -> list[PartyWeight]:
    found: dict[str, PartyWeight] = {}
    hits = list(search(blocks, profile.pattern("weight")))
    if len({profile.party_of(h.match.group("party")) for h in hits} - {None}) < len(
        profile.parties
    ):
        # "各方评分权重：监督方10%、购买方20%…": a list after a weights cue.
        cued = [b for b in blocks if profile.pattern("weight_cue").search(b.normalised.text)]
        hits += list(search(cued, profile.pattern("weight_list")))
    for hit in hits:
        party = profile.party_of(hit.match.group("party"))
        if party and party not in found:
            found[party] = PartyWeight(
                party=party,
                weight=float(hit.match.group("value")),
                prov=hit.prov(0),
            )
    # Four weights that add to 100 are the report's; a partial set is not trusted.
    if (
        len(found) == len(profile.parties)
        and abs(sum(w.weight for w in found.values()) - 100) < 0.01
    ):
        return [found[p] for p in profile.parties if p in found]
    return []


def _bands(blocks: list[Block], profile: Profile) -> list[GradeBand]:
    bands: dict[str, GradeBand] = {}
    for hit in search(blocks, profile.pattern("band_at_least")):
        g = hit.match.group("grade")
        bands.setdefault(
            g, GradeBand(grade=g, lower=float(hit.match.group("lower")), prov=hit.prov())
        )
    for hit in search(blocks, profile.pattern("band_between")):
        g = hit.match.group("grade")
        bands.setdefault(
            g,
            GradeBand(
                grade=g,
                lower=float(hit.match.group("lower")),
                upper=float(hit.match.group("upper")),
                prov=hit.prov(),
            ),
        )
    for hit in search(blocks, profile.pattern("band_below")):
        g = hit.match.group("grade")
        bands.setdefault(
            g, GradeBand(grade=g, upper=float(hit.match.group("upper")), prov=hit.prov())
        )
    if set(bands) != set(profile.grades):
        return []
    lowers = {b.lower for b in bands.values() if b.lower is not None}
    for b in bands.values():
        # "80 分至 90 分" shares 90 with the band above: exclusive. "80-89 分": inclusive.
        if b.upper is not None and b.upper not in lowers:
            b.upper_inclusive = True
    return [bands[g] for g in profile.grades]


def extract_scoring(doc: Document, profile: Profile) -> Scoring:
    sections = doc.sections()
    basis = [s for s in sections if s.canonical in ("result_notes", "basis")]
    result = [s for s in sections if s.canonical == "result"]
    text_blocks = _blocks_of(basis) or doc.blocks
    scoring = Scoring()
    weights = (
        _weights(text_blocks, profile)
        or _weights(doc.blocks, profile)
        or _table_weights(basis + result, profile)
    )
    if weights:
        scoring.weights, scoring.weights_source = weights, "report"
    else:
        scoring.weights = [
            PartyWeight(party=p, weight=v.default_weight) for p, v in profile.party_items()
        ]
        scoring.weights_source = "profile"
    bands = _bands(text_blocks, profile) or _bands(doc.blocks, profile)
    if bands:
        scoring.bands, scoring.bands_source = bands, "report"
    else:
        scoring.bands = [GradeBand(**b.model_dump()) for b in profile.default_bands]
        scoring.bands_source = "profile"

    result_blocks = _blocks_of(result)
    scores: dict[Party, PartyScore] = {}
    for hit in search(result_blocks, profile.pattern("party_score")):
        party = profile.party_of(hit.match.group("party"))
        if party and party not in scores:
            scores[party] = PartyScore(party=party, score=_number(hit, "value", "分"))
    if len(scores) < len(profile.parties):
        for party, score in _table_scores(result, profile).items():
            scores.setdefault(party, score)
    scoring.party_scores = [scores[p] for p, _ in profile.party_items() if p in scores]
    total = first(result_blocks or doc.blocks, profile.pattern("total"))
    if total:
        scoring.total = _number(total, "value", "分")
    grade = first(result_blocks or doc.blocks, profile.pattern("grade"))
    if grade:
        scoring.grade = Text(value=grade.match.group("grade"), prov=grade.prov("grade"))
    if scoring.total is None or scoring.grade is None:
        total_cell, grade_cell = _table_total(result, profile)
        scoring.total = scoring.total or total_cell
        scoring.grade = scoring.grade or grade_cell
    return scoring


def _row_texts(row: list[TableCell | None]) -> list[TableCell]:
    seen: set[int] = set()
    out: list[TableCell] = []
    for c in row:
        if c is not None and id(c) not in seen and c.text.strip():
            seen.add(id(c))
            out.append(c)
    return out


def _score_cell(cells: list[TableCell]) -> TableCell | None:
    """The score of a results row: its last plain number (a weight carries %)."""
    nums = [c for c in cells[1:] if _NUM.match(c.text.strip())]
    return nums[-1] if nums else None


_NUM = re.compile(r"^\d+(?:\.\d+)?\s*分?$")


def _cell_number(c: TableCell, unit: str = "分") -> Number:
    t = c.text.strip().rstrip("分").strip()
    return Number(value=float(t), printed=c.text.strip(), unit=unit, prov=c.provenance())


def _table_scores(result: list[Section], profile: Profile) -> dict[Party, PartyScore]:
    """Party scores printed as a results table: a row per party, its score a number."""
    out: dict[Party, PartyScore] = {}
    for sec in result:
        for t in [t for s in sec.walk() for t in s.tables]:
            for row in t.body():
                cells = _row_texts(row)
                if not cells:
                    continue
                party = profile.party_of(cells[0].text)
                score = _score_cell(cells)
                if party and score is not None and party not in out:
                    out[party] = PartyScore(party=party, score=_cell_number(score))
    return out


_PCT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]$")


def _table_weights(sections: list[Section], profile: Profile) -> list[PartyWeight]:
    """Weights printed as a table: a row per party with its share in percent."""
    found: dict[Party, PartyWeight] = {}
    for sec in sections:
        for t in [t for s in sec.walk() for t in s.tables]:
            for row in t.body():
                cells = _row_texts(row)
                party = profile.party_of(cells[0].text) if cells else None
                pct = next((c for c in cells[1:] if _PCT.match(c.text.strip())), None)
                if party and pct is not None and party not in found:
                    m = _PCT.match(pct.text.strip())
                    assert m is not None
                    found[party] = PartyWeight(
                        party=party, weight=float(m.group(1)), prov=pct.provenance()
                    )
    complete = len(found) == len(profile.parties)
    if complete and abs(sum(w.weight for w in found.values()) - 100) < 0.01:
        return [found[p] for p, _ in profile.party_items()]
    return []


def _table_total(result: list[Section], profile: Profile) -> tuple[Number | None, Text | None]:
    total: Number | None = None
    grade: Text | None = None
    total_rx = profile.pattern("total_label")
    grade_rx = profile.pattern("grade")
    for sec in result:
        for t in [t for s in sec.walk() for t in s.tables]:
            for row in t.body():
                cells = _row_texts(row)
                if cells and total is None and total_rx.search(cells[0].text):
                    score = _score_cell(cells)
                    total = _cell_number(score) if score is not None else None
                for c in cells:
                    m = grade_rx.search(re.sub(r"\s+", "", c.text))
                    if m and grade is None:
                        grade = Text(value=m.group("grade"), prov=c.provenance())
    return total, grade
