"""A narrative figure compared with a table the guard doubts is no finding (issue 8):
the cell it is compared with stands in a row whose own check was explained as a misread
(`misread.compared_figure`), or the table's indicator headers were read against the wrong
columns — two indicators' narrative figures each stand in another indicator's cell on the
line (`misread.indicator_columns`). A narrative slip against a table read cleanly stays a
finding: one figure with two digits swapped, or one sentence quoting another indicator's
figure while that indicator's own figure agrees with its cell. Hand-built tables; the
corpus's misread tables are pinned in tests/test_misread_mutations.py."""

from __future__ import annotations

from extractor.records import IndicatorRow, Indicators, NarrativeFigure, Provenance, Report
from tests.test_checks_rules import c, report
from tests.test_misread_readings import WORDS, alarms, explained, ruled

WORDS.update(
    compared_figure="the table figure it is compared with may be misread",
    indicator_columns="the table's indicator headers read against the wrong columns",
)
LABELS = {"casework": ("专业个案", "sessions"), "groups": ("小组服务", "sessions")}
# Each indicator's 片区 rows and 合计 (target, done, rate) as printed.
PRINTED = {
    "casework": [("一片区", "300", "274", "91.33%"), ("二片区", "300", "278", "92.67%")],
    "groups": [("一片区", "50", "66", "132.00%"), ("二片区", "50", "54", "108.00%")],
}
TOTALS = {"casework": ("600", "552", "92.00%"), "groups": ("100", "120", "120.00%")}
UNITS = {"casework": "节", "groups": "节"}


def _row(ind: str, area: str | None, target: str, done: str, pct: str) -> IndicatorRow:
    label, measure = LABELS[ind]
    return IndicatorRow(
        table="表2",
        area=area,
        scope="area" if area else "total",
        indicator=ind,
        label=label,
        measure=measure,
        target=c(target),
        done=c(done),
        pct=c(pct),
    )


def _table(totals: dict[str, tuple[str, str, str]], under: dict[str, str] | None = None) -> Report:
    """The two indicators' rows, their 合计 as `totals` has them read; `under` reads an
    indicator's figures under another's header."""
    read = under or {}
    rows = [_row(ind, *line) for ind in PRINTED for line in PRINTED[read.get(ind, ind)]]
    rows += [_row(ind, None, *totals[read.get(ind, ind)]) for ind in PRINTED]
    return report(indicators=Indicators(rows=rows))


def _said(ind: str, printed: str) -> NarrativeFigure:
    """The station's done figure of `ind`, stated in a sentence of its own."""
    label, measure = LABELS[ind]
    return NarrativeFigure(
        indicator=ind,
        measure=measure,
        kind="done",
        value=float(printed.rstrip(UNITS[ind])),
        printed=printed,
        sentence=f"全年开展{label} {printed}。",
        prov=Provenance(page=12, bbox=(5, 6, 7, 8)),
    )


def _with(r: Report, *figures: NarrativeFigure) -> Report:
    r.indicators.narrative = list(figures)
    return r


def test_a_narrative_figure_against_a_total_line_read_off_is_no_finding() -> None:
    # the 合计 line read from other columns: every sum fails (rows unread, a misread),
    # and the narrative's 552 is then compared with a misread cell
    off = {"casework": ("1000", "900", "90.00%"), "groups": ("160", "200", "125.00%")}
    r = _with(_table(off), _said("casework", "552节"))
    explained(r, "narrative/casework/sessions/done", "compared_figure")


def test_a_narrative_slip_against_a_clean_table_stays_a_finding() -> None:
    r = _with(_table(TOTALS), _said("casework", "525节"), _said("groups", "120节"))
    (f,) = alarms(r)
    assert f.rule == "narrative.table" and f.severity == "error"  # two digits swapped
    assert "no misread was found in the row of the table figure 552" in ruled(
        f, "misread.compared_figure"
    )
    assert "no other indicator on the table's line prints 525节" in ruled(
        f, "misread.indicator_columns"
    )


def test_two_indicators_read_under_each_others_headers_are_no_finding() -> None:
    # casework's and groups' columns swapped (every row: the sums and rates still hold),
    # so each narrative figure is the other's cell
    swapped = _table(TOTALS, {"casework": "groups", "groups": "casework"})
    r = _with(swapped, _said("casework", "552节"), _said("groups", "120节"))
    explained(r, "narrative/casework/sessions/done", "indicator_columns")
    explained(r, "narrative/groups/sessions/done", "indicator_columns")


def test_a_sentence_quoting_another_indicators_figure_stays_a_finding() -> None:
    # the casework sentence states groups' 120 while groups' own sentence agrees with its
    # cell: one slip in the text, the table read right
    r = _with(_table(TOTALS), _said("casework", "120节"), _said("groups", "120节"))
    (f,) = alarms(r)
    assert f.rule == "narrative.table" and f.locations[0].ref == "narrative/casework/sessions/done"
    assert "own figures in the text agree with its cells" in ruled(f, "misread.indicator_columns")
