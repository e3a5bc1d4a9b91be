"""Findings on figures the OCR engine was unsure of: warnings, with the reading that fits.

A misread is never a finding (docs/architecture.md). On a report read by OCR each figure's
provenance says which of its characters the engine read with low confidence. After the
rules have run, an error whose locations include such a figure becomes a warning: it
names the doubtful characters, and, trying the other digits in their place one at a
time and running the same rule again, the reading that would make the report
consistent, when one does. The step knows no rule: it reads the findings' locations and
re-runs the rule that made each one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from extractor.checks.base import Rule, RuleRun
from extractor.checks.messages import Said, joined, say
from extractor.records import Cell, Finding, Number, Report

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


def _doubtful_offsets(figure: Number | Cell) -> list[int]:
    """Offsets in `figure.printed` of the characters read with low confidence."""
    prov = figure.prov
    printed = figure.printed or ""
    if prov is None or not prov.doubtful or not printed:
        return []
    at = prov.text.find(printed)
    if at < 0:
        return []
    return [d - at for d in prov.doubtful if 0 <= d - at < len(printed)]


def _value(printed: str) -> float | None:
    text = printed.replace(",", "").replace("，", "").rstrip("%％").strip()
    try:
        return float(text)
    except ValueError:
        return None


def _readings(printed: str, offsets: list[int]) -> Iterator[str]:
    """Other readings of `printed`: one doubtful character changed at a time."""
    for i in offsets:
        ch = printed[i]
        others = _DIGITS.replace(ch, "") if ch.isdigit() else ""
        others += _SWAPS.get(ch, "")
        for alt in others:
            yield printed[:i] + alt + printed[i + 1 :]


def _persists(report: Report, rule: Rule, prior: list[Finding], finding: Finding) -> bool:
    run = RuleRun(rule.id)
    rule.fn(report, list(prior), run)
    first = finding.locations[0].ref if finding.locations else None
    return any(
        f.severity == "error" and (f.locations[0].ref if f.locations else None) == first
        for f in run.findings
    )


def _fitting(
    report: Report, rule: Rule, prior: list[Finding], finding: Finding, doubt: _Doubt
) -> str | None:
    """A reading of the doubtful figure under which the rule no longer flags it."""
    fig = doubt.figure
    printed, value = fig.printed, fig.value
    try:
        for reading in _readings(printed or "", doubt.offsets):
            fig.printed, fig.value = reading, _value(reading)
            if isinstance(fig, Number) and fig.value is None:
                continue
            if not _persists(report, rule, prior, finding):
                return reading
        return None
    finally:
        fig.printed, fig.value = printed, value


def soften_doubtful(report: Report, findings: list[Finding], rules: Sequence[Rule]) -> None:
    """Turn errors that involve a doubtful OCR figure into warnings, in place."""
    if report.source.ocr is None:
        return
    by_box: dict[tuple[int, tuple[float, ...]], list[Number | Cell]] = {}
    for fig in _figures(report):
        assert fig.prov is not None
        if fig.prov.bbox is not None:
            by_box.setdefault((fig.prov.page, tuple(fig.prov.bbox)), []).append(fig)
    by_id = {r.id: r for r in rules}
    for k, finding in enumerate(findings):
        if finding.severity != "error":
            continue
        doubts = [
            _Doubt(fig, loc.ref, offsets)
            for loc in finding.locations
            if loc.page is not None and loc.bbox is not None
            for fig in by_box.get((loc.page, tuple(loc.bbox)), [])
            if (offsets := _doubtful_offsets(fig))
        ]
        if not doubts:
            continue
        rule = by_id.get(finding.rule)
        fits = [
            (d, reading)
            for d in doubts
            if rule is not None
            and (reading := _fitting(report, rule, findings[:k], finding, d)) is not None
        ]
        _soften(finding, doubts, fits)


def _soften(finding: Finding, doubts: list[_Doubt], fits: list[tuple[_Doubt, str]]) -> None:
    finding.severity = "warning"
    causes = [say("cause.ocr_doubt", doubts=joined(d.said() for d in doubts))]
    if fits:
        d, reading = fits[0]
        causes.append(say("cause.ocr_reading", printed=d.figure.printed or "", reading=reading))
    both = joined(causes)
    if finding.cause and finding.cause_zh:
        both = joined([both, Said(finding.cause_zh, finding.cause)])
    finding.cause, finding.cause_zh = both.en, both.zh
    note = joined(causes)
    finding.explanation_zh += f"（{note.zh}。）"
    finding.explanation_en += f" ({note.en}.)"
