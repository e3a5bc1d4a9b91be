"""Targets and completions printed as two tables with the same 片区 rows (表2 各片区年度协议
指标: targets only; 表3 各片区指标完成情况: 完成量 │ 完成率 per indicator), each with a
diagonal corner header (斜线表头: 指标 over 片区 in one cell); a grade ladder of single
characters (优/良/中/差) defined in a sentence and the grade in quotes; a 片区 sentence
going on about its 片区 in a clause naming none. Small synthetic cases of the
withheld/zhuyuan shapes (names and figures invented): the completion rows take their
targets from the other table and the rates recompute against them; a join whose rates do
not fit is a problem, never findings."""

from __future__ import annotations

from dataclasses import replace

from extractor.checks import check_report
from extractor.document.model import Block, Document, PageInfo, Section, Table
from extractor.document.sections import build_tree
from extractor.knowledge.profiles import profile
from extractor.numbers import normalise
from extractor.passes.narrative import narrative_figures
from extractor.passes.run import run_passes
from extractor.passes.scoring import _bands as bands_of
from extractor.passes.staffing import narrative_figures as staffing_figures
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.read import caption_role
from extractor.records import Report
from tests.test_passes_indicators import make_table
from tests.test_stacked_cells import _block, _heading

AREAS = ("东湖片区", "西岭片区", "北坡片区")
INDICATORS = (("困难群众建档", "户"), ("入户探访", "人次"), ("个案服务", "节"))
TARGETS = ((120, 400, 60), (80, 300, 50), (60, 250, 40))
DONE = ((150, 436, 66), (80, 297, 61), (66, 310, 38))


def _rate(done: int, target: int) -> str:
    return f"{done * 100 / target:.2f}%"


def targets_table(targets: tuple[tuple[int, ...], ...] = TARGETS, kind: str = "年度") -> Table:
    rows: list[list[str | tuple[str, int]]] = [
        ["指标片区", *(name for name, _ in INDICATORS)],
        ["\x00", *(f"（{unit}）" for _, unit in INDICATORS)],
    ]
    for area, figures in zip(AREAS, targets, strict=True):
        rows.append([area, *(str(x) for x in figures)])
    rows.append(["合计", *(str(sum(col)) for col in zip(*targets, strict=True))])
    t = make_table(rows, header_rows=2, section="（二）指标完成情况")
    return replace(t, caption=f"表2 各片区{kind}协议指标", pages=[2])


def done_table(
    rates: dict[tuple[int, int], str] | None = None,
    targets: tuple[tuple[int, ...], ...] = TARGETS,
) -> Table:
    rows: list[list[str | tuple[str, int]]] = [
        ["指标片区", *((f"{name}（{unit}）", 2) for name, unit in INDICATORS)],
        ["\x00", *(w for _ in INDICATORS for w in ("完成量", "完成率"))],
    ]
    totals_t = [sum(col) for col in zip(*targets, strict=True)]
    totals_d = [sum(col) for col in zip(*DONE, strict=True)]
    for i, (area, done) in enumerate(zip(AREAS, DONE, strict=True)):
        cells: list[str | tuple[str, int]] = [area]
        for j, d in enumerate(done):
            cells += [str(d), (rates or {}).get((i, j), _rate(d, targets[i][j]))]
        rows.append(cells)
    total: list[str | tuple[str, int]] = ["合计"]
    for d, t in zip(totals_d, totals_t, strict=True):
        total += [str(d), _rate(d, t)]
    rows.append(total)
    t = make_table(rows, header_rows=2, section="（二）指标完成情况")
    return replace(t, caption="表3 各片区指标完成情况", pages=[2])


def report_of(*tables: Table) -> Report:
    page = PageInfo(2, 595.0, 842.0, 800, 0, 1)
    blocks = [
        _block("禾山街社工服务站2024年度末期评估报告", page=1),
        _block("本期评估综合得分为88.00分，评估等级为良好。", page=4),
    ]
    doc = Document("two.pdf", "0" * 64, [page], blocks, list(tables), Section("", 0), [])
    report = run_passes(doc)
    report.findings = check_report(report).findings
    return report


def test_a_caption_ending_in_a_role_word_names_the_role() -> None:
    assert caption_role("表2 各片区年度协议指标") == "target"
    assert caption_role("表2 各片区中期协议指标") == "target"
    # a completion caption, an indicator's own caption, an unnumbered line: no role
    assert caption_role("表3 各片区指标完成情况") is None
    assert caption_role("表1 个案服务协议指标") is None
    assert caption_role("各片区年度协议指标") is None


def test_a_diagonal_corner_header_heads_the_label_column_with_its_lower_word() -> None:
    assert label_tags("指标片区").header == "area"  # 指标 over 片区: a column of 片区
    assert label_tags("片区指标").header == "label"  # 片区 over 指标: a column of indicators
    assert label_tags("指标片区").scope is None  # neither word is an area
    assert label_tags("项目类别").header is None  # two words of one kind: no corner


