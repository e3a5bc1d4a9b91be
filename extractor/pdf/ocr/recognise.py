"""Pages of a PDF recognised by an OCR engine: render, straighten, find and erase the
rules, read, and turn the lines into glyphs (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractor.pdf.ocr import EngineName, GridSettings, OcrOptions, rapidocr_installed
from extractor.pdf.ocr.grid import erase, rule_bands, to_edges
from extractor.pdf.ocr.image import native_dpi, render, straighten
from extractor.pdf.ocr.lines import OcrLine, to_glyphs
from extractor.pdf.ocr.marks import lone_slashes
from extractor.pdf.ocr.shading import shade_boxes
from extractor.pdf.pages import RawPage

_BODY_WEIGHT = 400  # a scan tells nothing about font weight


class Engine(Protocol):
    name: str
    min_dpi: float

    def read(self, image: Image.Image) -> list[OcrLine]: ...

    def version(self) -> str: ...


def default_engine() -> EngineName | None:
    """RapidOCR when its extra is installed, else None (Tesseract is only ever chosen)."""
    return "rapidocr" if rapidocr_installed() else None


def make_engine(options: OcrOptions) -> Engine:
    if options.engine == "tesseract":
        from extractor.pdf.ocr.tesseract import TesseractEngine

        return TesseractEngine(lang=options.lang)
    from extractor.pdf.ocr.rapid import RapidEngine

    return RapidEngine(options.threads)


def _image_count(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def ocr_page(
    page: pdfium.PdfPage, number: int, engine: Engine, grid: GridSettings, label: str = ""
) -> RawPage:
    """One page recognised: glyphs with confidences, the rules of its tables and the
    fills of its shaded cells."""
    width, height = page.get_size()
    dpi = max(native_dpi(page), engine.min_dpi)
    scale = dpi / 72
    gray = straighten(render(page, dpi))
    pixels = np.asarray(gray)
    horizontal, vertical = rule_bands(pixels, scale, grid)
    shades = shade_boxes(pixels, scale, grid)
    erased = erase(gray, horizontal, vertical)
    lines = engine.read(erased)
    lines += lone_slashes(np.asarray(erased), lines, scale, grid)
    glyphs, sizes = to_glyphs(lines, scale)
    return RawPage(
        number=number,
        width=width,
        height=height,
        glyphs=list(glyphs),
        sizes=sizes,
        weights=[_BODY_WEIGHT] * len(glyphs),
        path_objects=0,
        image_objects=_image_count(page),
        rules=to_edges(horizontal, vertical, scale),
        shades=shades,
        ocr=label or engine.name,
    )


def ocr_pages(
    path: Path,
    options: OcrOptions | None = None,
    password: str | None = None,
    pages: Iterable[int] | None = None,
    engine: Engine | None = None,
) -> list[RawPage]:
    """Every page (or the given 1-based `pages`) of a PDF as a `RawPage` of recognised
    glyphs and rules, one page at a time (the engine uses `options.threads`).

    Raises OcrUnavailableError (Tesseract missing) or MissingDependencyError (the `ocr`
    extra missing) before any page is read."""
    opts = options or OcrOptions()
    eng = engine or make_engine(opts)
    label = eng.version()  # fails early, with the install hint, when the engine is missing
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        wanted = range(len(pdf)) if pages is None else sorted({n - 1 for n in pages})
        out: list[RawPage] = []
        for i in wanted:
            if not 0 <= i < len(pdf):
                continue
            page = pdf[i]
            try:
                out.append(ocr_page(page, i + 1, eng, opts.grid, label))
            finally:
                page.close()
        return out
    finally:
        pdf.close()
