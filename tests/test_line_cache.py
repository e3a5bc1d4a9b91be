"""A printed line's text and box are read once per glyph list, and again when its glyphs
are replaced (`pdf.pages.Line`)."""

from __future__ import annotations

import pickle

from extractor.pdf.pages import Glyph, Line


def _line() -> Line:
    return Line(2, [Glyph("评", 10.0, 5.0, 20.0, 15.0), Glyph("估", 20.0, 4.0, 30.0, 16.0)])


def test_text_and_box_of_the_glyphs() -> None:
    ln = _line()
    assert ln.text == "评估"
    assert ln.bbox == (10.0, 4.0, 30.0, 16.0)
    assert (ln.x0, ln.top, ln.x1, ln.bottom) == ln.bbox


def test_replaced_glyphs_are_read_again() -> None:
    ln = _line()
    assert (ln.text, ln.x1) == ("评估", 30.0)
    ln.glyphs = sorted([*ln.glyphs, Glyph("机", 1.0, 6.0, 9.0, 14.0)], key=lambda g: g.x0)
    assert ln.text == "机评估"
    assert ln.bbox == (1.0, 4.0, 30.0, 16.0)


def test_the_memo_is_no_part_of_a_line() -> None:
    """Equality and the repr see the fields only; a pickled line reads the same."""
    a, b = _line(), _line()
    assert a.text == "评估"
    assert a == b
    assert repr(a) == repr(b)
    c = pickle.loads(pickle.dumps(a))
    assert (c.text, c.bbox) == (a.text, a.bbox)
    c.glyphs = c.glyphs[:1]
    assert (c.text, c.x1) == ("评", 20.0)
