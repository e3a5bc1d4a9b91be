"""Two misreads of a score table, put to the finding guard (extractor.checks.readings): the
parties' line of scores read one column off (a cell lost: each score in its neighbour's
column, one end empty), and the 满分 column read as the scores (满分 │ 得分 taken the wrong
way round). Each must become a problem and a not-checkable figure, never a finding; a
published slip of one figure in the same tables must stay a finding. Found by mutating
the corpus's clean score tables (tests/robustness/misreads.py)."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.records import (
    Finding,
    GradeBand,
    Number,
    PartyScore,
    PartyWeight,
    Provenance,
    Report,
    Scoring,
    Text,
)
from tests.test_checks_rules import report

PARTIES = ("buyer", "monitor", "supervision_centre", "third_party")  # left to right
WEIGHTS = {"buyer": 25.0, "monitor": 10.0, "supervision_centre": 15.0, "third_party": 50.0}
# zhuyuan's 得分 line: 21.98 │ 9.13 │ 13.93 │ 47.42 │ 综合得分 92.46
LINE = {"buyer": "21.98", "monitor": "9.13", "supervision_centre": "13.93", "third_party": "47.42"}
BANDS = [
    GradeBand(grade="优秀", lower=90),
    GradeBand(grade="良好", lower=80, upper=90),
    GradeBand(grade="合格", lower=60, upper=80),
]


def _num(printed: str, col: int | None = None) -> Number:
    box = None if col is None else (150.0 + 70 * col, 620.0, 220.0 + 70 * col, 640.0)
    return Number(value=float(printed), printed=printed, prov=Provenance(page=4, bbox=box))


def _line(scores: dict[str, str], total: str, weights_source: str = "report") -> Report:
    """The parties as columns, their scores on one printed line (a party left out was not
    read: its column stays where it stands)."""
    return report(
        scoring=Scoring(
            weights=[PartyWeight(party=p, weight=w) for p, w in WEIGHTS.items()],  # type: ignore[arg-type]
            weights_source=weights_source,
            bands=BANDS,
            bands_source="report",
            party_scores=[
                PartyScore(party=p, score=_num(scores[p], PARTIES.index(p)))  # type: ignore[arg-type]
                for p in PARTIES
                if p in scores
            ],
            total=_num(total),
            grade=Text(value="优秀"),
        )
    )


def _alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def test_a_score_line_read_one_column_off_is_a_misread() -> None:
    """The total's cell of the line lost: each party's score read from its right
    neighbour's column, the total read as 第三方's — read back, every score fits."""
    shifted = {"buyer": "9.13", "monitor": "13.93", "supervision_centre": "47.42"}
    shifted["third_party"] = "92.46"
    assert _alarms(_line(shifted, "92.46")) == []
    said = [p.message for p in check_report(_line(shifted, "92.46")).problems]
    assert any("line of scores read one column off" in m for m in said), said


def test_a_score_line_with_its_last_party_unread_is_a_misread() -> None:
    """tongle's 加权得分 line: 第三方's cell empty, the other three scores one column off."""
    shifted = {"buyer": "9.13", "monitor": "13.93", "supervision_centre": "47.42"}
    assert _alarms(_line(shifted, "92.46")) == []


def test_one_score_above_its_weight_on_a_full_line_stays_a_finding() -> None:
    """A published slip: 区民政局's 9.13 printed 13.93, every other cell read as printed —
    no slot is empty and no end holds the total, so the line is not read back."""
    slip = dict(LINE, monitor="13.93")
    (f,) = [f for f in _alarms(_line(slip, "97.26")) if f.rule == "score.cap"]
    assert f.locations[0].ref == "scoring/party/monitor"
    assert "misread.score_line_shifted" in {x.code for x in f.ruled_out}


def test_a_slip_beside_an_unread_score_stays_a_finding() -> None:
    """A score not read and another printed above its weight: read one column either
    way, some party still exceeds its weight, so the slip stands."""
    slip = {"buyer": "21.98", "monitor": "13.93", "supervision_centre": "13.93"}
    (f,) = [f for f in _alarms(_line(slip, "92.46")) if f.rule == "score.cap"]
    assert f.locations[0].ref == "scoring/party/monitor"
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "still exceed" in ruled["misread.score_line_shifted"]


def test_the_full_mark_column_read_as_the_scores_is_a_misread() -> None:
    """满分 │ 得分 swapped (qingshui, pingtan): the weights then not read from the report,
    the scores whole numbers making the full 100 beside a total of 92.14."""
    marks = {"buyer": "25", "monitor": "10", "supervision_centre": "15", "third_party": "50"}
    assert _alarms(_line(marks, "92.14", weights_source="profile")) == []
    assert _alarms(_line(marks, "100", weights_source="profile")) == []  # jinxiu: 合计 too


def test_whole_scores_that_miss_the_total_stay_a_finding() -> None:
    """Scores printed as whole numbers adding to 92 beside a total of 97.50: a slip of one
    figure, not the full-mark column (which makes exactly the full scale)."""
    whole = {"buyer": "22", "monitor": "9", "supervision_centre": "14", "third_party": "47"}
    (f,) = [f for f in _alarms(_line(whole, "97.50")) if f.rule == "score.sum"]
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "full 100 points" in ruled["misread.full_marks_as_scores"]


def test_a_grade_that_misses_a_decimal_total_stays_a_finding() -> None:
    """优秀 printed beside a total of 89.22 that the parties make: the grade's slip."""
    slip = {"buyer": "20.43", "monitor": "8.33", "supervision_centre": "13.29"}
    slip["third_party"] = "47.17"
    (f,) = [f for f in _alarms(_line(slip, "89.22")) if f.rule == "grade.band"]
    assert "misread.full_marks_as_scores" in {x.code for x in f.ruled_out}


