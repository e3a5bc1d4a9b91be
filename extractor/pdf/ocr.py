"""Glyphs and rules of image-only pages (scans), recognised with the Tesseract binary.

A scan has no text layer, so each page is rendered with pypdfium2 at `dpi` (upscaling a
100-dpi scan helps Tesseract), straightened, and passed to `tesseract … tsv`. Every
recognised word becomes glyphs with boxes split across its characters, in the same
top-left PDF-point coordinates as `pages.read_page`, so the rest of the document layer
cannot tell the difference. Table borders are found in the binarised image (long dark
runs) and returned as pdfplumber-style edges, so the ruled and three-line table readers
work unchanged.

Coordinates are those of the straightened page: off from the raw scan by the skew angle
(under about 1°), which is well within what provenance boxes need.

The binary is called through `subprocess` rather than a Python wrapper: one TSV call
per page is all that is needed. Pages run in parallel, one Tesseract thread each
(`OMP_THREAD_LIMIT=1`), which is faster than Tesseract's own threading on few cores.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from numpy.typing import NDArray
from PIL import Image

from extractor.errors import OcrUnavailableError
from extractor.pdf.pages import Glyph, RawPage
from extractor.pdf.rules import Edge

PSM = 6  # one uniform block: on these pages as good as 3/4, and keeps table rows whole
MAX_SKEW = 2.0  # degrees searched either way when straightening
RULE_MIN_H = 30.0  # pt: shorter dark horizontal runs are text strokes, not rules
RULE_LONG_H = 100.0  # pt: horizontal runs this long are rules even with no vertical rule
RULE_MIN_V = 8.0  # pt: vertical rules shorter than this are ignored ...
RULE_LONE_V = 60.0  # ... and those not running between two horizontal rules this long
RULE_MAX_THICK = 3.0  # pt: a thicker dark band is a filled area or a shadow, not a rule
RULE_GAP = 0.5  # pt: breaks in a rule bridged; wider would join neighbouring characters
EDGE_MARGIN = 12.0  # pt: dark runs this close to the page border are scanner shadow
_BODY_WEIGHT = 400  # a scan tells nothing about font weight


def check_tesseract(lang: str) -> str:
    """Path of the tesseract binary; raise OcrUnavailableError if it or `lang` is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailableError("the tesseract binary is not on PATH")
    try:
        listed = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailableError(f"`tesseract --list-langs` failed: {exc}") from exc
    have = {ln.strip() for ln in (listed.stdout + listed.stderr).splitlines()[1:]}
    missing = [part for part in lang.split("+") if part not in have]
    if missing:
        raise OcrUnavailableError(f"tesseract has no language data for {', '.join(missing)}")
    return exe


# ---------------------------------------------------------------- image preparation


