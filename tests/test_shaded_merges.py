"""A label merged down several rows of a zebra-shaded table without rules: the merge is
read from the cell's one shading box (`pdf.unruled.merges`), and a merged cell that opens
a continuation page with no text takes the label above it (`passes.tables.paths`)."""

from __future__ import annotations

import itertools

from extractor.document.model import Table, TableCell
from extractor.passes.tables.read import read_table
from extractor.pdf.pages import Glyph
from extractor.pdf.unruled.merges import merge_shaded
from extractor.pdf.view import BBox


def _glyphs(text: str, x: float, top: float) -> list[Glyph]:
    return [Glyph(ch, x + 10 * i, top, x + 10 * (i + 1), top + 10) for i, ch in enumerate(text)]


def _column(tops: list[float], x0: float = 80.0, x1: float = 128.0) -> list[BBox]:
    return [(x0, a, x1, b) for a, b in itertools.pairwise(tops)]


def test_one_shading_box_over_three_rows_is_one_cell() -> None:
    # 个案服务 printed once, centred on 开案数 / 服务节数 / 结案数 (rows 673-745)
    label = _column([649, 673, 697, 721, 745, 769])
    figures = _column([649, 673, 697, 721, 745, 769], 130.0, 168.0)
    glyphs = _glyphs("个案服务", 82, 704) + _glyphs("小组服务", 82, 752)
    shades: list[BBox] = [(79.3, 673.0, 127.4, 745.0), (130.0, 697.0, 168.0, 721.0)]
    out = merge_shaded(label + figures, shades, glyphs, body_top=601.0)
    assert (80.0, 673, 128.0, 745) in out
    assert (80.0, 649, 128.0, 673) in out and (80.0, 745, 128.0, 769) in out
    assert len(out) == len(label) + len(figures) - 2
    # the figure column's one-row box merges nothing
    assert all(c in out for c in figures)


def test_a_box_over_two_labelled_cells_or_across_the_table_merges_nothing() -> None:
    label = _column([673, 697, 721])
    two_labels = _glyphs("开案", 82, 680) + _glyphs("结案", 82, 704)
    assert merge_shaded(label, [(79.3, 673.0, 127.4, 721.0)], two_labels, 601.0) == label
    # a zebra row's box spans the table: wider than one column
    wide: list[BBox] = [(79.3, 673.0, 516.0, 721.0)]
    assert merge_shaded(label, wide, [], 601.0) == label
    # a shaded two-row header is left to the header reader
    assert merge_shaded(label, [(79.3, 673.0, 127.4, 721.0)], [], 750.0) == label


def _cell(r: int, c: int, text: str, page: int, rowspan: int = 1) -> TableCell:
    return TableCell(r, c, text, page, (0.0, 0.0, 1.0, 1.0), rowspan=rowspan)


def test_blank_merge_opening_a_page_takes_the_label_above() -> None:
    # 服务类别 │ 服务指标 │ 目标值 │ 完成值 │ 完成率, unruled; 小组服务 merged over 小组个数
    # (page 2) and 小组节数 / 参与人次 (page 3, the merge's blank continuation)
    head = ["服务类别", "服务指标", "目标值", "完成值", "完成率"]
    body = [
        ("小组服务", "小组个数", "3", "5", "166.7%", 2, 1),
        ("", "小组节数", "10", "18", "180.0%", 3, 2),
        (None, "参与人次", "225", "251", "111.6%", 3, 0),
        ("社区活动", "活动场次", "3", "3", "100.0%", 3, 2),
        (None, "参与人次", "435", "435", "100.0%", 3, 0),
    ]
    cells = [_cell(0, k, h, 2) for k, h in enumerate(head)]
    for i, (cat, *rest, page, span) in enumerate(body, start=1):
        if cat is not None:
            cells.append(_cell(i, 0, cat, page, rowspan=max(1, span)))
        for k, text in enumerate(rest, start=1):
            cells.append(_cell(i, k, str(text), page))
    t = Table(cells, 6, 5, 1, [(h,) for h in head], False, caption="表3-1", pages=[2, 3])
    rows = {(r.indicator, r.measure): r for r in read_table(t, "表3-1", frozenset()).rows}
    assert rows[("groups", "attendances")].done is not None
    assert rows[("groups", "attendances")].done.value == 251
    assert rows[("groups", "sessions")].target is not None
    assert rows[("groups", "sessions")].target.value == 10
    assert rows[("community_events", "attendances")].done is not None
    assert rows[("community_events", "attendances")].done.value == 435


def test_a_single_blank_cell_opening_a_page_continues_the_merge_above() -> None:
    # 小组服务 merged over 小组个数 / 小组节数 on page 2 (label between them), 参与人次
    # alone on page 3 under a blank one-row cell; the column shows merges elsewhere
    head = ["服务类别", "服务指标", "目标值", "完成值", "完成率"]
    cells = [_cell(0, k, h, 2) for k, h in enumerate(head)]
    cells.append(_cell(1, 0, "小组服务", 2, rowspan=2))
    cells.append(_cell(3, 0, "", 3))
    cells.append(_cell(4, 0, "社区活动", 3, rowspan=2))
    body = [
        ("小组个数", "3", "5", "166.7%", 2),
        ("小组节数", "10", "18", "180.0%", 2),
        ("参与人次", "225", "251", "111.6%", 3),
        ("活动场次", "3", "3", "100.0%", 3),
        ("参与人次", "435", "440", "101.1%", 3),
    ]
    for i, (*texts, page) in enumerate(body, start=1):
        for k, text in enumerate(texts, start=1):
            cells.append(_cell(i, k, str(text), page))
    t = Table(cells, 6, 5, 1, [(h,) for h in head], False, caption="表3-1", pages=[2, 3])
    rows = {(r.indicator, r.measure): r for r in read_table(t, "表3-1", frozenset()).rows}
    assert rows[("groups", "attendances")].done is not None
    assert rows[("groups", "attendances")].done.value == 251
    assert rows[("community_events", "attendances")].done is not None
    assert rows[("community_events", "attendances")].done.value == 440
