"""Indicator figures printed as text lists, no table (`passes/indicator_lists.py`): under a
heading naming a 片区 or the station's total, one line per indicator,
`1.困难群众建档：协议330户，完成306户，完成率92.73%；`. Each line is a row of its heading's
"table", checked like a table's rows (rates recomputed, 片区 summed against the 合计
list); a sentence stating figures is never a list line; a read whose arithmetic a
misread explains is a problem, never a finding. (A report whose lists cannot be placed
still says its figures went unread: tests/test_indicators_unread.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.checks import check_report
from extractor.document.build import build_document
from extractor.document.model import Block
from extractor.passes.indicator_lists import list_lines
from extractor.passes.run import run_passes
from extractor.pdf.pages import Glyph, Line
from extractor.records import Report

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SHUANGXI = CORPORA / "embargoed" / "shuangxi"
SIZE = 12.0


def _block(text: str, page: int = 2) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 100.0, 10.0 * i + 10, 112.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=page, glyphs=glyphs)], starts=[0])


# --- one line ----------------------------------------------------------------------------


def test_a_list_line_gives_its_label_and_each_role_with_unit_and_place() -> None:
    text = "1.困难群众建档：协议330户，完成306户，完成率92.73%；"
    (line,) = list_lines(_block(text)) or []
    assert line.label == "困难群众建档"
    got = {p.role: (p.printed, p.value, p.unit, text[p.start : p.end]) for p in line.parts}
    assert got == {
        "target": ("330", 330.0, "户", "330户"),
        "done": ("306", 306.0, "户", "306户"),
        "pct": ("92.73%", 92.73, None, "92.73%"),
    }
    done = next(p for p in line.parts if p.role == "done")
    prov = _block(text).provenance(done.start, done.end)
    assert (prov.page, prov.text) == (2, "306户")
    assert prov.bbox == (10.0 * text.index("306"), 100.0, 10.0 * (text.index("306户") + 4), 112.0)


def test_full_width_digits_spaces_thousands_and_other_wordings() -> None:
    (line,) = (
        list_lines(
            _block("（2）志愿服务： 协议 1,480小时，实际完成１５２０小时，完成比例102.70%。")
        )
        or []
    )
    assert line.label == "志愿服务"
    assert [(p.role, p.printed, p.value) for p in line.parts] == [
        ("target", "1,480", 1480.0),
        ("done", "１５２０", 1520.0),  # printed as printed
        ("pct", "102.70%", 102.70),
    ]


def test_two_lines_a_paragraph_joined_are_two_lines() -> None:
    text = (
        "1.入户探访：协议320人次，完成355人次，完成率110.94%；"
        "2.个案服务：协议70节，完成106节，完成率151.43%；"
    )
    lines = list_lines(_block(text)) or []
    assert [ln.label for ln in lines] == ["入户探访", "个案服务"]
    assert [ln.parts[1].printed for ln in lines] == ["355", "106"]


@pytest.mark.parametrize(
    "text",
    [
        # the summary sentence above the lists: figures, but no list line
        "考核期内，社工站为困难群众建档614户，入户探访686人次，开展个案服务368节，志愿服务完成率120.33%。",
        # a list line followed by a sentence in the same block: the block is not a list
        "1.个案服务：协议70节，完成106节，完成率151.43%；其中结案个案20个，跟进中的个案6个。",
        # one role only, or no done figure
        "1.个案服务：完成106节；",
        "1.个案服务：协议70节，完成率151.43%；",
        # a rate's word before a count, a role named twice
        "1.个案服务：协议70节，完成率106节；",
        "1.个案服务：完成70节，完成106节；",
        # a run-in label that is no list line, and a heading
        "值得肯定的方面：个案服务完成106节，较上年增加。",
        "（一）溪口片区服务指标完成情况",
    ],
)
def test_sentences_and_other_shapes_are_not_list_lines(text: str) -> None:
    assert list_lines(_block(text)) is None


# --- a whole report: synthetic PDF -------------------------------------------------------


def _pdf(path: Path, lines: list[str]) -> Path:
    """One line per entry, 宋体 12 pt, down the page (headings as numbered lines)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    c.setFont("STSong-Light", SIZE)
    top = 72.0
    for text in lines:
        c.drawString(72.0, 842.0 - top - SIZE * 0.88, text)
        top += 22.0
    c.save()
    return path


AREAS = {
    "东湖片区": [
        ("个案服务", "节", 70, 106),
        ("入户探访", "人次", 320, 355),
        ("社区活动", "场", 4, 5),
    ],
    "西岭片区": [
        ("个案服务", "节", 110, 167),
        ("入户探访", "人次", 105, 105),
        ("社区活动", "场", 5, 5),
    ],
}


def _line(k: int, label: str, unit: str, target: int, done: int, pct: str | None = None) -> str:
    rate = pct or f"{done / target * 100:.2f}%"
    return f"{k}.{label}：协议{target}{unit}，完成{done}{unit}，完成率{rate}；"


