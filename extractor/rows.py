"""Records as flat tables: the rows behind `Report.to_frames()`, `check -o x.xlsx` and
`extract -o x.csv`, and the `Table` every tabular writer takes.

Every row starts with the same identity columns (`IDENTITY`: file, station, district,
street, year, kind), so a sheet, a CSV or a DataFrame can be filtered and joined without
the report it came from. Values stay as read: numbers numeric, the printed text beside
them (`*_printed`), Chinese as printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # records imports this module lazily (Report.to_frames)
    from extractor.records import Cell, Finding, Number, Report, Text

Row = dict[str, Any]

IDENTITY = ("file", "station", "district", "street", "year", "kind")


@dataclass(frozen=True, slots=True)
class Unread:
    """Why a file gave no record: the error's own one-line message (as the CLI prints it),
    the same said in Chinese and English from the catalogue (`errors.yaml`), and its
    detail (a parser's or an exception's words) apart."""

    message: str
    zh: str
    en: str
    detail: str | None = None


@dataclass(slots=True)
class Table:
    """One table to write: its name (sheet, file stem), columns in order, and rows as
    tuples in that order; optionally the headers to show in place of the column ids."""

    name: str
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    # What a file shows as the header row (`--lang zh`: the Chinese labels); the columns
    # stay the ids every lookup (meanings, DataFrames) goes by.
    headers: list[str] | None = None

    @property
    def header(self) -> list[str]:
        return self.headers if self.headers is not None else self.columns

    @classmethod
    def of(cls, name: str, rows: Sequence[Row], columns: Sequence[str] = ()) -> Table:
        """From dict rows: `columns` first, then any other key in order of appearance."""
        cols = list(dict.fromkeys([*columns, *(k for r in rows for k in r)]))
        return cls(name, cols, [tuple(r.get(c) for c in cols) for r in rows])

    def dicts(self) -> list[Row]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def _t(x: Text | None) -> str | None:
    return x.value if x is not None else None


def _n(x: Number | None) -> float | None:
    return x.value if x is not None else None


def identity(report: Report) -> Row:
    """The columns every row of `report` carries."""
    m = report.meta
    return {
        "file": report.source.file,
        "station": _t(m.station),
        "district": _t(m.district),
        "street": _t(m.street),
        "year": m.year,
        "kind": m.kind,
    }


def summary_row(report: Report) -> Row:
    """One row per report: identity, status, scores and how much was checked and found."""
    s = report.scoring
    weights = {w.party: w.weight for w in s.weights}
    scores = {p.party: p.score.value for p in s.party_scores}
    row = identity(report) | {
        "status": report.status,
        "pages": report.source.pages,
        "city": _t(report.meta.city),
        "operator": _t(report.meta.operator),
        "evaluator": _t(report.meta.evaluator),
        "total": _n(s.total),
        "grade": _t(s.grade),
    }
    for party in dict.fromkeys([*weights, *scores]):
        row[f"score_{party}"] = scores.get(party)
    row |= finding_counts(report)
    row["problems"] = len(report.problems)
    row["sha256"] = report.source.sha256
    return row


def finding_counts(report: Report) -> Row:
    """Errors, warnings and infos found; figures the checker could and did check."""
    sev = [f.severity for f in report.findings]
    return {
        "errors": sev.count("error"),
        "warnings": sev.count("warning"),
        "infos": sev.count("info"),
        "checks_possible": sum(c.possible for c in report.coverage),
        "checks_run": sum(c.run for c in report.coverage),
    }


def finding_row(f: Finding, lang: str = "zh") -> Row:
    loc = f.locations[0] if f.locations else None
    zh = lang == "zh"
    return {
        "rule": f.rule,
        "severity": f.severity,
        "page": loc.page if loc else None,
        "ref": loc.ref if loc else None,
        "printed": f.printed,
        "expected": f.expected,
        "tolerance": f.tolerance_zh if zh else f.tolerance,
        "cause": f.cause_zh if zh else f.cause,
        "explanation": f.explanation_zh if zh else f.explanation_en,
        "ruled_out": ("；" if zh else "; ").join(r.text_zh if zh else r.text for r in f.ruled_out)
        or None,
    }


FINDING_COLUMNS = (
    "rule",
    "severity",
    "page",
    "ref",
    "printed",
    "expected",
    "tolerance",
    "cause",
    "explanation",
    "ruled_out",
)


def _cell(prefix: str, c: Cell | None) -> Row:
    return {prefix: c.value if c else None, f"{prefix}_printed": c.printed if c else None}


def _rate(done: Cell | None, target: Cell | None) -> float | None:
    """done ÷ target in percent, to 2 places: what the printed rate should be."""
    if done is None or target is None or done.value is None or not target.value:
        return None
    return round(done.value / target.value * 100, 2)


def _page(*provs: Any) -> int | None:
    for p in provs:
        prov = getattr(p, "prov", None)
        if prov is not None:
            return int(prov.page)
    return None


def report_rows(report: Report, lang: str = "zh") -> dict[str, list[Row]]:
    """Every part of one record as rows, table name → rows (empty tables included)."""
    ident = identity(report)
    st = report.staffing
    staffing = [
        ident | {"figure": k, "value": n.value, "printed": n.printed, "page": _page(n)}
        for k in type(st).model_fields
        if (n := getattr(st, k)) is not None and hasattr(n, "value")
    ]
    weights = {w.party: w.weight for w in report.scoring.weights}
    scores = {p.party: p.score.value for p in report.scoring.party_scores}
    return {
        "reports": [summary_row(report)],
        "findings": [ident | finding_row(f, lang) for f in report.findings],
        "indicator_rows": [
            ident
            | {
                "table": r.table,
                "scope": r.scope,
                "area": r.area,
                "post": r.post,
                "indicator": r.indicator,
                "label": r.label,
                "measure": r.measure,
            }
            | _cell("target", r.target)
            | _cell("done", r.done)
            | _cell("pct", r.pct)
            | {
                "pct_recomputed": _rate(r.done, r.target),
                "uncertain": r.uncertain_zh if lang == "zh" and r.uncertain_zh else r.uncertain,
                "page": _page(r.done, r.target, r.pct),
            }
            for r in report.indicators.rows
        ],
        "narrative": [
            ident
            | {
                "indicator": f.indicator,
                "measure": f.measure,
                "kind_of_figure": f.kind,
                "value": f.value,
                "printed": f.printed,
                "unit": f.unit,
                "scope": f.scope,
                "approx": f.approx,
                "sentence": f.sentence,
                "page": _page(f),
            }
            for f in report.indicators.narrative
        ],
        "assessments": [
            ident
            | {
                "party": a.party,
                "polarity": a.polarity,
                "area": a.area,
                "ordinal": a.ordinal,
                "headline": a.headline,
                "text": a.text,
                "themes": "、".join(a.themes),
                "page": _page(a),
            }
            for a in report.assessments
        ],
        "party_scores": [
            ident | {"party": p, "weight": weights.get(p), "score": scores.get(p)}
            for p in dict.fromkeys([*weights, *scores])
        ],
        "staffing": staffing,
        "roster": [
            ident
            | {
                "group": r.group,
                "seq": r.seq,
                "name": r.name,
                "position": r.position,
                "qualification": r.qualification,
                "contract": r.contract,
                "on_post": _n(r.on_post),
                "experienced": _n(r.experienced),
                "note": r.note,
                "page": _page(r),
            }
            for r in st.roster
        ],
        "problems": [
            ident
            | {
                "stage": p.stage,
                "message": p.message_zh if lang == "zh" and p.message_zh else p.message,
                "page": p.page,
                "detail": p.detail,
            }
            for p in report.problems
        ],
    }


def report_tables(reports: Iterable[Report], lang: str = "zh") -> list[Table]:
    """The rows of several records, table by table (a table with no row keeps the
    identity columns, so an empty sheet still says what it would hold)."""
    merged: dict[str, list[Row]] = {}
    for r in reports:
        for name, rows in report_rows(r, lang).items():
            merged.setdefault(name, []).extend(rows)
    return [Table.of(name, rows, IDENTITY) for name, rows in merged.items()]


def check_table(
    outcomes: Iterable[tuple[str, Report | None, Unread | None]], lang: str = "zh"
) -> Table:
    """`check`'s findings, one row per finding, and one row for a file with none (its
    status and counts say it was checked, and how much) or that could not be read (its
    status `error` and why, in the language of `lang`, the detail apart): (file name,
    record or None, `Unread` or None) each."""
    rows: list[Row] = []
    for name, report, error in outcomes:
        if report is None:
            text = detail = None
            if error is not None:
                text, detail = (error.zh if lang == "zh" else error.en), error.detail
            rows.append({"file": name, "status": "error", "error": text, "error_detail": detail})
            continue
        base = identity(report) | {"status": report.status} | finding_counts(report)
        findings = [finding_row(f, lang) for f in report.findings]
        rows.extend(base | f for f in findings or [{}])
    columns = (*IDENTITY, "status", "errors", "warnings", "infos", "checks_possible")
    return Table.of(
        "findings", rows, (*columns, "checks_run", *FINDING_COLUMNS, "error", "error_detail")
    )


def frames(tables: Iterable[Table]) -> dict[str, Any]:
    """Tables as pandas DataFrames, name → frame; MissingDependencyError without pandas."""
    try:
        import pandas as pd
    except ImportError as exc:
        from extractor.errors import MissingDependencyError

        raise MissingDependencyError("DataFrames", "pandas", str(exc)) from None
    return {t.name: pd.DataFrame.from_records(t.rows, columns=t.columns) for t in tables}
