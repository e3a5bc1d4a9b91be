"""Figures the narrative states ("电访 4557 个，…完成协议指标量的 223.60%"), tied to an
indicator and a scope: the third party's 服务指标完成情况 paragraph speaks for the
station, each 片区 sub-section for its 片区. Approximate figures (约 / 超) are kept with
their flag wherever the third party writes them: they are never exact facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from extractor.areas import AREA_IN_TEXT, area_label
from extractor.document.model import Block, Document, Section, Table, TableCell
from extractor.document.sections import canonical
from extractor.knowledge import scope_vocab
from extractor.knowledge.patterns import list_patterns
from extractor.nlp.figures import Figure, figures_of
from extractor.passes.tables.labels import label_tags
from extractor.passes.tables.values import is_figure
from extractor.records import NarrativeFigure, Provenance


class Passage(Protocol):
    """Text the narrative is read from, able to say where a part of it was printed: a
    paragraph (`Block`), or a form's value cell (`FormCell`)."""

    @property
    def text(self) -> str: ...

    def provenance(self, start: int = 0, end: int | None = None) -> Provenance: ...


@dataclass(frozen=True, slots=True)
class FormCell:
    """A table cell holding sentences, read as a paragraph: a summary form's value cell
    (主要服务成效 │ 本期建档4629户，…) or a 服务成效 cell (`建档885户，协议量628户，完成率
    140.92%`); a figure's place is the cell line printing it."""

    cell: TableCell

    @property
    def text(self) -> str:
        return self.cell.text

    def provenance(self, start: int = 0, end: int | None = None) -> Provenance:
        text = self.cell.text
        end = len(text) if end is None else end
        prov = self.cell.provenance()
        pos = 0
        for line, bbox in self.cell.lines:
            at = text.find(line, pos)
            if at < 0:
                break
            if at <= start and end <= at + len(line):
                x0, top, x1, bottom = bbox
                prov.bbox = (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))
                break
            pos = at + len(line)
        prov.text = text[start:end]
        return prov


@lru_cache(maxsize=4096)
def section_area(title: str) -> str | None:
    """The 片区 a heading names: "片区一", "金沙片区", or a short named area such as
    "东片" (a 片区 suffix, no indicator). Memoised: asked for every heading by several
    passes, each ask sorting the vocabulary's endings and tagging the candidates."""
    label = area_label(title)
    if label is not None:
        return label
    t = re.sub(r"[\s：:]+", "", title)
    for ending in ("", *sorted(scope_vocab().area_title_endings, key=len, reverse=True)):
        if ending and not t.endswith(ending):
            continue
        name = t[: len(t) - len(ending)]
        if 1 < len(name) <= 6 and label_tags(name).scope == "area":
            return name
    return None


_LEAD = re.compile(r"^\s*([^，。；：:\s]{2,10})\s*[：:]")


def lead_area(text: str) -> str | None:
    """The 片区 a paragraph opens with as a run-in label ("翠苑片区：个案服务…"): its
    figures are that 片区's."""
    m = _LEAD.match(text)
    return section_area(m.group(1)) if m else None


def cell_statements(t: Table) -> list[FormCell]:
    """The body cells of a table that are sentences stating figures, not figures or
    labels: CJK words, digits and a clause mark (，；。) all in one cell."""
    out: list[FormCell] = []
    for c in t.cells:
        text = c.text.strip()
        if c.row < t.header_rows or is_figure(text) or not re.search(r"\d", text):
            continue
        if re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[，,；;。]", text):
            out.append(FormCell(c))
    return out


def _narrative_scopes(
    doc: Document, skip: Set[int] = frozenset()
) -> list[tuple[str | None, list[Passage]]]:
    """(scope, blocks) of the third party's narrative: the indicator completion part
    speaks for the station (None), every 片区 section for its 片区; a block belongs to
    the nearest such section above it (a 片区's sub-sections included). A table there
    whose `id` is not in `skip` (the indicator tables) gives its cells that state figures
    in sentences (`cell_statements`, a cell in `skip` left out), in their place among the
    blocks."""
    out: list[tuple[str | None, list[Passage]]] = []

    def visit(sec: Section, scope: str | None, inside: bool) -> None:
        area = None
        if sec.heading is not None and sec.canonical not in ("praise", "concern"):
            area = section_area(sec.title)
        if area is not None:
            scope, inside = area, True
        elif sec.canonical in ("indicator_completion", "area"):
            inside = True
        if inside:
            for item in sec.items:
                if isinstance(item, Block):
                    out.append((lead_area(item.text) or scope, [item]))
                elif id(item) not in skip:
                    cells = [c for c in cell_statements(item) if id(c.cell) not in skip]
                    out.extend((scope, [c]) for c in cells)
        for child in sec.children:
            visit(child, scope, inside)

    for top in doc.root.children:
        visit(top, None, False)
    return out