def _report_lines(
    totals: list[tuple[str, str, int, int]] | None = None, rate_over: bool = False
) -> list[str]:
    out = [
        "一、服务指标完成情况",
        "考核期内，社工站开展个案服务273节，入户探访460人次，举办社区活动10场。",
    ]
    for n, (area, rows) in enumerate(AREAS.items()):
        out.append(f"（{'一二'[n]}）{area}服务指标完成情况")
        for k, (label, unit, t, d) in enumerate(rows, 1):
            pct = "161.43%" if rate_over and n == 0 and k == 1 else None
            out.append(_line(k, label, unit, t, d, pct))
    out.append("（三）全站服务指标合计")
    if totals is None:
        totals = [
            (label, unit, sum(AREAS[a][k][2] for a in AREAS), sum(AREAS[a][k][3] for a in AREAS))
            for k, (label, unit, _, _) in enumerate(AREAS["东湖片区"])
        ]
    out += [_line(k, *row) for k, row in enumerate(totals, 1)]
    out.append("二、评估意见")
    return out


def _run(path: Path) -> Report:
    report = run_passes(build_document(path))
    result = check_report(report)
    report.findings = result.findings
    return report


def test_lists_under_area_and_total_headings_are_rows_and_check_clean(tmp_path: Path) -> None:
    report = _run(_pdf(tmp_path / "clean.pdf", _report_lines()))
    rows = report.indicators.rows
    assert len(rows) == 9
    seen = {(r.table, r.scope, r.area, r.indicator, r.measure) for r in rows}
    assert ("东湖片区服务指标完成情况", "area", "东湖片区", "casework", "sessions") in seen
    assert ("西岭片区服务指标完成情况", "area", "西岭片区", "home_visits", "count") in seen
    assert ("全站服务指标合计", "total", "合计", "community_events", "count") in seen
    total = next(r for r in rows if r.scope == "total" and r.indicator == "casework")
    assert total.target is not None and total.done is not None and total.pct is not None
    assert (total.target.printed, total.done.printed, total.pct.printed) == (
        "180",
        "273",
        "151.67%",
    )
    assert total.done.prov is not None and total.done.prov.text == "273节"
    assert all(r.uncertain is None for r in rows)
    assert all(read.trusted for read in report.indicators.reads)
    # the sentence above the lists is narrative; the list lines are not
    assert {f.printed for f in report.indicators.narrative} == {"273节", "460人次", "10场"}
    assert "problem.indicators_unread" not in [p.code for p in report.problems]
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []


def test_a_rate_ten_points_over_and_a_total_ten_over_are_found(tmp_path: Path) -> None:
    totals = [
        ("个案服务", "节", 180, 273),
        ("入户探访", "人次", 425, 460),
        ("社区活动", "场", 9, 20),
    ]
    report = _run(_pdf(tmp_path / "errors.pdf", _report_lines(totals, rate_over=True)))
    errors = {(f.rule, f.printed, f.expected) for f in report.findings if f.severity == "error"}
    assert ("pct.row", "161.43%", "151.43%") in errors
    assert ("sum.area_total", "20", "10") in errors


def test_a_totals_list_that_does_not_add_up_is_a_problem_not_findings(tmp_path: Path) -> None:
    # the 合计 lines' targets and done figures swapped, as a misread would: the sums fail
    # everywhere at once
    totals = [
        ("个案服务", "节", 273, 180),
        ("入户探访", "人次", 460, 425),
        ("社区活动", "场", 10, 9),
    ]
    report = _run(_pdf(tmp_path / "swapped.pdf", _report_lines(totals)))
    read = next(r for r in report.indicators.reads if r.table == "全站服务指标合计")
    assert not read.trusted
    assert all(r.uncertain for r in report.indicators.rows if r.scope == "total")
    assert "problem.table_uncertain" in [p.code for p in report.problems]
    assert [
        f for f in report.findings if f.severity == "error" and "合计" in f.locations[0].ref
    ] == []


def test_one_indicator_read_twice_in_a_list_is_not_trusted(tmp_path: Path) -> None:
    lines = _report_lines()
    at = lines.index("（三）全站服务指标合计")
    lines.insert(at + 2, "2.个案辅导：协议180节，完成273节，完成率151.67%；")
    report = _run(_pdf(tmp_path / "twice.pdf", lines))
    read = next(r for r in report.indicators.reads if r.table == "全站服务指标合计")
    assert not read.trusted
    assert any("same indicator" in d for d in read.doubts)
    assert [f for f in report.findings if f.severity == "error"] == []


# --- the corpus family it was written for ------------------------------------------------


def test_shuangxi_lists_are_read_as_its_rows() -> None:
    report = _run(SHUANGXI / "shuangxi_xikou_2025_final.pdf")
    rows = report.indicators.rows
    assert len(rows) == 30
    assert {r.table for r in rows} == {
        "双溪片区服务指标完成情况",
        "枫林片区服务指标完成情况",
        "石桥片区服务指标完成情况",
        "溪口片区服务指标完成情况",
        "全站服务指标合计",
    }
    first = rows[0]
    assert (first.area, first.label, first.indicator, first.measure) == (
        "双溪片区",
        "困难群众建档",
        "registered",
        "households",
    )
    assert first.target and first.done and first.pct
    assert (first.target.printed, first.done.printed, first.pct.printed) == ("330", "306", "92.73%")
    assert first.done.prov is not None and first.done.prov.page == 2
    assert report.status == "success" and report.problems == []
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []
