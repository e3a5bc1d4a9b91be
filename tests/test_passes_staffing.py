"""Staffing and roster passes: narrative figures, the 附件2 roster of the seed rebuild,
redaction."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from extractor.document.build import build_document
from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.errors import ModelDataError
from extractor.knowledge import StaffingPatterns, profile
from extractor.knowledge.loader import validate
from extractor.nlp.figures import figures_of
from extractor.passes.narrative import _breakdown
from extractor.passes.roster import read_roster, split_notes
from extractor.passes.staffing import _basic_blocks, extract_staffing, narrative_figures
from extractor.pdf.pages import Glyph, Line
from extractor.records import Staffing
from extractor.redaction import redact_staffing

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xicun_2024_final.pdf"
GOLD = ROOT / "corpora" / "seed" / "xicun_2024_final.gold.json"


@pytest.fixture(scope="module")
def staffing() -> Staffing:
    return extract_staffing(build_document(SEED), profile())


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = _plain(json.loads(GOLD.read_text(encoding="utf-8"))["staffing"])
    return data


def _plain(obj: Any) -> Any:
    """Record dump without provenance or empty values (gold carries neither)."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items() if k != "prov" and v not in (None, [])}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


# --- the seed report -------------------------------------------------------------------


def test_seed_narrative_figures(staffing: Staffing) -> None:
    assert staffing.stable_count is not None
    assert (staffing.stable_count.value, staffing.stable_count.unit) == (12, "名")
    assert staffing.retention_rate is not None
    assert staffing.retention_rate.value == 60.0
    assert staffing.retention_rate.printed == "60.00%"
    assert staffing.retention_requirement is not None
    assert staffing.retention_requirement.value == 80.0
    # the certified clause must not read the 全职 clause's figures, nor the other way round
    assert staffing.certified_actual is not None and staffing.certified_actual.value == 121.5
    assert staffing.fulltime_actual is not None and staffing.fulltime_actual.value == 225.5
    assert staffing.fulltime_surplus is not None and staffing.fulltime_surplus.value == 25.5
    assert staffing.experienced_share is not None and staffing.experienced_share.value == 49.22
    assert staffing.certified_required is not None
    prov = staffing.certified_required.prov
    assert prov is not None and prov.page == 7 and "应到岗" in prov.text


def test_seed_narrative_matches_gold(staffing: Staffing, gold: dict[str, Any]) -> None:
    out = _plain(json.loads(staffing.model_dump_json()))
    fields = [k for k in gold if not k.startswith("roster")]
    assert len(fields) == 20
    for name in fields:
        got, want = out[name], gold[name]
        assert (got["value"], got["unit"], got["approx"]) == (
            want["value"],
            want["unit"],
            want["approx"],
        ), name
        # The rebuild wraps lines differently from the real report ("100 人次" printed
        # across a line end reads "100人次"), so printed text is compared without spaces.
        assert re.sub(r"\s", "", got["printed"]) == re.sub(r"\s", "", want["printed"]), name


def test_seed_roster_rows(staffing: Staffing) -> None:
    rows = staffing.roster
    assert len(rows) == 35
    assert [r.seq for r in rows] == list(range(1, 36))
    assert sum(r.group == "certified" for r in rows) == 16
    assert {r.group for r in rows[16:]} == {"uncertified"}
    row8 = rows[7]
    assert row8.marks[:2] == ["0.5", "√"] and len(row8.marks) == 10
    assert row8.on_post is not None and row8.on_post.printed == "9.5"
    assert row8.contract == "2023.12.25-2026.12.10"
    assert row8.note == "2023年12月社保为上一个机构购买"
    # a cell merged over seven months repeats its text for each month it covers
    assert rows[12].marks == ["非持证"] * 7 + ["√"] * 3
    assert rows[16].marks[-3:] == ["持证"] * 3
    assert rows[16].qualification == "已接受社会工作行业组织管理、培训且获得相关证书"
    assert rows[16].note is not None and len(rows[16].note.split("\n")) == 2
    assert rows[0].prov is not None and rows[0].prov.page == 25
    assert rows[22].prov is not None and rows[22].prov.page == 26


def test_seed_roster_matches_gold(staffing: Staffing, gold: dict[str, Any]) -> None:
    out = _plain(json.loads(staffing.model_dump_json()))
    assert out["roster"] == gold["roster"]
    # gold totals carry no per-month cells yet; everything else must agree
    totals = [{k: v for k, v in t.items() if k != "cells"} for t in out["roster_totals"]]
    assert totals == gold["roster_totals"]
    assert out["roster_retention_rate"] == gold["roster_retention_rate"]


