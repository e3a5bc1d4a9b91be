"""Misreads made on real corpus tables (tests/robustness/misreads.py) must not become
findings: one line's first cell lost (every figure in its left neighbour's column), or a
table's first two figure columns swapped, or a line not read. These are the tables whose
mutants alarmed before the guard read lines and column groups as wholes
(`misread.line_shifted`, `misread.group_swapped`) and looked for a missed 片区 row in every
table of a report that prints one table per 片区 (`misread.row_missed`), or doubted a
read whose figures count its rows (a 序号 column, `fragment.ordinal_figures`,
`fragment.ordinal_lines`), or read a score table's line one column off
(`misread.score_line_shifted`) or its 满分 column as the scores
(`misread.full_marks_as_scores`), or read a score table's line rotated
(`misread.score_line_rotated`), its unweighted scores or its 扣分 column as the scores
(`misread.unweighted_scores`, `misread.deductions_as_scores`), or one party's score from
another column than the others' (`misread.score_out_of_place`), or doubted a staffing
table whose lines do not hold together (`StaffingTableRead`), or left a narrative
figure unchecked against a table figure the guard doubts (`misread.compared_figure`) or
read under another indicator's header (`misread.indicator_columns`), or read whole
columns swapped (`misread.area_group_swapped`, `misread.group_columns_swapped`), one
role's cells of a line read off (`misread.line_shifted`), a figure in another column's
format (`misread.role_format`), or read a score table's party columns against the
wrong headers (`misread.party_columns`), or two neighbouring parties' scores against each
other's (`misread.scores_swapped`), or doubted a read whose indicator's (or 片区 column's) rates
recompute only with another column of its table (`fragment.column_elsewhere`), or a
score read whose relations fail apart (`ScoreTableRead`);
`python -m tests.robustness.misreads` counts the rest."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extractor.document.build import build_document
from extractor.document.model import Document
from extractor.passes.run import run_passes
from tests.robustness.misreads import ROOT, alarms, new_alarms

CORPORA = ROOT / "corpora"


@cache
def _doc(name: str) -> tuple[Document, frozenset[tuple[str, str]]]:
    pdf = next(CORPORA.rglob(name))
    doc = build_document(Path(pdf))
    return doc, frozenset(alarms(run_passes(doc)))


@pytest.mark.parametrize(
    ("name", "table", "kind"),
    [
        ("tianyuan_changling_2024_final.pdf", 0, "lost_cell"),  # one 片区's small table
        ("liuyin_hetang_2024_final.pdf", 0, "lost_cell"),  # two tables side by side
        ("minghu_jingxi_2024_final.pdf", 3, "lost_cell"),  # long format, /Rotate 270
        ("qiaoxin_nanhu_2024_final.pdf", 1, "lost_cell"),  # 社工点 rows with 小计
        ("jiangwan_binjiang_2024_final.pdf", 6, "lost_cell"),  # 序号 and 单位 columns
        ("songhe_jinsha_2024_final.pdf", 0, "lost_cell"),  # 片区 as column groups, /Rotate 90
        ("lanshan_dongpo_2024_final.pdf", 0, "swap_cols"),  # three-line, three-level header
        ("qiaoxin_nanhu_2024_final.pdf", 1, "swap_cols"),
        ("yunlu_liutang_2024_final.pdf", 0, "swap_cols"),  # vertical rules only
        ("guihe_guihe_2023_final.pdf", 0, "swap_cols"),  # its 序号 column taken for targets
        ("liuyin_hetang_2024_final.pdf", 3, "swap_cols"),  # a 序号 5, 6, 7 taken for targets
        ("zhuyuan_hetang_2025_final.pdf", 2, "lost_cell"),  # parties as columns, 综合得分 last
        ("tongle_lean_2025_final.pdf", 1, "lost_cell"),  # 加权得分 line, 第三方's cell empty
        ("qingshui_qingshui_2025_final.pdf", 1, "swap_cols"),  # 满分 │ 得分 read as 得分 │ 满分
        ("jinxiu_donghu_2024_final.pdf", 1, "swap_cols"),  # the same, its 合计 line first
        ("tianyuan_changling_2024_final.pdf", 0, "drop_row"),  # a 片区's row, 合计 apart
        ("liuyin_hetang_2024_final.pdf", 1, "drop_row"),
        # score tables: a party's score read from its 权重系数 cell (a cell lost)
        ("yuquan_qingtan_2025_final.pdf", 8, "lost_cell"),
        # 权重 │ 评分（百分制） │ 加权得分 rotated: the unweighted scores in the score column
        ("heping_anping_2025_final.pdf", 5, "rotate"),
        ("xiling_yunshan_2025_mid.pdf", 1, "rotate"),
        ("fengqiao_liutang_2025_final.pdf", 0, "rotate"),
        ("lantian_xiaohe_2025_final.pdf", 2, "rotate"),
        ("jingyang_binjiang_2024_final.pdf", 1, "rotate"),  # 分值 │ 扣分 │ 得分: the 扣分 read
        ("hongshan_gangkou_2025_final.pdf", 1, "rotate"),  # parties as columns, 合计 line
        ("tongle_lean_2025_final.pdf", 1, "rotate"),  # parties as columns, 加权得分 line
        # narrative figures against a table misread: its 合计 column read rotated (the sums'
        # findings explained, the narrative then compared with misread cells), or its
        # indicator columns read under each other's headers (rates and sums still hold)
        ("luoxi_shiqiao_2025_final.pdf", 0, "rotate"),
        ("sanglin_huaiyin_2025_final.pdf", 0, "rotate"),
        ("sanglin_huaiyin_2025_final.pdf", 0, "swap_cols"),
        # whole columns read the wrong way round: a 片区's column group (片区 as column
        # groups), or the 协议量 columns of two neighbouring indicator groups
        ("songhe_jinsha_2024_final.pdf", 0, "swap_cols"),
        ("beitang_gangbei_2025_final.pdf", 0, "swap_cols"),
        # a line read off where each role has a line of its own (its 合计 slot unread, or
        # the rate's line not the one shifted), or where only the 协议量 cells moved
        ("luoxi_shiqiao_2025_final.pdf", 0, "lost_cell"),
        ("sanglin_huaiyin_2025_final.pdf", 0, "lost_cell"),
        ("beitang_gangbei_2025_final.pdf", 0, "lost_cell"),
        # a figure in another column's format: a rate in the 完成量 (合计) column, a count
        # (协议量完成量 printed run together) in the 完成率 column
        ("pingtan_jiangkou_2025_final.pdf", 1, "lost_cell"),
        ("lantian_xiaohe_2025_final.pdf", 0, "lost_cell"),
        ("lantian_xiaohe_2025_final.pdf", 1, "lost_cell"),
        ("lantian_xiaohe_2025_final.pdf", 0, "swap_cols"),
        ("lantian_xiaohe_2025_final.pdf", 1, "swap_cols"),
        # a score table's party columns read in another order: its own 权重 line moves
        # with the scores, the text's weights do not
        ("zhuyuan_hetang_2025_final.pdf", 2, "swap_cols"),
        ("tongle_lean_2025_final.pdf", 1, "swap_cols"),
        # a staffing table (岗位 │ 中级 │ 助理 │ 小计 │ 未持证 │ 合计) rotated: its read doubted
        ("heping_anping_2025_final.pdf", 3, "rotate"),
        # two parties' score columns swapped in a table printing only the scores (nothing
        # else tells: a plausible misread, `misread.scores_swapped`)
        ("hongshan_gangkou_2025_final.pdf", 1, "swap_cols"),
        # a 覆盖社区 count column swapped with an indicator's 协议量 column: the indicator's
        # rates recompute only with the other column (`fragment.column_elsewhere`)
        ("shitang_liuwan_2025_final.pdf", 2, "swap_cols"),
        # the same with the 片区 as column groups (indicators as lines): two 片区's 协议量
        # columns swapped, each 片区's rates recompute only with the other's column
        ("muxi_guixiang_2025_final.pdf", 1, "swap_cols"),
        # a party's criteria table (评分项目 │ 分值 │ 得分, its score the 小计) read with its
        # two columns the other way round, or rotated: every item above its 分值
        # (`ScoreTableRead` not trusted)
        ("muxi_guixiang_2025_final.pdf", 2, "swap_cols"),
        ("muxi_guixiang_2025_final.pdf", 3, "swap_cols"),
        ("muxi_guixiang_2025_final.pdf", 5, "swap_cols"),
        ("muxi_guixiang_2025_final.pdf", 2, "rotate"),
        ("muxi_guixiang_2025_final.pdf", 3, "rotate"),
        ("muxi_guixiang_2025_final.pdf", 5, "rotate"),
        # a score table with a line per party rotated: no party's weight under the
        # weight's header (`ScoreTableRead` not trusted)
        ("tanhe_qingping_2025_final.pdf", 2, "rotate"),
    ],
)
def test_a_misread_of_a_corpus_table_is_no_finding(name: str, table: int, kind: str) -> None:
    doc, clean = _doc(name)
    extra = new_alarms(doc, table, kind, set(clean))
    assert extra is not None, "the mutation should apply to this table"
    assert extra == set(), extra
