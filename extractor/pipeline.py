"""The library entry points the CLI, batch runner and notebooks call.

Each public function that parses a PDF runs the parse inside `run_bounded`, so a hostile
file costs its time and memory bound and nothing more, single-file commands included.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from extractor.document.build import DocumentOptions, build_document
from extractor.document.model import Document
from extractor.document.views import to_json, to_markdown
from extractor.errors import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_UNREAD,
    InternalError,
    OcrDeferredError,
    PingguError,
)
from extractor.knowledge import DEFAULT_PROFILE, Profile
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.ocr import OcrOptions
from extractor.pdf.probe import probe
from extractor.records import Report, Status

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Everything a run needs, passed explicitly; built by the CLI from its flags."""

    password: str | None = None
    ocr: OcrOptions = field(default_factory=OcrOptions)
    limits: Limits = field(default_factory=Limits)
    document: DocumentOptions = field(default_factory=DocumentOptions)
    # Seconds added to `limits.timeout_s` per page to recognise. With it, a parse runs
    # first within the text-layer bound, and only a file that turns out to need OCR is
    # run again with the extra time; None: `limits` bound the whole parse, OCR included.
    ocr_page_s: float | None = None


def load_document(path: Path, options: PipelineOptions | None = None) -> Document:
    """Probe then parse, in this process (callers bound it)."""
    opts = options or PipelineOptions()
    probe(path, opts.password, ocr=opts.ocr.mode != "off")
    doc_opts = DocumentOptions(
        password=opts.password,
        tables=opts.document.tables,
        ocr=opts.ocr,
        defer_ocr=opts.document.defer_ocr,
    )
    return build_document(path, doc_opts)


def _bounded(fn: Callable[..., T], path: Path, opts: PipelineOptions, *args: Any) -> T:
    """`fn(path, opts, *args)` within the bounds; with `ocr_page_s`, first within the
    text-layer bound, then, for a file with pages to recognise, with time per page."""
    if opts.ocr_page_s is None or opts.ocr.mode == "off" or not opts.limits.enabled:
        return run_bounded(fn, path, opts, *args, limits=opts.limits, source=path)
    first = replace(opts, document=replace(opts.document, defer_ocr=True))
    try:
        return run_bounded(fn, path, first, *args, limits=opts.limits, source=path)
    except OcrDeferredError as deferred:
        timeout = opts.limits.timeout_s + deferred.pages * opts.ocr_page_s
        limits = replace(opts.limits, timeout_s=timeout)
        return run_bounded(
            fn, path, replace(opts, limits=limits), *args, limits=limits, source=path
        )


def _inspect_in(path: Path, opts: PipelineOptions, fmt: str) -> str:
    doc = load_document(path, opts)
    if fmt == "json":
        return json.dumps(to_json(doc), ensure_ascii=False, indent=2)
    return to_markdown(doc)


def inspect(
    path: Path, fmt: Literal["md", "json"] = "md", options: PipelineOptions | None = None
) -> str:
    """The section tree, block previews, tables and comments of one PDF, as text."""
    opts = options or PipelineOptions()
    return _bounded(_inspect_in, path, opts, fmt)


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
    return _bounded(_extract, path, opts, profile_name)


STATUS_EXIT: dict[Status, int] = {
    "success": EXIT_OK,
    "partial": EXIT_PARTIAL,
    "failure": EXIT_UNREAD,
}


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one input file: its record, or the error that stopped it."""

    path: Path
    report: Report | None = None
    error: PingguError | InternalError | None = None

    @property
    def exit_code(self) -> int:
        """The file's own exit code: its error's, or its record's status (`STATUS_EXIT`)."""
        if self.error is not None:
            return self.error.exit_code
        assert self.report is not None
        return STATUS_EXIT[self.report.status]


def extract_each(
    paths: Sequence[Path], options: PipelineOptions | None = None
) -> Iterator[FileOutcome]:
    """One `FileOutcome` per path, in order, as each is done. One file's failure, a bug
    included (as `InternalError`), never stops the others."""
    if len(paths) > 1:
        warm()  # once here: the forked children inherit it
    for path in paths:
        try:
            yield FileOutcome(path, report=extract(path, options))
        except PingguError as exc:
            yield FileOutcome(path, error=exc)
        except Exception as exc:
            yield FileOutcome(path, error=InternalError.wrap(exc, path))
