"""Habits of an evaluator that prints the weights only as a ratio of the parties' full
marks (四方评分按3∶2∶1∶4的比例计入综合得分), letter grades with no names (a band table
等级 │ 综合得分, A级 │ 90分（含）以上 …, the result 评估等级为B级), praise and concern under
成效亮点： / 待改进之处：, the staffing only as a per-片区 table (片区 │ 配备社工 │ 持证社工 │
未持证社工, a 站部 line, 合计 last), and the station's key figures as run-in labelled lines
(入户探访：完成…人次，完成率…%) before a paragraph giving each target (…协议量为…) and each
rate's distance from 100% in 个百分点. Synthetic inputs, figures invented."""

from __future__ import annotations

from extractor.document.model import Document, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.nlp.figures import figures_of
from extractor.numbers import normalise
from extractor.passes.assessments import label_polarity
from extractor.passes.narrative import narrative_figures
from extractor.passes.scoring import _bands, _grade, _ratio_weights
from extractor.passes.staffing import table_figures
from tests.test_stacked_cells import _block, _heading

PARTIES = "综合得分满分100分，由购买方、监督方、督导方和第三方评估机构四方评分构成，"


def test_weights_printed_as_a_ratio_in_the_order_the_parties_were_named() -> None:
    got = _ratio_weights([_block(PARTIES + "四方评分按2∶3∶1∶4的比例计入综合得分。")], profile())
    assert {w.party: w.weight for w in got} == {
        "buyer": 20.0,
        "monitor": 30.0,
        "supervision_centre": 10.0,
        "third_party": 40.0,
    }
    # a colon-typed ratio whose terms do not add up to ten: each term's share
    got = _ratio_weights([_block(PARTIES + "四方评分按1:1:1:2的比例计入。")], profile())
    assert [w.weight for w in got] == [20.0, 20.0, 20.0, 40.0]


def test_a_ratio_that_names_not_every_party_gives_no_weights() -> None:
    three = "由购买方、监督方和第三方评估机构评分，按3∶2∶5的比例计入综合得分。"
    assert _ratio_weights([_block(three)], profile()) == []
    # four terms after three parties named: which term is whose is unknown
    odd = "由购买方、监督方和第三方评估机构评分，按3∶2∶1∶4的比例计入综合得分。"
    assert _ratio_weights([_block(odd)], profile()) == []


def _band_table() -> Table:
    rows = [
        ["等级", "综合得分"],
        ["A级", "90分（含）以上"],
        ["B级", "80分（含）至90分"],
        ["C级", "60分（含）至80分"],
        ["D级", "60分以下"],
    ]
    cells = [
        TableCell(r, c, text, 3, (c * 100.0, 100 + r * 20.0, (c + 1) * 100.0, 120 + r * 20.0))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    # the grades read as header rows, as a small table of text may be
    t = Table(cells, len(rows), 2, 4, [], True, caption="表2 评估等级标准", pages=[3])
    t.columns = column_paths(t)
    return t


def test_letter_grades_with_no_names_are_a_ladder_of_their_own() -> None:
    letters = [g for g in profile().grade_scales if g[0].startswith("A")]
    assert letters == [["A级", "B级", "C级", "D级"]]
    ladder = profile().with_grades(letters[0])
    bands = _bands([], ladder, [_band_table()])
    assert [(b.grade, b.lower, b.upper) for b in bands] == [
        ("A级", 90.0, None),
        ("B级", 80.0, 90.0),
        ("C级", 60.0, 80.0),
        ("D级", None, 60.0),
    ]
    block = _block(normalise("经汇总，本期综合得分为83.24分，评估等级为B级。"))
    doc = Document("x.pdf", "", [], [], [], build_tree([block]), [])
    grade = _grade(doc, [block], [], ladder)
    assert grade is not None and grade.value == "B级"


def test_praise_and_concern_labels_of_highlights_and_things_to_improve() -> None:
    assert label_polarity("成效亮点：") == "praise"
    assert label_polarity("待改进之处：") == "concern"


def _staff_table(first: str = "片区", total: str = "配备社工") -> Table:
    rows = [
        [first, total, "持证社工", "未持证社工"],
        ["东湖片区", "4", "3", "1"],
        ["西岭片区", "3", "1", "2"],
        ["站部", "2", "2", "0"],
        ["合计", "9", "6", "3"],
    ]
    cells = [
        TableCell(r, c, text, 2, (c * 80.0, 100 + r * 20.0, (c + 1) * 80.0, 120 + r * 20.0))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    t = Table(cells, len(rows), 4, 1, [], True, caption="表1 各片区社工配置情况", pages=[2])
    t.columns = column_paths(t)
    return t


def test_staffing_printed_only_by_pian_qu() -> None:
    got = table_figures([_staff_table()])
    assert {k: n.value for k, n in got.items()} == {
        "total_count": 9.0,
        "certified_count": 6.0,
        "uncertified_count": 3.0,
    }
    # a first column naming neither posts nor 片区 is no staffing table
    assert table_figures([_staff_table(first="服务项目")]) == {}


def test_percentage_points_are_no_count() -> None:
    figs = figures_of(
        "完成率112.50%，超出协议量12.50个百分点；低于协议量3.75个百分点，提高三个百分点"
    )
    assert [f.printed for f in figs] == ["112.50%"]


def test_a_run_in_indicator_label_names_the_figures_after_it() -> None:
    for text, indicator in (
        ("困难群众建档：完成612户，完成率121.43%", "registered"),
        ("小组服务：完成57节，完成率103.64%", "groups"),
    ):
        figs = figures_of(text)
        assert [(f.indicator, f.kind) for f in figs] == [(indicator, "count"), (indicator, "pct")]
    # a label that is more than a few words before the colon names nothing
    figs = figures_of("本期困难群众建档工作按计划推进并全部完成：完成612户")
    assert figs[0].indicator is None


def _narrative(*texts: str) -> list[tuple[str | None, str, str]]:
    flow = [_heading("三、服务指标完成情况"), *(_block(normalise(t)) for t in texts)]
    doc = Document("x.pdf", "", [], [], [], build_tree(flow), [])
    return [(f.indicator, f.kind, f.printed) for f in narrative_figures(doc)]


def test_key_figures_and_targets_named_by_their_role_word() -> None:
    got = _narrative(
        "入户探访：完成1324人次，完成率120.36%",
        "从协议完成情况看，入户探访协议量为1100人次，完成率120.36%，超出协议量20.36个百分点；"
        "个案服务协议量为240节，完成率96.25%，低于协议量3.75个百分点。",
    )
    assert got == [
        ("home_visits", "done", "1324人次"),
        ("home_visits", "pct", "120.36%"),
        ("home_visits", "target", "1100人次"),
        ("home_visits", "pct", "120.36%"),
        ("casework", "target", "240节"),
        ("casework", "pct", "96.25%"),
    ]


def test_a_count_done_against_the_target_is_no_target() -> None:
    got = _narrative("本期入户探访完成协议指标1324人次，个案服务开展240节。")
    assert ("home_visits", "done", "1324人次") in got
    assert all(k != "target" for _, k, _ in got)
