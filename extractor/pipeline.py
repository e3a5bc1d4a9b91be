"""The library entry points the CLI, batch runner and notebooks call.

Each public function that parses a PDF runs the parse inside `run_bounded`, so a hostile
file costs its time and memory bound and nothing more, single-file commands included.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from extractor.document.build import DocumentOptions, build_document
from extractor.document.model import Document
from extractor.document.views import to_json, to_markdown
from extractor.errors import PingguError
from extractor.evaluation.fields import ReportScore, score_report, summarise
from extractor.knowledge import DEFAULT_PROFILE, Profile
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.probe import probe
from extractor.records import GoldReport, Problem, Report


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Everything a run needs, passed explicitly; built by the CLI from its flags."""

    password: str | None = None
    ocr: bool = False
    limits: Limits = field(default_factory=Limits)
    document: DocumentOptions = field(default_factory=DocumentOptions)


def load_document(path: Path, options: PipelineOptions | None = None) -> Document:
    """Probe then parse, in this process (callers bound it)."""
    opts = options or PipelineOptions()
    probe(path, opts.password, ocr=opts.ocr)
    doc_opts = DocumentOptions(password=opts.password, tables=opts.document.tables, ocr=opts.ocr)
    return build_document(path, doc_opts)


def _inspect(path: Path, fmt: str, opts: PipelineOptions) -> str:
    doc = load_document(path, opts)
    if fmt == "json":
        return json.dumps(to_json(doc), ensure_ascii=False, indent=2)
    return to_markdown(doc)


def inspect(
    path: Path, fmt: Literal["md", "json"] = "md", options: PipelineOptions | None = None
) -> str:
    """The section tree, block previews, tables and comments of one PDF, as text."""
    opts = options or PipelineOptions()
    return run_bounded(_inspect, path, fmt, opts, limits=opts.limits, source=path)


def warm(profile_name: str = DEFAULT_PROFILE) -> None:
    """Load the spaCy pipeline, vocabularies and profile once in this process, so the
    forked children that parse each PDF inherit them instead of loading them per file."""
    from extractor.knowledge import meta_patterns, profile, section_vocab
    from extractor.nlp.pipeline import get_pipeline

    get_pipeline()
    section_vocab()
    meta_patterns()
    profile(profile_name)


def build_report(doc: Document, prof: Profile | None = None) -> Report:
    """The passes, then the checker over their record: the whole `Report` of a document."""
    from extractor.checks import CheckResult, check_report
    from extractor.passes.run import run_passes, run_stage, settle_status

    report = run_passes(doc, prof)
    checked = run_stage(report.problems, "checks", lambda: check_report(report), CheckResult())
    report.findings, report.coverage = checked.findings, checked.coverage
    return settle_status(report)


def _extract(path: Path, opts: PipelineOptions, profile_name: str) -> Report:
    from extractor.knowledge import profile

    doc = load_document(path, opts)
    return build_report(doc, profile(profile_name))


def extract(
    path: Path, options: PipelineOptions | None = None, profile_name: str = DEFAULT_PROFILE
) -> Report:
    """The `Report` record of one PDF, parsed within the time and memory bounds."""
    opts = options or PipelineOptions()
    return run_bounded(_extract, path, opts, profile_name, limits=opts.limits, source=path)


def gold_pairs(corpus: Path, include_scans: bool = False) -> list[tuple[Path, Path]]:
    """(pdf, gold json) pairs under a corpus folder, sorted; scans only when asked."""
    pairs: list[tuple[Path, Path]] = []
    for gold in sorted(corpus.rglob("*.gold.json")):
        pdf = gold.with_name(gold.name.removesuffix(".gold.json") + ".pdf")
        if not pdf.exists():
            continue
        if not include_scans and "scanned" in gold.parts:
            continue
        pairs.append((pdf, gold))
    return pairs


def evaluate_corpus(
    corpus: Path,
    options: PipelineOptions | None = None,
    on_file: Callable[[Path], None] | None = None,
    include_scans: bool = False,
) -> tuple[list[ReportScore], dict[str, Any]]:
    """Extract every gold-annotated PDF under `corpus` and score it against its gold;
    scans (`corpora/scanned`) only with `include_scans`, which needs `options.ocr`."""
    from extractor.evaluation.findings import match_findings, score_findings

    scores: list[ReportScore] = []
    matches = []
    warm()
    for pdf, gold_path in gold_pairs(corpus, include_scans):
        gold = GoldReport.model_validate_json(gold_path.read_text(encoding="utf-8"))
        try:
            pred = extract(pdf, options)
        except PingguError as exc:
            pred = Report(source=gold.source, status="failure")
            pred.problems.append(Problem(stage="input", message=str(exc)))
        scores.append(score_report(gold, pred))
        match = match_findings(pred.findings, gold.expected_findings)
        matches.append(match)
        scores[-1].mismatches += [
            f"findings: missed {e.kind} at {e.ref} (printed {e.printed}, expected {e.expected})"
            for e in match.missed
        ] + [
            f"findings: false alarm {f.rule} at {f.locations[0].ref if f.locations else '?'}"
            for f in match.false_alarms
        ]
        if on_file:
            on_file(pdf)
    summary = summarise(scores)
    summary["findings"] = score_findings(matches).as_dict()
    return scores, summary
