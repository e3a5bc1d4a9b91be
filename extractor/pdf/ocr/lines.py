"""Recognised text lines → glyphs in PDF points, as the text layer would have them.

Engines answer lines of characters with boxes in pixels. Lines printed on one row (an
engine may cut a row at a wide gap) are put back together left to right, a space glyph
goes where the print has a visible gap, and ASCII punctuation the engine answers beside
Chinese text becomes the full-width form it was printed in. Every glyph of a line gets
the line's top and bottom, since a character's own box hugs its ink ("一" is a few
pixels tall), and carries the engine's confidence in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.pdf.pages import OcrGlyph

# A gap wider than this share of the line height is printed space: between Latin
# letters or digits and anything (a word space, "86.75 分"), and a much wider one between
# two Chinese characters (columns of a form, "分  等级").
SPACE_GAP = 0.3
CJK_SPACE_GAP = 0.9


@dataclass(frozen=True, slots=True)
class OcrChar:
    char: str
    x0: float  # px
    x1: float
    conf: float = 1.0


@dataclass(slots=True)
class OcrLine:
    """One recognised line: its characters left to right, boxes in pixels."""

    top: float
    bottom: float
    chars: list[OcrChar] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.chars[0].x0 if self.chars else 0.0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1 if self.chars else 0.0

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


def cjk(ch: str) -> bool:
    """Full-width scripts and punctuation: no space is printed between two of these."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # CJK radicals … unified ideographs, incl. CJK punctuation
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x2000 <= o <= 0x206F  # general punctuation (“ ” …)
    )


# Engines trained on mixed text answer ASCII for the full-width punctuation Chinese is
# set in; next to a Chinese character the print almost surely had the full-width form.
FULL_WIDTH = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}
_PAIRS = {"(": ")", "（": "）"}


def full_width_punctuation(chars: list[str]) -> list[str]:
    """The characters with ASCII punctuation next to a CJK character made full-width;
    a bracket pair is made full-width together when either bracket touches CJK
    ("(2)社工站" → "（2）社工站")."""
    out = list(chars)

    def touches(i: int) -> bool:
        return (i > 0 and cjk(chars[i - 1])) or (i + 1 < len(chars) and cjk(chars[i + 1]))

    for i, ch in enumerate(chars):
        if ch in FULL_WIDTH and touches(i):
            out[i] = FULL_WIDTH[ch]
    for i, ch in enumerate(chars):
        if ch != "(":
            continue
        close = next((j for j in range(i + 1, min(len(chars), i + 8)) if chars[j] == ")"), None)
        if close is not None and (touches(i) or touches(close)):
            out[i], out[close] = "（", "）"
    return out


def rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Lines grouped into printed rows (centre inside the row's band, no overlap in x),
    rows top to bottom, lines left to right."""
    out: list[list[OcrLine]] = []
    for ln in sorted((ln for ln in lines if ln.chars), key=lambda ln: ln.mid):
        for row in reversed(out[-3:]):
            top = min(r.top for r in row)
            bottom = max(r.bottom for r in row)
            free = all(ln.x1 <= r.x0 or ln.x0 >= r.x1 for r in row)
            if top <= ln.mid <= bottom and free:
                row.append(ln)
                break
        else:
            out.append([ln])
    for row in out:
        row.sort(key=lambda ln: ln.x0)
    return out


def _spaced(prev: OcrChar, nxt: OcrChar, height: float) -> bool:
    gap = nxt.x0 - prev.x1
    both_cjk = cjk(prev.char) and cjk(nxt.char)
    return gap > (CJK_SPACE_GAP if both_cjk else SPACE_GAP) * height


def to_glyphs(lines: list[OcrLine], scale: float) -> tuple[list[OcrGlyph], list[float]]:
    """Glyphs (points, top-left origin) and their sizes (the line height), row by row."""
    glyphs: list[OcrGlyph] = []
    sizes: list[float] = []
    for row in rows(lines):
        placed: list[tuple[OcrChar, float, float]] = []  # char, top, bottom (px)
        for ln in row:
            height = ln.bottom - ln.top
            for c in ln.chars:
                if c.char.isspace():
                    continue
                if placed and _spaced(placed[-1][0], c, height):
                    prev = placed[-1][0]
                    placed.append((OcrChar(" ", prev.x1, max(prev.x1, c.x0)), ln.top, ln.bottom))
                placed.append((c, ln.top, ln.bottom))
        text = full_width_punctuation([c.char for c, _, _ in placed])
        for ch, (c, top, bottom) in zip(text, placed, strict=True):
            glyphs.append(
                OcrGlyph(ch, c.x0 / scale, top / scale, c.x1 / scale, bottom / scale, c.conf)
            )
            sizes.append((bottom - top) / scale)
    return glyphs, sizes
