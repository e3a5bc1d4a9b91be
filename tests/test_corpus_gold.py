"""The corpus is sound: every gold file validates against `GoldReport`, and every figure a
gold file claims is printed really is in its PDF's text layer.

The text layer is read with pypdfium2 (not with the extractor), all whitespace removed,
so a figure wrapped across lines in the narrative still matches. Scans have no text layer
and are only checked for that. One test id per file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pypdfium2 as pdfium
import pytest
from _pytest.mark import ParameterSet

from corpora.conventions import measured_apart
from extractor.errors import NoTextLayerError
from extractor.pdf.probe import probe
from extractor.records import Date, ErrorKind, GoldReport, IndicatorRow, Number, Period, Text

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
GOLD_FILES = sorted(CORPORA.glob("**/*.gold.json"))
PDFS = sorted(CORPORA.glob("**/*.pdf"))
SCANNED = [p for p in PDFS if p.parent.name == "scanned"]
TEXT_PDFS = [p for p in PDFS if p.parent.name != "scanned"]
WHITESPACE = re.compile(r"\s+")


def gold_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.stem + ".gold.json")


@functools.cache
def load_gold(path: Path) -> GoldReport:
    return GoldReport.model_validate_json(path.read_text(encoding="utf-8"))


@functools.cache
def page_text(pdf: Path) -> str:
    """The whole text layer, pages joined, with every whitespace character removed."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        parts = [doc[i].get_textpage().get_text_bounded() for i in range(len(doc))]
    finally:
        doc.close()
    return WHITESPACE.sub("", "".join(parts))


def squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def printed_figures(gold: GoldReport) -> Iterator[tuple[str, str]]:
    """(where, printed text) of every figure and name the gold says the PDF prints."""
    sc = gold.scoring
    for ps in sc.party_scores:
        assert ps.score.printed is not None, f"scoring/party/{ps.party} has no printed text"
        yield f"scoring/party/{ps.party}", ps.score.printed
    if sc.total is not None:
        assert sc.total.printed is not None, "scoring/total has no printed text"
        yield "scoring/total", sc.total.printed
    if sc.grade is not None:
        yield "scoring/grade", sc.grade.value
    for row in gold.indicators.rows:
        for name, cell in cell_items(row):
            yield f"indicators/{row.table}/{row.area}/{row.label}/{row.measure}/{name}", cell
    for fig in gold.indicators.narrative:
        yield f"narrative/{fig.indicator}/{fig.measure}/{fig.kind}", fig.printed
    for person in gold.staffing.roster:
        yield f"roster/{person.group}/{person.seq}/name", person.name
        if person.on_post is not None:
            assert person.on_post.printed is not None
            yield f"roster/{person.group}/{person.seq}/on_post", person.on_post.printed
    for total in gold.staffing.roster_totals:
        if total.on_post is not None and total.on_post.printed is not None:
            yield f"roster_totals/{total.scope}/on_post", total.on_post.printed
    for model in (gold.meta, gold.staffing):
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, Number | Period | Date) and value.printed is not None:
                yield f"{type(model).__name__.lower()}/{name}", value.printed
            elif isinstance(value, Text):
                yield f"{type(model).__name__.lower()}/{name}", value.value
    for sec in gold.assessment_sections:
        yield f"assessment_sections/{sec.party}/{sec.polarity}", sec.heading
    for ef in gold.expected_findings:
        yield f"expected_findings/{ef.ref}", ef.printed


def cell_items(row: IndicatorRow) -> Iterator[tuple[str, str]]:
    for name in ("target", "done", "pct"):
        cell = getattr(row, name)
        if cell is not None:
            yield name, cell.printed


def by_name(paths: list[Path]) -> list[ParameterSet]:
    return [pytest.param(p, id=p.name) for p in paths]


def test_corpus_is_not_empty() -> None:
    assert len(TEXT_PDFS) >= 45
    assert len(SCANNED) >= 3
    names = [p.name for p in PDFS]
    assert len(names) == len(set(names)), "PDF file names must be unique across corpora/"


@pytest.mark.parametrize("pdf", by_name(PDFS))
def test_every_pdf_has_gold(pdf: Path) -> None:
    assert gold_path(pdf).exists(), f"{pdf.name} has no gold file beside it"


@pytest.mark.parametrize("path", by_name(GOLD_FILES))
def test_gold_validates(path: Path) -> None:
    gold = load_gold(path)
    pdf = path.with_name(path.name.removesuffix(".gold.json") + ".pdf")
    assert pdf.exists(), f"{path.name} has no PDF beside it"
    assert gold.source.file == pdf.name
    assert gold.variant, "variant must name how the PDF was made"


@pytest.mark.parametrize("path", by_name(GOLD_FILES))
def test_expected_findings_match_variant(path: Path) -> None:
    gold = load_gold(path)
    allowed = set(get_args(ErrorKind))
    kinds = {ef.kind for ef in gold.expected_findings}
    assert kinds <= allowed
    error = gold.variant.get("error")
    if error is None:
        # Not generated (seed rebuild, hand-written reports): no knob names the errors, so
        # each expected finding must say where it comes from, and the seed must keep the
        # real report's published errors.
        assert all(ef.note.strip() for ef in gold.expected_findings), "a finding lacks a note"
        if gold.variant.get("kind") == "seed":
            assert "published" in kinds and len(gold.expected_findings) >= 2
        return
    assert isinstance(error, str)
    if error == "none":
        assert gold.expected_findings == []
    else:
        assert kinds == set(error.split("+")), f"variant error {error!r} vs findings {kinds}"


@pytest.mark.parametrize(
    "pdf", by_name([p for p in TEXT_PDFS if not measured_apart(p.relative_to(CORPORA))])
)
def test_gold_figures_are_printed(pdf: Path) -> None:
    """(The layout families are checked with pdfplumber's reading order instead, in
    test_families_corpus.py: in LibreOffice exports pdfium places a line's “ ” quotes,
    drawn from another font, after the line's other characters.)"""
    gold = load_gold(gold_path(pdf))
    text = page_text(pdf)
    assert len(text) > 1000
    missing = [
        f"{where}: {printed!r}"
        for where, printed in printed_figures(gold)
        if squash(printed) not in text
    ]
    assert missing == []


@pytest.mark.parametrize("pdf", by_name(TEXT_PDFS))
def test_gold_figures_cover_the_report(pdf: Path) -> None:
    """The gold is not empty where the PDF has content: scores, grade, tables."""
    gold = load_gold(gold_path(pdf))
    assert len(gold.scoring.party_scores) == 4
    assert gold.scoring.total is not None and gold.scoring.grade is not None
    assert gold.indicators.rows
    assert gold.assessment_sections


@pytest.mark.parametrize("pdf", by_name(SCANNED))
def test_scan_has_no_text_layer(pdf: Path) -> None:
    with pytest.raises(NoTextLayerError):
        probe(pdf)
    info = probe(pdf, ocr=True)
    assert info.has_text_layer is False
    assert info.has_images is True
    assert page_text(pdf) == ""
    gold = load_gold(gold_path(pdf))
    assert gold.variant.get("scan") is True
    source = next(p for p in TEXT_PDFS if p.name == gold.variant["scan_of"])
    assert gold.expected_findings == load_gold(gold_path(source)).expected_findings
