"""Two figures read as one, put to the finding guard (extractor.checks.readings,
`misread.run_together`): a draft exported with Word's tracked changes shown prints a
corrected figure struck through right before the inserted one, and a reader that keeps
the struck digits reads both as one count (a struck 175 and an inserted 173 as 175173).
The 合计's sum and the row's rate then fail; neither may be a finding. A published slip
(a 合计 ten over, a digit added) must stay one."""

from __future__ import annotations

from extractor.checks import check_report
from tests.test_misread_lines_and_groups import LINES, _alarms, _table

DONE = "indicators/附件1/合计/casework/sessions/done"
PCT = "indicators/附件1/二片区/casework/sessions/pct"


def _said(r: object, ref: str) -> list[str]:
    return [p.message for p in check_report(r).problems if ref in p.message]  # type: ignore[arg-type]


def test_a_struck_and_an_inserted_figure_read_as_one_are_no_finding() -> None:
    # 二片区's 完成量 printed as ~~175~~173, the rate cell lost with it
    r = _table(dict(LINES, 二片区=(("180", "175173", ""), LINES["二片区"][1])))
    assert _alarms(r) == []
    said = _said(r, DONE)
    assert said and "two figures read as one" in said[0] and "173" in said[0], said
    # the rate kept: it fails as read, and the same reading explains it
    r = _table(dict(LINES, 二片区=(("180", "175173", "96.11%"), LINES["二片区"][1])))
    assert _alarms(r) == []
    assert _said(r, PCT) and _said(r, DONE)


def test_a_total_ten_over_or_a_digit_added_stays_a_finding() -> None:
    # the 合计 printed ten over: no count of the table is two figures run together
    total = (("600", "562", "93.67%"), LINES["合计"][1])
    (f,) = _alarms(_table(dict(LINES, 合计=total)))
    assert f.locations[0].ref == DONE
    assert "misread.run_together" not in {x.code for x in f.ruled_out}
    # a digit added to a 片区's count (1173 for 173): its halves are no figures of its scale
    alarms = _alarms(_table(dict(LINES, 二片区=(("180", "1173", "96.11%"), LINES["二片区"][1]))))
    assert {f.locations[0].ref for f in alarms} == {DONE, PCT}


def test_run_together_figures_that_do_not_mend_the_sum_stay_a_finding() -> None:
    # the halves are of the row's scale but neither makes the 合计 add up
    alarms = _alarms(_table(dict(LINES, 二片区=(("180", "150160", ""), LINES["二片区"][1]))))
    (f,) = alarms
    assert f.locations[0].ref == DONE
    tried = [x.text for x in f.ruled_out if x.code == "misread.run_together"]
    assert tried and all("still inconsistent" in t for t in tried)
