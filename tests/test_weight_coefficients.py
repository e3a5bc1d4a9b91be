"""Weights printed only as decimal coefficients in the score table (评估主体 │ 权重系数 │
评分（百分制） │ 折算得分, 0.30 … with 合计 1.00): read as shares of 100 (30 …); the party's
score stays the weighted one (折算得分). Coefficients that do not add up to 1, or a column
of small plain numbers that are not coefficients, are no weights. Synthetic tables."""

from __future__ import annotations

from extractor.document.model import Section, Table, TableCell
from extractor.knowledge.profiles import profile
from extractor.passes.scoring import _table_scores, _table_weights

PARTIES = [
    "购买方（某街道办事处）",
    "监督方（某区民政局）",
    "督导方（市指导中心）",
    "第三方评估机构",
]


def _table(head: list[str], rows: list[list[str]]) -> Table:
    cells: list[TableCell] = []
    for r, texts in enumerate([head, *rows]):
        for c, text in enumerate(texts):
            box = (c * 100.0, 100 + r * 20.0, (c + 1) * 100.0, 120 + r * 20.0)
            cells.append(TableCell(r, c, text, 7, box, 1, 1))
    return Table(
        cells, len(rows) + 1, len(head), 1, [], True, caption="表3 四方评分汇总表", pages=[7]
    )


def _weights(t: Table) -> dict[str, float]:
    got = _table_weights([Section(title="评估得分", level=1, items=[t])], profile())
    return {w.party: w.weight for w in got}


HEAD = ["评估主体", "权重系数", "评分（百分制）", "折算得分"]


def test_coefficients_are_shares_of_100() -> None:
    coef = ["0.30", "0.20", "0.10", "0.40"]
    weighted = ["27.00", "18.00", "9.00", "36.00"]
    rows = [[p, k, "90.0", w] for p, k, w in zip(PARTIES, coef, weighted, strict=True)]
    t = _table(HEAD, [*rows, ["合计", "1.00", "—", "90.00"]])
    assert _weights(t) == {
        "buyer": 30,
        "monitor": 20,
        "supervision_centre": 10,
        "third_party": 40,
    }
    scores = _table_scores([t], profile())
    assert scores["buyer"].score.printed == "27.00"  # the weighted score, not the coefficient


def test_coefficients_not_adding_up_to_one_are_no_weights() -> None:
    coef = ["0.30", "0.20", "0.10", "0.30"]
    t = _table(HEAD, [[p, k, "90.0", "27.00"] for p, k in zip(PARTIES, coef, strict=True)])
    assert _weights(t) == {}


def test_percent_weights_unchanged() -> None:
    head = ["评估主体", "权重", "得分"]
    t = _table(
        head, [[p, k, "22.5"] for p, k in zip(PARTIES, ["25%", "15%", "20%", "40%"], strict=True)]
    )
    assert _weights(t) == {"buyer": 25, "monitor": 15, "supervision_centre": 20, "third_party": 40}
