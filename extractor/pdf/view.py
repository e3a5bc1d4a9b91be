"""User space → the page as displayed: top-left origin, y down, /Rotate applied.

PDF content lives in user space (origin bottom-left of the MediaBox, y up); a reader
shows the CropBox turned by the page's /Rotate. Many Windows PDF printers write landscape
pages as portrait pages whose content is drawn turned and displayed with /Rotate 90, so
glyphs, rules and comment boxes all pass through this one transform before anything
looks at them: downstream code sees every page the way its reader does.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

# A box on the displayed page, in points: (x0, top, x1, bottom). Every pdf module's boxes.
BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class View:
    """An affine map X = a·x + c·y + e, Y = b·x + d·y + f, and the displayed size."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float
    width: float
    height: float

    @classmethod
    def of(cls, page: pdfium.PdfPage) -> View:
        x0, y0, x1, y1 = page.get_cropbox()
        return cls.for_box((x0, y0, x1, y1), page.get_rotation())

    @classmethod
    def for_box(cls, box: BBox, rotation: int) -> View:
        """The view of a page whose visible box is `box` (user space) turned clockwise
        by `rotation` degrees (0, 90, 180 or 270)."""
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        r = rotation % 360
        if r == 90:  # bottom-left corner shown top-left; user y runs right
            return cls(0.0, 1.0, 1.0, 0.0, -y0, -x0, h, w)
        if r == 180:
            return cls(-1.0, 0.0, 0.0, 1.0, x1, -y0, w, h)
        if r == 270:  # top-right corner shown top-left; user y runs left
            return cls(0.0, -1.0, -1.0, 0.0, y1, x1, h, w)
        return cls(1.0, 0.0, 0.0, -1.0, -x0, y1, w, h)

    @property
    def turned(self) -> bool:
        """The page is displayed turned (/Rotate 90 or 270)."""
        return self.a == 0.0

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f)

    def rect(self, points: list[tuple[float, float]]) -> BBox:
        """The displayed axis-aligned box around user-space points."""
        xs: list[float] = []
        ys: list[float] = []
        for x, y in points:
            px, py = self.point(x, y)
            xs.append(px)
            ys.append(py)
        return (min(xs), min(ys), max(xs), max(ys))