# --- a score table's lines read rotated or one column off (tests/robustness/misreads.py:
# rotations and lost cells of hongshan, tongle, xiling, fengqiao, lantian, heping,
# jingyang and yuquan's score tables) -------------------------------------------------------


def _rows(
    scores: dict[str, str],
    total: str,
    weights: dict[str, float] = WEIGHTS,
    cols: dict[str, int] | None = None,
) -> Report:
    """The parties as rows (PARTIES top to bottom), each score in the table's score
    column (3) unless `cols` puts it in another."""

    def cell(p: str) -> Number:
        col, row = (cols or {}).get(p, 3), PARTIES.index(p)
        box = (150.0 + 70 * col, 300.0 + 20 * row, 220.0 + 70 * col, 320.0 + 20 * row)
        return Number(
            value=float(scores[p]),
            printed=scores[p],
            prov=Provenance(page=3, bbox=box, text=scores[p]),
        )

    return report(
        scoring=Scoring(
            weights=[PartyWeight(party=p, weight=w) for p, w in weights.items()],  # type: ignore[arg-type]
            weights_source="report",
            bands=BANDS,
            bands_source="report",
            party_scores=[PartyScore(party=p, score=cell(p)) for p in PARTIES if p in scores],  # type: ignore[arg-type]
            total=_num(total),
            grade=Text(value="优秀" if float(total) >= 90 else "良好"),
        )
    )


def _problems(r: Report) -> str:
    return " ".join(p.message for p in check_report(r).problems)


def test_a_score_line_read_rotated_is_a_misread() -> None:
    """hongshan's 合计 line rotated: the last score read first, each other one column
    right — two parties then above their weights; read back, every one fits."""
    rotated = {"buyer": "47.42", "monitor": "21.98", "supervision_centre": "9.13"}
    rotated["third_party"] = "13.93"
    assert _alarms(_line(rotated, "92.46")) == []
    assert "in another order" in _problems(_line(rotated, "92.46"))


def test_one_score_above_its_weight_is_not_read_rotated() -> None:
    """A published slip moves one score: one party above its weight is no rotation."""
    slip = dict(LINE, monitor="13.93")
    (f,) = [f for f in _alarms(_line(slip, "97.26")) if f.rule == "score.cap"]
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "only 1 party" in ruled["misread.score_line_rotated"]


# xiling's 权重 │ 评分（百分制） │ 加权得分, weights 20 / 10 / 15 / 55
XILING = {"buyer": 20.0, "monitor": 10.0, "supervision_centre": 15.0, "third_party": 55.0}
WEIGHTED = {"buyer": "18.92", "monitor": "8.25", "supervision_centre": "12.65"}
WEIGHTED["third_party"] = "44.06"


def test_unweighted_scores_read_as_the_scores_are_a_misread() -> None:
    """The line rotated: 94.6, 82.5, 84.3, 80.1 out of 100 in the score column, the
    total 83.88 their weighted mean."""
    raw = {"buyer": "94.6", "monitor": "82.5", "supervision_centre": "84.3", "third_party": "80.1"}
    r = _rows(raw, "83.88", XILING)
    assert _alarms(r) == []
    assert "before weighting" in _problems(r)