def test_completion_rows_take_their_targets_from_the_targets_table() -> None:
    report = report_of(targets_table(), done_table())
    rows = {(r.area, r.indicator, r.measure): r for r in report.indicators.rows}
    assert {r.table for r in rows.values()} == {"表3"}  # the targets table has no rows
    assert len(rows) == 4 * 3
    west = rows[("西岭片区", "home_visits", "count")]  # 入户探访 over （人次）: its own unit
    assert west.target is not None and west.target.printed == "300"
    assert west.done is not None and west.done.printed == "297"
    assert west.pct is not None and west.pct.printed == "99.00%"
    total = rows[("合计", "casework", "sessions")]
    assert total.target is not None and total.target.printed == "150"
    (read,) = report.indicators.reads
    assert read.trusted and read.table == "表3"
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []


def test_a_rate_ten_points_over_its_joined_target_is_found() -> None:
    report = report_of(targets_table(), done_table(rates={(2, 1): "134.00%"}))
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.rule, f.printed, f.expected) for f in errors] == [("pct.row", "134.00%", "124.00%")]


def test_a_join_whose_rates_do_not_fit_is_a_problem_not_findings() -> None:
    # the targets table's 入户探访 and 个案服务 columns typed the other way round: every
    # 片区 rate of both is out, while each table's own sums still add up
    swapped = tuple((a, c, b) for a, b, c in TARGETS)
    report = report_of(targets_table(swapped), done_table())
    (read,) = report.indicators.reads
    assert not read.trusted
    assert any("入户探访" in d and "表2" in d for d in read.doubts_zh)
    assert all(r.uncertain for r in report.indicators.rows)
    assert any(p.code == "problem.table_uncertain" for p in report.problems)
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []


def test_tables_with_other_rows_are_not_joined() -> None:
    other = make_table(
        [["片区", "困难群众建档（户）"], ["南湾片区", "10"], ["合计", "10"]],
        header_rows=1,
        section="（二）指标完成情况",
    )
    report = report_of(targets_table(), replace(other, caption="表3 各片区指标完成情况"))
    # no completion table prints the same rows: the caption-only targets are left out
    assert {r.table for r in report.indicators.rows} <= {"表3"}
    assert all(r.target is None for r in report.indicators.rows)


# --- a ladder of single-character grades -----------------------------------------------

BANDS = (
    "评估结果分为优、良、中、差四个等级：综合得分90分及以上为优，80分（含）至90分为良，"
    "60分（含）至80分为中，60分以下为差。"
)


def _plain(text: str) -> Block:
    return _block(normalise(text))


def test_a_report_defining_single_character_grades_is_read_in_that_ladder() -> None:
    p = profile()
    assert bands_of([_plain(BANDS)], p) == []  # not the profile's 优秀/良好/合格/不合格
    (ladder,) = [scale for scale in p.grade_scales if "优" in scale]  # the one-character ladder
    got = {b.grade: (b.lower, b.upper) for b in bands_of([_plain(BANDS)], p.with_grades(ladder))}
    assert got == {"优": (90.0, None), "良": (80.0, 90.0), "中": (60.0, 80.0), "差": (None, 60.0)}
    grade = p.with_grades(ladder).pattern("grade")
    m = grade.search(normalise("本期评估综合得分为88.27分，评估等级为“良”。"))
    assert m is not None and m.group("grade") == "良"
    # a one-character grade never out of a word: 优秀, 优化, 良好
    for text in ("评估等级为优秀。", "评估等级为优化服务的参考。", "评估等级为良好。"):
        assert grade.search(normalise(text)) is None, text
    # the profile's own ladder reads as before
    m = p.pattern("grade").search(normalise("评估等级为优秀。"))
    assert m is not None and m.group("grade") == "优秀"


def test_the_scoring_pass_reads_the_ladder_the_report_defines() -> None:
    flow: list[Block | Table] = [
        _heading("二、评估说明"),
        _plain(BANDS),
        _heading("五、评估结果"),
        _plain("综上，本站本期评估综合得分为91.25分，评估等级为“优”。"),
    ]
    page = PageInfo(3, 595.0, 842.0, 800, 0, 1)
    blocks = [b for b in flow if isinstance(b, Block)]
    doc = Document("g.pdf", "0" * 64, [page], blocks, [], build_tree(flow), [])
    sc = run_passes(doc).scoring
    assert sc.bands_source == "report"
    assert [b.grade for b in sc.bands] == ["优", "良", "中", "差"]
    assert sc.grade is not None and sc.grade.value == "优"
    assert sc.total is not None and sc.total.value == 91.25


# --- a 片区 sentence going on about its 片区 ------------------------------------------------


def test_a_clause_naming_no_area_after_an_areas_figures_is_that_areas() -> None:
    text = (
        "分片区看，东湖片区建档150户，完成协议指标的125.00%，入户探访430余人次；全站个案服务165节。"
    )
    flow: list[Block | Table] = [_heading("三、服务指标完成情况"), _block(text)]
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    got = [(f.indicator, f.kind, f.printed, f.scope, f.approx) for f in narrative_figures(doc)]
    assert ("home_visits", "done", "430余人次", "东湖片区", True) in got
    # a new sentence is about the station again
    assert ("casework", "done", "165节", None, False) in got


def test_uncertified_staff_named_as_persons() -> None:
    text = "社工站现有工作人员9名，其中持证社工6名（中级社工师2名、助理社工师4名），未持证人员3名。"
    found = staffing_figures([_block(normalise(text))])
    got = {k: n.value for k, n in found.items()}
    assert got["uncertified_count"] == 3
    assert got["certified_count"] == 6
