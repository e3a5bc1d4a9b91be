"""Page images for the audit report, rendered with pypdfium2.

Rendering is PDF work like any parse, so callers run `render_pages` inside `run_bounded`;
it returns plain PIL images (picklable) so the child's answer crosses the pipe as is.
Image pixels map to the top-left-origin points of `Provenance.bbox` by `scale`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: the image, its size in points and the pixels per point."""

    number: int
    image: Image.Image
    width_pt: float
    height_pt: float
    scale: float


MAX_SIDE_PX = 4000  # a poster-sized page renders smaller rather than exhausting memory


def render_pages(
    path: Path, pages: Iterable[int], scale: float = 2.0, password: str | None = None
) -> dict[int, PageImage]:
    """Render the given 1-based pages; pages outside the document are left out.

    `scale` is pixels per point, lowered per page so that no side exceeds MAX_SIDE_PX.
    """
    pdf = pdfium.PdfDocument(path, password=password)
    try:
        out: dict[int, PageImage] = {}
        for number in sorted(set(pages)):
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                page_scale = min(scale, MAX_SIDE_PX / max(width, height, 1.0))
                bitmap = page.render(scale=page_scale)
                image = bitmap.to_pil().convert("RGB")
            finally:
                page.close()
            out[number] = PageImage(number, image, float(width), float(height), page_scale)
        return out
    finally:
        pdf.close()
