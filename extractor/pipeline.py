"""The library entry points the CLI, batch runner and notebooks call.

Each public function that parses a PDF runs the parse inside `run_bounded`, so a hostile
file costs its time and memory bound and nothing more, single-file commands included.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from extractor.document.build import DocumentOptions, build_document
from extractor.document.columns import ColumnSettings
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
from extractor.pdf.fonts import metric_fonts
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.ocr import OcrOptions
from extractor.pdf.probe import open_usable
from extractor.pdf.tables import TableSettings
from extractor.records import Report, Status

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Everything a run needs, passed explicitly; built by the CLI from its flags."""

    password: str | None = None
    ocr: OcrOptions = field(default_factory=OcrOptions)
    limits: Limits = field(default_factory=Limits)
    tables: TableSettings = field(default_factory=TableSettings)
    columns: ColumnSettings = field(default_factory=ColumnSettings)
    # Raise OcrDeferredError instead of recognising (set by `_bounded`'s first attempt).
    defer_ocr: bool = False
    # Seconds added to `limits.timeout_s` per page to recognise. With it, a parse runs
    # first within the text-layer bound, and only a file that turns out to need OCR is
    # run again with the extra time; None: `limits` bound the whole parse, OCR included.
    ocr_page_s: float | None = None

    @property
    def document(self) -> DocumentOptions:
        """What `build_document` needs of these options: each given once, here."""
        return DocumentOptions(
            password=self.password,
            tables=self.tables,
            ocr=self.ocr,
            defer_ocr=self.defer_ocr,
            columns=self.columns,
        )


def load_document(path: Path, options: PipelineOptions | None = None) -> Document:
    """Check the file is usable (`open_usable`: the errors `probe` raises), then
    parse, in this process (callers bound it). The parse reads the document the check
    opened, and the first page it loaded, under the fonts the parse reads with."""
    opts = options or PipelineOptions()
    with metric_fonts():
        opened = open_usable(path, opts.password, ocr=opts.ocr.mode != "off")
    return build_document(path, opts.document, opened)


def _bounded(fn: Callable[..., T], path: Path, opts: PipelineOptions, *args: Any) -> T:
    """`fn(path, opts, *args)` within the bounds; with `ocr_page_s`, first within the
    text-layer bound, then, for a file with pages to recognise, with time per page."""
    if opts.ocr_page_s is None or opts.ocr.mode == "off" or not opts.limits.enabled:
        return run_bounded(fn, path, opts, *args, limits=opts.limits, source=path)
    first = replace(opts, defer_ocr=True)
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
    """Load once in this process everything a parse loads on first use: the passes' and
    checker's modules, the spaCy pipeline and its phrase matcher, every models/ file
    (vocabularies, patterns, messages) and the profile, so that the forked children that
    parse each PDF inherit them instead of loading them per file (tests/test_extract_many
    checks that a child reads no models/ file). Exercised through the public calls that
    fill the caches, with empty input. Modules that are imported lazily in a parse
    (a cycle broken, or a codec looked up by name) are imported here too, so that no
    child imports a module (tests/test_extract_many)."""
    import codecs

    from extractor import knowledge
    from extractor.checks import check_report  # noqa: F401 - imported for its cost
    from extractor.checks.readings import readings_for  # noqa: F401 - imported by guard()
    from extractor.document.blocks import find_marker, inline_label
    from extractor.document.sections import canonical
    from extractor.knowledge.messages import CATALOGUES, catalogue
    from extractor.knowledge.vocab import (
        cell_decorations,
        cell_note_mark,
        roster_vocab,
        table_words,
    )
    from extractor.nlp.figures import figures_of
    from extractor.nlp.indicators import match_indicator
    from extractor.nlp.themes import themes_of
    from extractor.passes.run import extractor_version

    for accessor in (
        knowledge.section_vocab,
        knowledge.meta_patterns,
        knowledge.staffing_patterns,
        knowledge.scope_vocab,
        knowledge.measure_words,
        knowledge.taxonomy,
        roster_vocab,
        table_words,
        cell_decorations,
        cell_note_mark,
        extractor_version,
    ):
        accessor()
    for name in CATALOGUES:
        catalogue(name)
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):  # PDFium's text, PDF strings
        codecs.lookup(codec)
    # Patterns compiled on first use go into `re`'s cache here, not once in every child
    # (these two were most of the compiling the children did).
    re.compile(knowledge.profile(profile_name).none_stated)
    inline_label("")
    figures_of("")
    themes_of("")
    match_indicator("")
    canonical("")
    find_marker("")


