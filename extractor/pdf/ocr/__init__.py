"""Glyphs and rules of image-only pages (scans), recognised by an OCR engine.

A scan has no text layer, so each page is rendered at the resolution it was scanned at
(`image`), straightened, its table rules found and painted over (`grid`), and read by an
engine (`rapid`: RapidOCR, the default; `tesseract`). The recognised lines become glyphs
with the engine's confidence in each (`lines`), in the same top-left PDF-point
coordinates as `pages.read_page`, and the rules become pdfplumber-style edges, so the
rest of the document layer reads a scan as it reads a text PDF.

Coordinates are those of the straightened page: off from the raw scan by the skew angle
(under about 1°), which is well within what provenance boxes need.

This module holds only the options (cheap to import); `recognise.ocr_pages` does the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Literal


@dataclass(frozen=True, slots=True)
class GridSettings:
    """Tolerances of rule finding, in PDF points unless said otherwise."""

    min_h: float = 30.0  # shorter dark horizontal runs are text strokes, not rules
    long_h: float = 100.0  # horizontal runs this long are rules even with no vertical rule
    min_v: float = 8.0  # vertical runs shorter than this are never rules
    max_thick: float = 3.0  # a thicker dark band is a filled area or a shadow, not a rule
    gap: float = 0.5  # breaks in a rule bridged; wider would join neighbouring characters
    edge_margin: float = 12.0  # dark runs this close to the page border are scanner shadow
    max_row: float = 120.0  # horizontal rules further apart than this start a new table
    reach: float = 2.0  # a vertical end may miss a horizontal rule by this much
    rules_crossed: int = 3  # horizontal rules a vertical must touch (two rows)
    # Cell shading (zebra rows, shaded headers; see `shading`):
    shade_px: float = 0.5  # the page is reduced to about this many points per pixel
    shade_closing: float = 12.0  # details smaller than this (characters, rules) are not fills
    shade_contrast: int = 8  # grey levels below the paper that make a fill
    shade_levels: int = 6  # neighbouring pixels this close in grey are one fill
    shade_text: float = 12.0  # a darker stretch up to this long inside a fill is text
    shade_min_w: float = 20.0  # narrower or lower fills are not cells
    shade_min_h: float = 8.0


EngineName = Literal["rapidocr", "tesseract"]
# off: never OCR (a scan is refused); auto: pages without a usable text layer; all: every page
OcrMode = Literal["off", "auto", "all"]


@dataclass(frozen=True, slots=True)
class OcrOptions:
    mode: OcrMode = "off"
    engine: EngineName = "rapidocr"
    threads: int = 2  # measured best on two cores for RapidOCR
    lang: str = "chi_sim"  # Tesseract's language data
    grid: GridSettings = field(default_factory=GridSettings)


def rapidocr_installed() -> bool:
    """Whether the OCR extra (RapidOCR on onnxruntime) is installed: its packages are
    found, not imported (importing them, or `ocr.rapid` with numpy and Pillow, would cost
    every command before its first file; they load when a page is recognised)."""
    return all(find_spec(name) is not None for name in ("onnxruntime", "rapidocr"))
