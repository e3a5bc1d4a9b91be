"""A clause pointing back at the 片区 its sentence named (该片区, 此片区: models/vocab/
scopes.yaml `area_anaphora`) speaks for that 片区, not for the station; and the buyer
named before 向社会购买服务. Small synthetic sentences, no corpus file."""

from __future__ import annotations

import re

import pytest

from extractor.document.model import Block, Document
from extractor.document.sections import build_tree
from extractor.passes.meta import extract_meta
from extractor.passes.narrative import clause_area, narrative_figures
from tests.test_continued_and_bracketed import _doc, _para
from tests.test_stacked_cells import _block, _heading


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # the 片区 named in the clause before, no figure of it yet
        (
            "竹溪片区本期协议未约定小组服务指标，该片区仍根据居民需求开展小组服务15节，已计入合计。",
            "竹溪片区",
        ),
        ("松坡片区未约定社区活动指标；此片区开展社区活动6场。", "松坡片区"),
        # 这一片区 is no 片区 called 这一, and with no 片区 named before it names none
        ("本期部分指标未约定，这一片区开展小组服务15节。", None),
        # two 片区 named before: which one is meant is not known
        ("竹溪片区和松坡片区均未约定小组服务指标，该片区开展小组服务15节。", None),
        # the clause goes on to name the station: its figure is no 片区's
        ("竹溪片区未约定小组服务指标，该片区所在服务站开展小组服务172节。", None),
        # a sentence ended before: the 片区 of an earlier sentence is not pointed at
        ("竹溪片区未约定小组服务指标。该片区开展小组服务15节。", None),
    ],
)
def test_the_area_a_clause_points_back_at(text: str, area: str | None) -> None:
    last_figure = [m.start() for m in re.finditer(r"\d+", text)][-1]
    assert clause_area(text, last_figure) == area


def test_a_back_referenced_area_figure_is_that_areas_in_the_narrative() -> None:
    flow: list[Block] = [
        _heading("三、服务指标完成情况"),
        _block("评估周期内，服务站开展小组服务172节，举办社区活动41场。"),
        _block(
            "竹溪片区本期协议未约定小组服务指标，该片区仍根据居民需求开展小组服务15节，已计入合计。"
        ),
    ]
    doc = Document("x.pdf", "", [], [], [], build_tree(list(flow)), [])
    got = [(f.indicator, f.value, f.scope) for f in narrative_figures(doc)]
    assert got == [
        ("groups", 172.0, None),
        ("community_events", 41.0, None),
        ("groups", 15.0, "竹溪片区"),
    ]


def test_the_buyer_before_whom_it_buys_from() -> None:
    text = (
        "梧川市清溪街社工服务站由梧川市梧南区清溪街道办事处向社会购买服务，"
        "梧川市同心社会工作服务中心承接运营。"
    )
    meta = extract_meta(_doc([_para("一、项目基本情况", "heading", 1), _para(text, page=1)]))
    assert meta.buyer is not None and meta.buyer.value == "梧川市梧南区清溪街道办事处"
    assert meta.operator is not None and meta.operator.value == "梧川市同心社会工作服务中心"
