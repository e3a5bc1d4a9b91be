"""Behaviours first needed by the shuttered family yanxi: praise/concern labels named as
an aspect and run in with a comma ("成效方面，一是……；二是……。"), a party heading naming
the organisation first and its role in brackets, and a table split column-wise over two
pages (表2 then 表2（续） repeating the 片区 column) whose continued part is checked on
its own rows — on small synthetic inputs and on the parsed yanxi reports."""

from __future__ import annotations

from pathlib import Path

from extractor.api import extract
from extractor.document.blocks import inline_label, label_word
from extractor.document.build import build_document
from extractor.document.model import Block, Table, TableCell
from extractor.document.sections import build_tree
from extractor.document.tables import column_paths
from extractor.knowledge.profiles import profile
from extractor.passes.assessments import _run_in_items
from extractor.passes.indicators import _columns_beside
from extractor.passes.parties import named_parties
from extractor.passes.tables.read import read_table
from extractor.pdf.pages import Glyph, Line

YANXI = Path(__file__).parent.parent / "corpora" / "shuttered" / "yanxi"
CLEAN = YANXI / "yanxi_shiyan_2025_final.pdf"
RATE_OFF = YANXI / "yanxi_mochi_2024_final.pdf"


def _block(
    text: str, kind: str = "paragraph", marker: str | None = None, mtype: str | None = None
) -> Block:
    glyphs = [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 10, 12.0) for i, c in enumerate(text)]
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        lines=[Line(page=3, glyphs=glyphs)],
        starts=[0],
        marker=marker,
        marker_type=mtype,
    )


def test_a_label_named_as_an_aspect_runs_in_with_a_comma() -> None:
    assert inline_label("成效方面，一是台账规范；二是回访及时。") == "成效方面，"
    assert inline_label("不足方面，一是记录滞后。") == "不足方面，"
    assert label_word("成效方面，") == ("成效方面", "成效")
    assert label_word("不足方面，") == ("不足方面", "不足")
    # the aspect with a colon, as other labels are printed
    assert inline_label("成效方面：一是台账规范。") == "成效方面："
    assert label_word("成效方面：") == ("成效方面", "成效")
    # the colon form is unchanged, and is no aspect
    assert inline_label("优点：台账规范。") == "优点："
    assert label_word("优点：") == ("优点", None)
    # a label word with a comma but not named as an aspect, or an aspect of something
    # that is no label, opens no label
    assert inline_label("成效，一是台账规范。") is None
    assert inline_label("服务成效方面，社工站完成了协议指标。") is None
    assert inline_label("在成效方面，社工站完成了协议指标。") is None


def test_aspect_labels_open_praise_and_concern_sections_of_their_items() -> None:
    praise = _block("成效方面，一是台账规范；二是回访及时。", "label", "成效方面，", "inline_label")
    concern = _block(
        "不足方面，一是记录滞后；二是宣传不足。", "label", "不足方面，", "inline_label"
    )
    head = _block("（一）某街道办事处（购买方）意见", "heading", "（一）", "paren_cn")
    root = build_tree([head, praise, concern])
    party = root.children[0]
    got = [(s.title, s.canonical) for s in party.children]
    assert got == [("成效方面", "praise"), ("不足方面", "concern")]
    items = _run_in_items([praise])
    assert [(o, t) for o, t, _ in items] == [(1, "台账规范"), (2, "回访及时")]
    assert items[0][2].text == "一是台账规范"
    # one 一是 right after its label is a list of one; without a label it is prose
    alone = _block("不足方面，一是记录滞后。", "label", "不足方面，", "inline_label")
    assert [(o, t) for o, t, _ in _run_in_items([alone])] == [(1, "记录滞后")]
    assert _run_in_items([_block("一是记录滞后。")]) == []


