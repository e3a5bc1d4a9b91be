"""Figures the narrative states ("电访 4557 个，…完成协议指标量的 223.60%"), tied to an
indicator and a scope: the third party's 服务指标完成情况 paragraph speaks for the
station, each 片区 sub-section for its 片区. Approximate figures (约 / 超) are kept with
their flag wherever the third party writes them: they are never exact facts.
"""

from __future__ import annotations

from extractor.areas import area_label
from extractor.document.model import Block, Document
from extractor.nlp.figures import Figure, figures_of
from extractor.records import NarrativeFigure


def _narrative_scopes(doc: Document) -> list[tuple[str | None, list[Block]]]:
    """(scope, blocks) of the third party's narrative: the indicator completion paragraph
    (station scope, None) and every 片区 section (its area)."""
    out: list[tuple[str | None, list[Block]]] = []
    for sec in doc.sections():
        if sec.canonical == "indicator_completion":
            out.append((None, sec.blocks))
        elif sec.canonical == "area" or (sec.heading is not None and area_label(sec.title)):
            if sec.canonical in ("praise", "concern"):
                continue
            blocks = [b for s in sec.walk() for b in s.blocks]
            out.append((area_label(sec.title), blocks))
    return out


# Measures no indicator table reports (households beside persons registered).
_UNTABULATED = {"households"}


def _keep(f: Figure) -> bool:
    if f.kind not in ("count", "pct", "money") or f.bound is not None:
        return False
    if f.approx:
        return True
    if f.indicator is None or f.kind == "money":
        return False
    return f.measure not in _UNTABULATED


def narrative_figures(doc: Document) -> list[NarrativeFigure]:
    out: list[NarrativeFigure] = []
    third = [s for s in doc.root.children if s.canonical == "third_party"]
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
