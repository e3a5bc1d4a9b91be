"""Page crops around each finding's locations, with the involved values outlined.

One crop per page a finding touches: the union of its boxes on that page plus a margin,
widened to a readable share of the page so the row and column headers stay in view.
Location 0 is the value the rule flagged (red); the others are the cells or sentences
it was recomputed from (orange). Each outline carries the location's number, which the
HTML repeats beside the location's reference.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from extractor.pdf.render import PageImage, render_pages
from extractor.pdf.view import BBox
from extractor.records import Finding

RGB = tuple[int, int, int]

FLAGGED: RGB = (217, 45, 32)
INVOLVED: RGB = (247, 144, 9)
MIN_WIDTH_SHARE = 0.4  # of the page width, so neighbouring columns stay in view
MIN_WIDTH_PT = 400.0  # and a portrait page's text is not zoomed far beyond the tables
MIN_HEIGHT_PT = 150.0  # a few rows above and below: headers and the 合计 row in reach
MARGIN_X_PT = 24.0
MARGIN_Y_PT = 30.0
FULL_PAGE_WIDTH_PX = 900  # a page shown whole (no box known) needs no more than this
ELLIPSE_MAX_ASPECT = 6.0  # wider boxes (a whole row, a long line) get a rounded frame


@dataclass(frozen=True, slots=True)
class Crop:
    """A PNG of part of one page; `marked` / `unmarked` are 1-based location numbers."""

    page: int
    png: bytes
    width_px: int
    height_px: int
    width_pt: float
    marked: list[int] = field(default_factory=list)
    unmarked: list[int] = field(default_factory=list)
    full_page: bool = False


@dataclass(frozen=True, slots=True)
class FindingImages:
    """The crops of one finding, and the pages it names that the PDF does not have."""

    crops: list[Crop] = field(default_factory=list)
    missing_pages: list[int] = field(default_factory=list)


def finding_images(
    path: Path, findings: Sequence[Finding], scale: float = 2.0, password: str | None = None
) -> list[FindingImages]:
    """Crops for every finding, in order; renders each needed page once.

    Meant to run inside `run_bounded`: it parses the PDF and allocates the page bitmaps.
    """
    wanted = {loc.page for f in findings for loc in f.locations if loc.page is not None}
    pages = render_pages(path, wanted, scale=scale, password=password)
    return [_images_for(finding, pages) for finding in findings]


def _images_for(finding: Finding, pages: dict[int, PageImage]) -> FindingImages:
    by_page: dict[int, list[tuple[int, BBox | None]]] = {}
    for number, loc in enumerate(finding.locations, start=1):
        if loc.page is not None:
            by_page.setdefault(loc.page, []).append((number, loc.bbox))
    crops: list[Crop] = []
    missing: list[int] = []
    for page_no, items in by_page.items():  # insertion order: the flagged value's page first
        page = pages.get(page_no)
        if page is None:
            missing.append(page_no)
            continue
        boxes = [(n, box) for n, box in items if box is not None]
        unmarked = [n for n, box in items if box is None]
        crops.append(_crop(page, boxes, unmarked) if boxes else _whole(page, unmarked))
    return FindingImages(crops, missing)


def crop_box(boxes: Sequence[BBox], width: float, height: float) -> BBox:
    """The region to show, in points: union plus margins, at least a readable size."""
    x0 = min(b[0] for b in boxes) - MARGIN_X_PT
    top = min(b[1] for b in boxes) - MARGIN_Y_PT
    x1 = max(b[2] for b in boxes) + MARGIN_X_PT
    bottom = max(b[3] for b in boxes) + MARGIN_Y_PT
    min_width = min(width, max(MIN_WIDTH_SHARE * width, MIN_WIDTH_PT))
    x0, x1 = _at_least(x0, x1, min_width, width)
    top, bottom = _at_least(top, bottom, min(MIN_HEIGHT_PT, height), height)
    return x0, top, x1, bottom


def _at_least(lo: float, hi: float, size: float, limit: float) -> tuple[float, float]:
    """Grow [lo, hi] evenly to `size`, then slide it inside [0, limit]."""
    if hi - lo < size:
        grow = (size - (hi - lo)) / 2
        lo, hi = lo - grow, hi + grow
    if lo < 0:
        lo, hi = 0.0, hi - lo
    if hi > limit:
        lo, hi = max(0.0, lo - (hi - limit)), limit
    return lo, hi


def _crop(page: PageImage, boxes: list[tuple[int, BBox]], unmarked: list[int]) -> Crop:
    region = crop_box([b for _, b in boxes], page.width_pt, page.height_pt)
    s = page.scale
    left, top = round(region[0] * s), round(region[1] * s)
    image = page.image.crop((left, top, round(region[2] * s), round(region[3] * s)))
    # Draw the involved values first so the flagged one (number 1) lies on top.
    for number, box in sorted(boxes, key=lambda nb: -nb[0]):
        pixels = (box[0] * s - left, box[1] * s - top, box[2] * s - left, box[3] * s - top)
        _outline(image, pixels, number, s)
    width_pt = region[2] - region[0]
    return Crop(page.number, _png(image), *image.size, width_pt, [n for n, _ in boxes], unmarked)


def _whole(page: PageImage, unmarked: list[int]) -> Crop:
    image = page.image
    if image.width > FULL_PAGE_WIDTH_PX:
        ratio = FULL_PAGE_WIDTH_PX / image.width
        image = image.resize(
            (FULL_PAGE_WIDTH_PX, round(image.height * ratio)), Image.Resampling.LANCZOS
        )
    return Crop(page.number, _png(image), *image.size, page.width_pt, [], unmarked, True)


def _outline(image: Image.Image, box: BBox, number: int, scale: float) -> None:
    """Tint the box and number it; circle the flagged value, frame the others.

    Adjacent cells of one recomputation would overlap as ellipses; frames keep them
    apart, and the one circle draws the eye to the value that is wrong. A flagged box
    much wider than tall (a whole row, a long line) is framed too.
    """
    x0, y0, x1, y1 = box
    colour = FLAGGED if number == 1 else INVOLVED
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle(box, fill=(*colour, 40))
    line = max(2, round(1.4 * scale))
    pad = 2.5 * scale
    if number == 1 and (x1 - x0) <= ELLIPSE_MAX_ASPECT * max(y1 - y0, 1.0):
        # An ellipse through the box corners has semi-axes √2 times the half sides.
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        rx, ry = (x1 - x0) / 2 * 1.42 + pad, (y1 - y0) / 2 * 1.42 + pad
        ring = (cx - rx, cy - ry, cx + rx, cy + ry)
        draw.ellipse(ring, outline=(*colour, 255), width=line)
        anchor = (cx - rx * 0.72, cy - ry * 0.72)  # the ring's upper-left shoulder
    else:
        # PIL draws the line inside the bounds: a cell's frame stays within its cell.
        grow = pad if number == 1 else 0.0
        ring = (x0 - grow, y0 - grow, x1 + grow, y1 + grow)
        draw.rounded_rectangle(ring, radius=3 * scale, outline=(*colour, 255), width=line)
        anchor = (ring[0], ring[1])
    _badge(draw, anchor, str(number), colour, scale)
    image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))


def _badge(
    draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, colour: RGB, scale: float
) -> None:
    radius = 5.5 * scale
    cx, cy = max(at[0], radius), max(at[1], radius)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(*colour, 255))
    font = ImageFont.load_default(size=round(8 * scale))
    draw.text((cx, cy), text, fill=(255, 255, 255, 255), font=font, anchor="mm")


def _png(image: Image.Image) -> bytes:
    """PNG of the image with an adaptive palette: text and outlines need few colours."""
    buffer = io.BytesIO()
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
        buffer, format="PNG", optimize=True
    )
    return buffer.getvalue()
