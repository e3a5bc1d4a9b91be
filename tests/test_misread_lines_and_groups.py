"""Two misreads of a whole line or column group, put to the finding guard
(extractor.checks.readings): a printed line whose figures were read one column off (a cell
lost while reading it), and an indicator group whose 协议量/完成量 columns were taken the
wrong way round in every row. Each must become a problem and a not-checkable figure,
never a finding; a published slip of one figure in the same tables must stay a finding.
Found by mutating the corpus's clean tables (each line shifted, two columns swapped)."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.records import Cell, Finding, IndicatorRow, Indicators, Provenance, Report
from tests.test_checks_rules import report

GROUPS = (("casework", "专业个案", "sessions"), ("groups", "小组活动", "count"))
# 片区 → (target, done, rate) of each group, printed left to right on one line
LINES = {
    "一片区": (("300", "274", "91.33%"), ("40", "44", "110.00%")),
    "二片区": (("180", "173", "96.11%"), ("30", "27", "90.00%")),
    "三片区": (("120", "105", "87.50%"), ("20", "21", "105.00%")),
    "合计": (("600", "552", "92.00%"), ("90", "92", "102.22%")),
}


def _cell(printed: str, line: int, col: int) -> Cell:
    top = 100.0 + 20 * line
    value = None if not printed else float(printed.rstrip("%"))
    box = (60.0 + 50 * col, top, 100.0 + 50 * col, top + 14)
    return Cell(printed=printed, value=value, prov=Provenance(page=4, bbox=box, text=printed))


def _table(lines: dict[str, tuple[tuple[str, str, str], ...]]) -> Report:
    rows: list[IndicatorRow] = []
    for k, (area, groups) in enumerate(lines.items()):
        for g, ((ind, label, measure), figs) in enumerate(zip(GROUPS, groups, strict=True)):
            t, d, p = (_cell(x, k, 3 * g + i) for i, x in enumerate(figs))
            rows.append(
                IndicatorRow(
                    table="附件1",
                    area=area,
                    indicator=ind,
                    label=label,
                    measure=measure,
                    target=t if t.printed else None,
                    done=d if d.printed else None,
                    pct=p if p.printed else None,
                )
            )
    return report(indicators=Indicators(rows=rows))


def _alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def _explained_by(r: Report, code: str) -> list[str]:
    """The problems of findings a reading explained (`code` named for the reader)."""
    return [p.message for p in check_report(r).problems if p.code == "problem.misread_explains"]


def test_the_clean_table_raises_nothing() -> None:
    assert _alarms(_table(LINES)) == []


def test_a_line_read_one_column_off_is_a_misread_not_a_finding() -> None:
    # 二片区's first figure lost while reading: each figure in its left neighbour's column
    figs = [x for g in LINES["二片区"] for x in g]
    shifted = (*figs[1:], "")
    lines = dict(LINES, 二片区=(tuple(shifted[:3]), tuple(shifted[3:])))
    r = _table(lines)
    assert _alarms(r) == []
    said = _explained_by(r, "misread.line_shifted")
    rate = [m for m in said if "二片区/casework/sessions/pct" in m]
    assert rate and "read one column off" in rate[0], said


def test_a_published_slip_on_a_line_stays_a_finding() -> None:
    lines = dict(LINES, 二片区=(("180", "173", "96.11%"), ("30", "27", "91.00%")))
    (f,) = _alarms(_table(lines))
    assert f.locations[0].ref == "indicators/附件1/二片区/groups/count/pct"
    assert "misread.line_shifted" not in {x.code for x in f.ruled_out}  # one rate fails


def test_a_group_with_its_two_columns_swapped_everywhere_is_a_misread() -> None:
    lines = {a: ((g[0][1], g[0][0], g[0][2]), g[1]) for a, g in LINES.items()}
    r = _table(lines)
    assert _alarms(r) == []
    said = _explained_by(r, "misread.group_swapped")
    assert said and all("swapped in every row" in m for m in said), said


def test_one_row_of_a_group_swapped_is_not_explained_by_swapping_the_group() -> None:
    lines = dict(LINES, 三片区=(("105", "120", "87.50%"), ("20", "21", "105.00%")))
    found = _alarms(_table(lines))
    assert found, "one row's swap is not a whole group's"
    rates = [f for f in found if f.rule == "pct.row"]
    assert [f.locations[0].ref for f in rates] == ["indicators/附件1/三片区/casework/sessions/pct"]
    ruled = {x.code: x.text for x in rates[0].ruled_out}
    assert "still inconsistent" in ruled["misread.group_swapped"]


def test_a_slip_on_a_full_line_is_no_shift_even_where_a_shift_would_fit() -> None:
    """三片区 met its 小组活动 target exactly (20 of 20) and its done figure is misprinted
    30: read one column back, the done slot would take the target's 20 and the sums would
    hold — but that reading drops a figure that was read, so it is no lost cell undone."""
    lines = dict(LINES)
    lines["三片区"] = (("120", "105", "87.50%"), ("20", "30", "100.00%"))
    lines["合计"] = (("600", "552", "92.00%"), ("90", "91", "101.11%"))
    lines["一片区"] = (("300", "274", "91.33%"), ("40", "44", "110.00%"))
    lines["二片区"] = (("180", "173", "96.11%"), ("30", "27", "90.00%"))
    found = _alarms(_table(lines))
    refs = {f.locations[0].ref for f in found}
    assert "indicators/附件1/三片区/groups/count/pct" in refs
    for f in found:
        assert "misread.line_shifted" not in {x.code for x in f.ruled_out}


def _scores(weights: dict[str, float], scores: dict[str, str], total: str) -> Report:
    from extractor.records import Number, PartyScore, PartyWeight, Scoring, Text

    def num(printed: str) -> Number:
        return Number(value=float(printed), printed=printed, prov=Provenance(page=5))

    return report(
        scoring=Scoring(
            weights=[PartyWeight(party=p, weight=w) for p, w in weights.items()],  # type: ignore[arg-type]
            weights_source="report",
            party_scores=[PartyScore(party=p, score=num(s)) for p, s in scores.items()],  # type: ignore[arg-type]
            total=num(total),
            grade=Text(value="良好"),
        )
    )


WEIGHTS = {"buyer": 25.0, "monitor": 15.0, "supervision_centre": 20.0, "third_party": 40.0}
SCORES = {
    "buyer": "21.12",
    "monitor": "13.50",
    "supervision_centre": "17.80",
    "third_party": "34.75",
}


def test_a_score_table_read_the_wrong_way_round_is_a_misread() -> None:
    """权重 │ 得分 read as 得分 │ 权重: every party 'above its weight', the total not the
    parties' sum — one misread, no finding."""
    swapped = _scores(
        {p: float(s) for p, s in SCORES.items()},
        {p: f"{w:g}" for p, w in WEIGHTS.items()},
        "87.17",
    )
    assert _alarms(swapped) == []
    said = _explained_by(swapped, "misread.score_columns_swapped")
    assert said and all("read the wrong way round" in m for m in said), said


def test_one_score_above_its_weight_stays_a_finding() -> None:
    slip = _scores(WEIGHTS, dict(SCORES, buyer="26.12"), "92.17")
    (f,) = [f for f in _alarms(slip) if f.rule == "score.cap"]
    assert f.locations[0].ref == "scoring/party/buyer"
    assert "misread.score_columns_swapped" in {x.code for x in f.ruled_out}