def test_a_heading_naming_an_organisation_and_its_role_names_the_party() -> None:
    doc = build_document(CLEAN)
    # without the front matter that introduces the organisations (报告说明, page II),
    # the headings alone still name them by their bracketed roles
    doc.blocks = [b for b in doc.blocks if b.page > 2]
    assert named_parties(doc, profile()) == {
        "石砚街道办事处": "buyer",
        "砚东区民政局": "monitor",
        "琅州市社会工作指导中心": "supervision_centre",
        "琅州市砚溪社会工作评估中心": "third_party",
    }


def test_every_party_of_the_real_report_gets_its_run_in_items() -> None:
    rec = extract(CLEAN)
    got = [(s.party, s.polarity, s.heading, s.item_count) for s in rec.assessment_sections]
    assert got == [
        ("buyer", "praise", "成效方面", 4),
        ("buyer", "concern", "不足方面", 3),
        ("monitor", "praise", "成效方面", 2),
        ("monitor", "concern", "不足方面", 2),
        ("supervision_centre", "praise", "成效方面", 2),
        ("supervision_centre", "concern", "不足方面", 2),
        ("third_party", "praise", "成效方面", 3),
        ("third_party", "concern", "不足方面", 3),
    ]
    first = rec.assessments[0]
    assert (first.ordinal, first.text) == (
        1,
        "项目团队分工明确，片区负责人制度运行良好，片区之间互相支援",
    )
    assert first.prov.page == 5


def _table(rows: list[list[str]], caption: str, page: int) -> Table:
    cells = [
        TableCell(r, c, text, page, (c * 60.0, r * 20.0, c * 60.0 + 60, r * 20.0 + 20))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    t = Table(cells, len(rows), len(rows[0]), 1, [], True, caption=caption, pages=[page])
    t.columns = column_paths(t)
    return t


FIRST = [
    ["片区", "个案服务协议量", "个案服务完成量", "个案服务完成率"],
    ["东片区", "100节", "120节", "120%"],
    ["西片区", "50节", "50节", "100%"],
    ["合计", "150节", "170节", "113%"],
]
BESIDE = [
    ["片区", "小组服务协议量", "小组服务完成量", "小组服务完成率"],
    ["东片区", "10节", "12节", "120%"],
    ["西片区", "20节", "30节", "150%"],
    ["合计", "30节", "42节", "140%"],
]


def _reads(second: list[list[str]], caption: str = "表2（续）") -> set[int]:
    a = _table(FIRST, "表2 各片区服务指标完成情况", 4)
    b = _table(second, caption, 5)
    areas = frozenset({"东片区", "西片区"})
    reads = [(t, "表2", read_table(t, "表2", areas)) for t in (a, b)]
    return {k for k, (_, _, got) in enumerate(reads) if id(got) in _columns_beside(reads)}


def test_a_part_split_off_column_wise_is_whole_in_its_rows() -> None:
    # the same rows with other indicators: checkable on its own
    assert _reads(BESIDE) == {1}
    # not marked continued: a table of its own, nothing to decide
    assert _reads(BESIDE, caption="表3 各片区小组服务") == set()
    # the rows run on (a row-wise continuation: other 片区, its 合计 over rows above)
    ran_on = [BESIDE[0], ["南片区", "10节", "12节", "120%"], ["合计", "30节", "42节", "140%"]]
    assert _reads(ran_on) == set()
    # the same indicators again: the rest of the rows, not further columns
    same = [FIRST[0], *BESIDE[1:]]
    assert _reads(same) == set()


def test_a_rate_off_in_the_continued_part_is_a_finding_and_the_clean_one_none() -> None:
    clean = extract(CLEAN)
    assert not clean.findings and not clean.problems
    rec = extract(RATE_OFF)
    (read,) = [r for r in rec.indicators.reads if r.pages == [5]]
    assert read.trusted
    (off,) = [f for f in rec.findings if f.rule == "pct.row"]
    assert off.severity == "error" and (off.printed, off.expected) == ("197%", "187%")
    assert off.locations[0].ref == "indicators/表2/梧桐片区/groups/sessions/pct"
    assert off.locations[0].page == 5
