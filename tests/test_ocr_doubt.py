"""The checker on OCR reports: an error that another reading of a doubtful character
explains is a problem, not a finding; one that none explains becomes a warning naming
the doubtful characters; errors on confident figures, and every finding of a text-layer
report, stay as they are."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.records import (
    GradeBand,
    Number,
    OcrSource,
    PartyScore,
    PartyWeight,
    Provenance,
    Report,
    Scoring,
    Source,
    Text,
)

BANDS = [
    GradeBand(grade="优秀", lower=90),
    GradeBand(grade="良好", lower=80, upper=90),
    GradeBand(grade="合格", lower=60, upper=80),
    GradeBand(grade="不合格", upper=60),
]
WEIGHTS = [
    PartyWeight(party="monitor", weight=10),
    PartyWeight(party="buyer", weight=20),
    PartyWeight(party="supervision_centre", weight=15),
    PartyWeight(party="third_party", weight=55),
]


def _n(printed: str, y: float, doubtful: list[int] | None, conf: float | None) -> Number:
    prov = Provenance(
        page=20,
        bbox=(100.0, y, 140.0, y + 12),
        text=f"{printed}分",
        confidence=conf,
        doubtful=doubtful,
    )
    return Number(value=float(printed), printed=printed, prov=prov)


def _report(third: str, doubtful: list[int] | None, ocr: bool = True) -> Report:
    conf = (0.55 if doubtful else 0.99) if ocr else None
    marks = doubtful if ocr else None
    sure = [] if ocr else None
    ok = 0.99 if ocr else None
    scores = [
        ("monitor", _n("8.20", 100, sure, ok)),
        ("buyer", _n("20.00", 120, sure, ok)),
        ("supervision_centre", _n("12.90", 140, sure, ok)),
        ("third_party", _n(third, 160, marks, conf)),
    ]
    return Report(
        source=Source(
            file="scan.pdf", ocr=OcrSource(engine="rapidocr 3.10.0", pages=[20]) if ocr else None
        ),
        scoring=Scoring(
            weights=WEIGHTS,
            bands=BANDS,
            party_scores=[PartyScore(party=p, score=s) for p, s in scores],  # type: ignore[arg-type]
            total=_n("86.75", 180, sure, ok),
            grade=Text(value="良好"),
        ),
    )


def _sum_finding(report: Report) -> list[str]:
    result = check_report(report)
    return [f.severity for f in result.findings if f.rule == "score.sum"]


def test_a_doubtful_digit_whose_other_reading_fits_is_a_problem_not_a_finding() -> None:
    """45.65 read as 45.55 with the 5 doubtful: read 45.65 the sum agrees, so the sum is
    not checkable and the record says why; there is no finding."""
    result = check_report(_report("45.55", doubtful=[3]))
    assert _sum_finding(_report("45.55", doubtful=[3])) == []
    (problem,) = result.problems
    assert problem.code == "problem.misread_explains" and "scoring/total" in problem.message
    assert "'45.55' the OCR engine was unsure of read as another digit: 45.65" in problem.message
    assert "识别存疑" in problem.message_zh and "45.65" in problem.message_zh
    cov = {c.rule: c for c in result.coverage}["score.sum"]
    assert (cov.flagged, cov.run) == (0, 0) and cov.skipped[0].message == "skip.misread"


def test_confident_misfit_stays_an_error() -> None:
    assert _sum_finding(_report("45.55", doubtful=[])) == ["error"]


def test_text_layer_report_is_untouched() -> None:
    assert _sum_finding(_report("45.55", doubtful=None, ocr=False)) == ["error"]


def test_doubt_without_a_fitting_reading_is_still_a_warning() -> None:
    """The doubtful character is the 4: no digit there makes 40 points up."""
    report = _report("45.55", doubtful=[0])
    report.scoring.total = _n("96.75", 180, [], 0.99)
    (f,) = [f for f in check_report(report).findings if f.rule == "score.sum"]
    assert f.severity == "warning"
    assert f.cause is not None and "'4'" in f.cause
    tried = [x.params["reading"] for x in f.ruled_out if x.code == "misread.ocr_digit"]
    assert tried == [f"{d}5.55" for d in "012356789"]  # every other digit for the 4
