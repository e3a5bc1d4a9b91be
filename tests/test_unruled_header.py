"""How a three-line table's header is laid out from word positions alone: rules of one
table that Word leaves short over a merged cell, header cells merged over two rows, and
group labels that must not take their neighbours' columns. Synthetic geometry, the shape
of a Word table whose 片区 and 社工点 columns and two of its groups are merged down."""

from __future__ import annotations

from extractor.areas import names_only_an_area
from extractor.pdf.unruled import UnruledSettings
from extractor.pdf.unruled.bands import regions
from extractor.pdf.unruled.header import HeaderCell, place_header
from extractor.pdf.unruled.tokens import Token

S = UnruledSettings()


def _rule(x0: float, x1: float, y: float) -> dict[str, float]:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y}


def _head(x0: float, x1: float, top: float, bottom: float) -> HeaderCell:
    return HeaderCell([Token([], x0, x1, top, bottom)])


def test_a_rule_stopping_short_of_a_merged_column_is_the_same_table() -> None:
    """Top rule over the whole width, the rule under the header starting after the 片区
    column, two partial group rules inside: one region, its rules the top and the
    header's bottom."""
    rules = [_rule(57, 784, 103), _rule(291, 661, 128), _rule(291, 661, 154), _rule(168, 784, 181)]
    assert regions(rules, S) == [[57, 784, 103, 181]]


def test_rules_of_two_tables_side_by_side_stay_apart() -> None:
    assert len(regions([_rule(50, 250, 100), _rule(300, 500, 100)], S)) == 2


def test_header_cells_merged_over_two_rows_are_siblings_of_the_top_row() -> None:
    """片区 | 社工点 | 建档 (merged over two rows) | 个案服务 › 接案数 / 服务节数 | 小组 (merged
    over two rows), each leaf group 协议量 / 完成量 / 完成率."""
    bounds = [0, 50, 100] + [100 + 40 * k for k in range(1, 13)]  # columns 0-13
    leaves = [_head(b + 5, b + 35, 160, 170) for b in bounds[2:-1]]  # columns 2-13
    heads = [
        _head(10, 40, 135, 145),  # 片区, full height
        _head(60, 90, 135, 145),  # 社工点
        _head(310, 370, 110, 120),  # 个案服务, centred over columns 5-10 (x 220-460)
        _head(120, 200, 123, 133),  # 建档, merged over the two upper rows (columns 2-4)
        _head(255, 305, 135, 145),  # 接案数 over columns 5-7
        _head(375, 425, 135, 145),  # 服务节数 over columns 8-10
        _head(480, 560, 123, 133),  # 小组, merged over two rows (columns 11-13)
        *leaves,
    ]
    levels = place_header(heads, [float(b) for b in bounds], 100, 180, S)
    assert len(levels) == 3
    span = {i: (h.a, h.b, h.level) for i, h in enumerate(heads[:7])}
    assert span[3] == (2, 4, 0)  # 建档: its three leaves, on the top row
    assert span[6] == (11, 13, 0)  # 小组 likewise
    assert span[4][:2] == (5, 7)  # 接案数 does not take 建档's 完成率 or 服务节数's 协议量
    assert span[5][:2] == (8, 10)
    assert span[2][:2] == (5, 10)  # 个案服务 over its two groups only


def test_a_line_naming_only_an_area_is_an_area_title() -> None:
    assert names_only_an_area("枫桥片区")
    assert names_only_an_area("片区二：")
    assert not names_only_an_area("枫桥片区共四个社工点")
    assert not names_only_an_area("各片区")


def _tab_table() -> tuple[list[float], list[tuple[float, float]], list[HeaderCell]]:
    """A table typed with tab stops (tanxi's 表1, x as printed): 片区, then per indicator
    协议量 / 完成量 / 完成率 with the figures right-aligned, the group label centred over
    its three header words on a centre tab. The gaps between the right-aligned columns
    are uneven, so the bounds midway between the figures stand off the words' centre."""
    bounds = [51.0, 118.4, 177.8, 213.2, 266.2, 310.4, 345.9, 401.4, 443.1, 478.6, 534.0]
    body = [(51.1, 91.1), (150.6, 165.6), (194.9, 209.9), (218.2, 254.0)]
    body += [(283.3, 298.3), (327.5, 342.5), (350.9, 386.7)]
    body += [(416.0, 431.0), (460.2, 475.2), (483.6, 519.4)]
    leaves = [_head(x, x + 30, 100, 110) for x in (135.6, 179.9, 224.1, 268.3, 312.5)]
    leaves += [_head(x, x + 30, 100, 110) for x in (356.7, 401.0, 445.2, 489.4)]
    heads = [
        _head(146.2, 236.2, 85, 95),  # 困难群众建档（户）
        _head(283.8, 363.8, 85, 95),  # 入户探访（人次）, reaching into 完成率's bounds
        _head(421.5, 491.5, 85, 95),  # 个案服务（节）
        _head(51.1, 71.1, 100, 110),  # 片区
        *leaves,
    ]
    return bounds, body, heads


def test_a_group_label_centred_over_tab_set_words_takes_its_three_columns() -> None:
    bounds, body, heads = _tab_table()
    place_header(heads, bounds, 80, 115, S, body)
    assert [(h.a, h.b) for h in heads[:3]] == [(1, 3), (4, 6), (7, 9)]


def test_without_the_printed_extents_the_bounds_alone_miss_the_centre() -> None:
    """The first measure alone (as before): 入户探访 keeps two columns, its 完成率 left a
    column of its own — the printed text's centre is what finds the third."""
    bounds, _, heads = _tab_table()
    place_header(heads, bounds, 80, 115, S)
    assert (heads[1].a, heads[1].b) == (4, 5)
