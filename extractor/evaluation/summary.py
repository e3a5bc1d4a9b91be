"""The corpus-level figures, typed: what `pinggu evaluate` prints and `--json` writes.

Micro-averaged P/R/F1 per field group under both matchings, the accuracies that field
averages hide (whole records, table cells, praise/concern counts, scores), indicator
rows found, and the checker's findings with false alarms on clean reports counted apart.
`by` breaks the same figures down per group (folder or a `variant` key such as family);
`per_file` lists one line per file.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict, Field

from extractor.evaluation.findings import FindingScore
from extractor.evaluation.metrics import Counts, share
from extractor.evaluation.score import FileResult


class Figures(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PR(Figures):
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, c: Counts) -> PR:
        return cls(
            tp=c.tp,
            fp=c.fp,
            fn=c.fn,
            precision=round(c.precision, 4),
            recall=round(c.recall, 4),
            f1=round(c.f1, 4),
        )


class Matching(Figures):
    """One matching (strict or normalised): overall micro P/R/F1 and per field group."""

    overall: PR
    groups: dict[str, PR]


class FindingFigures(Figures):
    tp: int
    fp: int = Field(description="false alarms, clean reports and others together")
    fn: int
    echoes: int
    values_agree: int
    precision: float
    strict_precision: float
    recall: float
    false_alarms_clean: int = Field(description="false alarms on reports whose gold expects none")
    false_alarms_other: int
    clean_reports: int
    clean_reports_flagged: int

    @classmethod
    def of(cls, s: FindingScore) -> FindingFigures:
        c = s.counts
        return cls(
            tp=c.tp,
            fp=c.fp,
            fn=c.fn,
            echoes=s.echoes,
            values_agree=s.values_agree,
            precision=round(c.precision, 4),
            strict_precision=round(s.strict_precision, 4),
            recall=round(c.recall, 4),
            false_alarms_clean=s.false_alarms_clean,
            false_alarms_other=c.fp - s.false_alarms_clean,
            clean_reports=s.clean_reports,
            clean_reports_flagged=s.clean_reports_flagged,
        )


class RowFigures(Figures):
    gold: int
    found: int
    share: float | None


class FileFigures(Figures):
    """One file's line of `--per-file`."""

    file: str
    group: str
    fields: PR = Field(description="normalised matching, all groups together")
    whole_record_right: bool
    scoring_exact: bool = Field(description="every score, the total and the grade right")
    sections_right: int = Field(description="sections whose praise/concern counts are right")
    sections_total: int
    cells_right: int
    cells_total: int
    rows_found: int
    rows_gold: int
    findings: PR
    false_alarms_clean: int


class Breakdown(Figures):
    key: str = Field(description="'folder' or the variant key the files are grouped by")
    groups: dict[str, EvaluationSummary]


class EvaluationSummary(Figures):
    reports: int
    strict: Matching
    normalised: Matching
    table_cell_accuracy: float | None
    section_count_accuracy: float | None
    whole_record_right: float | None
    scoring_exact: float | None
    indicator_rows: RowFigures
    findings: FindingFigures
    by: Breakdown | None = None
    per_file: list[FileFigures] | None = None
    mismatches: dict[str, list[str]] | None = None


def _matching(results: list[FileResult], mode: str) -> Matching:
    groups: dict[str, Counts] = defaultdict(Counts)
    overall = Counts()
    for r in results:
        for grp, c in getattr(r.fields, mode).items():
            groups[grp].add(c)
            overall.add(c)
    return Matching(overall=PR.of(overall), groups={k: PR.of(v) for k, v in sorted(groups.items())})


def file_figures(r: FileResult) -> FileFigures:
    fields = Counts()
    for c in r.fields.normalised.values():
        fields.add(c)
    m = r.findings
    return FileFigures(
        file=r.file,
        group=r.group,
        fields=PR.of(fields),
        whole_record_right=r.fields.whole_record_right,
        scoring_exact=r.fields.scoring_exact,
        sections_right=r.fields.sections_right,
        sections_total=r.fields.sections_total,
        cells_right=r.fields.cells_right,
        cells_total=r.fields.cells_total,
        rows_found=r.rows.found,
        rows_gold=r.rows.gold,
        findings=PR.of(Counts(len(m.matched), len(m.false_alarms), len(m.missed))),
        false_alarms_clean=len(m.false_alarms) if r.clean else 0,
    )


def summarise(results: list[FileResult], by: str | None = None) -> EvaluationSummary:
    """Corpus figures over `results`; with `by`, the same figures per group as well."""
    n = len(results)
    fs = FindingScore()
    for r in results:
        fs.add(r.findings, clean=r.clean)
    rows_gold = sum(r.rows.gold for r in results)
    rows_found = sum(r.rows.found for r in results)
    summary = EvaluationSummary(
        reports=n,
        strict=_matching(results, "strict"),
        normalised=_matching(results, "normalised"),
        table_cell_accuracy=share(
            sum(r.fields.cells_right for r in results), sum(r.fields.cells_total for r in results)
        ),
        section_count_accuracy=share(
            sum(r.fields.sections_right for r in results),
            sum(r.fields.sections_total for r in results),
        ),
        whole_record_right=share(sum(r.fields.whole_record_right for r in results), n),
        scoring_exact=share(sum(r.fields.scoring_exact for r in results), n),
        indicator_rows=RowFigures(
            gold=rows_gold, found=rows_found, share=share(rows_found, rows_gold)
        ),
        findings=FindingFigures.of(fs),
    )
    if by is not None:
        grouped: dict[str, list[FileResult]] = defaultdict(list)
        for r in results:
            grouped[r.group].append(r)
        summary.by = Breakdown(
            key=by, groups={g: summarise(rs) for g, rs in sorted(grouped.items())}
        )
    return summary
