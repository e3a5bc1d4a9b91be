"""Report habits read on small synthetic inputs: a watermark drawn on a diagonal in the
text layer (left out of the page's glyphs), section titles printed large with no number
over numbered sub-sections, ● bullet items, periods in dotted year and month
(2025.01—2025.12), a rate that names its own indicator after a count of another measure,
and a score matrix (dimensions × parties, a 合计 row) with a 综合评分 box."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractor.document.blocks import find_marker
from extractor.document.build import _mark_plain_titles
from extractor.document.lines import page_lines
from extractor.document.model import Block, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.nlp.figures import figures_of
from extractor.passes.assessments import _items
from extractor.passes.meta import _first_field, _period, month_range
from extractor.passes.scoring import _table_scores, _table_total
from extractor.pdf.pages import Glyph, Line, _diagonal, read_pages


def _pdf(tmp_path: Path, content: bytes) -> Path:
    """A one-page PDF (A4) drawing `content` with Helvetica as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path = tmp_path / "marked.pdf"
    path.write_bytes(bytes(out))
    return path


def test_glyphs_on_a_diagonal_are_left_out_and_upright_or_turned_text_kept(
    tmp_path: Path,
) -> None:
    content = (
        b"BT /F1 12 Tf 72 400 Td (Body line crossed by the mark) Tj ET\n"
        # a watermark turned 45 degrees, drawn across the body line
        b"BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 200 300 Tm (DRAFT) Tj ET\n"
        # text turned a quarter (a landscape table's label) is content
        b"BT /F1 12 Tf 0 1 -1 0 500 200 Tm (SIDE) Tj ET\n"
    )
    [page] = read_pages(_pdf(tmp_path, content))
    assert page.diagonal == 5
    # the turned label's glyphs stay (in stream order); the mark's are gone
    assert "".join(g.char for g in page.glyphs) == "Body line crossed by the markSIDE"
    assert page_lines(page, [])[0].text == "Body line crossed by the mark"


def test_which_baselines_are_diagonal() -> None:
    assert _diagonal(0.7071, 0.7071) and _diagonal(0.866, -0.5)  # 45°, -30°
    assert not _diagonal(1.0, 0.0) and not _diagonal(0.0, 1.0) and not _diagonal(-1.0, 0.0)
    assert not _diagonal(0.999, 0.02)  # a line set a hair off level is still a line
    assert not _diagonal(0.0, 0.0)


def _block(text: str, size: float = 12.0, kind: str = "paragraph", page: int = 2) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, size) for i, c in enumerate(text)]
    mk = find_marker(text)
    marker, mtype = mk if mk else (None, None)
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=page, glyphs=glyphs, size=size)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def test_large_unnumbered_titles_over_numbered_sections_open_sections() -> None:
    blocks = [
        _block("项目概况", 16),
        _block("（一）基本信息", 13, "heading"),
        _block("项目名称：某街社工服务站。"),
        _block("各方评估意见", 16),
        _block("（一）购买方评估意见", 13, "heading"),
        _block("工作亮点：", kind="label"),
        _block("●台账按月归档，服务记录与签到表能够相互印证。"),
        _block("●志愿者队伍稳定。"),
        _block("存在不足：", kind="label"),
        _block("●成效评估多停留在满意度层面。"),
        # large, but a table's caption (no numbered heading follows it): not a title
        _block("某街社工服务站服务指标完成情况表", 16),
        _block("说明：单位为人次。"),
        # large over a heading on the next page (a cover line): not a title
        _block("2025年1月", 16, page=2),
        _block("（二）区民政局评估意见", 13, "heading", page=3),
    ]
    _mark_plain_titles(blocks, 12.0)
    titles = [b.text for b in blocks if b.marker_type == "plain_title"]
    assert titles == ["项目概况", "各方评估意见"]
    root = build_tree(list(blocks))
    assert [(s.title, s.level) for s in root.children] == [("项目概况", 1), ("各方评估意见", 1)]
    party = root.children[1].children[0]
    assert (party.title, party.canonical, party.level) == ("购买方评估意见", "buyer", 2)
    praise, concern = party.children
    assert (praise.canonical, concern.canonical) == ("praise", "concern")
    groups = _items(praise)
    assert [o for o, _ in groups] == [None, None]  # bullets carry no ordinal
    assert [bl[0].body for _, bl in groups] == [
        "台账按月归档，服务记录与签到表能够相互印证。",
        "志愿者队伍稳定。",
    ]
    assert [bl[0].body for _, bl in _items(concern)] == ["成效评估多停留在满意度层面。"]


