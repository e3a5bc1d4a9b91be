"""The misread guard where a table's target column or a score table's total is read as
something else (tongle's first run: 表1's 年度协议量 taken for the done figures, no target
read, and the narrative figures compared with it; 表2's 综合得分 taken for the buyer's
score). Deliberately garbled reads, synthetic tables, no corpus file."""

from __future__ import annotations

from extractor.checks import check_report
from extractor.document.model import Document, Section, Table, TableCell
from extractor.document.tables import column_paths
from extractor.passes.indicators import (
    extract_indicators,
    ordinal_figures,
    ordinal_lines,
    rates_unrecomputable,
)
from extractor.passes.tables.consistency import untrusted_because
from extractor.passes.tables.read import read_table
from extractor.records import (
    Finding,
    IndicatorRow,
    Indicators,
    NarrativeFigure,
    Provenance,
    Report,
)
from tests.test_checks_rules import report, row, scoring


def _table(rows: list[list[str]], caption: str = "表1 各片区服务指标完成情况") -> Table:
    """Rows of cell texts, the first the header; "" under the first column is the cell
    above merged down."""
    cells: list[TableCell] = []
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            if c == 0 and r > 0 and not text:
                continue
            span = 1
            if c == 0 and r > 0:
                while r + span < len(rows) and not rows[r + span][0]:
                    span += 1
            box = (c * 60.0, 100 + r * 20.0, (c + 1) * 60.0, 100 + (r + span) * 20.0)
            cells.append(TableCell(r, c, text, 2, box, span, 1))
    t = Table(cells, len(rows), len(rows[0]), 1, [], True, caption=caption, pages=[2])
    t.columns = column_paths(t)
    return t


def _document(t: Table) -> Document:
    return Document("x.pdf", "", [], [], [t], Section(title="", level=0), [])


# 年度协议量 │ 全年完成量 │ 完成率 with the target column's header unread (核定协议量: no
# vocabulary word, its closing word 协议量 a target's): its figures fall to the default
# role, done, beside the real done column, and add up to their 合计 all the same.
GARBLED = [
    ["服务指标", "片区", "核定协议量", "全年完成量", "完成率"],
    ["困难群众建档（户）", "金沙片区", "560", "836", "149.29%"],
    ["", "桐溪片区", "300", "465", "155.00%"],
    ["", "清源片区", "310", "555", "179.03%"],
    ["", "石桥片区", "180", "276", "153.33%"],
    ["", "合计", "1350", "2132", "157.93%"],
    ["入户探访（人次）", "金沙片区", "245", "444", "181.22%"],
    ["", "桐溪片区", "610", "794", "130.16%"],
    ["", "清源片区", "285", "462", "162.11%"],
    ["", "石桥片区", "240", "380", "158.33%"],
    ["", "合计", "1380", "2080", "150.72%"],
    ["个案服务（节）", "金沙片区", "155", "200", "129.03%"],
    ["", "桐溪片区", "150", "198", "132.00%"],
    ["", "清源片区", "170", "254", "149.41%"],
    ["", "石桥片区", "95", "95", "100.00%"],
    ["", "合计", "570", "747", "131.05%"],
    ["小组服务（节）", "金沙片区", "55", "55", "100.00%"],
    ["", "桐溪片区", "31", "42", "135.48%"],
    ["", "清源片区", "46", "79", "171.74%"],
    ["", "石桥片区", "47", "47", "100.00%"],
    ["", "合计", "179", "223", "124.58%"],
]


def test_a_column_whose_header_names_the_target_read_as_done_makes_the_read_unsure() -> None:
    got = read_table(_table(GARBLED), "表1", frozenset())
    assert got.role_misread and got.unsure
    assert "核定协议量" in got.doubts[0].en and "names the target" in got.doubts[0].en
    assert "核定协议量" in got.doubts[0].zh and "协议量" in got.doubts[0].zh
    (total,) = [r for r in got.rows if r.scope == "total" and r.indicator == "registered"]
    assert total.done is not None and total.done.printed == "1350"  # the misread itself