def _otsu(gray: NDArray[np.uint8]) -> int:
    """Threshold between paper and ink that best separates the two (Otsu's method)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * np.arange(256))
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def skew_angle(gray: Image.Image) -> float:
    """Degrees to rotate the page by (counter-clockwise) so its text lines run level.

    Text rows give the sharpest row-sum profile when level: the angle maximising the
    profile's variance wins, searched on a small copy (0.1° steps)."""
    small = gray.copy()
    small.thumbnail((1000, 1000))
    arr = np.asarray(small)
    ink = Image.fromarray(((arr <= _otsu(arr)) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.1):
        rows = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST)).sum(axis=1)
        score = float(np.var(rows.astype(np.float64)))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def _runs(mask: NDArray[np.bool_], min_len: int) -> Iterator[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least `min_len` long, row by row."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    starts_r, starts_c = np.nonzero(diff == 1)
    _, ends_c = np.nonzero(diff == -1)
    # nonzero walks row-major, so the k-th start and k-th end belong to the same run
    keep = (ends_c - starts_c) >= min_len
    for r, s, e in zip(starts_r[keep], starts_c[keep], ends_c[keep], strict=True):
        yield int(r), int(s), int(e)


@dataclass(slots=True)
class _Band:
    """Dark runs on neighbouring rows that overlap: one printed rule, a few px thick."""

    first: int
    last: int
    start: int
    end: int


def _bands(mask: NDArray[np.bool_], min_len: int, max_thick: int) -> list[_Band]:
    bands: list[_Band] = []
    open_: list[_Band] = []
    for r, s, e in _runs(mask, min_len):
        open_ = [b for b in open_ if b.last >= r - 2]
        for b in open_:
            if s < b.end and e > b.start:
                b.last, b.start, b.end = r, min(b.start, s), max(b.end, e)
                break
        else:
            band = _Band(r, r, s, e)
            bands.append(band)
            open_.append(band)
    return [b for b in bands if b.last - b.first + 1 <= max_thick]


def _close_gaps(mask: NDArray[np.bool_], gap: int) -> NDArray[np.bool_]:
    """Bridge breaks of up to `gap` px along rows (dust and JPEG drop-outs in a rule):
    a pixel turns dark when there is ink within `gap` px on both its sides."""
    left = mask.copy()
    right = mask.copy()
    for k in range(1, gap + 1):
        left[:, k:] |= mask[:, :-k]
        right[:, :-k] |= mask[:, k:]
    return left & right


def rule_bands(gray: NDArray[np.uint8], scale: float) -> tuple[list[_Band], list[_Band]]:
    """Horizontal and vertical rules of a page image, in pixels.

    `scale` is pixels per point. Long thin dark runs are rules; vertical ones must be
    long or run from one horizontal rule to another, since character strokes are short
    vertical runs."""
    dark = gray <= _otsu(gray)
    h, w = dark.shape
    gap = max(1, round(RULE_GAP * scale))
    thick = round(RULE_MAX_THICK * scale)
    margin = EDGE_MARGIN * scale
    horizontal = [
        b
        for b in _bands(_close_gaps(dark, gap), round(RULE_MIN_H * scale), thick)
        if margin < (b.first + b.last) / 2 < h - margin
    ]
    reach = 2.0 * scale  # px a vertical end may miss a horizontal rule by
    vertical: list[_Band] = []
    for b in _bands(_close_gaps(dark.T, gap), round(RULE_MIN_V * scale), thick):
        x = (b.first + b.last + 1) / 2
        if not margin < x < w - margin:
            continue
        crossing = [
            (hb.first + hb.last) / 2 for hb in horizontal if hb.start - reach <= x <= hb.end + reach
        ]
        meets_top = any(abs(y - b.start) <= reach for y in crossing)
        meets_bottom = any(abs(y - b.end) <= reach for y in crossing)
        if (meets_top and meets_bottom) or b.end - b.start >= RULE_LONE_V * scale:
            vertical.append(b)
    # A short horizontal run is a rule only where a vertical rule meets it; alone it is
    # more likely the strokes of a bold heading, which must not be erased.
    horizontal = [
        hb
        for hb in horizontal
        if hb.end - hb.start >= RULE_LONG_H * scale
        or any(
            hb.start - reach <= (vb.first + vb.last) / 2 <= hb.end + reach
            and vb.start - reach <= (hb.first + hb.last) / 2 <= vb.end + reach
            for vb in vertical
        )
    ]
    return horizontal, vertical


def to_edges(horizontal: list[_Band], vertical: list[_Band], scale: float) -> list[Edge]:
    """The rules as pdfplumber edges in points (top-left origin)."""
    edges: list[Edge] = []
    for b in horizontal:
        y = (b.first + b.last + 1) / 2 / scale
        edges.append(_edge("h", b.start / scale, y, b.end / scale, y))
    for b in vertical:
        x = (b.first + b.last + 1) / 2 / scale
        edges.append(_edge("v", x, b.start / scale, x, b.end / scale))
    return edges


def erase(gray: Image.Image, horizontal: list[_Band], vertical: list[_Band]) -> Image.Image:
    """The page with its rules painted over in paper colour: Tesseract reads rules as
    "|", "[" or "一" and merges them into the words of table cells."""
    arr = np.array(gray)
    pad = 2
    paper = int(np.median(arr))
    for b in horizontal:
        arr[max(0, b.first - pad) : b.last + 1 + pad, b.start : b.end] = paper
    for b in vertical:
        arr[b.start : b.end, max(0, b.first - pad) : b.last + 1 + pad] = paper
    return Image.fromarray(arr)


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> Edge:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


# ---------------------------------------------------------------- words → glyphs


def _cjk(ch: str) -> bool:
    """Full-width scripts and punctuation: no space is printed between two of these."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # CJK radicals … unified ideographs, incl. CJK punctuation
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2000 <= o <= 0x206F  # general punctuation (“ ” …)
    )


# Tesseract's chi_sim model answers ASCII for the full-width punctuation Chinese text is
# set in; next to a Chinese character the print almost surely had the full-width form.
_FULL_WIDTH = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}


def _joins(ch: str) -> bool:
    """Set without a space before or after: CJK, and punctuation made full-width."""
    return _cjk(ch) or ch in _FULL_WIDTH


def full_width_punctuation(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs with ASCII punctuation next to a CJK character made full-width."""
    out = list(glyphs)
    for i, g in enumerate(glyphs):
        wide = _FULL_WIDTH.get(g.char)
        if wide is None:
            continue
        before = glyphs[i - 1].char if i > 0 else ""
        after = glyphs[i + 1].char if i + 1 < len(glyphs) else ""
        if (before and _cjk(before)) or (after and _cjk(after)):
            out[i] = Glyph(wide, g.x0, g.top, g.x1, g.bottom)
    return out


@dataclass(frozen=True, slots=True)
class _Word:
    line: tuple[int, int, int]  # (block, paragraph, line) in Tesseract's reading order
    text: str
    left: float
    top: float
    right: float
    bottom: float


def parse_tsv(tsv: str) -> list[_Word]:
    """Words of Tesseract's TSV output (level 5 rows with text), in reading order."""
    words: list[_Word] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = float(row["left"]), float(row["top"])
        words.append(
            _Word(
                (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
                text,
                left,
                top,
                left + float(row["width"]),
                top + float(row["height"]),
            )
        )
    return words


def words_to_glyphs(words: list[_Word], scale: float) -> tuple[list[Glyph], list[float]]:
    """Glyphs (points, top-left origin) and sizes of the words, line by line.

    Each word's box is split across its characters (full-width ones count double);
    every glyph of a line gets the line's top and bottom, since a word's own box hugs
    its ink ("一" is a few pixels tall). A space glyph separates two words unless both
    sides are CJK or punctuation: Tesseract cuts Chinese into words where the print has
    no space.
    ASCII punctuation beside Chinese becomes full-width, as printed."""
    glyphs: list[Glyph] = []
    sizes: list[float] = []
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    for line_words in lines.values():
        start = len(glyphs)
        top = min(w.top for w in line_words) / scale
        bottom = max(w.bottom for w in line_words) / scale
        size = bottom - top
        prev: _Word | None = None
        for w in sorted(line_words, key=lambda w: w.left):
            tight = _joins(prev.text[-1]) and _joins(w.text[0]) if prev is not None else True
            if prev is not None and not tight:
                x0, x1 = prev.right / scale, w.left / scale
                glyphs.append(Glyph(" ", x0, top, max(x0, x1), bottom))
                sizes.append(size)
            units = [2.0 if _cjk(c) else 1.0 for c in w.text]
            step = (w.right - w.left) / scale / sum(units)
            x = w.left / scale
            for ch, u in zip(w.text, units, strict=True):
                glyphs.append(Glyph(ch, x, top, x + u * step, bottom))
                sizes.append(size)
                x += u * step
            prev = w
        glyphs[start:] = full_width_punctuation(glyphs[start:])
    return glyphs, sizes


# ---------------------------------------------------------------- pages


@dataclass(slots=True)
class _Pending:
    number: int
    width: float
    height: float
    images: int
    rules: list[Edge]
    proc: subprocess.Popen[str]


def _image_count(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def _prepare(page: pdfium.PdfPage, dpi: int) -> tuple[Image.Image, list[Edge]]:
    """The straightened grayscale rendering of a page without its rules, and the rules."""
    gray = page.render(scale=dpi / 72, grayscale=True, draw_annots=False).to_pil().convert("L")
    angle = skew_angle(gray)
    if angle:
        gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    horizontal, vertical = rule_bands(np.asarray(gray), dpi / 72)
    return erase(gray, horizontal, vertical), to_edges(horizontal, vertical, dpi / 72)


def ocr_pages(
    path: Path,
    dpi: int = 300,
    lang: str = "chi_sim",
    password: str | None = None,
    pages: Iterable[int] | None = None,
) -> list[RawPage]:
    """Every page (or the given 1-based `pages`) of an image-only PDF as a `RawPage` of
    recognised glyphs and rules.

    Raises OcrUnavailableError when the tesseract binary or the language data is
    missing. Pages are recognised `os.cpu_count()` at a time."""
    exe = check_tesseract(lang)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    parallel = max(1, os.cpu_count() or 1)
    scale = dpi / 72
    done: dict[int, RawPage] = {}
    running: list[_Pending] = []

    def finish(job: _Pending) -> None:
        out, errs = job.proc.communicate()
        if job.proc.returncode != 0:
            raise RuntimeError(f"tesseract failed on page {job.number}: {errs.strip()[-500:]}")
        glyphs, sizes = words_to_glyphs(parse_tsv(out), scale)
        done[job.number] = RawPage(
            number=job.number,
            width=job.width,
            height=job.height,
            glyphs=glyphs,
            sizes=sizes,
            weights=[_BODY_WEIGHT] * len(glyphs),
            path_objects=0,
            image_objects=job.images,
            rules=job.rules,
        )

    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        with tempfile.TemporaryDirectory(prefix="pinggu-ocr-") as tmp:
            wanted = range(len(pdf)) if pages is None else sorted({n - 1 for n in pages})
            for i in wanted:
                if not 0 <= i < len(pdf):
                    continue
                page = pdf[i]
                try:
                    width, height = page.get_size()
                    image, rules = _prepare(page, dpi)
                    images = _image_count(page)
                finally:
                    page.close()
                png = Path(tmp) / f"page{i + 1}.png"
                image.save(png)
                if len(running) >= parallel:
                    finish(running.pop(0))
                cmd = [exe, str(png), "stdout", "-l", lang, "--psm", str(PSM), "tsv"]
                proc = subprocess.Popen(
                    cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
                )
                running.append(_Pending(i + 1, width, height, images, rules, proc))
            while running:
                finish(running.pop(0))
    finally:
        for job in running:
            job.proc.kill()
        pdf.close()
    return [done[n] for n in sorted(done)]
