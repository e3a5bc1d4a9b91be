"""Document → `Report`: runs every pass and records what went wrong per stage.

A pass that fails leaves its part of the record empty and adds a `Problem`; the report's
status is then "partial" (never "success" with problems), so a batch keeps going and an
auditor sees what is missing and why. The document's own problems (pages not read,
garbled text, damaged bytes) come first; the completeness gate (`passes.completeness`)
adds one per missing core field, and a record with none of them is a "failure". The
checker runs after the passes, one layer up (`extractor.pipeline.build_report`), with
the same `run_stage` guard.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from extractor.document.model import Document
from extractor.filenames import shown
from extractor.knowledge import DEFAULT_PROFILE, Profile, profile
from extractor.knowledge.messages import problem
from extractor.passes.assessments import extract_assessments
from extractor.passes.completeness import completeness_problems, none_present
from extractor.passes.indicators import extract_indicators
from extractor.passes.meta import extract_meta
from extractor.passes.parties import with_named_parties
from extractor.passes.scoring import extract_scoring
from extractor.passes.staffing import extract_staffing
from extractor.passes.tables.consistency import untrusted_because
from extractor.records import (
    AssessmentItem,
    AssessmentSection,
    OcrSource,
    Problem,
    Report,
    Source,
    TableRead,
)

T = TypeVar("T")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    try:
        return version("pinggu")
    except PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def run_stage(problems: list[Problem], stage: str, fn: Callable[[], T], fallback: T) -> T:
    """`fn()`, or `fallback` with a `Problem` naming the exception and where it rose."""
    try:
        return fn()
    except Exception as exc:  # a pass bug must not lose the rest of the record
        last = traceback.extract_tb(exc.__traceback__)[-1]
        error = f"{type(exc).__name__}: {exc} ({last.filename}:{last.lineno})"
        problems.append(problem(stage, "problem.stage_failed", detail=error))
        return fallback


def settle_status(report: Report) -> Report:
    """ "failure" when the record holds none of the core fields, "partial" as soon as
    any problem is recorded, else "success"."""
    if none_present(report):
        report.status = "failure"
    else:
        report.status = "partial" if report.problems else "success"
    return report


def ocr_source(doc: Document) -> OcrSource | None:
    """The report's OCR marker: which pages were read from images, by what, how surely."""
    read = [p for p in doc.pages if p.ocr is not None]
    if not read:
        return None
    confs = [(p.ocr_confidence, p.chars) for p in read if p.ocr_confidence is not None]
    chars = sum(n for _, n in confs)
    mean = sum(c * n for c, n in confs) / chars if chars else None
    return OcrSource(
        engine=read[0].ocr or "",
        pages=[p.number for p in read],
        mean_confidence=round(mean, 4) if mean is not None else None,
        doubtful_chars=sum(p.ocr_doubtful for p in read),
    )


def uncertain(stage: str, read: TableRead) -> Problem:
    """The problem a table read the pass does not trust gives: its figures are then not
    checkable (issue 8: a misread is never a finding), said with why and where."""
    return problem(
        stage,
        "problem.table_uncertain",
        page=read.pages[0] if read.pages else None,
        table=read.table,
        why=untrusted_because(read),
    )


def run_passes(doc: Document, prof: Profile | None = None) -> Report:
    """Every pass over `doc`, in order; no findings yet (the checker is a later stage)."""
    p = prof or profile(DEFAULT_PROFILE)
    problems: list[Problem] = list(doc.problems)  # pages unread, text garbled, damage
    p = run_stage(problems, "parties", lambda: with_named_parties(doc, p), p)
    report = Report(
        source=Source(
            file=shown(Path(doc.path).name),  # a GBK name must still serialise
            sha256=doc.sha256,
            pages=len(doc.pages),
            extractor_version=extractor_version(),
            profile=p.id,
            ocr=ocr_source(doc),
        )
    )
    report.meta = run_stage(problems, "meta", lambda: extract_meta(doc), report.meta)
    report.scoring = run_stage(problems, "scoring", lambda: extract_scoring(doc, p), report.scoring)
    scored = report.scoring.table_read
    if scored is not None and not scored.trusted:
        problems.append(uncertain("scoring", scored))
    no_items: tuple[list[AssessmentSection], list[AssessmentItem]] = ([], [])
    sections, items = run_stage(
        problems, "assessments", lambda: extract_assessments(doc, p), no_items
    )
    report.assessment_sections, report.assessments = sections, items
    report.indicators = run_stage(
        problems, "indicators", lambda: extract_indicators(doc), report.indicators
    )
    problems += [uncertain("indicators", r) for r in report.indicators.reads if not r.trusted]
    report.staffing = run_stage(
        problems, "staffing", lambda: extract_staffing(doc, p), report.staffing
    )
    read = report.staffing.table_read
    if read is not None and not read.trusted:
        problems.append(uncertain("staffing", read))
    if not doc.blocks:
        problems.append(problem("document", "problem.no_text_blocks"))
    problems += run_stage(
        problems, "completeness", lambda: completeness_problems(report, doc, p), []
    )
    report.problems = problems
    return settle_status(report)
