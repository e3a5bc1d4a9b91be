"""Findings on figures the OCR engine was unsure of: warnings naming the doubtful characters.

A misread is never a finding (docs/architecture.md). On a report read by OCR each figure's
provenance says which of its characters the engine read with low confidence. The other
digits in their place are readings like any other: the misread guard tries them, one at a
time, with the rest (`confusable_readings`, used by `extractor.checks.readings`), and a
finding one of them explains is no finding but a problem. An error that remains and
rests on a doubtful figure becomes a warning here that names the doubtful characters:
no reading made the report consistent, but the figure may still be misread. The step
knows no rule: it reads the findings' locations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from extractor.checks.messages import Said, joined, say
from extractor.records import Cell, Finding, NarrativeFigure, Number, Report

_DIGITS = "0123456789"
_SWAPS = {"/": "1", "1": "/"}  # a lone "/" and "1" are each other's usual misreading


@dataclass(slots=True)
class _Doubt:
    figure: Number | Cell
    ref: str
    offsets: list[int]  # in figure.printed

    def said(self) -> Said:
        """ "45.65 中的 “5”（置信度 0.41）" / "'5' of 45.65 (confidence 0.41)"."""
        printed = self.figure.printed or ""
        chars = Said(
            "、".join(f"“{printed[i]}”" for i in self.offsets),
            ", ".join(f"'{printed[i]}'" for i in self.offsets),
        )
        conf = self.figure.prov.confidence if self.figure.prov else None
        tail = say("fragment.ocr_confidence", confidence=f"{conf:.2f}") if conf is not None else ""
        return say("fragment.ocr_doubt", printed=printed, chars=chars, confidence=tail)


def _figures(model: BaseModel) -> Iterator[Number | Cell]:
    """Every Number and Cell in the record tree that was read by OCR."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Number | Cell):
                if item.prov is not None and item.prov.confidence is not None:
                    yield item
            elif isinstance(item, BaseModel):
                yield from _figures(item)


def doubtful_offsets(figure: Number | Cell | NarrativeFigure) -> list[int]:
    """Offsets in `figure.printed` of the characters read with low confidence."""
    prov = figure.prov
    printed = figure.printed or ""
    if prov is None or not prov.doubtful or not printed:
        return []
    at = prov.text.find(printed)
    if at < 0:
        return []
    return [d - at for d in prov.doubtful if 0 <= d - at < len(printed)]


def reading_value(printed: str) -> float | None:
    """The value of a figure read as `printed` (separators and % left out)."""
    text = printed.replace(",", "").replace("，", "").rstrip("%％").strip()
    try:
        return float(text)
    except ValueError:
        return None


def confusable_readings(printed: str, offsets: list[int]) -> Iterator[str]:
    """Other readings of `printed`: one doubtful character changed at a time."""
    for i in offsets:
        ch = printed[i]
        others = _DIGITS.replace(ch, "") if ch.isdigit() else ""
        others += _SWAPS.get(ch, "")
        for alt in others:
            yield printed[:i] + alt + printed[i + 1 :]


def soften_doubtful(report: Report, findings: list[Finding]) -> None:
    """Turn errors that involve a doubtful OCR figure into warnings, in place."""
    if report.source.ocr is None:
        return
    by_box: dict[tuple[int, tuple[float, ...]], list[Number | Cell]] = {}
    for fig in _figures(report):
        assert fig.prov is not None
        if fig.prov.bbox is not None:
            by_box.setdefault((fig.prov.page, tuple(fig.prov.bbox)), []).append(fig)
    for finding in findings:
        if finding.severity != "error":
            continue
        doubts = [
            _Doubt(fig, loc.ref, offsets)
            for loc in finding.locations
            if loc.page is not None and loc.bbox is not None
            for fig in by_box.get((loc.page, tuple(loc.bbox)), [])
            if (offsets := doubtful_offsets(fig))
        ]
        if doubts:
            _soften(finding, doubts)


def _soften(finding: Finding, doubts: list[_Doubt]) -> None:
    finding.severity = "warning"
    cause = say("cause.ocr_doubt", doubts=joined(d.said() for d in doubts))
    both = cause
    if finding.cause and finding.cause_zh:
        both = joined([cause, Said(finding.cause_zh, finding.cause)])
    finding.cause, finding.cause_zh = both.en, both.zh
    finding.explanation_zh += f"（{cause.zh}。）"
    finding.explanation_en += f" ({cause.en}.)"
