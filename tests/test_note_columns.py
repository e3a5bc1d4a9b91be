"""A column beside the 片区 that names who answers for each 片区 (片区 │ 负责社工 │ …, a
person's name on each row, — on 合计: fenced/luming's 表2 shape; names and figures
invented) is a note, not a scope: the rows are the 片区's own, not 社工点 named after
their social worker. Known by its header word (models/vocab/scopes.yaml) or, under a
header the vocabulary does not know, by its cells. A column that divides the 片区 (two
社区 rows per 片区) keeps reading as 社工点. In the text, a bracketed note after a
clause's 片区 (桂溪片区（负责社工…）开展个案服务143节) leaves the figure the 片区's."""

from __future__ import annotations

import pytest

from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.narrative import clause_area
from extractor.passes.tables.read import read_table

GROUPS = ("困难群众建档（户）", "个案服务（节）")
AREAS = [
    ("东岭片区", "王晓明", ((120, 150), (40, 52))),
    ("松涛片区", "李雪", ((90, 88), (30, 30))),
    ("青石片区", "欧阳子涵", ((60, 75), (20, 18))),
]


def _rate(done: int, target: int) -> str:
    return f"{100 * done / target:.2f}%"


def _figures(pairs: tuple[tuple[int, int], ...]) -> list[str]:
    return [x for t, d in pairs for x in (str(t), str(d), _rate(d, t))]


def _sum(rows: list[tuple[tuple[int, int], ...]]) -> tuple[tuple[int, int], ...]:
    return tuple(
        (sum(r[g][0] for r in rows), sum(r[g][1] for r in rows)) for g in range(len(GROUPS))
    )


def note_table(header: str, rows: list[tuple[str, str, tuple[tuple[int, int], ...]]]) -> Table:
    n_cols = 2 + 3 * len(GROUPS)
    cells: list[TableCell] = []

    def cell(r: int, c: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        box = (c * 50.0, 100 + r * 16.0, (c + colspan) * 50.0, 100 + (r + rowspan) * 16.0)
        cells.append(TableCell(r, c, text, 4, box, rowspan, colspan))

    cell(0, 0, "片区", rowspan=2)
    cell(0, 1, header, rowspan=2)
    for g, name in enumerate(GROUPS):
        cell(0, 2 + 3 * g, name, colspan=3)
        for k, role in enumerate(("协议量", "完成量", "完成率")):
            cell(1, 2 + 3 * g + k, role)
    r = 2
    for area, note, pairs in rows:
        cell(r, 0, area)
        cell(r, 1, note)
        for k, text in enumerate(_figures(pairs), start=2):
            cell(r, k, text)
        r += 1
    cell(r, 0, "合计")
    cell(r, 1, "—")
    for k, text in enumerate(_figures(_sum([p for _, _, p in rows])), start=2):
        cell(r, k, text)
    t = Table(cells, r + 1, n_cols, 2, [], True, caption="表2 各片区服务指标完成情况")
    t.pages = [4]
    t.columns = column_paths(t)
    return t


def _rows(t: Table) -> dict[tuple[str, str | None, str | None, str], tuple[str | None, ...]]:
    got = read_table(t, "表2", frozenset())
    assert not got.doubts and not got.unsure
    return {
        (r.scope or "station", r.area, r.post, r.indicator): tuple(
            c.printed if c else None for c in (r.target, r.done, r.pct)
        )
        for r in got.rows
    }


# 负责社工: a header word of the vocabulary; 主责社工: none, the cells tell
@pytest.mark.parametrize("header", ["负责社工", "主责社工"])
def test_a_column_of_names_beside_the_areas_is_no_scope(header: str) -> None:
    rows = _rows(note_table(header, AREAS))
    assert len(rows) == 4 * 2
    assert rows[("area", "东岭片区", None, "registered")] == ("120", "150", "125.00%")
    assert rows[("area", "青石片区", None, "casework")] == ("20", "18", "90.00%")
    assert rows[("total", "合计", None, "casework")] == ("90", "100", "111.11%")
    assert not any(scope == "post" for scope, *_ in rows)


def test_a_column_dividing_the_areas_stays_their_posts() -> None:
    """The same column under an unknown header, but two rows per 片区: the names divide
    the 片区, so they are its 社工点 (as before)."""
    posts = [
        ("东岭片区", "青石社区", ((120, 150), (40, 52))),
        ("东岭片区", "松涛社区", ((90, 88), (30, 30))),
    ]
    rows = _rows(note_table("服务站点", posts))
    assert rows[("post", "东岭片区", "青石社区", "registered")] == ("120", "150", "125.00%")
    assert rows[("post", "东岭片区", "松涛社区", "casework")] == ("30", "30", "100.00%")


def test_a_column_of_community_names_stays_posts() -> None:
    """One 社区 per 片区, under an unknown header: a place (it ends as a 社工点 header
    word does), not a note."""
    posts = [
        ("东岭片区", "青石社区", ((120, 150), (40, 52))),
        ("松涛片区", "金沙社区", ((90, 88), (30, 30))),
    ]
    rows = _rows(note_table("服务站点", posts))
    assert rows[("post", "松涛片区", "金沙社区", "registered")] == ("90", "88", "97.78%")


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("分片区看，桂溪片区（负责社工曾雨梓）开展个案服务143节，完成率95.33%。", "桂溪片区"),
        ("芦湾片区（负责社工陆可宇）入户探访603人次，完成率177.35%。", "芦湾片区"),
        ("东片区（含枫林、凤凰社区）开展小组服务12节。", "东片区"),
        # a note holding a figure is no aside: the lead is too long to be the 片区's
        ("东片区（2024年新设）开展小组服务12节。", None),
    ],
)
def test_a_note_after_the_area_leaves_the_figure_the_areas(text: str, area: str | None) -> None:
    after = text.index("）")
    pos = next(i for i, ch in enumerate(text) if ch.isdigit() and i > after)
    assert clause_area(text, pos) == area
