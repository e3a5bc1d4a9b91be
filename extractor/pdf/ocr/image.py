"""Page images for OCR: rendered at the scan's own resolution, greyed, straightened.

Recognition measured best on the pixels the scanner produced (no upscaling, no
downscaling), straightened first (the angle classifier of PP-OCR is left off: pages are
upright, only skewed). Colour scans are read through their red channel, a scanner's
"drop-out colour": black and blue ink stay dark while a red seal pressed over the score
page turns as light as the paper.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from numpy.typing import NDArray
from PIL import Image

MAX_SKEW = 2.0  # degrees searched either way when straightening
MIN_DPI, MAX_DPI = 100.0, 400.0  # a page image outside this range is rendered at the bound
FALLBACK_DPI = 300.0  # a page with no image (vector drawing only): rendered as a fine scan
_SATURATED = 80  # max-min of R, G, B (0-255): a coloured mark, not tinted paper
_COLOUR_SHARE = 0.0005  # share of saturated pixels that makes a page worth dropping out
# Share of the page cut off each side before measuring skew: a scanner's shadow along one
# edge (up to ~4% of the page) is dark, level with the image and not with the print, and
# its rows outweighed the text's in the profile (most corpus pages came out at 0°).
SKEW_MARGIN = 0.06


def native_dpi(page: pdfium.PdfPage) -> float:
    """Pixels per inch of the page's largest image as placed on the page."""
    width_pt = page.get_width()
    best = 0.0
    for obj in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        assert isinstance(obj, pdfium.PdfImage)
        px_w, _ = obj.get_px_size()
        left, _, right, _ = obj.get_bounds()
        if right - left > width_pt * 0.3 and px_w:
            best = max(best, px_w / ((right - left) / 72))
    if best == 0.0:
        return FALLBACK_DPI
    return min(MAX_DPI, max(MIN_DPI, best))


def grey(rgb: Image.Image) -> Image.Image:
    """One channel to recognise: the red channel of a page with coloured marks on it,
    else luminance (for black ink on grey paper the two are the same)."""
    arr = np.asarray(rgb.convert("RGB"))
    sat = arr.max(axis=2).astype(np.int16) - arr.min(axis=2)
    if float((sat > _SATURATED).mean()) > _COLOUR_SHARE:
        return Image.fromarray(np.ascontiguousarray(arr[..., 0]))
    return rgb.convert("L")


def render(page: pdfium.PdfPage, dpi: float) -> Image.Image:
    """The page at `dpi`, without comment annotations (paper does not show them)."""
    bitmap = page.render(scale=dpi / 72, draw_annots=False)
    return grey(bitmap.to_pil())


def otsu(gray: NDArray[np.uint8]) -> int:
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
    profile's variance wins, searched on a small copy (0.1° steps) of the page without
    its margins (`SKEW_MARGIN`)."""
    w, h = gray.size
    mx, my = round(w * SKEW_MARGIN), round(h * SKEW_MARGIN)
    small = gray.crop((mx, my, w - mx, h - my))
    small.thumbnail((1000, 1000))
    arr = np.asarray(small)
    ink = Image.fromarray(((arr <= otsu(arr)) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.1):
        rows = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST)).sum(axis=1)
        score = float(np.var(rows.astype(np.float64)))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def straighten(gray: Image.Image) -> Image.Image:
    """The page rotated so its text lines run level (corners filled with paper)."""
    angle = skew_angle(gray)
    if not angle:
        return gray
    paper = int(np.median(np.asarray(gray)))
    return gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)
