"""The evaluation harness: pure metric functions, and the thresholds CI enforces on the
corpus (issue: extraction passes). Thresholds are floors measured against gold, never
speed; `pinggu evaluate corpora` prints the same figures."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractor.areas import area_key
from extractor.evaluation.fields import Counts, compare, flatten, norm_text, score_report
from extractor.pdf.guard import Limits
from extractor.pipeline import PipelineOptions, evaluate_corpus
from extractor.records import GoldReport, Number, Report, Scoring, Source, Text

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


def test_area_labels_share_one_spelling() -> None:
    assert area_key("一片区") == area_key("片区一") == area_key("片区1") == "片区1"
    assert area_key("合计") == "合计"
    assert area_key(None) == ""


def test_normalised_text_ignores_layout_spaces_and_width() -> None:
    assert norm_text("151 号之三 １２") == norm_text("151号之三12")


def test_counts_precision_recall_f1() -> None:
    c = Counts(tp=8, fp=2, fn=0)
    assert (c.precision, c.recall) == (0.8, 1.0)
    assert round(c.f1, 4) == 0.8889
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)


def test_compare_wrong_value_is_both_fp_and_fn() -> None:
    gold = [("meta", "city", "广州市"), ("meta", "district", "荔湾区")]
    pred = [("meta", "city", "广州市"), ("meta", "district", "越秀区"), ("meta", "street", "x")]
    c = compare(gold, pred, normalised=False)["meta"]
    assert (c.tp, c.fp, c.fn) == (1, 2, 1)


def _report(total: float, grade: str) -> Report:
    return Report(
        source=Source(file="a.pdf"),
        scoring=Scoring(total=Number(value=total), grade=Text(value=grade)),
    )


def test_score_report_scoring_exact() -> None:
    gold = _report(86.75, "良好")
    assert score_report(gold, _report(86.75, "良好")).scoring_exact
    assert not score_report(gold, _report(86.57, "良好")).scoring_exact


def test_flatten_keys_are_stable_for_gold_files() -> None:
    gold = GoldReport.model_validate_json(
        (CORPUS / "seed" / "xicun_2024_final.gold.json").read_text(encoding="utf-8")
    )
    keys = [k for _, k, _ in flatten(gold)]
    assert len(keys) == len(set(keys))
    assert "附件1-1/合计/casework/sessions/pct" in keys


@cache
def _summary() -> dict[str, Any]:
    # Bounded as users run it; the fork per PDF costs a few milliseconds.
    opts = PipelineOptions(limits=Limits(timeout_s=120))
    _, summary = evaluate_corpus(CORPUS, opts)
    return summary


@pytest.mark.slow
def test_corpus_field_micro_f1_at_least_0_98() -> None:
    assert _summary()["normalised"]["overall"]["f1"] >= 0.98


@pytest.mark.slow
def test_corpus_table_cell_accuracy_at_least_99_5() -> None:
    assert _summary()["table_cell_accuracy"] >= 0.995


@pytest.mark.slow
def test_corpus_praise_concern_counts_right_for_95_percent_of_sections() -> None:
    assert _summary()["section_count_accuracy"] >= 0.95


@pytest.mark.slow
def test_corpus_scores_total_and_grade_exact_on_every_report() -> None:
    assert _summary()["scoring_exact"] == 1.0
    assert _summary()["reports"] >= 45