def build_report(doc: Document, prof: Profile | None = None) -> Report:
    """The passes, then the checker over their record: the whole `Report` of a document."""
    from extractor.checks import CheckResult, check_report
    from extractor.passes.run import run_passes, run_stage, settle_status

    report = run_passes(doc, prof)
    checked = run_stage(report.problems, "checks", lambda: check_report(report), CheckResult())
    report.findings, report.coverage = checked.findings, checked.coverage
    report.problems.extend(checked.problems)
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


def find_pdfs(inputs: Sequence[Path]) -> list[Path]:
    """Named files as given (a non-PDF then fails with its reason); folders searched
    recursively for *.pdf in any case, sorted; each file once, in a stable order."""
    out: dict[Path, Path] = {}
    for item in inputs:
        if item.is_dir():
            found = (p for p in item.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
            for p in sorted(found):
                out.setdefault(p.resolve(), p)
        else:
            out.setdefault(item.resolve(), item)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class _Job:
    index: int
    path: Path
    options: PipelineOptions  # as the child runs it: in-process, the pool is its bound
    limits: Limits  # the pool's bound for this file


def extract_each(
    paths: Sequence[Path],
    options: PipelineOptions | None = None,
    workers: int = 1,
    profile_name: str = DEFAULT_PROFILE,
) -> Iterator[FileOutcome]:
    """One `FileOutcome` per path, in input order, each yielded once it and the files
    before it are done. This process warms once (`warm`); every file is parsed in its
    own bounded child forked from it (`extractor.pool`, the pool `batch` uses), at most
    `workers` at once; a child that dies without an answer is retried once, alone, then
    is a `WorkerCrashError`. One file's failure, a bug included (as `InternalError`),
    never stops the others. With `ocr_page_s`, files are parsed first within the
    text-layer bound, and those with pages to recognise again with time per page."""
    from extractor.pool import Done, run_each

    if workers < 1:
        raise ValueError("workers must be at least 1")
    opts = options or PipelineOptions()
    if not paths:
        return
    warm(profile_name)  # once here: the forked children inherit it
    inner = replace(opts, limits=replace(opts.limits, enabled=False))
    first = inner
    if opts.ocr_page_s is not None and opts.ocr.mode != "off" and opts.limits.enabled:
        first = replace(inner, defer_ocr=True)

    def run(job: _Job) -> Report:
        return _extract(job.path, job.options, profile_name)

    def outcome(done: Done[_Job, Report]) -> FileOutcome:
        path = done.item.path
        if done.error is None and done.value is not None:
            return FileOutcome(path, report=done.value)
        if isinstance(done.error, PingguError):
            return FileOutcome(path, error=done.error)
        return FileOutcome(path, error=InternalError.wrap(done.error or RuntimeError(), path))

    ready: dict[int, FileOutcome] = {}
    deferred: list[_Job] = []
    shown = 0
    jobs = (_Job(i, p, first, opts.limits) for i, p in enumerate(paths))
    for phase in (0, 1):
        todo = jobs if phase == 0 else iter(deferred)
        pool = run_each(
            run,
            todo,
            workers=workers,
            limits=opts.limits,
            label=lambda j: j.path,
            limits_for=lambda j: j.limits,
        )
        for done in pool:
            job = done.item
            if phase == 0 and isinstance(done.error, OcrDeferredError):
                extra = done.error.pages * (opts.ocr_page_s or 0.0)
                limits = replace(opts.limits, timeout_s=opts.limits.timeout_s + extra)
                deferred.append(_Job(job.index, job.path, inner, limits))
                continue
            ready[job.index] = outcome(done)
            while shown in ready:
                yield ready.pop(shown)
                shown += 1
