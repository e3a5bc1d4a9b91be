"""The misread guard for findings (extractor.checks.misreads / readings): a finding that
another reading of its figures explains becomes a problem and a not-checkable figure;
one that no reading explains lists the readings it ruled out, with why."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extractor.checks import check_report
from extractor.pipeline import build_report
from extractor.records import (
    Finding,
    GradeBand,
    IndicatorRow,
    Meta,
    Provenance,
    Report,
    RosterTotals,
    Text,
)
from tests.test_checks_rules import (
    c,
    fig,
    n,
    report,
    roster,
    row,
    scoring,
    seed_table,
    staffing,
)

SEED = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "xicun_2024_final.pdf"


def alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def codes(f: Finding) -> set[str]:
    return {x.code for x in f.ruled_out}


WORDS = {  # what the problem says of each reading, in English
    "separator": "the separator in",
    "decimal_point": "the decimal point of",
    "columns_swapped": "the target and done columns of",
    "neighbour_row": "the rate belongs to the neighbouring row",
    "neighbour_column": "the rate belongs to the neighbouring column group",
    "other_base": "the rate taken over the total's target",
    "row_twice": "rows added up read twice",
    "row_missed": "a row missed",
    "rows_unread": "rows missing from the read or read under another group",
    "table_figure": "the table figure it repeats may be misread",
    "other_quantity": "the figure counts another quantity than the cell",
    "total_columns_swapped": "the row's target and done columns swapped",
    "party_outside": "the total leaving out one of the parties",
    "band_edge": "a band edge's",
    "scale_figure": "read from a band edge or the maximum the report prints",
    "other_cell": "the figure refers to another indicator or area",
    "target_cell": "the figure is the target",
    "area_scope": "read as the whole station's",
    "months": "the period counted as 9 months",
    "rows_swapped": "the subtotal swapped with the neighbouring person's",
    "roster_columns_swapped": "the on-post and two-years-plus columns swapped",
    "months_swapped": "the cells of two neighbouring months",
    "rounded_whole": "rounded to a whole number",
    "period_counts": "the period counted by calendar months or by whole months",
}


def explained(r: Report, ref: str, code: str) -> None:
    """`ref` is not a finding but a problem naming the reading `code`, and not checkable."""
    res = check_report(r)
    assert ref not in {f.locations[0].ref for f in res.findings if f.severity != "info"}
    problems = [p for p in res.problems if ref in p.message]
    assert problems and problems[0].code == "problem.misread_explains"
    assert WORDS[code] in problems[0].message, problems[0].message
    assert "读错" in problems[0].message_zh and ref in problems[0].message_zh
    skipped = [s for cov in res.coverage for s in cov.skipped if s.message == "skip.misread"]
    assert ref in {s.ref for s in skipped}


def ruled(f: Finding, code: str) -> str:
    """The English text of the ruled-out reading `code` (it must be there, in both
    languages)."""
    (x,) = [x for x in f.ruled_out if x.code == code]
    assert x.text and x.text_zh
    return x.text


# --- rates ------------------------------------------------------------------------------


def test_a_rate_that_recomputes_with_a_thousands_separator_read_as_such_is_a_misread() -> None:
    r = report()
    r.indicators.rows = [row(None, "1.200", "1100", "91.67%")]  # "1.200" read as 1.2
    explained(r, "indicators/附件1-1/station/casework/sessions/pct", "separator")


def test_a_rate_whose_decimal_point_ocr_lost_is_a_misread() -> None:
    r = seed_table()
    pct = r.indicators.rows[0].pct
    assert pct is not None
    pct.printed, pct.value = "9133%", 9133.0
    pct.prov = Provenance(page=9, bbox=(1, 2, 3, 4), text="9133%", confidence=0.93)
    explained(r, "indicators/附件1-1/一片区/casework/sessions/pct", "decimal_point")


def test_swapped_columns_explain_a_lone_row_but_not_a_table_that_reads_right() -> None:
    lone = report()
    lone.indicators.rows = [row(None, "120", "100", "120.00%")]
    explained(lone, "indicators/附件1-1/station/casework/sessions/pct", "columns_swapped")
    r = seed_table()
    r.indicators.rows[0].pct = c("109.49%")  # 300 / 274: this row only (3 others agree)
    (f,) = alarms(r)
    assert "3 other rows of the table recompute" in ruled(f, "misread.columns_swapped")
    assert ruled(f, "misread.precision").startswith("rounding or truncating")
    assert "274 ÷ 300 = 91.33333%" in ruled(f, "misread.precision")
    assert codes(f) >= {"misread.neighbour_row", "misread.other_base", "misread.characters"}


def test_a_rate_of_the_neighbouring_row_or_over_another_base_is_a_misread() -> None:
    r = seed_table()
    r.indicators.rows[0].pct = c("96.11%")  # 二片区's 173 / 180
    explained(r, "indicators/附件1-1/一片区/casework/sessions/pct", "neighbour_row")
    r = seed_table()
    r.indicators.rows[0].pct = c("45.67%")  # 274 / 600, the 合计's target
    explained(r, "indicators/附件1-1/一片区/casework/sessions/pct", "other_base")


def test_a_rate_of_the_neighbouring_column_group_is_a_misread() -> None:
    r = seed_table()
    closed = row("一片区", "70", "79", "112.86%", ind="casework")
    closed.measure = "closed"
    r.indicators.rows.insert(1, closed)
    r.indicators.rows[0].pct = c("112.86%")
    explained(r, "indicators/附件1-1/一片区/casework/sessions/pct", "neighbour_column")


# --- sums -------------------------------------------------------------------------------


def test_a_row_read_twice_or_missed_explains_a_sum() -> None:
    r = seed_table()
    r.indicators.rows.insert(1, r.indicators.rows[0].model_copy(deep=True))
    explained(r, "indicators/附件1-1/合计/casework/sessions/done", "row_twice")
    r = seed_table()
    other = [row(a, "10", "10", "100.00%", ind="groups") for a in ("一片区", "二片区", "三片区")]
    r.indicators.rows = [r.indicators.rows[i] for i in (0, 1, 3)] + other
    explained(r, "indicators/附件1-1/合计/casework/sessions/done", "row_missed")


def test_a_total_row_with_its_columns_swapped_is_a_misread() -> None:
    r = seed_table()
    total = r.indicators.rows[3]
    total.target, total.done, total.pct = c("552"), c("600"), c("108.70%")
    explained(r, "indicators/附件1-1/合计/casework/sessions/target", "total_columns_swapped")


def test_a_total_of_the_posts_is_another_scope() -> None:
    rows: list[IndicatorRow] = []
    for area, posts in (("一片区", ("甲", "乙")), ("二片区", ("丙",))):
        for p in posts:
            post = row(area, "10", "10", "100.00%")
            post.post, post.scope = p, "post"
            rows.append(post)
        sub = row(area, "20" if len(posts) == 2 else "10", "20", "100.00%")
        sub.scope = "area"
        rows.append(sub)
    rows.append(row("合计", "30", "30", "100.00%"))
    rows[-1].scope = "total"
    rows[-2].done, rows[-2].target = c("11"), c("11")  # a 小计 off by one: 合计 = Σ 社工点
    r = report()
    r.indicators.rows = rows
    res = check_report(r)
    refs = {f.locations[0].ref for f in res.findings if f.severity == "error"}
    assert "indicators/附件1-1/二片区/casework/sessions/done" in refs  # the 小计 stands
    assert "indicators/附件1-1/合计/casework/sessions/done" not in refs
    assert any("合计/casework/sessions/done" in p.message for p in res.problems)


def test_a_sum_no_reading_explains_lists_them() -> None:
    (f,) = alarms(seed_table(total_done="562", total_pct="93.67%"))
    assert f.rule == "sum.area_total"
    assert ruled(f, "misread.row_twice").endswith("each of the 3 rows added up was read once")
    assert "every row the table's other indicators list is in the sum" in ruled(
        f, "misread.row_missed"
    )
    assert codes(f) >= {"misread.total_columns_swapped", "misread.characters"}
    assert "text layer" in ruled(f, "misread.characters")


# --- rows missing from a parsed table's read ------------------------------------------------

# A clean report whose 表1 lists 社工点 under four 片区 (each closed by its 小计) and a 合计,
# for three indicators; its narrative restates the 合计's done counts.
POSTS = Path(__file__).resolve().parents[1] / "corpora/families/qiaoxin/qiaoxin_jinwan_2023_mid.pdf"


@cache
def _posts() -> Report:
    from extractor.document.build import build_document

    return build_report(build_document(POSTS))


def posts_table() -> Report:
    r = _posts().model_copy(deep=True)
    assert not alarms(r) and {x.scope for x in r.indicators.rows} == {"post", "area", "total"}
    return r


def _post_names(r: Report, area: str) -> list[str]:
    names = [x.post for x in r.indicators.rows if x.scope == "post" and x.area == area]
    return list(dict.fromkeys(n for n in names if n is not None))


def _sum_refs(r: Report, where: str) -> set[str]:
    return {
        f"indicators/表1/{where}/{ind}/{measure}/{part}"
        for ind, measure in {(x.indicator, x.measure) for x in r.indicators.rows}
        for part in ("target", "done")
    }


def test_posts_dropped_from_a_parsed_table_are_rows_unread_not_errors() -> None:
    r = posts_table()
    lost = _post_names(r, "一片区")[-2:]  # the 片区's last two 社工点 fall on a page not read
    r.indicators.rows = [x for x in r.indicators.rows if x.post not in lost]
    assert not alarms(r)
    for ref in _sum_refs(r, "一片区"):  # every column of the 小计: 6 of 6 figures differ
        explained(r, ref, "rows_unread")
    (p, *_) = [p for p in check_report(r).problems if "一片区" in p.message]
    assert "6 of this row's 6 target and done figures differ" in p.message
    assert "此行 6 个协议量与完成量中有 6 个" in p.message_zh


def test_a_whole_area_missing_from_the_read_and_the_narrative_echoing_the_total() -> None:
    r = posts_table()
    r.indicators.rows = [x for x in r.indicators.rows if x.area != "四片区"]
    res = check_report(r)
    assert not [f for f in res.findings if f.severity in ("error", "warning")]
    for ref in _sum_refs(r, "合计"):
        explained(r, ref, "rows_unread")
    # the narrative's 897户, 57个, 二十九个 repeat the 合计 cells: not errors either, they
    # stand or fall with the table figure they echo
    echoes = [p for p in res.problems if p.message.split(": ", 1)[1].startswith("narrative/")]
    assert len(echoes) == 3
    assert all(WORDS["table_figure"] in p.message for p in echoes)
    assert all(WORDS["rows_unread"] in p.message for p in echoes)


def test_posts_read_under_the_wrong_area_are_rows_unread() -> None:
    r = posts_table()
    moved = _post_names(r, "二片区")[0]  # its 片区 cell merged over the rows: label lost
    for x in r.indicators.rows:
        if x.post == moved:
            x.area = "一片区"
    assert not alarms(r)
    for ref in _sum_refs(r, "一片区") | _sum_refs(r, "二片区"):
        explained(r, ref, "rows_unread")


def test_a_single_wrong_total_cell_stands_and_rules_out_rows_unread() -> None:
    r = posts_table()
    (total,) = [x for x in r.indicators.rows if x.scope == "total" and x.indicator == "registered"]
    assert total.done is not None and total.done.value is not None
    value = int(total.done.value) + 10
    total.done = total.done.model_copy(update={"printed": str(value), "value": float(value)})
    (f,) = [x for x in alarms(r) if x.rule == "sum.area_total"]
    assert f.locations[0].ref == "indicators/表1/合计/registered/households/done"
    assert f.printed == str(value)
    assert ruled(f, "misread.rows_unread").endswith(
        "only 1 of this row's 6 target and done figures differ"
        " (a row missing from the read moves every indicator's)"
    )


def test_a_slip_in_every_column_of_one_indicator_is_not_rows_unread() -> None:
    r = posts_table()
    sub = [x for x in r.indicators.rows if x.scope == "area" and x.area == "三片区"]
    for x in sub[:1]:  # one indicator's 小计 off in both its columns: a slip of that row
        for part in ("target", "done"):
            cell = getattr(x, part)
            setattr(x, part, cell.model_copy(update={"value": cell.value + 1}))
    found = [f for f in alarms(r) if f.rule == "sum.area_total"]
    assert len(found) == 2
    assert all("only 2 of this row's 6" in ruled(f, "misread.rows_unread") for f in found)


# --- scores -----------------------------------------------------------------------------


def test_a_total_that_leaves_out_a_party_is_a_misread_and_other_sums_list_the_readings() -> None:
    explained(scoring("66.75", "合格"), "scoring/total", "party_outside")
    (f,) = [x for x in alarms(scoring("88.25", "良好")) if x.rule == "score.sum"]
    assert codes(f) == {
        "misread.accumulated",
        "misread.party_twice",
        "misread.party_outside",
        "misread.scale_figure",
        "misread.full_marks_as_scores",
        "misread.total_as_party",
        "misread.unweighted_scores",
        "misread.score_out_of_place",
        "misread.characters",
    }
    assert "each of the 4 parties' scores was read once" in ruled(f, "misread.party_twice")
    assert "the total 88.25 is no whole-number band edge" in ruled(f, "misread.scale_figure")


def test_a_total_read_from_a_band_edge_of_the_reports_own_bands_is_a_misread() -> None:
    """A total read from the bands sentence "综合得分90分（含）以上为优秀": a
    whole-number edge of the bands the report prints, beside parties scored to decimals
    (8.20 + 20.00 + 12.90 + 45.65 = 86.75), is a misread of the source, not an error."""
    r = scoring("90", "良好")
    r.scoring.bands_source = "report"
    explained(r, "scoring/total", "scale_figure")
    # The same 90 with no bands of the report's own, or printed as a score (90.00): it
    # stands, and says why the reading does not hold.
    for bands_source, printed, expected in ((None, "90", "87"), ("report", "90.00", "86.75")):
        r = scoring(printed, "良好")
        r.scoring.bands_source = bands_source  # type: ignore[assignment]
        (f,) = [x for x in alarms(r) if x.rule == "score.sum"]
        assert (f.printed, f.expected) == (printed, expected)
        assert f"the total {printed} is no whole-number band edge" in ruled(
            f, "misread.scale_figure"
        )


def test_a_total_on_a_band_edge_is_a_misread_of_the_edge() -> None:
    r = scoring("86.75", "良好")
    r.scoring.party_scores[1].score = n("23.25", 23.25)
    r.scoring.total = n("90.00", 90)
    r.scoring.bands = [
        GradeBand(grade="优秀", lower=90, lower_inclusive=False),
        GradeBand(grade="良好", lower=80, upper=90, upper_inclusive=True),
        GradeBand(grade="合格", upper=80),
    ]
    r.scoring.bands_source = "report"
    r.scoring.grade = Text(value="优秀")
    explained(r, "scoring/grade", "band_edge")
    r.scoring.total = n("86.75", 86.75)
    r.scoring.party_scores[1].score = n("20.00", 20)
    (f,) = [x for x in alarms(r) if x.rule == "grade.band"]
    assert "the total 86.75 is not on a band edge" in ruled(f, "misread.band_edge")


# --- narrative --------------------------------------------------------------------------


def test_a_narrative_figure_of_another_row_the_sentence_names_is_a_misread() -> None:
    r = seed_table()
    named = fig("done", "173节")
    named.sentence = "二片区开展个案 173 节。"
    r.indicators.narrative = [named]
    explained(r, "narrative/casework/sessions/done", "other_cell")
    r.indicators.narrative = [fig("done", "600节")]  # the 合计's target, not its done
    explained(r, "narrative/casework/sessions/done", "target_cell")
    unnamed = fig("done", "173节")
    unnamed.sentence = "开展个案 173 节。"
    r.indicators.narrative = [unnamed, fig("pct", "92.00%")]
    (f,) = alarms(r)
    assert "the sentence does not name that row" in ruled(f, "misread.other_cell")
    r.indicators.narrative = [fig("done", "562节"), fig("pct", "92.00%")]
    (g,) = alarms(r)
    assert "no other cell of the tables prints 562节" in ruled(g, "misread.other_cell")


def test_a_narrative_figure_an_order_of_magnitude_off_counts_another_quantity() -> None:
    # "志愿者累计服务9421小时" against a cell that holds the volunteers' count (160): a merged
    # row misread, or another quantity, not a misprint; a slip of the cell's digits stays.
    r = seed_table()
    r.indicators.narrative = [fig("done", "9421节")]
    explained(r, "narrative/casework/sessions/done", "other_quantity")
    r.indicators.narrative = [fig("done", "48节")]  # 552 / 48 = 11.5
    explained(r, "narrative/casework/sessions/done", "other_quantity")
    for printed, why in (
        ("55节", "55节 is one keystroke from 552"),  # a digit dropped: 10×, still a slip
        ("5520节", "5520节 is one keystroke from 552"),
        ("525节", "525节 and 552 are less than an order of magnitude apart"),
        ("562节", "562节 and 552 are less than an order of magnitude apart"),
        ("1500节", "1500节 and 552 are less than an order of magnitude apart"),
    ):
        r.indicators.narrative = [fig("done", printed), fig("pct", "92.00%")]
        (f,) = alarms(r)
        assert f.rule == "narrative.table" and f.printed == printed
        assert why in ruled(f, "misread.other_quantity"), ruled(f, "misread.other_quantity")


def test_a_narrative_figure_of_a_named_area_compared_with_the_total_is_a_misread() -> None:
    # "二片区开展个案 171 节" taken for the station's: its sentence names a 片区 with its
    # own row, so it is that 片区's figure, never an error against the 合计.
    r = seed_table()
    area = fig("done", "171节")
    area.sentence = "二片区开展个案 171 节。"
    r.indicators.narrative = [area]
    explained(r, "narrative/casework/sessions/done", "area_scope")


def test_a_repeated_table_error_inherits_what_the_table_error_ruled_out() -> None:
    r = seed_table("274.94%")
    r.indicators.narrative = [fig("pct", "274.94%")]
    table, said = alarms(r)
    assert said.rule == "narrative.repeats_error" and said.ruled_out == table.ruled_out
    assert "misread.columns_swapped" in codes(table)


# --- staffing and roster ------------------------------------------------------------------


def test_a_retention_rate_over_the_months_the_dates_give_is_a_misread() -> None:
    explained(staffing(rate="54.00%"), "staffing/retention_rate", "months")
    r = staffing(rate="85.00%")
    (f,) = [x for x in alarms(r) if x.locations[0].ref == "staffing/retention_rate"]
    assert ruled(f, "misread.months") == (
        "the period counted as 9 months: rechecked so, still inconsistent"
    )


def test_roster_rows_or_columns_swapped_are_misreads() -> None:
    r = roster(p1="1.5")
    r.staffing.roster[1].on_post = n("2", 2)  # the two people's 小计 swapped
    explained(r, "roster/certified/1/on_post", "rows_swapped")
    r = roster(p1="1")
    r.staffing.roster[0].experienced = n("2", 2)  # 2年以上 above 人员到岗: columns swapped
    explained(r, "roster/certified/1/on_post", "roster_columns_swapped")
    r = roster(p1="3")
    r.staffing.roster[0].experienced = n("1", 1)
    (f,) = alarms(r)
    assert "the columns are in order" in ruled(f, "misread.roster_columns_swapped")


def test_roster_months_swapped_or_rounded_are_misreads_only_where_plausible() -> None:
    r = roster(cell_c0="2")
    r.staffing.roster_totals[0].cells[3] = "1.5"  # month 1 and 2 of 人员到位 swapped
    explained(r, "roster_totals/certified/2024年1月/人员到位", "months_swapped")
    (f, *_) = alarms(roster(cell_c0="2"))  # a 2 for 1.5 where the totals print halves
    assert "the table prints fractions (1.5)" in ruled(f, "misread.rounded_whole")
    whole = roster(cell_c0="2")
    for t in whole.staffing.roster_totals:
        t.monthly = []
        t.cells = [x if "." not in x else "2" for x in t.cells]
        t.on_post = None
    whole.staffing.roster_totals = [
        t for t in whole.staffing.roster_totals if t.scope == "certified"
    ] + [RosterTotals(scope="uncertified", cells=["0", "0", "0", "1", "1", "1"])]
    explained(whole, "roster_totals/certified/2024年1月/人员到位", "rounded_whole")


def test_roster_columns_for_the_other_count_of_the_period_are_a_misread() -> None:
    r = roster()
    p = r.meta.assessment_period
    assert p is not None
    # 2024-01-11 … 2024-02-29 touches 2 calendar months, 1 whole month and a part
    r.meta.assessment_period = p.model_copy(update={"start": p.start.replace(day=11)})
    r.meta.assessment_period.months = 1  # printed 1; the roster has 2 month columns
    explained(r, "meta/assessment_period", "period_counts")
    (f,) = [
        f
        for f in alarms(report(meta=Meta(assessment_period=p.model_copy(update={"months": 5}))))
        if f.rule == "period.months"
    ]
    assert ruled(f, "misread.period_counts").startswith("the period counted by calendar months")


# --- the seed's published errors -----------------------------------------------------------


@cache
def _seed() -> Report:
    from extractor.document.build import build_document

    return build_report(build_document(SEED))


def test_the_seeds_published_errors_carry_the_readings_they_ruled_out() -> None:
    errors = {f.locations[0].ref: f for f in _seed().findings if f.severity == "error"}
    total = errors["indicators/附件1-1/合计/casework/sessions/pct"]
    assert total.printed == "274.94%"
    assert codes(total) == {
        "misread.precision",
        "misread.columns_swapped",
        "misread.neighbour_row",
        "misread.neighbour_column",
        "misread.group_swapped",
        "misread.role_format",
        "misread.area_group_swapped",
        "misread.group_columns_swapped",
        "misread.characters",
    }
    assert "552 ÷ 600 = 92.00000%" in ruled(total, "misread.precision")
    assert "swapped in every row" in ruled(total, "misread.group_swapped")
    assert "other rows of the table recompute with the columns as read" in ruled(
        total, "misread.columns_swapped"
    )
    assert errors["narrative/casework/sessions/pct"].ruled_out == total.ruled_out
    months = [f for ref, f in errors.items() if ref.startswith("roster_totals/")]
    assert len(months) == 3
    for f in months:
        assert codes(f) == {"misread.rounded_whole", "misread.months_swapped"}
        assert "prints fractions" in ruled_texts(f, "misread.rounded_whole")[0]
    assert not any(p.code == "problem.misread_explains" for p in _seed().problems)


def ruled_texts(f: Finding, code: str) -> list[str]:
    return [x.text for x in f.ruled_out if x.code == code]


def test_every_ruled_out_text_is_in_both_languages() -> None:
    from extractor.knowledge.messages import CJK

    said = [x for f in _seed().findings for x in f.ruled_out]
    assert said
    for x in said:
        assert x.text[0].isascii() and CJK.search(x.text_zh)
