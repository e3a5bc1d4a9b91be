"""The library entry points the CLI, batch runner and notebooks call.

Each public function that parses a PDF runs the parse inside `run_bounded`, so a hostile
file costs its time and memory bound and nothing more, single-file commands included.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractor.document.build import DocumentOptions, build_document
from extractor.document.model import Document
from extractor.document.views import to_json, to_markdown
from extractor.knowledge import DEFAULT_PROFILE, Profile
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.probe import probe
from extractor.records import Report


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
