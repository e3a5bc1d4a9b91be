"""The hand-written 家综 report (corpora/handmade): wording the generator never produces
must still yield scores, total, grade and praise/concern items (issue requirement).

Expectations are read from the report's gold file, so the test follows the YAML it was
built from.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from extractor.pipeline import extract, load_document
from extractor.records import AssessmentSection, GoldReport, Report

HANDMADE = Path(__file__).resolve().parents[1] / "corpora" / "handmade"
NAME = "meiling_2023_mid"


@cache
def _report() -> Report:
    return extract(HANDMADE / f"{NAME}.pdf")


@cache
def _gold() -> GoldReport:
    return GoldReport.model_validate_json((HANDMADE / f"{NAME}.gold.json").read_text("utf-8"))


def _counts(sections: list[AssessmentSection]) -> Counter[tuple[str, str, int]]:
    """(party, polarity, nth section of that party and polarity) → item count."""
    seen: Counter[tuple[str, str]] = Counter()
    out: Counter[tuple[str, str, int]] = Counter()
    for s in sections:
        key = (s.party, s.polarity)
        out[(*key, seen[key])] = s.item_count
        seen[key] += 1
    return out


def test_gold_is_self_consistent() -> None:
    g = _gold().scoring
    assert g.total is not None
    assert sum(p.score.value for p in g.party_scores) == pytest.approx(g.total.value)
    assert [b.grade for b in g.bands] == ["优秀", "良好", "合格", "不合格"]


def test_grade_bands_read_from_report() -> None:
    """85 / 75-84 / 60-74 / <60: not the profile's 90 / 80 / 60."""
    s = _report().scoring
    assert s.bands_source == "report"
    assert [(b.grade, b.lower, b.upper) for b in s.bands] == [
        (b.grade, b.lower, b.upper) for b in _gold().scoring.bands
    ]


def test_weights_read_from_report() -> None:
    s = _report().scoring
    assert s.weights_source == "report"
    assert {w.party: w.weight for w in s.weights} == {
        w.party: w.weight for w in _gold().scoring.weights
    }


def test_party_scores() -> None:
    got = {p.party: p.score.value for p in _report().scoring.party_scores}
    assert got == {p.party: p.score.value for p in _gold().scoring.party_scores}


def test_total() -> None:
    total = _report().scoring.total
    assert total is not None and total.value == pytest.approx(78.60)


def test_grade() -> None:
    grade = _report().scoring.grade
    assert grade is not None and grade.value == "良好"


def test_no_findings_on_clean_report() -> None:
    """The report is consistent; a profile-band fallback would flag 78.60 良好 falsely."""
    assert [f.rule for f in _report().findings] == []


def test_every_party_has_praise_and_concern_sections() -> None:
    got = {(s.party, s.polarity) for s in _report().assessment_sections}
    assert got == {(s.party, s.polarity) for s in _gold().assessment_sections}


def test_item_counts_per_section() -> None:
    assert _counts(_report().assessment_sections) == _counts(_gold().assessment_sections)


def test_item_texts_without_numbering() -> None:
    got = [(a.party, a.polarity, a.ordinal, a.text) for a in _report().assessments]
    assert got == [(a.party, a.polarity, a.ordinal, a.text) for a in _gold().assessments]


def test_running_header_does_not_leak() -> None:
    """The evaluator's page header on pages 2-5 is page furniture, not body text."""
    doc = load_document(HANDMADE / f"{NAME}.pdf")
    assert doc.blocks, "no text read at all"
    assert [b.text for b in doc.blocks if "明衡" in b.text and "中期评估" in b.text] == []
