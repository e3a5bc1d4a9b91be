"""The metric fallback font: one box glyph for every code point.

PDFium asks the host for a face whenever a PDF uses a font it does not embed (宋体,
STSong-Light, …) and takes glyph outlines from whatever the machine has installed. Its
text layer then depends on the machine: a glyph the substitute lacks gets an empty box
and PDFium drops the character (√ marks vanish from rosters on a server without CJK
fonts). `extractor.pdf.fonts` hands PDFium this face instead while text is read, so
every character the PDF maps to Unicode has a glyph on every machine; positions and
widths come from the PDF's own metrics (see `extractor.pdf.pages`), never from a face.

The font file is built by `build()` (fontTools, a dev dependency) and committed as
`data/fallback.ttf`; `tests/test_fonts.py` checks the committed file is what `build()`
makes.
"""

from __future__ import annotations

import io
from pathlib import Path

FONT_PATH = Path(__file__).with_name("data") / "fallback.ttf"
FAMILY = "PingguMetricFallback"
UNITS_PER_EM = 1000
# The box: inside a half-width cell, from below the baseline to near the em top, so that
# it is never empty and never wider than the narrowest advance PDFs give Latin glyphs.
BOX = (50, -100, 450, 800)
ADVANCE = 500


def build() -> bytes:
    """The font file's bytes (deterministic: fixed timestamps, no random ids)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    fb = FontBuilder(UNITS_PER_EM, isTTF=True)
    names = [".notdef", "box"]
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        x0, y0, x1, y1 = BOX
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({name: (ADVANCE, BOX[0]) for name in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.updateHead(created=0, modified=0)
    # Every Unicode code point → "box" (format 13: many-to-one ranges, one group), plus
    # the byte-coded tables PDFium looks at for simple fonts (Mac Roman, Windows symbol).
    unicode = CmapSubtable.newSubtable(13)
    unicode.platformID, unicode.platEncID, unicode.language = 3, 10, 0
    unicode.cmap = {c: "box" for c in range(0x20, 0x10000)}
    mac = CmapSubtable.newSubtable(6)
    mac.platformID, mac.platEncID, mac.language = 1, 0, 0
    mac.cmap = {c: "box" for c in range(0x20, 0x100)}
    symbol = CmapSubtable.newSubtable(4)
    symbol.platformID, symbol.platEncID, symbol.language = 3, 0, 0
    symbol.cmap = {c: "box" for c in range(0xF020, 0xF100)}
    fb.font["cmap"].tables = [mac, symbol, unicode]
    out = io.BytesIO()
    fb.font.save(out, reorderTables=True)
    return out.getvalue()


def main() -> None:  # pragma: no cover - maintenance command
    FONT_PATH.parent.mkdir(exist_ok=True)
    FONT_PATH.write_bytes(build())
    print(f"wrote {FONT_PATH} ({FONT_PATH.stat().st_size} bytes)")


if __name__ == "__main__":  # pragma: no cover
    main()
