"""Shared fixtures: each corpus PDF extracted once per session, and the known-mismatch
allowlists of the per-file gold tests (`--update-known-mismatches` rewrites them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.document.build import build_document
from extractor.pipeline import build_report
from extractor.records import Report
from tests.known_mismatches import KnownMismatches


class CorpusReports:
    """In-process extraction (no fork per file, so the suite stays fast), memoised."""

    def __init__(self) -> None:
        self._reports: dict[Path, Report] = {}

    def __call__(self, pdf: Path) -> Report:
        pdf = pdf.resolve()
        if pdf not in self._reports:
            self._reports[pdf] = build_report(build_document(pdf))
        return self._reports[pdf]


@pytest.fixture(scope="session")
def corpus_reports() -> CorpusReports:
    return CorpusReports()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-known-mismatches",
        action="store_true",
        help="rewrite tests/known_mismatches*.yaml with the mismatches seen in this run",
    )


@pytest.fixture(scope="session")
def known_mismatches(request: pytest.FixtureRequest) -> Iterator[KnownMismatches]:
    known = KnownMismatches(update=bool(request.config.getoption("--update-known-mismatches")))
    yield known
    known.save()
