"""The rows one report puts in the store: the tables of `extractor.rows` (the same rows as
`Report.to_frames()` and `extract -o x.xlsx`), each with the report's integer id, plus
what only the store keeps beside them: the checker's verdict on each printed rate and
on the total (`consistent`, `total_consistent`), and the Chinese names of canonical ids
(`indicator_zh`, `party_zh`) with a comparable 片区 key (`area_key`).

`insert_report` writes them with the column names of the store's tables (schema.py), so
the saving of a new report and the upgrade of an older store are one code path.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from extractor.areas import area_key
from extractor.checks.base import cell_ref
from extractor.checks.messages import say
from extractor.filenames import safe_text
from extractor.knowledge import indicator_names
from extractor.records import Report
from extractor.rows import Row, report_rows

# Child tables of a report, in the order they are written (and deleted before a rewrite).
CHILD_TABLES = (
    "findings",
    "indicator_rows",
    "narrative",
    "assessments",
    "party_scores",
    "staffing",
    "roster",
    "problems",
)
# `table` and `group` are SQL keywords: the store calls them `table_label` (the appendix
# an indicator row comes from) and `staff_group` (a roster row's group).
_RENAMED = {"table": "table_label", "group": "staff_group"}


def _verdicts(report: Report) -> tuple[dict[str, str], set[str]]:
    """ref → the severity of the worst finding located first at it; the refs a rule
    skipped (not checkable)."""
    rank = {"info": 0, "warning": 1, "error": 2}
    worst: dict[str, str] = {}
    for f in report.findings:
        if f.locations:
            ref = f.locations[0].ref
            if rank[f.severity] >= rank.get(worst.get(ref, ""), -1):
                worst[ref] = f.severity
    skipped = {s.ref for c in report.coverage for s in c.skipped}
    return worst, skipped


def _consistent(ref: str, checkable: bool, worst: dict[str, str], skipped: set[str]) -> int | None:
    """1: the checker compared the figure and it holds (an info is no contradiction);
    0: an error finding says it does not; None: not compared, or only doubted (warning)."""
    if not checkable or ref in skipped:
        return None
    severity = worst.get(ref)
    if severity == "error":
        return 0
    if severity == "warning":
        return None
    return 1


def _total(report: Report, worst: dict[str, str], skipped: set[str]) -> Row:
    sc = report.scoring
    checkable = sc.total is not None and bool(sc.party_scores)
    consistent = _consistent("scoring/total", checkable, worst, skipped)
    recomputed = (
        round(sum(p.score.value for p in sc.party_scores), 6) if consistent is not None else None
    )
    return {
        "total_printed": sc.total.printed if sc.total is not None else None,
        "total_recomputed": recomputed,
        "total_consistent": consistent,
    }


def store_rows(report: Report) -> dict[str, list[Row]]:
    """Table name → rows of `report` with the store's own columns added (no report id)."""
    rows = report_rows(report, "en")
    worst, skipped = _verdicts(report)
    names = indicator_names()
    (summary,) = rows["reports"]
    rows["reports"] = [
        {k: v for k, v in summary.items() if not k.startswith("score_")}
        | _total(report, worst, skipped)
    ]
    rows["findings"] = [
        {k: v for k, v in row.items() if k != "explanation"}
        | {
            "tolerance_zh": f.tolerance_zh,
            "cause_zh": f.cause_zh,
            "explanation_zh": f.explanation_zh,
            "explanation_en": f.explanation_en,
            "ruled_out_zh": "；".join(r.text_zh for r in f.ruled_out) or None,
        }
        for row, f in zip(rows["findings"], report.findings, strict=True)
    ]
    for row, ind in zip(rows["indicator_rows"], report.indicators.rows, strict=True):
        checkable = row["pct"] is not None and row["pct_recomputed"] is not None
        row |= {
            "indicator_zh": names.get(ind.indicator),
            "area_key": area_key(ind.area) if ind.area is not None else None,
            "consistent": _consistent(
                cell_ref(ind, "pct"), checkable and not ind.uncertain, worst, skipped
            ),
        }
    for row in rows["narrative"]:
        row["indicator_zh"] = names.get(row["indicator"])
    for row, item in zip(rows["assessments"], report.assessments, strict=True):
        # a JSON array: SQL's json_each and Datasette's array facets read it
        row["themes"] = json.dumps(item.themes, ensure_ascii=False)
    for row in rows["party_scores"]:
        row["party_zh"] = say(f"party.{row['party']}").zh
    return rows


def insert_report(
    conn: sqlite3.Connection,
    report: Report,
    *,
    path: str,
    extracted_at: str,
    report_id: int | None = None,
) -> int:
    """Insert `report`'s rows (the caller deletes any earlier ones and holds the
    transaction); returns its report id (`report_id`, or a new one)."""
    rows = store_rows(report)
    head = rows["reports"][0] | {
        "report_id": report_id,
        "file": safe_text(report.source.file),
        "path": path,
        "extractor_version": report.source.extractor_version,
        "extracted_at": extracted_at,
    }
    new_id = _insert(conn, "reports", [head])
    rid = report_id if report_id is not None else new_id
    sha = report.source.sha256
    _insert(conn, "records", [{"report_id": rid, "sha256": sha, "record": record_json(report)}])
    for table in CHILD_TABLES:
        _insert(conn, table, [{"report_id": rid, "sha256": sha} | r for r in rows[table]])
    return rid


def record_json(report: Report) -> str:
    return report.model_dump_json(exclude_none=True)


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _insert(conn: sqlite3.Connection, table: str, rows: list[Row]) -> int:
    """Rows by column name; a key the table lacks is a bug (the schema and extractor.rows
    disagree), never silently dropped. Returns the last row id."""
    have = set(columns(conn, table))
    last = 0
    for row in rows:
        named = {_RENAMED.get(k, k): _sql(v) for k, v in row.items()}
        unknown = set(named) - have
        if unknown:
            raise KeyError(f"store table {table} has no column {sorted(unknown)}")
        cols = ", ".join(f'"{c}"' for c in named)
        marks = ", ".join("?" for _ in named)
        cur = conn.execute(
            f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', tuple(named.values())
        )
        last = cur.lastrowid or 0
    return last


def _sql(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value