def test_one_weighted_score_mistyped_out_of_100_stays_a_finding() -> None:
    """A published slip: 第三方's 44.06 printed 84.06 — the others stay within their
    weights, so the scores are no unweighted ones."""
    slip = dict(WEIGHTED, third_party="84.06")
    (f,) = [f for f in _alarms(_rows(slip, "83.88", XILING)) if f.rule == "score.sum"]
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "above its weight" in ruled["misread.unweighted_scores"]
    assert f.expected == "123.88"


# jingyang's 分值 │ 扣分 │ 得分, full marks 20 / 15 / 15 / 50
JINGYANG = {"buyer": 20.0, "monitor": 15.0, "supervision_centre": 15.0, "third_party": 50.0}


def test_the_points_lost_read_as_the_scores_are_a_misread() -> None:
    """The line rotated: 扣分 3.45, 2.06, 1.29, 7.79 in the score column; each party's
    full marks less them make the total 85.41."""
    lost = {"buyer": "3.45", "monitor": "2.06", "supervision_centre": "1.29", "third_party": "7.79"}
    r = _rows(lost, "85.41", JINGYANG)
    assert _alarms(r) == []
    assert "points each party lost" in _problems(r)


def test_a_total_one_point_off_stays_a_finding() -> None:
    """A published slip of the total: 16.55 + 12.94 + 13.71 + 42.21 = 85.41 printed
    86.41 — no column of the table read otherwise makes it."""
    scores = {"buyer": "16.55", "monitor": "12.94", "supervision_centre": "13.71"}
    scores["third_party"] = "42.21"
    (f,) = [f for f in _alarms(_rows(scores, "86.41", JINGYANG)) if f.rule == "score.sum"]
    codes = {x.code for x in f.ruled_out}
    assert {"misread.deductions_as_scores", "misread.unweighted_scores"} <= codes
    assert "misread.score_out_of_place" in codes


YUQUAN = {"buyer": 30.0, "monitor": 20.0, "supervision_centre": 10.0, "third_party": 40.0}
QINGTAN = {"buyer": "26.64", "monitor": "16.14", "supervision_centre": "9.35"}
QINGTAN["third_party"] = "32.48"


def test_a_score_read_from_another_column_is_a_misread() -> None:
    """yuquan's 督导方 line with a cell lost: its score read from the column left of the
    score column (the 满分's 10), the other three in the score column."""
    moved = dict(QINGTAN, supervision_centre="10")
    r = _rows(moved, "84.61", YUQUAN, cols={"supervision_centre": 2})
    assert _alarms(r) == []
    assert "supervision centre" in _problems(r) or "another column" in _problems(r)


def test_a_mistyped_score_in_its_own_cell_stays_a_finding() -> None:
    """The same figure printed in the score column (督导方's 9.35 printed 10): a slip."""
    slip = dict(QINGTAN, supervision_centre="10")
    (f,) = [f for f in _alarms(_rows(slip, "84.61", YUQUAN)) if f.rule == "score.sum"]
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "one column" in ruled["misread.score_out_of_place"]


def _table_weights(order: dict[str, float]) -> list[PartyWeight]:
    return [PartyWeight(party=p, weight=w) for p, w in order.items()]  # type: ignore[arg-type]


def test_party_columns_read_against_the_wrong_headers_are_a_misread() -> None:
    """zhuyuan's 权重 │ 得分 lines read with 购买方's and 区民政局's columns swapped: the
    table's own weights (10% │ 25%) move with the scores, the text's (25%, 10%) do not —
    with the table's, every score fits its weight (`misread.party_columns`)."""
    swapped = dict(LINE, buyer=LINE["monitor"], monitor=LINE["buyer"])
    r = _line(swapped, "92.46")
    r.scoring.table_weights = _table_weights(dict(WEIGHTS, buyer=10.0, monitor=25.0))
    assert _alarms(r) == []
    said = [p.message for p in check_report(r).problems]
    assert any("party columns read against the wrong headers" in m for m in said), said


def test_a_score_above_its_weight_in_a_table_printing_the_texts_weights_stays() -> None:
    """The same score printed for 区民政局 (21.98 of 10) where the table prints no other
    weights than the text's, or weights that are no reordering of them: a slip."""
    slip = dict(LINE, buyer="9.13", monitor="21.98")
    for table in ({}, dict(WEIGHTS, buyer=20.0, monitor=15.0)):
        r = _line(slip, "92.46")
        r.scoring.table_weights = _table_weights(table)
        (f,) = [f for f in _alarms(r) if f.rule == "score.cap"]
        assert f.locations[0].ref == "scoring/party/monitor"
        ruled = {x.code: x.text for x in f.ruled_out}
        assert "the text's in another order" in ruled["misread.party_columns"]