def test_one_large_line_alone_is_no_title() -> None:
    blocks = [_block("项目概况", 16), _block("（一）基本信息", 13, "heading"), _block("正文。")]
    _mark_plain_titles(blocks, 12.0)
    assert blocks[0].kind == "paragraph" and blocks[0].marker_type is None


def test_a_short_bullet_is_an_item_not_a_heading() -> None:
    assert find_marker("●服务成效显著") == ("●", "bullet")
    root = build_tree([_block("工作亮点：", kind="label"), _block("●服务成效显著")])
    [label] = root.children
    assert [bl[0].body for _, bl in _items(label)] == ["服务成效显著"]


def test_periods_in_dotted_year_and_month() -> None:
    assert month_range("2025.01", "2025.12") == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert month_range("2024.11", "2025.02") == (dt.date(2024, 11, 1), dt.date(2025, 2, 28))
    block = _block("本次为中期评估，评估周期为2025.01—2025.06（共6个月）。")
    period = _period(_first_field([block], "assessment_period"))
    assert period is not None
    assert (period.start, period.end, period.months, period.printed) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        6,
        "2025.01—2025.06",
    )
    contract = _period(_first_field([_block("项目周期：2024.01—2024.12。")], "contract_period"))
    assert contract is not None and (contract.start, contract.end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    # a full dotted date is a date, not a month
    full = _period(_first_field([_block("评估期为2024.01.05至2024.12.31。")], "assessment_period"))
    assert full is not None and full.start == dt.date(2024, 1, 5)


def test_a_rate_naming_its_indicator_after_a_count_of_another_measure() -> None:
    figs = figures_of("举办社区活动35场，参与居民7989人次，社区活动完成率为97.22%。")
    assert [(f.printed, f.indicator, f.measure) for f in figs] == [
        ("35场", "community_events", "count"),
        ("7989人次", "community_events", "attendances"),
        ("97.22%", "community_events", "count"),
    ]
    assert figs[1].paired_pct is None and figs[2].paired_count is None
    # a rate right after the count it completes still pairs with it
    figs = figures_of("建档 291 户，建档完成率为 140%。")
    assert (figs[1].indicator, figs[1].measure, figs[1].paired_count) == (
        "registered",
        "households",
        291.0,
    )


def _table(rows: list[list[str]], header_rows: int) -> Table:
    cells = [
        TableCell(r, c, text, 5, (c * 40.0, r * 20.0, c * 40.0 + 40, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    t = Table(cells, len(rows), len(rows[0]), header_rows, [], True, pages=[5])
    t.columns = column_paths(t)
    return t


def test_a_score_matrix_gives_the_party_scores_and_a_box_the_total() -> None:
    matrix = _table(
        [
            ["评估维度", "购买方", "区民政局", "督导中心", "第三方"],
            ["项目管理", "6.34", "2.11", "4.01", "9.33"],
            ["服务成效", "10.15", "3.38", "6.42", "14.93"],
            ["合计", "25.37", "8.44", "16.04", "37.33"],
        ],
        1,
    )
    box = _table([["综合评分", "87.18"], ["评估等级", "良好"]], 0)
    scores = _table_scores([matrix, box], profile())
    assert {p: s.score.value for p, s in scores.items()} == {
        "buyer": 25.37,
        "monitor": 8.44,
        "supervision_centre": 16.04,
        "third_party": 37.33,
    }
    total = _table_total([matrix, box], profile())
    assert total is not None and (total.value, total.printed) == (87.18, "87.18")