def _form_cells(tables: list[Table]) -> list[tuple[str | None, list[Passage]]]:
    """(scope, [cell]) of the value cells of key–value forms (a 评估结果一览表) whose key
    names what an indicator completion heading names (主要服务成效, 服务指标完成情况:
    models/sections.yaml): the form states the station's figures there, as the
    completion part's sentences do; a form in a 片区's section states the 片区's."""
    out: list[tuple[str | None, list[Passage]]] = []
    for t in tables:
        scope = next((a for title in reversed(t.section) if (a := section_area(title))), None)
        for row in t.grid():
            cells: list[TableCell] = []
            for c in row:
                if c is not None and c.text.strip() and all(c is not d for d in cells):
                    cells.append(c)
            if len(cells) != 2 or canonical(cells[0].text)[0] != "indicator_completion":
                continue
            if any(f.indicator is not None for f in figures_of(cells[1].text)):
                out.append((scope, [FormCell(cells[1])]))
    return out


def _keep(f: Figure) -> bool:
    if f.kind not in ("count", "pct", "money") or f.bound is not None:
        return False
    if f.approx:
        return True
    return f.indicator is not None and f.kind != "money"


def narrative_figures(doc: Document, skip: Set[int] = frozenset()) -> list[NarrativeFigure]:
    """The figures the narrative states; blocks and tables whose `id` is in `skip` are
    not narrative (the lines of an indicator list, read as rows; the indicator tables)."""
    out: list[NarrativeFigure] = []
    third = doc.outermost("third_party")
    approx_only = [b for s in third for sec in s.walk() for b in sec.blocks]
    forms = _form_cells(doc.tables)
    formed = {id(p.cell) for _, ps in forms for p in ps if isinstance(p, FormCell)}
    scoped = _narrative_scopes(doc, set(skip) | formed) + forms
    covered = {id(b) for _, blocks in scoped for b in blocks}
    rest: list[Passage] = [b for b in approx_only if id(b) not in covered]
    plan = [*scoped, (None, rest)]
    for scope, blocks in plan:
        for block in blocks:
            if id(block) in skip:
                continue
            # a figure in a bracket about an earlier period ("（上年同期2066人次）", "（上年同期
            # 完成率98.50%）") is printed for comparison: no figure of this period's
            figs = [f for f in figures_of(block.text) if not earlier_aside(block.text, f.start)]
            listed: set[int] = set()
            if id(block) in covered:
                out += _breakdown(block, figs)
                listed, by_place = _respectively(block, figs)
                out += by_place
            before: NarrativeFigure | None = None
            parts = _role_parts(block.text, figs) if id(block) in covered else {}
            for i, f in enumerate(figs):
                if i in listed:
                    continue
                part = parts.get(i)
                if part is None and not _keep(f):
                    continue
                if id(block) not in covered and not f.approx:
                    continue
                indicator, measure = (part[0], part[1]) if part else (f.indicator, f.measure)
                linked = indicator is not None and f.kind != "money"
                kind: Kind = "pct" if f.kind == "pct" else ("done" if linked else "other")
                if part is not None:
                    kind = part[2]
                elif f.kind == "count" and _difference(block.text, f.start):
                    continue  # "超出协议量244节": by how much the target was passed
                if f.kind == "pct" and _share(block.text, f.start):
                    continue  # "占全站入户探访总量的30.4%": a share of the whole, no rate
                elif kind == "done" and f.kind == "count" and _named_target(block.text, f.start):
                    kind = "target"
                where = scope or clause_area(block.text, f.start)
                if where is None and kind == "pct" and _rate_of(block.text, f, before):
                    assert before is not None
                    where = before.scope
                if where is None and _same_area(block.text, f, before):
                    assert before is not None
                    where = before.scope
                out.append(
                    _figure(
                        block,
                        f,
                        indicator if linked else None,
                        measure if linked else None,
                        kind,
                        where,
                    )
                )
                before = out[-1]
    return out