def test_seed_roster_totals(staffing: Staffing) -> None:
    by_scope = {t.scope: t for t in staffing.roster_totals}
    assert list(by_scope) == ["certified", "uncertified", "all"]
    cert = by_scope["certified"]
    assert cert.on_post is not None and cert.on_post.value == 121.5
    assert cert.experienced is not None and cert.experienced.value == 87
    assert cert.monthly[:4] == [8.5, 9, 10, 12.5] and len(cert.monthly) == 10
    assert len(cert.cells) == 30 and cert.cells[:3] == ["8.5", "8", "9"]
    everyone = by_scope["all"]
    assert everyone.on_post is not None and everyone.on_post.printed == "225.5"
    assert staffing.roster_retention_rate is not None
    assert staffing.roster_retention_rate.printed == "60.00%"


def test_seed_roster_adds_up(staffing: Staffing) -> None:
    """Invariant: each group's rows sum to the group's printed 小计 (as the checker will)."""
    for t in staffing.roster_totals:
        rows = [r for r in staffing.roster if t.scope in ("all", r.group)]
        assert t.on_post is not None and t.experienced is not None
        assert sum(r.on_post.value for r in rows if r.on_post) == t.on_post.value
        assert sum(r.experienced.value for r in rows if r.experienced) == t.experienced.value


def _table(rows: list[list[str]], header_rows: int) -> Table:
    """A ruled grid; a row of one string spans the whole width (a group label row)."""
    width = max(len(r) for r in rows)
    cells = []
    for i, row in enumerate(rows):
        span = width if len(row) == 1 else 1
        for j, text in enumerate(row):
            box = (10.0 * j, 10.0 * i, 10.0 * (j + span), 10.0 * i + 10)
            cells.append(TableCell(i, j, text, 1, box, colspan=span))
    months = [("1月", "人员到位"), ("1月", "社保购买"), ("2月", "人员到位"), ("2月", "社保购买")]
    columns = [("序号",), ("姓名",), ("岗位资格证/资质",), *months, ("人员到岗小计",), ("备注",)]
    label = rows[header_rows - 1][0]
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=width,
        header_rows=header_rows,
        columns=[(*c, label) for c in columns],
        ruled=True,
    )


def test_roster_with_group_label_rows() -> None:
    """No 类型 column: "持证社工" is a row under the header, "非持证社工" a row in the body."""
    h1 = ["序号", "姓名", "岗位资格证/资质", "1月", "", "2月", "", "人员到岗小计", "备注"]
    h2 = ["", "", "", "人员到位", "社保购买", "人员到位", "社保购买", "", ""]
    table = _table(
        [
            h1,
            h2,
            ["持证社工"],
            ["1", "甲", "社会工作师", "√", "√", "0.5", "√", "1.5", ""],
            ["小计", "", "", "1", "1", "0.5", "1", "1.5", ""],
            ["非持证社工"],
            ["2", "乙", "已接受培训", "——", "——", "√", "√", "1", "2024年2月入职"],
            ["小计", "", "", "0", "0", "1", "1", "1", ""],
        ],
        header_rows=3,
    )
    rows, totals, rate = read_roster([table])
    assert [(r.name, r.group, r.marks) for r in rows] == [
        ("甲", "certified", ["√", "0.5"]),
        ("乙", "uncertified", ["——", "√"]),
    ]
    assert rows[1].note == "2024年2月入职"
    assert [(t.scope, t.on_post.value if t.on_post else None) for t in totals] == [
        ("certified", 1.5),
        ("uncertified", 1.0),
    ]
    assert totals[0].cells == ["1", "1", "0.5", "1"]
    assert rate is None


# --- narrative patterns on variant wordings --------------------------------------------


def _block(text: str) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(kind="paragraph", text=text, lines=[Line(page=3, glyphs=glyphs)], starts=[0])


def _values(text: str) -> dict[str, tuple[float, str | None, str | None]]:
    found = narrative_figures([_block(text)])
    return {k: (n.value, n.printed, n.unit) for k, n in found.items()}


def test_variant_required_actual_surplus() -> None:
    v = _values("持证社工应配备 10 名，实际到岗 12 人次，超出 2 人次；全职社工应在岗两百人次。")
    assert v["certified_required"] == (10, "10 名", "名")
    assert v["certified_actual"] == (12, "12 人次", "人次")
    assert v["certified_surplus"] == (2, "2 人次", "人次")
    assert v["fulltime_required"] == (200, "两百人次", "人次")
    assert "fulltime_actual" not in v


def test_uncertified_clause_is_not_certified() -> None:
    v = _values("非持证社工应到岗 100 人次，实到岗 90 人次。")
    assert not {"certified_required", "certified_actual"} & set(v)


