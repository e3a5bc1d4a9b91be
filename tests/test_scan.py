"""Scanned corpus variants: image-only, reproducible, and with gold that points at the scan."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from corpora.generator.scan import scan_gold, scan_pdf

SEED_PDF = Path(__file__).resolve().parent.parent / "corpora" / "seed" / "xicun_2024_final.pdf"

pytestmark = pytest.mark.skipif(not SEED_PDF.exists(), reason="seed PDF not built")


def test_scan_has_no_text_and_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "scan.pdf", tmp_path / "b" / "scan.pdf"
    pages = scan_pdf(SEED_PDF, a, seed=3, dpi=40)
    scan_pdf(SEED_PDF, b, seed=3, dpi=40)
    assert a.read_bytes() == b.read_bytes()
    doc = pdfium.PdfDocument(str(a))
    assert len(doc) == pages == len(pdfium.PdfDocument(str(SEED_PDF)))
    assert sum(doc[i].get_textpage().count_chars() for i in range(len(doc))) == 0
    assert b"CreationDate" not in a.read_bytes()


def test_other_seed_gives_other_scan(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "scan.pdf", tmp_path / "b" / "scan.pdf"
    scan_pdf(SEED_PDF, a, seed=3, dpi=40)
    scan_pdf(SEED_PDF, b, seed=4, dpi=40)
    assert a.read_bytes() != b.read_bytes()


def test_scan_gold_marks_the_variant(tmp_path: Path) -> None:
    out = tmp_path / "scan_x.pdf"
    gold = json.loads(scan_gold(SEED_PDF, out).read_text(encoding="utf-8"))
    source = json.loads(SEED_PDF.with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert gold["source"]["file"] == "scan_x.pdf"
    assert gold["variant"]["scan"] is True
    assert gold["variant"]["scan_of"] == "xicun_2024_final.pdf"
    assert gold["expected_findings"] == source["expected_findings"]
