"""Behaviours first needed by a report that names its parties by organisation, prints
letter grades with names, pairs two figures in one cell under a slash header, groups its
indicator rows under caption rows, and puts Word footnote marks after figures (the vault
family qingshui): each on a small synthetic case, and on the real parsed pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.api import extract
from extractor.document.blocks import is_contents_line
from extractor.document.build import build_document
from extractor.document.model import Table, TableCell
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.parties import named_parties
from extractor.passes.tables.pairs import split_pairs
from extractor.passes.tables.read import read_table
from extractor.pdf.marks import footnote_marks
from extractor.pdf.pages import Glyph, read_pages

QS = Path(__file__).parent.parent / "corpora" / "vault" / "qingshui"
CLEAN = QS / "qingshui_qingshui_2025_final.pdf"
GRADE_OFF = QS / "qingshui_wangjiang_2024_final.pdf"


def _table(rows: list[list[str | tuple[str, int]]], header_rows: int) -> Table:
    """Rows of cell texts; (text, colspan) spans columns to the right."""
    cells: list[TableCell] = []
    n_cols = 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            text, span = (item, 1) if isinstance(item, str) else item
            if text != "\x00":
                box = (c * 40.0, r * 20.0, (c + span) * 40.0, r * 20.0 + 20)
                cells.append(TableCell(r, c, text, 1, box, 1, span))
            c += span
        n_cols = max(n_cols, c)
    t = Table(cells, len(rows), n_cols, header_rows, [], True, caption="表1", pages=[1])
    t.columns = column_paths(t)
    return t


# 片区 as column groups 完成量/协议量 │ 完成率, the rows under caption rows spanning the table.
PAIRED = [
    ["服务指标", ("东片区", 2), ("合计", 2)],
    ["\x00", "完成量/协议量", "完成率", "完成量/协议量", "完成率"],
    [("个案服务", 5)],
    ["开案数（个）", "22/12", "183.33%", "40/30", "133.33%"],
    ["服务节数（节）", "268/150", "178.67%", "400/300", "133.33%"],
    [("小组服务", 5)],
    ["小组个数（个）", "7/6", "116.67%", "9/8", "112.50%"],
]


def test_a_slash_header_over_paired_figures_is_two_columns_in_its_order() -> None:
    t = split_pairs(_table(PAIRED, header_rows=2), frozenset())
    assert t.n_cols == 7
    assert t.columns[1] == ("东片区", "完成量") and t.columns[2] == ("东片区", "协议量")
    row = [text for _, text in sorted((c.col, c.text) for c in t.cells if c.row == 3)]
    assert row == ["开案数（个）", "22", "12", "183.33%", "40", "30", "133.33%"]


def test_rows_under_caption_rows_take_the_caption_as_their_group() -> None:
    rows = read_table(_table(PAIRED, header_rows=2), "表1", frozenset()).rows
    got = {
        (r.area, r.indicator, r.measure): (
            r.target and r.target.value,
            r.done and r.done.value,
            r.pct and r.pct.printed,
        )
        for r in rows
    }
    assert got[("东片区", "casework", "opened")] == (12, 22, "183.33%")
    assert got[("合计", "casework", "sessions")] == (300, 400, "133.33%")
    assert got[("东片区", "groups", "count")] == (6, 7, "116.67%")
    assert len(rows) == 6


def test_a_slash_header_over_single_figures_is_left_alone() -> None:
    rows = [
        ["片区", "完成量/协议量", "完成率"],
        ["东片区", "22", "100.00%"],
    ]
    t = _table(rows, header_rows=1)
    assert split_pairs(t, frozenset()) is t


def _glyph(ch: str, x0: float, top: float, size: float) -> Glyph:
    return Glyph(ch, x0, top, x0 + size * (0.5 if ch.isdigit() else 1.0), top + size)


def test_a_small_raised_digit_after_a_figure_is_a_footnote_mark() -> None:
    # "660" at 10 pt, then "3" at 5.8 pt raised (its baseline 4 pt higher): a mark.
    glyphs = [_glyph("6", 0, 100, 10), _glyph("6", 5, 100, 10), _glyph("0", 10, 100, 10)]
    glyphs.append(Glyph("3", 15, 100.3, 18, 106.1))
    sizes = [10.0, 10.0, 10.0, 5.8]
    assert footnote_marks(glyphs, sizes) == [3]
    # the same digit at full size on the baseline is part of the number
    assert footnote_marks([*glyphs[:3], _glyph("3", 15, 100, 10)], [10.0] * 4) == []
    # a small digit on the baseline (a subscript, a smaller font) is no mark
    assert footnote_marks([*glyphs[:3], Glyph("3", 15, 104.2, 18, 110)], sizes) == []


def test_footnote_marks_stay_out_of_the_figures_of_a_real_page() -> None:
    pages = read_pages(CLEAN)
    table = "".join(g.char for g in pages[4].glyphs)
    assert "1662/1280129.84%" in table  # 1280 with its mark ³ after it: not 12803
    text = "".join(g.char for g in pages[2].glyphs)
    assert "服务938节，结案" in text and "完成率为140.48%，活动" in text
    # the notes themselves, at the foot of the page, keep their numbers
    assert "1个案服务节数以个案面谈记录表为准" in text


def test_organisations_given_a_role_in_brackets_name_those_parties() -> None:
    doc = build_document(CLEAN)
    assert named_parties(doc, profile()) == {
        "澜东区民政局": "monitor",
        "清水街道办事处": "buyer",
        "澜州市社会工作协会": "supervision_centre",
        "澜州市清水社会工作评估中心": "third_party",
    }


@pytest.mark.parametrize(
    ("text", "grade", "lower", "upper"),
    [
        ("A级（优秀），90分及以上；", "优秀", "90", None),
        ("B级（良好），75分（含）至90分；", "良好", "75", "90"),
        ("D级（不合格），60分以下。", "不合格", None, "60"),
    ],
)
def test_letter_grades_with_names_open_their_bands(
    text: str, grade: str, lower: str | None, upper: str | None
) -> None:
    kind = "at_least" if upper is None else "below" if lower is None else "between"
    m = profile().pattern(f"band_{kind}_g").search(normalise(text))
    assert m is not None and m.group("grade") == grade
    assert (m.groupdict().get("lower"), m.groupdict().get("upper")) == (lower, upper)


def test_a_bracket_closing_after_a_grade_without_a_letter_opens_no_band() -> None:
    # "…评为优秀），80分…" states a score after an aside, not the band of 优秀.
    m = profile().pattern("band_at_least_g").search(normalise("（去年评为优秀），80分以上"))
    assert m is None


def test_a_report_naming_parties_by_organisation_reads_whole() -> None:
    report = extract(GRADE_OFF)
    s = report.scoring
    assert {w.party: w.weight for w in s.weights} == {
        "monitor": 15.0,
        "buyer": 25.0,
        "supervision_centre": 10.0,
        "third_party": 50.0,
    }
    assert s.grade is not None and s.grade.value == "优秀"
    assert [(b.grade, b.lower, b.upper) for b in s.bands][1] == ("良好", 75.0, 90.0)
    # the printed A级（优秀） for 85.05 is the injected error, and the only grade finding
    assert [f.rule for f in report.findings if f.rule.startswith("grade")] == ["grade.band"]
    parties = {(a.party, a.polarity) for a in report.assessment_sections}
    assert ("supervision_centre", "concern") in parties and ("third_party", "praise") in parties


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("一、项目基本情况......................................3", True),
        ("（三）澜州市社会工作协会评估意见…………………6", True),
        ("六、结语 . . . . . . . . . . 12", True),
        ("一、项目基本情况", False),
        ("共服务3个社区……等", False),
        ("完成率为123.08%", False),
    ],
)
def test_a_contents_line_is_a_dot_leader_and_a_page_number(text: str, entry: bool) -> None:
    assert is_contents_line(text) is entry


def test_contents_entries_stand_alone_and_the_heading_after_them_opens_its_section() -> None:
    doc = build_document(CLEAN)
    contents = [b for b in doc.blocks if b.page == 2 and is_contents_line(b.text)]
    assert len(contents) == 10 and all(b.kind == "paragraph" and not b.marker for b in contents)
    assert [s.canonical for s in doc.root.children][:2] == ["basic_info", "basis"]
