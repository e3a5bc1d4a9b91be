"""The Python API (`import extractor`): what the CLI does, as functions a notebook calls.

Each call parses within the same time and memory bounds as the CLI and raises the same
classified errors (`extractor.errors`: `MissingFileError`, `NotAPdfError`,
`ParseTimeoutError`, … each with `hint` and `exit_code`). docs/api.md shows them run.
"""

from __future__ import annotations

import os
from pathlib import Path

from extractor.audit import write_audit
from extractor.audit.labels import Lang
from extractor.audit.overview import render_overview
from extractor.checks import check_report
from extractor.knowledge import DEFAULT_PROFILE
from extractor.outputs import prepare_folder, unique_names, write_atomic
from extractor.pdf.guard import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits
from extractor.pdf.ocr import OcrOptions
from extractor.pipeline import PipelineOptions
from extractor.pipeline import extract as _extract
from extractor.records import Finding, Report
from extractor.redaction import redact
from extractor.store.overview import overview_tables, stored_records
from extractor.store.tables import StoreTables, read_store

StrPath = str | os.PathLike[str]


def _options(password: str | None, timeout: float, max_memory: int, ocr: bool) -> PipelineOptions:
    return PipelineOptions(
        password=password,
        ocr=OcrOptions(mode="auto" if ocr else "off"),
        limits=Limits(timeout_s=timeout, max_memory_mb=max_memory),
    )


def extract(
    path: StrPath,
    *,
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_memory: int = DEFAULT_MAX_MEMORY_MB,
    ocr: bool = False,
    redact_names: bool = False,
    profile: str = DEFAULT_PROFILE,
) -> Report:
    """The `Report` of one PDF (a str or a path), checked: `report.findings` and
    `report.coverage` are filled. `ocr=True` recognises pages without a usable text layer
    (needs the `ocr` extra; `timeout` then bounds the whole parse, OCR included)."""
    opts = _options(password, timeout, max_memory, ocr)
    report = _extract(Path(os.fspath(path)), opts, profile)
    return redact(report) if redact_names else report


def check(
    source: StrPath | Report,
    *,
    password: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_memory: int = DEFAULT_MAX_MEMORY_MB,
    ocr: bool = False,
) -> list[Finding]:
    """The inconsistencies of a report: a PDF is extracted first (as `extract`), a
    `Report` already in hand is checked again as it stands (after an edit, say)."""
    if isinstance(source, Report):
        return check_report(source).findings
    return extract(
        source, password=password, timeout=timeout, max_memory=max_memory, ocr=ocr
    ).findings


def open_store(path: StrPath) -> StoreTables:
    """A store written by `pinggu batch --db`, opened read-only: `store.names()`,
    `store["reports"]` (a pandas DataFrame), `store.frames()`, `store.sql("SELECT …")`."""
    return read_store(Path(os.fspath(path)))


def write_overview(
    db: StrPath,
    out: StrPath,
    *,
    lang: Lang = "zh",
    audit_pages: bool = True,
    limits: Limits | None = None,
) -> list[Path]:
    """`pinggu report`: the cross-report page `out/index.html` of a store and, with
    `audit_pages`, each report's audit page beside it (its PDF read again from the path
    the store recorded, to draw the findings on the page images). Returns the paths
    written, the overview last."""
    folder = Path(os.fspath(out))
    with read_store(Path(os.fspath(db))) as store:
        tables = overview_tables(store)
        records = stored_records(store) if audit_pages else []
    prepare_folder(folder)
    links: dict[str, str] = {}
    written: list[Path] = []
    present = [(sha, pdf, r) for sha, pdf, r in records if pdf.is_file()]
    if present:
        names = unique_names([pdf for _, pdf, _ in present], ".html", reserved=["index.html"])
        items = [(pdf, r) for _, pdf, r in present]
        written = write_audit(items, folder, lang, limits, names=names)
        written = [p for p in written if p.name != "index.html"]  # the overview replaces it
        links = {sha: name for (sha, _, _), name in zip(present, names, strict=True)}
    index = folder / "index.html"
    write_atomic(index, render_overview(tables, links, lang))
    return [*written, index]