Kind = Literal["done", "pct", "target", "other"]
# Where a part of a clause starts: its role word follows ("，协议量628户", "（协议量1925户）").
_PART_BREAKS = "，,、；;。（("


_OPENERS, _CLOSERS = "（(", "）)"


def earlier_aside(text: str, pos: int) -> bool:
    """Whether the figure at `pos` stands inside a bracket whose words before it name an
    earlier period (models/vocab/scopes.yaml `earlier_period`: "入户探访2418人次（上年同期
    2066人次）", "（去年同期为540节）"): last year's figure printed beside this period's,
    never this period's. A bracket naming no earlier period (协议量, 其中…) is not one."""
    opened = max(text.rfind(ch, 0, pos) for ch in _OPENERS)
    if opened < 0 or max(text.rfind(ch, 0, pos) for ch in _CLOSERS) > opened:
        return False
    lead = re.sub(r"\s+", "", text[opened + 1 : pos])
    return any(w in lead for w in scope_vocab().earlier_period)


def _part_lead(text: str, pos: int, joiners: str) -> str:
    """The words a clause's part opens with, up to its figure at `pos`, without spaces
    or the joining words and colons (`joiners`) before the figure."""
    start = max(text.rfind(ch, 0, pos) for ch in _PART_BREAKS) + 1
    return re.sub(r"\s+", "", text[start:pos]).rstrip(joiners)


def _part_role(text: str, pos: int) -> str | None:
    """The role a clause's part names by the word it opens with, right before its figure
    (协议量 → target, 完成率 → pct; the words of the indicator lists' parts), or None."""
    lead = _part_lead(text, pos, "为:：")
    role = list_patterns().role_of(lead) if lead else None
    return role if role in ("target", "pct") else None


def _named_target(text: str, pos: int) -> bool:
    """A count its indicator's words call the target right before it, within its clause
    part ("困难群众建档协议量为565户", "个案服务年度协议目标：120个"): the agreed figure,
    not the one done."""
    lead = _part_lead(text, pos, "为是:：")
    roles = list_patterns().roles
    done = roles.get("done", [])
    # "完成协议指标100个" counts what was done against the target: not the target
    return any(
        lead.endswith(w) and not any(lead.removesuffix(w).endswith(d) for d in done)
        for w in roles.get("target", [])
    )


def _difference(text: str, pos: int) -> bool:
    """A count its clause part calls a difference from the target ("超出协议量244节",
    "较协议量少12户": a difference word before a target word, right before the figure):
    by how much the target was passed or missed, neither the target nor the count done."""
    lead = _part_lead(text, pos, "为是:：")
    pats = list_patterns()
    for word in pats.difference:
        at = lead.find(word)
        if at >= 0 and any(t in lead[at + len(word) :] for t in pats.roles.get("target", [])):
            return True
    return False


def _share(text: str, pos: int) -> bool:
    """A percentage its clause part calls a share of a larger whole ("占全站入户探访总量的
    30.4%", "占比12.5%": the part opens with a share word or holds one): how much of the
    station's figure a 片区 did, no rate of the indicator. A share of the target ("占协议量的
    105%") is the rate, so a part naming a target word is none."""
    lead = _part_lead(text, pos, "为是达:：的")
    pats = list_patterns()
    if any(t in lead for t in pats.roles.get("target", [])):
        return False
    return any(lead.startswith(w) for w in pats.share_openers) or any(w in lead for w in pats.share)


