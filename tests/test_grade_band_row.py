"""The grade printed only as the ROW of the bands table that holds this period's score
(表5 评估等级对照: 等级 │ 分数区间 │ 本期结果, 本期得分88.20分 in one row's 本期结果 cell,
no sentence naming the grade): the grade is that row's, whatever its band says, so a score
put in the wrong band's row is found by the checker as a grade/band disagreement. A band
table alone defines bands and gives no grade; a result column filled in two rows, or a
figure that is not the total, gives none either. Synthetic sections and tables."""

from __future__ import annotations

from extractor.document.model import Document, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import extract_scoring
from tests.test_continued_and_bracketed import _doc, _para

BANDS = [
    ("优秀", "90分（含）以上"),
    ("良好", "80分（含）至90分"),
    ("合格", "60分（含）至80分"),
    ("不合格", "60分以下"),
]


def _bands_table(results: dict[str, str]) -> Table:
    rows = [("等级", "分数区间", "本期结果")] + [(g, r, results.get(g, "")) for g, r in BANDS]
    cells = [
        TableCell(r, c, text, 6, (c * 80.0, 300 + r * 20.0, (c + 1) * 80.0, 320 + r * 20.0), 1, 1)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    ]
    return Table(cells, len(rows), 3, 1, [], True, caption="表5 评估等级对照", pages=[6])


def _report(results: dict[str, str], total: str = "84.44") -> Document:
    doc = _doc(
        [
            _para("五、评估得分与等级", "heading"),
            _para(f"经汇总，本期综合得分为{total}分，评估等级对照见表5。"),
        ]
    )
    table = _bands_table(results)
    (sec,) = [s for s in doc.root.walk() if s.heading is not None and "五、" in s.heading.text]
    sec.items.append(table)
    doc.tables.append(table)
    return doc


def test_the_grade_is_the_band_row_holding_this_periods_score() -> None:
    got = extract_scoring(_report({"良好": "本期得分84.44分"}), profile())
    assert got.bands_source == "report"
    assert got.total is not None and got.total.printed == "84.44"
    assert got.grade is not None and got.grade.value == "良好"
    assert got.grade.prov is not None and got.grade.prov.page == 6


def test_a_score_in_the_wrong_bands_row_keeps_that_rows_grade() -> None:
    """88.20 put in the 优秀 row while the bands say 良好: the grade as printed is 优秀
    (the checker's grade.band finds the disagreement), never corrected into 良好."""
    got = extract_scoring(_report({"优秀": "本期得分88.20分"}, total="88.20"), profile())
    assert got.grade is not None and got.grade.value == "优秀"


def test_a_bands_table_alone_gives_no_grade() -> None:
    assert extract_scoring(_report({}), profile()).grade is None


def test_a_result_in_two_rows_gives_no_grade() -> None:
    got = extract_scoring(_report({"优秀": "84.44", "良好": "本期得分84.44分"}), profile())
    assert got.grade is None


def test_a_figure_that_is_not_the_total_gives_no_grade() -> None:
    """The row's figure is another period's (or a misread): which row is this period's
    is then unsure."""
    got = extract_scoring(_report({"良好": "上期得分83.10分"}), profile())
    assert got.grade is None
