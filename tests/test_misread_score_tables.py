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