def _role_parts(
    text: str, figs: Sequence[Figure]
) -> dict[int, tuple[str, str | None, Literal["target", "pct"]]]:
    """Figures no indicator was found for that are parts of the count stated before them
    in the same sentence, named by their role word alone: "建档885户，协议量628户，完成率
    140.92%" — 628户 is the target of 建档 (in the count's unit), 140.92% its rate. Keyed
    by the figure's index in `figs`."""
    out: dict[int, tuple[str, str | None, Literal["target", "pct"]]] = {}
    last: Figure | None = None
    for i, f in enumerate(figs):
        if f.kind == "count" and f.indicator is not None:
            last = f
            continue
        if last is None or f.indicator is not None or f.approx or f.bound is not None:
            continue
        if _sentence(text, f.start) != _sentence(text, last.start):
            continue
        assert last.indicator is not None
        role = _part_role(text, f.start)
        if f.kind == "count" and role == "target" and f.unit == last.unit:
            out[i] = (last.indicator, last.measure, "target")
        elif f.kind == "pct" and role == "pct":
            out[i] = (last.indicator, last.measure, "pct")
    return out


def _rate_of(text: str, f: Figure, before: NarrativeFigure | None) -> bool:
    """A rate in a clause of its own that names nothing but the rate ("…其中桥头片区本期
    培育社区组织0个，完成率0.00%"), right after a count of the same indicator in the
    same sentence: the rate of that count, so of its 片区."""
    if before is None or before.kind != "done" or before.indicator != f.indicator:
        return False
    if before.scope is None or _sentence(text, f.start) != before.sentence:
        return False
    start = max(text.rfind(ch, 0, f.start) for ch in _CLAUSE_BREAKS) + 1
    lead = text[start : f.start]
    return (
        not re.search(r"\d", lead)
        and label_tags(lead).indicator is None
        and (AREA_IN_TEXT.search(lead) is None)
    )


# "入户探访 2898 次（其中第一片区 500 次、第二片区 1102 次…）": a count broken down by 片区.
_BREAKDOWN = re.compile(r"[（(]\s*其中([^（）()]{4,200})[）)]")
_ITEM_START = re.compile(r"[、，,；;]|其中")


def _figure(
    block: Passage,
    f: Figure,
    indicator: str | None,
    measure: str | None,
    kind: Kind,
    scope: str | None,
) -> NarrativeFigure:
    """A narrative figure as the text prints it (its value, unit, sentence and place),
    with what the reading made of it: indicator, measure, kind and scope."""
    return NarrativeFigure(
        indicator=indicator,
        measure=measure,
        kind=kind,
        value=f.value,
        printed=f.printed,
        unit=f.unit,
        scope=scope,
        approx=f.approx,
        sentence=_sentence(block.text, f.start),
        prov=block.provenance(f.start, f.end),
    )


def _breakdown(block: Passage, figs: Sequence[Figure]) -> list[NarrativeFigure]:
    """The 片区 figures of a bracketed 其中 list right after a count: each is that count's
    indicator and measure, for the 片区 named just before it. Only figures whose label
    is a 片区 are taken (a list of communities or of kinds is not a 片区 breakdown)."""
    text = block.text
    out: list[NarrativeFigure] = []
    for m in _BREAKDOWN.finditer(text):
        before = [f for f in figs if f.end <= m.start()]
        head = before[-1] if before else None
        if (
            head is None
            or head.kind != "count"
            or head.indicator is None
            or text[head.end : m.start()].strip()
            or head.approx
        ):
            continue
        inside = [f for f in figs if m.start(1) <= f.start and f.end <= m.end(1)]
        for f in inside:
            if f.kind != "count" or f.approx or f.bound is not None:
                continue
            lead = text[m.start(1) : f.start]
            starts = [x.end() for x in _ITEM_START.finditer(lead)]
            area = section_area(lead[starts[-1] if starts else 0 :])
            if area is None:
                continue
            out.append(_figure(block, f, head.indicator, head.measure, "done", area))
    return out


# "梅坞片区、翠岭片区和栖霞片区": 片区 names joined into a list, each name after a joiner.
_LIST_JOIN = r"\s*(?:、|，|,|以及|和|及|与)\s*"
_NAME_AT = re.compile(rf"(?:{_LIST_JOIN})?({AREA_IN_TEXT.pattern})")
_NAMES = re.compile(rf"(?:{AREA_IN_TEXT.pattern})(?:{_LIST_JOIN}(?:{AREA_IN_TEXT.pattern}))+")
# What stands between two figures of one list ("760人次、757人次和717人次")
_FIGURE_JOIN = re.compile(r"[\s，,、和及与]*")
# What stands between the respectively word and the list's first figure: a few words
# ("分别完成", "分别为", "依次达到协议量的"), no figure, no sentence end.
_CUE_GAP = re.compile(r"[^\d。；;]{0,12}")


