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
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.probe import probe


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
    doc_opts = DocumentOptions(password=opts.password, tables=opts.document.tables)
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
