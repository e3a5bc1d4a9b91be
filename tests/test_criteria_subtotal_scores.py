"""Each party's score only as the 小计 row of its OWN criteria table, inside its own
opinion section (表3-1 购买方评分表: 评分项目 │ 分值 │ 得分 … 小计 │ 30 │ 27.43), no summary
score table, the total and grade in one sentence: the 小计's 得分 is the party's score,
its 分值 the party's full mark (the weights in points, when the four add up to 100), and
a 分值 is never read as a score. Synthetic sections and tables, no corpus file."""

from __future__ import annotations

from extractor.document.model import Document, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import extract_scoring
from tests.test_continued_and_bracketed import _doc, _para

PARTIES = {
    "购买方（街道办事处）评估意见": ("购买方", [("服务协议履行", "20", "18.50")], "30", "27.43"),
    "监督方（区民政局）评估意见": ("监督方", [("资金使用规范性", "20", "16.19")], "20", "16.19"),
    "督导方（督导中心）评估意见": ("督导方", [("专业方法运用", "10", "8.69")], "10", "8.69"),
    "第三方评估机构评估意见": ("第三方评估机构", [("项目管理", "40", "32.35")], "40", "32.35"),
}


def _criteria(caption: str, items: list[tuple[str, str, str]], full: str, score: str) -> Table:
    rows = [("评分项目", "分值", "得分"), *items, ("小计", full, score)]
    cells = [
        TableCell(r, c, text, 4, (c * 80.0, 100 + r * 20.0, (c + 1) * 80.0, 120 + r * 20.0), 1, 1)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return Table(cells, len(rows), 3, 1, [], True, caption=caption, pages=[4])


def _report(parties: dict[str, tuple[str, list[tuple[str, str, str]], str, str]]) -> Document:
    blocks = [_para("四、各方评估意见", "heading")]
    for i, heading in enumerate(parties):
        blocks += [
            _para(f"（{'一二三四'[i]}）{heading}", "heading"),
            _para(f"评分情况见表3-{i + 1}。"),
        ]
    blocks += [
        _para("五、评估得分与等级", "heading"),
        _para("经汇总四方评分表的小计，本期综合得分为85.66分，评估等级为良好。"),
    ]
    doc = _doc(blocks)
    for i, (heading, (who, items, full, score)) in enumerate(parties.items()):
        (sec,) = [s for s in doc.root.walk() if s.heading is not None and heading in s.heading.text]
        table = _criteria(f"表3-{i + 1} {who}评分表", items, full, score)
        sec.items.append(table)
        doc.tables.append(table)
    return doc


def test_each_partys_score_is_its_criteria_tables_subtotal() -> None:
    got = extract_scoring(_report(PARTIES), profile())
    assert {s.party: s.score.printed for s in got.party_scores} == {
        "buyer": "27.43",
        "monitor": "16.19",
        "supervision_centre": "8.69",
        "third_party": "32.35",
    }
    buyer = next(s for s in got.party_scores if s.party == "buyer")
    assert buyer.score.prov is not None and buyer.score.prov.page == 4
    # the 小计's 分值: the weights in points, from the report
    assert got.weights_source == "report"
    assert {w.party: w.weight for w in got.weights} == {
        "buyer": 30,
        "monitor": 20,
        "supervision_centre": 10,
        "third_party": 40,
    }
    assert got.total is not None and got.total.printed == "85.66"


def test_a_party_without_its_criteria_table_gives_no_scores() -> None:
    """Three tables of four: nothing read, no weights from the 分值 (the profile's)."""
    some = dict(PARTIES)
    heading = next(iter(some))
    who, items, _, _ = some[heading]
    some[heading] = (who, items, "30", "")
    got = extract_scoring(_report(some), profile())
    assert got.party_scores == []
    assert got.weights_source == "profile"


def test_a_table_captioned_for_another_party_is_not_this_partys() -> None:
    """A criteria table read into the wrong party's section (its caption naming another
    party) is no evidence of this party's score."""
    swapped = dict(PARTIES)
    heading = next(iter(swapped))
    _, items, full, score = swapped[heading]
    swapped[heading] = ("监督方", items, full, score)
    got = extract_scoring(_report(swapped), profile())
    assert got.party_scores == []
