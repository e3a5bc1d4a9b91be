"""Figures the narrative states ("电访 4557 个，…完成协议指标量的 223.60%"), tied to an
indicator and a scope: the third party's 服务指标完成情况 paragraph speaks for the
station, each 片区 sub-section for its 片区. Approximate figures (约 / 超) are kept with
their flag wherever the third party writes them: they are never exact facts.
"""

from __future__ import annotations

import re

from extractor.areas import area_label
from extractor.document.model import Block, Document, Section
from extractor.knowledge import scope_vocab
from extractor.nlp.figures import Figure, figures_of
from extractor.passes.tables.labels import label_tags
from extractor.records import NarrativeFigure


def section_area(title: str) -> str | None:
    """The 片区 a heading names: "片区一", "金沙片区", or a short named area such as
    "东片" (a 片区 suffix, no indicator)."""
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


def _narrative_scopes(doc: Document) -> list[tuple[str | None, list[Block]]]:
    """(scope, blocks) of the third party's narrative: the indicator completion part
    speaks for the station (None), every 片区 section for its 片区; a block belongs to
    the nearest such section above it (a 片区's sub-sections included)."""
    out: list[tuple[str | None, list[Block]]] = []

    def visit(sec: Section, scope: str | None, inside: bool) -> None:
        area = None
        if sec.heading is not None and sec.canonical not in ("praise", "concern"):
            area = section_area(sec.title)
        if area is not None:
            scope, inside = area, True
        elif sec.canonical in ("indicator_completion", "area"):
            inside = True
        if inside and sec.blocks:
            out.append((scope, sec.blocks))
        for child in sec.children:
            visit(child, scope, inside)

    for top in doc.root.children:
        visit(top, None, False)
    return out


def _keep(f: Figure) -> bool:
    if f.kind not in ("count", "pct", "money") or f.bound is not None:
        return False
    if f.approx:
        return True
    return f.indicator is not None and f.kind != "money"


def narrative_figures(doc: Document) -> list[NarrativeFigure]:
    out: list[NarrativeFigure] = []
    third = doc.outermost("third_party")
    approx_only = [b for s in third for sec in s.walk() for b in sec.blocks]
    scoped = _narrative_scopes(doc)
    covered = {id(b) for _, blocks in scoped for b in blocks}
    plan = [*scoped, (None, [b for b in approx_only if id(b) not in covered])]
    for scope, blocks in plan:
        for block in blocks:
            for f in figures_of(block.text):
                if not _keep(f):
                    continue
                if id(block) not in covered and not f.approx:
                    continue
                linked = f.indicator is not None and f.kind != "money"
                kind = "pct" if f.kind == "pct" else ("done" if linked else "other")
                out.append(
                    NarrativeFigure(
                        indicator=f.indicator if linked else None,
                        measure=f.measure if linked else None,
                        kind=kind,
                        value=f.value,
                        printed=f.printed,
                        unit=f.unit,
                        scope=scope,
                        approx=f.approx,
                        sentence=_sentence(block.text, f.start),
                        prov=block.provenance(f.start, f.end),
                    )
                )
    return out


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。；;") + 1
    ends = [i for ch in "。；;" if (i := text.find(ch, pos)) >= 0]
    return text[start : (min(ends) + 1 if ends else len(text))].strip()
