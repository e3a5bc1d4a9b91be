"""The checker over the corpus: every expected finding found at its ref, no false alarm.

One test per gold PDF (scans excluded: they need OCR). Targets (docs/architecture.md, "Principles"):
- recall: every `expected_findings` entry is matched by a finding with its ref and rule;
- a clean generated report (variant error "none") gets no error or warning at all;
- any other report gets no error or warning beyond the expected ones and their echoes
  (a narrative sentence repeating a wrong table cell), so the seed keeps exactly its
  published errors at error severity.
Each PDF is extracted once per session, in process (`corpus_reports`, conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora.conventions import measured_apart
from extractor.evaluation.corpus import gold_pairs, load_gold
from extractor.evaluation.findings import match_findings
from tests.conftest import CorpusReports

ROOT = Path(__file__).resolve().parents[1]
# The layout families are measured apart (EVALUATION.md), the validation split last.
PAIRS = [
    (pdf, gold)
    for pdf, gold in gold_pairs(ROOT / "corpora")
    if not measured_apart(pdf.relative_to(ROOT / "corpora"))
]


def _describe(findings: list[object]) -> str:
    return "\n".join(repr(f) for f in findings)


@pytest.mark.parametrize(("pdf", "gold_path"), PAIRS, ids=[p.stem for p, _ in PAIRS])
def test_checker_on_corpus(pdf: Path, gold_path: Path, corpus_reports: CorpusReports) -> None:
    gold = load_gold(gold_path)
    m = match_findings(corpus_reports(pdf).findings, gold.expected_findings)
    assert not m.missed, f"missed: {_describe(list(m.missed))}"
    assert m.values_agree == len(m.matched), "a matched finding disagrees on printed/expected"
    if gold.variant.get("error") == "none":
        assert not m.echoes and not m.matched
    assert not m.false_alarms, f"false alarms: {_describe(list(m.false_alarms))}"
