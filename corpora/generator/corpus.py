"""One seed → a corpus: plan errors, draw each report, lay it out, write gold (and PDF)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from corpora.generator import errors, gold, layout, plan, wording
from corpora.generator.facts import Facts, draw_facts
from extractor.records import GoldReport


@dataclass
class Generated:
    name: str
    facts: Facts
    knobs: plan.Knobs
    composed: layout.Composed
    gold: GoldReport


def generate_one(seed: int, index: int, kinds: list[str]) -> Generated:
    """Everything about report `index` of the corpus drawn from `seed`, without rendering."""
    rng = random.Random(f"report:{seed}:{index}")
    knobs = plan.draw_knobs(rng, kinds)
    facts = draw_facts(
        rng, index, knobs.kind, knobs.areas, knobs.max_communities, knobs.label_style
    )
    touched: set[str] = set()
    findings = errors.inject_figures(facts, kinds, rng, touched)
    facts.narrative = wording.station_figures(facts)
    if "narrative_mismatch" in kinds:
        findings.append(errors.narrative_mismatch(facts, rng, touched))
    composed = layout.build(facts, knobs, rng)
    name = f"gen_{index:03d}"
    g = gold.build(facts, knobs, composed, findings, f"{name}.pdf")
    return Generated(name, facts, knobs, composed, g)


def generate(seed: int, count: int, out: Path, gold_only: bool = False) -> list[Generated]:
    """Write gen_NNN.gold.json (and gen_NNN.pdf unless gold_only) for `count` reports."""
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for index, kinds in enumerate(plan.error_plan(seed, count)):
        g = generate_one(seed, index, kinds)
        if not gold_only:
            from corpora.generator.render import render

            pdf = out / f"{g.name}.pdf"
            render(g.composed.spec, pdf)
            g.gold.source.pages = _page_count(pdf)
        (out / f"{g.name}.gold.json").write_text(gold.dump(g.gold), encoding="utf-8")
        done.append(g)
    return done


def _page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()