def _list_names(text: str) -> list[str]:
    """The 片区 names of a `_NAMES` match, in order, spaces removed."""
    names: list[str] = []
    pos = 0
    while (m := _NAME_AT.match(text, pos)) is not None and m.end() > pos:
        names.append(re.sub(r"\s+", "", m.group(1)))
        pos = m.end()
    return names


def _respectively(block: Passage, figs: Sequence[Figure]) -> tuple[set[int], list[NarrativeFigure]]:
    """The figures of 分别 / 依次 lists that give one figure per 片区 named before them
    ("梅坞片区、翠岭片区和栖霞片区入户探访分别完成760人次、757人次和717人次，完成率分别为
    100.00%、172.05%和170.71%"): the n-th figure of a run after the word is the n-th
    named 片区's. A clause naming the 片区 only collectively (各片区) lists them in the
    order the passage named them last. The indices of such runs' figures in `figs` (none
    of them read again as the station's) and the figures read: each run as long as its
    names, of an indicator its first figure (or, for rates, the counts listed for the
    same names before) was tied to. A run whose length is not the names' count, or whose
    names are unsure, gives no figure: its place says whose it is, so no one's."""
    text = block.text
    words = scope_vocab().respectively
    if not words or not figs:
        return set(), []
    vocab = scope_vocab()
    cue_rx = re.compile("|".join(re.escape(w) for w in words))
    taken: set[int] = set()
    out: list[NarrativeFigure] = []
    # per sentence start: the indicator and measure of the counts listed for its names
    counted: dict[int, tuple[str | None, str | None]] = {}
    for cue in cue_rx.finditer(text):
        start = max(text.rfind(ch, 0, cue.start()) for ch in "。；;") + 1
        lead = text[start : cue.start()]
        lists = list(_NAMES.finditer(lead))
        names: list[str] | None
        if lists:
            last = lists[-1]
            names = _list_names(last.group(0))
            if AREA_IN_TEXT.search(lead, last.end()):
                names = None  # another 片区 named after the list: whose is unsure
        elif any(w in lead for w in vocab.area_collective) and not AREA_IN_TEXT.search(lead):
            earlier = list(_NAMES.finditer(text, 0, start))
            names = _list_names(earlier[-1].group(0)) if earlier else None
        else:
            continue
        first = next((i for i, f in enumerate(figs) if f.start >= cue.end()), None)
        if first is None or first in taken:
            continue
        gap = text[cue.end() : figs[first].start]
        if not _CUE_GAP.fullmatch(gap) or AREA_IN_TEXT.search(gap):
            continue  # no list right after the word, or names among the figures
        run = [first]
        for j in range(first + 1, len(figs)):
            f, prev = figs[j], figs[run[-1]]
            if (f.kind, f.unit) != (prev.kind, prev.unit):
                break
            if not _FIGURE_JOIN.fullmatch(text, prev.end, f.start):
                break
            run.append(j)
        head = figs[first]
        if head.kind not in ("count", "pct") or (len(run) < 2 and names is None):
            continue
        taken.update(run)
        if names is None or len(names) != len(run) or len(set(names)) != len(names):
            continue
        if head.kind == "pct":
            indicator, measure = counted.get(start, (head.indicator, head.measure))
            kind: Kind = "pct"
        else:
            indicator, measure = head.indicator, head.measure
            kind = "target" if _named_target(text, cue.start()) else "done"
            counted[start] = (indicator, measure)
        if indicator is None:
            continue
        for name, i in zip(names, run, strict=True):
            f = figs[i]
            if f.bound is not None:
                continue
            out.append(_figure(block, f, indicator, measure, kind, name))
    return taken, out


_CLAUSE_BREAKS = "，,；;。：:"
# "其中桥头片区本期培育社区组织0个": 其中 ("of which") may open the clause before the 片区.
_CLAUSE_AREA = re.compile(r"\s*(?:其中)?\s*(" + AREA_IN_TEXT.pattern + r")")


