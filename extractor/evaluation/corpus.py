"""A corpus folder evaluated: every PDF with a `*.gold.json` beside it is extracted
(bounded, as users run it) and scored against its gold.

Scans (`scanned/`) need OCR and are skipped unless asked for; folders named after a
held-back split (`extractor.splits.HELD_BACK_SPLITS`: validation/, heldout/, unseen/,
blind/, sealed/) below the corpus hold splits that are looked at last, and are skipped
unless asked for too (or unless the corpus folder given is the split itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import PingguError
from extractor.evaluation.score import FileResult, score_file
from extractor.evaluation.summary import EvaluationSummary, summarise
from extractor.pipeline import PipelineOptions, extract, warm
from extractor.records import GoldReport, Problem, Report
from extractor.splits import HELD_BACK_SPLITS

FOLDER = "folder"  # `--by folder`: group by the folder a file sits in
# Held-back splits (one list, extractor/splits.py). Scored only with include_validation.
HELD_BACK = frozenset(HELD_BACK_SPLITS)


def gold_pairs(
    corpus: Path,
    include_scans: bool = False,
    include_validation: bool = False,
    only: str | None = None,
) -> list[tuple[Path, Path]]:
    """(pdf, gold json) pairs under a corpus folder, sorted; scans and the validation
    split only when asked; with `only`, the PDFs whose name contains it."""
    pairs: list[tuple[Path, Path]] = []
    for gold in sorted(corpus.rglob("*.gold.json")):
        pdf = gold.with_name(gold.name.removesuffix(".gold.json") + ".pdf")
        if not pdf.exists() or (only is not None and only not in pdf.name):
            continue
        if not include_scans and "scanned" in gold.parts:
            continue
        if not include_validation and HELD_BACK & set(gold.relative_to(corpus).parts):
            continue
        pairs.append((pdf, gold))
    return pairs


def load_gold(path: Path) -> GoldReport:
    return GoldReport.model_validate_json(path.read_text(encoding="utf-8"))


def group_of(pdf: Path, gold: GoldReport, corpus: Path, by: str) -> str:
    """The file's folder under `corpus` ("generated", "families/x"), or its variant value."""
    if by == FOLDER:
        rel = pdf.parent.relative_to(corpus).as_posix()
        return corpus.name if rel == "." else rel
    value = gold.variant.get(by)
    return "(none)" if value is None else str(value)


@dataclass(slots=True)
class CorpusEvaluation:
    results: list[FileResult]
    summary: EvaluationSummary


def evaluate_corpus(
    corpus: Path,
    options: PipelineOptions | None = None,
    on_file: Callable[[Path], None] | None = None,
    include_scans: bool = False,
    include_validation: bool = False,
    by: str = FOLDER,
    only: str | None = None,
) -> CorpusEvaluation:
    """Extract every gold-annotated PDF under `corpus` and score it against its gold;
    scans only with `include_scans`, which needs OCR in `options`."""
    results: list[FileResult] = []
    warm()
    for pdf, gold_path in gold_pairs(corpus, include_scans, include_validation, only):
        gold = load_gold(gold_path)
        try:
            pred = extract(pdf, options)
        except PingguError as exc:
            pred = Report(source=gold.source, status="failure")
            pred.problems.append(Problem(stage="input", message=str(exc)))
        results.append(score_file(gold, pred, group_of(pdf, gold, corpus, by)))
        if on_file:
            on_file(pdf)
    return CorpusEvaluation(results, summarise(results, by))