def test_variant_counts_with_chinese_numerals() -> None:
    v = _values("社工站配备了两名中级社会工作师、十二名助理社工师。")
    assert v["mid_level_count"] == (2, "两名", "名")
    assert v["assistant_level_count"] == (12, "十二名", "名")
    v = _values("现有持证社工 12 名，非持证社工 8 人，社工总数为 20 名。")
    assert v["certified_count"] == (12, "12 名", "名")
    assert v["uncertified_count"] == (8, "8 人", "人")
    assert v["total_count"] == (20, "20 名", "名")


def test_variant_turnover() -> None:
    v = _values(
        "共有两名社工提前离职，一名社工于试用期内离职；三名社工从其他项目调入，十名社工新入职。"
    )
    assert v["resigned_early"][0] == 2
    assert v["left_in_probation"][0] == 1
    assert v["transferred_in"][0] == 3
    assert v["new_hires"][0] == 10


def test_variant_retention_and_experience() -> None:
    v = _values(
        "持续稳定在岗的社工共 15 人，稳岗率达到 75%，未达到要求稳岗率达到 80%以上的要求。"
        "具有两年及以上从业经验的社工到岗人次共 90 人次，占比 45.5%。"
    )
    assert v["stable_count"] == (15, "15 人", "人")
    assert v["retention_rate"] == (75, "75%", "%")
    assert v["retention_requirement"] == (80, "80%", "%")
    assert v["experienced_person_months"] == (90, "90 人次", "人次")
    assert v["experienced_share"] == (45.5, "45.5%", "%")


def test_approximate_figure() -> None:
    found = narrative_figures([_block("评估期内约 20 名社工新入职。")])
    assert found["new_hires"].approx and found["new_hires"].value == 20
    assert found["new_hires"].prov is not None and found["new_hires"].prov.page == 3


def test_pattern_file_problems_reported_together() -> None:
    bad = {
        "placeholders": {"num": r"(?P<value>\d+)"},
        "fields": {
            "certified_required": ["持证社工应到岗{num}人次", "([unclosed"],
            "no_such_field": ["x(?P<value>1)"],
            "stable_count": ["{missing}名", "稳定在岗\\d+名"],
        },
    }
    with pytest.raises(ModelDataError) as exc:
        validate(StaffingPatterns, bad, Path("test.yaml"))
    msg = str(exc.value)
    assert exc.value.exit_code == 78 and len(exc.value.problems) == 4
    for part in (
        "certified_required[1]: bad regex",
        "no_such_field",
        "stable_count[0]: unknown placeholder",
        "stable_count[1]: needs a named group `value`",
    ):
        assert part in msg


def test_split_notes() -> None:
    assert split_notes("2024年1月社保为上一个机构购买2024年6月16日考取证书") == (
        "2024年1月社保为上一个机构购买\n2024年6月16日考取证书"
    )
    assert split_notes("2024年1月至2024年3月请假") == "2024年1月至2024年3月请假"
    assert split_notes("  ") is None


# --- redaction -------------------------------------------------------------------------


def test_redact(staffing: Staffing) -> None:
    red = redact_staffing(staffing)
    names = [r.name for r in red.roster]
    assert names[0] == "某某1"
    # rows 13 and 17 are the same person, listed once per group
    assert staffing.roster[12].name == staffing.roster[16].name
    assert names[12] == names[16] and names[12] != names[13]
    assert len(set(names)) == len({r.name for r in staffing.roster})
    original = {r.name for r in staffing.roster}
    for row in red.roster:
        assert row.prov is not None and not any(n in row.prov.text for n in original)
    assert staffing.roster[0].name != "某某1"  # the input is left untouched


def test_unqualified_is_written_wei_or_fei_and_leaving_after_the_verb() -> None:
    # 未持证 is 非持证 in other words, and never counted as 持证; "离职３名" states the
    # head count after the verb (full-width digits as typed)
    v = _values("社工站配备社工１５名，其中持证社工９名，未持证社工６名；评估期内离职３名。")
    assert v["total_count"][0] == 15
    assert v["certified_count"][0] == 9
    assert v["uncertified_count"][0] == 6
    assert v["resigned_early"][0] == 3
    assert "certified_count" not in _values("未持证社工６名。")


