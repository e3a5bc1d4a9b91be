"""An evaluation team's own table is no staff roster (issue 8; fenced/luming's 二、评估说明
prints 表1 评估组成员 序号 │ 姓名 │ 职务/职称 │ 评估分工, the assessors — 组长 / 成员,
高级社会工作师, 会计师 — which has the 序号 and 姓名 of a roster's header and was read as the
station's staff). Told apart by its caption or heading naming the team, or a column heading
the assessors' work (models/vocab/roster.yaml team_title, team_header); a roster under any
other caption, a staff column of duties (工作分工), stays a roster. On small synthetic tables
(no PDF), beside the corpus figures in tests/known_mismatches_fenced.yaml."""

from __future__ import annotations

from dataclasses import replace

from extractor.document.model import Table, TableCell
from extractor.passes.roster import is_roster, is_team, read_roster

TEAM = [
    ["序号", "姓名", "职务/职称", "评估分工"],
    ["1", "甲", "组长/高级社会工作师", "统筹评估、撰写报告"],
    ["2", "乙", "成员/会计师", "财务审核"],
    ["3", "丙", "成员/中级社会工作师", "指标核查"],
]
STAFF = [
    ["序号", "姓名", "岗位", "持证情况"],
    ["1", "丁", "项目主任", "中级"],
    ["2", "戊", "社工", "助理"],
]


def _table(rows: list[list[str]], caption: str = "", section: tuple[str, ...] = ()) -> Table:
    width = len(rows[0])
    cells = [
        TableCell(i, j, text, 1, (10.0 * j, 10.0 * i, 10.0 * j + 10, 10.0 * i + 10))
        for i, row in enumerate(rows)
        for j, text in enumerate(row)
    ]
    return Table(cells, len(rows), width, 1, [(h,) for h in rows[0]], True, caption, section, [1])


def test_the_team_table_under_its_caption_is_no_roster() -> None:
    team = _table(TEAM, "表1 评估组成员", ("评估说明", "评估组织"))
    assert is_team(team) and not is_roster(team)
    assert read_roster([team]) == ([], [], None)


def test_either_signal_is_enough() -> None:
    """The 评估分工 column without a caption; a caption or heading naming the team over a
    header that says nothing of evaluation (序号 │ 姓名 │ 职务 │ 职称)."""
    assert not is_roster(_table(TEAM))
    plain = [["序号", "姓名", "职务", "职称"], *([r[0], r[1], "成员", "会计师"] for r in TEAM[1:])]
    assert is_roster(_table(plain))  # nothing says team: read as people, as before
    for caption, section in [
        ("评估小组名单", ()),
        ("评估专家", ()),
        ("", ("评估说明", "评估人员")),
        ("表1 评估团队成员", ()),
    ]:
        assert not is_roster(_table(plain, caption, section)), (caption, section)


def test_a_staff_roster_stays_one() -> None:
    """Under headings of the evaluation (评估结论, 评估组织) or a caption of staff, with a
    duties column (工作分工, not the assessors' 评估分工), the people are read."""
    for caption, section in [
        ("附件社工花名册", ("评估结论",)),
        ("表1 社工名单", ("评估说明", "评估组织")),
        ("附件2 评估期内社工到岗情况", ("附件2",)),
    ]:
        staff = _table(STAFF, caption, section)
        assert not is_team(staff) and is_roster(staff), (caption, section)
        assert [p.name for p in read_roster([staff])[0]] == ["丁", "戊"]
    duties = [[*STAFF[0], "工作分工"], [*STAFF[1], "个案"], [*STAFF[2], "小组"]]
    assert is_roster(_table(duties))


def test_a_team_table_does_not_open_a_roster_for_the_table_after() -> None:
    """A headless table right after the team table is no roster's continuation."""
    team = _table(TEAM, "表1 评估组成员")
    rest = replace(_table([["4", "己", "成员", "访谈"]]), header_rows=0, columns=[()] * 4)
    assert read_roster([team, rest]) == ([], [], None)
