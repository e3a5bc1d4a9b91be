"""The parties a report names by organisation: "澜东区民政局（监督方）、清水街道办事处
（购买方）…" given once (in 评估说明), then only the organisation throughout (its section
heading, its row of the score table, its points of the full mark). The report's own
sentence says which organisation plays which role; the profile's party names say which
role is which party."""

from __future__ import annotations

import re

from extractor.document.model import Document
from extractor.knowledge import Profile
from extractor.numbers import normalise
from extractor.records import Party

# Words that join the listed organisations and are no part of a name.
_LEAD = re.compile(r"^(?:以及|和|及|与|由|是|为)")


def named_parties(doc: Document, profile: Profile) -> dict[str, Party]:
    """Organisation name → party, from "ORG（ROLE）" where ROLE is exactly one of a
    party's names and ORG does not already name a different party. Empty when the profile
    has no such pattern or the report introduces no organisation so."""
    if not profile.named_party:
        return {}
    roles = {n: pid for pid, p in profile.party_items() for n in p.names}
    rx = profile.pattern_of(profile.named_party)
    out: dict[str, Party] = {}
    torn: set[str] = set()  # given two roles: neither is trusted
    for b in doc.blocks:
        texts = [b.normalised.text]
        if b.kind == "heading" and b.marker:
            # a heading naming the organisation first, its role in brackets ("（三）琅州市
            # 社会工作指导中心（督导方）意见"): the name starts after the heading's number
            texts.append(normalise(b.body))
        for m in (m for text in texts for m in rx.finditer(text)):
            party = roles.get(m.group("role"))
            org = _LEAD.sub("", m.group("org"))
            if party is None or len(org) < 3 or org in roles:
                continue
            known = profile.party_of(org)
            if known is not None and known != party:
                continue
            if out.get(org, party) != party:
                torn.add(org)
            out[org] = party
    for org in torn:
        del out[org]
    parties = list(out.values())
    # One organisation per party: two organisations given the same role leave it unsure.
    return {o: p for o, p in out.items() if parties.count(p) == 1}


def with_named_parties(doc: Document, profile: Profile) -> Profile:
    """`profile` knowing this report's organisation names (itself when there are none)."""
    named = named_parties(doc, profile)
    if not named:
        return profile
    return profile.model_copy(update={"named": named})