def test_a_count_broken_down_by_area_in_a_qizhong_bracket() -> None:
    """ "入户探访 2898 次（其中第一片区 500 次、…）": each figure in the bracket is the
    count's indicator for the 片区 named before it; a breakdown by kind is not taken."""
    text = (
        "评估期内，社工站入户探访2898次（其中第一片区500次、第二片区1102次）；"
        "开展社区活动38场（其中亲子活动20场、长者活动18场）。"
    )
    block = _block(text)
    got = [(f.indicator, f.measure, f.value, f.scope) for f in _breakdown(block, figures_of(text))]
    assert got == [
        ("home_visits", "count", 500.0, "第一片区"),
        ("home_visits", "count", 1102.0, "第二片区"),
    ]


def test_roster_of_qualification_levels_with_a_bare_subtotal_column() -> None:
    """序号 │ 姓名 │ 岗位 │ 持证情况 (初级 / 中级 / 无) │ months │ 小计, no 小计 rows: 无 is an
    uncertified worker, the 小计 column each person's on-post count, 合计 the whole."""
    rows = [
        ["序号", "姓名", "岗位", "持证情况", "1月", "2月", "小计"],
        ["1", "甲", "督导", "中级", "○", "○", "2"],
        ["2", "乙", "一线社工", "无", "○", "○", "2"],
        ["3", "丙", "社工助理", "初级", "", "○", "1"],
        ["合计", "", "", "", "2", "3", "5"],
    ]
    cells = [
        TableCell(i, j, text, 1, (10.0 * j, 10.0 * i, 10.0 * j + 10, 10.0 * i + 10))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
    ]
    table = Table(cells, len(rows), 7, 1, [(h,) for h in rows[0]], True)
    people, totals, _ = read_roster([table])
    assert [(p.seq, p.name, p.group, p.qualification) for p in people] == [
        (1, "甲", "certified", "中级"),
        (2, "乙", "uncertified", "无"),
        (3, "丙", "certified", "初级"),
    ]
    assert [p.on_post.value if p.on_post else None for p in people] == [2, 2, 1]
    assert [(t.scope, t.on_post.value if t.on_post else None) for t in totals] == [("all", 5)]


def test_staffing_sentence_after_a_staffing_table() -> None:
    """项目概况 › 二、人员配置: the head counts in one sentence, the 流失率 not a field."""
    got = _values(
        "截至评估期末，项目共配置社工8名，其中持证社工6名（中级4名、初级2名），未持证2名。"
        "评估期内离职社工1名，人员流失率为11.1%（离职人数÷（期末在岗人数＋离职人数））。"
    )
    assert {k: v[0] for k, v in got.items()} == {
        "total_count": 8.0,
        "certified_count": 6.0,
        "uncertified_count": 2.0,
        "mid_level_count": 4.0,
        "assistant_level_count": 2.0,
        "resigned_early": 1.0,
    }
    # a requirement is no head count
    assert "total_count" not in _values("项目应配置社工10名。")


def test_head_counts_in_a_sub_section_of_the_basic_information() -> None:
    root = Section("", 0)
    part = Section("第一部分 项目概况", 1, parent=root, canonical="basic_info")
    sub = Section("二、人员配置", 2, parent=part)
    sub.items.append(_block("项目共配置社工8名。"))
    part.children.append(sub)
    root.children.append(part)
    doc = Document("x.pdf", "", [], [], [], root, [])
    assert [b.text for b in _basic_blocks(doc)] == ["项目共配置社工8名。"]


def test_roster_months_under_a_group_header_and_a_total_line_of_counts() -> None:
    """到岗情况 › 1月 │ 2月: the months under one group header are the mark columns; the
    合计 line's month cells are its monthly counts."""
    rows = [
        ["序号", "姓名", "岗位", "持证情况", "到岗情况", "", "小计"],
        ["", "", "", "", "1月", "2月", ""],
        ["1", "甲", "督导", "中级", "○", "○", "2"],
        ["2", "乙", "社工助理", "无", "", "○", "1"],
        ["合计", "", "", "", "1", "2", "3"],
    ]
    cells = [
        TableCell(i, j, text, 1, (10.0 * j, 10.0 * i, 10.0 * j + 10, 10.0 * i + 10))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
        if i >= 2 or text
    ]
    columns = [
        ("序号",),
        ("姓名",),
        ("岗位",),
        ("持证情况",),
        ("到岗情况", "1月"),
        ("到岗情况", "2月"),
        ("小计",),
    ]
    people, totals, _ = read_roster([Table(cells, len(rows), 7, 2, columns, True)])
    assert [(p.name, p.group, p.marks, p.on_post.value if p.on_post else None) for p in people] == [
        ("甲", "certified", ["○", "○"], 2),
        ("乙", "uncertified", ["", "○"], 1),
    ]
    assert [(t.scope, t.monthly, t.on_post.value if t.on_post else None) for t in totals] == [
        ("all", [1.0, 2.0], 3)
    ]
