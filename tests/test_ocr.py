"""OCR of image-only PDFs: Tesseract's words become glyphs, scanned rules become edges,
and a scan's score page comes out as the same scoring record as the text PDF's.

Needs the `tesseract` binary with chi_sim data (apt: tesseract-ocr tesseract-ocr-chi-sim):
skipped locally without it, a failure when CI=true (.ci/run installs it). Only a few
pages are recognised, so the module stays well under a minute on two cores.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from extractor import pipeline
from extractor.errors import OcrUnavailableError
from extractor.pdf import ocr
from extractor.pdf.guard import Limits
from extractor.pdf.pages import RawPage

SCANS = Path(__file__).resolve().parents[1] / "corpora" / "scanned"
SEED_SCAN = SCANS / "scan_seed.pdf"
SCORE_PAGE = 20  # 七、评估结果 of the seed report


def _tesseract_ready() -> bool:
    try:
        ocr.check_tesseract("chi_sim")
    except OcrUnavailableError:
        return False
    return True


needs_tesseract = pytest.mark.skipif(
    os.environ.get("CI") != "true" and not _tesseract_ready(),
    reason="tesseract with chi_sim not installed (apt-get install tesseract-ocr "
    "tesseract-ocr-chi-sim); CI installs it",
)


def _text(page: RawPage) -> str:
    return "".join(g.char for g in page.glyphs)


@needs_tesseract
def test_score_page_is_read_with_its_numbers_and_grade() -> None:
    (page,) = ocr.ocr_pages(SEED_SCAN, pages=[SCORE_PAGE])
    text = _text(page)
    assert page.number == SCORE_PAGE
    assert (page.width, page.height) == pytest.approx(pdfium.PdfDocument(SEED_SCAN)[0].get_size())
    for word in ("评估结果", "良好", "86.75", "45.65", "督导中心"):
        assert word in text
    # Chinese words are not split by spaces, and glyphs lie on the page, left to right.
    assert "评 估" not in text
    assert all(0 <= g.x0 <= g.x1 <= page.width and 0 <= g.top < g.bottom for g in page.glyphs)
    assert len(page.sizes) == len(page.weights) == len(page.glyphs)


@needs_tesseract
def test_scan_extracts_the_seed_scores(tmp_path: Path) -> None:
    """Pipeline end to end on a short scan: cover, 基本情况, weights and bands, and the
    score page with the page before it (its section needs the context to be found)."""
    src = pdfium.PdfDocument(SEED_SCAN)
    short = pdfium.PdfDocument.new()
    short.import_pages(src, [0, 1, 3, 4, SCORE_PAGE - 2, SCORE_PAGE - 1])
    path = tmp_path / "short_scan.pdf"
    short.save(path)
    opts = pipeline.PipelineOptions(ocr=True, limits=Limits(timeout_s=300))
    report = pipeline.extract(path, opts)
    assert report.scoring.total is not None and report.scoring.total.value == 86.75
    assert report.scoring.grade is not None and report.scoring.grade.value == "良好"
    assert report.meta.station is not None and "西村街" in report.meta.station.value


def test_without_ocr_a_scan_is_refused() -> None:
    from extractor.errors import NoTextLayerError

    with pytest.raises(NoTextLayerError):
        pipeline.load_document(SEED_SCAN, pipeline.PipelineOptions(ocr=False))


def test_missing_tesseract_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(OcrUnavailableError) as info:
        ocr.ocr_pages(SEED_SCAN, pages=[1])
    assert info.value.exit_code == 9
    assert "tesseract-ocr-chi-sim" in str(info.value) and "tesseract-ocr-chi-sim" in info.value.hint


def test_table_rules_are_found_and_text_strokes_are_not() -> None:
    """A drawn grid gives its edges; a row of character-like strokes gives none."""
    scale = 300 / 72
    img = np.full((1200, 1600), 240, dtype=np.uint8)
    for y in (200, 300, 400):  # three rules, 1 pt thick, 300 pt long
        img[y : y + 4, 200:1450] = 60
    for x in (200, 700, 1446):  # verticals from the first rule to the last
        img[200:404, x : x + 4] = 60
    for x in range(300, 900, 50):  # "一二三"-like strokes: 10 pt long, spaced apart
        img[800:804, x : x + 42] = 60
        img[780:830, x + 20 : x + 24] = 60
    horizontal, vertical = ocr.rule_bands(img, scale)
    edges = ocr.to_edges(horizontal, vertical, scale)
    h = sorted(round(e["top"]) for e in edges if e["orientation"] == "h")
    v = sorted(round(e["x0"]) for e in edges if e["orientation"] == "v")
    assert h == [48, 72, 96]
    assert v == [48, 168, 348]
    erased = np.asarray(ocr.erase(Image.fromarray(img), horizontal, vertical))
    assert erased[200:404, 200:1450].min() > 200  # the grid is gone ...
    assert erased[800:804, 300:342].max() == 60  # ... the strokes are kept


def test_spaces_only_between_non_chinese_words() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t100\t100\t80\t40\t90\t总得分\n"
        "5\t1\t1\t1\t1\t2\t190\t100\t50\t40\t90\t86.75\n"
        "5\t1\t1\t1\t1\t3\t250\t100\t60\t40\t90\t分等级\n"
        "5\t1\t1\t1\t1\t4\t320\t105\t40\t30\t90\t良好\n"
    )
    glyphs, sizes = ocr.words_to_glyphs(ocr.parse_tsv(tsv), scale=2.0)
    assert "".join(g.char for g in glyphs) == "总得分 86.75 分等级良好"
    assert {g.top for g in glyphs} == {50.0} and {g.bottom for g in glyphs} == {70.0}
    assert sizes == [20.0] * len(glyphs)
