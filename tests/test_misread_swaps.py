"""Two columns read against each other's headers (issue 8's misread guard), found by
swapping a corpus table's first two figure columns (tests/robustness/misreads.py):

- a score table printing only the parties' scores read with two neighbouring parties'
  columns swapped (hongshan's 表4): one party then above its weight, as a slip makes.
  Nothing else in such a report tells the two apart — a swap keeps the parties' sum, the
  total and the grade — so the swap is a plausible misread (`misread.scores_swapped`): no
  finding, a problem, the scores not checked. It is ruled out where the table prints each
  party's weight in its score's column (the columns then read as printed) and where the
  scores do not make the total (a slip of one score breaks it);
- an indicator's 协议量 read from another column of its table (shitang's 覆盖社区 count
  column swapped with 困难群众建档's 协议量): none of its rates recomputes as read, each
  does with the other column on its own line (`fragment.column_elsewhere`), so the read
  is not trusted; a rate mistyped in one row leaves the others recomputing."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.document.model import Table, TableCell
from extractor.passes.indicators import column_elsewhere
from extractor.records import (
    Cell,
    Finding,
    GradeBand,
    IndicatorRow,
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
WEIGHTS = {"buyer": 30.0, "monitor": 10.0, "supervision_centre": 20.0, "third_party": 40.0}
# hongshan's 合计 line: 25.37 │ 8.44 │ 16.04 │ 37.33, 综合评分 87.18
LINE = {"buyer": "25.37", "monitor": "8.44", "supervision_centre": "16.04", "third_party": "37.33"}
SWAPPED = dict(LINE, buyer=LINE["monitor"], monitor=LINE["buyer"])
BANDS = [
    GradeBand(grade="优秀", lower=90),
    GradeBand(grade="良好", lower=80, upper=90),
    GradeBand(grade="合格", lower=60, upper=80),
]
SCORE_TOP = 620.0


def _box(col: int, top: float = SCORE_TOP) -> tuple[float, float, float, float]:
    return (150.0 + 70 * col, top, 220.0 + 70 * col, top + 20)


def _line(scores: dict[str, str], total: str) -> Report:
    """The parties as columns, each score read from a cell of its own on one line."""
    return report(
        scoring=Scoring(
            weights=[PartyWeight(party=p, weight=w) for p, w in WEIGHTS.items()],  # type: ignore[arg-type]
            weights_source="report",
            bands=BANDS,
            bands_source="report",
            party_scores=[
                PartyScore(
                    party=p,  # type: ignore[arg-type]
                    score=Number(
                        value=float(scores[p]),
                        printed=scores[p],
                        prov=Provenance(page=5, bbox=_box(k), text=scores[p]),
                    ),
                )
                for k, p in enumerate(PARTIES)
            ],
            total=Number(value=float(total), printed=total),
            grade=Text(value="良好"),
        )
    )


def _alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def test_two_parties_scores_swapped_in_a_table_of_scores_are_a_misread() -> None:
    r = _line(SWAPPED, "87.18")
    assert _alarms(r) == []
    said = " ".join(p.message for p in check_report(r).problems)
    assert "read against each other's headers" in said, said


def test_the_swap_is_ruled_out_where_the_table_prints_the_weights_beside_the_scores() -> None:
    """The table's 权重 line, the text's weights in the same order, stands in the scores'
    columns: the columns were read as printed, so 区民政局's 25.37 of 10 is the report's."""
    r = _line(SWAPPED, "87.18")
    r.scoring.table_weights = [
        PartyWeight(
            party=p,  # type: ignore[arg-type]
            weight=w,
            prov=Provenance(page=5, bbox=_box(k, SCORE_TOP - 30), text=f"{w:g}%"),
        )
        for k, (p, w) in enumerate(WEIGHTS.items())
    ]
    (f,) = [f for f in _alarms(r) if f.rule == "score.cap"]
    assert f.locations[0].ref == "scoring/party/monitor"
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "read as printed" in ruled["misread.scores_swapped"]


def test_a_slip_above_its_weight_that_breaks_the_total_stays_a_finding() -> None:
    """区民政局's 8.44 printed 18.44 (the total as computed, 87.18): swapped with 购买方's
    low 9.37 each would fit, but a swap keeps the sum and this one does not make it."""
    slip = dict(LINE, buyer="9.37", monitor="18.44")
    r = _line(slip, "71.18")
    (f,) = [f for f in _alarms(r) if f.rule == "score.cap"]
    ruled = {x.code: x.text for x in f.ruled_out}
    assert "do not make the printed total" in ruled["misread.scores_swapped"]


def test_one_score_above_its_weight_is_no_swap() -> None:
    """区民政局's 8.44 printed 12.44, the total its sum: swapped with either neighbour,
    a party still exceeds its weight."""
    slip = dict(LINE, monitor="12.44")
    (f,) = [f for f in _alarms(_line(slip, "91.18")) if f.rule == "score.cap"]
    assert "misread.scores_swapped" in {x.code for x in f.ruled_out}


# shitang's 表3: 片区 │ 覆盖社区（个） │ 困难群众建档 › 协议量 │ 完成量 │ 完成率 (the 排名 and
# the other indicators left out)
AREAS = (("白沙片区", "5", "365", "365", "100.00%"), ("枫湾片区", "3", "295", "512", "173.56%"))
AREAS += (("莲塘片区", "5", "520", "520", "100.00%"), ("云塘片区", "5", "445", "699", "157.08%"))
AREAS += (("合计", "18", "1625", "2096", "128.98%"),)
HEADS = ("片区", "覆盖社区（个）", "协议量", "完成量", "完成率")


def _table(lines: tuple[tuple[str, ...], ...]) -> tuple[Table, list[IndicatorRow]]:
    cells = [TableCell(0, c, h, 4, _cell_box(0, c)) for c, h in enumerate(HEADS)]
    rows: list[IndicatorRow] = []
    for i, line in enumerate(lines, start=1):
        cells += [TableCell(i, c, text, 4, _cell_box(i, c)) for c, text in enumerate(line)]
        scope = "total" if line[0] == "合计" else "area"
        rows.append(
            IndicatorRow(
                table="表3",
                indicator="registered",
                measure="households",
                label="困难群众建档",
                scope=scope,
                area=None if scope == "total" else line[0],
                **{
                    part: Cell(
                        value=float(line[c].rstrip("%")),
                        printed=line[c],
                        prov=Provenance(page=4, bbox=_cell_box(i, c), text=line[c]),
                    )
                    for part, c in (("target", 2), ("done", 3), ("pct", 4))
                },
            )
        )
    columns = [(h,) for h in HEADS]
    return Table(cells, len(lines) + 1, len(HEADS), 1, columns, True, caption="表3"), rows


def _cell_box(row: int, col: int) -> tuple[float, float, float, float]:
    return (60.0 + 80 * col, 200.0 + 20 * row, 140.0 + 80 * col, 220.0 + 20 * row)


def test_a_target_read_from_the_count_column_is_doubted() -> None:
    swapped = tuple((a, t, c, d, p) for a, c, t, d, p in AREAS)
    t, rows = _table(swapped)
    said = column_elsewhere(t, rows)
    assert said is not None
    assert "覆盖社区（个）" in said.en and "困难群众建档" in said.en


def test_a_table_read_as_printed_is_not_doubted() -> None:
    t, rows = _table(AREAS)
    assert column_elsewhere(t, rows) is None


def test_one_rate_mistyped_is_no_column_read_elsewhere() -> None:
    """枫湾's 173.56% printed 183.56%: the other rows recompute as read."""
    slipped = tuple((a, c, t, d, "183.56%" if a == "枫湾片区" else p) for a, c, t, d, p in AREAS)
    t, rows = _table(slipped)
    assert column_elsewhere(t, rows) is None
