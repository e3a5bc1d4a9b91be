"""分别 / 依次 lists in the narrative: the 片区 named once ("A片区、B片区和C片区入户探访分别
完成…"), each figure's 片区 its place in the list, a clause saying 各片区 taking the names
the passage listed last; a list whose figures and names are not as many gives no figure
(its scope unsure, it must never be compared). Besides: a count set before what it
counts ("为2433户困难群众建立服务档案"), and a count of the excess over the target
("超出协议量244节"), which is neither the count done nor the target. Small synthetic
sentences, no corpus file."""

from __future__ import annotations

from extractor.document.model import Block, Document
from extractor.document.sections import build_tree
from extractor.nlp.figures import find_figures
from extractor.passes.narrative import narrative_figures
from tests.test_stacked_cells import _block, _heading


def _read(*paragraphs: str) -> list[tuple[str | None, str, float, str | None]]:
    flow: list[Block] = [_heading("三、服务指标完成情况"), *(_block(p) for p in paragraphs)]
    doc = Document("x.pdf", "", [], [], [], build_tree(list(flow)), [])
    return [(f.indicator, f.kind, f.value, f.scope) for f in narrative_figures(doc)]


def test_each_figure_of_a_respectively_list_is_its_places_area() -> None:
    got = _read(
        "从各片区看，东湖片区、西岭片区和南塘片区入户探访分别完成123人次、294人次和256人次，"
        "完成率分别为87.86%、178.18%和155.15%。"
    )
    assert got == [
        ("home_visits", "done", 123.0, "东湖片区"),
        ("home_visits", "done", 294.0, "西岭片区"),
        ("home_visits", "done", 256.0, "南塘片区"),
        ("home_visits", "pct", 87.86, "东湖片区"),
        ("home_visits", "pct", 178.18, "西岭片区"),
        ("home_visits", "pct", 155.15, "南塘片区"),
    ]


def test_a_collective_clause_takes_the_names_listed_last() -> None:
    got = _read(
        "东湖片区、西岭片区和南塘片区入户探访依次完成123人次、294人次和256人次。"
        "个案服务方面，各片区按统一协议量考核，分别完成115节、170节和95节，"
        "完成率分别为109.52%、161.90%和90.48%。"
    )
    assert [g for g in got if g[0] == "casework"] == [
        ("casework", "done", 115.0, "东湖片区"),
        ("casework", "done", 170.0, "西岭片区"),
        ("casework", "done", 95.0, "南塘片区"),
        ("casework", "pct", 109.52, "东湖片区"),
        ("casework", "pct", 161.9, "西岭片区"),
        ("casework", "pct", 90.48, "南塘片区"),
    ]


def test_a_list_not_as_long_as_its_names_gives_no_figure() -> None:
    # three names, two figures: whose each is, is unsure; none is the station's either
    assert _read("东湖片区、西岭片区和南塘片区入户探访分别完成123人次和294人次。") == []
    # 各片区 with no names listed before: no one's
    assert _read("个案服务方面，各片区分别完成115节、170节和95节。") == []


def test_names_among_the_figures_are_no_positional_list() -> None:
    got = _read("各片区入户探访完成率分别为：东湖片区92.30%，西岭片区156.00%。")
    assert all(g[1] == "pct" for g in got)
    assert {g[3] for g in got} <= {"东湖片区", "西岭片区"}


def test_a_count_before_what_it_counts_and_the_excess_over_the_target() -> None:
    got = _read(
        "评估期内，服务站为2433户困难群众建立服务档案，超出协议量653户，完成率136.69%；"
        "3470人次居民接受社工入户探访，超出协议量1130人次，完成率148.29%；"
        "提供个案服务1344节（协议量1100节），超出协议量244节，完成率122.18%。"
    )
    assert got == [
        ("registered", "done", 2433.0, None),
        ("registered", "pct", 136.69, None),
        ("home_visits", "done", 3470.0, None),
        ("home_visits", "pct", 148.29, None),
        ("casework", "done", 1344.0, None),
        ("casework", "target", 1100.0, None),
        ("casework", "pct", 122.18, None),
    ]


def test_files_opened_for_a_group_are_the_stations_registration_and_its_rate() -> None:
    # 建立 + the group served + 档案, the count after it: the station's 建档 and its rate
    got = _read("全年，社工站建立特殊群体档案645户，完成率103.20%；入户探访1210人次。")
    assert got == [
        ("registered", "done", 645.0, None),
        ("registered", "pct", 103.2, None),
        ("home_visits", "done", 1210.0, None),
    ]


def test_the_named_after_link_needs_the_indicator_to_end_the_segment() -> None:
    figs = find_figures("服务站为2433户困难群众建立服务档案，超出协议量653户")
    assert [(f.value, f.indicator) for f in figs] == [(2433.0, "registered"), (653.0, None)]
    # the indicator named after a count but the segment going on: not the count's
    figs = find_figures("共走访36户居民入户探访工作群，")
    assert figs[0].indicator is None
    # a Chinese numeral, or a described noun (的), before the indicator: a phrase, no count
    figs = find_figures("四个社区都能结合入户探访，")
    assert figs[0].indicator is None
    figs = find_figures("东湖片区培育了一支较为稳定的青年志愿者队伍。")
    assert all(f.indicator is None for f in figs)
