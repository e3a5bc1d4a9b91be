"""Scoring: party weights and grade bands as printed (profile defaults only when the
report prints none), the four party scores, the total and the grade."""

from __future__ import annotations

from extractor.document.model import Block, Document, Section
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
    for hit in search(blocks, profile.pattern("weight")):
        party = profile.party_of(hit.match.group("party"))
        if party and party not in found:
            found[party] = PartyWeight(
                party=party,  # type: ignore[arg-type]
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
    weights = _weights(text_blocks, profile) or _weights(doc.blocks, profile)
    if weights:
        scoring.weights, scoring.weights_source = weights, "report"
    else:
        scoring.weights = [
            PartyWeight(party=p, weight=v.default_weight)  # type: ignore[arg-type]
            for p, v in profile.parties.items()
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
            scores[party] = PartyScore(party=party, score=_number(hit, "value", "分"))  # type: ignore[index, arg-type]
    scoring.party_scores = [scores[p] for p in profile.parties if p in scores]  # type: ignore[index]
    total = first(result_blocks or doc.blocks, profile.pattern("total"))
    if total:
        scoring.total = _number(total, "value", "分")
    grade = first(result_blocks or doc.blocks, profile.pattern("grade"))
    if grade:
        scoring.grade = Text(value=grade.match.group("grade"), prov=grade.prov("grade"))
    return scoring
