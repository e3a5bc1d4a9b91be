"""Cheap checks on an input file before anything parses it in full.

`probe` turns the ways a file can be unusable (missing, empty, not a PDF, encrypted,
corrupt, scanned) into `InputError`s with hints, and returns what the pipeline wants to
know up front (page count, text layer, producer). It opens the file with PDFium, which
loads lazily, and looks at a few pages only; it never decodes page images. Run it under
`extractor.pdf.guard.run_bounded`: even a few pages can hold a decompression bomb.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    MissingFileError,
    NotAPdfError,
    NoTextLayerError,
)
from extractor.pdf.pages import Opened

HEADER_WINDOW = 1024  # readers accept %PDF- anywhere in the first KB (PDF 32000 §7.5.2 note)
TAIL_WINDOW = 1024  # where a complete file has its last %%EOF
SAMPLE_PAGES = 5  # pages looked at for text; scans rarely have text on page 1..5 only


@dataclass(frozen=True)
class PdfInfo:
    """What the probe learnt; `warnings` are soft problems worth reporting, not failures."""

    path: Path
    sha256: str
    size_bytes: int
    page_count: int
    pdf_version: str | None
    encrypted: bool
    has_text_layer: bool
    sampled_pages: int
    sampled_chars: int
    has_images: bool
    producer: str | None
    creator: str | None
    title: str | None
    warnings: tuple[str, ...] = ()


def check_usable(
    path: Path, password: str | None = None, *, ocr: bool = False, sample_pages: int = SAMPLE_PAGES
) -> None:
    """Raise what `probe` raises for a file that cannot be used, and learn nothing else:
    the parse's own check (`pipeline.load_document`), which needs no hash of the file,
    metadata or version (reading the whole file for its hash cost every parse a pass
    over its bytes)."""
    path = Path(path)
    pdf, _, _ = _opened(path, password)
    try:
        chars, images, sampled, _ = _sample_text(pdf, path, sample_pages)
    finally:
        pdf.close()
    _require_text(path, chars, images, sampled, ocr=ocr)


def open_usable(
    path: Path, password: str | None = None, *, ocr: bool = False, sample_pages: int = SAMPLE_PAGES
) -> Opened:
    """`check_usable`, the document then left open for the parse (`pages.read_pages`)
    with the first page and its text page as the sample loaded them, so that the parse
    neither opens the file nor loads page 1 again. Called inside `fonts.metric_fonts`
    (as the parse reads), since page 1's fonts are the ones the parse reads with."""
    path = Path(path)
    pdf, _, _ = _opened(path, password)
    try:
        chars, images, sampled, first = _sample_text(pdf, path, sample_pages, keep_first=True)
        _require_text(path, chars, images, sampled, ocr=ocr)
    except BaseException:
        pdf.close()  # its pages with it
        raise
    return Opened(pdf, first)


def probe(
    path: Path, password: str | None = None, *, ocr: bool = False, sample_pages: int = SAMPLE_PAGES
) -> PdfInfo:
    """Validate `path` and describe it; raise an `InputError` subclass if it cannot be used.

    `ocr=True` accepts image-only files (the caller will OCR them) instead of raising
    NoTextLayerError. A file with neither text nor images passes with
    `has_text_layer=False`: nothing to OCR, so the caller decides.
    """
    path = Path(path)
    pdf, size, warnings = _opened(path, password)
    try:
        page_count = len(pdf)
        encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1
        chars, images, sampled, _ = _sample_text(pdf, path, sample_pages)
        meta = pdf.get_metadata_dict(skip_empty=True)
        version = pdf.get_version()
    finally:
        pdf.close()
    _require_text(path, chars, images, sampled, ocr=ocr)
    return PdfInfo(
        path=path,
        sha256=_sha256(path),
        size_bytes=size,
        page_count=page_count,
        pdf_version=f"{version // 10}.{version % 10}" if version else None,
        encrypted=encrypted,
        has_text_layer=chars > 0,
        sampled_pages=sampled,
        sampled_chars=chars,
        has_images=images,
        producer=meta.get("Producer"),
        creator=meta.get("Creator"),
        title=meta.get("Title"),
        warnings=tuple(warnings),
    )