def test_the_garbled_read_is_not_trusted_and_its_figures_not_checked() -> None:
    got = extract_indicators(_document(_table(GARBLED)))
    (read,) = got.reads
    # its sums hold (the 核定 column adds up to its 合计): the relations alone would
    # trust it, and did on the first run
    assert read.relations == read.consistent == 4
    assert not read.trusted
    assert got.rows and all(r.uncertain for r in got.rows)


def test_the_problem_says_why_a_read_whose_relations_hold_is_not_trusted() -> None:
    """ "4 of 4 relations hold" is no reason to doubt a read: the problem and the rows'
    note name what the read doubted first (its rates with no target read: the 核定协议量
    column was taken for done figures), in both languages."""
    got = extract_indicators(_document(_table(GARBLED)))
    (read,) = got.reads
    why = untrusted_because(read)
    assert why.en == (
        "20 rows print a completion rate but no row's target was read, so no rate can be recomputed"
    )
    assert why.zh == "表中 20 行印有完成率，却未读到任何一行的协议量，完成率无从重算"
    row = got.rows[0]
    assert (
        row.uncertain
        == f"table 表1 (from page 2) may be misread: {why.en}; its figures are not checked"
    )
    assert row.uncertain_zh == f"表格「表1」（第 2 页起）可能读错：{why.zh}，其数字不作核对"


def test_the_problem_of_a_read_whose_relations_fail_gives_their_share_and_its_doubt() -> None:
    got = extract_indicators(_document(_table(GARBLED)))
    (read,) = got.reads
    broken = read.model_copy(update={"consistent": 1})
    why = untrusted_because(broken)
    assert why.en.startswith("1 of 4 relations among its own figures hold; 20 rows print")
    assert why.zh.startswith("表内数字之间的 4 个关系中只有 1 个成立；")
    plain = broken.model_copy(update={"doubts": [], "doubts_zh": []})
    assert untrusted_because(plain).en == "1 of 4 relations among its own figures hold"


def _narrative(indicator: str, measure: str, printed: str) -> NarrativeFigure:
    return NarrativeFigure(
        indicator=indicator,
        measure=measure,
        kind="done",
        value=float(printed.rstrip("户人次")),
        printed=printed,
        scope=None,
        sentence=f"考核期内完成{printed}。",
        prov=Provenance(page=2, bbox=(1, 2, 3, 4)),
    )


def test_narrative_figures_are_not_compared_with_the_garbled_read() -> None:
    rows = extract_indicators(_document(_table(GARBLED))).rows
    narrative = [
        _narrative("registered", "households", "2132户"),
        _narrative("home_visits", "count", "2080人次"),
    ]
    r = report(indicators=Indicators(rows=rows, narrative=narrative))
    res = check_report(r)
    assert [f for f in res.findings if f.rule.startswith("narrative")] == []
    skipped = {s.ref for cov in res.coverage for s in cov.skipped if s.message == "skip.uncertain"}
    assert "narrative/registered/households/done" in skipped
    assert "narrative/home_visits/count/done" in skipped


NO_TARGET = [
    ["服务指标", "片区", "完成量", "完成率"],
    ["个案服务（节）", "金沙片区", "200", "129.03%"],
    ["", "桐溪片区", "198", "132.00%"],
    ["", "合计", "398", "130.49%"],
]


def test_a_read_with_rates_but_no_target_is_not_trusted() -> None:
    """A table that prints rates prints what they divide: none of its targets read, no
    rate can show a misread, so its figures are not checked."""
    got = extract_indicators(_document(_table(NO_TARGET)))
    (read,) = got.reads
    assert not read.trusted
    assert "3 rows print a completion rate but no row's target was read" in read.doubts[0]
    assert all(r.uncertain for r in got.rows)


def test_rates_beside_targets_or_one_rate_alone_are_recomputable() -> None:
    assert rates_unrecomputable([row("一片区", "300", "274", "91.33%")]) == 0
    two = [row("一片区", "300", "274", "91.33%"), row("合计", "600", "552", "92.00%")]
    assert rates_unrecomputable(two) == 0
    for r in two:
        r.target = None
    assert rates_unrecomputable(two) == 2
    two[1].target = row("合计", "600", "552", "92.00%").target
    assert rates_unrecomputable(two) == 0