# A bracketed note right after a clause's 片区 (who answers for it, the 社区 it covers).
_ASIDE = re.compile(r"\s*[（(][^（）()]{1,20}[）)]")


def clause_area(text: str, pos: int) -> str | None:
    """The 片区 a clause opens with, right before the indicator its figure counts ("…；
    梅岭片区志愿服务 3413 小时；"): that figure is the 片区's, not the station's. Only a
    short lead holding no other figure or 片区 counts (a bracketed note without a figure
    after the 片区 left out: 桂溪片区（负责社工…）开展个案服务). A clause opening with a word
    pointing back (该片区) is about the 片区 its sentence named before (`_antecedent`)."""
    start = max(text.rfind(ch, 0, pos) for ch in _CLAUSE_BREAKS) + 1
    lead = text[start:pos]
    back = _antecedent(text, start, lead)
    if back is not None:
        return back or None
    m = _CLAUSE_AREA.match(lead)
    if m is None:
        return None
    rest = lead[m.end() :]
    aside = _ASIDE.match(rest)
    if (
        aside is not None
        and not re.search(r"\d", aside.group(0))
        and not AREA_IN_TEXT.search(aside.group(0))
    ):
        rest = rest[aside.end() :]  # 桂溪片区（负责社工曾雨梓）开展个案服务: the note is no lead
    if len(rest.strip()) > 12 or re.search(r"\d", rest) or AREA_IN_TEXT.search(rest):
        return None
    return re.sub(r"\s+", "", m.group(1))


_ANAPHOR_LEAD = re.compile(r"\s*(?:其中)?\s*")


def _antecedent(text: str, start: int, lead: str) -> str | None:
    """The 片区 a clause's lead points back at ("该片区仍根据居民需求开展小组服务" after
    "竹溪片区本期协议未约定小组服务指标，"): the one 片区 named earlier in the sentence.
    None when the lead opens with no such word; "" (no 片区, and not the one the lead
    might seem to name: 这一片区 is no 片区 called 这一) when the sentence named none or
    several, or when the lead holds a figure, another 片区 or a word naming the station
    or the total."""
    words = "|".join(re.escape(w) for w in scope_vocab().area_anaphora)
    if not words:
        return None
    m = re.compile(_ANAPHOR_LEAD.pattern + "(?:" + words + ")").match(lead)
    if m is None:
        return None
    rest = re.sub(r"\s+", "", lead[m.end() :])
    station = (*scope_vocab().total, *scope_vocab().station_words)
    if re.search(r"\d", rest) or AREA_IN_TEXT.search(rest) or any(w in rest for w in station):
        return ""
    earlier = text[text.rfind("。", 0, start) + 1 : start]
    named = {re.sub(r"\s+", "", a.group(0)) for a in AREA_IN_TEXT.finditer(earlier)}
    return named.pop() if len(named) == 1 else ""


def _same_area(text: str, f: Figure, before: NarrativeFigure | None) -> bool:
    """A figure in a clause naming no 片区, in the same sentence right after a figure of
    one 片区 ("分片区看，溪桥片区建档398户，完成协议指标的89.44%，入户探访750余人次；"): the
    sentence goes on about that 片区, so the figure is its. A part after a semicolon of
    the same full sentence goes on about it too ("北塘片区入户探访673人次，完成率108.55%；
    个案服务322节。"), unless it names the station or the total (全站, 社工站) itself."""
    if before is None or before.scope is None:
        return False
    own = max(text.rfind(ch, 0, f.start) for ch in _CLAUSE_BREAKS) + 1
    if AREA_IN_TEXT.search(text[own : f.start]) is not None:
        return False
    if _sentence(text, f.start) == before.sentence:
        return True
    part = max(text.rfind(ch, 0, f.start) for ch in "；;") + 1
    start = text.rfind("。", 0, f.start) + 1
    lead = re.sub(r"\s+", "", text[part : f.start])
    words = (*scope_vocab().total, *scope_vocab().station_words)
    return (
        part > start
        and before.sentence in text[start:part]
        and AREA_IN_TEXT.search(lead) is None
        and not any(w in lead for w in words)
    )


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    ends = [i for ch in "。；;" if (i := text.find(ch, pos)) >= 0]
    return text[start : (min(ends) + 1 if ends else len(text))].strip()