def _opened(path: Path, password: str | None) -> tuple[pdfium.PdfDocument, int, list[str]]:
    """The file opened with PDFium, its size and soft warnings; the checks of its ends
    first (missing, empty, not a PDF), then PDFium's (encrypted, corrupt)."""
    size, head, tail = _read_ends(path)
    if size == 0:
        raise EmptyFileError(path)
    if b"%PDF-" not in head:
        raise NotAPdfError(path)
    warnings: list[str] = []
    if b"%%EOF" not in tail:
        warnings.append(f"no %%EOF in the last {TAIL_WINDOW} bytes: the file may be truncated")
    return _open(path, password, truncated=bool(warnings)), size, warnings


def _require_text(path: Path, chars: int, images: bool, sampled: int, *, ocr: bool) -> None:
    if chars == 0 and images and not ocr:
        raise NoTextLayerError(path, f"no text on the first {sampled} page(s), only images")


def _read_ends(path: Path) -> tuple[int, bytes, bytes]:
    try:
        with path.open("rb") as f:
            size = path.stat().st_size
            head = f.read(HEADER_WINDOW)
            f.seek(max(0, size - TAIL_WINDOW))
            tail = f.read(TAIL_WINDOW)
    except FileNotFoundError as exc:
        raise MissingFileError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise MissingFileError(path, "is a directory") from exc
    except OSError as exc:
        raise MissingFileError(path, exc.strerror or str(exc)) from exc
    return size, head, tail


def _open(path: Path, password: str | None, *, truncated: bool) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        code = exc.err_code
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(path, wrong_password=bool(password)) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(path, "unsupported security handler") from exc
        detail = "the file ends early" if truncated else f"PDFium: {exc}"
        raise CorruptPdfError(path, detail) from exc


def _sample_text(
    pdf: pdfium.PdfDocument, path: Path, limit: int, *, keep_first: bool = False
) -> tuple[int, bool, int, tuple[pdfium.PdfPage, pdfium.PdfTextPage] | None]:
    """(non-blank chars, any image seen, pages sampled, page 1 and its text page if
    `keep_first` and it loaded, left open) over the first pages + the last.

    Stops at the first page that has text: the answer cannot change past it (a page
    that does not load costs that page only, and one has loaded), and the parse loads
    every page again anyway. Until then the last page is tried too, because truncation
    and broken page trees show up at the end. A page that cannot be loaded costs that
    page only (the parse reports it); the file is corrupt when no sampled page loads.
    """
    n = len(pdf)
    if n == 0:
        raise CorruptPdfError(path, "the document has no pages")
    indices = sorted({*range(min(limit, n)), n - 1})
    chars, images, loaded = 0, False, 0
    first: tuple[pdfium.PdfPage, pdfium.PdfTextPage] | None = None
    for index in indices:
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            continue
        loaded += 1
        keep = keep_first and index == 0  # page 1 is sampled first, with chars == 0
        try:
            if chars == 0:
                textpage = page.get_textpage()
                chars += sum(not c.isspace() for c in textpage.get_text_range())
                if keep:
                    first = (page, textpage)
                else:
                    textpage.close()
                image_type = pdfium_c.FPDF_PAGEOBJ_IMAGE
                images = images or any(True for _ in page.get_objects([image_type], max_depth=3))
        finally:
            if not keep:
                page.close()
        if chars:
            break
    if not loaded:
        where = f"page {indices[0] + 1}" if len(indices) == 1 else f"pages {_pages(indices)}"
        raise CorruptPdfError(path, f"{where} of {n} cannot be loaded")
    return chars, images, len(indices), first


def _pages(indices: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indices)


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