def _alarms(r: Report) -> list[Finding]:
    return [f for f in check_report(r).findings if f.severity in ("error", "warning")]


def test_the_total_read_as_a_partys_score_is_a_misread_not_a_finding() -> None:
    """The parties as columns, the merged 综合得分 row taken for the first party's score:
    a score equal to the total and above the party's weight (20) is the total."""
    r = scoring("86.75", "良好", buyer="86.75")
    r.scoring.weights_source = "report"  # weights as printed: a score above one is an error
    assert _alarms(r) == []
    res = check_report(r)
    problems = [p for p in res.problems if p.code == "problem.misread_explains"]
    assert {
        ("scoring/party/buyer" in p.message, "scoring/total" in p.message) for p in problems
    } == {
        (True, False),
        (False, True),
    }
    assert all("a party's score being the total" in p.message for p in problems)
    assert all("总分" in p.message_zh for p in problems)


def test_a_score_over_its_weight_that_is_not_the_total_stays_a_finding() -> None:
    r = scoring("87.75", "良好", buyer="21.00")
    r.scoring.weights_source = "report"
    (f,) = [x for x in _alarms(r) if x.rule == "score.cap"]
    (x,) = [x for x in f.ruled_out if x.code == "misread.total_as_party"]
    assert "no party's score both equals the total 87.75 and exceeds its weight" in x.text
    assert x.text_zh


def _rows(targets: list[str], total: str) -> list[IndicatorRow]:
    rows = [row(f"{i}片区", t, "40", "1%") for i, t in enumerate(targets, start=1)]
    rows.append(row("合计", total, str(40 * len(targets)), "1%"))
    for r in rows:
        r.scope = "total" if r.area == "合计" else "area"
    return rows


def test_a_row_number_column_read_as_targets_makes_the_read_untrusted() -> None:
    """序号 1, 2, 3, 4 taken for the targets (the real targets then read as something
    else): the 合计 is not their sum, so the read is doubted, whatever the other
    indicators' rates say; a real 1, 2, 3, 4 adding up to its 合计 is no doubt."""
    assert ordinal_figures(_rows(["1", "2", "3", "4"], "120")) == "专业个案"
    assert ordinal_figures(_rows(["1", "2", "3", "4"], "10")) is None
    assert ordinal_figures(_rows(["1", "2"], "50")) is None  # too few rows to tell
    assert ordinal_figures(_rows(["30", "20", "40", "30"], "120")) is None


def _long(targets: list[str], dones: list[str], rates: list[str]) -> list[IndicatorRow]:
    """One indicator a line, each line below the last (a table continued: 序号 5, 6, 7)."""
    out = []
    for i, (t, d, p) in enumerate(zip(targets, dones, rates, strict=True)):
        r = row("合计", t, d, p, ind=("groups", "community_events", "volunteers")[i])
        for cell in (r.target, r.done, r.pct):
            assert cell is not None
            cell.prov = Provenance(page=3, bbox=(100.0, 200.0 + 20 * i, 140.0, 214.0 + 20 * i))
        r.scope = "total"
        out.append(r)
    return out


def test_a_row_number_column_read_down_the_lines_makes_the_read_untrusted() -> None:
    """序号 5, 6, 7 of a continued long table taken for the targets: none of the lines'
    rates recomputes, so the read is doubted; real targets that happen to count up by one
    still make their rates, and a published slip in one rate of a real table is no run."""
    rates = ["134.4%", "144.3%", "148.1%"]
    assert ordinal_lines(_long(["5", "6", "7"], ["164", "7576", "277"], rates)) == "专业个案"
    assert ordinal_lines(_long(["5", "6", "7"], ["5", "6", "7"], ["100%"] * 3)) is None
    real = _long(["122", "5250", "187"], ["164", "7576", "277"], ["134.4%", "144.3%", "158.1%"])
    assert ordinal_lines(real) is None  # the slip of 148.1% stays for pct.total to find
    assert ordinal_lines(_long(["5", "6", "8"], ["164", "7576", "277"], rates)) is None
