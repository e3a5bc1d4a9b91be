"""Headings numbered `1<TAB>项目概况`, `1.2<TAB>人员配置` (the luoxi family of
corpora/closed): the text layer keeps no separator after the number, only the gap a tab
leaves, so the number is found by that gap (models/sections.yaml `tab_markers`), never by
the word after it, and a figure glued to its unit ("12人") stays body text. On synthetic
lines (no PDF), beside the corpus figures in tests/known_mismatches_closed.yaml."""

from __future__ import annotations

from extractor.document.blocks import Margins, assemble, line_marker, tab_marker
from extractor.document.sections import build_tree
from extractor.pdf.pages import Glyph, Line

SIZE = 12.0


def tabbed(number: str, text: str, top: float, gap: float = 2.0, x0: float = 72.0) -> Line:
    """`number`, a tab `gap` ems wide, then `text`, in 12-point glyphs."""
    glyphs = [Glyph(c, x0 + 6 * i, top, x0 + 6 * (i + 1), top + SIZE) for i, c in enumerate(number)]
    start = x0 + 6 * len(number) + gap * SIZE
    glyphs += [
        Glyph(c, start + SIZE * i, top, start + SIZE * (i + 1), top + SIZE)
        for i, c in enumerate(text)
    ]
    return Line(1, glyphs, size=SIZE)


def test_a_number_set_off_by_a_tab_is_a_marker() -> None:
    assert tab_marker(tabbed("1", "项目概况", 100)) == ("1", "num_tab")
    assert tab_marker(tabbed("1.2", "人员配置", 100)) == ("1.2", "dec2")
    assert tab_marker(tabbed("4.4.2", "枫林片区", 100)) == ("4.4.2", "dec3")
    # the text markers keep their say: 1.1 before a word that is no unit is dec2 anyway
    assert line_marker(tabbed("1.1", "基本情况", 100)) == ("1.1", "dec2")


def test_a_figure_glued_to_its_unit_is_no_marker() -> None:
    """ "12人参加" and "1.2人次": no gap after the number (a unit follows it), whatever
    the word; so is a number followed by a plain space."""
    assert line_marker(tabbed("12", "人参加活动", 100, gap=0.0)) is None
    assert line_marker(tabbed("1.2", "人次", 100, gap=0.0)) is None
    assert tab_marker(tabbed("12", "人参加活动", 100, gap=0.3)) is None


def test_a_row_of_an_unruled_table_is_no_heading() -> None:
    """Several tab-wide gaps on the line: columns of a table, not a numbered title."""
    row = tabbed("1", "张三", 100)
    x = row.glyphs[-1].x1 + 3 * SIZE
    row.glyphs.extend(
        Glyph(c, x + SIZE * i, 100, x + SIZE * (i + 1), 112) for i, c in enumerate("社工")
    )
    assert tab_marker(row) is None


def test_tab_numbered_headings_nest_by_depth() -> None:
    """1 › 1.1, 1.2; 2 closes 1.2 — the sections a plain "1.2人员配置" never opened."""
    lines = [
        tabbed("1", "项目概况", 100),
        tabbed("1.1", "基本情况", 130),
        tabbed("", "社工站由街道办事处出资购买。", 160, gap=2.0),
        tabbed("1.2", "人员配置", 190),
        tabbed("", "社工站现有社工12名。", 220, gap=2.0),
        tabbed("2", "评估说明", 250),
        tabbed("", "评估采用四方评分。", 280, gap=2.0),
    ]
    m = Margins(left=72.0, right=520.0, size=SIZE, leading=30.0)
    blocks = assemble(lines, m)
    assert [(b.kind, b.marker_type, b.body) for b in blocks if b.kind == "heading"] == [
        ("heading", "num_tab", "项目概况"),
        ("heading", "dec2", "基本情况"),
        ("heading", "dec2", "人员配置"),
        ("heading", "num_tab", "评估说明"),
    ]
    root = build_tree(list(blocks))
    assert [(s.title, [c.title for c in s.children]) for s in root.children] == [
        ("项目概况", ["基本情况", "人员配置"]),
        ("评估说明", []),
    ]
    staffing = root.children[0].children[1]
    assert [b.text for b in staffing.blocks] == ["社工站现有社工12名。"]
