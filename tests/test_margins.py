"""Body margins of a run of pages, the left/right edges block breaking measures from."""

from __future__ import annotations

from extractor.document.blocks import Margins, _starts_block, margins
from extractor.pdf.pages import Glyph, Line


def line(x0: float, top: float, text: str = "社工站", page: int = 1) -> Line:
    """A line of 12-point characters starting at `x0`."""
    glyphs = [Glyph(c, x0 + 12 * i, top, x0 + 12 * (i + 1), top + 12) for i, c in enumerate(text)]
    return Line(page, glyphs, size=12.0)


def test_no_edge_seen_twice_is_no_crash() -> None:
    """A title page of centred lines, or a page of one line: nothing repeats (what
    crashed with min() of nothing, twice); one of the lines' edges stands in."""
    m = margins([line(200, 100, "评估报告"), line(150, 140, "岫山市社工服务站"), line(230, 180)])
    assert m.left in {150.0, 200.0, 230.0} and m.right == 266.0
    one = margins([line(72, 720, "Station report, page 1")])
    assert one.left == 72.0 and one.right == 72.0 + 12 * 22


def test_body_left_edge_is_the_leftmost_frequent_edge() -> None:
    """Wrapped lines start at 72 twice; indented first lines at 96 more often still."""
    lines = [line(96, 100), line(72, 124), line(96, 148), line(72, 172), line(96, 196)]
    lines.append(line(40, 220))  # a stray line further left, seen once
    assert margins(lines).left == 72.0


def test_a_right_set_line_is_not_continued_on_the_next_page() -> None:
    """A date set flush right under a signature ends near the right margin without a full
    stop, like a wrapped line; the next page's first line (附件) starts its own block."""
    m = Margins(left=72.0, right=523.0, size=12.0, leading=24.0)
    date = line(523.0 - 12 * 11, 700, "2023年10月20日")
    assert _starts_block(date, line(72, 72, "附件", page=2), m)
    # a wrapped body line still runs on
    body = line(72, 700, "社" * 37)
    assert not _starts_block(body, line(72, 72, "工站", page=2), m)
