"""Text struck through (extractor.pdf.struck): a draft exported with Word's tracked changes
shown prints a corrected figure struck through right before the inserted one, underlined.
The struck glyphs are no part of the text (a struck 200 and an inserted 196 read 196, not
200196); a rule that is no strike — an underline, a table border running on past the
text, a rule through two runs of text with a gap between — leaves every glyph."""

from __future__ import annotations

from pathlib import Path

from extractor.pdf.pages import Glyph, read_pages
from extractor.pdf.rules import h_edge
from extractor.pdf.struck import struck_glyphs

SIZE = 12.0


def _run(text: str, x0: float, top: float = 100.0) -> list[Glyph]:
    out, x = [], x0
    for ch in text:
        w = SIZE * (0.5 if ch.isascii() else 1.0)
        out.append(Glyph(ch, x, top, x + w, top + SIZE))
        x += w
    return out


def test_a_line_through_the_middle_of_a_run_strikes_it() -> None:
    glyphs = _run("服务200196节", 72.0)  # 200 from x 96 to 114
    mid = 100.0 + SIZE * 0.42
    assert struck_glyphs(glyphs, [h_edge(96.0, 114.0, mid)]) == ([2, 3, 4], [0])
    # an underline (four fifths down the box) strikes nothing
    assert struck_glyphs(glyphs, [h_edge(114.0, 132.0, 100.0 + SIZE * 0.8)]) == ([], [])
    # a rule through the middle running on past the text (a border) strikes nothing
    assert struck_glyphs(glyphs, [h_edge(60.0, 300.0, mid)]) == ([], [])
    # nor does one through two runs with a gap between them
    two = _run("200", 96.0) + _run("196", 150.0)
    assert struck_glyphs(two, [h_edge(96.0, 168.0, mid)]) == ([], [])


def _pdf(path: Path, strike: bool) -> Path:
    """ "服务 200 196 节" on one line, 200 struck through in a reviewer's colour and 196
    underlined (Word's tracked changes as LibreOffice exports them); a table rule below."""
    from reportlab.lib.colors import Color
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    c.setFont("STSong-Light", SIZE)
    base = 842.0 - 100.0
    c.drawString(72.0, base, "服务")
    c.drawString(96.0, base, "200")
    c.drawString(114.0, base, "196")
    c.drawString(132.0, base, "节")
    c.setStrokeColor(Color(0.78, 0.57, 0.0))
    c.setLineWidth(0.6)
    if strike:
        c.line(96.0, base + SIZE * 0.3, 114.0, base + SIZE * 0.3)
    c.line(114.0, base - 1.2, 132.0, base - 1.2)
    c.setStrokeColor(Color(0, 0, 0))
    c.line(60.0, base - 8.0, 300.0, base - 8.0)
    c.save()
    return path


def test_a_struck_figure_is_left_out_of_the_page(tmp_path: Path) -> None:
    (page,) = read_pages(_pdf(tmp_path / "struck.pdf", strike=True))
    assert "".join(g.char for g in page.glyphs) == "服务196节"
    assert page.struck == 3
    ys = sorted(round(e["top"]) for e in page.rules)
    assert ys == [101, 108]  # the underline and the border stay rules, the strike goes
    (page,) = read_pages(_pdf(tmp_path / "plain.pdf", strike=False))
    assert "".join(g.char for g in page.glyphs) == "服务200196节"
    assert page.struck == 0
